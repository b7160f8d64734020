//! Hand-written impls of the structural traits (Display, Debug, Eq, Ord, Hash) where the
//! VM's structural operations cannot see them.
//!
//! The VM prints, compares and hashes every value structurally. That is right for built-in
//! and derived impls, but a hand-written `impl Display for Temp` must be called instead —
//! also when a `Temp` sits inside a list, or reaches generic code (`fn show<T>(x :: T)`).
//! Two mechanisms cover that:
//!
//! * *Text of composite types*: when the static type contains a type with a hand-written
//!   Display/Debug impl, the text is generated code (`"[" <> join(map(xs, …)) <> "]"`;
//!   user structs and sum types get a generated `__text` function per type).
//! * *Dispatchers*: in generic code the type is only known at run time. If the program has
//!   hand-written impls of a trait, operations on values of unknown type call a generated
//!   dispatcher that switches on the run-time type key (`TypeKey`) and falls back to the
//!   structural operation.

use super::FnCtx;
use crate::defs::{AdtKind, FnSource, InferState, ModId};
use crate::tir::{self, BinOp, ExprKind, FnId, LocalId};
use crate::typeexpr::TyEnv;
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::Span;

/// Run-time type keys of structs and variants start here (see the VM's `type_key`).
const DATA_KEY_BASE: i64 = 100;

/// An operation that may need a run-time dispatcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum DynOp {
    Eq,
    Lt,
    Display,
    Inspect,
    Hash,
}

impl DynOp {
    fn trait_and_method(self) -> (&'static str, &'static str) {
        match self {
            DynOp::Eq => ("Eq", "eq"),
            DynOp::Lt => ("Ord", "lt"),
            DynOp::Display => ("Display", "to_string"),
            DynOp::Inspect => ("Debug", "inspect"),
            DynOp::Hash => ("Hash", "hash"),
        }
    }
}

fn local(id: LocalId, span: Span) -> tir::Expr {
    tir::Expr::new(ExprKind::Local(id), span)
}

fn s(text: &str, span: Span) -> tir::Expr {
    tir::Expr::new(ExprKind::Str(text.to_string()), span)
}

fn concat(parts: Vec<tir::Expr>, span: Span) -> tir::Expr {
    let mut it = parts.into_iter();
    let mut acc = it.next().unwrap_or_else(|| s("", span));
    for p in it {
        acc = tir::Expr::new(
            ExprKind::Binary {
                op: BinOp::Concat,
                lhs: Box::new(acc),
                rhs: Box::new(p),
            },
            span,
        );
    }
    acc
}

fn call(callee: tir::Callee, args: Vec<tir::Expr>, span: Span) -> tir::Expr {
    tir::Expr::new(ExprKind::Call { callee, args }, span)
}

