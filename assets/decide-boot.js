// Loads the best-mix module (src/bin/decide.rs) where this script runs: in the page, when
// the panel is first opened (with its styles), and as each of the panel's workers.
import init from './decide.js';

if (typeof document !== 'undefined') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./decide.css', import.meta.url).href;
  document.head.append(link);
}
await init({ module_or_path: new URL('./decide_bg.wasm', import.meta.url) });
