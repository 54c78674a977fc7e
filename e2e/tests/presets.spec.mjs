// Presets (issue #4): a named selector with the six presets; each shows what it
// represents and its sources, and computes the CLI's figures; chosen by keyboard too.

import {
  assertHeadline,
  expect,
  fresh,
  gotoReady,
  LANGS,
  notices,
  ORACLE_TIMEOUT,
  tabTo,
  test,
} from '../fixtures.mjs';

const WORDS = {
  en: { name: /Preset/, source: 'Source:' },
  es: { name: /Escenario predefinido/, source: 'Fuente:' },
  pt: { name: /Cenário predefinido/, source: 'Fonte:' },
};

/** Name → summary, as `adoption preset` lists them. */
async function presetList(oracle) {
  const list = await oracle.cli(['preset']);
  return list.trim().split('\n').map((line) => {
    const [, name, summary] = line.match(/^(\S+)\s+(.*)$/);
    return { name, summary };
  });
}

for (const lang of LANGS) {
  test(`presets (${lang}): a named selector with 6 presets, each with its description, sources and the CLI's result`, async ({ pages, note, oracle }) => {
    test.setTimeout(ORACLE_TIMEOUT);
    const presets = await presetList(oracle);
    const page = await pages.open();
    await gotoReady(page, `?lang=${lang}`);
    const select = page.getByRole('combobox', { name: WORDS[lang].name });
    expect(await select.count(), `combobox named ${WORDS[lang].name}`).toEqual(1);
    expect(await select.getAttribute('id'), 'it is the preset selector').toEqual('preset');
    const options = await page.$$eval('#preset option', (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    expect(options.map((o) => o.value), 'the 6 presets, in the CLI\'s order').toEqual(presets.map((p) => p.name));
    expect(options.every((o) => o.text.trim().length > 0), 'every option has a name').toBeTruthy();

    const notes = new Set();
    // Start from the second, so that every choice changes the scenario.
    for (const { name, summary } of [...presets.slice(1), presets[0]]) {
      await fresh(page, () => page.selectOption('#preset', name));
      const note = await page.textContent('[data-testid=preset-note]');
      expect(note, `${name}: the note gives its sources: "${note}"`).toContain(WORDS[lang].source);
      const [described, sources] = note.split(WORDS[lang].source);
      expect(described.trim().length > 20 && sources.trim().length > 10, `${name}: description and sources: "${note}"`).toBeTruthy();
      if (lang === 'en') expect(described, `${name}: the note is the preset's summary: "${note}"`).toContain(summary);
      else expect(note.includes(summary), `${name}: the note is translated (${lang}): "${note}"`).toBeFalsy();
      notes.add(note);
      await assertHeadline(page, await oracle.runPreset(name), lang, name);
      expect(await notices(page), `no notice for ${name}`).toEqual([]);
    }
    expect(notes.size, 'each preset has its own note').toEqual(presets.length);
  });
}

test('presets by keyboard: Tab to the selector, arrows choose, the note and result follow', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open();
  await gotoReady(page);
  await tabTo(page, '#preset');
  const first = await page.textContent('[data-testid=preset-note]');
  await fresh(page, () => page.keyboard.press('ArrowDown'));
  await expect(page.locator('#preset'), 'ArrowDown chooses the next preset').toHaveValue('cantabria-fast-track');
  const second = await page.textContent('[data-testid=preset-note]');
  expect(second, 'the note changes').not.toBe(first);
  await fresh(page, () => page.keyboard.press('End'));
  await expect(page.locator('#preset'), 'End chooses the last preset').toHaveValue('example-region');
  await fresh(page, () => page.keyboard.press('Home'));
  await expect(page.locator('#preset'), 'Home goes back to the first').toHaveValue('cantabria');
  expect(await page.textContent('[data-testid=preset-note]'), 'and its note').toEqual(first);
  await assertHeadline(page, await oracle.runPreset('cantabria'), 'en', 'cantabria again');
});
