// Benchmark of the best-mix panel in Chromium (not part of the test run): the cantabria
// preset as the page loads it (1,000 runs), the panel's coarse map (66 mixes at 10% steps,
// 50 runs) and its final map (231 mixes screened at 200 runs, the likely best on all
// 1,000), computed by the panel's pool of workers (one per core the browser reports, at
// least 2). Prints, per repeat and as medians with their range:
//   cold    first opening in a fresh browser: from the click to each map on screen (the
//           module and its workers load first), and the search's own time (data-ms: from
//           the search's start, its workers already started or not, to the map)
//   warm    the search again with the workers running, of a scenario the panel has not
//           computed (the budget moved away and back: the panel keeps the values of one
//           scenario only): the search's own time to the coarse and to the final map
//   another objective  the same scenario judged otherwise: only what is missing is
//           computed (the mixes that may be the new objective's best, on all runs)
//
// Usage: node e2e/bench-decide.mjs [--repeat 5] [--warm 5]
// BASE_URL (default: serve dist/ on a free port), CHROMIUM, DIST_DIR as for the tests.

import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { DIST, LAUNCH_OPTIONS, option, quantile, serveStatic } from './site.mjs';

const REPEAT = Number(option('repeat', 5));
const WARM = Number(option('warm', 5));

/** Records, in the page, when each map state first shows and its data-ms. */
const RECORD = () => {
  window.__maps = [];
  new MutationObserver(() => {
    const map = document.querySelector('.decide-map');
    if (!map) return;
    const state = map.getAttribute('data-state');
    const ms = Number(map.getAttribute('data-ms'));
    const last = window.__maps.at(-1);
    if (!last || last.state !== state || last.ms !== ms) window.__maps.push({ state, ms, at: performance.now() });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-ms'] });
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), min: s[0], max: s.at(-1) };
};
const line = (label, xs) => {
  const st = stats(xs);
  console.log(`${label.padEnd(40)} median ${st.median.toFixed(0).padStart(6)} ms  (range ${st.min.toFixed(0)}–${st.max.toFixed(0)}, n=${st.n})`);
};

async function waitMap(page, state, after) {
  await page.waitForFunction(
    ([s, n]) => window.__maps.slice(n).some((m) => m.state === s),
    [state, after],
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(([s, n]) => window.__maps.slice(n).find((m) => m.state === s), [state, after]);
}

async function runOnce(baseUrl) {
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.locator('[data-testid=additional-adopters]').waitFor();
    await page.locator('[data-state=ready]').first().waitFor();
    const clicked = await page.evaluate(() => {
      const t = performance.now();
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Best mix for this budget').click();
      return t;
    });
    const coarse = await waitMap(page, 'coarse', 0);
    const final = await waitMap(page, 'final', 0);
    const cold = {
      clickToCoarse: coarse.at - clicked,
      clickToFinal: final.at - clicked,
      coarse: coarse.ms,
      final: final.ms,
      workers: await page.evaluate(() => navigator.hardwareConcurrency),
    };
    const warm = { coarse: [], final: [] };
    const budget = await page.evaluate(() => Number(document.querySelector('#budget').value));
    for (let i = 0; i < WARM; i += 1) {
      // Another budget, then the preset's again: a scenario the panel has not computed
      // (it keeps what it computed for one scenario only), with its workers running.
      for (const b of [budget + 50_000, budget]) {
        const n = await page.evaluate(() => window.__maps.length);
        await page.evaluate((v) => {
          const slider = document.querySelector('#budget');
          slider.value = String(v);
          slider.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }, b);
        const c = await waitMap(page, 'coarse', n);
        const f = await waitMap(page, 'final', n);
        if (b === budget) {
          warm.coarse.push(c.ms);
          warm.final.push(f.ms);
        }
      }
    }
    // Another objective on the same scenario: only the mixes that may be its best are
    // extended; what the last search computed is not computed again.
    const memo = [];
    for (const objective of ['years', 'mean']) {
      const n = await page.evaluate(() => window.__maps.length);
      await page.selectOption('#decide-objective', objective);
      memo.push((await waitMap(page, 'final', n)).ms);
    }
    warm.memo = memo;
    return { cold, warm };
  } finally {
    await browser.close();
  }
}

const server = process.env.BASE_URL ? null : await serveStatic(DIST);
const baseUrl = process.env.BASE_URL || server.url;
console.log(`best-mix benchmark: ${baseUrl}, cantabria as loaded (1,000 runs); ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const runs = [];
try {
  for (let r = 0; r < REPEAT; r += 1) {
    const result = await runOnce(baseUrl);
    runs.push(result);
    const { cold, warm } = result;
    console.log(`run ${r + 1}: cold click→coarse ${cold.clickToCoarse.toFixed(0)} ms, click→final ${cold.clickToFinal.toFixed(0)} ms `
      + `(search ${cold.coarse.toFixed(0)} / ${cold.final.toFixed(0)} ms, ${cold.workers} cores reported); `
      + `warm coarse ${warm.coarse.map((x) => x.toFixed(0)).join(' ')} ms, final ${warm.final.map((x) => x.toFixed(0)).join(' ')} ms; `
      + `other objective ${warm.memo.map((x) => x.toFixed(0)).join(' ')} ms`);
  }
} finally {
  server?.stop();
}
console.log(`\nSummary over ${runs.length} fresh browsers (load now ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
line('cold: click → coarse map on screen', runs.map((r) => r.cold.clickToCoarse));
line('cold: click → final map on screen', runs.map((r) => r.cold.clickToFinal));
line('cold: search → coarse (data-ms)', runs.map((r) => r.cold.coarse));
line('cold: search → final (data-ms)', runs.map((r) => r.cold.final));
line('warm: search → coarse (data-ms)', runs.flatMap((r) => r.warm.coarse));
line('warm: search → final (data-ms)', runs.flatMap((r) => r.warm.final));
line('another objective → final (data-ms)', runs.flatMap((r) => r.warm.memo));
