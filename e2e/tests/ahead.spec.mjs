// A focused slider's neighbouring values are computed while the page is idle, and kept:
// a step to one of them shows its exact result at once (no `running` in between), the
// same figures as the same scenario computed afresh in another page.

import { expect, gotoReady, headline, test } from '../fixtures.mjs';

/** Presses `key` on the focused control; whether the status showed `running` before the
 * new result was shown, and the shown revision after. */
async function step(page, key) {
  const before = await page.getAttribute('section.results', 'data-shown-revision');
  await page.evaluate(() => {
    const seen = (window.__ahead = { running: false });
    const o = new MutationObserver(() => {
      if (document.querySelector('[data-testid=status]')?.getAttribute('data-state') === 'running') seen.running = true;
    });
    o.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    seen.stop = () => o.disconnect();
  });
  await page.keyboard.press(key);
  await expect(page.locator('section.results')).not.toHaveAttribute('data-shown-revision', before ?? '');
  await expect(page.locator('[data-testid=status][data-state=ready]')).toBeVisible();
  return page.evaluate(() => {
    window.__ahead.stop();
    return window.__ahead.running;
  });
}

test('a slider step to a neighbouring value computed ahead shows its exact result at once', async ({ pages, note }) => {
  const page = await pages.open();
  await gotoReady(page);
  await page.focus('#budget');
  // The first step may find its value not computed yet (the focus has just come); after
  // each result, the next value up is computed while the page waits for the next key.
  const waited = [];
  for (let i = 0; i < 6; i++) {
    waited.push(await step(page, 'ArrowRight'));
    // What a person's pause between two key presses gives the workers (the neighbours
    // take some 10-20 ms here): the result is kept by the next press.
    await page.waitForTimeout(300);
  }
  note(`steps that showed "running": ${waited.map((w) => (w ? 'yes' : 'no')).join(', ')}`);
  expect(waited.slice(1).filter((w) => !w).length, 'steps after the first shown at once').toBeGreaterThan(3);
  // Stepping back reaches a value computed before: kept too.
  expect(await step(page, 'ArrowLeft'), 'a step back to a kept value').toBe(false);

  // The same scenario computed afresh, in a page opened at the address this one shows.
  const budget = await page.$eval('#budget', (e) => e.value);
  await expect.poll(() => page.evaluate(() => location.search)).toContain(`budget=${budget}`);
  const address = await page.evaluate(() => location.search);
  const shown = await headline(page);
  const table = await page.evaluate(() => document.querySelector('[data-testid=summary]')?.textContent);
  const other = await pages.open();
  await gotoReady(other, address);
  expect(await headline(other), 'the headline computed afresh').toEqual(shown);
  expect(await other.evaluate(() => document.querySelector('[data-testid=summary]')?.textContent), 'the summary computed afresh').toEqual(table);
});
