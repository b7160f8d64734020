//! `deriving(...)`: which traits a type gets, and the checks on them (language.md §10).
//!
//! No clause at all means `Eq, Ord, Debug, Hash`; `deriving()` means nothing. Derived
//! Eq/Ord/Hash/Display/Debug are structural (the VM's), so nothing is generated for them.
//! `Json` and `Row` check that every field can be encoded/decoded; `Schema` provides the
//! metadata functions (`__table__()`…), answered at their call sites.

use crate::defs::*;
use crate::types::{Ty, TyCon};
use crate::Checker;
use mesh_syntax::ast::{self, ItemKind};
use mesh_syntax::Diagnostic;

const DERIVABLE: &[&str] = &[
    "Eq", "Ord", "Display", "Debug", "Hash", "Json", "Row", "Schema",
];

impl Checker<'_> {
    /// Phase 3d: applies and validates the deriving clauses of module `m`.
    pub(crate) fn check_derives(&mut self, m: ModId) {
        let ast = self.modules[m.0 as usize].ast.clone();
        // First set every type's flags (types of one module may refer to each other), then
        // validate field types.
        let mut to_validate = Vec::new();
        for item in &ast.items {
            let (name, deriving, is_struct) = match &item.kind {
                ItemKind::Struct(s) => (&s.name, &s.deriving, true),
                ItemKind::SumType(s) => (&s.name, &s.deriving, false),
                _ => continue,
            };
            let Some((TypeName::Adt(id), _)) =
                self.modules[m.0 as usize].types.get(&name.name).cloned()
            else {
                continue;
            };
            let mut d = Derives::default();
            match deriving {
                None => {
                    d.eq = true;
                    d.ord = true;
                    d.debug = true;
                    d.hash = true;
                }
                Some(list) => {
                    for t in list {
                        match t.name.as_str() {
                            "Eq" => d.eq = true,
                            "Ord" => d.ord = true,
                            "Display" => d.display = true,
                            "Debug" => d.debug = true,
                            "Hash" => d.hash = true,
                            "Json" => d.json = true,
                            "Row" => d.row = true,
                            "Schema" if is_struct => d.schema = true,
                            "Schema" => self.error(Diagnostic::error(
                                "E0028",
                                format!("cannot derive `Schema` for `{}` -- only structs can derive Schema", name.name),
                                t.span,
                            )),
                            other => self.error(
                                Diagnostic::error(
                                    "E0028",
                                    format!(
                                        "cannot derive `{other}` for `{}` -- only {} are derivable",
                                        name.name,
                                        DERIVABLE.join(", ")
                                    ),
                                    t.span,
                                ),
                            ),
                        }
                    }
                    if d.ord && !d.eq {
                        let span = list
                            .iter()
                            .find(|t| t.name == "Ord")
                            .map(|t| t.span)
                            .unwrap_or(name.span);
                        self.error(
                            Diagnostic::error(
                                "E0029",
                                format!(
                                    "deriving `Ord` for `{}` requires `Eq` to also be derived",
                                    name.name
                                ),
                                span,
                            )
                            .with_help("write `deriving(Eq, Ord, …)`"),
                        );
                        d = Derives::default();
                    }
                }
            }
            self.adts[id.0 as usize].derives = d;
            to_validate.push((id, item.clone()));
        }
        for (id, item) in to_validate {
            self.validate_derived_fields(id, &item);
        }
    }

    fn validate_derived_fields(&mut self, id: crate::types::AdtId, item: &ast::Item) {
        let d = self.adts[id.0 as usize].derives.clone();
        let fields: Vec<(String, Ty, mesh_syntax::Span)> = match &self.adts[id.0 as usize].kind {
            AdtKind::Struct(fs) => fs
                .iter()
                .map(|f| (f.name.clone(), f.ty.clone(), f.span))
                .collect(),
            AdtKind::Sum(vs) => vs
                .iter()
                .flat_map(|v| {
                    v.fields
                        .iter()
                        .enumerate()
                        .map(move |(i, t)| (format!("{}.{}", v.name, i), t.clone(), v.span))
                })
                .collect(),
            AdtKind::Opaque => Vec::new(),
        };
        let _ = item;
        if d.json {
            for (fname, ty, span) in &fields {
                if !self.json_serializable(ty) {
                    let shown = self.show(ty);
                    self.error(Diagnostic::error(
                        "E0038",
                        format!("field `{fname}` of type `{shown}` is not JSON-serializable"),
                        *span,
                    ).with_help("JSON fields may be Int, Float, Bool, String, Option, List, Map<String, _> or types deriving Json"));
                }
            }
        }
        if d.row {
            if let AdtKind::Struct(_) = self.adts[id.0 as usize].kind {
                for (fname, ty, span) in &fields {
                    if !self.row_mappable(ty) {
                        let shown = self.show(ty);
                        self.error(Diagnostic::error(
                            "E0039",
                            format!("field `{fname}` has type `{shown}` which cannot be mapped from a database row"),
                            *span,
                        ).with_help("row fields may be Int, Float, Bool, String, a type deriving Json (read from JSON text), or an Option of those"));
                    }
                }
            }
        }
    }

    /// Can values of `ty` be written as JSON by a derived encoder?
    fn json_serializable(&self, ty: &Ty) -> bool {
        match self.tys.shallow(ty) {
            Ty::Gen(_) | Ty::Var(_) | Ty::Rigid(_) => true,
            Ty::Tuple(items) => items.is_empty(),
            Ty::Con(c, args) => match c {
                TyCon::Int | TyCon::Float | TyCon::Bool | TyCon::String | TyCon::Atom => true,
                TyCon::List | TyCon::Set => args.iter().all(|a| self.json_serializable(a)),
                TyCon::Map => {
                    matches!(
                        args.first().map(|k| self.tys.shallow(k)),
                        Some(Ty::Con(TyCon::String, _)) | Some(Ty::Gen(_))
                    ) && args
                        .get(1)
                        .map(|v| self.json_serializable(v))
                        .unwrap_or(false)
                }
                TyCon::Pid => false,
                TyCon::Adt(id) => {
                    let adt = &self.adts[id.0 as usize];
                    // The opaque `Json` value of the standard library encodes as itself.
                    if matches!(adt.kind, AdtKind::Opaque) {
                        return adt.name == "Json";
                    }
                    (adt.derives.json || id.0 < 2) && args.iter().all(|a| self.json_serializable(a))
                }
            },
            _ => false,
        }
    }
}

impl Checker<'_> {
    /// Can a database column be decoded into `ty`? Scalars, types deriving `Json` (from
    /// the column's JSON text), and Options of those.
    fn row_mappable(&self, ty: &Ty) -> bool {
        match self.tys.shallow(ty) {
            Ty::Con(TyCon::Int | TyCon::Float | TyCon::Bool | TyCon::String, _) => true,
            Ty::Con(TyCon::Adt(id), args) if id == crate::types::AdtId::OPTION => {
                args.first().map(|a| self.row_mappable(a)).unwrap_or(false)
            }
            Ty::Con(TyCon::Adt(id), _) => {
                let adt = &self.adts[id.0 as usize];
                adt.derives.json && !matches!(adt.kind, AdtKind::Opaque)
            }
            _ => false,
        }
    }
}
