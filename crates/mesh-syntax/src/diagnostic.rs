//! Diagnostics shared by every compiler phase, and their rendering.
//!
//! Human format (one block per diagnostic):
//!
//! ```text
//! app/main.mpl:7:3: error[E0003]: expected 2 argument(s), found 1
//!    |
//!  7 |   area(4)
//!    |   ^^^^^^^ expected 2 argument(s)
//!    = help: missing 1 argument(s)
//! ```
//!
//! The first line is machine-friendly (`path:line:col: severity[CODE]: message`) so that
//! editors and scripts can jump to it; the snippet and caret are for people.

use crate::span::{SourceMap, Span};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A span with a short explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem found in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// `P0001` for parse errors, `E00nn` for type errors, `W00nn` for warnings.
    pub code: String,
    pub message: String,
    /// Where the problem is; the caret goes here.
    pub primary: Label,
    /// Related places (e.g. "`do` block started here").
    pub secondary: Vec<Label>,
    /// Suggestions shown as `= help: …`.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// An error with code `code` at `span`; the label repeats nothing by default.
    pub fn error(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            help: Vec::new(),
        }
    }

    /// A warning with code `code` at `span`.
    pub fn warning(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, span)
        }
    }

    /// Sets the text printed next to the caret.
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }

    /// Adds a related location.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    /// True for errors (warnings do not stop a build).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic in the human format described in the module docs.
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        let src = sources.get(self.primary.span.file);
        let (line, col) = src.line_col(self.primary.span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            src.path.display(),
            line,
            col,
            self.severity.as_str(),
            self.code,
            self.message
        );
        let mut labels: Vec<&Label> = vec![&self.primary];
        labels.extend(self.secondary.iter());
        let width = labels
            .iter()
            .filter(|l| l.span.file == self.primary.span.file)
            .map(|l| sources.get(l.span.file).line_col(l.span.start).0)
            .max()
            .unwrap_or(line)
            .to_string()
            .len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad} |");
        // Labels on the same line share one copy of the source line.
        let mut printed: Option<(crate::span::FileId, usize)> = None;
        for (i, label) in labels.iter().enumerate() {
            let lsrc = sources.get(label.span.file);
            let (lline, lcol) = lsrc.line_col(label.span.start);
            let text = lsrc.line_text(lline);
            if printed != Some((label.span.file, lline)) {
                if label.span.file != self.primary.span.file {
                    let _ = writeln!(
                        out,
                        "{pad} = note: {}:{}:{}",
                        lsrc.path.display(),
                        lline,
                        lcol
                    );
                }
                let _ = writeln!(out, "{:>width$} | {}", lline, text.replace('\t', " "));
                printed = Some((label.span.file, lline));
            }
            // Caret length: the span's characters on this line (at least one).
            let line_chars = text.chars().count();
            let (end_line, end_col) = lsrc.line_col(label.span.end);
            let end_col = if end_line == lline {
                end_col
            } else {
                line_chars + 1
            };
            let n = end_col.saturating_sub(lcol).max(1);
            let mark = if i == 0 { '^' } else { '-' };
            let carets: String = std::iter::repeat_n(mark, n).collect();
            let sep = if label.message.is_empty() { "" } else { " " };
            let _ = writeln!(
                out,
                "{pad} | {}{}{}{}",
                " ".repeat(lcol - 1),
                carets,
                sep,
                label.message
            );
        }
        for h in &self.help {
            let _ = writeln!(out, "{pad} = help: {h}");
        }
        out
    }

    /// Renders the diagnostic as one JSON object (for `--json`).
    pub fn render_json(&self, sources: &SourceMap) -> String {
        let src = sources.get(self.primary.span.file);
        let (line, col) = src.line_col(self.primary.span.start);
        let mut spans = String::new();
        for (i, l) in std::iter::once(&self.primary)
            .chain(self.secondary.iter())
            .enumerate()
        {
            if i > 0 {
                spans.push(',');
            }
            let _ = write!(
                spans,
                "{{\"start\":{},\"end\":{},\"label\":{}}}",
                l.span.start,
                l.span.end,
                json_string(&l.message)
            );
        }
        let fix = match self.help.first() {
            Some(h) => json_string(h),
            None => "null".to_string(),
        };
        format!(
            "{{\"code\":{},\"severity\":\"{}\",\"message\":{},\"file\":{},\"line\":{},\"column\":{},\"spans\":[{}],\"fix\":{}}}",
            json_string(&self.code),
            self.severity.as_str(),
            json_string(&self.message),
            json_string(&src.path.display().to_string()),
            line,
            col,
            spans,
            fix
        )
    }
}

/// Quotes a string as JSON (used for `--json` diagnostics without pulling in serde here).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Source;

    #[test]
    fn renders_location_snippet_and_caret() {
        let mut map = SourceMap::new();
        let f = map.add(Source::new(
            "app/main.mpl",
            "fn main() do\n  area(4)\nend\n",
        ));
        let d = Diagnostic::error(
            "E0003",
            "expected 2 argument(s), found 1",
            Span::new(f, 15, 22),
        )
        .with_label("expected 2 argument(s)")
        .with_help("missing 1 argument(s)");
        let text = d.render(&map);
        assert_eq!(
            text,
            "app/main.mpl:2:3: error[E0003]: expected 2 argument(s), found 1\n  |\n2 |   area(4)\n  |   ^^^^^^^ expected 2 argument(s)\n  = help: missing 1 argument(s)\n"
        );
    }

    #[test]
    fn json_form_escapes_text() {
        let mut map = SourceMap::new();
        let f = map.add(Source::new("a.mpl", "x"));
        let d = Diagnostic::error("P0001", "expected \"end\"", Span::new(f, 0, 1));
        let j = d.render_json(&map);
        assert!(j.contains("\"message\":\"expected \\\"end\\\"\""), "{j}");
        assert!(j.contains("\"line\":1,\"column\":1"), "{j}");
    }
}
