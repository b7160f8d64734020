//! Exhaustiveness and redundancy of matches (language.md §8.4): the usefulness algorithm
//! over pattern matrices (Maranget, "Warnings for pattern matching").
//!
//! Finite universes: `Bool`, `()`, tuples (one constructor), sum types (their variants),
//! lists (`h :: t` and the empty list — which no pattern can name, so a list match needs a
//! catch-all). Everything else (Int, Float, String…) is infinite. Guarded arms never count
//! towards exhaustiveness and never make later arms redundant.

use crate::defs::AdtKind;
use crate::tir::{self, TypeId};
use crate::types::{AdtId, Ty, TyCon};
use crate::Checker;
use mesh_syntax::{Diagnostic, Span};

/// A match to check once its scrutinee type is known.
pub struct MatchCheck {
    pub ty: Ty,
    /// Each arm's pattern, whether it has a guard, and where it is.
    pub arms: Vec<(tir::Pattern, bool, Span)>,
    /// A pattern of this match had an error: skip the analysis (it would only cascade).
    pub poisoned: bool,
    pub span: Span,
    /// `case` (error) or function clauses (warning).
    pub is_error: bool,
    /// What is matched, for messages (`case`, function `f/2`).
    pub what: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Ctor {
    Variant(u32),
    Bool(bool),
    Tuple(usize),
    Cons,
    Nil,
    /// A literal of an infinite type (Int/Float/String), by its text.
    Lit(String),
}

#[derive(Clone, Debug)]
enum Pat {
    Wild,
    Ctor(Ctor, Vec<Pat>),
    Or(Vec<Pat>),
}

/// A witness of a value no arm matches.
#[derive(Clone, Debug)]
enum Wit {
    Wild,
    Ctor(Ctor, Vec<Wit>),
}

fn lower(p: &tir::Pattern) -> Pat {
    match p {
        tir::Pattern::Wildcard | tir::Pattern::Bind(_) => Pat::Wild,
        tir::Pattern::As(inner, _) => lower(inner),
        tir::Pattern::Typed { pattern, .. } => lower(pattern),
        tir::Pattern::Or(alts) => Pat::Or(alts.iter().map(lower).collect()),
        tir::Pattern::Variant { tag, args, .. } => {
            Pat::Ctor(Ctor::Variant(*tag), args.iter().map(lower).collect())
        }
        tir::Pattern::Tuple(items) => {
            Pat::Ctor(Ctor::Tuple(items.len()), items.iter().map(lower).collect())
        }
        tir::Pattern::Unit => Pat::Ctor(Ctor::Tuple(0), vec![]),
        tir::Pattern::Bool(b) => Pat::Ctor(Ctor::Bool(*b), vec![]),
        tir::Pattern::Int(i) => Pat::Ctor(Ctor::Lit(i.to_string()), vec![]),
        tir::Pattern::Float(f) => Pat::Ctor(Ctor::Lit(format!("{f:?}")), vec![]),
        tir::Pattern::Str(s) => Pat::Ctor(Ctor::Lit(format!("{s:?}")), vec![]),
        tir::Pattern::Cons(h, t) => Pat::Ctor(Ctor::Cons, vec![lower(h), lower(t)]),
    }
}

impl Checker<'_> {
    /// Reports non-exhaustive matches (E0012) and redundant arms (W0001).
    pub(crate) fn check_match(&mut self, mc: &MatchCheck) {
        if mc.poisoned {
            return;
        }
        let ty = self.tys.resolve(&mc.ty);
        let tys = vec![ty.clone()];
        let mut rows: Vec<Vec<Pat>> = Vec::new();
        for (i, (p, guarded, arm_span)) in mc.arms.iter().enumerate() {
            let row = vec![lower(p)];
            if self.useful(&rows, &row, &tys).is_none() {
                self.warn(
                    Diagnostic::warning(
                        "W0001",
                        format!("redundant match arm (arm {})", i + 1),
                        *arm_span,
                    )
                    .with_label("an earlier arm already matches everything this arm matches"),
                );
            }
            if !guarded {
                rows.push(row);
            }
        }
        if let Some(w) = self.useful(&rows, &[Pat::Wild], &tys) {
            let missing = w
                .first()
                .map(|w| self.show_wit(w, &ty))
                .unwrap_or_else(|| "_".into());
            let shown = self.show(&ty);
            let msg = format!("non-exhaustive match on `{shown}`: missing {missing}");
            let d = if mc.is_error {
                Diagnostic::error("E0012", msg, mc.span)
            } else {
                Diagnostic::warning(
                    "E0012",
                    format!("{} is not exhaustive: missing {missing}", mc.what),
                    mc.span,
                )
            };
            let d = d
                .with_label(format!("missing: {missing}"))
                .with_help("add the missing patterns or a wildcard `_` arm");
            if mc.is_error {
                self.error(d);
            } else {
                self.warn(d);
            }
        }
    }

