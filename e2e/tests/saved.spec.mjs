// Saved scenarios (issue #4): saved in localStorage, kept across reloads, renamed,
// deleted, reopened; compared side by side (a table and an overlaid chart) with figures
// equal to the page's own; and a store that cannot be read or written never loses
// anything.

import {
  arm,
  countPattern,
  escapeRegExp,
  eurPattern,
  expect,
  formatCount,
  formatEur,
  formatPercent,
  fresh,
  gotoReady,
  headline,
  intervalNumbers,
  LANGS,
  notices,
  runsSinceArm,
  shot,
  STORE_KEY,
  test,
  typeValue,
  waitFresh,
  waitNotice,
  waitReady,
} from '../fixtures.mjs';

const WORDS = {
  en: {
    heading: 'Saved scenarios',
    save: 'Save',
    none: 'No saved scenarios yet.',
    defaultName: (n) => `Scenario ${n}`,
    open: (n) => `Open "${n}"`,
    rename: (n) => `Rename "${n}"`,
    del: (n) => `Delete "${n}"`,
    compare: (n) => `Compare "${n}"`,
    current: 'Current',
    columns: ['Scenario', 'Budget', 'Mix (vouchers / training / pilots)', 'Extra adopters (9 in 10 futures)', 'Cost per extra adopter', 'Chance of targets'],
    unreadableStore: 'Your saved scenarios could not be read.',
    oneUnreadable: 'One saved scenario cannot be read by this version',
    unreadableEntry: 'cannot be read by this version',
    writeFailed: 'This browser did not let the page save',
  },
  es: {
    heading: 'Escenarios guardados',
    save: 'Guardar',
    none: 'Aún no hay escenarios guardados.',
    defaultName: (n) => `Escenario ${n}`,
    open: (n) => `Abrir "${n}"`,
    rename: (n) => `Cambiar el nombre de "${n}"`,
    del: (n) => `Borrar "${n}"`,
    compare: (n) => `Comparar "${n}"`,
    current: 'Actual',
    columns: ['Escenario', 'Presupuesto', 'Reparto (bonos / formación / pilotos)', 'Adoptantes adicionales (9 de cada 10 futuros)', 'Coste por adoptante adicional', 'Probabilidad de los objetivos'],
    unreadableStore: 'No se pudieron leer sus escenarios guardados.',
    oneUnreadable: 'Un escenario guardado no se puede leer con esta versión',
    unreadableEntry: 'no se puede leer con esta versión',
    writeFailed: 'Este navegador no permitió guardar',
    compareHeading: 'Comparar escenarios',
    target: '100 empresas más en la nube en 2030',
  },
  // src/i18n/pt: texts.rs (saved scenarios, compare, store notices), data.rs (the target).
  pt: {
    heading: 'Cenários guardados',
    save: 'Guardar',
    none: 'Ainda não há cenários guardados.',
    defaultName: (n) => `Cenário ${n}`,
    open: (n) => `Abrir "${n}"`,
    rename: (n) => `Mudar o nome de "${n}"`,
    del: (n) => `Apagar "${n}"`,
    compare: (n) => `Comparar "${n}"`,
    current: 'Atual',
    columns: ['Cenário', 'Orçamento', 'Repartição (vales / formação / projetos-piloto)', 'Empresas adicionais que adotam (9 em cada 10 futuros)', 'Custo por empresa adicional', 'Probabilidade das metas'],
    unreadableStore: 'Não foi possível ler os seus cenários guardados.',
    oneUnreadable: 'Um cenário guardado não pode ser lido por esta versão',
    unreadableEntry: 'não pode ser lido por esta versão',
    writeFailed: 'Este navegador não permitiu guardar',
    compareHeading: 'Comparar cenários',
    target: 'Mais 100 empresas na nuvem em 2030',
  },
};

const savedNames = (page) => page.$$eval('.saved-list li.saved', (ls) => ls.map((l) => l.querySelector('.saved-name')?.textContent));

function stored(page) {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null ? null : JSON.parse(text);
  }, STORE_KEY);
}

