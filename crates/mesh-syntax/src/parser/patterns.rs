//! Patterns (§8.1) and parameters (§5.2).
//!
//! Precedence, loosest first: `p as name`, then `h :: t` (right-associative), then
//! `a | b`, then primary patterns. Lists, atoms and maps are not patterns.

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::span::Span;
use crate::token::{Keyword, TokenKind};

fn pat(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

fn is_upper(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Parser<'a> {
    /// A full pattern (as in a `case` arm).
    pub(super) fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.nested(|p| {
            let mut pattern = p.parse_cons_pattern()?;
            while p.at_word("as") {
                p.bump();
                let name = p.expect_ident("a name after `as`")?;
                let span = pattern.span.to(name.span);
                pattern = pat(PatternKind::As(Box::new(pattern), name), span);
            }
            Ok(pattern)
        })
    }

    fn parse_cons_pattern(&mut self) -> PResult<Pattern> {
        let head = self.parse_or_pattern()?;
        if !self.eat(&TokenKind::ColonColon) {
            return Ok(head);
        }
        let tail = self.nested(|p| p.parse_cons_pattern())?;
        let span = head.span.to(tail.span);
        Ok(pat(PatternKind::Cons(Box::new(head), Box::new(tail)), span))
    }

    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let first = self.parse_primary_pattern()?;
        if !self.at(&TokenKind::Bar) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat(&TokenKind::Bar) {
            alts.push(self.parse_primary_pattern()?);
        }
        let span = match (alts.first(), alts.last()) {
            (Some(a), Some(b)) => a.span.to(b.span),
            _ => self.peek_span(),
        };
        Ok(pat(PatternKind::Or(alts), span))
    }

    /// A primary pattern: literal, `_`, name, tuple or constructor.
    pub(super) fn parse_primary_pattern(&mut self) -> PResult<Pattern> {
        let tok = self.peek_token().clone();
        let span = tok.span;
        match tok.kind {
            TokenKind::Ident(name) if name == "_" => {
                self.bump();
                Ok(pat(PatternKind::Wildcard, span))
            }
            TokenKind::Int(_) | TokenKind::Float(_) => self.parse_number_pattern(false, span),
            TokenKind::Minus => {
                self.bump();
                if !matches!(self.peek(), TokenKind::Int(_) | TokenKind::Float(_)) {
                    return Err(self.expected("a number after `-` in a pattern"));
                }
                self.parse_number_pattern(true, span)
            }
            TokenKind::Keyword(Keyword::True) => {
                self.bump();
                Ok(pat(PatternKind::Bool(true), span))
            }
            TokenKind::Keyword(Keyword::False) => {
                self.bump();
                Ok(pat(PatternKind::Bool(false), span))
            }
            TokenKind::Keyword(Keyword::Nil) => {
                self.bump();
                Ok(pat(PatternKind::Unit, span))
            }
            TokenKind::StringStart { .. } => {
                let (text, span) = self.parse_plain_string("pattern")?;
                Ok(pat(PatternKind::Str(text), span))
            }
            TokenKind::LParen => {
                self.bump();
                let mut items =
                    self.delimited(span, "(", TokenKind::RParen, false, |p| p.parse_pattern())?;
                let span = self.span_from(span);
                Ok(match items.len() {
                    0 => pat(PatternKind::Unit, span),
                    1 => items.pop().unwrap_or(pat(PatternKind::Unit, span)),
                    _ => pat(PatternKind::Tuple(items), span),
                })
            }
            TokenKind::Ident(name) => {
                self.bump();
                let first = Ident::new(name, span);
                if self.at(&TokenKind::Dot) {
                    self.bump();
                    let variant = self.expect_ident("variant name after `.`")?;
                    let args = self.parse_ctor_args()?;
                    return Ok(pat(
                        PatternKind::Constructor {
                            type_name: Some(first),
                            name: variant,
                            args,
                        },
                        self.span_from(span),
                    ));
                }
                if self.at(&TokenKind::LParen) {
                    let args = self.parse_ctor_args()?;
                    return Ok(pat(
                        PatternKind::Constructor {
                            type_name: None,
                            name: first,
                            args,
                        },
                        self.span_from(span),
                    ));
                }
                Ok(pat(PatternKind::Bind(first), span))
            }
            _ => Err(self.expected("pattern")),
        }
    }

    /// `(p, …)` after a constructor name, if present.
    fn parse_ctor_args(&mut self) -> PResult<Option<Vec<Pattern>>> {
        if !self.at(&TokenKind::LParen) {
            return Ok(None);
        }
        let open = self.bump().span;
        let args = self.delimited(open, "(", TokenKind::RParen, false, |p| p.parse_pattern())?;
        Ok(Some(args))
    }

    /// An integer or float literal pattern (the `-`, if any, is already consumed).
    fn parse_number_pattern(&mut self, negative: bool, start: Span) -> PResult<Pattern> {
        let tok = self.bump();
        let span = self.span_from(start);
        let kind = match tok.kind {
            TokenKind::Float(f) => PatternKind::Float(if negative { -f } else { f }),
            TokenKind::Int(v) => {
                let value = if negative {
                    0i64.checked_sub_unsigned(v)
                } else {
                    i64::try_from(v).ok()
                };
                match value {
                    Some(v) => PatternKind::Int(v),
                    None => {
                        self.error_at(
                            span,
                            "integer literal does not fit in a 64-bit signed integer",
                        );
                        PatternKind::Int(0)
                    }
                }
            }
            _ => return Err(Fail),
        };
        Ok(pat(kind, span))
    }

    /// A string literal without interpolation (patterns, `table "name"`).
    pub(super) fn parse_plain_string(&mut self, what: &str) -> PResult<(String, Span)> {
        if !matches!(self.peek(), TokenKind::StringStart { .. }) {
            return Err(self.expected(&format!("string literal as {what}")));
        }
        let start = self.bump().span;
        let mut text = String::new();
        loop {
            match self.raw().kind.clone() {
                TokenKind::StringText(t) => {
                    self.bump();
                    text.push_str(&t);
                }
                TokenKind::InterpStart => {
                    let span = self.bump().span;
                    let message = if what == "pattern" {
                        "string interpolation not allowed in patterns".to_string()
                    } else {
                        format!("string interpolation not allowed in {what}")
                    };
                    self.error_at(span, message);
                    self.skip_interpolation();
                }
                TokenKind::StringEnd => {
                    self.bump();
                    break;
                }
                _ => return Err(self.expected("end of string")),
            }
        }
        Ok((text, self.span_from(start)))
    }

    /// One parameter of a function or closure, by the first-token rule of §5.2: literals,
    /// `-`number, `(` and `Upper(`/`Upper.` start a pattern; `_` is a wildcard; any other
    /// name (or `self`) is a plain parameter with an optional `:: Type`.
    pub(super) fn parse_param(&mut self) -> PResult<Param> {
        let start = self.peek_span();
        let pattern = match self.peek().clone() {
            TokenKind::Int(_)
            | TokenKind::Float(_)
            | TokenKind::Minus
            | TokenKind::StringStart { .. }
            | TokenKind::LParen
            | TokenKind::Keyword(Keyword::True | Keyword::False | Keyword::Nil) => {
                let pattern = self.parse_pattern()?;
                return Ok(Param {
                    span: pattern.span,
                    pattern,
                    ty: None,
                });
            }
            TokenKind::Ident(name)
                if is_upper(&name) && matches!(self.nth(1), TokenKind::LParen | TokenKind::Dot) =>
            {
                let pattern = self.parse_pattern()?;
                return Ok(Param {
                    span: pattern.span,
                    pattern,
                    ty: None,
                });
            }
            TokenKind::Ident(name) => {
                self.bump();
                if name == "_" {
                    pat(PatternKind::Wildcard, start)
                } else {
                    pat(PatternKind::Bind(Ident::new(name, start)), start)
                }
            }
            TokenKind::Keyword(Keyword::SelfKw) => {
                self.bump();
                pat(PatternKind::Bind(Ident::new("self", start)), start)
            }
            _ => return Err(self.expected("parameter")),
        };
        let ty = if self.eat(&TokenKind::ColonColon) {
            Some(self.parse_type()?)
        } else {
            None
        };
        Ok(Param {
            pattern,
            ty,
            span: self.span_from(start),
        })
    }
}
