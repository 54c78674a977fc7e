//! The watchdog: a thread that notices an input taking too long (a hang) or the process
//! growing past its memory cap, and stops the run naming the input.
//!
//! NOTE: a counting global allocator would measure memory per input, but it needs
//! `unsafe impl GlobalAlloc`, and the workspace forbids unsafe code (`unsafe_code =
//! "forbid"` cannot be allowed locally). The process's resident memory from
//! `/proc/self/status` (Linux) bounds the same thing from outside: inputs are capped at
//! 64 KiB, so anything near the cap is a reader allocating without bound.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What one worker thread is reading now.
#[derive(Default)]
pub struct Slot {
    /// The input's number plus one (0: between inputs).
    input: AtomicU64,
    /// When it started, in microseconds since the run began.
    since: AtomicU64,
}

impl Slot {
    /// The worker starts reading input `index`.
    pub fn begin(&self, index: u64, run: Instant) {
        self.since
            .store(run.elapsed().as_micros() as u64, Ordering::Relaxed);
        self.input.store(index + 1, Ordering::Release);
    }

    /// The worker is done with its input.
    pub fn end(&self) {
        self.input.store(0, Ordering::Release);
    }

    /// The input being read and for how long, if any.
    fn busy(&self, run: Instant) -> Option<(u64, Duration)> {
        let input = self.input.load(Ordering::Acquire).checked_sub(1)?;
        let since = Duration::from_micros(self.since.load(Ordering::Relaxed));
        Some((input, run.elapsed().saturating_sub(since)))
    }
}

/// Limits the watchdog enforces.
pub struct Limits {
    /// Longest time one input may take.
    pub per_input: Duration,
    /// Most resident memory the whole process may use, in MiB.
    pub mib: u64,
}

/// Watches the slots until `done`; on a hang or on too much memory calls `stop` with the
/// inputs being read and why (it is expected to report them and end the process).
pub fn watch(
    slots: &[Slot],
    run: Instant,
    limits: &Limits,
    done: &AtomicBool,
    stop: &dyn Fn(&[u64], String),
) {
    while !done.load(Ordering::Acquire) {
        std::thread::sleep(Duration::from_millis(50));
        for slot in slots {
            if let Some((input, took)) = slot.busy(run)
                && took > limits.per_input
            {
                stop(
                    &[input],
                    format!("input {input} has run for {took:?} (a hang?)"),
                );
            }
        }
        if let Some(mib) = memory_mib("VmRSS:")
            && mib > limits.mib
        {
            let busy: Vec<u64> = slots
                .iter()
                .filter_map(|s| s.busy(run))
                .map(|b| b.0)
                .collect();
            stop(
                &busy,
                format!("the process uses {mib} MiB, over {} MiB", limits.mib),
            );
        }
    }
}

/// A memory figure of this process from `/proc/self/status` (`VmRSS:` now, `VmHWM:` the
/// peak), in MiB; `None` where there is no such file.
pub fn memory_mib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024)
}
