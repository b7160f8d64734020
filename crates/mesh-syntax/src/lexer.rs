//! The lexer: source text → tokens (language reference §1).
//!
//! Strings with `${…}` interpolation need a mode stack: inside a string we collect text,
//! `${` switches to normal tokens until the `}` that balances it, and a string inside an
//! interpolation starts a new string mode on top. Newlines inside an interpolation are
//! dropped (REC of §1.7.3: they are insignificant there).
//!
//! Lexical errors are reported as `P0001` diagnostics and lexing always continues, so the
//! parser sees a complete token stream (an unterminated string still gets its closing
//! tokens, synthesized at the end of the file).

use crate::diagnostic::Diagnostic;
use crate::span::{FileId, Span};
use crate::token::{CommentKind, Keyword, Token, TokenKind};

/// The error code of every syntax error.
pub const PARSE_ERROR: &str = "P0001";

/// Largest integer magnitude a literal may have (`i64::MAX + 1`, valid only when negated).
pub const MAX_INT_MAGNITUDE: u64 = 1 << 63;

/// Splits `text` into tokens. Comments are included as trivia; the last token is `Eof`.
pub fn lex(file: FileId, text: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lexer = Lexer {
        file,
        text,
        pos: 0,
        tokens: Vec::new(),
        diags: Vec::new(),
        modes: Vec::new(),
    };
    lexer.run();
    (lexer.tokens, lexer.diags)
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    /// Inside a string literal that started at byte `start`.
    Str { triple: bool, start: usize },
    /// Inside `${ … }`; `depth` counts unclosed `{` opened within it.
    Interp { depth: u32, start: usize },
}

