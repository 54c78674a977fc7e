//! The words of the best-mix panel, which lives in its own WebAssembly module (see
//! `crate::decide`): a struct of their own, so the page's module carries none of them.

use super::Template;

/// The best-mix panel's words in one language (its heading is the page's `best_mix`).
#[derive(Debug)]
pub struct DecideTexts {
    /// One line under the heading.
    /// (`{0}` the number of mixes.)
    pub intro: Template,
    /// Label of the objective selector.
    pub objective: &'static str,
    /// Objective: expected additional adopters at the headline year.
    /// (`{0}` the year.)
    pub objective_mean: Template,
    /// Objective: expected additional adopter-years over the horizon.
    pub objective_years: &'static str,
    /// Objective: the chance of meeting a target.
    /// (`{0}` the target, as the targets list words it.)
    pub objective_target: Template,
    /// Progress: the coarse map.
    /// (`{0}` runs.)
    pub running_coarse: Template,
    /// Progress: every mix at a few runs.
    /// (`{0}` runs.)
    pub running_screen: Template,
    /// Progress: the mixes that may be the best, on all runs.
    /// (`{0}` runs.)
    pub running_full: Template,
    /// The map shown is the coarse one.
    pub coarse_note: &'static str,
    /// The map shown is final.
    /// (`{0}` runs for the likely best mixes.)
    pub final_note: Template,
    /// Stop the computation.
    pub cancel: &'static str,
    /// Start it again after a stop.
    pub restart: &'static str,
    /// The computation was stopped.
    pub cancelled: &'static str,
    /// Heading of the best mix's figures.
    pub best: &'static str,
    /// Heading of the current mix's figures.
    pub current: &'static str,
    /// Heading of the selected cell's figures.
    pub selected: &'static str,
    /// The mean of the objective.
    pub expected: &'static str,
    /// The mean of the worst tenth of runs.
    pub worst_tenth: &'static str,
    /// The largest regret.
    pub max_regret: &'static str,
    /// What the largest regret is.
    pub regret_help: &'static str,
    /// Legend: the shaded region.
    pub indistinguishable: &'static str,
    /// Legend: the colour scale's ends.
    pub low: &'static str,
    /// Legend: the colour scale's high end.
    pub high: &'static str,
    /// Marker of the best mix in labels.
    pub best_marker: &'static str,
    /// Marker of the current mix in labels.
    pub current_marker: &'static str,
    /// Marker of the shaded region in labels.
    pub close_marker: &'static str,
    /// Apply the selected mix.
    pub use_mix: &'static str,
    /// The map's accessible name, with how to move on it.
    pub map_label: &'static str,
    /// A mix in words.
    /// (`{0}` vouchers, `{1}` training, `{2}` pilots, as percents.)
    pub mix: Template,
    /// The table alternative's summary.
    pub table: &'static str,
    /// Table column headings: value, standard error, runs, close to the best.
    pub columns: [&'static str; 4],
    /// "yes" in the table's last column.
    pub yes: &'static str,
    /// Objectives disagree.
    /// (`{0}` the other objective, `{1}` its best mix, `{2}` the chosen best mix.)
    pub disagree: Template,
    /// No budget to split.
    pub no_budget: &'static str,
    /// A target objective without targets.
    pub no_target: &'static str,
    /// The model refuses the scenario (its reasons follow).
    pub refused: &'static str,
    /// Too few runs.
    /// (`{0}` the least runs.)
    pub too_few_runs: Template,
    /// The workers failed or could not start.
    pub failed: &'static str,
    /// A value with its standard error.
    /// (`{0}` value, `{1}` standard error.)
    pub plus_minus: Template,
}
