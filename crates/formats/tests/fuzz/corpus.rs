//! The seed corpus every input is mutated from: what the program itself writes (every
//! preset as a file, a link and a population table), the stored version-1 files, links
//! and frozen bases, and a few hand-written files of the shapes people make (the only
//! seeds of the observed series, which the program reads but never writes).

use std::path::{Path, PathBuf};

use adoption_formats::scenario::{to_json, to_json_pretty};
use adoption_formats::{link, population, preset};
use adoption_model::Param;
use serde_json::Value;

/// The seeds of each reader.
pub struct Corpus {
    /// Scenario files, format versions 1 and 2.
    pub scenario: Vec<String>,
    /// Link query strings, versions 1 and 2 (some as full addresses).
    pub link: Vec<String>,
    /// Population CSV files (commas, semicolons with decimal commas, tabs).
    pub population: Vec<String>,
    /// Observed series of adoption shares (CSV, as `series::parse_series` reads them).
    pub series: Vec<String>,
    /// Texts with hand-in links (alone, in an e-mail, in CSV, bare tokens).
    pub handin: Vec<String>,
}

/// The crate's own directory (fixtures and frozen bases live below it).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.json` file in a directory, sorted by name so the corpus (and so every input
/// of a run) is the same on every machine.
fn json_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

impl Corpus {
    /// Builds the corpus (deterministic: same seeds in the same order every time).
    pub fn new() -> Corpus {
        Corpus {
            scenario: scenarios(),
            link: links(),
            population: populations(),
            series: series(),
            handin: crate::handin::seeds(),
        }
    }
}

fn scenarios() -> Vec<String> {
    let mut seeds: Vec<String> = Vec::new();
    for p in preset::PRESETS {
        let s = (p.build)();
        seeds.push(to_json(&s));
        seeds.push(to_json_pretty(&s));
    }
    let dir = crate_dir();
    for sub in ["bases/v1", "bases/v2", "tests/fixtures/v1"] {
        // The stored link lists and segment bases are not scenarios; they still make
        // good material for splicing, so they stay in.
        seeds.extend(json_files(&dir.join(sub)));
    }
    seeds.push(r#"{"version": 2}"#.into());
    seeds.push(r#"{"version": 1}"#.into());
    seeds.push(r#"{"version": 2, "runs": 10, "years": 3, "headline_year": 2027}"#.into());
    seeds
}

fn links() -> Vec<String> {
    let mut seeds: Vec<String> = Vec::new();
    for p in preset::PRESETS {
        let mut s = (p.build)();
        seeds.push(link::write(&s));
        // A few edits, so seeds carry `budget`, `mix`, `years`, `prog` and a patch `x`.
        s.budget_eur *= 1.5;
        s.years = s.years.saturating_sub(1).max(2);
        s.programme_years = s.programme_years.min(s.years);
        s.vouchers.value_eur += 500.0;
        s.segment_spread = 0.25;
        if let Some(seg) = s.segments.first_mut() {
            seg.q = Param::Exact(0.2);
            seg.name.push_str(" & co");
        }
        s.normalize();
        seeds.push(link::write(&s));
        seeds.push(format!(
            "https://example.org/sim/?{}&lang=es#top",
            link::write(&s)
        ));
    }
    for file in json_files(&crate_dir().join("tests/fixtures/v1"))
        .into_iter()
        .chain(json_files(&crate_dir().join("tests/fixtures")))
    {
        let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&file) else {
            continue;
        };
        seeds.extend(
            items
                .iter()
                .filter_map(|item| item.get("link")?.as_str().map(str::to_string)),
        );
    }
    seeds.push("preset=murcia".into());
    seeds.push(String::new());
    seeds
}

fn populations() -> Vec<String> {
    let mut seeds: Vec<String> = Vec::new();
    for p in preset::PRESETS {
        let table = population::template(&(p.build)().segments);
        // Spanish Excel: semicolons between cells, commas in decimals, CRLF.
        let spanish = table
            .replace(',', ";")
            .replace("..", "\u{1}")
            .replace('.', ",")
            .replace('\u{1}', "..")
            .replace('\n', "\r\n");
        let tabs = table.replace(',', "\t");
        seeds.extend([table, spanish, tabs]);
    }
    seeds.push("segment,firms,adopters\nMicro,14000,2800\n".into());
    seeds.push("\u{feff}Segment;Firms;Adopters;q\r\n\"Micro; rural\";8000;1600;0,12\r\n".into());
    seeds.push(
        "segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate\n\
         Micro,14000,2800,0.005..0.01..0.02,0.05..0.12..0.20,0.2..0.3..0.4,0.08,0.09\n\
         Small,2400,640,0.01,0.12,0.3,0.05,0.047\n"
            .into(),
    );
    seeds
}

fn series() -> Vec<String> {
    [
        // The reader's own example: a header, a gap, a missing sample size.
        "year,share,sample_size\n2014,0.19,1200\n2016,0.21\n2018,0.26,1300\n",
        "2014,0.19\n2016,0.21\n2018,0.26\n",
        // Spanish Excel: semicolons, decimal commas, CRLF, a byte-order mark.
        "\u{feff}year;share;sample_size\r\n2015;0,12;900\r\n2017;0,18;950\r\n2019;0,25;1000\r\n2021;0,31;1000\r\n",
        "year\tshare\n2010\t0.05\n2012\t0.08\n2014\t0.13\n2016\t0.2\n",
        "Year,Share\n2018,12%\n2019,15%\n2020,19%\n",
        "year,share,sample_size\n2014,0.19,1200\n2012,0.21,1100\n2018,0.26,1300\n",
    ]
    .map(String::from)
    .to_vec()
}
