//! Names, qualified names (`Mod.f`, `Svc.call`, `Type.Variant`, `Type.__table__`), calls,
//! pipes, field access and method calls (language.md §7.2–§7.6, §11.5).

use super::ops::{MethodRes, Pending};
use super::{FnCtx, LocalTy};
use crate::defs::{AdtKind, ConstValue, ModId, ValueDef};
use crate::tir::{self, ExprKind, FnId};
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast;
use mesh_syntax::{Diagnostic, Span};

/// What the callee of a call resolved to.
pub(crate) enum Target {
    Fn(FnId),
    Ctor(AdtId, u32),
    /// Any function value (closure, local, field holding a function).
    Value(tir::Expr, Ty),
    /// A static metadata/derived function of a type (`User.__table__`, `User.from_json`).
    Static(AdtId, String),
    /// `recv.name(...)` on a value.
    Method(tir::Expr, Ty, ast::Ident),
    Const(ConstValue),
    /// Resolution failed (already reported).
    Error,
}

impl Checker<'_> {
    /// A value name visible in the current module (own, imported, prelude).
    pub(crate) fn resolve_global_value(&self, cx: &FnCtx, name: &str) -> Option<ValueDef> {
        let module = &self.modules[cx.module.0 as usize];
        if let Some((v, _)) = module.values.get(name) {
            return Some(v.clone());
        }
        if let Some(v) = module.imported_values.get(name) {
            return Some(v.clone());
        }
        if let Some(p) = self.prelude {
            if let Some((v, true)) = self.modules[p.0 as usize].values.get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// True if `name` is a nullary constructor in scope (so a pattern `name` matches it).
    pub(crate) fn is_nullary_ctor(&self, cx: &FnCtx, name: &str) -> bool {
        if cx.lookup(name).is_some() {
            return false;
        }
        match self.resolve_ctor(cx, name) {
            Some((adt, tag)) => self.variant_arity(adt, tag) == 0,
            None => false,
        }
    }

    /// A constructor name in scope (including the built-in ones).
    pub(crate) fn resolve_ctor(&self, cx: &FnCtx, name: &str) -> Option<(AdtId, u32)> {
        match name {
            "Some" => return Some((AdtId::OPTION, 0)),
            "None" => return Some((AdtId::OPTION, 1)),
            "Ok" => return Some((AdtId::RESULT, 0)),
            "Err" => return Some((AdtId::RESULT, 1)),
            "Less" => return Some((AdtId::ORDERING, 0)),
            "Equal" => return Some((AdtId::ORDERING, 1)),
            "Greater" => return Some((AdtId::ORDERING, 2)),
            _ => {}
        }
        match self.resolve_global_value(cx, name) {
            Some(ValueDef::Ctor(a, t)) => Some((a, t)),
            _ => None,
        }
    }

    pub(crate) fn variant_arity(&self, adt: AdtId, tag: u32) -> usize {
        match &self.adts[adt.0 as usize].kind {
            AdtKind::Sum(vs) => vs.get(tag as usize).map(|v| v.fields.len()).unwrap_or(0),
            _ => 0,
        }
    }

    fn type_id_of(&self, adt: AdtId) -> tir::TypeId {
        self.adts[adt.0 as usize].type_id.unwrap_or(tir::TypeId(0))
    }

    /// The type of constructor `tag` of `adt`: its field types and result type.
    pub(crate) fn ctor_type(&mut self, adt: AdtId, tag: u32) -> (Vec<Ty>, Ty) {
        let n = self.adts[adt.0 as usize].generics.len();
        let args: Vec<Ty> = (0..n).map(|_| self.tys.fresh()).collect();
        let fields = match &self.adts[adt.0 as usize].kind {
            AdtKind::Sum(vs) => vs
                .get(tag as usize)
                .map(|v| v.fields.iter().map(|f| f.subst_gen(&args)).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        (fields, Ty::adt(adt, args))
    }

    /// A bare name in expression position.
    pub(crate) fn infer_name(
        &mut self,
        cx: &mut FnCtx,
        id: &ast::Ident,
        span: Span,
    ) -> (tir::Expr, Ty) {
        if let Some(v) = cx.lookup(&id.name).cloned() {
            let ty = match v.ty {
                LocalTy::Mono(t) => t,
                LocalTy::Poly(s) => self.instantiate(cx, &s, span),
            };
            return (tir::Expr::new(ExprKind::Local(v.id), span), ty);
        }
        if let Some((adt, tag)) = self.resolve_ctor(cx, &id.name) {
            return self.ctor_value(adt, tag, span);
        }
        match self.resolve_global_value(cx, &id.name) {
            Some(ValueDef::Fn(f)) => {
                let ty = self.fn_use_type(cx, f, span);
                (tir::Expr::new(ExprKind::FnRef(f), span), ty)
            }
            Some(ValueDef::Const(c)) => const_expr(&c, span),
            Some(ValueDef::Ctor(adt, tag)) => self.ctor_value(adt, tag, span),
            None => {
                self.unknown_name(cx, id);
                (tir::Expr::unit(span), self.tys.fresh())
            }
        }
    }

    fn unknown_name(&mut self, cx: &FnCtx, id: &ast::Ident) {
        let module = &self.modules[cx.module.0 as usize];
        let is_type = self.lookup_type_name(cx.module, &id.name).is_some();
        let is_service = module.services.contains_key(&id.name)
            || module.imported_services.contains_key(&id.name);
        let is_module = module.imported_modules.contains_key(&id.name)
            || self.std_modules.contains_key(&id.name);
        if is_type || is_service || is_module {
            let what = if is_service {
                "a service"
            } else if is_module {
                "a module"
            } else {
                "a type"
            };
            self.error(
                Diagnostic::error(
                    "E0004",
                    format!("`{}` is {what}, not a value", id.name),
                    id.span,
                )
                .with_help(format!(
                    "call one of its functions: `{}.name(...)`",
                    id.name
                )),
            );
            return;
        }
        let mut candidates = cx.local_names();
        candidates.extend(module.values.keys().cloned());
        candidates.extend(module.imported_values.keys().cloned());
        if let Some(p) = self.prelude {
            candidates.extend(self.modules[p.0 as usize].values.keys().cloned());
        }
        let mut d = Diagnostic::error("E0004", format!("undefined variable: {}", id.name), id.span)
            .with_label("not found in this scope");
        if let Some(best) = super::expr::closest(&id.name, candidates.iter().map(|s| s.as_str())) {
            d = d.with_help(format!("did you mean `{best}`?"));
        }
        self.error(d);
    }

    /// A constructor used as a value: nullary → the value; otherwise a function.
    fn ctor_value(&mut self, adt: AdtId, tag: u32, span: Span) -> (tir::Expr, Ty) {
        let (fields, result) = self.ctor_type(adt, tag);
        let type_id = self.type_id_of(adt);
        if fields.is_empty() {
            return (
                tir::Expr::new(
                    ExprKind::MakeVariant {
                        type_id,
                        tag,
                        args: vec![],
                    },
                    span,
                ),
                result,
            );
        }
        // A constructor as a function value: `fn(a, b) -> Variant(a, b)`.
        let name = format!(
            "{}.{}",
            self.adts[adt.0 as usize].name,
            self.variant_name(adt, tag)
        );
        let lam = self.ctor_wrapper(adt, tag, &name, span);
        (lam, Ty::Fun(fields, Box::new(result)))
    }

    fn variant_name(&self, adt: AdtId, tag: u32) -> String {
        match &self.adts[adt.0 as usize].kind {
            AdtKind::Sum(vs) => vs
                .get(tag as usize)
                .map(|v| v.name.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// A generated top-level function `(fields…) -> Variant(fields…)`, as a value.
    fn ctor_wrapper(&mut self, adt: AdtId, tag: u32, name: &str, span: Span) -> tir::Expr {
        let arity = self.variant_arity(adt, tag);
        let type_id = self.type_id_of(adt);
        let m = self.adts[adt.0 as usize].module;
        let m = if m.0 == u32::MAX { ModId(0) } else { m };
        let f = self.new_fn(m, name, span, false, crate::defs::FnSource::Generated);
        let params: Vec<tir::LocalId> = (0..arity as u32).map(tir::LocalId).collect();
        let body = tir::Expr::new(
            ExprKind::MakeVariant {
                type_id,
                tag,
                args: params
                    .iter()
                    .map(|p| tir::Expr::new(ExprKind::Local(*p), span))
                    .collect(),
            },
            span,
        );
        let info = &mut self.fns[f.0 as usize];
        info.qual_name = name.to_string();
        info.params = params;
        info.body = Some(body);
        info.num_locals = arity as u32;
        info.state = crate::defs::InferState::Done;
        tir::Expr::new(ExprKind::FnRef(f), span)
    }

    /// `base.name` not in call position.
    pub(crate) fn infer_field_expr(
        &mut self,
        cx: &mut FnCtx,
        base: &ast::Expr,
        name: &ast::Ident,
        span: Span,
    ) -> (tir::Expr, Ty) {
        match self.resolve_dotted(cx, base, name, span) {
            Target::Fn(f) => {
                let ty = self.fn_use_type(cx, f, span);
                (tir::Expr::new(ExprKind::FnRef(f), span), ty)
            }
            Target::Ctor(adt, tag) => self.ctor_value(adt, tag, span),
            Target::Const(c) => const_expr(&c, span),
            Target::Static(adt, fname) => {
                // A static function used as a value: call it through a closure.
                let (e, t) = self.static_value(cx, adt, &fname, span);
                (e, t)
            }
            Target::Value(e, t) => (e, t),
            Target::Method(recv, rt, field) => self.field_access(cx, recv, rt, &field, span),
            Target::Error => (tir::Expr::unit(span), self.tys.fresh()),
        }
    }

    /// Field access on a value (immediately if the type is known, else pending).
    fn field_access(
        &mut self,
        cx: &mut FnCtx,
        recv: tir::Expr,
        rt: Ty,
        field: &ast::Ident,
        span: Span,
    ) -> (tir::Expr, Ty) {
        self.retry_constraints(cx);
        let result = self.tys.fresh();
        let p = Pending::Field {
            base: recv,
            base_ty: rt,
            name: field.name.clone(),
            result: result.clone(),
            span,
            name_span: field.span,
            index: None,
        };
        let hole = cx.defer(p, span);
        self.retry_constraints(cx);
        (hole, result)
    }

    /// Resolves `base.name`: module member, service function, variant, static type
    /// function — or, if `base` is a value, a field/method on it.
    pub(crate) fn resolve_dotted(
        &mut self,
        cx: &mut FnCtx,
        base: &ast::Expr,
        name: &ast::Ident,
        span: Span,
    ) -> Target {
        if let ast::ExprKind::Name(b) = &base.kind {
            if cx.lookup(&b.name).is_none() {
                if let Some(t) = self.resolve_qualified(cx, b, name) {
                    return t;
                }
            }
        }
        let (recv, rt) = self.infer_expr(cx, base, None);
        let _ = span;
        Target::Method(recv, rt, name.clone())
    }

    /// `X.y` where `X` is a module, service or type name. `None` if `X` is none of those.
    fn resolve_qualified(
        &mut self,
        cx: &mut FnCtx,
        x: &ast::Ident,
        y: &ast::Ident,
    ) -> Option<Target> {
        let module = &self.modules[cx.module.0 as usize];
        let candidates: Vec<ModId> = module
            .imported_modules
            .get(&x.name)
            .map(|l| {
                l.iter()
                    .copied()
                    .filter(|m| !self.modules[m.0 as usize].is_std)
                    .collect()
            })
            .unwrap_or_default();
        // With several modules of that name, the one that exports `y`.
        let exporting: Vec<ModId> = candidates
            .iter()
            .copied()
            .filter(|c| {
                self.modules[c.0 as usize]
                    .values
                    .get(&y.name)
                    .map(|v| v.1)
                    .unwrap_or(false)
            })
            .collect();
        if exporting.len() > 1 {
            let names: Vec<String> = exporting
                .iter()
                .map(|c| self.modules[c.0 as usize].name.clone())
                .collect();
            self.error(
                Diagnostic::error(
                    "E0027",
                    format!(
                        "`{}.{}` is ambiguous: both {} export `{}`",
                        x.name,
                        y.name,
                        names.join(" and "),
                        y.name
                    ),
                    y.span,
                )
                .with_help("import the function by name with `from Module import name` instead"),
            );
            return Some(Target::Error);
        }
        let user_mod = exporting
            .first()
            .copied()
            .or_else(|| candidates.first().copied());
        let std_mod = self.std_modules.get(&x.name).copied();
        // 1. An imported user module's export.
        if let Some(um) = user_mod {
            if let Some((v, is_pub)) = self.modules[um.0 as usize].values.get(&y.name).cloned() {
                if is_pub {
                    return Some(value_target(v));
                }
                if std_mod.is_none() {
                    let mname = self.modules[um.0 as usize].name.clone();
                    self.error(Diagnostic::error(
                        "E0035",
                        format!(
                            "`{}` is private in module `{mname}`; add `pub` to make it accessible",
                            y.name
                        ),
                        y.span,
                    ));
                    return Some(Target::Error);
                }
            }
            if let Some(&s) = self.modules[um.0 as usize].services.get(&y.name) {
                let _ = s;
            }
        }
        // 2. A standard-library module's function.
        if let Some(sm) = std_mod {
            if let Some((v, true)) = self.modules[sm.0 as usize].values.get(&y.name).cloned() {
                return Some(value_target(v));
            }
            if user_mod.is_none() && self.service_named(cx.module, &x.name).is_none() {
                let names: Vec<String> = self.modules[sm.0 as usize]
                    .values
                    .iter()
                    .filter(|(_, (_, p))| *p)
                    .map(|(n, _)| n.clone())
                    .collect();
                let mut d = Diagnostic::error(
                    "E0004",
                    format!("`{}` is not a function of the {} module", y.name, x.name),
                    y.span,
                );
                if let Some(best) = super::expr::closest(&y.name, names.iter().map(|s| s.as_str()))
                {
                    d = d.with_help(format!("did you mean `{}.{best}`?", x.name));
                }
                self.error(d);
                return Some(Target::Error);
            }
        }
        if let Some(um) = user_mod {
            if self.service_named(cx.module, &x.name).is_none()
                && self.lookup_type_name(cx.module, &x.name).is_none()
            {
                let mname = self.modules[um.0 as usize].name.clone();
                self.error(Diagnostic::error(
                    "E0034",
                    format!("`{}` is not exported by module `{mname}`", y.name),
                    y.span,
                ));
                return Some(Target::Error);
            }
        }
        // 3. A service's generated functions.
        if let Some(s) = self.service_named(cx.module, &x.name) {
            let svc = &self.services[s];
            if y.name == "start" {
                return Some(Target::Fn(svc.start_fn));
            }
            if let Some((_, client, _)) = svc.handlers.iter().find(|(n, _, _)| *n == y.name) {
                return Some(Target::Fn(*client));
            }
            let names: Vec<String> = std::iter::once("start".to_string())
                .chain(svc.handlers.iter().map(|(n, _, _)| n.clone()))
                .collect();
            self.error(
                Diagnostic::error(
                    "E0004",
                    format!("service `{}` has no function `{}`", x.name, y.name),
                    y.span,
                )
                .with_help(format!("available: {}", names.join(", "))),
            );
            return Some(Target::Error);
        }
        // 4./5. A type: variant constructor or static function.
        let adt = match x.name.as_str() {
            "Option" => Some(AdtId::OPTION),
            "Result" => Some(AdtId::RESULT),
            "Ordering" => Some(AdtId::ORDERING),
            _ => match self.lookup_type_name(cx.module, &x.name) {
                Some(crate::defs::TypeName::Adt(id)) => Some(id),
                _ => None,
            },
        };
        if let Some(adt) = adt {
            if let AdtKind::Sum(vs) = &self.adts[adt.0 as usize].kind {
                if let Some(tag) = vs.iter().position(|v| v.name == y.name) {
                    return Some(Target::Ctor(adt, tag as u32));
                }
            }
            return Some(Target::Static(adt, y.name.clone()));
        }
        None
    }

    /// The service called `name` visible in module `m`.
    pub(crate) fn service_named(&self, m: ModId, name: &str) -> Option<usize> {
        let module = &self.modules[m.0 as usize];
        module
            .services
            .get(name)
            .or_else(|| module.imported_services.get(name))
            .copied()
    }

    /// A call `callee(args…)`, with an optional already-inferred first argument (pipes).
    pub(crate) fn infer_call(
        &mut self,
        cx: &mut FnCtx,
        callee: &ast::Expr,
        args: &[ast::Expr],
        kwargs: &[ast::FieldInit],
        span: Span,
        piped: Option<(tir::Expr, Ty, Span)>,
    ) -> (tir::Expr, Ty) {
        let target = match &callee.kind {
            ast::ExprKind::Name(id) => {
                if let Some(v) = cx.lookup(&id.name).cloned() {
                    let ty = match v.ty {
                        LocalTy::Mono(t) => t,
                        LocalTy::Poly(s) => self.instantiate(cx, &s, callee.span),
                    };
                    Target::Value(tir::Expr::new(ExprKind::Local(v.id), callee.span), ty)
                } else if let Some((adt, tag)) = self.resolve_ctor(cx, &id.name) {
                    Target::Ctor(adt, tag)
                } else {
                    match self.resolve_global_value(cx, &id.name) {
                        Some(v) => value_target(v),
                        None => {
                            self.unknown_name(cx, id);
                            Target::Error
                        }
                    }
                }
            }
            ast::ExprKind::Field { base, name } => self.resolve_dotted(cx, base, name, callee.span),
            _ => {
                let (e, t) = self.infer_expr(cx, callee, None);
                Target::Value(e, t)
            }
        };
        // Collect the argument list: piped value first, then positional, then keywords.
        let mut arg_list: Vec<ArgSrc> = Vec::new();
        if let Some((e, t, s)) = piped {
            arg_list.push(ArgSrc::Done(e, t, s));
        }
        for a in args {
            arg_list.push(ArgSrc::Ast(a));
        }
        if !kwargs.is_empty() {
            arg_list.push(ArgSrc::Kw(kwargs));
        }
        self.apply_target(cx, target, arg_list, span, callee.span)
    }

    /// `lhs |> rhs`: `rhs` gets `lhs` as its first argument.
    pub(crate) fn infer_pipe(
        &mut self,
        cx: &mut FnCtx,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let (le, lt) = self.infer_expr(cx, lhs, None);
        match &rhs.kind {
            ast::ExprKind::Call {
                callee,
                args,
                kwargs,
            } => self.infer_call(cx, callee, args, kwargs, span, Some((le, lt, lhs.span))),
            _ => self.infer_call(cx, rhs, &[], &[], span, Some((le, lt, lhs.span))),
        }
    }

    fn apply_target(
        &mut self,
        cx: &mut FnCtx,
        target: Target,
        args: Vec<ArgSrc>,
        span: Span,
        callee_span: Span,
    ) -> (tir::Expr, Ty) {
        match target {
            Target::Error => {
                for a in args {
                    self.infer_arg(cx, a, None);
                }
                (tir::Expr::unit(span), self.tys.fresh())
            }
            Target::Fn(f) => {
                if self.is_prelude_fn(f, "default") && args.is_empty() {
                    let ty = self.tys.fresh();
                    let hole = cx.defer(
                        Pending::Default {
                            ty: ty.clone(),
                            span,
                        },
                        span,
                    );
                    return (hole, ty);
                }
                let fty = self.fn_use_type(cx, f, callee_span);
                let (params, ret) = self.expect_fn(&fty, args.len(), callee_span);
                let es = self.check_args(cx, args, &params, span);
                let callee = match &self.fns[f.0 as usize].source {
                    crate::defs::FnSource::Extern(n) => tir::Callee::Native(n.clone()),
                    _ => tir::Callee::Fn(f),
                };
                // An actor calling itself loops: the call continues the process and never
                // hands a value back to the body, so it has type `Never`. Then an arm that
                // ends the actor (`"done" -> println(…)`) and an arm that loops agree.
                // (The original typed it `Pid<M>`, which still type-checks everywhere.)
                let is_actor_loop = f == cx.fn_id
                    && matches!(
                        self.fns[f.0 as usize].source,
                        crate::defs::FnSource::Actor(_)
                    );
                let ret = if is_actor_loop { Ty::Never } else { ret };
                (
                    tir::Expr::new(ExprKind::Call { callee, args: es }, span),
                    ret,
                )
            }
            Target::Ctor(adt, tag) => {
                let (fields, result) = self.ctor_type(adt, tag);
                if fields.is_empty() && !args.is_empty() {
                    let vname = self.variant_name(adt, tag);
                    self.error(Diagnostic::error(
                        "E0003",
                        format!("`{vname}` takes no arguments, found {}", args.len()),
                        span,
                    ));
                }
                let n = fields.len();
                if n != args.len() && !(fields.is_empty()) {
                    let vname = self.variant_name(adt, tag);
                    self.error(
                        Diagnostic::error(
                            "E0003",
                            format!("expected {n} argument(s), found {}", args.len()),
                            span,
                        )
                        .with_help(format!("`{vname}` has {n} field(s)")),
                    );
                }
                let es = self.check_args(cx, args, &fields, span);
                let type_id = self.type_id_of(adt);
                let es = if fields.is_empty() { Vec::new() } else { es };
                (
                    tir::Expr::new(
                        ExprKind::MakeVariant {
                            type_id,
                            tag,
                            args: es,
                        },
                        span,
                    ),
                    result,
                )
            }
            Target::Const(c) => {
                self.error(Diagnostic::error(
                    "E0005",
                    "this constant is not callable",
                    callee_span,
                ));
                const_expr(&c, span)
            }
            Target::Value(e, t) => {
                self.retry_constraints(cx);
                let (params, ret) = self.expect_fn(&t, args.len(), callee_span);
                let es = self.check_args(cx, args, &params, span);
                (
                    tir::Expr::new(
                        ExprKind::Call {
                            callee: tir::Callee::Value(Box::new(e)),
                            args: es,
                        },
                        span,
                    ),
                    ret,
                )
            }
            Target::Static(adt, fname) => {
                self.call_static(cx, adt, &fname, args, span, callee_span)
            }
            Target::Method(recv, rt, name) => self.call_method(cx, recv, rt, &name, args, span),
        }
    }

    fn is_prelude_fn(&self, f: FnId, name: &str) -> bool {
        Some(self.fns[f.0 as usize].module) == self.prelude && self.fns[f.0 as usize].name == name
    }

    /// Splits a callee type into parameter and result types, reporting non-functions and
    /// arity mismatches (E0005, E0003).
    fn expect_fn(&mut self, t: &Ty, nargs: usize, span: Span) -> (Vec<Ty>, Ty) {
        match self.tys.shallow(t) {
            Ty::Fun(ps, r) => {
                if ps.len() != nargs {
                    let missing = ps.len() as i64 - nargs as i64;
                    let mut d = Diagnostic::error(
                        "E0003",
                        format!("expected {} argument(s), found {nargs}", ps.len()),
                        span,
                    )
                    .with_label(format!("expects {} argument(s)", ps.len()));
                    if missing > 0 {
                        d = d.with_help(format!("missing {missing} argument(s)"));
                    } else {
                        d = d.with_help(format!("remove {} argument(s)", -missing));
                    }
                    self.error(d);
                }
                (ps, *r)
            }
            Ty::Var(_) => {
                let ps: Vec<Ty> = (0..nargs).map(|_| self.tys.fresh()).collect();
                let r = self.tys.fresh();
                self.unify_at(&Ty::Fun(ps.clone(), Box::new(r.clone())), t, span);
                (ps, r)
            }
            Ty::Never => ((0..nargs).map(|_| Ty::Never).collect(), Ty::Never),
            other => {
                let shown = self.show(&other);
                self.error(Diagnostic::error(
                    "E0005",
                    format!("type {shown} is not callable"),
                    span,
                ));
                (
                    (0..nargs).map(|_| self.tys.fresh()).collect(),
                    self.tys.fresh(),
                )
            }
        }
    }

    fn infer_arg(
        &mut self,
        cx: &mut FnCtx,
        a: ArgSrc,
        expected: Option<&Ty>,
    ) -> (tir::Expr, Ty, Span) {
        match a {
            ArgSrc::Done(e, t, s) => (e, t, s),
            ArgSrc::Ast(x) => {
                let (e, t) = self.infer_expr(cx, x, expected);
                (e, t, x.span)
            }
            ArgSrc::Kw(kws) => {
                let v = match expected.map(|t| self.tys.shallow(t)) {
                    Some(Ty::Con(TyCon::Map, args)) if args.len() == 2 => args[1].clone(),
                    _ => self.tys.fresh(),
                };
                let mut entries = Vec::new();
                let span = kws[0].name.span.to(kws[kws.len() - 1].value.span);
                for kw in kws {
                    let (e, t) = self.infer_expr(cx, &kw.value, Some(&v));
                    self.unify_msg(
                        &v,
                        &t,
                        kw.value.span,
                        Some("like the other keyword arguments"),
                    );
                    entries.push((
                        tir::Expr::new(ExprKind::Str(kw.name.name.clone()), kw.name.span),
                        e,
                    ));
                }
                (
                    tir::Expr::new(ExprKind::Map(entries), span),
                    Ty::map(Ty::STRING, v),
                    span,
                )
            }
        }
    }

    /// Infers arguments against parameter types (each argument is inferred with its
    /// parameter type as a hint, then unified).
    fn check_args(
        &mut self,
        cx: &mut FnCtx,
        args: Vec<ArgSrc>,
        params: &[Ty],
        _span: Span,
    ) -> Vec<tir::Expr> {
        let mut out = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            let p = params.get(i).cloned();
            let (e, t, s) = self.infer_arg(cx, a, p.as_ref());
            if let Some(p) = p {
                self.unify_msg(&p, &t, s, Some("by the function's parameter"));
            }
            out.push(e);
        }
        out
    }

    /// `recv.name(args)`.
    fn call_method(
        &mut self,
        cx: &mut FnCtx,
        recv: tir::Expr,
        rt: Ty,
        name: &ast::Ident,
        args: Vec<ArgSrc>,
        span: Span,
    ) -> (tir::Expr, Ty) {
        self.retry_constraints(cx);
        let mut arg_es = Vec::new();
        let mut arg_ts = Vec::new();
        // If the method is already known, infer arguments with its parameter types.
        let early = self.lookup_method(&rt, &name.name);
        let hint_params: Option<Vec<Ty>> = match &early {
            Some(MethodRes::Fn(f)) | Some(MethodRes::Std(f)) => {
                let ft = self.fn_use_type(cx, *f, name.span);
                match self.tys.shallow(&ft) {
                    Ty::Fun(ps, r) if !ps.is_empty() => {
                        self.unify_at(&ps[0], &rt, span);
                        let rest: Vec<Ty> = ps[1..].to_vec();
                        // Re-run through pending resolution with the same instantiation.
                        let result = *r;
                        let es = self.check_args(cx, args, &rest, span);
                        if rest.len() != es.len() {
                            self.error(Diagnostic::error(
                                "E0003",
                                format!("expected {} argument(s), found {}", rest.len(), es.len()),
                                span,
                            ));
                        }
                        let res = early.clone();
                        let p = Pending::Method {
                            recv,
                            recv_ty: rt,
                            name: name.name.clone(),
                            args: es,
                            arg_tys: Vec::new(),
                            result: result.clone(),
                            span,
                            name_span: name.span,
                            resolved: res,
                            typed: true,
                        };
                        let hole = cx.defer(p, span);
                        return (hole, result);
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let _ = hint_params;
        for a in args {
            let (e, t, _) = self.infer_arg(cx, a, None);
            arg_es.push(e);
            arg_ts.push(t);
        }
        let result = self.tys.fresh();
        let p = Pending::Method {
            recv,
            recv_ty: rt,
            name: name.name.clone(),
            args: arg_es,
            arg_tys: arg_ts,
            result: result.clone(),
            span,
            name_span: name.span,
            resolved: None,
            typed: false,
        };
        let hole = cx.defer(p, span);
        self.retry_constraints(cx);
        (hole, result)
    }

    /// Static functions of a type: derived (`from_json`, `from_row`, Schema metadata) and
    /// static trait methods (`Money.from(5)`, `Money.default()`).
    fn call_static(
        &mut self,
        cx: &mut FnCtx,
        adt: AdtId,
        fname: &str,
        args: Vec<ArgSrc>,
        span: Span,
        callee_span: Span,
    ) -> (tir::Expr, Ty) {
        if fname == "from" {
            let n = self.adts[adt.0 as usize].generics.len();
            let targs: Vec<Ty> = (0..n).map(|_| self.tys.fresh()).collect();
            let self_ty = Ty::adt(adt, targs);
            let impls: Vec<usize> = self
                .impls
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    i.trait_name == "From" && self.tys.could_unify(&i.target_ty, &self_ty)
                })
                .map(|(k, _)| k)
                .collect();
            if impls.len() > 1 && args.len() == 1 {
                let mut args = args;
                let (ae, at, aspan) = self.infer_arg(cx, args.remove(0), None);
                let chosen = impls.iter().copied().find(|i| {
                    self.impls[*i]
                        .trait_args
                        .first()
                        .map(|a| self.tys.could_unify(a, &at))
                        .unwrap_or(false)
                });
                if let Some(f) = chosen.and_then(|i| self.impls[i].methods.get("from").copied()) {
                    return self.apply_target(
                        cx,
                        Target::Fn(f),
                        vec![ArgSrc::Done(ae, at, aspan)],
                        span,
                        callee_span,
                    );
                }
                let shown = self.show(&at);
                let name = self.adts[adt.0 as usize].name.clone();
                self.error(Diagnostic::error(
                    "E0030",
                    format!("no `impl From<{shown}> for {name}`"),
                    aspan,
                ));
                return (tir::Expr::unit(span), self_ty);
            }
        }
        let (callee, ty) = self.static_value(cx, adt, fname, callee_span);
        if matches!(callee.kind, ExprKind::Unit) && matches!(self.tys.shallow(&ty), Ty::Var(_)) {
            for a in args {
                self.infer_arg(cx, a, None);
            }
            return (tir::Expr::unit(span), self.tys.fresh());
        }
        // Schema metadata: the value itself, no call.
        if fname.starts_with("__") {
            if !args.is_empty() {
                self.error(Diagnostic::error(
                    "E0003",
                    format!("`{fname}` takes no arguments"),
                    span,
                ));
            }
            if let ExprKind::Lambda { body, .. } = callee.kind {
                return (
                    *body,
                    match self.tys.shallow(&ty) {
                        Ty::Fun(_, r) => *r,
                        other => other,
                    },
                );
            }
        }
        self.apply_target(cx, Target::Value(callee, ty), args, span, callee_span)
    }

    /// A static type function as a value (a closure or function reference) and its type.
    pub(crate) fn static_value(
        &mut self,
        cx: &mut FnCtx,
        adt: AdtId,
        fname: &str,
        span: Span,
    ) -> (tir::Expr, Ty) {
        let name = self.adts[adt.0 as usize].name.clone();
        let n = self.adts[adt.0 as usize].generics.len();
        let targs: Vec<Ty> = (0..n).map(|_| self.tys.fresh()).collect();
        let self_ty = Ty::adt(adt, targs);
        let derives = self.adts[adt.0 as usize].derives.clone();
        let type_id = self.type_id_of(adt);
        let lam = |params: Vec<tir::LocalId>, body: tir::Expr| {
            tir::Expr::new(
                ExprKind::Lambda {
                    name: format!("{name}.{fname}"),
                    params,
                    self_local: None,
                    body: Box::new(body),
                },
                span,
            )
        };
        match fname {
            "from_json" | "from_row" | "from_sql_row" => {
                let ok = if fname == "from_json" {
                    derives.json
                } else {
                    derives.row
                };
                if !ok {
                    let tr = if fname == "from_json" { "Json" } else { "Row" };
                    self.error(Diagnostic::error(
                        "E0030",
                        format!("`{name}.{fname}` needs `deriving({tr})` on `{name}`"),
                        span,
                    ));
                    return (tir::Expr::unit(span), self.tys.fresh());
                }
                let p = cx.fresh_local();
                let native = match fname {
                    "from_json" => "Json.__decode",
                    "from_row" => "Row.__decode",
                    _ => "Row.__decode_typed",
                };
                let body = self.native_call(
                    native,
                    vec![
                        tir::Expr::new(ExprKind::Local(p), span),
                        tir::Expr::new(ExprKind::Int(type_id.0 as i64), span),
                    ],
                    span,
                );
                let arg_ty = match fname {
                    "from_json" => Ty::STRING,
                    "from_row" => Ty::map(Ty::STRING, Ty::STRING),
                    // Typed rows: `Map<String, SqlValue>` (std/sql.mpl).
                    _ => Ty::map(
                        Ty::STRING,
                        self.std_type("SqlValue")
                            .unwrap_or_else(|| self.tys.fresh()),
                    ),
                };
                (
                    lam(vec![p], body),
                    Ty::Fun(vec![arg_ty], Box::new(Ty::result(self_ty, Ty::STRING))),
                )
            }
            f if f.starts_with("__") && f.ends_with("__") => {
                if !derives.schema {
                    self.error(Diagnostic::error(
                        "E0030",
                        format!("`{name}.{fname}()` needs `deriving(Schema)` on `{name}`"),
                        span,
                    ));
                    return (tir::Expr::unit(span), self.tys.fresh());
                }
                match self.schema_value(adt, f, span) {
                    Some((value, ty)) => (lam(vec![], value), Ty::Fun(vec![], Box::new(ty))),
                    None => {
                        self.error(Diagnostic::error(
                            "E0030",
                            format!("`{name}` has no schema function `{f}`"),
                            span,
                        ).with_help("available: __table__, __fields__, __primary_key__, __relationships__, __field_types__, __relationship_meta__, __<field>_col__"));
                        (tir::Expr::unit(span), self.tys.fresh())
                    }
                }
            }
            _ => {
                // Static trait methods (`Money.from(x)`, `Money.default()`).
                let ty_head = self_ty.clone();
                let found = self.impl_methods(&ty_head, fname);
                match found.as_slice() {
                    [(_, f)] => {
                        let f = *f;
                        let t = self.fn_use_type(cx, f, span);
                        if let Ty::Fun(_, r) = self.tys.shallow(&t) {
                            self.unify_at(&r, &self_ty, span);
                        }
                        (tir::Expr::new(ExprKind::FnRef(f), span), t)
                    }
                    [] => {
                        self.error(Diagnostic::error(
                            "E0004",
                            format!("`{name}` has no variant or function `{fname}`"),
                            span,
                        ));
                        (tir::Expr::unit(span), self.tys.fresh())
                    }
                    _ => {
                        self.error(Diagnostic::error(
                            "E0027",
                            format!("ambiguous function `{name}.{fname}`: several interfaces provide it"),
                            span,
                        ));
                        (tir::Expr::unit(span), self.tys.fresh())
                    }
                }
            }
        }
    }
}

/// An argument waiting to be inferred (or already inferred, for pipes).
pub(crate) enum ArgSrc<'a> {
    Done(tir::Expr, Ty, Span),
    Ast(&'a ast::Expr),
    Kw(&'a [ast::FieldInit]),
}

fn value_target(v: ValueDef) -> Target {
    match v {
        ValueDef::Fn(f) => Target::Fn(f),
        ValueDef::Ctor(a, t) => Target::Ctor(a, t),
        ValueDef::Const(c) => Target::Const(c),
    }
}

/// A std constant's literal.
fn const_expr(c: &ConstValue, span: Span) -> (tir::Expr, Ty) {
    let (kind, ty) = match c {
        ConstValue::Int(i) => (ExprKind::Int(*i), Ty::INT),
        ConstValue::Float(f) => (ExprKind::Float(*f), Ty::FLOAT),
        ConstValue::Str(s) => (ExprKind::Str(s.clone()), Ty::STRING),
        ConstValue::Bool(b) => (ExprKind::Bool(*b), Ty::BOOL),
    };
    (tir::Expr::new(kind, span), ty)
}
