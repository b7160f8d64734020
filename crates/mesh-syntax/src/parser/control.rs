//! Keyword-led expressions: `if`, `case`/`match`, `receive`, closures, `for`, `while`.
//!
//! Their bodies are `do`-blocks, entered with a fresh significant layout (§2.1 REC), so
//! a block nested inside a call's parentheses still separates statements by newlines.

use super::{PResult, Parser};
use crate::ast::*;
use crate::span::Span;
use crate::token::{Keyword, TokenKind};

type After = Option<(Box<Expr>, Box<Expr>)>;

fn is_upper(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Parser<'a> {
    /// `if cond do … [else …] end`; `else if` shares the final `end`.
    pub(super) fn parse_if(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let cond = self.parse_expr()?;
        let do_span = self.expect_do("the `if` condition")?;
        let in_brackets = !self.significant();
        let (then_block, else_block) = self.with_layout(true, |p| -> PResult<_> {
            let then_block = p.block_until(&[Keyword::Else], in_brackets);
            if !p.at_kw(Keyword::Else) {
                p.expect_end(do_span, "`if` block", "`do` block started here");
                return Ok((then_block, None));
            }
            p.bump();
            if p.raw().kind.is_kw(Keyword::If) {
                let nested = p.parse_if()?;
                return Ok((then_block, Some(Self::expr_block(nested))));
            }
            let else_block = p.block_until(&[], in_brackets);
            p.expect_end(do_span, "`if` block", "`do` block started here");
            Ok((then_block, Some(else_block)))
        })?;
        Ok(Expr {
            kind: ExprKind::If {
                cond: Box::new(cond),
                then_block,
                else_block,
            },
            span: self.span_from(start),
        })
    }

    /// `case|match scrutinee do arms end`.
    pub(super) fn parse_case(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let name = kw.kind.fixed_text().unwrap_or("case");
        let scrutinee = self.parse_expr()?;
        let do_span = self.expect_do(&format!("the `{name}` expression"))?;
        let (arms, _) = self.arms_body(do_span, name, false);
        Ok(Expr {
            kind: ExprKind::Case {
                scrutinee: Box::new(scrutinee),
                arms,
            },
            span: self.span_from(kw.span),
        })
    }

    /// `receive do arms [after ms -> expr] end`.
    pub(super) fn parse_receive(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let do_span = self.expect_do("`receive`")?;
        let (arms, after) = self.arms_body(do_span, "receive", true);
        Ok(Expr {
            kind: ExprKind::Receive { arms, after },
            span: self.span_from(start),
        })
    }

    /// The arms of a `case`/`receive` up to and including `end`. Arms are separated by
    /// newlines (or simply follow each other); `;` between arms is an error.
    fn arms_body(&mut self, do_span: Span, name: &str, receive: bool) -> (Vec<Arm>, After) {
        let in_brackets = !self.significant();
        self.with_layout(true, |p| {
            let mut arms = Vec::new();
            let mut after: After = None;
            loop {
                p.skip_newlines();
                match p.peek().clone() {
                    TokenKind::Eof | TokenKind::Keyword(Keyword::End) | TokenKind::InterpEnd => {
                        break
                    }
                    TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace if in_brackets => {
                        break
                    }
                    TokenKind::Semi => {
                        let span = p.bump().span;
                        p.error_at(
                            span,
                            format!("expected a newline between `{name}` arms, found `;`"),
                        );
                        continue;
                    }
                    TokenKind::Keyword(Keyword::After) if receive => {
                        let start = p.pos;
                        let kw = p.bump().span;
                        match p.parse_after_clause() {
                            Ok(clause) if after.is_none() => after = Some(clause),
                            Ok(_) => p.error_at(kw, "a `receive` has at most one `after` clause"),
                            Err(_) => p.recover_statement(start),
                        }
                        continue;
                    }
                    TokenKind::Keyword(Keyword::Else)
                    | TokenKind::RParen
                    | TokenKind::RBracket
                    | TokenKind::RBrace => {
                        let tok = p.bump();
                        let what = p.describe(&tok);
                        p.error_at(tok.span, format!("unexpected {what}"));
                        continue;
                    }
                    _ => {}
                }
                let start = p.pos;
                match p.parse_arm() {
                    Ok(arm) => {
                        if after.is_some() {
                            p.error_at(
                                arm.pattern.span,
                                "expected `end` after the `after` clause: it must be the last clause of `receive`",
                            );
                        }
                        arms.push(arm);
                    }
                    Err(_) => p.recover_statement(start),
                }
            }
            p.expect_end(
                do_span,
                &format!("`{name}` block"),
                "`do` block started here",
            );
            (arms, after)
        })
    }

    /// `ms -> expr` after `after`.
    fn parse_after_clause(&mut self) -> PResult<(Box<Expr>, Box<Expr>)> {
        let ms = self.parse_expr()?;
        self.expect(&TokenKind::Arrow, "`->` after the `after` timeout")?;
        self.skip_newlines();
        let body = self.parse_expr()?;
        Ok((Box::new(ms), Box::new(body)))
    }

    /// `pattern [when guard] -> expr`; the body may start on the next line.
    fn parse_arm(&mut self) -> PResult<Arm> {
        let pattern = self.parse_pattern()?;
        let guard = if self.eat_kw(Keyword::When) {
            Some(self.parse_expr()?)
        } else {
            None
        };
        self.expect(&TokenKind::Arrow, "`->` after the arm pattern")?;
        self.skip_newlines();
        let body = self.parse_expr()?;
        Ok(Arm {
            span: pattern.span.to(body.span),
            pattern,
            guard,
            body,
        })
    }

    /// `for x in iter [when filter] do … end` / `for {k, v} in …`.
    pub(super) fn parse_for(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let binding = match self.peek().clone() {
            TokenKind::Ident(name) => {
                let span = self.bump().span;
                ForBinding::Name(Ident::new(name, span))
            }
            TokenKind::LBrace => {
                let open = self.bump().span;
                let names = self.delimited(open, "{", TokenKind::RBrace, false, |p| {
                    p.expect_ident("a name to bind")
                })?;
                ForBinding::Destructure(names)
            }
            _ => return Err(self.expected("a name or `{k, v}` after `for`")),
        };
        if !self.eat_kw(Keyword::In) {
            return Err(self.expected("`in` after the `for` binding"));
        }
        let iter = self.parse_expr()?;
        let filter = if self.eat_kw(Keyword::When) {
            Some(Box::new(self.parse_expr()?))
        } else {
            None
        };
        let do_span = self.expect_do("the `for` header")?;
        let body = self.do_block(do_span, "`for` loop");
        Ok(Expr {
            kind: ExprKind::For {
                binding,
                iter: Box::new(iter),
                filter,
                body,
            },
            span: self.span_from(start),
        })
    }

    /// `while cond do … end`.
    pub(super) fn parse_while(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let cond = self.parse_expr()?;
        let do_span = self.expect_do("the `while` condition")?;
        let body = self.do_block(do_span, "`while` loop");
        Ok(Expr {
            kind: ExprKind::While {
                cond: Box::new(cond),
                body,
            },
            span: self.span_from(start),
        })
    }

    /// A closure (§5.5): `fn -> block end`, `fn do block end`, `fn PARAMS -> expr end`,
    /// `fn PARAMS do block end`, and multi-clause `fn P1 -> e1 | P2 when g -> e2 end`.
    pub(super) fn parse_closure(&mut self) -> PResult<Expr> {
        let fn_span = self.bump().span;
        const LABEL: &str = "closure started here";
        let single = |body: Block, span: Span| ClosureClause {
            params: Vec::new(),
            guard: None,
            body,
            span,
        };
        if self.at(&TokenKind::Arrow) {
            // No parameters: the arrow body is a whole block.
            self.bump();
            let in_brackets = !self.significant();
            let body = self.with_layout(true, |p| {
                let body = p.block_until(&[], in_brackets);
                p.expect_end(fn_span, "closure", LABEL);
                body
            });
            let span = self.span_from(fn_span);
            return Ok(closure(vec![single(body, span)], span));
        }
        if self.at_kw(Keyword::Do) {
            let do_span = self.bump().span;
            let body = self.do_block(do_span, "closure");
            let span = self.span_from(fn_span);
            return Ok(closure(vec![single(body, span)], span));
        }
        let mut clauses = Vec::new();
        loop {
            let clause_start = self.peek_span();
            let params = if self.at(&TokenKind::LParen) {
                self.parse_param_list()?
            } else if self.at_bare_param_start() {
                let mut params = vec![self.parse_param()?];
                while self.eat(&TokenKind::Comma) {
                    params.push(self.parse_param()?);
                }
                params
            } else {
                return Err(self.expected("closure parameters, `->` or `do` after `fn`"));
            };
            let guard = if self.eat_kw(Keyword::When) {
                Some(self.parse_expr()?)
            } else {
                None
            };
            if self.at_kw(Keyword::Do) {
                let do_span = self.bump().span;
                let body = self.do_block(do_span, "closure");
                clauses.push(ClosureClause {
                    params,
                    guard,
                    body,
                    span: self.span_from(clause_start),
                });
                if clauses.len() == 1 {
                    // `fn(x) do … end`: the block's `end` closes the closure.
                    let span = self.span_from(fn_span);
                    return Ok(closure(clauses, span));
                }
            } else if self.eat(&TokenKind::Arrow) {
                self.skip_newlines_if_significant();
                let body = self.parse_expr()?;
                clauses.push(ClosureClause {
                    params,
                    guard,
                    body: Self::expr_block(body),
                    span: self.span_from(clause_start),
                });
            } else {
                return Err(self.expected("`->` or `do` after closure parameters"));
            }
            self.skip_newlines_if_significant();
            if self.eat(&TokenKind::Bar) {
                continue;
            }
            self.expect_end(fn_span, "closure", LABEL);
            break;
        }
        let span = self.span_from(fn_span);
        Ok(closure(clauses, span))
    }

    fn skip_newlines_if_significant(&mut self) {
        if self.significant() {
            self.skip_newlines();
        }
    }

    /// Whether the token after `fn` starts bare (unparenthesised) parameters (§5.5).
    fn at_bare_param_start(&mut self) -> bool {
        use TokenKind as T;
        match self.peek().clone() {
            T::Ident(name) => {
                name == "_"
                    || matches!(
                        self.nth(1),
                        T::Comma
                            | T::Arrow
                            | T::ColonColon
                            | T::Keyword(Keyword::When | Keyword::Do)
                    )
                    || (is_upper(&name) && matches!(self.nth(1), T::LParen | T::Dot))
            }
            T::Int(_)
            | T::Float(_)
            | T::StringStart { .. }
            | T::Keyword(Keyword::True | Keyword::False | Keyword::Nil) => true,
            T::Minus => matches!(self.nth(1), T::Int(_) | T::Float(_)),
            _ => false,
        }
    }
}

fn closure(clauses: Vec<ClosureClause>, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Closure(clauses),
        span,
    }
}
