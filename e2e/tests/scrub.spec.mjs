// Scrubbing (issue 12, point 8): 1,000 rapid input events on the budget slider and a mix
// slider, as fast as the page takes them (a synchronous burst, one event a task, key
// presses), must not build a queue of jobs in the workers, and the figures shown at the
// end must be the CLI's for the final input.
//
// Jobs and answers are recorded by wrapping `Worker` (field names from e2e/protocol.mjs).
// A worker only ever finishes the newest job it has seen (src/worker/job.rs), so a job it
// *finishes* after a newer one was sent to it is one computed for nothing; those it still
// finishes after the last input are the queue the final result waits behind. Also printed:
// the most jobs a worker owed at once (sent, neither answered nor overtaken by a newer
// answer: mostly messages it will drop) and the time from the last input to the final
// result (printed, not a limit: it moves with the machine's load).

import {
  assertHeadline,
  expect,
  gotoReady,
  headline,
  intervalNumbers,
  ORACLE_TIMEOUT,
  search,
  test,
  waitReady,
} from '../fixtures.mjs';
import { KEY } from '../protocol.mjs';

/** Events of each kind; 1,000 in all. */
const BURST = 400; // budget slider, all in one task (a synchronous loop)
const TASKS = 500; // a mix slider, each event in a task of its own, back to back
const KEYS = 100; // budget slider, key presses
/**
 * The most superseded jobs a worker may be seen finishing after the last input. A few
 * are no queue: a worker computes a short job (under ~25 ms, src/worker/mod.rs FINISH_MS)
 * in one go, so a job sent while it computed is seen only once that one is done; and an
 * answer is timed when the page takes it, which a page busy with input events does late.
 * Before each job the worker lets its queued messages in (src/worker/job.rs), so a backlog
 * collapses to its newest job; before it did, a loaded CI machine once saw 12 (one message
 * is delivered per task, and each short job was computed in turn). Measured since: 0-2,
 * also with two busy loops on this 2-core machine (load 5.6). A queue that builds grows
 * with the events sent (500 here): 10 keeps the check meaningful without flaking.
 */
const QUEUE_LIMIT = 10;

/**
 * An init script recording, per worker, every job sent ({id, t}) and every answer
 * ({id, done, t}), and the time of the last `input` or `keydown` the page saw.
 */
function recorder() {
  return `(() => {
    const KEY = ${JSON.stringify(KEY)};
    const rec = (window.__scrub = { workers: [], lastInput: 0 });
    for (const type of ['input', 'keydown']) {
      document.addEventListener(type, () => { rec.lastInput = performance.now(); }, true);
    }
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...a) {
        super(...a);
        const me = { posts: [], answers: [] };
        rec.workers.push(me);
        this.addEventListener('message', (e) => {
          const d = e.data;
          if (d && typeof d[KEY.done] === 'boolean') me.answers.push({ id: d[KEY.id], done: d[KEY.done], t: performance.now() });
        });
        this.__me = me;
      }
      postMessage(m, ...rest) {
        if (m && typeof m[KEY.scenario] === 'string') this.__me.posts.push({ id: m[KEY.id], t: performance.now() });
        return super.postMessage(m, ...rest);
      }
    };
  })();`;
}

/**
 * One worker's record, read: the most jobs it owed at once (sent, not answered and no
 * newer one answered), the jobs it finished after a newer one had been sent to it, and
 * of those the ones it finished after the last input.
 */
function backlog({ posts, answers }, lastInput) {
  const events = [
    ...posts.map((p) => ({ t: p.t, post: p.id })),
    ...answers.filter((a) => a.done).map((a) => ({ t: a.t, done: a.id })),
  ].sort((a, b) => a.t - b.t);
  let newestSent = 0;
  let newestDone = 0;
  const owed = new Set();
  let maxOwed = 0;
  let stale = 0;
  let staleAfterInput = 0;
  for (const e of events) {
    if (e.post !== undefined) {
      newestSent = Math.max(newestSent, e.post);
      owed.add(e.post);
      maxOwed = Math.max(maxOwed, owed.size);
    } else {
      if (e.done < newestSent) {
        stale += 1;
        if (e.t > lastInput) staleAfterInput += 1;
      }
      newestDone = Math.max(newestDone, e.done);
      for (const id of owed) if (id <= newestDone) owed.delete(id);
    }
  }
  return { sent: posts.length, finished: answers.filter((a) => a.done).length, maxOwed, stale, staleAfterInput };
}

