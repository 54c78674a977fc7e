// Embedding (issue #4): `?embed=1` is a compact widget that fits an 800×600 frame with
// controls, headline and chart and no site header or footer; `&ro=1` drops the controls;
// in an iframe it tells its host page its height; the Embed dialog gives the snippet and
// works by keyboard. Screenshots: embed-800x600-en, embed-800x600-es.

import {
  AssertionError,
  BASE_URL,
  ORIGIN,
  assert,
  assertEqual,
  assertPrivate,
  gotoReady,
  headline,
  search,
  serveUnderSubPath,
  shot,
  tabTo,
  test,
} from '../lib.mjs';

const OPEN_FULL = { en: 'Open the full simulator', es: 'Abrir el simulador completo' };

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

for (const lang of ['en', 'es']) {
  test(`embed (${lang}): ?embed=1 fits 800×600 without scrollbars: controls, headline, chart, no site chrome`, async (t) => {
    const page = await t.page({ viewport: { width: 800, height: 600 } });
    await gotoReady(page, `?embed=1&lang=${lang}`);
    const l = await layout(page);
    assert(l.scrollHeight <= 600 && l.scrollWidth <= 800, `no scrollbars: content ${l.scrollWidth}×${l.scrollHeight}`);
    assert(l.controls && l.sliders >= 4, `controls shown (${l.sliders} sliders)`);
    assert(l.chart && l.headline, 'chart and headline shown');
    assert(!l.header && !l.footer && !l.tools, `no site header, footer or tools: ${JSON.stringify(l)}`);
    assertEqual(l.offscreen, [], 'everything inside the frame');
    await page.screenshot({ path: shot(`embed-800x600-${lang}`) });
    // The way out: the full simulator, same scenario and language, in a new tab.
    const a = page.locator('.embed-footer a');
    assertEqual(await a.textContent(), OPEN_FULL[lang], 'link text');
    const href = new URL(await a.getAttribute('href'));
    assertEqual(href.searchParams.get('embed'), null, 'the full simulator is not embedded');
    assertEqual(href.searchParams.get('lang'), lang, 'same language');
    assertEqual(href.search.replace(/&lang=\w+$/, ''), (await search(page)).replace(/&lang=\w+&embed=1$/, ''), 'same scenario');
    assertEqual([await a.getAttribute('target'), await a.getAttribute('rel')], ['_blank', 'noopener'], 'opens a new tab safely');
  });
}

test('embed read-only: ?embed=1&ro=1 shows results without controls', async (t) => {
  const page = await t.page({ viewport: { width: 800, height: 600 } });
  await gotoReady(page, '?embed=1&ro=1');
  const l = await layout(page);
  assert(!l.controls && l.sliders === 0 && l.textboxes === 0, `no controls: ${JSON.stringify(l)}`);
  assert(l.chart && l.headline, 'chart and headline shown');
  assert(l.scrollHeight <= 600 && l.scrollWidth <= 800, `fits: ${l.scrollWidth}×${l.scrollHeight}`);
  assert(!l.header && !l.footer && !l.tools, 'no site chrome');
});

test('embedded in a host page (cross-origin and under a sub-path): the host gets height messages', async (t) => {
  const cross = `${BASE_URL}?embed=1&lang=es`;
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
  const server = await serveUnderSubPath('sub/dir', { 'host.html': host });
  try {
    const page = await t.page({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${server.url}host.html`);
    const hostOrigin = new URL(server.url).origin;
    const frames = { cross: page.frame({ url: (u) => u.origin === ORIGIN }), same: page.frame({ url: (u) => u.pathname.startsWith('/sub/dir/') }) };
    for (const [name, frame] of Object.entries(frames)) {
      assert(frame, `the ${name} frame`);
      await frame.waitForSelector('[data-testid=status][data-state=ready] [data-testid=compute-ms]');
      assert(await frame.$('.embed-footer'), `${name}: the frame is in embed mode`);
    }
    const heights = (id) => page.evaluate((f) => window.messages.filter((m) => m.frame === f), id);
    await page.waitForFunction(() => ['cross', 'same'].every((f) => window.messages.some((m) => m.frame === f)));
    for (const [name, frame] of Object.entries(frames)) {
      const got = await heights(name);
      const origin = name === 'cross' ? ORIGIN : hostOrigin;
      for (const m of got) {
        assertEqual(Object.keys(m.data).sort(), ['height', 'type'], `${name}: message fields`);
        assertEqual(m.data.type, 'adoption-widget:height', `${name}: message type`);
        assert(Number.isFinite(m.data.height) && m.data.height > 100, `${name}: height ${m.data.height}`);
        assertEqual(m.origin, origin, `${name}: message origin`);
      }
      // The content's height (the root box), which a host can follow both ways.
      const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const now = await content();
      await page.waitForFunction(([f, h]) => window.messages.filter((m) => m.frame === f).at(-1)?.data.height === h, [name, now]);
      t.note(`${name}: ${got.length} message(s), height ${now}`);
    }
    // The host narrows the frame: the widget grows taller and says so.
    const before = (await heights('same')).at(-1).data.height;
    await page.$eval('#same', (f) => { f.width = '360'; });
    await page.waitForFunction((h) => (window.messages.filter((m) => m.frame === 'same').at(-1)?.data.height ?? 0) > h, before);
    const after = (await heights('same')).at(-1).data.height;
    assertEqual(after, await frames.same.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)), 'the new height is the frame\'s content height');
    t.note(`narrowed to 360 px: height ${before} → ${after}`);

    assertEqual(await frames.cross.getAttribute('html', 'lang'), 'es', 'the cross-origin frame speaks Spanish');
    await assertPrivate(t, page, [hostOrigin, ORIGIN]);
  } finally {
    server.stop();
  }
});

test('a host that sizes the frame by the height messages can shrink it again', async (t) => {
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
  const server = await serveUnderSubPath('sub/dir', { 'host.html': host });
  try {
    const page = await t.page({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${server.url}host.html`);
    const frame = page.frame({ url: (u) => u.pathname.startsWith('/sub/dir/') });
    await frame.waitForSelector('[data-testid=status][data-state=ready] [data-testid=compute-ms]');
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
      throw new AssertionError(`the frame never shrinks back: at 800 px the widget's content is ${await content()} px tall, but after growing to ${narrow} px (at 360 px) it still reports ${last} px (document.documentElement.scrollHeight is never less than the frame's own height)`);
    });
    t.note(`frame height: ${wide} → ${narrow} → ${await height()} px`);
  } finally {
    server.stop();
  }
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
};

