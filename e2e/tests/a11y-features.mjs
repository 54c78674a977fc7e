// axe-core (WCAG 2.0 A/AA, 2.1 AA) on the views issue #4 added, in English and Spanish:
// a notice shown with the comparison open (and the targets editor), the embed dialog
// open, and the embedded widget (?embed=1).

import { AxeBuilder } from '@axe-core/playwright';
import { assert, gotoReady, notices, test, typeValue } from '../lib.mjs';

async function scan(page, label, t) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (v) => `[${label}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
  );
  t.note(`axe ${label}: ${results.passes.length} rules passed, ${results.incomplete.length} need review, ${violations.length} violated`);
  return violations;
}

for (const lang of ['en', 'es']) {
  test(`axe (${lang}): notice + comparison + targets, embed dialog, ?embed=1: no WCAG 2.1 AA violations`, async (t) => {
    const found = [];
    const page = await t.page({ locale: lang === 'es' ? 'es-ES' : 'en-GB' });
    await gotoReady(page, `?lang=${lang}&v=1&budget=abc`);
    assert((await notices(page)).length === 1, 'a notice is shown');
    await page.click('#save-button');
    await typeValue(page, '#budget-exact', '2000000');
    await page.click('#save-button');
    await page.waitForFunction(() => document.querySelectorAll('.saved-list li.saved').length === 2);
    for (const i of [0, 1]) {
      await page.check(`#compare-${i}`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=compare] tbody tr').length === n && !document.querySelector('[data-testid=compare] .pending'), i + 2);
    }
    await page.waitForSelector('[data-testid=compare] path.series');
    await page.click('#add-target');
    await page.waitForSelector('[data-testid=status][data-state=ready] [data-testid=compute-ms]');
    found.push(...(await scan(page, `${lang} notice + comparison + targets`, t)));

    await page.click('#open-embed');
    await page.waitForFunction(() => document.querySelector('dialog.embed-dialog').open);
    found.push(...(await scan(page, `${lang} embed dialog`, t)));

    const embed = await t.page({ viewport: { width: 800, height: 600 } });
    await gotoReady(embed, `?embed=1&lang=${lang}`);
    found.push(...(await scan(embed, `${lang} ?embed=1`, t)));
    assert(found.length === 0, `axe violations:\n${found.join('\n')}`);
  });
}
