//! One Monte Carlo run of model 2: the baseline and policy worlds stepped together, year by
//! year.
//!
//! The two worlds are *coupled*: every firm has one fate per run, and the policy can only
//! add adoptions to it. Firms are counted in joint states (see `docs/model.md`):
//!
//! | state            | baseline     | policy       |
//! |------------------|--------------|--------------|
//! | `lia`            | non-adopter  | non-adopter, less innovation-aware, untrained |
//! | `aware`          | non-adopter  | non-adopter, aware, untrained |
//! | `trained[k]`     | non-adopter  | non-adopter, trained in programme year k+1, uplift active |
//! | `supported[k]`   | non-adopter  | adopter thanks to a voucher or pilot of programme year k+1 (tracked 3 years for deadweight) |
//! | `supported_late` | non-adopter  | adopter thanks to support more than 3 years ago |
//! | `policy_only`    | non-adopter  | adopter for any other reason (training, peers) |
//! | `both`           | adopter      | adopter |
//!
//! Each year a non-adopter first draws its baseline adoption with the Bass probability
//! `h_b = min(1, p + q A_b/N)`; of those that did not adopt in the baseline, a thinned draw
//! with probability `(h_p - h_b) / (1 - h_b)` adopts in the policy world only. Together the
//! two draws give exactly `Binomial(n, h_p)` in the policy world and `Binomial(n, h_b)` in the
//! baseline, and with no budget `h_p == h_b`, so nothing is drawn and the worlds are identical.
//! Firms close and open the same way in both worlds (one draw per joint state), so common
//! random numbers hold with a changing population.

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

use crate::error::ScenarioError;
use crate::plan::Plan;
use crate::sample::{allocate, binomial, run_stream};
use crate::scenario::{Scenario, limits};

/// Most cohorts of trained or supported firms tracked at once (one per programme year).
const COHORTS: usize = limits::MAX_PROGRAMME_YEARS as usize;

/// Years over which a supported firm's baseline adoption counts as deadweight "within 3
/// years": the support year and the two after it.
pub const DEADWEIGHT_WINDOW: u32 = 3;

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
    /// Supported adopters (converted) who now adopt in the baseline too, within
    /// [`DEADWEIGHT_WINDOW`] years of their support.
    pub supported_caught_up_3: u64,
    /// Supported adopters (converted) who now adopt in the baseline too, at any time.
    pub supported_caught_up: u64,
    /// Voucher-induced adopters who dropped the technology when the subsidy ended.
    pub lapsed: u64,
}

impl YearCounts {
    /// Number of tallies.
    pub const LEN: usize = 12;

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
            self.supported_caught_up_3,
            self.supported_caught_up,
            self.lapsed,
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
            supported_caught_up_3: a[9],
            supported_caught_up: a[10],
            lapsed: a[11],
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

/// Where one run writes its results.
pub struct RunOut<'a> {
    /// Baseline adopters per year and segment, year-major ([`Model::cells_per_run`]).
    pub baseline: &'a mut [u32],
    /// Policy adopters, laid out like `baseline`.
    pub policy: &'a mut [u32],
    /// Firms in business per year (years + 1 values).
    pub firms: &'a mut [u32],
    /// What the instruments did, one entry per year (year 0 first); added to.
    pub counts: &'a mut [YearCounts],
}

/// Units the plan offers in one programme year (before re-offers).
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
    /// A voucher's pull: `1 - exp(-value / scale)` at the scale's central value is not
    /// enough (the scale may be uncertain), so only the value is kept here.
    voucher_cost: f64,
}

/// Parameters drawn once per run (exact ones are simply copied).
struct Draws {
    /// Yearly application chances (LIA, aware) at this grant and coverage.
    vouchers_apply: [f64; 2],
    vouchers_used: f64,
    /// Conversion at this grant.
    vouchers_conversion: f64,
    lapse: f64,
    uplift: f64,
    pilots_apply: [f64; 2],
    pilots_success: f64,
    peer_weight: f64,
    decay: f64,
    /// Share of non-adopters ready in a year, and the hazard multipliers of the ready
    /// and the rest (averaging to 1).
    ready_share: f64,
    ready: f64,
    unready: f64,
}

