//! `cargo xtask dist` and `cargo xtask serve`: the release site via trunk.

use crate::sh::{self, Result};
use crate::tools;
use std::path::{Path, PathBuf};

/// Where trunk serves during development (`cargo xtask serve`).
const SERVE_ADDRESS: &str = "127.0.0.1";
const SERVE_PORT: &str = "8080";
/// What counts towards the page weight a visitor downloads.
const WEIGHED: [&str; 5] = ["html", "js", "mjs", "wasm", "css"];
/// The page the first view opens; it names every other file that view fetches.
const PAGE: &str = "index.html";
/// Budget of the first load (issue 12): the page and every HTML/JS/CSS/wasm file it names,
/// gzip -9, in bytes. A module loaded only when first used (not named in the page) is
/// printed but not counted.
pub const FIRST_LOAD_BUDGET: u64 = 300_000;

/// Setup (with the browser, which draws the baked first view), then build and report sizes.
pub fn dist() -> Result {
    tools::setup(tools::Browser::Yes)?;
    build()
}

/// Builds the release site into dist/, prints its file sizes and checks the first load's
/// budget.
///
/// `--public-url ./` makes trunk write relative asset URLs (`./app-….js`), so the site
/// works from any sub-path (e.g. a GitHub Pages project page) without rebuilding.
pub fn build() -> Result {
    sh::run(sh::cmd("trunk").args(["build", "--release", "--public-url", "./"]))?;
    sh::run(
        sh::cmd("node")
            .args([BAKE, "dist"])
            .env("CHROMIUM", tools::CHROMIUM),
    )?;
    report(&sh::root().join("dist"))
}

/// Bakes the first view (the app's first screen per address and language) into dist/first/
/// and the script that shows it into index.html.
const BAKE: &str = "tools/first-view.mjs";
/// Where the baked first views are: a visitor's first load fetches one of them.
const BAKED: &str = "first/";

/// Setup without the browser, then trunk's dev server with rebuild-on-change.
pub fn serve() -> Result {
    tools::setup(tools::Browser::No)?;
    println!("serving at http://{SERVE_ADDRESS}:{SERVE_PORT}/ (Ctrl-C stops)");
    // NOTE: no auto-reload: trunk writes its reload script with placeholders it fills in
    // each response (the address and port), after the post-build hook has hashed it, so the
    // page's strict Content-Security-Policy refuses it. Rebuilds still happen on change;
    // reload the page by hand.
    sh::run(sh::cmd("trunk").args([
        "serve",
        "--release",
        "--no-autoreload",
        "true",
        "--address",
        SERVE_ADDRESS,
        "--port",
        SERVE_PORT,
    ]))
}

/// Prints every file in `dir` with its raw and gzip -9 size, then the gzip total of the
/// files a browser downloads (HTML, JS, WASM, CSS) — the number to watch for bloat — and
/// fails when the first load is over [`FIRST_LOAD_BUDGET`].
fn report(dir: &Path) -> Result {
    let page = std::fs::read_to_string(dir.join(PAGE))
        .map_err(|e| format!("cannot read {}: {e}", dir.join(PAGE).display()))?;
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    println!(
        "\n{:>12} {:>12}  file (in {})",
        "raw",
        "gzip -9",
        dir.display()
    );
    let (mut raw_total, mut gzip_total, mut first_load, mut baked) = (0, 0, 0, 0);
    for file in &files {
        let raw = std::fs::metadata(file)
            .map_err(|e| format!("cannot stat {}: {e}", file.display()))?
            .len();
        let gzip = gzip_size(file)?;
        let name = file.strip_prefix(dir).unwrap_or(file).display();
        let first = is_weighed(file) && is_first_load(&page, &name.to_string());
        let mark = if first { "  (first load)" } else { "" };
        println!("{:>12} {:>12}  {name}{mark}", group(raw), group(gzip));
        if is_weighed(file) {
            raw_total += raw;
            gzip_total += gzip;
        }
        if first {
            first_load += gzip;
        }
        if name.to_string().starts_with(BAKED) {
            baked = baked.max(gzip);
        }
    }
    // A visitor fetches at most one baked first view: the largest counts.
    first_load += baked;
    println!(
        "{:>12} {:>12}  the largest of {BAKED} (first load)",
        "",
        group(baked)
    );
    println!(
        "{:>12} {:>12}  total of {}",
        group(raw_total),
        group(gzip_total),
        WEIGHED.join("/")
    );
    println!(
        "{:>12} {:>12}  first load (budget {} B gzip -9)",
        "",
        group(first_load),
        group(FIRST_LOAD_BUDGET)
    );
    check_budget(first_load)
}

/// Whether a dist/ file is fetched by the first view: the page itself, or a file the page
/// names (trunk writes each script, stylesheet and module into it, the wasm as a preload).
fn is_first_load(page: &str, name: &str) -> bool {
    name == PAGE || page.contains(name)
}

/// The first load's weight against [`FIRST_LOAD_BUDGET`], with a message saying what to do.
fn check_budget(first_load: u64) -> Result {
    if first_load <= FIRST_LOAD_BUDGET {
        return Ok(());
    }
    Err(format!(
        "the first load is {} B gzip -9, {} B over its budget of {} B: make room \
         (load what the first view does not need when first used) before adding weight",
        group(first_load),
        group(first_load - FIRST_LOAD_BUDGET),
        group(FIRST_LOAD_BUDGET)
    ))
}

/// All regular files below `dir`, recursively (trunk may write snippets/ subfolders).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn is_weighed(file: &Path) -> bool {
    file.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| WEIGHED.contains(&ext))
}

/// Compressed size via the gzip command (std has no deflate, and a crate would slow
/// down xtask's build for one number).
fn gzip_size(file: &Path) -> Result<u64> {
    let output = sh::cmd("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "gzip -9 -c {} failed ({})",
            file.display(),
            output.status
        ));
    }
    Ok(output.stdout.len() as u64)
}

/// `1234567` → `1,234,567`, so sizes are readable at a glance.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{FIRST_LOAD_BUDGET, check_budget, group, is_first_load};

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(150_585), "150,585");
        assert_eq!(group(1_234_567), "1,234,567");
    }

    #[test]
    fn the_budget_fails_one_byte_over() {
        assert!(check_budget(FIRST_LOAD_BUDGET).is_ok());
        let error = check_budget(FIRST_LOAD_BUDGET + 1).expect_err("over budget");
        assert!(
            error.contains("1 B over its budget of 300,000 B"),
            "{error}"
        );
    }

    #[test]
    fn the_first_load_is_what_the_page_names() {
        let page = r#"<link rel="modulepreload" href="./app-1a.js"><link rel="preload" href="./app-1a_bg.wasm">"#;
        assert!(is_first_load(page, "index.html"));
        assert!(is_first_load(page, "app-1a.js"));
        assert!(is_first_load(page, "app-1a_bg.wasm"));
        assert!(!is_first_load(page, "report-2b.js"));
    }
}
