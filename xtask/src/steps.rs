//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.
//!
//! Every suite is required: a step whose input is missing (the wasm golden test, the
//! browser tests, the site, the end-to-end suite) fails naming the file it expected, so
//! a deleted or renamed suite can never pass as a green skip.

use crate::sh::{self, Result};
use crate::{audit, dist, e2e, fuzz, soak, tools};
use std::time::Instant;

/// One test step: `slow` ones are left out by `--quick`.
struct Step {
    name: &'static str,
    slow: bool,
    run: fn() -> Result,
}

const STEPS: [Step; 10] = [
    Step {
        name: "cargo fmt --check",
        slow: true,
        run: fmt,
    },
    Step {
        name: "cargo clippy -D warnings",
        slow: true,
        run: clippy,
    },
    Step {
        name: "cargo test (native)",
        slow: false,
        run: native_tests,
    },
    Step {
        name: "model parity on wasm32 (Node)",
        slow: false,
        run: wasm_golden,
    },
    Step {
        name: "app component tests (headless Chromium)",
        slow: false,
        run: web_tests,
    },
    Step {
        name: "fuzz the readers (CI-sized)",
        slow: true,
        run: || fuzz::run(fuzz::CI_INPUTS),
    },
    Step {
        name: "site build (dist)",
        slow: true,
        run: site,
    },
    Step {
        name: "end-to-end tests",
        slow: true,
        run: end_to_end,
    },
    Step {
        name: "soak: a minute of continuous use, memory sampled",
        slow: true,
        run: || soak::run(soak::CI_MINUTES),
    },
    Step {
        name: "Lighthouse audit (mobile, gzip): default page, embed, preset link",
        slow: true,
        run: lighthouse,
    },
];

/// Runs setup (browser included), then the steps; `quick` skips the slow ones.
pub fn test(quick: bool) -> Result {
    let started = Instant::now();
    tools::setup(tools::Browser::Yes)?;
    for (number, step) in (1..).zip(STEPS.iter()) {
        println!("==> [{number}/{}] {}", STEPS.len(), step.name);
        if quick && step.slow {
            println!("<== [{number}] skipped: --quick\n");
            continue;
        }
        let step_started = Instant::now();
        (step.run)().map_err(|e| {
            format!(
                "step {number} ({}) failed after {}: {e}",
                step.name,
                sh::secs(step_started.elapsed())
            )
        })?;
        println!(
            "<== [{number}] ok in {}\n",
            sh::secs(step_started.elapsed())
        );
    }
    println!("all steps passed in {}", sh::secs(started.elapsed()));
    Ok(())
}

fn fmt() -> Result {
    sh::run(sh::cargo().args(["fmt", "--all", "--check"]))
}

/// `--all-targets` makes clippy compile the bench targets, which `cargo test` leaves out.
fn clippy() -> Result {
    sh::run(sh::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn native_tests() -> Result {
    sh::run(sh::cargo().args(["test", "--workspace"]))
}

/// The model must give the same numbers in the browser as natively; the golden test
/// runs under Node via wasm-bindgen-test-runner.
fn wasm_golden() -> Result {
    require("crates/model/tests/golden.rs")?;
    sh::run(
        sh::cargo()
            .args([
                "test",
                "-p",
                "adoption-model",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .args(["--test", "golden"])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
    )
}

/// Component tests need a real DOM: the runner drives Debian's chromium via chromedriver
/// (it adds the headless and no-sandbox flags itself).
fn web_tests() -> Result {
    require("tests/web.rs")?;
    sh::run(
        sh::cargo()
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver"),
    )
}

/// The same build as `cargo xtask dist`, so the end-to-end step tests what ships.
fn site() -> Result {
    require("index.html")?;
    dist::build()
}

fn end_to_end() -> Result {
    require("dist/index.html")
        .map_err(|e| format!("{e} (the site build, step 7, made nothing)"))?;
    e2e::run()
}

/// Lighthouse on the built site (`cargo xtask audit`, 5 runs a page, medians), with its CPU
/// slowdown calibrated to the machine (e2e/audit.mjs): every budget item must be met.
fn lighthouse() -> Result {
    require("dist/index.html")
        .map_err(|e| format!("{e} (the site build, step 7, made nothing)"))?;
    audit::run(&[])
}

/// A step's input must exist: a missing suite fails the run instead of skipping it.
fn require(file: &str) -> Result {
    if sh::root().join(file).exists() {
        Ok(())
    } else {
        Err(format!("{file} is missing: this suite is expected"))
    }
}

#[cfg(test)]
mod tests {
    use super::require;

    #[test]
    fn a_missing_suite_fails_instead_of_skipping() {
        assert!(require("Cargo.toml").is_ok());
        let error = require("e2e/no-such-suite.mjs").expect_err("a missing file fails");
        assert!(error.contains("e2e/no-such-suite.mjs"), "{error}");
    }
}
