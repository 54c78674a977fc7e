//! Fuzzing the readers of scenario files, links, population CSV files, observed series
//! (CSV) and hand-in links in any text: a seeded,
//! structure-aware mutation fuzzer on the stable toolchain. `cargo test` runs a short
//! pass and replays every stored crasher (`regressions/<reader>/`); `cargo xtask fuzz`
//! runs millions of inputs on a release build and every core.
//!
//! | Part | File |
//! |---|---|
//! | the seed inputs | `corpus.rs` |
//! | random numbers: input `n` of a seed is the same text on every machine and thread | `rng.rs` |
//! | mutations of bytes, numbers, splices | `mutate.rs` |
//! | structure-aware mutations of JSON, links, CSV (population tables and series), texts with hand-in links | `json.rs`, `query.rs`, `table.rs`, `handin.rs` |
//! | what must hold for every input | `oracle.rs` |
//! | the hang and memory watchdog | `watch.rs` |
//!
//! `cargo test -p adoption-formats --test fuzz -- [--inputs N] [--first N] [--seed S]
//! [--threads T] [--seconds S] [--reader scenario|link|population|series|handin] [--max-ms MS]
//! [--max-mib MIB]`. A failing input is saved and named by
//! its number: `--first N --inputs 1` (same seed) reads it again.

mod corpus;
mod handin;
mod json;
mod mutate;
mod options;
mod oracle;
mod query;
mod rng;
mod table;
mod watch;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use corpus::Corpus;
use options::Options;
use oracle::Verdict;
use rng::Rng;

/// The readers fuzzed; input `n` goes to reader `n % 5` ([`Reader::of`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Reader {
    Scenario,
    Link,
    Population,
    /// An observed series for calibration (`series::parse_series`, native only).
    Series,
    /// Any text with hand-in links (`handin::read_text`, and `handin::read_link` on it).
    Handin,
}

/// How many readers are fuzzed: the size of every per-reader table.
const N_READERS: usize = 5;

const READERS: [Reader; N_READERS] = [
    Reader::Scenario,
    Reader::Link,
    Reader::Population,
    Reader::Series,
    Reader::Handin,
];

impl Reader {
    fn name(self) -> &'static str {
        match self {
            Reader::Scenario => "scenario",
            Reader::Link => "link",
            Reader::Population => "population",
            Reader::Series => "series",
            Reader::Handin => "handin",
        }
    }

    fn check(self, text: &str) -> oracle::Checked {
        match self {
            Reader::Scenario => oracle::scenario(text),
            Reader::Link => oracle::link(text),
            Reader::Population => oracle::population(text),
            Reader::Series => oracle::series(text),
            Reader::Handin => oracle::handin(text),
        }
    }

    /// Input `index`'s reader, and its place in [`READERS`] (and in per-reader tables).
    fn of(index: u64) -> (Reader, usize) {
        let k = (index % READERS.len() as u64) as usize;
        (READERS[k], k)
    }
}

/// Everything the workers share.
struct Fuzz {
    corpus: Corpus,
    /// Field names of the scenario format (for adding fields where they do not belong).
    names: Vec<String>,
    /// Byte-level tokens for each reader.
    tokens: [Vec<String>; N_READERS],
    seed: u64,
}

impl Fuzz {
    fn new(seed: u64) -> Fuzz {
        let corpus = Corpus::new();
        let names = json::field_names(&corpus.scenario);
        let mut json_tokens: Vec<String> =
            ["{", "}", "[", "]", "\"", ":", ",", "null", "\\u0000", "\\"]
                .map(String::from)
                .to_vec();
        json_tokens.extend(names.iter().map(|n| format!("\"{n}\":")));
        let strings = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Fuzz {
            tokens: [
                json_tokens,
                strings(query::TOKENS),
                strings(table::TOKENS),
                strings(table::TOKENS),
                strings(handin::TOKENS),
            ],
            corpus,
            names,
            seed,
        }
    }

    fn seeds(&self, reader: Reader) -> &[String] {
        match reader {
            Reader::Scenario => &self.corpus.scenario,
            Reader::Link => &self.corpus.link,
            Reader::Population => &self.corpus.population,
            Reader::Series => &self.corpus.series,
            Reader::Handin => &self.corpus.handin,
        }
    }

