// The best-mix panel's "budget for a target" and "calibration to observed data" sections
// (issue 10, capabilities 3 and 5): the page's least budget and its chance equal `adoption
// goal` for the same link, bit for bit; "Use this budget" sets the page's budget; a chance
// outside (0, 100) % and a scenario without targets get a notice; a pasted series' p and q
// quantiles equal `adoption calibrate` on the same file; "Apply" puts them into every
// segment (the page's next link runs as the CLI runs the preset with those ranges); a bad
// series names its line; es and pt; axe-core's full default rule set.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { axeScan, expect, gotoReady, LANGS, shot, test } from '../fixtures.mjs';

/** The panel's opener (src/i18n/<lang>/texts.rs best_mix). */
const BEST_MIX = {
  en: 'Best mix for this budget',
  es: 'Mejor reparto para este presupuesto',
  pt: 'Melhor repartição para este orçamento',
};
/** src/i18n/<lang>/goal.rs: find, fit, use_budget, apply, goal_heading, cal_heading. */
const WORDS = {
  en: { find: 'Find the budget', fit: 'Fit', use: 'Use this budget', apply: 'Apply to the scenario', goal: 'Budget for a target', cal: 'Calibration to observed data', bad: 'The series cannot be read:', line: 'line 3' },
  es: { find: 'Calcular el presupuesto', fit: 'Ajustar', use: 'Usar este presupuesto', apply: 'Aplicar al escenario', goal: 'Presupuesto para un objetivo', cal: 'Calibración con datos observados', bad: 'La serie no se puede leer:', line: 'línea 3' },
  pt: { find: 'Calcular o orçamento', fit: 'Ajustar', use: 'Usar este orçamento', apply: 'Aplicar ao cenário', goal: 'Orçamento para uma meta', cal: 'Calibração com dados observados', bad: 'A série não pode ser lida:', line: 'linha 3' },
};

/** A 10-point series with a gap-free S start (the speed target's size). */
const SERIES = 'year,share\n2012,0.05\n2013,0.07\n2014,0.09\n2015,0.12\n2016,0.16\n2017,0.2\n2018,0.25\n2019,0.31\n2020,0.37\n2021,0.43\n';
/** Line 3 goes back in time. */
const UNSORTED = 'year,share\n2014,0.10\n2012,0.12\n2016,0.15\n';

async function openPanel(page, lang = 'en') {
  await page.getByRole('button', { name: BEST_MIX[lang] }).click();
  const dialog = page.locator('#decide-dialog');
  await expect(dialog.getByRole('heading', { name: WORDS[lang].goal })).toBeVisible();
  return dialog;
}

function seriesFile(text) {
  const dir = mkdtempSync(join(tmpdir(), 'goal-spec-'));
  const path = join(dir, 'series.csv');
  writeFileSync(path, text);
  return path;
}

const answer = (page) => page.getByTestId('goal-answer');

