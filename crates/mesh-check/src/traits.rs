//! Traits: the built-in ones, user `interface`s, `impl` registration and the question
//! "does this type implement that trait, and how?".
//!
//! Built-in traits on built-in types and derived traits on user types are *structural*:
//! the VM implements them for every value (equality, ordering, text), so no code is
//! generated for them. Only hand-written `impl`s produce functions.

use crate::defs::*;
use crate::tir::FnId;
use crate::typeexpr::TyEnv;
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast::{self, ItemKind};
use mesh_syntax::{Diagnostic, Span};
use std::collections::HashMap;
use std::rc::Rc;

/// Traits whose built-in forms the VM provides structurally.
pub const STRUCTURAL: &[&str] = &["Eq", "Ord", "Display", "Debug", "Hash"];
/// Arithmetic operator traits.
pub const NUMERIC: &[&str] = &["Add", "Sub", "Mul", "Div", "Mod", "Neg"];

/// How a type implements a trait.
#[derive(Clone, Debug, PartialEq)]
pub enum Implemented {
    /// Built in or derived: the VM's structural operation.
    Structural,
    /// A hand-written impl.
    Impl(usize),
    /// Through a `where` bound of a generic parameter.
    Bound,
    No,
    /// The type is not known yet.
    Unknown,
}

