// The printable brief (issue #4): in print media the page is a one-page A4 brief with the
// scenario's name, its plan and assumptions, the headline, the summary, the chart, the
// link that reproduces it and the model version; no controls. Screenshots:
// print-brief-<lang> for each language.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FORMAT_VERSION,
  expect,
  formatEur,
  fresh,
  gotoReady,
  headline,
  LANGS,
  ROOT,
  search,
  shot,
  test,
} from '../fixtures.mjs';

const MODEL_VERSION = readFileSync(join(ROOT, 'crates/model/Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

const WORDS = {
  en: {
    name: 'Cantabria: LIA upgrade',
    plan: 'EUR 1,250,000 over 2026–2028; split 40 / 20 / 40',
    assumptions: 'Assumptions',
    firstAssumption: ['Voucher value (EUR)', 'EUR 9,000'],
    link: 'Link: ',
    made: `Made with the adoption model ${MODEL_VERSION} on `,
  },
  es: {
    name: 'Cantabria: LIA upgrade',
    plan: '1.250.000\u00a0EUR en 2026–2028; reparto 40 / 20 / 40',
    assumptions: 'Supuestos',
    firstAssumption: ['Importe del bono (EUR)', formatEur(9000, 'es')],
    link: 'Enlace: ',
    made: `Elaborado con el modelo de adopción ${MODEL_VERSION} el `,
  },
  // src/i18n/pt: texts.rs (brief_plan, assumption_labels, brief_link, brief_made), data.rs.
  pt: {
    name: 'Cantábria: LIA upgrade',
    plan: `${formatEur(1_250_000, 'pt')} em 2026–2028; repartição 40 / 20 / 40`,
    assumptions: 'Pressupostos',
    firstAssumption: ['Valor do vale (EUR)', formatEur(9000, 'pt')],
    link: 'Ligação: ',
    made: `Elaborado com o modelo de adoção ${MODEL_VERSION} em `,
  },
};

/** Pages in a PDF, from its page tree. */
function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g), ...text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)]
    .map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : (text.match(/\/Type\s*\/Page[^s]/g) || []).length;
}

for (const lang of LANGS) {
  const w = WORDS[lang];
  test(`printable brief (${lang}): one A4 page with name, plan, assumptions, headline, chart, link and model version; no controls`, async ({ pages, note }) => {
    const page = await pages.open({ viewport: { width: 1000, height: 1400 } });
    await gotoReady(page, `?lang=${lang}`);
    // A second target, so the brief carries more than the preset's one.
    await fresh(page, () => page.click('#add-eu-goal'));
    // The pointer off the chart: no tooltip (see the end of the test for one).
    await page.mouse.move(0, 0);
    await expect(page.locator('[data-testid=adoption-chart] .tooltip')).toHaveCount(0);
    const headlineText = await page.textContent('[data-testid=additional-adopters]');
    await page.emulateMedia({ media: 'print' });

    // checkVisibility() alone says an SVG <g> with display: none is visible (Chromium), so
    // the element and its ancestors are also asked for their computed display.
    const visible = (selector) => page.$$eval(selector, (es) => es.some((e) => {
      for (let n = e; n instanceof Element; n = n.parentElement) {
        if (getComputedStyle(n).display === 'none') return false;
      }
      return e.checkVisibility();
    }));
    for (const hidden of ['.controls', '.tools', '.page-header', '.page-footer', '.notices', 'input', 'select', 'button', 'textarea', '.view-switch', '.status']) {
      expect(await visible(hidden), `${hidden} is hidden in print`).toBeFalsy();
    }
    for (const shown of ['.brief', '[data-testid=additional-adopters]', '[data-testid=summary]', '[data-testid=adoption-chart]', '.headline ul.targets']) {
      expect(await visible(shown), `${shown} is printed`).toBeTruthy();
    }
    expect(await page.textContent('.brief h1'), 'the scenario\'s name heads the brief').toEqual(w.name);
    expect(await page.innerText('.brief'), `the plan in words: ${await page.innerText('.brief')}`).toContain(w.plan);
    const assumptions = await page.$$eval('.brief-assumptions dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
    expect(assumptions.length, 'the main assumptions listed').toEqual(8);
    expect(assumptions[0], 'first assumption and its value').toEqual(w.firstAssumption);
    expect(await page.$$eval('.brief h2', (hs, word) => hs.some((h) => h.textContent === word), w.assumptions), 'assumptions heading').toBeTruthy();

    await search(page); // the address has caught up with the page
    const link = await page.innerText('.brief-link');
    const href = await page.evaluate(() => location.href);
    expect(link, 'the brief prints the page\'s link').toEqual(`${w.link}${href}`);
    expect(new URL(href).searchParams.get('v'), `the link is a v=${FORMAT_VERSION} link: ${href}`).toBe(FORMAT_VERSION);
    const made = await page.innerText('.brief .detail');
    expect(made.startsWith(w.made) && /\d{4}-\d{2}-\d{2}\.$/.test(made), `model version and date: "${made}"`).toBeTruthy();
    expect(await page.innerText('body'), 'the headline figure is printed').toContain(headlineText);

    // The brief comes first; the chart fits the page's width.
    const order = await page.evaluate(() => {
      const top = (s) => document.querySelector(s).getBoundingClientRect().top;
      return { brief: top('.brief'), headline: top('.headline'), chart: top('[data-testid=adoption-chart]') };
    });
    expect(order.brief < order.headline && order.headline < order.chart, `brief, headline, chart in that order: ${JSON.stringify(order)}`).toBeTruthy();

    await page.screenshot({ path: shot(`print-brief-${lang}`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf), 'A4 pages in the PDF').toEqual(1);
    note(`PDF ${Math.round(pdf.length / 1024)} KB, 1 page`);

    // Printing while a chart point shows its tooltip (pointer on the chart, or a point
    // focused by keyboard, then Ctrl+P): the brief's chart comes without it, as the SVG
    // export does.
    await page.emulateMedia({ media: 'screen' });
    await page.focus('[data-testid=adoption-chart] circle.point:nth-of-type(4)');
    await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    if (await visible('[data-testid=adoption-chart] .tooltip')) {
      await page.screenshot({ path: shot(`print-brief-${lang}-tooltip`), fullPage: true });
      throw new Error(`the chart's tooltip is printed over the chart (screenshot print-brief-${lang}-tooltip)`);
    }
  });
}
