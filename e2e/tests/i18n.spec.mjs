// Each language besides English (Spanish: 1.234.567 · 56,3 % · 1.250.000 EUR; Portuguese:
// 1 234 567 · 56,3% · 1 250 000 EUR, with no-break spaces): labels, number formats, the
// live language switcher, <html lang>, and the browser's language.

import {
  BROWSER_LOCALE,
  countPattern,
  expect,
  formatCount,
  formatEur,
  gotoReady,
  headline,
  intervalNumbers,
  LANGS,
  ORACLE_TIMEOUT,
  shot,
  test,
} from '../fixtures.mjs';

/** Words each page shows (src/i18n/<lang>/texts.rs), and how it writes shares. */
const WORDS = {
  es: {
    name: 'Spanish',
    shown: ['Presupuesto', 'Bonos', 'Formación', 'Pilotos', 'Supuestos', 'Fijar'],
    budget: 'Presupuesto',
    exactVouchers: 'Bonos, valor exacto',
    title: 'Simulador',
    interval: 'En 9 de cada 10',
    // `percent(share, 1)`: decimal comma, a no-break space before %.
    share: /^\d{1,3},\d\u00a0%$/,
    // `percent · eur_compact`: "40 % · 500 k EUR", no-break spaces around the units.
    pilots: /^\d+\u00a0% · [\d.,]+(\u00a0k|\u00a0M)?\u00a0EUR$/,
  },
  pt: {
    name: 'Portuguese',
    shown: ['Orçamento', 'Vales', 'Formação', 'Projetos-piloto', 'Pressupostos', 'Fixar'],
    budget: 'Orçamento',
    exactVouchers: 'Vales, valor exato',
    title: 'Simulador',
    interval: 'Em 9 de cada 10',
    // Decimal comma, % right after the number.
    share: /^\d{1,3},\d%$/,
    // "40% · 500 mil EUR", no-break spaces before the unit and EUR.
    pilots: /^\d+% · [\d.,]+(\u00a0mil|\u00a0M)?\u00a0EUR$/,
  },
};

const OTHERS = LANGS.filter((l) => l !== 'en');

for (const lang of OTHERS) {
  const w = WORDS[lang];
  test(`${w.name} via ?lang=${lang}: labels, number formats, EUR after the number`, async ({ pages, oracle }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    await expect(page.locator('html'), '<html lang>').toHaveAttribute('lang', lang);
    await expect(page.locator('#language'), 'language select').toHaveValue(lang);
    const text = await page.innerText('body');
    for (const word of w.shown) {
      expect(text, `${w.name} page shows "${word}"`).toContain(word);
    }
    for (const english of ['Budget', 'Vouchers', 'Training', 'Assumptions', 'simulated futures']) {
      expect(text.includes(english), `no English "${english}" left on the ${w.name} page`).toBeFalsy();
    }
    const budget = formatEur(1_250_000, lang);
    expect(await page.textContent('output[for=budget]'), 'budget: grouped, EUR after').toEqual(budget);
    await expect(page.locator('#budget'), 'budget aria-valuetext').toHaveAttribute('aria-valuetext', budget);
    const status = await page.textContent('[data-testid=status]');
    expect(status, `status names ${formatCount(1000, lang)} runs: "${status}"`).toContain(formatCount(1000, lang));
    const share = await page.locator('.card').nth(2).locator('.figure').innerText();
    expect(share, `share with a decimal comma and the language's %: "${share}"`).toMatch(w.share);
    const pilots = await page.textContent('output[for=share-pilots]');
    expect(pilots, `share display "${pilots}"`).toMatch(w.pilots);
    // Counts in the chart's point labels and the table, grouped as the language groups
    // them (CLDR minimum grouping 2: 9538, but 12.345 / 12 345).
    const count = countPattern(lang);
    const label = await page.getAttribute('[data-testid=adoption-chart] circle.point:last-of-type', 'aria-label');
    expect(label, `point label writes counts as ${lang} does: "${label}"`).toMatch(new RegExp(`^2035: ${count} \\D`));
    // The table is drawn once opened.
    await page.click('details.data-table > summary');
    const cells = await page.$$eval('[data-testid=data-table] tbody td', (tds) => tds.map((td) => td.textContent));
    const counts = cells.filter((c) => /^−?\d[\d.,\u00a0]*$/.test(c));
    expect(counts.length, `the table has counts: ${cells.slice(0, 6).join(' | ')}`).toBeGreaterThan(10);
    const other = counts.filter((c) => !new RegExp(`^${count}$`).test(c));
    expect(other, `table counts not written as ${lang} writes them (of ${counts.slice(0, 6).join(' | ')} …)`).toEqual([]);
    const out = await oracle.runPreset('cantabria');
    expect(await headline(page), 'headline').toEqual(formatCount(out.summary.additional_adopters.mean, lang));
    const interval = await intervalNumbers(page);
    expect(interval.text.startsWith(w.interval), `interval in ${w.name}: "${interval.text}"`).toBeTruthy();
    await page.screenshot({ path: shot(lang === 'es' ? 'spanish' : `lang-${lang}`), fullPage: true });
  });

  test(`the language switcher changes the language live, with <html lang> (${lang})`, async ({ pages }) => {
    const page = await pages.open({ locale: 'en-GB' });
    await gotoReady(page);
    await expect(page.locator('html'), 'starts in English').toHaveAttribute('lang', 'en');
    const headlineEn = await headline(page);
    await page.selectOption('#language', lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(await page.textContent('label[for=budget]'), 'budget label').toEqual(w.budget);
    expect(await page.textContent('output[for=budget]'), 'budget display').toEqual(formatEur(1_250_000, lang));
    await expect(page.locator('#share-vouchers-exact'), 'box name').toHaveAttribute('aria-label', w.exactVouchers);
    expect((await page.title()).startsWith(w.title), `title in ${w.name}: ${await page.title()}`).toBeTruthy();
    expect(await headline(page), 'same result, no recomputation needed').toEqual(headlineEn);
    await expect(page.locator('[data-testid=status]'), 'status').toHaveAttribute('data-state', 'ready');
    await page.selectOption('#language', 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.textContent('label[for=budget]'), 'back to English').toEqual('Budget');
    expect(await page.textContent('output[for=budget]'), 'English budget display').toEqual(formatEur(1_250_000, 'en'));
  });

  test(`the browser language (${BROWSER_LOCALE[lang]}) picks ${w.name} when there is no ?lang`, async ({ pages }) => {
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await gotoReady(page);
    await expect(page.locator('html'), '<html lang> from navigator.language').toHaveAttribute('lang', lang);
    // ?lang wins over the browser's language.
    await gotoReady(page, '?lang=en');
    await expect(page.locator('html'), `?lang=en on a ${w.name} browser`).toHaveAttribute('lang', 'en');
  });
}
