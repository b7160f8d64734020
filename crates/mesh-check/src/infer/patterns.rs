//! Patterns: typing, binding and lowering (language.md §8).
//!
//! A bare name is a nullary constructor if one of that name is in scope (`None`, `Red`),
//! otherwise a binding — in `case` arms and in parameters alike (the original treated
//! `fn f(None)` as a binding; we do what the programmer meant).

use super::{FnCtx, LocalTy};
use crate::defs::AdtKind;
use crate::tir::{self, LocalId};
use crate::types::{AdtId, Ty};
use crate::Checker;
use mesh_syntax::ast::{self, PatternKind};
use mesh_syntax::Diagnostic;

impl Checker<'_> {
    /// Types `p` against `ty`, binds its names in the innermost scope and lowers it.
    pub(crate) fn check_pattern(
        &mut self,
        cx: &mut FnCtx,
        p: &ast::Pattern,
        ty: &Ty,
        _is_param: bool,
    ) -> tir::Pattern {
        let mut rebind: Option<Vec<(String, LocalId, Ty)>> = None;
        let mut bound = Vec::new();
        self.pattern(cx, p, ty, &mut rebind, &mut bound)
    }

    fn pattern(
        &mut self,
        cx: &mut FnCtx,
        p: &ast::Pattern,
        ty: &Ty,
        rebind: &mut Option<Vec<(String, LocalId, Ty)>>,
        bound: &mut Vec<(String, LocalId, Ty)>,
    ) -> tir::Pattern {
        let span = p.span;
        match &p.kind {
            PatternKind::Wildcard => tir::Pattern::Wildcard,
            PatternKind::Bind(name) => {
                if name.name != "self" && self.is_nullary_ctor(cx, &name.name) {
                    if let Some((adt, tag)) = self.resolve_ctor(cx, &name.name) {
                        return self.ctor_pattern(cx, adt, tag, &[], ty, p, rebind, bound);
                    }
                }
                if let Some(existing) = rebind
                    .as_ref()
                    .and_then(|r| r.iter().find(|(n, _, _)| *n == name.name).cloned())
                {
                    self.unify_at(&existing.2, ty, span);
                    bound.push(existing.clone());
                    return tir::Pattern::Bind(existing.1);
                }
                if bound.iter().any(|(n, _, _)| *n == name.name) {
                    self.error(Diagnostic::error(
                        "E0011",
                        format!("`{}` is bound more than once in this pattern", name.name),
                        name.span,
                    ));
                }
                let id = cx.fresh_local();
                cx.bind(&name.name, id, LocalTy::Mono(ty.clone()));
                bound.push((name.name.clone(), id, ty.clone()));
                tir::Pattern::Bind(id)
            }
            PatternKind::Int(i) => {
                self.unify_msg(ty, &Ty::INT, span, Some("by the value being matched"));
                tir::Pattern::Int(*i)
            }
            PatternKind::Float(f) => {
                self.unify_msg(ty, &Ty::FLOAT, span, Some("by the value being matched"));
                tir::Pattern::Float(*f)
            }
            PatternKind::Bool(b) => {
                self.unify_msg(ty, &Ty::BOOL, span, Some("by the value being matched"));
                tir::Pattern::Bool(*b)
            }
            PatternKind::Str(s) => {
                self.unify_msg(ty, &Ty::STRING, span, Some("by the value being matched"));
                tir::Pattern::Str(s.clone())
            }
            PatternKind::Unit => {
                self.unify_msg(ty, &Ty::unit(), span, Some("by the value being matched"));
                tir::Pattern::Unit
            }
            PatternKind::Tuple(items) => {
                let parts: Vec<Ty> = items.iter().map(|_| self.tys.fresh()).collect();
                self.unify_msg(
                    ty,
                    &Ty::Tuple(parts.clone()),
                    span,
                    Some("by the value being matched"),
                );
                let pats = items
                    .iter()
                    .zip(parts.iter())
                    .map(|(it, t)| self.pattern(cx, it, t, rebind, bound))
                    .collect();
                tir::Pattern::Tuple(pats)
            }
            PatternKind::Constructor {
                type_name,
                name,
                args,
            } => {
                let resolved = match type_name {
                    Some(t) => self.qualified_ctor(cx, &t.name, &name.name),
                    None => self.resolve_ctor(cx, &name.name),
                };
                let Some((adt, tag)) = resolved else {
                    let full = match type_name {
                        Some(t) => format!("{}.{}", t.name, name.name),
                        None => name.name.clone(),
                    };
                    cx.pattern_errors += 1;
                    self.error(
                        Diagnostic::error("E0010", format!("unknown variant: {full}"), name.span)
                            .with_help("define it in a `type … do … end` or import its type"),
                    );
                    for a in args.iter().flatten() {
                        let t = self.tys.fresh();
                        self.pattern(cx, a, &t, rebind, bound);
                    }
                    return tir::Pattern::Wildcard;
                };
                let args = args.clone().unwrap_or_default();
                self.ctor_pattern(cx, adt, tag, &args, ty, p, rebind, bound)
            }
            PatternKind::Or(alts) => {
                let mut out = Vec::new();
                let mut first_names: Option<Vec<(String, LocalId, Ty)>> = None;
                for alt in alts {
                    let mut alt_bound = Vec::new();
                    let mut alt_rebind = first_names.clone();
                    let pat = self.pattern(cx, alt, ty, &mut alt_rebind, &mut alt_bound);
                    match &first_names {
                        None => first_names = Some(alt_bound),
                        Some(first) => {
                            let mut a: Vec<&str> =
                                first.iter().map(|(n, _, _)| n.as_str()).collect();
                            let mut b: Vec<&str> =
                                alt_bound.iter().map(|(n, _, _)| n.as_str()).collect();
                            a.sort();
                            b.sort();
                            if a != b {
                                self.error(Diagnostic::error(
                                    "E0011",
                                    format!(
                                        "or-pattern binding mismatch: the alternatives bind [{}] and [{}]",
                                        a.join(", "),
                                        b.join(", ")
                                    ),
                                    alt.span,
                                ).with_help("every alternative of `|` must bind the same names"));
                            }
                        }
                    }
                    out.push(pat);
                }
                if let Some(names) = first_names {
                    bound.extend(names);
                }
                tir::Pattern::Or(out)
            }
            PatternKind::As(inner, name) => {
                let pat = self.pattern(cx, inner, ty, rebind, bound);
                let id = match rebind
                    .as_ref()
                    .and_then(|r| r.iter().find(|(n, _, _)| *n == name.name).cloned())
                {
                    Some(existing) => existing.1,
                    None => {
                        let id = cx.fresh_local();
                        cx.bind(&name.name, id, LocalTy::Mono(ty.clone()));
                        id
                    }
                };
                bound.push((name.name.clone(), id, ty.clone()));
                tir::Pattern::As(Box::new(pat), id)
            }
            PatternKind::Cons(head, tail) => {
                let elem = self.tys.fresh();
                self.unify_msg(
                    ty,
                    &Ty::list(elem.clone()),
                    span,
                    Some("by the value being matched"),
                );
                let h = self.pattern(cx, head, &elem, rebind, bound);
                let t = self.pattern(cx, tail, &Ty::list(elem), rebind, bound);
                tir::Pattern::Cons(Box::new(h), Box::new(t))
            }
        }
    }

    fn qualified_ctor(&self, cx: &FnCtx, type_name: &str, variant: &str) -> Option<(AdtId, u32)> {
        let adt = match type_name {
            "Option" => AdtId::OPTION,
            "Result" => AdtId::RESULT,
            "Ordering" => AdtId::ORDERING,
            _ => match self.lookup_type_name(cx.module, type_name)? {
                crate::defs::TypeName::Adt(id) => id,
                _ => return None,
            },
        };
        match &self.adts[adt.0 as usize].kind {
            AdtKind::Sum(vs) => vs
                .iter()
                .position(|v| v.name == variant)
                .map(|i| (adt, i as u32)),
            _ => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn ctor_pattern(
        &mut self,
        cx: &mut FnCtx,
        adt: AdtId,
        tag: u32,
        args: &[ast::Pattern],
        ty: &Ty,
        p: &ast::Pattern,
        rebind: &mut Option<Vec<(String, LocalId, Ty)>>,
        bound: &mut Vec<(String, LocalId, Ty)>,
    ) -> tir::Pattern {
        let (fields, result) = self.ctor_type(adt, tag);
        self.unify_msg(ty, &result, p.span, Some("by the value being matched"));
        if fields.len() != args.len() {
            cx.pattern_errors += 1;
            let vname = match &self.adts[adt.0 as usize].kind {
                AdtKind::Sum(vs) => vs[tag as usize].name.clone(),
                _ => String::new(),
            };
            self.error(
                Diagnostic::error(
                    "E0003",
                    format!(
                        "expected {} argument(s), found {}",
                        fields.len(),
                        args.len()
                    ),
                    p.span,
                )
                .with_help(format!("`{vname}` has {} field(s)", fields.len())),
            );
        }
        let pats = args
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let t = fields.get(i).cloned().unwrap_or_else(|| self.tys.fresh());
                self.pattern(cx, a, &t, rebind, bound)
            })
            .collect::<Vec<_>>();
        let pats = if fields.len() == pats.len() {
            pats
        } else {
            (0..fields.len()).map(|_| tir::Pattern::Wildcard).collect()
        };
        tir::Pattern::Variant {
            type_id: self.adts[adt.0 as usize].type_id.unwrap_or(tir::TypeId(0)),
            tag,
            args: pats,
        }
    }
}
