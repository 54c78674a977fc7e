//! What drives the result: the headline with each uncertain parameter held at its low and
//! at its high value (a tornado, sorted by swing), and each parameter's share of the
//! headline's variance in the base ensemble (a correlation ratio with a bootstrap
//! interval). `docs/decide.md` states the estimators.

use adoption_model::assumption::Assumption;
use adoption_model::scenario::{Scenario, Segment};
use adoption_model::sim::inspect::{Drawn, drawn};
use adoption_model::{Model, Param};
use serde::{Deserialize, Serialize};

use crate::estimate::{is_estimate, keys};
use crate::outcome::Outcomes;
use crate::stats::quantile;
use crate::{DecideError, Evaluate, check_runs, models};
use adoption_model::sample::SplitMix64;

/// Which headline the tornado shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    /// Additional adopters at the headline year (mean, with its 5-95% interval).
    AdditionalAdopters,
    /// Mean spend per mean additional adopter (with the summary's 90% interval).
    CostPerAdditionalAdopter,
}

/// Where a parameter lives: in every segment, or once in the scenario.
#[derive(Clone, Copy)]
enum Slot {
    Segment(fn(&mut Segment) -> &mut Param),
    Field(fn(&mut Scenario) -> &mut Param),
}

/// An uncertain parameter the tornado can hold at its low or high.
#[derive(Clone, Copy)]
pub struct Knob {
    /// Its key: the assumption table's, or the scenario field's ([`crate::estimate::keys`]).
    pub key: &'static str,
    slot: Slot,
    /// Its value in a run (for a segment quantity, the first uncertain segment's).
    value: fn(&Drawn, usize) -> f64,
}

macro_rules! field {
    ($($path:ident).+) => {{
        fn at(s: &mut Scenario) -> &mut Param {
            &mut s.$($path).+
        }
        Slot::Field(at)
    }};
}

macro_rules! segment {
    ($f:ident) => {{
        fn at(s: &mut Segment) -> &mut Param {
            &mut s.$f
        }
        Slot::Segment(at)
    }};
}

/// Every parameter a scenario may make uncertain, in the order the model draws them.
pub fn knobs() -> [Knob; 17] {
    let k = |key, slot, value| Knob { key, slot, value };
    [
        k(keys::P, segment!(p), |d, i| d.segments[i].p),
        k(keys::Q, segment!(q), |d, i| d.segments[i].q),
        k(keys::AWARE_SHARE, segment!(aware_share), |d, i| {
            d.segments[i].aware_share
        }),
        k(
            Assumption::VoucherValueScale.key(),
            field!(vouchers.value_scale_eur),
            |d, _| d.voucher_value_scale,
        ),
        k(
            keys::VOUCHER_APPLY_LIA,
            field!(vouchers.apply_lia),
            |d, _| d.voucher_apply_lia,
        ),
        k(
            keys::VOUCHER_APPLY_AWARE,
            field!(vouchers.apply_aware),
            |d, _| d.voucher_apply_aware,
        ),
        k(
            Assumption::VoucherUsed.key(),
            field!(vouchers.used),
            |d, _| d.voucher_used,
        ),
        k(
            Assumption::VoucherConversion.key(),
            field!(vouchers.conversion),
            |d, _| d.voucher_conversion,
        ),
        k(
            Assumption::VoucherLapse.key(),
            field!(vouchers.lapse),
            |d, _| d.voucher_lapse,
        ),
        k(
            Assumption::TrainingUplift.key(),
            field!(training.uplift),
            |d, _| d.training_uplift,
        ),
        k(keys::PILOT_APPLY_LIA, field!(pilots.apply_lia), |d, _| {
            d.pilot_apply_lia
        }),
        k(
            keys::PILOT_APPLY_AWARE,
            field!(pilots.apply_aware),
            |d, _| d.pilot_apply_aware,
        ),
        k(
            Assumption::PilotSuccess.key(),
            field!(pilots.success),
            |d, _| d.pilot_success,
        ),
        k(
            Assumption::PeerWeight.key(),
            field!(pilots.peer_weight),
            |d, _| d.peer_weight,
        ),
        k(
            Assumption::PilotDecay.key(),
            field!(pilots.decay),
            |d, _| d.pilot_decay,
        ),
        k(keys::READY_SHARE, field!(readiness.share), |d, _| {
            d.ready_share
        }),
        k(keys::READY_RATIO, field!(readiness.ratio), |d, _| {
            d.ready_ratio
        }),
    ]
}

