//! The parser: tokens → [`ast::SourceFile`](crate::ast::SourceFile) (language reference §4).
//!
//! Hand-written recursive descent with a Pratt loop for binary operators. The modules
//! split the grammar by concern:
//!
//! * [`layout`] — the token cursor and newline significance (§2);
//! * [`recovery`] — skipping to a synchronisation point after an error;
//! * [`items`] — top-level definitions (functions, structs, types, services, …);
//! * [`block`] — `do … end` bodies, statements and `let`;
//! * [`expr`] / [`control`] — expressions and the keyword-led expression forms;
//! * [`patterns`] and [`types`].
//!
//! Every parse function returns [`PResult`]: `Err(Fail)` means a diagnostic has already
//! been reported and the caller should resynchronise. Recovery points are statements in a
//! block, members of a definition body, `case` arms and elements of bracketed lists, so a
//! file with several independent mistakes gets one diagnostic per mistake.

mod block;
mod control;
mod expr;
mod items;
mod layout;
mod patterns;
mod recovery;
mod types;

use crate::ast::{Ident, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::lexer::PARSE_ERROR;
use crate::span::{FileId, Span};
use crate::token::{Keyword, Token, TokenKind};
use crate::ParseOptions;

/// Marker for "an error was reported here; resynchronise".
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fail;

/// Result of a parse function.
pub(crate) type PResult<T> = Result<T, Fail>;

/// How deeply expressions, patterns, types and blocks may nest before we give up
/// (keeps hostile input from overflowing the stack).
const MAX_DEPTH: u32 = 96;

/// Parser state for one file.
pub(crate) struct Parser<'a> {
    text: &'a str,
    file: FileId,
    /// Tokens without comments; the last one is always `Eof`.
    toks: Vec<Token>,
    pos: usize,
    /// End offset of the last consumed token (for node spans).
    prev_end: u32,
    /// Newline significance stack (§2.1): `true` = newlines separate statements.
    layout: Vec<bool>,
    diags: Vec<Diagnostic>,
    /// Start offset of the last reported error; a second error at the same spot is a
    /// follow-up of the first and is dropped.
    last_error_at: Option<u32>,
    depth: u32,
    std_mode: bool,
}

/// Parses a whole file from the lexer's tokens.
pub(crate) fn parse_tokens(
    file: FileId,
    text: &str,
    tokens: Vec<Token>,
    opts: ParseOptions,
    eof_is_artificial: bool,
) -> (SourceFile, Vec<Diagnostic>) {
    let mut toks: Vec<Token> = tokens
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Comment(_)))
        .collect();
    if !matches!(toks.last(), Some(t) if t.kind == TokenKind::Eof) {
        let end = text.len() as u32;
        toks.push(Token {
            kind: TokenKind::Eof,
            span: Span::new(file, end, end),
        });
    }
    let mut p = Parser {
        text,
        file,
        toks,
        pos: 0,
        prev_end: 0,
        layout: vec![true],
        diags: Vec::new(),
        // Pretending an error was already reported at end of file silences follow-ups there.
        last_error_at: eof_is_artificial.then_some(text.len() as u32),
        depth: 0,
        std_mode: opts.std_mode,
    };
    let items = p.parse_source_file();
    (SourceFile { items }, p.diags)
}

impl<'a> Parser<'a> {
    /// Describes a token the way a user would name it in "found …".
    fn describe(&self, tok: &Token) -> String {
        let src = self
            .text
            .get(tok.span.start as usize..tok.span.end as usize)
            .unwrap_or("");
        match &tok.kind {
            TokenKind::Ident(name) => format!("identifier `{name}`"),
            TokenKind::Keyword(k) => format!("`{}`", k.as_str()),
            TokenKind::Int(_) | TokenKind::Float(_) => format!("number `{src}`"),
            TokenKind::Atom(a) => format!("atom `:{a}`"),
            TokenKind::StringStart { .. } | TokenKind::StringText(_) | TokenKind::StringEnd => {
                "string literal".to_string()
            }
            TokenKind::Newline => "newline".to_string(),
            TokenKind::Eof => "end of file".to_string(),
            TokenKind::Comment(_) => "comment".to_string(),
            TokenKind::Error => format!("`{src}`"),
            other => format!("`{}`", other.fixed_text().unwrap_or(src)),
        }
    }

    /// Records a diagnostic unless it is a follow-up at the position of the previous one.
    fn report(&mut self, diag: Diagnostic) {
        let at = diag.primary.span.start;
        if self.last_error_at == Some(at) {
            return;
        }
        self.last_error_at = Some(at);
        self.diags.push(diag);
    }

    /// Reports `message` at `span`.
    fn error_at(&mut self, span: Span, message: impl Into<String>) {
        self.report(Diagnostic::error(PARSE_ERROR, message, span));
    }

    /// Builds (but does not report) "expected X, found <current token>".
    fn expected_diag(&mut self, what: &str) -> Option<Diagnostic> {
        let tok = self.peek_token().clone();
        if tok.kind == TokenKind::Error {
            // The lexer already reported this character.
            return None;
        }
        let found = self.describe(&tok);
        let mut diag = Diagnostic::error(
            PARSE_ERROR,
            format!("expected {what}, found {found}"),
            tok.span,
        )
        .with_label(format!("expected {what}"));
        if let Some(help) = self.hint_for(&tok) {
            diag = diag.with_help(help);
        }
        Some(diag)
    }

    /// Reports "expected X, found <current token>" and returns the failure marker.
    fn expected(&mut self, what: &str) -> Fail {
        if let Some(d) = self.expected_diag(what) {
            self.report(d);
        }
        Fail
    }

