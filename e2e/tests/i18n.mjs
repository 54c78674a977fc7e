// Spanish: labels, number formats (1.234.567 · 56,3 % · 1.250.000 EUR), the live
// language switcher, and <html lang>.

import { assert, assertEqual, cliRunPreset, formatCount, gotoReady, headline, intervalNumbers, shot, test } from '../lib.mjs';

test('Spanish via ?lang=es: labels, number formats, EUR after the number', async (t) => {
  const page = await t.page();
  await gotoReady(page, '?lang=es');
  assertEqual(await page.getAttribute('html', 'lang'), 'es', '<html lang>');
  assertEqual(await page.inputValue('#language'), 'es', 'language select');
  const text = await page.innerText('body');
  for (const word of ['Presupuesto', 'Bonos', 'Formación', 'Pilotos', 'Supuestos', 'Fijar']) {
    assert(text.includes(word), `Spanish page shows "${word}"`);
  }
  for (const english of ['Budget', 'Vouchers', 'Training', 'Assumptions', 'simulated futures']) {
    assert(!text.includes(english), `no English "${english}" left on the Spanish page`);
  }
  assertEqual(await page.textContent('output[for=budget]'), '1.250.000 EUR', 'budget: dots, EUR after');
  assertEqual(await page.getAttribute('#budget', 'aria-valuetext'), '1.250.000 EUR', 'budget aria-valuetext');
  const status = await page.textContent('[data-testid=status]');
  assert(status.includes('1.000'), `status names 1.000 runs: "${status}"`);
  const share = await page.locator('.card').nth(2).locator('.figure').innerText();
  assert(/^\d{1,3},\d %$/.test(share), `share with a decimal comma and a spaced %: "${share}"`);
  const pilots = await page.textContent('output[for=share-pilots]');
  assert(/^\d+ % · [\d.,]+ (k |M )?EUR$/.test(pilots), `share display "${pilots}"`);
  // Numbers of thousands in the chart's point labels and the table.
  const label = await page.getAttribute('[data-testid=adoption-chart] circle.point:last-of-type', 'aria-label');
  assert(/^2035: \d{1,2}\.\d{3} /.test(label), `point label uses dot thousands: "${label}"`);
  const cells = await page.$$eval('[data-testid=data-table] tbody td', (tds) => tds.map((td) => td.textContent));
  assert(cells.some((c) => /^\d{1,3}\.\d{3}$/.test(c)) && !cells.some((c) => /\d,\d{3}\b/.test(c)), `table cells use dots: ${cells.slice(0, 4).join(' | ')}`);
  const out = await cliRunPreset('cantabria');
  assertEqual(await headline(page), formatCount(out.summary.additional_adopters.mean, 'es'), 'headline');
  const interval = await intervalNumbers(page);
  assert(interval.text.startsWith('En 9 de cada 10'), `interval in Spanish: "${interval.text}"`);
  await page.screenshot({ path: shot('spanish'), fullPage: true });
}, { timeout: 15 * 60_000 });

test('the language switcher changes the language live, with <html lang>', async (t) => {
  const page = await t.page({ locale: 'en-GB' });
  await gotoReady(page);
  assertEqual(await page.getAttribute('html', 'lang'), 'en', 'starts in English');
  const headlineEn = await headline(page);
  await page.selectOption('#language', 'es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assertEqual(await page.textContent('label[for=budget]'), 'Presupuesto', 'budget label');
  assertEqual(await page.textContent('output[for=budget]'), '1.250.000 EUR', 'budget display');
  assertEqual(await page.getAttribute('#share-vouchers-exact', 'aria-label'), 'Bonos, valor exacto', 'box name');
  assert((await page.title()).startsWith('Simulador'), `title in Spanish: ${await page.title()}`);
  assertEqual(await headline(page), headlineEn, 'same result, no recomputation needed');
  assertEqual(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready', 'status');
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assertEqual(await page.textContent('label[for=budget]'), 'Budget', 'back to English');
  assertEqual(await page.textContent('output[for=budget]'), 'EUR 1,250,000', 'English budget display');
});

test('the browser language picks Spanish when there is no ?lang', async (t) => {
  const page = await t.page({ locale: 'es-ES' });
  await gotoReady(page);
  assertEqual(await page.getAttribute('html', 'lang'), 'es', '<html lang> from navigator.language');
  // ?lang wins over the browser's language.
  await gotoReady(page, '?lang=en');
  assertEqual(await page.getAttribute('html', 'lang'), 'en', '?lang=en on a Spanish browser');
});