    /// All constructors of a type, if its universe is finite, with their field types.
    fn ctors_of(&self, ty: &Ty) -> Option<Vec<(Ctor, Vec<Ty>)>> {
        match self.tys.shallow(ty) {
            Ty::Con(TyCon::Bool, _) => Some(vec![
                (Ctor::Bool(false), vec![]),
                (Ctor::Bool(true), vec![]),
            ]),
            Ty::Tuple(items) => Some(vec![(Ctor::Tuple(items.len()), items)]),
            Ty::Con(TyCon::List, args) => {
                let e = args.first().cloned().unwrap_or(Ty::Never);
                Some(vec![
                    (Ctor::Cons, vec![e.clone(), Ty::list(e)]),
                    (Ctor::Nil, vec![]),
                ])
            }
            Ty::Con(TyCon::Adt(id), args) => match &self.adts[id.0 as usize].kind {
                AdtKind::Sum(vs) => Some(
                    vs.iter()
                        .enumerate()
                        .map(|(i, v)| {
                            (
                                Ctor::Variant(i as u32),
                                v.fields.iter().map(|f| f.subst_gen(&args)).collect(),
                            )
                        })
                        .collect(),
                ),
                _ => None,
            },
            _ => None,
        }
    }

    /// Field types of constructor `c` at type `ty` (for specialisation).
    fn ctor_fields(&self, c: &Ctor, ty: &Ty, arity: usize) -> Vec<Ty> {
        if let Some(all) = self.ctors_of(ty) {
            if let Some((_, f)) = all.into_iter().find(|(k, _)| k == c) {
                return f;
            }
        }
        vec![Ty::Never; arity]
    }

    fn useful(&self, rows: &[Vec<Pat>], q: &[Pat], tys: &[Ty]) -> Option<Vec<Wit>> {
        if q.is_empty() {
            return if rows.is_empty() {
                Some(Vec::new())
            } else {
                None
            };
        }
        let ty = tys.first().cloned().unwrap_or(Ty::Never);
        match &q[0] {
            Pat::Or(alts) => {
                for a in alts {
                    let mut q2 = vec![a.clone()];
                    q2.extend_from_slice(&q[1..]);
                    if let Some(w) = self.useful(rows, &q2, tys) {
                        return Some(w);
                    }
                }
                None
            }
            Pat::Ctor(c, args) => {
                let sub = self.ctor_fields(c, &ty, args.len());
                self.useful_ctor(rows, q, tys, c, args.len(), &sub)
            }
            Pat::Wild => {
                let seen = head_ctors(rows);
                let all = self.ctors_of(&ty);
                let complete = match &all {
                    Some(all) => all.iter().all(|(c, _)| seen.contains(c)),
                    None => false,
                };
                if complete {
                    for (c, fields) in all.unwrap_or_default() {
                        let mut q2: Vec<Pat> =
                            vec![Pat::Ctor(c.clone(), vec![Pat::Wild; fields.len()])];
                        q2.extend_from_slice(&q[1..]);
                        if let Some(w) = self.useful_ctor(rows, &q2, tys, &c, fields.len(), &fields)
                        {
                            return Some(w);
                        }
                    }
                    None
                } else {
                    let default: Vec<Vec<Pat>> = rows
                        .iter()
                        .flat_map(|r| expand_or_row(r))
                        .filter(|r| matches!(r[0], Pat::Wild))
                        .map(|r| r[1..].to_vec())
                        .collect();
                    let rest = self.useful(&default, &q[1..], &tys[1..])?;
                    let head = match all {
                        Some(all) => match all.into_iter().find(|(c, _)| !seen.contains(c)) {
                            Some((c, fields)) => Wit::Ctor(c, vec![Wit::Wild; fields.len()]),
                            None => Wit::Wild,
                        },
                        None => Wit::Wild,
                    };
                    let mut w = vec![head];
                    w.extend(rest);
                    Some(w)
                }
            }
        }
    }

