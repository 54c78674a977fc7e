//! A set of finished runs, kept whole so that partial results merge exactly.
//!
//! An [`Ensemble`] stores every run's adopters per year and segment (as whole numbers) and
//! integer tallies of what the instruments did. Merging two ensembles concatenates them;
//! because every statistic is computed from sorted values and integer sums, the summary
//! of merged chunks is identical, bit for bit, to the summary of one pass, whatever the
//! chunking and order.

use std::ops::Range;

use crate::sim::{Model, Runner, YearCounts};

/// The raw results of a set of Monte Carlo runs of one scenario.
#[derive(Clone, Debug, Default)]
pub struct Ensemble {
    cells_per_run: usize,
    runs: u32,
    baseline: Vec<u32>,
    policy: Vec<u32>,
    /// Firms in business per run and year (the same in both worlds).
    firms: Vec<u32>,
    counts: Vec<YearCounts>,
}

impl Ensemble {
    /// An empty ensemble for a model.
    pub fn new(model: &Model) -> Ensemble {
        Ensemble {
            cells_per_run: model.cells_per_run(),
            runs: 0,
            baseline: Vec::new(),
            policy: Vec::new(),
            firms: Vec::new(),
            counts: vec![YearCounts::default(); model.scenario().years as usize + 1],
        }
    }

    /// Simulates the runs with indices in `runs` (each on its own random stream).
    pub fn simulate(model: &Model, runs: Range<u32>) -> Ensemble {
        let mut e = Ensemble::new(model);
        e.extend(model, runs);
        e
    }

    /// Simulates more runs into this ensemble.
    pub fn extend(&mut self, model: &Model, runs: Range<u32>) {
        let n = self.cells_per_run;
        let years = self.counts.len();
        let added = runs.len();
        let start = self.baseline.len();
        let first_firms = self.firms.len();
        self.baseline.resize(start + added * n, 0);
        self.firms.resize(first_firms + added * years, 0);
        let mut runner = Runner::new(model);
        // Nothing bought: the policy world is the baseline (exactly, by construction), so
        // one copy is kept, and half the memory.
        let empty = model.plan().is_empty();
        let mut scratch_policy = vec![0; if empty { n } else { 0 }];
        if !empty {
            self.policy.resize(start + added * n, 0);
        }
        for (i, run) in runs.enumerate() {
            let at = start + i * n..start + (i + 1) * n;
            let policy = if empty {
                &mut scratch_policy[..]
            } else {
                &mut self.policy[at.clone()]
            };
            let out = crate::sim::RunOut {
                baseline: &mut self.baseline[at],
                policy,
                firms: &mut self.firms[first_firms + i * years..first_firms + (i + 1) * years],
                counts: &mut self.counts,
            };
            runner.run_into(run, out);
        }
        self.runs += added as u32;
    }

