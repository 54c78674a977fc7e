//! One Monte Carlo run: the baseline and policy worlds stepped together, year by year.
//!
//! The two worlds are *coupled*: every firm has one fate per run, and the policy can only
//! add adoptions to it. Firms are counted in joint states (see `docs/model.md`):
//!
//! | state          | baseline     | policy       |
//! |----------------|--------------|--------------|
//! | `lia`          | non-adopter  | non-adopter, less innovation-aware, untrained |
//! | `aware`        | non-adopter  | non-adopter, aware, untrained |
//! | `trained[k]`   | non-adopter  | non-adopter, trained in programme year k+1, uplift active |
//! | `policy_only`  | non-adopter  | adopter (an *additional* adopter) |
//! | `both`         | adopter      | adopter |
//!
//! Each year a non-adopter first draws its baseline adoption with the Bass probability
//! `h_b = min(1, p + q A_b/N)`; of those that did not adopt in the baseline, a thinned draw
//! with probability `(h_p - h_b) / (1 - h_b)` adopts in the policy world only. Together the
//! two draws give exactly `Binomial(n, h_p)` in the policy world and `Binomial(n, h_b)` in the
//! baseline, and with no budget `h_p == h_b`, so nothing is drawn and the worlds are identical.

use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::error::ScenarioError;
use crate::plan::Plan;
use crate::sample::{allocate, binomial, run_stream};
use crate::scenario::{Scenario, limits};

/// Most cohorts of trained firms tracked at once (one per programme year).
const COHORTS: usize = limits::MAX_PROGRAMME_YEARS as usize;

/// What the instruments did in one year, summed over runs: whole counts, so sums are exact
/// and independent of the order runs are merged in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCounts {
    /// Vouchers awarded.
    pub vouchers_awarded: u64,
    /// Awarded vouchers that were used (and paid).
    pub vouchers_used: u64,
    /// Voucher users who adopted but would have adopted that year anyway.
    pub voucher_deadweight: u64,
    /// Voucher users who adopted because of the voucher.
    pub voucher_converted: u64,
    /// Firms trained.
    pub firms_trained: u64,
    /// Training actions run.
    pub training_actions: u64,
    /// Pilots run.
    pub pilots: u64,
    /// Pilot hosts who adopted but would have adopted that year anyway.
    pub pilot_deadweight: u64,
    /// Pilot hosts who adopted because of the pilot.
    pub pilot_converted: u64,
}

impl YearCounts {
    /// Number of tallies.
    pub const LEN: usize = 9;

    /// The tallies in field order.
    pub fn to_array(&self) -> [u64; Self::LEN] {
        [
            self.vouchers_awarded,
            self.vouchers_used,
            self.voucher_deadweight,
            self.voucher_converted,
            self.firms_trained,
            self.training_actions,
            self.pilots,
            self.pilot_deadweight,
            self.pilot_converted,
        ]
    }

    /// Tallies from [`YearCounts::to_array`]'s order.
    pub fn from_array(a: [u64; Self::LEN]) -> YearCounts {
        YearCounts {
            vouchers_awarded: a[0],
            vouchers_used: a[1],
            voucher_deadweight: a[2],
            voucher_converted: a[3],
            firms_trained: a[4],
            training_actions: a[5],
            pilots: a[6],
            pilot_deadweight: a[7],
            pilot_converted: a[8],
        }
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, o: &YearCounts) {
        let (mut a, b) = (self.to_array(), o.to_array());
        for (x, y) in a.iter_mut().zip(b) {
            *x += y;
        }
        *self = YearCounts::from_array(a);
    }
}

/// Units offered in one programme year.
#[derive(Clone, Copy, Debug, Default)]
struct Offer {
    vouchers: u64,
    places: u64,
    pilots: u64,
}

/// A checked scenario, ready to simulate.
#[derive(Clone, Debug)]
pub struct Model {
    scenario: Scenario,
    plan: Plan,
    /// Offers by year; index 0 (year 0) is empty.
    offers: Vec<Offer>,
    /// The last year with anything on offer; after it awareness no longer matters.
    last_offer_year: u32,
}

