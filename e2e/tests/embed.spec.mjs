// Embedding (issue #4): `?embed=1` is a compact widget that fits an 800×600 frame with
// controls, headline and chart and no site header or footer; `&ro=1` drops the controls;
// in an iframe it tells its host page its height; the Embed dialog gives the snippet and
// works by keyboard. Screenshots: embed-800x600-<lang> for each language.

import {
  FORMAT_VERSION,
  assertPrivate,
  expect,
  gotoReady,
  headline,
  LANGS,
  search,
  shot,
  tabTo,
  test,
} from '../fixtures.mjs';

const OPEN_FULL = { en: 'Open the full simulator', es: 'Abrir el simulador completo', pt: 'Abrir o simulador completo' };

function layout(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const has = (s) => document.querySelector(s) !== null;
    return {
      scrollHeight: d.scrollHeight,
      scrollWidth: d.scrollWidth,
      controls: has('.controls'),
      sliders: document.querySelectorAll('.controls input[type=range]').length,
      textboxes: document.querySelectorAll('input[type=text], textarea').length,
      chart: has('[data-testid=adoption-chart]'),
      headline: has('[data-testid=additional-adopters]'),
      header: has('.page-header'),
      footer: has('.page-footer'),
      tools: has('.tools'),
      offscreen: [...document.querySelectorAll('.controls input, [data-testid=additional-adopters], [data-testid=adoption-chart], .embed-footer a')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5; })
        .map((e) => e.id || e.className?.baseVal || e.className || e.tagName),
    };
  });
}

for (const lang of LANGS) {
  test(`embed (${lang}): ?embed=1 fits 800×600 without scrollbars: controls, headline, chart, no site chrome`, async ({ pages, site }) => {
    const page = await pages.open({ viewport: { width: 800, height: 600 } });
    await gotoReady(page, `?embed=1&lang=${lang}`);
    const l = await layout(page);
    expect(l.scrollHeight <= 600 && l.scrollWidth <= 800, `no scrollbars: content ${l.scrollWidth}×${l.scrollHeight}`).toBeTruthy();
    expect(l.controls && l.sliders >= 4, `controls shown (${l.sliders} sliders)`).toBeTruthy();
    expect(l.chart && l.headline, 'chart and headline shown').toBeTruthy();
    expect(!l.header && !l.footer && !l.tools, `no site header, footer or tools: ${JSON.stringify(l)}`).toBeTruthy();
    expect(l.offscreen, 'everything inside the frame').toEqual([]);
    await page.screenshot({ path: shot(`embed-800x600-${lang}`) });
    // The way out: the full simulator, same scenario and language, in a new tab.
    const a = page.locator('.embed-footer a');
    expect(await a.textContent(), 'link text').toEqual(OPEN_FULL[lang]);
    const href = new URL(await a.getAttribute('href'));
    expect(href.searchParams.get('embed'), 'the full simulator is not embedded').toEqual(null);
    expect(href.searchParams.get('lang'), 'same language').toEqual(lang);
    expect(href.search.replace(/&lang=\w+$/, ''), 'same scenario').toEqual((await search(page)).replace(/&lang=\w+&embed=1$/, ''));
    expect([await a.getAttribute('target'), await a.getAttribute('rel')], 'opens a new tab safely').toEqual(['_blank', 'noopener']);
  });
}

test('embed read-only: ?embed=1&ro=1 shows results without controls', async ({ pages, site }) => {
  const page = await pages.open({ viewport: { width: 800, height: 600 } });
  await gotoReady(page, '?embed=1&ro=1');
  const l = await layout(page);
  expect(!l.controls && l.sliders === 0 && l.textboxes === 0, `no controls: ${JSON.stringify(l)}`).toBeTruthy();
  expect(l.chart && l.headline, 'chart and headline shown').toBeTruthy();
  expect(l.scrollHeight <= 600 && l.scrollWidth <= 800, `fits: ${l.scrollWidth}×${l.scrollHeight}`).toBeTruthy();
  expect(!l.header && !l.footer && !l.tools, 'no site chrome').toBeTruthy();
});

