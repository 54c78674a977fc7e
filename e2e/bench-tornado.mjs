// Benchmark of the panel's "What drives the result" (tornado) and "What the next euro buys"
// (margins) sections in Chromium (not part of the test run): the cantabria preset as the
// page loads it (1,000 runs; 17 uncertain parameters, so 35 scenarios for the tornado, 4
// for the margins), on the panel's one pool of workers (one per core the browser reports,
// at least 2; one job at a time, in turn). Prints, per repeat and as medians with their range:
//   cold      first opening of the two sections (the panel open, its map final): from the
//             click on their headings to each answer on screen (the pool is the map's, already
//             warm; both sections at once), and each job's own time (data-ms, from its start,
//             waiting for its turn included)
//   together  the scenario changed (another seed, posted to the panel as the page does):
//             the three sections recompute, in turn; each job's data-ms (waiting included)
//   alone     the tornado by itself on warm workers (the others finished, the map's search
//             done for a second): Cancel, then Compute again; its data-ms. The target:
//             within 500 ms.
//
// Usage: node e2e/bench-tornado.mjs [--repeat 3] [--warm 5]
// BASE_URL (default: serve dist/ on a free port), CHROMIUM, DIST_DIR as for the tests.

import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { DIST, LAUNCH_OPTIONS, option, quantile, serveStatic } from './site.mjs';

const REPEAT = Number(option('repeat', 3));
const WARM = Number(option('warm', 5));

/** Waits until the map's search has been done for a whole second (the panel's own status
 * line says "done"; the map keeps its last final map while a new search runs). */
async function settled(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('.decide > .decide-status');
    const now = performance.now();
    if (status?.getAttribute('data-state') !== 'done') {
      window.__finalSince = undefined;
      return false;
    }
    window.__finalSince ??= now;
    return now - window.__finalSince >= 1_000;
  }, null, { timeout: 120_000, polling: 50 });
}

