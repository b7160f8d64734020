//! Expressions: the Pratt loop with the precedence table of §4.4, prefix operators,
//! primaries, postfix forms (call, field, index, `?`, struct literal), collections,
//! strings with interpolation, and the process primitives.

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::lexer::MAX_INT_MAGNITUDE;
use crate::span::Span;
use crate::token::{Keyword, TokenKind};

/// Binding power of prefix `-`, `!`, `not`: their operand is a postfix expression.
const PREFIX_BP: u8 = 23;
/// Left binding power of `|>` (the lowest operator).
const PIPE_LBP: u8 = 3;

enum Infix {
    Pipe,
    Bin(BinOp),
}

/// Operator, left and right binding power (left-associative: right = left + 1).
fn infix_of(kind: &TokenKind) -> Option<(Infix, u8, u8)> {
    use TokenKind as T;
    let (op, lbp) = match kind {
        T::Pipe => return Some((Infix::Pipe, PIPE_LBP, PIPE_LBP + 1)),
        T::Keyword(Keyword::Or) | T::PipePipe => (BinOp::Or, 5),
        T::Keyword(Keyword::And) | T::AmpAmp => (BinOp::And, 7),
        T::EqEq => (BinOp::Eq, 9),
        T::NotEq => (BinOp::NotEq, 9),
        T::Lt => (BinOp::Lt, 11),
        T::Gt => (BinOp::Gt, 11),
        T::LtEq => (BinOp::LtEq, 11),
        T::GtEq => (BinOp::GtEq, 11),
        T::DotDot => (BinOp::Range, 13),
        T::Diamond | T::PlusPlus => (BinOp::Concat, 15),
        T::Plus => (BinOp::Add, 17),
        T::Minus => (BinOp::Sub, 17),
        T::Star => (BinOp::Mul, 19),
        T::Slash => (BinOp::Div, 19),
        T::Percent => (BinOp::Rem, 19),
        _ => return None,
    };
    Some((Infix::Bin(op), lbp, lbp + 1))
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

impl<'a> Parser<'a> {
    /// A full expression.
    pub(super) fn parse_expr(&mut self) -> PResult<Expr> {
        self.parse_expr_bp(0)
    }

    fn parse_expr_bp(&mut self, min_bp: u8) -> PResult<Expr> {
        self.nested(|p| {
            let mut lhs = p.parse_prefix()?;
            loop {
                if p.significant() && p.newline_then_pipe() {
                    if PIPE_LBP < min_bp {
                        break;
                    }
                    p.skip_newlines();
                }
                let Some((op, lbp, rbp)) = infix_of(p.peek()) else {
                    break;
                };
                if lbp < min_bp {
                    break;
                }
                let op_span = p.bump().span;
                let rhs = p.parse_expr_bp(rbp)?;
                let span = lhs.span.to(rhs.span);
                let (lhs_box, rhs_box) = (Box::new(lhs), Box::new(rhs));
                let kind = match op {
                    Infix::Pipe => ExprKind::Pipe {
                        lhs: lhs_box,
                        rhs: rhs_box,
                    },
                    Infix::Bin(op) => ExprKind::Binary {
                        op,
                        op_span,
                        lhs: lhs_box,
                        rhs: rhs_box,
                    },
                };
                lhs = expr(kind, span);
            }
            Ok(lhs)
        })
    }

    fn parse_prefix(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            TokenKind::Minus => UnOp::Neg,
            TokenKind::Bang | TokenKind::Keyword(Keyword::Not) => UnOp::Not,
            _ => {
                let primary = self.parse_primary()?;
                return self.parse_postfix(primary);
            }
        };
        let op_span = self.bump().span;
        if op == UnOp::Neg && *self.peek() == TokenKind::Int(MAX_INT_MAGNITUDE) {
            // `-9223372036854775808`: the only place the magnitude 2^63 is valid.
            self.bump();
            return Ok(expr(ExprKind::Int(i64::MIN), self.span_from(op_span)));
        }
        let operand = self.parse_expr_bp(PREFIX_BP)?;
        let span = op_span.to(operand.span);
        Ok(expr(
            ExprKind::Unary {
                op,
                operand: Box::new(operand),
            },
            span,
        ))
    }

    fn parse_postfix(&mut self, mut e: Expr) -> PResult<Expr> {
        loop {
            let kind = self.peek().clone();
            match kind {
                TokenKind::LParen => e = self.parse_call(e)?,
                TokenKind::Dot => {
                    self.bump();
                    let name = self.parse_field_name()?;
                    let span = e.span.to(name.span);
                    e = expr(
                        ExprKind::Field {
                            base: Box::new(e),
                            name,
                        },
                        span,
                    );
                }
                TokenKind::LBracket => {
                    let open = self.bump().span;
                    let index = self.with_layout(false, |p| -> PResult<Expr> {
                        let index = p.parse_expr()?;
                        if !p.at(&TokenKind::RBracket) {
                            return Err(p.expected_with_opener("`]`", open, "`[` opened here"));
                        }
                        p.bump();
                        Ok(index)
                    })?;
                    let span = self.span_from(e.span);
                    e = expr(
                        ExprKind::Index {
                            base: Box::new(e),
                            index: Box::new(index),
                        },
                        span,
                    );
                }
                TokenKind::Question => {
                    self.bump();
                    let span = self.span_from(e.span);
                    e = expr(ExprKind::Try(Box::new(e)), span);
                }
                TokenKind::LBrace
                    if matches!(e.kind, ExprKind::Name(_)) && !self.at_line_start() =>
                {
                    e = self.parse_struct_lit(e)?;
                }
                _ => return Ok(e),
            }
        }
    }

    /// A name after `.`: an identifier or one of the exempt keywords (§1.4).
    fn parse_field_name(&mut self) -> PResult<Ident> {
        match self.peek().clone() {
            TokenKind::Ident(name) => {
                let span = self.bump().span;
                Ok(Ident::new(name, span))
            }
            TokenKind::Keyword(k) if k.allowed_after_dot() => {
                let span = self.bump().span;
                Ok(Ident::new(k.as_str(), span))
            }
            _ => Err(self.expected("field or function name after `.`")),
        }
    }

    /// `callee(args…, kw: v, …)` (the `(` is current).
    fn parse_call(&mut self, callee: Expr) -> PResult<Expr> {
        let open = self.bump().span;
        let mut args = Vec::new();
        let mut kwargs: Vec<FieldInit> = Vec::new();
        self.delimited(open, "(", TokenKind::RParen, false, |p| {
            let is_kw = matches!(p.peek(), TokenKind::Ident(_)) && *p.nth(1) == TokenKind::Colon;
            if is_kw {
                let name = p.expect_ident("argument name")?;
                p.bump();
                let value = p.parse_expr()?;
                kwargs.push(FieldInit { name, value });
                return Ok(());
            }
            let value = p.parse_expr()?;
            if kwargs.is_empty() {
                args.push(value);
            } else {
                p.error_at(
                    value.span,
                    "expected a keyword argument (`name: value`): positional arguments must come before keyword arguments",
                );
            }
            Ok(())
        })?;
        let span = self.span_from(callee.span);
        Ok(expr(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                kwargs,
            },
            span,
        ))
    }

    /// `Name { field: value, … }` (the `{` is current).
    fn parse_struct_lit(&mut self, name_expr: Expr) -> PResult<Expr> {
        let ExprKind::Name(name) = name_expr.kind else {
            return Ok(name_expr);
        };
        let open = self.bump().span;
        let fields =
            self.delimited(open, "{", TokenKind::RBrace, true, |p| p.parse_field_init())?;
        let span = self.span_from(name_expr.span);
        Ok(expr(ExprKind::StructLit { name, fields }, span))
    }

    /// `name: expr` inside a struct literal or update.
    fn parse_field_init(&mut self) -> PResult<FieldInit> {
        let name = self.expect_ident("field name in struct literal")?;
        if !self.at(&TokenKind::Colon) {
            let punned = matches!(self.peek(), TokenKind::Comma | TokenKind::RBrace);
            if let Some(mut d) = self.expected_diag("`:` after the field name") {
                if punned {
                    d = d.with_help(format!(
                        "there is no field shorthand; write `{0}: {0}`",
                        name.name
                    ));
                }
                self.report(d);
            }
            return Err(Fail);
        }
        self.bump();
        let value = self.parse_expr()?;
        Ok(FieldInit { name, value })
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        let tok = self.peek_token().clone();
        let span = tok.span;
        let simple = |p: &mut Self, kind: ExprKind| {
            p.bump();
            Ok(expr(kind, span))
        };
        match tok.kind {
            TokenKind::Int(v) => {
                let value = match i64::try_from(v) {
                    Ok(v) => v,
                    Err(_) => {
                        self.error_at(
                            span,
                            "integer literal does not fit in a 64-bit signed integer",
                        );
                        0
                    }
                };
                simple(self, ExprKind::Int(value))
            }
            TokenKind::Float(f) => simple(self, ExprKind::Float(f)),
            TokenKind::Keyword(Keyword::True) => simple(self, ExprKind::Bool(true)),
            TokenKind::Keyword(Keyword::False) => simple(self, ExprKind::Bool(false)),
            TokenKind::Keyword(Keyword::Nil) => simple(self, ExprKind::Nil),
            TokenKind::Keyword(Keyword::Break) => simple(self, ExprKind::Break),
            TokenKind::Keyword(Keyword::Continue) => simple(self, ExprKind::Continue),
            TokenKind::Atom(name) => simple(self, ExprKind::Atom(name)),
            TokenKind::Ident(name) => simple(self, ExprKind::Name(Ident::new(name, span))),
            // The lexer reported the bad character; don't pile an "expected expression" on it.
            TokenKind::Error => simple(self, ExprKind::Error),
            TokenKind::StringStart { .. } => self.parse_string(),
            TokenKind::Keyword(Keyword::SelfKw) => {
                self.bump();
                if self.raw().kind == TokenKind::LParen {
                    self.bump();
                    self.expect(&TokenKind::RParen, "`)` (`self()` takes no arguments)")?;
                    Ok(expr(ExprKind::SelfPid, self.span_from(span)))
                } else {
                    Ok(expr(ExprKind::SelfValue, span))
                }
            }
            TokenKind::LParen => {
                self.bump();
                let mut items =
                    self.delimited(span, "(", TokenKind::RParen, false, |p| p.parse_expr())?;
                if items.len() == 1 {
                    if let Some(only) = items.pop() {
                        return Ok(only);
                    }
                }
                Ok(expr(ExprKind::Tuple(items), self.span_from(span)))
            }
            TokenKind::LBracket => {
                self.bump();
                let items =
                    self.delimited(span, "[", TokenKind::RBracket, false, |p| p.parse_expr())?;
                Ok(expr(ExprKind::List(items), self.span_from(span)))
            }
            TokenKind::Percent => self.parse_map(),
            TokenKind::Keyword(Keyword::If) => self.parse_if(),
            TokenKind::Keyword(Keyword::Case | Keyword::Match) => self.parse_case(),
            TokenKind::Keyword(Keyword::Receive) => self.parse_receive(),
            TokenKind::Keyword(Keyword::Fn) => self.parse_closure(),
            TokenKind::Keyword(Keyword::For) => self.parse_for(),
            TokenKind::Keyword(Keyword::While) => self.parse_while(),
            TokenKind::Keyword(Keyword::Return) => self.parse_return(),
            TokenKind::Keyword(kw @ (Keyword::Spawn | Keyword::Send | Keyword::Link)) => {
                self.bump();
                if !self.at(&TokenKind::LParen) {
                    return Err(self.expected(&format!("`(` after `{}`", kw.as_str())));
                }
                let open = self.bump().span;
                let args =
                    self.delimited(open, "(", TokenKind::RParen, false, |p| p.parse_expr())?;
                let kind = match kw {
                    Keyword::Spawn => ExprKind::Spawn(args),
                    Keyword::Send => ExprKind::Send(args),
                    _ => ExprKind::Link(args),
                };
                Ok(expr(kind, self.span_from(span)))
            }
            _ => Err(self.expected("expression")),
        }
    }

    /// `return [expr]`; the value is omitted before anything that ends an expression.
    fn parse_return(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let at_newline = self.significant() && self.raw().kind == TokenKind::Newline;
        let no_value = at_newline
            || matches!(
                self.peek(),
                TokenKind::Semi
                    | TokenKind::Keyword(Keyword::End | Keyword::Else)
                    | TokenKind::RParen
                    | TokenKind::Comma
                    | TokenKind::RBrace
                    | TokenKind::RBracket
                    | TokenKind::InterpEnd
                    | TokenKind::Bar
                    | TokenKind::Eof
            );
        let value = if no_value {
            None
        } else {
            Some(Box::new(self.parse_expr()?))
        };
        Ok(expr(ExprKind::Return(value), self.span_from(start)))
    }

    /// `%{}`, `%{k => v, …}` or `%{base | field: v, …}` (the `%` is current).
    fn parse_map(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        if !self.at(&TokenKind::LBrace) {
            return Err(self.expected("`{` after `%`"));
        }
        let open = self.bump().span;
        let kind = self.with_layout(false, |p| -> PResult<ExprKind> {
            if p.eat(&TokenKind::RBrace) {
                return Ok(ExprKind::Map(Vec::new()));
            }
            let first = p.parse_expr()?;
            if p.eat(&TokenKind::Bar) {
                let fields = p.delimited(open, "%{", TokenKind::RBrace, true, |p| {
                    p.parse_field_init()
                })?;
                return Ok(ExprKind::StructUpdate {
                    base: Box::new(first),
                    fields,
                });
            }
            if !p.eat(&TokenKind::FatArrow) {
                return Err(p.expected("`=>` (map entry) or `|` (struct update)"));
            }
            let value = p.parse_expr()?;
            let mut entries = vec![(first, value)];
            if !p.eat(&TokenKind::Comma) && !p.at(&TokenKind::RBrace) {
                let _ = p.expected_with_opener("`,` or `}`", open, "`%{` opened here");
                p.skip_list_item(open);
                p.eat(&TokenKind::Comma);
            }
            let rest = p.delimited(open, "%{", TokenKind::RBrace, false, |p| {
                let key = p.parse_expr()?;
                p.expect(&TokenKind::FatArrow, "`=>` after the map key")?;
                Ok((key, p.parse_expr()?))
            })?;
            entries.extend(rest);
            Ok(ExprKind::Map(entries))
        });
        let kind = match kind {
            Ok(kind) => kind,
            Err(Fail) => {
                // Skip to the closing brace so that one bad entry costs one diagnostic.
                self.skip_list_item(open);
                if !self.eat(&TokenKind::RBrace) {
                    return Err(Fail);
                }
                ExprKind::Error
            }
        };
        Ok(expr(kind, self.span_from(start)))
    }

    /// A string literal with its interpolations (the opening quote is current).
    pub(super) fn parse_string(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let mut parts = Vec::new();
        loop {
            match self.raw().kind.clone() {
                TokenKind::StringText(text) => {
                    self.bump();
                    parts.push(StrPart::Text(text));
                }
                TokenKind::InterpStart => {
                    let open = self.bump().span;
                    let e = self.with_layout(false, |p| p.parse_interpolation(open));
                    parts.push(StrPart::Interp(e));
                }
                TokenKind::StringEnd => {
                    self.bump();
                    break;
                }
                _ => return Err(self.expected("end of string")),
            }
        }
        Ok(expr(ExprKind::Str(parts), self.span_from(start)))
    }

    /// The expression of `${ … }` up to and including its `}`.
    fn parse_interpolation(&mut self, open: Span) -> Expr {
        match self.parse_expr() {
            Ok(e) => {
                if self.at(&TokenKind::InterpEnd) {
                    self.bump();
                } else {
                    let _ = self.expected_with_opener(
                        "`}` to close the interpolation",
                        open,
                        "interpolation started here",
                    );
                    self.skip_interpolation();
                }
                e
            }
            Err(Fail) => {
                self.skip_interpolation();
                expr(ExprKind::Error, open)
            }
        }
    }
}
