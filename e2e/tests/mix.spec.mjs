// The mix always adds up to 100%, and a held share never moves, whatever the sliders do.

import { expect, gotoReady, mixValues, rng, setRange, test } from '../fixtures.mjs';

const KEYS = ['vouchers', 'training', 'pilots'];

/**
 * Checks the invariants: the boxes sum to 100, whole percents, held shares unchanged
 * (thrown at once); a slider showing another value than its box is collected in
 * `desync` (reported at the end, so the main invariants are checked on every move).
 */
async function check(page, step, heldBefore, desync = null) {
  const mix = await mixValues(page);
  const exact = mix.map((m) => Number(m.exact));
  const sum = exact.reduce((a, b) => a + b, 0);
  expect(sum, `${step}: boxes ${exact.join('+')}`).toEqual(100);
  for (const [i, m] of mix.entries()) {
    expect(Number.isInteger(exact[i]) && exact[i] >= 0 && exact[i] <= 100, `${step}: ${KEYS[i]} box ${m.exact}`).toBeTruthy();
    if (heldBefore && heldBefore[i] !== null) {
      expect(exact[i], `${step}: held ${KEYS[i]} share`).toEqual(heldBefore[i]);
    }
    if (m.range !== exact[i]) {
      const line = `${step}: ${KEYS[i]} slider at ${m.range} but its box (the share in force) says ${exact[i]}`;
      if (desync) desync.push(line);
      else throw new Error(line);
    }
  }
  return mix;
}

test('the mix always sums to 100% and held shares never change', async ({ pages, note }) => {
  const seed = Number(process.env.E2E_SEED || 20251122);
  const random = rng(seed);
  note(`seed ${seed} (E2E_SEED to replay)`);
  const page = await pages.open();
  await gotoReady(page);
  await check(page, 'start', null);

  let steps = 0;
  const desync = [];
  // Phases: no hold; each single hold; two holds (the third then cannot move either).
  const phases = [[], ['training'], ['vouchers'], ['pilots'], ['vouchers', 'pilots'], []];
  for (const holds of phases) {
    for (const k of KEYS) {
      const want = holds.includes(k);
      if ((await page.isChecked(`#hold-${k}`)) !== want) {
        await page.focus(`#hold-${k}`);
        await page.keyboard.press('Space');
      }
      await expect(page.locator(`#hold-${k}`), `hold ${k}`).toBeChecked({ checked: want });
    }
    const mix = await check(page, `phase ${holds.join('+') || 'none'}`, null);
    const heldBefore = mix.map((m, i) => (holds.includes(KEYS[i]) ? Number(m.exact) : null));
    const frozen = holds.length === 2;
    const before = mix.map((m) => Number(m.exact));

    for (let n = 0; n < 25; n += 1) {
      steps += 1;
      const k = KEYS[Math.floor(random() * 3)];
      const how = random();
      let did;
      if (holds.includes(k) || (await page.isDisabled(`#share-${k}`))) {
        // A held share's slider (and one whose partners are both held) is disabled: no
        // user can move it. Its number must not move when the others do (checked below).
        did = `nothing on disabled ${k}`;
      } else if (how < 0.55) {
        // A programmatic drag step on an enabled slider.
        const target = Math.floor(random() * 101);
        await setRange(page, `#share-${k}`, target);
        did = `input ${k}=${target}`;
      } else {
        const key = ['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'][Math.floor(random() * 6)];
        await page.focus(`#share-${k}`);
        await page.keyboard.press(key);
        did = `${key} on ${k}`;
      }
      // Yew renders in a microtask after the event; one frame is more than enough.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      const after = await check(page, `step ${steps} (${did}; holds ${holds.join('+') || 'none'})`, heldBefore, desync);
      if (frozen) {
        expect(after.map((m) => Number(m.exact)), `step ${steps}: with two holds nothing moves (${did})`).toEqual(before);
      }
    }
  }
  note(`${steps} random moves: boxes always summed to 100, held shares never moved`);
  expect(desync, `a slider was left showing a share that is not in force after ${desync.length} of ${steps} moves, e.g.:\n${desync.slice(0, 4).join('\n')}`).toHaveLength(0);
});

test('typed shares rebalance the others and keep the sum at 100', async ({ pages }) => {
  const page = await pages.open();
  await gotoReady(page);
  for (const [k, text, expected] of [
    ['vouchers', '70', 70],
    ['pilots', '0', 0],
    ['training', '150', 100],
    ['training', '33', 33],
    ['pilots', '2.6', 3],
  ]) {
    await page.focus(`#share-${k}-exact`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    const mix = await check(page, `typed ${text} into ${k}`, null);
    expect(Number(mix[KEYS.indexOf(k)].exact), `${k} after typing ${text}`).toEqual(expected);
  }
});
