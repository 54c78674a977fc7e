//! The yearly figures as CSV: one row per year, a header row naming each column with its
//! unit. The CLI's `--format csv` and the page's export are this same table.

use adoption_model::Summary;
use adoption_model::decimal::display;
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

/// The yearly figures of a summary as CSV text (comma-separated, `.` decimals).
pub fn yearly_csv(summary: &Summary) -> String {
    let worlds = [
        ("baseline_adopters", &summary.baseline.adopters),
        ("policy_adopters", &summary.policy.adopters),
        ("additional_adopters", &summary.additional.adopters),
    ];
    let mut header = vec!["year".to_string(), "calendar_year".to_string()];
    for (world, _) in worlds {
        header.extend(STATS.iter().map(|s| format!("{world}_{s}_firms")));
    }
    // Firms in business (both worlds alike: exit and entry do not depend on the policy).
    header.push("in_business_mean_firms".to_string());
    header.push("spend_eur".to_string());
    let mut out = header.join(",");
    out.push('\n');
    for (i, year) in summary.years.iter().enumerate() {
        let mut row = vec![year.to_string(), summary.calendar_years[i].to_string()];
        for (_, stats) in worlds {
            row.extend(STATS.iter().map(|s| display(column(stats, s)[i])));
        }
        let firms = summary.firms.get(i).copied().unwrap_or(f64::NAN);
        row.push(display(firms));
        row.push(display(summary.activity.spend_eur[i]));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_year_with_units_in_the_header() {
        let summary = adoption_model::simulate(&adoption_model::Scenario {
            runs: 10,
            ..crate::preset::cantabria()
        })
        .unwrap();
        let csv = yearly_csv(&summary);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), summary.years.len() + 1);
        assert!(lines[0].starts_with("year,calendar_year,baseline_adopters_mean_firms,"));
        assert!(lines[0].ends_with(",in_business_mean_firms,spend_eur"));
        let width = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == width));
        assert!(lines[1].starts_with("0,2025,"));
        let firms_column = lines[0]
            .split(',')
            .position(|h| h == "in_business_mean_firms");
        let year0: f64 = lines[1]
            .split(',')
            .nth(firms_column.unwrap())
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(year0, summary.firms[0]);
    }
}
