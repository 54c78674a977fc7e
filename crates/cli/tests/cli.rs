//! Integration tests of the `adoption` command-line tool, run as a separate process.
//!
//! Every test starts the real binary (`CARGO_BIN_EXE_adoption`) and looks only at its exit
//! status, standard output and standard error. Bad input must give exit status 2 and exactly
//! one line on standard error starting `adoption: `, never a panic (exit 101).
//!
//! # Contents
//!
//! | Area | What is checked | Tests |
//! |---|---|---|
//! | Presets | the list names every preset | `preset_list_names_every_preset_with_a_summary` |
//! | | each preset prints JSON that `check -` and `run --scenario -` accept | `every_preset_prints_json_that_check_and_run_accept` |
//! | | a preset read back from stdin runs exactly like `--preset` | `preset_json_runs_exactly_like_the_preset` |
//! | Run, JSON | keys, one entry per year in every array | `run_json_has_every_key_and_one_entry_per_year` |
//! | | year 0 is the observed start (sd 0, additional 0) | `run_json_year_zero_is_the_observed_start` |
//! | | p5 <= p25 <= p50 <= p75 <= p95 everywhere | `run_json_quantiles_are_ordered` |
//! | | policy mean >= baseline mean | `run_json_policy_mean_is_never_below_baseline` |
//! | Determinism | same seed, same bytes | `same_seed_gives_identical_output` |
//! | | another seed, other numbers | `different_seed_gives_different_numbers` |
//! | | `--runs` and `--seed` override the file | `runs_and_seed_options_override_the_file` |
//! | Budget 0 | policy equals baseline exactly | `zero_budget_policy_equals_baseline_exactly` |
//! | CSV | header with units, one row per year, numbers | `csv_has_a_header_and_one_numeric_row_per_year` |
//! | | CSV means equal JSON means | `csv_means_equal_json_means` |
//! | Input | `--scenario -` reads stdin | `scenario_from_stdin_runs_like_the_same_file` |
//! | | omitted fields take their defaults | `omitted_fields_take_their_defaults` |
//! | | `help` and `--version` | `help_and_version_succeed` |
//! | Bad files | missing, directory, empty, > 1 MiB, not UTF-8 | `missing_file_is_refused`, `directory_is_refused`, `empty_file_is_refused`, `file_over_one_mib_is_refused`, `non_utf8_file_is_refused` |
//! | Bad JSON | not JSON, truncated, array, deep nesting | `text_that_is_not_json_is_refused`, `truncated_json_is_refused`, `json_array_is_refused`, `json_that_is_not_an_object_is_refused`, `deeply_nested_json_is_refused_without_crashing` |
//! | Bad fields | wrong type, unknown field, version | `wrong_type_is_refused_naming_the_field`, `unknown_field_is_refused_naming_it`, `versions_other_than_1_and_2_are_refused`, `missing_version_is_refused` |
//! | | the fields new in format 2: out of range (files and links), wrong type | `new_fields_out_of_range_are_refused_naming_field_and_range`, `new_fields_out_of_range_in_links_are_refused_naming_them`, `new_fields_of_the_wrong_type_are_refused_naming_the_field` |
//! | Bad values | years, runs, budget, 1e999, mix, segments, ranges, targets | `years_outside_1_to_50_are_refused`, `runs_outside_1_to_100000_are_refused`, `negative_budget_is_refused`, `numbers_too_large_for_f64_are_refused`, `mix_not_summing_to_one_is_refused`, `share_above_one_is_refused`, `more_adopters_than_firms_is_refused`, `empty_segments_are_refused`, `more_than_20_segments_are_refused`, `zero_firms_is_refused`, `range_with_low_above_high_is_refused`, `target_year_outside_the_horizon_is_refused` |
//! | Bad arguments | `--runs`, `--format`, commands, options, presets | `non_numeric_runs_option_is_refused`, `negative_runs_option_is_refused`, `unknown_format_is_refused`, `unknown_command_is_refused`, `unknown_option_is_refused`, `missing_arguments_are_refused`, `unknown_preset_is_refused` |
//! | Size | a large valid run finishes | `large_valid_run_finishes` |
//! | Links | `link` and `run --url` agree with the scenario file; damaged links are refused part by part | `a_link_runs_like_its_scenario`, `a_hand_typed_link_needs_no_version`, `a_preset_link_is_short`, `damaged_links_are_refused_naming_each_bad_part` |
//! | Model 1's work | stored v1 files and links run and check, with one note on stderr | `v1_files_run_and_check_with_a_one_line_note`, `v1_links_run_with_a_one_line_note` |
//! | Decision support | the same numbers on 1 and 3 threads; the issue's fields; bad input (probability, target index, step, infeasible target, bad series) refused in one line | `decision_commands_give_the_same_numbers_on_any_number_of_threads`, `decision_commands_print_the_issues_fields`, `decision_commands_refuse_bad_input_in_one_line` |
//! | Consultation | `handin` links read back by `consult` with the scenario's mix and budget; the same `--nonce`, the same link; duplicates, tampered, cut and foreign links listed by line; bad input refused in one line | `handin_links_are_summed_up_by_consult`, `consult_lists_every_line_it_does_not_count`, `consultation_commands_refuse_bad_input_in_one_line` |
//! | Model 2's outputs | `summary.unspent_eur`, `summary.deadweight`, `summary.additional_adopter_years`, firms in business (JSON and CSV) | `run_prints_unspent_money_deadweight_and_adopter_years`, `csv_has_the_firms_in_business` |

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// What one invocation of the binary did.
struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `adoption ARGS` with `stdin` on standard input.
fn adoption(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_adoption"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start adoption");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.to_vec();
    // Written from a thread so that a large input cannot deadlock against a large output;
    // the child may stop reading early (input too large), so a broken pipe is fine.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for adoption");
    writer.join().expect("stdin writer");
    Output {
        // `None` means killed by a signal: report it as an impossible code.
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `adoption ARGS`, asserts success and returns standard output.
fn ok(args: &[&str], stdin: &[u8]) -> String {
    let out = adoption(args, stdin);
    assert_eq!(
        out.code, 0,
        "adoption {args:?} failed with {}: {}",
        out.code, out.stderr
    );
    assert!(out.stderr.is_empty(), "adoption {args:?}: {}", out.stderr);
    out.stdout
}

/// Runs `adoption ARGS`, asserts it is refused cleanly (exit 2, one `adoption: ` line on
/// stderr, no panic, nothing on stdout) and returns the message.
fn refused(args: &[&str], stdin: &[u8]) -> String {
    let out = adoption(args, stdin);
    let shown: String = out.stderr.chars().take(400).collect();
    assert_eq!(
        out.code, 2,
        "adoption {args:?} should exit 2, got {}; stderr: {shown}",
        out.code
    );
    assert!(
        !out.stderr.contains("panicked"),
        "{args:?} panicked: {shown}"
    );
    assert_eq!(
        out.stderr.lines().count(),
        1,
        "{args:?}: stderr must be one line: {shown}"
    );
    assert!(out.stderr.ends_with('\n'), "{args:?}: {shown}");
    assert!(
        out.stderr.starts_with("adoption: "),
        "{args:?}: message must start `adoption: `: {shown}"
    );
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed output: {}",
        out.stdout
    );
    out.stderr.trim_end().to_string()
}

