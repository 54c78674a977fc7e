// Files (issue #4): the population CSV (template out and back in, a region's own
// segments, bad files named by line and column, Spanish Excel's semicolons and decimal
// commas), the scenario JSON (out, back in by the picker and by dropping it on the page,
// checked and run by the CLI; bad files refused), and the exports (yearly CSV equal to the
// CLI's, PNG, SVG). Nothing leaves the page's origin meanwhile.

import {
  FORMAT_VERSION,
  arm,
  assertHeadline,
  assertPrivate,
  dismissAll,
  download,
  dropFile,
  expect,
  formatCount,
  fresh,
  gotoReady,
  headline,
  LANGS,
  notices,
  ORACLE_TIMEOUT,
  pickFile,
  runsSinceArm,
  search,
  test,
  typeValue,
  waitNotice,
} from '../fixtures.mjs';

const WORDS = {
  en: {
    population: 'This population file could not be used. Nothing was changed.',
    scenario: 'This file is not a scenario the simulator can read. Nothing was changed.',
    loaded: (name) => `Loaded "${name}".`,
    firms: (n) => `of the region's ${n} firms`,
    lineColumn: ['line', 'column'],
  },
  es: {
    population: 'Este archivo de población no se pudo usar. No se ha cambiado nada.',
    scenario: 'Este archivo no es un escenario que el simulador pueda leer. No se ha cambiado nada.',
    loaded: (name) => `Se ha cargado "${name}".`,
    firms: (n) => `de las ${n} empresas de la región`,
    lineColumn: ['línea', 'columna'],
  },
  // src/i18n/pt: texts.rs (notices, summary), messages.rs (Key::LineColumn).
  pt: {
    population: 'Não foi possível usar este ficheiro de população. Nada foi alterado.',
    scenario: 'Este ficheiro não é um cenário que o simulador consiga ler. Nada foi alterado.',
    loaded: (name) => `Foi carregado "${name}".`,
    firms: (n) => `das ${n} empresas da região`,
    lineColumn: ['linha', 'coluna'],
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
  expect(await runsSinceArm(page), 'no simulation started').toEqual(0);
  expect(await state(page), 'address, headline, summary and status unchanged').toEqual(before);
  return notice;
}

for (const lang of LANGS) {
  const w = WORDS[lang];
  test(`population CSV (${lang}): template round trip, 2 segments, bad files by line and column, semicolons and decimal commas`, async ({ pages, note, site }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    const start = await state(page);

    // The template, imported unchanged, changes nothing.
    const template = await download(page, () => page.click('#csv-template'));
    expect(template.name, 'template file name').toEqual('population-template.csv');
    const lines = template.text.trim().split(/\r?\n/);
    expect(lines[0], 'template header').toEqual('segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate');
    expect(lines.length, 'a row per segment of the reference preset').toEqual(4);
    await arm(page);
    await pickFile(page, '#import-population', template.name, template.buffer, CSV);
    let notice = await waitNotice(page, 1);
    expect(notice.role, 'a confirmation, not an alert').toEqual('status');
    expect(notice.text, 'confirmation text').toEqual(w.loaded(template.name));
    expect(await runsSinceArm(page), 'the same population: nothing to compute').toEqual(0);
    expect(await state(page), 'nothing changed').toEqual(start);
    await dismissAll(page);

    // Two segments of the user's own: 10,000 firms at the start. The summary counts the
    // firms in business at the headline year (the horizon; firms close and open), as the
    // table's last row does.
    await fresh(page, () => pickFile(page, '#import-population', 'two.csv', 'segment,firms,adopters\nNorth,6000,1200\nSouth,4000,900\n', CSV));
    // The table is drawn once opened (and stays open below).
    await page.click('details.data-table > summary');
    expect(await page.textContent('[data-testid=data-table] tbody tr:first-child td:last-child'), 'firms at the start').toEqual(formatCount(10_000, lang));
    const firms = await page.textContent('[data-testid=data-table] tbody tr:last-child td:last-child');
    expect(await page.textContent('[data-testid=summary]'), `the summary counts ${firms} firms: ${await page.textContent('[data-testid=summary]')}`).toContain(w.firms(firms));
    expect(start.summary.includes(w.firms(firms)), 'it did not before').toBeFalsy();
    await dismissAll(page);

    // Bad files: every problem with its line and column, in the page's language; nothing
    // changes.
    const [line, column] = w.lineColumn;
    const bad = [
      ['missing-column.csv', 'segment,firms\nNorth,6000\n', new RegExp(`^${line} 1, ${column} "adopters": `)],
      ['too-many-adopters.csv', 'segment,firms,adopters\nNorth,6000,1200\nSouth,1200,5000\n', new RegExp(`^${line} 3, ${column} "adopters": `)],
      ['text-in-number.csv', 'segment,firms,adopters\nNorth,abc,1200\n', new RegExp(`^${line} 2, ${column} "firms": `)],
    ];
    for (const [name, text, problem] of bad) {
      notice = await refused(page, () => pickFile(page, '#import-population', name, text, CSV), 1);
      expect(notice.role, `${name}: an alert`).toEqual('alert');
      expect(notice.text, `${name}: notice text`).toEqual(w.population);
      expect(notice.details[0], `${name}: the notice names the file`).toEqual(name);
      expect(notice.details.slice(1).some((d) => problem.test(d)), `${name}: ${problem} in ${JSON.stringify(notice.details)}`).toBeTruthy();
      note(`${name}: ${notice.details.slice(1).join(' | ')}`);
      await dismissAll(page);
    }

    // Spanish Excel: semicolons and decimal commas are read, as decimals.
    await fresh(page, () => pickFile(page, '#import-population', 'excel.csv', 'segment;firms;adopters;q\nNorte;5000;1000;0,12\nSur;3000;600;0,2\n', CSV));
    notice = (await notices(page)).at(-1);
    expect(notice.text, 'the semicolon file is accepted').toEqual(w.loaded('excel.csv'));
    expect(await page.textContent('[data-testid=data-table] tbody tr:first-child td:last-child'), '8,000 firms at the start').toEqual(formatCount(8_000, lang));
    const eight = await page.textContent('[data-testid=data-table] tbody tr:last-child td:last-child');
    expect(await page.textContent('[data-testid=summary]'), `${eight} firms now`).toContain(w.firms(eight));
    const segments = JSON.parse(Buffer.from(new URLSearchParams(await search(page)).get('x'), 'base64url').toString()).segments;
    expect(segments.map((s) => [s.name, s.q]), 'q read with decimal commas').toEqual([['Norte', 0.12], ['Sur', 0.2]]);
    await assertPrivate(pages, page, [site.origin]);
  });
}

test('scenario JSON: export, CLI check and run, re-import by picker and by drop; bad files refused', async ({ pages, note, oracle, site }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open();
  await gotoReady(page);
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  const link = await search(page);
  const shown = await headline(page);

  const file = await download(page, () => page.click('#export-json'));
  expect(file.name, 'file name from the scenario name').toEqual('cantabria-lia-upgrade.json');
  const scenario = JSON.parse(file.text);
  expect(String(scenario.version), 'format version').toEqual(FORMAT_VERSION);
  expect(scenario.budget_eur, 'budget in the file').toEqual(2_000_000);
  const checked = await oracle.cli(['check', '-'], file.text);
  expect(checked.startsWith('ok: "Cantabria: LIA upgrade", 3 segments'), `adoption check: ${checked}`).toBeTruthy();
  await assertHeadline(page, await oracle.runScenario(scenario), 'en', 'adoption run --scenario of the exported file');

  // Back in by the picker.
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => pickFile(page, '#import-scenario', file.name, file.buffer, JSON_TYPE));
  expect(await search(page), 'the picked file gives the exported scenario').toEqual(link);
  expect(await headline(page), 'and its headline').toEqual(shown);
  let notice = await waitNotice(page, 1);
  expect([notice.role, notice.text], 'confirmation').toEqual(['status', 'Loaded "Cantabria: LIA upgrade".']);
  await dismissAll(page);

  // Back in by dropping it on the page.
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => dropFile(page, file.name, file.text, JSON_TYPE));
  expect(await search(page), 'the dropped file gives the exported scenario').toEqual(link);
  expect(await headline(page), 'and its headline').toEqual(shown);
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
    expect(notice.role, `${name}: an alert`).toEqual('alert');
    expect(notice.text, `${name}: notice text`).toEqual(WORDS.en.scenario);
    expect(notice.details.length === 1 && notice.details[0].startsWith(`${name}: `), `${name}: the notice names the file: ${notice.details}`).toBeTruthy();
    note(`${name} (${how}, ${text.length} bytes): ${notice.details[0].slice(0, 110)}`);
    await dismissAll(page);
  }
  await assertPrivate(pages, page, [site.origin]);
});