test('the least budget and its chance are the CLI\'s; "Use this budget" sets the page\'s budget', async ({ pages, oracle, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  const link = new URL(page.url()).search;
  const dialog = await openPanel(page);
  await dialog.getByRole('button', { name: WORDS.en.find }).click();
  await expect(answer(page)).toBeVisible({ timeout: 60_000 });
  const cli = JSON.parse(await oracle.cli(['goal', '--url', link, '--probability', '0.8']));
  const got = await answer(page).evaluate((e) => ({ ...e.dataset }));
  expect(Number(got.budget), 'the budget, bit for bit').toEqual(cli.budget_eur);
  expect(Number(got.probability), 'its chance').toEqual(cli.probability);
  expect(Number(got.short), 'the budget just short').toEqual(cli.short_eur);
  expect(Number(got.shortProbability)).toEqual(cli.short_probability);
  expect(cli.probability).toBeGreaterThanOrEqual(0.8);
  expect(cli.short_probability).toBeLessThan(0.8);
  note(`goal: ${cli.budget_eur} EUR at ${cli.probability} (short ${cli.short_eur} at ${cli.short_probability})`);
  await expect(answer(page)).toContainText('Least budget');
  await answer(page).getByRole('button', { name: WORDS.en.use }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('budget'), { timeout: 15_000 }).toEqual(String(cli.budget_eur));
  // A new scenario: the answer, now stale, is gone.
  await expect(answer(page)).toHaveCount(0);
});

test('best mix: the budget is the CLI\'s `goal --best-mix`, a chance of 70% as asked', async ({ pages, oracle }) => {
  const page = await pages.open();
  await gotoReady(page);
  const link = new URL(page.url()).search;
  const dialog = await openPanel(page);
  await dialog.getByLabel('Chance wanted (%)').fill('70');
  await dialog.getByRole('radio', { name: 'the best mix for this target' }).check();
  await dialog.getByRole('button', { name: WORDS.en.find }).click();
  await expect(answer(page)).toBeVisible({ timeout: 80_000 });
  const cli = JSON.parse(await oracle.cli(['goal', '--url', link, '--probability', '0.7', '--best-mix']));
  expect(Number(await answer(page).getAttribute('data-budget'))).toEqual(cli.budget_eur);
  expect(Number(await answer(page).getAttribute('data-probability'))).toEqual(cli.probability);
});

test('a chance outside (0, 100) % and a scenario without targets get notices', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  const dialog = await openPanel(page);
  const box = dialog.getByLabel('Chance wanted (%)');
  const find = dialog.getByRole('button', { name: WORDS.en.find });
  for (const bad of ['100', '0', '-5', '']) {
    await box.fill(bad);
    await expect(dialog.getByTestId('goal-probability-notice'), `chance "${bad}"`).toContainText('above 0% and below 100%');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(find).toBeDisabled();
  }
  await box.fill('80');
  await expect(dialog.getByTestId('goal-probability-notice')).toHaveCount(0);
  await expect(find).toBeEnabled();
  // No targets: how to add one, no button.
  const bare = await pages.open();
  await gotoReady(bare);
  await bare.getByRole('button', { name: 'Remove target 1' }).click();
  const d2 = await openPanel(bare);
  await expect(d2.getByTestId('goal-no-targets')).toContainText('Add one under');
  await expect(d2.getByRole('button', { name: WORDS.en.find })).toHaveCount(0);
});

test('calibration: p and q are the CLI\'s on the same file; Apply puts them into the scenario', async ({ pages, oracle, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  const before = new URL(page.url()).search;
  const dialog = await openPanel(page);
  await dialog.getByLabel('Observed series (CSV)').fill(SERIES);
  await dialog.getByRole('button', { name: WORDS.en.fit, exact: true }).click();
  const fit = page.getByTestId('cal-fit');
  await expect(fit).toBeVisible({ timeout: 30_000 });
  const cli = JSON.parse(await oracle.cli(['calibrate', '--series', seriesFile(SERIES)]));
  const p = (await fit.getAttribute('data-p')).split(',').map(Number);
  const q = (await fit.getAttribute('data-q')).split(',').map(Number);
  expect(p, 'p: 5%, 50%, 95%, bit for bit').toEqual([cli.p.low, cli.p.mode, cli.p.high]);
  expect(q).toEqual([cli.q.low, cli.q.mode, cli.q.high]);
  note(`fit in ${await fit.getAttribute('data-ms')} ms (worker start included)`);
  // The hold-out, the charts and their tables.
  await expect(page.getByTestId('cal-holdout')).toHaveAttribute('data-inside', String(cli.holdout.inside));
  await expect(fit.locator('svg.cal-path circle.observed')).toHaveCount(10);
  expect(await fit.locator('svg.cal-cloud circle').count()).toEqual(cli.cloud.length);
  await fit.getByText('Table: fitted path').click();
  await expect(fit.locator('details').first().locator('tbody tr')).toHaveCount(cli.path.length);
  // Apply: the page's scenario has these ranges in every segment, as the CLI runs them.
  await fit.getByRole('button', { name: WORDS.en.apply }).click();
  await expect.poll(() => new URL(page.url()).search, { timeout: 15_000 }).not.toEqual(before);
  await gotoReady(page, new URL(page.url()).search);
  const after = new URL(page.url()).search;
  const scenario = await oracle.preset('cantabria');
  const applied = structuredClone(scenario);
  for (const s of applied.segments) {
    s.p = { low: cli.p.low, mode: cli.p.mode, high: cli.p.high };
    s.q = { low: cli.q.low, mode: cli.q.mode, high: cli.q.high };
  }
  const [viaLink, viaFile] = await Promise.all([
    oracle.cli(['run', '--url', after]).then(JSON.parse),
    oracle.runScenario(applied),
  ]);
  expect(viaLink.summary, 'the page\'s new scenario runs as the preset with the fitted ranges').toEqual(viaFile.summary);
  const original = await oracle.runUrl(before);
  expect(viaLink.summary).not.toEqual(original.summary);
});

test('a series warns when short; an imported file fits too', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  const dialog = await openPanel(page);
  await dialog.getByLabel('Or import a .csv file').setInputFiles(seriesFile('2014,0.02\n2016,0.03\n2018,0.05\n'));
  const fit = page.getByTestId('cal-fit');
  await expect(fit).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByLabel('Observed series (CSV)')).toHaveValue('2014,0.02\n2016,0.03\n2018,0.05\n');
  await expect(page.getByTestId('cal-warnings')).toContainText('Only 3 points');
  await expect(page.getByTestId('cal-warnings')).toContainText("below the curve's turning point");
});

