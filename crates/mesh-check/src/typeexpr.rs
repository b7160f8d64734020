//! Turning written types (`List<Option<User>>`, `Int!String`, `Fun(Int) -> Bool`) into
//! [`Ty`]s: name lookup in the module's scope, alias expansion, arity checks.

use crate::defs::{ModId, TypeName};
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast::{TypeExpr, TypeExprKind};
use mesh_syntax::Diagnostic;

/// How names of generic parameters map to types while resolving.
#[derive(Clone, Default)]
pub struct TyEnv {
    /// In scope generic parameters: name → `Gen(i)` (type definitions) or `Rigid(k)`.
    pub params: Vec<(String, Ty)>,
    /// What `Self` means (inside impls).
    pub self_ty: Option<Ty>,
    /// True where a generic type written without arguments may get fresh variables (in
    /// function signatures and `let` annotations); false in type definitions.
    pub allow_fresh: bool,
    /// What `Self.X` means (inside impls: the impl's associated types).
    pub assoc: Vec<(String, Ty)>,
}

impl Checker<'_> {
    /// Looks up a type name visible in module `m` (own, imported, lenient, std, built-in).
    pub(crate) fn lookup_type_name(&self, m: ModId, name: &str) -> Option<TypeName> {
        let module = &self.modules[m.0 as usize];
        if let Some((t, _)) = module.types.get(name) {
            return Some(t.clone());
        }
        if let Some(t) = module.imported_types.get(name) {
            return Some(t.clone());
        }
        // Standard-library types (`PoolHandle`, `Range`, …) need no import.
        for &sm in self.std_modules.values() {
            if let Some((t, true)) = self.modules[sm.0 as usize].types.get(name) {
                return Some(t.clone());
            }
        }
        None
    }

    /// Resolves a written type in module `m`.
    pub(crate) fn resolve_type(&mut self, m: ModId, te: &TypeExpr, env: &TyEnv) -> Ty {
        match &te.kind {
            TypeExprKind::Tuple(items) => {
                Ty::Tuple(items.iter().map(|t| self.resolve_type(m, t, env)).collect())
            }
            TypeExprKind::Fun { params, ret } => Ty::Fun(
                params
                    .iter()
                    .map(|t| self.resolve_type(m, t, env))
                    .collect(),
                Box::new(self.resolve_type(m, ret, env)),
            ),
            TypeExprKind::Named { path, args } => {
                let args_ty: Vec<Ty> = args.iter().map(|t| self.resolve_type(m, t, env)).collect();
                if path.len() == 1 {
                    let name = path[0].name.as_str();
                    if let Some((_, t)) = env.params.iter().rev().find(|(n, _)| n == name) {
                        if !args_ty.is_empty() {
                            self.error(Diagnostic::error(
                                "E0043",
                                format!("type parameter `{name}` does not take type arguments"),
                                te.span,
                            ));
                        }
                        return t.clone();
                    }
                    if name == "Self" {
                        if let Some(s) = &env.self_ty {
                            return s.clone();
                        }
                    }
                    if let Some(t) = self.builtin_type(name, args_ty.clone(), env, te) {
                        return t;
                    }
                }
                if path.len() == 2 && path[0].name == "Self" {
                    if let Some((_, t)) = env.assoc.iter().find(|(n, _)| *n == path[1].name) {
                        return t.clone();
                    }
                    self.error(Diagnostic::error(
                        "E0042",
                        format!(
                            "cannot resolve associated type `Self.{}` outside an interface or impl",
                            path[1].name
                        ),
                        te.span,
                    ));
                    return self.tys.fresh();
                }
                let found = if path.len() == 1 {
                    self.lookup_type_name(m, &path[0].name)
                } else {
                    self.lookup_qualified_type(m, path)
                };
                match found {
                    Some(TypeName::Adt(id)) => self.apply_adt(id, args_ty, env, te),
                    Some(TypeName::Alias(a)) => self.expand_alias(a, args_ty, te),
                    None => {
                        let name: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
                        self.error(
                            Diagnostic::error(
                                "E0043",
                                format!("unknown type `{}`", name.join(".")),
                                te.span,
                            )
                            .with_label("not found in this scope")
                            .with_help("define it, import it with `from Module import Name`, or check the spelling"),
                        );
                        self.tys.fresh()
                    }
                }
            }
        }
    }

    fn lookup_qualified_type(
        &self,
        m: ModId,
        path: &[mesh_syntax::ast::Ident],
    ) -> Option<TypeName> {
        let (last, prefix) = path.split_last()?;
        let prefix: Vec<&str> = prefix.iter().map(|p| p.name.as_str()).collect();
        let prefix = prefix.join(".");
        let module = &self.modules[m.0 as usize];
        let last_segment = path[path.len() - 2].name.as_str();
        let target = module
            .imported_modules
            .get(last_segment)
            .and_then(|list| {
                list.iter().copied().find(|t| {
                    self.modules[t.0 as usize]
                        .types
                        .get(&last.name)
                        .map(|x| x.1)
                        .unwrap_or(false)
                })
            })
            .or_else(|| {
                self.modules
                    .iter()
                    .position(|x| x.name == prefix)
                    .map(|i| ModId(i as u32))
            })?;
        match self.modules[target.0 as usize].types.get(&last.name) {
            Some((t, true)) => Some(t.clone()),
            _ => None,
        }
    }

    fn builtin_type(
        &mut self,
        name: &str,
        args: Vec<Ty>,
        env: &TyEnv,
        te: &TypeExpr,
    ) -> Option<Ty> {
        let (con, arity) = match name {
            "Int" => (TyCon::Int, 0),
            "Float" => (TyCon::Float, 0),
            "Bool" => (TyCon::Bool, 0),
            "String" => (TyCon::String, 0),
            "Atom" => (TyCon::Atom, 0),
            "List" => (TyCon::List, 1),
            "Map" => (TyCon::Map, 2),
            "Set" => (TyCon::Set, 1),
            "Pid" => {
                return Some(match args.len() {
                    0 => Ty::Con(TyCon::Pid, vec![]),
                    1 => Ty::Con(TyCon::Pid, args),
                    n => {
                        self.arity_error("Pid", 1, n, te);
                        Ty::Con(TyCon::Pid, vec![])
                    }
                })
            }
            "Option" => (TyCon::Adt(AdtId::OPTION), 1),
            "Result" => (TyCon::Adt(AdtId::RESULT), 2),
            "Ordering" => (TyCon::Adt(AdtId::ORDERING), 0),
            _ => return None,
        };
        Some(self.apply_con(con, name, arity, args, env, te))
    }

    fn apply_con(
        &mut self,
        con: TyCon,
        name: &str,
        arity: usize,
        args: Vec<Ty>,
        env: &TyEnv,
        te: &TypeExpr,
    ) -> Ty {
        if args.len() == arity {
            return Ty::Con(con, args);
        }
        if args.is_empty() {
            // `Set` without arguments: the reference's Int-only set; elsewhere fresh
            // variables where inference can fill them in.
            if con == TyCon::Set && !env.allow_fresh {
                return Ty::Con(con, vec![Ty::INT]);
            }
            if env.allow_fresh {
                let fresh = (0..arity).map(|_| self.tys.fresh()).collect();
                return Ty::Con(con, fresh);
            }
        }
        self.arity_error(name, arity, args.len(), te);
        Ty::Con(con, (0..arity).map(|_| self.tys.fresh()).collect())
    }

    fn arity_error(&mut self, name: &str, expected: usize, found: usize, te: &TypeExpr) {
        self.error(Diagnostic::error(
            "E0003",
            format!("type `{name}` expects {expected} type argument(s), found {found}"),
            te.span,
        ));
    }

    fn apply_adt(&mut self, id: AdtId, args: Vec<Ty>, env: &TyEnv, te: &TypeExpr) -> Ty {
        let arity = self.adts[id.0 as usize].generics.len();
        let name = self.adts[id.0 as usize].name.clone();
        self.apply_con(TyCon::Adt(id), &name, arity, args, env, te)
    }

    fn expand_alias(&mut self, a: u32, args: Vec<Ty>, te: &TypeExpr) -> Ty {
        let arity = self.aliases[a as usize].generics.len();
        if args.len() != arity {
            let name = self.aliases[a as usize].name.clone();
            self.arity_error(&name, arity, args.len(), te);
            return self.tys.fresh();
        }
        match self.aliases[a as usize].ty.clone() {
            Some(body) => body.subst_gen(&args),
            None => {
                // Alias used before its own definition was resolved (or cyclic).
                self.resolve_alias(a);
                match self.aliases[a as usize].ty.clone() {
                    Some(body) => body.subst_gen(&args),
                    None => self.tys.fresh(),
                }
            }
        }
    }

    /// Resolves the body of alias `a` (guarding against cycles).
    pub(crate) fn resolve_alias(&mut self, a: u32) {
        if self.aliases[a as usize].ty.is_some() {
            return;
        }
        // Mark as in progress with a placeholder to cut cycles.
        self.aliases[a as usize].ty = Some(Ty::Never);
        let alias = &self.aliases[a as usize];
        let m = alias.module;
        let ast = alias.ast.clone();
        let env = TyEnv {
            params: alias
                .generics
                .iter()
                .enumerate()
                .map(|(i, g)| (g.clone(), Ty::Gen(i as u32)))
                .collect(),
            self_ty: None,
            allow_fresh: false,
            assoc: Vec::new(),
        };
        let ty = self.resolve_type(m, &ast, &env);
        self.aliases[a as usize].ty = Some(ty);
    }
}