async function save(page, name) {
  const before = await page.locator('.saved-list li.saved').count();
  await page.fill('#save-name', name);
  await page.click('#save-button');
  await expect(page.locator('.saved-list li.saved')).toHaveCount(before + 1);
}

/** Ticks saved scenario `i` for comparison and waits until its row is computed. */
async function tick(page, i, rows) {
  await page.check(`#compare-${i}`);
  await expect(page.locator('[data-testid=compare] tbody tr')).toHaveCount(rows);
  await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);
}

function compareRows(page) {
  return page.$$eval('[data-testid=compare] tbody tr', (trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.textContent);
    return { name: cells[0], budget: cells[1], mix: cells[2], extra: cells[3], cost: cells[4], targets: cells[5] };
  }));
}

for (const lang of LANGS) {
  const w = WORDS[lang];
  test(`saved scenarios (${lang}): save, kept after reload, rename, reopen, delete`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    expect(await page.textContent('#saved-heading'), 'heading').toEqual(w.heading);
    expect(await page.textContent('#save-button'), 'save button').toEqual(w.save);
    expect((await page.textContent('.scenarios .hint')).startsWith(w.none), 'says there is nothing saved yet').toBeTruthy();

    await fresh(page, () => typeValue(page, '#budget-exact', formatCount(2_000_000, lang)));
    const big = { headline: await headline(page), interval: (await intervalNumbers(page)).text };
    await save(page, 'Big plan');
    // An empty name gets a numbered default one.
    await save(page, '');
    expect(await savedNames(page), 'saved list').toEqual(['Big plan', w.defaultName(2)]);
    const store = await stored(page);
    expect(store.version, 'stored format version').toEqual(1);
    expect(store.scenarios.map((s) => s.name), 'names in localStorage').toEqual(['Big plan', w.defaultName(2)]);
    expect(store.scenarios[0].scenario.budget_eur, 'stored budget').toEqual(2_000_000);
    expect(Number.isNaN(Date.parse(store.scenarios[0].saved_at)), `saved_at is a date: ${store.scenarios[0].saved_at}`).toBeFalsy();

    await page.reload();
    await waitReady(page);
    expect(await savedNames(page), 'saved list after reload').toEqual(['Big plan', w.defaultName(2)]);
    expect(await notices(page), 'no notice after reload').toEqual([]);

    // Rename: the button opens a box with the name; Enter keeps the new one.
    await page.getByRole('button', { name: w.rename('Big plan'), exact: true }).click();
    await expect(page.locator('#rename-0'), 'rename box starts with the name').toHaveValue('Big plan');
    await page.fill('#rename-0', 'Bigger plan');
    await page.press('#rename-0', 'Enter');
    await expect(page.locator('#rename-0')).toHaveCount(0);
    expect(await savedNames(page), 'list after renaming').toEqual(['Bigger plan', w.defaultName(2)]);
    expect((await stored(page)).scenarios[0].name, 'renamed in localStorage').toEqual('Bigger plan');

    // Reopen: the controls take its values and the headline is the one it had.
    await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
    await fresh(page, () => page.getByRole('button', { name: w.open('Bigger plan'), exact: true }).click());
    await expect(page.locator('#budget'), 'budget slider after reopening').toHaveValue('2000000');
    await expect(page.locator('#budget-exact'), 'budget box after reopening').toHaveValue('2000000');
    expect(await headline(page), 'headline after reopening').toEqual(big.headline);
    expect((await intervalNumbers(page)).text, 'interval after reopening').toEqual(big.interval);

    await page.getByRole('button', { name: w.del(w.defaultName(2)), exact: true }).click();
    await expect(page.locator('.saved-list li.saved')).toHaveCount(1);
    expect((await stored(page)).scenarios.map((s) => s.name), 'localStorage after deleting').toEqual(['Bigger plan']);
    await page.reload();
    await waitReady(page);
    expect(await savedNames(page), 'list after deleting and reloading').toEqual(['Bigger plan']);
  });
}

