//! Benchmarks of decision support on one thread (`cargo bench -p adoption-decide`).
//!
//! | Bench | What it measures | Browser target (2 workers) |
//! |---|---|---|
//! | `triangle_full` | all 231 mixes (5% steps) at 1,000 runs of cantabria | < 1 s |
//! | `triangle_adaptive` | the same, screened at 200 runs, candidates extended to 1,000 | < 1 s |
//! | `triangle_coarse` | the first map: 66 mixes (10% steps) at 200 runs | < 200 ms |
//! | `tornado` | every uncertain parameter at its low and high, 1,000 runs | < 500 ms |
//! | `calibrate_10` | a 10-point series (posterior, path band, hold-out) | < 200 ms |

use adoption_decide::OneThread;
use adoption_decide::calibrate::{Point, calibrate};
use adoption_decide::optimize::{COARSE_STEP, STEP, adaptive, optimize};
use adoption_decide::outcome::Objective;
use adoption_decide::sensitivity::{Headline, sensitivity};
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
        runs: 200,
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
