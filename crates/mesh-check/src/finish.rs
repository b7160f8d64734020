//! Phase 5: assembling the typed IR program.

use crate::defs::AdtKind;
use crate::tir::{self, TyDesc};
use crate::types::{Ty, TyCon};
use crate::Checker;

impl Checker<'_> {
    /// Builds the [`tir::Program`] from every function and type.
    pub(crate) fn finish(&mut self) -> tir::Program {
        let functions = self
            .fns
            .iter()
            .map(|f| tir::FnDecl {
                name: f.qual_name.clone(),
                span: f.span,
                params: f.params.clone(),
                body: f.body.clone().unwrap_or_else(|| tir::Expr::unit(f.span)),
                num_locals: f.num_locals.max(f.params.len() as u32),
            })
            .collect();
        let types = self
            .type_order
            .iter()
            .map(|id| {
                let adt = &self.adts[id.0 as usize];
                let kind = match &adt.kind {
                    AdtKind::Struct(fields) => tir::TypeDefKind::Struct(
                        fields
                            .iter()
                            .map(|f| (f.name.clone(), self.ty_desc(&f.ty)))
                            .collect(),
                    ),
                    AdtKind::Sum(vs) => tir::TypeDefKind::Sum(
                        vs.iter()
                            .map(|v| {
                                (
                                    v.name.clone(),
                                    v.fields.iter().map(|t| self.ty_desc(t)).collect(),
                                )
                            })
                            .collect(),
                    ),
                    AdtKind::Opaque => tir::TypeDefKind::Struct(Vec::new()),
                };
                tir::TypeDef {
                    name: adt.name.clone(),
                    kind,
                }
            })
            .collect();
        tir::Program {
            functions,
            types,
            entry: self.entry.unwrap_or_default(),
        }
    }

    /// The run-time description of a field type.
    fn ty_desc(&self, ty: &Ty) -> TyDesc {
        match self.tys.resolve(ty) {
            Ty::Con(c, args) => match c {
                TyCon::Int => TyDesc::Int,
                TyCon::Float => TyDesc::Float,
                TyCon::Bool => TyDesc::Bool,
                TyCon::String | TyCon::Atom => TyDesc::String,
                TyCon::List => TyDesc::List(Box::new(
                    args.first()
                        .map(|a| self.ty_desc(a))
                        .unwrap_or(TyDesc::Unit),
                )),
                TyCon::Set => TyDesc::Set(Box::new(
                    args.first()
                        .map(|a| self.ty_desc(a))
                        .unwrap_or(TyDesc::Unit),
                )),
                TyCon::Map => TyDesc::Map(
                    Box::new(
                        args.first()
                            .map(|a| self.ty_desc(a))
                            .unwrap_or(TyDesc::Unit),
                    ),
                    Box::new(args.get(1).map(|a| self.ty_desc(a)).unwrap_or(TyDesc::Unit)),
                ),
                TyCon::Pid => TyDesc::Opaque("Pid".into()),
                TyCon::Adt(id) => {
                    let adt = &self.adts[id.0 as usize];
                    match adt.type_id {
                        Some(t) => TyDesc::Named(t, args.iter().map(|a| self.ty_desc(a)).collect()),
                        None => TyDesc::Opaque(adt.name.clone()),
                    }
                }
            },
            Ty::Tuple(items) if items.is_empty() => TyDesc::Unit,
            Ty::Tuple(items) => TyDesc::Tuple(items.iter().map(|t| self.ty_desc(t)).collect()),
            Ty::Gen(i) => TyDesc::Param(i),
            Ty::Fun(..) => TyDesc::Opaque("Function".into()),
            _ => TyDesc::Opaque("?".into()),
        }
    }
}
