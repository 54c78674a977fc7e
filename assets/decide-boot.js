// Loads the best-mix module (src/bin/decide.rs) where this script runs: in the page, when
// the panel is first opened (with its styles), and as each of the panel's workers.
import init from './decide.js';

const wasm = new URL('./decide_bg.wasm', import.meta.url);

if (typeof document !== 'undefined') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./decide.css', import.meta.url).href;
  document.head.append(link);
  await init({ module_or_path: wasm });
} else {
  // A worker: the panel posts its compiled module first (src/decide/pool.rs,
  // ModuleWorker), so the worker neither downloads nor compiles it again, and shares the
  // code the engine optimised. The listener is set before any await, so that message is
  // not missed; anything else first would mean an older panel: fetch the module then.
  const first = await new Promise((resolve) => {
    self.addEventListener('message', (e) => resolve(e.data), { once: true });
  });
  await init({ module_or_path: first instanceof WebAssembly.Module ? first : wasm });
}
