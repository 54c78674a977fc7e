//! A programme year: training places, this year's applicants by readiness, vouchers and
//! pilots awarded among them, then every firm not treated; what found no takers is
//! carried to next year.
//!
//! Readiness is drawn per firm and year but never counted out: a cell of `n` non-adopters
//! is cut into *groups* by what its firms did this year (applied for a voucher, ready or
//! not; applied to host a pilot, ready or not; applied for nothing). One binomial draw
//! gives the applicants, shared out by instrument and class by systematic sampling; the
//! firms that applied for nothing adopt at the mix of the two classes' probabilities
//! weighted by the chance that a firm who did not apply is ready. Every count is exact in
//! expectation, so the baseline's expected path is the segment's Bass path; the pooling
//! and systematic sharing leave out a little of the binomial noise (see `docs/model.md`,
//! section 4.6), which kept model 2 near model 1's speed.

use rand::Rng;

use super::{Carry, Draws, Hazards, Runner, SegState, split_hazard, step, take_from, thinned};
use crate::sample::{allocate, binomial, pick};
use crate::sim::YearCounts;

/// Selectable cells per segment: `lia`, `aware`, and the trained firms of every cohort as
/// one (they apply and adopt alike; only their uplift's end differs, kept by cohort).
pub(super) const CELLS: usize = 3;

/// What a selectable cell's firms did this year, by group.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Groups {
    /// The cell's firms at the start of the year's offers.
    start: u32,
    /// Applied for nothing.
    idle: u32,
    /// Voucher applicants: ready, then not.
    vouchers: [u32; 2],
    /// Pilot applicants: ready, then not.
    pilots: [u32; 2],
    /// Idle firms' probabilities: baseline, and own policy-world probability.
    idle_base: f64,
    idle_own: f64,
}

/// One instrument's round of awards.
struct Round {
    offered: u64,
    /// Application chance per cell kind (LIA, aware or trained).
    apply: [f64; 2],
    /// Chance an awarded unit is used (vouchers), or `None` (pilots: all hosted).
    used: Option<f64>,
    /// How much the support raises a taker's chance of adopting.
    effect: f64,
}

/// What one round did.
#[derive(Default)]
struct Awarded {
    awarded: u64,
    used: u64,
    deadweight: u64,
    converted: u64,
}

