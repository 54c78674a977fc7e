// Data safety (issue 12, point 9), in every language: scenarios saved by a model-1 page
// open after the format upgrade (with the old-model notice) and keep their figures once
// written back; a storage quota error keeps the page's work and the stored scenarios
// untouched, with a clear notice; garbage in localStorage (not JSON, wrong types, huge
// values, deep nesting, a newer version) never breaks the page and keeps what it can.
// The notices' words are read from the language's texts (src/i18n/<lang>/texts.rs), their
// one home; the saved list is reached by its structure, not by button names.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertHeadline,
  expect,
  formatCount,
  FORMAT_VERSION,
  fresh,
  gotoReady,
  LANGS,
  notices,
  ROOT,
  STORE_KEY,
  test,
  typeValue,
  waitNotice,
  waitReady,
} from '../fixtures.mjs';

/** A text of `lang` by its field name in src/i18n/<lang>/texts.rs (a string, or a list). */
function text(lang, field) {
  const source = readFileSync(join(ROOT, 'src/i18n', lang, 'texts.rs'), 'utf8');
  const line = source.match(new RegExp(`^\\s*${field}: (.*),$`, 'm'));
  if (!line) throw new Error(`${field} not found in src/i18n/${lang}/texts.rs`);
  return JSON.parse(line[1]);
}

/** A RegExp matching a text made from `template` (each `{n}` filled with anything). */
const filled = (template) => new RegExp(`^${template.split(/\{\d\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);

/** Scenario files as a model-1 page wrote them (crates/formats/tests/fixtures/v1). */
const v1 = (name) => JSON.parse(readFileSync(join(ROOT, 'crates/formats/tests/fixtures/v1', name), 'utf8'));

/** An init script that puts `text` under the store's key on the first load only. */
function seed(stored, { refuseWrites = false } = {}) {
  const fn = ({ key, text: value, refuse }) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    if (refuse) {
      // As a full storage does: every write refused with the browser's own error.
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }
  };
  const arg = { key: STORE_KEY, text: typeof stored === 'string' ? stored : JSON.stringify(stored), refuse: refuseWrites };
  return { content: `(${fn})(${JSON.stringify(arg)})` };
}

const savedItems = (page) => page.locator('.saved-list li.saved');
const savedNames = (page) => page.$$eval('.saved-list li.saved', (ls) => ls.map((l) => l.querySelector('.saved-name')?.textContent));
/** The entry's buttons, in order: open, rename, delete (src/components/scenarios.rs). */
const entryButton = (page, name, k) => savedItems(page).filter({ has: page.locator('.saved-name', { hasText: name }) }).locator('.saved-actions button').nth(k);
const storedText = (page) => page.evaluate((key) => localStorage.getItem(key), STORE_KEY);

async function save(page, name) {
  const before = await savedItems(page).count();
  await page.fill('#save-name', name);
  await page.click('#save-button');
  await expect(savedItems(page)).toHaveCount(before + 1);
}

// ---------------------------------------------------------------------------------------
// A format-version upgrade

for (const lang of LANGS) {
  test(`saved by a model-1 page (${lang}): listed, opened with the old-model notice and the CLI's figures, kept after writing back`, async ({ pages, oracle }) => {
    const full = v1('full.json');
    const partial = v1('partial.json');
    // As the model-1 page stored them: store version 1, entries without ids (older pages).
    const store = {
      version: 1,
      scenarios: [
        { name: 'Old full', saved_at: '2026-01-10T09:00:00.000Z', scenario: full },
        { name: 'Old partial', saved_at: '2026-01-11T09:00:00.000Z', scenario: partial },
      ],
    };
    const [out, page] = await Promise.all([oracle.runScenario(full), pages.open({ init: seed(store) })]);
    await gotoReady(page, `?lang=${lang}`);
    expect(await notices(page), 'nothing wrong with the store').toEqual([]);
    expect(await savedNames(page), 'both listed').toEqual(['Old full', 'Old partial']);

    await fresh(page, () => entryButton(page, 'Old full', 0).click());
    const notice = await waitNotice(page);
    const oldModel = text(lang, 'notice_old_model').replace('{0}', text(lang, 'old_work')[2]);
    expect(notice.text, 'the old-model notice').toEqual(oldModel);
    await expect(page.locator('#budget'), 'its budget').toHaveValue(String(full.budget_eur));
    await assertHeadline(page, out, lang, 'the model-1 scenario, migrated');

    // Survives loading the page again (on the plain address: the address bar now holds
    // the opened scenario's link), untouched (nothing is written on opening).
    await gotoReady(page, `?lang=${lang}`);
    expect(await savedNames(page), 'listed after reload').toEqual(['Old full', 'Old partial']);
    expect(JSON.parse(await storedText(page)), 'the store as it was').toEqual(store);

    // Written back (by saving another): current-format entries with ids, same figures.
    await save(page, 'New');
    const written = JSON.parse(await storedText(page));
    expect(written.scenarios.map((s) => [s.name, s.scenario.version]), 'written back').toEqual(
      [['Old full', Number(FORMAT_VERSION)], ['Old partial', Number(FORMAT_VERSION)], ['New', Number(FORMAT_VERSION)]]);
    expect(new Set(written.scenarios.map((s) => s.id)).size, 'each with its own id').toEqual(3);
    await gotoReady(page, `?lang=${lang}`);
    await fresh(page, () => entryButton(page, 'Old full', 0).click());
    expect(await notices(page), 'no old-model notice once written in the current format').toEqual([]);
    await assertHeadline(page, out, lang, 'the migrated scenario, written back and reopened');
  });
}

