// A consultation's participant (issue 11), on a phone (360 px) in each language: a set-up
// link opens the simple view (the organiser's question as text, the fixed budget and share
// disabled with the reason, groups to pick from); "Hand in my plan" gives a link that the
// CLI reads back as the same plan, code and group (five hand-ins: five nonces, no
// duplicates); the drawn QR code decodes (jsQR) to exactly that link; the file holds it;
// copy puts it on the clipboard (and, refused, selects it); the card's figures are the
// page's; axe finds nothing on the view and the dialog. Bad set-up links are reported part
// by part. Screenshots at 360 and 1280 px go to e2e/screenshots/.

import jsQR from 'jsqr';
import {
  LANGS, axeScan, download, expect, formatEur, formatPercent, gotoReady, intervalNumbers,
  notices, setRange, shot, test, waitNotice, waitReady,
} from '../fixtures.mjs';

const PHONE = { width: 360, height: 780 };
const CODE = 'cant26';
const GROUPS = ['Besaya', 'Pas', 'Saja'];
// Markup in the question must show as text.
const QUESTION = 'How should <b>we</b> split 2 M€?';

/** The set-up link: budget fixed at 2,000,000 EUR, training fixed at 20%. */
function setup(lang) {
  const q = new URLSearchParams({
    budget: '2000000', mix: '50-20-30', consult: CODE, lock: 'budget,training',
    q: QUESTION, groups: GROUPS.join(','), lang,
  });
  return `?${q}`;
}

const HANDIN_BUTTON = '#hand-in';
const DIALOG = '#handin-dialog';

/** Opens the hand-in dialog and returns its link. */
async function handIn(page) {
  await page.click(HANDIN_BUTTON);
  await expect(page.locator(DIALOG)).toBeVisible({ timeout: 20_000 });
  const link = await page.locator('#handin-link').inputValue();
  expect(link).toMatch(/\?h=[A-Za-z0-9_-]{30,}$/);
  return link;
}

async function closeDialog(page) {
  await page.locator(`${DIALOG} .handin-close`).click();
  await expect(page.locator(DIALOG)).toBeHidden();
}

/** The drawn QR code, rendered to pixels in the page (its SVG drawn on a canvas), decoded by jsQR. */
async function decodeQr(page) {
  const { side, data } = await page.evaluate(async (selector) => {
    const svg = document.querySelector(selector).cloneNode(true);
    const side = svg.viewBox.baseVal.width * 8;
    svg.setAttribute('width', side);
    svg.setAttribute('height', side);
    const xml = new XMLSerializer().serializeToString(svg);
    const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, side, side);
    URL.revokeObjectURL(url);
    return { side, data: Array.from(ctx.getImageData(0, 0, side, side).data) };
  }, `${DIALOG} [data-testid=handin-qr]`);
  return jsQR(Uint8ClampedArray.from(data), side, side)?.data ?? null;
}

for (const lang of LANGS) {
  test(`a participant hands in by link, QR, file and copy at 360 px (${lang})`, async ({ pages, site, oracle, note }) => {
    test.setTimeout(180_000);
    const page = await pages.open({ viewport: PHONE });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await gotoReady(page, setup(lang));
    expect(await notices(page), 'a good set-up link is not reported').toEqual([]);

    // The simple view: the question as text, no preset choice, no saved scenarios or files.
    await expect(page.getByTestId('consult-question')).toHaveText(QUESTION);
    expect(await page.locator('[data-testid=consult-question] b').count()).toBe(0);
    await expect(page.locator('#preset')).toHaveCount(0);
    await expect(page.locator('.tools, #share-link')).toHaveCount(0);
    await expect(page.locator('.best-mix-open')).toHaveCount(0);
    await expect(page.locator('.targets-editor, .assumptions')).toHaveCount(0);
    // The fixed budget and share are disabled, with the reason beside them.
    for (const id of ['#budget', '#budget-exact', '#share-training', '#share-training-exact', '#hold-training']) {
      await expect(page.locator(id), id).toBeDisabled();
    }
    await expect(page.locator('#share-vouchers')).toBeEnabled();
    const texts = { en: 'organiser', es: 'organiza', pt: 'organiza' };
    await expect(page.locator('.controls.consult')).toContainText(texts[lang]);
    expect(await axeScan(page, `participant ${lang}`, note)).toEqual([]);
    const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll(), 'no horizontal scroll at 360 px').toBe(true);

    // Move vouchers: pilots take the difference (training is held), then pick a group.
    await setRange(page, '#share-vouchers', 60);
    await expect(page.locator('#share-pilots')).toHaveValue('20');
    await waitReady(page);
    await expect(page.locator(HANDIN_BUTTON)).toBeEnabled();
    await page.selectOption('#consult-group', 'Besaya');

    const link = await handIn(page);
    expect(link.startsWith(new URL('./', site.url).href.replace(/\/$/, '/'))).toBe(true);
    expect(link.length, 'a short link').toBeLessThanOrEqual(140);

    // The card: the plan and the page's own figures for it.
    const card = page.getByTestId('handin-card');
    await expect(card.getByTestId('handin-plan')).toContainText(formatPercent('60', lang));
    await expect(card.getByTestId('handin-plan')).toContainText(formatEur(2_000_000, lang));
    const headline = (await page.getByTestId('additional-adopters').textContent()).trim();
    const { low, high } = await intervalNumbers(page);
    const outcome = await card.getByTestId('handin-outcome').innerText();
    for (const figure of [headline, low, high]) expect(outcome, outcome).toContain(figure);
    const pageChances = await page.$$eval('.headline ul.targets li', (ls) => ls.map((l) => l.textContent.match(/\d+\s?%/)?.[0]));
    const cardChances = await card.locator('.handin-chances li').evaluateAll((ls) => ls.map((l) => l.textContent.match(/\d+\s?%/)?.[0]));
    expect(cardChances, 'the card gives each target\'s chance as the page does').toEqual(pageChances);
    await expect(page.locator(DIALOG)).toContainText({ en: 'Nothing is sent anywhere', es: 'No se envía nada', pt: 'Nada é enviado' }[lang]);

    // The QR code is exactly the link.
    expect(await decodeQr(page), 'the QR code decodes to the link').toBe(link);

    // The file holds the link, named after the code.
    const file = await download(page, () => page.click('#handin-download'));
    expect(file.name).toBe(`handin-${CODE}.txt`);
    expect(file.text).toBe(`${link}\n`);

    // Copy: on the clipboard, and said so.
    await page.click('#handin-copy');
    await expect(page.getByTestId('handin-status')).toHaveText({ en: 'Copied', es: 'Copiado', pt: 'Copiado' }[lang]);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await axeScan(page, `hand-in dialog ${lang}`, note)).toEqual([]);
    expect(await noSideScroll(), 'the dialog fits 360 px').toBe(true);
    const box = await page.locator(DIALOG).boundingBox();
    expect(box.x >= 0 && box.x + box.width <= PHONE.width, `dialog at ${box.x}+${box.width}`).toBe(true);

    // Four more hand-ins of the same plan: each a fresh nonce, so five people for the CLI.
    const links = [link];
    for (let i = 0; i < 4; i += 1) {
      await closeDialog(page);
      links.push(await handIn(page));
    }
    expect(new Set(links).size, 'a fresh nonce per hand-in').toBe(5);
    const read = JSON.parse(await oracle.cli(['consult', '--links', '-'], links.join('\n')));
    expect(read.consult).toBe(CODE);
    expect(read.valid).toBe(5);
    expect(read.duplicates).toEqual([]);
    expect(read.malformed).toEqual([]);
    expect(read.mean_mix).toEqual({ vouchers: 0.6, training: 0.2, pilots: 0.2 });
    expect([read.budget.min, read.budget.max]).toEqual([2_000_000, 2_000_000]);
    expect(read.groups.map((g) => [g.name, g.people])).toEqual([['Besaya', 5]]);
    note(`${lang}: ${link.length}-character link; CLI: ${read.valid} valid, group ${read.groups[0].name}`);
  });
}

