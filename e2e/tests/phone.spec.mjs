// Phone widths: the headline stays in view while the controls are used (a sticky bar at
// the top of the screen), clear of the focused control, with the figure of the input
// just made; the chart opens on the plan's effect. Desktop widths have no bar.

import { BROWSER_LOCALE, LANGS, assertHeadline, expect, fresh, gotoReady, headline, search, test } from '../fixtures.mjs';

const BAR = '[data-testid=headline-bar]';
const BAR_FIGURE = '[data-testid=bar-additional-adopters]';

/** The bar's and the focused control's boxes, and the viewport's height. */
function boxes(page) {
  return page.evaluate((bar) => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return { bar: box(document.querySelector(bar)), focused: box(document.activeElement), id: document.activeElement.id, height: window.innerHeight };
  }, BAR);
}

/** The bar is on screen and the focused control is on screen and not under it. */
async function expectClear(page, what) {
  const b = await boxes(page);
  const where = `${what}: bar ${b.bar.top.toFixed(0)}–${b.bar.bottom.toFixed(0)}, #${b.id} ${b.focused.top.toFixed(0)}–${b.focused.bottom.toFixed(0)} of ${b.height}`;
  expect(b.bar.top >= -0.5 && b.bar.bottom <= b.height + 0.5, `the bar is in the viewport (${where})`).toBeTruthy();
  expect(b.focused.top >= -0.5 && b.focused.bottom <= b.height + 0.5, `the focused control is in the viewport (${where})`).toBeTruthy();
  const overlap = b.focused.top < b.bar.bottom - 0.5 && b.focused.bottom > b.bar.top + 0.5
    && b.focused.left < b.bar.right && b.focused.right > b.bar.left;
  expect(overlap, `the bar does not cover the focused control (${where})`).toBeFalsy();
}

test('390 px: the sticky headline stays in view beside the focused slider and shows its result', async ({ pages, oracle, note }) => {
  const page = await pages.open({ viewport: { width: 390, height: 844 } });
  await gotoReady(page);
  await expect(page.locator(BAR), 'the bar repeats the headline card: hidden from assistive technology').toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator(BAR_FIGURE), 'the bar shows the headline').toHaveText(await headline(page));

  // The budget slider, at the top of the controls.
  await page.focus('#budget');
  await expectClear(page, 'budget focused');
  const first = await headline(page);
  await fresh(page, async () => {
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  });
  await expectClear(page, 'budget moved');
  expect(await headline(page), 'three budget steps change the headline').not.toEqual(first);
  await expect(page.locator(BAR_FIGURE), 'the bar shows the new figure').toHaveText(await headline(page));

  // A mix slider deep in the controls, scrolled so it starts just under where the bar
  // sticks: focusing it brings it out from under the bar (scroll-padding-top).
  await page.evaluate(() => {
    const e = document.querySelector('#share-pilots');
    window.scrollBy(0, e.getBoundingClientRect().top - 10);
  });
  await page.focus('#share-pilots');
  await expectClear(page, 'pilots share focused after scrolling it under the bar');
  const second = await headline(page);
  await fresh(page, async () => {
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  });
  await expectClear(page, 'pilots share moved');
  expect(await headline(page), 'five mix steps change the headline').not.toEqual(second);
  await expect(page.locator(BAR_FIGURE), 'the bar shows the new figure').toHaveText(await headline(page));

  // What stays shown is the exact result of the last input: the CLI's for the page's link,
  // with its interval in the bar as in the card.
  const out = await oracle.runUrl(await search(page));
  await assertHeadline(page, out, 'en', 'after the keyboard steps');
  const interval = await page.locator('.card.primary .detail').first().innerText();
  await expect(page.locator('.bar-interval'), 'the bar\'s interval is the card\'s').toHaveText(interval);
  note(`390 px: headline ${first} -> ${second} -> ${await headline(page)}`);
});

test('rapid keyboard steps: the final input\'s exact result is what stays shown', async ({ pages, oracle }) => {
  const page = await pages.open({ viewport: { width: 390, height: 844 } });
  await gotoReady(page);
  await page.focus('#budget');
  // Twenty presses as fast as the keyboard sends them: first looks and superseded jobs.
  await fresh(page, async () => {
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('ArrowRight', { delay: 0 });
  });
  const out = await oracle.runUrl(await search(page));
  await assertHeadline(page, out, 'en', 'after 20 rapid steps');
  // Still so a while later: no late first look replaced it.
  await page.waitForTimeout(500);
  await assertHeadline(page, out, 'en', '500 ms later');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
});

for (const lang of LANGS) {
  test(`360 px (${lang}): the bar speaks the page's language; 1280 px has none`, async ({ pages }) => {
    const page = await pages.open({ viewport: { width: 360, height: 740 }, locale: BROWSER_LOCALE[lang] });
    await gotoReady(page, `?lang=${lang}`);
    const label = await page.locator('.card.primary h3').innerText();
    await expect(page.locator('.bar-label'), 'the card\'s label and the headline year').toHaveText(
      `${label} (${(await page.locator('#headline-year').inputValue())})`,
    );
    await expect(page.locator(BAR_FIGURE)).toHaveText(await headline(page));
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.locator(BAR), 'no bar at desktop width').toBeHidden();
  });
}

test('the chart opens on the plan\'s effect (extra adopters)', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  await expect(page.locator('#view-additional')).toBeChecked();
  await expect(page.locator('.chart .zero').first(), 'the extra-adopters view draws its zero line').toBeAttached();
});
