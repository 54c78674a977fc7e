//! Reading a population from CSV (`adoption_formats::population`).
//!
//! | What | Tests |
//! |---|---|
//! | `template` and `parse_csv` round trip | `presets_round_trip`, `names_that_need_quotes_round_trip`, `valid_segments_round_trip` (property) |
//! | the files people make | `spanish_excel_semicolons_and_decimal_commas`, `tab_separated`, `bom_crlf_and_blank_lines`, `quoted_names`, `header_in_any_order_and_case`, `optional_columns_take_the_defaults` |
//! | header problems | `missing_column`, `unknown_column`, `too_many_columns`, `column_named_twice`, `no_header` |
//! | row problems | `wrong_number_of_cells`, `empty_and_duplicate_names`, `not_a_number`, `thousands_separators`, `adopters_above_firms`, `coefficients_out_of_range`, `range_out_of_order` |
//! | whole-file problems | `empty_files`, `header_only`, `not_text`, `too_many_segments`, `too_many_firms`, `too_large` |
//! | reporting | `the_example_in_docs_scenario_md`, `all_problems_in_file_order`, `problems_are_capped`, `lines_count_blank_lines_and_quoted_breaks` |
//! | robustness | `any_text_is_answered_without_panic` (property), `accepted_files_pass_scenario_validation` (property) |

use adoption_formats::bases::{SegmentDefaults, segment_v2};
use adoption_formats::population::{MAX_CSV_BYTES, MAX_PROBLEMS, Problem, parse_csv, template};
use adoption_formats::preset;
use adoption_model::Param;
use adoption_model::param::Range;
use adoption_model::scenario::{Segment, limits};

/// What an omitted coefficient reads as: the frozen base of format version 2.
fn defaults() -> SegmentDefaults {
    segment_v2()
}

fn segment(name: &str, firms: u32, adopters: u32, p: Param, q: Param, a: Param) -> Segment {
    Segment {
        name: name.into(),
        firms,
        adopters,
        p,
        q,
        aware_share: a,
        exit_rate: defaults().exit_rate,
        entry_rate: defaults().entry_rate,
    }
}

/// The single problem a file has, as (line, column, message).
fn only_problem(text: &str) -> (Option<usize>, Option<String>, String) {
    let err = parse_csv(text).expect_err("the file should be refused");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.more, 0);
    let Problem {
        line,
        column,
        message,
    } = err.problems[0].clone();
    (line, column, message.to_string())
}

fn problems(text: &str) -> Vec<String> {
    let err = parse_csv(text).expect_err("the file should be refused");
    err.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn presets_round_trip() {
    let cantabria = preset::cantabria().segments;
    assert_eq!(parse_csv(&template(&cantabria)).unwrap(), cantabria);
    for p in preset::PRESETS {
        let segments = (p.build)().segments;
        assert_eq!(
            parse_csv(&template(&segments)).unwrap(),
            segments,
            "{}",
            p.name
        );
    }
    let text = template(&cantabria);
    assert!(
        text.starts_with("segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate\n"),
        "{text}"
    );
    assert!(
        text.contains("..0.12..0.2,"),
        "ranges are written low..mode..high: {text}"
    );
}

#[test]
fn names_that_need_quotes_round_trip() {
    let segments = vec![
        segment(
            "Retail, food and \"other\" shops",
            100,
            10,
            Param::Exact(0.0),
            Param::Range(Range {
                low: 0.1,
                mode: None,
                high: 0.2,
            }),
            Param::range(1e-7, 0.5, 1.0),
        ),
        segment(
            "Bars; cafés",
            5,
            5,
            defaults().p,
            defaults().q,
            Param::Exact(1.0),
        ),
        segment(
            "Tab\there",
            1,
            0,
            defaults().p,
            defaults().q,
            defaults().aware_share,
        ),
    ];
    let text = template(&segments);
    assert!(text.contains("\"Retail, food and \"\"other\"\" shops\",100,10,0,0.1..0.2,"));
    // A tab is a control character: refused by the scenario too, so not round-tripped.
    let valid = &segments[..2];
    assert_eq!(parse_csv(&template(valid)).unwrap(), valid);
    assert_eq!(
        template(&[]),
        "segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate\n"
    );
}

#[test]
fn spanish_excel_semicolons_and_decimal_commas() {
    let text = "Segmento no se usa;\n"; // not a header: no known column
    assert!(parse_csv(text).is_err());
    let text = "segment;firms;adopters;p;q;aware_share\r\n\
                Micro;14000;2800;0,005..0,01..0,02;0,12;0,3\r\n\
                Pequeñas;2400;640;0.01;0,05..0,2;\r\n";
    let got = parse_csv(text).unwrap();
    assert_eq!(
        got,
        vec![
            segment(
                "Micro",
                14000,
                2800,
                Param::range(0.005, 0.01, 0.02),
                Param::Exact(0.12),
                Param::Exact(0.3)
            ),
            segment(
                "Pequeñas",
                2400,
                640,
                Param::Exact(0.01),
                Param::Range(Range {
                    low: 0.05,
                    mode: None,
                    high: 0.2
                }),
                defaults().aware_share
            ),
        ]
    );
}

#[test]
fn tab_separated() {
    let text = "segment\tfirms\tadopters\tq\nMicro firms, services\t8000\t1600\t0,12\n";
    let got = parse_csv(text).unwrap();
    assert_eq!(got[0].name, "Micro firms, services");
    assert_eq!(got[0].q, Param::Exact(0.12));
    assert_eq!(got[0].p, defaults().p);
}

#[test]
fn bom_crlf_and_blank_lines() {
    let text =
        "\u{feff}segment,firms,adopters\r\n\r\nMicro,8000,1600\r\n  \r\n,,\r\nSmall,1600,480";
    let got = parse_csv(text).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].name, "Small");
    // Lines are counted as in the file: blank ones too.
    let bad = text.replace("1600,480", "1600,4800");
    let (line, column, _) = only_problem(&bad);
    assert_eq!((line, column.as_deref()), (Some(6), Some("adopters")));
}

