//! `cargo xtask soak [--minutes N]`: continuous use of the built site in headless
//! Chromium (`e2e/soak.mjs`), sampling the JS heap, the wasm memory of the page and its
//! workers and the DOM every ~10 s; fails when any still grows after warm-up.

use crate::sh::{self, Result};
use crate::tools;

/// The soak script, run with Node from the workspace root.
const SCRIPT: &str = "e2e/soak.mjs";
/// A full soak: ten minutes (outside CI).
pub const DEFAULT_MINUTES: u32 = 10;
/// The soak in `cargo xtask test`: one minute.
pub const CI_MINUTES: u32 = 1;

/// Soaks the site in `dist/` for `minutes` minutes (build it first: `cargo xtask dist`).
pub fn run(minutes: u32) -> Result {
    for needed in [SCRIPT, "dist/index.html"] {
        if !sh::root().join(needed).exists() {
            return Err(format!(
                "{needed} is missing (the site is built by `cargo xtask dist`)"
            ));
        }
    }
    sh::run(
        sh::cmd("node")
            .args([SCRIPT, "--minutes", &minutes.to_string()])
            .env("CHROMIUM", tools::CHROMIUM),
    )
}

/// `cargo xtask soak [--minutes N]`.
pub fn command(args: &[String]) -> Result {
    match args {
        [] => run(DEFAULT_MINUTES),
        [flag, n] if flag == "--minutes" => match n.parse() {
            Ok(minutes) if minutes > 0 => run(minutes),
            _ => Err(format!(
                "--minutes {n}: a whole number of minutes, 1 or more"
            )),
        },
        _ => Err(format!(
            "usage: cargo xtask soak [--minutes N] (got {})",
            args.join(" ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::command;

    #[test]
    fn refuses_bad_options_before_running_anything() {
        for bad in [
            &["--minutes", "0"][..],
            &["--minutes", "x"],
            &["--hours", "1"],
        ] {
            let args: Vec<String> = bad.iter().map(|s| s.to_string()).collect();
            let error = command(&args).expect_err("refused");
            assert!(error.contains("minutes"), "{error}");
        }
    }
}
