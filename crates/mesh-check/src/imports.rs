//! Resolving `import A.B` and `from A.B import x, y` (phase 2).
//!
//! `import A.B.C` makes the module usable as `C.f(...)`. `from A.B import x` brings `x`
//! into scope unqualified (a function, struct, sum type with its constructors, service,
//! actor or supervisor). As in the original, importing a module in either form also makes
//! all its `pub` structs and sum types (with constructors) known unqualified. A standard
//! library module name as the last segment of an unknown path is a harmless no-op.

use crate::defs::{ModId, TypeName, ValueDef};
use crate::Checker;
use mesh_syntax::ast::{self, ItemKind};
use mesh_syntax::Diagnostic;

impl Checker<'_> {
    /// Resolves the imports of module `m`.
    pub(crate) fn resolve_imports(&mut self, m: ModId) {
        let ast = self.modules[m.0 as usize].ast.clone();
        for item in &ast.items {
            match &item.kind {
                ItemKind::Import(imp) => {
                    if let Some(target) = self.find_import_target(m, &imp.path, imp.span) {
                        self.add_module_alias(m, &imp.path, target);
                        self.import_pub_types(m, target);
                    }
                }
                ItemKind::FromImport(imp) => {
                    if let Some(target) = self.find_import_target(m, &imp.path, imp.span) {
                        self.add_module_alias(m, &imp.path, target);
                        for name in &imp.names {
                            self.import_name(m, target, &imp.path, name);
                        }
                        self.import_pub_types(m, target);
                    }
                }
                _ => {}
            }
        }
    }

    fn find_import_target(
        &mut self,
        m: ModId,
        path: &[ast::Ident],
        span: mesh_syntax::Span,
    ) -> Option<ModId> {
        let full: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
        let full = full.join(".");
        if let Some(i) = self
            .modules
            .iter()
            .position(|x| !x.is_std && x.name == full)
        {
            return Some(ModId(i as u32));
        }
        if let Some(&sm) = self.std_modules.get(&full) {
            return Some(sm);
        }
        let last = path.last().map(|p| p.name.as_str()).unwrap_or("");
        if let Some(&sm) = self.std_modules.get(last) {
            return Some(sm);
        }
        let _ = m;
        let mut d = Diagnostic::error("E0031", format!("module `{full}` not found"), span)
            .with_label("no such module in this project");
        if let Some(best) = self.closest_module_name(&full) {
            d = d.with_help(format!("did you mean `{best}`?"));
        }
        self.error(d);
        None
    }

    fn closest_module_name(&self, name: &str) -> Option<String> {
        self.modules
            .iter()
            .filter(|x| !x.is_std)
            .map(|x| (crate::infer::edit_distance(&x.name, name), x.name.clone()))
            .filter(|(d, _)| *d <= 2)
            .min()
            .map(|(_, n)| n)
    }

    fn add_module_alias(&mut self, m: ModId, path: &[ast::Ident], target: ModId) {
        let Some(last) = path.last() else {
            return;
        };
        let list = self.modules[m.0 as usize]
            .imported_modules
            .entry(last.name.clone())
            .or_default();
        if !list.contains(&target) {
            list.push(target);
        }
    }

    fn import_name(&mut self, m: ModId, target: ModId, path: &[ast::Ident], name: &ast::Ident) {
        let t = &self.modules[target.0 as usize];
        let mut found = false;
        let mut private = false;
        let value = t.values.get(&name.name).cloned();
        let ty = t.types.get(&name.name).cloned();
        let service = t.services.get(&name.name).copied();
        let is_trait = t.traits.get(&name.name).copied();
        if let Some((def, is_pub)) = value {
            found = true;
            if is_pub {
                self.modules[m.0 as usize]
                    .imported_values
                    .insert(name.name.clone(), def);
            } else {
                private = true;
            }
        }
        if let Some((tn, is_pub)) = ty {
            found = true;
            if is_pub {
                self.modules[m.0 as usize]
                    .imported_types
                    .insert(name.name.clone(), tn.clone());
                if let TypeName::Adt(id) = tn {
                    self.import_ctors(m, id);
                }
            } else {
                private = true;
            }
        }
        if let Some(s) = service {
            found = true;
            private = false;
            self.modules[m.0 as usize]
                .imported_services
                .insert(name.name.clone(), s);
        }
        if let Some(p) = is_trait {
            found = true;
            if !p {
                private = true;
            }
        }
        let module_name: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
        let module_name = module_name.join(".");
        if !found {
            let t = &self.modules[target.0 as usize];
            let available: Vec<&str> = t
                .export_order
                .iter()
                .filter(|n| {
                    t.values.get(*n).map(|v| v.1).unwrap_or(false)
                        || t.types.get(*n).map(|v| v.1).unwrap_or(false)
                        || t.services.contains_key(*n)
                })
                .map(|s| s.as_str())
                .collect();
            let mut d = Diagnostic::error(
                "E0034",
                format!("`{}` is not exported by module `{module_name}`", name.name),
                name.span,
            );
            if !available.is_empty() {
                d = d.with_help(format!("available: {}", available.join(", ")));
            }
            self.error(d);
        } else if private {
            self.error(Diagnostic::error(
                "E0035",
                format!(
                    "`{}` is private in module `{module_name}`; add `pub` to make it accessible",
                    name.name
                ),
                name.span,
            ));
        }
    }

    fn import_ctors(&mut self, m: ModId, id: crate::types::AdtId) {
        if let crate::defs::AdtKind::Sum(vs) = &self.adts[id.0 as usize].kind {
            let names: Vec<String> = vs.iter().map(|v| v.name.clone()).collect();
            for (tag, n) in names.into_iter().enumerate() {
                self.modules[m.0 as usize]
                    .imported_values
                    .entry(n)
                    .or_insert(ValueDef::Ctor(id, tag as u32));
            }
        }
    }

    /// The original's leniency: every `pub` struct and sum type of an imported module is
    /// usable unqualified (explicit imports and local definitions take precedence).
    fn import_pub_types(&mut self, m: ModId, target: ModId) {
        if self.modules[target.0 as usize].is_std {
            return;
        }
        let types: Vec<(String, TypeName)> = self.modules[target.0 as usize]
            .types
            .iter()
            .filter(|(_, (_, is_pub))| *is_pub)
            .map(|(n, (t, _))| (n.clone(), t.clone()))
            .collect();
        for (n, t) in types {
            if self.modules[m.0 as usize].types.contains_key(&n) {
                continue;
            }
            self.modules[m.0 as usize]
                .imported_types
                .entry(n)
                .or_insert(t.clone());
            if let TypeName::Adt(id) = t {
                self.import_ctors(m, id);
            }
        }
    }
}
