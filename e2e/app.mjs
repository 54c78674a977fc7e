// The app's own vocabulary for the tests: its languages and number style, waits on its
// state attributes (auto-waiting `expect`, never sleeps), the headline and its interval,
// keyboard walks, the mix, notices, files in and out, the address bar, privacy checks.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { ROOT, SHOTS } from './site.mjs';

/**
 * The scenario and link format the page writes and the CLI prints (`FORMAT_VERSION` in
 * crates/model/src/scenario.rs), as a link writes it (`v=2`).
 */
export const FORMAT_VERSION = readFileSync(join(ROOT, 'crates/model/src/scenario.rs'), 'utf8')
  .match(/pub const FORMAT_VERSION: u64 = (\d+);/)[1];

// ---------------------------------------------------------------------------------------
// Languages: adding one to the app is one entry in each table here.

/** The page's languages (`?lang=`), in the switcher's order (src/i18n/mod.rs `languages!`). */
export const LANGS = ['en', 'es', 'pt'];

/** A browser locale that makes the page pick each language by itself. */
export const BROWSER_LOCALE = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT' };

/**
 * How the page writes numbers in each language (each `src/i18n/<lang>/mod.rs` `LOCALE`,
 * written by src/format.rs): the thousands separator, the decimal mark, CLDR's minimum
 * grouping digits (2: a four-digit number is written without a separator, 3592 but
 * 12.345), and the text around an amount of euros and around a percentage.
 */
export const NUMBER_STYLE = {
  en: { group: ',', decimal: '.', minGrouping: 1, currency: ['EUR ', ''], percent: ['', '%'] },
  // CLDR es: "12,5 %", and a no-break space (U+00A0) before "EUR" and "%".
  es: { group: '.', decimal: ',', minGrouping: 2, currency: ['', '\u00a0EUR'], percent: ['', '\u00a0%'] },
  // CLDR pt-PT: groups with U+00A0 NO-BREAK SPACE, "EUR" after a no-break space, "12,5%".
  pt: { group: '\u00a0', decimal: ',', minGrouping: 2, currency: ['', '\u00a0EUR'], percent: ['', '%'] },
};

/**
 * Rounds like Rust's `format!("{:.0}", x)`: to nearest, exact ties to even. (JS's
 * Math.round sends ties up; sums over 1,000 runs can end in .5.)
 */
export function roundLikeRust(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * A whole number as the page writes it in `lang`: `1,234` (en), `1234` and `12.345` (es),
 * `12 345` with U+00A0 (pt); minus is U+2212.
 */
export function formatCount(x, lang = 'en') {
  const { group, minGrouping } = NUMBER_STYLE[lang];
  const n = roundLikeRust(Math.abs(x));
  const plain = String(n);
  const digits = plain.length >= 3 + minGrouping ? plain.replace(/\B(?=(\d{3})+(?!\d))/g, group) : plain;
  return x < 0 && n !== 0 ? `−${digits}` : digits;
}

/** Euros rounded to the euro as the page writes them: `EUR 1,250,000`, `1.250.000 EUR`. */
export function formatEur(x, lang = 'en') {
  const [before, after] = NUMBER_STYLE[lang].currency;
  return `${before}${formatCount(x, lang)}${after}`;
}

/** A percentage (already × 100, as written) with the language's sign: `56%`, `56 %`. */
export function formatPercent(text, lang = 'en') {
  const [before, after] = NUMBER_STYLE[lang].percent;
  return `${before}${text}${after}`;
}

/** Matches one number as the page writes it in any language (digits, groups, decimals). */
export const NUMBER_PATTERN = '−?\\d(?:[\\d.,\u00a0]*\\d)?';

/** `text` as a RegExp source matching itself literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A RegExp source matching exactly the whole numbers `formatCount(x, lang)` can write
 * (with its minimum grouping: `3592` and `12.345` in Spanish, never `3.592`).
 */
export function countPattern(lang = 'en') {
  const { group, minGrouping } = NUMBER_STYLE[lang];
  const g = escapeRegExp(group);
  const grouped = minGrouping === 1
    ? `\\d{1,3}(?:${g}\\d{3})+`
    : `\\d{${minGrouping},3}${g}\\d{3}|\\d{1,3}(?:${g}\\d{3}){2,}`;
  return `−?(?:\\d{1,${2 + minGrouping}}|${grouped})`;
}

/** A RegExp source matching an amount in whole euros as `formatEur(x, lang)` writes it. */
export function eurPattern(lang = 'en') {
  const [before, after] = NUMBER_STYLE[lang].currency;
  return `${escapeRegExp(before)}${countPattern(lang)}${escapeRegExp(after)}`;
}

// ---------------------------------------------------------------------------------------
// Results

// Longest a single simulation may take before a wait gives up (the reference preset
// computes in ~0.1 s; a 10 bn budget or a 50-year horizon in a few seconds at most).
export const RESULT_TIMEOUT = 30_000;

const READY = '[data-testid=status][data-state=ready] [data-testid=compute-ms]';

/** Opens the app at `path` (relative to the page's base URL, or to `base`) and waits for the first result. */
export async function gotoReady(page, path = '', base = undefined) {
  await page.goto(base ? new URL(path, base).href : path);
  await waitReady(page);
}

export async function waitReady(page, timeout = RESULT_TIMEOUT) {
  await expect(page.locator(READY)).toBeVisible({ timeout });
  await expect(page.getByTestId('additional-adopters')).toBeVisible({ timeout });
}

// After an input, "ready" may already be on screen from the previous result. A
// MutationObserver in the page counts every new computation since `arm`: a switch of the
// status to `running`, or a newer result shown at once (the results' data-shown-revision:
// a slider's neighbouring values are computed ahead, and such a step goes from the old
// result to the new one within one task, never showing `running`). A fresh result is: at
// least one of them since `arm`, and the status `ready` after it.

export async function arm(page) {
  await page.evaluate(() => {
    const s = (window.__e2eStatus ||= { runs: 0 });
    s.runs = 0;
    if (!s.observer) {
      const check = () => {
        const el = document.querySelector('[data-testid=status]');
        const state = el?.getAttribute('data-state');
        const shown = document.querySelector('section.results')?.getAttribute('data-shown-revision');
        if (state === 'running' && s.last !== 'running') s.runs += 1;
        else if (shown !== s.shown && s.last !== 'running' && s.shown !== undefined) s.runs += 1;
        s.last = state;
        s.shown = shown;
      };
      s.observer = new MutationObserver(check);
      s.observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-state', 'data-shown-revision'],
      });
      check();
      if (s.last === 'running') s.runs = 0; // the one in flight before arming does not count
    }
  });
}

