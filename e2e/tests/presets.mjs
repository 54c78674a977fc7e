// Presets (issue #4): a named selector with the six presets; each shows what it
// represents and its sources, and computes the CLI's figures; chosen by keyboard too.

import {
  assert,
  assertEqual,
  assertHeadline,
  cli,
  cliRunPreset,
  fresh,
  gotoReady,
  notices,
  tabTo,
  test,
} from '../lib.mjs';

const CLI_TIMEOUT = 15 * 60_000;

const WORDS = {
  en: { name: /Preset/, source: 'Source:' },
  es: { name: /Escenario predefinido/, source: 'Fuente:' },
};

/** Name → summary, as `adoption preset` lists them. */
async function presetList() {
  const list = await cli(['preset']);
  return list.trim().split('\n').map((line) => {
    const [, name, summary] = line.match(/^(\S+)\s+(.*)$/);
    return { name, summary };
  });
}

for (const lang of ['en', 'es']) {
  test(`presets (${lang}): a named selector with 6 presets, each with its description, sources and the CLI's result`, async (t) => {
    const presets = await presetList();
    const page = await t.page();
    await gotoReady(page, `?lang=${lang}`);
    const select = page.getByRole('combobox', { name: WORDS[lang].name });
    assertEqual(await select.count(), 1, `combobox named ${WORDS[lang].name}`);
    assertEqual(await select.getAttribute('id'), 'preset', 'it is the preset selector');
    const options = await page.$$eval('#preset option', (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    assertEqual(options.map((o) => o.value), presets.map((p) => p.name), 'the 6 presets, in the CLI\'s order');
    assert(options.every((o) => o.text.trim().length > 0), 'every option has a name');

    const notes = new Set();
    // Start from the second, so that every choice changes the scenario.
    for (const { name, summary } of [...presets.slice(1), presets[0]]) {
      await fresh(page, () => page.selectOption('#preset', name));
      const note = await page.textContent('[data-testid=preset-note]');
      assert(note.includes(WORDS[lang].source), `${name}: the note gives its sources: "${note}"`);
      const [described, sources] = note.split(WORDS[lang].source);
      assert(described.trim().length > 20 && sources.trim().length > 10, `${name}: description and sources: "${note}"`);
      if (lang === 'en') assert(described.includes(summary), `${name}: the note is the preset's summary: "${note}"`);
      else assert(!note.includes(summary), `${name}: the note is in Spanish: "${note}"`);
      notes.add(note);
      await assertHeadline(page, await cliRunPreset(name), lang, name);
      assertEqual(await notices(page), [], `no notice for ${name}`);
    }
    assertEqual(notes.size, presets.length, 'each preset has its own note');
  }, { timeout: CLI_TIMEOUT });
}

test('presets by keyboard: Tab to the selector, arrows choose, the note and result follow', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  await tabTo(page, '#preset');
  const first = await page.textContent('[data-testid=preset-note]');
  await fresh(page, () => page.keyboard.press('ArrowDown'));
  assertEqual(await page.inputValue('#preset'), 'cantabria-fast-track', 'ArrowDown chooses the next preset');
  const second = await page.textContent('[data-testid=preset-note]');
  assert(second !== first, 'the note changes');
  await fresh(page, () => page.keyboard.press('End'));
  assertEqual(await page.inputValue('#preset'), 'example-region', 'End chooses the last preset');
  await fresh(page, () => page.keyboard.press('Home'));
  assertEqual(await page.inputValue('#preset'), 'cantabria', 'Home goes back to the first');
  assertEqual(await page.textContent('[data-testid=preset-note]'), first, 'and its note');
  await assertHeadline(page, await cliRunPreset('cantabria'), 'en', 'cantabria again');
}, { timeout: CLI_TIMEOUT });
