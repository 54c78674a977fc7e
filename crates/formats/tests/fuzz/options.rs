//! The fuzzer's command line: how many inputs, from which number, which seed, threads,
//! time, reader, and the watchdog's limits.

use std::time::Duration;

use crate::{READERS, Reader, watch};

/// Options from the command line.
pub struct Options {
    pub inputs: u64,
    pub first: u64,
    pub seed: u64,
    pub threads: usize,
    /// Only this reader's inputs (the others' numbers are skipped).
    pub only: Option<Reader>,
    /// Stop starting inputs after this long (the counts say how many were read).
    pub time_limit: Option<Duration>,
    pub limits: watch::Limits,
}

impl Options {
    /// `--name value` pairs; anything else is refused (libtest's own flags do not apply
    /// to this harness).
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options {
            // `cargo test`'s debug build: a few seconds.
            inputs: 1_500,
            first: 0,
            seed: 2026,
            threads: std::thread::available_parallelism().map_or(2, usize::from),
            time_limit: None,
            only: None,
            limits: watch::Limits {
                per_input: Duration::from_secs(10),
                mib: 1_024,
            },
        };
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = rest.next().ok_or(format!("{flag} needs a value"))?;
            if flag == "--reader" {
                let reader = READERS.into_iter().find(|r| r.name() == value);
                o.only = Some(reader.ok_or(format!(
                    "--reader {value}: scenario, link, population, series or handin"
                ))?);
                continue;
            }
            let number: u64 = value
                .replace('_', "")
                .parse()
                .map_err(|_| format!("{flag} {value}: not a whole number"))?;
            match flag.as_str() {
                "--inputs" => o.inputs = number,
                "--first" => o.first = number,
                "--seed" => o.seed = number,
                "--threads" => o.threads = (number as usize).max(1),
                "--seconds" => o.time_limit = Some(Duration::from_secs(number)),
                "--max-ms" => o.limits.per_input = Duration::from_millis(number),
                "--max-mib" => o.limits.mib = number,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(o)
    }
}
