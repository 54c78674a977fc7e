// Layout: a 360 px phone and a 1280 px desktop without horizontal scrolling, every control
// on screen and usable; and the print stylesheet. Screenshots go to e2e/screenshots/.

import { expect, fresh, gotoReady, headline, shot, test } from '../fixtures.mjs';

/** Problems with controls: off-screen horizontally, covered, or too small to use. */
function controlProblems(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    // Rendered controls only (closed <details> content has boxes but is not rendered).
    const controls = [...document.querySelectorAll('input, select, summary, [tabindex="0"]')]
      .filter((e) => e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }));
    for (const e of controls) {
      const name = e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30) || e.tagName;
      e.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = e.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${name}: spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${width}`);
      // Chart points are small by design (r = 4); their spacing is checked separately.
      const minWidth = e.type === 'range' ? 100 : 12;
      if (!e.matches('circle.point') && (r.width < minWidth || r.height < 12)) {
        problems.push(`${name}: only ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
      }
      const x = Math.min(Math.max(r.left + r.width / 2, 0), width - 1);
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      const ok = hit && (hit === e || e.contains(hit) || (hit.tagName === 'LABEL' && hit.control === e) || hit.closest('label')?.control === e);
      if (!ok) problems.push(`${name}: covered by ${hit?.tagName}${hit?.id ? `#${hit.id}` : ''}.${hit?.className?.baseVal ?? hit?.className}`);
    }
    window.scrollTo(0, 0);
    return { count: controls.length, problems };
  });
}

