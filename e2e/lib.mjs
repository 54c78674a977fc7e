// Shared helpers for the end-to-end tests and the benchmark: browser launch, a tiny test
// registry, pages that record everything suspicious, waits on the app's own state
// attributes, the CLI as an oracle, number formatting as the page does it, and a static
// server for the sub-path test.
//
// Plain Node ESM; only playwright-core (and @axe-core/playwright in the a11y tests).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(E2E_DIR, '..');
// The site's files, for the sub-path test and the benchmark's size report ($DIST_DIR when
// the server under test serves a copy).
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');
export const SHOTS = join(E2E_DIR, 'screenshots');

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
export const ORIGIN = new URL(BASE_URL).origin;

// Longest a single simulation may take before a wait gives up (the reference preset
// computes in ~0.1 s; a 10 bn budget or a 50-year horizon in a few seconds at most).
export const RESULT_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------
// Browser

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

// ---------------------------------------------------------------------------------------
// Tests

const registry = [];

/**
 * Registers a test. `fn(t)` gets a per-test context (see `runTest`). `known`: why the
 * test is expected to fail (an app bug not fixed yet): the runner reports its failure as
 * KNOWN without failing the run, and says so when it passes.
 */
export function test(name, fn, { timeout = 60_000, known = null } = {}) {
  registry.push({ name, fn, timeout, known });
}

