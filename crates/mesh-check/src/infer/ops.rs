//! Operators, text conversion, method resolution, and the settling of pending decisions.
//!
//! An operator's meaning depends on its operand type: `+` is `AddInt`, `AddFloat`, or a
//! call of a user `impl Add`. When the type is known at the operator, the IR is emitted
//! directly; otherwise a [`Pending`] records the operands and the decision is made in
//! [`Checker::patch`] after the function's constraints are solved. Field accesses and
//! method calls on values of not-yet-known type also wait here, but they constrain types,
//! so [`Checker::retry_constraints`] re-examines them whenever more is known.

use super::FnCtx;
use crate::defs::{AdtKind, ModId, ValueDef};
use crate::tir::{self, BinOp, ExprKind, FnId, UnOp};
use crate::traits::Implemented;
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast;
use mesh_syntax::{Diagnostic, Span};

/// How a method call was resolved.
#[derive(Clone, Debug)]
pub(crate) enum MethodRes {
    /// A struct field holding a function, called.
    FieldCall(u32),
    /// A user impl method.
    Fn(FnId),
    /// A standard-library function taking the receiver first (`xs.length()`).
    Std(FnId),
    /// A built-in structural method.
    Builtin(&'static str),
    /// Several interfaces provide the method (E0027).
    Ambiguous(Vec<String>),
}

/// A decision waiting for types.
pub(crate) enum Pending {
    /// `+ - * / %`.
    Arith {
        op: ast::BinOp,
        lhs: tir::Expr,
        rhs: tir::Expr,
        ty: Ty,
        span: Span,
    },
    /// `== != < > <= >=`.
    Compare {
        op: ast::BinOp,
        lhs: tir::Expr,
        rhs: tir::Expr,
        ty: Ty,
        span: Span,
    },
    /// `<>` / `++`.
    Concat {
        lhs: tir::Expr,
        rhs: tir::Expr,
        ty: Ty,
        span: Span,
    },
    /// Unary minus.
    Neg {
        operand: tir::Expr,
        ty: Ty,
        span: Span,
    },
    /// A value converted to text (interpolation).
    Text {
        value: tir::Expr,
        ty: Ty,
        span: Span,
    },
    /// `default()`.
    Default { ty: Ty, span: Span },
    /// `base.name` on a value.
    Field {
        base: tir::Expr,
        base_ty: Ty,
        name: String,
        result: Ty,
        span: Span,
        name_span: Span,
        index: Option<u32>,
    },
    /// A `receive` whose arms get run-time type tests once the message types are known.
    Receive {
        arms: Vec<(tir::Arm, Ty)>,
        after: Option<(Box<tir::Expr>, Box<tir::Expr>)>,
        span: Span,
    },
    /// `recv.name(args)`.
    Method {
        recv: tir::Expr,
        recv_ty: Ty,
        name: String,
        args: Vec<tir::Expr>,
        arg_tys: Vec<Ty>,
        result: Ty,
        span: Span,
        name_span: Span,
        resolved: Option<MethodRes>,
        /// True once argument and result types were unified with the method's type.
        typed: bool,
    },
}

fn is_arith(op: ast::BinOp) -> bool {
    matches!(
        op,
        ast::BinOp::Add | ast::BinOp::Sub | ast::BinOp::Mul | ast::BinOp::Div | ast::BinOp::Rem
    )
}

fn arith_trait(op: ast::BinOp) -> &'static str {
    match op {
        ast::BinOp::Add => "Add",
        ast::BinOp::Sub => "Sub",
        ast::BinOp::Mul => "Mul",
        ast::BinOp::Div => "Div",
        _ => "Mod",
    }
}

fn bin(op: BinOp, lhs: tir::Expr, rhs: tir::Expr, span: Span) -> tir::Expr {
    tir::Expr::new(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    )
}

