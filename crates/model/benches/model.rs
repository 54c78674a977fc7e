//! Benchmarks of the model's hot path (`cargo bench -p adoption-model`).
//!
//! | Bench | What it measures | Target |
//! |---|---|---|
//! | `bass_single` | (a) one segment, 10,000 firms, 15 years, budget 0 | within 1.5x of `bass_floor` |
//! | `bass_floor` | the bare loop of (a)'s binomial draws and Bass updates | the floor |
//! | `cantabria` | (b) the cantabria preset, all instruments, baseline coupled | 1,000 runs < 10 ms |
//! | `cantabria_summary` | summarising 1,000 cantabria runs (quantiles, targets) | part of a page update |
//!
//! Each bench counts runs, so divan prints the time per run beside the time per call.

use adoption_formats::preset;
use adoption_model::sample::{binomial, run_stream};
use adoption_model::scenario::Segment;
use adoption_model::{Ensemble, Model, Param, Scenario, Summary};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const FIRMS: u32 = 10_000;
const ADOPTERS: u32 = 100;
const YEARS: u32 = 15;
const P: f64 = 0.03;
const Q: f64 = 0.38;

fn single_segment() -> Scenario {
    Scenario {
        segments: vec![Segment {
            name: "all firms".into(),
            firms: FIRMS,
            adopters: ADOPTERS,
            p: Param::Exact(P),
            q: Param::Exact(Q),
            aware_share: Param::Exact(0.3),
            exit_rate: 0.0,
            entry_rate: 0.0,
        }],
        years: YEARS,
        budget_eur: 0.0,
        targets: vec![],
        ..preset::example_region()
    }
}

#[divan::bench(args = [1_000, 100_000], sample_count = 20)]
fn bass_single(bencher: Bencher, runs: u32) {
    let model = Model::new(&single_segment()).expect("valid");
    bencher
        .counter(ItemsCount::new(runs))
        .bench(|| Ensemble::simulate(&model, black_box(0..runs)));
}

/// The least any implementation of (a) must do: per run and year, one binomial draw of
/// the non-adopters with the Bass probability, storing the result.
#[divan::bench(args = [1_000, 100_000], sample_count = 20)]
fn bass_floor(bencher: Bencher, runs: u32) {
    bencher.counter(ItemsCount::new(runs)).bench(|| {
        let mut out = vec![0u32; runs as usize * (YEARS as usize + 1)];
        for run in 0..runs {
            let mut rng = run_stream(black_box(1), run);
            let mut adopters = ADOPTERS;
            let row = &mut out[run as usize * (YEARS as usize + 1)..][..YEARS as usize + 1];
            row[0] = adopters;
            for slot in &mut row[1..] {
                let h = (P + Q * f64::from(adopters) / f64::from(FIRMS)).min(1.0);
                adopters += binomial(&mut rng, FIRMS - adopters, h);
                *slot = adopters;
            }
        }
        out
    });
}

#[divan::bench(args = [1_000, 100_000], sample_count = 10)]
fn cantabria(bencher: Bencher, runs: u32) {
    let model = Model::new(&preset::cantabria()).expect("valid");
    bencher
        .counter(ItemsCount::new(runs))
        .bench(|| Ensemble::simulate(&model, black_box(0..runs)));
}

#[divan::bench(sample_count = 20)]
fn cantabria_summary(bencher: Bencher) {
    let model = Model::new(&preset::cantabria()).expect("valid");
    let ensemble = Ensemble::simulate(&model, 0..1_000);
    bencher
        .counter(ItemsCount::new(1_000u32))
        .bench(|| Summary::new(&model, black_box(&ensemble)));
}
