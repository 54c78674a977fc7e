// Benchmark of the panel's calibration and budget-for-a-target sections in Chromium (not
// part of the test run). In each fresh browser: the panel opened on cantabria as the page
// loads it (1,000 runs), its best-mix search left to finish, then
//   fit    a 10-point series fitted in the section's worker: the first fit (the worker
//          starts and loads the module first) and --fits more (data-ms: from asking to the
//          answer in the panel, the worker's reading, fit, hold-out and JSON included)
//   goal   the least budget for the preset's target at 80% with the current mix: from the
//          click to the answer on screen (its worker started on first use); then with
//          the best mix for the target (the map's search, its runs reused, on the panel's
//          pool, then the bisection at that mix)
// Prints each run and the medians with their range.
//
// Usage: node e2e/bench-goal.mjs [--repeat 3] [--fits 5]
// BASE_URL (default: serve dist/ on a free port), CHROMIUM, DIST_DIR as for the tests.

import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { DIST, LAUNCH_OPTIONS, option, quantile, serveStatic } from './site.mjs';

const REPEAT = Number(option('repeat', 3));
const FITS = Number(option('fits', 5));
const SERIES = 'year,share\n2012,0.05\n2013,0.07\n2014,0.09\n2015,0.12\n2016,0.16\n2017,0.2\n2018,0.25\n2019,0.31\n2020,0.37\n2021,0.43\n';

const line = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${label.padEnd(36)} median ${quantile(s, 0.5).toFixed(1).padStart(7)} ms  (range ${s[0].toFixed(1)}–${s.at(-1).toFixed(1)}, n=${s.length})`);
};

async function fitOnce(page) {
  await page.evaluate(() => document.querySelector('[data-testid=cal-fit]')?.remove());
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.locator('[data-testid=cal-fit]').waitFor({ timeout: 30_000 });
  return Number(await page.locator('[data-testid=cal-fit]').getAttribute('data-ms'));
}

async function runOnce(baseUrl) {
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.locator('[data-testid=additional-adopters]').waitFor();
    await page.getByRole('button', { name: 'Best mix for this budget' }).click();
    await page.locator('.decide-map[data-state=final]').waitFor({ timeout: 60_000 });
    await page.locator('#cal-series').fill(SERIES);
    const first = await fitOnce(page);
    const warm = [];
    for (let i = 0; i < FITS; i += 1) warm.push(await fitOnce(page));
    const goal = await page.evaluate(async () => {
      const t = performance.now();
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Find the budget').click();
      while (!document.querySelector('[data-testid=goal-answer]')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    });
    // The best mix for the target: the map's screened search for the target's column on
    // the shared pool (its memo holds the map's runs), then the bisection at that mix.
    await page.getByRole('radio', { name: 'the best mix for this target' }).check();
    const best = await page.evaluate(async () => {
      // Yew may patch the earlier answer's element in place: the new answer is the one
      // shown after the section ran (its progress seen) or with other words.
      const before = document.querySelector('[data-testid=goal-answer]')?.textContent;
      let ran = false;
      const t = performance.now();
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Find the budget').click();
      for (;;) {
        ran ||= document.querySelector('#goal-progress-label') !== null;
        const now = document.querySelector('[data-testid=goal-answer]');
        if (now && !document.querySelector('#goal-progress-label') && (ran || now.textContent !== before)) break;
        if (performance.now() - t > 60_000) {
          throw new Error(`no answer with the best mix in 60 s: ${document.querySelector('#goal-heading')?.parentElement?.textContent}`);
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - t;
    });
    return { first, warm, goal, best };
  } finally {
    await browser.close();
  }
}

const server = process.env.BASE_URL ? null : await serveStatic(DIST);
const baseUrl = process.env.BASE_URL || server.url;
console.log(`goal/calibration benchmark: ${baseUrl}; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const runs = [];
try {
  for (let r = 0; r < REPEAT; r += 1) {
    const result = await runOnce(baseUrl);
    runs.push(result);
    console.log(`run ${r + 1}: first fit ${result.first.toFixed(1)} ms, fits ${result.warm.map((x) => x.toFixed(1)).join(' ')} ms; goal ${result.goal.toFixed(0)} ms, with the best mix ${result.best.toFixed(0)} ms`);
  }
} finally {
  server?.stop();
}
console.log(`\nSummary over ${runs.length} fresh browsers (load now ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
line('fit, first (worker starts)', runs.map((r) => r.first));
line('fit, worker running', runs.flatMap((r) => r.warm));
line('goal at 80%, current mix', runs.map((r) => r.goal));
line('goal at 80%, best mix', runs.map((r) => r.best));
