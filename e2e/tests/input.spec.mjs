// Bad input in a number box: a message, the last valid value stays in force, and the
// typed text is not wiped while the box has focus. Out-of-range values clamp with a
// message; a valid value clears it.

import { arm, expect, fresh, gotoReady, headline, runsSinceArm, test } from '../fixtures.mjs';

const BOX = '#budget-exact';
const ALERT = '#budget-exact-message[role=alert]';

async function typeIntoBudget(page, text) {
  await page.focus(BOX);
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

/** What the box holds: its value, and whether it holds text the browser cannot read. */
function boxState(page) {
  return page.$eval(BOX, (e) => ({ value: e.value, badInput: e.validity.badInput, focused: document.activeElement === e }));
}

async function snapshot(page) {
  return {
    headline: await headline(page),
    slider: await page.inputValue('#budget'),
    shown: await page.textContent('output[for=budget]'),
  };
}

// Each refused text gets its own fresh page, so one failure does not hide the others.
for (const [text, why] of [
  ['abc', 'letters'],
  ['1.25.0', 'separators that group nothing'],
  ['', 'an empty box'],
  ['1e', 'an exponent with no digits'],
  ['5 apples', 'a number followed by words'],
]) {
  test(`budget box refuses ${JSON.stringify(text)}: message, last value kept, text kept`, async ({ pages, note }) => {
    const page = await pages.open();
    await gotoReady(page);
    const before = await snapshot(page);
    await typeIntoBudget(page, text);
    const typed = await boxState(page);
    note(`${why}; box before Enter: ${JSON.stringify(typed)}`);
    await arm(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector(ALERT, { timeout: 5_000 }).catch(async () => {
      const now = await snapshot(page);
      throw new Error(`no inline message after ${JSON.stringify(text)} + Enter; the page now shows budget ${now.shown}, headline ${now.headline} (was ${before.shown}, ${before.headline})`);
    });
    const message = await page.textContent(ALERT);
    expect(message, `message: "${message}"`).toMatch(/number/i);
    await expect(page.locator(BOX), 'aria-invalid on the box').toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await page.getAttribute(BOX, 'aria-describedby')) || '';
    expect(describedBy.split(' '), `box described by its message (${describedBy})`).toContain('budget-exact-message');
    // The message and any dispatch come from the same event: this render would show it.
    expect(await runsSinceArm(page), 'no simulation started').toEqual(0);
    await expect(page.locator('[data-testid=status]'), 'status').toHaveAttribute('data-state', 'ready');
    expect(await snapshot(page), 'headline, slider and budget shown unchanged').toEqual(before);
    const after = await boxState(page);
    expect(after.focused, 'the box keeps focus').toBeTruthy();
    expect(after, 'the typed text stays in the box while it has focus').toEqual(typed);

    // Leaving the box brings the value in force back; the message stays until a valid entry.
    await page.keyboard.press('Tab');
    await expect(page.locator('#budget-exact')).toHaveValue(before.slider);
    await expect(page.locator(ALERT), 'the message stays after leaving the box').toBeVisible();
    await page.focus(BOX);
    await fresh(page, async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1500000');
      await page.keyboard.press('Enter');
    });
    await expect(page.locator(ALERT), 'a valid value clears the message').toHaveCount(0);
    await expect(page.locator(BOX), 'aria-invalid cleared').not.toHaveAttribute('aria-invalid');
    await expect(page.locator('#budget'), 'slider follows the valid value').toHaveValue('1500000');
  });
}

test('budget box clamps -5 to 0 and 99999999999 to the maximum, with a message', async ({ pages, note }) => {
  const page = await pages.open();
  await gotoReady(page);

  await fresh(page, async () => {
    await typeIntoBudget(page, '-5');
    await page.keyboard.press('Enter');
  });
  await expect(page.locator(ALERT), 'a message after -5').toBeVisible();
  const low = await page.textContent(ALERT);
  expect(low, `the message names 0: "${low}"`).toMatch(/\b0\b/);
  await expect(page.locator(BOX), 'box shows 0').toHaveValue('0');
  await expect(page.locator('#budget'), 'slider at 0').toHaveValue('0');
  expect(await headline(page), 'headline with no budget').toEqual('0');

  await fresh(page, async () => {
    await typeIntoBudget(page, '99999999999');
    await page.keyboard.press('Enter');
  });
  const high = await page.textContent(ALERT);
  expect(high, `the message names the maximum: "${high}"`).toContain('10,000,000,000');
  expect(Number(await page.inputValue(BOX)), 'box shows the maximum').toEqual(10_000_000_000);
  await expect(page.locator('#budget'), 'slider at its end').toHaveValue(await page.getAttribute('#budget', 'max'));
  expect(await page.textContent('output[for=budget]'), 'budget shown').toEqual('EUR 10,000,000,000');
  note(`10 bn budget: headline ${await headline(page)}`);

  await fresh(page, async () => {
    await typeIntoBudget(page, '2000000');
    await page.keyboard.press('Enter');
  });
  await expect(page.locator(ALERT), 'a valid value clears the message').toHaveCount(0);
  await expect(page.locator('#budget'), 'slider follows').toHaveValue('2000000');
});

// Numbers typed as people write them, in the page's language, are read as such.
for (const [lang, text, shown] of [
  ['en', '1,500,000', 'EUR 1,500,000'],
  ['en', '2,000,000.6', 'EUR 2,000,001'],
  ['es', '1.500.000', '1.500.000\u00a0EUR'],
  ['es', '2.000.000,6', '2.000.001\u00a0EUR'],
  // As people type it (plain spaces) and as the page writes it (no-break spaces).
  ['pt', '1 500 000', '1\u00a0500\u00a0000\u00a0EUR'],
  ['pt', '2\u00a0000\u00a0000,6', '2\u00a0000\u00a0001\u00a0EUR'],
]) {
  test(`budget box reads ${JSON.stringify(text)} in ${lang} as ${shown}`, async ({ pages }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    await typeIntoBudget(page, text);
    await fresh(page, async () => page.keyboard.press('Enter'));
    await expect(page.locator(ALERT), 'no message').toHaveCount(0);
    expect((await page.textContent('output[for=budget]')).trim(), 'budget shown').toEqual(shown);
  });
}
