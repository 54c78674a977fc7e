// The end-to-end fixtures: `test` and `expect` from @playwright/test, extended with
//   site      the server under test ({ url, origin }; started by global-setup.mjs)
//   pages     fresh contexts and pages that record console messages, page errors, every
//             request, failed and >= 400 responses, workers and Web Storage writes; after
//             the test each page must be free of page errors and console errors
//   subPath   a second server with dist/ copied under a sub-path (and files beside it)
//   oracle    the `adoption` CLI: the same model, seed and scenario as the page
//   note      a line of what the test saw, printed with its result
// Specs import everything from here: the app's vocabulary (app.mjs) is re-exported.

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DIST, ROOT, serveStatic } from './site.mjs';

export * from './app.mjs';
export { ROOT } from './site.mjs';
export { expect };

/** Tests that run the CLI several times or open many pages get this long. */
export const ORACLE_TIMEOUT = 5 * 60_000;

// ---------------------------------------------------------------------------------------
// Page recorders

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
 * makes none. Options: `viewport`, `locale`, `media`, `reducedMotion`, `init` (extra init
 * script). The context gets the config's `use` options (base URL, trace) from the runner.
 */
async function openPage(browser, options = {}) {
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
  return { ctx, page, rec, allowErrors: false };
}

/** After a passing test: no page errors, and no console errors unless the test allowed them. */
function expectQuietConsoles(opened) {
  for (const { page, rec, allowErrors } of opened) {
    expect(rec.pageErrors, `page errors on ${page.url()}`).toEqual([]);
    if (!allowErrors) {
      const errors = rec.console.filter((m) => m.type === 'error').map((m) => m.text);
      expect(errors, `console errors on ${page.url()}`).toEqual([]);
    }
  }
}

async function screenshotAll(opened, testInfo) {
  for (const [n, { page }] of opened.entries()) {
    try {
      const body = await page.screenshot({ fullPage: true, timeout: 5_000 });
      await testInfo.attach(`page-${n + 1}`, { body, contentType: 'image/png' });
    } catch {
      // The page may be closed or hung; the error itself is what matters.
    }
  }
}

// ---------------------------------------------------------------------------------------
// The CLI as the oracle

function collect(command, args, input) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
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

/** The `adoption` binary global-setup.mjs built (or $ADOPTION_CLI); answers memoised per worker. */
class Oracle {
  constructor(binary) {
    this.binary = binary;
    this.memo = new Map();
  }

  /** `adoption ARGS` with stdin `input`; its stdout. */
  async cli(args, input) {
    const r = await collect(this.binary, args, input);
    if (r.code !== 0) throw new Error(`adoption ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
    return r.stdout;
  }

  remember(key, args) {
    if (!this.memo.has(key)) this.memo.set(key, this.cli(args).then(JSON.parse));
    return this.memo.get(key);
  }

  /** `adoption run --preset NAME`, parsed. */
  runPreset(name = 'cantabria') {
    return this.remember(`run:${name}`, ['run', '--preset', name]);
  }

  /** The preset's scenario JSON, parsed. */
  preset(name = 'cantabria') {
    return this.remember(`preset:${name}`, ['preset', name]);
  }

  /** `adoption run --url LINK`, parsed. */
  runUrl(link) {
    return this.remember(`url:${link}`, ['run', '--url', link]);
  }

  /** `adoption run --scenario -` for a scenario object. */
  async runScenario(scenario) {
    return JSON.parse(await this.cli(['run', '--scenario', '-'], JSON.stringify(scenario)));
  }
}

// ---------------------------------------------------------------------------------------
// Fixtures

export const test = base.extend({
  site: [async ({}, use) => {
    const url = process.env.BASE_URL;
    if (!url) throw new Error('BASE_URL is not set: run the tests with `npx playwright test` (global-setup.mjs serves dist/)');
    await use({ url, origin: new URL(url).origin });
  }, { scope: 'worker' }],

  // Every context the tests open resolves `page.goto('?lang=es')` against the site.
  baseURL: async ({ site }, use) => {
    await use(site.url);
  },

  oracle: [async ({}, use) => {
    const binary = process.env.ADOPTION_CLI;
    if (!binary) throw new Error('ADOPTION_CLI is not set: global-setup.mjs builds the CLI');
    await use(new Oracle(binary));
  }, { scope: 'worker' }],

  pages: async ({ browser }, use, testInfo) => {
    const opened = [];
    const pages = {
      async open(options = {}) {
        const entry = await openPage(browser, options);
        opened.push(entry);
        return entry.page;
      },
      /** The recorder of a page opened here. */
      rec(page) {
        return opened.find((p) => p.page === page)?.rec;
      },
      /** Opt a page out of the end-of-test console-error check. */
      allowConsoleErrors(page) {
        const entry = opened.find((p) => p.page === page);
        if (entry) entry.allowErrors = true;
      },
    };
    let noisy = false;
    try {
      await use(pages);
      // After a body that passed (expected to or not): a failed body already says why.
      if (testInfo.status === 'passed') {
        noisy = true;
        expectQuietConsoles(opened);
        noisy = false;
      }
    } finally {
      if (noisy || testInfo.status !== testInfo.expectedStatus) await screenshotAll(opened, testInfo);
      for (const { ctx } of opened) await ctx.close().catch(() => {});
    }
  },

  /**
   * `subPath(dir, extraFiles)` copies dist/ to <tmp>/<dir>/ (and `extraFiles`, name →
   * text, to <tmp>/, e.g. a host page that embeds the site) and serves <tmp>. Returns
   * { url, root } (root: the site's own address); stopped after the test.
   */
  subPath: async ({}, use) => {
    const started = [];
    await use(async (subPath = 'sub/dir', extraFiles = {}) => {
      const root = mkdtempSync(join(tmpdir(), 'adoption-e2e-'));
      const target = join(root, ...subPath.split('/'));
      mkdirSync(target, { recursive: true });
      cpSync(DIST, target, { recursive: true });
      for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(root, name), text);
      started.push({ root });
      const server = await serveStatic(root);
      started.at(-1).stop = server.stop;
      return { url: server.url, root: `${server.url}${subPath}/` };
    });
    for (const { root, stop } of started) {
      stop?.();
      rmSync(root, { recursive: true, force: true });
    }
  },

  note: async ({}, use, testInfo) => {
    await use((line) => testInfo.annotations.push({ type: 'note', description: line }));
    const notes = testInfo.annotations.filter((a) => a.type === 'note');
    if (notes.length) process.stdout.write(notes.map((a) => `    ${testInfo.title}: ${a.description}\n`).join(''));
  },
});
