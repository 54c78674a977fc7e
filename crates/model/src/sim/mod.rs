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
//! Firms close and open the same way in both worlds (one count per joint state), so common
//! random numbers hold with a changing population.
//!
//! Submodules: `counts` (the yearly tallies), `programme` (a programme year: training,
//! readiness, applications, awards).

mod counts;
pub mod inspect;
mod programme;

use rand::{Rng, RngExt};

pub use counts::YearCounts;

use crate::error::ScenarioError;
use crate::plan::Plan;
use crate::sample::{binomial, pick, run_stream};
use crate::scenario::{Scenario, limits};

/// Most cohorts of trained or supported firms tracked at once (one per programme year).
const COHORTS: usize = limits::MAX_PROGRAMME_YEARS as usize;

/// Years over which a supported firm's baseline adoption counts as deadweight "within 3
/// years": the support year and the two after it.
pub const DEADWEIGHT_WINDOW: u32 = 3;

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
    /// What one voucher costs in all (grant plus administration).
    voucher_cost: f64,
    /// Each segment's closures and openings, ready for [`demography`].
    turnover: Vec<Turnover>,
    /// `1000 / pilots.half_saturation_per_1000` (infinite at 0: pilots then go unseen).
    per_half_saturation: f64,
}

/// A segment's yearly closures and openings: the exit rate as is and in 32-bit fixed
/// point (to within 2^-32), the entry rate.
#[derive(Clone, Copy, Debug)]
struct Turnover {
    exit_rate: f64,
    exit: u64,
    entry: f64,
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
    /// Takes out of the additional adopters (every kind: `policy_only`, `supported_late`,
    /// then each programme cohort's `supported[k]`) one binomial draw at probability `p`
    /// of them all, shared out among the kinds in proportion (systematic sampling).
    /// Returns how many, and how many of each kind in that order.
    fn take_additional<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        p: f64,
        cohorts: usize,
    ) -> (u32, [u32; COHORTS + 2]) {
        let supported = &self.supported[..cohorts];
        let total = self.policy_only + self.supported_late + supported.iter().sum::<u32>();
        let n = binomial(rng, total, p);
        let mut out = [0u32; COHORTS + 2];
        // Most draws take no one: the kinds are gathered only when some are taken.
        if n > 0 {
            let mut kinds = [0u32; COHORTS + 2];
            kinds[0] = self.policy_only;
            kinds[1] = self.supported_late;
            kinds[2..2 + cohorts].copy_from_slice(supported);
            pick(
                rng,
                u64::from(n),
                &kinds[..2 + cohorts],
                u64::from(total),
                &mut out[..2 + cohorts],
            );
            self.policy_only -= out[0];
            self.supported_late -= out[1];
            for (c, x) in self.supported[..cohorts].iter_mut().zip(&out[2..]) {
                *c -= x;
            }
        }
        (n, out)
    }

    /// The additional adopters who stop being additional this year, by competing risks:
    /// each closes with probability `exit`, or else the baseline catches up with it at
    /// its adoption probability `h_b` (section 4.7 of `docs/model.md`). One binomial draw
    /// for them all, shared out among the kinds in proportion; of those who left, the
    /// closed are their expected share `exit / leave` rounded at random, taken out of the
    /// kinds in proportion to who left (each exact in expectation, one uniform each).
    ///
    /// NOTE: `h_b` here counts as in business the additional adopters who close this
    /// year (a relative difference in `h_b` of about `e A / N`, 0.02% for the presets);
    /// in exchange their closures and catching up are one draw, not two (5% of the
    /// model's time), and their noise, a visible part of the additional adopters' band,
    /// is kept whole.
    fn leave<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        exit: f64,
        year: u32,
        cohorts: usize,
        tally: &mut YearCounts,
    ) {
        let inv = if self.firms > 0 {
            1.0 / f64::from(self.firms)
        } else {
            0.0
        };
        let base = (self.p + self.q * f64::from(self.both) * inv).min(1.0);
        let leave = exit + (1.0 - exit) * base;
        let (left, out) = self.take_additional(rng, leave, cohorts);
        if left == 0 {
            return;
        }
        let mut caught = out;
        let closed = if exit > 0.0 {
            let closed = rounded(rng, f64::from(left) * (exit / leave)).min(left);
            let kinds = 2 + cohorts;
            let mut gone = [0u32; COHORTS + 2];
            pick(
                rng,
                u64::from(closed),
                &out[..kinds],
                u64::from(left),
                &mut gone[..kinds],
            );
            for (c, g) in caught.iter_mut().zip(gone) {
                *c -= g;
            }
            closed
        } else {
            0
        };
        let mut late = caught[1];
        for (k, x) in caught[2..2 + cohorts].iter().enumerate() {
            late += x;
            if year < k as u32 + 1 + DEADWEIGHT_WINDOW {
                tally.supported_caught_up_3 += u64::from(*x);
            }
        }
        self.both += left - closed;
        self.firms -= closed;
        tally.supported_caught_up += u64::from(late);
    }

    /// Adopters in the policy world (`cohorts`: the programme's years, the only cohorts
    /// that can hold firms).
    fn policy_adopters(&self, cohorts: usize) -> u32 {
        self.both
            + self.policy_only
            + self.supported_late
            + self.supported[..cohorts].iter().sum::<u32>()
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
            turnover: scenario
                .segments
                .iter()
                .map(|g| Turnover {
                    exit_rate: g.exit_rate,
                    exit: (g.exit_rate * 4_294_967_296.0) as u64,
                    entry: g.entry_rate,
                })
                .collect(),
            per_half_saturation: 1000.0 / scenario.pilots.half_saturation_per_1000,
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
    segs: Vec<SegState>,
    /// Visibility of successful pilots, decayed (successful pilots' worth).
    lights: f64,
    /// Pilots that succeeded this year: visible from next year.
    new_lights: u32,
    carry: Carry,
    scratch: Scratch,
}

