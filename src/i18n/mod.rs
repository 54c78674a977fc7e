//! Every word the page shows and how it writes numbers, per language: one folder a
//! language, each declaring a [`Locale`] (its texts, the model's messages, the presets' own
//! words, its number and currency style and its plural rule). [`Lang::locale`] is the only
//! place that tells languages apart.
//!
//! # Adding a language
//! One folder and one line:
//! 1. Copy `src/i18n/es/` to a folder named by the language's code (`src/i18n/fr/`) and
//!    translate its four files: `texts.rs` (the page's words), `messages.rs` (the model's
//!    messages, one template per key with the English template's placeholders), `data.rs`
//!    (the presets' own words) and `mod.rs` (its `LOCALE`: code, number style from CLDR,
//!    plural rule).
//! 2. Add one line to the `languages!` list below, such as `Fr => fr: "French.",`.
//!
//! The switcher, `?lang=`, the browser's language and the tests pick it up from there: the
//! tests check that every language fills every text, words every model message with that
//! message's values only, and translates every word of every preset.

mod decide;
mod facilitate;
mod goal;
mod handin;
mod locale;
mod tornado;

pub use decide::DecideTexts;
pub use facilitate::FacilitateTexts;
pub use goal::GoalTexts;
pub use handin::HandinTexts;
pub use locale::{Affix, Locale, NumberStyle, one_is_singular};
pub use tornado::TornadoTexts;

// The only references to the model's message vocabulary and presets in the page's languages.
use adoption_formats::message::{self, Arg, Key, Message, tidy};
#[cfg(test)]
use adoption_formats::{message::placeholders, preset::PRESETS};

use adoption_model::Instrument;
use adoption_model::assumption::Assumption;
use serde::{Deserialize, Serialize};

use crate::format;

/// Declares the languages: each line is `Variant => folder: "doc",` and makes the folder's
/// module, the [`Lang`] variant, its place in [`Lang::ALL`] and its [`Lang::locale`] arm.
macro_rules! languages {
    ($($(#[$attr:meta])* $variant:ident => $folder:ident: $doc:literal,)+) => {
        $(mod $folder;)+

        /// A language the page speaks.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Lang {
            $($(#[$attr])* #[doc = $doc] $variant,)+
        }

        impl Lang {
            /// All languages, in switcher order.
            pub const ALL: &'static [Lang] = &[$(Lang::$variant,)+];

            /// Everything about this language.
            pub fn locale(self) -> &'static Locale {
                match self {
                    $(Lang::$variant => &$folder::LOCALE,)+
                }
            }

            /// The best-mix panel's words (apart from the page's [`Locale`]: only the
            /// panel's own module uses them, so the page's first load carries none).
            pub fn decide(self) -> &'static DecideTexts {
                match self {
                    $(Lang::$variant => &$folder::decide::DECIDE,)+
                }
            }

            /// The panel's tornado and margins words (its own module's, like [`Lang::decide`]).
            pub fn tornado(self) -> &'static TornadoTexts {
                match self {
                    $(Lang::$variant => &$folder::tornado::TORNADO,)+
                }
            }

            /// The model's messages that only the panel's module words (the series
            /// reader's), `None` for the others.
            pub fn panel_message(self, key: Key) -> Option<&'static str> {
                match self {
                    $(Lang::$variant => $folder::panel_message(key),)+
                }
            }

            /// The hand-in dialog's words (the panel's module only, like [`Lang::decide`]).
            pub fn handin(self) -> &'static HandinTexts {
                match self {
                    $(Lang::$variant => &$folder::handin::HANDIN,)+
                }
            }

            /// The facilitator's view's words (the panel's module only).
            pub fn facilitate(self) -> &'static FacilitateTexts {
                match self {
                    $(Lang::$variant => &$folder::facilitate::FACILITATE,)+
                }
            }

            /// The panel's goal and calibration sections' words (the panel's module only).
            pub fn goal(self) -> &'static GoalTexts {
                match self {
                    $(Lang::$variant => &$folder::goal::GOAL,)+
                }
            }
        }
    };
}

languages! {
    #[default]
    En => en: "English.",
    Es => es: "Spanish.",
    Pt => pt: "Portuguese (as written in Portugal).",
}

impl Lang {
    /// The BCP 47 code (`lang` attribute, `?lang=`).
    pub fn code(self) -> &'static str {
        self.locale().code
    }

    /// The language for a code such as `es`, `es-ES`, `pt-BR` or `EN`; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.iter().copied().find(|l| l.code() == primary)
    }

    /// This language's texts.
    pub fn texts(self) -> &'static Texts {
        self.locale().texts
    }
}

