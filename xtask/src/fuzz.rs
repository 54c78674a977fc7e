//! `cargo xtask fuzz [--inputs N]`: the readers' fuzzer (`crates/formats/tests/fuzz`)
//! built with optimisations, overflow checks and debug assertions, on every core.

use crate::sh::{self, Result};

/// Inputs of the run in `cargo xtask test`: about a minute on a 2-core machine.
pub const CI_INPUTS: u64 = 200_000;

/// Runs the fuzzer on `inputs` inputs (and every stored crasher).
///
/// NOTE: a profile of its own, defined here with `--config` rather than in Cargo.toml:
/// release speed, but with the overflow checks and debug assertions a fuzzer needs to
/// see arithmetic going wrong, without the release profile's slow link-time optimisation
/// and in its own directory (`target/fuzz`), so it never rebuilds the release binaries.
pub fn run(inputs: u64) -> Result {
    let profile = [
        "profile.fuzz.inherits=\"release\"",
        "profile.fuzz.lto=false",
        "profile.fuzz.codegen-units=16",
        "profile.fuzz.overflow-checks=true",
        "profile.fuzz.debug-assertions=true",
        "profile.fuzz.panic=\"unwind\"",
    ];
    let mut cargo = sh::cargo();
    cargo.arg("test");
    for setting in profile {
        cargo.args(["--config", setting]);
    }
    sh::run(
        cargo
            .args([
                "--profile",
                "fuzz",
                "-p",
                "adoption-formats",
                "--test",
                "fuzz",
            ])
            .args(["--", "--inputs", &inputs.to_string()]),
    )
}

/// `cargo xtask fuzz [--inputs N]` (N may be written `10_000_000`).
pub fn command(args: &[String]) -> Result {
    match args {
        [] => run(CI_INPUTS),
        [flag, n] if flag == "--inputs" => run(n
            .replace('_', "")
            .parse()
            .map_err(|_| format!("--inputs {n}: not a whole number"))?),
        _ => Err(format!(
            "usage: cargo xtask fuzz [--inputs N] (got {})",
            args.join(" ")
        )),
    }
}
