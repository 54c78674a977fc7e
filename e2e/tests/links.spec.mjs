// Scenario links (issue #4): the address bar carries every change (`v=1`, budget, mix,
// years, `x=` for the rest); opening that address again gives the same scenario and the
// same figures, and so does the CLI (`adoption run --url`); `adoption link` output opens
// on its preset; the stored v1 links still open (saying their figures now come from model 2); bad links keep what they can and
// say what they could not use.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FORMAT_VERSION,
  assertHeadline,
  assertPrivate,
  BROWSER_LOCALE,
  controlValues,
  dismissAll,
  expect,
  formatCount,
  fresh,
  gotoReady,
  headline,
  intervalNumbers,
  LANGS,
  notices,
  ORACLE_TIMEOUT,
  ROOT,
  search,
  test,
  typeValue,
  waitReady,
} from '../fixtures.mjs';

const NOTICE_LINK = {
  en: 'Some parts of this link could not be used',
  es: 'Algunas partes de este enlace no se pudieron usar',
  pt: 'Algumas partes desta ligação não puderam ser usadas',
};
const DISMISS = { en: 'Dismiss', es: 'Cerrar', pt: 'Fechar' };

/** The page's query string as key → value. */
function params(query) {
  return Object.fromEntries(new URLSearchParams(query));
}

/** The `x=` part of a link, decoded (base64url of a JSON merge patch). */
function patchOf(query) {
  const x = params(query).x;
  return x ? JSON.parse(Buffer.from(x, 'base64url').toString('utf8')) : null;
}

/** What a person would compare after reopening a link. */
async function snapshot(page) {
  return {
    controls: await controlValues(page),
    headline: await headline(page),
    interval: (await intervalNumbers(page)).text,
    summary: await page.textContent('[data-testid=summary]'),
    preset: await page.inputValue('#preset'),
  };
}

for (const lang of LANGS) {
  // Numbers typed as people write them in the page's language.
  const typed = { budget: formatCount(2_000_000, lang), voucher: formatCount(7_500, lang) };
  test(`link (${lang}): budget, mix, years, an assumption and a target travel in the address; reopening it and the CLI give the same`, async ({ pages, note, oracle, site }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    expect(params(await search(page)).v, `the address carries v=${FORMAT_VERSION} from the start: ${await search(page)}`).toBe(FORMAT_VERSION);

    await fresh(page, () => typeValue(page, '#budget-exact', typed.budget));
    await fresh(page, () => typeValue(page, '#share-vouchers-exact', '50'));
    await fresh(page, () => typeValue(page, '#horizon-exact', '12'));
    await fresh(page, () => typeValue(page, '#programme-years-exact', '4'));
    await page.click('details.assumptions > summary');
    await fresh(page, () => typeValue(page, '#assumption-0', typed.voucher));
    await fresh(page, () => typeValue(page, '#target-0-value', '150'));

    const link = await search(page);
    note(`link: ${link.length} characters`);
    const p = params(link);
    expect(p.v, 'link version').toEqual(FORMAT_VERSION);
    expect(p.preset, 'preset').toEqual('cantabria');
    expect(p.budget, 'budget in the link').toEqual('2000000');
    expect(p.mix, `mix in the link: ${p.mix}`).toMatch(/^50-\d+-\d+$/);
    expect(p.years, 'years in the link').toEqual('12');
    expect(p.prog, 'programme years in the link').toEqual('4');
    expect(p.lang, 'the chosen language stays in the link').toEqual(lang);
    const patch = patchOf(link);
    expect(patch, `an x= part for the assumption and the target: ${link}`).toBeTruthy();
    expect(patch.vouchers?.value_eur, 'voucher value in x=').toEqual(7500);
    expect(patch.targets?.[0]?.value, 'target value in x=').toEqual(150);

    const before = await snapshot(page);
    // Reloaded, and opened afresh (a new browser context: nothing but the link).
    await page.reload();
    await waitReady(page);
    // The assumptions' fields are drawn once their panel is opened (as before the reload).
    await page.click('details.assumptions > summary');
    expect(await snapshot(page), 'controls, headline, interval, summary and preset after a reload').toEqual(before);
    const again = await pages.open();
    await gotoReady(again, link);
    expect(await notices(again), 'notices after reopening the link').toEqual([]);
    await again.click('details.assumptions > summary');
    const after = await snapshot(again);
    for (const [id, value] of Object.entries(before.controls)) {
      expect(after.controls[id], `control #${id} after reopening`).toEqual(value);
    }
    expect(Object.keys(after.controls).length, 'number of controls').toEqual(Object.keys(before.controls).length);
    expect(after, 'headline, interval, summary and preset after reopening').toEqual(before);
    expect(await search(again), 'the reopened page shows the same link').toEqual(link);

    const out = await oracle.runUrl(link);
    await assertHeadline(again, out, lang, 'page vs adoption run --url');
    note(`CLI: mean ${out.summary.additional_adopters.mean}, p5 ${out.summary.additional_adopters.p5}, p95 ${out.summary.additional_adopters.p95}`);
    await assertPrivate(pages, page, [site.origin]);
  });
}

