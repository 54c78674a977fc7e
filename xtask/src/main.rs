//! Project automation (`cargo xtask <command>`): installs the tools the web build needs,
//! builds and serves the site, and runs every test the way CI does.
//!
//! Only `std` is used so that the first `cargo xtask` compiles in seconds, before any of
//! the real build tools exist on the machine.

mod audit;
mod dist;
mod e2e;
mod fuzz;
mod sh;
mod soak;
mod steps;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup           install whatever is missing: wasm32 target, trunk, wasm-bindgen-cli,
                  chromium + chromedriver, npm packages (a warm run installs nothing)
  test [--quick]  setup, then fmt, clippy, native tests, model parity on wasm32, browser
                  component tests, fuzzing (200,000 inputs), site build, end-to-end tests,
                  a one-minute soak, the Lighthouse audit; stops at the first failure
                  (--quick skips fmt, clippy, fuzzing, the site build, the end-to-end
                  tests, the soak and the audit)
  dist            setup, then build the release site into dist/ (with the first view
                  baked per language by the built app in Chromium), print its sizes and
                  fail when the first load is over its budget (300,000 B gzip)
  audit [ARGS]    Lighthouse (mobile, gzip-served) on the built dist/: default page, embed,
                  a preset link, 5 runs each, the CPU slowdown calibrated to this machine;
                  fails when a median misses the budget (ARGS: --runs N, --page NAME,
                  --save DIR, --verbose, --cpu-multiplier N, --allow-missing ID,ID; see
                  e2e/audit.mjs)
  serve           setup, then serve the release site at http://127.0.0.1:8080/, rebuilt on
                  every change (reload the page by hand)
  fuzz [--inputs N]  fuzz the scenario, link, population and series readers (release
                  build, every core; 200,000 inputs unless N is given)
  soak [--minutes N]  use the built site (dist/) continuously for N minutes (10 unless
                  given) and fail if the JS heap, the wasm memory or the DOM keeps growing
  bench [ARGS]    cargo bench -p adoption-model [ARGS]
  help            print this message
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match (command.as_str(), rest) {
        ("setup", []) => tools::setup(tools::Browser::Yes),
        ("test", []) => steps::test(false),
        ("test", [flag]) if flag == "--quick" => steps::test(true),
        ("dist", []) => dist::dist(),
        ("serve", []) => dist::serve(),
        ("audit", rest) => audit::command(rest),
        ("fuzz", rest) => fuzz::command(rest),
        ("soak", rest) => soak::command(rest),
        ("bench", extra) => sh::run(
            sh::cargo()
                .args(["bench", "-p", "adoption-model"])
                .args(extra),
        ),
        ("help" | "-h" | "--help", _) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("xtask: unknown command or option: {}\n", args.join(" "));
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {command}: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}
