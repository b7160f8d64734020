//! Token cursor and newline significance (language reference §2).
//!
//! The parser keeps a stack of layouts. Opening `(`, `[`, `{` or `%{` pushes an
//! *insignificant* layout, in which the cursor silently steps over NEWLINE tokens;
//! entering any `do`-block body pushes a *significant* one (the REC of §2.1: a block
//! nested inside parentheses separates its statements by newlines again). Both are
//! popped by the code that consumed the closer, through [`Parser::with_layout`], so the
//! stack stays balanced on every error path.
//!
//! Pipe continuation (a line starting with `|>` continues the expression) is handled by
//! the expression loop with [`Parser::newline_then_pipe`].

use super::Parser;
use crate::span::Span;
use crate::token::{Keyword, Token, TokenKind};

impl<'a> Parser<'a> {
    /// Whether newlines currently separate statements.
    pub(super) fn significant(&self) -> bool {
        self.layout.last().copied().unwrap_or(true)
    }

    /// Runs `f` with a pushed layout and pops it afterwards, whatever `f` returns.
    pub(super) fn with_layout<T>(
        &mut self,
        significant: bool,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.layout.push(significant);
        let depth = self.layout.len();
        let result = f(self);
        self.layout.truncate(depth - 1);
        result
    }

    /// The token at raw index `i` (clamped to the final `Eof`).
    pub(super) fn tok(&self, i: usize) -> &Token {
        let last = self.toks.len().saturating_sub(1);
        // `toks` always ends with Eof (guaranteed by `parse_tokens`), so this cannot fail;
        // the fallback keeps the function total anyway.
        self.toks.get(i.min(last)).unwrap_or(&EOF_FALLBACK)
    }

    fn skip_insignificant(&mut self) {
        if !self.significant() {
            while self.tok(self.pos).kind == TokenKind::Newline {
                self.pos += 1;
            }
        }
    }

    /// The current token, honouring the layout.
    pub(super) fn peek_token(&mut self) -> &Token {
        self.skip_insignificant();
        self.tok(self.pos)
    }

    /// The current token's kind, honouring the layout.
    pub(super) fn peek(&mut self) -> &TokenKind {
        &self.peek_token().kind
    }

    /// The current token's span.
    pub(super) fn peek_span(&mut self) -> Span {
        self.peek_token().span
    }

    /// The token `n` positions ahead (0 = current), honouring the layout.
    pub(super) fn nth(&mut self, n: usize) -> &TokenKind {
        self.skip_insignificant();
        let skip_newlines = !self.significant();
        let mut i = self.pos;
        for _ in 0..n {
            i += 1;
            while skip_newlines && self.tok(i).kind == TokenKind::Newline {
                i += 1;
            }
        }
        &self.tok(i).kind
    }

    /// The token at the cursor without skipping newlines (for same-line checks).
    pub(super) fn raw(&self) -> &Token {
        self.tok(self.pos)
    }

    /// True when the previous raw token is a newline, i.e. the cursor starts a line.
    pub(super) fn at_line_start(&self) -> bool {
        self.pos == 0 || self.tok(self.pos - 1).kind == TokenKind::Newline
    }

    /// True if the current token is `kind` (payloads compared too).
    pub(super) fn at(&mut self, kind: &TokenKind) -> bool {
        self.peek() == kind
    }

    /// True if the current token is the keyword `kw`.
    pub(super) fn at_kw(&mut self, kw: Keyword) -> bool {
        self.peek().is_kw(kw)
    }

    /// True if the current token is the identifier `name` (a contextual word).
    pub(super) fn at_word(&mut self, name: &str) -> bool {
        self.peek().is_ident(name)
    }

    /// Consumes the current token if it is `kind`.
    pub(super) fn eat(&mut self, kind: &TokenKind) -> bool {
        let yes = self.at(kind);
        if yes {
            self.bump();
        }
        yes
    }

    /// Consumes the current token if it is the keyword `kw`.
    pub(super) fn eat_kw(&mut self, kw: Keyword) -> bool {
        let yes = self.at_kw(kw);
        if yes {
            self.bump();
        }
        yes
    }

    /// Consumes and returns the current token (never moves past `Eof`).
    pub(super) fn bump(&mut self) -> Token {
        self.skip_insignificant();
        let tok = self.tok(self.pos).clone();
        if tok.kind != TokenKind::Eof {
            self.pos += 1;
            self.prev_end = tok.span.end;
        }
        tok
    }

    /// Consumes newline tokens even where they are significant (e.g. before a `case` arm).
    pub(super) fn skip_newlines(&mut self) {
        while self.tok(self.pos).kind == TokenKind::Newline {
            self.pos += 1;
        }
    }

    /// At a significant newline whose continuation line starts with `|>` (§2.1 rule 4).
    pub(super) fn newline_then_pipe(&self) -> bool {
        if self.tok(self.pos).kind != TokenKind::Newline {
            return false;
        }
        let mut i = self.pos;
        while self.tok(i).kind == TokenKind::Newline {
            i += 1;
        }
        self.tok(i).kind == TokenKind::Pipe
    }

    /// At a newline that is followed (after blank lines) by `do` — a misplaced `do`.
    pub(super) fn next_non_newline_is_do(&self) -> bool {
        let mut i = self.pos;
        while self.tok(i).kind == TokenKind::Newline {
            i += 1;
        }
        self.tok(i).kind.is_kw(Keyword::Do)
    }

    /// Splits a `>=` token into `>` and `=` (closing a generic list right before `=`).
    pub(super) fn split_gt_eq(&mut self) {
        self.skip_insignificant();
        let pos = self.pos;
        if let Some(tok) = self.toks.get_mut(pos) {
            if tok.kind == TokenKind::GtEq {
                let mid = tok.span.start + 1;
                let gt = Token {
                    kind: TokenKind::Gt,
                    span: Span::new(tok.span.file, tok.span.start, mid),
                };
                tok.kind = TokenKind::Eq;
                tok.span.start = mid;
                self.toks.insert(pos, gt);
            }
        }
    }
}

static EOF_FALLBACK: Token = Token {
    kind: TokenKind::Eof,
    span: Span {
        file: crate::span::FileId(0),
        start: 0,
        end: 0,
    },
};
