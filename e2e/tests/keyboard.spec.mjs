// Keyboard only: every control is reached with Tab / Shift+Tab and operated with keys.
// No clicks, no `fill`, no programmatic focus: the page is driven as a keyboard user
// would drive it, from the top of the document.

import {
  expect,
  focusedDescription,
  focusIndicator,
  fresh,
  gotoReady,
  headline,
  mixValues,
  tabTo,
  test,
} from '../fixtures.mjs';

const value = (page, selector) => page.$eval(selector, (e) => e.value);
const output = (page, id) => page.textContent(`output[for=${id}]`);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectIndicator(page, what, sample) {
  const indicator = await focusIndicator(page);
  expect(indicator, `no visible focus indicator on ${what} (${await focusedDescription(page)})`).toBeTruthy();
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
  expect(sum, `mix boxes sum ${where} (${mix.map((m) => m.exact).join('+')})`).toEqual(100);
  return mix;
}

test('keyboard only: every control is reachable and operable', async ({ pages, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  const indicators = [];

  // --- Header: preset and language selects -------------------------------------------
  await tabTo(page, '#preset');
  await expectIndicator(page, 'preset select', indicators);
  const reference = await headline(page);
  await fresh(page, () => page.keyboard.press('ArrowDown'));
  const other = await value(page, '#preset');
  expect(other, `ArrowDown on the preset select should choose another preset (${other})`).not.toBe('cantabria');
  await fresh(page, () => page.keyboard.press('ArrowUp'));
  expect(await value(page, '#preset'), 'preset after ArrowUp').toEqual('cantabria');
  expect(await headline(page), 'headline back on the reference preset').toEqual(reference);

  await tabTo(page, '#language');
  await expectIndicator(page, 'language select', indicators);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await page.textContent('label[for=budget]'), 'Spanish budget label').toContain('Presupuesto');
  expect(await focusedId(page), 'focus stays on the language select').toEqual('language');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // --- Budget slider and its box ---------------------------------------------------------
  await tabTo(page, '#budget');
  await expectIndicator(page, 'budget slider', indicators);
  const budget0 = Number(await value(page, '#budget'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  const budget1 = Number(await value(page, '#budget'));
  expect(budget1, 'ArrowRight adds one step to the budget').toEqual(budget0 + 50_000);
  expect(await value(page, '#budget-exact'), 'budget box follows the slider').toEqual(String(budget1));
  await fresh(page, () => page.keyboard.press('PageUp'));
  const budget2 = Number(await value(page, '#budget'));
  expect(budget2, `PageUp raises the budget (${budget1} -> ${budget2})`).toBeGreaterThan(budget1);
  expect(await output(page, 'budget'), 'budget shown').toEqual(`EUR ${budget2.toLocaleString('en-GB')}`);
  await fresh(page, () => page.keyboard.press('Home'));
  expect(await value(page, '#budget'), 'Home sets the budget to 0').toEqual('0');
  expect(await headline(page), 'no budget, no extra adopters').toEqual('0');

  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'Tab from the slider reaches its box').toEqual('budget-exact');
  await expectIndicator(page, 'budget box', indicators);
  await fresh(page, () => typeInFocused(page, '2000000'));
  expect(await value(page, '#budget'), 'slider follows the box').toEqual('2000000');
  expect(await output(page, 'budget'), 'budget display follows the box').toEqual('EUR 2,000,000');
  expect(await headline(page), 'a budget buys extra adopters').not.toBe('0');

  // --- Programme years and horizon -------------------------------------------------------
  // The scenario's start year, from the horizon's display "2025–2035".
  const start = Number((await output(page, 'horizon')).split('–')[0]);
  expect(start > 1990 && start < 2100, `start year ${start}`).toBeTruthy();
  await tabTo(page, '#programme-years');
  const programme = Number(await value(page, '#programme-years'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  expect(Number(await value(page, '#programme-years')), 'programme years +1').toEqual(programme + 1);
  expect(await output(page, 'programme-years'), 'programme years shown').toEqual(`${start + 1}–${start + programme + 1}`);
  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'programme box').toEqual('programme-years-exact');
  await fresh(page, () => typeInFocused(page, '2'));
  expect(await value(page, '#programme-years'), 'programme slider follows its box').toEqual('2');

  await tabTo(page, '#horizon');
  const horizon = Number(await value(page, '#horizon'));
  await fresh(page, () => page.keyboard.press('ArrowLeft'));
  expect(Number(await value(page, '#horizon')), 'horizon -1').toEqual(horizon - 1);
  expect(await page.textContent('#results-heading'), 'results heading names the new horizon year').toContain(String(start + horizon - 1));
  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'horizon box').toEqual('horizon-exact');
  await fresh(page, () => typeInFocused(page, '12'));
  expect(await value(page, '#horizon'), 'horizon slider follows its box').toEqual('12');
  expect(await page.textContent('#results-heading'), `results by ${start + 12}`).toContain(String(start + 12));

  // --- The mix: three sliders, three holds ------------------------------------------------
  await tabTo(page, '#share-vouchers');
  await expectIndicator(page, 'vouchers slider', indicators);
  const v0 = Number(await value(page, '#share-vouchers'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  expect(Number(await value(page, '#share-vouchers')), 'vouchers +1').toEqual(v0 + 1);
  await assertMixSums(page, 'after vouchers ArrowRight');

  await tabTo(page, '#hold-vouchers');
  await expectIndicator(page, 'hold checkbox', indicators);
  await page.keyboard.press('Space');
  await expect(page.locator('#hold-vouchers'), 'Space checks Hold vouchers').toBeChecked();
  await expect(page.locator('#share-vouchers'), 'a held share\'s slider is disabled').toBeDisabled();
  const held = await value(page, '#share-vouchers-exact');

  await tabTo(page, '#share-training');
  const tr0 = Number(await value(page, '#share-training'));
  await fresh(page, () => page.keyboard.press('ArrowLeft'));
  expect(Number(await value(page, '#share-training')), 'training -1').toEqual(tr0 - 1);
  expect(await value(page, '#share-vouchers-exact'), 'the held vouchers share does not move').toEqual(held);
  await assertMixSums(page, 'after training ArrowLeft');

  await tabTo(page, '#hold-training');
  await page.keyboard.press('Space');
  await expect(page.locator('#hold-training'), 'Space checks Hold training').toBeChecked();

  // Pilots, with both partners held, cannot move (its slider may be disabled, hence out
  // of the tab order); its Hold still works.
  await tabTo(page, '#hold-pilots');
  await page.keyboard.press('Space');
  await expect(page.locator('#hold-pilots'), 'Space checks Hold pilots').toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.locator('#hold-pilots'), 'Space again releases Hold pilots').not.toBeChecked();

  // Back up with Shift+Tab to release the other two holds.
  await tabTo(page, '#hold-training', { back: true });
  await page.keyboard.press('Space');
  await tabTo(page, '#hold-vouchers', { back: true });
  await page.keyboard.press('Space');
  await expect(page.locator('#hold-vouchers'), 'holds released').not.toBeChecked();
  await expect(page.locator('#hold-training'), 'holds released').not.toBeChecked();
  await tabTo(page, '#share-pilots');
  await expectIndicator(page, 'pilots slider', indicators);
  const p0 = Number(await value(page, '#share-pilots'));
  await fresh(page, () => page.keyboard.press('ArrowRight'));
  expect(Number(await value(page, '#share-pilots')), 'pilots +1').toEqual(p0 + 1);
  await assertMixSums(page, 'after pilots ArrowRight');

  // --- Assumptions -----------------------------------------------------------------------
  await tabTo(page, 'details.assumptions > summary');
  await expectIndicator(page, 'Assumptions summary', indicators);
  expect(await page.$eval('details.assumptions', (d) => d.open), 'Assumptions start closed').toBeFalsy();
  await page.keyboard.press('Enter');
  expect(await page.$eval('details.assumptions', (d) => d.open), 'Enter opens Assumptions').toBeTruthy();
  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'the first assumption follows its summary').toEqual('assumption-0');
  await expectIndicator(page, 'assumption box', indicators);
  const before = await headline(page);
  await fresh(page, () => typeInFocused(page, '6000'));
  expect(await value(page, '#assumption-0'), 'voucher value accepted').toEqual('6000');
  note(`voucher value 6000: headline ${before} -> ${await headline(page)}`);

  // --- Chart view radios -----------------------------------------------------------------
  await tabTo(page, 'input[name=chart-view]:checked');
  await expectIndicator(page, 'chart view radio', indicators);
  expect(await focusedId(page), 'the checked radio is the tab stop').toEqual('view-additional');
  const title = () => page.textContent('[data-testid=adoption-chart] > title');
  const additionalTitle = await title();
  await page.keyboard.press('ArrowLeft');
  expect(await focusedId(page), 'ArrowLeft moves to the other radio').toEqual('view-adopters');
  await expect(page.locator('#view-adopters'), 'and checks it').toBeChecked();
  await expect(page.locator('[data-testid=adoption-chart] > title')).not.toHaveText(additionalTitle);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#view-additional'), 'ArrowRight goes back').toBeChecked();
  await expect(page.locator('[data-testid=adoption-chart] > title')).toHaveText(additionalTitle);

  // --- Chart points ----------------------------------------------------------------------
  const years = await page.$$eval('[data-testid=adoption-chart] circle.point', (cs) => cs.length);
  expect(years, `chart points: ${years}`).toBeGreaterThanOrEqual(2);
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
    expect(point.isPoint, `Tab ${i + 1} after the radios should reach chart point ${i + 1} (at ${await focusedDescription(page)})`).toBeTruthy();
    const year = String(start + i);
    expect(point.label?.startsWith(year), `point ${i + 1} aria-label "${point.label}" names ${year}`).toBeTruthy();
    expect(point.tip?.startsWith(year), `point ${i + 1} shows a tooltip for ${year} (got ${point.tip})`).toBeTruthy();
    if (i === 0) {
      const idle = await page.$eval('[data-testid=adoption-chart] circle.point:last-of-type', (e) => getComputedStyle(e).strokeWidth);
      expect(point.strokeWidth, `focused point has a visible ring (stroke ${point.stroke} ${point.strokeWidth} vs ${idle})`).not.toBe(idle);
      indicators.push(`chart point: stroke ${point.stroke} ${point.strokeWidth} (idle ${idle}; outline none by design)`);
    }
  }
  await page.keyboard.press('Shift+Tab');
  const back = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  expect(back?.startsWith(String(start + years - 2)), `Shift+Tab goes back one point (${back})`).toBeTruthy();
  await page.keyboard.press('Tab');

  // --- Table ------------------------------------------------------------------------------
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.matches('details.data-table > summary')), `after the points comes the table toggle (at ${await focusedDescription(page)})`).toBeTruthy();
  await expectIndicator(page, 'table summary', indicators);
  await page.keyboard.press('Enter');
  expect(await page.$eval('details.data-table', (d) => d.open), 'Enter opens the table').toBeTruthy();
  await expect(page.locator('[data-testid=data-table]'), 'the table is visible').toBeVisible();
  expect(await page.$$eval('[data-testid=data-table] tbody tr', (r) => r.length), 'one row per year').toEqual(years);
  await page.keyboard.press('Enter');
  expect(await page.$eval('details.data-table', (d) => d.open), 'Enter closes it again').toBeFalsy();

  for (const line of indicators) note(`focus: ${line}`);
});

