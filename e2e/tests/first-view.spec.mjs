// The first view baked at build time (tools/first-view.mjs, src/first_view.rs): for the
// addresses people open, an inert copy of the app's first screen shows while the app's
// WebAssembly downloads; the app then takes its place at its first exact result, with the
// same figures, and nothing on the screen moves.

import { BROWSER_LOCALE, expect, test, waitReady } from '../fixtures.mjs';

// The app's module held back, so the copy is seen on its own.
const HOLD_MS = 1500;

/** Records layout shifts and when the copy appeared, from the page's first moment. */
function watch() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // When the app's module is asked for (wasm-bindgen's loader fetches it).
  const fetch = window.fetch;
  window.fetch = function (input, ...rest) {
    if (!window.__wasmAt && /_bg\.wasm$/.test(String(input?.url ?? input))) window.__wasmAt = performance.now();
    return fetch.call(this, input, ...rest);
  };
  new MutationObserver(() => {
    if (!window.__copyAt && document.querySelector('#app > .first-view')) window.__copyAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

async function holdModule(page) {
  await page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, HOLD_MS));
    await route.continue();
  });
}

const CASES = [
  { name: 'default page', query: '', lang: 'en', figure: '.bar-figure' },
  { name: 'a preset link', query: '?v=2&preset=murcia&runs=1000&seed=2022', lang: 'es', figure: '.bar-figure' },
  { name: 'the embed', query: '?embed=1', lang: 'pt', figure: '[data-testid=additional-adopters]' },
];

for (const c of CASES) {
  test(`first view (${c.name}, ${c.lang}, 412 px): the copy shows before the app, inert, with the app's figures; the app takes its place without a shift`, async ({ pages, note }) => {
    const page = await pages.open({ viewport: { width: 412, height: 823 }, locale: BROWSER_LOCALE[c.lang], init: watch });
    await holdModule(page);
    await page.goto(c.query || './');
    const copy = page.locator('#app > .first-view');
    await expect(copy, 'the baked copy is shown while the app loads').toBeVisible({ timeout: 5_000 });
    expect(await copy.getAttribute('inert'), 'the copy is inert').not.toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang || 'en'), 'the page is in the browser\'s language').toBeTruthy();
    // The copy's figure, as the app drew it at build time (the test id is not kept).
    const figureSelector = c.figure.startsWith('[data-testid') ? '.card.primary .figure' : c.figure;
    const baked = (await copy.locator(figureSelector).first().textContent())?.trim();
    expect(baked, 'the copy has the headline figure').toBeTruthy();
    // Nothing in the copy can take focus.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.first-view')), 'no focus inside the copy').toBeFalsy();
    // The app's module starts downloading once the copy is on the screen.
    await page.waitForFunction(() => window.__wasmAt, null, { timeout: 10_000 });
    const [wasmStart, copyAt] = await page.evaluate(() => [window.__wasmAt, window.__copyAt]);
    expect(copyAt, 'the copy appeared').toBeGreaterThan(0);
    expect(wasmStart, 'the module was requested after the copy showed').toBeGreaterThan(copyAt);

    await waitReady(page);
    await expect(copy, 'the copy is gone once the app has its result').toHaveCount(0);
    await expect(page.locator('#app > .pending'), 'the app is not left invisible').toHaveCount(0);
    const live = (await page.locator(c.figure).first().textContent())?.trim();
    expect(live, 'the app shows the figure the copy showed').toEqual(baked);
    const shift = await page.evaluate(() => window.__shift);
    note(`copy at ${(await page.evaluate(() => window.__copyAt)).toFixed(0)} ms; module requested at ${wasmStart.toFixed(0)} ms; figure ${baked}; layout shift ${shift.toFixed(4)}`);
    expect(shift, 'layout shift while the app took over').toBeLessThanOrEqual(0.01);
    // The copy is read by nothing: axe and the tests see the app alone.
    expect(await page.locator('#app .first-view, #app > .live.pending').count()).toEqual(0);
  });
}

test('first view: an address that was not baked shows "Loading…" and fetches no copy; every preset of the page is baked', async ({ pages }) => {
  const page = await pages.open({ viewport: { width: 412, height: 823 } });
  await page.goto('?budget=2000000');
  await waitReady(page);
  const rec = pages.rec(page);
  expect(rec.requests.filter((u) => u.includes('/first/')), 'no copy fetched for an address not baked').toEqual([]);
  // Every preset the page offers has its copy, in every language.
  const presets = await page.$$eval('select#preset option', (os) => os.map((o) => o.value).filter(Boolean));
  expect(presets.length).toBeGreaterThan(1);
  const script = await page.evaluate(() => document.getElementById('first-view')?.textContent ?? '');
  for (const p of presets) expect(script, `preset ${p} baked`).toContain(`preset_${p.replace(/[^A-Za-z0-9]+/g, '_')}_`);
  for (const lang of ['en', 'es', 'pt']) {
    const r = await page.request.get(`first/${lang}-default.html`);
    expect(r.ok(), `first/${lang}-default.html`).toBeTruthy();
    expect(await r.text(), `${lang} copy is inert`).toMatch(/^<div class="first-view" inert>/);
  }
});
