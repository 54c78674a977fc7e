// Saved scenarios (issue #4): saved in localStorage, kept across reloads, renamed,
// deleted, reopened; compared side by side (a table and an overlaid chart) with figures
// equal to the page's own; and a store that cannot be read or written never loses
// anything.

import {
  STORE_KEY,
  arm,
  assert,
  assertEqual,
  fresh,
  gotoReady,
  headline,
  intervalNumbers,
  notices,
  runsSinceArm,
  shot,
  test,
  typeValue,
  waitNotice,
  waitReady,
} from '../lib.mjs';

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
  await page.waitForFunction((n) => document.querySelectorAll('.saved-list li.saved').length === n, before + 1);
}

/** Ticks saved scenario `i` for comparison and waits until its row is computed. */
async function tick(page, i, rows) {
  await page.check(`#compare-${i}`);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=compare] tbody tr').length === n
      && !document.querySelector('[data-testid=compare] .pending'),
    rows,
  );
}

function compareRows(page) {
  return page.$$eval('[data-testid=compare] tbody tr', (trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.textContent);
    return { name: cells[0], budget: cells[1], mix: cells[2], extra: cells[3], cost: cells[4], targets: cells[5] };
  }));
}

for (const lang of ['en', 'es']) {
  const w = WORDS[lang];
  test(`saved scenarios (${lang}): save, kept after reload, rename, reopen, delete`, async (t) => {
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    assertEqual(await page.textContent('#saved-heading'), w.heading, 'heading');
    assertEqual(await page.textContent('#save-button'), w.save, 'save button');
    assert((await page.textContent('.scenarios .hint')).startsWith(w.none), 'says there is nothing saved yet');

    await fresh(page, () => typeValue(page, '#budget-exact', lang === 'es' ? '2.000.000' : '2,000,000'));
    const big = { headline: await headline(page), interval: (await intervalNumbers(page)).text };
    await save(page, 'Big plan');
    // An empty name gets a numbered default one.
    await save(page, '');
    assertEqual(await savedNames(page), ['Big plan', w.defaultName(2)], 'saved list');
    const store = await stored(page);
    assertEqual(store.version, 1, 'stored format version');
    assertEqual(store.scenarios.map((s) => s.name), ['Big plan', w.defaultName(2)], 'names in localStorage');
    assertEqual(store.scenarios[0].scenario.budget_eur, 2_000_000, 'stored budget');
    assert(!Number.isNaN(Date.parse(store.scenarios[0].saved_at)), `saved_at is a date: ${store.scenarios[0].saved_at}`);

    await page.reload();
    await waitReady(page);
    assertEqual(await savedNames(page), ['Big plan', w.defaultName(2)], 'saved list after reload');
    assertEqual(await notices(page), [], 'no notice after reload');

    // Rename: the button opens a box with the name; Enter keeps the new one.
    await page.getByRole('button', { name: w.rename('Big plan'), exact: true }).click();
    assertEqual(await page.inputValue('#rename-0'), 'Big plan', 'rename box starts with the name');
    await page.fill('#rename-0', 'Bigger plan');
    await page.press('#rename-0', 'Enter');
    await page.waitForFunction(() => !document.querySelector('#rename-0'));
    assertEqual(await savedNames(page), ['Bigger plan', w.defaultName(2)], 'list after renaming');
    assertEqual((await stored(page)).scenarios[0].name, 'Bigger plan', 'renamed in localStorage');

    // Reopen: the controls take its values and the headline is the one it had.
    await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
    await fresh(page, () => page.getByRole('button', { name: w.open('Bigger plan'), exact: true }).click());
    assertEqual(await page.inputValue('#budget'), '2000000', 'budget slider after reopening');
    assertEqual(await page.inputValue('#budget-exact'), '2000000', 'budget box after reopening');
    assertEqual(await headline(page), big.headline, 'headline after reopening');
    assertEqual((await intervalNumbers(page)).text, big.interval, 'interval after reopening');

    await page.getByRole('button', { name: w.del(w.defaultName(2)), exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.saved-list li.saved').length === 1);
    assertEqual((await stored(page)).scenarios.map((s) => s.name), ['Bigger plan'], 'localStorage after deleting');
    await page.reload();
    await waitReady(page);
    assertEqual(await savedNames(page), ['Bigger plan'], 'list after deleting and reloading');
  });
}

test('compare 6 saved scenarios: a row each plus Current, one line each, figures equal to the page\'s', async (t) => {
  const page = await t.page({ viewport: { width: 1280, height: 1100 } });
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
  assertEqual(heads, WORDS.en.columns, 'compare columns');
  const rows = await compareRows(page);
  assertEqual(rows.map((r) => r.name), ['Current', ...budgets.map((_, i) => `Plan ${i + 1}`)], 'rows');
  for (const [i, b] of [1_250_000, ...budgets].entries()) {
    const r = rows[i];
    assertEqual(r.budget, `EUR ${b.toLocaleString('en-GB')}`, `budget of ${r.name}`);
    assertEqual(r.mix, '40 / 20 / 40', `mix of ${r.name}`);
    assert(/^\d[\d,]* \(\d[\d,]*–\d[\d,]*\)$/.test(r.extra), `extra adopters with interval of ${r.name}: "${r.extra}"`);
    assert(/^EUR \d[\d,]*$/.test(r.cost), `cost per adopter of ${r.name}: "${r.cost}"`);
    assert(/^100 more firms on cloud by 2030: \d+%$/.test(r.targets), `chance of targets of ${r.name}: "${r.targets}"`);
  }
  const series = await page.locator('[data-testid=compare] path.series').count();
  assertEqual(series, rows.length, 'one line per scenario in the comparison chart');
  await page.locator('.scenarios').screenshot({ path: shot('compare') });

  // Each row's figures are the page's when that scenario is the current one.
  const figures = async () => {
    const i = await intervalNumbers(page);
    const cost = await page.locator('.headline .card').nth(1).locator('.figure').textContent();
    const target = await page.locator('.headline ul.targets li').first().textContent();
    return { extra: `${await headline(page)} (${i.low}–${i.high})`, cost, chance: target.match(/: (\d+%) chance/)?.[1] };
  };
  const current = await figures();
  assertEqual(rows[0].extra, current.extra, 'Current row equals the headline');
  for (const i of budgets.keys()) {
    await fresh(page, () => page.getByRole('button', { name: `Open "Plan ${i + 1}"`, exact: true }).click());
    const f = await figures();
    const r = (await compareRows(page))[i + 1];
    assertEqual(r.extra, f.extra, `Plan ${i + 1}: extra adopters in the table vs the headline`);
    assertEqual(r.cost, f.cost, `Plan ${i + 1}: cost per adopter`);
    assertEqual(r.targets.match(/: (\d+%)$/)?.[1], f.chance, `Plan ${i + 1}: chance of the target`);
  }
  t.note(`rows: ${rows.map((r) => `${r.name} ${r.extra}`).join('; ')}`);
});

test('compare: ticking several saved scenarios at once computes each of them', async (t) => {
  const page = await t.page();
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
    const panics = t.rec(page).console.filter((m) => m.type === 'error').map((m) => m.text.split('\n')[0]);
    throw new Error(`the comparison never finished: ${rows.join(' | ')}; console: ${panics.join(' | ') || 'nothing'}`);
  });
  // The page still works.
  await fresh(page, () => typeValue(page, '#budget-exact', '1250000'));
});

