//! Resynchronisation after a syntax error.
//!
//! Skipping is done on raw tokens with a nesting counter that understands both brackets
//! and `do … end`-style blocks, so that skipping a broken statement also skips any block
//! it opened (and never swallows the `end` of the enclosing block). Two subtleties of the
//! grammar are modelled: a closure with an arrow body (`fn x -> x end`) opens a block
//! without `do`, and in `else if` the nested `if` shares the outer `end`.

use super::Parser;
use crate::token::{Keyword, TokenKind};

/// What a raw token does to the nesting level while skipping.
enum Nesting {
    Open,
    Close,
    /// `else if`: the nested `if` will open a `do` but shares the closing `end`.
    ElseIf,
    Neutral,
}

impl<'a> Parser<'a> {
    fn nesting_at(&self, i: usize) -> Nesting {
        use TokenKind as T;
        match &self.tok(i).kind {
            T::LParen | T::LBracket | T::LBrace | T::InterpStart => Nesting::Open,
            T::RParen | T::RBracket | T::RBrace | T::InterpEnd => Nesting::Close,
            T::Keyword(Keyword::Do) => Nesting::Open,
            T::Keyword(Keyword::End) => Nesting::Close,
            T::Keyword(Keyword::Fn) if self.fn_opens_block(i) => Nesting::Open,
            T::Keyword(Keyword::Else) if self.tok(i + 1).kind.is_kw(Keyword::If) => Nesting::ElseIf,
            _ => Nesting::Neutral,
        }
    }

    /// Whether the `fn` at raw index `i` is a closure whose body is closed by `end`
    /// without a `do` (arrow form). Named functions and `do` closures return false: their
    /// `do` is what opens the block.
    fn fn_opens_block(&self, i: usize) -> bool {
        use TokenKind as T;
        match &self.tok(i + 1).kind {
            T::Arrow => return true,
            T::Keyword(Keyword::Do) => return false,
            T::Ident(_)
                if matches!(
                    self.tok(i + 2).kind,
                    T::LParen | T::Lt | T::Eq | T::Keyword(Keyword::Do)
                ) =>
            {
                return false;
            }
            _ => {}
        }
        // Scan the parameters: an arrow before any `do` means an arrow-bodied closure.
        let mut depth = 0i32;
        let mut j = i + 1;
        loop {
            match &self.tok(j).kind {
                T::LParen | T::LBracket | T::LBrace => depth += 1,
                T::RParen | T::RBracket | T::RBrace => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                T::Arrow if depth == 0 => return true,
                T::Keyword(Keyword::Do | Keyword::End) | T::Eof => return false,
                T::Newline if depth == 0 => return false,
                _ => {}
            }
            j += 1;
        }
    }

    /// True if the raw token at `i` begins a line with a statement keyword; such a line is
    /// never swallowed by recovery (it is probably the next, healthy statement).
    fn starts_statement_line(&self, i: usize) -> bool {
        use TokenKind as T;
        let line_start = i == 0 || self.tok(i - 1).kind == T::Newline;
        if !line_start {
            return false;
        }
        match &self.tok(i).kind {
            T::Keyword(
                Keyword::Let
                | Keyword::Def
                | Keyword::Pub
                | Keyword::Struct
                | Keyword::Type
                | Keyword::Interface
                | Keyword::Impl
                | Keyword::Actor
                | Keyword::Service
                | Keyword::Supervisor
                | Keyword::Import
                | Keyword::Module,
            ) => true,
            // `fn name(` / `fn name<` / `fn name do` / `fn name =`: a named function (a bare
            // closure such as `fn x -> x end` may well start a line inside a call).
            T::Keyword(Keyword::Fn) => {
                matches!(self.tok(i + 1).kind, T::Ident(_))
                    && matches!(
                        self.tok(i + 2).kind,
                        T::LParen | T::Lt | T::Eq | T::Keyword(Keyword::Do)
                    )
            }
            _ => false,
        }
    }

    /// Skips the rest of a broken statement: stops before a newline or `;` at nesting 0,
    /// before a closer that belongs to an enclosing construct (`end`, `else`, `)` …), or
    /// at end of file.
    pub(super) fn skip_statement(&mut self) {
        let mut depth = 0u32;
        loop {
            let kind = &self.tok(self.pos).kind;
            if *kind == TokenKind::Eof {
                return;
            }
            if depth == 0 {
                if matches!(kind, TokenKind::Newline | TokenKind::Semi) || kind.is_kw(Keyword::Else)
                {
                    return;
                }
                if self.starts_statement_line(self.pos) {
                    return;
                }
            }
            match self.nesting_at(self.pos) {
                Nesting::Open => depth += 1,
                Nesting::Close | Nesting::ElseIf => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                Nesting::Neutral => {}
            }
            self.pos += 1;
        }
    }

