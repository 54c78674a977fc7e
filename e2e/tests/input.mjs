// Bad input in a number box: a message, the last valid value stays in force, and the
// typed text is not wiped while the box has focus. Out-of-range values clamp with a
// message; a valid value clears it.

import { arm, assert, assertEqual, fresh, gotoReady, headline, runsSinceArm, test } from '../lib.mjs';

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
  test(`budget box refuses ${JSON.stringify(text)}: message, last value kept, text kept`, async (t) => {
    const page = await t.page();
    await gotoReady(page);
    const before = await snapshot(page);
    await typeIntoBudget(page, text);
    const typed = await boxState(page);
    t.note(`${why}; box before Enter: ${JSON.stringify(typed)}`);
    await arm(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector(ALERT, { timeout: 5_000 }).catch(async () => {
      const now = await snapshot(page);
      throw new Error(`no inline message after ${JSON.stringify(text)} + Enter; the page now shows budget ${now.shown}, headline ${now.headline} (was ${before.shown}, ${before.headline})`);
    });
    const message = await page.textContent(ALERT);
    assert(/number/i.test(message), `message: "${message}"`);
    assertEqual(await page.getAttribute(BOX, 'aria-invalid'), 'true', 'aria-invalid on the box');
    const describedBy = (await page.getAttribute(BOX, 'aria-describedby')) || '';
    assert(describedBy.split(' ').includes('budget-exact-message'), `box described by its message (${describedBy})`);
    // The message and any dispatch come from the same event: this render would show it.
    assertEqual(await runsSinceArm(page), 0, 'no simulation started');
    assertEqual(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready', 'status');
    assertEqual(await snapshot(page), before, 'headline, slider and budget shown unchanged');
    const after = await boxState(page);
    assert(after.focused, 'the box keeps focus');
    assertEqual(after, typed, 'the typed text stays in the box while it has focus');

    // Leaving the box brings the value in force back; the message stays until a valid entry.
    await page.keyboard.press('Tab');
    await page.waitForFunction((v) => document.querySelector('#budget-exact').value === v, before.slider);
    assert(await page.isVisible(ALERT), 'the message stays after leaving the box');
    await page.focus(BOX);
    await fresh(page, async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1500000');
      await page.keyboard.press('Enter');
    });
    assertEqual(await page.locator(ALERT).count(), 0, 'a valid value clears the message');
    assertEqual(await page.getAttribute(BOX, 'aria-invalid'), null, 'aria-invalid cleared');
    assertEqual(await page.inputValue('#budget'), '1500000', 'slider follows the valid value');
  });
}

test('budget box clamps -5 to 0 and 99999999999 to the maximum, with a message', async (t) => {
  const page = await t.page();
  await gotoReady(page);

  await fresh(page, async () => {
    await typeIntoBudget(page, '-5');
    await page.keyboard.press('Enter');
  });
  assert(await page.isVisible(ALERT), 'a message after -5');
  const low = await page.textContent(ALERT);
  assert(/\b0\b/.test(low), `the message names 0: "${low}"`);
  assertEqual(await page.inputValue(BOX), '0', 'box shows 0');
  assertEqual(await page.inputValue('#budget'), '0', 'slider at 0');
  assertEqual(await headline(page), '0', 'headline with no budget');

  await fresh(page, async () => {
    await typeIntoBudget(page, '99999999999');
    await page.keyboard.press('Enter');
  });
  const high = await page.textContent(ALERT);
  assert(high.includes('10,000,000,000'), `the message names the maximum: "${high}"`);
  assertEqual(Number(await page.inputValue(BOX)), 10_000_000_000, 'box shows the maximum');
  assertEqual(await page.inputValue('#budget'), await page.getAttribute('#budget', 'max'), 'slider at its end');
  assertEqual(await page.textContent('output[for=budget]'), 'EUR 10,000,000,000', 'budget shown');
  t.note(`10 bn budget: headline ${await headline(page)}`);

  await fresh(page, async () => {
    await typeIntoBudget(page, '2000000');
    await page.keyboard.press('Enter');
  });
  assertEqual(await page.locator(ALERT).count(), 0, 'a valid value clears the message');
  assertEqual(await page.inputValue('#budget'), '2000000', 'slider follows');
});

// Numbers typed as people write them, in the page's language, are read as such.
for (const [lang, text, shown] of [
  ['en', '1,500,000', 'EUR 1,500,000'],
  ['en', '2,000,000.6', 'EUR 2,000,001'],
  ['es', '1.500.000', '1.500.000 EUR'],
  ['es', '2.000.000,6', '2.000.001 EUR'],
]) {
  test(`budget box reads ${JSON.stringify(text)} in ${lang} as ${shown}`, async (t) => {
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    await typeIntoBudget(page, text);
    await fresh(page, async () => page.keyboard.press('Enter'));
    assertEqual(await page.locator(ALERT).count(), 0, 'no message');
    assertEqual((await page.textContent('output[for=budget]')).trim(), shown, 'budget shown');
  });
}
