//! What the next euro buys: additional adopters per extra 100,000 EUR in each instrument,
//! as paired differences over the same runs (common random numbers).

use adoption_model::Instrument;
use adoption_model::scenario::{Mix, Scenario};
use serde::{Deserialize, Serialize};

use crate::outcome::Outcomes;
use crate::stats::paired;
use crate::{DecideError, Evaluate, check_runs, models};

/// The extra money each instrument is given, in euros.
pub const EXTRA_EUR: f64 = 100_000.0;

/// What an extra [`EXTRA_EUR`] in one instrument adds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Margin {
    /// The instrument given the money.
    pub instrument: Instrument,
    /// Mean additional adopters at the headline year it adds, per [`EXTRA_EUR`].
    pub per_100k: f64,
    /// The standard error of that mean (paired over runs).
    pub se: f64,
}

/// `s` with `extra` euros more, all of it on `instrument` (the others keep their euros).
pub fn with_extra(s: &Scenario, instrument: Instrument, extra: f64) -> Scenario {
    let total = s.budget_eur + extra;
    let euros = |i: Instrument, share: f64| {
        s.budget_eur * share + if i == instrument { extra } else { 0.0 }
    };
    let tidy = adoption_model::param::tidy15;
    let mix = Mix {
        vouchers: tidy(euros(Instrument::Vouchers, s.mix.vouchers) / total),
        training: tidy(euros(Instrument::Training, s.mix.training) / total),
        pilots: tidy(euros(Instrument::Pilots, s.mix.pilots) / total),
    };
    Scenario {
        budget_eur: tidy(total),
        mix,
        ..s.clone()
    }
}

/// The scenarios the margins need: `s`, then `s` with [`EXTRA_EUR`] more on each
/// instrument, in [`Instrument::ALL`]'s order.
pub fn plan(s: &Scenario) -> Result<Vec<Scenario>, DecideError> {
    check_runs(s.runs)?;
    let mut scenarios = vec![s.clone()];
    scenarios.extend(Instrument::ALL.map(|i| with_extra(s, i, EXTRA_EUR)));
    Ok(scenarios)
}

/// Additional adopters per extra 100,000 EUR in each instrument, in [`Instrument::ALL`]'s
/// order.
pub fn marginal(s: &Scenario, eval: &dyn Evaluate) -> Result<Vec<Margin>, DecideError> {
    let models = models(&plan(s)?)?;
    let ensembles = eval.ensembles(&models, 0..s.runs);
    let out: Vec<Vec<f64>> = models
        .iter()
        .zip(&ensembles)
        .map(|(m, e)| Outcomes::new(m, e).additional)
        .collect();
    Ok(summarise(&out))
}

/// The margins from the planned scenarios' per-run additional adopters ([`plan`]'s
/// order: the base first).
pub fn summarise(out: &[Vec<f64>]) -> Vec<Margin> {
    let Some((base, more)) = out.split_first() else {
        return Vec::new();
    };
    Instrument::ALL
        .into_iter()
        .zip(more)
        .map(|(instrument, v)| {
            let d = paired(v, base);
            Margin {
                instrument,
                per_100k: d.value,
                se: d.se,
            }
        })
        .collect()
}

/// Where the next euro works hardest: the instrument with the largest margin, when its
/// paired lead over every other exceeds two standard errors of that difference; `None`
/// when they cannot be told apart. `out` as for [`summarise`].
pub fn hardest(out: &[Vec<f64>]) -> Option<Instrument> {
    let margins = summarise(out);
    let best = margins
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.per_100k.total_cmp(&b.1.per_100k))?
        .0;
    let clear = (0..margins.len()).filter(|&i| i != best).all(|i| {
        // Both margins share the base runs: their difference is paired on the extra runs.
        let d = paired(&out[1 + best], &out[1 + i]);
        d.value > 2.0 * d.se
    });
    clear.then_some(margins[best].instrument)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OneThread;

    #[test]
    fn each_instrument_gets_the_extra_money() {
        let s = adoption_formats::preset::cantabria();
        for i in Instrument::ALL {
            let t = with_extra(&s, i, EXTRA_EUR);
            assert!(t.validate().is_ok());
            let euros = |share: f64| t.budget_eur * share;
            let before = [s.mix.vouchers, s.mix.training, s.mix.pilots].map(|x| x * s.budget_eur);
            let after = [
                euros(t.mix.vouchers),
                euros(t.mix.training),
                euros(t.mix.pilots),
            ];
            for j in 0..3 {
                let want = before[j] + if j == i.index() { EXTRA_EUR } else { 0.0 };
                assert!((after[j] - want).abs() < 1e-6, "{i:?} {j}");
            }
        }
    }

    #[test]
    fn margins_are_paired_differences() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 200;
        let m = marginal(&s, &OneThread).unwrap();
        assert_eq!(m.len(), 3);
        let base = adoption_model::simulate(&s)
            .unwrap()
            .summary
            .additional_adopters
            .mean;
        for x in &m {
            let more = adoption_model::simulate(&with_extra(&s, x.instrument, EXTRA_EUR)).unwrap();
            let want = more.summary.additional_adopters.mean - base;
            assert!((x.per_100k - want).abs() < 1e-9);
            assert!(x.se >= 0.0);
        }
    }

    #[test]
    fn hardest_needs_a_clear_lead() {
        let base = vec![0.0, 0.0, 0.0, 0.0];
        // Vouchers lead by 3 on every run (no spread): clear.
        let clear = [
            base.clone(),
            vec![5.0, 6.0, 7.0, 8.0],
            vec![2.0, 3.0, 4.0, 5.0],
            vec![1.0, 1.0, 1.0, 1.0],
        ];
        assert_eq!(hardest(&clear), Some(Instrument::Vouchers));
        // Pilots lead on average, but training beats them on half the runs: too close.
        let close = [
            base,
            vec![0.0, 0.0, 0.0, 0.0],
            vec![4.0, 0.0, 4.0, 0.0],
            vec![1.0, 3.0, 1.0, 3.5],
        ];
        assert_eq!(hardest(&close), None);
        assert_eq!(hardest(&[]), None);
    }

    #[test]
    fn the_cantabria_preset_has_a_verdict_consistent_with_its_margins() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 200;
        let models = models(&plan(&s).unwrap()).unwrap();
        let out: Vec<Vec<f64>> = models
            .iter()
            .map(|m| Outcomes::new(m, &adoption_model::Ensemble::simulate(m, 0..s.runs)).additional)
            .collect();
        let m = summarise(&out);
        assert_eq!(m, marginal(&s, &OneThread).unwrap());
        if let Some(i) = hardest(&out) {
            let top = m
                .iter()
                .max_by(|a, b| a.per_100k.total_cmp(&b.per_100k))
                .unwrap();
            assert_eq!(top.instrument, i);
        }
    }
}