/// Asserts that `message` contains every one of `words`.
fn assert_names(message: &str, words: &[&str]) {
    for word in words {
        assert!(
            message.contains(word),
            "message should mention {word:?}: {message}"
        );
    }
}

/// A file in this test binary's scratch directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    /// Writes `contents` to a file named `name` (unique per test).
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("adoption-cli-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create scratch directory");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("write scenario file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("scratch path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Asserts that a scenario file with `text` is refused by both `check FILE` and
/// `run --scenario FILE`, with the same message, which mentions every one of `words`.
fn refuse_scenario(name: &str, text: &str, words: &[&str]) -> String {
    let file = TempFile::new(name, text.as_bytes());
    let checked = refused(&["check", file.path()], b"");
    let ran = refused(&["run", "--scenario", file.path(), "--runs", "2"], b"");
    assert_eq!(checked, ran, "check and run disagree on {name}");
    assert_names(&checked, words);
    checked
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("output is JSON")
}

/// `adoption run ARGS` (JSON) with `stdin`, parsed.
fn run_json(args: &[&str], stdin: &[u8]) -> Value {
    let mut all = vec!["run"];
    all.extend_from_slice(args);
    parse(&ok(&all, stdin))
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|x| x.as_f64().unwrap_or_else(|| panic!("not a number: {x}")))
        .collect()
}

const STATS: [&str; 7] = ["mean", "sd", "p5", "p25", "p50", "p75", "p95"];
const WORLDS: [&str; 3] = ["baseline", "policy", "additional"];

/// Every `Stats` object in a run's JSON, with a label saying where it is.
fn every_stats(run: &Value) -> Vec<(String, &Value)> {
    let mut all = Vec::new();
    for world in WORLDS {
        all.push((format!("{world}.adopters"), &run[world]["adopters"]));
        let segments = run[world]["segments"].as_array().expect("segments array");
        for (i, seg) in segments.iter().enumerate() {
            all.push((format!("{world}.segments[{i}].adopters"), &seg["adopters"]));
        }
    }
    all
}

/// The printed scenario JSON of a preset.
fn preset_json(name: &str) -> String {
    ok(&["preset", name], b"")
}

/// The names `adoption preset` lists.
fn preset_names() -> Vec<String> {
    ok(&["preset"], b"")
        .lines()
        .map(|l| l.split_whitespace().next().expect("a name").to_string())
        .collect()
}

/// A scenario with `n` small, valid segments, as JSON.
fn scenario_with_segments(n: usize) -> String {
    let segments: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"name": "s{i}", "firms": 100, "adopters": 10}}"#))
        .collect();
    format!(
        r#"{{"version": 2, "runs": 2, "segments": [{}]}}"#,
        segments.join(", ")
    )
}

// ---------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------

#[test]
fn preset_list_names_every_preset_with_a_summary() {
    let list = ok(&["preset"], b"");
    let names = preset_names();
    for want in ["cantabria", "murcia", "example-region"] {
        assert!(names.iter().any(|n| n == want), "{want} missing:\n{list}");
    }
    for line in list.lines() {
        let mut words = line.split_whitespace();
        words.next();
        assert!(words.next().is_some(), "no summary on line {line:?}");
    }
}

#[test]
fn every_preset_prints_json_that_check_and_run_accept() {
    for name in preset_names() {
        let json = preset_json(&name);
        let scenario = parse(&json);
        assert_eq!(scenario["version"], 2, "{name}");
        let checked = ok(&["check", "-"], json.as_bytes());
        assert!(checked.starts_with("ok: "), "{name}: {checked}");
        let run = run_json(&["--scenario", "-", "--runs", "20"], json.as_bytes());
        assert_eq!(run["runs"], 20, "{name}");
    }
}

#[test]
fn preset_json_runs_exactly_like_the_preset() {
    for name in preset_names() {
        let json = preset_json(&name);
        let from_stdin = ok(&["run", "--scenario", "-", "--runs", "20"], json.as_bytes());
        let from_preset = ok(&["run", "--preset", &name, "--runs", "20"], b"");
        assert!(from_stdin == from_preset, "{name}: outputs differ");
    }
}

#[test]
fn unknown_preset_is_refused() {
    for args in [
        &["preset", "atlantis"][..],
        &["run", "--preset", "atlantis"],
        &["check", "--preset", "atlantis"],
    ] {
        let message = refused(args, b"");
        assert_names(&message, &["atlantis", "preset"]);
    }
}

// ---------------------------------------------------------------------------------------
// Run: JSON output
// ---------------------------------------------------------------------------------------

#[test]
fn run_json_has_every_key_and_one_entry_per_year() {
    let scenario = parse(&preset_json("cantabria"));
    let run = run_json(&["--preset", "cantabria", "--runs", "20"], b"");
    for key in [
        "years",
        "baseline",
        "policy",
        "additional",
        "activity",
        "summary",
    ] {
        assert!(run.get(key).is_some(), "missing key {key}");
    }
    let horizon = scenario["years"].as_u64().expect("years") as usize;
    let years = numbers(&run["years"]);
    assert_eq!(years.len(), horizon + 1);
    for (i, y) in years.iter().enumerate() {
        assert_eq!(*y, i as f64, "years must count 0, 1, ...");
    }
    let segments = scenario["segments"].as_array().expect("segments").len();
    for world in WORLDS {
        let segs = run[world]["segments"].as_array().expect("segments");
        assert_eq!(segs.len(), segments, "{world}.segments");
    }
    for (label, stats) in every_stats(&run) {
        for stat in STATS {
            let values = numbers(&stats[stat]);
            assert_eq!(values.len(), horizon + 1, "{label}.{stat}");
        }
    }
    let activity = run["activity"].as_object().expect("activity object");
    assert!(!activity.is_empty());
    for (key, values) in activity {
        assert_eq!(numbers(values).len(), horizon + 1, "activity.{key}");
    }
    assert!(run["summary"].is_object());
}

#[test]
fn run_json_year_zero_is_the_observed_start() {
    for name in preset_names() {
        let scenario = parse(&preset_json(&name));
        let run = run_json(&["--preset", &name, "--runs", "20"], b"");
        let segments = scenario["segments"].as_array().expect("segments");
        let initial: u64 = segments
            .iter()
            .map(|s| s["adopters"].as_u64().expect("adopters"))
            .sum();
        for world in ["baseline", "policy"] {
            let stats = &run[world]["adopters"];
            for stat in ["mean", "p5", "p25", "p50", "p75", "p95"] {
                assert_eq!(
                    numbers(&stats[stat])[0],
                    initial as f64,
                    "{name}: {world} {stat} at year 0"
                );
            }
            assert_eq!(numbers(&stats["sd"])[0], 0.0, "{name}: {world} sd");
            for (i, seg) in segments.iter().enumerate() {
                let got = numbers(&run[world]["segments"][i]["adopters"]["mean"])[0];
                assert_eq!(got, seg["adopters"].as_f64().expect("adopters"), "{name}");
            }
        }
        for stat in STATS {
            let got = numbers(&run["additional"]["adopters"][stat])[0];
            assert_eq!(got, 0.0, "{name}: additional {stat} at year 0");
        }
    }
}

