//! What a simulation reports: yearly distributions and the headline figures.
//!
//! Every figure is computed from whole numbers (sorted values, integer sums) with IEEE
//! arithmetic only, so the summary is the same natively and in WebAssembly and does not
//! depend on the order in which partial results were merged.

use serde::{Deserialize, Serialize};

use crate::ensemble::Ensemble;
use crate::plan::Plan;
use crate::scenario::TargetKind;
use crate::sim::{Model, YearCounts};

/// Distribution over runs of one quantity, per year (year 0 first).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Mean over runs.
    pub mean: Vec<f64>,
    /// Standard deviation over runs (sample, n - 1).
    pub sd: Vec<f64>,
    /// 5th percentile.
    pub p5: Vec<f64>,
    /// 25th percentile.
    pub p25: Vec<f64>,
    /// Median.
    pub p50: Vec<f64>,
    /// 75th percentile.
    pub p75: Vec<f64>,
    /// 95th percentile.
    pub p95: Vec<f64>,
}

/// One world (baseline, policy) or their difference (additional), in total and by segment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Adopters across all segments.
    pub adopters: Stats,
    /// Adopters per segment, in scenario order.
    pub segments: Vec<SegmentSeries>,
}

/// Adopters in one segment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SegmentSeries {
    /// The segment's name.
    pub name: String,
    /// Its firms.
    pub firms: u32,
    /// Its adopters per year.
    pub adopters: Stats,
}

/// Mean per year of what the instruments did and cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Vouchers awarded.
    pub vouchers_awarded: Vec<f64>,
    /// Vouchers used.
    pub vouchers_used: Vec<f64>,
    /// Firms trained.
    pub firms_trained: Vec<f64>,
    /// Training actions run.
    pub training_actions: Vec<f64>,
    /// Pilots run.
    pub pilots: Vec<f64>,
    /// Public money spent, in euros.
    pub spend_eur: Vec<f64>,
}

/// A quantity's mean and its 90% interval over runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Mean over runs.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// Firms reached by each instrument over the programme (means over runs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    /// Vouchers awarded.
    pub vouchers_awarded: f64,
    /// Vouchers used.
    pub vouchers_used: f64,
    /// Firms trained.
    pub firms_trained: f64,
    /// Training actions run.
    pub training_actions: f64,
    /// Pilots run.
    pub pilots: f64,
    /// Voucher-induced adopters who dropped the technology when the subsidy ended.
    pub lapsed: f64,
}

/// The chance of meeting one target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetOutcome {
    /// What is measured.
    pub kind: TargetKind,
    /// Calendar year.
    pub year: i32,
    /// Threshold.
    pub value: f64,
    /// Label from the scenario.
    pub label: String,
    /// Share of runs in which the policy meets the target.
    pub probability: f64,
    /// Share of runs in which the baseline meets it (not defined for additional adopters).
    pub baseline_probability: Option<f64>,
}

/// Shares of supported adopters (voucher users and pilot hosts who adopted) who adopt in
/// the baseline too: the same year, within 3 years (the support year and the two after)
/// and by the horizon. `None` when no supported firm adopted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Deadweight {
    /// Would have adopted that same year anyway.
    pub same_year: Option<f64>,
    /// Would have adopted within 3 years anyway.
    pub within_3_years: Option<f64>,
    /// Would have adopted by the horizon anyway.
    pub by_horizon: Option<f64>,
}

/// A sum of euros per instrument.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ByInstrument {
    /// Digitalisation vouchers.
    pub vouchers: f64,
    /// Training actions.
    pub training: f64,
    /// Pilot projects.
    pub pilots: f64,
}