test('keyboard only: save and compare a scenario, copy the link, print the brief', async ({ pages, site }) => {
  const page = await pages.open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await gotoReady(page);
  // The brief button calls window.print (headless Chromium has no print dialog): count calls.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });

  // Save the scenario as it is, under a typed name (Enter submits the form).
  await tabTo(page, '#save-name');
  await page.keyboard.type('Keyboard plan');
  await page.keyboard.press('Enter');
  await expect(page.locator('.saved-list li.saved'), 'saved by Enter').toHaveCount(1);

  // A different budget, by keys, then the saved one compared with it (Space ticks).
  await tabTo(page, '#budget', { back: true });
  await fresh(page, () => page.keyboard.press('PageUp'));
  await tabTo(page, '#compare-0');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid=compare] tbody tr'), 'the saved scenario and the current one compared').toHaveCount(2);
  await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);

  // Copy the link: the clipboard holds the share box's link.
  await tabTo(page, '#copy-link');
  await page.keyboard.press('Enter');
  const link = await page.inputValue('#share-link');
  expect(await page.evaluate(() => navigator.clipboard.readText()), 'the link is on the clipboard').toEqual(link);

  // The brief: its button is reached backwards from the share box and prints.
  await tabTo(page, '#print-brief', { back: true });
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.__printed), 'Enter on the brief button prints').toEqual(1);
});