// ---------------------------------------------------------------------------------------
// A storage quota error

for (const lang of LANGS) {
  test(`saving into a full storage (${lang}): a clear notice, the work on the page and the stored scenarios kept`, async ({ pages, oracle }) => {
    const preset = await oracle.preset('cantabria');
    const store = {
      version: 1,
      scenarios: [
        { id: 1, name: 'Kept A', saved_at: '2026-02-01T09:00:00.000Z', scenario: { ...preset, budget_eur: 500_000 } },
        { id: 2, name: 'Kept B', saved_at: '2026-02-02T09:00:00.000Z', scenario: { ...preset, budget_eur: 2_500_000 } },
      ],
    };
    const original = JSON.stringify(store);
    const page = await pages.open({ init: seed(original, { refuseWrites: true }) });
    await gotoReady(page, `?lang=${lang}`);
    await fresh(page, () => typeValue(page, '#budget-exact', formatCount(3_000_000, lang)));
    await save(page, 'Not stored');
    const notice = await waitNotice(page);
    expect(notice.role, 'role').toEqual('alert');
    expect(notice.text, 'the write-failed notice').toEqual(text(lang, 'notice_store_write'));
    // The work: the scenario on the page and the new entry in the list.
    await expect(page.locator('#budget'), 'the budget in force').toHaveValue('3000000');
    expect(await savedNames(page), 'listed on the page').toEqual(['Kept A', 'Kept B', 'Not stored']);
    expect(await storedText(page), 'the stored scenarios, byte for byte').toEqual(original);
    // Deleting fails to store the same way: one notice, the store still intact.
    await entryButton(page, 'Kept A', 2).click();
    await expect(savedItems(page)).toHaveCount(2);
    expect((await notices(page)).length, 'one notice').toEqual(1);
    expect(await storedText(page), 'the store after a refused delete').toEqual(original);
    // The entries still open.
    await fresh(page, () => entryButton(page, 'Kept B', 0).click());
    await expect(page.locator('#budget'), 'a stored entry opens').toHaveValue('2500000');
    // After a reload (the new one was never stored, as the notice said): both stored ones.
    await page.reload();
    await waitReady(page);
    expect(await savedNames(page), 'after reload').toEqual(['Kept A', 'Kept B']);
  });
}

// ---------------------------------------------------------------------------------------
// Garbage in localStorage

const ok = { name: 'Good', saved_at: '2026-03-01T09:00:00.000Z', scenario: { version: 1, budget_eur: 2_000_000 } };

/**
 * Bad stores: [what, stored text, the notice field expected (null: none), the names
 * listed]. A whole store that does not read is backed up and not listed; bad entries are
 * kept and listed (as "?" when they have no name).
 */
