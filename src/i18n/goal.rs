//! The words of the panel's "budget for a target" and "calibration" sections, which live
//! in the panel's own WebAssembly module (see `crate::decide`): the page's module carries
//! none of them.

use super::Template;

/// The goal and calibration sections' words in one language.
#[derive(Debug)]
pub struct GoalTexts {
    /// Heading of the budget section.
    pub goal_heading: &'static str,
    /// One line under it.
    pub goal_intro: &'static str,
    /// Label of the target selector.
    pub target: &'static str,
    /// Label of the probability box (in percent).
    pub probability: &'static str,
    /// A probability outside (0, 100) %.
    pub probability_bad: &'static str,
    /// Legend of the mix choice.
    pub spend_with: &'static str,
    /// The scenario's mix.
    /// (`{0}` the mix in words.)
    pub current_mix: Template,
    /// The best mix for the target.
    pub best_mix: &'static str,
    /// Start the computation.
    pub find: &'static str,
    /// Progress: the best mix is being searched.
    pub running_best: &'static str,
    /// Progress: budgets tried.
    /// (`{0}` the number tried.)
    pub running: Template,
    /// Stop the computation.
    pub cancel: &'static str,
    /// The computation was stopped.
    pub cancelled: &'static str,
    /// The computation failed.
    pub failed: &'static str,
    /// The answer in one sentence.
    /// (`{0}` the budget, `{1}` the chance reached, `{2}` the chance asked.)
    pub answer: Template,
    /// Row: the least budget.
    pub least_budget: &'static str,
    /// Row: the budget just short of it.
    pub just_short: &'static str,
    /// Column headings: budget, chance of meeting the target.
    pub columns: [&'static str; 2],
    /// The mix the budget is spent with.
    /// (`{0}` the mix in words.)
    pub spent_as: Template,
    /// Apply the budget to the page.
    pub use_budget: &'static str,
    /// Even the budget limit falls short.
    /// (`{0}` the limit, `{1}` the chance reached there, `{2}` the chance asked.)
    pub unreachable: Template,
    /// The baseline meets the target already.
    /// (`{0}` the baseline's chance, `{1}` the chance asked.)
    pub baseline_meets: Template,
    /// The scenario has no targets.
    pub no_targets: &'static str,
    /// The scenario cannot be computed (the model's reasons follow).
    pub refused: &'static str,
    /// Too few runs.
    /// (`{0}` the least runs.)
    pub too_few_runs: Template,

    /// Heading of the calibration section.
    pub cal_heading: &'static str,
    /// One line under it.
    pub cal_intro: &'static str,
    /// Label of the series box.
    pub series: &'static str,
    /// Hint under the series box.
    pub series_hint: &'static str,
    /// Label of the file input.
    pub import: &'static str,
    /// Start the fit.
    pub fit: &'static str,
    /// Progress of the fit.
    pub fitting: &'static str,
    /// The series cannot be read (the reason follows).
    pub bad_series: &'static str,
    /// The file cannot be read.
    pub bad_file: &'static str,
    /// Caption of the fitted path's chart.
    pub path_caption: &'static str,
    /// Legend: the band.
    pub band: &'static str,
    /// Legend: the median.
    pub median: &'static str,
    /// Legend: the observed points.
    pub observed: &'static str,
    /// Caption of the p–q cloud.
    pub cloud_caption: &'static str,
    /// Axis and row names of p and q.
    pub p_name: &'static str,
    /// See `p_name`.
    pub q_name: &'static str,
    /// Column headings of the quantiles: parameter, 5%, median, 95%.
    pub quantile_columns: [&'static str; 4],
    /// Heading of the hold-out check.
    pub holdout: &'static str,
    /// The hold-out in one sentence.
    /// (`{0}` year, `{1}` predicted, `{2}` low, `{3}` high, `{4}` observed.)
    pub holdout_sentence: Template,
    /// The observation lies in the interval.
    pub inside: &'static str,
    /// It does not.
    pub outside: &'static str,
    /// Too few points.
    /// (`{0}` points, `{1}` the fewest without a warning.)
    pub warn_short: Template,
    /// Before the inflection point.
    /// (`{0}` the last share, `{1}` the inflection share.)
    pub warn_inflection: Template,
    /// Apply the ranges to the scenario.
    pub apply: &'static str,
    /// What Apply does.
    pub apply_hint: &'static str,
    /// Summary of the fitted path's table.
    pub path_table: &'static str,
    /// Column headings of the path's table: year, observed, 5%, median, 95%.
    pub path_columns: [&'static str; 5],
    /// Summary of the cloud's table.
    pub cloud_table: &'static str,
    /// Column heading: posterior weight.
    pub weight: &'static str,
}
