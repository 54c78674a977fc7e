//! Benchmarks of decision support on one thread (`cargo bench -p adoption-decide`).
//!
//! | Bench | What it measures | Browser target (2 workers) |
//! |---|---|---|
//! | `triangle_full` | all 231 mixes (5% steps) at 1,000 runs of cantabria | < 1 s |
//! | `triangle_adaptive` | the same, screened at 200 runs, candidates extended to 1,000 | < 1 s |
//! | `triangle_coarse` | the first map: 66 mixes (10% steps) at `COARSE_RUNS` (50) runs | < 200 ms |
//! | `tornado` | every uncertain parameter at its low and high, 1,000 runs | < 500 ms |
//! | `calibrate_10` | a 10-point series (posterior, path band, hold-out) | < 200 ms |
//! | `consult_2000` | 2,000 hand-in links in a text read and summed up (spreads, groups, mean, moving-phantom median) | < 2 s (issue 11, with the page's rendering) |

use adoption_decide::OneThread;
use adoption_decide::calibrate::{Point, calibrate};
use adoption_decide::consult::{Ballot, summarise};
use adoption_decide::optimize::{COARSE_RUNS, COARSE_STEP, STEP, adaptive, optimize};
use adoption_decide::outcome::Objective;
use adoption_decide::sensitivity::{Headline, sensitivity};
use adoption_formats::handin::{self, Entry, Submission};
use adoption_formats::preset;
use divan::black_box;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn triangle_full() {
    let s = preset::cantabria();
    black_box(optimize(&s, Objective::Mean, STEP, &OneThread).expect("valid"));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn triangle_adaptive() {
    let s = preset::cantabria();
    black_box(adaptive(&s, Objective::Mean, STEP, &OneThread, &mut |_| {}).expect("valid"));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn triangle_coarse() {
    let s = adoption_model::Scenario {
        runs: COARSE_RUNS,
        ..preset::cantabria()
    };
    black_box(optimize(&s, Objective::Mean, COARSE_STEP, &OneThread).expect("valid"));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn tornado() {
    let s = preset::cantabria();
    black_box(sensitivity(&s, Headline::AdditionalAdopters, &OneThread).expect("valid"));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn calibrate_10() {
    // EU firms buying cloud services, with gaps (docs/model.md), as shares.
    let points: Vec<Point> = [
        (2014, 0.19),
        (2016, 0.21),
        (2018, 0.26),
        (2019, 0.29),
        (2020, 0.36),
        (2021, 0.41),
        (2022, 0.43),
        (2023, 0.452),
        (2024, 0.47),
        (2025, 0.49),
    ]
    .map(|(year, share)| Point {
        year,
        share,
        sample_size: None,
    })
    .to_vec();
    black_box(calibrate(&points, 1_000).expect("valid"));
}

/// 2,000 hand-in links, one a line of an e-mail-like text, with varied plans and 8 groups.
fn consult_text() -> String {
    let mut text = String::from("From: facilitator\n\n");
    let mut x: u64 = 7;
    for i in 0..2_000u64 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let v = ((x >> 33) % 101) as u8;
        let t = ((x >> 45) % (101 - u64::from(v))) as u8;
        let s = Submission {
            percents: [v, t, 100 - v - t],
            budget_eur: 500_000 + (x >> 20) % 3_000_000,
            start_year: 2025,
            programme_years: 3,
            consult: "cant26".into(),
            group: Some(format!("district {}", i % 8)),
            nonce: x,
        };
        text.push_str(&format!(
            "plan {i}: {}\n",
            s.link("https://example.org/sim/")
        ));
    }
    text
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn consult_2000(bencher: divan::Bencher) {
    let text = consult_text();
    bencher.bench(|| {
        let read = handin::read_text(black_box(&text), Some("cant26")).expect("a code");
        let ballots: Vec<Ballot> = read
            .found
            .into_iter()
            .filter_map(|f| match f.entry {
                Entry::Valid(s) => Some(Ballot {
                    line: f.line,
                    nonce: s.nonce,
                    shares: s.shares(),
                    budget_eur: s.budget_eur as f64,
                    group: s.group,
                }),
                _ => None,
            })
            .collect();
        assert_eq!(ballots.len(), 2_000);
        black_box(summarise(&ballots))
    });
}
