// The facilitator's view (issue 11, capability 2-5; assets/facilitate.html): hand-in
// links pasted in a text with duplicates, garbage, a tampered token and another
// consultation's token, a dropped file, reload (kept in the browser), the counts and
// every line not counted, the mean (computed here by hand) and the moving-phantom median
// (against `adoption consult` on the same text), what it would achieve, the CSV export,
// a damaged store (kept under a backup key, in every language) and a full one, axe-core's
// full default rules, in every language at 1280 px; screenshots at 360 and 1280 px.

import { axeScan, BROWSER_LOCALE, download, dropFile, expect, LANGS, ORACLE_TIMEOUT, shot, test } from '../fixtures.mjs';
import { handinLinks, tamper } from '../consult.mjs';

/** src/decide/facilitate/gather.rs STORE_KEY. */
const STORE_KEY = 'adoption.consultation.v1';
/** src/decide/facilitate/gather.rs CSV_HEADER. */
const CSV_HEADER = 'source,line,consult,group,vouchers,training,pilots,budget_eur,start_year,programme_years,nonce,additional_adopters,target_chances,flag,reason';
/** "Add this text" (src/i18n/<lang>/facilitate.rs add_text). */
const ADD = { en: 'Add this text', es: 'Añadir este texto', pt: 'Adicionar este texto' };
/** The pasted text's name (source_paste with 1). */
const PASTED = { en: 'Pasted text 1', es: 'Texto pegado 1', pt: 'Texto colado 1' };
/** "line" in where_line. */
const LINE = { en: 'line', es: 'línea', pt: 'linha' };
/** The page's heading (heading). */
const HEADING = {
  en: 'Consultation: what people handed in',
  es: 'Consulta: lo que la gente ha entregado',
  pt: 'Consulta: o que as pessoas entregaram',
};

/** Twelve plans: six in Besaya (shown apart), four in Pas (too few), two without a group. */
const PLANS = [
  [40, 20, 40], [60, 20, 20], [50, 30, 20], [20, 30, 50], [70, 10, 20], [34, 33, 33],
  [10, 80, 10], [45, 45, 10], [0, 0, 100], [25, 25, 50], [55, 15, 30], [30, 60, 10],
].map((mix, i) => ({
  mix,
  budget: 1_000_000 + 50_000 * i,
  nonce: 1000 + i,
  group: i < 6 ? 'Besaya' : i < 10 ? 'Pas' : undefined,
}));

/** The texts: a pasted e-mail (plans 0-9, a duplicate, garbage, a tampered copy of plan
 * 10, another consultation's plan) and a file (plans 10 and 11). */
async function texts(oracle) {
  const preset = await oracle.preset();
  const cli = (args, input) => oracle.cli(args, input);
  const links = await handinLinks(cli, preset, PLANS);
  const [foreign] = await handinLinks(cli, preset, [{ mix: [1, 1, 98], budget: 5, nonce: 7, consult: 'other-26' }]);
  const paste = [
    'From: facilitator@example.org',
    'Subject: plans handed in',
    '',
    ...links.slice(0, 5).map((l, i) => `Person ${i + 1}: ${l}`),
    `Again: ${links[2]}`,
    'garbage https://example.org/sim/?h=ABCDEFGHIJ',
    ...links.slice(5, 10),
    `Tampered: ${tamper(links[10])}`,
    `Other consultation: ${foreign}`,
    'Thanks, bye',
  ].join('\n');
  const file = `nonce,link\n1010,${links[10]}\n1011,${links[11]}\n`;
  return { paste, file, links };
}

/** The line (from 1) of `needle` in `text`. */
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function openView(pages, lang, init) {
  const page = await pages.open({ locale: BROWSER_LOCALE[lang], init });
  await page.goto(`facilitate.html?lang=${lang}`);
  await expect(page.getByRole('heading', { level: 1, name: HEADING[lang] })).toBeVisible();
  return page;
}

async function paste(page, lang, text) {
  await page.locator('#fac-paste').fill(text);
  await page.getByRole('button', { name: ADD[lang] }).click();
}

const count = (page, key) => page.locator(`[data-count="${key}"]`);