/// The words of one language. Sentences with values are [`Template`]s, so each language
/// orders its words its own way.
#[derive(Debug)]
pub struct Texts {
    /// The language's own name, for the switcher.
    pub language_name: &'static str,
    /// Label of the language switcher.
    pub language: &'static str,
    /// Page title.
    pub title: &'static str,
    /// One line under the title.
    pub tagline: &'static str,
    /// Label of the preset selector.
    pub preset: &'static str,
    /// Heading of the controls.
    pub your_plan: &'static str,
    /// Budget field label.
    pub budget: &'static str,
    /// Budget unit / hint.
    pub budget_hint: &'static str,
    /// Programme years label.
    pub programme_years: &'static str,
    /// Programme years hint.
    pub programme_years_hint: &'static str,
    /// Horizon label.
    pub horizon: &'static str,
    /// Horizon hint.
    pub horizon_hint: &'static str,
    /// Heading of the mix controls.
    pub mix_heading: &'static str,
    /// Hint under the mix heading.
    pub mix_hint: &'static str,
    /// The best-mix panel's opener and heading.
    pub best_mix: &'static str,
    /// Instrument names: vouchers, training, pilots.
    pub instruments: [&'static str; Instrument::ALL.len()],
    /// One-line explanation of each instrument.
    pub instrument_help: [&'static str; Instrument::ALL.len()],
    /// Short visible label of a share's lock.
    pub hold: &'static str,
    /// Accessible label of a share's lock, e.g. "Hold the Vouchers share".
    /// (`{0}` the instrument.)
    pub hold_share: Template,
    /// "What the money buys" line: vouchers, training actions, pilots.
    /// (`{0}` vouchers, `{1}` training actions, `{2}` pilots, each `{n|one|many}`.)
    pub buys: Template,
    /// Unspent remainder note.
    /// (`{0}` the amount.)
    pub unspent: Template,
    /// Assumptions panel heading.
    pub assumptions: &'static str,
    /// Intro sentence of the assumptions panel.
    pub assumptions_intro: &'static str,
    /// "est." marker for estimates.
    pub estimate: &'static str,
    /// Range note, e.g. "plausible range 0.6 to 0.95".
    /// (`{0}` low; `{1}` high.)
    pub range: Template,
    /// Source prefix.
    pub source: &'static str,
    /// Labels of the assumptions, in `Assumption` order (see `components::assumptions`).
    pub assumption_labels: [&'static str; Assumption::ALL.len()],
    /// Where each assumption's default comes from, in the same order (docs/model.md has
    /// the full references).
    pub assumption_sources: [&'static str; Assumption::ALL.len()],
    /// Heading of the results.
    /// (`{0}` the horizon year.)
    pub results_heading: Template,
    /// The new headline, read out by screen readers once the figures settle.
    /// (`{0}` the headline year; `{1}` extra adopters; `{2}` low; `{3}` high.)
    pub announce_headline: Template,
    /// Headline: additional adopters label.
    pub additional_adopters: &'static str,
    /// Headline: additional adopters explanation with the technology.
    /// (`{0}` the technology.)
    pub additional_explainer: Template,
    /// "90% interval: a to b" (plain words).
    /// (`{0}` low; `{1}` high.)
    pub interval: Template,
    /// Headline: cost per additional adopter label.
    pub cost_per_adopter: &'static str,
    /// When the policy adds no adopters, the cost is not defined.
    pub cost_undefined: &'static str,
    /// Headline: share digitalised label.
    pub share_digitalised: &'static str,
    /// "x with the plan, y without".
    /// (`{0}` with the plan; `{1}` without.)
    pub with_without: Template,
    /// Headline: firms reached label.
    pub firms_reached: &'static str,
    /// Firms reached detail: vouchers awarded, used, firms trained, actions, pilots.
    /// (`{0}` vouchers awarded; `{1}` used; `{2}` firms trained; `{3}` training actions; `{4}` pilots.)
    pub reached_detail: Template,
    /// Headline: deadweight label.
    pub deadweight: &'static str,
    /// Deadweight as three plain shares of supported firms that would have adopted anyway.
    /// (`{0}` the same year; `{1}` within 3 years; `{2}` by `{3}`, the horizon year.)
    pub deadweight_detail: Template,
    /// Spend line: spent of budget.
    /// (`{0}` spent; `{1}` budget.)
    pub spend: Template,
    /// Targets heading.
    pub targets: &'static str,
    /// Chance of meeting a target: label, chance.
    /// (`{0}` the target; `{1}` its chance.)
    pub target_chance: Template,
    /// Chance the baseline meets it.
    /// (`{0}` the chance.)
    pub target_baseline: Template,
    /// Chart title: adopters of the technology.
    /// (`{0}` the technology.)
    pub chart_title: Template,
    /// Chart title for the additional view.
    pub chart_title_additional: &'static str,
    /// View switch: adopters.
    pub view_adopters: &'static str,
    /// View switch: additional adopters.
    pub view_additional: &'static str,
    /// View switch label.
    pub view: &'static str,
    /// Legend: policy median.
    pub legend_policy: &'static str,
    /// Legend: 50% band.
    pub legend_band50: &'static str,
    /// Legend: 90% band.
    pub legend_band90: &'static str,
    /// Legend: baseline.
    pub legend_baseline: &'static str,
    /// Legend: additional median.
    pub legend_additional: &'static str,
    /// Legend: programme years shading.
    pub legend_programme: &'static str,
    /// Axis: firms.
    pub axis_firms: &'static str,
    /// Tooltip / point label: year, with, without, additional.
    /// (`{0}` year; `{1}` with the plan; `{2}` without; `{3}` extra.)
    pub point_label: Template,
    /// Show table toggle.
    pub show_table: &'static str,
    /// Table caption.
    /// (`{0}` the technology.)
    pub table_caption: Template,
    /// Table column headers.
    pub table_year: &'static str,
    /// Without the plan (median).
    pub table_without: &'static str,
    /// With the plan (median).
    pub table_with: &'static str,
    /// Additional (mean).
    pub table_additional: &'static str,
    /// 90% interval of additional.
    pub table_interval: &'static str,
    /// Status while computing.
    pub computing: &'static str,
    /// A compared scenario the simulator could not compute.
    pub compare_failed: &'static str,
    /// Status with partial runs.
    /// (`{0}` futures done; `{1}` all.)
    pub computing_partial: Template,
    /// Status when ready: runs.
    /// (`{0}` futures.)
    pub based_on: Template,
    /// Worker refused the scenario.
    /// (`{0}` why.)
    pub failed: Template,
    /// Why a simulation failed: the browser would not start a web worker.
    pub failure_no_worker: &'static str,
    /// Why a simulation failed: a worker could not be reached or could not run it.
    pub failure_unreachable: &'static str,
    /// Why a stored entry does not read: it is not a saved scenario at all.
    pub entry_not_saved: &'static str,
    /// Number field: not a number.
    pub not_a_number: &'static str,
    /// Number field: clamped to min / max.
    /// (`{0}` the value.)
    pub clamped: Template,
    /// Accessible name of the exact-value box beside a slider.
    /// (`{0}` the field.)
    pub exact_value: Template,
    /// Number field: must be whole.
    pub whole_number: &'static str,
    /// Footer: privacy.
    pub privacy: &'static str,
    /// Footer: model documentation link text.
    pub how_it_works: &'static str,
    /// "est." note for estimated inputs.
    pub estimates_note: &'static str,
    /// Dismiss button of a notice.
    pub dismiss: &'static str,
    /// "Details" disclosure.
    pub details: &'static str,
    /// Notice: some parts of the link were not used; then one line per part.
    pub notice_link: &'static str,
    /// Notice: saved scenarios unreadable, copied to a backup key.
    /// (`{0}` the backup key.)
    pub notice_store_unreadable: Template,
    /// Notice: saved scenarios written by a newer version.
    pub notice_store_newer: &'static str,
    /// Notice: one saved scenario cannot be read (kept).
    pub notice_store_one: &'static str,
    /// Notice: n saved scenarios cannot be read (kept). (`{0}` how many.)
    pub notice_store_some: Template,
    /// Notice: the browser refused to store (full or blocked).
    pub notice_store_write: &'static str,
    /// Notice: no localStorage.
    pub notice_store_unavailable: &'static str,
    /// Notice: a scenario file could not be read.
    pub notice_scenario_file: &'static str,
    /// Notice: a population file could not be read.
    pub notice_population_file: &'static str,
    /// Notice: a file was imported.
    /// (`{0}` the file.)
    pub notice_imported: Template,
    /// Saved scenarios heading.
    pub saved_heading: &'static str,
    /// Label of the name box.
    pub save_name: &'static str,
    /// Save button.
    pub save: &'static str,
    /// A default name for the n-th saved scenario.
    /// (`{0}` its number.)
    pub default_name: Template,
    /// No saved scenarios yet.
    pub no_saved: &'static str,
    /// Restore button label for a saved scenario.
    /// (`{0}` the name.)
    pub restore: Template,
    /// Rename button label.
    /// (`{0}` the name.)
    pub rename: Template,
    /// Delete button label.
    /// (`{0}` the name.)
    pub delete: Template,
    /// Label of a compare tick box.
    /// (`{0}` the name.)
    pub compare_this: Template,
    /// A saved scenario this version cannot read.
    pub saved_unreadable: &'static str,
    /// Compare heading.
    pub compare_heading: &'static str,
    /// Compare hint.
    pub compare_hint: &'static str,
    /// The current scenario's row label.
    pub current: &'static str,
    /// Compare column headers: scenario, budget, mix, extra adopters, cost, targets.
    pub compare_columns: [&'static str; 6],
    /// Compare chart title.
    pub compare_chart: &'static str,
    /// Targets editor: add button.
    pub add_target: &'static str,
    /// Targets editor: the EU goal button.
    pub eu_goal: &'static str,
    /// Target kinds: extra adopters, firms adopting, share adopting.
    pub target_kinds: [&'static str; 3],
    /// Target field labels: kind, year, value.
    pub target_fields: [&'static str; 3],
    /// Remove a target.
    /// (`{0}` its number.)
    pub remove_target: Template,
    /// Export heading.
    pub export_heading: &'static str,
    /// Export buttons: CSV, PNG, SVG, JSON, brief.
    pub export_buttons: [&'static str; 5],
    /// Import heading.
    pub import_heading: &'static str,
    /// Open a scenario file.
    pub import_scenario: &'static str,
    /// Load a population CSV.
    pub import_population: &'static str,
    /// Download the CSV template.
    pub csv_template: &'static str,
    /// Drop zone hint.
    pub drop_hint: &'static str,
    /// Share heading.
    pub share_heading: &'static str,
    /// Link box label.
    pub share_link: &'static str,
    /// Copy button.
    pub copy: &'static str,
    /// Copied confirmation.
    pub copied: &'static str,
    /// Embed button.
    pub embed: &'static str,
    /// Embed dialog heading.
    pub embed_heading: &'static str,
    /// Read-only option.
    pub embed_read_only: &'static str,
    /// Code box label.
    pub embed_code: &'static str,
    /// Close button.
    pub close: &'static str,
    /// Iframe title.
    pub embed_title: &'static str,
    /// "Open the full simulator" link in embedded mode.
    pub open_full: &'static str,
    /// Plain-language summary of a result ([`crate::narrative`] puts its sentences
    /// together): what the plan adds (`{0}` extra firms, `{1}` technology, `{2}` year,
    /// `{3}` low, `{4}` high, `{5}` share with the plan, `{6}` firms, `{7}` share without).
    pub summary_adds: Template,
    /// ... or that it adds none (`{0}` technology, `{1}` year, `{2}` share with the plan,
    /// `{3}` firms, `{4}` share without).
    pub summary_none: Template,
    /// ... then what it spends (`{0}` spent, `{1}` budget),
    pub summary_spend: Template,
    /// ... at what cost per extra adopter (`{0}`; a full stop when there is none),
    pub summary_cost: Template,
    /// ... the additional adopter-years, when the plan adds some (`{0}` adopter-years,
    /// `{1}` the horizon year; a sentence of its own, no leading space),
    pub summary_years: Template,
    /// ... and each target's chance (`{0}` target, `{1}` chance).
    pub summary_target: Template,
    /// Label of the headline-year select.
    pub headline_year: &'static str,
    /// Label of the technology select.
    pub technology: &'static str,
    /// Additional adopter-years, the area between the two worlds.
    /// (`{0}` the mean; `{1}` the horizon year; `{2}` low; `{3}` high.)
    pub adopter_years: Template,
    /// Cost per additional adopter-year.
    /// (`{0}` the amount.)
    pub cost_per_adopter_year: Template,
    /// Money that found no takers, per instrument in `Instrument` order.
    /// (`{0}` the amount.)
    pub unspent_by: [Template; Instrument::ALL.len()],
    /// Table column header: firms in business (mean).
    pub table_firms: &'static str,
    /// Brief: what adopting means and the headline year.
    /// (`{0}` the technology; `{1}` the headline year.)
    pub brief_about: Template,
    /// Notice: old work whose figures now come from the current model.
    /// (`{0}` one of `old_work`.)
    pub notice_old_model: Template,
    /// What the old work was: a link, a file, a saved scenario (see [`crate::state::OldWork`]).
    pub old_work: [&'static str; 3],
    /// Brief: scenario heading.
    pub brief_scenario: &'static str,
    /// Brief: budget, mix and years in a line.
    /// (`{0}` budget; `{1}` mix; `{2}` years.)
    pub brief_plan: Template,
    /// Brief: link label.
    pub brief_link: &'static str,
    /// Brief: made with model version, on date.
    /// (`{0}` model version; `{1}` date.)
    pub brief_made: Template,
    /// Translations of the presets' own words (names, descriptions, technologies,
    /// segments, target labels), from the English in the scenario (by its [`key`]) to this
    /// language. Words not listed (a user's own) are shown as they are.
    pub data: &'static [(u32, &'static str)],
    /// A file larger than the page reads.
    pub file_too_large: &'static str,
    /// A file that is not text.
    pub file_not_text: &'static str,
    /// The model's messages (why a link, scenario or file was refused): the template for
    /// each key, with the placeholders of its English template.
    pub messages: fn(Key) -> &'static str,
    /// The participant's view of a consultation: its heading ({0}: the code).
    pub consult_heading: &'static str,
    /// Why a budget or share cannot be changed in a consultation.
    pub consult_fixed: &'static str,
    /// The hand-in button (the hand-in dialog's heading too).
    pub hand_in: &'static str,
    /// The group or district field's label.
    pub consult_group: &'static str,
    /// The group choice "none".
    pub consult_no_group: &'static str,
}

impl Texts {
    /// A scenario's own words in this language, when known.
    pub fn data<'a>(&self, english: &'a str) -> &'a str
    where
        'static: 'a,
    {
        let wanted = key(english);
        self.data
            .iter()
            .find(|(k, _)| *k == wanted)
            .map(|(_, t)| *t)
            .unwrap_or(english)
    }
}

/// The key of an English text in the translation tables: its 32-bit FNV-1a hash.
///
/// NOTE: a `const fn`, so the tables' English keys are hashed when the page is compiled
/// and never shipped (they were 4 KB of its first load); a test checks that no two
/// English texts the presets carry share a key.
pub const fn key(english: &str) -> u32 {
    let bytes = english.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// A text with placeholders, in the syntax of the model's messages: `{0}` is the first
/// value, `{1}` the second, and `{0|one|many}` writes a count followed by the word for one
/// or for many (by the language's plural rule). Each field's documentation says what its
/// placeholders hold; a translation keeps them (in any order) and may leave some out.
pub type Template = &'static str;

/// A template filled with words already written in the page's language (numbers
/// formatted by [`crate::format`], names translated).
pub fn fill(template: &str, words: &[&str]) -> String {
    let args: Vec<Arg> = words.iter().map(|w| Arg::Text((*w).to_string())).collect();
    message::fill(template, &args, &|arg| arg.english(), |_| false)
}

impl Lang {
    /// A template whose placeholders are counts with their nouns (`{0|one|many}`), written
    /// and chosen by this language's number style and plural rule.
    pub fn counts(self, template: &str, counts: &[u64]) -> String {
        let args: Vec<Arg> = counts.iter().map(|n| Arg::Count(*n)).collect();
        message::fill(template, &args, &|arg| write(arg, self), self.locale().one)
    }
}

/// A message from the model in this language, with its numbers as the language writes them.
pub fn say(message: &Message, lang: Lang) -> String {
    message.render(
        &lang.texts().messages,
        &|arg| write(arg, lang),
        lang.locale().one,
    )
}

/// [`say`] in the panel's module, which words the series reader's messages too.
pub fn say_panel(message: &Message, lang: Lang) -> String {
    message.render(
        &|key| {
            lang.panel_message(key)
                .unwrap_or_else(|| (lang.texts().messages)(key))
        },
        &|arg| write(arg, lang),
        lang.locale().one,
    )
}

/// One value of a message as `lang` writes it.
fn write(arg: &Arg, lang: Lang) -> String {
    let numbers = &lang.locale().numbers;
    match arg {
        Arg::Count(n) => format::count_in(*n as f64, numbers),
        Arg::Number(v) => {
            let text = tidy(*v);
            if v.abs() >= 1e4 && v.fract() == 0.0 && !text.contains('e') {
                format::count_in(*v, numbers)
            } else {
                text.replace('.', &numbers.decimal.to_string())
            }
        }
        Arg::Plain(n) => n.to_string(),
        Arg::Text(t) => t.clone(),
        // Nested messages are rendered by `render` itself.
        Arg::Part(m) => say(m, lang),
    }
}

#[cfg(test)]
mod tests;
