//! The words of the facilitator's view (`crate::decide::facilitate`), which lives in the
//! best-mix panel's WebAssembly module: the page's first load carries none of them.

use super::Template;

/// The facilitator's view's words in one language.
#[derive(Debug)]
pub struct FacilitateTexts {
    /// English: "Consultation: what people handed in"
    pub heading: &'static str,
    /// English: "Paste the hand-in links you received (a whole e-mail or chat export will do) or add files. Everything stays in this browser: nothing is sent anywhere."
    pub intro: &'static str,
    /// English: "Open the simulator"
    pub back: &'static str,
    /// English: "Gather hand-ins"
    pub gather_heading: &'static str,
    /// English: "Text holding hand-in links"
    pub paste_label: &'static str,
    /// English: "Add this text"
    pub add_text: &'static str,
    /// English: "Or add files (text or CSV), or drop them on this section"
    pub files_label: &'static str,
    /// English: "Scan QR codes with the camera"
    pub scan: &'static str,
    /// English: "Stop scanning"
    pub scan_stop: &'static str,
    /// English: "This browser has no barcode detector, so it cannot read QR codes with the camera: paste the links or add files instead."
    pub scan_missing: &'static str,
    /// English: "The camera could not be started: {0}"
    pub scan_failed: Template,
    /// English: "Camera image for scanning QR codes"
    pub scan_video: &'static str,
    /// English: "Consultation code (empty: the code most plans carry)"
    pub filter_label: &'static str,
    /// English: "Gathered texts"
    pub sources_heading: &'static str,
    /// English: "Pasted text {0}"
    pub source_paste: Template,
    /// English: "Camera scans"
    pub source_scan: &'static str,
    /// English: "{0|line|lines}"
    pub source_lines: Template,
    /// English: "Export the set (JSON)"
    pub export_set: &'static str,
    /// English: "Import a set"
    pub import_set: &'static str,
    /// English: "Clear everything"
    pub clear: &'static str,
    /// English: "Remove every gathered text from this browser? Export the set first to keep a copy."
    pub clear_confirm: &'static str,
    /// English: "This browser's storage is full: what you added is on this page only until it is closed. Export the set to keep it."
    pub store_full: &'static str,
    /// English: "The set stored in this browser could not be read (damaged, or written by a newer version). It was kept, unchanged, in this browser under "{0}"; this page starts empty, and what you add is stored anew."
    pub store_kept: Template,
    /// English: "The set stored in this browser could not be read, and the browser did not let the page keep a copy of it, so nothing is stored over it: what you add is on this page only until it is closed. Export the set to keep it."
    pub store_locked: &'static str,
    /// English: "This file is not a set exported from this page (or it is from a newer version): nothing was changed."
    pub import_bad: &'static str,
    /// English: "The gathered texts would pass {0} KiB (about 10,000 links): nothing was added. Export and clear the set, or add less text."
    pub too_large: Template,
    /// English: "The file "{0}" could not be read as text: nothing was added from it."
    pub file_unreadable: Template,
    /// English: "Dismiss"
    pub dismiss: &'static str,
    /// English: "What came in"
    pub counts_heading: &'static str,
    /// English: "{0|plan counted|plans counted}"
    pub count_valid: Template,
    /// English: "{0|duplicate|duplicates} (the same hand-in again, counted once)"
    pub count_duplicates: Template,
    /// English: "{0|line|lines} not readable"
    pub count_malformed: Template,
    /// English: "{0|plan|plans} for another consultation"
    pub count_other_consultation: Template,
    /// English: "{0|plan|plans} of another format version"
    pub count_other_version: Template,
    /// English: "Consultation counted: {0}"
    pub consult_counted: Template,
    /// English: "No plans counted yet: paste or add hand-in links above."
    pub no_plans: &'static str,
    /// English: "Lines not counted, and why"
    pub not_counted_heading: &'static str,
    /// English: "Where"
    pub col_where: &'static str,
    /// English: "Why"
    pub col_why: &'static str,
    /// English: "{0}, line {1}"
    pub where_line: Template,
    /// English: "the same hand-in as {0}, line {1}: counted once"
    pub dup_same: Template,
    /// English: "the same hand-in as {0}, line {1}, with another plan: the first is counted"
    pub dup_changed: Template,
    /// English: "What people want"
    pub want_heading: &'static str,
    /// English: "Where the {0} plans sit among all mixes: vouchers at the top, training bottom left, pilots bottom right; a darker cell holds more plans"
    pub plot_label: Template,
    /// English: "Mean"
    pub legend_mean: &'static str,
    /// English: "Median"
    pub legend_median: &'static str,
    /// English: "Official plan"
    pub legend_official: &'static str,
    /// English: "The plot as a table"
    pub cells_table: &'static str,
    /// English: "Mix (vouchers / training / pilots)"
    pub col_mix: &'static str,
    /// English: "Plans"
    pub col_plans: &'static str,
    /// English: "Spread per instrument"
    pub spreads_heading: &'static str,
    /// English: "Figure"
    pub col_figure: &'static str,
    /// English: "Min"
    pub col_min: &'static str,
    /// English: "First quartile"
    pub col_q1: &'static str,
    /// English: "Median"
    pub col_median: &'static str,
    /// English: "Third quartile"
    pub col_q3: &'static str,
    /// English: "Max"
    pub col_max: &'static str,
    /// English: "Budget"
    pub row_budget: &'static str,
    /// English: "Two aggregates, each adding up to 100%"
    pub aggregates_heading: &'static str,
    /// English: "Mean mix: {0}"
    pub mean_mix: Template,
    /// English: "Moving-phantom median: {0}"
    pub median_mix: Template,
    /// English: "No one can move the median towards their own plan by exaggerating (Freeman, Pennock, Peters and Wortman Vaughan, 2021); the mean can be."
    pub median_note: &'static str,
    /// English: "Groups side by side"
    pub groups_heading: &'static str,
    /// English: "Group"
    pub col_group: &'static str,
    /// English: "People"
    pub col_people: &'static str,
    /// English: "Mean mix"
    pub col_mean_mix: &'static str,
    /// English: "Median mix"
    pub col_median_mix: &'static str,
    /// English: "Median budget"
    pub col_budget_median: &'static str,
    /// English: "Everyone"
    pub everyone: &'static str,
    /// English: "Other groups (pooled)"
    pub other_groups: &'static str,
    /// English: "{0|person|people} in groups of fewer than five: counted in the total only."
    pub small_groups: Template,
    /// English: "{0|person|people} gave no group."
    pub without_group: Template,
    /// English: "What it would achieve"
    pub achieve_heading: &'static str,
    /// English: "The official plan ({0}) run with each aggregate's mix and median budget, all with the same seed and the same {1} runs, so differences come from the plans alone."
    pub achieve_intro: Template,
    /// English: "Plan"
    pub col_plan: &'static str,
    /// English: "Additional adopters by {0}"
    pub col_additional: Template,
    /// English: "Cost per additional adopter"
    pub col_cost: &'static str,
    /// English: "Chance: {0}"
    pub col_chance: Template,
    /// English: "Budget"
    pub col_budget: &'static str,
    /// English: "{0} to {1}"
    pub interval: Template,
    /// English: "Official plan"
    pub row_official: &'static str,
    /// English: "Everyone, mean mix"
    pub row_mean: &'static str,
    /// English: "Everyone, median mix"
    pub row_median: &'static str,
    /// English: "{0}, median mix"
    pub row_group: Template,
    /// English: "Other groups, median mix"
    pub row_other_groups: &'static str,
    /// English: "Running the plans ({0} runs each)…"
    pub running: Template,
    /// English: "Each plan's own outcome ({0} runs each): {1} of {2}"
    pub running_own: Template,
    /// English: "Open in the simulator"
    pub open_link: &'static str,
    /// English: "Open “{0}” in the simulator"
    pub open_link_of: Template,
    /// English: "Every submission"
    pub submissions_heading: &'static str,
    /// English: "Additional adopters ({0} runs)"
    pub col_outcome: Template,
    /// English: "Programme"
    pub col_years: &'static str,
    /// English: "{0}–{1}"
    pub years_span: Template,
    /// English: "Export"
    pub exports_heading: &'static str,
    /// English: "Download every submission (CSV)"
    pub export_csv: &'static str,
    /// English: "Print the summary"
    pub print: &'static str,
}