#[test]
fn run_json_quantiles_are_ordered() {
    for name in preset_names() {
        let run = run_json(&["--preset", &name, "--runs", "20", "--seed", "5"], b"");
        for (label, stats) in every_stats(&run) {
            let q: Vec<Vec<f64>> = ["p5", "p25", "p50", "p75", "p95"]
                .iter()
                .map(|k| numbers(&stats[*k]))
                .collect();
            for year in 0..q[0].len() {
                for pair in q.windows(2) {
                    assert!(
                        pair[0][year] <= pair[1][year],
                        "{name} {label} year {year}: quantiles out of order"
                    );
                }
            }
            for sd in numbers(&stats["sd"]) {
                assert!(sd >= 0.0, "{name} {label}: negative sd");
            }
        }
    }
}

#[test]
fn run_json_policy_mean_is_never_below_baseline() {
    for name in preset_names() {
        let run = run_json(&["--preset", &name, "--runs", "20"], b"");
        let baseline = numbers(&run["baseline"]["adopters"]["mean"]);
        let policy = numbers(&run["policy"]["adopters"]["mean"]);
        for (year, (b, p)) in baseline.iter().zip(&policy).enumerate() {
            assert!(p >= b, "{name} year {year}: policy {p} < baseline {b}");
        }
        // Something is bought, so the policy adds adopters by the horizon.
        assert!(policy.last() > baseline.last(), "{name}: no effect at all");
    }
}

// ---------------------------------------------------------------------------------------
// Determinism and overrides
// ---------------------------------------------------------------------------------------

#[test]
fn same_seed_gives_identical_output() {
    let args = ["run", "--preset", "murcia", "--runs", "20", "--seed", "77"];
    let first = ok(&args, b"");
    let second = ok(&args, b"");
    assert!(first == second, "same seed, different output");
    let csv = [
        "run", "--preset", "murcia", "--runs", "20", "--format", "csv",
    ];
    assert!(ok(&csv, b"") == ok(&csv, b""), "same seed, different CSV");
}

#[test]
fn different_seed_gives_different_numbers() {
    let one = run_json(
        &["--preset", "cantabria", "--runs", "20", "--seed", "1"],
        b"",
    );
    let two = run_json(
        &["--preset", "cantabria", "--runs", "20", "--seed", "2"],
        b"",
    );
    assert_eq!(one["seed"], 1);
    assert_eq!(two["seed"], 2);
    let horizon = |run: &Value| numbers(&run["baseline"]["adopters"]["mean"]);
    assert_ne!(
        horizon(&one),
        horizon(&two),
        "seeds 1 and 2 gave the same means"
    );
}

#[test]
fn runs_and_seed_options_override_the_file() {
    let file = TempFile::new(
        "override.json",
        br#"{"version": 2, "runs": 7, "seed": 9, "years": 5}"#,
    );
    let own = run_json(&["--scenario", file.path()], b"");
    assert_eq!(own["runs"], 7);
    assert_eq!(own["seed"], 9);
    let overridden = ok(
        &[
            "run",
            "--scenario",
            file.path(),
            "--runs",
            "13",
            "--seed",
            "42",
        ],
        b"",
    );
    let run = parse(&overridden);
    assert_eq!(run["runs"], 13);
    assert_eq!(run["seed"], 42);
    // The same as writing those values in the file.
    let same = TempFile::new(
        "override-same.json",
        br#"{"version": 2, "runs": 13, "seed": 42, "years": 5}"#,
    );
    assert!(ok(&["run", "--scenario", same.path()], b"") == overridden);
}

// ---------------------------------------------------------------------------------------
// Budget 0
// ---------------------------------------------------------------------------------------

#[test]
fn zero_budget_policy_equals_baseline_exactly() {
    let file = TempFile::new(
        "zero-budget.json",
        br#"{"version": 2, "budget_eur": 0, "runs": 30}"#,
    );
    let run = run_json(&["--scenario", file.path()], b"");
    assert_eq!(
        run["policy"], run["baseline"],
        "policy differs from baseline"
    );
    for (label, stats) in every_stats(&run) {
        if !label.starts_with("additional") {
            continue;
        }
        for stat in STATS {
            assert!(
                numbers(&stats[stat]).iter().all(|v| *v == 0.0),
                "{label}.{stat} is not all zero"
            );
        }
    }
    for spend in numbers(&run["activity"]["spend_eur"]) {
        assert_eq!(spend, 0.0, "money spent with a zero budget");
    }
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// CSV text as a header and rows of fields.
fn csv_table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text.lines();
    let header = lines.next().expect("a header row");
    let split = |l: &str| l.split(',').map(str::to_string).collect::<Vec<_>>();
    (split(header), lines.map(split).collect())
}

#[test]
fn csv_has_a_header_and_one_numeric_row_per_year() {
    for name in preset_names() {
        let years = parse(&preset_json(&name))["years"].as_u64().expect("years") as usize;
        let text = ok(
            &["run", "--preset", &name, "--runs", "20", "--format", "csv"],
            b"",
        );
        let (header, rows) = csv_table(&text);
        assert_eq!(header[0], "year", "{name}: header first");
        for column in &header[2..] {
            assert!(
                column.ends_with("_firms") || column.ends_with("_eur"),
                "{name}: column {column} has no unit"
            );
        }
        assert_eq!(rows.len(), years + 1, "{name}: one row per year");
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(
                row.len(),
                header.len(),
                "{name}: row {i} has a different width"
            );
            for field in row {
                let v: f64 = field
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}: row {i}: {field:?} is not a number"));
                assert!(v.is_finite(), "{name}: row {i}: {field}");
            }
            assert_eq!(row[0], i.to_string(), "{name}: year column");
        }
    }
}

#[test]
fn csv_means_equal_json_means() {
    let args = [
        "run",
        "--preset",
        "example-region",
        "--runs",
        "20",
        "--seed",
        "3",
    ];
    let json = parse(&ok(&args, b""));
    let mut csv_args = args.to_vec();
    csv_args.extend_from_slice(&["--format", "csv"]);
    let (header, rows) = csv_table(&ok(&csv_args, b""));
    for world in WORLDS {
        let column = format!("{world}_adopters_mean_firms");
        let at = header
            .iter()
            .position(|c| *c == column)
            .unwrap_or_else(|| panic!("no column {column}"));
        let from_csv: Vec<f64> = rows
            .iter()
            .map(|r| r[at].parse().expect("a number"))
            .collect();
        assert_eq!(
            from_csv,
            numbers(&json[world]["adopters"]["mean"]),
            "{world}"
        );
    }
    let at = header
        .iter()
        .position(|c| c == "spend_eur")
        .expect("spend_eur column");
    let spend: Vec<f64> = rows
        .iter()
        .map(|r| r[at].parse().expect("a number"))
        .collect();
    assert_eq!(spend, numbers(&json["activity"]["spend_eur"]));
}

// ---------------------------------------------------------------------------------------
// Input sources and defaults
// ---------------------------------------------------------------------------------------

#[test]
fn scenario_from_stdin_runs_like_the_same_file() {
    let text = br#"{"version": 2, "runs": 10, "years": 4, "budget_eur": 500000, "targets": []}"#;
    let file = TempFile::new("stdin.json", text);
    let from_file = ok(&["run", "--scenario", file.path()], b"");
    let from_stdin = ok(&["run", "--scenario", "-"], text);
    assert!(
        from_file == from_stdin,
        "stdin and file give different output"
    );
    assert_eq!(
        parse(&from_stdin)["years"].as_array().map(Vec::len),
        Some(5)
    );
    let checked = ok(&["check", "-"], text);
    assert!(checked.starts_with("ok: "), "{checked}");
}