/** How many times the status went to `running` since `arm`. */
export function runsSinceArm(page) {
  return page.evaluate(() => window.__e2eStatus?.runs ?? 0);
}

export async function waitFresh(page, timeout = RESULT_TIMEOUT) {
  await expect
    .poll(() => runsSinceArm(page), { message: 'a new simulation started', timeout, intervals: [10, 25, 50] })
    .toBeGreaterThan(0);
  // A run started after `arm`; the status being ready now means it (or a later one) ended.
  await expect(page.locator(READY)).toBeVisible({ timeout });
}

/** Runs `action`, then waits for the result it causes. */
export async function fresh(page, action) {
  await arm(page);
  await action();
  await waitFresh(page);
}

export function headline(page) {
  return page.textContent('[data-testid=additional-adopters]');
}

/** The two numbers of "In 9 out of 10 simulated futures: A to B" (any language). */
export async function intervalNumbers(page) {
  const text = await page.locator('.card.primary .detail').first().innerText();
  const numbers = text.match(new RegExp(NUMBER_PATTERN, 'g')) || [];
  return { text, low: numbers.at(-2), high: numbers.at(-1) };
}

/** The headline and its interval equal a CLI run's (`adoption run` JSON output). */
export async function assertHeadline(page, out, lang = 'en', what = 'headline') {
  const { mean, p5, p95 } = out.summary.additional_adopters;
  await expect(page.getByTestId('additional-adopters'), `${what} (mean)`).toHaveText(formatCount(mean, lang));
  const interval = await intervalNumbers(page);
  expect([interval.low, interval.high], `${what}: interval in "${interval.text}"`).toEqual([formatCount(p5, lang), formatCount(p95, lang)]);
}

// ---------------------------------------------------------------------------------------
// Keyboard

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after
 * `max` presses. Proves the element is in the tab order, reached by keyboard alone.
 */
export async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i <= max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const at = await focusedDescription(page);
  throw new Error(`${selector} not reached with ${back ? 'Shift+' : ''}Tab in ${max} presses (focus on ${at})`);
}

export function focusedDescription(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return 'nothing';
    const cls = typeof e.className === 'string' ? e.className : e.className?.baseVal;
    return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls ? `.${cls.split(' ').join('.')}` : ''}>`;
  });
}

/** The focused element's visible focus indicator, or null if it has none. */
export function focusIndicator(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      return `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
    }
    if (s.boxShadow && s.boxShadow !== 'none') return `box-shadow ${s.boxShadow}`;
    return null;
  });
}

// ---------------------------------------------------------------------------------------
// Controls

/** Sets a range (or any) input's value and fires `input`, as a drag step would. */
export function setRange(page, selector, value) {
  return page.$eval(
    selector,
    (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return el.value;
    },
    value,
  );
}

export function mixValues(page) {
  return page.evaluate(() =>
    ['vouchers', 'training', 'pilots'].map((k) => ({
      range: Number(document.querySelector(`#share-${k}`).value),
      exact: document.querySelector(`#share-${k}-exact`).value,
      held: document.querySelector(`#hold-${k}`).checked,
    })),
  );
}

