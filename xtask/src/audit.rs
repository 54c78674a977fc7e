//! `cargo xtask audit`: Lighthouse on the built site (dist/), in mobile emulation, served
//! with gzip, on the default page, the embed and a preset link; fails when a median misses
//! the budget. The pages, the runs and the budget live in the script, e2e/audit.mjs.

use crate::sh::{self, Result};
use crate::tools;

/// The audit: a gzip static server and Lighthouse's Node API (npm `lighthouse`, pinned in
/// package.json), driving Debian's chromium.
const SCRIPT: &str = "e2e/audit.mjs";
/// Installed from package-lock.json by `cargo xtask setup` (never fetched by `npx`).
const LIGHTHOUSE: &str = "node_modules/lighthouse/package.json";
/// The audit builds nothing: it weighs what `cargo xtask dist` made.
const SITE: &str = "dist/index.html";

/// `cargo xtask audit [ARGS]`: setup (browser included), then the audit; ARGS go to the
/// script (`--runs N`, `--page NAME`, `--save DIR`, `--verbose`).
pub fn command(args: &[String]) -> Result {
    tools::setup(tools::Browser::Yes)?;
    run(args)
}

/// The audit of dist/ as it is.
pub fn run(args: &[String]) -> Result {
    let root = sh::root();
    for (file, why) in [
        (SCRIPT, "the audit is expected"),
        (LIGHTHOUSE, "run `cargo xtask setup` (npm ci)"),
        (SITE, "build the site first: `cargo xtask dist`"),
    ] {
        if !root.join(file).exists() {
            return Err(format!("{file} is missing: {why}"));
        }
    }
    sh::run(
        sh::cmd("node")
            .arg(SCRIPT)
            .args(args)
            .env("CHROMIUM", tools::CHROMIUM),
    )
}