const GARBAGE = [
  ['not JSON', '{"version":1,"scenarios":[', 'notice_store_unreadable', []],
  ['a version as text', '{"version":"1","scenarios":[]}', 'notice_store_unreadable', []],
  ['scenarios not a list', '{"version":1,"scenarios":{"a":1}}', 'notice_store_unreadable', []],
  ['null', 'null', 'notice_store_unreadable', []],
  ['a string', '"my scenarios"', 'notice_store_unreadable', []],
  ['nesting 100,000 deep', '['.repeat(100_000), 'notice_store_unreadable', []],
  ['a newer version', JSON.stringify({ version: 99, scenarios: [ok] }), 'notice_store_newer', []],
  ['entries of the wrong types', JSON.stringify({ version: 1, scenarios: [7, null, 'x', { name: 5, scenario: {} }, ok] }), 'notice_store_some', ['?', '?', '?', '?', 'Good']],
  ['huge and wrong values', JSON.stringify({
    version: 1,
    scenarios: [
      ok,
      { name: 'Huge budget', scenario: { version: 1, budget_eur: 1e308 } },
      { name: 'Billions of runs', scenario: { version: 1, runs: 1e12 } },
      { name: 'Budget as text', scenario: { version: 1, budget_eur: 'lots' } },
      { name: 'Negative firms', scenario: { version: 1, segments: [{ name: 'x', firms: -5, adopters: 0 }] } },
    ],
  }), 'notice_store_some', ['Good', 'Huge budget', 'Billions of runs', 'Budget as text', 'Negative firms']],
  ['a 200,000-character name', JSON.stringify({ version: 1, scenarios: [{ ...ok, name: 'N'.repeat(200_000) }] }), null, ['N'.repeat(80)]],
  ['1,000 entries', JSON.stringify({ version: 1, scenarios: Array.from({ length: 1000 }, (_, k) => ({ ...ok, name: `E${k}` })) }), null,
    Array.from({ length: 1000 }, (_, k) => `E${k}`)],
];

for (const [k, lang] of LANGS.entries()) {
  // Every case in every language would be 33 pages for the same code: each language
  // takes every third case, and the notices' words are checked in each.
  test(`garbage in localStorage (${lang}): a clear notice, no failure, what can be kept is kept`, async ({ pages, note }) => {
    test.setTimeout(180_000);
    for (const [what, stored, field, names] of GARBAGE.filter((_, i) => i % LANGS.length === k)) {
      const page = await pages.open({ init: seed(stored) });
      await gotoReady(page, `?lang=${lang}`);
      const shown = await notices(page);
      if (field === null) expect(shown, `${what}: no notice`).toEqual([]);
      else {
        expect(shown.length, `${what}: one notice`).toEqual(1);
        expect(shown[0].role, `${what}: role`).toEqual('alert');
        expect(shown[0].text, `${what}: the notice from ${field}`).toMatch(filled(text(lang, field)));
      }
      expect(await savedNames(page), `${what}: listed`).toEqual(names);
      // The page still works: a change computes.
      await fresh(page, () => typeValue(page, '#budget-exact', formatCount(750_000, lang)));
      const backups = await page.evaluate((key) => Object.keys(localStorage).filter((x) => x.startsWith(`${key}.unreadable-`)), STORE_KEY);
      if (field === 'notice_store_unreadable') {
        expect(backups.length, `${what}: one backup`).toEqual(1);
        expect(await page.evaluate((b) => localStorage.getItem(b), backups[0]), `${what}: the backup holds the text`).toEqual(stored);
      }
      note(`${what}: ${shown.length} notice(s), ${names.length} listed, ${backups.length} backup(s)`);
      await page.close();
    }
  });
}

test('an unreadable store too big to back up: the write-failed notice, and it is never written over', async ({ pages }) => {
  // 3 million characters: localStorage holds one copy, not two (Chromium's quota is
  // about 5 million characters an origin), so the backup the page makes first is refused.
  const junk = `{"version":1,"scenarios":[${'x'.repeat(3_000_000)}`;
  const page = await pages.open({ init: seed(junk) });
  await gotoReady(page);
  const shown = await notices(page);
  expect(shown.map((n) => [n.role, n.text]), 'one notice').toEqual([['alert', text('en', 'notice_store_write')]]);
  await save(page, 'Mine');
  expect(await savedNames(page), 'listed on the page').toEqual(['Mine']);
  expect((await storedText(page)) === junk, 'the unreadable store is not written over').toBeTruthy();
  await page.reload();
  await waitReady(page);
  expect((await storedText(page)) === junk, 'nor after a reload').toBeTruthy();
});