/** Records, in the page, each time a section reaches "done" (with its data-ms). */
const RECORD = () => {
  window.__done = [];
  new MutationObserver(() => {
    for (const s of document.querySelectorAll('section.tornado, section.margins')) {
      const key = s.classList.contains('tornado') ? 'tornado' : 'margins';
      const state = s.getAttribute('data-state');
      const ms = Number(s.getAttribute('data-ms'));
      const last = window.__done.filter((d) => d.key === key).at(-1);
      if (state === 'done' && (!last || last.ms !== ms || last.stale)) {
        window.__done.push({ key, ms, at: performance.now() });
      }
      if (state !== 'done' && last) last.stale = true;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-ms'] });
};

const line = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${quantile(s, 0.5).toFixed(0).padStart(6)} ms  (range ${s[0].toFixed(0)}–${s.at(-1).toFixed(0)}, n=${s.length})`);
};

async function waitDone(page, key, after) {
  await page.waitForFunction(
    ([k, n]) => window.__done.slice(n).some((d) => d.key === k),
    [key, after],
    { timeout: 120_000, polling: 'raf' },
  );
  return page.evaluate(([k, n]) => window.__done.slice(n).find((d) => d.key === k), [key, after]);
}

/** Posts a scenario to the panel as the page does (src/decide/bridge.rs: `<lang> <json>`). */
const post = (page, scenario) => page.evaluate((json) => window.adoptionDecidePagePort.postMessage(`en ${json}`), JSON.stringify(scenario));

async function runOnce(baseUrl) {
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.locator('[data-testid=additional-adopters]').waitFor();
    await page.locator('[data-state=ready]').first().waitFor();
    await page.getByRole('button', { name: 'Best mix for this budget' }).click();
    await page.locator('.decide-map[data-state=final]').waitFor({ timeout: 120_000 });
    // The sections compute once opened (their workers start then).
    const clicked = await page.evaluate(() => {
      const t = performance.now();
      document.querySelectorAll('section.tornado summary, section.margins summary').forEach((s) => s.click());
      return t;
    });
    const t = await waitDone(page, 'tornado', 0);
    const m = await waitDone(page, 'margins', 0);
    const cold = { tornadoClick: t.at - clicked, marginsClick: m.at - clicked, tornado: t.ms, margins: m.ms };
    const base = JSON.parse(process.env.BENCH_SCENARIO);
    const together = { tornado: [], margins: [] };
    const alone = [];
    for (let i = 0; i < WARM; i += 1) {
      // All three sections recompute for another seed.
      let n = await page.evaluate(() => window.__done.length);
      await post(page, { ...base, seed: base.seed + 1 + i });
      together.tornado.push((await waitDone(page, 'tornado', n)).ms);
      together.margins.push((await waitDone(page, 'margins', n)).ms);
      await page.locator('.decide-map[data-state=final]').waitFor({ timeout: 120_000 });
      // The tornado alone: stop it, let the others finish, compute it again.
      await post(page, { ...base, seed: base.seed + 100 + i });
      await page.locator('section.tornado[data-state=running]').waitFor();
      await page.locator('section.tornado').getByRole('button', { name: 'Cancel' }).click();
      n = await page.evaluate(() => window.__done.length);
      await waitDone(page, 'margins', n);
      // The map's search for the new seed starts once the scenario rests and may still be
      // on the pool: it must have been done for a second (no job before the tornado's).
      await settled(page);
      n = await page.evaluate(() => window.__done.length);
      await page.locator('section.tornado').getByRole('button', { name: 'Compute again' }).click();
      alone.push((await waitDone(page, 'tornado', n)).ms);
    }
    return { cold, together, alone };
  } finally {
    await browser.close();
  }
}

if (!process.env.BENCH_SCENARIO) {
  // The cantabria preset's scenario JSON, from the CLI (the page's reference scenario).
  const { execFileSync } = await import('node:child_process');
  const cli = process.env.ADOPTION_CLI || `${process.env.CARGO_TARGET_DIR || 'target'}/release/adoption`;
  process.env.BENCH_SCENARIO = execFileSync(cli, ['preset', 'cantabria'], { encoding: 'utf8' });
}
const server = process.env.BASE_URL ? null : await serveStatic(DIST);
const baseUrl = process.env.BASE_URL || server.url;
console.log(`tornado/margins benchmark: ${baseUrl}, cantabria (1,000 runs); ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const runs = [];
try {
  for (let r = 0; r < REPEAT; r += 1) {
    const result = await runOnce(baseUrl);
    runs.push(result);
    const { cold, together, alone } = result;
    console.log(`run ${r + 1}: cold click→tornado ${cold.tornadoClick.toFixed(0)} ms (job ${cold.tornado.toFixed(0)}), click→margins ${cold.marginsClick.toFixed(0)} ms (job ${cold.margins.toFixed(0)}); `
      + `together tornado ${together.tornado.map((x) => x.toFixed(0)).join(' ')}, margins ${together.margins.map((x) => x.toFixed(0)).join(' ')}; `
      + `alone tornado ${alone.map((x) => x.toFixed(0)).join(' ')} ms`);
  }
} finally {
  server?.stop();
}
console.log(`\nSummary over ${runs.length} fresh browsers (load now ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
line('cold: click → tornado on screen', runs.map((r) => r.cold.tornadoClick));
line('cold: click → margins on screen', runs.map((r) => r.cold.marginsClick));
line('cold: tornado job (data-ms)', runs.map((r) => r.cold.tornado));
line('cold: margins job (data-ms)', runs.map((r) => r.cold.margins));
line('together: tornado job (data-ms)', runs.flatMap((r) => r.together.tornado));
line('together: margins job (data-ms)', runs.flatMap((r) => r.together.margins));
line('alone: tornado job, warm workers (data-ms)', runs.flatMap((r) => r.alone));