/// The headline figures, at the headline year (the horizon unless the scenario names
/// another year).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Calendar year of the horizon.
    pub horizon_year: i32,
    /// Calendar year the headline figures are read at.
    pub headline_year: i32,
    /// Firms in the population at the start.
    pub firms: u64,
    /// Firms in business at the headline year (mean over runs; firms close and open).
    pub firms_then: f64,
    /// Additional adopters at the headline year (policy minus baseline, per run).
    pub additional_adopters: Interval,
    /// Adopters at the headline year without the policy.
    pub baseline_adopters: Interval,
    /// Adopters at the headline year with the policy.
    pub policy_adopters: Interval,
    /// Share of firms in business that have adopted at the headline year without the
    /// policy (mean adopters over mean firms).
    pub baseline_share: f64,
    /// The same share with the policy.
    pub policy_share: f64,
    /// Additional adopter-years: per run, additional adopters summed over every year to
    /// the horizon (the area between the two worlds), so an effect that fades counts less.
    pub additional_adopter_years: Interval,
    /// The budget.
    pub budget_eur: f64,
    /// Mean money actually spent (unused vouchers and unfilled places are not paid).
    pub spend_eur: f64,
    /// Mean money left unspent at the end of the programme: the budget minus the spend.
    pub unspent_eur: f64,
    /// The unspent money by instrument (what each instrument's share of the budget did
    /// not spend, after re-offering).
    pub unspent: ByInstrument,
    /// Mean spend divided by mean additional adopters at the horizon; `None` when the
    /// policy adds no adopters on average.
    pub cost_per_additional_adopter: Option<f64>,
    /// Mean spend divided by the 95th and 5th percentiles of additional adopters: a 90%
    /// interval; the upper end is `None` when the 5th percentile is zero (unbounded).
    pub cost_per_additional_adopter_low: Option<f64>,
    /// See `cost_per_additional_adopter_low`.
    pub cost_per_additional_adopter_high: Option<f64>,
    /// Mean spend divided by mean additional adopter-years; `None` when not positive.
    pub cost_per_additional_adopter_year: Option<f64>,
    /// How many supported adopters would have adopted anyway, over three time spans.
    pub deadweight: Deadweight,
    /// Firms reached, per instrument.
    pub reached: Reach,
    /// Units the budget buys.
    pub plan: Option<Plan>,
    /// Chance of meeting each target.
    pub targets: Vec<TargetOutcome>,
}

/// Everything one simulation reports. `years` are offsets from the start year (0 is the
/// observed starting point); every per-year vector has one entry per year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Years since the start year: 0, 1, ..., horizon.
    pub years: Vec<u32>,
    /// The same years on the calendar.
    pub calendar_years: Vec<i32>,
    /// Runs summarised.
    pub runs: u32,
    /// The scenario's seed.
    pub seed: u64,
    /// Without the policy.
    pub baseline: Series,
    /// With the policy.
    pub policy: Series,
    /// The policy's effect, per run: policy minus baseline.
    pub additional: Series,
    /// Firms in business per year (mean over runs; the same in both worlds).
    pub firms: Vec<f64>,
    /// What the instruments did and cost, per year.
    pub activity: Activity,
    /// Headline figures at the headline year.
    pub summary: Headline,
}

impl Summary {
    /// Summarises an ensemble of the model's runs.
    pub fn new(model: &Model, ensemble: &Ensemble) -> Summary {
        let s = model.scenario();
        let years = s.years as usize + 1;
        let nseg = s.segments.len();
        let runs = ensemble.runs() as usize;
        let cpr = ensemble.cells_per_run();
        let (b, p) = (ensemble.baseline(), ensemble.policy());

        let mut baseline = Series::default();
        let mut policy = Series::default();
        let mut additional = Series::default();
        for seg in &s.segments {
            for series in [&mut baseline, &mut policy, &mut additional] {
                series.segments.push(SegmentSeries {
                    name: seg.name.clone(),
                    firms: seg.firms,
                    adopters: Stats::default(),
                });
            }
        }

        let mut column: Vec<i64> = Vec::with_capacity(runs);
        let (totals_b, totals_p) = totals(ensemble, years, nseg);
        for y in 0..years {
            let world = |data: &[i64], col: &mut Vec<i64>| {
                col.clear();
                col.extend((0..runs).map(|r| data[r * years + y]));
            };
            world(&totals_b, &mut column);
            baseline.adopters.push(&mut column);
            world(&totals_p, &mut column);
            policy.adopters.push(&mut column);
            column.clear();
            column.extend((0..runs).map(|r| totals_p[r * years + y] - totals_b[r * years + y]));
            additional.adopters.push(&mut column);
            for i in 0..nseg {
                let cell = |data: &[u32], r: usize| i64::from(data[r * cpr + y * nseg + i]);
                column.clear();
                column.extend((0..runs).map(|r| cell(b, r)));
                baseline.segments[i].adopters.push(&mut column);
                column.clear();
                column.extend((0..runs).map(|r| cell(p, r)));
                policy.segments[i].adopters.push(&mut column);
                column.clear();
                column.extend((0..runs).map(|r| cell(p, r) - cell(b, r)));
                additional.segments[i].adopters.push(&mut column);
            }
        }

        let (activity, firms, summary) = headline_of(model, ensemble, &totals_b, &totals_p);
        Summary {
            years: (0..years as u32).collect(),
            calendar_years: (0..years as i32).map(|y| s.start_year + y).collect(),
            runs: runs as u32,
            seed: s.seed,
            baseline,
            policy,
            additional,
            firms,
            activity,
            summary,
        }
    }
}

