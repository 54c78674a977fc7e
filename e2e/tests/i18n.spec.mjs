// Spanish: labels, number formats (1.234.567 · 56,3 % · 1.250.000 EUR), the live
// language switcher, and <html lang>.

import {
  expect,
  formatCount,
  gotoReady,
  headline,
  intervalNumbers,
  ORACLE_TIMEOUT,
  shot,
  test,
} from '../fixtures.mjs';

test('Spanish via ?lang=es: labels, number formats, EUR after the number', async ({ pages, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open();
  await gotoReady(page, '?lang=es');
  await expect(page.locator('html'), '<html lang>').toHaveAttribute('lang', 'es');
  await expect(page.locator('#language'), 'language select').toHaveValue('es');
  const text = await page.innerText('body');
  for (const word of ['Presupuesto', 'Bonos', 'Formación', 'Pilotos', 'Supuestos', 'Fijar']) {
    expect(text, `Spanish page shows "${word}"`).toContain(word);
  }
  for (const english of ['Budget', 'Vouchers', 'Training', 'Assumptions', 'simulated futures']) {
    expect(text.includes(english), `no English "${english}" left on the Spanish page`).toBeFalsy();
  }
  expect(await page.textContent('output[for=budget]'), 'budget: dots, EUR after').toEqual('1.250.000 EUR');
  await expect(page.locator('#budget'), 'budget aria-valuetext').toHaveAttribute('aria-valuetext', '1.250.000 EUR');
  const status = await page.textContent('[data-testid=status]');
  expect(status, `status names 1.000 runs: "${status}"`).toContain(formatCount(1000, 'es'));
  const share = await page.locator('.card').nth(2).locator('.figure').innerText();
  expect(share, `share with a decimal comma and a spaced %: "${share}"`).toMatch(/^\d{1,3},\d %$/);
  const pilots = await page.textContent('output[for=share-pilots]');
  expect(pilots, `share display "${pilots}"`).toMatch(/^\d+ % · [\d.,]+ (k |M )?EUR$/);
  // Numbers of thousands in the chart's point labels and the table.
  const label = await page.getAttribute('[data-testid=adoption-chart] circle.point:last-of-type', 'aria-label');
  expect(label, `point label uses dot thousands: "${label}"`).toMatch(/^2035: \d{1,2}\.\d{3} /);
  const cells = await page.$$eval('[data-testid=data-table] tbody td', (tds) => tds.map((td) => td.textContent));
  expect(cells.some((c) => /^\d{1,3}\.\d{3}$/.test(c)) && !cells.some((c) => /\d,\d{3}\b/.test(c)), `table cells use dots: ${cells.slice(0, 4).join(' | ')}`).toBeTruthy();
  const out = await oracle.runPreset('cantabria');
  expect(await headline(page), 'headline').toEqual(formatCount(out.summary.additional_adopters.mean, 'es'));
  const interval = await intervalNumbers(page);
  expect(interval.text.startsWith('En 9 de cada 10'), `interval in Spanish: "${interval.text}"`).toBeTruthy();
  await page.screenshot({ path: shot('spanish'), fullPage: true });
});

test('the language switcher changes the language live, with <html lang>', async ({ pages }) => {
  const page = await pages.open({ locale: 'en-GB' });
  await gotoReady(page);
  await expect(page.locator('html'), 'starts in English').toHaveAttribute('lang', 'en');
  const headlineEn = await headline(page);
  await page.selectOption('#language', 'es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await page.textContent('label[for=budget]'), 'budget label').toEqual('Presupuesto');
  expect(await page.textContent('output[for=budget]'), 'budget display').toEqual('1.250.000 EUR');
  await expect(page.locator('#share-vouchers-exact'), 'box name').toHaveAttribute('aria-label', 'Bonos, valor exacto');
  expect((await page.title()).startsWith('Simulador'), `title in Spanish: ${await page.title()}`).toBeTruthy();
  expect(await headline(page), 'same result, no recomputation needed').toEqual(headlineEn);
  await expect(page.locator('[data-testid=status]'), 'status').toHaveAttribute('data-state', 'ready');
  await page.selectOption('#language', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.textContent('label[for=budget]'), 'back to English').toEqual('Budget');
  expect(await page.textContent('output[for=budget]'), 'English budget display').toEqual('EUR 1,250,000');
});

test('the browser language picks Spanish when there is no ?lang', async ({ pages }) => {
  const page = await pages.open({ locale: 'es-ES' });
  await gotoReady(page);
  await expect(page.locator('html'), '<html lang> from navigator.language').toHaveAttribute('lang', 'es');
  // ?lang wins over the browser's language.
  await gotoReady(page, '?lang=en');
  await expect(page.locator('html'), '?lang=en on a Spanish browser').toHaveAttribute('lang', 'en');
});
