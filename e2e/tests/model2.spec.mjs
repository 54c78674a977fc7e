// What model 2 adds to the page, against the CLI: additional adopter-years and their cost,
// deadweight in three figures, money that found no takers, firms in business; the headline
// year and the technology as choices that travel in the link. Every expected figure comes
// from `adoption run` (the oracle), written with each language's number style.

import { AxeBuilder } from '@axe-core/playwright';
import {
  BROWSER_LOCALE,
  expect,
  formatCount,
  formatEur,
  formatPercent,
  fresh,
  gotoReady,
  LANGS,
  ORACLE_TIMEOUT,
  roundLikeRust,
  search,
  test,
  waitReady,
} from '../fixtures.mjs';

/** A share as the page writes it with no decimals (`31%`, `31 %`). */
const share = (x, lang) => formatPercent(String(roundLikeRust(x * 100)), lang);

/**
 * The instruments whose money found no takers, as the page says it (src/narrative.rs
 * `unspent`): what is left is at least one unit's cost.
 */
function unspentAmounts(out, scenario) {
  const unit = {
    vouchers: scenario.vouchers.value_eur + scenario.vouchers.admin_eur,
    training: scenario.training.cost_per_action_eur,
    pilots: scenario.pilots.cost_eur,
  };
  return Object.entries(out.summary.unspent)
    .filter(([k, left]) => left > 0 && left >= unit[k])
    .map(([, left]) => left);
}

/** Asserts the new outputs of a CLI run on the page, in `lang`. */
async function assertModel2Outputs(page, out, scenario, lang) {
  const h = out.summary;
  const years = h.additional_adopter_years;
  const adopterYears = page.getByTestId('adopter-years');
  for (const x of [years.mean, years.p5, years.p95]) await expect(adopterYears).toContainText(formatCount(x, lang));
  await expect(page.getByTestId('cost-per-adopter-year')).toContainText(formatEur(h.cost_per_additional_adopter_year, lang));
  const d = h.deadweight;
  const dead = page.getByTestId('deadweight');
  for (const x of [d.same_year, d.within_3_years, d.by_horizon]) await expect(dead).toContainText(share(x, lang));
  await expect(dead).toContainText(String(h.horizon_year));
  const amounts = unspentAmounts(out, scenario);
  const unspent = page.getByTestId('unspent');
  await expect(unspent).toHaveCount(amounts.length);
  for (const [k, left] of amounts.entries()) await expect(unspent.nth(k)).toContainText(formatEur(left, lang));
  // The table: firms in business, the last column, per year.
  await page.locator('details.data-table summary').click();
  const firms = await page.$$eval('[data-testid=data-table] tbody tr td:last-child', (tds) => tds.map((td) => td.textContent));
  expect(firms, 'firms in business per year').toEqual(out.firms.map((f) => formatCount(f, lang)));
}

for (const lang of LANGS) {
  test(`model 2's outputs equal the CLI's, in ${lang}'s number style`, async ({ pages, oracle, note }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const [out, scenario, page] = await Promise.all([
      oracle.runPreset('cantabria'), oracle.preset('cantabria'), pages.open({ locale: BROWSER_LOCALE[lang] }),
    ]);
    await gotoReady(page, `?lang=${lang}`);
    note(`adopter-years ${out.summary.additional_adopter_years.mean}; deadweight ${JSON.stringify(out.summary.deadweight)}; unspent ${JSON.stringify(out.summary.unspent)}`);
    await assertModel2Outputs(page, out, scenario, lang);
    // The narrative says them too.
    const summary = page.getByTestId('summary');
    await expect(summary).toContainText(formatCount(out.summary.additional_adopter_years.mean, lang));
    await expect(summary).toContainText(share(out.summary.deadweight.by_horizon, lang));
  });
}

test('a voucher budget beyond the applicants says how much found no takers, in every language', async ({ pages, oracle, note }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const scenario = { ...(await oracle.preset('cantabria')), budget_eur: 20_000_000, mix: { vouchers: 1, training: 0, pilots: 0 } };
  const [out, link] = await Promise.all([
    oracle.runScenario(scenario),
    oracle.cli(['link', '--scenario', '-'], JSON.stringify(scenario)).then((t) => t.trim()),
  ]);
  const left = out.summary.unspent.vouchers;
  note(`vouchers left unspent: EUR ${left}`);
  expect(unspentAmounts(out, scenario), 'the oracle finds money without takers').toEqual([left]);
  const page = await pages.open();
  const words = { en: 'of the voucher budget found no takers', es: 'del presupuesto de bonos no encontraron destinatarios', pt: 'do orçamento dos vales não encontraram destinatários' };
  for (const lang of LANGS) {
    await gotoReady(page, `${link}&lang=${lang}`);
    const unspent = page.getByTestId('unspent');
    await expect(unspent).toHaveCount(1);
    await expect(unspent).toHaveText(`${formatEur(left, lang)} ${words[lang]}.`);
    await expect(page.getByTestId('summary')).toContainText(`${formatEur(left, lang)} ${words[lang]}.`);
  }
});