impl Headline {
    /// The headline figures of an ensemble alone: what [`Summary::new`] gives as its
    /// `summary`, without the yearly series (a fraction of the work).
    pub fn new(model: &Model, ensemble: &Ensemble) -> Headline {
        let s = model.scenario();
        let years = s.years as usize + 1;
        let (b, p) = totals(ensemble, years, s.segments.len());
        headline_of(model, ensemble, &b, &p).2
    }
}

/// Adopters per run and year (run-major), summed over segments: the baseline's and the
/// policy's.
fn totals(ensemble: &Ensemble, years: usize, nseg: usize) -> (Vec<i64>, Vec<i64>) {
    let runs = ensemble.runs() as usize;
    let cpr = ensemble.cells_per_run();
    let (b, p) = (ensemble.baseline(), ensemble.policy());
    let mut totals_b = vec![0i64; runs * years];
    let mut totals_p = vec![0i64; runs * years];
    for r in 0..runs {
        for y in 0..years {
            let at = r * cpr + y * nseg;
            totals_b[r * years + y] = b[at..at + nseg].iter().map(|&v| i64::from(v)).sum();
            totals_p[r * years + y] = p[at..at + nseg].iter().map(|&v| i64::from(v)).sum();
        }
    }
    (totals_b, totals_p)
}

/// What the instruments did, the mean firms per year, and the headline, from the
/// ensemble and its [`totals`].
fn headline_of(
    model: &Model,
    ensemble: &Ensemble,
    totals_b: &[i64],
    totals_p: &[i64],
) -> (Activity, Vec<f64>, Headline) {
    let s = model.scenario();
    let years = s.years as usize + 1;
    let runs = ensemble.runs() as usize;
    let counts = ensemble.counts();
    let activity = activity(model, counts, runs);
    let firms_by_run = ensemble.firms();
    let firms = (0..years)
        .map(|y| {
            let sum: u64 = (0..runs)
                .map(|r| u64::from(firms_by_run[r * years + y]))
                .sum();
            sum as f64 / runs.max(1) as f64
        })
        .collect::<Vec<f64>>();
    let worlds = Worlds {
        baseline: totals_b,
        policy: totals_p,
        firms: firms_by_run,
        runs,
        years,
    };
    let summary = headline(model, &worlds, counts, &activity, &firms);
    (activity, firms, summary)
}

/// Per run and year (run-major): adopters in each world and firms in business.
struct Worlds<'a> {
    baseline: &'a [i64],
    policy: &'a [i64],
    firms: &'a [u32],
    runs: usize,
    years: usize,
}

impl Worlds<'_> {
    /// One year's values over runs.
    fn at(&self, data: &[i64], y: usize) -> Vec<i64> {
        (0..self.runs).map(|r| data[r * self.years + y]).collect()
    }

    /// Per run, additional adopters summed over years 1 to the horizon.
    fn adopter_years(&self) -> Vec<i64> {
        (0..self.runs)
            .map(|r| {
                let at = r * self.years;
                (at + 1..at + self.years)
                    .map(|i| self.policy[i] - self.baseline[i])
                    .sum()
            })
            .collect()
    }
}

