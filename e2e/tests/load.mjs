// Loading: a clean console, no failed request, nothing leaves the origin, nothing stored;
// and the same under a sub-path.

import {
  ORIGIN,
  assert,
  gotoReady,
  headline,
  isBenignWarning,
  serveUnderSubPath,
  test,
} from '../lib.mjs';

/**
 * Web Storage keys the app may write while loading, as [storage, key]. None so far: add
 * a key here, with why, when the app starts remembering something.
 */
const ALLOWED_STORAGE_WRITES = [];

/** The origin a request belongs to; blob: URLs carry their creator's origin. */
function originOf(url) {
  if (url.startsWith('blob:')) return new URL(url.slice('blob:'.length)).origin;
  if (url.startsWith('data:')) return 'data:';
  return new URL(url).origin;
}

test('loads cleanly: no console problems, no failed or off-origin requests, no storage', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  const rec = t.rec(page);

  const problems = rec.console.filter((m) => (m.type === 'error' || m.type === 'warning') && !isBenignWarning(m.text));
  assert(problems.length === 0, `console: ${problems.map((m) => `${m.type}: ${m.text} (${m.url})`).join(' | ')}`);
  const ignored = rec.console.filter((m) => m.type === 'warning' && isBenignWarning(m.text));
  for (const m of ignored) t.note(`ignored benign warning: ${m.text.slice(0, 80)}…`);

  assert(rec.failed.length === 0, `failed requests: ${rec.failed.join(', ')}`);
  assert(rec.bad.length === 0, `HTTP errors: ${rec.bad.join(', ')}`);
  const away = rec.requests.filter((u) => originOf(u) !== ORIGIN);
  assert(away.length === 0, `requests leaving ${ORIGIN}: ${away.join(', ')}`);
  for (const kind of ['.wasm', '.js', '.css', 'favicon']) {
    assert(rec.requests.some((u) => new URL(u).pathname.endsWith(kind) || u.includes(`${kind}?`) || (kind === 'favicon' && u.includes(kind))),
      `expected a request for ${kind}; saw ${rec.requests.join(', ')}`);
  }
  // The model runs in a web worker (the page's main thread only renders).
  assert(rec.workers.length >= 1, 'no web worker was started');
  const foreignWorkers = rec.workers.filter((u) => originOf(u) !== ORIGIN);
  assert(foreignWorkers.length === 0, `workers from elsewhere: ${foreignWorkers.join(', ')}`);
  t.note(`${rec.requests.length} requests, all to ${ORIGIN}; worker ${rec.workers.map((u) => u.replace(/[0-9a-f-]{36}/, '…')).join(', ')}`);

  const cookies = await page.context().cookies();
  assert(cookies.length === 0, `cookies set: ${JSON.stringify(cookies)}`);
  const stored = await page.evaluate(() => ({
    writes: window.__e2eStorageWrites,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  const allowed = (store, key) => ALLOWED_STORAGE_WRITES.some(([s, k]) => s === store && k === key);
  const unexpected = stored.writes.filter(([store, , key]) => !allowed(store, key));
  assert(unexpected.length === 0, `Web Storage writes: ${JSON.stringify(unexpected)}`);
  const keys = await page.evaluate(() => [
    ...Object.keys(localStorage).map((k) => ['local', k]),
    ...Object.keys(sessionStorage).map((k) => ['session', k]),
  ]);
  const extra = keys.filter(([store, key]) => !allowed(store, key));
  assert(extra.length === 0, `storage holds ${JSON.stringify(extra)}`);
  assert(stored.cookie === '', `document.cookie: ${stored.cookie}`);

  // The loading placeholder is gone and the page has its title.
  assert((await page.locator('.loading').count()) === 0, 'the loading text is still there');
  assert((await page.title()).length > 0, 'the page has a title');
});

test('works under a sub-path (/sub/dir/ and /sub/dir/index.html)', async (t) => {
  const server = await serveUnderSubPath('sub/dir');
  try {
    const expected = await (async () => {
      const page = await t.page();
      await gotoReady(page);
      return headline(page);
    })();
    for (const path of ['sub/dir/', 'sub/dir/index.html']) {
      const page = await t.page();
      await gotoReady(page, path, server.url);
      const rec = t.rec(page);
      assert((await headline(page)) === expected, `headline under /${path}: ${await headline(page)} vs ${expected}`);
      assert(rec.failed.length === 0, `failed requests under /${path}: ${rec.failed.join(', ')}`);
      assert(rec.bad.length === 0, `HTTP errors under /${path}: ${rec.bad.join(', ')}`);
      const origin = new URL(server.url).origin;
      const outside = rec.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith(`${origin}/sub/dir/`));
      assert(outside.length === 0, `requests outside /sub/dir/: ${outside.join(', ')}`);
      assert(rec.workers.length >= 1, `no worker started under /${path}`);
    }
  } finally {
    server.stop();
  }
});