#[test]
fn omitted_fields_take_their_defaults() {
    let file = TempFile::new("defaults.json", br#"{"version": 2, "runs": 10}"#);
    let checked = ok(&["check", file.path()], b"");
    assert_names(&checked, &["ok: ", "10 runs"]);
    let run = run_json(&["--scenario", file.path()], b"");
    assert_eq!(run["runs"], 10);
    // The defaults are the reference scenario, the cantabria preset, except targets: a
    // file's targets are its own (none when it lists none).
    let mut cantabria: Value =
        serde_json::from_str(&ok(&["preset", "cantabria"], b"")).expect("preset JSON");
    cantabria["runs"] = 10.into();
    cantabria["targets"] = Value::Array(vec![]);
    let expected = ok(
        &["run", "--scenario", "-"],
        cantabria.to_string().as_bytes(),
    );
    assert!(
        ok(&["run", "--scenario", file.path()], b"") == expected,
        "defaults differ from the cantabria preset"
    );
    // A short horizon shortens an omitted programme instead of failing it.
    let short = TempFile::new("short.json", br#"{"version": 2, "runs": 5, "years": 2}"#);
    assert_eq!(
        run_json(&["--scenario", short.path()], b"")["years"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    // Defaults inside a segment, too: only name, firms and adopters given.
    let segment = TempFile::new(
        "defaults-segment.json",
        br#"{"version": 2, "runs": 5, "segments": [{"name": "All", "firms": 500, "adopters": 50}]}"#,
    );
    let run = run_json(&["--scenario", segment.path()], b"");
    assert_eq!(numbers(&run["baseline"]["adopters"]["mean"])[0], 50.0);
}

#[test]
fn help_and_version_succeed() {
    let help = ok(&["help"], b"");
    assert_names(&help, &["run", "check", "preset"]);
    assert_eq!(ok(&["--help"], b""), help);
    assert!(ok(&["--version"], b"").starts_with("adoption "));
}

// ---------------------------------------------------------------------------------------
// Bad files
// ---------------------------------------------------------------------------------------

#[test]
fn missing_file_is_refused() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-scenario.json");
    let path = path.to_str().expect("UTF-8 path");
    let message = refused(&["check", path], b"");
    assert_names(&message, &["no-such-scenario.json"]);
    refused(&["run", "--scenario", path], b"");
}

#[test]
fn directory_is_refused() {
    let dir = env!("CARGO_TARGET_TMPDIR");
    let message = refused(&["check", dir], b"");
    assert_names(&message, &[dir]);
    refused(&["run", "--scenario", dir], b"");
}

#[test]
fn empty_file_is_refused() {
    let message = refuse_scenario("empty.json", "", &[]);
    assert!(
        message.contains("EOF") || message.contains("empty"),
        "{message}"
    );
    refused(&["check", "-"], b"");
}

#[test]
fn file_over_one_mib_is_refused() {
    let mut text = String::from(r#"{"version": 2, "description": ""#);
    text.push_str(&"x".repeat(1 << 20));
    text.push_str(r#""}"#);
    refuse_scenario("big.json", &text, &["larger than"]);
    let message = refused(&["check", "-"], text.as_bytes());
    assert_names(
        &message,
        &["standard input", "larger than", "a scenario is"],
    );
    // A text of hand-ins has its own words: not "a scenario is a few KiB".
    let message = refused(&["consult", "--links", "-"], text.as_bytes());
    assert_names(
        &message,
        &["standard input", "larger than", "hand-in links"],
    );
    assert!(!message.contains("scenario"), "{message}");
}

#[test]
fn non_utf8_file_is_refused() {
    let file = TempFile::new("latin1.json", b"{\"version\": 1, \"name\": \"M\xfalaga\"}");
    let message = refused(&["check", file.path()], b"");
    assert_names(&message, &["UTF-8"]);
    refused(&["run", "--scenario", file.path()], b"");
}

// ---------------------------------------------------------------------------------------
// Bad JSON
// ---------------------------------------------------------------------------------------

#[test]
fn text_that_is_not_json_is_refused() {
    refuse_scenario("hello.json", "hello", &["not valid"]);
}

#[test]
fn truncated_json_is_refused() {
    refuse_scenario(
        "truncated.json",
        r#"{"version": 2, "years": 10, "mix": {"vouchers": 0.5"#,
        &["mix"],
    );
}

#[test]
fn json_array_is_refused() {
    refuse_scenario("array.json", "[]", &["JSON object"]);
    refuse_scenario("array1.json", "[1]", &["JSON object"]);
    refuse_scenario("array2.json", r#"[1, "x"]"#, &["JSON object"]);
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for (i, text) in ["42", r#""scenario""#, "null", "true"].iter().enumerate() {
        refuse_scenario(&format!("scalar{i}.json"), text, &["not valid"]);
    }
    refuse_scenario("trailing.json", r#"{"version": 2} {}"#, &["trailing"]);
}

#[test]
fn deeply_nested_json_is_refused_without_crashing() {
    let deep = "[".repeat(10_000);
    refuse_scenario("deep.json", &deep, &[]);
    refused(&["check", "-"], deep.as_bytes());
    let objects = r#"{"a":"#.repeat(10_000);
    refuse_scenario("deep-objects.json", &objects, &[]);
    // Nested inside a field, including one that accepts a number or a range.
    let in_mix = format!(r#"{{"version": 2, "mix": {deep}"#);
    refuse_scenario("deep-mix.json", &in_mix, &["mix"]);
    let in_param = format!(
        r#"{{"version": 2, "segments": [{{"name": "a", "firms": 5, "adopters": 1, "p": {deep}"#
    );
    refuse_scenario("deep-param.json", &in_param, &["segments[0].p"]);
}

// ---------------------------------------------------------------------------------------
// Bad fields
// ---------------------------------------------------------------------------------------

#[test]
fn wrong_type_is_refused_naming_the_field() {
    refuse_scenario(
        "type.json",
        r#"{"version": 2, "years": "ten"}"#,
        &["`years`", "ten"],
    );
    refuse_scenario(
        "type-nested.json",
        r#"{"version": 2, "segments": [{"name": "a", "firms": 5.5, "adopters": 1}]}"#,
        &["segments[0].firms"],
    );
}

#[test]
fn unknown_field_is_refused_naming_it() {
    refuse_scenario(
        "unknown.json",
        r#"{"version": 2, "budgte_eur": 5}"#,
        &["budgte_eur", "budget_eur"],
    );
    refuse_scenario(
        "unknown-nested.json",
        r#"{"version": 2, "vouchers": {"value": 5}}"#,
        &["vouchers", "value_eur"],
    );
}

#[test]
fn versions_other_than_1_and_2_are_refused() {
    for v in ["3", "0", "99999999999999999999"] {
        let text = format!(r#"{{"version": {v}}}"#);
        refuse_scenario(
            &format!("v{}.json", &v[..1]),
            &text,
            &["`version`", "1 or 2"],
        );
    }
    for v in [r#""2""#, "1.5", "-1", "null"] {
        let text = format!(r#"{{"version": {v}}}"#);
        refuse_scenario("v-odd.json", &text, &["`version`", "1 or 2"]);
    }
}

#[test]
fn missing_version_is_refused() {
    refuse_scenario(
        "no-version.json",
        r#"{"runs": 5}"#,
        &["`version`", "required"],
    );
    refuse_scenario("no-fields.json", "{}", &["`version`"]);
}

// ---------------------------------------------------------------------------------------
// Bad values
// ---------------------------------------------------------------------------------------

#[test]
fn years_outside_1_to_50_are_refused() {
    for years in [0, 51] {
        let text = format!(r#"{{"version": 2, "years": {years}}}"#);
        refuse_scenario(&format!("years{years}.json"), &text, &["`years`", "50"]);
    }
}

#[test]
fn runs_outside_1_to_100000_are_refused() {
    for runs in [0, 100_001] {
        let text = format!(r#"{{"version": 2, "runs": {runs}}}"#);
        refuse_scenario(&format!("runs{runs}.json"), &text, &["`runs`", "100,000"]);
        let flag = runs.to_string();
        let message = refused(&["run", "--preset", "cantabria", "--runs", &flag], b"");
        assert_names(&message, &["runs", "100,000"]);
    }
}

#[test]
fn negative_budget_is_refused() {
    refuse_scenario(
        "negative-budget.json",
        r#"{"version": 2, "budget_eur": -1}"#,
        &["`budget_eur`", "-1"],
    );
}

#[test]
fn numbers_too_large_for_f64_are_refused() {
    refuse_scenario(
        "inf.json",
        r#"{"version": 2, "budget_eur": 1e999}"#,
        &["`budget_eur`"],
    );
    refuse_scenario(
        "neg-inf.json",
        r#"{"version": 2, "mix": {"vouchers": -1e999}}"#,
        &["mix.vouchers"],
    );
    refuse_scenario(
        "inf-param.json",
        r#"{"version": 2, "vouchers": {"used": {"low": 0, "high": 1e999}}}"#,
        &["vouchers.used"],
    );
    // JSON has no NaN or Infinity literals.
    refuse_scenario(
        "nan.json",
        r#"{"version": 2, "budget_eur": NaN}"#,
        &["budget_eur"],
    );
}

#[test]
fn mix_not_summing_to_one_is_refused() {
    refuse_scenario(
        "mix-sum.json",
        r#"{"version": 2, "mix": {"vouchers": 0.5, "training": 0.2, "pilots": 0.2}}"#,
        &["`mix`", "add up to 1"],
    );
}

#[test]
fn share_above_one_is_refused() {
    refuse_scenario(
        "mix-share.json",
        r#"{"version": 2, "mix": {"vouchers": 1.5, "training": -0.25, "pilots": -0.25}}"#,
        &["`mix.vouchers`", "1.5"],
    );
    refuse_scenario(
        "aware-share.json",
        r#"{"version": 2, "segments": [{"name": "a", "firms": 5, "adopters": 1, "aware_share": 1.2}]}"#,
        &["segments[0].aware_share"],
    );
}

#[test]
fn more_adopters_than_firms_is_refused() {
    refuse_scenario(
        "adopters.json",
        r#"{"version": 2, "segments": [{"name": "a", "firms": 10, "adopters": 11}]}"#,
        &["`segments[0].adopters`", "11"],
    );
}

#[test]
fn empty_segments_are_refused() {
    refuse_scenario(
        "no-segments.json",
        r#"{"version": 2, "segments": []}"#,
        &["`segments`"],
    );
}

#[test]
fn more_than_20_segments_are_refused() {
    refuse_scenario(
        "segments21.json",
        &scenario_with_segments(21),
        &["`segments`", "20"],
    );
    // 20 is allowed.
    ok(&["check", "-"], scenario_with_segments(20).as_bytes());
}

#[test]
fn zero_firms_is_refused() {
    refuse_scenario(
        "firms0.json",
        r#"{"version": 2, "segments": [{"name": "a", "firms": 0, "adopters": 0}]}"#,
        &["`segments[0].firms`"],
    );
}

#[test]
fn range_with_low_above_high_is_refused() {
    refuse_scenario(
        "p-range.json",
        r#"{"version": 2, "segments": [{"name": "a", "firms": 10, "adopters": 1, "p": {"low": 0.05, "high": 0.01}}]}"#,
        &["`segments[0].p`", "low"],
    );
    refuse_scenario(
        "mode-outside.json",
        r#"{"version": 2, "training": {"uplift": {"low": 0.01, "mode": 0.5, "high": 0.1}}}"#,
        &["`training.uplift`", "mode"],
    );
}

#[test]
fn target_year_outside_the_horizon_is_refused() {
    for year in [2024, 2036] {
        let text = format!(
            r#"{{"version": 2, "targets": [{{"kind": "adopters", "year": {year}, "value": 5}}]}}"#
        );
        refuse_scenario(
            &format!("target{year}.json"),
            &text,
            &["`targets[0].year`", "2035"],
        );
    }
}

// ---------------------------------------------------------------------------------------
// Bad arguments
// ---------------------------------------------------------------------------------------

#[test]
fn non_numeric_runs_option_is_refused() {
    let message = refused(&["run", "--preset", "cantabria", "--runs", "abc"], b"");
    assert_names(&message, &["--runs", "abc"]);
}

#[test]
fn negative_runs_option_is_refused() {
    let message = refused(&["run", "--preset", "cantabria", "--runs", "-5"], b"");
    assert_names(&message, &["--runs", "-5"]);
    let message = refused(&["run", "--preset", "cantabria", "--seed", "-1"], b"");
    assert_names(&message, &["--seed"]);
}

#[test]
fn unknown_format_is_refused() {
    let message = refused(&["run", "--preset", "cantabria", "--format", "xml"], b"");
    assert_names(&message, &["--format", "xml"]);
}

#[test]
fn unknown_command_is_refused() {
    let message = refused(&["frobnicate"], b"");
    assert_names(&message, &["frobnicate"]);
}

#[test]
fn unknown_option_is_refused() {
    let message = refused(&["run", "--preset", "cantabria", "--bogus"], b"");
    assert_names(&message, &["--bogus"]);
    let message = refused(&["check", "-", "extra"], b"{}");
    assert_names(&message, &["extra"]);
}

#[test]
fn missing_arguments_are_refused() {
    refused(&[], b"");
    assert_names(&refused(&["run"], b""), &["--scenario"]);
    assert_names(&refused(&["run", "--scenario"], b""), &["--scenario"]);
    refused(&["check"], b"");
}

// ---------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------

#[test]
fn large_valid_run_finishes() {
    let run = run_json(&["--preset", "cantabria", "--runs", "2000"], b"");
    assert_eq!(run["runs"], 2000);
    let additional = &run["summary"]["additional_adopters"]["mean"];
    assert!(additional.as_f64().is_some_and(|v| v > 0.0), "{additional}");
}

// ---------------------------------------------------------------------------------------
// Links (the page's address carries the scenario)
// ---------------------------------------------------------------------------------------

#[test]
fn a_link_runs_like_its_scenario() {
    // A scenario file, its link, and the link run give the same numbers, byte for byte.
    let mut scenario: Value =
        serde_json::from_str(&ok(&["preset", "murcia"], b"")).expect("preset JSON");
    scenario["budget_eur"] = 1_750_000.into();
    scenario["runs"] = 40.into();
    scenario["vouchers"]["value_eur"] = 6_000.into();
    let text = scenario.to_string();
    let link = ok(&["link", "--scenario", "-"], text.as_bytes());
    let link = link.trim();
    assert!(
        link.starts_with("?v=2&preset=murcia&budget=1750000"),
        "{link}"
    );
    let from_file = ok(&["run", "--scenario", "-"], text.as_bytes());
    let full = format!("https://example.org/sim/{link}&lang=es#results");
    assert_eq!(ok(&["run", "--url", &full], b""), from_file);
    assert!(ok(&["check", "--url", link], b"").starts_with("ok: "));
}

#[test]
fn a_hand_typed_link_needs_no_version() {
    // `?preset=murcia` is what people type into an iframe's src: it is read as the current
    // format.
    let typed = ok(&["run", "--url", "?preset=murcia&runs=30"], b"");
    let mut scenario: Value =
        serde_json::from_str(&ok(&["preset", "murcia"], b"")).expect("preset JSON");
    scenario["runs"] = 30.into();
    let from_file = ok(&["run", "--scenario", "-"], scenario.to_string().as_bytes());
    assert_eq!(typed, from_file);
}

#[test]
fn a_preset_link_is_short() {
    assert_eq!(
        ok(&["link", "--preset", "cantabria"], b"").trim(),
        "?v=2&preset=cantabria&runs=1000&seed=2025"
    );
}

#[test]
fn damaged_links_are_refused_naming_each_bad_part() {
    for (link, parts) in [
        ("?v=1&budget=abc&mix=90-90-90", &["`budget`", "`mix`"][..]),
        ("?v=9&runs=10", &["`v`"]),
        ("?v=2&preset=atlantis", &["`preset`"]),
        ("?v=1&preset=cantabria-ai", &["`preset`", "cantabria-ai"]),
        ("?v=3&runs=10", &["`v`", "1 and 2"]),
        ("?v=1&x=not-base64!", &["`x`"]),
        ("https://example.org/widget/?lang=es", &["scenario link"]),
        ("?v=1&years=0", &["`years`"]),
        ("?v=2&years=0", &["`years`"]),
    ] {
        let message = refused(&["run", "--url", link], b"");
        assert_names(&message, parts);
    }
    refused(&["link"], b"");
    refused(&["link", "--scenario", "-"], b"not json");
}

// ---------------------------------------------------------------------------------------
// Work made with model 1 (scenario format 1)
// ---------------------------------------------------------------------------------------

/// A stored version-1 file or list of links (`crates/formats/tests/fixtures/v1/`).
fn v1_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../formats/tests/fixtures/v1/{name}"))
}

/// Asserts success with exactly one line on stderr: the note that the scenario was made
/// for model 1. Returns standard output.
fn ok_with_v1_note(args: &[&str], stdin: &[u8]) -> String {
    let out = adoption(args, stdin);
    assert_eq!(out.code, 0, "adoption {args:?}: {}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
    assert_names(&out.stderr, &["adoption: ", "model 1", "model 2"]);
    out.stdout
}

#[test]
fn v1_files_run_and_check_with_a_one_line_note() {
    for name in [
        "full.json",
        "partial.json",
        "ranges.json",
        "custom-population.json",
    ] {
        let path = v1_fixture(name);
        let path = path.to_str().expect("UTF-8 path");
        assert!(ok_with_v1_note(&["check", path], b"").starts_with("ok: "));
        let text = std::fs::read(path).expect("fixture");
        let run = ok_with_v1_note(&["run", "--scenario", "-", "--runs", "20"], &text);
        // The same figures as the version-2 link it is written as today.
        let link = ok_with_v1_note(&["link", "--scenario", path], b"");
        assert!(link.starts_with("?v=2&"), "{link}");
        assert_eq!(
            ok(&["run", "--url", link.trim(), "--runs", "20"], b""),
            run,
            "{name}"
        );
        // A version-2 file is read without a note.
        ok(&["check", "-"], br#"{"version": 2}"#);
    }
}

#[test]
fn v1_links_run_with_a_one_line_note() {
    let links: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(v1_fixture("links.json")).expect("links"))
            .expect("JSON");
    for l in links.iter().take(3) {
        let link = l["link"].as_str().expect("link");
        assert!(link.starts_with("?v=1&"), "{link}");
        assert!(ok_with_v1_note(&["check", "--url", link], b"").starts_with("ok: "));
        let run = parse(&ok_with_v1_note(
            &["run", "--url", link, "--runs", "10"],
            b"",
        ));
        assert_eq!(run["runs"], 10);
    }
}

// ---------------------------------------------------------------------------------------
// Model 2's outputs
// ---------------------------------------------------------------------------------------

#[test]
fn run_prints_unspent_money_deadweight_and_adopter_years() {
    for name in ["cantabria", "cantabria-ai", "cantabria-big-data"] {
        let run = run_json(&["--preset", name, "--runs", "30"], b"");
        let summary = &run["summary"];
        assert!(
            summary["unspent_eur"].as_f64().is_some_and(|v| v >= 0.0),
            "{name}: {summary}"
        );
        for key in ["same_year", "within_3_years", "by_horizon"] {
            let share = &summary["deadweight"][key];
            assert!(
                share.is_null() || share.as_f64().is_some_and(|v| (0.0..=1.0).contains(&v)),
                "{name}: deadweight.{key} = {share}"
            );
        }
        let years = &summary["additional_adopter_years"];
        let [mean, p5, p95] = ["mean", "p5", "p95"].map(|k| {
            years[k]
                .as_f64()
                .unwrap_or_else(|| panic!("{name}: {k}: {years}"))
        });
        assert!(p5 <= mean && mean <= p95, "{name}: {years}");
        let firms = numbers(&run["firms"]);
        assert_eq!(firms.len(), numbers(&run["years"]).len(), "{name}");
    }
}

#[test]
fn csv_has_the_firms_in_business() {
    let csv = ok(
        &[
            "run",
            "--preset",
            "cantabria",
            "--runs",
            "10",
            "--format",
            "csv",
        ],
        b"",
    );
    let json = run_json(&["--preset", "cantabria", "--runs", "10"], b"");
    let (header, rows) = csv_table(&csv);
    let column = header
        .iter()
        .position(|h| h == "in_business_mean_firms")
        .expect("firms column");
    let firms = numbers(&json["firms"]);
    for (row, want) in rows.iter().zip(firms) {
        assert_eq!(row[column].parse::<f64>().expect("number"), want);
    }
}

// ---------------------------------------------------------------------------------------
// Bad values of the fields new in format 2
// ---------------------------------------------------------------------------------------

/// A version-2 scenario with one field set to raw JSON text (`1e999` too, which no JSON
/// value holds): `path` is `a.b` (an object field), `segments[0].x` (a field of the first
/// segment) or a top-level name.
fn with_field(path: &str, raw: &str) -> String {
    const MARK: &str = "\"@value@\"";
    let mut scenario: Value = serde_json::from_str(r#"{"version": 2, "runs": 2}"#).expect("JSON");
    let value = Value::String("@value@".into());
    if let Some(field) = path.strip_prefix("segments[0].") {
        let mut segment: Value =
            serde_json::from_str(r#"{"name": "a", "firms": 100, "adopters": 10}"#).expect("JSON");
        segment[field] = value;
        scenario["segments"] = Value::Array(vec![segment]);
    } else if let Some((outer, inner)) = path.split_once('.') {
        scenario[outer] = serde_json::json!({ inner: value });
    } else {
        scenario[path] = value;
    }
    scenario.to_string().replace(MARK, raw)
}

/// Every new field, a value out of its range, and the words the message must have.
const NEW_FIELDS_OUT_OF_RANGE: [(&str, &str, &[&str]); 16] = [
    ("headline_year", "2025", &["2026", "2035"]),
    ("headline_year", "2036", &["2026", "2035"]),
    ("segment_spread", "2.0", &["between 0 and 1", "2"]),
    ("segment_spread", "-0.5", &["between 0 and 1"]),
    ("readiness.share", "0.95", &["0", "0.9"]),
    ("readiness.ratio", "0.5", &["1", "20"]),
    (
        "readiness.ratio",
        r#"{"low": 2, "high": 1e300}"#,
        &["1", "20"],
    ),
    ("segments[0].exit_rate", "0.6", &["between 0 and 0.5"]),
    ("segments[0].entry_rate", "-0.01", &["between 0 and 0.5"]),
    ("vouchers.coverage", "0", &["0.05", "1"]),
    ("vouchers.coverage", "2.0", &["0.05", "1"]),
    ("vouchers.value_scale_eur", "-5", &["value_scale_eur"]),
    ("vouchers.lapse", "1.5", &["0", "1"]),
    ("pilots.decay", r#"{"low": -1, "high": 0.5}"#, &["0", "1"]),
    ("pilots.half_saturation_per_1000", "0", &["0.01", "1000"]),
    (
        "pilots.half_saturation_per_1000",
        "1e308",
        &["0.01", "1000"],
    ),
];

#[test]
fn new_fields_out_of_range_are_refused_naming_field_and_range() {
    for (i, (path, value, words)) in NEW_FIELDS_OUT_OF_RANGE.iter().enumerate() {
        let text = with_field(path, value);
        let message = refuse_scenario(&format!("new-{i}.json"), &text, words);
        assert_names(&message, &[&format!("`{path}`")]);
    }
}

#[test]
fn new_fields_of_the_wrong_type_are_refused_naming_the_field() {
    for (i, path) in [
        "headline_year",
        "segment_spread",
        "readiness.share",
        "readiness.ratio",
        "segments[0].exit_rate",
        "segments[0].entry_rate",
        "vouchers.coverage",
        "vouchers.value_scale_eur",
        "vouchers.lapse",
        "pilots.decay",
        "pilots.half_saturation_per_1000",
    ]
    .into_iter()
    .enumerate()
    {
        for (j, value) in [r#""0.3""#, "true", "[1]", "1e999"].into_iter().enumerate() {
            let text = with_field(path, value);
            // `1e999` reads as infinity for a number, which is out of every range.
            refuse_scenario(&format!("type-{i}-{j}.json"), &text, &[path]);
        }
    }
    // A version-1 file names the field of its own version.
    refuse_scenario(
        "v1-half-saturation.json",
        r#"{"version": 1, "pilots": {"half_saturation": "ten"}}"#,
        &["`pilots.half_saturation`"],
    );
}

#[test]
fn new_fields_out_of_range_in_links_are_refused_naming_them() {
    use base64::Engine;
    for (path, value, words) in NEW_FIELDS_OUT_OF_RANGE {
        if path.starts_with("segments") {
            continue;
        }
        let patch = with_field(path, value);
        let mut patch: Value = serde_json::from_str(&patch).expect("JSON");
        let object = patch.as_object_mut().expect("object");
        object.remove("version");
        object.remove("runs");
        let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(patch.to_string());
        let link = format!("?v=2&preset=cantabria&runs=2&seed=1&x={x}");
        let top = path.split('.').next().unwrap_or(path);
        let message = refused(&["run", "--url", &link], b"");
        assert_names(&message, &[&format!("x.{top}")]);
        assert_names(&message, words);
    }
    // Wrong types and values no JSON number holds.
    for patch in [
        r#"{"segment_spread":"NaN"}"#,
        r#"{"headline_year":"2030"}"#,
        r#"{"readiness":{"share":"lots"}}"#,
        r#"{"vouchers":{"coverage":"half"}}"#,
        r#"{"pilots":{"decay":[1]}}"#,
        r#"{"segment_spread":1e999}"#,
    ] {
        let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(patch);
        let message = refused(&["run", "--url", &format!("?v=2&runs=2&x={x}")], b"");
        assert_names(&message, &["`x"]);
    }
}

// ---------------------------------------------------------------------------------------
// Decision support: sensitivity, optimize, goal, marginal, calibrate
// ---------------------------------------------------------------------------------------

#[test]
fn decision_commands_give_the_same_numbers_on_any_number_of_threads() {
    for args in [
        &["sensitivity", "--preset", "cantabria", "--runs", "300"][..],
        &[
            "optimize",
            "--preset",
            "cantabria",
            "--runs",
            "200",
            "--step",
            "0.25",
        ],
        &["goal", "--preset", "cantabria", "--runs", "200"],
        &["marginal", "--preset", "cantabria", "--runs", "200"],
    ] {
        let one = ok(&[args, &["--threads", "1"]].concat(), b"");
        let three = ok(&[args, &["--threads", "3"]].concat(), b"");
        assert_eq!(one, three, "{args:?}");
    }
}

#[test]
fn decision_commands_print_the_issues_fields() {
    let s = parse(&ok(
        &["sensitivity", "--preset", "cantabria", "--runs", "200"],
        b"",
    ));
    for key in [
        "name",
        "low",
        "high",
        "headline_low",
        "headline_high",
        "variance_share",
        "estimate",
    ] {
        assert!(s["parameters"][0].get(key).is_some(), "sensitivity: {key}");
    }
    let o = parse(&ok(
        &[
            "optimize",
            "--preset",
            "cantabria",
            "--runs",
            "100",
            "--step",
            "0.5",
        ],
        b"",
    ));
    assert_eq!(o["grid"].as_array().map(Vec::len), Some(6));
    for key in ["value", "se"] {
        assert!(
            o["best"][key].is_number() && o["current"][key].is_number(),
            "{key}"
        );
    }
    assert!(o["best"]["mix"]["vouchers"].is_number());
    assert!(
        o["indistinguishable"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    let g = parse(&ok(
        &[
            "goal",
            "--preset",
            "cantabria",
            "--runs",
            "100",
            "--probability",
            "0.6",
        ],
        b"",
    ));
    assert!(
        g["budget_eur"].is_number()
            && g["probability"].as_f64() >= Some(0.6)
            && g["mix"].is_object()
    );
    let series = TempFile::new(
        "series.csv",
        b"year,share\n2016,0.21\n2018,0.26\n2020,0.36\n2021,0.41\n2023,0.452\n",
    );
    let c = parse(&ok(
        &["calibrate", "--series", series.path(), "--firms", "800"],
        b"",
    ));
    for key in ["low", "mode", "high"] {
        assert!(c["p"][key].is_number() && c["q"][key].is_number(), "{key}");
    }
    assert_eq!(c["points"], 5);
    assert!(c["holdout"]["predicted"].is_number());
}

#[test]
fn decision_commands_refuse_bad_input_in_one_line() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["goal", "--preset", "cantabria", "--probability", "1.5"],
            "between 0 and 1",
        ),
        (
            &["goal", "--preset", "cantabria", "--probability", "0"],
            "between 0 and 1",
        ),
        (
            &["goal", "--preset", "cantabria", "--target-index", "4"],
            "no target 4",
        ),
        (
            &["optimize", "--preset", "cantabria", "--step", "0.3"],
            "divide 1",
        ),
        (
            &["optimize", "--preset", "cantabria", "--step", "zero"],
            "--step",
        ),
        (
            &[
                "optimize",
                "--preset",
                "cantabria",
                "--objective",
                "target",
                "--target-index",
                "9",
            ],
            "no target 9",
        ),
        (
            &["calibrate", "--series", "/nonexistent/series.csv"],
            "cannot open",
        ),
    ];
    for (args, says) in cases {
        assert_names(&refused(args, b""), &[says]);
    }
    // An infeasible target: more additional adopters than any budget can buy.
    let mut s: Value = parse(&preset_json("cantabria"));
    s["runs"] = 50.into();
    s["targets"][0]["value"] = 15000.into();
    let text = s.to_string();
    assert_names(
        &refused(&["goal", "--scenario", "-"], text.as_bytes()),
        &["budget limit", "most reached"],
    );
    for (text, says) in [
        ("", "empty"),
        ("2014,0.3\n2015,0.4\n", "at least 3"),
        ("2014,0.3\n2013,0.4\n2015,0.5\n", "increasing order"),
        ("2014,0.3\n2014,0.4\n2015,0.5\n", "twice"),
        ("2014,1.3\n2015,0.4\n2016,0.5\n", "percentage"),
        ("2014,-0.3\n2015,0.4\n2016,0.5\n", "not a share"),
        ("\u{1}garbage;;\n\u{ff}", "header"),
    ] {
        let f = TempFile::new("bad-series.csv", text.as_bytes());
        assert_names(&refused(&["calibrate", "--series", f.path()], b""), &[says]);
    }
}

// ---------------------------------------------------------------------------------------
// Public consultation: handin, consult
// ---------------------------------------------------------------------------------------

fn handin(group: &str, nonce: &str) -> String {
    ok(
        &[
            "handin",
            "--preset",
            "cantabria",
            "--consult",
            "cant26",
            "--group",
            group,
            "--nonce",
            nonce,
            "--base",
            "https://example.org/sim/",
        ],
        b"",
    )
    .trim()
    .to_string()
}

#[test]
fn handin_links_are_summed_up_by_consult() {
    let link = handin("Besaya", "1");
    assert!(link.starts_with("https://example.org/sim/?h="), "{link}");
    assert!(link.len() <= 120, "{link}");
    assert_eq!(link, handin("Besaya", "1"), "the same nonce, the same link");
    let random = |_| {
        ok(
            &["handin", "--preset", "cantabria", "--consult", "cant26"],
            b"",
        )
    };
    let (a, b): (String, String) = (random(0), random(1));
    assert!(a.starts_with("?h="), "{a}");
    assert_ne!(a, b, "without --nonce, a fresh nonce");
    let mut text = String::from("Dear facilitator,\n");
    for n in 0..6 {
        text.push_str(&format!("plan {n}: {}\n", handin("Besaya", &n.to_string())));
    }
    text.push_str(&format!("{a}{b}"));
    let f = TempFile::new("links.txt", text.as_bytes());
    let v: Value = parse(&ok(&["consult", "--links", f.path()], b""));
    assert_eq!(v["consult"], "cant26");
    assert_eq!(v["valid"], 8);
    let preset: Value = parse(&preset_json("cantabria"));
    for instrument in ["vouchers", "training", "pilots"] {
        let want = preset["mix"][instrument].as_f64().unwrap();
        assert_eq!(
            v["mean_mix"][instrument].as_f64(),
            Some(want),
            "{instrument}"
        );
        assert_eq!(
            v["median_mix"][instrument].as_f64(),
            Some(want),
            "{instrument}"
        );
        assert_eq!(v["shares"][instrument]["q1"].as_f64(), Some(want));
    }
    assert_eq!(v["budget"]["median"], preset["budget_eur"]);
    assert_eq!(v["groups"][0]["name"], "Besaya");
    assert_eq!(v["groups"][0]["people"], 6);
    assert_eq!(v["without_group"], 2);
    // Standard input reads the same.
    let same: Value = parse(&ok(&["consult", "--links", "-"], text.as_bytes()));
    assert_eq!(same, v);
}

#[test]
fn consult_lists_every_line_it_does_not_count() {
    let good = handin("Pas", "5");
    let token = good.split("h=").nth(1).unwrap().to_string();
    let mut changed = token.clone().into_bytes();
    changed[10] = if changed[10] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    let foreign = ok(
        &[
            "handin",
            "--preset",
            "cantabria",
            "--consult",
            "other",
            "--nonce",
            "3",
        ],
        b"",
    )
    .trim()
    .to_string();
    let text = format!(
        "{good}\n{good}\nhttps://example.org/sim/?h={changed}\n?h={}\n{foreign}\n\
         just a line of chat\n?lang=es&h=\n\u{1}\u{ff}garbage ?h=%%%\n",
        &token[..token.len() - 6]
    );
    let f = TempFile::new("chat.txt", text.as_bytes());
    let v: Value = parse(&ok(
        &["consult", "--links", f.path(), "--consult", "CANT26"],
        b"",
    ));
    assert_eq!(v["valid"], 1);
    assert_eq!(v["duplicates"][0]["line"], 2);
    assert_eq!(v["duplicates"][0]["first_line"], 1);
    let malformed: Vec<(u64, String)> = v["malformed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["line"].as_u64().unwrap(),
                m["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let lines: Vec<u64> = malformed.iter().map(|m| m.0).collect();
    assert_eq!(lines, [3, 4, 7, 8], "{malformed:?}");
    assert_names(&malformed[0].1, &["checksum"]);
    assert_names(&malformed[1].1, &["cut short"]);
    assert_names(&malformed[2].1, &["no code"]);
    assert_eq!(v["other_consultation"][0]["line"], 5);
    assert_eq!(v["other_consultation"][0]["consult"], "other");
    // Nothing to count is not an error.
    let v: Value = parse(&ok(&["consult", "--links", "-"], b"no links at all\n"));
    assert_eq!(v["valid"], 0);
    assert_eq!(v["consult"], Value::Null);
}

#[test]
fn consultation_commands_refuse_bad_input_in_one_line() {
    let cases: [(&[&str], &str); 9] = [
        (&["handin", "--preset", "cantabria"], "--consult"),
        (&["handin", "--consult", "x"], "--preset"),
        (
            &["handin", "--preset", "cantabria", "--consult", "a b"],
            "consultation code",
        ),
        (
            &[
                "handin",
                "--preset",
                "cantabria",
                "--consult",
                "abcdefghijklm",
            ],
            "1 to 12",
        ),
        (
            &[
                "handin",
                "--preset",
                "cantabria",
                "--consult",
                "x",
                "--group",
                "a,b",
            ],
            "group",
        ),
        (
            &[
                "handin",
                "--preset",
                "cantabria",
                "--consult",
                "x",
                "--nonce",
                "-1",
            ],
            "--nonce",
        ),
        (&["consult"], "--links"),
        (
            &["consult", "--links", "/nonexistent/links.txt"],
            "cannot open",
        ),
        (
            &["consult", "--links", "-", "--consult", ""],
            "consultation code",
        ),
    ];
    for (args, says) in cases {
        assert_names(&refused(args, b""), &[says]);
    }
    let f = TempFile::new("latin1.txt", b"?h=\xff\xfe");
    assert_names(&refused(&["consult", "--links", f.path()], b""), &["UTF-8"]);
}