/** The snippet's iframe, as a browser reads it. */
function snippet(page) {
  return page.evaluate(() => {
    const code = document.querySelector('#embed-code').value;
    const frame = new DOMParser().parseFromString(code, 'text/html').querySelector('iframe');
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

for (const lang of ['en', 'es']) {
  const other = lang === 'en' ? 'es' : 'en';
  test(`embed dialog (${lang}): opens by keyboard with focus inside, snippet with embed=1, language and ro=1; Escape and Close close it`, async (t) => {
    const page = await t.page();
    if (lang === 'en') await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await gotoReady(page, lang === 'en' ? '' : '?lang=es');
    const link = await search(page);
    await tabTo(page, '#open-embed', { max: 150 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('dialog.embed-dialog').open);
    assert(await focusInDialog(page), 'focus moves into the dialog');
    const d = DIALOG[lang];
    assertEqual(await page.textContent('#embed-heading'), d.heading, 'dialog heading');
    const dialog = page.locator('dialog.embed-dialog');
    for (const [role, name] of [['combobox', d.labels[0]], ['checkbox', d.labels[1]], ['textbox', d.labels[2]]]) {
      assertEqual(await dialog.getByRole(role, { name, exact: true }).count(), 1, `${role} named "${name}" in the dialog`);
    }
    assertEqual(await page.$$eval('dialog.embed-dialog button', (bs) => bs.map((b) => b.textContent)), d.buttons, 'dialog buttons');

    let s = await snippet(page);
    assert(s, `the snippet is an iframe: ${s?.code}`);
    let src = new URL(s.src);
    assertEqual(src.origin, ORIGIN, 'the frame loads this site');
    assertEqual([src.searchParams.get('embed'), src.searchParams.get('lang'), src.searchParams.get('ro')], ['1', lang, null], 'embed, language, no ro');
    assertEqual(src.searchParams.get('v'), '1', 'a v=1 link');
    assertEqual(`?${[...src.searchParams].filter(([k]) => !['embed', 'lang', 'ro'].includes(k)).map(([k, v]) => `${k}=${v}`).join('&')}`,
      link.replace(/&lang=\w+/, ''), 'the current scenario');
    assertEqual([s.title, s.loading, s.width, s.height], [d.title, 'lazy', '800', '600'], 'title, lazy loading, size');

    // Keyboard only: another language, results only.
    await tabTo(page, '#embed-lang');
    assert(await focusInDialog(page), 'Tab stays in the dialog');
    await page.keyboard.press(lang === 'en' ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction((l) => new DOMParser().parseFromString(document.querySelector('#embed-code').value, 'text/html').querySelector('iframe').src.includes(`lang=${l}`), other);
    s = await snippet(page);
    assertEqual(s.title, DIALOG[other].title, 'the title follows the chosen language');
    await tabTo(page, '#embed-ro');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('ro=1'));
    src = new URL((await snippet(page)).src);
    assertEqual([src.searchParams.get('embed'), src.searchParams.get('lang'), src.searchParams.get('ro')], ['1', other, '1'], 'embed, other language, ro=1');

    if (lang === 'en') {
      await tabTo(page, '#copy-embed');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#copy-embed').textContent === 'Copied');
      assertEqual(await page.evaluate(() => navigator.clipboard.readText()), (await snippet(page)).code, 'the snippet is on the clipboard');
    }

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog.embed-dialog').open);
    const back = await page.evaluate(() => document.activeElement?.id);
    t.note(`after Escape focus is on #${back}`);
    assertEqual(back, 'open-embed', 'focus returns to the Embed button');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('dialog.embed-dialog').open);
    await tabTo(page, '#close-embed');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('dialog.embed-dialog').open);
    assert(!(await dialogOpen(page)), 'Close closes it');
    assert((await headline(page)).length > 0, 'the page is still there');
  });
}
