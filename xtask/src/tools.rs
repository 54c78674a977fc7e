//! `cargo xtask setup`: installs the build and test tools, each only when missing.
//!
//! Every check is cheap (a `--version` probe or a file test) so a warm setup takes
//! seconds; installs come only from crates.io, npm and Debian, the registries this
//! machine can reach. Versions are pinned to the set documented in TOOLCHAIN.md.

use crate::sh::{self, Result};
use std::path::Path;
use std::time::Instant;

/// trunk 0.22 needs a newer rustc than the machine's 1.95.
const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in Cargo.lock.
const WASM_BINDGEN: &str = "0.2.130";
/// What Trunk.toml's `[tools] wasm_opt` expects; the npm `binaryen` package pinned in
/// package.json provides it.
const WASM_OPT: &str = "version_132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The end-to-end runner, pinned in package-lock.json (`@playwright/test`).
const PLAYWRIGHT: &str = "node_modules/.bin/playwright";
/// Written into node_modules after a successful `npm ci`: the package.json and
/// package-lock.json it installed, so a changed lockfile triggers a reinstall.
const NPM_STAMP: &str = "node_modules/.xtask-npm-stamp";

/// Whether to install the headless browser, which only the test steps use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Yes,
    No,
}

/// Installs everything missing, printing one line per tool.
pub fn setup(browser: Browser) -> Result {
    let started = Instant::now();
    println!("== setup");
    step(&format!("rust target {WASM_TARGET}"), wasm_target)?;
    step(&format!("trunk {TRUNK}"), trunk)?;
    step(&format!("wasm-bindgen-cli {WASM_BINDGEN}"), wasm_bindgen)?;
    if browser == Browser::Yes {
        step("chromium + chromedriver (Debian)", chromium)?;
    }
    step("npm packages (package-lock.json)", npm)?;
    println!("== setup done in {}\n", sh::secs(started.elapsed()));
    Ok(())
}

/// What a setup step did.
enum Did {
    AlreadyPresent,
    Installed,
}

/// Runs one setup step and prints its single summary line.
fn step(name: &str, install: fn() -> Result<Did>) -> Result {
    let started = Instant::now();
    let did = install().map_err(|e| format!("setup of {name}: {e}"))?;
    match did {
        Did::AlreadyPresent => println!("setup: {name}: already present"),
        Did::Installed => println!(
            "setup: {name}: installed in {}",
            sh::secs(started.elapsed())
        ),
    }
    Ok(())
}

fn wasm_target() -> Result<Did> {
    let installed = sh::stdout_of(sh::cmd("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed; is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(Did::AlreadyPresent);
    }
    sh::run(sh::cmd("rustup").args(["target", "add", WASM_TARGET]))?;
    Ok(Did::Installed)
}

fn trunk() -> Result<Did> {
    if version_of("trunk").as_deref() == Some(TRUNK) {
        return Ok(Did::AlreadyPresent);
    }
    println!("setup: installing trunk {TRUNK} (about 3.5 minutes on 2 cores)");
    // --locked: trunk's own lockfile resolves against this registry mirror, and an
    // unlocked resolve would pick dependencies needing a newer rustc.
    // --no-default-features: no TLS stack and no update check (the build is offline).
    let spec = format!("trunk@{TRUNK}");
    sh::run(quick_install().args(["--locked", "--no-default-features", &spec]))?;
    expect_version("trunk", TRUNK)?;
    Ok(Did::Installed)
}

fn wasm_bindgen() -> Result<Did> {
    let runner_present = sh::stdout_of(sh::cmd("wasm-bindgen-test-runner").arg("--version"));
    if version_of("wasm-bindgen").as_deref() == Some(WASM_BINDGEN) && runner_present.is_some() {
        return Ok(Did::AlreadyPresent);
    }
    println!("setup: installing wasm-bindgen-cli {WASM_BINDGEN} (about 1.5 minutes)");
    // No --locked: the crate's lockfile pins a dependency version the mirror lacks.
    // It installs wasm-bindgen-test-runner too.
    let spec = format!("wasm-bindgen-cli@{WASM_BINDGEN}");
    sh::run(quick_install().arg(&spec))?;
    expect_version("wasm-bindgen", WASM_BINDGEN)?;
    Ok(Did::Installed)
}

/// `cargo install --force`, built for a short install rather than the fastest tool.
///
/// NOTE: trunk's own release profile links with fat LTO in one codegen unit, a single
/// rustc process of about three minutes on one core; at opt-level 1 and without LTO its
/// dependencies build in about half the time too. These tools only move and hash a few
/// files and run wasm-bindgen's rewrite of the modules (well under a second each), so CI,
/// which installs them afresh every run, gains minutes and loses nothing measurable.
fn quick_install() -> std::process::Command {
    let mut cargo = sh::cargo();
    cargo
        .args(["install", "--force"])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1");
    cargo
}

fn chromium() -> Result<Did> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(Did::AlreadyPresent);
    }
    println!("setup: installing chromium and chromium-driver from Debian");
    sh::run(&mut apt_get(&["update"]))?;
    sh::run(&mut apt_get(&[
        "install",
        "-y",
        "chromium",
        "chromium-driver",
    ]))?;
    for file in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(file).exists() {
            return Err(format!("{file} is still missing after apt-get install"));
        }
    }
    Ok(Did::Installed)
}

