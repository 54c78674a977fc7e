// The Content-Security-Policy: the served index.html carries a strict one (no 'unsafe-inline'
// or 'unsafe-eval' scripts, every inline script hashed), and the whole app works under it —
// the page and its workers, saving and comparing, every download, the printed brief, a
// link, the embed dialog and the embedded widgets — with no `securitypolicyviolation`
// event and no CSP message on any console. A planted inline script proves the policy is in
// force and the listener hears it.

import { createHash } from 'node:crypto';
import {
  download,
  expect,
  fresh,
  gotoReady,
  pickFile,
  test,
  typeValue,
} from '../fixtures.mjs';

/** Records every CSP violation the page's document reports, from its first script on. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`);
  });
}

const CSP_MESSAGE = /Content Security Policy|Refused to (load|execute|compile|create|apply|connect|frame)/i;

/** Violations events and CSP console messages (any level, page and workers) so far. */
async function violations(pages, page) {
  const events = await page.evaluate(() => window.__cspViolations ?? ['the recorder is missing']);
  const messages = pages.rec(page).console.filter((m) => CSP_MESSAGE.test(m.text)).map((m) => `${m.type}: ${m.text}`);
  return [...events, ...messages];
}

/** The policy's directives by name, from the meta element of `html`. */
function policyOf(html) {
  const meta = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i);
  expect(meta, 'index.html has a Content-Security-Policy meta element').toBeTruthy();
  const content = meta[0].match(/\bcontent="([^"]*)"/i)?.[1] ?? '';
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

test('CSP: the served index.html has a strict policy that hashes its inline scripts', async ({ site, note }) => {
  const html = await (await fetch(site.url)).text();
  const policy = policyOf(html);
  note(`policy: ${Object.entries(policy).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ')}`);
  const script = policy['script-src'] ?? [];
  expect(script, 'script-src allows the site\'s own scripts and WebAssembly').toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
  expect(script, 'script-src has no \'unsafe-inline\'').not.toContain("'unsafe-inline'");
  const everything = Object.values(policy).flat();
  expect(everything, 'no \'unsafe-eval\' anywhere').not.toContain("'unsafe-eval'");
  expect(everything, 'no wildcard source').not.toContain('*');
  expect(policy['default-src'], 'default-src').toEqual(["'none'"]);
  expect(policy['base-uri'], 'base-uri').toEqual(["'none'"]);
  expect(policy['form-action'], 'form-action').toEqual(["'none'"]);
  expect(policy['object-src'] ?? policy['default-src'], 'no plugins').toEqual(["'none'"]);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  expect(inline.length, 'trunk\'s loader is the one inline script').toBeGreaterThan(0);
  for (const text of inline) {
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    expect(script, `script-src lists the hash of the inline script "${text.slice(0, 40)}…"`).toContain(hash);
  }
  expect(html, 'no <base> element (base-uri \'none\' would refuse it)').not.toMatch(/<base\b/i);
});

test('CSP: the page, its workers, saving, comparing, downloads, brief, link and embeds work with no violation', async ({ pages, note }) => {
  const page = await pages.open({ init: recordViolations });
  await gotoReady(page);
  const rec = pages.rec(page);
  expect(rec.workers.length, 'the model runs in workers').toBeGreaterThan(0);
  expect(rec.workers.every((u) => u.startsWith('blob:')), `workers start from blob: URLs (${rec.workers.join(', ')})`).toBeTruthy();

  // Save two scenarios and compare them (the comparison starts its own worker runs).
  await page.click('#save-button');
  await fresh(page, () => typeValue(page, '#budget-exact', '2000000'));
  await page.click('#save-button');
  await expect(page.locator('.saved-list li.saved')).toHaveCount(2);
  await page.check('#compare-0');
  await page.check('#compare-1');
  await expect(page.locator('[data-testid=compare] tbody tr')).toHaveCount(3);
  await expect(page.locator('[data-testid=compare] .pending')).toHaveCount(0);

  // Every download, then the scenario back in.
  const files = [];
  for (const button of ['#export-csv', '#export-png', '#export-svg', '#export-json', '#csv-template']) {
    files.push(await download(page, () => page.click(button)));
  }
  expect(files[1].buffer.subarray(1, 4).toString(), 'the PNG was drawn (blob: image)').toEqual('PNG');
  await fresh(page, () => typeValue(page, '#budget-exact', '1000000'));
  await fresh(page, () => pickFile(page, '#import-scenario', files[3].name, files[3].buffer, 'application/json'));

  // The brief: the button calls window.print (stubbed: headless has no print dialog), then
  // the page is printed as the dialog would print it.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.click('#print-brief');
  expect(await page.evaluate(() => window.__printed), 'the brief button prints').toEqual(1);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  // Share: the link is copied, and opening it on a fresh page works.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy-link');
  const link = await page.inputValue('#share-link');
  await page.click('#open-embed');
  await expect(page.locator('dialog.embed-dialog')).toHaveJSProperty('open', true);
  await page.check('#embed-ro');
  await page.click('#copy-embed');
  await page.click('#close-embed');
  const found = await violations(pages, page);

  const linked = await pages.open({ init: recordViolations });
  await gotoReady(linked, link.slice(link.indexOf('?')));
  found.push(...(await violations(pages, linked)).map((v) => `[link] ${v}`));
  for (const query of ['?embed=1', '?embed=1&ro=1']) {
    const embed = await pages.open({ viewport: { width: 800, height: 600 }, init: recordViolations });
    await gotoReady(embed, query);
    found.push(...(await violations(pages, embed)).map((v) => `[${query}] ${v}`));
  }
  note(`${rec.workers.length} worker(s); ${files.length} downloads; ${found.length} violations`);
  expect(found, `CSP violations:\n${found.join('\n')}`).toEqual([]);

  // The policy is in force and the recorder hears it: an inline script planted now is refused
  // (and Chromium logs that refusal as a console error, expected here).
  pages.allowConsoleErrors(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__planted = true;';
    document.head.append(s);
  });
  await expect.poll(() => page.evaluate(() => window.__cspViolations.length), { message: 'a planted inline script is reported' }).toBe(1);
  expect(await page.evaluate(() => window.__planted), 'the planted script did not run').toBeUndefined();
});
