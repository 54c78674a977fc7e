// Loading: a clean console, no failed request, nothing leaves the origin, nothing stored;
// and the same under a sub-path.

import { expect, gotoReady, headline, isBenignWarning, originOf, test } from '../fixtures.mjs';

/**
 * Web Storage keys the app may write while loading, as [storage, key]. None so far: add
 * a key here, with why, when the app starts remembering something.
 */
const ALLOWED_STORAGE_WRITES = [];

test('loads cleanly: no console problems, no failed or off-origin requests, no storage', async ({ pages, note, site }) => {
  const page = await pages.open();
  await gotoReady(page);
  const rec = pages.rec(page);

  const problems = rec.console.filter((m) => (m.type === 'error' || m.type === 'warning') && !isBenignWarning(m.text));
  expect(problems, `console: ${problems.map((m) => `${m.type}: ${m.text} (${m.url})`).join(' | ')}`).toHaveLength(0);
  const ignored = rec.console.filter((m) => m.type === 'warning' && isBenignWarning(m.text));
  for (const m of ignored) note(`ignored benign warning: ${m.text.slice(0, 80)}…`);

  expect(rec.failed, `failed requests: ${rec.failed.join(', ')}`).toHaveLength(0);
  expect(rec.bad, `HTTP errors: ${rec.bad.join(', ')}`).toHaveLength(0);
  const away = rec.requests.filter((u) => originOf(u) !== site.origin);
  expect(away, `requests leaving ${site.origin}: ${away.join(', ')}`).toHaveLength(0);
  for (const kind of ['.wasm', '.js', '.css', 'favicon']) {
    expect(rec.requests.some((u) => new URL(u).pathname.endsWith(kind) || u.includes(`${kind}?`) || (kind === 'favicon' && u.includes(kind))),
      `expected a request for ${kind}; saw ${rec.requests.join(', ')}`).toBeTruthy();
  }
  // The model runs in a web worker (the page's main thread only renders).
  expect(rec.workers.length, 'no web worker was started').toBeGreaterThanOrEqual(1);
  const foreignWorkers = rec.workers.filter((u) => originOf(u) !== site.origin);
  expect(foreignWorkers, `workers from elsewhere: ${foreignWorkers.join(', ')}`).toHaveLength(0);
  note(`${rec.requests.length} requests, all to ${site.origin}; worker ${rec.workers.map((u) => u.replace(/[0-9a-f-]{36}/, '…')).join(', ')}`);

  const cookies = await page.context().cookies();
  expect(cookies, `cookies set: ${JSON.stringify(cookies)}`).toHaveLength(0);
  const stored = await page.evaluate(() => ({
    writes: window.__e2eStorageWrites,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  const allowed = (store, key) => ALLOWED_STORAGE_WRITES.some(([s, k]) => s === store && k === key);
  const unexpected = stored.writes.filter(([store, , key]) => !allowed(store, key));
  expect(unexpected, `Web Storage writes: ${JSON.stringify(unexpected)}`).toHaveLength(0);
  const keys = await page.evaluate(() => [
    ...Object.keys(localStorage).map((k) => ['local', k]),
    ...Object.keys(sessionStorage).map((k) => ['session', k]),
  ]);
  const extra = keys.filter(([store, key]) => !allowed(store, key));
  expect(extra, `storage holds ${JSON.stringify(extra)}`).toHaveLength(0);
  expect(stored.cookie, `document.cookie: ${stored.cookie}`).toBe('');

  // The loading placeholder is gone and the page has its title.
  expect(await page.locator('.loading').count(), 'the loading text is still there').toBe(0);
  expect((await page.title()).length, 'the page has a title').toBeGreaterThan(0);
});

test('works under a sub-path (/sub/dir/ and /sub/dir/index.html)', async ({ pages, subPath }) => {
  const server = await subPath('sub/dir');
  const expected = await (async () => {
    const page = await pages.open();
    await gotoReady(page);
    return headline(page);
  })();
  for (const path of ['sub/dir/', 'sub/dir/index.html']) {
    const page = await pages.open();
    await gotoReady(page, path, server.url);
    const rec = pages.rec(page);
    expect(await headline(page), `headline under /${path}: ${await headline(page)} vs ${expected}`).toBe(expected);
    expect(rec.failed, `failed requests under /${path}: ${rec.failed.join(', ')}`).toHaveLength(0);
    expect(rec.bad, `HTTP errors under /${path}: ${rec.bad.join(', ')}`).toHaveLength(0);
    const origin = new URL(server.url).origin;
    const outside = rec.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith(`${origin}/sub/dir/`));
    expect(outside, `requests outside /sub/dir/: ${outside.join(', ')}`).toHaveLength(0);
    expect(rec.workers.length, `no worker started under /${path}`).toBeGreaterThanOrEqual(1);
  }
});