function overflow(page) {
  return page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5 && !e.closest('.table-scroll');
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className?.baseVal ?? e.className} right=${e.getBoundingClientRect().right.toFixed(0)}`),
  }));
}

test('phone 360×740: no horizontal scroll, chart fits, controls usable', async ({ pages, note }) => {
  const page = await pages.open({ viewport: { width: 360, height: 740 } });
  await gotoReady(page);
  await page.screenshot({ path: shot('phone-360-top') });
  const o = await overflow(page);
  expect(o.doc <= 360 && o.body <= 360, `page scrolls sideways: scrollWidth ${o.doc}/${o.body}; ${o.wide.join(', ')}`).toBeTruthy();

  const chart = await page.$eval('[data-testid=adoption-chart]', (svg) => {
    const r = svg.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width, height: r.height };
  });
  expect(chart.left >= 0 && chart.right <= 360, `chart spans ${chart.left}–${chart.right}`).toBeTruthy();
  expect(chart.width >= 280 && chart.height >= 150, `chart is ${chart.width}×${chart.height}`).toBeTruthy();
  note(`phone chart ${chart.width.toFixed(0)}×${chart.height.toFixed(0)} px at x=${chart.left.toFixed(0)}`);
  // WCAG 2.5.8 (target size): an undersized target passes if a 24 px circle on it does not
  // overlap its neighbours' — i.e. point centres at least 24 px apart.
  const gaps = await page.$$eval('[data-testid=adoption-chart] circle.point', (cs) => {
    const xs = cs.map((c) => { const r = c.getBoundingClientRect(); return r.left + r.width / 2; });
    return xs.slice(1).map((x, i) => x - xs[i]);
  });
  expect(Math.min(...gaps), `chart points ${Math.min(...gaps).toFixed(1)} px apart on a phone (< 24 px)`).toBeGreaterThanOrEqual(24);

  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const controls = await controlProblems(page);
  expect(controls.problems, `controls on the phone:\n${controls.problems.join('\n')}`).toHaveLength(0);
  note(`${controls.count} controls on screen, uncovered and big enough`);
  const o2 = await overflow(page);
  expect(o2.doc, `with panels open the page scrolls sideways: ${o2.doc}; ${o2.wide.join(', ')}`).toBeLessThanOrEqual(360);
  // The table may scroll inside its own box, never the page.
  const table = await page.$eval('.table-scroll', (e) => ({ client: e.clientWidth, scroll: e.scrollWidth }));
  note(`table box ${table.client} px wide, content ${table.scroll} px`);
  await page.screenshot({ path: shot('phone-360-full'), fullPage: true });
  // The same in parts a person (or a 1,500 px image viewer) can read.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, n = 1; y < height; y += 1480, n += 1) {
    const clip = { x: 0, y, width: 360, height: Math.min(1480, height - y) };
    await page.screenshot({ path: shot(`phone-360-part${n}`), fullPage: true, clip });
  }

  // Usable by touch-sized pointer: drag the budget slider to about three quarters.
  const slider = await page.$('#budget');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const before = await headline(page);
  await fresh(page, async () => {
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  });
  const budget = Number(await page.inputValue('#budget'));
  expect(budget > 3_000_000 && budget < 4_500_000, `a click at 3/4 of the slider sets about EUR 3.75 M (got ${budget})`).toBeTruthy();
  expect(await headline(page), 'the headline follows').not.toBe(before);
  // Pointing into the last year's column shows its tooltip, inside the screen.
  const column = await page.$('[data-testid=adoption-chart] rect.hover:last-of-type');
  await column.scrollIntoViewIfNeeded();
  const c = await column.boundingBox();
  await page.mouse.move(c.x + c.width / 4, c.y + 10);
  await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
  const tip = await page.$eval('[data-testid=adoption-chart] .tooltip rect', (r) => {
    const b = r.getBoundingClientRect();
    return { left: b.left, right: b.right };
  });
  expect(tip.left >= 0 && tip.right <= 360, `tooltip inside the screen: ${tip.left.toFixed(0)}–${tip.right.toFixed(0)}`).toBeTruthy();
  await page.screenshot({ path: shot('phone-360-tooltip') });
});

test('desktop 1280: two columns, no horizontal scroll, chart fills its column', async ({ pages }) => {
  const page = await pages.open({ viewport: { width: 1280, height: 900 } });
  await gotoReady(page);
  const o = await overflow(page);
  expect(o.doc, `page scrolls sideways at 1280: ${o.doc}; ${o.wide.join(', ')}`).toBeLessThanOrEqual(1280);
  const boxes = await page.evaluate(() => {
    const r = (s) => document.querySelector(s).getBoundingClientRect().toJSON();
    return { controls: r('.controls'), results: r('.results'), chart: r('[data-testid=adoption-chart]') };
  });
  expect(boxes.controls.right, `controls beside results (${boxes.controls.right} <= ${boxes.results.left})`).toBeLessThanOrEqual(boxes.results.left);
  expect(Math.abs(boxes.controls.top - boxes.results.top), 'both columns start at the top').toBeLessThan(40);
  expect(boxes.chart.right <= boxes.results.right + 1 && boxes.chart.width >= boxes.results.width - 2,
    `chart fills the results column (${boxes.chart.width} of ${boxes.results.width})`).toBeTruthy();
  const controls = await controlProblems(page);
  expect(controls.problems, `controls on desktop:\n${controls.problems.join('\n')}`).toHaveLength(0);
  await page.screenshot({ path: shot('desktop-1280'), fullPage: true });
  await page.focus('[data-testid=adoption-chart] circle.point:nth-of-type(6)');
  await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
  await page.locator('.results').screenshot({ path: shot('desktop-1280-tooltip') });
});

test('print: controls hidden, headline and chart shown', async ({ pages, note }) => {
  const page = await pages.open({ viewport: { width: 1000, height: 1400 } });
  await gotoReady(page);
  await page.emulateMedia({ media: 'print' });
  const anyVisible = (selector) => page.$$eval(selector, (es) => es.some((e) => e.checkVisibility()));
  for (const hidden of ['input[type=range]', 'input[type=checkbox]', 'select', '.view-switch', '[data-testid=compute-ms]']) {
    expect(await anyVisible(hidden), `${hidden} should be hidden in print`).toBeFalsy();
  }
  for (const shown of ['h1', '[data-testid=adoption-chart]', '[data-testid=additional-adopters]', '.legend']) {
    expect(await anyVisible(shown), `${shown} should be printed`).toBeTruthy();
  }
  // The printout says what was simulated and what it achieves, in words.
  const text = await page.evaluate(() => document.body.innerText);
  expect(text, 'the printout states the budget').toContain('EUR 1,250,000');
  expect(text, 'the printout states the headline').toContain(await headline(page));
  const chart = await page.$eval('[data-testid=adoption-chart]', (e) => e.getBoundingClientRect().toJSON());
  expect(chart.width > 300 && chart.right <= 1000, `chart in the print layout: ${chart.width} px`).toBeTruthy();
  // One column: the results take the layout's whole width.
  const widths = await page.evaluate(() => ({
    layout: document.querySelector('.layout').getBoundingClientRect().width,
    results: document.querySelector('.results').getBoundingClientRect().width,
  }));
  expect(widths.results >= widths.layout - 1, `print results span the page (${widths.results} of ${widths.layout} px)`).toBeTruthy();
  await page.screenshot({ path: shot('print'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pdf.length, 'a PDF prints').toBeGreaterThan(5_000);
  note(`print PDF ${Math.round(pdf.length / 1024)} KB, ${pdfPages || '?'} A4 page(s)`);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#budget'), 'screen media again shows the slider').toBeVisible();
});

test('chart text stays inside the chart at 360, 768 and 1280 px', async ({ pages }) => {
  const clipped = [];
  for (const width of [360, 768, 1280]) {
    const page = await pages.open({ viewport: { width, height: 900 } });
    await gotoReady(page);
    for (const view of ['#view-adopters', '#view-additional']) {
      await page.check(view);
      const out = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid=adoption-chart]');
        const w = svg.width.baseVal.value;
        const h = svg.height.baseVal.value;
        return [...svg.querySelectorAll('text')]
          .filter((e) => !e.closest('.tooltip'))
          .map((e) => ({ text: e.textContent, box: e.getBBox() }))
          .filter(({ box }) => box.x < -0.5 || box.y < -0.5 || box.x + box.width > w + 0.5 || box.y + box.height > h + 0.5)
          .map(({ text, box }) => `"${text}" spans x ${box.x.toFixed(1)}–${(box.x + box.width).toFixed(1)} of ${w}`);
      });
      clipped.push(...out.map((line) => `${width} px ${view.slice(6)}: ${line}`));
    }
  }
  expect(clipped, `chart labels cut off at the chart's edge:\n${clipped.join('\n')}`).toHaveLength(0);
});

// The embed's headline cards at 360 px: three fixed columns ran off the screen where the
// cost figure is widest (Portuguese and Spanish, "22 704 EUR").
for (const lang of ['en', 'es', 'pt']) {
  test(`embed at 360 px (${lang}): no horizontal scroll, every headline card inside the screen`, async ({ pages }) => {
    const page = await pages.open({ viewport: { width: 360, height: 740 } });
    await gotoReady(page, `?embed=1&lang=${lang}`);
    const o = await overflow(page);
    expect(o.doc <= 360 && o.body <= 360, `the embed scrolls sideways: scrollWidth ${o.doc}/${o.body}; ${o.wide.join(', ')}`).toBeTruthy();
    const cards = await page.$$eval('.headline .card', (cs) => cs.filter((c) => c.getBoundingClientRect().width > 0).map((c) => [c.getBoundingClientRect().right, c.scrollWidth - c.clientWidth]));
    expect(cards.length, 'the embed shows its three cards').toEqual(3);
    for (const [right, spill] of cards) expect(right <= 360 && spill <= 0, `a card ends at ${right} px, its content spills ${spill} px`).toBeTruthy();
  });
}