#[test]
fn quoted_names() {
    let text = "segment,firms,adopters\n\"Retail, food and \"\"other\"\" shops\",100,10\n\"  Padded  \",5,1\n";
    let got = parse_csv(text).unwrap();
    assert_eq!(got[0].name, "Retail, food and \"other\" shops");
    assert_eq!(got[1].name, "Padded", "cells are trimmed");
}

#[test]
fn header_in_any_order_and_case() {
    let text = " Adopters ,AWARE_SHARE, Segment,FIRMS\n10,0.5,Micro,100\n";
    let got = parse_csv(text).unwrap();
    assert_eq!(
        got,
        vec![segment(
            "Micro",
            100,
            10,
            defaults().p,
            defaults().q,
            Param::Exact(0.5)
        )]
    );
}

#[test]
fn optional_columns_take_the_defaults() {
    let got = parse_csv("segment,firms,adopters\nMicro,100,0\n").unwrap();
    let default = segment(
        "Micro",
        100,
        0,
        defaults().p,
        defaults().q,
        defaults().aware_share,
    );
    assert_eq!(got, vec![default.clone()]);
    // The same defaults as a scenario file's segment.
    let file = adoption_formats::scenario::from_json(
        r#"{"version": 1, "segments": [{"name": "Micro", "firms": 100, "adopters": 0}]}"#,
    )
    .unwrap();
    assert_eq!(file.segments, [default]);
    // A blank cell in an optional column also takes the default.
    let got = parse_csv("segment,firms,adopters,p,q\nMicro,100,0,,0.2\n").unwrap();
    assert_eq!(got[0].p, defaults().p);
    assert_eq!(got[0].q, Param::Exact(0.2));
}

#[test]
fn missing_column() {
    let (line, column, message) = only_problem("segment,firms\nMicro,100\n");
    assert_eq!((line, column.as_deref()), (Some(1), Some("adopters")));
    assert!(message.contains("missing"), "{message}");
}

#[test]
fn unknown_column() {
    let (line, column, message) =
        only_problem("segment,firms,adopters,colour\nMicro,100,10,blue\n");
    assert_eq!((line, column.as_deref()), (Some(1), Some("colour")));
    assert!(
        message.starts_with("unknown column: the columns are"),
        "{message}"
    );
    let err = problems("name,firms,adopter\nMicro,100,10\n");
    assert_eq!(
        err,
        [
            "line 1, column \"name\": unknown column (did you mean segment?): the columns are \
             segment, firms, adopters, p, q, aware_share, exit_rate and entry_rate",
            "line 1, column \"adopter\": unknown column (did you mean adopters?): the columns \
             are segment, firms, adopters, p, q, aware_share, exit_rate and entry_rate",
            "line 1, column \"segment\": this required column is missing from the header \
             (segment, firms and adopters are required)",
            "line 1, column \"adopters\": this required column is missing from the header \
             (segment, firms and adopters are required)",
        ]
    );
}

