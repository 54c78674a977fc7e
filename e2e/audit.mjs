// The Lighthouse audit (`cargo xtask audit`): dist/ served with gzip, as a static host serves
// it, audited in Lighthouse's mobile emulation (its defaults: a phone's screen, simulated slow
// 4G and a 4x slower CPU) on the default page, the embed and a preset link. Each page is
// audited RUNS times; the medians must meet BUDGET, or the run fails naming what missed.
//
//   node e2e/audit.mjs                       # every page, 5 runs each
//   node e2e/audit.mjs --runs 1 --page embed --verbose --save /tmp/lh
//   node e2e/audit.mjs --cpu-multiplier 4    # Lighthouse's default slowdown, uncalibrated
//
// --verbose prints, per run, the largest contentful paint's element and the long tasks;
// --save DIR writes each run's full report (open it in Chrome's DevTools or the viewer);
// --cpu-multiplier N slows the CPU N times instead of the calibrated slowdown (below).
//
// NOTE: the CPU slowdown is calibrated to this machine, as Lighthouse's own documentation asks
// (docs/throttling.md, "CPU throttling": its default 4x is calibrated for a high-end desktop,
// benchmark index 1500-2000; other machines should adjust the multiplier). Lighthouse slows
// what it observed by the multiplier, so with a fixed 4x the phone it emulates is 4x slower
// than whatever machine runs it: machines of this one kind measured benchmark indexes from
// about 1,000 to 3,200 (busy or not), and the same build's total blocking time went from 10 ms
// to over 240 ms between them. The slowdown here is 4 x index / 1,750, from an index measured
// just before each run in the same browser, so every run emulates the same phone: the one
// Lighthouse's 4x on a 1,750 desktop emulates. On a machine faster than that it is harsher
// than 4x (about 6x at 2,600), on a slower one gentler; it never goes below 1x.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST, freePort } from './site.mjs';

// The pages audited. The preset link is what `adoption link --preset murcia` writes.
const PAGES = [
  { name: 'default', query: '' },
  { name: 'embed', query: '?embed=1' },
  { name: 'preset', query: '?v=2&preset=murcia&runs=1000&seed=2022' },
];
// Five: a median of three moved by one run that a busy moment of the machine slowed.
const RUNS = 5;
// The benchmark index for which Lighthouse's default 4x slowdown is calibrated: the middle of
// its high-end desktop range, 1500-2000 (see the NOTE above).
const REFERENCE_INDEX = 1750;
const DEFAULT_MULTIPLIER = throttling.mobileSlow4G.cpuSlowdownMultiplier;
// Benchmark index samples per run (their median is used).
const INDEX_SAMPLES = 3;

// What the medians must meet (issue 12, "Fast first view"): category scores out of 100 at
// least `min`, metrics (milliseconds; CLS unitless) at most `max`.
const CATEGORIES = [
  { id: 'performance', label: 'performance', min: 95 },
  { id: 'accessibility', label: 'accessibility', min: 100 },
  { id: 'best-practices', label: 'best practices', min: 100 },
  { id: 'seo', label: 'SEO', min: 90 },
];
const METRICS = [
  { id: 'largest-contentful-paint', label: 'LCP', max: 1500, unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', max: 150, unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', max: 0.05, unit: '' },
  // Printed, not checked: they explain the checked ones.
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'speed-index', label: 'SI', unit: 'ms' },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
// Already-compressed formats are sent as they are, as hosts do.
const COMPRESSED = new Set(['.png', '.ico']);

function parseArgs(argv) {
  const options = { runs: RUNS, pages: PAGES, verbose: false, save: null, allowed: new Set(), multiplier: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--runs' && Number(value) >= 1) options.runs = Number(value), i++;
    else if (flag === '--page' && PAGES.some((p) => p.name === value)) options.pages = PAGES.filter((p) => p.name === value), i++;
    else if (flag === '--save' && value) options.save = value, i++;
    else if (flag === '--verbose') options.verbose = true;
    else if (flag === '--cpu-multiplier' && Number(value) >= 1) options.multiplier = Number(value), i++;
    // Budget items (a category's or metric's id) not met yet: printed as missed, not failed.
    else if (flag === '--allow-missing' && value) options.allowed = new Set(value.split(',')), i++;
    else throw new Error(`unknown option ${flag} (--runs N, --page ${PAGES.map((p) => p.name).join('|')}, --save DIR, --verbose, --cpu-multiplier N, --allow-missing ID,ID)`);
  }
  return options;
}

/**
 * Serves `root` with `Content-Encoding: gzip` for everything compressible (zlib's default
 * level, what nginx's and most hosts' gzip use), compressed once and kept. Returns { url, stop }.
 */
async function serveGzip(root) {
  const cache = new Map();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    const ext = extname(file);
    if (!cache.has(file)) {
      const raw = readFileSync(file);
      cache.set(file, COMPRESSED.has(ext) ? { body: raw, gzip: false } : { body: gzipSync(raw), gzip: true });
    }
    const { body, gzip } = cache.get(file);
    const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Content-Length': body.length };
    if (gzip) Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    response.writeHead(200, headers).end(body);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() };
}