test('compare (es): Spanish headers, "Actual", Spanish number formats', async (t) => {
  const page = await t.page();
  await gotoReady(page, '?lang=es');
  await typeValue(page, '#budget-exact', '1.500.000');
  await save(page, 'Uno');
  await typeValue(page, '#budget-exact', '3.000.000');
  await save(page, 'Dos');
  await tick(page, 0, 2);
  await tick(page, 1, 3);
  const heads = await page.$$eval('[data-testid=compare] thead th', (ths) => ths.map((th) => th.textContent));
  assertEqual(heads, WORDS.es.columns, 'compare columns');
  assertEqual(await page.textContent('[data-testid=compare] h3'), 'Comparar escenarios', 'heading');
  const rows = await compareRows(page);
  assertEqual(rows.map((r) => r.name), ['Actual', 'Uno', 'Dos'], 'rows');
  assertEqual(rows.map((r) => r.budget), ['3.000.000 EUR', '1.500.000 EUR', '3.000.000 EUR'], 'budgets');
  for (const r of rows) {
    assert(/^\d[\d.]* \(\d[\d.]*–\d[\d.]*\)$/.test(r.extra), `extra adopters of ${r.name}: "${r.extra}"`);
    assert(/^\d{1,3}\.\d{3} EUR$/.test(r.cost), `cost per adopter with dot thousands of ${r.name}: "${r.cost}"`);
    assert(/^100 empresas más en la nube en 2030: \d+ %$/.test(r.targets), `chance of targets of ${r.name}: "${r.targets}"`);
  }
  assertEqual(await page.getAttribute('#compare-0', 'aria-label'), WORDS.es.compare('Uno'), 'tick box name');
});

// ---------------------------------------------------------------------------------------
// Storage problems

/** An init script that puts `text` under the store's key on the first load only. */
const seed = (text) => [
  ({ key, text: value }) => { if (localStorage.getItem(key) === null) localStorage.setItem(key, value); },
  { key: STORE_KEY, text },
];

async function withInit(t, [fn, arg], options = {}) {
  return t.page({ ...options, init: { content: `(${fn})(${JSON.stringify(arg)})` } });
}