    /// Like [`Parser::expected`] with a related location (e.g. the unclosed opener).
    fn expected_with_opener(&mut self, what: &str, opener: Span, label: &str) -> Fail {
        if let Some(d) = self.expected_diag(what) {
            self.report(d.with_secondary(opener, label));
        }
        Fail
    }

    /// Extra advice for common slips, keyed on the offending token.
    fn hint_for(&self, tok: &Token) -> Option<String> {
        match &tok.kind {
            TokenKind::Atom(a) => {
                let prev = self.toks.get(self.pos.wrapping_sub(1));
                let glued = prev.is_some_and(|p| {
                    p.span.end == tok.span.start && matches!(p.kind, TokenKind::Ident(_))
                });
                glued.then(|| {
                    format!("`name:{a}` reads `:{a}` as an atom; write `name: {a}` with a space")
                })
            }
            TokenKind::Keyword(Keyword::Trait) => {
                Some("`trait` is reserved; declare traits with `interface`".to_string())
            }
            TokenKind::Keyword(Keyword::Monitor) => {
                Some("`monitor` has no expression form; use `Process.monitor(pid)`".to_string())
            }
            TokenKind::Keyword(k) if k.is_reserved_only() => {
                Some(format!("`{}` is a reserved word", k.as_str()))
            }
            TokenKind::Keyword(k) if k.allowed_after_dot() || *k == Keyword::Type => Some(format!(
                "`{}` is a keyword and cannot be used as a name",
                k.as_str()
            )),
            _ => None,
        }
    }

    /// Runs `f` one nesting level deeper, failing cleanly on absurdly deep input.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_DEPTH {
            let span = self.peek_span();
            self.error_at(span, "nesting is too deep");
            return Err(Fail);
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// Consumes an identifier, or reports "expected {what}".
    fn expect_ident(&mut self, what: &str) -> PResult<Ident> {
        match self.peek().clone() {
            TokenKind::Ident(name) => {
                let tok = self.bump();
                Ok(Ident::new(name, tok.span))
            }
            _ => Err(self.expected(what)),
        }
    }

    /// Consumes `kind` (spelled `text` in messages), or reports "expected `text`".
    fn expect(&mut self, kind: &TokenKind, what: &str) -> PResult<Span> {
        if self.at(kind) {
            Ok(self.bump().span)
        } else {
            Err(self.expected(what))
        }
    }

    /// Consumes the `do` that opens a body, with advice when it sits on the next line.
    ///
    /// When the header line simply ends without `do`, the error is reported and the body
    /// is parsed as if the `do` were there (using the `do` on the next line if that is
    /// where it was written): the lines below are almost certainly the intended body,
    /// and treating them as statements would cascade into a stray `end`.
    fn expect_do(&mut self, after: &str) -> PResult<Span> {
        if self.at_kw(Keyword::Do) {
            return Ok(self.bump().span);
        }
        self.missing_do(&format!("`do` after {after}"))
    }

    /// Reports a missing `do` ("expected {what}") and recovers as described on
    /// [`Parser::expect_do`]; fails unless the header line ended there.
    fn missing_do(&mut self, what: &str) -> PResult<Span> {
        let at_newline = self.raw().kind == TokenKind::Newline;
        let on_next_line = at_newline && self.next_non_newline_is_do();
        let Some(mut diag) = self.expected_diag(what) else {
            return Err(Fail);
        };
        if on_next_line {
            diag = diag.with_help("`do` must be on the same line as the header it belongs to");
        }
        self.report(diag);
        if !at_newline {
            return self.skip_header_junk();
        }
        let newline = self.raw().span;
        if on_next_line {
            self.skip_newlines();
            return Ok(self.bump().span);
        }
        Ok(newline)
    }

    /// After junk where a `do` belongs (`if x then`): a `do` later on the same line, or
    /// the end of the line, stands for the missing `do`. Brace-style bodies (`fn f() {`)
    /// fail instead, so that the statement recovery skips the whole braced region.
    fn skip_header_junk(&mut self) -> PResult<Span> {
        let mut i = self.pos;
        let mut depth = 0u32;
        loop {
            let tok = self.tok(i);
            match tok.kind {
                TokenKind::Keyword(Keyword::Do) if depth == 0 => {
                    self.pos = i;
                    return Ok(self.bump().span);
                }
                TokenKind::Newline if depth == 0 => {
                    let span = tok.span;
                    self.pos = i;
                    return Ok(span);
                }
                TokenKind::LParen | TokenKind::LBracket | TokenKind::LBrace => depth += 1,
                TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace if depth > 0 => {
                    depth -= 1
                }
                TokenKind::Newline
                | TokenKind::RParen
                | TokenKind::RBracket
                | TokenKind::RBrace
                | TokenKind::Eof
                | TokenKind::Keyword(Keyword::End) => return Err(Fail),
                _ => {}
            }
            i += 1;
        }
    }

    /// Consumes the `end` closing a body opened at `opener`; reports (without consuming
    /// anything) when it is missing.
    fn expect_end(&mut self, opener: Span, what: &str, label: &str) {
        if self.at_kw(Keyword::End) {
            self.bump();
        } else {
            let _ = self.expected_with_opener(&format!("`end` to close {what}"), opener, label);
        }
    }

    /// A span from `start` to the end of the last consumed token.
    fn span_from(&self, start: Span) -> Span {
        Span::new(self.file, start.start, self.prev_end.max(start.start))
    }
}
