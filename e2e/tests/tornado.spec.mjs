// The panel's "What drives the result" (tornado) and "What the next euro buys" sections
// (issue 10, capabilities 1 and 4): computed in the panel's workers, they equal
// `adoption sensitivity` and `adoption marginal` for the page's scenario; the headline
// switches to cost per adopter; closed, the sections compute nothing; a scenario without uncertain parameters and one with too
// few runs get notices (never a spinner); their words in every language; axe-core's full
// default rule set; screenshots at 390 and 1280 px.

import { axeScan, escapeRegExp, expect, gotoReady, LANGS, shot, test } from '../fixtures.mjs';

/** The panel's opener (src/i18n/<lang>/texts.rs best_mix). */
const BEST_MIX = {
  en: 'Best mix for this budget',
  es: 'Mejor reparto para este presupuesto',
  pt: 'Melhor repartição para este orçamento',
};
/** The sections' headings (src/i18n/<lang>/tornado.rs heading, margin_heading). */
const HEADING = {
  en: ['What drives the result', 'What the next euro buys'],
  es: ['Qué determina el resultado', 'Qué compra el próximo euro'],
  pt: ['O que determina o resultado', 'O que compra o próximo euro'],
};
/** The notices (tornado.rs no_uncertain and too_few_runs), their start. */
const NO_UNCERTAIN = {
  en: 'Every assumption of this scenario is an exact number',
  es: 'Todos los supuestos de este escenario son números exactos',
  pt: 'Todos os pressupostos deste cenário são números exatos',
};
const TOO_FEW_RUNS = {
  en: 'This analysis needs at least 10 runs',
  es: 'Este análisis requiere al menos 10 ejecuciones',
  pt: 'Esta análise exige pelo menos 10 execuções',
};

const tornado = (page) => page.locator('section.tornado');
const margins = (page) => page.locator('section.margins');

/** Opens the panel, then both sections (closed, they compute nothing). */
async function openPanel(page, lang = 'en') {
  await page.getByRole('button', { name: BEST_MIX[lang] }).click();
  await expect(page.locator('#decide-dialog')).toBeVisible();
  await expect(tornado(page)).toHaveAttribute('data-state', 'waiting');
  await expect(margins(page)).toHaveAttribute('data-state', 'waiting');
  await tornado(page).locator('summary').click();
  await margins(page).locator('summary').click();
}

/** The tornado table's rows: name and the headline at the low and high ends. */
const tornadoRows = (page) => page.locator('.tornado-table tbody tr').evaluateAll((rows) => rows.map((r) => ({
  name: r.dataset.name, low: Number(r.dataset.low), high: Number(r.dataset.high),
})));

/** The margins table's rows. */
const marginRows = (page) => page.locator('.margins-table tbody tr').evaluateAll((rows) => rows.map((r) => ({
  instrument: r.dataset.instrument, per_100k: Number(r.dataset.margin), se: Number(r.dataset.se),
})));

/** Every {low, mode, high} of a scenario replaced by its mode: nothing uncertain. */
function exact(value) {
  if (Array.isArray(value)) return value.map(exact);
  if (value && typeof value === 'object') {
    if ('low' in value && 'high' in value && 'mode' in value) return value.mode;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exact(v)]));
  }
  return value;
}

