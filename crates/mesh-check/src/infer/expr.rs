//! Expressions, blocks and statements.

use super::{FnCtx, Frame, LocalTy};
use crate::defs::TypeName;
use crate::exhaustive::MatchCheck;
use crate::tir::{self, ExprKind, ForKind, Stmt};
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast::{self, StmtKind};
use mesh_syntax::{Diagnostic, Span};
use std::rc::Rc;

impl Checker<'_> {
    /// Infers a block; its value is that of its last statement (`()` if empty).
    pub(crate) fn infer_block(
        &mut self,
        cx: &mut FnCtx,
        block: &ast::Block,
        expected: Option<&Ty>,
    ) -> (tir::Expr, Ty) {
        cx.scopes.push(Vec::new());
        let mut stmts: Vec<Stmt> = Vec::new();
        let mut result: Option<(tir::Expr, Ty)> = None;
        let n = block.stmts.len();
        let mut i = 0;
        while i < n {
            let stmt = &block.stmts[i];
            let last = i + 1 == n;
            if let Some((e, _)) = result.take() {
                stmts.push(Stmt::Expr(e));
            }
            match &stmt.kind {
                StmtKind::Let(l) => {
                    let (s, value_local) = self.infer_let(cx, l);
                    stmts.push(s);
                    if last {
                        // A block ending in `let` has the bound value (reference behaviour).
                        result = value_local;
                    }
                }
                StmtKind::Fn(f) => {
                    // Group consecutive clauses of a nested function.
                    let mut clauses = vec![Rc::new(f.clone())];
                    let mut j = i + 1;
                    while let Some(StmtKind::Fn(g)) = block.stmts.get(j).map(|s| &s.kind) {
                        if g.name.name != f.name.name || g.params.len() != f.params.len() {
                            break;
                        }
                        clauses.push(Rc::new(g.clone()));
                        j += 1;
                    }
                    let s = self.infer_nested_fn(cx, &clauses);
                    stmts.push(s);
                    i = j;
                    continue;
                }
                StmtKind::Item(item) => {
                    self.error(
                        Diagnostic::error(
                            "E0048",
                            "this definition is only allowed at the top level of a file",
                            item.span,
                        )
                        .with_help("move it out of the function body"),
                    );
                }
                StmtKind::Expr(e) => {
                    let exp = if last { expected } else { None };
                    let r = self.infer_expr(cx, e, exp);
                    result = Some(r);
                }
            }
            self.retry_constraints(cx);
            i += 1;
        }
        cx.scopes.pop();
        let span = block.span;
        let (res, ty) = result.unwrap_or_else(|| (tir::Expr::unit(span), Ty::unit()));
        if stmts.is_empty() {
            return (res, ty);
        }
        (
            tir::Expr::new(
                ExprKind::Block {
                    stmts,
                    result: Box::new(res),
                },
                span,
            ),
            ty,
        )
    }

    /// `let pattern [:: T] = value`. Returns the statement and, for a plain name, the
    /// local holding the value (the block's value if this is the last statement).
    fn infer_let(&mut self, cx: &mut FnCtx, l: &ast::LetStmt) -> (Stmt, Option<(tir::Expr, Ty)>) {
        let is_lambda = matches!(l.value.kind, ast::ExprKind::Closure(_));
        let ann = l.ty.as_ref().map(|te| {
            let env = cx.ty_env.clone();
            self.resolve_type(cx.module, te, &env)
        });
        if is_lambda {
            self.tys.level += 1;
        }
        let (value, vt) = self.infer_expr(cx, &l.value, ann.as_ref());
        if let Some(a) = &ann {
            self.unify_msg(a, &vt, l.value.span, Some("from annotation"));
        }
        if is_lambda {
            self.tys.level -= 1;
        }
        match &l.pattern.kind {
            ast::PatternKind::Bind(name) if !self.is_nullary_ctor(cx, &name.name) => {
                let id = cx.fresh_local();
                let bound_ty = ann.clone().unwrap_or_else(|| vt.clone());
                let lty = if is_lambda {
                    self.generalize_local(cx, &bound_ty)
                } else {
                    LocalTy::Mono(bound_ty.clone())
                };
                cx.bind(&name.name, id, lty);
                let r = (tir::Expr::new(ExprKind::Local(id), l.span), bound_ty);
                (
                    Stmt::Let {
                        pattern: tir::Pattern::Bind(id),
                        value,
                    },
                    Some(r),
                )
            }
            _ => {
                let pat = self.check_pattern(cx, &l.pattern, &vt, false);
                if !self.irrefutable(&l.pattern) {
                    self.error(Diagnostic::error(
                        "E0050",
                        "a `let` pattern must always match (use `case` for patterns that can fail)",
                        l.pattern.span,
                    ));
                }
                (
                    Stmt::Let {
                        pattern: pat,
                        value,
                    },
                    None,
                )
            }
        }
    }

    fn irrefutable(&self, p: &ast::Pattern) -> bool {
        match &p.kind {
            ast::PatternKind::Wildcard | ast::PatternKind::Bind(_) | ast::PatternKind::Unit => true,
            ast::PatternKind::Tuple(items) => items.iter().all(|i| self.irrefutable(i)),
            ast::PatternKind::As(inner, _) => self.irrefutable(inner),
            _ => false,
        }
    }

    /// A named function inside a block: a closure that can call itself.
    fn infer_nested_fn(&mut self, cx: &mut FnCtx, clauses: &[Rc<ast::FnDef>]) -> Stmt {
        let first = clauses[0].clone();
        let arity = first.params.len();
        self.tys.level += 1;
        let env = cx.ty_env.clone();
        let param_tys: Vec<Ty> = (0..arity)
            .map(|i| {
                match clauses
                    .iter()
                    .find_map(|c| c.params.get(i).and_then(|p| p.ty.clone()))
                {
                    Some(te) => self.resolve_type(cx.module, &te, &env),
                    None => self.tys.fresh(),
                }
            })
            .collect();
        let ret = match &first.ret {
            Some(te) => self.resolve_type(cx.module, te, &env),
            None => self.tys.fresh(),
        };
        let fn_ty = Ty::Fun(param_tys.clone(), Box::new(ret.clone()));
        let self_id = cx.fresh_local();
        cx.scopes.push(Vec::new());
        cx.bind(&first.name.name, self_id, LocalTy::Mono(fn_ty.clone()));
        cx.frames.push(Frame {
            ret: ret.clone(),
            loops: 0,
            actor_msg: None,
        });
        let name = format!(
            "{}.{}",
            self.fns[cx.fn_id.0 as usize].qual_name, first.name.name
        );
        let (params, body) =
            self.lower_clauses(cx, &first.name.name, clauses, &param_tys, &ret, true);
        cx.frames.pop();
        cx.scopes.pop();
        self.tys.level -= 1;
        let lty = self.generalize_local(cx, &fn_ty);
        let id = cx.fresh_local();
        cx.bind(&first.name.name, id, lty);
        let span = first.span;
        Stmt::Let {
            pattern: tir::Pattern::Bind(id),
            value: tir::Expr::new(
                ExprKind::Lambda {
                    name,
                    params,
                    self_local: Some(self_id),
                    body: Box::new(body),
                },
                span,
            ),
        }
    }

    /// Infers an expression. `expected` seeds inference (closure parameters, empty
    /// collections) but the caller still unifies the result.
    pub(crate) fn infer_expr(
        &mut self,
        cx: &mut FnCtx,
        e: &ast::Expr,
        expected: Option<&Ty>,
    ) -> (tir::Expr, Ty) {
        let span = e.span;
        let mk = |kind: ExprKind| tir::Expr::new(kind, span);
        use ast::ExprKind as K;
        match &e.kind {
            K::Int(i) => (mk(ExprKind::Int(*i)), Ty::INT),
            K::Float(f) => (mk(ExprKind::Float(*f)), Ty::FLOAT),
            K::Bool(b) => (mk(ExprKind::Bool(*b)), Ty::BOOL),
            K::Nil => (mk(ExprKind::Unit), Ty::unit()),
            K::Atom(a) => (mk(ExprKind::Str(a.clone())), Ty::ATOM),
            K::Str(parts) => self.infer_string(cx, parts, span),
            K::Name(id) => self.infer_name(cx, id, span),
            K::SelfValue => match cx.lookup("self") {
                Some(v) => {
                    let id = v.id;
                    let ty = match v.ty.clone() {
                        LocalTy::Mono(t) => t,
                        LocalTy::Poly(s) => self.instantiate(cx, &s, span),
                    };
                    (mk(ExprKind::Local(id)), ty)
                }
                None => {
                    self.error(Diagnostic::error(
                        "E0004",
                        "`self` is only available inside impl and interface methods",
                        span,
                    ));
                    (mk(ExprKind::Unit), self.tys.fresh())
                }
            },
            K::Tuple(items) => {
                if items.is_empty() {
                    return (mk(ExprKind::Unit), Ty::unit());
                }
                let exp_items: Vec<Option<Ty>> = match expected.map(|t| self.tys.shallow(t)) {
                    Some(Ty::Tuple(ts)) if ts.len() == items.len() => {
                        ts.into_iter().map(Some).collect()
                    }
                    _ => vec![None; items.len()],
                };
                let mut es = Vec::new();
                let mut ts = Vec::new();
                for (it, ex) in items.iter().zip(exp_items) {
                    let (e, t) = self.infer_expr(cx, it, ex.as_ref());
                    es.push(e);
                    ts.push(t);
                }
                (mk(ExprKind::Tuple(es)), Ty::Tuple(ts))
            }
            K::List(items) => {
                let elem = match expected.map(|t| self.tys.shallow(t)) {
                    Some(Ty::Con(TyCon::List, args)) if args.len() == 1 => args[0].clone(),
                    _ => self.tys.fresh(),
                };
                let mut es = Vec::new();
                for it in items {
                    let (e, t) = self.infer_expr(cx, it, Some(&elem));
                    self.unify_msg(&elem, &t, it.span, Some("like the other list elements"));
                    es.push(e);
                }
                (mk(ExprKind::List(es)), Ty::list(elem))
            }
            K::Map(entries) => {
                let (k, v) = match expected.map(|t| self.tys.shallow(t)) {
                    Some(Ty::Con(TyCon::Map, args)) if args.len() == 2 => {
                        (args[0].clone(), args[1].clone())
                    }
                    _ => (self.tys.fresh(), self.tys.fresh()),
                };
                let mut es = Vec::new();
                for (ke, ve) in entries {
                    let (kx, kt) = self.infer_expr(cx, ke, Some(&k));
                    self.unify_msg(&k, &kt, ke.span, Some("like the other keys"));
                    let (vx, vt) = self.infer_expr(cx, ve, Some(&v));
                    self.unify_msg(&v, &vt, ve.span, Some("like the other values"));
                    es.push((kx, vx));
                }
                (mk(ExprKind::Map(es)), Ty::map(k, v))
            }
            K::StructLit { name, fields } => self.infer_struct_lit(cx, name, fields, span),
            K::StructUpdate { base, fields } => self.infer_struct_update(cx, base, fields, span),
            K::Field { base, name } => self.infer_field_expr(cx, base, name, span),
            K::Call {
                callee,
                args,
                kwargs,
            } => self.infer_call(cx, callee, args, kwargs, span, None),
            K::Pipe { lhs, rhs } => self.infer_pipe(cx, lhs, rhs, span),
            K::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => self.infer_binary(cx, *op, *op_span, lhs, rhs, span),
            K::Unary { op, operand } => self.infer_unary(cx, *op, operand, span),
            K::Try(inner) => self.infer_try(cx, inner, span),
            K::Index { .. } => {
                self.error(
                    Diagnostic::error("E0051", "index expressions `a[i]` are not supported", span)
                        .with_help("use List.get(list, i) or Map.get(map, key)"),
                );
                (mk(ExprKind::Unit), self.tys.fresh())
            }
            K::If {
                cond,
                then_block,
                else_block,
            } => self.infer_if(cx, cond, then_block, else_block.as_ref(), expected, span),
            K::Case { scrutinee, arms } => self.infer_case(cx, scrutinee, arms, expected, span),
            K::Receive { arms, after } => self.infer_receive(cx, arms, after.as_ref(), span),
            K::Closure(clauses) => self.infer_closure(cx, clauses, expected, span),
            K::For {
                binding,
                iter,
                filter,
                body,
            } => self.infer_for(cx, binding, iter, filter.as_deref(), body, span),
            K::While { cond, body } => {
                let (c, ct) = self.infer_expr(cx, cond, Some(&Ty::BOOL));
                self.unify_msg(&Ty::BOOL, &ct, cond.span, Some("as the `while` condition"));
                cx.frame().loops += 1;
                let (b, _) = self.infer_block(cx, body, None);
                cx.frame().loops -= 1;
                (
                    mk(ExprKind::While {
                        cond: Box::new(c),
                        body: Box::new(b),
                    }),
                    Ty::unit(),
                )
            }
            K::Break | K::Continue => {
                let is_break = matches!(e.kind, K::Break);
                if cx.frame().loops == 0 {
                    let (code, word) = if is_break {
                        ("E0032", "break")
                    } else {
                        ("E0033", "continue")
                    };
                    self.error(Diagnostic::error(
                        code,
                        format!("`{word}` outside of loop"),
                        span,
                    ));
                }
                (
                    mk(if is_break {
                        ExprKind::Break
                    } else {
                        ExprKind::Continue
                    }),
                    Ty::Never,
                )
            }
            K::Return(value) => {
                let ret = cx.frame().ret.clone();
                let v = match value {
                    Some(v) => {
                        let (ve, vt) = self.infer_expr(cx, v, Some(&ret));
                        self.unify_msg(&ret, &vt, v.span, Some("as the function's result"));
                        ve
                    }
                    None => {
                        self.unify_msg(&ret, &Ty::unit(), span, Some("as the function's result"));
                        mk(ExprKind::Unit)
                    }
                };
                (mk(ExprKind::Return(Box::new(v))), Ty::Never)
            }
            K::Spawn(args) => self.infer_spawn(cx, args, span),
            K::Send(args) => self.infer_send(cx, args, span),
            K::Link(args) => {
                let mut es = Vec::new();
                for a in args {
                    let (x, t) = self.infer_expr(cx, a, None);
                    self.unify_msg(&Ty::Con(TyCon::Pid, vec![]), &t, a.span, Some("(a pid)"));
                    es.push(x);
                }
                (self.native_call("Process.link", es, span), Ty::unit())
            }
            K::SelfPid => {
                let msg = cx.frames.iter().rev().find_map(|f| f.actor_msg.clone());
                let ty = match msg {
                    Some(m) => Ty::pid(m),
                    None => {
                        self.error(Diagnostic::error(
                            "E0015",
                            "self() used outside actor block",
                            span,
                        ).with_help("only an `actor` body knows its own message type; pass the pid in as an argument"));
                        Ty::Con(TyCon::Pid, vec![])
                    }
                };
                (self.native_call("Process.self_pid", vec![], span), ty)
            }
            K::Error => (mk(ExprKind::Unit), self.tys.fresh()),
        }
    }

    /// A call of a runtime native.
    pub(crate) fn native_call(&self, name: &str, args: Vec<tir::Expr>, span: Span) -> tir::Expr {
        tir::Expr::new(
            ExprKind::Call {
                callee: tir::Callee::Native(name.to_string()),
                args,
            },
            span,
        )
    }

    fn infer_string(
        &mut self,
        cx: &mut FnCtx,
        parts: &[ast::StrPart],
        span: Span,
    ) -> (tir::Expr, Ty) {
        let mut pieces: Vec<tir::Expr> = Vec::new();
        for p in parts {
            match p {
                ast::StrPart::Text(t) => {
                    if !t.is_empty() {
                        pieces.push(tir::Expr::new(ExprKind::Str(t.clone()), span));
                    }
                }
                ast::StrPart::Interp(e) => {
                    let (x, t) = self.infer_expr(cx, e, None);
                    pieces.push(self.text_of_value(cx, x, t, e.span));
                }
            }
        }
        let mut iter = pieces.into_iter();
        let mut acc = match iter.next() {
            Some(first) => first,
            None => tir::Expr::new(ExprKind::Str(String::new()), span),
        };
        // A lone interpolation still has to be a String value.
        for next in iter {
            acc = tir::Expr::new(
                ExprKind::Binary {
                    op: tir::BinOp::Concat,
                    lhs: Box::new(acc),
                    rhs: Box::new(next),
                },
                span,
            );
        }
        (acc, Ty::STRING)
    }

    fn infer_struct_lit(
        &mut self,
        cx: &mut FnCtx,
        name: &ast::Ident,
        fields: &[ast::FieldInit],
        span: Span,
    ) -> (tir::Expr, Ty) {
        let adt = match self.lookup_type_name(cx.module, &name.name) {
            Some(TypeName::Adt(id))
                if matches!(
                    self.adts[id.0 as usize].kind,
                    crate::defs::AdtKind::Struct(_)
                ) =>
            {
                id
            }
            _ => {
                self.error(
                    Diagnostic::error(
                        "E0043",
                        format!("unknown struct `{}`", name.name),
                        name.span,
                    )
                    .with_help("define it with `struct Name do … end` or import it"),
                );
                for f in fields {
                    self.infer_expr(cx, &f.value, None);
                }
                return (tir::Expr::unit(span), self.tys.fresh());
            }
        };
        let n_generics = self.adts[adt.0 as usize].generics.len();
        let args: Vec<Ty> = (0..n_generics).map(|_| self.tys.fresh()).collect();
        let defs = match &self.adts[adt.0 as usize].kind {
            crate::defs::AdtKind::Struct(fs) => fs.clone(),
            _ => Vec::new(),
        };
        let timestamps = self.adts[adt.0 as usize].schema.timestamps;
        let sname = self.adts[adt.0 as usize].name.clone();
        let mut out: Vec<(u32, tir::Expr)> = Vec::new();
        for f in fields {
            match defs.iter().position(|d| d.name == f.name.name) {
                Some(i) => {
                    if out.iter().any(|(j, _)| *j == i as u32) {
                        self.error(Diagnostic::error(
                            "E0009",
                            format!("field `{}` is given twice", f.name.name),
                            f.name.span,
                        ));
                        continue;
                    }
                    let fty = defs[i].ty.subst_gen(&args);
                    let (x, t) = self.infer_expr(cx, &f.value, Some(&fty));
                    let origin = format!("for field `{}`", f.name.name);
                    self.unify_msg(&fty, &t, f.value.span, Some(&origin));
                    out.push((i as u32, x));
                }
                None => {
                    self.infer_expr(cx, &f.value, None);
                    let mut d = Diagnostic::error(
                        "E0009",
                        format!("unknown field {} in struct {sname}", f.name.name),
                        f.name.span,
                    );
                    if let Some(best) = closest(&f.name.name, defs.iter().map(|d| d.name.as_str()))
                    {
                        d = d.with_help(format!("did you mean `{best}`?"));
                    }
                    self.error(d);
                }
            }
        }
        for (i, d) in defs.iter().enumerate() {
            if out.iter().any(|(j, _)| *j == i as u32) {
                continue;
            }
            if timestamps && (d.name == "inserted_at" || d.name == "updated_at") {
                out.push((i as u32, tir::Expr::new(ExprKind::Str(String::new()), span)));
                continue;
            }
            self.error(
                Diagnostic::error(
                    "E0009",
                    format!("missing field {} in struct {sname}", d.name),
                    span,
                )
                .with_help(format!("add `{}: <value>`", d.name)),
            );
        }
        let type_id = self.adts[adt.0 as usize].type_id.unwrap_or(tir::TypeId(0));
        (
            tir::Expr::new(
                ExprKind::MakeStruct {
                    type_id,
                    fields: out,
                },
                span,
            ),
            Ty::adt(adt, args),
        )
    }

    fn infer_struct_update(
        &mut self,
        cx: &mut FnCtx,
        base: &ast::Expr,
        fields: &[ast::FieldInit],
        span: Span,
    ) -> (tir::Expr, Ty) {
        let (b, bt) = self.infer_expr(cx, base, None);
        self.retry_constraints(cx);
        let Some((adt, args)) = self.struct_of(&bt) else {
            let shown = self.show(&bt);
            self.error(
                Diagnostic::error(
                    "E0009",
                    format!("struct update needs a struct value, found `{shown}`"),
                    base.span,
                )
                .with_help("annotate the value's type if it is not known here"),
            );
            return (b, bt);
        };
        let defs = match &self.adts[adt.0 as usize].kind {
            crate::defs::AdtKind::Struct(fs) => fs.clone(),
            _ => Vec::new(),
        };
        let sname = self.adts[adt.0 as usize].name.clone();
        let mut updates = Vec::new();
        for f in fields {
            match defs.iter().position(|d| d.name == f.name.name) {
                Some(i) => {
                    let fty = defs[i].ty.subst_gen(&args);
                    let (x, t) = self.infer_expr(cx, &f.value, Some(&fty));
                    let origin = format!("for field `{}`", f.name.name);
                    self.unify_msg(&fty, &t, f.value.span, Some(&origin));
                    updates.push((i as u32, x));
                }
                None => {
                    self.error(Diagnostic::error(
                        "E0009",
                        format!("unknown field {} in struct {sname}", f.name.name),
                        f.name.span,
                    ));
                }
            }
        }
        (
            tir::Expr::new(
                ExprKind::StructUpdate {
                    base: Box::new(b),
                    updates,
                },
                span,
            ),
            bt,
        )
    }

    fn infer_if(
        &mut self,
        cx: &mut FnCtx,
        cond: &ast::Expr,
        then_block: &ast::Block,
        else_block: Option<&ast::Block>,
        expected: Option<&Ty>,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let (c, ct) = self.infer_expr(cx, cond, Some(&Ty::BOOL));
        self.unify_msg(&Ty::BOOL, &ct, cond.span, Some("as the `if` condition"));
        match else_block {
            Some(eb) => {
                let (t, tt) = self.infer_block(cx, then_block, expected);
                let (el, et) = self.infer_block(cx, eb, Some(&tt));
                let espan = eb.stmts.last().map(|s| s.span).unwrap_or(eb.span);
                if self.tys.unify(&tt, &et).is_err() {
                    let (a, b) = (self.show(&tt), self.show(&et));
                    let tspan = then_block
                        .stmts
                        .last()
                        .map(|s| s.span)
                        .unwrap_or(then_block.span);
                    self.error(
                        Diagnostic::error("E0001", format!("expected {a}, found {b}"), espan)
                            .with_label(format!("this branch is {b}"))
                            .with_secondary(tspan, format!("the `if` branch is {a}"))
                            .with_help("both branches of an `if` must have the same type"),
                    );
                }
                let ty = if matches!(self.tys.shallow(&tt), Ty::Never) {
                    et
                } else {
                    tt
                };
                (
                    tir::Expr::new(
                        ExprKind::If {
                            cond: Box::new(c),
                            then_branch: Box::new(t),
                            else_branch: Box::new(el),
                        },
                        span,
                    ),
                    ty,
                )
            }
            None => {
                // Without `else` the value is `()` (the then-branch value is discarded).
                let (t, _) = self.infer_block(cx, then_block, None);
                let then_unit = tir::Expr::new(
                    ExprKind::Block {
                        stmts: vec![Stmt::Expr(t)],
                        result: Box::new(tir::Expr::unit(span)),
                    },
                    span,
                );
                (
                    tir::Expr::new(
                        ExprKind::If {
                            cond: Box::new(c),
                            then_branch: Box::new(then_unit),
                            else_branch: Box::new(tir::Expr::unit(span)),
                        },
                        span,
                    ),
                    Ty::unit(),
                )
            }
        }
    }

    fn infer_case(
        &mut self,
        cx: &mut FnCtx,
        scrutinee: &ast::Expr,
        arms: &[ast::Arm],
        expected: Option<&Ty>,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let (s, st) = self.infer_expr(cx, scrutinee, None);
        let result = expected.cloned().unwrap_or_else(|| self.tys.fresh());
        let mut out = Vec::new();
        let mut checks = Vec::new();
        let mut first_span: Option<Span> = None;
        let errors_before = cx.pattern_errors;
        for arm in arms {
            cx.scopes.push(Vec::new());
            let pat = self.check_pattern(cx, &arm.pattern, &st, false);
            let guard = arm.guard.as_ref().map(|g| {
                self.validate_case_guard(g);
                let (ge, gt) = self.infer_expr(cx, g, Some(&Ty::BOOL));
                if self.tys.unify(&gt, &Ty::BOOL).is_err() {
                    let shown = self.show(&gt);
                    self.error(Diagnostic::error(
                        "E0025",
                        format!("guard expression must return `Bool`, found `{shown}`"),
                        g.span,
                    ));
                }
                ge
            });
            let (b, bt) = self.infer_expr(cx, &arm.body, Some(&result));
            cx.scopes.pop();
            if self.tys.unify(&result, &bt).is_err() {
                let (a, f) = (self.show(&result), self.show(&bt));
                let mut d =
                    Diagnostic::error("E0001", format!("expected {a}, found {f}"), arm.body.span)
                        .with_label(format!("this arm is {f}"));
                if let Some(fs) = first_span {
                    d = d.with_secondary(fs, format!("the first arm is {a}"));
                }
                self.error(d.with_help("all arms of a `case` must have the same type"));
            }
            if first_span.is_none() && !matches!(self.tys.shallow(&bt), Ty::Never) {
                first_span = Some(arm.body.span);
            }
            checks.push((pat.clone(), guard.is_some(), arm.pattern.span));
            out.push(tir::Arm {
                pattern: pat,
                guard,
                body: b,
            });
        }
        cx.match_checks.push(MatchCheck {
            ty: st,
            arms: checks,
            span,
            is_error: true,
            what: "`case`".into(),
            poisoned: cx.pattern_errors != errors_before,
        });
        (
            tir::Expr::new(
                ExprKind::Match {
                    scrutinee: Box::new(s),
                    arms: out,
                    fail_message: "no `case` arm matches the value".into(),
                },
                span,
            ),
            result,
        )
    }

    /// The reference restricts `case` guards to literals, names, comparisons, boolean
    /// operators, parentheses and calls of plain names (E0013). String literals are allowed.
    fn validate_case_guard(&mut self, g: &ast::Expr) {
        use ast::ExprKind as K;
        match &g.kind {
            K::Int(_) | K::Float(_) | K::Bool(_) | K::Nil | K::Atom(_) | K::Name(_) => {}
            K::Str(parts) if parts.iter().all(|p| matches!(p, ast::StrPart::Text(_))) => {}
            K::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => {
                use ast::BinOp as B;
                match op {
                    B::Eq | B::NotEq | B::Lt | B::Gt | B::LtEq | B::GtEq | B::And | B::Or => {
                        self.validate_case_guard(lhs);
                        self.validate_case_guard(rhs);
                    }
                    other => {
                        self.error(Diagnostic::error(
                            "E0013",
                            format!("invalid guard: operator `{}` not allowed in guard", other.symbol()),
                            *op_span,
                        ).with_help("compute the value before the `case`, or use a helper function in the guard"));
                    }
                }
            }
            K::Unary {
                op: ast::UnOp::Not,
                operand,
            } => self.validate_case_guard(operand),
            K::Tuple(items) if items.len() == 1 => self.validate_case_guard(&items[0]),
            K::Call { callee, args, .. } if matches!(callee.kind, K::Name(_)) => {
                for a in args {
                    self.validate_case_guard(a);
                }
            }
            _ => {
                self.error(Diagnostic::error(
                    "E0013",
                    "invalid guard: expression not allowed in guard",
                    g.span,
                ).with_help("guards may use literals, names, comparisons, and/or/not, and calls of plain functions"));
            }
        }
    }

    fn infer_receive(
        &mut self,
        cx: &mut FnCtx,
        arms: &[ast::Arm],
        after: Option<&(Box<ast::Expr>, Box<ast::Expr>)>,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let msg = cx.frames.iter().rev().find_map(|f| f.actor_msg.clone());
        let msg = match msg {
            Some(m) => m,
            None => {
                self.error(
                    Diagnostic::error("E0017", "receive used outside actor block", span)
                        .with_help("move the `receive` into an `actor` body"),
                );
                self.tys.fresh()
            }
        };
        let result = self.tys.fresh();
        let signal = self.signal_type();
        let mut out = Vec::new();
        for arm in arms {
            cx.scopes.push(Vec::new());
            // System signals (`Exit(pid, reason)`, `Down(ref, pid, reason)`) may be received
            // by any actor, whatever its message type.
            let arm_ty = match (&signal, self.is_signal_pattern(cx, &arm.pattern)) {
                (Some(sig), true) => sig.clone(),
                _ => msg.clone(),
            };
            let pat = self.check_pattern(cx, &arm.pattern, &arm_ty, false);
            let guard = arm.guard.as_ref().map(|g| {
                let (ge, gt) = self.infer_expr(cx, g, Some(&Ty::BOOL));
                self.unify_msg(&Ty::BOOL, &gt, g.span, Some("for a guard"));
                ge
            });
            let (b, bt) = self.infer_expr(cx, &arm.body, Some(&result));
            cx.scopes.pop();
            self.unify_msg(
                &result,
                &bt,
                arm.body.span,
                Some("like the other receive arms"),
            );
            out.push((
                tir::Arm {
                    pattern: pat,
                    guard,
                    body: b,
                },
                arm_ty,
            ));
        }
        let after = after.map(|(t, body)| {
            let (te, tt) = self.infer_expr(cx, t, Some(&Ty::INT));
            self.unify_msg(&Ty::INT, &tt, t.span, Some("(milliseconds)"));
            let (be, bt) = self.infer_expr(cx, body, Some(&result));
            self.unify_msg(&result, &bt, body.span, Some("like the receive arms"));
            (Box::new(te), Box::new(be))
        });
        let hole = cx.defer(
            super::Pending::Receive {
                arms: out,
                after,
                span,
            },
            span,
        );
        (hole, result)
    }

    /// The standard library's `Process.Signal` type, if present.
    fn signal_type(&self) -> Option<Ty> {
        let m = self.std_modules.get("Process")?;
        match self.modules[m.0 as usize].types.get("Signal") {
            Some((crate::defs::TypeName::Adt(id), _)) => Some(Ty::adt(*id, vec![])),
            _ => None,
        }
    }

    /// Is `p` a pattern on a `Process.Signal` variant (`Exit(..)`, `Down(..)`)?
    fn is_signal_pattern(&self, cx: &FnCtx, p: &ast::Pattern) -> bool {
        let Some(Ty::Con(TyCon::Adt(sig), _)) = self.signal_type() else {
            return false;
        };
        let name = match &p.kind {
            ast::PatternKind::Constructor {
                name,
                type_name: None,
                ..
            } => &name.name,
            ast::PatternKind::Constructor {
                type_name: Some(t), ..
            } => return t.name == "Signal",
            ast::PatternKind::As(inner, _) => return self.is_signal_pattern(cx, inner),
            _ => return false,
        };
        matches!(self.resolve_ctor(cx, name), Some((adt, _)) if adt == sig)
            || (self.resolve_ctor(cx, name).is_none()
                && matches!(&self.adts[sig.0 as usize].kind, crate::defs::AdtKind::Sum(vs) if vs.iter().any(|v| v.name == *name)))
    }

    fn infer_closure(
        &mut self,
        cx: &mut FnCtx,
        clauses: &[ast::ClosureClause],
        expected: Option<&Ty>,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let arity = clauses.first().map(|c| c.params.len()).unwrap_or(0);
        for c in clauses {
            if c.params.len() != arity {
                self.error(Diagnostic::error(
                    "E0024",
                    format!(
                        "all clauses of a closure must have the same number of parameters; expected {arity}, found {}",
                        c.params.len()
                    ),
                    c.span,
                ));
            }
        }
        let (param_tys, ret) = match expected.map(|t| self.tys.shallow(t)) {
            Some(Ty::Fun(ps, r)) if ps.len() == arity => (ps, *r),
            _ => (
                (0..arity).map(|_| self.tys.fresh()).collect::<Vec<_>>(),
                self.tys.fresh(),
            ),
        };
        cx.frames.push(Frame {
            ret: ret.clone(),
            loops: 0,
            actor_msg: None,
        });
        // Lower like function clauses: reuse the machinery with synthetic FnDefs.
        let defs: Vec<Rc<ast::FnDef>> = clauses
            .iter()
            .map(|c| {
                Rc::new(ast::FnDef {
                    is_pub: false,
                    name: ast::Ident::new("<closure>", c.span),
                    generics: Vec::new(),
                    params: c.params.clone(),
                    ret: None,
                    where_clause: Vec::new(),
                    guard: c.guard.clone(),
                    body: ast::FnBody::Block {
                        block: c.body.clone(),
                        is_expr_body: false,
                    },
                    is_def: false,
                    span: c.span,
                })
            })
            .collect();
        // Annotated closure parameters.
        for (i, t) in param_tys.iter().enumerate() {
            if let Some(te) = clauses
                .first()
                .and_then(|c| c.params.get(i))
                .and_then(|p| p.ty.clone())
            {
                let env = cx.ty_env.clone();
                let ann = self.resolve_type(cx.module, &te, &env);
                self.unify_msg(&ann, t, te.span, Some("from annotation"));
            }
        }
        let (params, body) = self.lower_clauses(cx, "<closure>", &defs, &param_tys, &ret, false);
        cx.frames.pop();
        cx.closures += 1;
        let name = format!(
            "{}.<closure {}>",
            self.fns[cx.fn_id.0 as usize].qual_name, cx.closures
        );
        (
            tir::Expr::new(
                ExprKind::Lambda {
                    name,
                    params,
                    self_local: None,
                    body: Box::new(body),
                },
                span,
            ),
            Ty::Fun(param_tys, Box::new(ret)),
        )
    }

    fn infer_for(
        &mut self,
        cx: &mut FnCtx,
        binding: &ast::ForBinding,
        iter: &ast::Expr,
        filter: Option<&ast::Expr>,
        body: &ast::Block,
        span: Span,
    ) -> (tir::Expr, Ty) {
        // The iterable decides how the loop walks and what it binds.
        let (kind, iterable, elem_tys): (ForKind, tir::Expr, Vec<Ty>) = match &iter.kind {
            ast::ExprKind::Binary {
                op: ast::BinOp::Range,
                lhs,
                rhs,
                ..
            } => {
                let (a, at) = self.infer_expr(cx, lhs, Some(&Ty::INT));
                self.unify_msg(&Ty::INT, &at, lhs.span, Some("for a range bound"));
                let (b, bt) = self.infer_expr(cx, rhs, Some(&Ty::INT));
                self.unify_msg(&Ty::INT, &bt, rhs.span, Some("for a range bound"));
                (
                    ForKind::Range,
                    tir::Expr::new(ExprKind::Tuple(vec![a, b]), iter.span),
                    vec![Ty::INT],
                )
            }
            _ => {
                let (x, t) = self.infer_expr(cx, iter, None);
                self.retry_constraints(cx);
                match self.tys.shallow(&t) {
                    Ty::Con(TyCon::List, args) => (ForKind::List, x, args),
                    Ty::Con(TyCon::Set, args) => (ForKind::Set, x, args),
                    Ty::Con(TyCon::Map, args) => (ForKind::Map, x, args),
                    Ty::Con(TyCon::Adt(id), args) if self.adts[id.0 as usize].name == "Iter" => {
                        // Iterators are materialised first.
                        let call = self.native_or_std_call(cx, "List", "collect", vec![x], span);
                        (ForKind::List, call, args)
                    }
                    Ty::Con(TyCon::Adt(id), _) if self.adts[id.0 as usize].name == "Range" => {
                        let call = self.native_or_std_call(cx, "Range", "to_list", vec![x], span);
                        (ForKind::List, call, vec![Ty::INT])
                    }
                    Ty::Var(_) => {
                        let e = self.tys.fresh();
                        self.unify_at(&Ty::list(e.clone()), &t, iter.span);
                        (ForKind::List, x, vec![e])
                    }
                    _ => {
                        let shown = self.show(&t);
                        self.error(
                            Diagnostic::error(
                                "E0052",
                                format!("cannot iterate over a value of type `{shown}`"),
                                iter.span,
                            )
                            .with_help(
                                "`for` works on ranges (a..b), lists, sets, maps and iterators",
                            ),
                        );
                        (ForKind::List, x, vec![self.tys.fresh()])
                    }
                }
            }
        };
        cx.scopes.push(Vec::new());
        let pattern = match (binding, kind) {
            (ast::ForBinding::Name(n), ForKind::Map) => {
                let id = cx.fresh_local();
                cx.bind(&n.name, id, LocalTy::Mono(elem_tys[0].clone()));
                tir::Pattern::Tuple(vec![tir::Pattern::Bind(id), tir::Pattern::Wildcard])
            }
            (ast::ForBinding::Name(n), _) => {
                let id = cx.fresh_local();
                let t = elem_tys
                    .first()
                    .cloned()
                    .unwrap_or_else(|| self.tys.fresh());
                cx.bind(&n.name, id, LocalTy::Mono(t));
                tir::Pattern::Bind(id)
            }
            (ast::ForBinding::Destructure(names), ForKind::Map) => {
                if names.len() != 2 {
                    self.error(Diagnostic::error(
                        "E0003",
                        format!(
                            "a map entry has 2 parts (key and value), found {} names",
                            names.len()
                        ),
                        span,
                    ));
                }
                let mut pats = Vec::new();
                for (i, n) in names.iter().enumerate() {
                    let id = cx.fresh_local();
                    let t = elem_tys.get(i).cloned().unwrap_or_else(|| self.tys.fresh());
                    if n.name != "_" {
                        cx.bind(&n.name, id, LocalTy::Mono(t));
                    }
                    pats.push(tir::Pattern::Bind(id));
                }
                tir::Pattern::Tuple(pats)
            }
            (ast::ForBinding::Destructure(names), _) => {
                // Destructure tuple elements.
                let elem = elem_tys
                    .first()
                    .cloned()
                    .unwrap_or_else(|| self.tys.fresh());
                let parts: Vec<Ty> = names.iter().map(|_| self.tys.fresh()).collect();
                self.unify_at(&Ty::Tuple(parts.clone()), &elem, span);
                let mut pats = Vec::new();
                for (n, t) in names.iter().zip(parts) {
                    let id = cx.fresh_local();
                    if n.name != "_" {
                        cx.bind(&n.name, id, LocalTy::Mono(t));
                    }
                    pats.push(tir::Pattern::Bind(id));
                }
                tir::Pattern::Tuple(pats)
            }
        };
        let filter = filter.map(|f| {
            let (fe, ft) = self.infer_expr(cx, f, Some(&Ty::BOOL));
            self.unify_msg(&Ty::BOOL, &ft, f.span, Some("for a `for` filter"));
            fe
        });
        cx.frame().loops += 1;
        let (b, bt) = self.infer_block(cx, body, None);
        cx.frame().loops -= 1;
        cx.scopes.pop();
        (
            tir::Expr::new(
                ExprKind::For(Box::new(tir::ForLoop {
                    kind,
                    iterable,
                    pattern,
                    filter,
                    body: b,
                })),
                span,
            ),
            Ty::list(bt),
        )
    }

    /// `e?`: unwraps `Ok`/`Some`, or returns the `Err`/`None` from the enclosing function.
    fn infer_try(&mut self, cx: &mut FnCtx, inner: &ast::Expr, span: Span) -> (tir::Expr, Ty) {
        let (x, t) = self.infer_expr(cx, inner, None);
        self.retry_constraints(cx);
        let ret = cx.frame().ret.clone();
        let is_option =
            matches!(self.tys.shallow(&t), Ty::Con(TyCon::Adt(id), _) if id == AdtId::OPTION);
        let is_result =
            matches!(self.tys.shallow(&t), Ty::Con(TyCon::Adt(id), _) if id == AdtId::RESULT);
        if !is_option && !is_result && !matches!(self.tys.shallow(&t), Ty::Var(_)) {
            let shown = self.show(&t);
            self.error(Diagnostic::error(
                "E0037",
                format!("`?` operator requires `Result` or `Option`, found `{shown}`"),
                inner.span,
            ));
            return (x, self.tys.fresh());
        }
        let ok_local = cx.fresh_local();
        let err_local = cx.fresh_local();
        let local = |id| tir::Expr::new(ExprKind::Local(id), span);
        if is_option {
            let v = self.tys.fresh();
            self.unify_at(&Ty::option(v.clone()), &t, inner.span);
            let r = self.tys.fresh();
            if self.tys.unify(&ret, &Ty::option(r)).is_err() {
                let shown = self.show(&ret);
                self.error(Diagnostic::error(
                    "E0036",
                    format!("`?` operator requires function to return `Result` or `Option`, found `{shown}`"),
                    span,
                ).with_help("`?` on an Option can only be used in a function returning an Option"));
            }
            let arms = vec![
                tir::Arm {
                    pattern: tir::Pattern::Variant {
                        type_id: tir::TypeId::OPTION,
                        tag: 0,
                        args: vec![tir::Pattern::Bind(ok_local)],
                    },
                    guard: None,
                    body: local(ok_local),
                },
                tir::Arm {
                    pattern: tir::Pattern::Wildcard,
                    guard: None,
                    body: tir::Expr::new(
                        ExprKind::Return(Box::new(tir::Expr::new(
                            ExprKind::MakeVariant {
                                type_id: tir::TypeId::OPTION,
                                tag: 1,
                                args: vec![],
                            },
                            span,
                        ))),
                        span,
                    ),
                },
            ];
            return (
                tir::Expr::new(
                    ExprKind::Match {
                        scrutinee: Box::new(x),
                        arms,
                        fail_message: "`?` on a value that is neither Some nor None".into(),
                    },
                    span,
                ),
                v,
            );
        }
        let v = self.tys.fresh();
        let e = self.tys.fresh();
        self.unify_at(&Ty::result(v.clone(), e.clone()), &t, inner.span);
        let r = self.tys.fresh();
        let f = self.tys.fresh();
        if self.tys.unify(&ret, &Ty::result(r, f.clone())).is_err() {
            let shown = self.show(&ret);
            self.error(
                Diagnostic::error(
                    "E0036",
                    format!("`?` operator requires function to return `Result` or `Option`, found `{shown}`"),
                    span,
                )
                .with_help("declare the function's result as `T!E` (a Result) to use `?` on a Result"),
            );
        }
        // Convert the error with a `From` impl when the types differ.
        let mut err_value = local(err_local);
        let e_res = self.tys.shallow(&e);
        let f_res = self.tys.shallow(&f);
        let mut unified = false;
        if !matches!(e_res, Ty::Var(_))
            && !matches!(f_res, Ty::Var(_))
            && !self.tys.could_unify(&e_res, &f_res)
        {
            {
                match self.find_from_impl(&f_res, &e_res) {
                    Some(conv) => {
                        err_value = tir::Expr::new(
                            ExprKind::Call {
                                callee: tir::Callee::Fn(conv),
                                args: vec![err_value],
                            },
                            span,
                        );
                        unified = true;
                    }
                    None => {
                        let (es, fs) = (self.show(&e_res), self.show(&f_res));
                        self.error(Diagnostic::error(
                            "E0036",
                            format!("`?` cannot convert the error type `{es}` into the function's error type `{fs}`"),
                            span,
                        ).with_help(format!("add `impl From<{es}> for {fs}` or map the error first")));
                        unified = true;
                    }
                }
            }
        }
        if !unified {
            self.unify_at(&f, &e, span);
        }
        let arms = vec![
            tir::Arm {
                pattern: tir::Pattern::Variant {
                    type_id: tir::TypeId::RESULT,
                    tag: 0,
                    args: vec![tir::Pattern::Bind(ok_local)],
                },
                guard: None,
                body: local(ok_local),
            },
            tir::Arm {
                pattern: tir::Pattern::Variant {
                    type_id: tir::TypeId::RESULT,
                    tag: 1,
                    args: vec![tir::Pattern::Bind(err_local)],
                },
                guard: None,
                body: tir::Expr::new(
                    ExprKind::Return(Box::new(tir::Expr::new(
                        ExprKind::MakeVariant {
                            type_id: tir::TypeId::RESULT,
                            tag: 1,
                            args: vec![err_value],
                        },
                        span,
                    ))),
                    span,
                ),
            },
        ];
        (
            tir::Expr::new(
                ExprKind::Match {
                    scrutinee: Box::new(x),
                    arms,
                    fail_message: "`?` on a value that is neither Ok nor Err".into(),
                },
                span,
            ),
            v,
        )
    }

    /// The `from` method of `impl From<src> for dst`, if declared.
    fn find_from_impl(&self, dst: &Ty, src: &Ty) -> Option<tir::FnId> {
        let target = match dst {
            Ty::Con(c, _) => crate::defs::ImplTarget::Con(*c),
            _ => return None,
        };
        for imp in &self.impls {
            if imp.trait_name == "From" && imp.target == target {
                if let Some(arg) = imp.trait_args.first() {
                    if self.tys.could_unify(arg, src) {
                        return imp.methods.get("from").copied();
                    }
                }
            }
        }
        None
    }

    fn infer_spawn(&mut self, cx: &mut FnCtx, args: &[ast::Expr], span: Span) -> (tir::Expr, Ty) {
        let Some((f, rest)) = args.split_first() else {
            self.error(Diagnostic::error(
                "E0003",
                "spawn needs a function to run",
                span,
            ));
            return (tir::Expr::unit(span), Ty::Con(TyCon::Pid, vec![]));
        };
        // An actor's message type gives the pid's type.
        let actor_msg = match &f.kind {
            ast::ExprKind::Name(id) if cx.lookup(&id.name).is_none() => {
                match self.resolve_global_value(cx, &id.name) {
                    Some(crate::defs::ValueDef::Fn(fid)) => {
                        self.ensure_inferred(fid);
                        self.fns[fid.0 as usize].actor_msg.clone()
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let (fe, ft) = self.infer_expr(cx, f, None);
        let mut arg_es = Vec::new();
        let mut arg_ts = Vec::new();
        for a in rest {
            let (x, t) = self.infer_expr(cx, a, None);
            arg_es.push(x);
            arg_ts.push(t);
        }
        match self.tys.shallow(&ft) {
            Ty::Fun(ps, r) => {
                if ps.len() != arg_ts.len() {
                    self.error(Diagnostic::error(
                        "E0003",
                        format!("expected {} argument(s), found {}", ps.len(), arg_ts.len()),
                        span,
                    ));
                } else {
                    for ((p, t), a) in ps.iter().zip(&arg_ts).zip(rest) {
                        self.unify_at(p, t, a.span);
                    }
                }
                let msg = match actor_msg {
                    Some(m) => m,
                    None => match self.tys.shallow(&r) {
                        Ty::Con(TyCon::Pid, a) if a.len() == 1 => a[0].clone(),
                        _ => self.tys.fresh(),
                    },
                };
                let call = self.native_call(
                    "Process.spawn",
                    vec![fe, tir::Expr::new(ExprKind::List(arg_es), span)],
                    span,
                );
                (call, Ty::pid(msg))
            }
            Ty::Var(_) => {
                let r = self.tys.fresh();
                self.unify_at(&Ty::Fun(arg_ts, Box::new(r)), &ft, f.span);
                let call = self.native_call(
                    "Process.spawn",
                    vec![fe, tir::Expr::new(ExprKind::List(arg_es), span)],
                    span,
                );
                (call, Ty::pid(self.tys.fresh()))
            }
            other => {
                let shown = self.show(&other);
                self.error(Diagnostic::error(
                    "E0016",
                    format!("cannot spawn non-function: found {shown}"),
                    f.span,
                ));
                (tir::Expr::unit(span), Ty::Con(TyCon::Pid, vec![]))
            }
        }
    }

    fn infer_send(&mut self, cx: &mut FnCtx, args: &[ast::Expr], span: Span) -> (tir::Expr, Ty) {
        if args.len() != 2 {
            self.error(
                Diagnostic::error(
                    "E0003",
                    format!("expected 2 argument(s), found {}", args.len()),
                    span,
                )
                .with_help("send(pid, message)"),
            );
            for a in args {
                self.infer_expr(cx, a, None);
            }
            return (tir::Expr::unit(span), Ty::unit());
        }
        let (pe, pt) = self.infer_expr(cx, &args[0], None);
        let (me, mt) = self.infer_expr(cx, &args[1], None);
        let untyped = Ty::Con(TyCon::Pid, vec![]);
        self.unify_msg(&untyped, &pt, args[0].span, Some("(a pid)"));
        if let Ty::Con(TyCon::Pid, a) = self.tys.shallow(&pt) {
            if let Some(m) = a.first() {
                if self.tys.unify(m, &mt).is_err() {
                    let (ms, fs) = (self.show(m), self.show(&mt));
                    self.error(Diagnostic::error(
                        "E0014",
                        format!("message type mismatch: expected {ms}, found {fs}"),
                        args[1].span,
                    ));
                }
            }
        }
        (
            self.native_call("Process.send", vec![pe, me], span),
            Ty::unit(),
        )
    }
}

/// The closest candidate within edit distance 2.
pub(crate) fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .filter(|c| *c != name)
        .map(|c| (super::edit_distance(c, name), c))
        .filter(|(d, c)| *d <= 2 && *d < c.len().max(1))
        .min()
        .map(|(_, c)| c.to_string())
}