test('`adoption link --preset NAME` opens on that preset, with the CLI\'s figures', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const list = await oracle.cli(['preset']);
  const presets = list.trim().split('\n').map((line) => {
    const [, name, summary] = line.match(/^(\S+)\s+(.*)$/);
    return { name, summary };
  });
  expect(presets.length, 'presets listed by the CLI').toBeGreaterThanOrEqual(6);
  const page = await pages.open();
  for (const { name, summary } of presets) {
    const link = (await oracle.cli(['link', '--preset', name])).trim();
    expect(link.startsWith(`?v=${FORMAT_VERSION}&`) && link.includes(`preset=${name}`), `adoption link --preset ${name}: ${link}`).toBeTruthy();
    await gotoReady(page, link);
    expect(await notices(page), `notices for ${link}`).toEqual([]);
    await expect(page.locator('#preset'), `preset selected for ${link}`).toHaveValue(name);
    const note = await page.textContent('[data-testid=preset-note]');
    expect(note, `preset note for ${name} names what it represents: "${note}"`).toContain(summary);
    await assertHeadline(page, await oracle.runPreset(name), 'en', `${name}`);
  }
});

test('stored v1 links (crates/formats/tests/fixtures/links-v1.json) open with only the model-1 notice, with the CLI\'s figures', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'crates/formats/tests/fixtures/links-v1.json'), 'utf8'));
  expect(fixtures.length, `${fixtures.length} fixtures`).toBeGreaterThanOrEqual(7);
  const page = await pages.open();
  for (const { about, link, scenario } of fixtures) {
    await gotoReady(page, link);
    // Its figures now come from model 2: the page says so, and nothing else.
    const shown = await notices(page);
    expect(shown.map((n) => [n.role, n.text.startsWith('This link was made with model 1')]), `notices for the "${about}" link`).toEqual([['status', true]]);
    expect(Number(await page.inputValue('#budget')), `budget slider for "${about}"`).toEqual(Math.min(scenario.budget_eur, 5_000_000));
    expect(Number(await page.inputValue('#horizon')), `horizon for "${about}"`).toEqual(scenario.years);
    await assertHeadline(page, await oracle.runUrl(link), 'en', `"${about}"`);
  }
  note(`${fixtures.length} stored links`);
});

// ---------------------------------------------------------------------------------------
// Bad links: each on a fresh page.

/** A real link cut short inside its x= part, as a careless copy would. */
async function truncatedLink(oracle) {
  const scenario = JSON.parse(await oracle.cli(['preset', 'cantabria']));
  scenario.budget_eur = 1_750_000;
  scenario.vouchers.value_eur = 7_500;
  scenario.targets = [];
  const link = (await oracle.cli(['link', '--scenario', '-'], JSON.stringify(scenario))).trim();
  const x = params(link).x;
  expect(x && link.endsWith(x), `a real link ending in x=: ${link}`).toBeTruthy();
  return link.slice(0, link.length - Math.ceil(x.length / 2));
}

