//! Per-run results of a scenario that the methods compare: additional adopters at the
//! headline year, additional adopter-years, and whether each target is met.

use adoption_model::scenario::TargetKind;
use adoption_model::{Ensemble, Model};
use serde::{Deserialize, Serialize};

/// What a mix is judged by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Expected additional adopters at the headline year.
    Mean,
    /// Expected additional adopter-years (the area between the two worlds).
    AdopterYears,
    /// The chance of meeting the scenario's target with this index.
    Target(usize),
}

/// One scenario's per-run results, in run order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcomes {
    /// Additional adopters (policy minus baseline) at the headline year.
    pub additional: Vec<f64>,
    /// Additional adopters summed over years 1 to the horizon.
    pub adopter_years: Vec<f64>,
    /// Per target (scenario order), per run: whether the policy world meets it.
    pub met: Vec<Vec<bool>>,
    /// Per target, per run: whether the baseline meets it (for additional adopters, never).
    pub baseline_met: Vec<Vec<bool>>,
}

impl Outcomes {
    /// The per-run results of `ensemble`, a set of `model`'s runs.
    ///
    /// NOTE: a target is met as `adoption_model::Summary` counts it (its code is private
    /// to the summary); the test `targets_agree_with_the_summary` pins the two together.
    pub fn new(model: &Model, ensemble: &Ensemble) -> Outcomes {
        let s = model.scenario();
        let years = s.years as usize + 1;
        let nseg = s.segments.len();
        let cpr = ensemble.cells_per_run();
        let runs = ensemble.runs() as usize;
        let (b, p, firms) = (ensemble.baseline(), ensemble.policy(), ensemble.firms());
        let total = |data: &[u32], r: usize, y: usize| -> i64 {
            let at = r * cpr + y * nseg;
            data[at..at + nseg].iter().map(|&v| i64::from(v)).sum()
        };
        let h = (s.headline_year() - s.start_year).clamp(0, s.years as i32) as usize;
        let mut out = Outcomes {
            additional: Vec::with_capacity(runs),
            adopter_years: Vec::with_capacity(runs),
            met: vec![Vec::with_capacity(runs); s.targets.len()],
            baseline_met: vec![Vec::with_capacity(runs); s.targets.len()],
        };
        for r in 0..runs {
            let add = |y: usize| total(p, r, y) - total(b, r, y);
            out.additional.push(add(h) as f64);
            out.adopter_years
                .push((1..years).map(add).sum::<i64>() as f64);
            for (k, t) in s.targets.iter().enumerate() {
                let y = (t.year - s.start_year).clamp(0, s.years as i32) as usize;
                let meets = |v: i64| match t.kind {
                    TargetKind::AdoptionShare => {
                        let n = firms[r * years + y];
                        n > 0 && v as f64 / f64::from(n) >= t.value
                    }
                    _ => v as f64 >= t.value,
                };
                let (policy, baseline) = match t.kind {
                    TargetKind::AdditionalAdopters => (meets(add(y)), false),
                    _ => (meets(total(p, r, y)), meets(total(b, r, y))),
                };
                out.met[k].push(policy);
                out.baseline_met[k].push(baseline);
            }
        }
        out
    }

    /// Per run, the value an objective scores (0 or 1 for a target). A target index the
    /// scenario lacks scores 0 everywhere (callers check the index first).
    pub fn values(&self, objective: Objective) -> Vec<f64> {
        match objective {
            Objective::Mean => self.additional.clone(),
            Objective::AdopterYears => self.adopter_years.clone(),
            Objective::Target(k) => match self.met.get(k) {
                Some(m) => m.iter().map(|&x| f64::from(u8::from(x))).collect(),
                None => vec![0.0; self.additional.len()],
            },
        }
    }

    /// Share of runs in which target `k` is met (by the policy world).
    pub fn probability(&self, k: usize) -> f64 {
        share(self.met.get(k))
    }

    /// Share of runs in which the baseline meets target `k`.
    pub fn baseline_probability(&self, k: usize) -> f64 {
        share(self.baseline_met.get(k))
    }
}

fn share(flags: Option<&Vec<bool>>) -> f64 {
    match flags {
        Some(f) if !f.is_empty() => f.iter().filter(|&&x| x).count() as f64 / f.len() as f64,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_model::Summary;
    use adoption_model::scenario::Target;

    #[test]
    fn targets_agree_with_the_summary() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 300;
        s.targets = vec![
            Target {
                kind: TargetKind::AdditionalAdopters,
                year: 2030,
                value: 40.0,
                label: String::new(),
            },
            Target {
                kind: TargetKind::Adopters,
                year: 2035,
                value: 9000.0,
                label: String::new(),
            },
            Target {
                kind: TargetKind::AdoptionShare,
                year: 2033,
                value: 0.4,
                label: String::new(),
            },
        ];
        let model = Model::new(&s).unwrap();
        let e = Ensemble::simulate(&model, 0..s.runs);
        let o = Outcomes::new(&model, &e);
        let sum = Summary::new(&model, &e);
        for (k, t) in sum.summary.targets.iter().enumerate() {
            assert_eq!(o.probability(k), t.probability, "target {k}");
            if let Some(b) = t.baseline_probability {
                assert_eq!(o.baseline_probability(k), b, "target {k}");
            }
        }
        let mean = o.additional.iter().sum::<f64>() / o.additional.len() as f64;
        assert!((mean - sum.summary.additional_adopters.mean).abs() < 1e-9);
        let years = o.adopter_years.iter().sum::<f64>() / 300.0;
        assert!((years - sum.summary.additional_adopter_years.mean).abs() < 1e-9);
    }
}
