//! Type inference of function bodies, producing typed IR as it goes.
//!
//! Functions are inferred on demand: a reference to a function whose type is not known yet
//! infers that function first (with its own [`FnCtx`]); a reference to a function whose
//! inference is in progress (recursion, mutual recursion) uses its monomorphic type.
//! Levels on type variables make generalisation correct in both cases.
//!
//! Decisions that depend on a type that may only become known later in the same function
//! (which `+`, which field index, which method, how to print a value) are recorded as
//! [`Pending`] entries with an `ExprKind::Pending` hole in the IR, and settled in
//! [`Checker::finish_fn`] once the function's constraints are solved.

mod calls;
mod expr;
mod ops;
mod patterns;
mod text;

use crate::defs::*;
use crate::exhaustive::MatchCheck;
use crate::tir::{self, ExprKind, FnId, LocalId};
use crate::typeexpr::TyEnv;
use crate::types::{Scheme, Ty, TyVar};
use crate::Checker;
use mesh_syntax::ast;
use mesh_syntax::{Diagnostic, Span};
use std::rc::Rc;

pub(crate) use ops::Pending;
pub(crate) use text::DynOp;

/// A local variable's type: monomorphic, or generalised (`let f = fn …`).
#[derive(Clone, Debug)]
pub(crate) enum LocalTy {
    Mono(Ty),
    Poly(Scheme),
}

/// A binding in scope.
#[derive(Clone, Debug)]
pub(crate) struct LocalVar {
    pub id: LocalId,
    pub ty: LocalTy,
}

/// A function or closure being checked: its return type and loop nesting.
pub(crate) struct Frame {
    pub ret: Ty,
    pub loops: u32,
    /// The message type inside an actor body.
    pub actor_msg: Option<Ty>,
}

/// Per-function inference state.
pub(crate) struct FnCtx {
    pub module: ModId,
    pub fn_id: FnId,
    pub next_local: u32,
    pub scopes: Vec<Vec<(String, LocalVar)>>,
    pub frames: Vec<Frame>,
    pub pending: Vec<Option<Pending>>,
    /// Trait obligations `(type, trait, where)` to check once types are known.
    pub obligations: Vec<(Ty, String, Span)>,
    pub match_checks: Vec<MatchCheck>,
    pub ty_env: TyEnv,
    /// The type of `self` inside impl methods.
    pub self_ty: Option<Ty>,
    /// Errors reported in patterns so far (a match with a bad pattern is not analysed).
    pub pattern_errors: u32,
    /// Closures created so far (they are numbered in traces).
    pub closures: u32,
}

impl FnCtx {
    pub(crate) fn new(module: ModId, fn_id: FnId, ty_env: TyEnv) -> FnCtx {
        FnCtx {
            module,
            fn_id,
            next_local: 0,
            scopes: vec![Vec::new()],
            frames: Vec::new(),
            pending: Vec::new(),
            obligations: Vec::new(),
            match_checks: Vec::new(),
            ty_env,
            self_ty: None,
            pattern_errors: 0,
            closures: 0,
        }
    }

    /// A new local id.
    pub fn fresh_local(&mut self) -> LocalId {
        self.next_local += 1;
        LocalId(self.next_local - 1)
    }

