// The page against the CLI: the same model, seed and scenario must give the same figures.

import {
  FORMAT_VERSION,
  arm,
  assertHeadline,
  expect,
  formatCount,
  gotoReady,
  headline,
  intervalNumbers,
  ORACLE_TIMEOUT,
  runsSinceArm,
  test,
  waitFresh,
} from '../fixtures.mjs';
import { KEY } from '../protocol.mjs';

test('headline and its 9-in-10 interval equal the CLI for the reference preset', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const [out, page] = await Promise.all([oracle.runPreset('cantabria'), pages.open()]);
  await gotoReady(page);
  const { mean, p5, p95 } = out.summary.additional_adopters;
  note(`CLI: mean ${mean}, p5 ${p5}, p95 ${p95}`);
  expect(await headline(page), 'headline (additional adopters, mean)').toEqual(formatCount(mean));
  const interval = await intervalNumbers(page);
  expect([interval.low, interval.high], `interval in "${interval.text}"`).toEqual([formatCount(p5), formatCount(p95)]);
  // The page's status names the runs it is based on, as the CLI does.
  const status = await page.textContent('[data-testid=status]');
  expect(status, `status "${status}" should name ${out.runs} runs`).toContain(formatCount(out.runs));
});

test('supersede: after 20 quick budget changes the headline is the last budget\'s', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open();
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
  note(`budgets ${budgets[0]}…${final}; status went to running ${runs} time(s) for 20 changes`);

  const slider = Number(await page.inputValue('#budget'));
  expect(slider, 'slider value').toEqual(final);
  expect(Number(await page.inputValue('#budget-exact')), 'budget box').toEqual(final);
  await expect(page.locator('[data-testid=status]'), 'status').toHaveAttribute('data-state', 'ready');

  const scenario = { ...(await oracle.preset('cantabria')), budget_eur: final };
  const out = await oracle.runScenario(scenario);
  const expected = formatCount(out.summary.additional_adopters.mean);
  note(`CLI at EUR ${final}: mean ${out.summary.additional_adopters.mean} (page started at ${before})`);
  expect(await headline(page), `headline for the final budget EUR ${final}`).toEqual(expected);
  const interval = await intervalNumbers(page);
  expect([interval.low, interval.high],
    'interval for the final budget').toEqual([formatCount(out.summary.additional_adopters.p5), formatCount(out.summary.additional_adopters.p95)]);
  // Still ready: no late answer to an older budget arrived after the final one.
  await expect(page.locator('[data-testid=status]'), 'status at the end').toHaveAttribute('data-state', 'ready');
});

// The page splits a job's runs between workers, one per core it is told of (at most 4),
// and merges their answers in run order: the figures must not depend on how many there
// are. The core count is set before the page loads; messages to and from the workers are
// recorded by wrapping `Worker` (the workers themselves, by the test page's recorder),
// reading the fields by the protocol's names (e2e/protocol.mjs).
function poolInit(cores) {
  return `(() => {
    const KEY = ${JSON.stringify(KEY)};
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });
    window.__pool = { jobs: [], answers: [] };
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...a) {
        super(...a);
        this.addEventListener('message', (e) => {
          const d = e.data;
          if (d && typeof d[KEY.done] === 'boolean') window.__pool.answers.push({ id: d[KEY.id], done: d[KEY.done], runs: d[KEY.runs] });
        });
      }
      postMessage(m, ...rest) {
        if (m && typeof m[KEY.scenario] === 'string') window.__pool.jobs.push({ id: m[KEY.id], from: m[KEY.from], to: m[KEY.to] });
        return super.postMessage(m, ...rest);
      }
    };
  })();`;
}

test('the figures are the CLI\'s however many workers share the runs (1, 3 and 6 cores)', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const out = await oracle.runPreset('cantabria');
  for (const cores of [1, 3, 6]) {
    const page = await pages.open({ init: poolInit(cores) });
    await gotoReady(page);
    const pool = await page.evaluate(() => window.__pool);
    const workers = pages.rec(page).workers.length;
    const expected = Math.min(cores, 4);
    expect(workers, `workers started for ${cores} core(s)`).toEqual(expected);
    const last = pool.jobs.at(-1).id;
    // (Posted as each worker becomes ready: in any order.)
    const shares = pool.jobs.filter((j) => j.id === last).map((j) => [j.from, j.to]).sort((a, b) => a[0] - b[0]);
    note(`${cores} core(s): ${workers} worker(s), runs ${shares.map(([a, b]) => `${a}–${b}`).join(', ')}`);
    // Contiguous shares covering every run once, in order.
    expect(shares.length, 'one share per worker').toEqual(expected);
    expect(shares[0][0], 'first share starts at run 0').toEqual(0);
    for (let k = 1; k < shares.length; k += 1) expect(shares[k][0], `share ${k} follows share ${k - 1}`).toEqual(shares[k - 1][1]);
    expect(shares.at(-1)[1], 'last share ends at the last run').toEqual(out.runs);
    await assertHeadline(page, out, 'en', `${cores} core(s)`);
  }
});

test('a long job streams partial results from several workers, then exactly the CLI\'s', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const link = `?v=${FORMAT_VERSION}&preset=cantabria&runs=30000&seed=7`;
  const [out, page] = await Promise.all([oracle.runUrl(link), pages.open({ init: poolInit(3) })]);
  await gotoReady(page, link);
  const pool = await page.evaluate(() => window.__pool);
  const last = pool.jobs.at(-1).id;
  const answers = pool.answers.filter((a) => a.id === last);
  const partial = answers.filter((a) => !a.done);
  note(`${answers.length} answers to the job: ${partial.length} partial, ${answers.length - partial.length} final`);
  expect(partial.length, 'a 30,000-run job should send partial results').toBeGreaterThanOrEqual(1);
  expect(answers.filter((a) => a.done).map((a) => a.runs).reduce((x, y) => x + y, 0), 'runs in the final answers').toEqual(30_000);
  await assertHeadline(page, out);
  const status = await page.textContent('[data-testid=status]');
  expect(status, `status "${status}" should name 30,000 runs`).toContain(formatCount(30_000));
});