export function registeredTests() {
  return registry;
}

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual(actual, expected, what) {
  if (!Object.is(actual, expected) && JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new AssertionError(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

/** Rejects after `ms` with a clear message unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new AssertionError(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Runs one test with its own contexts. `t.page(options)` opens a fresh context and page
 * that record problems; after the test, every page must be free of page errors and
 * console errors (tests may look at warnings themselves). On failure each open page is
 * screenshotted to e2e/screenshots/FAIL-<test>-<n>.png.
 */
export async function runTest(browser, { name, fn, timeout, known = null }) {
  const contexts = [];
  const pages = [];
  const t = {
    name,
    browser,
    async page(options = {}) {
      const { ctx, page, rec } = await openPage(browser, options);
      contexts.push(ctx);
      pages.push({ page, rec });
      return page;
    },
    /** The recorder of a page opened with `t.page`. */
    rec(page) {
      return pages.find((p) => p.page === page)?.rec;
    },
    /** Opt a page out of the automatic end-of-test console-error check. */
    allowConsoleErrors(page) {
      const entry = pages.find((p) => p.page === page);
      if (entry) entry.allowErrors = true;
    },
    log: [],
    note(line) {
      this.log.push(line);
    },
  };
  const started = performance.now();
  let error = null;
  try {
    await withTimeout(fn(t), timeout, name);
    for (const { page, rec, allowErrors } of pages) {
      assert(rec.pageErrors.length === 0, `page errors: ${rec.pageErrors.join(' | ')}`);
      if (!allowErrors) {
        const errors = rec.console.filter((m) => m.type === 'error');
        assert(errors.length === 0, `console errors on ${page.url()}: ${errors.map((m) => m.text).join(' | ')}`);
      }
    }
  } catch (e) {
    error = e;
    mkdirSync(SHOTS, { recursive: true });
    let n = 0;
    for (const { page } of pages) {
      n += 1;
      const file = join(SHOTS, `FAIL-${slug(name)}-${n}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        t.note(`screenshot: ${file}`);
      } catch {
        // The page may be closed or hung; the error itself is what matters.
      }
    }
  } finally {
    for (const ctx of contexts) await ctx.close().catch(() => {});
  }
  return { name, ms: performance.now() - started, error, notes: t.log, known };
}

export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

// ---------------------------------------------------------------------------------------
// Pages

/**
 * Chromium's own console warnings that say nothing about the app, matched exactly.
 * Each entry: [pattern, why it is ignored].
 */
export const BENIGN_WARNINGS = [
  [
    /^The `integrity` attribute is currently ignored for preload destinations that do not support subresource integrity\./,
    'Chromium (crbug.com/981419) about trunk\'s <link rel=preload as=fetch integrity=…> for the '
      + 'wasm: the preload still works; the integrity attribute there is informational.',
  ],
];

export function isBenignWarning(text) {
  return BENIGN_WARNINGS.some(([re]) => re.test(text));
}

/**
 * A fresh context and page that record console messages, page errors, every request, and
 * failed or >= 400 responses. Also wraps Web Storage writes so tests can assert the app
 * makes none. Options: `viewport`, `locale`, `media`, `init` (extra init script).
 */
export async function openPage(browser, options = {}) {
  const ctx = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    locale: options.locale || 'en-GB',
    reducedMotion: options.reducedMotion,
  });
  const rec = { console: [], pageErrors: [], requests: [], failed: [], bad: [], workers: [] };
  ctx.on('request', (r) => rec.requests.push(r.url()));
  ctx.on('requestfailed', (r) => rec.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  ctx.on('response', (r) => {
    if (r.status() >= 400) rec.bad.push(`${r.status()} ${r.url()}`);
  });
  await ctx.addInitScript(() => {
    window.__e2eStorageWrites = [];
    for (const name of ['setItem', 'removeItem', 'clear']) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = function (...args) {
        window.__e2eStorageWrites.push([this === window.localStorage ? 'local' : 'session', name, ...args]);
        return original.apply(this, args);
      };
    }
  });
  if (options.init) await ctx.addInitScript(options.init);
  const page = await ctx.newPage();
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), url: m.location()?.url }));
  page.on('pageerror', (e) => rec.pageErrors.push(String(e?.stack || e)));
  page.on('worker', (w) => {
    rec.workers.push(w.url());
    w.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), url: w.url() }));
  });
  if (options.media) await page.emulateMedia({ media: options.media });
  return { ctx, page, rec };
}

/** Opens the app at `path` (relative to BASE_URL) and waits for the first result. */
export async function gotoReady(page, path = '', base = BASE_URL) {
  await page.goto(new URL(path, base).href);
  await waitReady(page);
}

export async function waitReady(page, timeout = RESULT_TIMEOUT) {
  await page.waitForSelector('[data-testid=status][data-state=ready] [data-testid=compute-ms]', {
    timeout,
  });
  await page.waitForSelector('[data-testid=additional-adopters]', { timeout });
}

// ---------------------------------------------------------------------------------------
// Fresh results
//
// After an input, "ready" may already be on screen from the previous result. A
// MutationObserver in the page counts every switch of the status to `running`; a fresh
// result is: at least one `running` seen since `arm`, and the status `ready` now.

export async function arm(page) {
  await page.evaluate(() => {
    const s = (window.__e2eStatus ||= { runs: 0 });
    s.runs = 0;
    if (!s.observer) {
      const check = () => {
        const el = document.querySelector('[data-testid=status]');
        const state = el?.getAttribute('data-state');
        if (state === 'running' && s.last !== 'running') s.runs += 1;
        s.last = state;
      };
      s.observer = new MutationObserver(check);
      s.observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-state'],
      });
      check();
      if (s.last === 'running') s.runs = 0; // the one in flight before arming does not count
    }
  });
}

/** How many times the status went to `running` since `arm`. */
export function runsSinceArm(page) {
  return page.evaluate(() => window.__e2eStatus?.runs ?? 0);
}

export async function waitFresh(page, timeout = RESULT_TIMEOUT) {
  await page.waitForFunction(
    () =>
      (window.__e2eStatus?.runs ?? 0) > 0
      && document.querySelector('[data-testid=status]')?.getAttribute('data-state') === 'ready'
      && document.querySelector('[data-testid=compute-ms]') !== null,
    null,
    { timeout, polling: 'raf' },
  );
}

/** Runs `action`, then waits for the result it causes. */
export async function fresh(page, action) {
  await arm(page);
  await action();
  await waitFresh(page);
}

export function headline(page) {
  return page.textContent('[data-testid=additional-adopters]');
}

/** The two numbers of "In 9 out of 10 simulated futures: A to B" (any language). */
export async function intervalNumbers(page) {
  const text = await page.locator('.card.primary .detail').first().innerText();
  const numbers = text.match(/−?\d[\d.,]*/g) || [];
  return { text, low: numbers.at(-2), high: numbers.at(-1) };
}

// ---------------------------------------------------------------------------------------
// Keyboard

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after
 * `max` presses. Proves the element is in the tab order, reached by keyboard alone.
 */
export async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i <= max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const at = await focusedDescription(page);
  throw new AssertionError(`${selector} not reached with ${back ? 'Shift+' : ''}Tab in ${max} presses (focus on ${at})`);
}

export function focusedDescription(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return 'nothing';
    const cls = typeof e.className === 'string' ? e.className : e.className?.baseVal;
    return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls ? `.${cls.split(' ').join('.')}` : ''}>`;
  });
}

/** The focused element's visible focus indicator, or null if it has none. */
export function focusIndicator(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      return `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
    }
    if (s.boxShadow && s.boxShadow !== 'none') return `box-shadow ${s.boxShadow}`;
    return null;
  });
}

// ---------------------------------------------------------------------------------------
// Numbers as the page formats them (src/format.rs)

/**
 * Rounds like Rust's `format!("{:.0}", x)`: to nearest, exact ties to even. (JS's
 * Math.round sends ties up; sums over 1,000 runs can end in .5.)
 */
export function roundLikeRust(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A whole number with thousands separators: `1,234` (en), `1.234` (es); minus is U+2212. */
export function formatCount(x, lang = 'en') {
  const n = roundLikeRust(Math.abs(x));
  const digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'es' ? '.' : ',');
  return x < 0 && n !== 0 ? `−${digits}` : digits;
}

// ---------------------------------------------------------------------------------------
// The CLI as the oracle

function collect(command, args, input) {
  return new Promise((resolvePromise) => {
    let child;
    try {
      child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      resolvePromise({ code: null, stdout: '', stderr: String(error) });
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (error) => resolvePromise({ code: null, stdout, stderr: `${stderr}${error}` }));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

let cliMode = null; // 'cargo' | path of a built binary

/**
 * Runs the adoption CLI with `args` (stdin `input`) and returns its stdout. Uses
 * `cargo run -q --release -p adoption-cli`; if cargo is not usable, a built binary:
 * $ADOPTION_CLI, else target/release/adoption (or $CARGO_TARGET_DIR/release/adoption).
 */
export async function cli(args, input) {
  if (cliMode === null || cliMode === 'cargo') {
    const r = await collect('cargo', ['run', '-q', '--release', '-p', 'adoption-cli', '--', ...args], input);
    if (r.code === 0) {
      cliMode = 'cargo';
      return r.stdout;
    }
    if (cliMode === 'cargo') throw new Error(`adoption ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
    cliMode = fallbackBinary();
    if (!cliMode) throw new Error(`cargo run failed (${r.code}: ${r.stderr.trim().slice(0, 400)}) and no built adoption binary found`);
  }
  const r = await collect(cliMode, args, input);
  if (r.code !== 0) throw new Error(`${cliMode} ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

function fallbackBinary() {
  const candidates = [
    process.env.ADOPTION_CLI,
    process.env.CARGO_TARGET_DIR && join(process.env.CARGO_TARGET_DIR, 'release', 'adoption'),
    join(ROOT, 'target', 'release', 'adoption'),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) || null;
}

const memo = new Map();

/** `adoption run --preset NAME`, parsed (memoised: several tests share it). */
export function cliRunPreset(name = 'cantabria') {
  const key = `run:${name}`;
  if (!memo.has(key)) memo.set(key, cli(['run', '--preset', name]).then(JSON.parse));
  return memo.get(key);
}

/** The preset's scenario JSON, parsed. */
export function cliPreset(name = 'cantabria') {
  const key = `preset:${name}`;
  if (!memo.has(key)) memo.set(key, cli(['preset', name]).then(JSON.parse));
  return memo.get(key);
}

/** `adoption run --scenario -` for a scenario object. */
export async function cliRunScenario(scenario) {
  return JSON.parse(await cli(['run', '--scenario', '-'], JSON.stringify(scenario)));
}

// ---------------------------------------------------------------------------------------
// Static server for sub-path tests

export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * Copies dist/ to <tmp>/sub/dir/ (and `extraFiles`, name → text, to <tmp>/) and serves
 * <tmp> with python's http.server on a free port. Returns { url, root, stop }.
 */
export async function serveUnderSubPath(subPath = 'sub/dir', extraFiles = {}) {
  const root = mkdtempSync(join(tmpdir(), 'adoption-e2e-'));
  const target = join(root, ...subPath.split('/'));
  mkdirSync(target, { recursive: true });
  cpSync(DIST, target, { recursive: true });
  // Files beside the site, at the server's root (e.g. a host page that embeds it).
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(root, name), text);
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
    rmSync(root, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok || response.status < 500) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`python3 http.server on ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 100)); // polling a server coming up, not app state
  }
  return { url, root: `${url}${subPath}/`, stop };
}

// ---------------------------------------------------------------------------------------
// Misc

export function shot(name) {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}

/** A small seeded PRNG (mulberry32), so random walks are reproducible from their seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sets a range (or any) input's value and fires `input`, as a drag step would. */
export function setRange(page, selector, value) {
  return page.$eval(
    selector,
    (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return el.value;
    },
    value,
  );
}

export function mixValues(page) {
  return page.evaluate(() =>
    ['vouchers', 'training', 'pilots'].map((k) => ({
      range: Number(document.querySelector(`#share-${k}`).value),
      exact: document.querySelector(`#share-${k}-exact`).value,
      held: document.querySelector(`#hold-${k}`).checked,
    })),
  );
}

// ---------------------------------------------------------------------------------------
// Saved scenarios, files, notices, privacy (the tests of links, saved scenarios, import,
// export, embed)

/** The localStorage key of the saved scenarios (src/storage.rs). */
export const STORE_KEY = 'adoption-widget.saved';

/** Runs `action` (e.g. a click) and returns the file it downloads: { name, buffer, text }. */
export async function download(page, action, timeout = 10_000) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), action()]);
  const failure = await dl.failure();
  if (failure) throw new AssertionError(`download of ${dl.suggestedFilename()} failed: ${failure}`);
  const buffer = readFileSync(await dl.path());
  return { name: dl.suggestedFilename(), buffer, text: buffer.toString('utf8') };
}

