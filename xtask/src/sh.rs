//! Running child processes with the project's tool directories on `PATH`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Every fallible xtask operation reports a human-readable message.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root: xtask lives one directory below it, so every command works the
/// same whichever directory `cargo xtask` was started from.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask's manifest directory has a parent")
}

/// `~/.cargo/bin`, where `cargo install` puts trunk and wasm-bindgen.
pub fn cargo_bin() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home).join("bin"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo").join("bin"))
}

/// `PATH` for children: the npm tools first (trunk must find binaryen's `wasm-opt`
/// version_132 before any older system copy), then `~/.cargo/bin` (freshly installed
/// trunk and wasm-bindgen even when the caller's shell lacks it), then the inherited `PATH`.
fn child_path() -> OsString {
    let mut dirs = vec![root().join("node_modules").join(".bin")];
    dirs.extend(cargo_bin());
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the workspace root with the project `PATH`. On Unix the program
/// itself is also looked up in that `PATH`.
pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", child_path());
    command
}

/// The cargo that started us (same toolchain), or the one on `PATH`.
pub fn cargo() -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    cmd(&cargo)
}

/// Runs a command with inherited stdio; a non-zero exit is an error naming the command.
pub fn run(command: &mut Command) -> Result {
    let shown = describe(command);
    println!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The stdout of a command that succeeded, or `None` (not installed, or it failed).
/// Used for version probes, so stderr is discarded.
pub fn stdout_of(command: &mut Command) -> Option<String> {
    let output = command.stderr(std::process::Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `program args…`, preceded by the environment variables set for it (other than `PATH`,
/// which is the same for every child), so a failing step can be rerun by hand.
pub fn describe(command: &Command) -> String {
    let mut words: Vec<String> = command
        .get_envs()
        .filter(|(key, _)| *key != "PATH")
        .filter_map(|(key, value)| {
            value.map(|v| format!("{}={}", key.to_string_lossy(), v.to_string_lossy()))
        })
        .collect();
    let program = Path::new(command.get_program());
    // The cargo from $CARGO is a long toolchain path; its file name says enough.
    words.push(
        program
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    );
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Seconds with one decimal, for step timings.
pub fn secs(elapsed: Duration) -> String {
    format!("{:.1}s", elapsed.as_secs_f64())
}