#[test]
fn too_many_columns() {
    let text = format!("segment,firms,adopters{}x\nMicro,1,0\n", ",".repeat(70));
    let (line, column, message) = only_problem(&text);
    assert_eq!((line, column), (Some(1), None));
    assert_eq!(
        message,
        "the header has 73 columns, far more than the eight a population file has"
    );
}

#[test]
fn column_named_twice() {
    let (line, column, message) = only_problem("segment,firms,Firms,adopters\nA,1,1,0\n");
    assert_eq!((line, column.as_deref()), (Some(1), Some("firms")));
    assert!(message.contains("twice"), "{message}");
}

#[test]
fn no_header() {
    let (line, column, message) = only_problem("\n\nMicro,8000,1600\n");
    assert_eq!((line, column), (Some(3), None));
    assert!(message.contains("it reads: Micro, 8000, 1600"), "{message}");
}

#[test]
fn wrong_number_of_cells() {
    // In a comma file, 0,38 is two cells.
    let (line, column, message) = only_problem("segment,firms,adopters,q\nMicro,8000,1600,0,38\n");
    assert_eq!((line, column), (Some(2), None));
    assert!(
        message.starts_with(
            "this line has 5 cells but the header has 4 columns; in a comma-separated file"
        ),
        "{message}"
    );
    let (line, _, message) = only_problem("segment;firms;adopters\nMicro;8000\n");
    assert_eq!(line, Some(2));
    assert_eq!(
        message,
        "this line has 2 cells but the header has 3 columns"
    );
    // Empty cells past the header's columns, as spreadsheets write them, are fine.
    assert!(parse_csv("segment;firms;adopters;;\nMicro;8000;1600;;\n").is_ok());
    assert!(parse_csv("segment;firms;adopters\nMicro;8000;1600;;;\n").is_ok());
    let (line, column, message) = only_problem("segment;;firms;adopters\nMicro;x;8000;1600\n");
    assert_eq!((line, column), (Some(2), None));
    assert_eq!(
        message,
        "cell 2 has a value but its column has no name in the header"
    );
}

#[test]
fn empty_and_duplicate_names() {
    let err = problems("segment,firms,adopters\n,100,10\nMicro,100,10\n Micro ,5,1\n");
    assert_eq!(
        err,
        [
            "line 2, column \"segment\": the segment has no name",
            "line 4, column \"segment\": \"Micro\" is already the name of the segment on line 3",
        ]
    );
    let long = "x".repeat(limits::MAX_TEXT + 1);
    let (_, column, message) = only_problem(&format!("segment,firms,adopters\n{long},1,0\n"));
    assert_eq!(column.as_deref(), Some("segment"));
    assert_eq!(message, "the name is 201 characters long; the most is 200");
    let (_, _, message) = only_problem("segment,firms,adopters\n\"Micro,1,0\nSmall,1,0\n");
    assert_eq!(
        message,
        "this line has 1 cell but the header has 3 columns; a cell runs over a line break \
         here: is a closing quote (\") missing?"
    );
    let (_, _, message) = only_problem("segment,firms,adopters\n\"Mi\ncro\",1,0\n");
    assert!(message.contains("closing quote"), "{message}");
    let (_, _, message) = only_problem("segment,firms,adopters\nMi\u{fffd}cro,1,0\n");
    assert!(message.contains("CSV UTF-8"), "{message}");
    let (_, _, message) = only_problem("segment,firms,adopters\nMi\u{7}cro,1,0\n");
    assert!(message.contains("control character"), "{message}");
}