test('compare 6 saved scenarios: a row each plus Current, one line each, figures equal to the page\'s', async ({ pages, note }) => {
  const page = await pages.open({ viewport: { width: 1280, height: 1100 } });
  await gotoReady(page);
  const budgets = [1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000];
  for (const [i, b] of budgets.entries()) {
    await typeValue(page, '#budget-exact', String(b));
    await save(page, `Plan ${i + 1}`);
  }
  // The current scenario differs from every saved one.
  await fresh(page, () => typeValue(page, '#budget-exact', '1250000'));
  // Ticked one at a time, each computed before the next (ticking them at once: see the
  // next test).
  for (const i of budgets.keys()) await tick(page, i, i + 2);
  const heads = await page.$$eval('[data-testid=compare] thead th', (ths) => ths.map((th) => th.textContent));
  expect(heads, 'compare columns').toEqual(WORDS.en.columns);
  const rows = await compareRows(page);
  expect(rows.map((r) => r.name), 'rows').toEqual(['Current', ...budgets.map((_, i) => `Plan ${i + 1}`)]);
  for (const [i, b] of [1_250_000, ...budgets].entries()) {
    const r = rows[i];
    expect(r.budget, `budget of ${r.name}`).toEqual(`EUR ${b.toLocaleString('en-GB')}`);
    expect(r.mix, `mix of ${r.name}`).toEqual('40 / 20 / 40');
    expect(r.extra, `extra adopters with interval of ${r.name}: "${r.extra}"`).toMatch(/^\d[\d,]* \(\d[\d,]*–\d[\d,]*\)$/);
    expect(r.cost, `cost per adopter of ${r.name}: "${r.cost}"`).toMatch(/^EUR \d[\d,]*$/);
    expect(r.targets, `chance of targets of ${r.name}: "${r.targets}"`).toMatch(/^100 more firms on cloud by 2030: \d+%$/);
  }
  const series = await page.locator('[data-testid=compare] path.series').count();
  expect(series, 'one line per scenario in the comparison chart').toEqual(rows.length);
  await page.locator('.scenarios').screenshot({ path: shot('compare') });

  // Each row's figures are the page's when that scenario is the current one.
  const figures = async () => {
    const i = await intervalNumbers(page);
    const cost = await page.locator('.headline .card').nth(1).locator('.figure').textContent();
    const target = await page.locator('.headline ul.targets li').first().textContent();
    return { extra: `${await headline(page)} (${i.low}–${i.high})`, cost, chance: target.match(/: (\d+%) chance/)?.[1] };
  };
  const current = await figures();
  expect(rows[0].extra, 'Current row equals the headline').toEqual(current.extra);
  for (const i of budgets.keys()) {
    await fresh(page, () => page.getByRole('button', { name: `Open "Plan ${i + 1}"`, exact: true }).click());
    const f = await figures();
    const r = (await compareRows(page))[i + 1];
    expect(r.extra, `Plan ${i + 1}: extra adopters in the table vs the headline`).toEqual(f.extra);
    expect(r.cost, `Plan ${i + 1}: cost per adopter`).toEqual(f.cost);
    expect(r.targets.match(/: (\d+%)$/)?.[1], `Plan ${i + 1}: chance of the target`).toEqual(f.chance);
  }
  note(`rows: ${rows.map((r) => `${r.name} ${r.extra}`).join('; ')}`);
});

test('compare: ticking several saved scenarios at once computes each of them', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  for (const [i, b] of [1_000_000, 1_500_000, 2_000_000].entries()) {
    await typeValue(page, '#budget-exact', String(b));
    await save(page, `Plan ${i + 1}`);
  }
  // Three ticks before the comparison's worker answers the first (a quick user, or a
  // slow machine): the queue must still work through them.
  await page.evaluate(() => { for (const i of [0, 1, 2]) document.querySelector(`#compare-${i}`).click(); });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=compare] tbody tr').length === 4
      && !document.querySelector('[data-testid=compare] .pending'),
    null,
    { timeout: 8_000 },
  ).catch(async () => {
    const rows = await page.$$eval('[data-testid=compare] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent).join(' ')));
    const panics = pages.rec(page).console.filter((m) => m.type === 'error').map((m) => m.text.split('\n')[0]);
    throw new Error(`the comparison never finished: ${rows.join(' | ')}; console: ${panics.join(' | ') || 'nothing'}`);
  });
  // The page still works.
  await fresh(page, () => typeValue(page, '#budget-exact', '1250000'));
});