impl Checker<'_> {
    /// The hand-written impls of `op`'s trait on types with a run-time key: (key, method).
    fn manual_impls(&self, op: DynOp) -> Vec<(i64, FnId)> {
        let (tr, method) = op.trait_and_method();
        self.impls
            .iter()
            .filter(|i| i.trait_name == tr)
            .filter_map(|i| {
                let key = match i.target {
                    crate::defs::ImplTarget::Con(TyCon::Adt(id)) => {
                        DATA_KEY_BASE + self.adts[id.0 as usize].type_id?.0 as i64
                    }
                    _ => return None,
                };
                Some((key, *i.methods.get(method)?))
            })
            .collect()
    }

    /// The dispatcher function for `op`, if the program has hand-written impls of it.
    pub(crate) fn dispatcher(&mut self, op: DynOp) -> Option<FnId> {
        if let Some(f) = self.dispatchers.get(&op) {
            return Some(*f);
        }
        let impls = self.manual_impls(op);
        if impls.is_empty() {
            return None;
        }
        let span = Span::default();
        let arity = if matches!(op, DynOp::Eq | DynOp::Lt) {
            2
        } else {
            1
        };
        let params: Vec<LocalId> = (0..arity).map(LocalId).collect();
        let args: Vec<tir::Expr> = params.iter().map(|p| local(*p, span)).collect();
        let fallback = match op {
            DynOp::Eq => tir::Expr::new(
                ExprKind::Binary {
                    op: BinOp::Eq,
                    lhs: Box::new(args[0].clone()),
                    rhs: Box::new(args[1].clone()),
                },
                span,
            ),
            DynOp::Lt => tir::Expr::new(
                ExprKind::Binary {
                    op: BinOp::Lt,
                    lhs: Box::new(args[0].clone()),
                    rhs: Box::new(args[1].clone()),
                },
                span,
            ),
            DynOp::Display => tir::Expr::new(ExprKind::Display(Box::new(args[0].clone())), span),
            DynOp::Inspect => tir::Expr::new(ExprKind::Inspect(Box::new(args[0].clone())), span),
            DynOp::Hash => call(
                tir::Callee::Native("Kernel.hash".into()),
                vec![args[0].clone()],
                span,
            ),
        };
        let mut arms: Vec<tir::Arm> = impls
            .into_iter()
            .map(|(key, f)| tir::Arm {
                pattern: tir::Pattern::Int(key),
                guard: None,
                body: call(tir::Callee::Fn(f), args.clone(), span),
            })
            .collect();
        arms.push(tir::Arm {
            pattern: tir::Pattern::Wildcard,
            guard: None,
            body: fallback,
        });
        let body = tir::Expr::new(
            ExprKind::Match {
                scrutinee: Box::new(tir::Expr::new(
                    ExprKind::TypeKey(Box::new(args[0].clone())),
                    span,
                )),
                arms,
                fail_message: "dispatch".into(),
            },
            span,
        );
        let name = format!("<dispatch {op:?}>");
        let f = self.generated_fn(ModId(0), &name, params, arity, body);
        self.dispatchers.insert(op, f);
        Some(f)
    }

    /// Registers a finished generated function.
    fn generated_fn(
        &mut self,
        m: ModId,
        name: &str,
        params: Vec<LocalId>,
        num_locals: u32,
        body: tir::Expr,
    ) -> FnId {
        let f = self.new_fn(m, name, Span::default(), false, FnSource::Generated);
        let info = &mut self.fns[f.0 as usize];
        info.qual_name = name.to_string();
        info.params = params;
        info.body = Some(body);
        info.num_locals = num_locals;
        info.state = InferState::Done;
        f
    }

    /// Does the text of a `ty` value involve a hand-written impl somewhere inside?
    fn needs_custom_text(&self, ty: &Ty, debug: bool, seen: &mut Vec<AdtId>) -> bool {
        let op = if debug {
            DynOp::Inspect
        } else {
            DynOp::Display
        };
        match self.tys.shallow(ty) {
            Ty::Var(_) | Ty::Rigid(_) | Ty::Gen(_) => !self.manual_impls(op).is_empty(),
            Ty::Tuple(items) => items.iter().any(|t| self.needs_custom_text(t, debug, seen)),
            Ty::Con(TyCon::Adt(id), args) => {
                if self
                    .find_impl(op.trait_and_method().0, &Ty::adt(id, vec![]))
                    .is_some()
                {
                    return true;
                }
                if seen.contains(&id) {
                    return false;
                }
                seen.push(id);
                let fields: Vec<Ty> = match &self.adts[id.0 as usize].kind {
                    AdtKind::Struct(fs) => fs.iter().map(|f| f.ty.subst_gen(&args)).collect(),
                    AdtKind::Sum(vs) => vs
                        .iter()
                        .flat_map(|v| v.fields.iter().map(|f| f.subst_gen(&args)))
                        .collect(),
                    AdtKind::Opaque => Vec::new(),
                };
                fields
                    .iter()
                    .any(|t| self.needs_custom_text(t, debug, seen))
            }
            Ty::Con(_, args) => args.iter().any(|t| self.needs_custom_text(t, debug, seen)),
            _ => false,
        }
    }

    /// The text (`Display`, or `Debug` when `debug`) of `value : ty`.
    pub(crate) fn text_of(
        &mut self,
        cx: &mut FnCtx,
        value: tir::Expr,
        ty: &Ty,
        span: Span,
        debug: bool,
    ) -> tir::Expr {
        let t = self.tys.shallow(ty);
        if matches!(t, Ty::Con(TyCon::String, _)) {
            return value;
        }
        if !self.needs_custom_text(&t, debug, &mut Vec::new()) {
            return if debug {
                tir::Expr::new(ExprKind::Inspect(Box::new(value)), span)
            } else {
                tir::Expr::new(ExprKind::Display(Box::new(value)), span)
            };
        }
        let op = if debug {
            DynOp::Inspect
        } else {
            DynOp::Display
        };
        let is_set = matches!(t, Ty::Con(TyCon::Set, _));
        match t {
            Ty::Var(_) | Ty::Rigid(_) | Ty::Gen(_) => match self.dispatcher(op) {
                Some(f) => call(tir::Callee::Fn(f), vec![value], span),
                None => tir::Expr::new(ExprKind::Display(Box::new(value)), span),
            },
            Ty::Con(TyCon::List, args) | Ty::Con(TyCon::Set, args) => {
                let (open, close) = if is_set { ("#{", "}") } else { ("[", "]") };
                let elem = args.first().cloned().unwrap_or(Ty::Never);
                let kind = if is_set {
                    tir::ForKind::Set
                } else {
                    tir::ForKind::List
                };
                let x = cx.fresh_local();
                let body = self.text_of(cx, local(x, span), &elem, span, debug);
                let parts = tir::Expr::new(
                    ExprKind::For(Box::new(tir::ForLoop {
                        kind,
                        iterable: value,
                        pattern: tir::Pattern::Bind(x),
                        filter: None,
                        body,
                    })),
                    span,
                );
                let joined = call(
                    tir::Callee::Native("String.join".into()),
                    vec![parts, s(", ", span)],
                    span,
                );
                concat(vec![s(open, span), joined, s(close, span)], span)
            }
            Ty::Con(TyCon::Map, args) => {
                let k = cx.fresh_local();
                let v = cx.fresh_local();
                let kt = args.first().cloned().unwrap_or(Ty::Never);
                let vt = args.get(1).cloned().unwrap_or(Ty::Never);
                let kx = self.text_of(cx, local(k, span), &kt, span, debug);
                let vx = self.text_of(cx, local(v, span), &vt, span, debug);
                let parts = tir::Expr::new(
                    ExprKind::For(Box::new(tir::ForLoop {
                        kind: tir::ForKind::Map,
                        iterable: value,
                        pattern: tir::Pattern::Tuple(vec![
                            tir::Pattern::Bind(k),
                            tir::Pattern::Bind(v),
                        ]),
                        filter: None,
                        body: concat(vec![kx, s(" => ", span), vx], span),
                    })),
                    span,
                );
                let joined = call(
                    tir::Callee::Native("String.join".into()),
                    vec![parts, s(", ", span)],
                    span,
                );
                concat(vec![s("%{", span), joined, s("}", span)], span)
            }
            Ty::Tuple(items) => {
                let ids: Vec<LocalId> = items.iter().map(|_| cx.fresh_local()).collect();
                let mut parts = vec![s("(", span)];
                for (i, (id, it)) in ids.iter().zip(items.iter()).enumerate() {
                    if i > 0 {
                        parts.push(s(", ", span));
                    }
                    parts.push(self.text_of(cx, local(*id, span), it, span, debug));
                }
                parts.push(s(")", span));
                tir::Expr::new(
                    ExprKind::Block {
                        stmts: vec![tir::Stmt::Let {
                            pattern: tir::Pattern::Tuple(
                                ids.iter().map(|i| tir::Pattern::Bind(*i)).collect(),
                            ),
                            value,
                        }],
                        result: Box::new(concat(parts, span)),
                    },
                    span,
                )
            }
            Ty::Con(TyCon::Adt(id), _) => {
                let (tr, method) = op.trait_and_method();
                if let Some(i) = self.find_impl(tr, &Ty::adt(id, vec![])) {
                    if let Some(f) = self.impls[i].methods.get(method).copied() {
                        return call(tir::Callee::Fn(f), vec![value], span);
                    }
                }
                let f = self.adt_text_fn(id, debug);
                call(tir::Callee::Fn(f), vec![value], span)
            }
            _ => tir::Expr::new(ExprKind::Display(Box::new(value)), span),
        }
    }

    /// A generated function printing a struct or sum type whose fields need custom text.
    fn adt_text_fn(&mut self, id: AdtId, debug: bool) -> FnId {
        if let Some(f) = self.text_fns.get(&(id, debug)) {
            return *f;
        }
        let name = format!(
            "{}.<{}>",
            self.adts[id.0 as usize].name,
            if debug { "inspect" } else { "to_string" }
        );
        // Register first so recursive types call the function being built.
        let f = self.new_fn(ModId(0), &name, Span::default(), false, FnSource::Generated);
        self.fns[f.0 as usize].qual_name = name.clone();
        self.text_fns.insert((id, debug), f);
        let span = self.adts[id.0 as usize].span;
        let mut cx = FnCtx::new(ModId(0), f, TyEnv::default());
        let x = cx.fresh_local();
        let adt_name = self.adts[id.0 as usize].name.clone();
        let type_id = self.adts[id.0 as usize].type_id.unwrap_or(tir::TypeId(0));
        let body = match self.adts[id.0 as usize].kind.clone() {
            AdtKind::Struct(fields) => {
                let mut parts = vec![s(&adt_name, span)];
                if debug {
                    parts.push(s(if fields.is_empty() { " {}" } else { " { " }, span));
                } else {
                    parts.push(s("(", span));
                }
                for (i, fd) in fields.iter().enumerate() {
                    if i > 0 {
                        parts.push(s(", ", span));
                    }
                    if debug {
                        parts.push(s(&format!("{}: ", fd.name), span));
                    }
                    let fv = tir::Expr::new(
                        ExprKind::Field {
                            base: Box::new(local(x, span)),
                            index: i as u32,
                        },
                        span,
                    );
                    parts.push(self.text_of(&mut cx, fv, &fd.ty, span, debug));
                }
                if debug {
                    if !fields.is_empty() {
                        parts.push(s(" }", span));
                    }
                } else {
                    parts.push(s(")", span));
                }
                concat(parts, span)
            }
            AdtKind::Sum(variants) => {
                let mut arms = Vec::new();
                for (tag, v) in variants.iter().enumerate() {
                    let ids: Vec<LocalId> = v.fields.iter().map(|_| cx.fresh_local()).collect();
                    let mut parts = vec![s(&v.name, span)];
                    if !ids.is_empty() {
                        parts.push(s("(", span));
                        for (i, (fid, ft)) in ids.iter().zip(v.fields.iter()).enumerate() {
                            if i > 0 {
                                parts.push(s(", ", span));
                            }
                            parts.push(self.text_of(&mut cx, local(*fid, span), ft, span, debug));
                        }
                        parts.push(s(")", span));
                    }
                    arms.push(tir::Arm {
                        pattern: tir::Pattern::Variant {
                            type_id,
                            tag: tag as u32,
                            args: ids.iter().map(|i| tir::Pattern::Bind(*i)).collect(),
                        },
                        guard: None,
                        body: concat(parts, span),
                    });
                }
                tir::Expr::new(
                    ExprKind::Match {
                        scrutinee: Box::new(local(x, span)),
                        arms,
                        fail_message: "unknown variant".into(),
                    },
                    span,
                )
            }
            AdtKind::Opaque => tir::Expr::new(ExprKind::Display(Box::new(local(x, span))), span),
        };
        let info = &mut self.fns[f.0 as usize];
        info.params = vec![x];
        info.body = Some(body);
        info.num_locals = cx.next_local;
        info.state = InferState::Done;
        f
    }

    /// Does `t` (not a concrete type) reach a hand-written impl of `tr` at run time?
    pub(crate) fn dynamic_op(&mut self, t: &Ty, op: DynOp) -> Option<FnId> {
        match self.tys.shallow(t) {
            Ty::Var(_) | Ty::Rigid(_) | Ty::Gen(_) => self.dispatcher(op),
            _ => None,
        }
    }
}
