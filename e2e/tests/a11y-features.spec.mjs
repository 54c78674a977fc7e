// axe-core (WCAG 2.0 A/AA, 2.1 AA) on the views issue #4 added, in English and Spanish:
// a notice shown with the comparison open (and the targets editor), the embed dialog
// open, and the embedded widget (?embed=1).

import { AxeBuilder } from '@axe-core/playwright';
import { BROWSER_LOCALE, expect, FORMAT_VERSION, gotoReady, LANGS, notices, test, typeValue } from '../fixtures.mjs';

async function scan(page, label, note) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (v) => `[${label}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
  );
  note(`axe ${label}: ${results.passes.length} rules passed, ${results.incomplete.length} need review, ${violations.length} violated`);
  return violations;
}

for (const lang of LANGS) {
  test(`axe (${lang}): notice + comparison + targets, embed dialog, ?embed=1: no WCAG 2.1 AA violations`, async ({ pages, note }) => {
    const found = [];
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await gotoReady(page, `?lang=${lang}&v=${FORMAT_VERSION}&budget=abc`);
    expect((await notices(page)).length, 'a notice is shown').toBe(1);
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
    found.push(...(await scan(page, `${lang} notice + comparison + targets`, note)));

    await page.click('#open-embed');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
    found.push(...(await scan(page, `${lang} embed dialog`, note)));

    const embed = await pages.open({ viewport: { width: 800, height: 600 } });
    await gotoReady(embed, `?embed=1&lang=${lang}`);
    found.push(...(await scan(embed, `${lang} ?embed=1`, note)));
    expect(found, `axe violations:\n${found.join('\n')}`).toHaveLength(0);
  });
}
