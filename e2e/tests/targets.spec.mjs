// Targets (issue #4): add, change (kind, year, value), add the EU goal, remove; the
// headline gives the chance of each (equal to the CLI's), the chart marks each in the view
// it belongs to; in every language.

import {
  expect,
  formatCount,
  fresh,
  gotoReady,
  LANGS,
  ORACLE_TIMEOUT,
  search,
  test,
  typeValue,
} from '../fixtures.mjs';

const WORDS = {
  en: {
    heading: 'Targets',
    add: 'Add a target',
    eu: "Add the EU's goal: 90% of firms by 2030",
    fields: ['Target', 'Year', 'At least'],
    kinds: ['Extra firms adopting', 'Firms adopting', 'Share of firms adopting'],
    remove: (n) => `Remove target ${n}`,
    chance: /^(.+): (\d+)% chance/,
    labels: ['Firms adopting ≥ 9,000 (2033)', 'Share of firms adopting ≥ 90% (2030)'],
  },
  es: {
    heading: 'Objetivos',
    add: 'Añadir un objetivo',
    eu: 'Añadir el objetivo de la UE: 90 % de las empresas en 2030',
    fields: ['Objetivo', 'Año', 'Al menos'],
    kinds: ['Empresas adicionales que adoptan', 'Empresas que adoptan', 'Proporción de empresas que adoptan'],
    remove: (n) => `Quitar el objetivo ${n}`,
    chance: /^(.+): probabilidad (\d+)\u00a0%/,
    labels: [`Empresas que adoptan ≥ ${formatCount(9000, 'es')} (2033)`, 'Proporción de empresas que adoptan ≥ 90\u00a0% (2030)'],
  },
  // src/i18n/pt/texts.rs (targets, add_target, eu_goal, target_*); labels as
  // src/narrative.rs `target_label` makes them.
  pt: {
    heading: 'Metas',
    add: 'Acrescentar uma meta',
    eu: 'Acrescentar a meta da UE: 90% das empresas em 2030',
    fields: ['Meta', 'Ano', 'Pelo menos'],
    kinds: ['Empresas adicionais que adotam', 'Empresas que adotam', 'Proporção de empresas que adotam'],
    remove: (n) => `Retirar a meta ${n}`,
    chance: /^(.+): probabilidade de (\d+)%/,
    labels: [`Empresas que adotam ≥ ${formatCount(9000, 'pt')} (2033)`, 'Proporção de empresas que adotam ≥ 90% (2030)'],
  },
};

/** The targets card: label and chance of each. */
function chances(page, w) {
  return page.$$eval('.headline ul.targets > li', (lis) => lis.map((li) => li.firstChild.textContent))
    .then((texts) => texts.map((text) => {
      const m = text.match(w.chance);
      expect(m, `a chance in "${text}"`).toBeTruthy();
      return { label: m[1], chance: Number(m[2]) };
    }));
}

/** Target marks in the chart, in the view `view`. */
async function marks(page, view) {
  await page.check(view);
  await expect(page.locator(view)).toBeChecked();
  return page.$$eval('[data-testid=adoption-chart] g.target', (gs) => gs.map((g) => g.querySelector('text')?.textContent ?? ''));
}

const percentOf = (p) => Number((p * 100).toFixed(0));

for (const lang of LANGS) {
  const w = WORDS[lang];
  test(`targets (${lang}): add, change kind/year/value, EU goal, remove; chances and chart marks`, async ({ pages, note, oracle }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    // The reference preset has one target: the editor starts open.
    expect(await page.textContent('details.targets-editor > summary'), 'editor heading').toEqual(w.heading);
    expect(await page.$eval('details.targets-editor', (d) => d.open), 'the editor is open when there are targets').toBeTruthy();
    const rows = () => page.locator('.targets-editor li.target-row').count();
    expect(await rows(), 'one target to start with').toEqual(1);

    await fresh(page, () => page.getByRole('button', { name: w.add, exact: true }).click());
    expect(await rows(), 'a target added').toEqual(2);
    expect(await page.$eval('#target-1-kind', (s) => s.selectedOptions[0].textContent), 'new target kind').toEqual(w.kinds[0]);
    await expect(page.locator('#target-1-year'), 'new target year (start + 5)').toHaveValue('2030');
    await expect(page.locator('#target-1-value'), 'new target value').toHaveValue('100');
    const labels = await page.$$eval('.targets-editor li.target-row:nth-child(2) label', (ls) => ls.map((l) => l.textContent));
    expect(labels, 'field labels').toEqual(w.fields);
    expect(await page.$$eval('#target-1-kind option', (os) => os.map((o) => o.textContent)), 'kinds').toEqual(w.kinds);

    await fresh(page, () => page.selectOption('#target-1-kind', { label: w.kinds[1] }));
    await fresh(page, () => page.selectOption('#target-1-year', '2033'));
    await fresh(page, () => typeValue(page, '#target-1-value', '9000'));
    await expect(page.locator('#target-1-value'), 'value in force').toHaveValue('9000');

    await fresh(page, () => page.getByRole('button', { name: w.eu, exact: true }).click());
    expect(await rows(), 'the EU goal added').toEqual(3);
    await expect(page.locator('#add-eu-goal'), 'the EU goal button goes once the goal is there').toHaveCount(0);
    expect(await page.$eval('#target-2-kind', (s) => s.selectedOptions[0].textContent), 'EU goal kind').toEqual(w.kinds[2]);
    await expect(page.locator('#target-2-year'), 'EU goal year').toHaveValue('2030');
    await expect(page.locator('#target-2-value'), 'EU goal value (percent)').toHaveValue('90');

    // The chances shown are the CLI's for the page's link.
    const check = async (expected) => {
      const out = await oracle.runUrl(await search(page));
      const shown = await chances(page, w);
      expect(shown.length, 'one chance per target').toEqual(expected);
      expect(shown.map((c) => c.chance), 'chances equal the CLI\'s').toEqual(out.summary.targets.map((c) => percentOf(c.probability)));
      return shown;
    };
    const three = await check(3);
    expect(three.slice(1).map((c) => c.label), 'labels made from the target\'s terms').toEqual(w.labels);
    note(`chances: ${three.map((c) => `${c.label} ${c.chance}%`).join('; ')}`);
    // Extra adopters are marked in the extra-adopters view; firms and shares in the other.
    expect((await marks(page, '#view-additional')).length, 'marks in the extra-adopters view').toEqual(1);
    const all = await marks(page, '#view-adopters');
    expect(all.length, 'marks in the all-adopters view').toEqual(2);

    await fresh(page, () => page.getByRole('button', { name: w.remove(1), exact: true }).click());
    expect(await rows(), 'a target removed').toEqual(2);
    const two = await check(2);
    expect(two.map((c) => c.label), 'the remaining targets').toEqual(w.labels);
    expect((await marks(page, '#view-additional')).length, 'no extra-adopters mark left').toEqual(0);
    expect((await marks(page, '#view-adopters')).length, 'both marks in the all-adopters view').toEqual(2);
    // Each mark says which target it is, as the headline does.
    const named = await marks(page, '#view-adopters');
    expect(named, 'chart marks are labelled').toEqual(w.labels);
  });
}