impl Checker<'_> {
    /// Binary operators.
    pub(crate) fn infer_binary(
        &mut self,
        cx: &mut FnCtx,
        op: ast::BinOp,
        op_span: Span,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        span: Span,
    ) -> (tir::Expr, Ty) {
        use ast::BinOp as B;
        match op {
            B::And | B::Or => {
                let (l, lt) = self.infer_expr(cx, lhs, Some(&Ty::BOOL));
                self.unify_msg(
                    &Ty::BOOL,
                    &lt,
                    lhs.span,
                    Some(&format!("for `{}`", op.symbol())),
                );
                let (r, rt) = self.infer_expr(cx, rhs, Some(&Ty::BOOL));
                self.unify_msg(
                    &Ty::BOOL,
                    &rt,
                    rhs.span,
                    Some(&format!("for `{}`", op.symbol())),
                );
                let kind = if op == B::And {
                    ExprKind::And(Box::new(l), Box::new(r))
                } else {
                    ExprKind::Or(Box::new(l), Box::new(r))
                };
                (tir::Expr::new(kind, span), Ty::BOOL)
            }
            B::Range => {
                let (l, lt) = self.infer_expr(cx, lhs, Some(&Ty::INT));
                self.unify_msg(&Ty::INT, &lt, lhs.span, Some("for a range bound"));
                let (r, rt) = self.infer_expr(cx, rhs, Some(&Ty::INT));
                self.unify_msg(&Ty::INT, &rt, rhs.span, Some("for a range bound"));
                let range_ty = self.std_type("Range");
                let e = self.native_or_std_call(cx, "Range", "new", vec![l, r], span);
                (e, range_ty.unwrap_or_else(|| self.tys.fresh()))
            }
            _ => {
                let (l, lt) = self.infer_expr(cx, lhs, None);
                let (r, rt) = self.infer_expr(cx, rhs, Some(&lt));
                if let Err(crate::types::UnifyError::Infinite(v, t)) = self.tys.unify(&lt, &rt) {
                    let msg = self.infinite_type_message(v, &t);
                    self.error(Diagnostic::error("E0002", msg, rhs.span));
                    return (tir::Expr::unit(span), Ty::Never);
                }
                if self.tys.unify(&lt, &rt).is_err() {
                    let (a, b) = (self.show(&lt), self.show(&rt));
                    let mut d =
                        Diagnostic::error("E0001", format!("expected {a}, found {b}"), rhs.span)
                            .with_label(format!("this is {b}"))
                            .with_secondary(lhs.span, format!("this is {a}"))
                            .with_help(format!(
                                "both operands of `{}` must have the same type",
                                op.symbol()
                            ));
                    if (a == "Int" && b == "Float") || (a == "Float" && b == "Int") {
                        d = d.with_help("convert with Int.to_float(...) or Float.to_int(...)");
                    }
                    self.error(d);
                    let result = if is_arith(op) || op == B::Concat {
                        lt
                    } else {
                        Ty::BOOL
                    };
                    return (tir::Expr::unit(span), result);
                }
                let _ = op_span;
                if is_arith(op) {
                    let result = match self
                        .find_impl(arith_trait(op), &lt)
                        .and_then(|i| self.impl_output(i))
                    {
                        Some(out) => out,
                        None => lt.clone(),
                    };
                    let p = Pending::Arith {
                        op,
                        lhs: l,
                        rhs: r,
                        ty: lt,
                        span,
                    };
                    (self.settle_now_or_defer(cx, p, span), result)
                } else if op == B::Concat {
                    let p = Pending::Concat {
                        lhs: l,
                        rhs: r,
                        ty: lt.clone(),
                        span,
                    };
                    (self.settle_now_or_defer(cx, p, span), lt)
                } else {
                    let p = Pending::Compare {
                        op,
                        lhs: l,
                        rhs: r,
                        ty: lt,
                        span,
                    };
                    (self.settle_now_or_defer(cx, p, span), Ty::BOOL)
                }
            }
        }
    }

    /// Unary `-` and `not`.
    pub(crate) fn infer_unary(
        &mut self,
        cx: &mut FnCtx,
        op: ast::UnOp,
        operand: &ast::Expr,
        span: Span,
    ) -> (tir::Expr, Ty) {
        match op {
            ast::UnOp::Not => {
                let (e, t) = self.infer_expr(cx, operand, Some(&Ty::BOOL));
                self.unify_msg(&Ty::BOOL, &t, operand.span, Some("for `not`"));
                (
                    tir::Expr::new(
                        ExprKind::Unary {
                            op: UnOp::Not,
                            operand: Box::new(e),
                        },
                        span,
                    ),
                    Ty::BOOL,
                )
            }
            ast::UnOp::Neg => {
                let (e, t) = self.infer_expr(cx, operand, None);
                let result = match self.find_impl("Neg", &t).and_then(|i| self.impl_output(i)) {
                    Some(out) => out,
                    None => t.clone(),
                };
                let p = Pending::Neg {
                    operand: e,
                    ty: t,
                    span,
                };
                (self.settle_now_or_defer(cx, p, span), result)
            }
        }
    }

    /// Converts a value to text for interpolation.
    pub(crate) fn text_of_value(
        &mut self,
        cx: &mut FnCtx,
        value: tir::Expr,
        ty: Ty,
        span: Span,
    ) -> tir::Expr {
        let p = Pending::Text { value, ty, span };
        self.settle_now_or_defer(cx, p, span)
    }

    /// Emits the IR now if the operand type is known, else leaves a hole.
    fn settle_now_or_defer(&mut self, cx: &mut FnCtx, p: Pending, span: Span) -> tir::Expr {
        let ty = match &p {
            Pending::Arith { ty, .. }
            | Pending::Compare { ty, .. }
            | Pending::Concat { ty, .. }
            | Pending::Neg { ty, .. }
            | Pending::Text { ty, .. }
            | Pending::Default { ty, .. } => ty.clone(),
            _ => return cx.defer(p, span),
        };
        if matches!(self.tys.shallow(&ty), Ty::Var(_)) {
            cx.defer(p, span)
        } else {
            self.settle(cx, p)
        }
    }

    /// Re-examines field and method constraints whose receiver type may now be known.
    pub(crate) fn retry_constraints(&mut self, cx: &mut FnCtx) {
        loop {
            let mut progress = false;
            for i in 0..cx.pending.len() {
                let ready = match &cx.pending[i] {
                    Some(Pending::Field {
                        base_ty,
                        index: None,
                        ..
                    }) => !matches!(self.tys.shallow(base_ty), Ty::Var(_)),
                    Some(Pending::Method {
                        recv_ty,
                        typed: false,
                        ..
                    }) => !matches!(self.tys.shallow(recv_ty), Ty::Var(_)),
                    _ => false,
                };
                if !ready {
                    continue;
                }
                let Some(p) = cx.pending[i].take() else {
                    continue;
                };
                let p = self.type_constraint(cx, p);
                cx.pending[i] = Some(p);
                progress = true;
            }
            if !progress {
                break;
            }
        }
    }

    /// Applies a field/method constraint now that the receiver type is known.
    fn type_constraint(&mut self, cx: &mut FnCtx, p: Pending) -> Pending {
        match p {
            Pending::Field {
                base,
                base_ty,
                name,
                result,
                span,
                name_span,
                index: None,
            } => {
                let idx = self.field_of(&base_ty, &name, &result, name_span);
                Pending::Field {
                    base,
                    base_ty,
                    name,
                    result,
                    span,
                    name_span,
                    index: Some(idx.unwrap_or(u32::MAX)),
                }
            }
            Pending::Method {
                recv,
                recv_ty,
                name,
                args,
                arg_tys,
                result,
                span,
                name_span,
                resolved: _,
                typed: false,
            } => {
                let res = self.lookup_method(&recv_ty, &name);
                match &res {
                    Some(r) => {
                        self.type_method(cx, r, &recv_ty, &arg_tys, &result, name_span, &name)
                    }
                    None => self.no_method(&recv_ty, &name, name_span),
                }
                Pending::Method {
                    recv,
                    recv_ty,
                    name,
                    args,
                    arg_tys,
                    result,
                    span,
                    name_span,
                    resolved: res,
                    typed: true,
                }
            }
            other => other,
        }
    }

    /// The index of field `name` of the struct type `base_ty`, unifying its type with
    /// `result`; reports E0009 otherwise.
    fn field_of(&mut self, base_ty: &Ty, name: &str, result: &Ty, span: Span) -> Option<u32> {
        if let Some((adt, args)) = self.struct_of(base_ty) {
            if let AdtKind::Struct(fields) = &self.adts[adt.0 as usize].kind {
                if let Some(i) = fields.iter().position(|f| f.name == name) {
                    let fty = fields[i].ty.subst_gen(&args);
                    self.unify_at(result, &fty, span);
                    return Some(i as u32);
                }
                let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
                let shown = self.show(base_ty);
                let mut d =
                    Diagnostic::error("E0009", format!("type {shown} has no field {name}"), span);
                if let Some(best) = super::expr::closest(name, names.iter().map(|s| s.as_str())) {
                    d = d.with_help(format!("did you mean `{best}`?"));
                } else {
                    d = d.with_help(format!("fields: {}", names.join(", ")));
                }
                self.error(d);
                return None;
            }
        }
        if matches!(self.tys.shallow(base_ty), Ty::Never) {
            return None;
        }
        let shown = self.show(base_ty);
        self.error(Diagnostic::error(
            "E0009",
            format!("type {shown} has no field {name}"),
            span,
        ));
        None
    }

    fn no_method(&mut self, recv_ty: &Ty, name: &str, span: Span) {
        if matches!(self.tys.shallow(recv_ty), Ty::Never) {
            return;
        }
        let shown = self.show(recv_ty);
        self.error(Diagnostic::error(
            "E0030",
            format!("no method `{name}` on type `{shown}`"),
            span,
        ));
    }

    /// Finds what `recv.name(...)` means for a known receiver type (§11.5).
    pub(crate) fn lookup_method(&mut self, recv_ty: &Ty, name: &str) -> Option<MethodRes> {
        let head = self.tys.shallow(recv_ty);
        if matches!(head, Ty::Var(_)) {
            return None;
        }
        // A field holding a function wins.
        if let Some((adt, _)) = self.struct_of(&head) {
            if let AdtKind::Struct(fields) = &self.adts[adt.0 as usize].kind {
                if let Some(i) = fields.iter().position(|f| f.name == name) {
                    return Some(MethodRes::FieldCall(i as u32));
                }
            }
        }
        let user = self.impl_methods(&head, name);
        let mut traits: Vec<String> = user
            .iter()
            .map(|(i, _)| self.impls[*i].trait_name.clone())
            .collect();
        traits.sort();
        traits.dedup();
        if traits.len() > 1 {
            return Some(MethodRes::Ambiguous(traits));
        }
        if let Some((_, f)) = user.first() {
            return Some(MethodRes::Fn(*f));
        }
        if name == "into" && !self.impls_from_source(&head).is_empty() {
            return Some(MethodRes::Builtin("into"));
        }
        let builtin = match name {
            "to_string" => Some(("Display", "to_string")),
            "inspect" => Some(("Debug", "inspect")),
            "hash" => Some(("Hash", "hash")),
            "eq" => Some(("Eq", "eq")),
            "lt" => Some(("Ord", "lt")),
            "compare" => Some(("Ord", "compare")),
            "to_json" => Some(("Json", "to_json")),
            _ => None,
        };
        if let Some((tr, m)) = builtin {
            if !matches!(self.implements(&head, tr), Implemented::No) {
                return Some(MethodRes::Builtin(m));
            }
        }
        let module = match &head {
            Ty::Con(TyCon::String, _) => Some("String"),
            Ty::Con(TyCon::List, _) => Some("List"),
            Ty::Con(TyCon::Map, _) => Some("Map"),
            Ty::Con(TyCon::Set, _) => Some("Set"),
            Ty::Con(TyCon::Int, _) => Some("Int"),
            Ty::Con(TyCon::Float, _) => Some("Float"),
            Ty::Con(TyCon::Adt(id), _) => {
                let adt = &self.adts[id.0 as usize];
                if matches!(adt.kind, AdtKind::Opaque) || adt.name == "Iter" {
                    self.modules
                        .get(adt.module.0 as usize)
                        .filter(|m| m.is_std)
                        .map(|_| "")
                } else {
                    None
                }
            }
            _ => None,
        };
        let module_name = match (module, &head) {
            (Some(""), Ty::Con(TyCon::Adt(id), _)) => Some(
                self.modules[self.adts[id.0 as usize].module.0 as usize]
                    .name
                    .clone(),
            ),
            (Some(m), _) => Some(m.to_string()),
            _ => None,
        };
        if let Some(mn) = module_name {
            if let Some(&sm) = self.std_modules.get(&mn) {
                if let Some((ValueDef::Fn(f), true)) =
                    self.modules[sm.0 as usize].values.get(name).cloned()
                {
                    return Some(MethodRes::Std(f));
                }
            }
        }
        None
    }

    /// Unifies a resolved method's signature with the call.
    #[allow(clippy::too_many_arguments)]
    fn type_method(
        &mut self,
        cx: &mut FnCtx,
        r: &MethodRes,
        recv_ty: &Ty,
        arg_tys: &[Ty],
        result: &Ty,
        span: Span,
        name: &str,
    ) {
        match r {
            MethodRes::FieldCall(i) => {
                if let Some((adt, args)) = self.struct_of(recv_ty) {
                    if let AdtKind::Struct(fields) = &self.adts[adt.0 as usize].kind {
                        let fty = fields[*i as usize].ty.subst_gen(&args);
                        let want = Ty::Fun(arg_tys.to_vec(), Box::new(result.clone()));
                        self.unify_at(&fty, &want, span);
                    }
                }
            }
            MethodRes::Fn(f) | MethodRes::Std(f) => {
                let ft = self.fn_use_type(cx, *f, span);
                let mut all = vec![recv_ty.clone()];
                all.extend(arg_tys.iter().cloned());
                match self.tys.shallow(&ft) {
                    Ty::Fun(ps, _) if ps.len() != all.len() => {
                        self.error(Diagnostic::error(
                            "E0003",
                            format!(
                                "method `{name}` expects {} argument(s), found {}",
                                ps.len().saturating_sub(1),
                                arg_tys.len()
                            ),
                            span,
                        ));
                    }
                    _ => {
                        let want = Ty::Fun(all, Box::new(result.clone()));
                        self.unify_at(&ft, &want, span);
                    }
                }
            }
            MethodRes::Ambiguous(traits) => {
                let shown = self.show(recv_ty);
                self.error(Diagnostic::error(
                    "E0027",
                    format!("ambiguous method `{name}` for type `{shown}`: candidates from traits [{}]", traits.join(", ")),
                    span,
                ).with_help("call the function of one interface explicitly"));
            }
            MethodRes::Builtin("into") => {
                if !arg_tys.is_empty() {
                    self.error(Diagnostic::error(
                        "E0003",
                        "method `into` takes no arguments",
                        span,
                    ));
                }
                let candidates = self.impls_from_source(recv_ty);
                if candidates.len() == 1 {
                    let target = self.impls[candidates[0]].target_ty.clone();
                    self.unify_at(result, &target, span);
                }
            }
            MethodRes::Builtin(m) => {
                let (params, ret): (Vec<Ty>, Ty) = match *m {
                    "to_string" | "inspect" | "to_json" => (vec![], Ty::STRING),
                    "hash" => (vec![], Ty::INT),
                    "eq" | "lt" => (vec![recv_ty.clone()], Ty::BOOL),
                    _ => (vec![recv_ty.clone()], Ty::ordering()),
                };
                if params.len() != arg_tys.len() {
                    self.error(Diagnostic::error(
                        "E0003",
                        format!(
                            "method `{name}` expects {} argument(s), found {}",
                            params.len(),
                            arg_tys.len()
                        ),
                        span,
                    ));
                    return;
                }
                for (p, a) in params.iter().zip(arg_tys) {
                    self.unify_at(p, a, span);
                }
                self.unify_at(result, &ret, span);
            }
        }
    }

    /// The run-time type key of values of `ty` (see the VM's `type_key`), if fixed.
    pub(crate) fn type_key(&self, ty: &Ty) -> Option<i64> {
        Some(match self.tys.shallow(ty) {
            Ty::Tuple(items) if items.is_empty() => 0,
            Ty::Tuple(_) => 8,
            Ty::Con(c, _) => match c {
                TyCon::Bool => 1,
                TyCon::Int => 2,
                TyCon::Float => 3,
                TyCon::String | TyCon::Atom => 4,
                TyCon::List => 5,
                TyCon::Map => 6,
                TyCon::Set => 7,
                TyCon::Pid => 10,
                TyCon::Adt(id) => match self.adts[id.0 as usize].type_id {
                    Some(t) => 100 + t.0 as i64,
                    None => 11,
                },
            },
            Ty::Fun(..) => 9,
            _ => return None,
        })
    }

    /// The `impl From<X> for Y` whose `X` could be `source`.
    pub(crate) fn impls_from_source(&self, source: &Ty) -> Vec<usize> {
        self.impls
            .iter()
            .enumerate()
            .filter(|(_, i)| i.trait_name == "From")
            .filter(|(_, i)| {
                i.trait_args
                    .first()
                    .map(|a| self.tys.could_unify(a, source))
                    .unwrap_or(false)
            })
            .map(|(n, _)| n)
            .collect()
    }

    /// Defaults operand types of arithmetic that stayed unknown to `Int` (ML style).
    pub(crate) fn default_numeric(&mut self, cx: &mut FnCtx) {
        for p in cx.pending.iter().flatten() {
            let ty = match p {
                Pending::Arith { ty, .. } | Pending::Neg { ty, .. } => ty,
                _ => continue,
            };
            if let Ty::Var(v) = self.tys.shallow(ty) {
                self.tys.bind(v, Ty::INT);
            }
        }
        for (ty, tr, _) in &cx.obligations {
            if crate::traits::NUMERIC.contains(&tr.as_str()) {
                if let Ty::Var(v) = self.tys.shallow(ty) {
                    self.tys.bind(v, Ty::INT);
                }
            }
        }
    }

    /// Reports field/method constraints whose receiver type never became known.
    pub(crate) fn report_unresolved(&mut self, cx: &mut FnCtx) {
        for p in cx.pending.iter().flatten() {
            let (span, what) = match p {
                Pending::Field {
                    base_ty,
                    index: None,
                    name_span,
                    name,
                    ..
                } if matches!(self.tys.shallow(base_ty), Ty::Var(_)) => {
                    (*name_span, format!("field `{name}`"))
                }
                Pending::Method {
                    recv_ty,
                    typed: false,
                    name_span,
                    name,
                    ..
                } if matches!(self.tys.shallow(recv_ty), Ty::Var(_)) => {
                    (*name_span, format!("method `{name}`"))
                }
                _ => continue,
            };
            self.error(
                Diagnostic::error(
                    "E0047",
                    format!("cannot infer the type of the value whose {what} is used"),
                    span,
                )
                .with_help(
                    "add a type annotation to the parameter or variable (e.g. `user :: User`)",
                ),
            );
        }
    }

    /// Replaces every pending hole in `e` by its settled IR.
    pub(crate) fn patch(&mut self, cx: &mut FnCtx, mut e: tir::Expr) -> tir::Expr {
        self.patch_in(cx, &mut e);
        e
    }

    fn patch_in(&mut self, cx: &mut FnCtx, e: &mut tir::Expr) {
        if let ExprKind::Pending(i) = e.kind {
            let p = cx.pending.get_mut(i as usize).and_then(|p| p.take());
            let mut settled = match p {
                Some(p) => self.settle(cx, p),
                None => tir::Expr::unit(e.span),
            };
            self.patch_in(cx, &mut settled);
            *e = settled;
            return;
        }
        e.for_each_child_mut(&mut |c| self.patch_in(cx, c));
    }

    /// Turns a pending decision into IR (types are as known as they will get).
    fn settle(&mut self, cx: &mut FnCtx, p: Pending) -> tir::Expr {
        match p {
            Pending::Arith {
                op,
                lhs,
                rhs,
                ty,
                span,
            } => {
                let t = self.tys.shallow(&ty);
                let tr = arith_trait(op);
                match t {
                    Ty::Con(TyCon::Int, _) => {
                        let o = match op {
                            ast::BinOp::Add => BinOp::AddInt,
                            ast::BinOp::Sub => BinOp::SubInt,
                            ast::BinOp::Mul => BinOp::MulInt,
                            ast::BinOp::Div => BinOp::DivInt,
                            _ => BinOp::RemInt,
                        };
                        bin(o, lhs, rhs, span)
                    }
                    Ty::Con(TyCon::Float, _) => {
                        let o = match op {
                            ast::BinOp::Add => BinOp::AddFloat,
                            ast::BinOp::Sub => BinOp::SubFloat,
                            ast::BinOp::Mul => BinOp::MulFloat,
                            ast::BinOp::Div => BinOp::DivFloat,
                            _ => BinOp::RemFloat,
                        };
                        bin(o, lhs, rhs, span)
                    }
                    Ty::Never => bin(BinOp::AddInt, lhs, rhs, span),
                    other => match self
                        .find_impl(tr, &other)
                        .and_then(|i| self.impls[i].methods.get(&tr.to_lowercase()).copied())
                    {
                        Some(f) => call_fn(f, vec![lhs, rhs], span),
                        None => {
                            let shown = self.show(&other);
                            self.error(
                                Diagnostic::error(
                                    "E0006",
                                    format!("{shown} does not implement {tr}"),
                                    span,
                                )
                                .with_help(
                                    if shown == "String" && tr == "Add" {
                                        "join strings with `<>`".to_string()
                                    } else {
                                        format!(
                                            "`{}` needs an `impl {tr} for {shown}`",
                                            op.symbol()
                                        )
                                    },
                                ),
                            );
                            tir::Expr::unit(span)
                        }
                    },
                }
            }
            Pending::Neg { operand, ty, span } => match self.tys.shallow(&ty) {
                Ty::Con(TyCon::Int, _) => tir::Expr::new(
                    ExprKind::Unary {
                        op: UnOp::NegInt,
                        operand: Box::new(operand),
                    },
                    span,
                ),
                Ty::Con(TyCon::Float, _) => tir::Expr::new(
                    ExprKind::Unary {
                        op: UnOp::NegFloat,
                        operand: Box::new(operand),
                    },
                    span,
                ),
                other => match self
                    .find_impl("Neg", &other)
                    .and_then(|i| self.impls[i].methods.get("neg").copied())
                {
                    Some(f) => call_fn(f, vec![operand], span),
                    None => {
                        let shown = self.show(&other);
                        self.error(Diagnostic::error(
                            "E0006",
                            format!("{shown} does not implement Neg"),
                            span,
                        ));
                        tir::Expr::unit(span)
                    }
                },
            },
            Pending::Compare {
                op,
                lhs,
                rhs,
                ty,
                span,
            } => self.settle_compare(cx, op, lhs, rhs, &ty, span),
            Pending::Concat { lhs, rhs, ty, span } => match self.tys.shallow(&ty) {
                Ty::Con(TyCon::String, _) | Ty::Con(TyCon::List, _) | Ty::Never | Ty::Var(_) => {
                    bin(BinOp::Concat, lhs, rhs, span)
                }
                other => {
                    let shown = self.show(&other);
                    self.error(Diagnostic::error(
                        "E0006",
                        format!("`<>` joins strings or lists, found {shown}"),
                        span,
                    ));
                    tir::Expr::unit(span)
                }
            },
            Pending::Text { value, ty, span } => self.settle_text(cx, value, &ty, span),
            Pending::Default { ty, span } => match self.tys.shallow(&ty) {
                Ty::Con(TyCon::Int, _) | Ty::Var(_) => tir::Expr::new(ExprKind::Int(0), span),
                Ty::Con(TyCon::Float, _) => tir::Expr::new(ExprKind::Float(0.0), span),
                Ty::Con(TyCon::String, _) => tir::Expr::new(ExprKind::Str(String::new()), span),
                Ty::Con(TyCon::Bool, _) => tir::Expr::new(ExprKind::Bool(false), span),
                other => match self
                    .find_impl("Default", &other)
                    .and_then(|i| self.impls[i].methods.get("default").copied())
                {
                    Some(f) => call_fn(f, vec![], span),
                    None => {
                        let shown = self.show(&other);
                        self.error(Diagnostic::error(
                            "E0006",
                            format!("{shown} does not implement Default"),
                            span,
                        ));
                        tir::Expr::unit(span)
                    }
                },
            },
            Pending::Receive { arms, after, span } => {
                let arms = arms
                    .into_iter()
                    .map(|(arm, ty)| match self.type_key(&ty) {
                        Some(key) => tir::Arm {
                            pattern: tir::Pattern::Typed {
                                key,
                                pattern: Box::new(arm.pattern),
                            },
                            ..arm
                        },
                        None => arm,
                    })
                    .collect();
                tir::Expr::new(ExprKind::Receive { arms, after }, span)
            }
            Pending::Field {
                base, index, span, ..
            } => match index {
                Some(i) if i != u32::MAX => tir::Expr::new(
                    ExprKind::Field {
                        base: Box::new(base),
                        index: i,
                    },
                    span,
                ),
                _ => tir::Expr::unit(span),
            },
            Pending::Method {
                recv,
                recv_ty,
                args,
                span,
                resolved,
                result,
                ..
            } => match resolved {
                Some(MethodRes::FieldCall(i)) => tir::Expr::new(
                    ExprKind::Call {
                        callee: tir::Callee::Value(Box::new(tir::Expr::new(
                            ExprKind::Field {
                                base: Box::new(recv),
                                index: i,
                            },
                            span,
                        ))),
                        args,
                    },
                    span,
                ),
                Some(MethodRes::Fn(f)) | Some(MethodRes::Std(f)) => {
                    let mut all = vec![recv];
                    all.extend(args);
                    let callee = match &self.fns[f.0 as usize].source {
                        crate::defs::FnSource::Extern(n) => tir::Callee::Native(n.clone()),
                        _ => tir::Callee::Fn(f),
                    };
                    tir::Expr::new(ExprKind::Call { callee, args: all }, span)
                }
                Some(MethodRes::Ambiguous(_)) => tir::Expr::unit(span),
                Some(MethodRes::Builtin("into")) => {
                    let candidates = self.impls_from_source(&recv_ty);
                    let chosen = candidates.iter().copied().find(|i| {
                        let t = self.impls[*i].target_ty.clone();
                        self.tys.could_unify(&t, &result)
                    });
                    match chosen.and_then(|i| self.impls[i].methods.get("from").copied()) {
                        Some(f) => call_fn(f, vec![recv], span),
                        None => {
                            let (a, b) = (self.show(&recv_ty), self.show(&result));
                            self.error(Diagnostic::error(
                                "E0030",
                                format!("no `impl From<{a}> for {b}` to convert with `into`"),
                                span,
                            ));
                            tir::Expr::unit(span)
                        }
                    }
                }
                Some(MethodRes::Builtin(m)) => {
                    let mut args = args;
                    match m {
                        "to_string" => self.settle_text(cx, recv, &recv_ty, span),
                        "inspect" => self.text_of(cx, recv, &recv_ty, span, true),
                        "hash" => match self.dynamic_op(&recv_ty, super::DynOp::Hash) {
                            Some(f) => call_fn(f, vec![recv], span),
                            None => self.native_call("Kernel.hash", vec![recv], span),
                        },
                        "to_json" => self.native_call("Json.encode", vec![recv], span),
                        "eq" => {
                            let other = args.pop().unwrap_or_else(|| tir::Expr::unit(span));
                            self.settle_compare(cx, ast::BinOp::Eq, recv, other, &recv_ty, span)
                        }
                        "lt" => {
                            let other = args.pop().unwrap_or_else(|| tir::Expr::unit(span));
                            self.settle_compare(cx, ast::BinOp::Lt, recv, other, &recv_ty, span)
                        }
                        _ => {
                            let other = args.pop().unwrap_or_else(|| tir::Expr::unit(span));
                            self.native_or_std_call(
                                cx,
                                "Prelude",
                                "compare",
                                vec![recv, other],
                                span,
                            )
                        }
                    }
                }
                None => tir::Expr::unit(span),
            },
        }
    }

    fn settle_compare(
        &mut self,
        cx: &mut FnCtx,
        op: ast::BinOp,
        lhs: tir::Expr,
        rhs: tir::Expr,
        ty: &Ty,
        span: Span,
    ) -> tir::Expr {
        use ast::BinOp as B;
        let t = self.tys.shallow(ty);
        let needs = if matches!(op, B::Eq | B::NotEq) {
            "Eq"
        } else {
            "Ord"
        };
        match &t {
            Ty::Con(TyCon::Int, _) => {
                let o = match op {
                    B::Eq => BinOp::EqInt,
                    B::NotEq => BinOp::NeInt,
                    B::Lt => BinOp::LtInt,
                    B::LtEq => BinOp::LeInt,
                    B::Gt => BinOp::GtInt,
                    _ => BinOp::GeInt,
                };
                return bin(o, lhs, rhs, span);
            }
            Ty::Con(TyCon::Float, _) => {
                let o = match op {
                    B::Eq => BinOp::EqFloat,
                    B::NotEq => BinOp::NeFloat,
                    B::Lt => BinOp::LtFloat,
                    B::LtEq => BinOp::LeFloat,
                    B::Gt => BinOp::GtFloat,
                    _ => BinOp::GeFloat,
                };
                return bin(o, lhs, rhs, span);
            }
            _ => {}
        }
        let structural = |op: ast::BinOp| match op {
            B::Eq => BinOp::Eq,
            B::NotEq => BinOp::Ne,
            B::Lt => BinOp::Lt,
            B::LtEq => BinOp::Le,
            B::Gt => BinOp::Gt,
            _ => BinOp::Ge,
        };
        let dyn_op = if needs == "Eq" {
            super::DynOp::Eq
        } else {
            super::DynOp::Lt
        };
        let implemented = self.implements(&t, needs);
        let method_fn = match &implemented {
            Implemented::Impl(i) => {
                let method = if needs == "Eq" { "eq" } else { "lt" };
                self.impls[*i].methods.get(method).copied()
            }
            Implemented::Bound | Implemented::Unknown => self.dynamic_op(&t, dyn_op),
            _ => None,
        };
        match implemented {
            Implemented::Structural
            | Implemented::Bound
            | Implemented::Unknown
            | Implemented::Impl(_)
                if method_fn.is_none() =>
            {
                if matches!(implemented, Implemented::Unknown) {
                    cx.obligations.push((t.clone(), needs.to_string(), span));
                }
                bin(structural(op), lhs, rhs, span)
            }
            Implemented::Structural
            | Implemented::Bound
            | Implemented::Unknown
            | Implemented::Impl(_) => {
                if matches!(implemented, Implemented::Unknown) {
                    cx.obligations.push((t.clone(), needs.to_string(), span));
                }
                // `a != b` is `not a.eq(b)`; `a > b` is `b.lt(a)`; `a <= b` is `not b.lt(a)`;
                // `a >= b` is `not a.lt(b)`. Operands are evaluated left to right first.
                let Some(f) = method_fn else {
                    return bin(structural(op), lhs, rhs, span);
                };
                let a = cx.fresh_local();
                let b = cx.fresh_local();
                let la = tir::Expr::new(ExprKind::Local(a), span);
                let lb = tir::Expr::new(ExprKind::Local(b), span);
                let (call_args, negate) = match op {
                    B::Eq => (vec![la, lb], false),
                    B::NotEq => (vec![la, lb], true),
                    B::Lt => (vec![la, lb], false),
                    B::Gt => (vec![lb, la], false),
                    B::LtEq => (vec![lb, la], true),
                    _ => (vec![la, lb], true),
                };
                let mut call = call_fn(f, call_args, span);
                if negate {
                    call = tir::Expr::new(
                        ExprKind::Unary {
                            op: UnOp::Not,
                            operand: Box::new(call),
                        },
                        span,
                    );
                }
                tir::Expr::new(
                    ExprKind::Block {
                        stmts: vec![
                            tir::Stmt::Let {
                                pattern: tir::Pattern::Bind(a),
                                value: lhs,
                            },
                            tir::Stmt::Let {
                                pattern: tir::Pattern::Bind(b),
                                value: rhs,
                            },
                        ],
                        result: Box::new(call),
                    },
                    span,
                )
            }
            Implemented::No => {
                let shown = self.show(&t);
                self.error(Diagnostic::error(
                    "E0006",
                    format!("{shown} does not implement {needs}"),
                    span,
                ).with_help(format!("`{}` needs `{needs}`; derive it with `deriving({needs})` or write an impl", op.symbol())));
                tir::Expr::unit(span)
            }
        }
    }

    /// The text of a value: itself for strings, Display if available, else Debug.
    fn settle_text(&mut self, cx: &mut FnCtx, value: tir::Expr, ty: &Ty, span: Span) -> tir::Expr {
        let t = self.tys.shallow(ty);
        if matches!(t, Ty::Con(TyCon::String, _)) {
            return value;
        }
        match self.implements(&t, "Display") {
            Implemented::No => {}
            _ => return self.text_of(cx, value, &t, span, false),
        }
        match self.implements(&t, "Debug") {
            Implemented::No => {
                let shown = self.show(&t);
                self.error(Diagnostic::error(
                    "E0006",
                    format!("{shown} does not implement Display or Debug, so it cannot be shown as text"),
                    span,
                ).with_help("derive Display or Debug for it"));
                tir::Expr::unit(span)
            }
            _ => self.text_of(cx, value, &t, span, true),
        }
    }

    /// A call of std function `module.name` (native or Mesh).
    pub(crate) fn native_or_std_call(
        &mut self,
        _cx: &mut FnCtx,
        module: &str,
        name: &str,
        args: Vec<tir::Expr>,
        span: Span,
    ) -> tir::Expr {
        let f = self
            .std_modules
            .get(module)
            .and_then(|m| self.modules[m.0 as usize].values.get(name))
            .and_then(|(v, _)| match v {
                ValueDef::Fn(f) => Some(*f),
                _ => None,
            });
        match f {
            Some(f) => {
                self.ensure_inferred(f);
                let callee = match &self.fns[f.0 as usize].source {
                    crate::defs::FnSource::Extern(n) => tir::Callee::Native(n.clone()),
                    _ => tir::Callee::Fn(f),
                };
                tir::Expr::new(ExprKind::Call { callee, args }, span)
            }
            None => self.native_call(&format!("{module}.{name}"), args, span),
        }
    }

    /// A standard-library type by name (`Range`).
    pub(crate) fn std_type(&self, name: &str) -> Option<Ty> {
        for &sm in self.std_modules.values() {
            if let Some((crate::defs::TypeName::Adt(id), true)) =
                self.modules[sm.0 as usize].types.get(name)
            {
                return Some(Ty::adt(*id, vec![]));
            }
        }
        None
    }

    /// The value of a Schema metadata function, and its type.
    pub(crate) fn schema_value(
        &mut self,
        adt: AdtId,
        f: &str,
        span: Span,
    ) -> Option<(tir::Expr, Ty)> {
        let def = &self.adts[adt.0 as usize];
        let name = def.name.clone();
        let schema = def.schema.clone();
        let fields: Vec<(String, Ty)> = match &def.kind {
            AdtKind::Struct(fs) => fs.iter().map(|x| (x.name.clone(), x.ty.clone())).collect(),
            _ => Vec::new(),
        };
        let module = def.module;
        let s = |v: String| tir::Expr::new(ExprKind::Str(v), span);
        let list = |items: Vec<String>| {
            tir::Expr::new(
                ExprKind::List(
                    items
                        .into_iter()
                        .map(|v| tir::Expr::new(ExprKind::Str(v), span))
                        .collect(),
                ),
                span,
            )
        };
        let table = schema.table.clone().unwrap_or_else(|| default_table(&name));
        match f {
            "__table__" => Some((s(table), Ty::STRING)),
            "__primary_key__" => Some((
                s(schema.primary_key.clone().unwrap_or_else(|| "id".into())),
                Ty::STRING,
            )),
            "__fields__" => Some((
                list(fields.iter().map(|(n, _)| n.clone()).collect()),
                Ty::list(Ty::STRING),
            )),
            "__field_types__" => {
                let items = fields
                    .iter()
                    .map(|(n, t)| {
                        // An Option field has the SQL type of its content (nullable).
                        let t = match t {
                            Ty::Con(TyCon::Adt(id), args) if *id == AdtId::OPTION => {
                                args.first().unwrap_or(t)
                            }
                            other => other,
                        };
                        let sql = match t {
                            Ty::Con(TyCon::Int, _) => "BIGINT",
                            Ty::Con(TyCon::Float, _) => "DOUBLE PRECISION",
                            Ty::Con(TyCon::Bool, _) => "BOOLEAN",
                            _ => "TEXT",
                        };
                        format!("{n}:{sql}")
                    })
                    .collect();
                Some((list(items), Ty::list(Ty::STRING)))
            }
            "__relationships__" => Some((
                list(
                    schema
                        .relationships
                        .iter()
                        .map(|(k, a, t)| format!("{k}:{a}:{t}"))
                        .collect(),
                ),
                Ty::list(Ty::STRING),
            )),
            "__relationship_meta__" => {
                let items = schema
                    .relationships
                    .iter()
                    .map(|(k, a, t)| {
                        let fk = if k == "belongs_to" {
                            format!("{a}_id")
                        } else {
                            // The target's `belongs_to` back to this struct names the real
                            // column (`has_many :projects, Project` with `belongs_to :org,
                            // Organization` in Project → `org_id`).
                            self.inverse_fk(module, t, &name).unwrap_or_else(|| {
                                format!("{}_id", crate::services::snake_name(&name))
                            })
                        };
                        let target_table = self.table_of_type(module, t);
                        format!("{k}:{a}:{t}:{fk}:{target_table}")
                    })
                    .collect();
                Some((list(items), Ty::list(Ty::STRING)))
            }
            other => {
                let field = other.strip_prefix("__")?.strip_suffix("_col__")?;
                if fields.iter().any(|(n, _)| n == field) {
                    Some((s(field.to_string()), Ty::STRING))
                } else {
                    None
                }
            }
        }
    }

    /// The struct called `name`, searched in module `m`'s scope and then in every module.
    fn struct_named(&self, m: ModId, name: &str) -> Option<AdtId> {
        match self.lookup_type_name(m, name) {
            Some(crate::defs::TypeName::Adt(id)) => Some(id),
            _ => self
                .adts
                .iter()
                .position(|a| a.name == name && matches!(a.kind, AdtKind::Struct(_)))
                .map(|i| AdtId(i as u32)),
        }
    }

    /// The foreign key of a `has_many`/`has_one` from `owner` to `target`: `<assoc>_id` of
    /// the target's single `belongs_to` whose target is `owner`, if it has one.
    fn inverse_fk(&self, m: ModId, target: &str, owner: &str) -> Option<String> {
        let id = self.struct_named(m, target)?;
        let back: Vec<&(String, String, String)> = self.adts[id.0 as usize]
            .schema
            .relationships
            .iter()
            .filter(|(k, _, t)| k == "belongs_to" && t == owner)
            .collect();
        match back.as_slice() {
            [(_, assoc, _)] => Some(format!("{assoc}_id")),
            _ => None,
        }
    }

    /// The table name of the struct called `name` (its `table` option, else the default
    /// naming), searched in module `m`'s scope and then in every module.
    fn table_of_type(&self, m: ModId, name: &str) -> String {
        let found = self.struct_named(m, name);
        match found {
            Some(id) => self.adts[id.0 as usize]
                .schema
                .table
                .clone()
                .unwrap_or_else(|| default_table(name)),
            None => default_table(name),
        }
    }
}

/// The default table name: snake_case of the struct name plus `s` (`OrgMembership` →
/// `org_memberships`; the original wrote `orgmemberships`).
fn default_table(name: &str) -> String {
    format!("{}s", crate::services::snake_name(name))
}

fn call_fn(f: FnId, args: Vec<tir::Expr>, span: Span) -> tir::Expr {
    tir::Expr::new(
        ExprKind::Call {
            callee: tir::Callee::Fn(f),
            args,
        },
        span,
    )
}
