// The first view, baked at build time (`cargo xtask dist`, after trunk): the page's first
// screen as the built app draws it, for every language and for the addresses people open
// (the default page, the embed, each preset's link), saved as small HTML files in
// dist/first/, and an inline script in index.html that shows the one for the address while
// the app's WebAssembly downloads.
//
// NOTE: why. A phone on a slow connection waits for the app's module (about 280 KB gzip)
// before anything but "Loading…" shows: Lighthouse's phone put the largest paint at 2.5 s,
// against 1.5 s. These files are what the app itself drew (its texts, its figures for that
// scenario, computed by the model in the browser), cut to the first screen at a phone's
// size, without ids, test ids or ARIA (the copy is inert: not focusable, not read out).
// The app draws itself hidden beside the copy and takes its place at its first result
// (src/first_view.rs), in one frame: the copy is removed, not moved, so nothing shifts.
//
// NOTE: the app's WebAssembly starts downloading once the copy is on the screen (or at
// once where no copy applies), not in parallel with it: trunk's preload of the module is
// removed and its loader waits for `window.firstView`. While any request started before
// the first view's paint, Lighthouse's phone (and a real slow phone, which shares one
// connection's bandwidth) counted the whole module's download before that paint; now the
// app arrives about one round trip later (the copy's fetch) and a frame, and shows before
// that. The module is asked for once the browser reports the copy's paint (its largest
// contentful paint entry; two frames where that is not reported): waiting a frame was not
// enough on a busy machine, whose paint came after the module had already arrived.
//
// Only an address baked here gets a first view (its query, `lang` aside, must match
// exactly); any other shows "Loading…" as before. The language is the one the app picks:
// `?lang=` if it names one, else the browser's, else English (src/address.rs).
//
//   node tools/first-view.mjs dist

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS, serveStatic } from '../e2e/site.mjs';
import { hashInlineScripts } from './csp.mjs';

const LANGS = ['en', 'es', 'pt'];
// The first screen of a phone: Lighthouse's (Moto G Power) and most phones' CSS size.
const WIDTH = 412;
const HEIGHT = 823;
// NOTE: the class of the copy's container and of the app's own root while hidden: the one
// contract with src/first_view.rs, which reads the same names.
const COPY = 'first-view';
const FOLDER = 'first';
const SCRIPT_ID = 'first-view';
// The longest the app's module waits for the copy (a copy slower than this is not shown).
const WAIT_MS = 1500;

/** A query (without `lang`) as a file name: `v=2&preset=murcia` → `v_2_preset_murcia`.
 * The page's script runs this same function (its source is written into the script). */
const keyOf = (query) => query.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'default';

/** The app's first screen, as an inert copy: runs in the page. */
function cut({ height, copyClass }) {
  // The app's own root (in a page that already shows a copy, the one beside it).
  const live = document.querySelector('#app > .live') ?? document.getElementById('app');
  const copy = live.cloneNode(true);
  const from = [...live.querySelectorAll('*')];
  const to = [...copy.querySelectorAll('*')];
  const kept = new Set(['class', 'type', 'value', 'min', 'max', 'step', 'checked', 'disabled', 'selected', 'open', 'colspan', 'rowspan', 'scope', 'lang']);
  from.forEach((el, i) => {
    const c = to[i];
    // Every option stays (a select is as wide as its longest), the chosen one chosen.
    if (el instanceof HTMLOptionElement) {
      el.selected ? c.setAttribute('selected', '') : c.removeAttribute('selected');
      return;
    }
    const box = el.getBoundingClientRect();
    // Below the first screen, not drawn (closed, hidden, print-only), or drawn per device
    // (the chart), or a timing: left out.
    if (el.getClientRects().length === 0 || box.top >= height || el.matches('svg, .compute-ms, .brief, .visually-hidden')) {
      c.setAttribute('data-cut', '');
      return;
    }
    // What the app set as properties, written as attributes so the copy shows it.
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') el.checked ? c.setAttribute('checked', '') : c.removeAttribute('checked');
      else c.setAttribute('value', el.value);
    }
  });
  copy.querySelectorAll('[data-cut]').forEach((e) => e.remove());
  copy.querySelectorAll('*').forEach((e) => {
    for (const a of [...e.attributes]) if (!kept.has(a.name)) e.removeAttribute(a.name);
  });
  return `<div class="${copyClass}" inert>${copy.innerHTML}</div>`;
}