test('exports: yearly CSV equal to the CLI\'s, a real PNG, a clean SVG', async ({ pages, note, oracle, site }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open();
  await gotoReady(page);
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  const link = await search(page);

  const csv = await download(page, () => page.click('#export-csv'));
  expect(csv.name, 'CSV file name').toEqual('cantabria-lia-upgrade-yearly.csv');
  const rows = csv.text.trim().split('\n');
  const header = rows[0].split(',');
  expect(header.slice(0, 2), 'first columns').toEqual(['year', 'calendar_year']);
  const unitless = header.slice(2).filter((c) => !/_(firms|eur)$/.test(c));
  expect(unitless, 'every other column names its unit (_firms, _eur)').toEqual([]);
  expect(header.includes('spend_eur') && header.includes('additional_adopters_mean_firms'), `columns: ${header.join(',')}`).toBeTruthy();
  expect(rows.length - 1, 'one row per year, year 0 to 10').toEqual(11);
  expect(rows.slice(1).map((r) => r.split(',')[1]), 'calendar years').toEqual(Array.from({ length: 11 }, (_, i) => String(2025 + i)));
  const expected = await oracle.cli(['run', '--url', link, '--format', 'csv']);
  expect(csv.text, `the CSV equals adoption run --url '${link}' --format csv`).toEqual(expected);

  const png = await download(page, () => page.click('#export-png'));
  expect(png.name, 'PNG file name').toEqual('cantabria-lia-upgrade-chart.png');
  expect([...png.buffer.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.buffer.toString('latin1', 12, 16), 'PNG header chunk').toEqual('IHDR');
  const size = await page.$eval('[data-testid=adoption-chart]', (svg) => [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))]);
  expect([png.buffer.readUInt32BE(16), png.buffer.readUInt32BE(20)], 'PNG at twice the chart\'s size').toEqual(size.map((v) => Math.trunc(v * 2)));
  expect(png.buffer.length, `a real picture, not a blank one: ${png.buffer.length} bytes`).toBeGreaterThan(10_000);

  // With a tooltip showing: the export leaves it (and the hover targets) out. (Clicked
  // from script, so that focus, and the tooltip, stay on the chart point.)
  await page.focus('[data-testid=adoption-chart] circle.point:nth-of-type(4)');
  await expect(page.locator('[data-testid=adoption-chart] .tooltip').first()).toBeVisible();
  const svg = await download(page, () => page.$eval('#export-svg', (b) => b.click()));
  expect(svg.name, 'SVG file name').toEqual('cantabria-lia-upgrade-chart.svg');
  expect(svg.text.startsWith('<?xml'), 'an XML declaration').toBeTruthy();
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
  expect(parsed.error, 'the SVG parses as XML').toEqual(null);
  expect([parsed.root, parsed.ns], 'an SVG document').toEqual(['svg', 'http://www.w3.org/2000/svg']);
  // The chart as shown (the extra-adopters view by default): its bands and median line,
  // the same paths as the page's chart.
  for (const cls of ['band90', 'band50', 'median']) expect(parsed.paths, `path.${cls} in ${parsed.paths}`).toContain(cls);
  const shown = await page.$$eval('[data-testid=adoption-chart] path', (ps) => ps.map((p) => p.getAttribute('class')));
  expect(parsed.paths, 'the SVG draws the paths the page shows').toEqual(shown);
  expect(parsed.interactive, 'no .tooltip or .hover elements').toEqual(0);
  expect(parsed.background, 'a white background first').toEqual('#ffffff');
  await expect(page.locator('[data-testid=adoption-chart] .tooltip'), 'the page\'s own chart keeps its tooltip').toBeVisible();
  note(`CSV ${csv.buffer.length} B, PNG ${png.buffer.length} B (${size.map((v) => v * 2).join('×')}), SVG ${svg.buffer.length} B`);
  await assertPrivate(pages, page, [site.origin]);
});
