// Benchmark of the facilitator's view in Chromium (not part of the test run): 2,000
// hand-in links (written by the CLI, `adoption handin`, as participants' pages write them;
// 2,000 different plans in 7 groups) pasted at once into facilitate.html. Prints, per
// repeat and as medians with their range, from the click on "Add this text" to:
//   summary    the counts and "What people want" on screen (target: under 2 s)
//   aggregates "What it would achieve" answered (the official plan and the aggregates,
//              each at the preset's 1,000 runs, on the pool of workers)
//   each plan  every plan's own outcome (200 runs each), streamed in batches of 50
// Each repeat is a fresh browser context (empty storage), the module already loaded.
//
// Usage: node e2e/bench-consult.mjs [--repeat 5] [--links 2000] [--own-timeout 600]
// BASE_URL (default: serve dist/ on a free port), ADOPTION_CLI (default:
// $CARGO_TARGET_DIR or target/, release/adoption), CHROMIUM, DIST_DIR as for the tests.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, LAUNCH_OPTIONS, option, quantile, ROOT, serveStatic } from './site.mjs';
import { planScenario } from './consult.mjs';

const REPEAT = Number(option('repeat', 5));
const LINKS = Number(option('links', 2000));
const OWN_TIMEOUT = Number(option('own-timeout', 600)) * 1000;

const line = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return console.log(`${label.padEnd(28)} (none finished)`);
  console.log(`${label.padEnd(28)} median ${quantile(s, 0.5).toFixed(0).padStart(7)} ms  (range ${s[0].toFixed(0)}–${s.at(-1).toFixed(0)}, n=${s.length})`);
};

function cliPath() {
  if (process.env.ADOPTION_CLI) return process.env.ADOPTION_CLI;
  const built = spawnSync('cargo', ['build', '-q', '--release', '-p', 'adoption-cli'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('cargo build --release -p adoption-cli failed');
  return join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'release', 'adoption');
}

/** `LINKS` hand-in links by the CLI, one a line inside some chat-like text. */
function handins(cli) {
  const preset = JSON.parse(spawnSync(cli, ['preset', 'cantabria'], { encoding: 'utf8' }).stdout);
  const groups = ['Besaya', 'Pas', 'Saja', 'Nansa', 'Asón', 'Miera', 'Liébana'];
  const lines = [];
  for (let i = 0; i < LINKS; i += 1) {
    const v = (i * 37) % 101;
    const t = Math.min(100 - v, (i * 53) % 61);
    const out = spawnSync(cli, ['handin', '--scenario', '-', '--consult', 'cant26', '--group', groups[i % groups.length],
      '--nonce', String(i + 1), '--base', 'https://example.org/sim/'], {
      input: JSON.stringify(planScenario(preset, [v, t, 100 - v - t], 500_000 + 1000 * (i % 1500))), encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(`adoption handin failed: ${out.stderr}`);
    lines.push(`[10:${String(i % 60).padStart(2, '0')}] participant ${i + 1}: my plan ${out.stdout.trim()}`);
  }
  return lines.join('\n');
}

async function runOnce(browser, url, text) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${url}facilitate.html?lang=en`);
  await page.locator('#fac-paste').waitFor();
  await page.locator('#fac-paste').fill(text);
  const times = await page.evaluate(async ({ links, ownTimeout }) => {
    const t0 = performance.now();
    const seen = {};
    const check = () => {
      const valid = document.querySelector('[data-count="valid"]');
      if (!seen.summary && valid?.dataset.value === String(links) && document.querySelector('.fac-want .fac-plot')) seen.summary = performance.now() - t0;
      if (!seen.aggregates && document.querySelector('.fac-achieve[data-state="done"]')) seen.aggregates = performance.now() - t0;
      if (seen.aggregates && !seen.own && !document.querySelector('[data-state="own-running"]')) seen.own = performance.now() - t0;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add this text').click();
    const start = performance.now();
    while (!seen.own && performance.now() - start < ownTimeout) {
      await new Promise((r) => setTimeout(r, 100));
      check();
    }
    observer.disconnect();
    return seen;
  }, { links: LINKS, ownTimeout: OWN_TIMEOUT });
  await ctx.close();
  return times;
}

const cli = cliPath();
if (!existsSync(cli)) throw new Error(`${cli} is missing`);
const generated = performance.now();
const text = handins(cli);
console.log(`${LINKS} links from the CLI in ${((performance.now() - generated) / 1000).toFixed(1)} s (${text.length.toLocaleString('en')} characters)`);
const server = process.env.BASE_URL ? null : await serveStatic(DIST);
const url = process.env.BASE_URL || server.url;
const browser = await chromium.launch(LAUNCH_OPTIONS);
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const all = { summary: [], aggregates: [], own: [] };
try {
  for (let r = 0; r < REPEAT; r += 1) {
    const t = await runOnce(browser, url, text);
    console.log(`repeat ${r + 1}: summary ${t.summary?.toFixed(0)} ms, aggregates ${t.aggregates?.toFixed(0)} ms, each plan ${t.own?.toFixed(0) ?? '(timed out)'} ms`);
    for (const k of Object.keys(all)) if (t[k] !== undefined) all[k].push(t[k]);
  }
} finally {
  await browser.close();
  await server?.stop();
}
line('paste -> summary shown', all.summary);
line('paste -> aggregates', all.aggregates);
line(`paste -> each plan (200 runs)`, all.own);