/// Low or high end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The range's low.
    Low,
    /// The range's high.
    High,
}

impl Knob {
    /// The first segment (or the scenario's one field) whose value is uncertain, and its
    /// low and high; `None` when the parameter is exact everywhere.
    pub fn range(&self, s: &Scenario) -> Option<(usize, f64, f64)> {
        let mut t = s.clone();
        match self.slot {
            Slot::Field(at) => {
                let p = at(&mut t);
                p.is_uncertain().then(|| {
                    let (lo, hi) = p.bounds();
                    (0, lo, hi)
                })
            }
            Slot::Segment(at) => t.segments.iter_mut().enumerate().find_map(|(i, g)| {
                let p = at(g);
                p.is_uncertain().then(|| {
                    let (lo, hi) = p.bounds();
                    (i, lo, hi)
                })
            }),
        }
    }

    /// The scenario with this parameter held at one end of its range (each segment at its
    /// own range's end), as an exact value.
    pub fn held(&self, s: &Scenario, end: End) -> Scenario {
        let mut t = s.clone();
        let hold = |p: &mut Param| {
            let (lo, hi) = p.bounds();
            *p = Param::Exact(if end == End::Low { lo } else { hi });
        };
        match self.slot {
            Slot::Field(at) => hold(at(&mut t)),
            Slot::Segment(at) => t.segments.iter_mut().for_each(|g| hold(at(g))),
        }
        t
    }
}

/// One parameter's bar of the tornado and its share of the variance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// The parameter's key.
    pub name: String,
    /// Its low value (the first uncertain segment's for a segment quantity).
    pub low: f64,
    /// Its high value.
    pub high: f64,
    /// Whether it is our estimate ("est.": no empirical source).
    pub estimate: bool,
    /// The headline with the parameter held at its low.
    pub headline_low: f64,
    /// The headline with the parameter held at its high.
    pub headline_high: f64,
    /// The headline's 90% Monte Carlo interval at the low ([5%, 95%]).
    pub interval_low: [f64; 2],
    /// The same at the high.
    pub interval_high: [f64; 2],
    /// `|headline_high - headline_low|`, what the bars are sorted by.
    pub swing: f64,
    /// Share of the variance of additional adopters explained by this parameter in the
    /// base ensemble (bias-corrected correlation ratio, clipped at 0).
    pub variance_share: f64,
    /// Its 90% bootstrap interval ([5%, 95%] shifted by the bootstrap's bias, clipped at 0).
    pub variance_share_interval: [f64; 2],
}

/// The tornado and variance shares of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    /// Which headline the bars show.
    pub headline: Headline,
    /// The headline of the scenario as it is.
    pub base: f64,
    /// Its 90% interval.
    pub base_interval: [f64; 2],
    /// One bar per uncertain parameter, largest swing first.
    pub parameters: Vec<Bar>,
}

/// Bootstrap resamples of the variance share.
pub const BOOTSTRAP: usize = 200;

/// What the tornado simulates: the scenario as it is, then each uncertain parameter held
/// at its low and at its high (`scenarios[1 + 2i]`, `scenarios[2 + 2i]` for `active[i]`).
#[derive(Clone)]
pub struct Plan {
    /// The uncertain parameters, in [`knobs`]' order, with the first uncertain segment (or
    /// 0) and its low and high.
    pub active: Vec<(Knob, (usize, f64, f64))>,
    /// The scenarios to simulate, each over all the scenario's runs.
    pub scenarios: Vec<Scenario>,
}

/// The scenarios the tornado of `s` needs (see [`Plan`]).
pub fn plan(s: &Scenario) -> Result<Plan, DecideError> {
    check_runs(s.runs)?;
    let active: Vec<(Knob, (usize, f64, f64))> = knobs()
        .into_iter()
        .filter_map(|k| k.range(s).map(|r| (k, r)))
        .collect();
    let mut scenarios = vec![s.clone()];
    for (k, _) in &active {
        scenarios.push(k.held(s, End::Low));
        scenarios.push(k.held(s, End::High));
    }
    Ok(Plan { active, scenarios })
}

