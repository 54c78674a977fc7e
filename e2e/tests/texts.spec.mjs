// Words (issue #4): every text of the new features switches to each other language
// (notices, saved scenarios, comparison, targets, export/import, share and embed dialog,
// the summary);
// an explicit ?lang= stays in the address, the browser's language alone is not written
// there; the plain-language summary states the headline and the horizon year and
// describes the chart.

import {
  FORMAT_VERSION,
  dropFile,
  expect,
  formatCount,
  fresh,
  gotoReady,
  headline,
  LANGS,
  notices,
  pickFile,
  search,
  test,
  typeValue,
  waitNotice,
} from '../fixtures.mjs';

/** English texts of the features added with issue #4 (src/i18n/en.rs), as words. */
const ENGLISH = [
  'Saved scenarios', 'Name for this scenario', 'Save', 'No saved scenarios yet', 'Tick saved scenarios',
  'Compare scenarios', 'Current', 'Scenario', 'Budget', 'Mix', 'Extra adopters', 'Cost per extra adopter',
  'Chance of targets', 'Extra adopters by year', 'Add a target', "Add the EU's goal", 'Extra firms adopting',
  'Firms adopting', 'Share of firms adopting', 'Target', 'Year', 'At least', 'Remove target', 'Targets', 'Export',
  'Yearly figures', 'Chart', 'Printable brief', 'Import', 'Open a scenario file', "Use your region's firms",
  'Download the CSV template', 'You can also drop', 'Share', 'Link to this scenario', 'Copy', 'Copied', 'Embed',
  'Embed this simulator', 'Results only', 'Code to paste', 'Close', 'Dismiss',
  'Some parts of this link', 'This population file', 'This file is not a scenario', 'Nothing was changed',
  'Loaded', 'Your saved scenarios', 'With the plan', 'simulated futures', 'chance', 'Open', 'Rename', 'Delete',
  'Compare', 'Source', 'Language', 'Preset scenario', 'larger than', 'not a text file', 'cannot be read',
];
const wordRe = (w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

/**
 * Each other language: texts that must be there, and the words the tests below use
 * (src/i18n/<lang>/texts.rs and messages.rs).
 */
const TRANSLATED = {
  es: {
    texts: [
      'Escenarios guardados', 'Nombre para este escenario', 'Guardar', 'Comparar escenarios', 'Actual',
      'Añadir un objetivo', 'Exportar', 'Cifras anuales (CSV)', 'Informe para imprimir', 'Importar',
      'Abrir un archivo de escenario (JSON)', 'Usar las empresas de su región (CSV)', 'Descargar la plantilla CSV',
      'Compartir', 'Enlace a este escenario', 'Copiar', 'Insertar', 'Insertar este simulador en una página web',
      'Solo resultados (sin controles)', 'Cerrar', 'Algunas partes de este enlace no se pudieron usar',
      'Este archivo de población no se pudo usar', 'Este archivo no es un escenario', 'Con el plan, unas',
    ],
    eu: 'Añadir el objetivo de la UE: 90 % de las empresas en 2030',
    defaultName: (n) => `Escenario ${n}`,
    rename: (n) => `Cambiar el nombre de "${n}"`,
    dismiss: 'Cerrar',
    csvDetail: `línea 3, columna "adopters": ${formatCount(5000, 'es')} es más que las ${formatCount(1200, 'es')} empresas del segmento`,
  },
  pt: {
    texts: [
      'Cenários guardados', 'Nome para este cenário', 'Guardar', 'Comparar cenários', 'Atual',
      'Acrescentar uma meta', 'Exportar', 'Números anuais (CSV)', 'Resumo para imprimir', 'Importar',
      'Abrir um ficheiro de cenário (JSON)', 'Usar as empresas da sua região (CSV)', 'Descarregar o modelo CSV',
      'Partilhar', 'Ligação para este cenário', 'Copiar', 'Incorporar', 'Incorporar este simulador numa página web',
      'Só os resultados (sem controlos)', 'Fechar', 'Algumas partes desta ligação não puderam ser usadas',
      'Não foi possível usar este ficheiro de população', 'Este ficheiro não é um cenário', 'Com o plano, cerca de',
    ],
    eu: 'Acrescentar a meta da UE: 90% das empresas em 2030',
    defaultName: (n) => `Cenário ${n}`,
    rename: (n) => `Mudar o nome de "${n}"`,
    dismiss: 'Fechar',
    csvDetail: `linha 3, coluna "adopters": ${formatCount(5000, 'pt')} é mais do que as ${formatCount(1200, 'pt')} empresas do segmento`,
  },
};

/** Every text a person can see or hear: rendered text, names, placeholders, titles. */
function allWords(page) {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')]
      .flatMap((e) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a)).filter(Boolean));
    const values = [...document.querySelectorAll('textarea, input[type=text]')].map((e) => e.value);
    // Notice details quote the link, the file and the model's own messages: checked apart.
    const body = document.body.cloneNode(true);
    for (const d of body.querySelectorAll('.notice-details')) d.remove();
    for (const e of body.querySelectorAll('textarea')) e.remove();
    return { text: document.body.innerText, body: body.textContent, attrs, values };
  });
}