/** Every control's value (checkboxes: checked), by id, in the controls column. */
export function controlValues(page) {
  return page.$$eval('.controls input, .controls select', (es) =>
    Object.fromEntries(es.map((e) => [e.id, e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value])));
}

/** Types `text` into a text box and presses Enter, as a person sets a value. */
export async function typeValue(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

// ---------------------------------------------------------------------------------------
// Saved scenarios, files, notices, the address

/** The localStorage key of the saved scenarios (src/storage.rs). */
export const STORE_KEY = 'adoption-widget.saved';

/** Runs `action` (e.g. a click) and returns the file it downloads: { name, buffer, text }. */
export async function download(page, action, timeout = 10_000) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), action()]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download of ${dl.suggestedFilename()} failed: ${failure}`);
  const buffer = readFileSync(await dl.path());
  return { name: dl.suggestedFilename(), buffer, text: buffer.toString('utf8') };
}

/** Gives the page a file through the file input `selector`, as the picker would. */
export function pickFile(page, selector, name, contents, mimeType = 'text/plain') {
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8');
  return page.setInputFiles(selector, { name, mimeType, buffer });
}

/** Drops a file on `target` (the page's app element), as dragging it from the desktop. */
export async function dropFile(page, name, contents, mimeType = 'text/plain', target = '.app') {
  const dataTransfer = await page.evaluateHandle(({ name, contents, mimeType }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([contents], name, { type: mimeType }));
    return dt;
  }, { name, contents, mimeType });
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, type, { dataTransfer });
  await dataTransfer.dispose();
}

const NOTICE = '[data-testid=notices] .notice';

/** The notices on screen, oldest first: { id, role, text, details, button }. */
export function notices(page) {
  return page.$$eval(NOTICE, (ns) => ns.map((n) => ({
    id: n.dataset.notice,
    role: n.getAttribute('role'),
    text: n.querySelector('.notice-text > p')?.textContent ?? '',
    details: [...n.querySelectorAll('.notice-details li')].map((li) => li.textContent),
    button: n.querySelector('button.dismiss')?.textContent ?? '',
  })));
}

/** Waits until `count` notices are shown and returns the newest. */
export async function waitNotice(page, count = 1, timeout = 10_000) {
  await expect(page.locator(NOTICE).nth(count - 1)).toBeAttached({ timeout });
  return (await notices(page)).at(-1);
}

/** Dismisses every notice with its button (the page's own way) and checks they are gone. */
export async function dismissAll(page) {
  const shown = page.locator(NOTICE);
  for (let n = await shown.count(); n > 0; n -= 1) {
    await shown.locator('button.dismiss').first().click();
    await expect(shown).toHaveCount(n - 1);
  }
}

/** The origin a request belongs to; blob: URLs carry their creator's origin. */
export function originOf(url) {
  if (url.startsWith('blob:')) return new URL(url.slice('blob:'.length)).origin;
  if (url.startsWith('data:')) return 'data:';
  return new URL(url).origin;
}

/** No request of `page` (recorded by `pages`) left `origins`, and no cookie was set. */
export async function assertPrivate(pages, page, origins) {
  const rec = pages.rec(page);
  const away = rec.requests.filter((u) => !origins.includes(originOf(u)));
  expect(away, `requests leaving ${origins.join(', ')}`).toEqual([]);
  expect(rec.failed, 'failed requests').toEqual([]);
  expect(await page.context().cookies(), 'cookies set').toEqual([]);
}

/**
 * The page's link: its address bar's query string, once it has caught up with the page
 * (the address follows changes after a pause; the share box, when there is one, at once).
 */
export async function search(page) {
  await expect.poll(() => page.evaluate(() => {
    const box = document.querySelector('#share-link');
    return !box || new URL(box.value).search === location.search;
  }), { message: 'the address caught up with the share box' }).toBe(true);
  return page.evaluate(() => location.search);
}

// ---------------------------------------------------------------------------------------
// Accessibility

/**
 * axe-core with its full default rule set (WCAG and best practice: page-has-heading-one,
 * region, landmark-* …) on the page as it is. Notes the rule counts under `label` and
 * returns one line per violation, prefixed with the label.
 */
export async function axeScan(page, label, note) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `[${label}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
  );
  note?.(`axe ${label}: ${results.passes.length} rules passed, ${results.incomplete.length} need review, ${results.inapplicable.length} inapplicable, ${violations.length} violated`);
  return violations;
}

// ---------------------------------------------------------------------------------------
// Misc

/** The path of screenshot `name` (e2e/screenshots/, gitignored). */
export function shot(name) {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}

/** A small seeded PRNG (mulberry32), so random walks are reproducible from their seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
