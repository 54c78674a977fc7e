// Scenario links (issue #4): the address bar carries every change (`v=1`, budget, mix,
// years, `x=` for the rest); opening that address again gives the same scenario and the
// same figures, and so does the CLI (`adoption run --url`); `adoption link` output opens
// on its preset; the stored v1 links still open cleanly; bad links keep what they can and
// say what they could not use.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  assert,
  assertEqual,
  assertHeadline,
  assertPrivate,
  cli,
  cliRunPreset,
  cliRunUrl,
  controlValues,
  dismissAll,
  fresh,
  gotoReady,
  headline,
  intervalNumbers,
  notices,
  search,
  test,
  typeValue,
  waitReady,
} from '../lib.mjs';

const CLI_TIMEOUT = 15 * 60_000;

const NOTICE_LINK = {
  en: 'Some parts of this link could not be used',
  es: 'Algunas partes de este enlace no se pudieron usar',
};
const DISMISS = { en: 'Dismiss', es: 'Cerrar' };

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

for (const lang of ['en', 'es']) {
  // Numbers typed as people write them in the page's language.
  const typed = lang === 'es'
    ? { budget: '2.000.000', voucher: '7.500' }
    : { budget: '2,000,000', voucher: '7,500' };
  test(`link (${lang}): budget, mix, years, an assumption and a target travel in the address; reopening it and the CLI give the same`, async (t) => {
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    assert(params(await search(page)).v === '1', `the address carries v=1 from the start: ${await search(page)}`);

    await fresh(page, () => typeValue(page, '#budget-exact', typed.budget));
    await fresh(page, () => typeValue(page, '#share-vouchers-exact', '50'));
    await fresh(page, () => typeValue(page, '#horizon-exact', '12'));
    await fresh(page, () => typeValue(page, '#programme-years-exact', '4'));
    await page.click('details.assumptions > summary');
    await fresh(page, () => typeValue(page, '#assumption-0', typed.voucher));
    await fresh(page, () => typeValue(page, '#target-0-value', '150'));

    const link = await search(page);
    t.note(`link: ${link.length} characters`);
    const p = params(link);
    assertEqual(p.v, '1', 'link version');
    assertEqual(p.preset, 'cantabria', 'preset');
    assertEqual(p.budget, '2000000', 'budget in the link');
    assert(/^50-\d+-\d+$/.test(p.mix), `mix in the link: ${p.mix}`);
    assertEqual(p.years, '12', 'years in the link');
    assertEqual(p.prog, '4', 'programme years in the link');
    assertEqual(p.lang, lang, 'the chosen language stays in the link');
    const patch = patchOf(link);
    assert(patch, `an x= part for the assumption and the target: ${link}`);
    assertEqual(patch.vouchers?.value_eur, 7500, 'voucher value in x=');
    assertEqual(patch.targets?.[0]?.value, 150, 'target value in x=');

    const before = await snapshot(page);
    // Reloaded, and opened afresh (a new browser context: nothing but the link).
    await page.reload();
    await waitReady(page);
    assertEqual(await snapshot(page), before, 'controls, headline, interval, summary and preset after a reload');
    const again = await t.page();
    await gotoReady(again, link);
    assertEqual(await notices(again), [], 'notices after reopening the link');
    const after = await snapshot(again);
    for (const [id, value] of Object.entries(before.controls)) {
      assertEqual(after.controls[id], value, `control #${id} after reopening`);
    }
    assertEqual(Object.keys(after.controls).length, Object.keys(before.controls).length, 'number of controls');
    assertEqual(after, before, 'headline, interval, summary and preset after reopening');
    assertEqual(await search(again), link, 'the reopened page shows the same link');

    const out = await cliRunUrl(link);
    await assertHeadline(again, out, lang, 'page vs adoption run --url');
    t.note(`CLI: mean ${out.summary.additional_adopters.mean}, p5 ${out.summary.additional_adopters.p5}, p95 ${out.summary.additional_adopters.p95}`);
    await assertPrivate(t, page);
  }, { timeout: CLI_TIMEOUT });
}

test('`adoption link --preset NAME` opens on that preset, with the CLI\'s figures', async (t) => {
  const list = await cli(['preset']);
  const presets = list.trim().split('\n').map((line) => {
    const [, name, summary] = line.match(/^(\S+)\s+(.*)$/);
    return { name, summary };
  });
  assertEqual(presets.length, 6, 'presets listed by the CLI');
  const page = await t.page();
  for (const { name, summary } of presets) {
    const link = (await cli(['link', '--preset', name])).trim();
    assert(link.startsWith('?v=1&') && link.includes(`preset=${name}`), `adoption link --preset ${name}: ${link}`);
    await gotoReady(page, link);
    assertEqual(await notices(page), [], `notices for ${link}`);
    assertEqual(await page.inputValue('#preset'), name, `preset selected for ${link}`);
    const note = await page.textContent('[data-testid=preset-note]');
    assert(note.includes(summary), `preset note for ${name} names what it represents: "${note}"`);
    await assertHeadline(page, await cliRunPreset(name), 'en', `${name}`);
  }
}, { timeout: CLI_TIMEOUT });