/// One segment's firms in their joint states during a run.
#[derive(Clone, Copy, Debug, Default)]
struct SegState {
    firms: u32,
    p: f64,
    q: f64,
    lia: u32,
    aware: u32,
    trained: [u32; COHORTS],
    supported: [u32; COHORTS],
    supported_late: u32,
    policy_only: u32,
    both: u32,
    /// Voucher-induced adopters of last year, who may lapse this year.
    lapse_due: u32,
}

impl SegState {
    /// Adopters in the policy world.
    fn policy_adopters(&self) -> u32 {
        self.both + self.policy_only + self.supported_late + self.supported.iter().sum::<u32>()
    }
}

/// Yearly probabilities of one segment.
#[derive(Clone, Copy, Debug, Default)]
struct Hazards {
    /// Baseline adoption probability.
    base: f64,
    /// Policy-world probability for an untrained non-adopter.
    policy: f64,
    /// Policy-world probability for a trained non-adopter while the uplift lasts.
    trained: f64,
}

/// Probability that a non-adopter who did not adopt in the baseline (probability `base`)
/// adopts in the policy world, given its policy-world probability `own`.
#[inline(always)]
fn thinned(base: f64, own: f64) -> f64 {
    let gap = 1.0 - base;
    if gap > 0.0 {
        ((own - base) / gap).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A class's probability when a `share` of firms has `mult` times the average `h` and the
/// rest the remainder, so that the average stays `h`: `(ready, unready)`.
#[inline(always)]
fn split_hazard(h: f64, share: f64, mult: f64) -> (f64, f64) {
    if share <= 0.0 {
        return (h, h);
    }
    let ready = (mult * h).min(1.0);
    let unready = ((h - share * ready) / (1.0 - share)).clamp(0.0, 1.0);
    (ready, unready)
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
        Ok(Model {
            voucher_cost: scenario.vouchers.value_eur + scenario.vouchers.admin_eur,
            scenario: scenario.clone(),
            plan,
            offers,
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

    /// Simulates run number `run` into `out`. To simulate many runs, a [`Runner`] reuses
    /// its buffers between them.
    pub fn run_into(&self, run: u32, out: RunOut<'_>) {
        Runner::new(self).run_into(run, out);
    }
}

/// Money and units not taken up in one programme year, re-offered the next.
#[derive(Clone, Copy, Debug, Default)]
struct Carry {
    voucher_eur: f64,
    places: u64,
    pilots: u64,
}

/// Simulates runs of one model, reusing its working memory from run to run.
pub struct Runner<'m> {
    model: &'m Model,
    /// Selectable cells per segment: `lia`, `aware`, then one per programme year's cohort.
    stride: usize,
    segs: Vec<SegState>,
    /// Visibility of successful pilots, decayed (successful pilots' worth).
    lights: f64,
    /// Pilots that succeeded this year: visible from next year.
    new_lights: u32,
    carry: Carry,
    scratch: Scratch,
}

/// Working memory of a run, reused between runs. Per segment and selectable cell, two
/// classes (ready, then the rest): index `(i * stride + c) * 2 + k`.
struct Scratch {
    /// Firms of each class in each cell this year.
    firms: Vec<u32>,
    /// Applicants, then awards.
    weights: Vec<f64>,
    caps: Vec<u32>,
    out: Vec<u32>,
    /// Treated firms that did not adopt, per cell, returned at the end of the year.
    held: Vec<u32>,
    hazards: Vec<Hazards>,
    /// Per segment and class: (baseline, untrained policy, trained policy).
    classes: Vec<[Hazards; 2]>,
}

impl<'m> Runner<'m> {
    /// A runner for `model`.
    pub fn new(model: &'m Model) -> Runner<'m> {
        let nseg = model.scenario.segments.len();
        let stride = 2 + model.scenario.programme_years as usize;
        let ncells = nseg * stride;
        Runner {
            model,
            stride,
            segs: Vec::with_capacity(nseg),
            lights: 0.0,
            new_lights: 0,
            carry: Carry::default(),
            scratch: Scratch {
                firms: vec![0; 2 * ncells],
                weights: vec![0.0; 2 * ncells],
                caps: vec![0; 2 * ncells],
                out: vec![0; 2 * ncells],
                held: vec![0; ncells],
                hazards: Vec::with_capacity(nseg),
                classes: Vec::with_capacity(nseg),
            },
        }
    }

    /// Simulates run number `run`; see [`Model::run_into`].
    ///
    /// NOTE: the random draws happen in a fixed order (this run's parameters, then each
    /// year: lapses and firms closing and opening, catch-up, training, readiness,
    /// vouchers, pilots, the untreated firms); the named steps below keep that order,
    /// which the golden digests pin.
    pub fn run_into(&mut self, run: u32, out: RunOut<'_>) {
        let model = self.model;
        let s = &model.scenario;
        let mut rng = run_stream(s.seed, run);
        let d = self.start_run(&mut rng);
        self.store(0, out.baseline, out.policy, out.firms);
        if model.plan.is_empty() {
            self.baseline_years(&mut rng, out.baseline, out.policy, out.firms);
            return;
        }
        for year in 1..=s.years {
            let tally = &mut out.counts[year as usize];
            let offering = year <= s.programme_years;
            self.start_year(&mut rng, year, offering, &d, tally);
            self.year_hazards(&mut rng, year, &d, tally);
            if offering {
                self.offer(&mut rng, year, &d, tally);
            } else {
                self.untreated_year(&mut rng);
            }
            self.store(year as usize, out.baseline, out.policy, out.firms);
        }
    }

    /// Writes one year's adopters (both worlds) and firms.
    fn store(&self, year: usize, baseline: &mut [u32], policy: &mut [u32], firms: &mut [u32]) {
        let nseg = self.segs.len();
        let mut total = 0;
        for (i, st) in self.segs.iter().enumerate() {
            baseline[year * nseg + i] = st.both;
            policy[year * nseg + i] = st.policy_adopters();
            total += st.firms;
        }
        firms[year] = total;
    }

    /// This run's parameters, drawn in a fixed order: the region-wide positions of the
    /// diffusion and awareness parameters in their ranges (and each segment's own, when
    /// segments may spread), then the instruments' and readiness. Leaves every segment in
    /// its starting state.
    fn start_run<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Draws {
        let s = &self.model.scenario;
        let shared: [f64; 3] = std::array::from_fn(|_| StandardNormal.sample(rng));
        let spread = s.segment_spread;
        let (own_w, shared_w) = (spread.sqrt(), (1.0 - spread).sqrt());
        self.segs.clear();
        self.lights = 0.0;
        self.new_lights = 0;
        self.carry = Carry::default();
        for seg in &s.segments {
            // NOTE: with no spread the segment's positions are the region's, and nothing
            // more is drawn, so 0 reproduces a fully shared draw exactly.
            let u: [f64; 3] = std::array::from_fn(|k| {
                let own: f64 = if spread > 0.0 {
                    StandardNormal.sample(rng)
                } else {
                    0.0
                };
                normal_cdf(shared_w * shared[k] + own_w * own)
            });
            let (p, q) = (seg.p.quantile(u[0]), seg.q.quantile(u[1]));
            let aware_share = seg.aware_share.quantile(u[2]);
            let non = seg.firms - seg.adopters;
            let aware = (aware_share * f64::from(non) + 0.5)
                .floor()
                .min(f64::from(non)) as u32;
            self.segs.push(SegState {
                firms: seg.firms,
                p,
                q,
                lia: non - aware,
                aware,
                both: seg.adopters,
                ..SegState::default()
            });
        }
        let v = &s.vouchers;
        let scale = v.value_scale_eur.draw(rng);
        let pull = voucher_pull(v.value_eur, scale);
        let apply = |p: f64| (p * pull * v.coverage).min(1.0);
        let vouchers_apply = [apply(v.apply_lia.draw(rng)), apply(v.apply_aware.draw(rng))];
        let vouchers_used = v.used.draw(rng);
        let vouchers_conversion = v.conversion.draw(rng) * pull;
        let lapse = v.lapse.draw(rng);
        let uplift = s.training.uplift.draw(rng);
        let pl = &s.pilots;
        let pilots_apply = [pl.apply_lia.draw(rng), pl.apply_aware.draw(rng)];
        let pilots_success = pl.success.draw(rng);
        let peer_weight = pl.peer_weight.draw(rng);
        let decay = pl.decay.draw(rng);
        let ready_share = s.readiness.share.draw(rng);
        let ratio = s.readiness.ratio.draw(rng);
        let ready = if ready_share > 0.0 {
            ratio.min(1.0 / ready_share)
        } else {
            1.0
        };
        let unready = if ready_share > 0.0 {
            ((1.0 - ready_share * ready) / (1.0 - ready_share)).max(0.0)
        } else {
            1.0
        };
        Draws {
            vouchers_apply,
            vouchers_used,
            vouchers_conversion,
            lapse,
            uplift,
            pilots_apply,
            pilots_success,
            peer_weight,
            decay,
            ready_share,
            ready,
            unready,
        }
    }

    /// Start of a year: last year's voucher-induced adopters may lapse; expired training
    /// effects end; supported firms past the deadweight window join the late ones; firms
    /// close and open; after the programme, awareness no longer matters and the two
    /// untrained cells merge.
    fn start_year<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        offering: bool,
        d: &Draws,
        tally: &mut YearCounts,
    ) {
        let s = &self.model.scenario;
        let cohorts = s.programme_years as usize;
        let effect_years = s.training.effect_years;
        for (st, seg) in self.segs.iter_mut().zip(&s.segments) {
            if st.lapse_due > 0 {
                // Last year's voucher converts are the whole of last year's cohort's
                // voucher part, untouched since (catch-up and closures come later).
                let k = (year - 2) as usize;
                let lapsed = binomial(rng, st.lapse_due, d.lapse).min(st.supported[k]);
                st.supported[k] -= lapsed;
                st.aware += lapsed;
                st.lapse_due = 0;
                tally.lapsed += u64::from(lapsed);
            }
            for (k, t) in st.trained[..cohorts].iter_mut().enumerate() {
                if *t > 0 && year >= k as u32 + 1 + effect_years {
                    st.aware += *t;
                    *t = 0;
                }
            }
            for k in 0..cohorts {
                if year >= k as u32 + 1 + DEADWEIGHT_WINDOW {
                    st.supported_late += st.supported[k];
                    st.supported[k] = 0;
                }
            }
            demography(rng, st, seg.exit_rate, seg.entry_rate, cohorts);
            if !offering {
                st.lia += st.aware;
                st.aware = 0;
            }
        }
    }

    /// The year's probabilities from the state at its start (discrete Bass, with the
    /// region's pilots' visibility), and the additional adopters of earlier years who now
    /// adopt in the baseline too.
    fn year_hazards<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        d: &Draws,
        tally: &mut YearCounts,
    ) {
        let s = &self.model.scenario;
        self.lights = self.lights * d.decay + f64::from(self.new_lights);
        self.new_lights = 0;
        let region: u32 = self.segs.iter().map(|st| st.firms).sum();
        // Successful pilots' visibility per firm of the region, saturating at a density
        // (so the same firms grouped differently see the same pilots).
        let per_firm = if region > 0 && self.lights > 0.0 {
            let n = f64::from(region);
            let half = s.pilots.half_saturation_per_1000 * n / 1000.0;
            d.peer_weight * self.lights / (1.0 + self.lights / half) / n
        } else {
            0.0
        };
        self.scratch.hazards.clear();
        for st in self.segs.iter_mut() {
            let inv = if st.firms > 0 {
                1.0 / f64::from(st.firms)
            } else {
                0.0
            };
            let base = (st.p + st.q * f64::from(st.both) * inv).min(1.0);
            let adopters = f64::from(st.policy_adopters()) * inv + per_firm;
            let policy = (st.p + st.q * adopters).min(1.0);
            let trained = (policy + d.uplift).min(1.0);
            self.scratch.hazards.push(Hazards {
                base,
                policy,
                trained,
            });
            let caught_up = binomial(rng, st.policy_only, base);
            st.policy_only -= caught_up;
            st.both += caught_up;
            let mut late = binomial(rng, st.supported_late, base);
            st.supported_late -= late;
            for (k, c) in st.supported.iter_mut().enumerate() {
                if *c == 0 {
                    continue;
                }
                let x = binomial(rng, *c, base);
                *c -= x;
                late += x;
                if year < k as u32 + 1 + DEADWEIGHT_WINDOW {
                    tally.supported_caught_up_3 += u64::from(x);
                }
            }
            st.both += late;
            tally.supported_caught_up += u64::from(late);
        }
    }

    /// A programme year: training places, then each cell's ready firms drawn, then
    /// vouchers and pilots to applicants, then everyone not treated; unused money and
    /// units are carried to next year.
    fn offer<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        d: &Draws,
        tally: &mut YearCounts,
    ) {
        let s = &self.model.scenario;
        let plan = self.model.offers[year as usize];
        let carry = std::mem::take(&mut self.carry);
        let last = year == s.programme_years;
        let unit = self.model.voucher_cost;
        let extra_vouchers = if unit > 0.0 {
            (carry.voucher_eur / unit + 1e-9).floor()
        } else {
            0.0
        };
        let voucher_eur = carry.voucher_eur - extra_vouchers * unit;
        let vouchers = plan.vouchers + extra_vouchers as u64;
        let places = plan.places + carry.places;
        let pilots = plan.pilots + carry.pilots;
        self.scratch.held.iter_mut().for_each(|h| *h = 0);
        let unfilled = if places > 0 {
            self.train(rng, places, year, tally)
        } else {
            0
        };
        self.split_readiness(rng, d);
        let mut next = Carry {
            voucher_eur,
            places: unfilled,
            pilots: 0,
        };
        if vouchers > 0 {
            let used = Some((d.vouchers_used, &mut tally.vouchers_used));
            let t = self.treat(
                rng,
                vouchers,
                d.vouchers_apply,
                used,
                d.vouchers_conversion,
                d,
            );
            tally.vouchers_awarded += t.awarded;
            tally.voucher_deadweight += t.deadweight;
            tally.voucher_converted += t.converted;
            next.voucher_eur +=
                (vouchers - t.awarded) as f64 * unit + t.unused as f64 * s.vouchers.value_eur;
            for (st, conv) in self.segs.iter_mut().zip(&t.by_segment) {
                st.supported[(year - 1) as usize] += conv;
                st.lapse_due = *conv;
            }
        }
        if pilots > 0 {
            let t = self.treat(rng, pilots, d.pilots_apply, None, d.pilots_success, d);
            tally.pilots += t.awarded;
            tally.pilot_deadweight += t.deadweight;
            tally.pilot_converted += t.converted;
            next.pilots = pilots - t.awarded;
            self.new_lights += (t.deadweight + t.converted) as u32;
            for (st, conv) in self.segs.iter_mut().zip(&t.by_segment) {
                st.supported[(year - 1) as usize] += conv;
            }
        }
        if !last {
            self.carry = next;
        }
        self.untreated_classes(rng);
    }

    /// Splits every selectable cell into this year's ready firms and the rest, and works
    /// out each class's probabilities (averaging to the segment's).
    fn split_readiness<R: Rng + ?Sized>(&mut self, rng: &mut R, d: &Draws) {
        let stride = self.stride;
        let sc = &mut self.scratch;
        sc.classes.clear();
        for (i, st) in self.segs.iter().enumerate() {
            for (c, n) in cells(st, stride).enumerate() {
                let at = (i * stride + c) * 2;
                let ready = binomial(rng, n, d.ready_share);
                sc.firms[at] = ready;
                sc.firms[at + 1] = n - ready;
            }
            let h = sc.hazards[i];
            let by = |x: f64| split_hazard(x, d.ready_share, d.ready);
            let (b, p, t) = (by(h.base), by(h.policy), by(h.trained));
            sc.classes.push([
                Hazards {
                    base: b.0,
                    policy: p.0,
                    trained: t.0,
                },
                Hazards {
                    base: b.1,
                    policy: p.1,
                    trained: t.1,
                },
            ]);
        }
    }

    /// Every firm not treated this year, by class; then the cells are whole again, with
    /// treated firms that did not adopt returned (applying made LIA firms aware).
    fn untreated_classes<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let stride = self.stride;
        let cohorts = stride - 2;
        let sc = &mut self.scratch;
        for (i, st) in self.segs.iter_mut().enumerate() {
            for c in 0..stride {
                let mut total = 0;
                for k in 0..2 {
                    let at = (i * stride + c) * 2 + k;
                    let h = sc.classes[i][k];
                    let own = if c >= 2 { h.trained } else { h.policy };
                    let mut n = sc.firms[at];
                    let (both, extra) = step(rng, &mut n, h.base, thinned(h.base, own));
                    st.both += both;
                    st.policy_only += extra;
                    total += n;
                }
                *cell_mut(st, c) = total;
            }
            let held = &sc.held[i * stride..(i + 1) * stride];
            st.aware += held[0] + held[1];
            for (t, h) in st.trained[..cohorts].iter_mut().zip(&held[2..]) {
                *t += h;
            }
        }
    }

    /// Everyone in a year without an offer: baseline draw, then the thinned policy draw.
    fn untreated_year<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let cohorts = self.stride - 2;
        for (i, st) in self.segs.iter_mut().enumerate() {
            let h = self.scratch.hazards[i];
            let untrained = thinned(h.base, h.policy);
            for c in [&mut st.lia, &mut st.aware] {
                let (both, extra) = step(rng, c, h.base, untrained);
                st.both += both;
                st.policy_only += extra;
            }
            if st.trained[..cohorts].iter().any(|&t| t > 0) {
                let boosted = thinned(h.base, h.trained);
                for t in st.trained[..cohorts].iter_mut().filter(|t| **t > 0) {
                    let (both, extra) = step(rng, t, h.base, boosted);
                    st.both += both;
                    st.policy_only += extra;
                }
            }
        }
    }

    /// The years of a run in which nothing is bought: firms close and open, and one
    /// binomial draw per segment and year adopts; the policy world is the baseline.
    fn baseline_years<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        baseline: &mut [u32],
        policy: &mut [u32],
        firms: &mut [u32],
    ) {
        let s = &self.model.scenario;
        for st in self.segs.iter_mut() {
            st.lia += st.aware;
            st.aware = 0;
        }
        for year in 1..=s.years as usize {
            for (st, seg) in self.segs.iter_mut().zip(&s.segments) {
                demography(rng, st, seg.exit_rate, seg.entry_rate, 0);
                let inv = if st.firms > 0 {
                    1.0 / f64::from(st.firms)
                } else {
                    0.0
                };
                let base = (st.p + st.q * f64::from(st.both) * inv).min(1.0);
                let x = binomial(rng, st.lia, base);
                st.lia -= x;
                st.both += x;
            }
            self.store(year, baseline, policy, firms);
        }
        policy.copy_from_slice(baseline);
    }

    /// Recruits up to `places` less-innovation-aware firms into this year's training
    /// cohort (or straight into awareness when the uplift lasts no year). Returns the
    /// places of whole actions that found no one, to re-offer next year.
    fn train<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        places: u64,
        year: u32,
        tally: &mut YearCounts,
    ) -> u64 {
        let n = self.segs.len();
        let per_action = u64::from(self.model.plan.firms_per_action.max(1));
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
        let lasting = self.model.scenario.training.effect_years > 0;
        for (st, k) in self.segs.iter_mut().zip(&sc.out[..n]) {
            st.lia -= k;
            if lasting {
                st.trained[cohort] += k;
            } else {
                st.aware += k;
            }
        }
        let actions = trained.div_ceil(per_action);
        tally.firms_trained += trained;
        tally.training_actions += actions;
        places.saturating_sub(actions * per_action)
    }

    /// Awards up to `offered` units (vouchers or pilots) to this year's applicants: each
    /// firm applies with its cell's rate times its class's readiness; when more apply than
    /// there are units, the units go to applicants drawn at random. The firms that take
    /// them up (a `used` share, counted into its tally, or all) adopt with their
    /// policy-world probability raised by `effect`.
    fn treat<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        offered: u64,
        apply: [f64; 2],
        mut used: Option<(f64, &mut u64)>,
        effect: f64,
        d: &Draws,
    ) -> Treated {
        let stride = self.stride;
        let nseg = self.segs.len();
        let n = nseg * stride * 2;
        let sc = &mut self.scratch;
        let mut applicants = 0u64;
        for at in 0..n {
            let c = (at / 2) % stride;
            let rate = if c == 0 { apply[0] } else { apply[1] };
            let mult = if at % 2 == 0 { d.ready } else { d.unready };
            let a = binomial(rng, sc.firms[at], (rate * mult).min(1.0));
            sc.caps[at] = a;
            sc.weights[at] = f64::from(a);
            applicants += u64::from(a);
        }
        let awarded = if applicants > offered {
            allocate(
                rng,
                offered,
                &sc.weights[..n],
                &sc.caps[..n],
                &mut sc.out[..n],
            )
        } else {
            sc.out[..n].copy_from_slice(&sc.caps[..n]);
            applicants
        };
        let mut t = Treated {
            awarded,
            by_segment: vec![0; nseg],
            ..Treated::default()
        };
        for at in 0..n {
            let got = sc.out[at];
            if got == 0 {
                continue;
            }
            let takers = match used.as_mut() {
                Some((rate, tally)) => {
                    let u = binomial(rng, got, *rate);
                    **tally += u64::from(u);
                    t.unused += u64::from(got - u);
                    u
                }
                None => got,
            };
            if takers == 0 {
                continue;
            }
            let (i, c) = (at / 2 / stride, (at / 2) % stride);
            let h = sc.classes[i][at % 2];
            sc.firms[at] -= takers;
            let own = if c >= 2 { h.trained } else { h.policy };
            let with_support = 1.0 - (1.0 - own) * (1.0 - effect);
            let dw = binomial(rng, takers, h.base);
            let conv = binomial(rng, takers - dw, thinned(h.base, with_support));
            self.segs[i].both += dw;
            sc.held[i * stride + c] += takers - dw - conv;
            t.deadweight += u64::from(dw);
            t.converted += u64::from(conv);
            t.by_segment[i] += conv;
        }
        t
    }
}