#[test]
fn not_a_number() {
    let err = problems("segment,firms,adopters,p\nMicro,many,1.5,high\nSmall,,x,0.5..\n");
    assert_eq!(
        err,
        [
            "line 2, column \"firms\": \"many\" is not a whole number",
            "line 2, column \"adopters\": \"1.5\" is not a whole number",
            "line 2, column \"p\": \"high\" is not a number or a range: write a number such \
             as 0.38, or a range low..high or low..mode..high such as 0.30..0.38..0.53",
            "line 3, column \"firms\": is empty: write the number of firms in the segment",
            "line 3, column \"adopters\": \"x\" is not a whole number",
            "line 3, column \"p\": \"0.5..\" is not a number or a range: write a number such \
             as 0.38, or a range low..high or low..mode..high such as 0.30..0.38..0.53",
        ]
    );
    let (_, column, message) = only_problem("segment,firms,adopters,q\nMicro,10,1,\"0,38\"\n");
    assert_eq!(column.as_deref(), Some("q"));
    assert_eq!(
        message,
        "\"0,38\" is not a number: in a comma-separated file write decimals with a point (0.38)"
    );
    let (_, _, message) = only_problem("segment,firms,adopters,q\nMicro,10,1,38%\n");
    assert_eq!(
        message,
        "\"38%\" is a percentage: write it as a share, 0.38"
    );
    let (_, _, message) = only_problem("segment,firms,adopters,q\nMicro,10,1,NaN\n");
    assert!(message.starts_with("\"NaN\" is not a number"), "{message}");
}

#[test]
fn thousands_separators() {
    let (line, column, message) = only_problem("segment,firms,adopters\nMicro,\"15,300\",1600\n");
    assert_eq!((line, column.as_deref()), (Some(2), Some("firms")));
    assert_eq!(
        message,
        "\"15,300\" has a thousands separator: write 15300, digits only"
    );
    let (_, column, message) = only_problem("segment;firms;adopters\nMicro;15300;1.600\n");
    assert_eq!(column.as_deref(), Some("adopters"));
    assert_eq!(
        message,
        "\"1.600\" has a thousands separator: write 1600, digits only"
    );
}

#[test]
fn adopters_above_firms() {
    let err = parse_csv("segment,firms,adopters\nMicro,8000,1600\nSmall,1200,5000\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3, column \"adopters\": 5,000 is more than the segment's 1,200 firms"
    );
    let (_, column, message) = only_problem("segment,firms,adopters\nMicro,0,0\n");
    assert_eq!(column.as_deref(), Some("firms"));
    assert_eq!(message, "must be between 1 and 10,000,000 (got 0)");
    let (_, _, message) = only_problem("segment,firms,adopters\nMicro,10000001,0\n");
    assert_eq!(message, "must be between 1 and 10,000,000 (got 10000001)");
}

#[test]
fn coefficients_out_of_range() {
    let err = problems("segment,firms,adopters,p,q,aware_share\nMicro,10,1,1.5,-0.1,0..2\n");
    assert_eq!(
        err,
        [
            "line 2, column \"p\": must be between 0 and 1 (got 1.5)",
            "line 2, column \"q\": must be between 0 and 1 (got -0.1)",
            "line 2, column \"aware_share\": high must be between 0 and 1 (got 2)",
        ]
    );
}

#[test]
fn range_out_of_order() {
    let (line, column, message) =
        only_problem("segment;firms;adopters;q\n\nMicro;10;1;0,3..0,2..0,5\n");
    assert_eq!((line, column.as_deref()), (Some(3), Some("q")));
    assert_eq!(
        message,
        "needs low <= mode <= high (got low 0.3, mode 0.2, high 0.5)"
    );
}

#[test]
fn exit_and_entry_rates_are_shares_up_to_a_half() {
    let got =
        parse_csv("segment;firms;adopters;exit_rate;entry_rate\nMicro;100;10;0,08;\n").unwrap();
    assert_eq!(got[0].exit_rate, 0.08);
    assert_eq!(
        got[0].entry_rate,
        defaults().entry_rate,
        "a blank cell takes the default"
    );
    let got = parse_csv("segment,firms,adopters\nMicro,100,10\n").unwrap();
    assert_eq!(
        (got[0].exit_rate, got[0].entry_rate),
        (defaults().exit_rate, defaults().entry_rate)
    );
    let err = problems(
        "segment,firms,adopters,exit_rate,entry_rate\n\
         A,100,10,0.7,-0.1\n\
         B,100,10,0.1..0.2,8%\n\
         C,100,10,NaN,1e999\n",
    );
    assert_eq!(
        err,
        [
            "line 2, column \"exit_rate\": must be between 0 and 0.5 (got 0.7)",
            "line 2, column \"entry_rate\": must be between 0 and 0.5 (got -0.1)",
            "line 3, column \"exit_rate\": is not a number (got \"0.1..0.2\")",
            "line 3, column \"entry_rate\": \"8%\" is a percentage: write it as a share, 0.08",
            "line 4, column \"exit_rate\": \"NaN\" is not a number or a range: write a number such as 0.38, or a range low..high or low..mode..high such as 0.30..0.38..0.53",
            "line 4, column \"entry_rate\": must be between 0 and 0.5 (got inf)",
        ]
    );
}

