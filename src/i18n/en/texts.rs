//! English.

use super::LOCALE;
use crate::i18n::{Key, Texts};

/// The English texts.
pub static TEXTS: Texts = Texts {
    language_name: "English",
    messages: Key::english,
    file_too_large: "larger than 1 MB, more than any scenario or population file needs",
    file_not_text: "not a text file",
    language: "Language",
    title: "SME digitalisation policy simulator",
    tagline: "Set a budget and split it across vouchers, training and pilot projects: see how many more small firms go digital, and how sure we can be.",
    preset: "Preset scenario",
    your_plan: "Your plan",
    budget: "Budget",
    budget_hint: "Total public money for the whole programme, in euros",
    programme_years: "Programme years",
    programme_years_hint: "Years over which the budget is spent, from next year",
    horizon: "Years to project",
    horizon_hint: "How far ahead the results look",
    mix_heading: "How the budget is split",
    mix_hint: "Moving one share rebalances the others; hold a share to keep it fixed.",
    instruments: ["Vouchers", "Training", "Pilots"],
    instrument_help: [
        "Grants towards adopting the technology",
        "Short courses that make less innovation-aware firms aware",
        "Demonstration projects: a host firm adopts and its peers see it work",
    ],
    hold: "Hold",
    hold_share: |name| format!("Hold the {name} share"),
    buys: |v, t, p| {
        format!(
            "= {} · {} · {}",
            LOCALE.count_noun(v, "voucher", "vouchers"),
            LOCALE.count_noun(t, "training action", "training actions"),
            LOCALE.count_noun(p, "pilot", "pilots")
        )
    },
    unspent: |amount| format!("{amount} is left over (less than one more unit)"),
    assumptions: "Assumptions",
    assumptions_intro: "The model's main assumptions. Uncertain ones vary from run to run within their range; you set the most likely value.",
    estimate: "est.",
    range: |low, high| format!("plausible range {low} to {high}"),
    source: "Source",
    assumption_labels: [
        "Voucher value (EUR)",
        "Admin cost per voucher (EUR)",
        "Share of vouchers used",
        "Chance a used voucher leads to adoption",
        "Cost of a training action (EUR)",
        "New firms per training action",
        "Extra yearly adoption chance after training",
        "Years the training effect lasts",
        "Public cost of a pilot (EUR)",
        "Chance a pilot host adopts",
        "Adopters one successful pilot is worth to peers",
    ],
    assumption_sources: [
        "Portugal's Vale Indústria 4.0 up to 7,500; Dutch 7,500; Irish 5,000; Kit Digital about 4,000",
        "our estimate",
        "Dutch voucher lottery: 1 in 10 unused (CPB 2006); Kit Digital: over 25% of budget returned",
        "Dutch voucher lottery: 8 in 9 used vouchers were additional (Cornet, Vroomen & van der Steeg, CPB 2006)",
        "EDIH basic training: up to 5,000 per SME",
        "LIA upgrade plan: 20 actions for 100 firms; Kickstart Digitalization: about 10 firms",
        "Evolve Digital trial (UK); Hardy & McCasland 2021: training raises awareness more than adoption",
        "our estimate",
        "EDIH test-before-invest: 15,000 to 30,000 per SME",
        "our estimate",
        "network effects: Vu, Rohman & Bohlin 2024; Shi et al. 2020",
    ],
    results_heading: |year| format!("What the plan achieves by {year}"),
    additional_adopters: "More firms adopting because of the plan",
    additional_explainer: |tech| {
        format!("Extra firms using {tech}, compared with no plan (average over simulated futures)")
    },
    interval: |low, high| format!("In 9 out of 10 simulated futures: {low} to {high}"),
    cost_per_adopter: "Cost per extra adopting firm",
    cost_undefined: "Not defined: the plan adds no adopters",
    share_digitalised: "Share of firms adopting",
    with_without: |with, without| format!("{with} with the plan, {without} without"),
    firms_reached: "Firms reached",
    reached_detail: |awarded, used, trained, actions, pilots| {
        format!(
            "{awarded} vouchers awarded ({used} used) · {trained} firms trained in {actions} actions · {pilots} pilots"
        )
    },
    deadweight: "Deadweight",
    deadweight_detail: "of supported firms that adopted would have adopted that year anyway",
    spend: |spent, budget| format!("{spent} spent of {budget} (unused vouchers are not paid)"),
    targets: "Targets",
    target_chance: |label, chance| format!("{label}: {chance} chance"),
    target_baseline: |chance| format!("without the plan: {chance}"),
    chart_title: |tech| format!("Firms using {tech}"),
    chart_title_additional: "Extra firms adopting because of the plan",
    view_adopters: "All adopters",
    view_additional: "Extra adopters",
    view: "Chart shows",
    legend_policy: "With the plan (median)",
    legend_band50: "Half of simulated futures",
    legend_band90: "9 in 10 simulated futures",
    legend_baseline: "Without the plan (median)",
    legend_additional: "Extra adopters (median)",
    legend_programme: "Programme years",
    axis_firms: "firms",
    point_label: |year, with, without, extra| {
        format!("{year}: {with} with the plan, {without} without, {extra} extra")
    },
    show_table: "Show the numbers as a table",
    table_caption: |tech| format!("Firms using {tech}, by year"),
    table_year: "Year",
    table_without: "Without the plan (median)",
    table_with: "With the plan (median)",
    table_additional: "Extra adopters (mean)",
    table_interval: "Extra: 9 in 10 futures",
    computing: "Computing…",
    compare_failed: "Could not be computed",
    computing_partial: |done, total| format!("Computing… {done} of {total} simulated futures"),
    based_on: |runs| format!("Based on {runs} simulated futures"),
    failed: |why| format!("This scenario cannot be simulated: {why}"),
    failure_no_worker: "the simulator could not start in this browser",
    failure_unreachable: "the simulator could not be reached",
    entry_not_saved: "not a saved scenario",
    not_a_number: "Please enter a number.",
    clamped: |value| format!("Out of range: set to {value}."),
    exact_value: |label| format!("{label}, exact value"),
    whole_number: "Please enter a whole number.",
    privacy: "Runs entirely in your browser: nothing you enter leaves this page.",
    how_it_works: "How the model works",
    estimates_note: "est. = estimate",
    dismiss: "Dismiss",
    details: "Details",
    notice_link: "Some parts of this link could not be used, so those settings show their usual values:",
    notice_store_unreadable: |backup| {
        format!(
            "Your saved scenarios could not be read. They were kept, unchanged, in this browser under \"{backup}\"; new scenarios are saved separately."
        )
    },
    notice_store_newer: "Your saved scenarios were saved by a newer version of the simulator: they are shown as they are, and nothing will be written over them.",
    notice_store_some: |n| {
        if (LOCALE.one)(n as u64) {
            "One saved scenario cannot be read by this version; it is kept unchanged.".to_string()
        } else {
            format!("{n} saved scenarios cannot be read by this version; they are kept unchanged.")
        }
    },
    notice_store_write: "This browser did not let the page save (storage may be full or blocked). Your scenarios on screen are not lost, but they were not saved.",
    notice_store_unavailable: "This browser does not let the page save scenarios (storage is blocked).",
    notice_scenario_file: "This file is not a scenario the simulator can read. Nothing was changed.",
    notice_population_file: "This population file could not be used. Nothing was changed.",
    notice_imported: |name| format!("Loaded \"{name}\"."),
    saved_heading: "Saved scenarios",
    save_name: "Name for this scenario",
    save: "Save",
    default_name: |n| format!("Scenario {n}"),
    no_saved: "No saved scenarios yet. Save this one to compare it with others later.",
    restore: |name| format!("Open \"{name}\""),
    rename: |name| format!("Rename \"{name}\""),
    delete: |name| format!("Delete \"{name}\""),
    compare_this: |name| format!("Compare \"{name}\""),
    saved_unreadable: "cannot be read by this version",
    compare_heading: "Compare scenarios",
    compare_hint: "Tick saved scenarios to compare them with the current one.",
    current: "Current",
    compare_columns: [
        "Scenario",
        "Budget",
        "Mix (vouchers / training / pilots)",
        "Extra adopters (9 in 10 futures)",
        "Cost per extra adopter",
        "Chance of targets",
    ],
    compare_chart: "Extra adopters by year (median of simulated futures)",
    add_target: "Add a target",
    eu_goal: "Add the EU's goal: 90% of firms by 2030",
    target_kinds: [
        "Extra firms adopting",
        "Firms adopting",
        "Share of firms adopting",
    ],
    target_fields: ["Target", "Year", "At least"],
    remove_target: |n| format!("Remove target {n}"),
    export_heading: "Export",
    export_buttons: [
        "Yearly figures (CSV)",
        "Chart (PNG)",
        "Chart (SVG)",
        "Scenario (JSON)",
        "Printable brief",
    ],
    import_heading: "Import",
    import_scenario: "Open a scenario file (JSON)",
    import_population: "Use your region's firms (CSV)",
    csv_template: "Download the CSV template",
    drop_hint: "You can also drop a scenario (.json) or population (.csv) file anywhere on this page.",
    share_heading: "Share",
    share_link: "Link to this scenario",
    copy: "Copy",
    copied: "Copied",
    embed: "Embed",
    embed_heading: "Embed this simulator in a web page",
    embed_read_only: "Results only (no controls)",
    embed_code: "Code to paste into your page",
    close: "Close",
    embed_title: "SME digitalisation policy simulator",
    open_full: "Open the full simulator",
    summary: |f| {
        let mut text = if f.adds_any {
            format!(
                "With the plan, about {} more firms use {} by {} than without it (in 9 out of 10 simulated futures, between {} and {}). That is {} of the region's {} firms, against {} without the plan.",
                f.extra,
                f.technology,
                f.year,
                f.low,
                f.high,
                f.share_with,
                f.firms,
                f.share_without
            )
        } else {
            format!(
                "On average the plan adds no firms using {} by {}: {} of the region's {} firms adopt with it and {} without.",
                f.technology, f.year, f.share_with, f.firms, f.share_without
            )
        };
        text.push_str(&format!(
            " It spends {} of its {} budget",
            f.spent, f.budget
        ));
        match f.cost {
            Some(c) => text.push_str(&format!(", about {c} for each extra adopting firm.")),
            None => text.push('.'),
        }
        if let Some(d) = f.deadweight {
            text.push_str(&format!(
                " {d} of the supported firms that adopted would have done so anyway."
            ));
        }
        for (label, chance) in &f.targets {
            text.push_str(&format!(" The chance of reaching \"{label}\" is {chance}."));
        }
        text
    },
    brief_scenario: "Scenario",
    brief_plan: |budget, mix, years| {
        format!("{budget} over {years}; split {mix} (vouchers / training / pilots)")
    },
    brief_link: "Link",
    brief_made: |version, date| format!("Made with the adoption model {version} on {date}."),
    data: &[],
};