for (const lang of LANGS.filter((l) => l !== 'en')) {
  const w = WORDS[lang];
  test(`compare (${lang}): headers, the current row and number formats in the page's language`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    await typeValue(page, '#budget-exact', formatCount(1_500_000, lang));
    await save(page, 'Uno');
    await typeValue(page, '#budget-exact', formatCount(3_000_000, lang));
    await save(page, 'Dos');
    await tick(page, 0, 2);
    await tick(page, 1, 3);
    const heads = await page.$$eval('[data-testid=compare] thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads, 'compare columns').toEqual(w.columns);
    expect(await page.textContent('[data-testid=compare] h3'), 'heading').toEqual(w.compareHeading);
    const rows = await compareRows(page);
    expect(rows.map((r) => r.name), 'rows').toEqual([w.current, 'Uno', 'Dos']);
    expect(rows.map((r) => r.budget), 'budgets').toEqual([3_000_000, 1_500_000, 3_000_000].map((b) => formatEur(b, lang)));
    const count = countPattern(lang);
    const chance = formatPercent('\\d+', lang);
    for (const r of rows) {
      expect(r.extra, `extra adopters of ${r.name}: "${r.extra}"`).toMatch(new RegExp(`^${count} \\(${count}–${count}\\)$`));
      expect(r.cost, `cost per adopter of ${r.name}: "${r.cost}"`).toMatch(new RegExp(`^${eurPattern(lang)}$`));
      expect(r.targets, `chance of targets of ${r.name}: "${r.targets}"`).toMatch(new RegExp(`^${escapeRegExp(w.target)}: ${chance}$`));
    }
    await expect(page.locator('#compare-0'), 'tick box name').toHaveAttribute('aria-label', w.compare('Uno'));
  });
}

// ---------------------------------------------------------------------------------------
// Storage problems

/** An init script that puts `text` under the store's key on the first load only. */
const seed = (text) => [
  ({ key, text: value }) => { if (localStorage.getItem(key) === null) localStorage.setItem(key, value); },
  { key: STORE_KEY, text },
];

async function withInit(pages, [fn, arg], options = {}) {
  return pages.open({ ...options, init: { content: `(${fn})(${JSON.stringify(arg)})` } });
}