/// What one round of awards did.
#[derive(Default)]
struct Treated {
    awarded: u64,
    /// Awarded but not used (vouchers only).
    unused: u64,
    deadweight: u64,
    converted: u64,
    /// Converted firms per segment (they join the year's supported cohort).
    by_segment: Vec<u32>,
}

/// A voucher's pull on firms: `1 - exp(-value / scale)`, 0 for a zero grant, rising with
/// diminishing returns towards 1.
pub fn voucher_pull(value_eur: f64, scale_eur: f64) -> f64 {
    if value_eur <= 0.0 || scale_eur <= 0.0 {
        return 0.0;
    }
    1.0 - libm::exp(-value_eur / scale_eur)
}

/// The standard normal CDF, from the portable `libm`.
fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// Firms closing (each joint state alike, so both worlds lose the same firms) and new
/// firms opening as non-adopters, unaware.
fn demography<R: Rng + ?Sized>(
    rng: &mut R,
    st: &mut SegState,
    exit: f64,
    entry: f64,
    cohorts: usize,
) {
    if exit <= 0.0 && entry <= 0.0 {
        return;
    }
    let before = st.firms;
    let mut closed = 0;
    if exit > 0.0 {
        let mut close = |c: &mut u32| {
            let x = binomial(rng, *c, exit);
            *c -= x;
            closed += x;
        };
        close(&mut st.both);
        close(&mut st.lia);
        close(&mut st.aware);
        close(&mut st.policy_only);
        close(&mut st.supported_late);
        for k in 0..cohorts {
            close(&mut st.trained[k]);
            close(&mut st.supported[k]);
        }
    }
    let opened = binomial(rng, before, entry);
    st.lia += opened;
    st.firms = before - closed + opened;
}

/// The selectable cells of a segment, in order: `lia`, `aware`, then the first
/// `stride - 2` cohorts of trained firms.
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

/// One year for one cell of non-adopters: returns `x` who adopt in both worlds and `y` of
/// the rest who adopt in the policy world only, and takes them out of the cell.
#[inline(always)]
fn step<R: Rng + ?Sized>(rng: &mut R, cell: &mut u32, base: f64, thinned: f64) -> (u32, u32) {
    let x = binomial(rng, *cell, base);
    let y = binomial(rng, *cell - x, thinned);
    *cell -= x + y;
    (x, y)
}