    /// Adds another ensemble's runs (of the same scenario) to this one.
    ///
    /// # Panics
    /// If the two ensembles come from scenarios of different shapes.
    pub fn merge(&mut self, other: &Ensemble) {
        if other.runs == 0 {
            return;
        }
        if self.runs == 0 && self.counts.is_empty() {
            *self = other.clone();
            return;
        }
        assert!(
            self.cells_per_run == other.cells_per_run && self.counts.len() == other.counts.len(),
            "ensembles of different scenarios cannot be merged"
        );
        self.baseline.extend_from_slice(&other.baseline);
        self.policy.extend_from_slice(&other.policy);
        self.firms.extend_from_slice(&other.firms);
        debug_assert!(self.policy.is_empty() || self.policy.len() == self.baseline.len());
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            a.add(b);
        }
        self.runs += other.runs;
    }

    /// Number of runs held.
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// Baseline adopters of every run, run-major then year-major then segment.
    pub fn baseline(&self) -> &[u32] {
        &self.baseline
    }

    /// Policy adopters of every run, laid out like [`Ensemble::baseline`].
    pub fn policy(&self) -> &[u32] {
        // Without a policy only the baseline is stored; the two are identical.
        if self.policy.len() == self.baseline.len() {
            &self.policy
        } else {
            &self.baseline
        }
    }

    /// Firms in business per run and year (run-major), the same in both worlds.
    pub fn firms(&self) -> &[u32] {
        &self.firms
    }

    /// Instrument tallies per year, summed over runs.
    pub fn counts(&self) -> &[YearCounts] {
        &self.counts
    }

    /// Values stored per run and world.
    pub fn cells_per_run(&self) -> usize {
        self.cells_per_run
    }

    /// The tallies flattened, [`YearCounts::LEN`] per year, for moving the ensemble between
    /// threads (with [`Ensemble::baseline`], and [`Ensemble::stored_policy`]).
    pub fn counts_flat(&self) -> Vec<u64> {
        self.counts.iter().flat_map(YearCounts::to_array).collect()
    }

    /// The policy values as stored: empty when nothing is bought (the policy world is then
    /// the baseline, and only that is kept).
    pub fn stored_policy(&self) -> &[u32] {
        &self.policy
    }

    /// Rebuilds an ensemble of `model`'s runs from its parts (see
    /// [`Ensemble::counts_flat`] and [`Ensemble::firms`]); `None` if their sizes do not
    /// fit the model.
    pub fn from_parts(
        model: &Model,
        runs: u32,
        baseline: Vec<u32>,
        policy: Vec<u32>,
        firms: Vec<u32>,
        counts_flat: &[u64],
    ) -> Option<Ensemble> {
        let cells_per_run = model.cells_per_run();
        let years = model.scenario().years as usize + 1;
        let cells = cells_per_run.checked_mul(runs as usize)?;
        let sizes_fit = baseline.len() == cells
            && (policy.is_empty() || policy.len() == cells)
            && (policy.len() == cells || model.plan().is_empty())
            && firms.len() == years * runs as usize
            && counts_flat.len() == years * YearCounts::LEN;
        if !sizes_fit {
            return None;
        }
        let counts = counts_flat
            .chunks_exact(YearCounts::LEN)
            .map(|c| YearCounts::from_array(std::array::from_fn(|i| c[i])))
            .collect();
        Some(Ensemble {
            cells_per_run,
            runs,
            baseline,
            policy,
            firms,
            counts,
        })
    }
}

/// Splits runs `0..runs` into `parts` contiguous ranges, in order, for as many threads or
/// workers; a range gets at least `min_each` runs, so small jobs use fewer parts (the rest
/// are empty). Merging the ensembles of the ranges in order gives exactly the ensemble of
/// one pass over `0..runs`.
pub fn split_runs(runs: u32, parts: usize, min_each: u32) -> Vec<Range<u32>> {
    let parts = parts.max(1);
    let used = (runs / min_each.max(1)).clamp(1, parts as u32);
    let edge = |k: u32| (u64::from(runs) * u64::from(k) / u64::from(used)) as u32;
    (0..parts as u32)
        .map(|k| {
            if k < used {
                edge(k)..edge(k + 1)
            } else {
                runs..runs
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_runs_covers_every_run_once_in_order() {
        for (runs, parts, min_each) in [
            (1000, 2, 100),
            (1000, 4, 100),
            (1001, 3, 100),
            (150, 4, 100),
            (0, 2, 100),
            (1, 1, 0),
            (u32::MAX, 4, 1),
        ] {
            let ranges = split_runs(runs, parts, min_each);
            assert_eq!(ranges.len(), parts);
            let mut next = 0;
            for r in ranges.iter().filter(|r| !r.is_empty()) {
                assert_eq!(r.start, next, "{runs} runs in {parts}: {ranges:?}");
                next = r.end;
            }
            assert_eq!(next, runs, "{runs} runs in {parts}: {ranges:?}");
            let used = ranges.iter().filter(|r| !r.is_empty()).count();
            if runs >= 2 * min_each && parts > 1 {
                assert!(used > 1, "{ranges:?}");
            }
            if min_each > 0 && used > 1 {
                assert!(
                    ranges
                        .iter()
                        .filter(|r| !r.is_empty())
                        .all(|r| r.len() as u32 >= min_each)
                );
            }
        }
        assert_eq!(
            split_runs(150, 4, 100),
            vec![0..150, 150..150, 150..150, 150..150]
        );
    }
}