test('embedded in a host page (cross-origin and under a sub-path): the host gets height messages', async ({ pages, note, site, subPath }) => {
  const cross = `${site.url}?embed=1&lang=es`;
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>
<h1>A host page</h1>
<iframe id="cross" src="${cross}" title="Simulator (other origin)" width="800" height="600" style="border:0"></iframe>
<iframe id="same" src="/sub/dir/?embed=1" title="Simulator (sub-path)" width="800" height="600" style="border:0"></iframe>
<script>
  window.messages = [];
  addEventListener('message', (e) => {
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
    window.messages.push({ origin: e.origin, frame: frame && frame.id, data: e.data });
  });
</script></body></html>`;
  const server = await subPath('sub/dir', { 'host.html': host });
  const page = await pages.open({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${server.url}host.html`);
  const hostOrigin = new URL(server.url).origin;
  const frames = { cross: page.frame({ url: (u) => u.origin === site.origin }), same: page.frame({ url: (u) => u.pathname.startsWith('/sub/dir/') }) };
  for (const [name, frame] of Object.entries(frames)) {
    expect(frame, `the ${name} frame`).toBeTruthy();
    await expect(frame.locator('[data-testid=status][data-state=ready] [data-testid=compute-ms]')).toBeVisible();
    expect(await frame.$('.embed-footer'), `${name}: the frame is in embed mode`).toBeTruthy();
  }
  const heights = (id) => page.evaluate((f) => window.messages.filter((m) => m.frame === f), id);
  await page.waitForFunction(() => ['cross', 'same'].every((f) => window.messages.some((m) => m.frame === f)));
  for (const [name, frame] of Object.entries(frames)) {
    const got = await heights(name);
    const origin = name === 'cross' ? site.origin : hostOrigin;
    for (const m of got) {
      expect(Object.keys(m.data).sort(), `${name}: message fields`).toEqual(['height', 'type']);
      expect(m.data.type, `${name}: message type`).toEqual('adoption-widget:height');
      expect(Number.isFinite(m.data.height) && m.data.height > 100, `${name}: height ${m.data.height}`).toBeTruthy();
      expect(m.origin, `${name}: message origin`).toEqual(origin);
    }
    // The content's height (the root box), which a host can follow both ways.
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const now = await content();
    await page.waitForFunction(([f, h]) => window.messages.filter((m) => m.frame === f).at(-1)?.data.height === h, [name, now]);
    note(`${name}: ${got.length} message(s), height ${now}`);
  }
  // The host narrows the frame: the widget grows taller and says so.
  const before = (await heights('same')).at(-1).data.height;
  await page.$eval('#same', (f) => { f.width = '360'; });
  await page.waitForFunction((h) => (window.messages.filter((m) => m.frame === 'same').at(-1)?.data.height ?? 0) > h, before);
  const after = (await heights('same')).at(-1).data.height;
  expect(after, 'the new height is the frame\'s content height').toEqual(await frames.same.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
  note(`narrowed to 360 px: height ${before} → ${after}`);

  expect(await frames.cross.getAttribute('html', 'lang'), 'the cross-origin frame speaks Spanish').toEqual('es');
  await assertPrivate(pages, page, [hostOrigin, site.origin]);
});

test('a host that sizes the frame by the height messages can shrink it again', async ({ pages, note, subPath }) => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>
<iframe id="w" src="/sub/dir/?embed=1" title="Simulator" width="800" height="600" style="border:0"></iframe>
<script>
  // As a host would: the frame takes the height the widget reports.
  window.reported = [];
  addEventListener('message', (e) => {
    if (e.data && e.data.type === 'adoption-widget:height') {
      window.reported.push(e.data.height);
      document.querySelector('#w').height = String(e.data.height);
    }
  });
</script></body></html>`;
  const server = await subPath('sub/dir', { 'host.html': host });
  const page = await pages.open({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${server.url}host.html`);
  const frame = page.frame({ url: (u) => u.pathname.startsWith('/sub/dir/') });
  await expect(frame.locator('[data-testid=status][data-state=ready] [data-testid=compute-ms]')).toBeVisible();
  const content = () => frame.evaluate(() => Math.ceil(document.querySelector('.app').getBoundingClientRect().bottom));
  const height = () => page.$eval('#w', (f) => Number(f.height));
  await page.waitForFunction(() => window.reported.length > 0);
  const wide = await content();
  // Narrow: the widget stacks its columns and the frame grows with it.
  await page.$eval('#w', (f) => { f.width = '360'; });
  await page.waitForFunction((h) => Number(document.querySelector('#w').height) > h + 100, wide);
  const narrow = await height();
  // Wide again: the content is as short as before, and the frame should follow.
  await page.$eval('#w', (f) => { f.width = '800'; });
  await frame.waitForFunction((h) => Math.ceil(document.querySelector('.app').getBoundingClientRect().bottom) <= h + 2, wide);
  await page.waitForFunction((h) => Number(document.querySelector('#w').height) <= h + 40, await content(), { timeout: 3_000 }).catch(async () => {
    const last = await page.evaluate(() => window.reported.at(-1));
    throw new Error(`the frame never shrinks back: at 800 px the widget's content is ${await content()} px tall, but after growing to ${narrow} px (at 360 px) it still reports ${last} px (document.documentElement.scrollHeight is never less than the frame's own height)`);
  });
  note(`frame height: ${wide} → ${narrow} → ${await height()} px`);
});

const DIALOG = {
  en: {
    heading: 'Embed this simulator in a web page',
    labels: ['Language', 'Results only (no controls)', 'Code to paste into your page'],
    buttons: ['Copy', 'Close'],
    title: 'SME digitalisation policy simulator',
  },
  es: {
    heading: 'Insertar este simulador en una página web',
    labels: ['Idioma', 'Solo resultados (sin controles)', 'Código para pegar en su página'],
    buttons: ['Copiar', 'Cerrar'],
    title: 'Simulador de políticas de digitalización de pymes',
  },
  pt: {
    heading: 'Incorporar este simulador numa página web',
    labels: ['Idioma', 'Só os resultados (sem controlos)', 'Código para colar na sua página'],
    buttons: ['Copiar', 'Fechar'],
    title: 'Simulador de políticas de digitalização das PME',
  },
};