impl FacilitateTexts {
    /// Every text, named (for the tests that hold each language to the English one).
    pub fn all(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("heading", self.heading),
            ("intro", self.intro),
            ("back", self.back),
            ("gather_heading", self.gather_heading),
            ("paste_label", self.paste_label),
            ("add_text", self.add_text),
            ("files_label", self.files_label),
            ("scan", self.scan),
            ("scan_stop", self.scan_stop),
            ("scan_missing", self.scan_missing),
            ("scan_failed", self.scan_failed),
            ("scan_video", self.scan_video),
            ("filter_label", self.filter_label),
            ("sources_heading", self.sources_heading),
            ("source_paste", self.source_paste),
            ("source_scan", self.source_scan),
            ("source_lines", self.source_lines),
            ("export_set", self.export_set),
            ("import_set", self.import_set),
            ("clear", self.clear),
            ("clear_confirm", self.clear_confirm),
            ("store_full", self.store_full),
            ("store_kept", self.store_kept),
            ("store_locked", self.store_locked),
            ("import_bad", self.import_bad),
            ("too_large", self.too_large),
            ("file_unreadable", self.file_unreadable),
            ("dismiss", self.dismiss),
            ("counts_heading", self.counts_heading),
            ("count_valid", self.count_valid),
            ("count_duplicates", self.count_duplicates),
            ("count_malformed", self.count_malformed),
            ("count_other_consultation", self.count_other_consultation),
            ("count_other_version", self.count_other_version),
            ("consult_counted", self.consult_counted),
            ("no_plans", self.no_plans),
            ("not_counted_heading", self.not_counted_heading),
            ("col_where", self.col_where),
            ("col_why", self.col_why),
            ("where_line", self.where_line),
            ("dup_same", self.dup_same),
            ("dup_changed", self.dup_changed),
            ("want_heading", self.want_heading),
            ("plot_label", self.plot_label),
            ("legend_mean", self.legend_mean),
            ("legend_median", self.legend_median),
            ("legend_official", self.legend_official),
            ("cells_table", self.cells_table),
            ("col_mix", self.col_mix),
            ("col_plans", self.col_plans),
            ("spreads_heading", self.spreads_heading),
            ("col_figure", self.col_figure),
            ("col_min", self.col_min),
            ("col_q1", self.col_q1),
            ("col_median", self.col_median),
            ("col_q3", self.col_q3),
            ("col_max", self.col_max),
            ("row_budget", self.row_budget),
            ("aggregates_heading", self.aggregates_heading),
            ("mean_mix", self.mean_mix),
            ("median_mix", self.median_mix),
            ("median_note", self.median_note),
            ("groups_heading", self.groups_heading),
            ("col_group", self.col_group),
            ("col_people", self.col_people),
            ("col_mean_mix", self.col_mean_mix),
            ("col_median_mix", self.col_median_mix),
            ("col_budget_median", self.col_budget_median),
            ("everyone", self.everyone),
            ("other_groups", self.other_groups),
            ("small_groups", self.small_groups),
            ("without_group", self.without_group),
            ("achieve_heading", self.achieve_heading),
            ("achieve_intro", self.achieve_intro),
            ("col_plan", self.col_plan),
            ("col_additional", self.col_additional),
            ("col_cost", self.col_cost),
            ("col_chance", self.col_chance),
            ("col_budget", self.col_budget),
            ("interval", self.interval),
            ("row_official", self.row_official),
            ("row_mean", self.row_mean),
            ("row_median", self.row_median),
            ("row_group", self.row_group),
            ("row_other_groups", self.row_other_groups),
            ("running", self.running),
            ("running_own", self.running_own),
            ("open_link", self.open_link),
            ("open_link_of", self.open_link_of),
            ("submissions_heading", self.submissions_heading),
            ("col_outcome", self.col_outcome),
            ("col_years", self.col_years),
            ("years_span", self.years_span),
            ("exports_heading", self.exports_heading),
            ("export_csv", self.export_csv),
            ("print", self.print),
        ]
    }
}
