//! Everything the CLI prints goes through here, once: text made safe for a terminal, every
//! write checked and flushed.
//!
//! * **Safe.** Texts quoted from files (a post code, a toelichting, a file name) reach the
//!   terminal. Control characters in them could move the cursor, rewrite the screen or change
//!   the window title (ESC sequences), or reorder what is shown (bidi overrides). Every such
//!   character is shown escaped as `\u{1b}`; only newline and tab pass.
//! * **Checked.** A write that fails (a full disk, `> /dev/full`) is an error: a Dutch message
//!   on standard error and exit code 2. Only a closed pipe (`| head`) ends quietly, with the
//!   command's own exit code.

use std::borrow::Cow;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

/// What a command prints and how it ends.
#[derive(Debug, Default)]
pub struct Out {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code.
    pub code: u8,
}

impl Out {
    /// A line on standard output.
    pub fn line(&mut self, text: impl AsRef<str>) {
        self.stdout.push_str(text.as_ref());
        self.stdout.push('\n');
    }

    /// A line on standard error.
    pub fn note(&mut self, text: impl AsRef<str>) {
        self.stderr.push_str(text.as_ref());
        self.stderr.push('\n');
    }
}

/// Whether a character may reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0 controls and DEL, C1 controls.
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi embeddings, overrides and isolates.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every control character shown as `\u{…}`: nothing in it can steer a
/// terminal.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            safe.push_str(&c.escape_unicode().to_string());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// Writes all of `text` made safe, and flushes.
pub fn write_safe(w: &mut impl Write, text: &str) -> std::io::Result<()> {
    w.write_all(terminal_safe(text).as_bytes())?;
    w.flush()
}

/// A failed write that is not worth a message: the reader went away.
pub fn is_closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::BrokenPipe
}

/// The Dutch message for a failed write to standard output or error.
pub fn write_failed(what: &str, e: &std::io::Error) -> String {
    format!("raadsbudget: {what} {}", raadsbudget_store::messages::io(e))
}

/// Prints `out` and ends with its exit code, or with 2 when a write failed (see the module).
pub fn emit(out: &Out) -> ExitCode {
    emit_to(
        out,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
}

fn emit_to(out: &Out, stdout: &mut impl Write, stderr: &mut impl Write) -> ExitCode {
    if let Err(e) = write_safe(stdout, &out.stdout) {
        if is_closed_pipe(&e) {
            // Still say what went wrong in the command itself.
            let _ignored = write_safe(stderr, &out.stderr);
            return ExitCode::from(out.code);
        }
        // Best effort: the exit code says it even when standard error fails too.
        let _ignored = write_safe(
            stderr,
            &format!("{}{}\n", out.stderr, write_failed("de uitvoer", &e)),
        );
        return ExitCode::from(2);
    }
    match write_safe(stderr, &out.stderr) {
        Ok(()) => ExitCode::from(out.code),
        Err(e) if is_closed_pipe(&e) => ExitCode::from(out.code),
        // Standard error itself failed: nowhere left to say it but the exit code.
        Err(_) => ExitCode::from(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(terminal_safe("gewoon\ttekst\n"), "gewoon\ttekst\n");
        assert_eq!(
            terminal_safe("a\u{1b}[31mb\r\u{7}c\u{7f}\u{9b}"),
            "a\\u{1b}[31mb\\u{d}\\u{7}c\\u{7f}\\u{9b}"
        );
        assert_eq!(
            terminal_safe("\u{202e}abc\u{2066}x\u{2069}"),
            "\\u{202e}abc\\u{2066}x\\u{2069}"
        );
        assert_eq!(terminal_safe("€ é ü — ✓"), "€ é ü — ✓");
    }
}
