// Accessible names, and axe-core with its full default rule set (WCAG and best practice) on
// every view in every language: the page at desktop and phone width with its panels closed
// and open, a notice, the comparison, the targets, the embed dialog, and the embedded
// widget, editable and read-only.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeScan, BROWSER_LOCALE, expect, FORMAT_VERSION, fresh, gotoReady, headline, LANGS, notices, ROOT, test, typeValue } from '../fixtures.mjs';

test('controls have accessible names (Budget, Vouchers, Training, Pilots, …)', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  const expectNamed = async (role, name, count = 1) => {
    const n = await page.getByRole(role, { name }).count();
    expect(n, `${role} named ${name}: ${n} found, ${count} expected`).toBeGreaterThanOrEqual(count);
  };
  await expectNamed('slider', /Budget/);
  await expectNamed('textbox', /Budget/);
  for (const name of [/Vouchers/, /Training/, /Pilots/]) {
    await expectNamed('slider', name);
    await expectNamed('textbox', name);
    await expectNamed('checkbox', name);
  }
  await expectNamed('slider', /Programme years/);
  await expectNamed('slider', /Years to project/);
  await expectNamed('combobox', /Preset/);
  await expectNamed('combobox', /Language/);
  await expectNamed('radio', /All adopters/);
  await expectNamed('radio', /Extra adopters/);
  // A slider's accessible value is the value in words, not a bare number.
  const valueText = await page.getAttribute('#budget', 'aria-valuetext');
  expect(valueText, 'budget slider aria-valuetext').toEqual('EUR 1,250,000');
  // Each chart point is named with its year and figures.
  const points = page.getByRole('img', { name: /^2035:/ });
  expect(await points.count(), 'chart point for 2035 by name').toEqual(1);
  // Every form control has a non-empty accessible name (axe checks this too; this names
  // the culprit directly).
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, summary')]
      .filter((e) => {
        const labelled = e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
        return !labelled && !(e.tagName === 'SUMMARY' && e.textContent.trim());
      })
      .map((e) => e.id || e.outerHTML.slice(0, 60)));
  expect(unnamed, 'controls without a name').toEqual([]);
});

/** Opens every collapsible panel. */
const openPanels = (page) => page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));

/** The full page at one width: panels closed, open (with a chart tooltip), the all-adopters view. */
async function scanPage(page, label, note) {
  const found = [...(await axeScan(page, `${label} closed`, note))];
  await openPanels(page);
  // A focused chart point shows its tooltip: scan that state too.
  await page.focus('[data-testid=adoption-chart] circle.point');
  await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
  found.push(...(await axeScan(page, `${label} open`, note)));
  // The extra-adopters view is the default (scanned above); the other one too.
  await page.check('#view-adopters');
  await expect(page.locator('.chart .zero')).toHaveCount(0);
  found.push(...(await axeScan(page, `${label} all-adopters view`, note)));
  return found;
}

/** A notice, two saved scenarios compared, a target, then the embed dialog. */
async function scanTools(page, label, note) {
  const found = [];
  await page.click('#save-button');
  await typeValue(page, '#budget-exact', '2000000');
  await page.click('#save-button');
  await expect(page.locator('.saved-list li.saved')).toHaveCount(2);
  for (const i of [0, 1]) {
    await page.check(`#compare-${i}`);
    await expect(page.locator('[data-testid=compare] tbody tr')).toHaveCount(i + 2);
    await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);
  }
  await expect(page.locator('[data-testid=compare] path.series').first()).toBeVisible();
  await page.click('#add-target');
  await expect(page.locator('[data-testid=status][data-state=ready] [data-testid=compute-ms]')).toBeVisible();
  await openPanels(page);
  found.push(...(await axeScan(page, `${label} notice + comparison + targets + panels`, note)));
  await page.click('#open-embed');
  await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
  await page.check('#embed-ro');
  found.push(...(await axeScan(page, `${label} embed dialog`, note)));
  return found;
}