#[test]
fn empty_files() {
    for text in ["", "\u{feff}", "\n\n", " \r\n ", ";;;\n"] {
        let (line, column, message) = only_problem(text);
        assert_eq!((line, column), (Some(1), None), "{text:?}");
        assert!(message.starts_with("the file is empty"), "{message}");
    }
}

#[test]
fn header_only() {
    let (line, column, message) = only_problem("segment,firms,adopters\n");
    assert_eq!((line, column), (Some(2), None));
    assert!(message.contains("no segments"), "{message}");
}

#[test]
fn not_text() {
    let (line, column, message) = only_problem("PK\u{3}\u{4}\n\0\0\0");
    assert_eq!((line, column), (Some(2), None));
    assert!(message.starts_with("this is not a text file"), "{message}");
}

#[test]
fn too_many_segments() {
    let mut text = String::from("segment,firms,adopters\n");
    for i in 0..25 {
        text.push_str(&format!("S{i},10,1\n"));
    }
    let (line, column, message) = only_problem(&text);
    assert_eq!((line, column), (Some(22), None));
    assert_eq!(
        message,
        "the file has 25 segments; a population has at most 20 (this is segment 21)"
    );
    let exactly: String = text
        .lines()
        .take(limits::MAX_SEGMENTS + 1)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(parse_csv(&exactly).unwrap().len(), limits::MAX_SEGMENTS);
}

#[test]
fn too_many_firms() {
    let text = "segment,firms,adopters\nA,6000000,0\nB,4000000,0\nC,1,0\nD,5,0\n";
    let (line, column, message) = only_problem(text);
    assert_eq!((line, column.as_deref()), (Some(4), Some("firms")));
    assert_eq!(
        message,
        "the segments up to this line have 10,000,001 firms in all; a population has at most \
         10,000,000"
    );
    assert!(parse_csv("segment,firms,adopters\nA,6000000,0\nB,4000000,0\n").is_ok());
}

#[test]
fn too_large() {
    let mut text = String::from("segment,firms,adopters\nMicro,10,1\n");
    text.push_str(&" ".repeat(MAX_CSV_BYTES + 1 - text.len()));
    let (line, column, message) = only_problem(&text);
    assert_eq!((line, column), (None, None));
    assert!(message.contains("1,048,577 bytes"), "{message}");
    text.pop();
    assert!(parse_csv(&text).is_ok(), "exactly the limit is read");
}

#[test]
fn all_problems_in_file_order() {
    let text = "segment,firms,adopters,colour\nMicro,10,20,red\nMicro,x,1,blue\n";
    let err = parse_csv(text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, column \"colour\": unknown column: the columns are segment, firms, adopters, \
         p, q, aware_share, exit_rate and entry_rate\n\
         line 2, column \"adopters\": 20 is more than the segment's 10 firms\n\
         line 3, column \"segment\": \"Micro\" is already the name of the segment on line 2\n\
         line 3, column \"firms\": \"x\" is not a whole number"
    );
}

#[test]
fn the_example_in_docs_scenario_md() {
    let text = "segment;firms;adopters;q\nMicro;8.000;1600;0,12\nSmall;1200;5000;0,05..0,2..0,12\n\
                Small;400;\nMedium;abc;10;38%\n";
    assert_eq!(
        parse_csv(text).unwrap_err().to_string(),
        "line 2, column \"firms\": \"8.000\" has a thousands separator: write 8000, digits only\n\
         line 3, column \"adopters\": 5,000 is more than the segment's 1,200 firms\n\
         line 3, column \"q\": needs low <= mode <= high (got low 0.05, mode 0.2, high 0.12)\n\
         line 4: this line has 3 cells but the header has 4 columns\n\
         line 5, column \"firms\": \"abc\" is not a whole number\n\
         line 5, column \"q\": \"38%\" is a percentage: write it as a share, 0.38"
    );
    let docs = include_str!("../../../docs/scenario.md");
    assert!(docs.contains(&template(&preset::cantabria().segments)));
}

