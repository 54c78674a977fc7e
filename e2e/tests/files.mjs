// Files (issue #4): the population CSV (template out and back in, a region's own
// segments, bad files named by line and column, Spanish Excel's semicolons and decimal
// commas), the scenario JSON (out, back in by the picker and by dropping it on the page,
// checked and run by the CLI; bad files refused), and the exports (yearly CSV equal to the
// CLI's, PNG, SVG). Nothing leaves the page's origin meanwhile.

import {
  arm,
  assert,
  assertEqual,
  assertHeadline,
  assertPrivate,
  cli,
  cliRunScenario,
  dismissAll,
  download,
  dropFile,
  fresh,
  gotoReady,
  headline,
  notices,
  pickFile,
  runsSinceArm,
  search,
  test,
  typeValue,
  waitNotice,
} from '../lib.mjs';

const CLI_TIMEOUT = 15 * 60_000;

const WORDS = {
  en: {
    population: 'This population file could not be used. Nothing was changed.',
    scenario: 'This file is not a scenario the simulator can read. Nothing was changed.',
    loaded: (name) => `Loaded "${name}".`,
    firms: (n) => `of the region's ${n} firms`,
  },
  es: {
    population: 'Este archivo de población no se pudo usar. No se ha cambiado nada.',
    scenario: 'Este archivo no es un escenario que el simulador pueda leer. No se ha cambiado nada.',
    loaded: (name) => `Se ha cargado "${name}".`,
    firms: (n) => `de las ${n} empresas de la región`,
  },
};

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

/** What must not change when a file is refused. */
async function state(page) {
  return {
    search: await search(page),
    headline: await headline(page),
    summary: await page.textContent('[data-testid=summary]'),
    status: await page.getAttribute('[data-testid=status]', 'data-state'),
  };
}

/** Gives a file that must be refused; returns the notice after checking nothing changed. */
async function refused(page, give, count) {
  const before = await state(page);
  await arm(page);
  await give();
  const notice = await waitNotice(page, count);
  assertEqual(await runsSinceArm(page), 0, 'no simulation started');
  assertEqual(await state(page), before, 'address, headline, summary and status unchanged');
  return notice;
}

for (const lang of ['en', 'es']) {
  const w = WORDS[lang];
  test(`population CSV (${lang}): template round trip, 2 segments, bad files by line and column, semicolons and decimal commas`, async (t) => {
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    const start = await state(page);

    // The template, imported unchanged, changes nothing.
    const template = await download(page, () => page.click('#csv-template'));
    assertEqual(template.name, 'population-template.csv', 'template file name');
    const lines = template.text.trim().split(/\r?\n/);
    assertEqual(lines[0], 'segment,firms,adopters,p,q,aware_share', 'template header');
    assertEqual(lines.length, 4, 'a row per segment of the reference preset');
    await arm(page);
    await pickFile(page, '#import-population', template.name, template.buffer, CSV);
    let notice = await waitNotice(page, 1);
    assertEqual(notice.role, 'status', 'a confirmation, not an alert');
    assertEqual(notice.text, w.loaded(template.name), 'confirmation text');
    assertEqual(await runsSinceArm(page), 0, 'the same population: nothing to compute');
    assertEqual(await state(page), start, 'nothing changed');
    await dismissAll(page);

    // Two segments of the user's own: 10,000 firms.
    await fresh(page, () => pickFile(page, '#import-population', 'two.csv', 'segment,firms,adopters\nNorth,6000,1200\nSouth,4000,900\n', CSV));
    const firms = lang === 'es' ? '10.000' : '10,000';
    assert((await page.textContent('[data-testid=summary]')).includes(w.firms(firms)), `the summary counts ${firms} firms: ${await page.textContent('[data-testid=summary]')}`);
    assert(!start.summary.includes(w.firms(firms)), 'it did not before');
    await dismissAll(page);

    // Bad files: every problem with its line and column, in the page's language; nothing
    // changes.
    const [line, column] = lang === 'es' ? ['línea', 'columna'] : ['line', 'column'];
    const bad = [
      ['missing-column.csv', 'segment,firms\nNorth,6000\n', new RegExp(`^${line} 1, ${column} "adopters": `)],
      ['too-many-adopters.csv', 'segment,firms,adopters\nNorth,6000,1200\nSouth,1200,5000\n', new RegExp(`^${line} 3, ${column} "adopters": `)],
      ['text-in-number.csv', 'segment,firms,adopters\nNorth,abc,1200\n', new RegExp(`^${line} 2, ${column} "firms": `)],
    ];
    for (const [name, text, problem] of bad) {
      notice = await refused(page, () => pickFile(page, '#import-population', name, text, CSV), 1);
      assertEqual(notice.role, 'alert', `${name}: an alert`);
      assertEqual(notice.text, w.population, `${name}: notice text`);
      assertEqual(notice.details[0], name, `${name}: the notice names the file`);
      assert(notice.details.slice(1).some((d) => problem.test(d)), `${name}: ${problem} in ${JSON.stringify(notice.details)}`);
      t.note(`${name}: ${notice.details.slice(1).join(' | ')}`);
      await dismissAll(page);
    }

    // Spanish Excel: semicolons and decimal commas are read, as decimals.
    await fresh(page, () => pickFile(page, '#import-population', 'excel.csv', 'segment;firms;adopters;q\nNorte;5000;1000;0,12\nSur;3000;600;0,2\n', CSV));
    notice = (await notices(page)).at(-1);
    assertEqual(notice.text, w.loaded('excel.csv'), 'the semicolon file is accepted');
    const eight = lang === 'es' ? '8.000' : '8,000';
    assert((await page.textContent('[data-testid=summary]')).includes(w.firms(eight)), `${eight} firms now`);
    const segments = JSON.parse(Buffer.from(new URLSearchParams(await search(page)).get('x'), 'base64url').toString()).segments;
    assertEqual(segments.map((s) => [s.name, s.q]), [['Norte', 0.12], ['Sur', 0.2]], 'q read with decimal commas');
    await assertPrivate(t, page);
  });
}