for (const [lang, w] of Object.entries(TRANSLATED)) {
  test(`translated (${lang}): every new text (notices, saved scenarios, comparison, targets, files, share, embed dialog, summary) is in the page's language`, async ({ pages, note }) => {
    const page = await pages.open({ locale: 'en-GB' });
    // A link with a bad part, so that a link notice shows.
    await gotoReady(page, `?lang=${lang}&v=${FORMAT_VERSION}&budget=abc`);
    await page.click('#save-button');
    await expect(page.locator('.saved-list li.saved').first()).toBeVisible();
    await fresh(page, () => typeValue(page, '#budget-exact', formatCount(2_000_000, lang)));
    await page.click('#save-button');
    await expect(page.locator('.saved-list li.saved')).toHaveCount(2);
    expect(await page.$$eval('.saved-name', (ns) => ns.map((n) => n.textContent)), 'default names').toEqual([w.defaultName(1), w.defaultName(2)]);
    for (const i of [0, 1]) {
      await page.check(`#compare-${i}`);
      await expect(page.locator('[data-testid=compare] tbody tr')).toHaveCount(i + 2);
      await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);
    }
    const eu = await page.textContent('#add-eu-goal');
    expect(eu, 'EU goal button').toEqual(w.eu);
    await fresh(page, () => page.click('#add-target'));
    await page.click('details.assumptions > summary');
    await page.getByRole('button', { name: w.rename(w.defaultName(1)), exact: true }).click();
    await pickFile(page, '#import-population', 'mal.csv', 'segment,firms,adopters\nNorte,100,500\n', 'text/csv');
    await waitNotice(page, 2);
    await pickFile(page, '#import-scenario', 'grande.json', `{"x":"${'x'.repeat(1_100_000)}"}`, 'application/json');
    await waitNotice(page, 3);
    await dropFile(page, 'roto.json', '{roto', 'application/json');
    await waitNotice(page, 4);
    await page.click('#open-embed');
    await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);

    const words = await allWords(page);
    const english = [];
    for (const w of ENGLISH) {
      const re = wordRe(w);
      if (re.test(words.body)) english.push(`text: "${w}"`);
      for (const a of words.attrs) if (re.test(a)) english.push(`attribute "${a}"`);
    }
    // The notice details that the page words itself (not quoting the model).
    const shown = await notices(page);
    const big = shown.find((n) => n.details[0]?.startsWith('grande.json'));
    expect(big, `a notice about grande.json: ${JSON.stringify(shown)}`).toBeTruthy();
    if (/larger than|more than/.test(big.details[0])) english.push(`notice detail "${big.details[0]}"`);
    const missing = w.texts.filter((s) => !words.text.includes(s) && !words.attrs.includes(s));
    note(`${ENGLISH.length} English phrases looked for in ${words.body.length} characters and ${words.attrs.length} attributes`);
    expect(missing, `${lang} texts missing`).toEqual([]);
    expect([...new Set(english)], `English left on the ${lang} page`).toEqual([]);
    expect(shown.map((n) => n.button), 'dismiss buttons').toEqual(Array(4).fill(w.dismiss));
  });
}