/// The tornado of `s` for `headline`, over its `runs` runs, simulating with `eval`.
pub fn sensitivity(
    s: &Scenario,
    headline: Headline,
    eval: &dyn Evaluate,
) -> Result<Sensitivity, DecideError> {
    let plan = plan(s)?;
    let models = models(&plan.scenarios)?;
    let ensembles = eval.ensembles(&models, 0..s.runs);
    let reading: Vec<(f64, [f64; 2])> = models
        .iter()
        .zip(&ensembles)
        .map(|(m, e)| read(headline, m, e))
        .collect();
    let base_out = Outcomes::new(&models[0], &ensembles[0]);
    let shares = variance_shares(s, &plan, &models[0], &base_out.additional);
    Ok(summarise(headline, &plan, &reading, &shares))
}

/// Each active parameter's share of the variance of the base scenario's per-run
/// additional adopters, with its interval ([`variance_share`]), in the plan's order;
/// `base` is the base scenario's model (its runs' drawn values). The same for either
/// headline: computed once, given to [`summarise`].
pub fn variance_shares(
    s: &Scenario,
    plan: &Plan,
    base: &Model,
    base_additional: &[f64],
) -> Vec<(f64, [f64; 2])> {
    let runs: Vec<Drawn> = (0..s.runs).map(|r| drawn(base, r)).collect();
    let xs: Vec<Vec<f64>> = plan
        .active
        .iter()
        .map(|(k, (seg, _, _))| runs.iter().map(|d| (k.value)(d, *seg)).collect())
        .collect();
    let xs: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
    variance_share_of_each(&xs, base_additional, s.seed)
}

/// The tornado from each planned scenario's headline reading ([`read`], in the plan's
/// order) and the active parameters' [`variance_shares`].
pub fn summarise(
    headline: Headline,
    plan: &Plan,
    reading: &[(f64, [f64; 2])],
    shares: &[(f64, [f64; 2])],
) -> Sensitivity {
    let undefined = (f64::NAN, [f64::NAN; 2]);
    let at = |i: usize| reading.get(i).copied().unwrap_or(undefined);
    let mut bars: Vec<Bar> = plan
        .active
        .iter()
        .enumerate()
        .map(|(i, (k, (_, low, high)))| {
            let (share, interval) = shares.get(i).copied().unwrap_or((f64::NAN, [f64::NAN; 2]));
            let (lo, hi) = (at(1 + 2 * i), at(2 + 2 * i));
            Bar {
                name: k.key.to_string(),
                low: *low,
                high: *high,
                estimate: is_estimate(k.key),
                headline_low: lo.0,
                headline_high: hi.0,
                interval_low: lo.1,
                interval_high: hi.1,
                swing: (hi.0 - lo.0).abs(),
                variance_share: share,
                variance_share_interval: interval,
            }
        })
        .collect();
    // Largest swing first; an undefined swing (no additional adopters) last.
    bars.sort_by(|a, b| {
        let key = |x: f64| if x.is_finite() { x } else { -1.0 };
        key(b.swing).total_cmp(&key(a.swing))
    });
    Sensitivity {
        headline,
        base: at(0).0,
        base_interval: at(0).1,
        parameters: bars,
    }
}

/// The headline of one ensemble and its 90% interval; NaN where undefined.
pub fn read(headline: Headline, m: &Model, e: &adoption_model::Ensemble) -> (f64, [f64; 2]) {
    match headline {
        Headline::AdditionalAdopters => additional_reading(&Outcomes::new(m, e).additional),
        Headline::CostPerAdditionalAdopter => cost_reading(m, e),
    }
}

/// The additional-adopters headline from the per-run additional adopters: their mean
/// and [5%, 95%] quantiles.
pub fn additional_reading(add: &[f64]) -> (f64, [f64; 2]) {
    let mean = add.iter().sum::<f64>() / add.len().max(1) as f64;
    (mean, [quantile(add, 0.05), quantile(add, 0.95)])
}

