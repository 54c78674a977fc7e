// Accessible names and an axe-core scan (WCAG 2.0 A/AA, 2.1 AA) in both languages, with
// the collapsible panels closed and open.

import { AxeBuilder } from '@axe-core/playwright';
import { BROWSER_LOCALE, expect, gotoReady, LANGS, test } from '../fixtures.mjs';

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

async function scan(page, label, note) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
  );
  note(`axe ${label}: ${results.passes.length} rules passed, ${results.incomplete.length} need review, ${violations.length} violated`);
  return violations.map((v) => `[${label}] ${v}`);
}

for (const lang of LANGS) {
  test(`axe: no WCAG 2.1 AA violations (${lang}; panels closed and open)`, async ({ pages, note }) => {
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await gotoReady(page, lang === 'en' ? '' : `?lang=${lang}`);
    await expect(page.locator('html'), '<html lang>').toHaveAttribute('lang', lang);
    const found = [];
    found.push(...(await scan(page, `${lang} closed`, note)));
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    // A focused chart point shows its tooltip: scan that state too.
    await page.focus('[data-testid=adoption-chart] circle.point');
    await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
    found.push(...(await scan(page, `${lang} open`, note)));
    // The extra-adopters view is the default (scanned above); the other one too.
    await page.check('#view-adopters');
    await expect(page.locator('.chart .zero')).toHaveCount(0);
    found.push(...(await scan(page, `${lang} all-adopters view`, note)));
    expect(found, `axe violations:\n${found.join('\n')}`).toHaveLength(0);
  });
}

test('axe on a 360 px phone with the panels open (the table scrolls in its box)', async ({ pages, note }) => {
  const page = await pages.open({ viewport: { width: 360, height: 740 } });
  await gotoReady(page);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const found = await scan(page, 'phone open', note);
  expect(found, `axe violations:\n${found.join('\n')}`).toHaveLength(0);
});