for (const lang of ['en', 'es']) {
  test(`a corrupt store (${lang}): a notice, the text backed up and never overwritten`, async (t) => {
    const w = WORDS[lang];
    const page = await withInit(t, seed('{not json'));
    await gotoReady(page, `?lang=${lang}`);
    const notice = (await notices(page))[0];
    assert(notice, 'a notice about the store');
    assertEqual(notice.role, 'alert', 'role');
    assert(notice.text.startsWith(w.unreadableStore), `notice text: "${notice.text}"`);
    const backups = () => page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}.unreadable-`)), STORE_KEY);
    const [backup, ...more] = await backups();
    assert(backup && /\.unreadable-\d+$/.test(backup) && more.length === 0, `one backup key: ${[backup, ...more]}`);
    assert(notice.text.includes(backup), `the notice names the backup key ${backup}: "${notice.text}"`);
    const read = (key) => page.evaluate((k) => localStorage.getItem(k), key);
    assertEqual(await read(backup), '{not json', 'backup holds the original text');
    assertEqual(await read(STORE_KEY), '{not json', 'the original is untouched until something is saved');
    assertEqual(await savedNames(page), [], 'nothing listed');

    await save(page, 'After');
    assertEqual(await read(backup), '{not json', 'backup still holds the original after saving');
    assertEqual((await stored(page)).scenarios.map((s) => s.name), ['After'], 'the new store');
    await page.reload();
    await waitReady(page);
    assertEqual(await savedNames(page), ['After'], 'list after reload');
    assertEqual(await backups(), [backup], 'no second backup');
    assertEqual(await read(backup), '{not json', 'backup after reload');
  });
}

test('a store with one bad entry (years 500): kept, shown as unreadable, written back unchanged', async (t) => {
  const good = { name: 'Good', saved_at: '2026-01-01T00:00:00.000Z', scenario: { version: 1, budget_eur: 2000000 } };
  const bad = { name: 'Too long', saved_at: '2026-01-02T00:00:00.000Z', scenario: { version: 1, years: 500 } };
  const page = await withInit(t, seed(JSON.stringify({ version: 1, scenarios: [good, bad] })));
  await gotoReady(page);
  const notice = (await notices(page))[0];
  assert(notice?.role === 'alert' && notice.text.startsWith(WORDS.en.oneUnreadable), `notice: ${JSON.stringify(notice)}`);
  assertEqual(await savedNames(page), ['Good', 'Too long'], 'both listed');
  const item = page.locator('.saved-list li.saved').nth(1);
  assert(await item.evaluate((li) => li.classList.contains('unreadable')), 'the bad entry is marked');
  assert((await item.textContent()).includes(WORDS.en.unreadableEntry), 'the bad entry says it cannot be read');
  assert(await page.isDisabled('#compare-1'), 'cannot be compared');
  assert(await page.getByRole('button', { name: 'Open "Too long"', exact: true }).isDisabled(), 'cannot be opened');
  // The good one opens.
  await fresh(page, () => page.getByRole('button', { name: 'Open "Good"', exact: true }).click());
  assertEqual(await page.inputValue('#budget'), '2000000', 'the good entry opens');

  await save(page, 'New');
  const store = await stored(page);
  assertEqual(store.scenarios.length, 3, 'three entries stored');
  assertEqual(store.scenarios[1], bad, 'the bad entry is written back as it was');
});

test('a full localStorage: saving shows a notice and the page keeps working', async (t) => {
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
  const page = await t.page({ init: fill });
  await gotoReady(page);
  const filled = await page.evaluate(() => Object.keys(localStorage).length);
  await save(page, 'Will not fit');
  const notice = await waitNotice(page);
  assertEqual(notice.role, 'alert', 'role');
  assert(notice.text.startsWith(WORDS.en.writeFailed), `notice: "${notice.text}"`);
  assertEqual(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY), null, 'nothing stored');
  assertEqual(await savedNames(page), ['Will not fit'], 'still listed on the page');
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  await fresh(page, () => page.getByRole('button', { name: 'Open "Will not fit"', exact: true }).click());
  assertEqual(await page.inputValue('#budget'), '1250000', 'it reopens');
  t.note(`localStorage filled with ${filled} items before saving`);
});

test('localStorage refusing writes (QuotaExceededError, es): a Spanish notice and the page keeps working', async (t) => {
  const refuse = () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  const page = await t.page({ init: refuse });
  await gotoReady(page, '?lang=es');
  await save(page, 'Plan');
  const notice = await waitNotice(page);
  assertEqual(notice.role, 'alert', 'role');
  assert(notice.text.startsWith(WORDS.es.writeFailed), `notice: "${notice.text}"`);
  await arm(page);
  await typeValue(page, '#budget-exact', '2.000.000');
  await page.waitForFunction(() => window.__e2eStatus.runs > 0 && document.querySelector('[data-testid=status]').dataset.state === 'ready');
  assert(await runsSinceArm(page) > 0, 'the page still computes');
  assertEqual(await page.textContent('output[for=budget]'), '2.000.000 EUR', 'budget shown');
  // A second save fails the same way; the message is not repeated twice in a row.
  await save(page, 'Plan 2');
  assertEqual((await notices(page)).length, 1, 'one notice');
});