/// Parameters drawn once per run (exact ones are simply copied).
struct Draws {
    vouchers_apply: [f64; 2],
    vouchers_used: f64,
    vouchers_conversion: f64,
    uplift: f64,
    pilots_apply: [f64; 2],
    pilots_success: f64,
    peer_weight: f64,
}

/// One segment's firms in their joint states during a run.
#[derive(Clone, Copy, Debug, Default)]
struct SegState {
    inv_firms: f64,
    p: f64,
    q: f64,
    lia: u32,
    aware: u32,
    trained: [u32; COHORTS],
    policy_only: u32,
    both: u32,
    lighthouses: u32,
}

/// Yearly probabilities of one segment.
#[derive(Clone, Copy, Debug)]
struct Hazards {
    /// Baseline adoption probability.
    base: f64,
    /// Policy-world probability for an untrained non-adopter.
    policy: f64,
    /// Policy-world probability for a trained non-adopter while the uplift lasts.
    trained: f64,
}

impl Hazards {
    /// Probability that a non-adopter who did not adopt in the baseline adopts in the
    /// policy world, given its policy-world probability `h`.
    #[inline(always)]
    fn thinned(&self, h: f64) -> f64 {
        let gap = 1.0 - self.base;
        if gap > 0.0 {
            ((h - self.base) / gap).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

impl Model {
    /// Checks the scenario and prepares it for simulation.
    pub fn new(scenario: &Scenario) -> Result<Model, ScenarioError> {
        scenario.validate()?;
        let plan = Plan::new(scenario);
        let offers: Vec<Offer> = (0..=scenario.years)
            .map(|y| Offer {
                vouchers: plan.in_year(plan.vouchers, y),
                // Whole actions per year, so actions run never exceed those bought.
                places: plan.in_year(plan.training_actions, y) * u64::from(plan.firms_per_action),
                pilots: plan.in_year(plan.pilots, y),
            })
            .collect();
        let last_offer_year = offers
            .iter()
            .rposition(|o| o.vouchers + o.places + o.pilots > 0)
            .unwrap_or(0) as u32;
        Ok(Model {
            scenario: scenario.clone(),
            plan,
            offers,
            last_offer_year,
        })
    }

    /// The scenario this model simulates.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// What the budget buys.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Values stored per run for each world: `(years + 1) x segments`, year-major.
    pub fn cells_per_run(&self) -> usize {
        (self.scenario.years as usize + 1) * self.scenario.segments.len()
    }

    /// Simulates run number `run`, writing adopters per year and segment for the baseline
    /// and the policy (year-major, `cells_per_run` values each) and adding what the
    /// instruments did to `counts` (one entry per year, year 0 first).
    ///
    /// To simulate many runs, a [`Runner`] reuses its buffers between them.
    pub fn run_into(
        &self,
        run: u32,
        baseline: &mut [u32],
        policy: &mut [u32],
        counts: &mut [YearCounts],
    ) {
        Runner::new(self).run_into(run, baseline, policy, counts);
    }
}

/// Simulates runs of one model, reusing its working memory from run to run.
pub struct Runner<'m> {
    model: &'m Model,
    /// Selectable cells per segment.
    stride: usize,
    segs: Vec<SegState>,
    scratch: Scratch,
}

impl<'m> Runner<'m> {
    /// A runner for `model`.
    pub fn new(model: &'m Model) -> Runner<'m> {
        let nseg = model.scenario.segments.len();
        // The cells an instrument can select from: per segment, `lia`, `aware`, then one
        // per programme year's cohort of trained firms.
        let stride = 2 + model.scenario.programme_years as usize;
        let ncells = nseg * stride;
        Runner {
            model,
            stride,
            segs: Vec::with_capacity(nseg),
            scratch: Scratch {
                weights: vec![0.0; ncells],
                caps: vec![0; ncells],
                out: vec![0; ncells],
                held: vec![0; ncells],
                successes: vec![0; nseg],
                hazards: Vec::with_capacity(nseg),
            },
        }
    }

    /// Simulates run number `run`; see [`Model::run_into`].
    ///
    /// NOTE: the random draws happen in a fixed order (this run's parameters, then each
    /// year: catch-up, training, vouchers, pilots, the untreated firms); the named steps
    /// below keep that order, which the golden digests pin.
    pub fn run_into(
        &mut self,
        run: u32,
        baseline: &mut [u32],
        policy: &mut [u32],
        counts: &mut [YearCounts],
    ) {
        let model = self.model;
        let s = &model.scenario;
        let mut rng = run_stream(s.seed, run);
        let d = self.start_run(&mut rng);
        for (i, st) in self.segs.iter().enumerate() {
            baseline[i] = st.both;
            policy[i] = st.both;
        }
        if model.plan.is_empty() {
            self.baseline_years(&mut rng, baseline, policy);
            return;
        }
        for year in 1..=s.years {
            let tally = &mut counts[year as usize];
            let offering = year <= model.last_offer_year;
            self.start_year(year, offering);
            self.year_hazards(&mut rng, &d);
            if offering {
                self.offer(&mut rng, year, &d, tally);
            }
            self.untreated_year(&mut rng, year, offering, baseline, policy);
        }
    }

    /// This run's parameters, drawn in a fixed order: each segment's, then the
    /// instruments'. Leaves every segment in its starting state.
    fn start_run<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Draws {
        let s = &self.model.scenario;
        self.segs.clear();
        for seg in &s.segments {
            let p = seg.p.draw(rng);
            let q = seg.q.draw(rng);
            let aware_share = seg.aware_share.draw(rng);
            let non = seg.firms - seg.adopters;
            let aware = (aware_share * f64::from(non) + 0.5)
                .floor()
                .min(f64::from(non)) as u32;
            self.segs.push(SegState {
                inv_firms: 1.0 / f64::from(seg.firms),
                p,
                q,
                lia: non - aware,
                aware,
                trained: [0; COHORTS],
                policy_only: 0,
                both: seg.adopters,
                lighthouses: 0,
            });
        }
        Draws {
            vouchers_apply: [
                s.vouchers.apply_lia.draw(rng),
                s.vouchers.apply_aware.draw(rng),
            ],
            vouchers_used: s.vouchers.used.draw(rng),
            vouchers_conversion: s.vouchers.conversion.draw(rng),
            uplift: s.training.uplift.draw(rng),
            pilots_apply: [s.pilots.apply_lia.draw(rng), s.pilots.apply_aware.draw(rng)],
            pilots_success: s.pilots.success.draw(rng),
            peer_weight: s.pilots.peer_weight.draw(rng),
        }
    }

    /// Start of a year: expired training effects end; after the last offer, awareness no
    /// longer matters and the two untrained cells merge.
    fn start_year(&mut self, year: u32, offering: bool) {
        let s = &self.model.scenario;
        // Only the programme's cohorts can hold trained firms.
        let cohorts = s.programme_years as usize;
        let effect_years = s.training.effect_years;
        for st in self.segs.iter_mut() {
            for (k, t) in st.trained[..cohorts].iter_mut().enumerate() {
                if *t > 0 && year >= k as u32 + 1 + effect_years {
                    st.aware += *t;
                    *t = 0;
                }
            }
            if !offering {
                st.lia += st.aware;
                st.aware = 0;
            }
        }
    }

    /// The year's probabilities from the state at its start (discrete Bass), and the
    /// additional adopters of earlier years who now adopt in the baseline too.
    fn year_hazards<R: Rng + ?Sized>(&mut self, rng: &mut R, d: &Draws) {
        let half = self.model.scenario.pilots.half_saturation;
        self.scratch.hazards.clear();
        for st in self.segs.iter_mut() {
            let base = (st.p + st.q * f64::from(st.both) * st.inv_firms).min(1.0);
            let lights = f64::from(st.lighthouses);
            let visible = lights / (1.0 + lights / half);
            let adopters = f64::from(st.both + st.policy_only) + d.peer_weight * visible;
            let policy = (st.p + st.q * adopters * st.inv_firms).min(1.0);
            let trained = (policy + d.uplift).min(1.0);
            self.scratch.hazards.push(Hazards {
                base,
                policy,
                trained,
            });
            let caught_up = binomial(rng, st.policy_only, base);
            st.policy_only -= caught_up;
            st.both += caught_up;
        }
    }

    /// What the programme offers this year: training places, then vouchers, then pilots.
    fn offer<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        d: &Draws,
        tally: &mut YearCounts,
    ) {
        let offer = self.model.offers[year as usize];
        self.scratch.held.iter_mut().for_each(|h| *h = 0);
        if offer.places > 0 {
            self.train(rng, offer.places, year, tally);
        }
        if offer.vouchers > 0 {
            let (dw, conv, awarded) = self.treat(
                rng,
                offer.vouchers,
                d.vouchers_apply,
                Some((d.vouchers_used, &mut tally.vouchers_used)),
                d.vouchers_conversion,
            );
            tally.vouchers_awarded += awarded;
            tally.voucher_deadweight += dw;
            tally.voucher_converted += conv;
        }
        if offer.pilots > 0 {
            let (dw, conv, hosted) =
                self.treat(rng, offer.pilots, d.pilots_apply, None, d.pilots_success);
            tally.pilots += hosted;
            tally.pilot_deadweight += dw;
            tally.pilot_converted += conv;
            for (st, new) in self.segs.iter_mut().zip(&self.scratch.successes) {
                st.lighthouses += new;
            }
        }
    }

    /// Everyone not treated this year: baseline draw, then the thinned policy draw; treated
    /// firms that did not adopt return to their cells. Stores the year's adopters.
    fn untreated_year<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        offering: bool,
        baseline: &mut [u32],
        policy: &mut [u32],
    ) {
        let nseg = self.segs.len();
        let cohorts = self.model.scenario.programme_years as usize;
        for (i, st) in self.segs.iter_mut().enumerate() {
            let h = self.scratch.hazards[i];
            let untrained = h.thinned(h.policy);
            step(
                rng,
                &mut st.lia,
                &mut st.both,
                &mut st.policy_only,
                h.base,
                untrained,
            );
            if st.aware > 0 {
                step(
                    rng,
                    &mut st.aware,
                    &mut st.both,
                    &mut st.policy_only,
                    h.base,
                    untrained,
                );
            }
            if st.trained[..cohorts].iter().any(|&t| t > 0) {
                let boosted = h.thinned(h.trained);
                for t in st.trained[..cohorts].iter_mut().filter(|t| **t > 0) {
                    step(rng, t, &mut st.both, &mut st.policy_only, h.base, boosted);
                }
            }
            if offering {
                // Treated firms that did not adopt return; applying made LIA firms aware.
                let held = &self.scratch.held[i * self.stride..(i + 1) * self.stride];
                st.aware += held[0] + held[1];
                for (t, h) in st.trained[..cohorts].iter_mut().zip(&held[2..]) {
                    *t += h;
                }
            }
            let at = year as usize * nseg + i;
            baseline[at] = st.both;
            policy[at] = st.both + st.policy_only;
        }
    }

    /// The years of a run in which nothing is bought: one binomial draw per segment and
    /// year, exactly the draws the coupled path makes when no adoption can be added (all
    /// non-adopters merge into `lia` and every thinned probability is zero), at a fraction
    /// of its bookkeeping.
    fn baseline_years<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        baseline: &mut [u32],
        policy: &mut [u32],
    ) {
        let nseg = self.segs.len();
        for st in self.segs.iter_mut() {
            st.lia += st.aware;
            st.aware = 0;
        }
        for year in 1..=self.model.scenario.years as usize {
            for (i, st) in self.segs.iter_mut().enumerate() {
                let base = (st.p + st.q * f64::from(st.both) * st.inv_firms).min(1.0);
                let x = binomial(rng, st.lia, base);
                st.lia -= x;
                st.both += x;
                baseline[year * nseg + i] = st.both;
            }
        }
        policy.copy_from_slice(baseline);
    }