/// Registers the built-in traits (with their method names, for method calls on bounded
/// generic parameters).
/// A built-in trait: name and methods `(name, has self, arity)`.
type BuiltinTrait = (&'static str, &'static [(&'static str, bool, usize)]);

pub(crate) fn add_builtin_traits(c: &mut Checker) {
    let defs: &[BuiltinTrait] = &[
        ("Add", &[("add", true, 2)]),
        ("Sub", &[("sub", true, 2)]),
        ("Mul", &[("mul", true, 2)]),
        ("Div", &[("div", true, 2)]),
        ("Mod", &[("mod", true, 2)]),
        ("Neg", &[("neg", true, 1)]),
        ("Not", &[("not", true, 1)]),
        ("Eq", &[("eq", true, 2)]),
        ("Ord", &[("lt", true, 2), ("compare", true, 2)]),
        ("Display", &[("to_string", true, 1)]),
        ("Debug", &[("inspect", true, 1)]),
        ("Hash", &[("hash", true, 1)]),
        ("Default", &[("default", false, 0)]),
        ("From", &[("from", false, 1)]),
        ("Into", &[("into", true, 1)]),
        ("Json", &[("to_json", true, 1)]),
        ("Row", &[]),
        ("Schema", &[]),
    ];
    for (name, methods) in defs {
        let assoc = if NUMERIC.contains(name) {
            vec!["Output".to_string()]
        } else {
            vec![]
        };
        let generics = if matches!(*name, "From" | "Into") {
            vec!["T".to_string()]
        } else {
            vec![]
        };
        c.traits.insert(
            name.to_string(),
            TraitDef {
                name: name.to_string(),
                module: None,
                generics,
                assoc_types: assoc,
                methods: methods
                    .iter()
                    .map(|(m, has_self, arity)| TraitMethod {
                        name: m.to_string(),
                        has_self: *has_self,
                        arity: *arity,
                        ast: None,
                    })
                    .collect(),
            },
        );
    }
}

impl Checker<'_> {
    /// Does `ty` implement `trait_name`?
    pub(crate) fn implements(&self, ty: &Ty, trait_name: &str) -> Implemented {
        let ty = self.tys.shallow(ty);
        if let Some(i) = self.find_impl(trait_name, &ty) {
            return Implemented::Impl(i);
        }
        match &ty {
            Ty::Var(_) => Implemented::Unknown,
            Ty::Never => Implemented::Structural,
            Ty::Rigid(k) => {
                let bounds = &self.rigids[*k as usize].bounds;
                if bounds.iter().any(|b| b == trait_name) {
                    Implemented::Bound
                } else {
                    Implemented::No
                }
            }
            Ty::Gen(_) => Implemented::Unknown,
            Ty::Fun(..) => Implemented::No,
            Ty::Tuple(items) => {
                if matches!(trait_name, "Eq" | "Ord" | "Display" | "Debug" | "Hash") {
                    self.all_implement(items, trait_name)
                } else if trait_name == "Json" && items.is_empty() {
                    Implemented::Structural
                } else {
                    Implemented::No
                }
            }
            Ty::Con(con, args) => self.con_implements(*con, args, trait_name),
        }
    }

    fn all_implement(&self, items: &[Ty], trait_name: &str) -> Implemented {
        let mut unknown = false;
        for t in items {
            match self.implements(t, trait_name) {
                Implemented::No => return Implemented::No,
                Implemented::Unknown => unknown = true,
                _ => {}
            }
        }
        if unknown {
            Implemented::Unknown
        } else {
            Implemented::Structural
        }
    }

    fn con_implements(&self, con: TyCon, args: &[Ty], t: &str) -> Implemented {
        let yes = |b: bool| {
            if b {
                Implemented::Structural
            } else {
                Implemented::No
            }
        };
        match con {
            TyCon::Int | TyCon::Float => yes(matches!(
                t,
                "Add"
                    | "Sub"
                    | "Mul"
                    | "Div"
                    | "Mod"
                    | "Neg"
                    | "Eq"
                    | "Ord"
                    | "Display"
                    | "Debug"
                    | "Hash"
                    | "Default"
                    | "Json"
            )),
            TyCon::String => yes(matches!(
                t,
                "Eq" | "Ord" | "Display" | "Debug" | "Hash" | "Default" | "Json"
            )),
            TyCon::Bool => yes(matches!(
                t,
                "Eq" | "Display" | "Debug" | "Hash" | "Default" | "Not" | "Json"
            )),
            TyCon::Atom => yes(matches!(t, "Eq" | "Display" | "Debug" | "Hash")),
            TyCon::Pid => yes(matches!(t, "Eq" | "Display" | "Debug" | "Hash")),
            TyCon::List => match t {
                "Eq" | "Ord" | "Hash" | "Json" => self.all_implement(args, t),
                "Display" | "Debug" => Implemented::Structural,
                _ => Implemented::No,
            },
            TyCon::Set => match t {
                "Eq" | "Hash" | "Display" | "Debug" => Implemented::Structural,
                _ => Implemented::No,
            },
            TyCon::Map => match t {
                "Eq" | "Hash" | "Display" | "Debug" => Implemented::Structural,
                "Json" => {
                    let key_ok = args
                        .first()
                        .map(|k| match self.tys.shallow(k) {
                            Ty::Con(TyCon::String, _) => Implemented::Structural,
                            Ty::Var(_) => Implemented::Unknown,
                            _ => Implemented::No,
                        })
                        .unwrap_or(Implemented::No);
                    match key_ok {
                        Implemented::Structural => self.all_implement(&args[1..], t),
                        other => other,
                    }
                }
                _ => Implemented::No,
            },
            TyCon::Adt(id) => {
                let adt = &self.adts[id.0 as usize];
                let d = &adt.derives;
                let derived = match t {
                    "Eq" => d.eq,
                    "Ord" => d.ord,
                    "Display" => d.display,
                    "Debug" => d.debug,
                    "Hash" => d.hash,
                    "Json" => d.json,
                    "Row" => d.row,
                    "Schema" => d.schema,
                    _ => false,
                };
                if derived {
                    if id.0 < 3 && matches!(t, "Eq" | "Ord" | "Hash" | "Json") {
                        return self.all_implement(args, t);
                    }
                    Implemented::Structural
                } else {
                    Implemented::No
                }
            }
        }
    }

    /// The user impl of `trait_name` for the head of `ty`, if any.
    pub(crate) fn find_impl(&self, trait_name: &str, ty: &Ty) -> Option<usize> {
        let target = match self.tys.shallow(ty) {
            Ty::Con(c, _) => ImplTarget::Con(c),
            Ty::Tuple(items) => ImplTarget::Tuple(items.len()),
            _ => return None,
        };
        self.impls
            .iter()
            .position(|i| i.trait_name == trait_name && i.target == target)
    }

    /// User impls providing method `name` for the head of `ty`.
    pub(crate) fn impl_methods(&self, ty: &Ty, name: &str) -> Vec<(usize, FnId)> {
        let target = match self.tys.shallow(ty) {
            Ty::Con(c, _) => ImplTarget::Con(c),
            Ty::Tuple(items) => ImplTarget::Tuple(items.len()),
            _ => return Vec::new(),
        };
        self.impls
            .iter()
            .enumerate()
            .filter(|(_, i)| i.target == target)
            .filter_map(|(n, i)| i.methods.get(name).map(|f| (n, *f)))
            .collect()
    }

    /// Phase 3c: registers the `impl`s of module `m` and creates their method functions.
    pub(crate) fn define_impls(&mut self, m: ModId) {
        let ast = self.modules[m.0 as usize].ast.clone();
        for item in &ast.items {
            if let ItemKind::Impl(imp) = &item.kind {
                self.define_impl(m, imp);
            }
        }
    }

    fn define_impl(&mut self, m: ModId, imp: &ast::ImplDef) {
        let Some(trait_ident) = imp.trait_path.last() else {
            return;
        };
        let trait_name = trait_ident.name.clone();
        if !self.traits.contains_key(&trait_name) {
            self.error(
                Diagnostic::error(
                    "E0006",
                    format!("unknown interface `{trait_name}`"),
                    trait_ident.span,
                )
                .with_help("declare it with `interface Name do … end` or check the spelling"),
            );
            return;
        }
        // The target: a type name, possibly generic (its parameters become variables).
        let target_ty = self.resolve_impl_target(m, &imp.target);
        let Some(target_ty) = target_ty else {
            return;
        };
        let target = match &target_ty {
            Ty::Con(c, _) => ImplTarget::Con(*c),
            Ty::Tuple(items) => ImplTarget::Tuple(items.len()),
            _ => {
                self.error(Diagnostic::error(
                    "E0043",
                    "an impl must be for a named type",
                    imp.target.span,
                ));
                return;
            }
        };
        let env = TyEnv {
            params: Vec::new(),
            self_ty: Some(target_ty.clone()),
            allow_fresh: true,
            assoc: Vec::new(),
        };
        let trait_args: Vec<Ty> = imp
            .trait_args
            .iter()
            .map(|t| self.resolve_type(m, t, &env))
            .collect();
        let target_name = self.show(&target_ty);
        if let Some(prev) = self.impls.iter().find(|i| {
            i.trait_name == trait_name && i.target == target && i.trait_args == trait_args
        }) {
            let prev_span = prev.span;
            self.error(
                Diagnostic::error(
                    "E0026",
                    format!(
                        "duplicate impl: `{trait_name}` is already implemented for `{target_name}`"
                    ),
                    imp.span,
                )
                .with_secondary(prev_span, "previously implemented here"),
            );
            return;
        }
        // Associated types.
        let declared_assoc = self.traits[&trait_name].assoc_types.clone();
        let mut assoc = HashMap::new();
        for (name, te) in &imp.assoc_types {
            if !declared_assoc.contains(&name.name) {
                self.error(Diagnostic::error(
                    "E0041",
                    format!(
                        "`{}` is not an associated type of `{trait_name}`",
                        name.name
                    ),
                    name.span,
                ));
                continue;
            }
            let ty = self.resolve_type(m, te, &env);
            assoc.insert(name.name.clone(), ty);
        }
        for a in &declared_assoc {
            if !assoc.contains_key(a) {
                if crate::traits::NUMERIC.contains(&trait_name.as_str()) {
                    // `Output` defaults to the target type for operator traits.
                    assoc.insert(a.clone(), target_ty.clone());
                } else {
                    self.error(Diagnostic::error(
                        "E0040",
                        format!("impl `{trait_name}` for `{target_name}` is missing associated type `{a}`"),
                        imp.span,
                    ));
                }
            }
        }
        // Environments for the impl's own signatures and for the interface's.
        let mut assoc_list: Vec<(String, Ty)> =
            assoc.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        assoc_list.sort_by(|a, b| a.0.cmp(&b.0));
        let method_env = TyEnv {
            assoc: assoc_list.clone(),
            ..env.clone()
        };
        for a in &declared_assoc {
            if !assoc_list.iter().any(|(n, _)| n == a) {
                assoc_list.push((a.clone(), self.tys.fresh()));
            }
        }
        let trait_generics = self.traits[&trait_name].generics.clone();
        let trait_env = TyEnv {
            params: trait_generics
                .iter()
                .cloned()
                .zip(trait_args.iter().cloned())
                .collect(),
            assoc: assoc_list,
            ..env.clone()
        };
        let impl_index = self.impls.len();
        self.impls.push(ImplInfo {
            trait_name: trait_name.clone(),
            trait_args,
            target,
            target_ty: target_ty.clone(),
            target_generics: 0,
            assoc,
            methods: HashMap::new(),
            module: m,
            span: imp.span,
        });
        // Methods: group clauses by name.
        let trait_methods = self.traits[&trait_name].methods.clone();
        let mut groups: Vec<(String, Vec<Rc<ast::FnDef>>)> = Vec::new();
        for meth in &imp.methods {
            match groups.last_mut() {
                Some((n, cl)) if *n == meth.name.name => cl.push(Rc::new(meth.clone())),
                _ => groups.push((meth.name.name.clone(), vec![Rc::new(meth.clone())])),
            }
        }
        let type_label = match &target_ty {
            Ty::Con(TyCon::Adt(id), _) => self.adts[id.0 as usize].name.clone(),
            _ => target_name.clone(),
        };
        for (name, clauses) in groups {
            if !trait_methods.iter().any(|tm| tm.name == name) {
                self.error(Diagnostic::error(
                    "E0007",
                    format!("`{name}` is not a method of interface `{trait_name}`"),
                    clauses[0].name.span,
                ));
                continue;
            }
            self.check_impl_ret(&trait_name, &name, &clauses[0], m, &method_env, &trait_env);
            let span = clauses[0].name.span;
            let f = self.new_impl_method(m, &type_label, &name, span, impl_index, clauses);
            self.impls[impl_index].methods.insert(name, f);
        }
        // Missing methods: defaults or errors.
        for tm in &trait_methods {
            if self.impls[impl_index].methods.contains_key(&tm.name) {
                continue;
            }
            match tm
                .ast
                .as_ref()
                .and_then(|a| a.default.clone().map(|d| (a.clone(), d)))
            {
                Some((meth, body)) => {
                    let def = ast::FnDef {
                        is_pub: false,
                        name: meth.name.clone(),
                        generics: Vec::new(),
                        params: meth.params.clone(),
                        ret: meth.ret.clone(),
                        where_clause: Vec::new(),
                        guard: None,
                        body: ast::FnBody::Block {
                            block: body,
                            is_expr_body: false,
                        },
                        is_def: false,
                        span: meth.span,
                    };
                    let f = self.new_impl_method(
                        m,
                        &type_label,
                        &tm.name,
                        meth.span,
                        impl_index,
                        vec![Rc::new(def)],
                    );
                    self.impls[impl_index].methods.insert(tm.name.clone(), f);
                }
                None => {
                    if self.traits[&trait_name].module.is_some() {
                        self.error(Diagnostic::error(
                            "E0007",
                            format!(
                                "impl `{trait_name}` for `{target_name}` is missing method `{}`",
                                tm.name
                            ),
                            imp.span,
                        ));
                    }
                }
            }
        }
    }

    fn new_impl_method(
        &mut self,
        m: ModId,
        type_label: &str,
        name: &str,
        span: Span,
        impl_index: usize,
        clauses: Vec<Rc<ast::FnDef>>,
    ) -> FnId {
        let first = clauses[0].clone();
        let f = self.new_fn(
            m,
            name,
            span,
            false,
            FnSource::ImplMethod {
                impl_index,
                clauses,
            },
        );
        let module_name = self.modules[m.0 as usize].name.clone();
        self.fns[f.0 as usize].qual_name = format!("{module_name}.{type_label}.{name}");
        self.setup_generics(f, &first.generics, &first.where_clause, m);
        // Each impl method is also a plain function of its name, if that name is free.
        let module = &mut self.modules[m.0 as usize];
        if !module.values.contains_key(name) {
            module
                .values
                .insert(name.to_string(), (ValueDef::Fn(f), false));
        }
        f
    }

    fn check_impl_ret(
        &mut self,
        trait_name: &str,
        method: &str,
        def: &ast::FnDef,
        m: ModId,
        env: &TyEnv,
        trait_env: &TyEnv,
    ) {
        let Some(impl_ret) = &def.ret else {
            return;
        };
        let trait_ret = self.traits[trait_name]
            .methods
            .iter()
            .find(|tm| tm.name == method)
            .and_then(|tm| tm.ast.as_ref())
            .and_then(|a| a.ret.clone());
        let Some(trait_ret) = trait_ret else {
            return;
        };
        let trait_module = self.traits[trait_name].module.unwrap_or(m);
        let a = self.resolve_type(m, impl_ret, env);
        let b = self.resolve_type(trait_module, &trait_ret, trait_env);
        if !self.tys.could_unify(&a, &b) {
            let (sa, sb) = (self.show(&a), self.show(&b));
            self.error(Diagnostic::error(
                "E0008",
                format!("method `{method}` returns `{sa}`, but interface `{trait_name}` declares `{sb}`"),
                impl_ret.span,
            ));
        }
    }

    fn resolve_impl_target(&mut self, m: ModId, te: &ast::TypeExpr) -> Option<Ty> {
        if let ast::TypeExprKind::Named { path, args } = &te.kind {
            if args.is_empty() && path.len() == 1 {
                // A bare generic type name: apply it to fresh variables.
                if let Some(TypeName::Adt(id)) = self.lookup_type_name(m, &path[0].name) {
                    let n = self.adts[id.0 as usize].generics.len();
                    let args = (0..n).map(|_| self.tys.fresh()).collect();
                    return Some(Ty::Con(TyCon::Adt(id), args));
                }
            }
        }
        let env = TyEnv {
            allow_fresh: true,
            ..TyEnv::default()
        };
        Some(self.resolve_type(m, te, &env))
    }

    /// The `Output` type of an operator impl, if the impl declares one.
    pub(crate) fn impl_output(&self, impl_index: usize) -> Option<Ty> {
        self.impls[impl_index].assoc.get("Output").cloned()
    }

    /// The ADT id of a struct type, if `ty` is one.
    pub(crate) fn struct_of(&self, ty: &Ty) -> Option<(AdtId, Vec<Ty>)> {
        match self.tys.shallow(ty) {
            Ty::Con(TyCon::Adt(id), args)
                if matches!(self.adts[id.0 as usize].kind, AdtKind::Struct(_)) =>
            {
                Some((id, args))
            }
            _ => None,
        }
    }
}