impl Stats {
    /// Appends one year's statistics of `values` (reordered in place).
    fn push(&mut self, values: &mut [i64]) {
        let point = describe(values);
        self.mean.push(point.mean);
        self.sd.push(point.sd);
        self.p5.push(point.quantiles[0]);
        self.p25.push(point.quantiles[1]);
        self.p50.push(point.quantiles[2]);
        self.p75.push(point.quantiles[3]);
        self.p95.push(point.quantiles[4]);
    }
}

struct Point {
    mean: f64,
    sd: f64,
    quantiles: [f64; 5],
}

const LEVELS: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// Mean, sample standard deviation and quantiles of whole numbers, exactly: sums are
/// integers, quantiles interpolate between order statistics (Hyndman & Fan type 7, the
/// default of R and NumPy).
fn describe(values: &mut [i64]) -> Point {
    let n = values.len();
    if n == 0 {
        return Point {
            mean: f64::NAN,
            sd: f64::NAN,
            quantiles: [f64::NAN; 5],
        };
    }
    let (sum, squares) = sums(values);
    let nn = n as i128;
    let mean = sum as f64 / n as f64;
    let sd = if n > 1 {
        let numerator = nn * squares - sum * sum;
        (numerator as f64 / (nn * (nn - 1)) as f64).sqrt()
    } else {
        0.0
    };
    sort_small_range(values);
    let mut quantiles = [0.0; 5];
    for (q, level) in quantiles.iter_mut().zip(LEVELS) {
        *q = quantile_sorted(values, level);
    }
    Point {
        mean,
        sd,
        quantiles,
    }
}

/// The exact sum and sum of squares of `values`: in 64-bit integers when they cannot
/// overflow (adopter counts always; WebAssembly has no 128-bit multiply, so this is several
/// times faster there), in 128-bit ones otherwise.
fn sums(values: &[i64]) -> (i128, i128) {
    let largest = values.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0);
    let bound = u128::from(largest) * u128::from(largest) * values.len() as u128;
    if bound < 1 << 63 {
        let (sum, squares) = values
            .iter()
            .fold((0i64, 0i64), |(s, q), &v| (s + v, q + v * v));
        (i128::from(sum), i128::from(squares))
    } else {
        values.iter().fold((0i128, 0i128), |(s, q), &v| {
            let v = i128::from(v);
            (s + v, q + v * v)
        })
    }
}

/// Type-7 quantile of sorted values.
#[inline(always)]
fn quantile_sorted(sorted: &[i64], level: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * level;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    let (a, b) = (sorted[lo] as f64, sorted[hi] as f64);
    a + (h - lo as f64) * (b - a)
}

/// Sorts values that usually span a narrow range (adopters across runs) by counting,
/// falling back to a radix sort for wide ranges.
fn sort_small_range(values: &mut [i64]) {
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return;
    };
    // As unsigned, the distance fits whatever the values.
    let distance = max.wrapping_sub(min) as u64;
    let span = u128::from(distance) + 1;
    if span > 4 * values.len() as u128 + 64 {
        radix_sort(values, min, distance);
        return;
    }
    let mut bins = vec![0u32; span as usize];
    for &v in values.iter() {
        bins[(v - min) as usize] += 1;
    }
    let mut at = 0;
    for (offset, &count) in bins.iter().enumerate() {
        for slot in &mut values[at..at + count as usize] {
            *slot = min + offset as i64;
        }
        at += count as usize;
    }
}

/// Sorts `values` (all at least `min`, at most `min + span`) by their offsets from `min`,
/// eight bits at a time, least significant first, only over the bytes `span` uses.
///
/// NOTE: not `sort_unstable`: its quicksort cost the page 1.5 KB gzip for this one use.
fn radix_sort(values: &mut [i64], min: i64, span: u64) {
    let mut keys: Vec<u64> = values.iter().map(|&v| v.wrapping_sub(min) as u64).collect();
    let mut other = vec![0u64; keys.len()];
    let bytes = (u64::BITS - span.leading_zeros()).div_ceil(8);
    for byte in 0..bytes {
        let shift = 8 * byte;
        let mut starts = [0usize; 257];
        for &k in &keys {
            starts[((k >> shift) & 0xff) as usize + 1] += 1;
        }
        for b in 1..257 {
            starts[b] += starts[b - 1];
        }
        for &k in &keys {
            let slot = &mut starts[((k >> shift) & 0xff) as usize];
            other[*slot] = k;
            *slot += 1;
        }
        std::mem::swap(&mut keys, &mut other);
    }
    for (v, k) in values.iter_mut().zip(keys) {
        *v = min.wrapping_add(k as i64);
    }
}