    /// Recruits up to `places` less-innovation-aware firms into this year's training cohort.
    fn train<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        places: u64,
        year: u32,
        tally: &mut YearCounts,
    ) {
        let n = self.segs.len();
        let sc = &mut self.scratch;
        for (i, st) in self.segs.iter().enumerate() {
            sc.weights[i] = f64::from(st.lia);
            sc.caps[i] = st.lia;
        }
        let available: u64 = self.segs.iter().map(|s| u64::from(s.lia)).sum();
        let trained = allocate(
            rng,
            places.min(available),
            &sc.weights[..n],
            &sc.caps[..n],
            &mut sc.out[..n],
        );
        let cohort = (year - 1) as usize;
        for (st, k) in self.segs.iter_mut().zip(&sc.out[..n]) {
            st.lia -= k;
            st.trained[cohort] += k;
        }
        tally.firms_trained += trained;
        tally.training_actions += trained.div_ceil(u64::from(self.model.plan.firms_per_action));
    }

    /// Awards up to `offered` units (vouchers or pilots) to non-adopters in proportion to how
    /// likely each is to apply, capped by expected demand; the firms that take them up
    /// (a `used` share, counted into its tally, or all) adopt with their policy-world
    /// probability raised by `effect`. Returns the deadweight adoptions, the converted ones
    /// and the units awarded; successes per segment are left in `scratch.successes`.
    fn treat<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        offered: u64,
        apply: [f64; 2],
        mut used: Option<(f64, &mut u64)>,
        effect: f64,
    ) -> (u64, u64, u64) {
        let stride = self.stride;
        let n = self.segs.len() * stride;
        let sc = &mut self.scratch;
        for (i, st) in self.segs.iter().enumerate() {
            for (c, count) in cells(st, stride).enumerate() {
                let at = i * stride + c;
                let rate = if c == 0 { apply[0] } else { apply[1] };
                sc.weights[at] = f64::from(count) * rate;
                sc.caps[at] = count;
            }
        }
        let demand: f64 = sc.weights[..n].iter().sum();
        let target = offered.min((demand + 0.5) as u64);
        let awarded = allocate(
            rng,
            target,
            &sc.weights[..n],
            &sc.caps[..n],
            &mut sc.out[..n],
        );
        let (mut deadweight, mut converted) = (0u64, 0u64);
        sc.successes.iter_mut().for_each(|s| *s = 0);
        for (i, st) in self.segs.iter_mut().enumerate() {
            let h = sc.hazards[i];
            for c in 0..stride {
                let at = i * stride + c;
                let got = sc.out[at];
                if got == 0 {
                    continue;
                }
                let takers = match used.as_mut() {
                    Some((rate, tally)) => {
                        let u = binomial(rng, got, *rate);
                        **tally += u64::from(u);
                        u
                    }
                    None => got,
                };
                if takers == 0 {
                    continue;
                }
                *cell_mut(st, c) -= takers;
                let own = if c >= 2 { h.trained } else { h.policy };
                let with_support = 1.0 - (1.0 - own) * (1.0 - effect);
                let dw = binomial(rng, takers, h.base);
                let conv = binomial(rng, takers - dw, h.thinned(with_support));
                st.both += dw;
                st.policy_only += conv;
                sc.held[at] += takers - dw - conv;
                deadweight += u64::from(dw);
                converted += u64::from(conv);
                sc.successes[i] += dw + conv;
            }
        }
        (deadweight, converted, awarded)
    }
}