/** The snippet's iframe, as a browser reads it. */
// The snippet is read as XML: parsed as HTML in the page, its `style` attribute would be
// refused by the page's Content-Security-Policy (style-src 'self'), with a console error.
function snippet(page) {
  return page.evaluate(() => {
    const code = document.querySelector('#embed-code').value;
    const frame = new DOMParser().parseFromString(code, 'application/xml').querySelector('iframe');
    return frame && {
      code,
      src: frame.getAttribute('src'),
      title: frame.getAttribute('title'),
      loading: frame.getAttribute('loading'),
      width: frame.getAttribute('width'),
      height: frame.getAttribute('height'),
    };
  });
}

const dialogOpen = (page) => page.$eval('dialog.embed-dialog', (d) => d.open);
const focusInDialog = (page) => page.evaluate(() => document.activeElement?.closest('dialog.embed-dialog') !== null);

for (const [i, lang] of LANGS.entries()) {
  // The dialog's language list is in LANGS order: the next language by ArrowDown, or for
  // the last one the one before by ArrowUp.
  const other = LANGS[i + 1] ?? LANGS[i - 1];
  const toOther = LANGS[i + 1] ? 'ArrowDown' : 'ArrowUp';
  test(`embed dialog (${lang}): opens by keyboard with focus inside, snippet with embed=1, language and ro=1; Escape and Close close it`, async ({ pages, note, site }) => {
    const page = await pages.open();
    if (lang === 'en') await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await gotoReady(page, lang === 'en' ? '' : `?lang=${lang}`);
    const link = await search(page);
    await tabTo(page, '#open-embed', { max: 150 });
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
    expect(await focusInDialog(page), 'focus moves into the dialog').toBeTruthy();
    const d = DIALOG[lang];
    expect(await page.textContent('#embed-heading'), 'dialog heading').toEqual(d.heading);
    const dialog = page.locator('dialog.embed-dialog');
    for (const [role, name] of [['combobox', d.labels[0]], ['checkbox', d.labels[1]], ['textbox', d.labels[2]]]) {
      expect(await dialog.getByRole(role, { name, exact: true }).count(), `${role} named "${name}" in the dialog`).toEqual(1);
    }
    expect(await page.$$eval('dialog.embed-dialog button', (bs) => bs.map((b) => b.textContent)), 'dialog buttons').toEqual(d.buttons);

    let s = await snippet(page);
    expect(s, `the snippet is an iframe: ${s?.code}`).toBeTruthy();
    let src = new URL(s.src);
    expect(src.origin, 'the frame loads this site').toEqual(site.origin);
    expect([src.searchParams.get('embed'), src.searchParams.get('lang'), src.searchParams.get('ro')], 'embed, language, no ro').toEqual(['1', lang, null]);
    expect(src.searchParams.get('v'), `a v=${FORMAT_VERSION} link`).toEqual(FORMAT_VERSION);
    expect(`?${[...src.searchParams].filter(([k]) => !['embed', 'lang', 'ro'].includes(k)).map(([k, v]) => `${k}=${v}`).join('&')}`, 'the current scenario').toEqual(link.replace(/&lang=\w+/, ''));
    expect([s.title, s.loading, s.width, s.height], 'title, lazy loading, size').toEqual([d.title, 'lazy', '800', '600']);

    // Keyboard only: another language, results only.
    await tabTo(page, '#embed-lang');
    expect(await focusInDialog(page), 'Tab stays in the dialog').toBeTruthy();
    await page.keyboard.press(toOther);
    await page.waitForFunction((l) => new DOMParser().parseFromString(document.querySelector('#embed-code').value, 'application/xml').querySelector('iframe')?.getAttribute('src').includes(`lang=${l}`), other);
    s = await snippet(page);
    expect(s.title, 'the title follows the chosen language').toEqual(DIALOG[other].title);
    await tabTo(page, '#embed-ro');
    await page.keyboard.press('Space');
    await expect(page.locator('#embed-code')).toHaveValue(/ro=1/);
    src = new URL((await snippet(page)).src);
    expect([src.searchParams.get('embed'), src.searchParams.get('lang'), src.searchParams.get('ro')], 'embed, other language, ro=1').toEqual(['1', other, '1']);

    if (lang === 'en') {
      await tabTo(page, '#copy-embed');
      await page.keyboard.press('Enter');
      await expect(page.locator('#copy-embed')).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText()), 'the snippet is on the clipboard').toEqual((await snippet(page)).code);
    }

    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', false);
    const back = await page.evaluate(() => document.activeElement?.id);
    note(`after Escape focus is on #${back}`);
    expect(back, 'focus returns to the Embed button').toEqual('open-embed');

    await page.keyboard.press('Enter');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
    await tabTo(page, '#close-embed');
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', false);
    expect(await dialogOpen(page), 'Close closes it').toBeFalsy();
    expect((await headline(page)).length, 'the page is still there').toBeGreaterThan(0);
  });
}