/** Reads and clears the record: each worker's backlog since the last read, and when the final answer came. */
async function settle(page) {
  await waitReady(page);
  const rec = await page.evaluate(() => {
    const r = window.__scrub;
    const copy = JSON.parse(JSON.stringify(r));
    for (const w of r.workers) {
      w.posts = [];
      w.answers = [];
    }
    return copy;
  });
  const done = rec.workers.flatMap((w) => w.answers.filter((a) => a.done).map((a) => a.t));
  return {
    workers: rec.workers.map((w) => backlog(w, rec.lastInput)),
    finalMs: done.length ? Math.max(...done) - rec.lastInput : NaN,
  };
}

/** The phases: each a way to send its share of the 1,000 events. */
const PHASES = [
  [`${BURST} input events on the budget slider in one task`, async (page) => {
    await page.evaluate((n) => {
      const slider = document.querySelector('#budget');
      // Every value on the slider's 50,000 steps, zig-zagging.
      for (let k = 0; k < n; k += 1) {
        slider.value = String(((k * 37) % 100) * 50_000);
        slider.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
    }, BURST);
  }],
  [`${TASKS} input events on the vouchers share, a task each, back to back`, async (page) => {
    // Each event is handled (state, render, job sent) before the next arrives, as fast as
    // the page's event loop turns: a MessageChannel message, never clamped like a timer.
    await page.evaluate(async (n) => {
      const slider = document.querySelector('#share-vouchers');
      const nextTask = () => new Promise((r) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = r;
        channel.port2.postMessage(null);
      });
      for (let k = 0; k < n; k += 1) {
        slider.value = String(10 + ((k * 7) % 80));
        slider.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextTask();
      }
    }, TASKS);
  }],
  [`${KEYS} key presses on the budget slider`, async (page) => {
    await page.focus('#budget');
    const keys = ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'PageUp', 'ArrowLeft', 'PageDown', 'ArrowRight'];
    for (let k = 0; k < KEYS; k += 1) await page.keyboard.press(keys[k % keys.length]);
  }],
];

test('1,000 rapid inputs: no queue of jobs, and the final figures are the CLI\'s for the final input', async ({ pages, note, oracle }) => {
  test.setTimeout(ORACLE_TIMEOUT);
  const page = await pages.open({ init: recorder() });
  await gotoReady(page);
  await settle(page);
  const start = await headline(page);
  const problems = [];
  for (const [what, send] of PHASES) {
    const t0 = Date.now();
    await send(page);
    const sentMs = Date.now() - t0;
    const { workers, finalMs } = await settle(page);
    note(`${what}: sent in ${sentMs} ms; final result ${finalMs.toFixed(0)} ms after the last input`);
    for (const [k, b] of workers.entries()) {
      note(`  worker ${k + 1}: ${b.sent} jobs sent, ${b.finished} finished, at most ${b.maxOwed} owed at once, `
        + `${b.stale} finished after a newer one was sent, ${b.staleAfterInput} of them after the last input`);
      if (b.staleAfterInput > QUEUE_LIMIT) problems.push(`${what}: worker ${k + 1} finished ${b.staleAfterInput} superseded jobs after the last input`);
    }
  }
  // The final figures: the CLI's for the page's link (budget and mix as the inputs left them).
  const link = await search(page);
  const out = await oracle.runUrl(link);
  await assertHeadline(page, out, 'en', `final headline for ${link}`);
  const interval = await intervalNumbers(page);
  note(`final ${link}: ${await headline(page)} (${interval.low}–${interval.high}), from ${start}`);
  expect(problems, 'a queue of superseded jobs finished after the input stopped').toEqual([]);
});
