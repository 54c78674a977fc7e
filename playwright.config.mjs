// End-to-end tests of the built site (dist/) with @playwright/test and Debian's chromium.
// `cargo xtask test` runs them (`npx playwright test`); by hand, after `cargo xtask dist`:
//   npx playwright test                 every e2e/tests/*.spec.mjs
//   npx playwright test keyboard        files or titles matching "keyboard"
// See e2e/README.md.

import { defineConfig } from '@playwright/test';
import { LAUNCH_OPTIONS } from './e2e/site.mjs';

const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e/tests',
  // Every spec is found: a new file runs without being listed anywhere.
  testMatch: '**/*.spec.mjs',
  outputDir: 'e2e/test-results',
  // Serves dist/ and builds the CLI oracle once, before any worker starts.
  globalSetup: './e2e/global-setup.mjs',
  // One worker a core (the machines running this have two). Files run in parallel; the
  // tests of one file in order, as they were written.
  workers: 2,
  // Most tests open several pages and wait for simulations; a few run the CLI many times
  // and set their own (ORACLE_TIMEOUT).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // No retries: the tests check exact figures and races (superseded runs, streamed
  // answers); a retry would turn a real intermittent bug into a green run.
  retries: 0,
  forbidOnly: CI,
  reporter: CI ? [['line']] : [['list']],
  use: {
    launchOptions: LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
  },
});