    /// Recovery for a statement or member that failed after starting at raw index `start`.
    pub(super) fn recover_statement(&mut self, start: usize) {
        if self.pos == start {
            if self.is_closer(&self.tok(self.pos).kind) || self.tok(self.pos).kind == TokenKind::Eof
            {
                return;
            }
            if !matches!(self.nesting_at(self.pos), Nesting::Open) {
                // Nothing was consumed: drop the offending token so that we make progress.
                // (An opener is left to `skip_statement`, which skips through its closer.)
                self.pos += 1;
            }
        } else if self.at_line_start() {
            // The failure already ran onto the next line (e.g. an unclosed bracket stopped
            // before a `let`); that line is healthy.
            return;
        }
        self.skip_statement();
    }

    /// Skips a broken element of a bracketed list opened at `open`: stops before `,` or
    /// a closer at nesting 0, before a line starting with a statement keyword or indented
    /// no deeper than the opener's line (the closer is then probably missing and that
    /// line is the next statement), or at end of file.
    pub(super) fn skip_list_item(&mut self, open: crate::span::Span) {
        let mut depth = 0u32;
        loop {
            let kind = &self.tok(self.pos).kind;
            if *kind == TokenKind::Eof {
                return;
            }
            if depth == 0
                && (*kind == TokenKind::Comma
                    || self.starts_statement_line(self.pos)
                    || self.dedented_below(self.pos, open))
            {
                return;
            }
            match self.nesting_at(self.pos) {
                Nesting::Open => depth += 1,
                Nesting::Close | Nesting::ElseIf => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                Nesting::Neutral => {}
            }
            self.pos += 1;
        }
    }

    /// Tokens that close some enclosing construct; recovery never consumes them blindly.
    pub(super) fn is_closer(&self, kind: &TokenKind) -> bool {
        matches!(
            kind,
            TokenKind::RParen
                | TokenKind::RBracket
                | TokenKind::RBrace
                | TokenKind::InterpEnd
                | TokenKind::Keyword(Keyword::End | Keyword::Else)
        )
    }

    /// True where a bracketed list cannot possibly continue (its closer is missing).
    pub(super) fn at_hard_stop(&mut self) -> bool {
        self.peek();
        let kind = self.tok(self.pos).kind.clone();
        kind == TokenKind::Eof || self.is_closer(&kind) || self.starts_statement_line(self.pos)
    }

    /// Whether the raw token `i` starts a line indented no deeper than the line holding
    /// `open`. Only used once an error is known: valid lists may be laid out freely.
    fn dedented_below(&self, i: usize, open: crate::span::Span) -> bool {
        let line_start = i == 0 || self.tok(i - 1).kind == TokenKind::Newline;
        if !line_start {
            return false;
        }
        let here = self.tok(i).span.start as usize;
        self.indent_of(here) <= self.indent_of(open.start as usize)
    }

    /// Width of the leading whitespace of the line containing byte `offset`.
    fn indent_of(&self, offset: usize) -> usize {
        let before = self.text.get(..offset).unwrap_or("");
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        self.text
            .get(line_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .count()
    }

    /// Skips the rest of a broken interpolation and consumes its closing `}`.
    pub(super) fn skip_interpolation(&mut self) {
        let mut depth = 0u32;
        loop {
            match self.tok(self.pos).kind {
                TokenKind::Eof => return,
                TokenKind::InterpStart => depth += 1,
                TokenKind::InterpEnd => {
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }
}

impl<'a> Parser<'a> {
    /// Parses the elements of a bracketed list whose opener (at `open`, spelled
    /// `open_text`) was just consumed, up to and including `close`. Newlines inside are
    /// insignificant. Elements are comma separated (a trailing comma is fine); with
    /// `sep_optional` they may also simply follow each other (struct literal fields).
    ///
    /// A broken element is skipped up to the next `,` or the closer; when the closer is
    /// evidently missing (an `end`, a line starting a new statement, end of file) the
    /// list reports it with a pointer to the opener and fails.
    pub(super) fn delimited<T>(
        &mut self,
        open: crate::span::Span,
        open_text: &str,
        close: TokenKind,
        sep_optional: bool,
        mut elem: impl FnMut(&mut Self) -> super::PResult<T>,
    ) -> super::PResult<Vec<T>> {
        let close_text = close.fixed_text().unwrap_or("?");
        let opener_label = format!("`{open_text}` opened here");
        self.with_layout(false, |p| {
            let mut out = Vec::new();
            loop {
                if p.at(&close) {
                    p.bump();
                    return Ok(out);
                }
                if p.at_hard_stop() {
                    let what = format!("`{close_text}`");
                    return Err(p.expected_with_opener(&what, open, &opener_label));
                }
                let start = p.pos;
                match elem(p) {
                    Ok(v) => out.push(v),
                    Err(_) => {
                        let kind = p.tok(p.pos).kind.clone();
                        if p.pos == start && kind != TokenKind::Comma && !p.is_closer(&kind) {
                            p.bump();
                        }
                        p.skip_list_item(open);
                    }
                }
                if p.eat(&TokenKind::Comma) || p.at(&close) {
                    continue;
                }
                if sep_optional && !p.at_hard_stop() {
                    continue;
                }
                let what = format!("`,` or `{close_text}`");
                let _ = p.expected_with_opener(&what, open, &opener_label);
                p.skip_list_item(open);
                if p.eat(&TokenKind::Comma) || p.at(&close) {
                    continue;
                }
                return Err(super::Fail);
            }
        })
    }
}