/** Waits for the app's first exact result. */
const ready = (page) => page.waitForSelector('[data-testid=status][data-state=ready]', { timeout: 60_000 });

/** The queries to bake: the default page, the embed, and each preset as its link reads. */
async function queries(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}?lang=en`);
  await ready(page);
  const presets = await page.$$eval('select#preset option', (os) => os.map((o) => o.value).filter(Boolean));
  const found = ['', 'embed=1'];
  for (const preset of presets) {
    await page.selectOption('select#preset', preset);
    // The app writes its address shortly after a change (src/address.rs).
    await page.waitForFunction((p) => new URLSearchParams(location.search).get('preset') === p, preset, { timeout: 10_000 });
    const q = new URLSearchParams(await page.evaluate(() => location.search));
    q.delete('lang');
    found.push(q.toString());
  }
  await page.close();
  return [...new Set(found)];
}

/** The script that shows the copy for the address (hashed into the page's CSP). */
function script(keys) {
  return `<script id=${SCRIPT_ID}>(()=>{const a=document.getElementById('app'),q=new URLSearchParams(location.search),l=(q.get('lang')||'').toLowerCase(),L=${JSON.stringify(LANGS)};q.delete('lang');const k=(${keyOf})(q.toString());if(!a||!${JSON.stringify(keys)}.includes(k))return;const b=(navigator.language||'').slice(0,2).toLowerCase(),g=L.includes(l)?l:L.includes(b)?b:'en';window.firstView=new Promise(d=>{setTimeout(d,${WAIT_MS});fetch('${FOLDER}/'+g+'-'+k+'.html').then(r=>r.ok?r.text():'').then(h=>{if(!h||!a.querySelector('.loading'))return d();a.innerHTML=h;if((PerformanceObserver.supportedEntryTypes||[]).includes('largest-contentful-paint'))new PerformanceObserver((_,o)=>{o.disconnect();d()}).observe({type:'largest-contentful-paint'});else requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(d,0)))}).catch(d)})})()</script>`;
}

/** Trunk's page without its preload of the module, its loader waiting for the copy. */
function deferModule(page) {
  const preload = /<link\b[^>]*\bhref=\.\/app-[0-9a-f]+_bg\.wasm\b[^>]*>/;
  const start = 'const wasm = await init(';
  const wait = 'await window.firstView;\n';
  let out = page.replace(preload, '');
  if (!out.includes(wait + start)) {
    if (!out.includes(start)) throw new Error(`first-view: trunk's loader ("${start}") is not in index.html`);
    out = out.replace(start, wait + start);
  }
  return out;
}

export async function bake(dist) {
  const server = await serveStatic(dist);
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const folder = join(dist, FOLDER);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
    const list = await queries(context, server.url);
    for (const query of list) {
      for (const lang of LANGS) {
        const page = await context.newPage();
        await page.goto(`${server.url}?${[query, `lang=${lang}`].filter(Boolean).join('&')}`);
        await ready(page);
        const html = await page.evaluate(cut, { height: HEIGHT, copyClass: COPY });
        writeFileSync(join(folder, `${lang}-${keyOf(query)}.html`), html);
        await page.close();
      }
    }
    const index = join(dist, 'index.html');
    const page = deferModule(readFileSync(index, 'utf8').replace(new RegExp(`<script id=${SCRIPT_ID}>[\\s\\S]*?</script>`), ''));
    const keys = list.map(keyOf);
    if (!page.includes('</body>')) throw new Error('first-view: index.html has no </body>');
    writeFileSync(index, page.replace('</body>', `${script(keys)}</body>`));
    hashInlineScripts(dist);
    console.log(`first-view: ${list.length} addresses x ${LANGS.length} languages baked into ${FOLDER}/ (${keys.join(', ')})`);
  } finally {
    await browser.close();
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node tools/first-view.mjs DIST');
    process.exit(2);
  }
  try {
    await bake(dist);
  } catch (e) {
    console.error(`first-view: ${e.message}`);
    process.exit(1);
  }
}