struct Lexer<'a> {
    file: FileId,
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    diags: Vec<Diagnostic>,
    modes: Vec<Mode>,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Lexer<'a> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start as u32, end as u32)
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        let span = self.span(start, self.pos);
        self.tokens.push(Token { kind, span });
    }

    fn error(&mut self, message: impl Into<String>, start: usize, end: usize) {
        let span = self.span(start, end);
        self.diags
            .push(Diagnostic::error(PARSE_ERROR, message, span).with_label("here"));
    }

    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|s| s.chars().nth(offset))
    }

    fn starts_with(&self, s: &str) -> bool {
        self.text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s))
    }

    fn bump_char(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn in_interpolation(&self) -> bool {
        self.modes.iter().any(|m| matches!(m, Mode::Interp { .. }))
    }

    fn run(&mut self) {
        // A byte-order mark is not part of the program.
        if self.text.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
        loop {
            if let Some(Mode::Str { triple, .. }) = self.modes.last().copied() {
                if !self.lex_string_part(triple) {
                    break;
                }
            } else if !self.lex_token() {
                break;
            }
        }
        self.close_open_modes();
        let end = self.text.len();
        self.tokens.push(Token {
            kind: TokenKind::Eof,
            span: self.span(end, end),
        });
    }

    /// At end of input: report an unterminated string once and synthesize the closing
    /// tokens so the parser sees balanced string/interpolation tokens.
    fn close_open_modes(&mut self) {
        let innermost_string = self.modes.iter().rev().find_map(|m| match m {
            Mode::Str { start, triple } => Some((*start, *triple)),
            Mode::Interp { .. } => None,
        });
        if let Some((start, triple)) = innermost_string {
            let quote_len = if triple { 3 } else { 1 };
            self.error("unterminated string literal", start, start + quote_len);
        } else if let Some(Mode::Interp { start, .. }) = self.modes.last().copied() {
            self.error("unterminated interpolation `${`", start, start + 2);
        }
        let end = self.text.len();
        while let Some(mode) = self.modes.pop() {
            let kind = match mode {
                Mode::Str { .. } => TokenKind::StringEnd,
                Mode::Interp { .. } => TokenKind::InterpEnd,
            };
            self.tokens.push(Token {
                kind,
                span: self.span(end, end),
            });
        }
    }

    /// Lexes one token in normal (or interpolation) mode; false at end of input.
    fn lex_token(&mut self) -> bool {
        let start = self.pos;
        let Some(c) = self.bump_char() else {
            return false;
        };
        use TokenKind as T;
        match c {
            ' ' | '\t' => {}
            '\n' | '\r' => {
                if c == '\r' && self.peek() == Some('\n') {
                    self.pos += 1;
                }
                if !self.in_interpolation() {
                    self.push(T::Newline, start);
                }
            }
            '#' => self.lex_comment(start),
            '0'..='9' => self.lex_number(start, c),
            '"' => {
                let triple = self.starts_with("\"\"");
                if triple {
                    self.pos += 2;
                }
                self.push(T::StringStart { triple }, start);
                self.modes.push(Mode::Str { triple, start });
            }
            '{' => {
                if let Some(Mode::Interp { depth, .. }) = self.modes.last_mut() {
                    *depth += 1;
                }
                self.push(T::LBrace, start);
            }
            '}' => match self.modes.last_mut() {
                Some(Mode::Interp { depth: 0, .. }) => {
                    self.modes.pop();
                    self.push(T::InterpEnd, start);
                }
                Some(Mode::Interp { depth, .. }) => {
                    *depth -= 1;
                    self.push(T::RBrace, start);
                }
                _ => self.push(T::RBrace, start),
            },
            ':' => {
                if self.peek() == Some(':') {
                    self.pos += 1;
                    self.push(T::ColonColon, start);
                } else if matches!(self.peek(), Some('a'..='z' | '_')) {
                    let name_start = self.pos;
                    while self.peek().is_some_and(is_ident_continue) {
                        self.bump_char();
                    }
                    let name = self
                        .text
                        .get(name_start..self.pos)
                        .unwrap_or("")
                        .to_string();
                    self.push(T::Atom(name), start);
                } else {
                    self.push(T::Colon, start);
                }
            }
            c if is_ident_start(c) => {
                while self.peek().is_some_and(is_ident_continue) {
                    self.bump_char();
                }
                let word = self.text.get(start..self.pos).unwrap_or("");
                let kind = match Keyword::from_word(word) {
                    Some(k) => T::Keyword(k),
                    None => T::Ident(word.to_string()),
                };
                self.push(kind, start);
            }
            _ => {
                let kind = self.lex_operator(c);
                if kind == T::Error {
                    self.error(
                        format!(
                            "unexpected character `{}`",
                            if c.is_control() {
                                c.escape_debug().to_string()
                            } else {
                                c.to_string()
                            }
                        ),
                        start,
                        self.pos,
                    );
                }
                self.push(kind, start);
            }
        }
        true
    }

    /// Operators and punctuation by maximal munch (`c` already consumed).
    fn lex_operator(&mut self, c: char) -> TokenKind {
        use TokenKind as T;
        let next = self.peek();
        let (kind, extra) = match (c, next) {
            ('+', Some('+')) => (T::PlusPlus, 1),
            ('+', _) => (T::Plus, 0),
            ('-', Some('>')) => (T::Arrow, 1),
            ('-', _) => (T::Minus, 0),
            ('*', _) => (T::Star, 0),
            ('/', _) => (T::Slash, 0),
            ('%', _) => (T::Percent, 0),
            ('=', Some('=')) => (T::EqEq, 1),
            ('=', Some('>')) => (T::FatArrow, 1),
            ('=', _) => (T::Eq, 0),
            ('!', Some('=')) => (T::NotEq, 1),
            ('!', _) => (T::Bang, 0),
            ('<', Some('=')) => (T::LtEq, 1),
            ('<', Some('>')) => (T::Diamond, 1),
            ('<', _) => (T::Lt, 0),
            ('>', Some('=')) => (T::GtEq, 1),
            ('>', _) => (T::Gt, 0),
            ('&', Some('&')) => (T::AmpAmp, 1),
            ('|', Some('|')) => (T::PipePipe, 1),
            ('|', Some('>')) => (T::Pipe, 1),
            ('|', _) => (T::Bar, 0),
            ('.', Some('.')) => (T::DotDot, 1),
            ('.', _) => (T::Dot, 0),
            ('?', _) => (T::Question, 0),
            (',', _) => (T::Comma, 0),
            (';', _) => (T::Semi, 0),
            ('(', _) => (T::LParen, 0),
            (')', _) => (T::RParen, 0),
            ('[', _) => (T::LBracket, 0),
            (']', _) => (T::RBracket, 0),
            _ => (T::Error, 0),
        };
        self.pos += extra;
        kind
    }

    fn lex_comment(&mut self, start: usize) {
        if self.peek() == Some('=') {
            self.pos += 1;
            self.lex_block_comment(start);
            return;
        }
        let kind = if self.starts_with("#!") {
            CommentKind::ModuleDoc
        } else if self.starts_with("#") {
            CommentKind::Doc
        } else {
            CommentKind::Line
        };
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump_char();
        }
        self.push(TokenKind::Comment(kind), start);
    }

    /// `#= … =#`, nestable; newlines inside produce no tokens.
    fn lex_block_comment(&mut self, start: usize) {
        let mut depth = 1u32;
        while depth > 0 {
            if self.starts_with("#=") {
                self.pos += 2;
                depth += 1;
            } else if self.starts_with("=#") {
                self.pos += 2;
                depth -= 1;
            } else if self.bump_char().is_none() {
                self.error("unterminated block comment `#=`", start, start + 2);
                break;
            }
        }
        self.push(TokenKind::Comment(CommentKind::Block), start);
    }

    fn lex_number(&mut self, start: usize, first: char) {
        let radix = match (first, self.peek()) {
            ('0', Some('x' | 'X')) => 16,
            ('0', Some('b' | 'B')) => 2,
            ('0', Some('o' | 'O')) => 8,
            _ => 10,
        };
        if radix != 10 {
            self.pos += 1;
            self.lex_radix_int(start, radix);
            return;
        }
        let eat_digits = |lx: &mut Lexer| {
            while matches!(lx.peek(), Some('0'..='9' | '_')) {
                lx.pos += 1;
            }
        };
        eat_digits(self);
        let mut is_float = false;
        // A `.` belongs to the number only when a digit follows (`1..5`, `5.to_string()`).
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            self.pos += 1;
            eat_digits(self);
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let signed = matches!(self.peek_at(1), Some('+' | '-'));
            let digit_at = if signed { 2 } else { 1 };
            if self.peek_at(digit_at).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                self.pos += digit_at;
                eat_digits(self);
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or("");
        let digits: String = raw.chars().filter(|&c| c != '_').collect();
        if is_float {
            let value = digits.parse::<f64>().unwrap_or(f64::INFINITY);
            if !value.is_finite() {
                self.error(
                    format!("float literal `{raw}` is out of range"),
                    start,
                    self.pos,
                );
            }
            let value = if value.is_finite() { value } else { 0.0 };
            self.push(TokenKind::Float(value), start);
        } else {
            let value = self.int_value(&digits, 10, start);
            self.push(TokenKind::Int(value), start);
        }
    }

    /// `0x…`, `0b…`, `0o…` (the prefix's first character is already consumed).
    fn lex_radix_int(&mut self, start: usize, radix: u32) {
        let body_start = self.pos;
        // Take every alphanumeric character so that `0b102` is one bad literal, not two tokens.
        while self.peek().is_some_and(is_ident_continue) {
            self.bump_char();
        }
        let raw = self.text.get(start..self.pos).unwrap_or("");
        let body = self.text.get(body_start..self.pos).unwrap_or("");
        let name = match radix {
            16 => "hexadecimal",
            2 => "binary",
            _ => "octal",
        };
        if let Some(bad) = body.chars().find(|&c| c != '_' && !c.is_digit(radix)) {
            self.error(
                format!("invalid digit `{bad}` in {name} literal `{raw}`"),
                start,
                self.pos,
            );
            self.push(TokenKind::Int(0), start);
            return;
        }
        let digits: String = body.chars().filter(|&c| c != '_').collect();
        if digits.is_empty() {
            self.error(
                format!("{name} literal `{raw}` has no digits"),
                start,
                self.pos,
            );
            self.push(TokenKind::Int(0), start);
            return;
        }
        let value = self.int_value(&digits, radix, start);
        self.push(TokenKind::Int(value), start);
    }

    /// Converts validated digits; a magnitude above 2^63 is reported and becomes 0.
    fn int_value(&mut self, digits: &str, radix: u32, start: usize) -> u64 {
        match u64::from_str_radix(digits, radix) {
            Ok(v) if v <= MAX_INT_MAGNITUDE => v,
            _ => {
                let raw = self.text.get(start..self.pos).unwrap_or("").to_string();
                self.error(
                    format!("integer literal `{raw}` does not fit in a 64-bit signed integer"),
                    start,
                    self.pos,
                );
                0
            }
        }
    }

    /// Lexes string content up to the closing quote or the next `${`; false at end of input.
    fn lex_string_part(&mut self, triple: bool) -> bool {
        let start = self.pos;
        let mut text = String::new();
        loop {
            if triple && self.starts_with("\"\"\"") || !triple && self.starts_with("\"") {
                self.flush_text(&mut text, start);
                let quote_start = self.pos;
                self.pos += if triple { 3 } else { 1 };
                self.modes.pop();
                self.push(TokenKind::StringEnd, quote_start);
                return true;
            }
            if self.starts_with("${") {
                self.flush_text(&mut text, start);
                let interp_start = self.pos;
                self.pos += 2;
                self.push(TokenKind::InterpStart, interp_start);
                self.modes.push(Mode::Interp {
                    depth: 0,
                    start: interp_start,
                });
                return true;
            }
            let Some(c) = self.bump_char() else {
                self.flush_text(&mut text, start);
                return false;
            };
            if c == '\\' {
                match self.bump_char() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('r') => text.push('\r'),
                    Some('0') => text.push('\0'),
                    Some(other) => text.push(other),
                    None => {
                        text.push('\\');
                    }
                }
            } else {
                text.push(c);
            }
        }
    }

    fn flush_text(&mut self, text: &mut String, start: usize) {
        if self.pos > start {
            let kind = TokenKind::StringText(std::mem::take(text));
            self.push(kind, start);
        }
    }
}

#[cfg(test)]
mod tests;
