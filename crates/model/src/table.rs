//! CSV of the yearly figures: one row per year, a header row with units.

use adoption_model::Summary;
use adoption_model::summary::Stats;

const STATS: [&str; 7] = ["mean", "sd", "p5", "p25", "p50", "p75", "p95"];

fn column<'a>(stats: &'a Stats, name: &str) -> &'a [f64] {
    match name {
        "mean" => &stats.mean,
        "sd" => &stats.sd,
        "p5" => &stats.p5,
        "p25" => &stats.p25,
        "p50" => &stats.p50,
        "p75" => &stats.p75,
        _ => &stats.p95,
    }
}

/// The yearly figures of a summary as CSV text.
pub fn yearly(summary: &Summary) -> String {
    let worlds = [
        ("baseline_adopters", &summary.baseline.adopters),
        ("policy_adopters", &summary.policy.adopters),
        ("additional_adopters", &summary.additional.adopters),
    ];
    let mut header = vec!["year".to_string(), "calendar_year".to_string()];
    for (world, _) in worlds {
        header.extend(STATS.iter().map(|s| format!("{world}_{s}_firms")));
    }
    header.push("spend_eur".to_string());
    let mut out = header.join(",");
    out.push('\n');
    for (i, year) in summary.years.iter().enumerate() {
        let mut row = vec![year.to_string(), summary.calendar_years[i].to_string()];
        for (_, stats) in worlds {
            row.extend(STATS.iter().map(|s| column(stats, s)[i].to_string()));
        }
        row.push(summary.activity.spend_eur[i].to_string());
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
