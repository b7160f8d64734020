//! Bodies: the statement loop shared by blocks, the top level and definition bodies;
//! `do … end` blocks; statements and `let`.

use super::{PResult, Parser};
use crate::ast::{Block, Expr, ItemKind, LetStmt, Pattern, PatternKind, Stmt, StmtKind};
use crate::span::Span;
use crate::token::{Keyword, TokenKind};

/// How a body loop ends and what separates its members.
#[derive(Clone, Copy)]
pub(super) struct BodyCfg {
    /// Keywords (besides `end`) that end the body, e.g. `else` for an `if` branch.
    pub terms: &'static [Keyword],
    /// The file's top level: there is no `end`, so a stray `end` is an error.
    pub top_level: bool,
    /// The body sits inside brackets (`f(fn(x) do … )`): a closing bracket ends it.
    pub in_brackets: bool,
    /// Members must be separated by a newline or `;` (false for struct fields and
    /// variants, which may share a line).
    pub need_sep: bool,
    /// A definition that only makes sense at top level (`pub`, `struct`, `service`, …)
    /// written in column 1 ends the body, because the body is then almost certainly
    /// missing its `end` (see [`Parser::at_unindented_top_level_item`]).
    pub stop_at_column1_items: bool,
}

impl BodyCfg {
    /// A statement block that ends at `end` (or one of `terms`).
    pub fn block(terms: &'static [Keyword], in_brackets: bool) -> BodyCfg {
        BodyCfg {
            terms,
            top_level: false,
            in_brackets,
            need_sep: true,
            stop_at_column1_items: true,
        }
    }
}

impl<'a> Parser<'a> {
    /// Runs `each` for every member of a body until its terminator (not consumed),
    /// resynchronising after errors. Separators (newlines, `;`) are consumed here.
    pub(super) fn body_loop(
        &mut self,
        cfg: BodyCfg,
        mut each: impl FnMut(&mut Self) -> PResult<()>,
    ) {
        loop {
            while matches!(self.peek(), TokenKind::Newline | TokenKind::Semi) {
                self.bump();
            }
            match self.peek().clone() {
                TokenKind::Eof => break,
                TokenKind::Keyword(k) if cfg.terms.contains(&k) => break,
                TokenKind::Keyword(Keyword::End) if !cfg.top_level => break,
                _ if cfg.stop_at_column1_items && self.at_unindented_top_level_item() => break,
                // Only an enclosing interpolation can consume it; the top level must
                // never stop early.
                TokenKind::InterpEnd if !cfg.top_level => break,
                TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace if cfg.in_brackets => {
                    break
                }
                TokenKind::Keyword(Keyword::End) => {
                    let tok = self.bump();
                    self.error_at(
                        tok.span,
                        "unexpected `end`: there is no open block to close",
                    );
                    continue;
                }
                TokenKind::Keyword(Keyword::Else)
                | TokenKind::RParen
                | TokenKind::RBracket
                | TokenKind::RBrace
                | TokenKind::InterpEnd => {
                    let tok = self.bump();
                    let what = self.describe(&tok);
                    self.error_at(tok.span, format!("unexpected {what}"));
                    continue;
                }
                _ => {}
            }
            let start = self.pos;
            match each(self) {
                Ok(()) => {
                    if cfg.need_sep && !self.at_statement_boundary(cfg) {
                        let eq = self.at(&TokenKind::Eq);
                        if let Some(mut d) = self.expected_diag("newline or `;` after statement") {
                            if eq {
                                d = d.with_help(
                                    "there is no assignment in Mesh; use `let name = value` to bind a new value",
                                );
                            }
                            self.report(d);
                        }
                        self.recover_statement(start);
                    }
                }
                Err(_) => self.recover_statement(start),
            }
        }
    }

    /// A definition keyword that is only meaningful at top level (`pub`, `struct`,
    /// `type`, `interface`, `impl`, `actor`, `service`, `supervisor`, `module`, `import`,
    /// `from X`) written in column 1. Inside a statement block this means the block's
    /// `end` is missing, so the block stops there and reports it, and the definition is
    /// parsed at top level. Nested named `fn`s are legal, so `fn` is not on the list.
    fn at_unindented_top_level_item(&mut self) -> bool {
        let Some(prev) = self.pos.checked_sub(1).map(|i| self.tok(i)) else {
            return false;
        };
        let tok = self.tok(self.pos);
        if prev.kind != TokenKind::Newline || prev.span.end != tok.span.start {
            return false;
        }
        match &tok.kind {
            TokenKind::Keyword(k) => matches!(
                k,
                Keyword::Pub
                    | Keyword::Struct
                    | Keyword::Type
                    | Keyword::Interface
                    | Keyword::Impl
                    | Keyword::Actor
                    | Keyword::Service
                    | Keyword::Supervisor
                    | Keyword::Module
                    | Keyword::Import
            ),
            TokenKind::Ident(w) => {
                w == "from" && matches!(self.tok(self.pos + 1).kind, TokenKind::Ident(_))
            }
            _ => false,
        }
    }

