//! Golden values for fixed seeds, run natively and on wasm32 (Node, wasm-bindgen-test):
//! passing on both proves the two platforms give the same numbers, bit for bit.
//!
//! The digests cover every number of a summary (its JSON text, which prints each f64 in
//! its shortest round-trip form, so any change in any bit shows). If a deliberate model
//! change moves them, the failure message prints the new constants: paste them here in the
//! same commit and say why in its message.

use adoption_formats::preset;
use adoption_model::{Scenario, simulate};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// FNV-1a, 64 bit: a small, portable digest.
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn summary_digest(scenario: &Scenario) -> u64 {
    let summary = simulate(scenario).expect("preset is valid");
    digest(&serde_json::to_string(&summary).expect("serialisable"))
}

#[derive(Debug, PartialEq)]
struct Golden {
    /// Mean additional adopters at the horizon, cantabria, 64 runs (f64 bits).
    cantabria_additional_bits: u64,
    /// Digest of the whole cantabria summary, 64 runs.
    cantabria: u64,
    /// Digest of each preset's summary, 16 runs, in preset order.
    presets: Vec<u64>,
    /// First binomial draws of run 7's stream for seed 2025, both samplers.
    draws: Vec<u32>,
}

fn actual() -> Golden {
    use adoption_model::sample::{binomial, run_stream};
    let cantabria = Scenario {
        runs: 64,
        ..preset::cantabria()
    };
    let mut rng = run_stream(2025, 7);
    Golden {
        cantabria_additional_bits: simulate(&cantabria)
            .expect("valid")
            .summary
            .additional_adopters
            .mean
            .to_bits(),
        cantabria: summary_digest(&cantabria),
        presets: preset::PRESETS
            .iter()
            .map(|p| {
                summary_digest(&Scenario {
                    runs: 16,
                    ..p.scenario()
                })
            })
            .collect(),
        draws: [(10_000, 0.1), (10_000, 0.0003), (40, 0.95), (1_000, 0.5)]
            .iter()
            .map(|&(n, p)| binomial(&mut rng, n, p))
            .collect(),
    }
}

#[test]
fn summaries_and_draws_match_their_golden_values() {
    let expected = Golden {
        cantabria_additional_bits: 4632550351076065280,
        cantabria: 8778947376359873235,
        presets: vec![
            15832616938031179178,
            3302785156131477880,
            12663724060438424973,
            6958821328544830919,
            11362887874714949790,
            8629185143582065627,
            16026169918681855297,
            16056848293139917889,
        ],
        draws: vec![1012, 3, 38, 497],
    };
    let got = actual();
    assert!(
        got == expected,
        "golden values moved; if deliberate, paste:\n{got:#?}"
    );
}