const BAD_LINKS = [
  { about: 'malformed (budget=abc)', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&budget=abc&seed=7`, bad: ['budget'], kept: { seed: '7' } },
  { about: 'malformed, Spanish page', lang: 'es', link: async () => `?v=${FORMAT_VERSION}&budget=abc&seed=7&lang=es`, bad: ['budget'], kept: { seed: '7' } },
  { about: 'malformed, Portuguese page', lang: 'pt', link: async () => `?v=${FORMAT_VERSION}&budget=abc&seed=7&lang=pt`, bad: ['budget'], kept: { seed: '7' } },
  { about: 'truncated x=', lang: 'en', link: truncatedLink, bad: ['x'], kept: { budget: '1750000' } },
  { about: 'tampered x= (garbage)', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&budget=1500000&x=!!not~base64!!`, bad: ['x'], kept: { budget: '1500000' } },
  { about: 'tampered mix=90-90-90', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&mix=90-90-90&budget=2000000`, bad: ['mix'], kept: { budget: '2000000' } },
  { about: 'tampered years=999', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&years=999&seed=5`, bad: ['years'], kept: { seed: '5' } },
  // An unknown format is not read at all: the reference scenario is shown (link.rs).
  { about: 'unknown version v=9', lang: 'en', link: async () => '?v=9&budget=2000000&seed=3', bad: ['v'], kept: { seed: '2025' }, dropped: ['budget'] },
  { about: 'unknown version, Spanish page', lang: 'es', link: async () => '?v=9&budget=2000000&lang=es', bad: ['v'], kept: {}, dropped: ['budget'] },
  { about: 'unknown preset', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&preset=atlantis&budget=2000000`, bad: ['preset'], kept: { budget: '2000000', preset: 'cantabria' } },
  { about: 'unknown key', lang: 'en', link: async () => `?v=${FORMAT_VERSION}&zzz=1&seed=7`, bad: ['zzz'], kept: { seed: '7' } },
];

for (const { about, lang, link: make, bad, kept, dropped = [] } of BAD_LINKS) {
  test(`bad link, ${about}: a notice lists ${bad.join(', ')}, valid parts kept, result computed, dismissable`, async ({ pages, note, oracle }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const link = await make(oracle);
    const page = await pages.open({ locale: BROWSER_LOCALE[lang] });
    await gotoReady(page, link);
    const shown = await notices(page);
    expect(shown.length, `one notice for ${link}`).toEqual(1);
    const [notice] = shown;
    expect(notice.role, 'the notice is an alert').toEqual('alert');
    expect(notice.text.startsWith(NOTICE_LINK[lang]), `notice text (${lang}): "${notice.text}"`).toBeTruthy();
    expect(notice.details.map((d) => d.split(':')[0]), `parts named in the notice (${notice.details.join(' | ')})`).toEqual(bad);
    note(`${link.slice(0, 70)} → ${notice.details.join(' | ').slice(0, 120)}`);

    // The page computed the scenario it kept, which its address now carries.
    await expect(page.locator('[data-testid=status]'), 'status').toHaveAttribute('data-state', 'ready');
    const now = await search(page);
    const p = params(now);
    expect(p.v, `the address is a good link now: ${now}`).toEqual(FORMAT_VERSION);
    for (const [key, value] of Object.entries(kept)) expect(p[key], `kept ${key} in ${now}`).toEqual(value);
    for (const key of [...bad, ...dropped].filter((k) => k !== 'v' && k !== 'preset')) {
      expect(key in p, `${key} left out of the address: ${now}`).toBeFalsy();
    }
    await assertHeadline(page, await oracle.runUrl(now), lang, `result for the kept parts (${now})`);

    // Dismissed with its button; nothing else changes.
    const before = await headline(page);
    expect(notice.button, 'dismiss button text').toEqual(DISMISS[lang]);
    await dismissAll(page);
    expect(await notices(page), 'no notice after dismissing').toEqual([]);
    expect(await headline(page), 'headline after dismissing').toEqual(before);
    expect(await search(page), 'address after dismissing').toEqual(now);
  });
}