test('stored v1 links (crates/model/tests/fixtures/links-v1.json) open without a notice, with the CLI\'s figures', async (t) => {
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'crates/model/tests/fixtures/links-v1.json'), 'utf8'));
  assert(fixtures.length >= 7, `${fixtures.length} fixtures`);
  const page = await t.page();
  for (const { about, link, scenario } of fixtures) {
    await gotoReady(page, link);
    assertEqual(await notices(page), [], `notices for the "${about}" link`);
    assertEqual(Number(await page.inputValue('#budget')), Math.min(scenario.budget_eur, 5_000_000), `budget slider for "${about}"`);
    assertEqual(Number(await page.inputValue('#horizon')), scenario.years, `horizon for "${about}"`);
    await assertHeadline(page, await cliRunUrl(link), 'en', `"${about}"`);
  }
  t.note(`${fixtures.length} stored links`);
}, { timeout: CLI_TIMEOUT });

// ---------------------------------------------------------------------------------------
// Bad links: each on a fresh page.

/** A real link cut short inside its x= part, as a careless copy would. */
async function truncatedLink() {
  const scenario = JSON.parse(await cli(['preset', 'cantabria']));
  scenario.budget_eur = 1_750_000;
  scenario.vouchers.value_eur = 7_500;
  scenario.targets = [];
  const link = (await cli(['link', '--scenario', '-'], JSON.stringify(scenario))).trim();
  const x = params(link).x;
  assert(x && link.endsWith(x), `a real link ending in x=: ${link}`);
  return link.slice(0, link.length - Math.ceil(x.length / 2));
}

const BAD_LINKS = [
  { about: 'malformed (budget=abc)', lang: 'en', link: async () => '?v=1&budget=abc&seed=7', bad: ['budget'], kept: { seed: '7' } },
  { about: 'malformed, Spanish page', lang: 'es', link: async () => '?v=1&budget=abc&seed=7&lang=es', bad: ['budget'], kept: { seed: '7' } },
  { about: 'truncated x=', lang: 'en', link: truncatedLink, bad: ['x'], kept: { budget: '1750000' } },
  { about: 'tampered x= (garbage)', lang: 'en', link: async () => '?v=1&budget=1500000&x=!!not~base64!!', bad: ['x'], kept: { budget: '1500000' } },
  { about: 'tampered mix=90-90-90', lang: 'en', link: async () => '?v=1&mix=90-90-90&budget=2000000', bad: ['mix'], kept: { budget: '2000000' } },
  { about: 'tampered years=999', lang: 'en', link: async () => '?v=1&years=999&seed=5', bad: ['years'], kept: { seed: '5' } },
  // An unknown format is not read at all: the reference scenario is shown (link.rs).
  { about: 'unknown version v=9', lang: 'en', link: async () => '?v=9&budget=2000000&seed=3', bad: ['v'], kept: { seed: '2025' }, dropped: ['budget'] },
  { about: 'unknown version, Spanish page', lang: 'es', link: async () => '?v=9&budget=2000000&lang=es', bad: ['v'], kept: {}, dropped: ['budget'] },
  { about: 'unknown preset', lang: 'en', link: async () => '?v=1&preset=atlantis&budget=2000000', bad: ['preset'], kept: { budget: '2000000', preset: 'cantabria' } },
  { about: 'unknown key', lang: 'en', link: async () => '?v=1&zzz=1&seed=7', bad: ['zzz'], kept: { seed: '7' } },
];

for (const { about, lang, link: make, bad, kept, dropped = [] } of BAD_LINKS) {
  test(`bad link, ${about}: a notice lists ${bad.join(', ')}, valid parts kept, result computed, dismissable`, async (t) => {
    const link = await make();
    const page = await t.page({ locale: lang === 'es' ? 'es-ES' : 'en-GB' });
    await gotoReady(page, link);
    const shown = await notices(page);
    assertEqual(shown.length, 1, `one notice for ${link}`);
    const [notice] = shown;
    assertEqual(notice.role, 'alert', 'the notice is an alert');
    assert(notice.text.startsWith(NOTICE_LINK[lang]), `notice text (${lang}): "${notice.text}"`);
    assertEqual(notice.details.map((d) => d.split(':')[0]), bad, `parts named in the notice (${notice.details.join(' | ')})`);
    t.note(`${link.slice(0, 70)} → ${notice.details.join(' | ').slice(0, 120)}`);

    // The page computed the scenario it kept, which its address now carries.
    assertEqual(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready', 'status');
    const now = await search(page);
    const p = params(now);
    assertEqual(p.v, '1', `the address is a good link now: ${now}`);
    for (const [key, value] of Object.entries(kept)) assertEqual(p[key], value, `kept ${key} in ${now}`);
    for (const key of [...bad, ...dropped].filter((k) => k !== 'v' && k !== 'preset')) {
      assert(!(key in p), `${key} left out of the address: ${now}`);
    }
    await assertHeadline(page, await cliRunUrl(now), lang, `result for the kept parts (${now})`);

    // Dismissed with its button; nothing else changes.
    const before = await headline(page);
    assertEqual(notice.button, DISMISS[lang], 'dismiss button text');
    await dismissAll(page);
    assertEqual(await notices(page), [], 'no notice after dismissing');
    assertEqual(await headline(page), before, 'headline after dismissing');
    assertEqual(await search(page), now, 'address after dismissing');
  }, { timeout: CLI_TIMEOUT });
}
