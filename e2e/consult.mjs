// Hand-in links for the facilitator's tests and benchmark, written by the CLI
// (`adoption handin`, the same token rules as the page): plans with chosen mixes,
// budgets, groups and nonces, on the reference preset.

/** The preset's scenario with a plan's mix (whole percents) and budget. */
export function planScenario(preset, [v, t, p], budget) {
  return { ...preset, budget_eur: budget, mix: { vouchers: v / 100, training: t / 100, pilots: p / 100 } };
}

/**
 * The hand-in link of each plan `{ mix: [v, t, p], budget, group, nonce, consult }`, by
 * `adoption handin --scenario -` (`cli(args, stdin)` runs the CLI; `preset` is the
 * reference scenario, parsed).
 */
export async function handinLinks(cli, preset, plans, base = 'https://example.org/sim/') {
  const links = [];
  for (const plan of plans) {
    const args = ['handin', '--scenario', '-', '--consult', plan.consult ?? 'cant26', '--nonce', String(plan.nonce), '--base', base];
    if (plan.group) args.push('--group', plan.group);
    const out = await cli(args, JSON.stringify(planScenario(preset, plan.mix, plan.budget)));
    links.push(out.trim());
  }
  return links;
}

/** The token of a hand-in link with one character in its middle changed. */
export function tamper(link) {
  const at = link.indexOf('h=') + 2 + 12;
  const c = link[at] === 'A' ? 'B' : 'A';
  return `${link.slice(0, at)}${c}${link.slice(at + 1)}`;
}
