// End-to-end tests of the built site (dist/), run by `cargo xtask test` as
//   BASE_URL=http://127.0.0.1:PORT/ CHROMIUM=/usr/bin/chromium node e2e/run.mjs
// Prints one line per test and a summary; exits 1 if any test fails.
//
// Options (environment): E2E_GREP=text runs only tests whose name contains it
// (case-insensitive); also accepted as the first argument.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, registeredTests, runTest, slug } from './lib.mjs';
import './tests/load.mjs';
import './tests/oracle.mjs';
import './tests/keyboard.mjs';
import './tests/mix.mjs';
import './tests/input.mjs';
import './tests/a11y.mjs';
import './tests/layout.mjs';
import './tests/i18n.mjs';
import './tests/links.mjs';
import './tests/saved.mjs';
import './tests/presets.mjs';
import './tests/targets.mjs';
import './tests/files.mjs';
import './tests/brief.mjs';
import './tests/embed.mjs';
import './tests/texts.mjs';
import './tests/a11y-features.mjs';
import './tests/privacy.mjs';

const grep = (process.argv[2] || process.env.E2E_GREP || '').toLowerCase();
const tests = registeredTests().filter((t) => t.name.toLowerCase().includes(grep));

if (tests.length === 0) {
  console.error(`no test matches "${grep}"`);
  process.exit(2);
}

// The site must answer before anything else is worth trying.
try {
  const response = await fetch(BASE_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
} catch (error) {
  console.error(`e2e: ${BASE_URL} does not answer (${error.message}); serve dist/ there or set BASE_URL`);
  process.exit(1);
}

// Failure screenshots of an earlier run of these tests would mislead.
try {
  const prefixes = tests.map((t) => `FAIL-${slug(t.name)}-`);
  for (const f of readdirSync(SHOTS)) if (prefixes.some((p) => f.startsWith(p))) rmSync(join(SHOTS, f));
} catch {
  // no screenshots yet
}

console.log(`e2e: ${tests.length} tests against ${BASE_URL}`);
const started = performance.now();
const browser = await launch();
const results = [];
try {
  for (const t of tests) {
    const result = await runTest(browser, t);
    results.push(result);
    const seconds = (result.ms / 1000).toFixed(1).padStart(5);
    const mark = result.error ? (result.known ? 'KNOWN' : 'FAIL') : 'ok';
    console.log(`${mark.padEnd(4)} ${seconds} s  ${result.name}`);
    if (result.known) {
      console.log(`           known failure: ${result.known}`);
      if (!result.error) console.log('           it passes now: remove its `known` mark');
    }
    if (result.error) {
      const message = result.error.stack || String(result.error);
      console.log(message.split('\n').map((l) => `           ${l}`).join('\n'));
    }
    for (const note of result.notes) console.log(`           ${note}`);
  }
} finally {
  await browser.close();
}

const failed = results.filter((r) => r.error && !r.known);
const known = results.filter((r) => r.error && r.known);
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\ne2e: ${results.length - failed.length - known.length} passed, ${failed.length} failed, `
    + `${known.length ? `${known.length} known failures, ` : ''}${results.length} total in ${total} s`,
);
for (const r of failed) console.log(`  FAIL ${r.name}: ${String(r.error.message).split('\n')[0]}`);
for (const r of known) console.log(`  KNOWN ${r.name}: ${String(r.error.message).split('\n')[0]}`);
process.exit(failed.length ? 1 : 0);