// Every view in every language, with axe's full default rule set: desktop and a 390 px
// phone (panels closed and open, both chart views), a notice with the comparison, targets
// and panels open, the embed dialog, and the embedded widget, editable and read-only.
for (const lang of LANGS) {
  const query = (extra = '') => `?lang=${lang}${extra}`;
  const expectNone = (found) => expect(found, `axe violations:\n${found.join('\n')}`).toHaveLength(0);

  test(`axe, all rules (${lang}): the page at 1280 and 390 px, panels closed and open`, async ({ pages, note }) => {
    const found = [];
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const page = await pages.open({ locale: BROWSER_LOCALE[lang], viewport: { width, height } });
      await gotoReady(page, query());
      await expect(page.locator('html'), '<html lang>').toHaveAttribute('lang', lang);
      found.push(...(await scanPage(page, `${lang} ${width}px`, note)));
    }
    expectNone(found);
  });

  test(`axe, all rules (${lang}): a notice, the comparison, targets, the embed dialog`, async ({ pages, note }) => {
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await gotoReady(page, query(`&v=${FORMAT_VERSION}&budget=abc`));
    expect((await notices(page)).length, 'a notice is shown').toBe(1);
    expectNone(await scanTools(page, lang, note));
  });

  test(`axe, all rules (${lang}): the embedded widget, editable and read-only`, async ({ pages, note }) => {
    const found = [];
    for (const [what, extra] of [['?embed=1', '&embed=1'], ['?embed=1&ro=1', '&embed=1&ro=1']]) {
      for (const [width, height] of [[800, 600], [390, 844]]) {
        const embed = await pages.open({ locale: BROWSER_LOCALE[lang], viewport: { width, height } });
        await gotoReady(embed, query(extra));
        found.push(...(await axeScan(embed, `${lang} ${what} ${width}px`, note)));
      }
    }
    expectNone(found);
  });
}

// The headline is announced through a polite live region once the figures settle
// (src/components/announcer.rs: ANNOUNCE_AFTER_MS, read from there, after the last result), never
// for every result of a drag. The page's clock is Playwright's, paused: its timers move only
// when the test moves them, so the check is exact, not timed.
const ANNOUNCE_AFTER_MS = Number(readFileSync(join(ROOT, 'src/components/announcer.rs'), 'utf8')
  .match(/pub const ANNOUNCE_AFTER_MS: u32 = ([\d_]+);/)[1].replaceAll('_', ''));
const ANNOUNCED = { en: 'more firms adopting because of the plan', es: 'empresas más adoptan gracias al plan', pt: 'empresas adotam graças ao plano' };

for (const lang of LANGS) {
  test(`the new headline is announced once, ${ANNOUNCE_AFTER_MS} ms after the last change (${lang})`, async ({ pages }) => {
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await page.clock.install();
    await gotoReady(page, `?lang=${lang}`);
    const region = page.getByTestId('headline-announcer');
    await expect(region, 'a polite live region').toHaveAttribute('aria-live', 'polite');
    // From here the page's time stands still but when the test moves it.
    // (Paused ahead of the page's now: the page's time goes on while this call travels.)
    await page.clock.pauseAt(await page.evaluate((ms) => Date.now() + ms, 2 * ANNOUNCE_AFTER_MS));
    await expect(region, 'the first result is not announced').toHaveText('');
    await page.focus('#budget');
    for (let i = 0; i < 5; i += 1) {
      await fresh(page, () => page.keyboard.press('ArrowRight'));
      await expect(region, `nothing read out while the budget keeps changing (change ${i + 1})`).toHaveText('');
    }
    await page.clock.runFor(ANNOUNCE_AFTER_MS - 1);
    await expect(region, 'still quiet just before the pause is long enough').toHaveText('');
    await page.clock.runFor(2);
    const figure = await headline(page);
    await expect(region, 'the final headline, in the page\'s language').toContainText(ANNOUNCED[lang]);
    await expect(region).toContainText(figure);
  });
}