fn activity(model: &Model, counts: &[YearCounts], runs: usize) -> Activity {
    let s = model.scenario();
    let r = runs.max(1) as f64;
    let mean = |f: &dyn Fn(&YearCounts) -> f64| counts.iter().map(|c| f(c) / r).collect();
    Activity {
        vouchers_awarded: mean(&|c| c.vouchers_awarded as f64),
        vouchers_used: mean(&|c| c.vouchers_used as f64),
        firms_trained: mean(&|c| c.firms_trained as f64),
        training_actions: mean(&|c| c.training_actions as f64),
        pilots: mean(&|c| c.pilots as f64),
        spend_eur: mean(&|c| {
            let spent = spend(s, c);
            spent.vouchers + spent.training + spent.pilots
        }),
    }
}

/// What one tally of activity cost, by instrument.
fn spend(s: &crate::Scenario, c: &YearCounts) -> ByInstrument {
    ByInstrument {
        vouchers: c.vouchers_awarded as f64 * s.vouchers.admin_eur
            + c.vouchers_used as f64 * s.vouchers.value_eur,
        training: c.training_actions as f64 * s.training.cost_per_action_eur,
        pilots: c.pilots as f64 * s.pilots.cost_eur,
    }
}

fn interval(values: &mut [i64]) -> Interval {
    let point = describe(values);
    Interval {
        mean: point.mean,
        p5: point.quantiles[0],
        p50: point.quantiles[2],
        p95: point.quantiles[4],
    }
}

