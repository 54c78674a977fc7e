// The best-mix panel (issue 10, capability 2): opened on demand (its own module), a coarse
// map then the final one, the same best mix and value as `adoption optimize --screen`,
// keyboard moves across the map, "Use this mix", its words in every language, the notice
// for a scenario it cannot answer, and axe-core's full default rule set on it.

import { axeScan, escapeRegExp, expect, gotoReady, LANGS, mixValues, shot, test } from '../fixtures.mjs';

/** The panel's opener and heading in each language (src/i18n/<lang>/texts.rs best_mix). */
const BEST_MIX = {
  en: 'Best mix for this budget',
  es: 'Mejor reparto para este presupuesto',
  pt: 'Melhor repartição para este orçamento',
};
/** "Use this mix" (src/i18n/<lang>/decide.rs use_mix). */
const USE_MIX = { en: 'Use this mix', es: 'Usar este reparto', pt: 'Usar esta repartição' };
/** The notice for no budget (decide.rs no_budget), its start. */
const NO_BUDGET = {
  en: 'Set a budget above zero',
  es: 'Indique un presupuesto mayor que cero',
  pt: 'Indique um orçamento acima de zero',
};

/** Records every state the map shows, from before the panel opens. */
const RECORD_MAP_STATES = () => {
  window.__decideStates = [];
  new MutationObserver(() => {
    const map = document.querySelector('.decide-map');
    const state = map?.getAttribute('data-state');
    if (state && window.__decideStates.at(-1) !== state) window.__decideStates.push(state);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
};

async function openPanel(page, lang = 'en') {
  await page.getByRole('button', { name: BEST_MIX[lang] }).click();
  const dialog = page.locator('#decide-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: BEST_MIX[lang] })).toBeVisible();
  return dialog;
}

const finalMap = (page) => page.locator('.decide-map[data-state=final]');

test('the panel loads on first use, streams a coarse then a final map, and agrees with the CLI', async ({ pages, oracle, note }) => {
  const page = await pages.open({ init: RECORD_MAP_STATES });
  await gotoReady(page);
  const rec = pages.rec(page);
  expect(rec.requests.filter((u) => /decide/.test(u)), 'nothing of the panel loads with the page').toEqual([]);
  await openPanel(page);
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  const states = await page.evaluate(() => window.__decideStates);
  expect(states[0], 'the coarse map comes first').toEqual('coarse');
  expect(states.at(-1)).toEqual('final');
  expect(rec.requests.some((u) => u.endsWith('decide_bg.wasm')), 'the panel module was fetched').toBe(true);
  expect(await page.locator('.ternary [role=radio]').count(), 'every 5% mix is a cell').toEqual(231);
  // The page's link is the scenario: the CLI's screened search on it.
  const link = new URL(page.url()).search;
  const cli = JSON.parse(await oracle.cli(['optimize', '--url', link, '--screen']));
  const best = await finalMap(page).getAttribute('data-best');
  const value = Number(await finalMap(page).getAttribute('data-best-value'));
  const percent = (x) => Math.round(x * 100);
  expect(best).toEqual([cli.best.mix.vouchers, cli.best.mix.training, cli.best.mix.pilots].map(percent).join(','));
  expect(value, 'the best value, bit for bit').toEqual(cli.best.value);
  note(`best ${best} value ${value}; coarse in ${states.join(' -> ')}`);
  // The best and the current mix's robustness are shown beside the map.
  await expect(page.locator('.decide-robust')).toContainText('Worst tenth of runs');
  await expect(page.locator('.decide-robust')).toContainText('Largest regret');
});

test('arrow keys move across the map, and "Use this mix" sets the mix control exactly', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  await openPanel(page);
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  const selected = page.locator('.ternary [role=radio][aria-checked=true]');
  await expect(selected).toHaveCount(1);
  await selected.focus();
  const first = await selected.getAttribute('aria-label');
  expect(first).toMatch(/\(best\)/);
  // Down (fewer vouchers) then left (more training): two moves, each to a neighbour.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  const moved = await focused();
  expect(moved).not.toEqual(first);
  await expect(selected).toHaveAttribute('aria-label', moved);
  expect(await page.locator('.ternary [tabindex="0"]').count(), 'one cell in the tab order').toEqual(1);
  const [, v, t, p] = moved.match(/vouchers (\d+)%, training (\d+)%, pilots (\d+)%/).map(Number);
  await page.getByRole('button', { name: 'Use this mix' }).click();
  await expect.poll(async () => (await mixValues(page)).map((m) => Number(m.exact))).toEqual([v, t, p]);
  // The page re-runs with the new mix; the panel follows it as the current mix.
  await expect(page.locator(`.ternary [role=radio][aria-label*="vouchers ${v}%, training ${t}%, pilots ${p}%"]`))
    .toHaveAttribute('aria-label', /your mix/, { timeout: 30_000 });
});

/** The final map's best mix (percent, comma-separated) and value. */
async function finalBest(page) {
  const map = finalMap(page);
  return { best: await map.getAttribute('data-best'), value: Number(await map.getAttribute('data-best-value')) };
}

/** The CLI's screened search on the page's link, in `finalBest`'s terms. */
async function cliBest(page, oracle, objective) {
  const link = new URL(page.url()).search;
  const cli = JSON.parse(await oracle.cli(['optimize', '--url', link, '--screen', '--objective', objective]));
  const percent = (x) => Math.round(x * 100);
  return { best: [cli.best.mix.vouchers, cli.best.mix.training, cli.best.mix.pilots].map(percent).join(','), value: cli.best.value };
}

test('what one search computed serves the next (another objective, "Use this mix"): the same numbers as the CLI', async ({ pages, oracle, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  const dialog = await openPanel(page);
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  const ms = () => finalMap(page).getAttribute('data-ms').then(Number);
  const first = await ms();
  // Another objective, then back: the second comes wholly from what is known.
  for (const [objective, cli] of [['years', 'adopter_years'], ['mean', 'mean']]) {
    await dialog.locator('#decide-objective').selectOption(objective);
    await expect(finalMap(page)).toHaveAttribute('data-objective', objective, { timeout: 30_000 });
    expect(await finalBest(page), `${objective}: the CLI's best and value, bit for bit`).toEqual(await cliBest(page, oracle, cli));
    note(`${objective}: final map in ${await ms()} ms (first search ${first} ms)`);
  }
  // "Use this mix" on a cell that was screened only: the new current mix is extended to
  // all runs, the rest is reused; the map still equals the CLI's for the new link.
  const cell = page.locator('.ternary [role=radio][aria-label*="vouchers 20%, training 40%, pilots 40%"]');
  await cell.click();
  await dialog.getByRole('button', { name: 'Use this mix' }).click();
  await expect.poll(async () => (await mixValues(page)).map((m) => Number(m.exact))).toEqual([20, 40, 40]);
  await expect(finalMap(page)).toHaveAttribute('data-current', '20,40,40', { timeout: 30_000 });
  await expect(cell).toHaveAttribute('aria-label', /your mix/);
  expect(await finalBest(page), 'after Use this mix').toEqual(await cliBest(page, oracle, 'mean'));
  note(`after "Use this mix": final map in ${await ms()} ms`);
});

for (const lang of LANGS.filter((l) => l !== 'en')) {
  test(`the panel speaks ${lang}`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    const dialog = await openPanel(page, lang);
    await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('button', { name: USE_MIX[lang] })).toBeVisible();
    await expect(dialog).not.toContainText('Use this mix');
    await expect(dialog).not.toContainText('Worst tenth');
  });
}

for (const lang of LANGS) {
  test(`no budget: a notice in ${lang}, never a spinner`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?v=2&preset=cantabria&budget=0&lang=${lang}`);
    await openPanel(page, lang);
    const notice = page.locator('.decide-status[data-state=refused]');
    await expect(notice).toContainText(new RegExp(escapeRegExp(NO_BUDGET[lang])));
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(page.locator('.decide-status progress')).toHaveCount(0);
    await expect(page.locator('.decide-map')).toHaveCount(0);
  });
}

test('judged by a target that is then removed: a notice, never a spinner; another objective computes', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page, '?v=2&preset=cantabria');
  let dialog = await openPanel(page);
  await dialog.getByLabel('Judge mixes by').selectOption({ label: 'Chance of meeting: 100 more firms on cloud by 2030' });
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Remove target 1', exact: true }).click();
  dialog = await openPanel(page);
  const notice = page.locator('.decide-status[data-state=refused]');
  await expect(notice).toContainText('This scenario has no targets');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(page.locator('.decide-status progress')).toHaveCount(0);
  await expect(page.locator('.decide-map')).toHaveCount(0);
  await dialog.getByLabel('Judge mixes by').selectOption({ label: 'Additional adopter-years' });
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  await expect(notice).toHaveCount(0);
});

test('Cancel stops the search and says so; Compute again finishes it', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page, '?v=2&preset=cantabria&runs=5000');
  await openPanel(page);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await cancel.click();
  await expect(page.locator('.decide-status[data-state=cancelled]')).toBeVisible();
  await page.getByRole('button', { name: 'Compute again' }).click();
  await expect(finalMap(page)).toBeVisible({ timeout: 60_000 });
});

test('Cancel while a changed scenario waits to rest: no search starts after it', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  const dialog = await openPanel(page);
  await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
  // The scenario changes (the panel waits 200 ms for it to rest), then Cancel at once.
  await page.evaluate(() => {
    const slider = document.querySelector('#budget');
    slider.value = String(Number(slider.value) + 50_000);
    slider.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const cancelled = page.locator('.decide-status[data-state=cancelled]');
  await expect(cancelled).toBeVisible();
  // Nothing to wait for but time: a search started late would end "done" within this.
  await page.waitForTimeout(2_000);
  await expect(cancelled).toBeVisible();
});

test('axe-core finds nothing on the panel (full default rule set)', async ({ pages, note }) => {
  const found = [];
  for (const [lang, width] of [['en', 1280], ['es', 390], ['pt', 1280]]) {
    const page = await pages.open({ viewport: { width, height: 900 } });
    await gotoReady(page, `?lang=${lang}`);
    await openPanel(page, lang);
    await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
    await page.$$eval('#decide-dialog details', (ds) => ds.forEach((d) => { d.open = true; }));
    found.push(...(await axeScan(page, `panel ${lang} ${width}`, note)));
    // Its sections' workers would slow the next language's page.
    await page.close();
  }
  expect(found).toEqual([]);
});

test('screenshots at 390 and 1280 px in every language', async ({ pages }) => {
  for (const lang of LANGS) {
    for (const width of [390, 1280]) {
      const page = await pages.open({ viewport: { width, height: width === 390 ? 844 : 900 } });
      await gotoReady(page, `?lang=${lang}`);
      await openPanel(page, lang);
      await expect(finalMap(page)).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: shot(`decide-${lang}-${width}`) });
      await page.locator('#decide-dialog').screenshot({ path: shot(`decide-${lang}-${width}-dialog`) });
      await page.close();
    }
  }
});