    /// Binds `name` in the innermost scope.
    pub fn bind(&mut self, name: &str, id: LocalId, ty: LocalTy) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name.to_string(), LocalVar { id, ty }));
        }
    }

    /// Looks a local up, innermost first.
    pub fn lookup(&self, name: &str) -> Option<&LocalVar> {
        for scope in self.scopes.iter().rev() {
            for (n, v) in scope.iter().rev() {
                if n == name {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Every local name in scope (for "did you mean").
    pub fn local_names(&self) -> Vec<String> {
        self.scopes
            .iter()
            .flat_map(|s| s.iter().map(|(n, _)| n.clone()))
            .collect()
    }

    /// Records a pending decision and returns the hole standing for it.
    pub fn defer(&mut self, p: Pending, span: Span) -> tir::Expr {
        self.pending.push(Some(p));
        tir::Expr::new(ExprKind::Pending(self.pending.len() as u32 - 1), span)
    }

    /// The innermost function/closure frame.
    pub fn frame(&mut self) -> &mut Frame {
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }
}

/// Levenshtein distance (for "did you mean" suggestions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Checker<'_> {
    /// Makes sure function `f` has been inferred (or is being inferred).
    pub(crate) fn ensure_inferred(&mut self, f: FnId) {
        if self.fns[f.0 as usize].state != InferState::NotStarted {
            return;
        }
        let source = self.fns[f.0 as usize].source.clone();
        match source {
            FnSource::Clauses(clauses) => self.infer_clauses_fn(f, &clauses, None),
            FnSource::ImplMethod {
                impl_index,
                clauses,
            } => self.infer_clauses_fn(f, &clauses, Some(impl_index)),
            FnSource::Extern(native) => self.build_extern_wrapper(f, &native),
            FnSource::Actor(a) => self.infer_actor(f, &a),
            FnSource::Generated => {
                self.fns[f.0 as usize].state = InferState::Done;
            }
            FnSource::Handler { service, index } => self.infer_handler(f, service, index),
            FnSource::ServiceInit { service } => self.infer_service_init(f, service),
            FnSource::Supervisor(s) => self.infer_supervisor(f, &s),
            FnSource::ServiceClient { service, handler } => {
                self.infer_service_client(f, service, handler)
            }
        }
    }

    /// The type of a reference to function `f` at a use site (instantiated).
    pub(crate) fn fn_use_type(&mut self, cx: &mut FnCtx, f: FnId, span: Span) -> Ty {
        if self.fns[f.0 as usize].scheme.is_none() {
            match self.fns[f.0 as usize].state {
                InferState::InProgress => {
                    if let Some(m) = self.fns[f.0 as usize].mono.clone() {
                        return m;
                    }
                }
                InferState::NotStarted => self.ensure_inferred(f),
                InferState::Done => {}
            }
        }
        match self.fns[f.0 as usize].scheme.clone() {
            Some(s) => self.instantiate(cx, &s, span),
            None => self.fns[f.0 as usize]
                .mono
                .clone()
                .unwrap_or_else(|| self.tys.fresh()),
        }
    }

    /// Instantiates a scheme, recording its trait bounds as obligations.
    pub(crate) fn instantiate(&mut self, cx: &mut FnCtx, s: &Scheme, span: Span) -> Ty {
        let (ty, fresh) = self.tys.instantiate(s);
        for (i, t) in &s.bounds {
            if let Some(v) = fresh.get(*i as usize) {
                cx.obligations.push((v.clone(), t.clone(), span));
            }
        }
        ty
    }

    /// Unifies, reporting E0001 (or E0002/E0003) at `span` on failure.
    pub(crate) fn unify_at(&mut self, expected: &Ty, found: &Ty, span: Span) -> bool {
        self.unify_msg(expected, found, span, None)
    }

    /// Unifies with an optional explanation of where `expected` came from.
    pub(crate) fn unify_msg(
        &mut self,
        expected: &Ty,
        found: &Ty,
        span: Span,
        origin: Option<&str>,
    ) -> bool {
        match self.tys.unify(expected, found) {
            Ok(()) => true,
            Err(e) => {
                let d = self.mismatch_diag(expected, found, span, origin, e);
                self.error(d);
                false
            }
        }
    }

    fn mismatch_diag(
        &self,
        expected: &Ty,
        found: &Ty,
        span: Span,
        origin: Option<&str>,
        e: crate::types::UnifyError,
    ) -> Diagnostic {
        use crate::types::UnifyError;
        match e {
            UnifyError::Infinite(v, t) => {
                Diagnostic::error("E0002", self.infinite_type_message(v, &t), span)
            }
            UnifyError::Arity(a, b) => Diagnostic::error(
                "E0003",
                format!("expected a function of {a} argument(s), found one of {b}"),
                span,
            ),
            UnifyError::Mismatch => {
                let exp = self.show(expected);
                let fnd = self.show(found);
                let mut d =
                    Diagnostic::error("E0001", format!("expected {exp}, found {fnd}"), span)
                        .with_label(match origin {
                            Some(o) => format!("expected {exp} {o}"),
                            None => format!("this is {fnd}"),
                        });
                if let Some(h) = mismatch_hint(&exp, &fnd) {
                    d = d.with_help(h);
                }
                d
            }
        }
    }

    fn infer_clauses_fn(&mut self, f: FnId, clauses: &[Rc<ast::FnDef>], impl_index: Option<usize>) {
        let m = self.fns[f.0 as usize].module;
        self.fns[f.0 as usize].state = InferState::InProgress;
        self.tys.level += 1;
        let mut env = self.fn_ty_env(f);
        let self_ty = impl_index.map(|i| {
            let t = self.impls[i].target_ty.clone();
            self.refresh_adt_args(&t)
        });
        env.self_ty = self_ty.clone();
        if let Some(i) = impl_index {
            let mut assoc: Vec<(String, Ty)> = self.impls[i]
                .assoc
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            assoc.sort_by(|a, b| a.0.cmp(&b.0));
            env.assoc = assoc;
        }
        let first = clauses[0].clone();
        let arity = first.params.len();
        let mut param_tys = Vec::with_capacity(arity);
        for i in 0..arity {
            let ann = clauses
                .iter()
                .find_map(|c| c.params.get(i).and_then(|p| p.ty.clone()));
            let is_self = matches!(&first.params[i].pattern.kind, ast::PatternKind::Bind(id) if id.name == "self");
            let t = match (ann, &self_ty) {
                (Some(te), _) => self.resolve_type(m, &te, &env),
                (None, Some(st)) if is_self => st.clone(),
                _ => self.tys.fresh(),
            };
            param_tys.push(t);
        }
        let ret = match &first.ret {
            Some(te) => self.resolve_type(m, te, &env),
            None => self.tys.fresh(),
        };
        self.fns[f.0 as usize].mono = Some(Ty::Fun(param_tys.clone(), Box::new(ret.clone())));
        let mut cx = FnCtx::new(m, f, env);
        cx.self_ty = self_ty;
        cx.frames.push(Frame {
            ret: ret.clone(),
            loops: 0,
            actor_msg: None,
        });
        let name = self.fns[f.0 as usize].name.clone();
        let (params, body) = self.lower_clauses(&mut cx, &name, clauses, &param_tys, &ret, true);
        self.finish_fn(&mut cx);
        let mono = self.fns[f.0 as usize].mono.clone().unwrap_or(Ty::Never);
        let body = self.patch(&mut cx, body);
        self.complete_fn(f, &mut cx, mono, params, body);
    }

    /// Applies an ADT type to fresh variables (for generic impl targets).
    fn refresh_adt_args(&mut self, t: &Ty) -> Ty {
        match t {
            Ty::Con(c, args) => {
                let fresh = args.iter().map(|_| self.tys.fresh()).collect();
                Ty::Con(*c, fresh)
            }
            other => other.clone(),
        }
    }

    /// Lowers the clauses of a function (or of a closure) to parameters and a body.
    /// `top` is true for named functions (exhaustiveness is a warning, catch-all order
    /// is checked).
    pub(crate) fn lower_clauses(
        &mut self,
        cx: &mut FnCtx,
        name: &str,
        clauses: &[Rc<ast::FnDef>],
        param_tys: &[Ty],
        ret: &Ty,
        top: bool,
    ) -> (Vec<LocalId>, tir::Expr) {
        let arity = param_tys.len();
        let first = &clauses[0];
        let simple = clauses.len() == 1
            && first.guard.is_none()
            && first
                .params
                .iter()
                .all(|p| self.is_simple_param(cx, &p.pattern));
        if simple {
            cx.scopes.push(Vec::new());
            let mut params = Vec::new();
            for (p, t) in first.params.iter().zip(param_tys) {
                let id = cx.fresh_local();
                if let ast::PatternKind::Bind(n) = &p.pattern.kind {
                    cx.bind(&n.name, id, LocalTy::Mono(t.clone()));
                }
                params.push(id);
            }
            let body = self.fn_body_block(cx, first, ret);
            cx.scopes.pop();
            return (params, body);
        }
        let params: Vec<LocalId> = (0..arity).map(|_| cx.fresh_local()).collect();
        let span = first.span;
        let mut arms = Vec::new();
        let mut clause_pats = Vec::new();
        let errors_before = cx.pattern_errors;
        for (ci, clause) in clauses.iter().enumerate() {
            cx.scopes.push(Vec::new());
            let mut pats = Vec::new();
            for (p, t) in clause.params.iter().zip(param_tys) {
                let pat = self.check_pattern(cx, &p.pattern, t, true);
                if let Some(te) = &p.ty {
                    let env = cx.ty_env.clone();
                    let ann = self.resolve_type(cx.module, te, &env);
                    self.unify_msg(&ann, t, p.span, Some("from annotation"));
                }
                pats.push(pat);
            }
            let guard = clause.guard.as_ref().map(|g| {
                let (e, t) = self.infer_expr(cx, g, Some(&Ty::BOOL));
                if self.tys.unify(&t, &Ty::BOOL).is_err() {
                    let shown = self.show(&t);
                    self.error(Diagnostic::error(
                        "E0025",
                        format!("guard expression must return `Bool`, found `{shown}`"),
                        g.span,
                    ));
                }
                e
            });
            let body = self.fn_body_block(cx, clause, ret);
            cx.scopes.pop();
            let catch_all = clause.guard.is_none()
                && clause
                    .params
                    .iter()
                    .all(|p| self.is_simple_param(cx, &p.pattern));
            if top && catch_all && ci + 1 < clauses.len() {
                self.error(Diagnostic::error(
                    "E0022",
                    format!(
                        "catch-all clause must be the last clause of function `{name}/{arity}`; clauses after a catch-all are unreachable"
                    ),
                    clause.name.span,
                ));
            }
            let pattern = if arity == 1 {
                pats.pop().unwrap_or(tir::Pattern::Wildcard)
            } else {
                tir::Pattern::Tuple(pats)
            };
            clause_pats.push((pattern.clone(), guard.is_some(), clause.span));
            arms.push(tir::Arm {
                pattern,
                guard,
                body,
            });
        }
        let scrut_ty = if arity == 1 {
            param_tys[0].clone()
        } else {
            Ty::Tuple(param_tys.to_vec())
        };
        // Multi-clause closures are not checked for exhaustiveness (as in the reference).
        if top {
            cx.match_checks.push(MatchCheck {
                ty: scrut_ty,
                arms: clause_pats,
                span,
                is_error: false,
                what: format!("function `{name}/{arity}`"),
                poisoned: cx.pattern_errors != errors_before,
            });
        }
        let scrutinee = if arity == 1 {
            tir::Expr::new(ExprKind::Local(params[0]), span)
        } else {
            tir::Expr::new(
                ExprKind::Tuple(
                    params
                        .iter()
                        .map(|p| tir::Expr::new(ExprKind::Local(*p), span))
                        .collect(),
                ),
                span,
            )
        };
        let body = tir::Expr::new(
            ExprKind::Match {
                scrutinee: Box::new(scrutinee),
                arms,
                fail_message: format!("no clause of `{name}/{arity}` matches the arguments"),
            },
            span,
        );
        (params, body)
    }

    fn fn_body_block(&mut self, cx: &mut FnCtx, def: &ast::FnDef, ret: &Ty) -> tir::Expr {
        match &def.body {
            ast::FnBody::Block { block, .. } => {
                let (e, t) = self.infer_block(cx, block, Some(ret));
                let span = block.stmts.last().map(|s| s.span).unwrap_or(block.span);
                self.unify_msg(ret, &t, span, Some("as the function's result"));
                e
            }
            ast::FnBody::Extern => tir::Expr::unit(def.span),
        }
    }

    /// Binds single-clause parameters (actors, handlers): a plain name binds the argument's
    /// local; any other pattern destructures it in a `let` at the start of the body.
    pub(crate) fn bind_params(
        &mut self,
        cx: &mut FnCtx,
        params: &[ast::Param],
        tys: &[Ty],
    ) -> (Vec<LocalId>, Vec<tir::Stmt>) {
        let mut ids = Vec::new();
        let mut pre = Vec::new();
        for (p, t) in params.iter().zip(tys) {
            let id = cx.fresh_local();
            ids.push(id);
            if self.is_simple_param(cx, &p.pattern) {
                if let ast::PatternKind::Bind(n) = &p.pattern.kind {
                    cx.bind(&n.name, id, LocalTy::Mono(t.clone()));
                }
            } else {
                let pat = self.check_pattern(cx, &p.pattern, t, true);
                pre.push(tir::Stmt::Let {
                    pattern: pat,
                    value: tir::Expr::new(ExprKind::Local(id), p.span),
                });
            }
        }
        (ids, pre)
    }

    /// A parameter pattern that just names (or ignores) the argument.
    pub(crate) fn is_simple_param(&self, cx: &FnCtx, p: &ast::Pattern) -> bool {
        match &p.kind {
            ast::PatternKind::Wildcard => true,
            ast::PatternKind::Bind(n) => n.name == "self" || !self.is_nullary_ctor(cx, &n.name),
            _ => false,
        }
    }

    /// Settles everything that waited for types, then checks obligations and matches.
    pub(crate) fn finish_fn(&mut self, cx: &mut FnCtx) {
        self.retry_constraints(cx);
        self.default_numeric(cx);
        self.retry_constraints(cx);
        self.report_unresolved(cx);
        self.check_obligations(cx);
        let checks = std::mem::take(&mut cx.match_checks);
        for mc in checks {
            self.check_match(&mc);
        }
    }

    fn check_obligations(&mut self, cx: &mut FnCtx) {
        let obligations = std::mem::take(&mut cx.obligations);
        for (ty, tr, span) in obligations {
            match self.implements(&ty, &tr) {
                crate::traits::Implemented::No => {
                    let shown = self.show(&ty);
                    let mut d = Diagnostic::error(
                        "E0006",
                        format!("{shown} does not implement {tr}"),
                        span,
                    );
                    if matches!(self.tys.shallow(&ty), Ty::Rigid(_)) {
                        d = d.with_help(format!("add a bound: `where {shown}: {tr}`"));
                    }
                    self.error(d);
                }
                crate::traits::Implemented::Unknown => {
                    // Stays generic: recorded as a bound if the variable is generalised.
                    cx.obligations.push((ty, tr, span));
                }
                _ => {}
            }
        }
    }

    /// Generalises and stores a finished function.
    pub(crate) fn complete_fn(
        &mut self,
        f: FnId,
        cx: &mut FnCtx,
        mono: Ty,
        params: Vec<LocalId>,
        body: tir::Expr,
    ) {
        let scheme = self.generalize_fn(f, cx, &mono);
        self.tys.level -= 1;
        let info = &mut self.fns[f.0 as usize];
        if info.scheme.is_none() {
            info.scheme = Some(scheme);
        }
        info.params = params;
        info.body = Some(body);
        info.num_locals = cx.next_local;
        info.state = InferState::Done;
    }

    fn generalize_fn(&mut self, f: FnId, cx: &FnCtx, mono: &Ty) -> Scheme {
        let generics = self.fns[f.0 as usize].generics.clone();
        let level = self.tys.level.saturating_sub(1);
        let mut free: Vec<TyVar> = Vec::new();
        self.tys.free_above(mono, level, &mut free);
        let base = generics.len() as u32;
        let mut bounds = Vec::new();
        for (i, (_, k)) in generics.iter().enumerate() {
            for b in &self.rigids[*k as usize].bounds {
                bounds.push((i as u32, b.clone()));
            }
        }
        for (ty, tr, _) in &cx.obligations {
            if let Ty::Var(v) = self.tys.shallow(ty) {
                if let Some(j) = free.iter().position(|x| *x == v) {
                    let b = (base + j as u32, tr.clone());
                    if !bounds.contains(&b) {
                        bounds.push(b);
                    }
                }
            }
        }
        let resolved = self.tys.resolve(mono);
        let map = |k: u32| {
            generics
                .iter()
                .position(|(_, r)| *r == k)
                .map(|i| Ty::Gen(i as u32))
        };
        let with_gens = resolved.subst_rigid(&map);
        let sub = free_to_gen(&with_gens, &free, base);
        Scheme {
            vars: base + free.len() as u32,
            bounds,
            ty: sub,
        }
    }

    /// Generalises a let-bound closure's type over variables created inside it.
    pub(crate) fn generalize_local(&mut self, cx: &FnCtx, ty: &Ty) -> LocalTy {
        let level = self.tys.level;
        let mut free: Vec<TyVar> = Vec::new();
        self.tys.free_above(ty, level, &mut free);
        if free.is_empty() {
            return LocalTy::Mono(ty.clone());
        }
        let resolved = self.tys.resolve(ty);
        let mut bounds = Vec::new();
        for (oty, tr, _) in &cx.obligations {
            if let Ty::Var(v) = self.tys.shallow(oty) {
                if let Some(j) = free.iter().position(|x| *x == v) {
                    bounds.push((j as u32, tr.clone()));
                }
            }
        }
        LocalTy::Poly(Scheme {
            vars: free.len() as u32,
            bounds,
            ty: free_to_gen(&resolved, &free, 0),
        })
    }

    fn build_extern_wrapper(&mut self, f: FnId, native: &str) {
        let span = self.fns[f.0 as usize].span;
        let arity = match self.fns[f.0 as usize].scheme.as_ref().map(|s| &s.ty) {
            Some(Ty::Fun(p, _)) => p.len(),
            _ => 0,
        };
        let params: Vec<LocalId> = (0..arity as u32).map(LocalId).collect();
        let body = tir::Expr::new(
            ExprKind::Call {
                callee: tir::Callee::Native(native.to_string()),
                args: params
                    .iter()
                    .map(|p| tir::Expr::new(ExprKind::Local(*p), span))
                    .collect(),
            },
            span,
        );
        let info = &mut self.fns[f.0 as usize];
        info.params = params;
        info.body = Some(body);
        info.num_locals = arity as u32;
        info.state = InferState::Done;
    }

    fn infer_actor(&mut self, f: FnId, a: &ast::ActorDef) {
        let m = self.fns[f.0 as usize].module;
        self.fns[f.0 as usize].state = InferState::InProgress;
        self.tys.level += 1;
        let env = TyEnv {
            allow_fresh: true,
            ..TyEnv::default()
        };
        let param_tys: Vec<Ty> = a
            .params
            .iter()
            .map(|p| match &p.ty {
                Some(te) => self.resolve_type(m, te, &env),
                None => self.tys.fresh(),
            })
            .collect();
        let msg = self.tys.fresh();
        let own = Ty::Fun(param_tys.clone(), Box::new(Ty::pid(msg.clone())));
        self.fns[f.0 as usize].mono = Some(own.clone());
        self.fns[f.0 as usize].actor_msg = Some(msg.clone());
        let mut cx = FnCtx::new(m, f, env);
        let body_ty = self.tys.fresh();
        cx.frames.push(Frame {
            ret: body_ty.clone(),
            loops: 0,
            actor_msg: Some(msg.clone()),
        });
        cx.scopes.push(Vec::new());
        let (params, pre) = self.bind_params(&mut cx, &a.params, &param_tys);
        let (body, bt) = self.infer_block(&mut cx, &a.body, None);
        self.unify_at(&body_ty, &bt, a.body.span);
        // `terminate do … end` runs when the actor's process ends. The body registers it
        // (as a closure over the current arguments) before running, so the self tail call
        // that loops the actor stays a tail call and the handler sees the latest state.
        let body = match &a.terminate {
            Some(t) => {
                let (tb, _) = self.infer_block(&mut cx, t, None);
                cx.closures += 1;
                let handler = tir::Expr::new(
                    ExprKind::Lambda {
                        name: format!("{}.<terminate>", self.fns[f.0 as usize].qual_name),
                        params: vec![],
                        self_local: None,
                        body: Box::new(tb),
                    },
                    t.span,
                );
                tir::Expr::new(
                    ExprKind::Block {
                        stmts: vec![tir::Stmt::Expr(self.native_call(
                            "Process.on_exit",
                            vec![handler],
                            t.span,
                        ))],
                        result: Box::new(body),
                    },
                    a.span,
                )
            }
            None => body,
        };
        cx.scopes.pop();
        let body = tir::Expr::after(pre, body, a.span);
        self.finish_fn(&mut cx);
        let body = self.patch(&mut cx, body);
        self.complete_fn(f, &mut cx, own, params, body);
        let msg = self.tys.resolve(&msg);
        self.fns[f.0 as usize].actor_msg = Some(msg);
    }
}

/// Replaces the variables `free` by `Gen(base + i)`.
fn free_to_gen(ty: &Ty, free: &[TyVar], base: u32) -> Ty {
    match ty {
        Ty::Var(v) => match free.iter().position(|x| x == v) {
            Some(i) => Ty::Gen(base + i as u32),
            None => ty.clone(),
        },
        Ty::Con(c, a) => Ty::Con(*c, a.iter().map(|t| free_to_gen(t, free, base)).collect()),
        Ty::Tuple(a) => Ty::Tuple(a.iter().map(|t| free_to_gen(t, free, base)).collect()),
        Ty::Fun(p, r) => Ty::Fun(
            p.iter().map(|t| free_to_gen(t, free, base)).collect(),
            Box::new(free_to_gen(r, free, base)),
        ),
        other => other.clone(),
    }
}

/// Suggestions for common mismatches.
fn mismatch_hint(expected: &str, found: &str) -> Option<String> {
    if expected.starts_with("Option<") && !found.starts_with("Option<") {
        return Some("wrap the value in Some(...)".into());
    }
    if expected.starts_with("Result<") && !found.starts_with("Result<") {
        return Some("wrap the value in Ok(...)".into());
    }
    if expected == "String" && matches!(found, "Int" | "Float" | "Bool") {
        return Some("convert it with String.from(...) or interpolate it: \"${...}\"".into());
    }
    if expected == "Float" && found == "Int" {
        return Some("convert it with Int.to_float(...)".into());
    }
    if expected == "Int" && found == "Float" {
        return Some("convert it with Float.to_int(...)".into());
    }
    None
}