/// `apt-get ARGS`, through sudo unless we already are root (containers often lack sudo).
fn apt_get(args: &[&str]) -> std::process::Command {
    let is_root = sh::stdout_of(sh::cmd("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let mut command = if is_root {
        sh::cmd("apt-get")
    } else {
        let mut sudo = sh::cmd("sudo");
        sudo.arg("apt-get");
        sudo
    };
    command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    command
}

fn npm() -> Result<Did> {
    let wanted = npm_stamp()?;
    let stamp = std::fs::read_to_string(sh::root().join(NPM_STAMP)).ok();
    if stamp.as_deref() == Some(wanted.as_str()) && wasm_opt_ok() && playwright_ok() {
        return Ok(Did::AlreadyPresent);
    }
    // npm ci installs exactly the lockfile (reproducible, never edits it), including
    // @playwright/test. Playwright would otherwise try to download browsers from a CDN
    // we cannot reach; the tests use Debian's chromium instead.
    sh::run(
        sh::cmd("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    if !wasm_opt_ok() {
        return Err(format!(
            "node_modules/.bin/wasm-opt is not {WASM_OPT}: pin the binaryen version that is"
        ));
    }
    if !playwright_ok() {
        return Err(format!(
            "{PLAYWRIGHT} is missing after npm ci: @playwright/test must be in package-lock.json"
        ));
    }
    std::fs::write(sh::root().join(NPM_STAMP), wanted)
        .map_err(|e| format!("cannot write {NPM_STAMP}: {e}"))?;
    Ok(Did::Installed)
}

/// The stamp contents: both manifest files verbatim (they are small), so any edit to
/// either one means node_modules may be stale.
fn npm_stamp() -> Result<String> {
    let mut stamp = String::new();
    for file in ["package.json", "package-lock.json"] {
        let text = std::fs::read_to_string(sh::root().join(file))
            .map_err(|e| format!("cannot read {file}: {e}"))?;
        stamp.push_str(&text);
        stamp.push('\0');
    }
    Ok(stamp)
}

/// Whether the project's own wasm-opt (not a system one) is the version trunk expects.
fn wasm_opt_ok() -> bool {
    let wasm_opt = sh::root().join("node_modules/.bin/wasm-opt");
    let Some(wasm_opt) = wasm_opt.to_str() else {
        return false;
    };
    sh::stdout_of(sh::cmd(wasm_opt).arg("--version"))
        .is_some_and(|out| out.contains(&format!("({WASM_OPT})")))
}

/// Whether the end-to-end runner is installed in the project's node_modules.
fn playwright_ok() -> bool {
    sh::root().join(PLAYWRIGHT).exists()
}

/// The version a `TOOL --version` prints as its second word ("trunk 0.21.14").
fn version_of(tool: &str) -> Option<String> {
    let out = sh::stdout_of(sh::cmd(tool).arg("--version"))?;
    out.split_whitespace().nth(1).map(str::to_owned)
}

/// After an install, fail loudly if `PATH` still finds another version (e.g. an older
/// copy earlier in the user's `PATH`), since trunk would then refuse to build offline.
fn expect_version(tool: &str, wanted: &str) -> Result {
    match version_of(tool) {
        Some(found) if found == wanted => Ok(()),
        found => Err(format!(
            "installed {tool} {wanted}, but `{tool} --version` now reports {}",
            found.as_deref().unwrap_or("nothing")
        )),
    }
}
