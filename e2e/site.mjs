// The site under test and the browser that opens it: where dist/ is, Debian's chromium and
// its flags, and a static server. Plain Node ESM with no test runner, so the Playwright
// config, the test fixtures and the benchmark (bench.mjs) share one home for each.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(E2E_DIR, '..');
// The site's files ($DIST_DIR when the server under test serves a copy of dist/).
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');
// Screenshots the tests take on purpose (gitignored); failures go to Playwright's output.
export const SHOTS = join(E2E_DIR, 'screenshots');

// NOTE: Debian's chromium, never a downloaded one: only package registries are reachable,
// so `npx playwright install` cannot work here.
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
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

/** The launch options of every browser the tests and the benchmark start. */
export const LAUNCH_OPTIONS = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };

/** The `q` quantile of ascending `sorted` values, interpolated linearly (NaN when empty). */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** A command-line option of the benchmark scripts (`--name value`), else `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** A port nobody listens on now (another process could take it before we do: negligible). */
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

// How long python's http.server may take to answer its first request.
const SERVER_START_MS = 15_000;

/**
 * Serves `root` with python's http.server on a free port until `stop()`. `--directory`
 * rather than starting inside the folder: a server started in dist/ loses it when trunk
 * replaces it. Returns { url, stop }.
 */
export async function serveStatic(root) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + SERVER_START_MS;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`python3 http.server for ${root} on port ${port} did not start`);
    }
    // Polling a server coming up, not the app's state.
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}