for (const lang of LANGS) {
  test(`a corrupt store (${lang}): a notice, the text backed up and never overwritten`, async ({ pages }) => {
    const w = WORDS[lang];
    const page = await withInit(pages, seed('{not json'));
    await gotoReady(page, `?lang=${lang}`);
    const notice = (await notices(page))[0];
    expect(notice, 'a notice about the store').toBeTruthy();
    expect(notice.role, 'role').toEqual('alert');
    expect(notice.text.startsWith(w.unreadableStore), `notice text: "${notice.text}"`).toBeTruthy();
    const backups = () => page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}.unreadable-`)), STORE_KEY);
    const [backup, ...more] = await backups();
    expect(backup && /\.unreadable-\d+$/.test(backup) && more.length === 0, `one backup key: ${[backup, ...more]}`).toBeTruthy();
    expect(notice.text, `the notice names the backup key ${backup}: "${notice.text}"`).toContain(backup);
    const read = (key) => page.evaluate((k) => localStorage.getItem(k), key);
    expect(await read(backup), 'backup holds the original text').toEqual('{not json');
    expect(await read(STORE_KEY), 'the original is untouched until something is saved').toEqual('{not json');
    expect(await savedNames(page), 'nothing listed').toEqual([]);

    await save(page, 'After');
    expect(await read(backup), 'backup still holds the original after saving').toEqual('{not json');
    expect((await stored(page)).scenarios.map((s) => s.name), 'the new store').toEqual(['After']);
    await page.reload();
    await waitReady(page);
    expect(await savedNames(page), 'list after reload').toEqual(['After']);
    expect(await backups(), 'no second backup').toEqual([backup]);
    expect(await read(backup), 'backup after reload').toEqual('{not json');
  });
}

test('a store with one bad entry (years 500): kept, shown as unreadable, written back unchanged', async ({ pages }) => {
  const good = { name: 'Good', saved_at: '2026-01-01T00:00:00.000Z', scenario: { version: 1, budget_eur: 2000000 } };
  const bad = { name: 'Too long', saved_at: '2026-01-02T00:00:00.000Z', scenario: { version: 1, years: 500 } };
  const page = await withInit(pages, seed(JSON.stringify({ version: 1, scenarios: [good, bad] })));
  await gotoReady(page);
  const notice = (await notices(page))[0];
  expect(notice?.role === 'alert' && notice.text.startsWith(WORDS.en.oneUnreadable), `notice: ${JSON.stringify(notice)}`).toBeTruthy();
  expect(await savedNames(page), 'both listed').toEqual(['Good', 'Too long']);
  const item = page.locator('.saved-list li.saved').nth(1);
  expect(await item.evaluate((li) => li.classList.contains('unreadable')), 'the bad entry is marked').toBeTruthy();
  expect(await item.textContent(), 'the bad entry says it cannot be read').toContain(WORDS.en.unreadableEntry);
  await expect(page.locator('#compare-1'), 'cannot be compared').toBeDisabled();
  await expect(page.getByRole('button', { name: 'Open "Too long"', exact: true }), 'cannot be opened').toBeDisabled();
  // The good one opens.
  await fresh(page, () => page.getByRole('button', { name: 'Open "Good"', exact: true }).click());
  await expect(page.locator('#budget'), 'the good entry opens').toHaveValue('2000000');

  await save(page, 'New');
  const store = await stored(page);
  expect(store.scenarios.length, 'three entries stored').toEqual(3);
  expect(store.scenarios[1], 'the bad entry is written back as it was').toEqual(bad);
});

test('a full localStorage: saving shows a notice and the page keeps working', async ({ pages, note }) => {
  // Filled for real on the first load, until the browser refuses.
  const fill = () => {
    if (localStorage.getItem('filler-0') !== null) return;
    let size = 1 << 20;
    for (let i = 0; size >= 16; i += 1) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
      } catch {
        size >>= 2;
      }
    }
  };
  const page = await pages.open({ init: fill });
  await gotoReady(page);
  const filled = await page.evaluate(() => Object.keys(localStorage).length);
  await save(page, 'Will not fit');
  const notice = await waitNotice(page);
  expect(notice.role, 'role').toEqual('alert');
  expect(notice.text.startsWith(WORDS.en.writeFailed), `notice: "${notice.text}"`).toBeTruthy();
  expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY), 'nothing stored').toEqual(null);
  expect(await savedNames(page), 'still listed on the page').toEqual(['Will not fit']);
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  await fresh(page, () => page.getByRole('button', { name: 'Open "Will not fit"', exact: true }).click());
  await expect(page.locator('#budget'), 'it reopens').toHaveValue('1250000');
  note(`localStorage filled with ${filled} items before saving`);
});

test('localStorage refusing writes (QuotaExceededError, es): a Spanish notice and the page keeps working', async ({ pages }) => {
  const refuse = () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  const page = await pages.open({ init: refuse });
  await gotoReady(page, '?lang=es');
  await save(page, 'Plan');
  const notice = await waitNotice(page);
  expect(notice.role, 'role').toEqual('alert');
  expect(notice.text.startsWith(WORDS.es.writeFailed), `notice: "${notice.text}"`).toBeTruthy();
  await arm(page);
  await typeValue(page, '#budget-exact', '2.000.000');
  await waitFresh(page);
  expect(await runsSinceArm(page), 'the page still computes').toBeGreaterThan(0);
  expect(await page.textContent('output[for=budget]'), 'budget shown').toEqual('2.000.000\u00a0EUR');
  // A second save fails the same way; the message is not repeated twice in a row.
  await save(page, 'Plan 2');
  expect((await notices(page)).length, 'one notice').toEqual(1);
});
