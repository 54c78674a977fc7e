#!/usr/bin/env bash
# Prints the presets' headline figures as markdown tables for docs/model.md: model 1 (from
# saved outputs of the old CLI, when given) next to model 2, run now with the CLI (section
# 12, "What changed from model 1"); each preset's headline results (section 11); and the
# reference scenario's figures (section 9).
#
# Usage: tools/model-figures.sh [ADOPTION_BINARY] [MODEL1_DIR]
#   ADOPTION_BINARY  the model-2 CLI (default: target/release/adoption)
#   MODEL1_DIR       a folder of model-1 outputs named run-PRESET.json (from
#                    `adoption run --preset PRESET` of model 1); omit to print model 2 only
# Needs jq. Each preset runs with its own seed and 1,000 runs, as the page does.
set -euo pipefail

adoption=${1:-target/release/adoption}
before=${2:-}
runs=1000

# Rounded figures: a whole number with thousands separators, a percentage, an interval.
jq_defs='
  def n: (. + 0.5 | floor) as $v
    | ($v | fabs | tostring | [scan("[0-9]")] | reverse | [_nwise(3) | reverse | add]
       | reverse | join(",")) as $digits
    | if $v < 0 then "−" + $digits else $digits end;
  def pct: if . == null then "—" else (. * 100 + 0.5 | floor | tostring) + "%" end;
  def iv: "\(.mean | n) (\(.p5 | n)–\(.p95 | n))";
  def eur: if . == null then "—" else (n) + " EUR" end;
'

presets=$("$adoption" preset | awk 'NF && $1 ~ /^[a-z0-9-]+$/ {print $1}')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for p in $presets; do
  "$adoption" run --preset "$p" --runs "$runs" > "$out/$p.json"
done

# "What changed from model 1": both models side by side.
if [[ -n "$before" ]]; then
  echo "| Preset | Model 1: additional adopters (90%) | Model 1: cost per additional adopter | Model 1: deadweight (same year) | Model 2: additional adopters (90%) | Model 2: cost per additional adopter | Model 2: deadweight same year / 3 years / horizon | Model 2: additional adopter-years (90%) | Model 2: unspent |"
  echo "|---|---|---|---|---|---|---|---|---|"
else
  echo "| Preset | Additional adopters (90%) | Cost per additional adopter | Deadweight same year / 3 years / horizon | Additional adopter-years (90%) | Unspent |"
  echo "|---|---|---|---|---|---|"
fi

for p in $presets; do
  after=$(jq -r "$jq_defs"'
    .summary as $s
    | "\($s.additional_adopters | iv) | \($s.cost_per_additional_adopter | eur) | \($s.deadweight.same_year | pct) / \($s.deadweight.within_3_years | pct) / \($s.deadweight.by_horizon | pct) | \($s.additional_adopter_years | iv) | \($s.unspent_eur | eur)"' "$out/$p.json")
  if [[ -n "$before" ]]; then
    old="$before/run-$p.json"
    if [[ -f "$old" ]]; then
      was=$(jq -r "$jq_defs"'
        .summary as $s
        | "\($s.additional_adopters | iv) | \($s.cost_per_additional_adopter | eur) | \($s.deadweight_share | pct)"' "$old")
    else
      was="— | — | —"
    fi
    echo "| \`$p\` | $was | $after |"
  else
    echo "| \`$p\` | $after |"
  fi
done

# The presets' headline results (docs/model.md section 11).
echo
echo "| Preset | Additional adopters (90%) | Cost per additional adopter (90%) | Spend | Chance of its target |"
echo "|---|---|---|---|---|"
for p in $presets; do
  jq -r "$jq_defs"'
    .summary as $s
    | def chance: "\(.label): \(.probability | pct)"
        + (if .baseline_probability == null then "" else " (baseline \(.baseline_probability | pct))" end);
    "| `'"$p"'` | \($s.additional_adopters | iv) in \($s.headline_year) | \($s.cost_per_additional_adopter | eur)\(if $s.cost_per_additional_adopter_low == null or $s.cost_per_additional_adopter_high == null then "" else " (\($s.cost_per_additional_adopter_low | n)–\($s.cost_per_additional_adopter_high | n))" end) | \($s.spend_eur | n) of \($s.budget_eur | n) | \([$s.targets[] | chance] | join("; ")) |"' "$out/$p.json"
done

# The reference scenario's headline (docs/model.md section 9).
echo
echo "| Figure (cantabria, headline year = horizon) | Value |"
echo "|---|---|"
jq -r "$jq_defs"'
  .calendar_years[1] as $first
  | .summary as $s
  | def cost_iv: "\($s.cost_per_additional_adopter | eur) (90%: \($s.cost_per_additional_adopter_low | eur)–\($s.cost_per_additional_adopter_high | eur))";
  "| additional firms adopting in \($s.headline_year) | \($s.additional_adopters | iv) |",
  "| share adopting, with / without the plan | \($s.policy_share * 1000 + 0.5 | floor / 10)% / \($s.baseline_share * 1000 + 0.5 | floor / 10)% of \($s.firms_then | n) firms in business |",
  "| cost per additional adopter | \(cost_iv) |",
  "| additional adopter-years, \($first)–\($s.horizon_year) | \($s.additional_adopter_years | iv); \($s.cost_per_additional_adopter_year | eur) each |",
  "| spend | \($s.spend_eur | n) EUR of \($s.budget_eur | n); unspent \($s.unspent_eur | eur) (vouchers \($s.unspent.vouchers | n), training \($s.unspent.training | n), pilots \($s.unspent.pilots | n)) |",
  "| deadweight of supported adopters: same year / within 3 years / by the horizon | \($s.deadweight.same_year | pct) / \($s.deadweight.within_3_years | pct) / \($s.deadweight.by_horizon | pct) |",
  "| vouchers awarded / used; lapsed adopters | \($s.reached.vouchers_awarded * 10 + 0.5 | floor / 10) / \($s.reached.vouchers_used * 10 + 0.5 | floor / 10); \($s.reached.lapsed * 10 + 0.5 | floor / 10) |",
  ($s.targets[] | "| chance of \(.label) | \(.probability | pct) |"),
  "| additional adopters by year, \(.calendar_years[1:] | join(", ")) | \(.additional.adopters.mean[1:] | map(n) | join(", ")) |"' "$out/cantabria.json"