/// The cost-per-additional-adopter headline: the summary's, with its interval.
pub fn cost_reading(m: &Model, e: &adoption_model::Ensemble) -> (f64, [f64; 2]) {
    let h = adoption_model::summary::Headline::new(m, e);
    let or_nan = |x: Option<f64>| x.unwrap_or(f64::NAN);
    (
        or_nan(h.cost_per_additional_adopter),
        [
            or_nan(h.cost_per_additional_adopter_low),
            or_nan(h.cost_per_additional_adopter_high),
        ],
    )
}

/// Bins for the correlation ratio: about 50 runs each, between 2 and 20.
fn bins(n: usize) -> usize {
    (n / 50).clamp(2, 20)
}

/// The share of `y`'s variance explained by `x` (bias-corrected correlation ratio,
/// clipped at 0) and its 90% bootstrap interval over runs (seeded by `seed`).
pub fn variance_share(x: &[f64], y: &[f64], seed: u64) -> (f64, [f64; 2]) {
    variance_share_of_each(&[x], y, seed)[0]
}

/// [`variance_share`] of each of `xs` against the same `y`. Every parameter's bootstrap
/// takes the same resamples of the runs (the same seed), so each resample is drawn once
/// and weighs every parameter's bins.
fn variance_share_of_each(xs: &[&[f64]], y: &[f64], seed: u64) -> Vec<(f64, [f64; 2])> {
    let n = xs.iter().map(|x| x.len()).min().unwrap_or(0).min(y.len());
    if n < 4 {
        return vec![(0.0, [0.0, 0.0]); xs.len()];
    }
    let orders: Vec<Vec<usize>> = xs
        .iter()
        .map(|x| {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(a.cmp(&b)));
            order
        })
        .collect();
    let ones = vec![1u32; n];
    let mut rng = SplitMix64(seed ^ 0x5EED_DEC1_DE00_0001);
    let mut weights = vec![0u32; n];
    let mut boot: Vec<Vec<f64>> = vec![Vec::with_capacity(BOOTSTRAP); xs.len()];
    for _ in 0..BOOTSTRAP {
        weights.iter_mut().for_each(|w| *w = 0);
        for _ in 0..n {
            weights[rng.below(n as u64) as usize] += 1;
        }
        for (order, b) in orders.iter().zip(&mut boot) {
            b.push(eta_squared(order, y, &weights, n as u64));
        }
    }
    orders
        .iter()
        .zip(&mut boot)
        .map(|(order, boot)| {
            let share = eta_squared(order, y, &ones, n as u64);
            boot.sort_by(f64::total_cmp);
            let q = |l| crate::stats::quantile_sorted(boot, l);
            // Resampling repeats runs, which inflates the spread between bins: the
            // bootstrap's median sits above the estimate. The interval is shifted by that
            // bias, so it is centred on the estimate (then clipped at 0).
            let bias = q(0.5) - share;
            (
                share,
                [(q(0.05) - bias).max(0.0), (q(0.95) - bias).max(0.0)],
            )
        })
        .collect()
}

