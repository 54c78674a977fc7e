//! "What came in" (counts, and every line not counted with why), "What people want" (the
//! plans on the triangle of mixes with a table alternative, the spread per instrument, the
//! two aggregates, groups side by side) and "Every submission" (table, CSV, print).

use std::collections::HashMap;
use std::rc::Rc;

use adoption_decide::consult::{Aggregate, Spread, Summary};
use adoption_formats::handin;
use adoption_model::Scenario;
use adoption_model::scenario::Mix;
use yew::prelude::*;

use super::achieve::OwnOutcome;
use super::gather::{self, Gathered};
use crate::decide::ternary;
use crate::format;
use crate::hooks::use_open;
use crate::i18n::{Lang, fill, say_panel};
use crate::narrative::target_label;

/// Steps a side of the density grid: 5% cells.
pub const PARTS: u32 = 20;

/// A mix in words with one decimal (aggregates are not whole percents).
pub fn mix_text(m: &Mix, lang: Lang) -> String {
    let pc = |x: f64| format::percent(x, 1, lang);
    fill(
        lang.decide().mix,
        &[&pc(m.vouchers), &pc(m.training), &pc(m.pilots)],
    )
}

/// A mix's exact shares for `data-mix` (tests compare them with the CLI's).
fn mix_data(m: &Mix) -> String {
    format!("{},{},{}", m.vouchers, m.training, m.pilots)
}

/// Where a line of the whole set is, in words ("Pasted text 1, line 4").
fn place(g: &Gathered, names: &[String], line: usize, lang: Lang) -> String {
    let (i, own) = g.joined.locate(line);
    fill(
        lang.facilitate().where_line,
        &[
            names.get(i).map_or("", String::as_str),
            &format::count(own as f64, lang),
        ],
    )
}

/// The view's properties.
#[derive(Properties, PartialEq)]
pub struct WantProps {
    /// What the set holds.
    pub gathered: Rc<Gathered>,
    /// Each gathered text's name.
    pub names: Rc<Vec<String>>,
    /// The official plan (its mix is marked on the plot).
    pub official: Rc<Scenario>,
    /// The view's language.
    pub lang: Lang,
}

