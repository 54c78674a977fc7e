// Privacy with everything issue #4 added: saving, comparing, importing (picker and drop),
// exporting (CSV, PNG, SVG, JSON, template), the embed dialog and printing make no request
// outside the page's origin (none but its own files and blob: URLs), set no cookie, and
// write nothing to Web Storage but the saved scenarios.

import {
  assertPrivate,
  download,
  dropFile,
  expect,
  fresh,
  gotoReady,
  originOf,
  pickFile,
  STORE_KEY,
  test,
  typeValue,
  waitNotice,
} from '../fixtures.mjs';

test('privacy: saving, comparing, importing, exporting, embedding and printing stay on the page\'s origin; no cookies', async ({ pages, note, site }) => {
  const page = await pages.open();
  await gotoReady(page);
  const rec = pages.rec(page);
  const loaded = rec.requests.length;

  await page.click('#save-button');
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  await page.click('#save-button');
  await expect(page.locator('.saved-list li.saved')).toHaveCount(2);
  await page.check('#compare-0');
  await expect(page.locator('[data-testid=compare] tbody tr')).toHaveCount(2);
  await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);

  // Files out and in.
  const files = [];
  for (const button of ['#export-csv', '#export-png', '#export-svg', '#export-json', '#csv-template']) {
    files.push(await download(page, () => page.click(button)));
  }
  const [, , , json, template] = files;
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => pickFile(page, '#import-scenario', json.name, json.buffer, 'application/json'));
  await fresh(page, () => pickFile(page, '#import-population', 'two.csv', 'segment,firms,adopters\nA,6000,1200\nB,4000,900\n', 'text/csv'));
  await fresh(page, () => dropFile(page, template.name, template.text, 'text/csv'));
  await waitNotice(page, 3);

  await page.click('#open-embed');
  await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
  await page.click('#close-embed');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  const after = rec.requests.slice(loaded);
  const network = after.filter((u) => !u.startsWith('blob:'));
  note(`${loaded} requests while loading; ${after.length} after (${after.length - network.length} blob:, ${network.length} other: ${network.map((u) => new URL(u).pathname).join(', ') || 'none'})`);
  // After loading, only the site's own files may load: the comparison worker's module and
  // WebAssembly, the favicon (Chromium fetches it again when the address changes), and the
  // panel's module, which reads a population file (src/decide/bridge.rs).
  const own = /\/((app|favicon)-[0-9a-f]+(_bg)?\.(js|wasm|png)|(decide-boot|boot|decide)\.js|decide_bg\.wasm|decide\.css)$/;
  const unexpected = network.filter((u) => originOf(u) !== site.origin || !own.test(new URL(u).pathname));
  expect(unexpected, 'requests after loading other than the site\'s own files').toEqual([]);
  expect(after.filter((u) => originOf(u) !== site.origin), 'blob: URLs of other origins').toEqual([]);
  await assertPrivate(pages, page, [site.origin]);
  expect(await page.evaluate(() => document.cookie), 'document.cookie').toEqual('');

  const writes = await page.evaluate(() => window.__e2eStorageWrites.map(([store, op, key]) => `${store} ${op} ${key}`));
  const other = writes.filter((w) => w !== `local setItem ${STORE_KEY}`);
  expect(other, 'Web Storage writes other than the saved scenarios').toEqual([]);
  expect(writes.length, `the saved scenarios were written (${writes.length} writes)`).toBeGreaterThanOrEqual(2);
  const keys = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage).map((k) => `session:${k}`)]);
  expect(keys, 'Web Storage keys').toEqual([STORE_KEY]);
});