test('refused copying selects the link to copy by hand', async ({ pages }) => {
  const page = await pages.open({
    viewport: PHONE,
    init: () => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new Error('denied')) });
    },
  });
  await gotoReady(page, setup('en'));
  const link = await handIn(page);
  await page.click('#handin-copy');
  await expect(page.getByTestId('handin-status')).toContainText('copy it by hand');
  const selected = await page.$eval('#handin-link', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  expect(selected).toBe(link);
});

test('a group a hand-in cannot carry is refused with why, and the work kept', async ({ pages }) => {
  const page = await pages.open({ viewport: PHONE });
  await gotoReady(page, `?consult=${CODE}&groups=*&lang=es`);
  await page.fill('#consult-group', 'Norte <b>');
  await page.click(HANDIN_BUTTON);
  const refusal = page.locator(`${DIALOG} [role=alert]`);
  await expect(refusal).toContainText('un grupo tiene como mucho 24 letras');
  await expect(page.locator('#handin-link')).toHaveCount(0);
  await closeDialog(page);
  await page.fill('#consult-group', 'Norte');
  await handIn(page);
  await expect(page.getByTestId('handin-card')).toContainText('Norte');
});

test('bad set-up links are reported part by part, the rest used', async ({ pages }) => {
  const page = await pages.open({ viewport: PHONE });
  // A bad code: no consultation (the full page), and said so.
  await gotoReady(page, '?consult=NOT%20A%20CODE!&lock=budget&budget=1500000');
  const bad = await waitNotice(page);
  expect(bad.details.join(' ')).toContain('consult');
  await expect(page.locator(HANDIN_BUTTON)).toHaveCount(0);
  await expect(page.locator('#budget-exact')).toHaveValue('1500000');

  // A good code with a bad lock name, an over-long question and a bad group, in Portuguese.
  const long = 'x'.repeat(400);
  await gotoReady(page, `?consult=ok&lock=budget,money&q=${long}&groups=Norte,%3Cb%3E&lang=pt`);
  const reported = await waitNotice(page);
  const details = reported.details.join('\n');
  expect(details, details).toContain('money');
  expect(details, details).toContain('280');
  expect(reported.details).toHaveLength(2);
  await expect(page.getByTestId('consult-question')).toHaveText('x'.repeat(280));
  await expect(page.locator('#budget')).toBeDisabled();
  // Groups are checked when handed in: a bad one is refused then, with why.
  await expect(page.locator('#consult-group option')).toHaveText(['Nenhum', 'Norte', '<b>']);
  await page.selectOption('#consult-group', '<b>');
  await page.click(HANDIN_BUTTON);
  await expect(page.locator(`${DIALOG} [role=alert]`)).toContainText('um grupo tem no máximo 24');
  await closeDialog(page);
  await page.selectOption('#consult-group', 'Norte');
  await handIn(page);
});

test('screenshots of the participant view and the dialog at 360 and 1280 px in every language', async ({ pages }) => {
  test.setTimeout(180_000);
  for (const lang of LANGS) {
    for (const width of [360, 1280]) {
      const page = await pages.open({ viewport: { width, height: width === 360 ? 780 : 900 } });
      await gotoReady(page, setup(lang));
      await page.screenshot({ path: shot(`handin-${lang}-${width}`), fullPage: true });
      await handIn(page);
      await page.screenshot({ path: shot(`handin-${lang}-${width}-dialog`) });
      await page.close();
    }
  }
});