for (const lang of LANGS) {
  test(`a bad series: a notice naming the line, in ${lang}; the text is kept`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    const dialog = await openPanel(page, lang);
    await expect(dialog.getByRole('heading', { name: WORDS[lang].cal })).toBeVisible();
    const box = dialog.locator('#cal-series');
    await box.fill(UNSORTED);
    await dialog.getByRole('button', { name: WORDS[lang].fit, exact: true }).click();
    const notice = page.getByTestId('cal-notice');
    await expect(notice).toContainText(WORDS[lang].bad);
    await expect(notice).toContainText(WORDS[lang].line);
    await expect(notice).toContainText('2012');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(box).toHaveValue(UNSORTED);
    for (const garbage of ['hello world', '2014,2.5\n2015,0.3\n2016,0.4\n', '2014,0.1\n2014,0.2\n2015,0.3\n', '2014,0.1\n']) {
      await box.fill(garbage);
      await dialog.getByRole('button', { name: WORDS[lang].fit, exact: true }).click();
      await expect(notice, JSON.stringify(garbage)).toBeVisible();
      await expect(box).toHaveValue(garbage);
    }
    if (lang !== 'en') {
      await expect(dialog).not.toContainText('Find the budget');
      await expect(dialog).not.toContainText('Observed series');
    }
  });
}

test('axe-core finds nothing on the sections with answers shown (full default rule set)', async ({ pages, note }) => {
  test.setTimeout(180_000);
  const found = [];
  for (const [lang, width] of [['en', 1280], ['es', 390], ['pt', 1280]]) {
    const page = await pages.open({ viewport: { width, height: 900 } });
    await gotoReady(page, `?lang=${lang}`);
    const dialog = await openPanel(page, lang);
    await dialog.getByRole('button', { name: WORDS[lang].find }).click();
    await expect(answer(page)).toBeVisible({ timeout: 60_000 });
    await dialog.locator('#cal-series').fill(SERIES);
    await dialog.getByRole('button', { name: WORDS[lang].fit, exact: true }).click();
    await expect(page.getByTestId('cal-fit')).toBeVisible({ timeout: 30_000 });
    await page.$$eval('#decide-dialog details', (ds) => ds.forEach((d) => { d.open = true; }));
    found.push(...(await axeScan(page, `goal ${lang} ${width}`, note)));
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: w === 390 ? 844 : 900 });
      await dialog.getByRole('heading', { name: WORDS[lang].goal }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`goal-${lang}-${w}`) });
      await dialog.getByRole('heading', { name: WORDS[lang].cal }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`calibrate-${lang}-${w}`) });
    }
    // Its workers would slow the next language's page.
    await page.close();
  }
  expect(found).toEqual([]);
});
