// Targets (issue #4): add, change (kind, year, value), add the EU goal, remove; the
// headline gives the chance of each (equal to the CLI's), the chart marks each in the view
// it belongs to; in English and Spanish.

import {
  assert,
  assertEqual,
  cliRunUrl,
  fresh,
  gotoReady,
  search,
  test,
  typeValue,
} from '../lib.mjs';

const CLI_TIMEOUT = 15 * 60_000;

const WORDS = {
  en: {
    heading: 'Targets',
    add: 'Add a target',
    eu: "Add the EU's goal: 90% of firms by 2030",
    fields: ['Target', 'Year', 'At least'],
    kinds: ['Extra firms adopting', 'Firms adopting', 'Share of firms adopting'],
    remove: (n) => `Remove target ${n}`,
    chance: /^(.+): (\d+)% chance/,
    percent: (p) => `${p}%`,
    value: (text) => text,
    labels: ['Firms adopting ≥ 9,000 (2033)', 'Share of firms adopting ≥ 90% (2030)'],
  },
  es: {
    heading: 'Objetivos',
    add: 'Añadir un objetivo',
    eu: 'Añadir el objetivo de la UE: 90 % de las empresas en 2030',
    fields: ['Objetivo', 'Año', 'Al menos'],
    kinds: ['Empresas adicionales que adoptan', 'Empresas que adoptan', 'Proporción de empresas que adoptan'],
    remove: (n) => `Quitar el objetivo ${n}`,
    chance: /^(.+): probabilidad (\d+) %/,
    percent: (p) => `${p} %`,
    value: (text) => text.replace('.', ','),
    labels: ['Empresas que adoptan ≥ 9.000 (2033)', 'Proporción de empresas que adoptan ≥ 90 % (2030)'],
  },
};

/** The targets card: label and chance of each. */
function chances(page, w) {
  return page.$$eval('.headline ul.targets > li', (lis) => lis.map((li) => li.firstChild.textContent))
    .then((texts) => texts.map((text) => {
      const m = text.match(w.chance);
      assert(m, `a chance in "${text}"`);
      return { label: m[1], chance: Number(m[2]) };
    }));
}

/** Target marks in the chart, in the view `view`. */
async function marks(page, view) {
  await page.check(view);
  await page.waitForFunction((v) => document.querySelector(v).checked, view);
  return page.$$eval('[data-testid=adoption-chart] g.target', (gs) => gs.map((g) => g.querySelector('text')?.textContent ?? ''));
}

const percentOf = (p) => Number((p * 100).toFixed(0));

for (const lang of ['en', 'es']) {
  const w = WORDS[lang];
  test(`targets (${lang}): add, change kind/year/value, EU goal, remove; chances and chart marks`, async (t) => {
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    // The reference preset has one target: the editor starts open.
    assertEqual(await page.textContent('details.targets-editor > summary'), w.heading, 'editor heading');
    assert(await page.$eval('details.targets-editor', (d) => d.open), 'the editor is open when there are targets');
    const rows = () => page.locator('.targets-editor li.target-row').count();
    assertEqual(await rows(), 1, 'one target to start with');

    await fresh(page, () => page.getByRole('button', { name: w.add, exact: true }).click());
    assertEqual(await rows(), 2, 'a target added');
    assertEqual(await page.$eval('#target-1-kind', (s) => s.selectedOptions[0].textContent), w.kinds[0], 'new target kind');
    assertEqual(await page.inputValue('#target-1-year'), '2030', 'new target year (start + 5)');
    assertEqual(await page.inputValue('#target-1-value'), '100', 'new target value');
    const labels = await page.$$eval('.targets-editor li.target-row:nth-child(2) label', (ls) => ls.map((l) => l.textContent));
    assertEqual(labels, w.fields, 'field labels');
    assertEqual(await page.$$eval('#target-1-kind option', (os) => os.map((o) => o.textContent)), w.kinds, 'kinds');

    await fresh(page, () => page.selectOption('#target-1-kind', { label: w.kinds[1] }));
    await fresh(page, () => page.selectOption('#target-1-year', '2033'));
    await fresh(page, () => typeValue(page, '#target-1-value', '9000'));
    assertEqual(await page.inputValue('#target-1-value'), '9000', 'value in force');

    await fresh(page, () => page.getByRole('button', { name: w.eu, exact: true }).click());
    assertEqual(await rows(), 3, 'the EU goal added');
    assertEqual(await page.locator('#add-eu-goal').count(), 0, 'the EU goal button goes once the goal is there');
    assertEqual(await page.$eval('#target-2-kind', (s) => s.selectedOptions[0].textContent), w.kinds[2], 'EU goal kind');
    assertEqual(await page.inputValue('#target-2-year'), '2030', 'EU goal year');
    assertEqual(await page.inputValue('#target-2-value'), w.value('90'), 'EU goal value (percent)');

    // The chances shown are the CLI's for the page's link.
    const check = async (expected) => {
      const out = await cliRunUrl(await search(page));
      const shown = await chances(page, w);
      assertEqual(shown.length, expected, 'one chance per target');
      assertEqual(shown.map((c) => c.chance), out.summary.targets.map((c) => percentOf(c.probability)), 'chances equal the CLI\'s');
      return shown;
    };
    const three = await check(3);
    assertEqual(three.slice(1).map((c) => c.label), w.labels, 'labels made from the target\'s terms');
    t.note(`chances: ${three.map((c) => `${c.label} ${c.chance}%`).join('; ')}`);
    // Extra adopters are marked in the extra-adopters view; firms and shares in the other.
    assertEqual((await marks(page, '#view-additional')).length, 1, 'marks in the extra-adopters view');
    const all = await marks(page, '#view-adopters');
    assertEqual(all.length, 2, 'marks in the all-adopters view');

    await fresh(page, () => page.getByRole('button', { name: w.remove(1), exact: true }).click());
    assertEqual(await rows(), 2, 'a target removed');
    const two = await check(2);
    assertEqual(two.map((c) => c.label), w.labels, 'the remaining targets');
    assertEqual((await marks(page, '#view-additional')).length, 0, 'no extra-adopters mark left');
    assertEqual((await marks(page, '#view-adopters')).length, 2, 'both marks in the all-adopters view');
    // Each mark says which target it is, as the headline does.
    const named = await marks(page, '#view-adopters');
    assertEqual(named, w.labels, 'chart marks are labelled');
  }, { timeout: CLI_TIMEOUT });
}