impl Runner<'_> {
    /// A programme year, after the year's probabilities: training, applications, vouchers,
    /// pilots, the untreated firms; unused money and units carried to next year.
    pub(super) fn programme_year<R: Rng + ?Sized>(
        &mut self,
        rng: &mut R,
        year: u32,
        d: &Draws,
        tally: &mut YearCounts,
    ) {
        let s = &self.model.scenario;
        let plan = self.model.offers[year as usize];
        let carry = std::mem::take(&mut self.carry);
        let unit = self.model.voucher_cost;
        let extra_vouchers = if unit > 0.0 {
            (carry.voucher_eur / unit + 1e-9).floor()
        } else {
            0.0
        };
        let vouchers = plan.vouchers + extra_vouchers as u64;
        let places = plan.places + carry.places;
        let pilots = plan.pilots + carry.pilots;
        self.scratch.held.iter_mut().for_each(|h| *h = 0);
        let unfilled = if places > 0 {
            self.train(rng, places, year, tally)
        } else {
            0
        };
        self.class_hazards(d);
        let voucher_round = Round {
            offered: vouchers,
            apply: d.vouchers_apply,
            used: Some(d.vouchers_used),
            effect: d.vouchers_conversion,
        };
        let pilot_round = Round {
            offered: pilots,
            apply: d.pilots_apply,
            used: None,
            effect: d.pilots_success,
        };
        self.applicants(rng, d, &voucher_round, &pilot_round);
        let cohort = (year - 1) as usize;
        let mut next = Carry {
            voucher_eur: carry.voucher_eur - extra_vouchers * unit,
            places: unfilled,
            pilots: 0,
        };
        if vouchers > 0 {
            let t = self.award(rng, &voucher_round, 0);
            tally.vouchers_awarded += t.awarded;
            tally.vouchers_used += t.used;
            tally.voucher_deadweight += t.deadweight;
            tally.voucher_converted += t.converted;
            next.voucher_eur += (vouchers - t.awarded) as f64 * unit
                + (t.awarded - t.used) as f64 * s.vouchers.value_eur;
            for (st, conv) in self.segs.iter_mut().zip(&self.scratch.converted) {
                st.supported[cohort] += conv;
                st.lapse_due = *conv;
            }
        }
        if pilots > 0 {
            let t = self.award(rng, &pilot_round, 1);
            tally.pilots += t.awarded;
            tally.pilot_deadweight += t.deadweight;
            tally.pilot_converted += t.converted;
            next.pilots = pilots - t.awarded;
            self.new_lights += (t.deadweight + t.converted) as u32;
            for (st, conv) in self.segs.iter_mut().zip(&self.scratch.converted) {
                st.supported[cohort] += conv;
            }
        }
        if year < s.programme_years {
            self.carry = next;
        }
        self.untreated_groups(rng);
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

    /// Each segment's probabilities for the ready class and the rest (averaging to the
    /// segment's).
    fn class_hazards(&mut self, d: &Draws) {
        let sc = &mut self.scratch;
        sc.classes.clear();
        for h in &sc.hazards {
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

    /// Cuts every selectable cell into this year's groups: one draw of the firms that
    /// apply for anything (a firm applies for a voucher, or else perhaps to host a pilot:
    /// one instrument a year), shared out by instrument and class, and the idle, with their
    /// probabilities given who is left.
    fn applicants<R: Rng + ?Sized>(&mut self, rng: &mut R, d: &Draws, v: &Round, p: &Round) {
        let (rho, m) = (d.ready_share, [d.ready, d.unready]);
        let cohorts = self.model.scenario.programme_years as usize;
        let sc = &mut self.scratch;
        for (i, st) in self.segs.iter().enumerate() {
            let classes = sc.classes[i];
            for (c, n) in cells(st, cohorts).into_iter().enumerate() {
                let kind = usize::from(c > 0);
                let rate = |round: &Round, k: usize| {
                    if round.offered > 0 {
                        (round.apply[kind] * m[k]).min(1.0)
                    } else {
                        0.0
                    }
                };
                let (av, ap) = ([rate(v, 0), rate(v, 1)], [rate(p, 0), rate(p, 1)]);
                // Chances, per firm, of each (instrument, class) and of applying at all.
                let share = [rho, 1.0 - rho];
                let each = [
                    share[0] * av[0],
                    share[1] * av[1],
                    share[0] * (1.0 - av[0]) * ap[0],
                    share[1] * (1.0 - av[1]) * ap[1],
                ];
                let any: f64 = each.iter().sum();
                let mut split = [0u32; 4];
                if n > 0 && any > 0.0 {
                    let applied = binomial(rng, n, any.min(1.0));
                    // NOTE: the applicants are shared out by instrument and class by
                    // systematic sampling (exact in expectation, one uniform) rather than
                    // three more binomials per cell, which cost a seventh of the time.
                    allocate(rng, u64::from(applied), &each, &[applied; 4], &mut split);
                }
                let idle = n - split.iter().sum::<u32>();
                let stay = 1.0 - any;
                let ready = if stay > 0.0 {
                    (rho * (1.0 - av[0]) * (1.0 - ap[0]) / stay).clamp(0.0, 1.0)
                } else {
                    rho
                };
                let own = |h: &Hazards| h.own(c);
                let mix = |x: f64, y: f64| ready * x + (1.0 - ready) * y;
                sc.groups[i * CELLS + c] = Groups {
                    start: n,
                    idle,
                    vouchers: [split[0], split[1]],
                    pilots: [split[2], split[3]],
                    idle_base: mix(classes[0].base, classes[1].base),
                    idle_own: mix(own(&classes[0]), own(&classes[1])),
                };
            }
        }
    }

    /// Awards a round's units among its applicants (all of them, or as many as there are
    /// units, drawn at random); the takers adopt with their class's policy-world
    /// probability raised by the support. `which` is 0 for vouchers, 1 for pilots.
    /// Converted firms per segment are left in `scratch.converted`.
    fn award<R: Rng + ?Sized>(&mut self, rng: &mut R, round: &Round, which: usize) -> Awarded {
        let sc = &mut self.scratch;
        let n = sc.groups.len() * 2;
        let mut applicants = 0;
        for (g, groups) in sc.groups.iter().enumerate() {
            let by_class = if which == 0 {
                groups.vouchers
            } else {
                groups.pilots
            };
            sc.caps[g * 2..g * 2 + 2].copy_from_slice(&by_class);
            applicants += u64::from(by_class[0]) + u64::from(by_class[1]);
        }
        let awarded = pick(
            rng,
            round.offered,
            &sc.caps[..n],
            applicants,
            &mut sc.out[..n],
        );
        let mut t = Awarded {
            awarded,
            ..Awarded::default()
        };
        sc.converted.iter_mut().for_each(|c| *c = 0);
        for g in 0..n / 2 {
            let won = [sc.out[2 * g], sc.out[2 * g + 1]];
            let got = won[0] + won[1];
            if got == 0 {
                continue;
            }
            // NOTE: a cell's takers are drawn once for both classes and adopt at the mix
            // of the classes' probabilities (exact in expectation): half the draws of one
            // set per class, which were a tenth of the model's time.
            let mut took = won;
            if let Some(rate) = round.used {
                let takers = binomial(rng, got, rate);
                pick(rng, u64::from(takers), &won, u64::from(got), &mut took);
            }
            let takers = took[0] + took[1];
            t.used += u64::from(takers);
            if takers == 0 {
                continue;
            }
            let (i, c) = (g / CELLS, g % CELLS);
            let group = &mut sc.groups[g];
            let applied = if which == 0 {
                &mut group.vouchers
            } else {
                &mut group.pilots
            };
            for (a, t) in applied.iter_mut().zip(took) {
                *a -= t;
            }
            let w = f64::from(took[0]) / f64::from(takers);
            let [ready, rest] = sc.classes[i];
            let own = |h: &Hazards| h.own(c);
            let supported = |h: &Hazards| 1.0 - (1.0 - own(h)) * (1.0 - round.effect);
            let base = w * ready.base + (1.0 - w) * rest.base;
            let with_support = w * supported(&ready) + (1.0 - w) * supported(&rest);
            let dw = binomial(rng, takers, base);
            let conv = binomial(rng, takers - dw, thinned(base, with_support));
            self.segs[i].both += dw;
            sc.held[g] += takers - dw - conv;
            sc.converted[i] += conv;
            t.deadweight += u64::from(dw);
            t.converted += u64::from(conv);
        }
        t
    }

    /// Every firm not treated this year; then the cells are whole again, with treated
    /// firms that did not adopt returned (applying made LIA firms aware).
    ///
    /// NOTE: the applicants left untreated (not awarded, or not using a voucher) join the
    /// idle firms of their cell for this year's draw, at the mixture of the two classes'
    /// probabilities weighted by the expected ready firms among them all. The expectation
    /// is exact, so the baseline is unchanged; a draw per class and group instead cost
    /// four more binomials per cell and a fifth of the model's time.
    fn untreated_groups<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let cohorts = self.model.scenario.programme_years as usize;
        let sc = &mut self.scratch;
        for (i, st) in self.segs.iter_mut().enumerate() {
            let [ready, rest] = sc.classes[i];
            let mut lia_held = 0;
            for c in 0..CELLS {
                let g = &sc.groups[i * CELLS + c];
                let left = [g.vouchers[0] + g.pilots[0], g.vouchers[1] + g.pilots[1]];
                let mut n = g.idle + left[0] + left[1];
                if n > 0 {
                    let (base, own) = if left == [0, 0] {
                        (g.idle_base, g.idle_own)
                    } else {
                        let own = |h: &Hazards| h.own(c);
                        let total = f64::from(n);
                        let wi = f64::from(g.idle) / total;
                        let w = [f64::from(left[0]) / total, f64::from(left[1]) / total];
                        (
                            wi * g.idle_base + w[0] * ready.base + w[1] * rest.base,
                            wi * g.idle_own + w[0] * own(&ready) + w[1] * own(&rest),
                        )
                    };
                    let (both, extra) = step(rng, &mut n, base, thinned(base, own));
                    st.both += both;
                    st.policy_only += extra;
                }
                // Treated firms that did not adopt return; applying made LIA firms aware.
                let held = sc.held[i * CELLS + c];
                match c {
                    0 => {
                        st.lia = n;
                        lia_held = held;
                    }
                    1 => st.aware = n + held + lia_held,
                    _ => {
                        let trained = &mut st.trained[..cohorts];
                        take_from(rng, g.start - n - held, trained);
                    }
                }
            }
        }
    }
}

impl Hazards {
    /// The policy-world probability of a firm in selectable cell `cell` (see [`cells`]):
    /// the trained cell's is raised by the uplift.
    #[inline(always)]
    fn own(&self, cell: usize) -> f64 {
        if cell == TRAINED {
            self.trained
        } else {
            self.policy
        }
    }
}

/// Index of the trained firms' cell among a segment's selectable cells.
const TRAINED: usize = 2;

/// A segment's selectable cells: `lia`, `aware`, and all trained firms (at [`TRAINED`]).
fn cells(st: &SegState, cohorts: usize) -> [u32; CELLS] {
    [st.lia, st.aware, st.trained[..cohorts].iter().sum()]
}