test('scenario JSON: export, CLI check and run, re-import by picker and by drop; bad files refused', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  const link = await search(page);
  const shown = await headline(page);

  const file = await download(page, () => page.click('#export-json'));
  assertEqual(file.name, 'cantabria-lia-upgrade.json', 'file name from the scenario name');
  const scenario = JSON.parse(file.text);
  assertEqual(scenario.version, 1, 'format version');
  assertEqual(scenario.budget_eur, 2_000_000, 'budget in the file');
  const checked = await cli(['check', '-'], file.text);
  assert(checked.startsWith('ok: "Cantabria: LIA upgrade", 3 segments'), `adoption check: ${checked}`);
  await assertHeadline(page, await cliRunScenario(scenario), 'en', 'adoption run --scenario of the exported file');

  // Back in by the picker.
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => pickFile(page, '#import-scenario', file.name, file.buffer, JSON_TYPE));
  assertEqual(await search(page), link, 'the picked file gives the exported scenario');
  assertEqual(await headline(page), shown, 'and its headline');
  let notice = await waitNotice(page, 1);
  assertEqual([notice.role, notice.text], ['status', 'Loaded "Cantabria: LIA upgrade".'], 'confirmation');
  await dismissAll(page);

  // Back in by dropping it on the page.
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => dropFile(page, file.name, file.text, JSON_TYPE));
  assertEqual(await search(page), link, 'the dropped file gives the exported scenario');
  assertEqual(await headline(page), shown, 'and its headline');
  await dismissAll(page);

  // Refused: not JSON, a newer format, too large (picked or dropped).
  const future = JSON.stringify({ ...scenario, version: 9 });
  const huge = `{"version":1,"name":"${'x'.repeat(2 * 1024 * 1024)}"}`;
  const bad = [
    ['broken.json', '{not json', 'pick'],
    ['future.json', future, 'pick'],
    ['huge.json', huge, 'pick'],
    ['dropped.json', '{"version":1,"years":500}', 'drop'],
  ];
  for (const [name, text, how] of bad) {
    notice = await refused(page, () => (how === 'pick'
      ? pickFile(page, '#import-scenario', name, text, JSON_TYPE)
      : dropFile(page, name, text, JSON_TYPE)), 1);
    assertEqual(notice.role, 'alert', `${name}: an alert`);
    assertEqual(notice.text, WORDS.en.scenario, `${name}: notice text`);
    assert(notice.details.length === 1 && notice.details[0].startsWith(`${name}: `), `${name}: the notice names the file: ${notice.details}`);
    t.note(`${name} (${how}, ${text.length} bytes): ${notice.details[0].slice(0, 110)}`);
    await dismissAll(page);
  }
  await assertPrivate(t, page);
}, { timeout: CLI_TIMEOUT });

