// The page against the CLI: the same model, seed and scenario must give the same figures.

import {
  arm,
  assert,
  assertEqual,
  cliPreset,
  cliRunPreset,
  cliRunScenario,
  formatCount,
  gotoReady,
  headline,
  intervalNumbers,
  runsSinceArm,
  test,
  waitFresh,
} from '../lib.mjs';

// Generous: the first CLI call may compile it (and wait for the shared cargo lock).
const CLI_TIMEOUT = 15 * 60_000;

test('headline and its 9-in-10 interval equal the CLI for the reference preset', async (t) => {
  const [out, page] = await Promise.all([cliRunPreset('cantabria'), t.page()]);
  await gotoReady(page);
  const { mean, p5, p95 } = out.summary.additional_adopters;
  t.note(`CLI: mean ${mean}, p5 ${p5}, p95 ${p95}`);
  assertEqual(await headline(page), formatCount(mean), 'headline (additional adopters, mean)');
  const interval = await intervalNumbers(page);
  assertEqual([interval.low, interval.high], [formatCount(p5), formatCount(p95)], `interval in "${interval.text}"`);
  // The page's status names the runs it is based on, as the CLI does.
  const status = await page.textContent('[data-testid=status]');
  assert(status.includes(formatCount(out.runs)), `status "${status}" should name ${out.runs} runs`);
}, { timeout: CLI_TIMEOUT });

test('supersede: after 20 quick budget changes the headline is the last budget\'s', async (t) => {
  const page = await t.page();
  await gotoReady(page);
  const before = await headline(page);
  await arm(page);
  // 20 changes on the slider, as a fast drag or key repeat would make them: each an
  // `input` event, a few milliseconds apart (some back to back), no waiting for results.
  // Values on the slider's 50,000 steps within its 0–5,000,000 range, zig-zagging.
  const budgets = Array.from({ length: 20 }, (_, k) => {
    const i = k + 1;
    return Math.min(5_000_000, 1_250_000 + i * 150_000 * (i % 2 ? 1 : -0.5) + i * 100_000);
  });
  await page.evaluate(async (values) => {
    const slider = document.querySelector('#budget');
    for (const [k, value] of values.entries()) {
      slider.value = String(value);
      slider.dispatchEvent(new InputEvent('input', { bubbles: true }));
      if (k % 3) await new Promise((r) => setTimeout(r, 4 + (k % 4) * 5));
    }
  }, budgets);
  const final = budgets.at(-1);
  await waitFresh(page);
  const runs = await runsSinceArm(page);
  t.note(`budgets ${budgets[0]}…${final}; status went to running ${runs} time(s) for 20 changes`);

  const slider = Number(await page.inputValue('#budget'));
  assertEqual(slider, final, 'slider value');
  assertEqual(Number(await page.inputValue('#budget-exact')), final, 'budget box');
  assertEqual(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready', 'status');

  const scenario = { ...(await cliPreset('cantabria')), budget_eur: final };
  const out = await cliRunScenario(scenario);
  const expected = formatCount(out.summary.additional_adopters.mean);
  t.note(`CLI at EUR ${final}: mean ${out.summary.additional_adopters.mean} (page started at ${before})`);
  assertEqual(await headline(page), expected, `headline for the final budget EUR ${final}`);
  const interval = await intervalNumbers(page);
  assertEqual(
    [interval.low, interval.high],
    [formatCount(out.summary.additional_adopters.p5), formatCount(out.summary.additional_adopters.p95)],
    'interval for the final budget',
  );
  // Still ready: no late answer to an older budget arrived after the final one.
  assertEqual(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready', 'status at the end');
}, { timeout: CLI_TIMEOUT });