/// Working memory of a run, reused between runs.
struct Scratch {
    weights: Vec<f64>,
    caps: Vec<u32>,
    out: Vec<u32>,
    /// Treated firms that did not adopt, returned to their cell at the end of the year.
    held: Vec<u32>,
    /// Successful pilots per segment this year.
    successes: Vec<u32>,
    hazards: Vec<Hazards>,
}

/// The selectable cells of a segment, in order: `lia`, `aware`, then the first
/// `stride - 2` cohorts.
fn cells(st: &SegState, stride: usize) -> impl Iterator<Item = u32> + '_ {
    [st.lia, st.aware]
        .into_iter()
        .chain(st.trained[..stride - 2].iter().copied())
}

fn cell_mut(st: &mut SegState, c: usize) -> &mut u32 {
    match c {
        0 => &mut st.lia,
        1 => &mut st.aware,
        k => &mut st.trained[k - 2],
    }
}

/// One year for one cell of non-adopters: `x` adopt in both worlds, then `y` of the rest
/// adopt in the policy world only.
#[inline(always)]
fn step<R: Rng + ?Sized>(
    rng: &mut R,
    cell: &mut u32,
    both: &mut u32,
    policy_only: &mut u32,
    base: f64,
    thinned: f64,
) {
    let x = binomial(rng, *cell, base);
    let y = binomial(rng, *cell - x, thinned);
    *cell -= x + y;
    *both += x;
    *policy_only += y;
}