/// Working memory of a run, reused between runs; see `programme` for the groups.
struct Scratch {
    /// Per segment and selectable cell (`i * CELLS + c`): this year's groups.
    groups: Vec<programme::Groups>,
    /// Applicant groups of one instrument (`(i * CELLS + c) * 2 + class`), then awards.
    weights: Vec<f64>,
    caps: Vec<u32>,
    out: Vec<u32>,
    /// Treated firms that did not adopt, per cell, returned at the end of the year.
    held: Vec<u32>,
    hazards: Vec<Hazards>,
    /// Per segment: the ready class's probabilities, then the rest's.
    classes: Vec<[Hazards; 2]>,
    /// Converted firms per segment in the current award round.
    converted: Vec<u32>,
}

impl<'m> Runner<'m> {
    /// A runner for `model`.
    pub fn new(model: &'m Model) -> Runner<'m> {
        let nseg = model.scenario.segments.len();
        let ncells = nseg * programme::CELLS;
        Runner {
            model,
            segs: Vec::with_capacity(nseg),
            lights: 0.0,
            new_lights: 0,
            carry: Carry::default(),
            scratch: Scratch {
                groups: vec![programme::Groups::default(); ncells],
                weights: vec![0.0; 2 * ncells],
                caps: vec![0; 2 * ncells],
                out: vec![0; 2 * ncells],
                held: vec![0; ncells],
                hazards: Vec::with_capacity(nseg),
                classes: Vec::with_capacity(nseg),
                converted: vec![0; nseg],
            },
        }
    }

    /// Simulates run number `run`; see [`Model::run_into`].
    ///
    /// NOTE: the random draws happen in a fixed order (this run's parameters, then each
    /// year: lapses, firms closing and opening, additional adopters closing or caught up,
    /// training, applications, vouchers, pilots, the untreated firms); the named steps
    /// below keep that order, which the golden digests pin.
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
                self.programme_year(&mut rng, year, &d, tally);
            } else {
                self.untreated_year(&mut rng);
            }
            self.store(year as usize, out.baseline, out.policy, out.firms);
        }
    }

    /// Writes one year's adopters (both worlds) and firms.
    fn store(&self, year: usize, baseline: &mut [u32], policy: &mut [u32], firms: &mut [u32]) {
        let nseg = self.segs.len();
        let cohorts = self.model.scenario.programme_years as usize;
        let mut total = 0;
        for (i, st) in self.segs.iter().enumerate() {
            baseline[year * nseg + i] = st.both;
            policy[year * nseg + i] = st.policy_adopters(cohorts);
            total += st.firms;
        }
        firms[year] = total;
    }

    /// This run's parameters, drawn in their fixed order ([`inspect::draw_run`]), and
    /// every segment in its starting state.
    fn start_run<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Draws {
        let s = &self.model.scenario;
        self.segs.clear();
        self.lights = 0.0;
        self.new_lights = 0;
        self.carry = Carry::default();
        let segs = &mut self.segs;
        let x = inspect::draw_run(s, rng, |seg, g| {
            let non = seg.firms - seg.adopters;
            let aware = (g.aware_share * f64::from(non) + 0.5)
                .floor()
                .min(f64::from(non)) as u32;
            segs.push(SegState {
                firms: seg.firms,
                p: g.p,
                q: g.q,
                lia: non - aware,
                aware,
                both: seg.adopters,
                ..SegState::default()
            });
        });
        let v = &s.vouchers;
        let pull = voucher_pull(v.value_eur, x.voucher_value_scale);
        let apply = |p: f64| (p * pull * v.coverage).min(1.0);
        let ready_share = x.ready_share;
        let ready = if ready_share > 0.0 {
            x.ready_ratio.min(1.0 / ready_share)
        } else {
            1.0
        };
        let unready = if ready_share > 0.0 {
            ((1.0 - ready_share * ready) / (1.0 - ready_share)).max(0.0)
        } else {
            1.0
        };
        Draws {
            vouchers_apply: [apply(x.voucher_apply_lia), apply(x.voucher_apply_aware)],
            vouchers_used: x.voucher_used,
            vouchers_conversion: x.voucher_conversion * pull,
            lapse: x.voucher_lapse,
            uplift: x.training_uplift,
            pilots_apply: [x.pilot_apply_lia, x.pilot_apply_aware],
            pilots_success: x.pilot_success,
            peer_weight: x.peer_weight,
            decay: x.pilot_decay,
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
        for (st, turnover) in self.segs.iter_mut().zip(&self.model.turnover) {
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
            demography(rng, st, *turnover, cohorts);
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
        let programme_years = s.programme_years as usize;
        self.lights = self.lights * d.decay + f64::from(self.new_lights);
        self.new_lights = 0;
        let region: u32 = self.segs.iter().map(|st| st.firms).sum();
        // Successful pilots' visibility per firm of the region, saturating at a density
        // (so the same firms grouped differently see the same pilots).
        // w L / ((1 + L / (eta N / 1000)) N) = w L / (N + L 1000 / eta): one division.
        let per_firm = if region > 0 && self.lights > 0.0 {
            let n = f64::from(region);
            d.peer_weight * self.lights / (n + self.lights * self.model.per_half_saturation)
        } else {
            0.0
        };
        self.scratch.hazards.clear();
        for (st, turnover) in self.segs.iter_mut().zip(&self.model.turnover) {
            // The year's probabilities count the baseline's adopters before this year's
            // catching up, and the firms after this year's closures.
            let both = f64::from(st.both);
            st.leave(rng, turnover.exit_rate, year, programme_years, tally);
            let inv = if st.firms > 0 {
                1.0 / f64::from(st.firms)
            } else {
                0.0
            };
            let base = (st.p + st.q * both * inv).min(1.0);
            let adopters = f64::from(st.policy_adopters(programme_years)) * inv + per_firm;
            let policy = (st.p + st.q * adopters).min(1.0);
            let trained = (policy + d.uplift).min(1.0);
            self.scratch.hazards.push(Hazards {
                base,
                policy,
                trained,
            });
        }
    }

    /// Everyone in a year without an offer: baseline draw, then the thinned policy draw.
    fn untreated_year<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let cohorts = self.model.scenario.programme_years as usize;
        for (i, st) in self.segs.iter_mut().enumerate() {
            let h = self.scratch.hazards[i];
            let untrained = thinned(h.base, h.policy);
            for c in [&mut st.lia, &mut st.aware] {
                if *c > 0 {
                    let (both, extra) = step(rng, c, h.base, untrained);
                    st.both += both;
                    st.policy_only += extra;
                }
            }
            let trained = &mut st.trained[..cohorts];
            let mut n: u32 = trained.iter().sum();
            if n > 0 {
                let before = n;
                let (both, extra) = step(rng, &mut n, h.base, thinned(h.base, h.trained));
                st.both += both;
                st.policy_only += extra;
                take_from(rng, before - n, trained);
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
            for (st, turnover) in self.segs.iter_mut().zip(&self.model.turnover) {
                demography(rng, st, *turnover, 0);
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
}

/// A voucher's pull on firms: `1 - exp(-value / scale)`, 0 for a zero grant, rising with
/// diminishing returns towards 1.
pub fn voucher_pull(value_eur: f64, scale_eur: f64) -> f64 {
    if value_eur <= 0.0 || scale_eur <= 0.0 {
        return 0.0;
    }
    1.0 - libm::exp(-value_eur / scale_eur)
}

/// Firms closing (each joint state alike, so both worlds lose the same firms) and new
/// firms opening as non-adopters, unaware.
///
/// The additional adopters (policy-world adopters only) are not closed here: they close
/// later in the year, in the binomial draw of their catching up ([`SegState::leave`]),
/// whose noise is a visible part of the additional adopters' band.
///
/// NOTE: every other state's closures are expected counts
/// rounded at random: one uniform places them by systematic sampling (each state loses
/// exactly `e` of its firms in expectation, the total is rounded), one more rounds the
/// openings. The expectation is exact (`docs/model.md`, section 4.7); the binomial noise
/// left out, about `sqrt(N e)` (30 firms a year in 17,000 at 5%), is tiny beside the
/// baseline's band, while a draw per state and year made the model 1.5x slower.
fn demography<R: Rng + ?Sized>(rng: &mut R, st: &mut SegState, t: Turnover, cohorts: usize) {
    let (rate, entry) = (t.exit, t.entry);
    if rate == 0 && entry <= 0.0 {
        return;
    }
    let before = st.firms;
    let mut closed = 0;
    if rate > 0 {
        // In 32-bit fixed point: integer steps per state.
        let offset = u64::from(rng.next_u32());
        let (mut reached, mut previous) = (0u64, 0u64);
        let mut close = |c: &mut u32| {
            if *c > 0 {
                reached += u64::from(*c);
                let upto = (reached * rate + offset) >> 32;
                let x = ((upto - previous) as u32).min(*c);
                previous = upto;
                *c -= x;
                closed += x;
            }
        };
        close(&mut st.both);
        close(&mut st.lia);
        close(&mut st.aware);
        for k in 0..cohorts {
            close(&mut st.trained[k]);
        }
    }
    let opened = if entry > 0.0 {
        rounded(rng, f64::from(before) * entry)
    } else {
        0
    };
    st.lia += opened;
    st.firms = before - closed + opened;
}

/// `x` rounded down or up at random, so that its expectation is exactly `x`.
#[inline(always)]
pub(super) fn rounded<R: Rng + ?Sized>(rng: &mut R, x: f64) -> u32 {
    let u: f64 = rng.random();
    // Truncation is the floor of a non-negative number, without a call to libm's floor.
    (x + u) as u32
}

/// Takes `n` firms out of cohorts in proportion to their sizes (systematic sampling:
/// exact in expectation, one uniform draw), so that the cohorts, stepped as one cell,
/// keep their expiry years.
fn take_from<R: Rng + ?Sized>(rng: &mut R, n: u32, cohorts: &mut [u32]) {
    if n == 0 {
        return;
    }
    let mut out = [0u32; COHORTS];
    let out = &mut out[..cohorts.len()];
    let total = cohorts.iter().map(|&c| u64::from(c)).sum();
    pick(rng, u64::from(n), cohorts, total, out);
    for (c, o) in cohorts.iter_mut().zip(out.iter()) {
        *c -= o;
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
