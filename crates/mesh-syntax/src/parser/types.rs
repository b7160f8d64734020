//! Type expressions (§4.2): named (possibly dotted and generic) types, tuples, `Fun(…)
//! -> R`, and the sugar `T?` = `Option<T>`, `T!E` = `Result<T, E>`.

use super::{PResult, Parser};
use crate::ast::{Ident, TypeExpr, TypeExprKind};
use crate::span::Span;
use crate::token::TokenKind;

fn named(name: &str, span: Span, args: Vec<TypeExpr>) -> TypeExpr {
    TypeExpr {
        kind: TypeExprKind::Named {
            path: vec![Ident::new(name, span)],
            args,
        },
        span,
    }
}

impl<'a> Parser<'a> {
    /// A type, including the `?` / `!` suffixes.
    pub(super) fn parse_type(&mut self) -> PResult<TypeExpr> {
        self.nested(|p| {
            let base = p.parse_base_type()?;
            p.parse_type_suffix(base)
        })
    }

    fn parse_base_type(&mut self) -> PResult<TypeExpr> {
        let tok = self.peek_token().clone();
        let start = tok.span;
        match tok.kind {
            TokenKind::LParen => {
                self.bump();
                let mut items =
                    self.delimited(start, "(", TokenKind::RParen, false, |p| p.parse_type())?;
                let span = self.span_from(start);
                if items.len() == 1 {
                    if let Some(only) = items.pop() {
                        return Ok(only);
                    }
                }
                Ok(TypeExpr {
                    kind: TypeExprKind::Tuple(items),
                    span,
                })
            }
            TokenKind::Ident(name) if name == "Fun" && *self.nth(1) == TokenKind::LParen => {
                self.bump();
                let open = self.bump().span;
                let params =
                    self.delimited(open, "(", TokenKind::RParen, false, |p| p.parse_type())?;
                self.expect(
                    &TokenKind::Arrow,
                    "`->` after the function type's parameters",
                )?;
                let ret = self.parse_type()?;
                Ok(TypeExpr {
                    kind: TypeExprKind::Fun {
                        params,
                        ret: Box::new(ret),
                    },
                    span: self.span_from(start),
                })
            }
            TokenKind::Ident(name) => {
                self.bump();
                let mut path = vec![Ident::new(name, start)];
                while self.at(&TokenKind::Dot) {
                    self.bump();
                    path.push(self.expect_ident("type name after `.`")?);
                }
                let args = if self.eat(&TokenKind::Lt) {
                    self.parse_type_args_rest()?
                } else {
                    Vec::new()
                };
                Ok(TypeExpr {
                    kind: TypeExprKind::Named { path, args },
                    span: self.span_from(start),
                })
            }
            _ => Err(self.expected("type")),
        }
    }

    /// `A, B>` after a consumed `<`. A `>=` right after the list is split so that
    /// `let x :: List<Int>= …` still works.
    pub(super) fn parse_type_args_rest(&mut self) -> PResult<Vec<TypeExpr>> {
        let mut args = Vec::new();
        loop {
            self.split_gt_eq();
            if self.at(&TokenKind::Gt) {
                break;
            }
            args.push(self.parse_type()?);
            if !self.eat(&TokenKind::Comma) {
                break;
            }
        }
        self.split_gt_eq();
        self.expect(&TokenKind::Gt, "`,` or `>` in type arguments")?;
        Ok(args)
    }

    fn parse_type_suffix(&mut self, base: TypeExpr) -> PResult<TypeExpr> {
        let start = base.span;
        let mut ty = base;
        if self.at(&TokenKind::Question) {
            self.bump();
            let span = self.span_from(start);
            ty = named("Option", span, vec![ty]);
            if self.at(&TokenKind::Bang) {
                let span = self.peek_span();
                self.error_at(
                    span,
                    "a type cannot use both `?` and `!`; write `Result<Option<T>, E>` explicitly",
                );
            }
        }
        if self.eat(&TokenKind::Bang) {
            let err = self.parse_type()?;
            let span = self.span_from(start);
            ty = named("Result", span, vec![ty, err]);
        }
        Ok(ty)
    }
}
