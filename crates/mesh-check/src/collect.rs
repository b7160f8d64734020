//! Declaring top-level names (phase 1) and defining types and signatures (phase 3).

use crate::defs::*;
use crate::tir::{FnId, TypeId};
use crate::typeexpr::TyEnv;
use crate::types::{AdtId, Scheme, Ty};
use crate::{Checker, RigidInfo};
use mesh_syntax::ast::{self, ExprKind, ItemKind};
use mesh_syntax::{Diagnostic, Span};
use std::rc::Rc;

impl Checker<'_> {
    /// Phase 1: records every top-level name of module `m`.
    pub(crate) fn declare_module(&mut self, m: ModId) {
        let ast = self.modules[m.0 as usize].ast.clone();
        let items = &ast.items;
        let mut i = 0;
        while i < items.len() {
            let item = &items[i];
            match &item.kind {
                ItemKind::Fn(f) => {
                    let mut clauses = vec![Rc::new(f.clone())];
                    let mut j = i + 1;
                    while let Some(ItemKind::Fn(g)) = items.get(j).map(|it| &it.kind) {
                        if g.name.name != f.name.name || g.params.len() != f.params.len() {
                            break;
                        }
                        self.check_later_clause(f, g);
                        clauses.push(Rc::new(g.clone()));
                        j += 1;
                    }
                    self.declare_fn_group(m, clauses);
                    i = j;
                    continue;
                }
                ItemKind::Struct(s) => self.declare_struct(m, s),
                ItemKind::SumType(s) => self.declare_sum(m, s),
                ItemKind::TypeAlias(a) => {
                    let id = self.aliases.len() as u32;
                    self.aliases.push(AliasDef {
                        name: a.name.name.clone(),
                        module: m,
                        generics: a.generics.iter().map(|g| g.name.clone()).collect(),
                        ty: None,
                        ast: a.ty.clone(),
                    });
                    self.declare_type_name(m, &a.name, TypeName::Alias(id), a.is_pub);
                }
                ItemKind::ExternType(e) => {
                    let id = AdtId(self.adts.len() as u32);
                    self.adts.push(AdtDef {
                        name: e.name.name.clone(),
                        module: m,
                        generics: e.generics.iter().map(|g| g.name.clone()).collect(),
                        kind: AdtKind::Opaque,
                        is_pub: true,
                        span: e.span,
                        derives: Derives::default(),
                        schema: SchemaInfo::default(),
                        type_id: None,
                    });
                    self.declare_type_name(m, &e.name, TypeName::Adt(id), true);
                }
                ItemKind::Interface(iface) => self.declare_interface(m, iface),
                ItemKind::Impl(_) | ItemKind::Import(_) | ItemKind::FromImport(_) => {}
                ItemKind::Actor(a) => {
                    let id = self.new_fn(
                        m,
                        &a.name.name,
                        a.span,
                        true,
                        FnSource::Actor(Rc::new(a.clone())),
                    );
                    self.declare_value(m, &a.name, ValueDef::Fn(id), true);
                }
                ItemKind::Service(s) => self.declare_service(m, s),
                ItemKind::Supervisor(s) => {
                    let id = self.new_fn(
                        m,
                        &s.name.name,
                        s.span,
                        true,
                        FnSource::Supervisor(Rc::new(s.clone())),
                    );
                    self.fns[id.0 as usize].scheme =
                        Some(Scheme::mono(Ty::Fun(vec![], Box::new(Ty::pid(Ty::unit())))));
                    self.declare_value(m, &s.name, ValueDef::Fn(id), true);
                }
                ItemKind::Let(l) => self.declare_top_let(m, l),
                ItemKind::Expr(e) => {
                    if !self.modules[m.0 as usize].is_std {
                        self.warn(
                            Diagnostic::warning(
                                "W0003",
                                "a top-level expression has no effect",
                                e.span,
                            )
                            .with_help("put statements inside `fn main() do … end`"),
                        );
                    }
                }
                ItemKind::InlineModule(im) => {
                    self.error(
                        Diagnostic::error(
                            "E0048",
                            format!(
                                "inline modules are not supported (`module {}`)",
                                im.name.name
                            ),
                            im.name.span,
                        )
                        .with_help("put the module in its own file: one file is one module"),
                    );
                }
            }
            i += 1;
        }
    }

    /// Warns about annotations on non-first clauses (W0002).
    fn check_later_clause(&mut self, first: &ast::FnDef, later: &ast::FnDef) {
        let what = if later.ret.is_some() {
            Some("return type annotation")
        } else if later.is_pub {
            Some("`pub`")
        } else if !later.generics.is_empty() {
            Some("generic parameter list")
        } else if !later.where_clause.is_empty() {
            Some("`where` clause")
        } else {
            None
        };
        if let Some(what) = what {
            self.warn(Diagnostic::warning(
                "W0002",
                format!(
                    "{what} on non-first clause of `{}` will be ignored",
                    first.name.name
                ),
                later.name.span,
            ));
        }
    }

    /// Creates a function entry.
    pub(crate) fn new_fn(
        &mut self,
        m: ModId,
        name: &str,
        span: Span,
        is_pub: bool,
        source: FnSource,
    ) -> FnId {
        let id = FnId(self.fns.len() as u32);
        let module_name = self
            .modules
            .get(m.0 as usize)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        self.fns.push(FnInfo {
            name: name.to_string(),
            qual_name: if module_name.is_empty() {
                name.to_string()
            } else {
                format!("{module_name}.{name}")
            },
            module: m,
            span,
            is_pub,
            source,
            generics: Vec::new(),
            scheme: None,
            mono: None,
            state: InferState::NotStarted,
            body: None,
            params: Vec::new(),
            num_locals: 0,
            actor_msg: None,
        });
        id
    }

    fn declare_fn_group(&mut self, m: ModId, clauses: Vec<Rc<ast::FnDef>>) {
        let first = clauses[0].clone();
        let name = first.name.name.clone();
        let module = &self.modules[m.0 as usize];
        if let Some((ValueDef::Fn(prev), _)) = module.values.get(&name) {
            let prev_arity = match &self.fns[prev.0 as usize].source {
                FnSource::Clauses(c) => c.first().map(|c| c.params.len()),
                _ => None,
            };
            let arity = first.params.len();
            let msg = if prev_arity == Some(arity) {
                format!("function `{name}/{arity}` already defined; multi-clause functions must have consecutive clauses")
            } else {
                format!(
                    "`{name}` is already defined; Mesh has no overloading by number of parameters"
                )
            };
            let prev_span = self.fns[prev.0 as usize].span;
            self.error(
                Diagnostic::error("E0023", msg, first.name.span)
                    .with_secondary(prev_span, "first defined here")
                    .with_help("rename one of the functions"),
            );
            return;
        }
        let source = match &first.body {
            ast::FnBody::Extern => {
                let module_name = self.modules[m.0 as usize].name.clone();
                FnSource::Extern(format!("{module_name}.{name}"))
            }
            ast::FnBody::Block { .. } => FnSource::Clauses(clauses),
        };
        let id = self.new_fn(m, &name, first.name.span, first.is_pub, source);
        self.declare_value(m, &first.name, ValueDef::Fn(id), first.is_pub);
    }

    /// Adds a value name to module `m`, reporting duplicates.
    pub(crate) fn declare_value(
        &mut self,
        m: ModId,
        name: &ast::Ident,
        def: ValueDef,
        is_pub: bool,
    ) {
        let module = &mut self.modules[m.0 as usize];
        if module.values.contains_key(&name.name) {
            self.error(Diagnostic::error(
                "E0023",
                format!("`{}` is already defined in this module", name.name),
                name.span,
            ));
            return;
        }
        module.values.insert(name.name.clone(), (def, is_pub));
        module.export_order.push(name.name.clone());
    }

    fn declare_type_name(&mut self, m: ModId, name: &ast::Ident, def: TypeName, is_pub: bool) {
        let module = &mut self.modules[m.0 as usize];
        if module.types.contains_key(&name.name) {
            self.error(Diagnostic::error(
                "E0023",
                format!("type `{}` is already defined in this module", name.name),
                name.span,
            ));
            return;
        }
        module.types.insert(name.name.clone(), (def, is_pub));
        module.export_order.push(name.name.clone());
    }

    fn declare_struct(&mut self, m: ModId, s: &ast::StructDef) {
        let id = AdtId(self.adts.len() as u32);
        let type_id = TypeId(self.type_order.len() as u32);
        self.type_order.push(id);
        self.adts.push(AdtDef {
            name: s.name.name.clone(),
            module: m,
            generics: s.generics.iter().map(|g| g.name.clone()).collect(),
            kind: AdtKind::Struct(Vec::new()),
            is_pub: s.is_pub,
            span: s.name.span,
            derives: Derives::default(),
            schema: SchemaInfo {
                table: s.table.as_ref().map(|(t, _)| t.clone()),
                primary_key: s.primary_key.as_ref().map(|p| p.name.clone()),
                timestamps: s.timestamps.map(|(b, _)| b).unwrap_or(false),
                relationships: s
                    .relationships
                    .iter()
                    .map(|r| {
                        (
                            r.kind.keyword().to_string(),
                            r.assoc.name.clone(),
                            r.target.name.clone(),
                        )
                    })
                    .collect(),
            },
            type_id: Some(type_id),
        });
        self.declare_type_name(m, &s.name, TypeName::Adt(id), s.is_pub);
    }

    fn declare_sum(&mut self, m: ModId, s: &ast::SumTypeDef) {
        let id = AdtId(self.adts.len() as u32);
        let type_id = TypeId(self.type_order.len() as u32);
        self.type_order.push(id);
        let variants = s
            .variants
            .iter()
            .map(|v| VariantDef {
                name: v.name.name.clone(),
                fields: Vec::new(),
                span: v.span,
            })
            .collect();
        self.adts.push(AdtDef {
            name: s.name.name.clone(),
            module: m,
            generics: s.generics.iter().map(|g| g.name.clone()).collect(),
            kind: AdtKind::Sum(variants),
            is_pub: s.is_pub,
            span: s.name.span,
            derives: Derives::default(),
            schema: SchemaInfo::default(),
            type_id: Some(type_id),
        });
        self.declare_type_name(m, &s.name, TypeName::Adt(id), s.is_pub);
        for (tag, v) in s.variants.iter().enumerate() {
            self.declare_value(m, &v.name, ValueDef::Ctor(id, tag as u32), s.is_pub);
        }
    }

    fn declare_interface(&mut self, m: ModId, iface: &ast::InterfaceDef) {
        let name = iface.name.name.clone();
        if self.traits.contains_key(&name) {
            self.error(Diagnostic::error(
                "E0023",
                format!("interface `{name}` is already defined"),
                iface.name.span,
            ));
            return;
        }
        let methods = iface
            .methods
            .iter()
            .map(|meth| TraitMethod {
                name: meth.name.name.clone(),
                has_self: meth
                    .params
                    .first()
                    .map(|p| matches!(&p.pattern.kind, ast::PatternKind::Bind(id) if id.name == "self"))
                    .unwrap_or(false),
                arity: meth.params.len(),
                ast: Some(Rc::new(meth.clone())),
            })
            .collect();
        self.traits.insert(
            name.clone(),
            TraitDef {
                name: name.clone(),
                module: Some(m),
                generics: iface.generics.iter().map(|g| g.name.clone()).collect(),
                assoc_types: iface.assoc_types.iter().map(|a| a.name.clone()).collect(),
                methods,
            },
        );
        self.modules[m.0 as usize].traits.insert(name, iface.is_pub);
    }

    fn declare_top_let(&mut self, m: ModId, l: &ast::LetStmt) {
        let is_std = self.modules[m.0 as usize].is_std;
        if !is_std {
            self.warn(
                Diagnostic::warning("W0003", "a top-level `let` has no effect", l.span)
                    .with_help("define a function that returns the value instead"),
            );
            return;
        }
        let ast::PatternKind::Bind(name) = &l.pattern.kind else {
            return;
        };
        let value = match &l.value.kind {
            ExprKind::Int(i) => ConstValue::Int(*i),
            ExprKind::Float(f) => ConstValue::Float(*f),
            ExprKind::Bool(b) => ConstValue::Bool(*b),
            ExprKind::Str(parts) => {
                let mut s = String::new();
                for p in parts {
                    if let ast::StrPart::Text(t) = p {
                        s.push_str(t);
                    }
                }
                ConstValue::Str(s)
            }
            _ => {
                self.error(Diagnostic::error(
                    "E0049",
                    "a std constant must be a literal",
                    l.value.span,
                ));
                return;
            }
        };
        self.declare_value(m, name, ValueDef::Const(value), true);
    }

    /// Phase 3a: resolves struct fields, variant fields and alias bodies of module `m`.
    pub(crate) fn define_types(&mut self, m: ModId) {
        let ast = self.modules[m.0 as usize].ast.clone();
        for item in &ast.items {
            match &item.kind {
                ItemKind::Struct(s) => {
                    let Some(TypeName::Adt(id)) = self.lookup_own_type(m, &s.name.name) else {
                        continue;
                    };
                    let env = generic_env(&s.generics);
                    let mut fields: Vec<FieldDef> = Vec::new();
                    for f in &s.fields {
                        if fields.iter().any(|x| x.name == f.name.name) {
                            self.error(Diagnostic::error(
                                "E0009",
                                format!(
                                    "field `{}` is declared twice in struct {}",
                                    f.name.name, s.name.name
                                ),
                                f.name.span,
                            ));
                            continue;
                        }
                        let ty = match &f.ty {
                            Some(t) => self.resolve_type(m, t, &env),
                            None => {
                                self.error(
                                    Diagnostic::error(
                                        "E0043",
                                        format!("field `{}` needs a type annotation", f.name.name),
                                        f.name.span,
                                    )
                                    .with_help(format!(
                                        "write `{} :: String` (or the field's type)",
                                        f.name.name
                                    )),
                                );
                                Ty::unit()
                            }
                        };
                        fields.push(FieldDef {
                            name: f.name.name.clone(),
                            ty,
                            span: f.name.span,
                        });
                    }
                    if self.adts[id.0 as usize].schema.timestamps {
                        for ts in ["inserted_at", "updated_at"] {
                            if !fields.iter().any(|f| f.name == ts) {
                                fields.push(FieldDef {
                                    name: ts.to_string(),
                                    ty: Ty::STRING,
                                    span: s.name.span,
                                });
                            }
                        }
                    }
                    self.adts[id.0 as usize].kind = AdtKind::Struct(fields);
                }
                ItemKind::SumType(s) => {
                    let Some(TypeName::Adt(id)) = self.lookup_own_type(m, &s.name.name) else {
                        continue;
                    };
                    let env = generic_env(&s.generics);
                    let mut variants = Vec::new();
                    for v in &s.variants {
                        let fields = v
                            .fields
                            .iter()
                            .map(|f| self.resolve_type(m, &f.ty, &env))
                            .collect();
                        variants.push(VariantDef {
                            name: v.name.name.clone(),
                            fields,
                            span: v.span,
                        });
                    }
                    self.adts[id.0 as usize].kind = AdtKind::Sum(variants);
                }
                ItemKind::TypeAlias(a) => {
                    if let Some(TypeName::Alias(id)) = self.lookup_own_type(m, &a.name.name) {
                        self.resolve_alias(id);
                    }
                }
                _ => {}
            }
        }
    }

    fn lookup_own_type(&self, m: ModId, name: &str) -> Option<TypeName> {
        self.modules[m.0 as usize]
            .types
            .get(name)
            .map(|(t, _)| t.clone())
    }

    /// Phase 3b: computes declared signatures: externs, fully annotated functions, services.
    pub(crate) fn define_signatures(&mut self, m: ModId) {
        let fn_ids: Vec<FnId> = (0..self.fns.len())
            .filter(|&i| self.fns[i].module == m)
            .map(|i| FnId(i as u32))
            .collect();
        for f in fn_ids {
            let source = self.fns[f.0 as usize].source.clone();
            match source {
                FnSource::Clauses(clauses) => {
                    let first = clauses[0].clone();
                    self.setup_generics(f, &first.generics, &first.where_clause, m);
                    if let Some(ty) = self.declared_fn_type(m, f, &first) {
                        let scheme = self.generalize_rigids(f, ty);
                        self.fns[f.0 as usize].scheme = Some(scheme);
                    }
                }
                FnSource::Extern(_) => {
                    let ast = self.modules[m.0 as usize].ast.clone();
                    let name = self.fns[f.0 as usize].name.clone();
                    let Some(def) = ast.items.iter().find_map(|it| match &it.kind {
                        ItemKind::Fn(d) if d.name.name == name => Some(d.clone()),
                        _ => None,
                    }) else {
                        continue;
                    };
                    self.setup_generics(f, &def.generics, &def.where_clause, m);
                    match self.declared_fn_type(m, f, &def) {
                        Some(ty) => {
                            let scheme = self.generalize_rigids(f, ty);
                            self.fns[f.0 as usize].scheme = Some(scheme);
                        }
                        None => {
                            self.error(Diagnostic::error(
                                "E0043",
                                format!("extern fn `{name}` must annotate every parameter and its result"),
                                def.name.span,
                            ));
                            self.fns[f.0 as usize].scheme =
                                Some(Scheme::mono(Ty::Fun(vec![], Box::new(Ty::unit()))));
                        }
                    }
                }
                _ => {}
            }
        }
        let services: Vec<usize> = self.modules[m.0 as usize]
            .services
            .values()
            .copied()
            .collect();
        let mut services = services;
        services.sort();
        for s in services {
            self.define_service(s);
        }
    }

    /// Creates rigid type variables for a function's declared generics.
    pub(crate) fn setup_generics(
        &mut self,
        f: FnId,
        generics: &[ast::Ident],
        where_clause: &[ast::Bound],
        m: ModId,
    ) {
        let mut list = Vec::new();
        for g in generics {
            let k = self.rigids.len() as u32;
            self.rigids.push(RigidInfo {
                name: g.name.clone(),
                bounds: Vec::new(),
            });
            list.push((g.name.clone(), k));
        }
        for b in where_clause {
            let trait_name = b
                .trait_path
                .last()
                .map(|t| t.name.clone())
                .unwrap_or_default();
            if !self.traits.contains_key(&trait_name) {
                self.error(Diagnostic::error(
                    "E0006",
                    format!("unknown trait `{trait_name}` in `where` clause"),
                    b.span,
                ));
                continue;
            }
            match list.iter().find(|(n, _)| *n == b.param.name) {
                Some((_, k)) => self.rigids[*k as usize].bounds.push(trait_name),
                None => self.error(
                    Diagnostic::error(
                        "E0043",
                        format!(
                            "`{}` is not a type parameter of this function",
                            b.param.name
                        ),
                        b.param.span,
                    )
                    .with_help(format!("declare it: `fn name<{}>(…)`", b.param.name)),
                ),
            }
        }
        let _ = m;
        self.fns[f.0 as usize].generics = list;
    }

    /// The type environment of a function's declared generics (rigid variables).
    pub(crate) fn fn_ty_env(&self, f: FnId) -> TyEnv {
        TyEnv {
            params: self.fns[f.0 as usize]
                .generics
                .iter()
                .map(|(n, k)| (n.clone(), Ty::Rigid(*k)))
                .collect(),
            self_ty: None,
            allow_fresh: true,
            assoc: Vec::new(),
        }
    }

    /// The declared type of a fully annotated function (every parameter and the result).
    fn declared_fn_type(&mut self, m: ModId, f: FnId, def: &ast::FnDef) -> Option<Ty> {
        let ret = def.ret.as_ref()?;
        if def.params.iter().any(|p| p.ty.is_none()) {
            return None;
        }
        let env = self.fn_ty_env(f);
        let params = def
            .params
            .iter()
            .filter_map(|p| p.ty.as_ref())
            .map(|t| self.resolve_type(m, t, &env))
            .collect::<Vec<_>>();
        let ret = self.resolve_type(m, ret, &env);
        Some(Ty::Fun(params, Box::new(ret)))
    }

    /// Turns a function's rigid generics into a scheme's quantified variables.
    pub(crate) fn generalize_rigids(&mut self, f: FnId, ty: Ty) -> Scheme {
        let generics = self.fns[f.0 as usize].generics.clone();
        let map = |k: u32| {
            generics
                .iter()
                .position(|(_, r)| *r == k)
                .map(|i| Ty::Gen(i as u32))
        };
        let ty = self.tys.resolve(&ty).subst_rigid(&map);
        let mut bounds = Vec::new();
        for (i, (_, k)) in generics.iter().enumerate() {
            for b in &self.rigids[*k as usize].bounds {
                bounds.push((i as u32, b.clone()));
            }
        }
        // Remaining free variables (partially annotated signatures) become quantified too.
        let mut free = Vec::new();
        self.tys.free_above(&ty, 0, &mut free);
        let base = generics.len() as u32;
        for (j, v) in free.iter().enumerate() {
            self.tys.bind(*v, Ty::Gen(base + j as u32));
        }
        let ty = self.tys.resolve(&ty);
        Scheme {
            vars: base + free.len() as u32,
            bounds,
            ty,
        }
    }
}

/// Generic parameters of a type definition as `Gen(i)`.
pub(crate) fn generic_env(generics: &[ast::Ident]) -> TyEnv {
    TyEnv {
        params: generics
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.clone(), Ty::Gen(i as u32)))
            .collect(),
        self_ty: None,
        allow_fresh: false,
        assoc: Vec::new(),
    }
}