/// "What came in" and "What people want".
#[component]
pub fn Want(props: &WantProps) -> Html {
    let (g, lang) = (&*props.gathered, props.lang);
    let f = lang.facilitate();
    let s = &g.summary;
    let t = &g.tally;
    let counts = [
        ("valid", f.count_valid, s.valid),
        ("duplicates", f.count_duplicates, s.duplicates.len()),
        ("malformed", f.count_malformed, t.malformed.len()),
        (
            "other-consultation",
            f.count_other_consultation,
            t.other_consultation.len(),
        ),
        (
            "other-version",
            f.count_other_version,
            t.other_version.len(),
        ),
    ];
    let refused = not_counted(g, &props.names, lang);
    html! {
        <>
        <section class="fac-counts" aria-labelledby="fac-counts-heading">
            <h2 id="fac-counts-heading">{ f.counts_heading }</h2>
            if let Some(code) = &t.consult {
                <p class="fac-consult" data-consult={code.clone()}>{ fill(f.consult_counted, &[code]) }</p>
            }
            <ul class="fac-count-list">
                { for counts.iter().map(|(key, template, n)| html! {
                    <li data-count={*key} data-value={n.to_string()}>{ lang.counts(template, &[*n as u64]) }</li>
                }) }
            </ul>
            if !refused.is_empty() {
                <details class="fac-refused no-print" open={refused.len() <= 100}>
                    <summary>{ format!("{} ({})", f.not_counted_heading, format::count(refused.len() as f64, lang)) }</summary>
                    <table>
                        <thead><tr><th scope="col">{ f.col_where }</th><th scope="col">{ f.col_why }</th></tr></thead>
                        <tbody>
                            { for refused.into_iter().map(|(line, at, why)| html! {
                                <tr data-line={line.to_string()}><td>{ at }</td><td>{ why }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
        </section>
        <section class="fac-want" aria-labelledby="fac-want-heading">
            <h2 id="fac-want-heading">{ f.want_heading }</h2>
            if s.valid == 0 {
                <p>{ f.no_plans }</p>
            } else {
                { plot(g, &props.official.mix, lang) }
                <h3>{ f.aggregates_heading }</h3>
                <ul class="fac-aggregates">
                    <li data-aggregate="mean" data-mix={mix_data(&s.total.mean_mix)}>{ fill(f.mean_mix, &[&mix_text(&s.total.mean_mix, lang)]) }</li>
                    <li data-aggregate="median" data-mix={mix_data(&s.total.median_mix)}>{ fill(f.median_mix, &[&mix_text(&s.total.median_mix, lang)]) }</li>
                </ul>
                <p class="fac-note">{ f.median_note }</p>
                { spreads(&s.total, lang) }
                { groups(s, lang) }
            }
        </section>
        </>
    }
}

/// Every line not counted: (line of the whole, where in words, why), in line order.
fn not_counted(g: &Gathered, names: &[String], lang: Lang) -> Vec<(usize, String, String)> {
    let f = lang.facilitate();
    let at = |line| place(g, names, line, lang);
    let wanted = g.tally.consult.clone().unwrap_or_default();
    let mut rows: Vec<(usize, String, String)> = Vec::new();
    for r in g.tally.malformed.iter().chain(&g.tally.other_version) {
        rows.push((r.line, at(r.line), say_panel(&r.reason, lang)));
    }
    for o in &g.tally.other_consultation {
        let m = handin::other_consultation(&o.consult, &wanted);
        rows.push((o.line, at(o.line), say_panel(&m, lang)));
    }
    for d in &g.summary.duplicates {
        let (i, own) = g.joined.locate(d.first_line);
        let template = if d.same_plan {
            f.dup_same
        } else {
            f.dup_changed
        };
        let why = fill(
            template,
            &[
                names.get(i).map_or("", String::as_str),
                &format::count(own as f64, lang),
            ],
        );
        rows.push((d.line, at(d.line), why));
    }
    rows.sort_by_key(|r| r.0);
    rows
}

/// The plans on the triangle: 5% cells shaded by how many plans they hold, the mean, the
/// median and the official plan marked; and the same as a table.
fn plot(g: &Gathered, official: &Mix, lang: Lang) -> Html {
    let f = lang.facilitate();
    let t = lang.texts();
    let cells = gather::density(g, PARTS);
    let most = cells.first().map_or(1, |c| c.1).max(1) as f64;
    let corners = ternary::corners();
    let outline = corners
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let step_mix = |(v, tr): (u32, u32)| {
        let p = f64::from(PARTS);
        Mix {
            vouchers: f64::from(v) / p,
            training: f64::from(tr) / p,
            pilots: f64::from(PARTS - v - tr) / p,
        }
    };
    let mark = |m: &Mix, class: &'static str| {
        let (x, y) = ternary::point(m);
        html! { <circle class={classes!("fac-mark", class)} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="7" /> }
    };
    let label = fill(
        f.plot_label,
        &[&format::count(g.summary.valid as f64, lang)],
    );
    let s = &g.summary.total;
    html! {
        <figure class="fac-plot">
            <svg viewBox={format!("0 0 {} {}", ternary::WIDTH, ternary::HEIGHT)} role="img" aria-labelledby="fac-plot-title">
                <title id="fac-plot-title">{ label.clone() }</title>
                <polygon class="fac-triangle" points={outline} />
                { for cells.iter().map(|&(steps, n)| {
                    let centre = ternary::point(&step_mix(steps));
                    html! {
                        <polygon class="fac-cell" points={ternary::hexagon(centre, PARTS)}
                            fill-opacity={format!("{:.2}", 0.15 + 0.85 * n as f64 / most)} data-plans={n.to_string()} />
                    }
                }) }
                { mark(official, "official") }
                { mark(&s.mean_mix, "mean") }
                { mark(&s.median_mix, "median") }
                <text class="fac-corner" x={format!("{:.1}", corners[0].0)} y={format!("{:.1}", corners[0].1 - 10.0)} text-anchor="middle">{ t.instruments[0] }</text>
                <text class="fac-corner" x={format!("{:.1}", corners[1].0)} y={format!("{:.1}", corners[1].1 + 22.0)} text-anchor="start">{ t.instruments[1] }</text>
                <text class="fac-corner" x={format!("{:.1}", corners[2].0)} y={format!("{:.1}", corners[2].1 + 22.0)} text-anchor="end">{ t.instruments[2] }</text>
            </svg>
            <figcaption>
                <ul class="fac-legend">
                    <li><span class="fac-key mean" aria-hidden="true"></span>{ format!("{}: {}", f.legend_mean, mix_text(&s.mean_mix, lang)) }</li>
                    <li><span class="fac-key median" aria-hidden="true"></span>{ format!("{}: {}", f.legend_median, mix_text(&s.median_mix, lang)) }</li>
                    <li><span class="fac-key official" aria-hidden="true"></span>{ format!("{}: {}", f.legend_official, mix_text(official, lang)) }</li>
                </ul>
            </figcaption>
            <details class="fac-cells no-print">
                <summary>{ f.cells_table }</summary>
                <table>
                    <thead><tr><th scope="col">{ f.col_mix }</th><th scope="col">{ f.col_plans }</th></tr></thead>
                    <tbody>
                        { for cells.iter().map(|&(steps, n)| html! {
                            <tr><td>{ mix_text(&step_mix(steps), lang) }</td><td>{ format::count(n as f64, lang) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// Min, quartiles, median and max of each instrument's share and of the budget.
fn spreads(a: &Aggregate, lang: Lang) -> Html {
    let f = lang.facilitate();
    let t = lang.texts();
    let pc = |x: f64| format::percent(x, 1, lang);
    let eur = |x: f64| format::eur(x, lang);
    let row = |name: &str, key: &str, s: &Spread, w: &dyn Fn(f64) -> String| {
        html! {
            <tr data-spread={key.to_string()}>
                <th scope="row">{ name.to_string() }</th>
                { for [s.min, s.q1, s.median, s.q3, s.max].into_iter().map(|x| html! { <td>{ w(x) }</td> }) }
            </tr>
        }
    };
    html! {
        <>
        <h3>{ f.spreads_heading }</h3>
        <div class="fac-scroll">
        <table class="fac-spreads">
            <thead><tr>
                <th scope="col">{ f.col_figure }</th>
                <th scope="col">{ f.col_min }</th><th scope="col">{ f.col_q1 }</th>
                <th scope="col">{ f.col_median }</th><th scope="col">{ f.col_q3 }</th>
                <th scope="col">{ f.col_max }</th>
            </tr></thead>
            <tbody>
                { row(t.instruments[0], "vouchers", &a.shares.vouchers, &pc) }
                { row(t.instruments[1], "training", &a.shares.training, &pc) }
                { row(t.instruments[2], "pilots", &a.shares.pilots, &pc) }
                { row(f.row_budget, "budget", &a.budget, &eur) }
            </tbody>
        </table>
        </div>
        </>
    }
}

/// Everyone, each group shown apart (`consult::MIN_GROUP`), and the pooled small groups.
fn groups(s: &Summary, lang: Lang) -> Html {
    let f = lang.facilitate();
    let row = |name: &str, key: &str, a: &Aggregate| {
        html! {
            <tr data-group={key.to_string()}>
                <th scope="row">{ name.to_string() }</th>
                <td>{ format::count(a.people as f64, lang) }</td>
                <td>{ mix_text(&a.mean_mix, lang) }</td>
                <td>{ mix_text(&a.median_mix, lang) }</td>
                <td>{ format::eur(a.budget.median, lang) }</td>
            </tr>
        }
    };
    html! {
        <>
        <h3>{ f.groups_heading }</h3>
        <div class="fac-scroll">
        <table class="fac-groups">
            <thead><tr>
                <th scope="col">{ f.col_group }</th><th scope="col">{ f.col_people }</th>
                <th scope="col">{ f.col_mean_mix }</th><th scope="col">{ f.col_median_mix }</th>
                <th scope="col">{ f.col_budget_median }</th>
            </tr></thead>
            <tbody>
                { row(f.everyone, "", &s.total) }
                { for s.groups.iter().map(|g| row(&g.name, &g.name, &g.aggregate)) }
                if let Some(o) = &s.other_groups { { row(f.other_groups, "*other", o) } }
            </tbody>
        </table>
        </div>
        if s.in_total_only > 0 {
            <p class="fac-note">{ lang.counts(f.small_groups, &[s.in_total_only as u64]) }</p>
        }
        if s.without_group > 0 {
            <p class="fac-note">{ lang.counts(f.without_group, &[s.without_group as u64]) }</p>
        }
        </>
    }
}

/// The submissions table's properties.
#[derive(Properties, PartialEq)]
pub struct SubmissionsProps {
    /// What the set holds.
    pub gathered: Rc<Gathered>,
    /// Each gathered text's name.
    pub names: Rc<Vec<String>>,
    /// The official scenario (its targets head the chance columns).
    pub official: Rc<Scenario>,
    /// Each plan's own outcome computed so far, by nonce.
    pub own: Rc<HashMap<u64, OwnOutcome>>,
    /// The view's language.
    pub lang: Lang,
}

/// "Every submission": the counted plans (drawn only when opened), the CSV and print.
#[component]
pub fn Submissions(props: &SubmissionsProps) -> Html {
    let (g, lang) = (&*props.gathered, props.lang);
    let f = lang.facilitate();
    let (open, on_toggle) = use_open();
    let on_csv = {
        let (g, names, own) = (
            props.gathered.clone(),
            props.names.clone(),
            props.own.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            crate::export::download_text(
                "consultation-submissions.csv",
                "text/csv",
                &super::csv_of(&g, &names, &own, lang),
            )
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let dups: std::collections::HashSet<usize> =
        g.summary.duplicates.iter().map(|d| d.line).collect();
    html! {
        <section class="fac-exports" aria-labelledby="fac-exports-heading">
            <h2 id="fac-exports-heading">{ f.exports_heading }</h2>
            <div class="fac-row no-print">
                <button type="button" onclick={on_csv}>{ f.export_csv }</button>
                <button type="button" onclick={on_print}>{ f.print }</button>
            </div>
            if g.summary.valid > 0 {
                <details class="fac-submissions no-print" ontoggle={on_toggle}>
                    <summary>{ format!("{} ({})", f.submissions_heading, format::count(g.summary.valid as f64, lang)) }</summary>
                    if open {
                        <div class="fac-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col">{ f.col_where }</th><th scope="col">{ f.col_group }</th>
                                <th scope="col">{ f.col_mix }</th><th scope="col">{ f.col_budget }</th>
                                <th scope="col">{ f.col_years }</th>
                                <th scope="col">{ fill(f.col_outcome, &[&format::count(f64::from(super::achieve::OWN_RUNS), lang)]) }</th>
                                { for props.official.targets.iter().map(|t| html! {
                                    <th scope="col">{ fill(f.col_chance, &[&target_label(t.kind, t.value, t.year, &t.label, lang)]) }</th>
                                }) }
                            </tr></thead>
                            <tbody>
                                { for g.tally.plans.iter().filter(|(line, _)| !dups.contains(line)).map(|(line, s)| {
                                    let own = props.own.get(&s.nonce);
                                    let first = s.start_year + 1;
                                    let last = s.start_year + s.programme_years as i32;
                                    html! {
                                        <tr>
                                            <td>{ place(g, &props.names, *line, lang) }</td>
                                            <td>{ s.group.clone().unwrap_or_default() }</td>
                                            <td>{ crate::decide::panel::mix_words(&mix_of(s.percents), lang) }</td>
                                            <td>{ format::eur(s.budget_eur as f64, lang) }</td>
                                            <td>{ fill(f.years_span, &[&first.to_string(), &last.to_string()]) }</td>
                                            <td>{ own.map(|o| format::number(o.additional, 1, lang)).unwrap_or_default() }</td>
                                            { for (0..props.official.targets.len()).map(|k| html! {
                                                <td>{ own.and_then(|o| o.chances.get(k)).map(|&c| format::percent(c, 0, lang)).unwrap_or_default() }</td>
                                            }) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        </div>
                    }
                </details>
            }
        </section>
    }
}

/// A hand-in's whole percents as a mix.
pub fn mix_of(p: [u8; 3]) -> Mix {
    Mix {
        vouchers: f64::from(p[0]) / 100.0,
        training: f64::from(p[1]) / 100.0,
        pilots: f64::from(p[2]) / 100.0,
    }
}
