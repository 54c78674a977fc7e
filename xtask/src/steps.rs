//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.
//!
//! Steps whose inputs do not exist yet (the wasm golden test, browser tests, the site,
//! the end-to-end script) are skipped with a message instead of failing, so the
//! pipeline works at every stage of the project.

use crate::sh::{self, Result};
use crate::{dist, e2e, tools};
use std::time::Instant;

/// What a step did, when it did not fail.
pub enum Outcome {
    Passed,
    Skipped(String),
}

/// One test step: `slow` ones are left out by `--quick`.
struct Step {
    name: &'static str,
    slow: bool,
    run: fn() -> Result<Outcome>,
}

const STEPS: [Step; 7] = [
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
        name: "site build (dist)",
        slow: true,
        run: site,
    },
    Step {
        name: "end-to-end tests",
        slow: true,
        run: end_to_end,
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
        let outcome = (step.run)().map_err(|e| {
            format!(
                "step {number} ({}) failed after {}: {e}",
                step.name,
                sh::secs(step_started.elapsed())
            )
        })?;
        let took = sh::secs(step_started.elapsed());
        match outcome {
            Outcome::Passed => println!("<== [{number}] ok in {took}\n"),
            Outcome::Skipped(why) => println!("<== [{number}] skipped: {why}\n"),
        }
    }
    println!("all steps passed in {}", sh::secs(started.elapsed()));
    Ok(())
}

fn fmt() -> Result<Outcome> {
    sh::run(sh::cargo().args(["fmt", "--all", "--check"]))?;
    Ok(Outcome::Passed)
}

/// `--all-targets` makes clippy compile the bench targets, which `cargo test` leaves out.
fn clippy() -> Result<Outcome> {
    sh::run(sh::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    Ok(Outcome::Passed)
}

fn native_tests() -> Result<Outcome> {
    sh::run(sh::cargo().args(["test", "--workspace"]))?;
    Ok(Outcome::Passed)
}

/// The model must give the same numbers in the browser as natively; the golden test
/// runs under Node via wasm-bindgen-test-runner.
fn wasm_golden() -> Result<Outcome> {
    if let Some(skip) = missing("crates/model/tests/golden.rs") {
        return Ok(skip);
    }
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
    )?;
    Ok(Outcome::Passed)
}

/// Component tests need a real DOM: the runner drives Debian's chromium via chromedriver
/// (it adds the headless and no-sandbox flags itself).
fn web_tests() -> Result<Outcome> {
    if let Some(skip) = missing("tests/web.rs") {
        return Ok(skip);
    }
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
    )?;
    Ok(Outcome::Passed)
}

/// The same build as `cargo xtask dist`, so the end-to-end step tests what ships.
fn site() -> Result<Outcome> {
    if let Some(skip) = missing("index.html") {
        return Ok(skip);
    }
    dist::build()?;
    Ok(Outcome::Passed)
}

fn end_to_end() -> Result<Outcome> {
    if let Some(skip) = missing("e2e/run.mjs") {
        return Ok(skip);
    }
    if !sh::root().join("dist/index.html").exists() {
        return Err("dist/index.html is missing: the site build (step 6) made nothing".into());
    }
    e2e::run()?;
    Ok(Outcome::Passed)
}

/// `Some(skip)` when a step's input file is not in the repository (yet).
fn missing(file: &str) -> Option<Outcome> {
    (!sh::root().join(file).exists()).then(|| Outcome::Skipped(format!("{file} not present")))
}
