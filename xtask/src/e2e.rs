//! End-to-end step: `playwright test` from the project's node_modules, with the config at
//! the root. The Playwright global setup (e2e/global-setup.mjs) serves `dist/` and builds
//! the CLI oracle; this step only checks the suite is there and runs it.

use crate::sh::{self, Result};
use crate::tools;
use std::path::Path;

/// The Playwright config; it finds every `*.spec.mjs` under [`SPEC_DIR`] by itself.
const CONFIG: &str = "playwright.config.mjs";
const SPEC_DIR: &str = "e2e/tests";
/// The runner installed from package-lock.json by `cargo xtask setup`, never downloaded
/// on the fly (`npx` could fetch a package; this path cannot).
const RUNNER: &str = "node_modules/.bin/playwright";

/// Runs the whole suite; a missing config, spec or runner is a failure, not a skip.
pub fn run() -> Result {
    let root = sh::root();
    if !root.join(CONFIG).exists() {
        return Err(format!(
            "{CONFIG} is missing: the end-to-end suite is expected"
        ));
    }
    let specs = count_specs(&root.join(SPEC_DIR))?;
    if specs == 0 {
        return Err(format!(
            "no *.spec.mjs in {SPEC_DIR}: the end-to-end suite is expected"
        ));
    }
    let runner = root.join(RUNNER);
    if !runner.exists() {
        return Err(format!(
            "{RUNNER} is missing: run `cargo xtask setup` (npm ci)"
        ));
    }
    let runner = runner
        .to_str()
        .ok_or_else(|| format!("{} is not valid UTF-8", runner.display()))?;
    println!("e2e: {specs} spec file(s) in {SPEC_DIR}");
    sh::run(
        sh::cmd(runner)
            .args(["test", "--config", CONFIG])
            .env("CHROMIUM", tools::CHROMIUM),
    )
}

/// How many `*.spec.mjs` files `dir` holds, in any subfolder (Playwright looks there too).
fn count_specs(dir: &Path) -> Result<usize> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut count = 0;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            count += count_specs(&path)?;
        } else if path.to_string_lossy().ends_with(".spec.mjs") {
            count += 1;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::count_specs;
    use std::fs;

    #[test]
    fn counts_specs_in_subfolders_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("xtask-specs-{}", std::process::id()));
        fs::create_dir_all(dir.join("nested")).expect("a temporary folder");
        for file in [
            "a.spec.mjs",
            "nested/b.spec.mjs",
            "helpers.mjs",
            "c.spec.js",
        ] {
            fs::write(dir.join(file), "").expect("a temporary file");
        }
        let counted = count_specs(&dir);
        fs::remove_dir_all(&dir).expect("the temporary folder removed");
        assert_eq!(counted, Ok(2));
    }

    #[test]
    fn a_missing_spec_folder_is_an_error() {
        let missing = std::env::temp_dir().join("xtask-no-such-folder");
        assert!(count_specs(&missing).is_err());
    }
}
