//! What a run drew: the values its uncertain parameters took, replayed from its stream.
//!
//! Sensitivity measures (`adoption_decide::sensitivity`) bin runs by the value a parameter
//! took in each. A run draws them first, in [`Runner::start_run`]'s order; [`drawn`]
//! replays exactly those draws on the run's own stream (and nothing after them), so its
//! values are bit for bit the ones the run used: both call [`draw_run`], the one home of
//! the draw order. The test below checks the values the run derives from them.

use rand::{Rng, RngExt};

use super::Model;
use crate::sample::run_stream;
use crate::scenario::{Scenario, Segment};

/// The diffusion values one segment took in a run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SegmentDraw {
    /// Bass innovation coefficient.
    pub p: f64,
    /// Bass imitation coefficient.
    pub q: f64,
    /// Share of non-adopters that are innovation-aware at the start.
    pub aware_share: f64,
}

/// The values every parameter took in one run (an exact parameter's value as it is).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    /// Each segment's diffusion values, in scenario order.
    pub segments: Vec<SegmentDraw>,
    /// `vouchers.value_scale_eur`.
    pub voucher_value_scale: f64,
    /// `vouchers.apply_lia` (the ceiling, before the grant's pull and coverage).
    pub voucher_apply_lia: f64,
    /// `vouchers.apply_aware` (the ceiling).
    pub voucher_apply_aware: f64,
    /// `vouchers.used`.
    pub voucher_used: f64,
    /// `vouchers.conversion` (the ceiling).
    pub voucher_conversion: f64,
    /// `vouchers.lapse`.
    pub voucher_lapse: f64,
    /// `training.uplift`.
    pub training_uplift: f64,
    /// `pilots.apply_lia`.
    pub pilot_apply_lia: f64,
    /// `pilots.apply_aware`.
    pub pilot_apply_aware: f64,
    /// `pilots.success`.
    pub pilot_success: f64,
    /// `pilots.peer_weight`.
    pub peer_weight: f64,
    /// `pilots.decay`.
    pub pilot_decay: f64,
    /// `readiness.share`.
    pub ready_share: f64,
    /// `readiness.ratio` as drawn (before the cap at 1 / share).
    pub ready_ratio: f64,
}

/// The values run number `run` of `model` drew for its parameters.
pub fn drawn(model: &Model, run: u32) -> Drawn {
    let s = &model.scenario;
    let mut segments = Vec::with_capacity(s.segments.len());
    let mut d = draw_run(s, &mut run_stream(s.seed, run), |_, g| segments.push(g));
    d.segments = segments;
    d
}