/** Debian's chromium with a DevTools port for Lighthouse, in a throwaway profile. */
async function startChromium() {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'audit-chromium-'));
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  // The profile goes once chromium has exited (it writes there until then).
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${CHROMIUM} did not open its DevTools port ${port}`);
    }
    // Polling a browser coming up, not the page's state.
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, stop };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const show = (metric, value) => (metric.unit === 'ms' ? `${Math.round(value)} ms` : value.toFixed(3));

/**
 * This machine's benchmark index now (Lighthouse's own measure, run in a blank page of the
 * audit's browser): the median of a few samples.
 */
async function benchmarkIndex(port) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0].newPage();
    const samples = [];
    for (let i = 0; i < INDEX_SAMPLES; i++) samples.push(await page.evaluate(`(${pageFunctions.computeBenchmarkIndex})()`));
    await page.close();
    return median(samples);
  } finally {
    await browser.close();
  }
}

/** The CPU slowdown for a run: `--cpu-multiplier`, else calibrated to the index (see NOTE). */
async function cpuMultiplier(port, options) {
  if (options.multiplier) return { multiplier: options.multiplier, index: null };
  const index = await benchmarkIndex(port);
  const multiplier = Math.max(1, (DEFAULT_MULTIPLIER * index) / REFERENCE_INDEX);
  return { multiplier: Math.round(multiplier * 100) / 100, index: Math.round(index) };
}

/** One Lighthouse run: the four category scores (0–100) and the metrics. */
async function audit(url, port, options, tag) {
  const { multiplier, index } = await cpuMultiplier(port, options);
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES.map((c) => c.id),
    throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: multiplier },
  });
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  if (options.save) {
    mkdirSync(options.save, { recursive: true });
    writeFileSync(join(options.save, `${tag}.json`), JSON.stringify(lhr));
  }
  // Lighthouse's own measure of this machine's speed during the run, beside the one the
  // slowdown was calibrated with.
  const run = { scores: {}, metrics: {}, benchmarkIndex: Math.round(lhr.environment.benchmarkIndex), index, multiplier };
  for (const c of CATEGORIES) run.scores[c.id] = Math.round(lhr.categories[c.id].score * 100);
  for (const m of METRICS) run.metrics[m.id] = lhr.audits[m.id].numericValue;
  if (options.verbose) explain(lhr);
  for (const c of CATEGORIES) {
    if (run.scores[c.id] < 100) {
      const failed = lhr.categories[c.id].auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => ref.id);
      run.failed = [...(run.failed || []), ...failed.map((id) => `${c.id}: ${id}`)];
    }
  }
  return run;
}

/** What the LCP element is and which tasks blocked the main thread. */
function explain(lhr) {
  const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcp) console.log(`      LCP element: ${lcp.snippet} (${lcp.nodeLabel?.slice(0, 60)})`);
  for (const task of lhr.audits['long-tasks']?.details?.items || []) {
    console.log(`      long task: ${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms, ${task.url}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const site = await serveGzip(DIST);
  const browser = await startChromium();
  const failures = [];
  const allowed = [];
  try {
    for (const page of options.pages) {
      const url = `${site.url}${page.query}`;
      console.log(`${page.name}: ${url}`);
      const runs = [];
      for (let i = 1; i <= options.runs; i++) {
        const run = await audit(url, browser.port, options, `${page.name}-${i}`);
        runs.push(run);
        const scores = CATEGORIES.map((c) => `${c.label} ${run.scores[c.id]}`).join(', ');
        const metrics = METRICS.map((m) => `${m.label} ${show(m, run.metrics[m.id])}`).join(', ');
        console.log(`  run ${i}: ${scores}; ${metrics}; CPU ${run.multiplier}x slower${run.index === null ? '' : ` (index ${run.index} before the run)`}, index ${run.benchmarkIndex} in it${run.failed ? `; below 100: ${run.failed.join(', ')}` : ''}`);
      }
      const line = [];
      for (const c of CATEGORIES) {
        const values = runs.map((r) => r.scores[c.id]);
        const m = median(values);
        line.push(`${c.label} ${m} [${Math.min(...values)}–${Math.max(...values)}]`);
        if (m < c.min) (options.allowed.has(c.id) ? allowed : failures).push(`${page.name}: ${c.label} median ${m} is below ${c.min}`);
      }
      for (const metric of METRICS) {
        const values = runs.map((r) => r.metrics[metric.id]);
        const m = median(values);
        line.push(`${metric.label} ${show(metric, m)} [${show(metric, Math.min(...values))}–${show(metric, Math.max(...values))}]`);
        if (metric.max !== undefined && m > metric.max) {
          (options.allowed.has(metric.id) ? allowed : failures).push(`${page.name}: ${metric.label} median ${show(metric, m)} is above ${show(metric, metric.max)}`);
        }
      }
      console.log(`  median of ${runs.length} [min–max]: ${line.join(', ')}`);
    }
  } finally {
    await browser.stop();
    site.stop();
  }
  console.log(`audit took ${Math.round((Date.now() - started) / 1000)} s`);
  if (allowed.length) console.log(`missed, allowed by --allow-missing (not met yet):\n  ${allowed.join('\n  ')}`);
  if (failures.length) {
    console.error(`Lighthouse budget missed (mobile, gzip-served ${DIST}):\n  ${failures.join('\n  ')}`);
    console.error('(`node e2e/audit.mjs --page NAME --runs 1 --verbose` names the LCP element and the long tasks)');
    process.exit(1);
  }
  console.log(allowed.length ? 'Lighthouse budget met on every page, but for the items allowed to miss' : 'Lighthouse budget met on every page');
}

main().catch((error) => {
  console.error(`audit: ${error.stack || error}`);
  process.exit(1);
});