    fn useful_ctor(
        &self,
        rows: &[Vec<Pat>],
        q: &[Pat],
        tys: &[Ty],
        c: &Ctor,
        arity: usize,
        sub: &[Ty],
    ) -> Option<Vec<Wit>> {
        let specialized: Vec<Vec<Pat>> = rows
            .iter()
            .flat_map(|r| expand_or_row(r))
            .filter_map(|r| specialize(&r, c, arity))
            .collect();
        let q2 = specialize(q, c, arity)?;
        let mut tys2: Vec<Ty> = sub.to_vec();
        tys2.resize(arity, Ty::Never);
        tys2.extend_from_slice(&tys[1..]);
        let w = self.useful(&specialized, &q2, &tys2)?;
        let (args, rest) = w.split_at(arity.min(w.len()));
        let mut out = vec![Wit::Ctor(c.clone(), args.to_vec())];
        out.extend_from_slice(rest);
        Some(out)
    }

    fn show_wit(&self, w: &Wit, ty: &Ty) -> String {
        match w {
            Wit::Wild => "_".into(),
            Wit::Ctor(c, args) => {
                let fields = self.ctor_fields(c, ty, args.len());
                let parts: Vec<String> = args
                    .iter()
                    .zip(fields.iter().chain(std::iter::repeat(&Ty::Never)))
                    .map(|(a, t)| self.show_wit(a, t))
                    .collect();
                match c {
                    Ctor::Bool(b) => b.to_string(),
                    Ctor::Tuple(0) => "()".into(),
                    Ctor::Tuple(_) => format!("({})", parts.join(", ")),
                    Ctor::Cons => format!("{} :: {}", parts[0], parts[1]),
                    Ctor::Nil => "[]".into(),
                    Ctor::Lit(s) => s.clone(),
                    Ctor::Variant(tag) => {
                        let name = match self.tys.shallow(ty) {
                            Ty::Con(TyCon::Adt(id), _) => self.variant_name_of(id, *tag),
                            _ => format!("#{tag}"),
                        };
                        if parts.is_empty() {
                            name
                        } else {
                            format!("{name}({})", parts.join(", "))
                        }
                    }
                }
            }
        }
    }

    fn variant_name_of(&self, id: AdtId, tag: u32) -> String {
        match &self.adts[id.0 as usize].kind {
            AdtKind::Sum(vs) => vs
                .get(tag as usize)
                .map(|v| v.name.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The ADT with run-time type id `t`.
    #[allow(dead_code)]
    pub(crate) fn adt_of_type_id(&self, t: TypeId) -> Option<AdtId> {
        self.type_order.get(t.0 as usize).copied()
    }
}

fn head_ctors(rows: &[Vec<Pat>]) -> Vec<Ctor> {
    let mut out: Vec<Ctor> = Vec::new();
    fn add(p: &Pat, out: &mut Vec<Ctor>) {
        match p {
            Pat::Ctor(c, _) => {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
            Pat::Or(alts) => alts.iter().for_each(|a| add(a, out)),
            Pat::Wild => {}
        }
    }
    for r in rows {
        if let Some(p) = r.first() {
            add(p, &mut out);
        }
    }
    out
}

/// Splits a row whose first pattern is an or-pattern into one row per alternative.
fn expand_or_row(r: &[Pat]) -> Vec<Vec<Pat>> {
    match r.first() {
        Some(Pat::Or(alts)) => alts
            .iter()
            .flat_map(|a| {
                let mut row = vec![a.clone()];
                row.extend_from_slice(&r[1..]);
                expand_or_row(&row)
            })
            .collect(),
        _ => vec![r.to_vec()],
    }
}

fn specialize(r: &[Pat], c: &Ctor, arity: usize) -> Option<Vec<Pat>> {
    match &r[0] {
        Pat::Wild => {
            let mut out = vec![Pat::Wild; arity];
            out.extend_from_slice(&r[1..]);
            Some(out)
        }
        Pat::Ctor(k, args) if k == c => {
            let mut out = args.clone();
            out.resize(arity, Pat::Wild);
            out.extend_from_slice(&r[1..]);
            Some(out)
        }
        Pat::Ctor(..) => None,
        Pat::Or(_) => None,
    }
}
