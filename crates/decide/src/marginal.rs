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

/// Additional adopters per extra 100,000 EUR in each instrument, in [`Instrument::ALL`]'s
/// order.
pub fn marginal(s: &Scenario, eval: &dyn Evaluate) -> Result<Vec<Margin>, DecideError> {
    check_runs(s.runs)?;
    let mut scenarios = vec![s.clone()];
    scenarios.extend(Instrument::ALL.map(|i| with_extra(s, i, EXTRA_EUR)));
    let models = models(&scenarios)?;
    let ensembles = eval.ensembles(&models, 0..s.runs);
    let out: Vec<Vec<f64>> = models
        .iter()
        .zip(&ensembles)
        .map(|(m, e)| Outcomes::new(m, e).additional)
        .collect();
    Ok(Instrument::ALL
        .into_iter()
        .zip(&out[1..])
        .map(|(instrument, v)| {
            let d = paired(v, &out[0]);
            Margin {
                instrument,
                per_100k: d.value,
                se: d.se,
            }
        })
        .collect())
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
}