/// Bias-corrected correlation ratio of `y` over equal-count bins of runs taken in
/// `order` (sorted by the parameter), each run counted `w[r]` times (`n` in all); clipped
/// at 0.
///
/// NOTE: a run of weight 0 (a third of a bootstrap resample's) is not skipped: it adds
/// `0 * y`, a zero, to sums that start at +0 (so their bits do not change, `y` being
/// finite adopter counts) and leaves the bin where it is; the loop then has no branch
/// the processor cannot predict. With the current bin's sums in registers and `n` given,
/// cantabria's 17 variance shares take 8 ms natively, down from 19-25 ms (best of 15,
/// alternating, loaded machine), with bit-identical figures.
fn eta_squared(order: &[usize], y: &[f64], w: &[u32], n: u64) -> f64 {
    let b = bins(order.len());
    if n < 2 * b as u64 {
        return 0.0;
    }
    let (mut sum, mut count) = (vec![0.0; b], vec![0u64; b]);
    let (mut total, mut total2) = (0.0, 0.0);
    // The bin of a run's first copy: equal counts by cumulative weight, the largest `bin`
    // with `bin * n <= seen * b`, followed as `seen * b` grows (no division or
    // multiplication per run), and capped for the weightless runs after the last
    // weighed one.
    // The current bin's sums are kept in registers and stored when the bin is left: the
    // same additions in the same order, without a round trip through memory per run.
    let mut bin = 0usize;
    let (mut bin_sum, mut bin_count) = (0.0, 0u64);
    let (mut seen_b, mut next) = (0u64, n);
    let step = b as u64;
    for &r in order {
        while next <= seen_b && bin + 1 < b {
            (sum[bin], count[bin]) = (bin_sum, bin_count);
            (bin_sum, bin_count) = (0.0, 0);
            bin += 1;
            next += n;
        }
        let (wr, yr) = (w[r], y[r]);
        let wf = f64::from(wr);
        bin_sum += wf * yr;
        bin_count += u64::from(wr);
        total += wf * yr;
        total2 += wf * yr * yr;
        seen_b += u64::from(wr) * step;
    }
    (sum[bin], count[bin]) = (bin_sum, bin_count);
    let nf = n as f64;
    let mean = total / nf;
    let ss_total = total2 - nf * mean * mean;
    if ss_total <= 0.0 {
        return 0.0;
    }
    let ss_between: f64 = sum
        .iter()
        .zip(&count)
        .filter(|(_, c)| **c > 0)
        .map(|(s, &c)| {
            let m = s / c as f64;
            c as f64 * (m - mean) * (m - mean)
        })
        .sum();
    let raw = (ss_between / ss_total).min(1.0);
    // Adjusted like R^2 for b - 1 between-bin degrees of freedom (epsilon squared).
    let adjusted = 1.0 - (1.0 - raw) * (nf - 1.0) / (nf - b as f64);
    adjusted.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OneThread;

    #[test]
    fn swings_equal_direct_runs_at_the_ends() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 200;
        let t = sensitivity(&s, Headline::AdditionalAdopters, &OneThread).unwrap();
        assert!(!t.parameters.is_empty());
        for w in t.parameters.windows(2) {
            assert!(w[0].swing >= w[1].swing);
        }
        let k = knobs()
            .into_iter()
            .find(|k| k.key == t.parameters[0].name)
            .unwrap();
        for (end, want) in [
            (End::Low, t.parameters[0].headline_low),
            (End::High, t.parameters[0].headline_high),
        ] {
            let direct = adoption_model::simulate(&k.held(&s, end)).unwrap();
            assert_eq!(direct.summary.additional_adopters.mean, want);
        }
        let base = adoption_model::simulate(&s).unwrap();
        assert_eq!(base.summary.additional_adopters.mean, t.base);
        let q = t.parameters.iter().find(|b| b.name == keys::Q).unwrap();
        assert!(q.estimate);
        assert_eq!((q.low, q.high), s.segments[0].q.bounds());
    }

    #[test]
    fn variance_share_finds_a_driver_and_ignores_noise() {
        let mut r = SplitMix64(3);
        let u = |r: &mut SplitMix64| r.next_u64() as f64 / 2f64.powi(64);
        let x: Vec<f64> = (0..1000).map(|_| u(&mut r)).collect();
        let z: Vec<f64> = (0..1000).map(|_| u(&mut r)).collect();
        // y = x + noise of equal variance: x explains half.
        let y: Vec<f64> = x.iter().zip(&z).map(|(a, b)| a + b).collect();
        let (share, [lo, hi]) = variance_share(&x, &y, 1);
        assert!((0.4..0.6).contains(&share), "{share}");
        assert!(lo <= share && share <= hi);
        let noise: Vec<f64> = (0..1000).map(|_| u(&mut r)).collect();
        let (none, [_, hi]) = variance_share(&noise, &y, 1);
        assert!(none < 0.03 && hi < 0.06, "{none} {hi}");
    }

    #[test]
    fn cost_headline_is_the_summarys() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 100;
        let t = sensitivity(&s, Headline::CostPerAdditionalAdopter, &OneThread).unwrap();
        let base = adoption_model::simulate(&s).unwrap();
        assert_eq!(Some(t.base), base.summary.cost_per_additional_adopter);
    }
}
