// Boots one of the site's lazily loaded WebAssembly modules (built by trunk as "workers":
// the best-mix panel's, src/bin/decide.rs, by decide-boot.js; the facilitator's,
// src/bin/facilitate.rs, by facilitate-boot.js) where the boot script runs: in a page,
// with the panel's styles, and as each of that module's workers.
export async function boot(init, name) {
  const wasm = new URL(`./${name}_bg.wasm`, import.meta.url);
  if (typeof document !== 'undefined') {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./decide.css', import.meta.url).href;
    document.head.append(link);
    await init({ module_or_path: wasm });
  } else {
    // A worker: its page posts its compiled module first (src/decide/pool.rs,
    // ModuleWorker), so the worker neither downloads nor compiles it again, and shares the
    // code the engine optimised. The listener is set before any await, so that message is
    // not missed; anything else first would mean an older page: fetch the module then.
    const first = await new Promise((resolve) => {
      self.addEventListener('message', (e) => resolve(e.data), { once: true });
    });
    await init({ module_or_path: first instanceof WebAssembly.Module ? first : wasm });
  }
}
