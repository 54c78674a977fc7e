// Keyboard only: every control is reached with Tab / Shift+Tab and operated with keys.
// No clicks, no `fill`, no programmatic focus: the page is driven as a keyboard user
// would drive it, from the top of the document.

import {
  assert,
  assertEqual,
  fresh,
  focusIndicator,
  focusedDescription,
  gotoReady,
  headline,
  mixValues,
  tabTo,
  test,
} from '../lib.mjs';

const value = (page, selector) => page.$eval(selector, (e) => e.value);
const output = (page, id) => page.textContent(`output[for=${id}]`);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectIndicator(page, what, sample) {
  const indicator = await focusIndicator(page);
  assert(indicator, `no visible focus indicator on ${what} (${await focusedDescription(page)})`);
  sample.push(`${what}: ${indicator}`);
}

/** Selects all text in the focused box and types `text`, then Enter. */
async function typeInFocused(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function assertMixSums(page, where) {
  const mix = await mixValues(page);
  const sum = mix.reduce((s, m) => s + Number(m.exact), 0);
  assertEqual(sum, 100, `mix boxes sum ${where} (${mix.map((m) => m.exact).join('+')})`);
  return mix;
}

test('keyboard only: every control is reachable and operable', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  const indicators = [];

  // --- Header: preset and language selects -------------------------------------------
  await tabTo(page, '#preset');
  await expectIndicator(page, 'preset select', indicators);
  const reference = await headline(page);
  await fresh(page, () => page.keyboard.press('ArrowDown'));
  const other = await value(page, '#preset');
  assert(other !== 'cantabria', `ArrowDown on the preset select should choose another preset (${other})`);
  await fresh(page, () => page.keyboard.press('ArrowUp'));
  assertEqual(await value(page, '#preset'), 'cantabria', 'preset after ArrowUp');
  assertEqual(await headline(page), reference, 'headline back on the reference preset');

  await tabTo(page, '#language');
  await expectIndicator(page, 'language select', indicators);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert((await page.textContent('label[for=budget]')).includes('Presupuesto'), 'Spanish budget label');
  assertEqual(await focusedId(page), 'language', 'focus stays on the language select');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // --- Budget slider and its box ---------------------------------------------------------
  await tabTo(page, '#budget');
  await expectIndicator(page, 'budget slider', indicators);
  const budget0 = Number(await value(page, '#budget'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  const budget1 = Number(await value(page, '#budget'));
  assertEqual(budget1, budget0 + 50_000, 'ArrowRight adds one step to the budget');
  assertEqual(await value(page, '#budget-exact'), String(budget1), 'budget box follows the slider');
  await fresh(page, () => page.keyboard.press('PageUp'));
  const budget2 = Number(await value(page, '#budget'));
  assert(budget2 > budget1, `PageUp raises the budget (${budget1} -> ${budget2})`);
  assertEqual(await output(page, 'budget'), `EUR ${budget2.toLocaleString('en-GB')}`, 'budget shown');
  await fresh(page, () => page.keyboard.press('Home'));
  assertEqual(await value(page, '#budget'), '0', 'Home sets the budget to 0');
  assertEqual(await headline(page), '0', 'no budget, no extra adopters');

  await page.keyboard.press('Tab');
  assertEqual(await focusedId(page), 'budget-exact', 'Tab from the slider reaches its box');
  await expectIndicator(page, 'budget box', indicators);
  await fresh(page, () => typeInFocused(page, '2000000'));
  assertEqual(await value(page, '#budget'), '2000000', 'slider follows the box');
  assertEqual(await output(page, 'budget'), 'EUR 2,000,000', 'budget display follows the box');
  assert((await headline(page)) !== '0', 'a budget buys extra adopters');

  // --- Programme years and horizon -------------------------------------------------------
  // The scenario's start year, from the horizon's display "2025–2035".
  const start = Number((await output(page, 'horizon')).split('–')[0]);
  assert(start > 1990 && start < 2100, `start year ${start}`);
  await tabTo(page, '#programme-years');
  const programme = Number(await value(page, '#programme-years'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  assertEqual(Number(await value(page, '#programme-years')), programme + 1, 'programme years +1');
  assertEqual(await output(page, 'programme-years'), `${start + 1}–${start + programme + 1}`, 'programme years shown');
  await page.keyboard.press('Tab');
  assertEqual(await focusedId(page), 'programme-years-exact', 'programme box');
  await fresh(page, () => typeInFocused(page, '2'));
  assertEqual(await value(page, '#programme-years'), '2', 'programme slider follows its box');

  await tabTo(page, '#horizon');
  const horizon = Number(await value(page, '#horizon'));
  await fresh(page, () => page.keyboard.press('ArrowLeft'));
  assertEqual(Number(await value(page, '#horizon')), horizon - 1, 'horizon -1');
  assert((await page.textContent('#results-heading')).includes(String(start + horizon - 1)), 'results heading names the new horizon year');
  await page.keyboard.press('Tab');
  assertEqual(await focusedId(page), 'horizon-exact', 'horizon box');
  await fresh(page, () => typeInFocused(page, '12'));
  assertEqual(await value(page, '#horizon'), '12', 'horizon slider follows its box');
  assert((await page.textContent('#results-heading')).includes(String(start + 12)), `results by ${start + 12}`);

  // --- The mix: three sliders, three holds ------------------------------------------------
  await tabTo(page, '#share-vouchers');
  await expectIndicator(page, 'vouchers slider', indicators);
  const v0 = Number(await value(page, '#share-vouchers'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  assertEqual(Number(await value(page, '#share-vouchers')), v0 + 1, 'vouchers +1');
  await assertMixSums(page, 'after vouchers ArrowRight');

  await tabTo(page, '#hold-vouchers');
  await expectIndicator(page, 'hold checkbox', indicators);
  await page.keyboard.press('Space');
  assert(await page.isChecked('#hold-vouchers'), 'Space checks Hold vouchers');
  assert(await page.isDisabled('#share-vouchers'), 'a held share\'s slider is disabled');
  const held = await value(page, '#share-vouchers-exact');

  await tabTo(page, '#share-training');
  const tr0 = Number(await value(page, '#share-training'));
  await fresh(page, () => page.keyboard.press('ArrowLeft'));
  assertEqual(Number(await value(page, '#share-training')), tr0 - 1, 'training -1');
  assertEqual(await value(page, '#share-vouchers-exact'), held, 'the held vouchers share does not move');
  await assertMixSums(page, 'after training ArrowLeft');

  await tabTo(page, '#hold-training');
  await page.keyboard.press('Space');
  assert(await page.isChecked('#hold-training'), 'Space checks Hold training');

  // Pilots, with both partners held, cannot move (its slider may be disabled, hence out
  // of the tab order); its Hold still works.
  await tabTo(page, '#hold-pilots');
  await page.keyboard.press('Space');
  assert(await page.isChecked('#hold-pilots'), 'Space checks Hold pilots');
  await page.keyboard.press('Space');
  assert(!(await page.isChecked('#hold-pilots')), 'Space again releases Hold pilots');

  // Back up with Shift+Tab to release the other two holds.
  await tabTo(page, '#hold-training', { back: true });
  await page.keyboard.press('Space');
  await tabTo(page, '#hold-vouchers', { back: true });
  await page.keyboard.press('Space');
  assert(!(await page.isChecked('#hold-vouchers')) && !(await page.isChecked('#hold-training')), 'holds released');
  await tabTo(page, '#share-pilots');
  await expectIndicator(page, 'pilots slider', indicators);
  const p0 = Number(await value(page, '#share-pilots'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  assertEqual(Number(await value(page, '#share-pilots')), p0 + 1, 'pilots +1');
  await assertMixSums(page, 'after pilots ArrowRight');

  // --- Assumptions -----------------------------------------------------------------------
  await tabTo(page, 'details.assumptions > summary');
  await expectIndicator(page, 'Assumptions summary', indicators);
  assert(!(await page.$eval('details.assumptions', (d) => d.open)), 'Assumptions start closed');
  await page.keyboard.press('Enter');
  assert(await page.$eval('details.assumptions', (d) => d.open), 'Enter opens Assumptions');
  await page.keyboard.press('Tab');
  assertEqual(await focusedId(page), 'assumption-0', 'the first assumption follows its summary');
  await expectIndicator(page, 'assumption box', indicators);
  const before = await headline(page);
  await fresh(page, () => typeInFocused(page, '6000'));
  assertEqual(await value(page, '#assumption-0'), '6000', 'voucher value accepted');
  t.note(`voucher value 6000: headline ${before} -> ${await headline(page)}`);

  // --- Chart view radios -----------------------------------------------------------------
  await tabTo(page, 'input[name=chart-view]:checked');
  await expectIndicator(page, 'chart view radio', indicators);
  assertEqual(await focusedId(page), 'view-adopters', 'the checked radio is the tab stop');
  const title = () => page.textContent('[data-testid=adoption-chart] > title');
  const adoptersTitle = await title();
  await page.keyboard.press('ArrowRight');
  assertEqual(await focusedId(page), 'view-additional', 'ArrowRight moves to the next radio');
  assert(await page.isChecked('#view-additional'), 'and checks it');
  await page.waitForFunction((old) => document.querySelector('[data-testid=adoption-chart] > title')?.textContent !== old, adoptersTitle);
  await page.keyboard.press('ArrowLeft');
  assert(await page.isChecked('#view-adopters'), 'ArrowLeft goes back');
  await page.waitForFunction((old) => document.querySelector('[data-testid=adoption-chart] > title')?.textContent === old, adoptersTitle);

  // --- Chart points ----------------------------------------------------------------------
  const years = await page.$$eval('[data-testid=adoption-chart] circle.point', (cs) => cs.length);
  assert(years >= 2, `chart points: ${years}`);
  for (let i = 0; i < years; i += 1) {
    await page.keyboard.press('Tab');
    const point = await page.evaluate(() => {
      const e = document.activeElement;
      const tip = document.querySelector('[data-testid=adoption-chart] .tooltip');
      const s = getComputedStyle(e);
      return {
        isPoint: e.matches('circle.point'),
        label: e.getAttribute('aria-label'),
        tip: tip?.textContent ?? null,
        stroke: s.stroke,
        strokeWidth: s.strokeWidth,
      };
    });
    assert(point.isPoint, `Tab ${i + 1} after the radios should reach chart point ${i + 1} (at ${await focusedDescription(page)})`);
    const year = String(start + i);
    assert(point.label?.startsWith(year), `point ${i + 1} aria-label "${point.label}" names ${year}`);
    assert(point.tip?.startsWith(year), `point ${i + 1} shows a tooltip for ${year} (got ${point.tip})`);
    if (i === 0) {
      const idle = await page.$eval('[data-testid=adoption-chart] circle.point:last-of-type', (e) => getComputedStyle(e).strokeWidth);
      assert(point.strokeWidth !== idle, `focused point has a visible ring (stroke ${point.stroke} ${point.strokeWidth} vs ${idle})`);
      indicators.push(`chart point: stroke ${point.stroke} ${point.strokeWidth} (idle ${idle}; outline none by design)`);
    }
  }
  await page.keyboard.press('Shift+Tab');
  const back = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert(back?.startsWith(String(start + years - 2)), `Shift+Tab goes back one point (${back})`);
  await page.keyboard.press('Tab');

  // --- Table ------------------------------------------------------------------------------
  await page.keyboard.press('Tab');
  assert(await page.evaluate(() => document.activeElement.matches('details.data-table > summary')), `after the points comes the table toggle (at ${await focusedDescription(page)})`);
  await expectIndicator(page, 'table summary', indicators);
  await page.keyboard.press('Enter');
  assert(await page.$eval('details.data-table', (d) => d.open), 'Enter opens the table');
  assert(await page.isVisible('[data-testid=data-table]'), 'the table is visible');
  assertEqual(await page.$$eval('[data-testid=data-table] tbody tr', (r) => r.length), years, 'one row per year');
  await page.keyboard.press('Enter');
  assert(!(await page.$eval('details.data-table', (d) => d.open)), 'Enter closes it again');

  for (const line of indicators) t.note(`focus: ${line}`);
});