test('exports: yearly CSV equal to the CLI\'s, a real PNG, a clean SVG', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  const link = await search(page);

  const csv = await download(page, () => page.click('#export-csv'));
  assertEqual(csv.name, 'cantabria-lia-upgrade-yearly.csv', 'CSV file name');
  const rows = csv.text.trim().split('\n');
  const header = rows[0].split(',');
  assertEqual(header.slice(0, 2), ['year', 'calendar_year'], 'first columns');
  const unitless = header.slice(2).filter((c) => !/_(firms|eur)$/.test(c));
  assertEqual(unitless, [], 'every other column names its unit (_firms, _eur)');
  assert(header.includes('spend_eur') && header.includes('additional_adopters_mean_firms'), `columns: ${header.join(',')}`);
  assertEqual(rows.length - 1, 11, 'one row per year, year 0 to 10');
  assertEqual(rows.slice(1).map((r) => r.split(',')[1]), Array.from({ length: 11 }, (_, i) => String(2025 + i)), 'calendar years');
  const expected = await cli(['run', '--url', link, '--format', 'csv']);
  assertEqual(csv.text, expected, `the CSV equals adoption run --url '${link}' --format csv`);

  const png = await download(page, () => page.click('#export-png'));
  assertEqual(png.name, 'cantabria-lia-upgrade-chart.png', 'PNG file name');
  assertEqual([...png.buffer.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assertEqual(png.buffer.toString('latin1', 12, 16), 'IHDR', 'PNG header chunk');
  const size = await page.$eval('[data-testid=adoption-chart]', (svg) => [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))]);
  assertEqual([png.buffer.readUInt32BE(16), png.buffer.readUInt32BE(20)], size.map((v) => Math.trunc(v * 2)), 'PNG at twice the chart\'s size');
  assert(png.buffer.length > 10_000, `a real picture, not a blank one: ${png.buffer.length} bytes`);

  // With a tooltip showing: the export leaves it (and the hover targets) out. (Clicked
  // from script, so that focus, and the tooltip, stay on the chart point.)
  await page.focus('[data-testid=adoption-chart] circle.point:nth-of-type(4)');
  await page.waitForSelector('[data-testid=adoption-chart] .tooltip');
  const svg = await download(page, () => page.$eval('#export-svg', (b) => b.click()));
  assertEqual(svg.name, 'cantabria-lia-upgrade-chart.svg', 'SVG file name');
  assert(svg.text.startsWith('<?xml'), 'an XML declaration');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      paths: [...root.querySelectorAll('path')].map((p) => p.getAttribute('class')),
      interactive: root.querySelectorAll('.tooltip, .hover').length,
      background: root.firstElementChild?.getAttribute('fill'),
    };
  }, svg.text);
  assertEqual(parsed.error, null, 'the SVG parses as XML');
  assertEqual([parsed.root, parsed.ns], ['svg', 'http://www.w3.org/2000/svg'], 'an SVG document');
  for (const cls of ['band90', 'band50', 'baseline', 'median']) assert(parsed.paths.includes(cls), `path.${cls} in ${parsed.paths}`);
  assertEqual(parsed.interactive, 0, 'no .tooltip or .hover elements');
  assertEqual(parsed.background, '#ffffff', 'a white background first');
  assert(await page.isVisible('[data-testid=adoption-chart] .tooltip'), 'the page\'s own chart keeps its tooltip');
  t.note(`CSV ${csv.buffer.length} B, PNG ${png.buffer.length} B (${size.map((v) => v * 2).join('×')}), SVG ${svg.buffer.length} B`);
  await assertPrivate(t, page);
}, { timeout: CLI_TIMEOUT });