test('the headline year is a choice: it changes the headline and survives a reload via the link', async ({ pages, oracle, note }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const preset = await oracle.preset('cantabria');
  const year = preset.start_year + 5;
  const [out, page] = await Promise.all([oracle.runScenario({ ...preset, headline_year: year }), pages.open()]);
  await gotoReady(page);
  const select = page.getByRole('combobox', { name: 'Figures for the year' });
  const horizon = preset.start_year + preset.years;
  await expect(select).toHaveValue(String(horizon));
  const options = await select.locator('option').allTextContents();
  expect(options, 'years after the start up to the horizon').toEqual(
    Array.from({ length: preset.years }, (_, k) => String(preset.start_year + 1 + k)));
  await fresh(page, () => select.selectOption(String(year)));
  const check = async (what) => {
    await expect(page.locator('#results-heading'), `${what}: heading`).toContainText(String(year));
    await expect(page.getByTestId('additional-adopters'), `${what}: headline`).toHaveText(formatCount(out.summary.additional_adopters.mean));
    await expect(page.getByTestId('summary'), `${what}: narrative`).toContainText(`by ${year}`);
    await expect(page.getByRole('combobox', { name: 'Figures for the year' }), `${what}: select`).toHaveValue(String(year));
  };
  await check('chosen');
  const link = await search(page);
  note(`link with the headline year: ${link}`);
  await page.reload();
  await waitReady(page);
  await check('reloaded');
  // The brief names the technology and the year.
  await expect(page.getByTestId('brief-about')).toHaveText(`Firms adopting ${preset.technology}; figures for ${year}`);
});

test('the technology select offers the region\'s presets\' technologies and keeps the plan', async ({ pages, oracle, note }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const names = (await oracle.cli(['preset'])).trim().split('\n').map((l) => l.split(/\s+/)[0]);
  const presets = await Promise.all(names.map(async (name) => ({ name, scenario: await oracle.preset(name) })));
  const reference = presets[0].scenario;
  // The first preset of each technology in the region, in the presets' order.
  const offered = [];
  for (const p of presets) {
    if (p.scenario.region === reference.region && !offered.some((o) => o.scenario.technology === p.scenario.technology)) offered.push(p);
  }
  note(`technologies offered for ${reference.region}: ${offered.map((o) => `${o.scenario.technology} (${o.name})`).join(', ')}`);
  const page = await pages.open();
  await gotoReady(page);
  const select = page.getByRole('combobox', { name: 'Technology' });
  await expect(select).toHaveValue(reference.technology);
  expect(await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).toEqual(offered.map((o) => o.scenario.technology));
  test.skip(offered.length < 2, 'only one technology among the presets of the region');
  const other = offered[1];
  const budget = 2_000_000;
  await fresh(page, () => page.fill('#budget-exact', String(budget)).then(() => page.press('#budget-exact', 'Enter')));
  await fresh(page, () => select.selectOption(other.scenario.technology));
  await expect(page.locator('#preset')).toHaveValue(other.name);
  const mix = reference.mix;
  const programme = Math.min(reference.programme_years, other.scenario.years);
  const out = await oracle.runScenario({ ...other.scenario, budget_eur: budget, mix, programme_years: programme });
  await expect(page.getByTestId('additional-adopters')).toHaveText(formatCount(out.summary.additional_adopters.mean));
  expect(Number(await page.inputValue('#budget-exact')), 'budget kept').toEqual(budget);
  await expect(page.locator('.card.primary')).toContainText(other.scenario.technology);
});

test('axe: the new selects, figures and table column have no WCAG 2.1 AA violations (en, es, pt)', async ({ pages, note }) => {
  const page = await pages.open();
  for (const lang of LANGS) {
    await gotoReady(page, `?lang=${lang}`);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    const results = await new AxeBuilder({ page })
      .include('#headline-year').include('#technology').include('.headline').include('[data-testid=data-table]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    note(`${lang}: ${results.passes.length} rules passed, ${results.violations.length} violated`);
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), `${lang} axe`).toEqual([]);
    // Each new select has a visible label in the page's language.
    for (const id of ['headline-year', 'technology']) {
      expect(await page.locator(`label[for=${id}] span`).textContent(), `${id} label`).not.toEqual('');
    }
  }
});
