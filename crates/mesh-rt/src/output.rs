//! Program output: a buffered standard output shared by every process, and standard error.
//!
//! `print`/`println` append to an in-memory buffer that is written out when it grows past
//! [`FLUSH_THRESHOLD`], when the runner is about to wait (a process suspends, waits for a
//! message or finishes), when buffered text has been waiting longer than [`MAX_DELAY`], and
//! before anything is written to standard error — so output of `println` and
//! `IO.eprintln` appears in program order even when both streams go to one terminal.
//!
//! Write errors (a closed pipe, a full disk) are ignored: the program keeps running, as it
//! would if nobody read its output.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Buffered bytes beyond which standard output is written out immediately.
pub const FLUSH_THRESHOLD: usize = 64 * 1024;

/// Longest time buffered output may wait while the program keeps computing.
pub const MAX_DELAY: Duration = Duration::from_millis(50);

/// Where the bytes go.
enum Sink {
    /// The process's real standard output and error.
    Stdio,
    /// In-memory buffers (tests); the two may be the same buffer to observe interleaving.
    Memory {
        out: Arc<Mutex<Vec<u8>>>,
        err: Arc<Mutex<Vec<u8>>>,
    },
}

struct State {
    buf: Vec<u8>,
    /// When the oldest unwritten byte was buffered.
    since: Option<Instant>,
}

/// The program's standard output and error streams.
pub struct Output {
    state: Mutex<State>,
    /// True while the buffer may hold unwritten bytes: lets the many processes that flush
    /// before waiting skip the lock when there is nothing to write.
    pending: AtomicBool,
    sink: Sink,
}

/// Handles on the buffers of an in-memory [`Output`].
pub struct Captured {
    pub out: Arc<Mutex<Vec<u8>>>,
    pub err: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    /// Everything written to standard output so far (after a flush).
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&lock(&self.out)).into_owned()
    }

    /// Everything written to standard error so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&lock(&self.err)).into_owned()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Output {
    fn with_sink(sink: Sink) -> Output {
        Output {
            state: Mutex::new(State {
                buf: Vec::with_capacity(FLUSH_THRESHOLD),
                since: None,
            }),
            pending: AtomicBool::new(false),
            sink,
        }
    }

    /// The real standard output and error.
    pub fn stdio() -> Output {
        Output::with_sink(Sink::Stdio)
    }

    /// Separate in-memory buffers for both streams.
    pub fn memory() -> (Output, Captured) {
        let out = Arc::new(Mutex::new(Vec::new()));
        let err = Arc::new(Mutex::new(Vec::new()));
        let o = Output::with_sink(Sink::Memory {
            out: out.clone(),
            err: err.clone(),
        });
        (o, Captured { out, err })
    }

    /// Both streams written into one in-memory buffer (to check their interleaving).
    pub fn memory_combined() -> (Output, Arc<Mutex<Vec<u8>>>) {
        let both = Arc::new(Mutex::new(Vec::new()));
        let o = Output::with_sink(Sink::Memory {
            out: both.clone(),
            err: both.clone(),
        });
        (o, both)
    }

    /// Appends `text` (and a newline if `newline`) to standard output.
    pub fn write_out(&self, text: &str, newline: bool) {
        let mut st = lock(&self.state);
        st.buf.extend_from_slice(text.as_bytes());
        if newline {
            st.buf.push(b'\n');
        }
        if st.since.is_none() {
            st.since = Some(Instant::now());
            self.pending.store(true, Ordering::Release);
        }
        if st.buf.len() >= FLUSH_THRESHOLD {
            self.write_buffer(&mut st);
        }
    }

    /// Writes `text` and a newline to standard error, after flushing standard output.
    pub fn write_err_line(&self, text: &str) {
        let mut st = lock(&self.state);
        self.write_buffer(&mut st);
        let mut line = Vec::with_capacity(text.len() + 1);
        line.extend_from_slice(text.as_bytes());
        line.push(b'\n');
        self.write_err_bytes(&line);
    }

    /// Writes `text` as is to standard error, after flushing standard output.
    pub fn write_err(&self, text: &str) {
        let mut st = lock(&self.state);
        self.write_buffer(&mut st);
        self.write_err_bytes(text.as_bytes());
    }

    /// Writes out everything buffered.
    pub fn flush(&self) {
        if !self.pending.load(Ordering::Acquire) {
            return;
        }
        let mut st = lock(&self.state);
        self.write_buffer(&mut st);
    }

    /// Writes out buffered output that has waited longer than [`MAX_DELAY`].
    pub fn flush_if_stale(&self) {
        if !self.pending.load(Ordering::Acquire) {
            return;
        }
        let mut st = lock(&self.state);
        if st.since.is_some_and(|t| t.elapsed() >= MAX_DELAY) {
            self.write_buffer(&mut st);
        }
    }

    fn write_buffer(&self, st: &mut State) {
        st.since = None;
        self.pending.store(false, Ordering::Release);
        if st.buf.is_empty() {
            return;
        }
        match &self.sink {
            Sink::Stdio => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(&st.buf);
                let _ = out.flush();
            }
            Sink::Memory { out, .. } => lock(out).extend_from_slice(&st.buf),
        }
        st.buf.clear();
        if st.buf.capacity() > 4 * FLUSH_THRESHOLD {
            st.buf.shrink_to(FLUSH_THRESHOLD);
        }
    }

    fn write_err_bytes(&self, bytes: &[u8]) {
        match &self.sink {
            Sink::Stdio => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(bytes);
                let _ = err.flush();
            }
            Sink::Memory { err, .. } => lock(err).extend_from_slice(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_buffered_until_flushed() {
        let (o, cap) = Output::memory();
        o.write_out("a", true);
        o.write_out("b", false);
        assert_eq!(cap.stdout(), "");
        o.flush();
        assert_eq!(cap.stdout(), "a\nb");
    }

    #[test]
    fn large_output_is_written_without_an_explicit_flush() {
        let (o, cap) = Output::memory();
        let line = "x".repeat(1000);
        for _ in 0..100 {
            o.write_out(&line, true);
        }
        assert!(cap.stdout().len() >= FLUSH_THRESHOLD);
    }

    #[test]
    fn stderr_lines_keep_program_order() {
        let (o, both) = Output::memory_combined();
        o.write_out("one", true);
        o.write_err_line("two");
        o.write_out("three", true);
        o.flush();
        assert_eq!(String::from_utf8_lossy(&lock(&both)), "one\ntwo\nthree\n");
    }

    #[test]
    fn stale_output_is_flushed() {
        let (o, cap) = Output::memory();
        o.write_out("late", true);
        o.flush_if_stale();
        assert_eq!(cap.stdout(), "");
        std::thread::sleep(MAX_DELAY + Duration::from_millis(5));
        o.flush_if_stale();
        assert_eq!(cap.stdout(), "late\n");
    }
}