test('the tornado and the margins are the CLI\'s for the page\'s scenario, bit for bit', async ({ pages, oracle, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  await openPanel(page);
  await expect(tornado(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(margins(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const link = new URL(page.url()).search;
  const cli = JSON.parse(await oracle.cli(['sensitivity', '--url', link]));
  const bars = cli.parameters.map((b) => ({ name: b.name, low: b.headline_low, high: b.headline_high }));
  expect(bars.length, 'the cantabria preset has uncertain parameters').toBeGreaterThan(3);
  expect(await tornadoRows(page), 'names, order and both ends').toEqual(bars);
  expect(Number(await page.locator('.tornado-base').getAttribute('data-base'))).toEqual(cli.base);
  // Every bar is drawn, largest swing first, "est." where the CLI says estimate.
  await expect(page.locator('.tornado-chart .tornado-row')).toHaveCount(bars.length);
  const names = await page.locator('.tornado-table tbody th').allTextContents();
  cli.parameters.forEach((b, i) => expect(names[i].endsWith(' est.'), b.name).toBe(b.estimate));
  await expect(tornado(page)).toContainText('est.: our estimate');

  const marginal = JSON.parse(await oracle.cli(['marginal', '--url', link]));
  expect(await marginRows(page)).toEqual(marginal);
  // The sentence names the largest margin, or says they cannot be told apart.
  const hardest = await page.locator('.margins-verdict').getAttribute('data-hardest');
  const top = [...marginal].sort((a, b) => b.per_100k - a.per_100k)[0];
  if (hardest) {
    expect(hardest).toEqual(top.instrument);
    await expect(page.locator('.margins-verdict')).toContainText('works hardest');
  } else {
    await expect(page.locator('.margins-verdict')).toContainText('cannot be told apart');
  }
  note(`${bars.length} bars, first ${bars[0].name}; margins ${marginal.map((m) => m.per_100k).join(', ')}; hardest ${hardest || 'none'}`);

  // Cost per additional adopter: the same scenarios, the CLI's other headline.
  await page.getByLabel('Show').selectOption('cost');
  const cost = JSON.parse(await oracle.cli(['sensitivity', '--url', link, '--headline', 'cost']));
  await expect.poll(() => tornadoRows(page)).toEqual(
    cost.parameters.map((b) => ({ name: b.name, low: b.headline_low, high: b.headline_high })),
  );
});

test('a new scenario recomputes both sections, and Cancel stops them', async ({ pages, oracle }) => {
  const page = await pages.open();
  await gotoReady(page, '?v=2&preset=cantabria&runs=200&seed=7');
  await openPanel(page);
  await expect(tornado(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.locator('.decide-map[data-state=final]')).toBeVisible({ timeout: 60_000 });
  const first = new URL(page.url()).search;
  const before = await tornadoRows(page);
  // Another mix for the page (a neighbour of the best on the map): the panel follows.
  const selected = page.locator('.ternary [role=radio][aria-checked=true]');
  await selected.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('button', { name: 'Use this mix' }).click();
  await expect.poll(() => new URL(page.url()).search).not.toEqual(first);
  const link = new URL(page.url()).search;
  const cli = JSON.parse(await oracle.cli(['sensitivity', '--url', link]));
  const want = cli.parameters.map((b) => ({ name: b.name, low: b.headline_low, high: b.headline_high }));
  expect(want).not.toEqual(before);
  await expect.poll(() => tornadoRows(page), { timeout: 60_000 }).toEqual(want);
  const marginal = JSON.parse(await oracle.cli(['marginal', '--url', link]));
  await expect.poll(() => marginRows(page), { timeout: 60_000 }).toEqual(marginal);

  // A long tornado stops on Cancel and says so; Compute again finishes it.
  const long = await pages.open();
  await gotoReady(long, '?v=2&preset=cantabria&runs=5000');
  await openPanel(long);
  await expect(tornado(long)).toHaveAttribute('data-state', 'running');
  await expect(tornado(long).locator('progress')).toBeVisible();
  await tornado(long).getByRole('button', { name: 'Cancel' }).click();
  await expect(tornado(long)).toHaveAttribute('data-state', 'cancelled');
  await tornado(long).getByRole('button', { name: 'Compute again' }).click();
  await expect(tornado(long)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
});

test('a scenario with no uncertain parameters says so, in every language', async ({ pages, oracle }) => {
  const scenario = exact(await oracle.preset('cantabria'));
  const link = (await oracle.cli(['link', '--scenario', '-'], JSON.stringify(scenario))).trim();
  const cli = JSON.parse(await oracle.cli(['sensitivity', '--url', link]));
  expect(cli.parameters, 'the CLI finds nothing to rank either').toEqual([]);
  for (const lang of LANGS) {
    const page = await pages.open();
    await gotoReady(page, `${link}&lang=${lang}`);
    await openPanel(page, lang);
    const notice = tornado(page).locator('.decide-status[data-state=refused]');
    await expect(notice).toContainText(new RegExp(escapeRegExp(NO_UNCERTAIN[lang])));
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(tornado(page).locator('progress')).toHaveCount(0);
    await expect(tornado(page).locator('.tornado-chart')).toHaveCount(0);
    // The margins need no uncertainty.
    await expect(margins(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  }
});

for (const lang of LANGS) {
  test(`too few runs: a notice in ${lang} in both sections, never a spinner`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?v=2&preset=cantabria&runs=5&lang=${lang}`);
    await openPanel(page, lang);
    for (const section of [tornado(page), margins(page)]) {
      const notice = section.locator('.decide-status[data-state=refused]');
      await expect(notice).toContainText(TOO_FEW_RUNS[lang]);
      await expect(section.locator('progress')).toHaveCount(0);
    }
  });
}

for (const lang of LANGS.filter((l) => l !== 'en')) {
  test(`the sections speak ${lang}`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    await openPanel(page, lang);
    await expect(page.getByRole('heading', { name: HEADING[lang][0] })).toBeVisible();
    await expect(page.getByRole('heading', { name: HEADING[lang][1] })).toBeVisible();
    await expect(tornado(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(margins(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    for (const english of ['What drives', 'Additional adopting', 'our estimate', 'Share of variance', 'next euro', 'Standard error', 'Imitation']) {
      await expect(tornado(page)).not.toContainText(english);
      await expect(margins(page)).not.toContainText(english);
    }
  });
}

test('axe-core finds nothing on the sections (full default rule set)', async ({ pages, note }) => {
  const found = [];
  for (const [lang, width] of [['en', 1280], ['es', 390], ['pt', 1280]]) {
    const page = await pages.open({ viewport: { width, height: 900 } });
    await gotoReady(page, `?lang=${lang}`);
    await openPanel(page, lang);
    await expect(tornado(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(margins(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await page.$$eval('#decide-dialog details', (ds) => ds.forEach((d) => { d.open = true; }));
    found.push(...(await axeScan(page, `tornado ${lang} ${width}`, note)));
    // Its workers would slow the next language's page.
    await page.close();
  }
  expect(found).toEqual([]);
});

test('screenshots of the sections at 390 and 1280 px in every language', async ({ pages }) => {
  for (const lang of LANGS) {
    for (const width of [390, 1280]) {
      // Tall enough for the whole dialog: a section screenshot of a scrolled dialog would
      // show the page behind it.
      const page = await pages.open({ viewport: { width, height: 3200 } });
      await gotoReady(page, `?lang=${lang}`);
      await openPanel(page, lang);
      await expect(tornado(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await expect(margins(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await page.$$eval('#decide-dialog .tornado-table', (ds) => ds.forEach((d) => { d.open = true; }));
      await tornado(page).screenshot({ path: shot(`tornado-${lang}-${width}`) });
      await margins(page).screenshot({ path: shot(`margins-${lang}-${width}`) });
      await page.close();
    }
  }
});