fn share(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn headline(
    model: &Model,
    w: &Worlds,
    counts: &[YearCounts],
    activity: &Activity,
    firms_mean: &[f64],
) -> Headline {
    let s = model.scenario();
    let (runs, years) = (w.runs, w.years);
    let firms = s.total_firms();
    let y = (s.headline_year() - s.start_year) as usize;
    let mut b = w.at(w.baseline, y);
    let mut p = w.at(w.policy, y);
    let mut add: Vec<i64> = p.iter().zip(&b).map(|(p, b)| p - b).collect();
    let additional_adopters = interval(&mut add);
    let baseline_adopters = interval(&mut b);
    let policy_adopters = interval(&mut p);
    let additional_adopter_years = interval(&mut w.adopter_years());
    let spend_eur: f64 = activity.spend_eur.iter().sum();
    let per = |n: f64| (n > 0.0).then(|| spend_eur / n);
    let mut total = YearCounts::default();
    counts.iter().for_each(|c| total.add(c));
    let r = runs.max(1) as f64;
    let spent = spend(s, &total);
    let left = |share: f64, spent: f64| (s.budget_eur * share - spent / r).max(0.0);
    let unspent = ByInstrument {
        vouchers: left(s.mix.vouchers, spent.vouchers),
        training: left(s.mix.training, spent.training),
        pilots: left(s.mix.pilots, spent.pilots),
    };
    let targets = s
        .targets
        .iter()
        .map(|t| {
            let y = (t.year - s.start_year) as usize;
            let meets = |v: i64, run: usize| match t.kind {
                TargetKind::AdoptionShare => {
                    let n = w.firms[run * years + y];
                    n > 0 && v as f64 / f64::from(n) >= t.value
                }
                _ => v as f64 >= t.value,
            };
            let chance = |f: &dyn Fn(usize) -> i64| {
                (0..runs).filter(|&run| meets(f(run), run)).count() as f64 / r
            };
            let probability = match t.kind {
                TargetKind::AdditionalAdopters => {
                    chance(&|run| w.policy[run * years + y] - w.baseline[run * years + y])
                }
                _ => chance(&|run| w.policy[run * years + y]),
            };
            let baseline_probability = match t.kind {
                TargetKind::AdditionalAdopters => None,
                _ => Some(chance(&|run| w.baseline[run * years + y])),
            };
            TargetOutcome {
                kind: t.kind,
                year: t.year,
                value: t.value,
                label: t.label.clone(),
                probability,
                baseline_probability,
            }
        })
        .collect();
    let supported = total.voucher_deadweight
        + total.voucher_converted
        + total.pilot_deadweight
        + total.pilot_converted;
    let same_year = total.voucher_deadweight + total.pilot_deadweight;
    let firms_then = firms_mean.get(y).copied().unwrap_or(firms as f64);
    Headline {
        horizon_year: s.horizon_year(),
        headline_year: s.headline_year(),
        firms,
        firms_then,
        baseline_share: baseline_adopters.mean / firms_then,
        policy_share: policy_adopters.mean / firms_then,
        additional_adopters,
        baseline_adopters,
        policy_adopters,
        additional_adopter_years,
        budget_eur: s.budget_eur,
        spend_eur,
        unspent_eur: (s.budget_eur - spend_eur).max(0.0),
        unspent,
        cost_per_additional_adopter: per(additional_adopters.mean),
        cost_per_additional_adopter_low: per(additional_adopters.p95),
        cost_per_additional_adopter_high: per(additional_adopters.p5),
        cost_per_additional_adopter_year: per(additional_adopter_years.mean),
        deadweight: Deadweight {
            same_year: share(same_year, supported),
            within_3_years: share(same_year + total.supported_caught_up_3, supported),
            by_horizon: share(same_year + total.supported_caught_up, supported),
        },
        reached: Reach {
            vouchers_awarded: total.vouchers_awarded as f64 / r,
            vouchers_used: total.vouchers_used as f64 / r,
            firms_trained: total.firms_trained as f64 / r,
            training_actions: total.training_actions as f64 / r,
            pilots: total.pilots as f64 / r,
            lapsed: total.lapsed as f64 / r,
        },
        plan: Some(model.plan().clone()),
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_follow_type_7() {
        let mut v: Vec<i64> = (1..=10).rev().collect();
        let p = describe(&mut v);
        assert_eq!(p.mean, 5.5);
        assert!((p.sd - 3.0276503540974917).abs() < 1e-12);
        for (got, want) in p.quantiles.iter().zip([1.45, 3.25, 5.5, 7.75, 9.55]) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        let mut one = vec![7];
        assert_eq!(describe(&mut one).quantiles, [7.0; 5]);
    }

    #[test]
    fn sums_are_exact_on_both_paths() {
        let small = [3i64, -7, 12_000, 0, 5];
        assert_eq!(sums(&small), (12_001, 9 + 49 + 144_000_000 + 25));
        // Squares past 2^63 take the 128-bit path.
        let big = [i64::MAX, i64::MIN + 1, 2];
        let m = i128::from(i64::MAX);
        assert_eq!(sums(&big), (2, 2 * m * m + 4));
        assert_eq!(sums(&[]), (0, 0));
    }

    #[test]
    fn counting_sort_matches_comparison_sort() {
        let mut a: Vec<i64> = (0..1000).map(|i| (i * 7919 % 311) - 100).collect();
        let mut b = a.clone();
        sort_small_range(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut wide = vec![5, -1_000_000, 3, 1_000_000];
        sort_small_range(&mut wide);
        assert_eq!(wide, vec![-1_000_000, 3, 5, 1_000_000]);
        // The radix path over the whole i64 range, duplicates and all.
        let mut extreme: Vec<i64> = (0..2_000i64)
            .map(|i| {
                i.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as i64)
                    .rotate_left(i as u32 % 64)
            })
            .chain([i64::MIN, i64::MAX, 0, 0, -1])
            .collect();
        let mut sorted = extreme.clone();
        sorted.sort_unstable();
        sort_small_range(&mut extreme);
        assert_eq!(extreme, sorted);
    }
}