/** Gives the page a file through the file input `selector`, as the picker would. */
export function pickFile(page, selector, name, contents, mimeType = 'text/plain') {
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8');
  return page.setInputFiles(selector, { name, mimeType, buffer });
}

/** Drops a file on `target` (the page's app element), as dragging it from the desktop. */
export async function dropFile(page, name, contents, mimeType = 'text/plain', target = '.app') {
  const dataTransfer = await page.evaluateHandle(({ name, contents, mimeType }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([contents], name, { type: mimeType }));
    return dt;
  }, { name, contents, mimeType });
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, type, { dataTransfer });
  await dataTransfer.dispose();
}

/** The notices on screen, oldest first: { id, role, text, details, button }. */
export function notices(page) {
  return page.$$eval('[data-testid=notices] .notice', (ns) => ns.map((n) => ({
    id: n.dataset.notice,
    role: n.getAttribute('role'),
    text: n.querySelector('.notice-text > p')?.textContent ?? '',
    details: [...n.querySelectorAll('.notice-details li')].map((li) => li.textContent),
    button: n.querySelector('button.dismiss')?.textContent ?? '',
  })));
}

/** Waits until `count` notices are shown and returns the newest. */
export async function waitNotice(page, count = 1, timeout = 10_000) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=notices] .notice').length >= n, count, { timeout });
  return (await notices(page)).at(-1);
}