    /// Input `index`: a seed put through one to three rounds of mutation, each round
    /// structure-aware three times in four, else on the bytes.
    fn input(&self, index: u64) -> (Reader, String) {
        let (reader, k) = Reader::of(index);
        let mut rng = Rng::for_input(self.seed, index);
        let seeds = self.seeds(reader);
        let mut text = rng.pick(seeds).clone();
        for _ in 0..rng.length(3) {
            let donor = rng.pick(seeds);
            let scenario_donor = rng.pick(&self.corpus.scenario);
            if rng.below(4) < 3 {
                text = match reader {
                    Reader::Scenario => {
                        json::mutate(&mut rng, &text, &self.names, donor).unwrap_or(text)
                    }
                    Reader::Link => query::mutate(&mut rng, &text, &self.names, scenario_donor),
                    Reader::Population | Reader::Series => table::mutate(&mut rng, &text),
                    Reader::Handin => handin::mutate(&mut rng, &text),
                };
            } else {
                let mut bytes = text.into_bytes();
                let tokens = &self.tokens[k];
                for _ in 0..rng.length(4) {
                    mutate::bytes(&mut rng, &mut bytes, tokens, donor.as_bytes());
                }
                text = String::from_utf8_lossy(&bytes).into_owned();
            }
            text = mutate::capped(text);
        }
        (reader, text)
    }
}

/// Inputs, verdicts and time of one reader.
#[derive(Clone, Copy, Default)]
struct Tally {
    inputs: u64,
    accepted: u64,
    time: Duration,
    slowest: Duration,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.inputs += other.inputs;
        self.accepted += other.accepted;
        self.time += other.time;
        self.slowest = self.slowest.max(other.slowest);
    }
}

/// One input checked, a panic caught as a failure.
fn check(reader: Reader, text: &str) -> Result<Verdict, String> {
    match catch_unwind(AssertUnwindSafe(|| reader.check(text))) {
        Ok(result) => result,
        Err(panic) => Err(format!(
            "PANIC: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

/// Where failing inputs are written (Cargo's scratch directory for integration tests).
fn found_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-found")
}

/// Saves a failing input and says how to read it again.
fn report_failure(fuzz: &Fuzz, index: u64, why: &str) {
    let (reader, text) = fuzz.input(index);
    let dir = found_dir();
    let file = dir.join(format!("{}-{}-{index}.txt", reader.name(), fuzz.seed));
    let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&file, &text));
    let shown: String = text.chars().take(600).collect();
    eprintln!(
        "\nFAILED: {} reader, input {index} (seed {}): {why}\n  input ({} bytes): {shown:?}\n  \
         saved: {} ({saved:?})\n  again: --seed {} --first {index} --inputs 1; once fixed, \
         keep it in tests/fuzz/regressions/{}/",
        reader.name(),
        fuzz.seed,
        text.len(),
        file.display(),
        fuzz.seed,
        reader.name()
    );
}

/// Every stored crasher, read again: `regressions/<reader>/*`.
fn replay_regressions() -> Result<usize, String> {
    let mut count = 0;
    for reader in READERS {
        let dir = corpus::crate_dir()
            .join("tests/fuzz/regressions")
            .join(reader.name());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            // `.gitkeep` and the like keep an empty directory in git.
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            check(reader, &text).map_err(|why| format!("{}: {why}", file.display()))?;
            count += 1;
        }
    }
    Ok(count)
}

/// What the worker threads share: the next input to take, where to stop, whether one
/// of them failed, how many inputs were taken.
struct Shared {
    next: AtomicU64,
    end: u64,
    failed: AtomicBool,
    checked: AtomicU64,
    started: Instant,
}

/// Inputs are taken in chunks, so threads rarely touch the shared counter.
const CHUNK: u64 = 64;