    /// Whether the current token may follow a complete statement.
    fn at_statement_boundary(&mut self, cfg: BodyCfg) -> bool {
        use TokenKind as T;
        match self.peek() {
            T::Newline | T::Semi | T::Eof | T::InterpEnd => true,
            T::RParen | T::RBracket | T::RBrace => true,
            T::Keyword(k) => {
                matches!(
                    k,
                    Keyword::End
                        | Keyword::Else
                        | Keyword::Let
                        | Keyword::Fn
                        | Keyword::Def
                        | Keyword::Pub
                        | Keyword::Struct
                        | Keyword::Type
                        | Keyword::Interface
                        | Keyword::Impl
                        | Keyword::Actor
                        | Keyword::Service
                        | Keyword::Supervisor
                        | Keyword::Module
                        | Keyword::Import
                ) || cfg.terms.contains(k)
            }
            _ => false,
        }
    }

    /// Parses statements up to `end` or one of `terms` (not consumed). The caller has
    /// pushed the block's significant layout.
    pub(super) fn block_until(&mut self, terms: &'static [Keyword], in_brackets: bool) -> Block {
        let start = self.peek_span();
        let mut stmts = Vec::new();
        self.body_loop(BodyCfg::block(terms, in_brackets), |p| {
            stmts.push(p.parse_stmt()?);
            Ok(())
        });
        let span = match (stmts.first(), stmts.last()) {
            (Some(first), Some(last)) => first.span.to(last.span),
            _ => start.shrink_to_start(),
        };
        Block { stmts, span }
    }

    /// After a consumed `do` at `opener`: the block up to and including its `end`.
    pub(super) fn do_block(&mut self, opener: Span, what: &str) -> Block {
        let in_brackets = !self.significant();
        self.with_layout(true, |p| {
            let block = p.block_until(&[], in_brackets);
            p.expect_end(opener, what, "`do` block started here");
            block
        })
    }

    /// After a consumed `do`: a body of custom members up to and including `end`.
    pub(super) fn do_body(
        &mut self,
        opener: Span,
        what: &str,
        need_sep: bool,
        stop_at_column1_items: bool,
        each: impl FnMut(&mut Self) -> PResult<()>,
    ) {
        let in_brackets = !self.significant();
        self.with_layout(true, |p| {
            let cfg = BodyCfg {
                terms: &[],
                top_level: false,
                in_brackets,
                need_sep,
                stop_at_column1_items,
            };
            p.body_loop(cfg, each);
            p.expect_end(opener, what, "`do` block started here");
        });
    }

    /// One statement of a block.
    pub(super) fn parse_stmt(&mut self) -> PResult<Stmt> {
        if let Some(item) = self.parse_item_opt()? {
            let kind = match item.kind {
                ItemKind::Fn(f) => StmtKind::Fn(f),
                ItemKind::Let(l) => StmtKind::Let(l),
                other => StmtKind::Item(Box::new(crate::ast::Item {
                    kind: other,
                    span: item.span,
                })),
            };
            return Ok(Stmt {
                kind,
                span: item.span,
            });
        }
        let expr = self.parse_expr()?;
        Ok(Stmt {
            span: expr.span,
            kind: StmtKind::Expr(expr),
        })
    }

    /// A one-statement block around an expression (arrow bodies, `= expr` bodies).
    pub(super) fn expr_block(expr: Expr) -> Block {
        Block {
            span: expr.span,
            stmts: vec![Stmt {
                span: expr.span,
                kind: StmtKind::Expr(expr),
            }],
        }
    }

    /// `let pat [:: T] = expr` (the `let` is current). Only a name or a tuple pattern
    /// may be bound (§6.1).
    pub(super) fn parse_let(&mut self) -> PResult<LetStmt> {
        let start = self.bump().span;
        let pattern = match self.peek().clone() {
            TokenKind::Ident(name) => {
                let tok = self.bump();
                if matches!(self.peek(), TokenKind::LParen | TokenKind::Dot) {
                    let span = tok.span.to(self.peek_span());
                    self.error_at(
                        span,
                        "only a name or a tuple pattern can be bound with `let`; use `case` to match other patterns",
                    );
                    return Err(super::Fail);
                }
                let kind = if name == "_" {
                    PatternKind::Wildcard
                } else {
                    PatternKind::Bind(crate::ast::Ident::new(name, tok.span))
                };
                Pattern {
                    kind,
                    span: tok.span,
                }
            }
            TokenKind::LParen => self.parse_primary_pattern()?,
            _ => return Err(self.expected("a name or a tuple pattern after `let`")),
        };
        let ty = if self.eat(&TokenKind::ColonColon) {
            Some(self.parse_type()?)
        } else {
            None
        };
        self.expect(&TokenKind::Eq, "`=` in `let`")?;
        let value = self.parse_expr()?;
        Ok(LetStmt {
            pattern,
            ty,
            value,
            span: self.span_from(start),
        })
    }
}