/// A run's parameter draws, in their fixed order (the one home of that order: the run
/// itself, [`Runner::start_run`], calls this): the region-wide positions of the diffusion
/// and awareness parameters in their ranges (and each segment's own, when segments may
/// spread), then the instruments' and readiness. Each segment's values go to `segment`
/// as they are drawn; the returned [`Drawn`] has no `segments` (no allocation per run).
pub(super) fn draw_run<R: Rng + ?Sized>(
    s: &Scenario,
    rng: &mut R,
    mut segment: impl FnMut(&Segment, SegmentDraw),
) -> Drawn {
    // One region-wide position per quantity, drawn only when some segment's value is
    // uncertain: exact values consume no randomness (as for every parameter).
    let uncertain =
        |f: fn(&Segment) -> &crate::Param| s.segments.iter().any(|g| f(g).is_uncertain());
    let quantities = [
        uncertain(|g| &g.p),
        uncertain(|g| &g.q),
        uncertain(|g| &g.aware_share),
    ];
    let shared: [f64; 3] = std::array::from_fn(|k| if quantities[k] { rng.random() } else { 0.0 });
    let spread = s.segment_spread;
    for seg in &s.segments {
        // A segment takes its own position with chance `spread`, else the region's (a
        // mixture copula: each position is uniform, shared at 0, independent at 1).
        // NOTE: with no spread nothing more is drawn, so 0 reproduces a fully shared
        // draw exactly; a Gaussian copula needed the normal sampler's tables and erfc,
        // 3 KB of the page for a rarely used option.
        let u: [f64; 3] = std::array::from_fn(|k| {
            if spread > 0.0 && quantities[k] {
                let (own, pick_own): (f64, f64) = (rng.random(), rng.random());
                if pick_own < spread { own } else { shared[k] }
            } else {
                shared[k]
            }
        });
        segment(
            seg,
            SegmentDraw {
                p: seg.p.quantile(u[0]),
                q: seg.q.quantile(u[1]),
                aware_share: seg.aware_share.quantile(u[2]),
            },
        );
    }
    let (v, pl) = (&s.vouchers, &s.pilots);
    Drawn {
        segments: Vec::new(),
        voucher_value_scale: v.value_scale_eur.draw(rng),
        voucher_apply_lia: v.apply_lia.draw(rng),
        voucher_apply_aware: v.apply_aware.draw(rng),
        voucher_used: v.used.draw(rng),
        voucher_conversion: v.conversion.draw(rng),
        voucher_lapse: v.lapse.draw(rng),
        training_uplift: s.training.uplift.draw(rng),
        pilot_apply_lia: pl.apply_lia.draw(rng),
        pilot_apply_aware: pl.apply_aware.draw(rng),
        pilot_success: pl.success.draw(rng),
        peer_weight: pl.peer_weight.draw(rng),
        pilot_decay: pl.decay.draw(rng),
        ready_share: s.readiness.share.draw(rng),
        ready_ratio: s.readiness.ratio.draw(rng),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Runner, voucher_pull};
    use super::*;
    use crate::Param;

    /// The replay equals what `start_run` drew, and leaves the stream where it left it.
    fn check(s: &Scenario) {
        let model = Model::new(s).expect("valid scenario");
        let mut runner = Runner::new(&model);
        for run in 0..50 {
            let mut a = run_stream(s.seed, run);
            let d = runner.start_run(&mut a);
            let mut b = run_stream(s.seed, run);
            let mut segments = Vec::new();
            let x = draw_run(s, &mut b, |_, g| segments.push(g));
            assert_eq!(a.next_u64(), b.next_u64(), "run {run}: same draws consumed");
            for (st, (g, seg)) in runner.segs.iter().zip(segments.iter().zip(&s.segments)) {
                assert_eq!(st.p.to_bits(), g.p.to_bits());
                assert_eq!(st.q.to_bits(), g.q.to_bits());
                let non = seg.firms - seg.adopters;
                let aware = (g.aware_share * f64::from(non) + 0.5)
                    .floor()
                    .min(f64::from(non));
                assert_eq!(st.aware, aware as u32);
            }
            let v = &s.vouchers;
            let pull = voucher_pull(v.value_eur, x.voucher_value_scale);
            let apply = |p: f64| (p * pull * v.coverage).min(1.0);
            assert_eq!(
                d.vouchers_apply,
                [apply(x.voucher_apply_lia), apply(x.voucher_apply_aware)]
            );
            assert_eq!(d.vouchers_used, x.voucher_used);
            assert_eq!(d.vouchers_conversion, x.voucher_conversion * pull);
            assert_eq!(d.lapse, x.voucher_lapse);
            assert_eq!(d.uplift, x.training_uplift);
            assert_eq!(d.pilots_apply, [x.pilot_apply_lia, x.pilot_apply_aware]);
            assert_eq!(d.pilots_success, x.pilot_success);
            assert_eq!(d.peer_weight, x.peer_weight);
            assert_eq!(d.decay, x.pilot_decay);
            assert_eq!(d.ready_share, x.ready_share);
        }
    }

    #[test]
    fn replayed_draws_are_the_runs_own() {
        // NOTE: the presets live in the formats crate, whose copy of this crate is another
        // crate in unit tests: the preset crosses over as JSON.
        let json = serde_json::to_string(&adoption_formats::preset::cantabria()).expect("json");
        let s: Scenario = serde_json::from_str(&json).expect("a scenario");
        check(&s);
        // Segments spreading (more draws per segment) and every parameter uncertain.
        let mut t = s.clone();
        t.segment_spread = 0.5;
        t.pilots.apply_lia = Param::range(0.0, 0.001, 0.002);
        t.vouchers.used = Param::range(0.5, 0.8, 0.9);
        check(&t);
    }
}