/// One worker thread: takes chunks of input numbers until none are left, the time is
/// up or some thread failed; returns its tallies per reader.
fn worker(
    fuzz: &Fuzz,
    options: &Options,
    shared: &Shared,
    slot: &watch::Slot,
) -> [Tally; N_READERS] {
    let mut tally = [Tally::default(); N_READERS];
    let out_of_time = || {
        options
            .time_limit
            .is_some_and(|t| shared.started.elapsed() > t)
    };
    while !shared.failed.load(Ordering::Relaxed) {
        let from = shared.next.fetch_add(CHUNK, Ordering::Relaxed);
        if from >= shared.end || out_of_time() {
            break;
        }
        let to = (from + CHUNK).min(shared.end);
        progress(&shared.checked, to - from, shared.started);
        for index in from..to {
            let (reader, k) = Reader::of(index);
            if options.only.is_some_and(|r| r != reader) {
                continue;
            }
            // NOTE: the watchdog watches the input being made too: a mutation that grows
            // without bound is the harness's fault, but would otherwise be blamed on the
            // input another thread was reading at the time.
            slot.begin(index, shared.started);
            let (_, text) = fuzz.input(index);
            let clock = Instant::now();
            let verdict = check(reader, &text);
            let took = clock.elapsed();
            slot.end();
            let t = &mut tally[k];
            t.inputs += 1;
            t.time += took;
            t.slowest = t.slowest.max(took);
            match verdict {
                Ok(v) => t.accepted += u64::from(v == Verdict::Accepted),
                Err(why) => {
                    report_failure(fuzz, index, &why);
                    shared.failed.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
    }
    tally
}

/// Runs inputs `first..first + inputs` on the worker threads, with the watchdog; the
/// first failure stops every thread. Returns each thread's tallies.
fn run(fuzz: &Fuzz, options: &Options, started: Instant) -> Result<Vec<[Tally; N_READERS]>, ()> {
    let slots: Vec<watch::Slot> = (0..options.threads)
        .map(|_| watch::Slot::default())
        .collect();
    let stop = |inputs: &[u64], why: String| {
        for index in inputs {
            report_failure(fuzz, *index, &why);
        }
        std::process::exit(1);
    };
    let shared = Shared {
        next: AtomicU64::new(options.first),
        end: options.first.saturating_add(options.inputs),
        failed: AtomicBool::new(false),
        checked: AtomicU64::new(0),
        started,
    };
    let done = AtomicBool::new(false);
    let tallies = std::thread::scope(|scope| {
        let workers: Vec<_> = slots
            .iter()
            .map(|slot| {
                let shared = &shared;
                scope.spawn(move || worker(fuzz, options, shared, slot))
            })
            .collect();
        let watchdog = scope.spawn(|| watch::watch(&slots, started, &options.limits, &done, &stop));
        let tallies: Vec<[Tally; N_READERS]> =
            workers.into_iter().filter_map(|w| w.join().ok()).collect();
        done.store(true, Ordering::Release);
        let _ = watchdog.join();
        tallies
    });
    if shared.failed.load(Ordering::Relaxed) || tallies.len() != options.threads {
        return Err(());
    }
    Ok(tallies)
}

/// Counts a chunk of inputs, and says how far the run is every million.
fn progress(checked: &AtomicU64, chunk: u64, started: Instant) {
    const EVERY: u64 = 1_000_000;
    let before = checked.fetch_add(chunk, Ordering::Relaxed);
    if before / EVERY != (before + chunk) / EVERY {
        eprintln!(
            "fuzz: {} inputs started after {:.0} s",
            before + chunk,
            started.elapsed().as_secs_f64()
        );
    }
}

/// The table of counts, rates and times.
fn print_report(tallies: &[[Tally; N_READERS]], wall: Duration) {
    println!(
        "{:<11} {:>11} {:>9} {:>12} {:>11}",
        "reader", "inputs", "accepted", "µs per input", "slowest ms"
    );
    let mut total = Tally::default();
    for (i, reader) in READERS.iter().enumerate() {
        let mut t = Tally::default();
        tallies.iter().for_each(|per_thread| t.add(&per_thread[i]));
        total.add(&t);
        let n = t.inputs.max(1) as f64;
        println!(
            "{:<11} {:>11} {:>8.1}% {:>12.1} {:>11.1}",
            reader.name(),
            t.inputs,
            100.0 * t.accepted as f64 / n,
            t.time.as_secs_f64() * 1e6 / n,
            t.slowest.as_secs_f64() * 1e3
        );
    }
    let peak = watch::memory_mib("VmHWM:").map_or("unknown".into(), |m| format!("{m} MiB"));
    println!(
        "total {} inputs in {:.1} s: {:.0} inputs per second; no panic, hang or failed \
         check; peak memory {peak}",
        total.inputs,
        wall.as_secs_f64(),
        total.inputs as f64 / wall.as_secs_f64().max(1e-9),
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match Options::parse(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let replayed = match replay_regressions() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("fuzz: a stored regression input fails again: {e}");
            return ExitCode::FAILURE;
        }
    };
    let fuzz = Fuzz::new(options.seed);
    println!(
        "fuzz: {replayed} stored regression inputs pass; inputs {}..{} of seed {} on {} \
         threads ({}, {}, {}, {}, {} seeds)",
        options.first,
        options.first.saturating_add(options.inputs),
        options.seed,
        options.threads,
        fuzz.corpus.scenario.len(),
        fuzz.corpus.link.len(),
        fuzz.corpus.population.len(),
        fuzz.corpus.series.len(),
        fuzz.corpus.handin.len(),
    );
    match run(&fuzz, &options, started) {
        Ok(tallies) => {
            print_report(&tallies, started.elapsed());
            ExitCode::SUCCESS
        }
        Err(()) => ExitCode::FAILURE,
    }
}