for (const [lang, w] of Object.entries(TRANSLATED)) {
  test(`translated notices (${lang}): the details of link, CSV and scenario-file problems are in the page's language`, async ({ pages, note }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}&v=${FORMAT_VERSION}&budget=abc&zzz=1`);
    await pickFile(page, '#import-population', 'mal.csv', 'segment,firms,adopters\nNorte,abc,10\nSur,1200,5000\n', 'text/csv');
    await waitNotice(page, 2);
    await pickFile(page, '#import-scenario', 'roto.json', '{"version":1,"years":500}', 'application/json');
    await waitNotice(page, 3);
    const details = (await notices(page)).flatMap((n) => n.details);
    const english = details.filter((d) => /\b(is|are|the|line|column|must|not|was|ignored|field|between)\b/.test(d));
    note(`details: ${details.join(' | ')}`);
    expect(english, `English in the details of ${lang} notices`).toEqual([]);
    // Numbers as the language writes them.
    expect(details, `${lang} numbers in the CSV detail: ${details.join(' | ')}`).toContain(w.csvDetail);
    // The notices are worded when shown: switching the language rewords them.
    await page.selectOption('#language', 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const english2 = (await notices(page)).flatMap((n) => n.details);
    note(`in English: ${english2.join(' | ')}`);
    expect(english2,
      `the CSV detail in English after switching: ${english2.join(' | ')}`).toContain('line 3, column "adopters": 5,000 is more than the segment\'s 1,200 firms');
    expect(english2, `the scenario detail in English: ${english2.join(' | ')}`).toContain('roto.json: field `years`: must be between 1 and 50');
  });
}

test('the address keeps an explicit ?lang=, the switcher writes it, the browser\'s language alone does not', async ({ pages }) => {
  // English browser: no lang in the address until the user picks one.
  const page = await pages.open({ locale: 'en-GB' });
  await gotoReady(page);
  expect(new URLSearchParams(await search(page)).has('lang'), `no lang at first: ${await search(page)}`).toBeFalsy();
  await page.selectOption('#language', 'es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(new URLSearchParams(await search(page)).get('lang'), 'the switcher writes lang=es').toEqual('es');
  for (const [selector, text] of [['#saved-heading', 'Escenarios guardados'], ['#export-heading', 'Exportar'], ['#import-heading', 'Importar'], ['#share-heading', 'Compartir'], ['#open-embed', 'Insertar'], ['#save-button', 'Guardar'], ['#csv-template', 'Descargar la plantilla CSV']]) {
    expect(await page.textContent(selector), `${selector} switches live`).toEqual(text);
  }
  expect((await page.textContent('[data-testid=summary]')).startsWith('Con el plan'), 'the summary switches live').toBeTruthy();
  await fresh(page, () => typeValue(page, '#budget-exact', '2.000.000'));
  expect(new URLSearchParams(await search(page)).get('lang'), 'lang=es kept after a change').toEqual('es');

  // Spanish browser: Spanish page, but nothing written to the address.
  const es = await pages.open({ locale: 'es-ES' });
  await gotoReady(es);
  await expect(es.locator('html'), 'Spanish from the browser').toHaveAttribute('lang', 'es');
  await fresh(es, () => typeValue(es, '#budget-exact', '2.000.000'));
  expect(new URLSearchParams(await search(es)).has('lang'), `the browser's language is not written: ${await search(es)}`).toBeFalsy();

  // An explicit choice stays, even against the browser's language.
  const en = await pages.open({ locale: 'es-ES' });
  await gotoReady(en, '?lang=en');
  await fresh(en, () => typeValue(en, '#budget-exact', '2,000,000'));
  expect(new URLSearchParams(await search(en)).get('lang'), '?lang=en kept on a Spanish browser').toEqual('en');
  expect(await en.textContent('#saved-heading'), 'English page').toEqual('Saved scenarios');
});

const SUMMARY = {
  en: { starts: 'With the plan, about', year: (y) => `by ${y}`, none: 'On average the plan adds no firms using cloud computing services by 2035' },
  es: { starts: 'Con el plan, unas', year: (y) => `en ${y}`, none: 'De media, el plan no añade empresas que usen servicios de computación en la nube en 2035' },
  pt: { starts: 'Com o plano, cerca de', year: (y) => `em ${y}`, none: 'Em média, o plano não acrescenta empresas que usem serviços de computação em nuvem em 2035' },
};

for (const lang of LANGS) {
  const w = SUMMARY[lang];
  test(`summary paragraph (${lang}): states the headline and the horizon year, describes the chart, says when the plan adds none`, async ({ pages, note }) => {
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    const summary = () => page.textContent('[data-testid=summary]');
    let text = await summary();
    expect(text.startsWith(w.starts), `summary: "${text}"`).toBeTruthy();
    expect(text, `the summary states the headline ${await headline(page)}: "${text}"`).toContain(` ${await headline(page)} `);
    expect(text, `the summary names the horizon year: "${text}"`).toContain(w.year(2035));
    const describedBy = await page.getAttribute('[data-testid=adoption-chart]', 'aria-describedby');
    expect(describedBy, 'the chart is described by').toEqual('result-summary');
    expect(await page.$eval(`#${describedBy}`, (e) => e.dataset.testid), 'the summary paragraph').toEqual('summary');

    await fresh(page, () => typeValue(page, '#horizon-exact', '12'));
    text = await summary();
    expect(text.includes(w.year(2037)) && text.includes(` ${await headline(page)} `), `after a longer horizon: "${text}"`).toBeTruthy();

    await fresh(page, () => typeValue(page, '#horizon-exact', '10'));
    await fresh(page, () => typeValue(page, '#budget-exact', '0'));
    text = await summary();
    expect(text.startsWith(w.none), `with budget 0: "${text}"`).toBeTruthy();
    note(text.slice(0, 140));
  });
}
