//! The words of the panel's "What drives the result" (tornado) and "What the next euro
//! buys" (margins) sections, which live in the panel's own module (see `crate::decide`).

use super::Template;

/// The tornado and margins sections' words in one language.
#[derive(Debug)]
pub struct TornadoTexts {
    /// Heading of the tornado section.
    pub heading: &'static str,
    /// One line under it.
    /// (`{0}` runs per scenario.)
    pub intro: Template,
    /// Label of the headline selector.
    pub show: &'static str,
    /// Headline: additional adopters.
    /// (`{0}` the headline year.)
    pub adopters: Template,
    /// Headline: cost per additional adopter.
    /// (`{0}` the headline year.)
    pub cost: Template,
    /// Progress.
    /// (`{0}` scenarios, `{1}` runs each.)
    pub running: Template,
    /// The scenario as it is, with its interval.
    /// (`{0}` the headline, `{1}` and `{2}` its 90% interval.)
    pub base: Template,
    /// No parameter is uncertain.
    pub no_uncertain: &'static str,
    /// The chart's accessible name.
    pub chart_label: &'static str,
    /// Legend: the bar's end at the parameter's low.
    pub at_low: &'static str,
    /// Legend: the bar's end at the parameter's high.
    pub at_high: &'static str,
    /// Legend: the whiskers.
    pub whiskers: &'static str,
    /// Legend: the scenario as it is.
    pub as_is: &'static str,
    /// The "est." flag.
    pub est: &'static str,
    /// What "est." means.
    pub est_legend: &'static str,
    /// What the share of variance is.
    pub share_help: &'static str,
    /// The table's summary.
    pub table: &'static str,
    /// Table columns: parameter, range, at its low, at its high, swing, share of variance.
    pub columns: [&'static str; 6],
    /// A range or an interval.
    /// (`{0}` low, `{1}` high.)
    pub range: Template,
    /// A value with its interval.
    /// (`{0}` value, `{1}` low, `{2}` high.)
    pub with_interval: Template,
    /// A value that is not defined (no additional adopters to divide by).
    pub undefined: &'static str,
    /// Each parameter's name by its key (`crates/decide` `Knob::key`).
    pub parameters: [(&'static str, &'static str); 17],
    /// Heading of the margins section.
    pub margin_heading: &'static str,
    /// One line under it.
    /// (`{0}` the headline year, `{1}` the extra money, `{2}` runs.)
    pub margin_intro: Template,
    /// Too few runs.
    /// (`{0}` the least runs.)
    pub too_few_runs: Template,
    /// The model refuses the scenario (its reasons follow).
    pub refused: &'static str,
    /// Progress of the margins.
    pub margin_running: &'static str,
    /// Margins table columns: instrument, additional firms per extra money, standard error.
    /// (`{0}` in the second: the extra money.)
    pub margin_columns: [&'static str; 3],
    /// Where the next euro works hardest.
    /// (`{0}` the instrument.)
    pub hardest: Template,
    /// The instruments cannot be told apart.
    pub tie: &'static str,
}

impl TornadoTexts {
    /// A parameter's name, if this language has one for its key.
    pub fn parameter(&self, key: &str) -> Option<&'static str> {
        self.parameters
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, name)| *name)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn every_parameter_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            let t = lang.tornado();
            for k in adoption_decide::sensitivity::knobs() {
                let name = t.parameter(k.key);
                assert!(name.is_some(), "{lang:?} {}", k.key);
                // A name, "est." and a share fit the chart's width on one line.
                let chars = name.map_or(0, |n| n.chars().count());
                assert!(chars <= 38, "{lang:?} {}: {chars} characters", k.key);
            }
            assert!(t.margin_columns[1].contains("{0}"), "{lang:?}");
        }
    }
}