for (const lang of LANGS) {
  test(`facilitator (${lang}): paste, drop, reload, counts, aggregates, outcomes, CSV, axe`, async ({ pages, oracle, note }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const { paste: text, file } = await texts(oracle);
    const page = await openView(pages, lang);
    await paste(page, lang, text);
    await expect(count(page, 'valid')).toHaveAttribute('data-value', '10');
    await dropFile(page, 'plans.csv', file, 'text/csv', '.fac-gather');
    await expect(count(page, 'valid')).toHaveAttribute('data-value', '12');
    await expect(count(page, 'duplicates')).toHaveAttribute('data-value', '1');
    await expect(count(page, 'malformed')).toHaveAttribute('data-value', '2');
    await expect(count(page, 'other-consultation')).toHaveAttribute('data-value', '1');
    await expect(count(page, 'other-version')).toHaveAttribute('data-value', '0');
    // Every line not counted, with its own line number.
    for (const needle of ['Again:', 'garbage', 'Tampered:', 'Other consultation:']) {
      const line = lineOf(text, needle);
      await expect(page.locator(`.fac-refused tr[data-line="${line}"] td`).first()).toHaveText(`${PASTED[lang]}, ${LINE[lang]} ${line}`);
    }

    // Kept in the browser: the same after a reload.
    await page.reload();
    await expect(count(page, 'valid')).toHaveAttribute('data-value', '12');
    await expect(page.locator('.fac-sources li')).toHaveCount(2);

    // The mean by hand; the median as the CLI computes it from the same text.
    const mean = [0, 1, 2].map((k) => PLANS.reduce((s, p) => s + p.mix[k] / 100, 0) / PLANS.length);
    const shown = async (which) => (await page.locator(`[data-aggregate="${which}"]`).getAttribute('data-mix')).split(',').map(Number);
    const pageMean = await shown('mean');
    pageMean.forEach((x, k) => expect(Math.abs(x - mean[k])).toBeLessThan(1e-12));
    const cli = JSON.parse(await oracle.cli(['consult', '--links', '-'], `${text}\n${file}`));
    expect(cli.valid).toBe(12);
    const m = cli.median_mix;
    expect(await shown('median')).toEqual([m.vouchers, m.training, m.pilots]);
    const cliMean = cli.mean_mix;
    expect(pageMean).toEqual([cliMean.vouchers, cliMean.training, cliMean.pilots]);
    note(`${lang}: mean ${pageMean.map((x) => x.toFixed(4)).join('/')}, median ${[m.vouchers, m.training, m.pilots].map((x) => x.toFixed(4)).join('/')}`);
    // Groups: Besaya apart, Pas (4) only in the total, two without a group.
    await expect(page.locator('.fac-groups tr[data-group="Besaya"] td').first()).toHaveText('6');
    await expect(page.locator('.fac-groups tr[data-group="Pas"]')).toHaveCount(0);
    expect(cli.groups.map((g) => g.name)).toEqual(['Besaya']);
    expect(cli.in_total_only).toBe(4);
    // The plot holds every counted plan once.
    const plotted = await page.locator('.fac-cell').evaluateAll((cells) => cells.reduce((s, c) => s + Number(c.dataset.plans), 0));
    expect(plotted).toBe(12);

    // What it would achieve: four rows, then each plan's own outcome.
    const achieve = page.locator('.fac-achieve');
    await expect(achieve).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(achieve.locator('tbody tr')).toHaveCount(4);
    for (const row of ['official', 'mean', 'median', 'group:Besaya']) {
      const v = Number(await achieve.locator(`tr[data-row="${row}"]`).getAttribute('data-additional'));
      expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    // The official plan's row is the preset as the CLI runs it (same seed, same runs).
    const out = await oracle.runPreset('cantabria');
    const official = Number(await achieve.locator('tr[data-row="official"]').getAttribute('data-additional'));
    expect(Math.abs(official - out.summary.additional_adopters.mean)).toBeLessThan(1e-9);
    // A column per target: its chance, the official row's as the CLI's.
    await expect(achieve.locator('thead th')).toHaveCount(6 + out.summary.targets.length);
    const chance = await achieve.locator('tr[data-row="official"] td').nth(4).textContent();
    expect(chance.replace(/\s/g, '')).toBe(`${Math.round(out.summary.targets[0].probability * 100)}%`);
    await expect(page.locator('[data-state="own-running"]')).toHaveCount(0, { timeout: 60_000 });
    const link = await achieve.locator('tr[data-row="median"] a').getAttribute('href');
    expect(link).toMatch(/^\.\/\?v=\d+&/);

    // The CSV: one row per attempt, in text order, each plan with its outcome.
    const csv = await download(page, () => page.locator('.fac-exports button').first().click());
    const rows = csv.text.trim().split('\n');
    expect(rows[0]).toBe(CSV_HEADER);
    expect(rows.length).toBe(1 + 12 + 1 + 2 + 1);
    const first = rows[1].split(',');
    expect(first.slice(1, 7)).toEqual([String(lineOf(text, 'Person 1:')), 'cant26', 'Besaya', '40', '20', '40']);
    expect(first.at(-2)).toBe('counted');
    expect(Number(first[11])).toBeGreaterThan(0);
    // Its own chance of each of the official scenario's targets, in their order.
    const chances = first[12].split(';').map(Number);
    expect(chances.length).toBe(out.summary.targets.length);
    for (const c of chances) expect(c >= 0 && c <= 1).toBe(true);
    const flags = rows.slice(1).map((r) => r.split(',')[13]);
    expect(flags.filter((f) => f === 'counted').length).toBe(12);
    expect(flags.filter((f) => f === 'duplicate').length).toBe(1);
    expect(flags.filter((f) => f === 'malformed').length).toBe(2);
    expect(flags.filter((f) => f === 'other_consultation').length).toBe(1);

    // axe with its full default rules, with the tables open.
    await page.locator('.fac-cells summary').click();
    await page.locator('.fac-submissions summary').click();
    expect(await axeScan(page, `facilitate ${lang}`, note)).toEqual([]);
    await page.screenshot({ path: shot(`facilitate-${lang}-1280`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: shot(`facilitate-${lang}-360`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('facilitator: a damaged store, a full store, an import, clear, and the camera notice', async ({ pages, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const { paste: text } = await texts(oracle);
  // Garbage stored: said, the page starts empty and works.
  const page = await openView(pages, 'en', `localStorage.setItem(${JSON.stringify(STORE_KEY)}, '{"format":"adoption-consultation","version":1,"sources":[{');`);
  await expect(page.locator('.fac-notice')).toContainText('could not be read');
  await expect(page.locator('[data-scan]')).toHaveAttribute('data-scan', /available|unavailable/);
  await paste(page, 'en', text);
  await expect(count(page, 'valid')).toHaveAttribute('data-value', '10');
  // The set exported, the store cleared, the set imported again.
  const set = await download(page, () => page.getByRole('button', { name: 'Export the set (JSON)' }).click());
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(count(page, 'valid')).toHaveAttribute('data-value', '0');
  expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toBeNull();
  await page.setInputFiles('#fac-import', { name: 'set.json', mimeType: 'application/json', buffer: set.buffer });
  await expect(count(page, 'valid')).toHaveAttribute('data-value', '10');
  await page.setInputFiles('#fac-import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"no": 1}') });
  await expect(page.locator('.fac-notice')).toContainText('not a set exported');
  await expect(count(page, 'valid')).toHaveAttribute('data-value', '10');
  // A bad consultation code is refused in words; another code counts the foreign plan.
  await page.locator('#fac-filter').fill('no way!');
  await expect(page.locator('#fac-filter-error')).toBeVisible();
  await page.locator('#fac-filter').fill('other-26');
  await expect(count(page, 'valid')).toHaveAttribute('data-value', '1');
  await expect(count(page, 'other-consultation')).toHaveAttribute('data-value', '11');

  // A full store: said, and what was added stays on the page.
  const full = await openView(pages, 'en', () => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await paste(full, 'en', text);
  await expect(full.locator('.fac-notice')).toContainText('storage is full');
  await expect(count(full, 'valid')).toHaveAttribute('data-value', '10');
});

/** A damaged stored set, as a crash half-way through a write would leave it. */
const GARBAGE = '{"format":"adoption-consultation","version":1,"sources":[{"kind":"paste","te';
/** "could not be read" (src/i18n/<lang>/facilitate.rs store_kept and store_locked). */
const UNREADABLE = { en: 'could not be read', es: 'No se pudo leer', pt: 'Não foi possível ler' };

/** Stores the garbage under the key once, before the page's first load (not on reloads). */
const seedGarbage = (key, garbage) => {
  if (!sessionStorage.getItem('seeded')) {
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, garbage);
  }
};

for (const lang of LANGS) {
  test(`facilitator (${lang}): a damaged store is kept under a backup key, named, and never written over`, async ({ pages }) => {
    const page = await pages.open({ locale: BROWSER_LOCALE[lang], init: `(${seedGarbage})(${JSON.stringify(STORE_KEY)}, ${JSON.stringify(GARBAGE)});` });
    await page.goto(`facilitate.html?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1, name: HEADING[lang] })).toBeVisible();
    const backups = await page.evaluate((k) => Object.keys(localStorage).filter((key) => key.startsWith(`${k}.unreadable-`)), STORE_KEY);
    expect(backups, 'one backup key').toHaveLength(1);
    expect(backups[0]).toMatch(/\.unreadable-\d+$/);
    await expect(page.locator('.fac-notice')).toContainText(UNREADABLE[lang]);
    await expect(page.locator('.fac-notice'), 'the notice names the backup key').toContainText(backups[0]);
    // A change stores the new set; the garbage stays under the backup key.
    await paste(page, lang, 'a first hand-in');
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toContain('a first hand-in');
    await page.reload();
    await expect(page.getByText(PASTED[lang]).first()).toBeVisible();
    await expect(page.locator('.fac-notice'), 'a readable store: nothing to say').toHaveCount(0);
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).sources.map((s) => s.text), STORE_KEY);
    expect(stored).toEqual(['a first hand-in']);
    expect(await page.evaluate((k) => localStorage.getItem(k), backups[0]), 'the garbage, byte for byte').toEqual(GARBAGE);
  });
}

test('facilitator: a damaged store that cannot be copied aside is not written over; the set stays on the page', async ({ pages }) => {
  const page = await pages.open({
    locale: BROWSER_LOCALE.en,
    init: `localStorage.setItem(${JSON.stringify(STORE_KEY)}, ${JSON.stringify(GARBAGE)});
      Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };`,
  });
  await page.goto('facilitate.html?lang=en');
  await expect(page.locator('.fac-notice')).toContainText('did not let the page keep a copy');
  await paste(page, 'en', 'a first hand-in');
  await expect(page.getByText(PASTED.en).first()).toBeVisible();
  await expect(page.locator('.fac-notice')).toContainText('nothing is stored over it');
  expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY), 'the damaged set untouched').toEqual(GARBAGE);
  expect(await page.evaluate(() => Object.keys(localStorage).length), 'no backup made').toBe(1);
});