#[test]
fn problems_are_capped() {
    let mut text = String::from("segment,firms,adopters\n");
    for i in 0..30 {
        text.push_str(&format!("S{i},x,0\n"));
    }
    let err = parse_csv(&text).unwrap_err();
    assert_eq!(err.problems.len(), MAX_PROBLEMS);
    // 30 bad firms cells and the 21st segment.
    assert_eq!(err.more, 31 - MAX_PROBLEMS);
    assert!(err.to_string().ends_with("\nand 11 more problems"), "{err}");
    assert_eq!(err.to_string().lines().count(), MAX_PROBLEMS + 1);
}

#[test]
fn lines_count_blank_lines_and_quoted_breaks() {
    let text = "segment,firms,adopters,p\r\"Two\nline\",10,1,0.1\r\r\nOld Mac,10,1,7\r";
    // The name with a line break is refused, and the next row is on line 5.
    let err = problems(text);
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].starts_with("line 2, column \"segment\""), "{err:?}");
    assert!(err[1].starts_with("line 5, column \"p\""), "{err:?}");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use adoption_model::Scenario;
    use proptest::prelude::*;

    fn param() -> impl Strategy<Value = Param> {
        prop_oneof![
            (0.0..=1.0f64).prop_map(Param::Exact),
            Just(Param::Exact(0.0)),
            Just(Param::Exact(1.0)),
            (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, any::<bool>()).prop_map(
                |(a, b, t, with_mode)| {
                    let (low, high) = if a <= b { (a, b) } else { (b, a) };
                    Param::Range(Range {
                        low,
                        mode: with_mode.then(|| (low + t * (high - low)).clamp(low, high)),
                        high,
                    })
                }
            ),
        ]
    }

    fn segments() -> impl Strategy<Value = Vec<Segment>> {
        // No control characters (refused), no spaces at either end (trimmed), no U+FFFD
        // (refused as the mark of a file in the wrong encoding).
        let name = "[^\\p{Cc}\\s\u{fffd}]([^\\p{Cc}\u{fffd}]{0,30}[^\\p{Cc}\\s\u{fffd}])?";
        let one = (
            name,
            1u32..=500_000,
            0.0..=1.0f64,
            param(),
            param(),
            param(),
            (
                0.0..=limits::MAX_TURNOVER_RATE,
                0.0..=limits::MAX_TURNOVER_RATE,
            ),
        )
            .prop_map(
                |(name, firms, share, p, q, aware_share, (exit_rate, entry_rate))| Segment {
                    name,
                    firms,
                    adopters: (f64::from(firms) * share) as u32,
                    p,
                    q,
                    aware_share,
                    exit_rate,
                    entry_rate,
                },
            );
        prop::collection::vec(one, 1..=limits::MAX_SEGMENTS).prop_map(|mut v| {
            let mut seen = std::collections::HashSet::new();
            v.retain(|s| seen.insert(s.name.clone()));
            v
        })
    }

    proptest! {
        #[test]
        fn valid_segments_round_trip(segments in segments()) {
            prop_assert_eq!(parse_csv(&template(&segments)), Ok(segments));
        }

        #[test]
        fn any_text_is_answered_without_panic(
            text in prop_oneof!["(?s).{0,300}", "[\u{feff}\"\r\n\t,;.0-9a ]{0,300}"],
        ) {
            if let Err(err) = parse_csv(&text) {
                prop_assert!(!err.problems.is_empty() && err.problems.len() <= MAX_PROBLEMS);
            }
        }

        #[test]
        fn accepted_files_pass_scenario_validation(
            header in prop::sample::subsequence(
                vec!["segment", "firms", "adopters", "p", "q", "aware_share", "exit_rate", "entry_rate", "x", ""], 0..=10),
            rows in prop::collection::vec(
                prop::collection::vec("[a-c0-9 .,;\"\\t\\r\\n%-]{0,8}", 0..=8), 0..=24),
            delimiter in prop::sample::select(vec![",", ";", "\t"]),
        ) {
            let mut text = header.join(delimiter);
            for row in rows {
                text.push('\n');
                text.push_str(&row.join(delimiter));
            }
            if let Ok(segments) = parse_csv(&text) {
                let scenario = Scenario { segments, targets: vec![], ..preset::cantabria() };
                prop_assert!(scenario.validate().is_ok(), "{}", text);
            } else if let Err(err) = parse_csv(&text) {
                prop_assert!(!err.problems.is_empty());
                prop_assert!(err.problems.iter().all(|p| p.line.is_some()));
            }
        }
    }
}