/** Dismisses every notice with its button (the page's own way) and checks they are gone. */
export async function dismissAll(page) {
  for (let n = await page.locator('[data-testid=notices] .notice').count(); n > 0; n -= 1) {
    await page.locator('[data-testid=notices] .notice button.dismiss').first().click();
    await page.waitForFunction((left) => document.querySelectorAll('[data-testid=notices] .notice').length === left, n - 1);
  }
}

/** The origin a request belongs to; blob: URLs carry their creator's origin. */
export function originOf(url) {
  if (url.startsWith('blob:')) return new URL(url.slice('blob:'.length)).origin;
  if (url.startsWith('data:')) return 'data:';
  return new URL(url).origin;
}

/** No request of `page` left `origins` (default: the site's), and no cookie was set. */
export async function assertPrivate(t, page, origins = [ORIGIN]) {
  const rec = t.rec(page);
  const away = rec.requests.filter((u) => !origins.includes(originOf(u)));
  assert(away.length === 0, `requests leaving ${origins.join(', ')}: ${away.join(', ')}`);
  assert(rec.failed.length === 0, `failed requests: ${rec.failed.join(', ')}`);
  const cookies = await page.context().cookies();
  assert(cookies.length === 0, `cookies set: ${JSON.stringify(cookies)}`);
}

/** Every control's value (checkboxes: checked), by id, in the controls column. */
export function controlValues(page) {
  return page.$$eval('.controls input, .controls select', (es) =>
    Object.fromEntries(es.map((e) => [e.id, e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value])));
}

/** Types `text` into a text box and presses Enter, as a person sets a value. */
export async function typeValue(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

/** The headline and its interval equal a CLI run's (`adoption run` JSON output). */
export async function assertHeadline(page, out, lang = 'en', what = 'headline') {
  const { mean, p5, p95 } = out.summary.additional_adopters;
  assertEqual(await headline(page), formatCount(mean, lang), `${what} (mean)`);
  const interval = await intervalNumbers(page);
  assertEqual([interval.low, interval.high], [formatCount(p5, lang), formatCount(p95, lang)], `${what}: interval in "${interval.text}"`);
}

/** `adoption run --url LINK`, parsed (memoised). */
export function cliRunUrl(link) {
  const key = `url:${link}`;
  if (!memo.has(key)) memo.set(key, cli(['run', '--url', link]).then(JSON.parse));
  return memo.get(key);
}

/**
 * The page's link: its address bar's query string, once it has caught up with the page
 * (the address follows changes after a pause; the share box, when there is one, at once).
 */
export async function search(page) {
  await page.waitForFunction(() => {
    const box = document.querySelector('#share-link');
    return !box || new URL(box.value).search === location.search;
  });
  return page.evaluate(() => location.search);
}
