//! Progress on standard error while bundling: `gelezen: 1.234 van 10.000 bestanden`. On a
//! terminal the line is rewritten in place; otherwise (a log file, CI) a line is written at
//! every tenth of the way, and only for bundles of 1.000 files or more.

use std::cell::Cell;
use std::io::{IsTerminal, Write};

/// Reports files read / total.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    terminal: bool,
    last_tenth: Cell<usize>,
    shown: Cell<bool>,
    /// Standard error failed (other than a closed pipe): no more progress, and the command
    /// ends with exit code 2 ([`Progress::failed`]).
    failed: Cell<bool>,
    /// Standard error was closed: no more progress, quietly.
    closed: Cell<bool>,
}

fn dutch(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

impl Progress {
    /// A reporter; `enabled` is false with `--stil`.
    pub fn new(enabled: bool) -> Progress {
        Progress {
            enabled,
            terminal: std::io::stderr().is_terminal(),
            last_tenth: Cell::new(0),
            shown: Cell::new(false),
            failed: Cell::new(false),
            closed: Cell::new(false),
        }
    }

    /// Whether writing the progress to standard error failed (other than a closed pipe).
    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    fn check(&self, written: std::io::Result<()>) {
        if let Err(e) = written {
            if crate::output::is_closed_pipe(&e) {
                self.closed.set(true);
            } else {
                self.failed.set(true);
            }
        }
    }

    /// Files read so far.
    pub fn update(&self, done: usize, total: usize) {
        if !self.enabled || total == 0 || self.failed.get() || self.closed.get() {
            return;
        }
        let text = format!("gelezen: {} van {} bestanden", dutch(done), dutch(total));
        let mut err = std::io::stderr().lock();
        if self.terminal {
            self.check(write!(err, "\r{text}").and_then(|()| err.flush()));
            self.shown.set(true);
        } else if total >= 1000 {
            let tenth = done * 10 / total;
            if tenth > self.last_tenth.get() {
                self.last_tenth.set(tenth);
                self.check(writeln!(err, "{text}").and_then(|()| err.flush()));
            }
        }
    }

    /// Ends the progress line.
    pub fn finish(&self) {
        if self.shown.get() && !self.failed.get() && !self.closed.get() {
            let mut err = std::io::stderr().lock();
            self.check(writeln!(err).and_then(|()| err.flush()));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dutch_thousands() {
        assert_eq!(super::dutch(0), "0");
        assert_eq!(super::dutch(999), "999");
        assert_eq!(super::dutch(1000), "1.000");
        assert_eq!(super::dutch(100_000), "100.000");
    }
}
