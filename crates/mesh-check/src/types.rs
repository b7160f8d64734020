//! Types, type variables and unification (Hindley–Milner with levels).
//!
//! Type variables live in a union-find table ([`TyTable`]); each unbound variable carries
//! the *level* (let-nesting depth) at which it was created, so generalisation only
//! quantifies variables created inside the expression being generalised. Declared generic
//! parameters (`fn f<T>`) are *rigid* while their function is checked: they unify only
//! with themselves. Schemes quantify over [`Ty::Gen`] indices.
//!
//! Two unification rules beyond the textbook (language.md §9.4): `Never` unifies with
//! everything, and the untyped `Pid` (a `Pid` with no argument) unifies with any `Pid<M>`.

use std::fmt::Write as _;

/// Index of a user or built-in algebraic type in the checker's ADT table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AdtId(pub u32);

impl AdtId {
    pub const OPTION: AdtId = AdtId(0);
    pub const RESULT: AdtId = AdtId(1);
    pub const ORDERING: AdtId = AdtId(2);
}

/// A type constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TyCon {
    Int,
    Float,
    Bool,
    String,
    Atom,
    List,
    Map,
    Set,
    /// `Pid<M>`; with no argument, the untyped `Pid`.
    Pid,
    /// A struct, sum type or opaque (extern) type.
    Adt(AdtId),
}

/// A type variable (index into [`TyTable`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TyVar(pub u32);

/// A type.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Var(TyVar),
    Con(TyCon, Vec<Ty>),
    /// `()` is the empty tuple.
    Tuple(Vec<Ty>),
    Fun(Vec<Ty>, Box<Ty>),
    /// A declared generic parameter while its definition is checked (index into the
    /// checker's rigid table).
    Rigid(u32),
    /// The i-th quantified variable of a [`Scheme`] (or of a generic type definition).
    Gen(u32),
    /// The type of `return`, `break`, `continue`: unifies with anything.
    Never,
}

impl Ty {
    pub const INT: Ty = Ty::Con(TyCon::Int, Vec::new());
    pub const FLOAT: Ty = Ty::Con(TyCon::Float, Vec::new());
    pub const BOOL: Ty = Ty::Con(TyCon::Bool, Vec::new());
    pub const STRING: Ty = Ty::Con(TyCon::String, Vec::new());
    pub const ATOM: Ty = Ty::Con(TyCon::Atom, Vec::new());

    /// `()`.
    pub fn unit() -> Ty {
        Ty::Tuple(Vec::new())
    }

    /// `List<t>`.
    pub fn list(t: Ty) -> Ty {
        Ty::Con(TyCon::List, vec![t])
    }

    /// `Map<k, v>`.
    pub fn map(k: Ty, v: Ty) -> Ty {
        Ty::Con(TyCon::Map, vec![k, v])
    }

    /// `Option<t>`.
    pub fn option(t: Ty) -> Ty {
        Ty::Con(TyCon::Adt(AdtId::OPTION), vec![t])
    }

    /// `Result<t, e>`.
    pub fn result(t: Ty, e: Ty) -> Ty {
        Ty::Con(TyCon::Adt(AdtId::RESULT), vec![t, e])
    }

    /// `Ordering`.
    pub fn ordering() -> Ty {
        Ty::Con(TyCon::Adt(AdtId::ORDERING), vec![])
    }

    /// `Pid<m>`.
    pub fn pid(m: Ty) -> Ty {
        Ty::Con(TyCon::Pid, vec![m])
    }

    /// A user type applied to arguments.
    pub fn adt(id: AdtId, args: Vec<Ty>) -> Ty {
        Ty::Con(TyCon::Adt(id), args)
    }

    /// Replaces `Gen(i)` by `args[i]`.
    pub fn subst_gen(&self, args: &[Ty]) -> Ty {
        match self {
            Ty::Gen(i) => args.get(*i as usize).cloned().unwrap_or(Ty::Never),
            Ty::Con(c, a) => Ty::Con(*c, a.iter().map(|t| t.subst_gen(args)).collect()),
            Ty::Tuple(a) => Ty::Tuple(a.iter().map(|t| t.subst_gen(args)).collect()),
            Ty::Fun(p, r) => Ty::Fun(
                p.iter().map(|t| t.subst_gen(args)).collect(),
                Box::new(r.subst_gen(args)),
            ),
            other => other.clone(),
        }
    }

    /// Replaces `Rigid(i)` by `map(i)` where it returns Some.
    pub fn subst_rigid(&self, map: &dyn Fn(u32) -> Option<Ty>) -> Ty {
        match self {
            Ty::Rigid(i) => map(*i).unwrap_or(Ty::Rigid(*i)),
            Ty::Con(c, a) => Ty::Con(*c, a.iter().map(|t| t.subst_rigid(map)).collect()),
            Ty::Tuple(a) => Ty::Tuple(a.iter().map(|t| t.subst_rigid(map)).collect()),
            Ty::Fun(p, r) => Ty::Fun(
                p.iter().map(|t| t.subst_rigid(map)).collect(),
                Box::new(r.subst_rigid(map)),
            ),
            other => other.clone(),
        }
    }
}

/// A polymorphic type: `forall Gen(0..n). bounds => ty`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheme {
    pub vars: u32,
    /// Trait bounds on the quantified variables: `(gen index, trait name)`.
    pub bounds: Vec<(u32, String)>,
    pub ty: Ty,
}

impl Scheme {
    /// A scheme with no quantified variables.
    pub fn mono(ty: Ty) -> Scheme {
        Scheme {
            vars: 0,
            bounds: Vec::new(),
            ty,
        }
    }
}

#[derive(Clone, Debug)]
enum Slot {
    Unbound { level: u32 },
    Link(Ty),
}

/// Why two types failed to unify.
#[derive(Clone, Debug)]
pub enum UnifyError {
    Mismatch,
    /// Occurs check: the variable would contain itself.
    Infinite(TyVar, Ty),
    /// Function types of different arity.
    Arity(usize, usize),
}

/// The union-find table of type variables.
#[derive(Clone, Debug, Default)]
pub struct TyTable {
    slots: Vec<Slot>,
    /// Current let-nesting level.
    pub level: u32,
}

impl TyTable {
    /// A fresh unbound variable at the current level.
    pub fn fresh(&mut self) -> Ty {
        self.slots.push(Slot::Unbound { level: self.level });
        Ty::Var(TyVar(self.slots.len() as u32 - 1))
    }

    /// Number of variables ever created (used to tell new variables from old ones).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True if no variable was created.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Follows links at the top of `ty` (no deep copy).
    pub fn shallow(&self, ty: &Ty) -> Ty {
        let mut t = ty.clone();
        while let Ty::Var(v) = t {
            match &self.slots[v.0 as usize] {
                Slot::Link(next) => t = next.clone(),
                Slot::Unbound { .. } => return t,
            }
        }
        t
    }

    /// Fully substitutes bound variables.
    pub fn resolve(&self, ty: &Ty) -> Ty {
        match ty {
            Ty::Var(v) => match &self.slots[v.0 as usize] {
                Slot::Link(next) => self.resolve(next),
                Slot::Unbound { .. } => ty.clone(),
            },
            Ty::Con(c, a) => Ty::Con(*c, a.iter().map(|t| self.resolve(t)).collect()),
            Ty::Tuple(a) => Ty::Tuple(a.iter().map(|t| self.resolve(t)).collect()),
            Ty::Fun(p, r) => Ty::Fun(
                p.iter().map(|t| self.resolve(t)).collect(),
                Box::new(self.resolve(r)),
            ),
            other => other.clone(),
        }
    }

    /// The level of an unbound variable.
    pub fn level_of(&self, v: TyVar) -> Option<u32> {
        match self.slots[v.0 as usize] {
            Slot::Unbound { level } => Some(level),
            Slot::Link(_) => None,
        }
    }

    /// Binds an unbound variable (no checks; use [`TyTable::unify`]).
    pub fn bind(&mut self, v: TyVar, ty: Ty) {
        self.slots[v.0 as usize] = Slot::Link(ty);
    }

    /// Makes `a` and `b` equal or explains why not.
    pub fn unify(&mut self, a: &Ty, b: &Ty) -> Result<(), UnifyError> {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (Ty::Never, _) | (_, Ty::Never) => Ok(()),
            (Ty::Var(x), Ty::Var(y)) if x == y => Ok(()),
            (Ty::Var(x), other) | (other, Ty::Var(x)) => self.bind_var(*x, other),
            (Ty::Con(TyCon::Pid, pa), Ty::Con(TyCon::Pid, pb)) => {
                if pa.is_empty() || pb.is_empty() {
                    return Ok(());
                }
                self.unify(&pa[0], &pb[0])
            }
            (Ty::Con(ca, aa), Ty::Con(cb, ab)) => {
                if ca != cb || aa.len() != ab.len() {
                    return Err(UnifyError::Mismatch);
                }
                for (x, y) in aa.iter().zip(ab.iter()) {
                    self.unify(x, y)?;
                }
                Ok(())
            }
            (Ty::Tuple(xa), Ty::Tuple(xb)) => {
                if xa.len() != xb.len() {
                    return Err(UnifyError::Mismatch);
                }
                for (x, y) in xa.iter().zip(xb.iter()) {
                    self.unify(x, y)?;
                }
                Ok(())
            }
            (Ty::Fun(pa, ra), Ty::Fun(pb, rb)) => {
                if pa.len() != pb.len() {
                    return Err(UnifyError::Arity(pa.len(), pb.len()));
                }
                for (x, y) in pa.iter().zip(pb.iter()) {
                    self.unify(x, y)?;
                }
                self.unify(ra, rb)
            }
            (Ty::Rigid(x), Ty::Rigid(y)) if x == y => Ok(()),
            (Ty::Gen(x), Ty::Gen(y)) if x == y => Ok(()),
            _ => Err(UnifyError::Mismatch),
        }
    }

    fn bind_var(&mut self, v: TyVar, ty: &Ty) -> Result<(), UnifyError> {
        let level = self.level_of(v).unwrap_or(u32::MAX);
        if self.occurs_and_adjust(v, level, ty) {
            return Err(UnifyError::Infinite(v, self.resolve(ty)));
        }
        self.bind(v, ty.clone());
        Ok(())
    }

    /// Occurs check; also lowers the level of variables in `ty` to `level` so that they
    /// are not generalised beyond the variable they are bound to.
    fn occurs_and_adjust(&mut self, v: TyVar, level: u32, ty: &Ty) -> bool {
        match self.shallow(ty) {
            Ty::Var(w) => {
                if w == v {
                    return true;
                }
                if let Slot::Unbound { level: l } = self.slots[w.0 as usize] {
                    if l > level {
                        self.slots[w.0 as usize] = Slot::Unbound { level };
                    }
                }
                false
            }
            Ty::Con(_, args) | Ty::Tuple(args) => {
                args.iter().any(|a| self.occurs_and_adjust(v, level, a))
            }
            Ty::Fun(p, r) => {
                p.iter().any(|a| self.occurs_and_adjust(v, level, a))
                    || self.occurs_and_adjust(v, level, &r)
            }
            _ => false,
        }
    }

    /// Unbound variables in `ty` whose level is above `level` (candidates for
    /// generalisation), in order of first occurrence.
    pub fn free_above(&self, ty: &Ty, level: u32, out: &mut Vec<TyVar>) {
        match self.shallow(ty) {
            Ty::Var(v) => {
                if let Some(l) = self.level_of(v) {
                    if l > level && !out.contains(&v) {
                        out.push(v);
                    }
                }
            }
            Ty::Con(_, args) | Ty::Tuple(args) => {
                for a in &args {
                    self.free_above(a, level, out);
                }
            }
            Ty::Fun(p, r) => {
                for a in &p {
                    self.free_above(a, level, out);
                }
                self.free_above(&r, level, out);
            }
            _ => {}
        }
    }

    /// Whether `a` and `b` could be unified, without binding anything (unbound variables
    /// match anything). Cheap: used to probe alternatives such as `From` impls.
    pub fn could_unify(&self, a: &Ty, b: &Ty) -> bool {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (Ty::Var(_), _) | (_, Ty::Var(_)) | (Ty::Never, _) | (_, Ty::Never) => true,
            (Ty::Con(TyCon::Pid, x), Ty::Con(TyCon::Pid, y)) => {
                x.is_empty() || y.is_empty() || self.could_unify(&x[0], &y[0])
            }
            (Ty::Con(ca, xa), Ty::Con(cb, xb)) => {
                ca == cb
                    && xa.len() == xb.len()
                    && xa.iter().zip(xb).all(|(x, y)| self.could_unify(x, y))
            }
            (Ty::Tuple(xa), Ty::Tuple(xb)) => {
                xa.len() == xb.len() && xa.iter().zip(xb).all(|(x, y)| self.could_unify(x, y))
            }
            (Ty::Fun(pa, ra), Ty::Fun(pb, rb)) => {
                pa.len() == pb.len()
                    && pa.iter().zip(pb).all(|(x, y)| self.could_unify(x, y))
                    && self.could_unify(ra, rb)
            }
            (Ty::Rigid(x), Ty::Rigid(y)) => x == y,
            (Ty::Gen(x), Ty::Gen(y)) => x == y,
            _ => false,
        }
    }

    /// Replaces each `Gen(i)` in `ty` by `fresh[i]`.
    pub fn instantiate(&mut self, scheme: &Scheme) -> (Ty, Vec<Ty>) {
        let fresh: Vec<Ty> = (0..scheme.vars).map(|_| self.fresh()).collect();
        (scheme.ty.subst_gen(&fresh), fresh)
    }
}

/// Names used when printing types: ADT names and rigid parameter names.
pub trait TyNames {
    /// Display name of an ADT (qualified if needed).
    fn adt_name(&self, id: AdtId) -> String;
    /// Name of a rigid type parameter.
    fn rigid_name(&self, i: u32) -> String;
}

/// Prints a type the way messages show it (`List<String>`, `(Int) -> Bool`); a type not
/// known yet prints as `_` (`List<_>`).
pub fn show_ty(table: &TyTable, names: &dyn TyNames, ty: &Ty) -> String {
    show_ty_with(table, names, ty, &|_| "_".to_string())
}

/// Like [`show_ty`], naming unknown types with `var_name`.
pub fn show_ty_with(
    table: &TyTable,
    names: &dyn TyNames,
    ty: &Ty,
    var_name: &dyn Fn(TyVar) -> String,
) -> String {
    let mut out = String::new();
    write_ty(&mut out, names, &table.resolve(ty), var_name);
    out
}

fn write_ty(out: &mut String, names: &dyn TyNames, ty: &Ty, var_name: &dyn Fn(TyVar) -> String) {
    match ty {
        Ty::Var(v) => out.push_str(&var_name(*v)),
        Ty::Never => out.push_str("Never"),
        Ty::Gen(i) => {
            let _ = write!(out, "{}", gen_name(*i));
        }
        Ty::Rigid(i) => out.push_str(&names.rigid_name(*i)),
        Ty::Tuple(items) => {
            out.push('(');
            for (i, t) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_ty(out, names, t, var_name);
            }
            out.push(')');
        }
        Ty::Fun(params, ret) => {
            out.push('(');
            for (i, t) in params.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_ty(out, names, t, var_name);
            }
            out.push_str(") -> ");
            write_ty(out, names, ret, var_name);
        }
        Ty::Con(c, args) => {
            let name = match c {
                TyCon::Int => "Int".to_string(),
                TyCon::Float => "Float".to_string(),
                TyCon::Bool => "Bool".to_string(),
                TyCon::String => "String".to_string(),
                TyCon::Atom => "Atom".to_string(),
                TyCon::List => "List".to_string(),
                TyCon::Map => "Map".to_string(),
                TyCon::Set => "Set".to_string(),
                TyCon::Pid => "Pid".to_string(),
                TyCon::Adt(id) => names.adt_name(*id),
            };
            out.push_str(&name);
            if !args.is_empty() {
                out.push('<');
                for (i, t) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_ty(out, names, t, var_name);
                }
                out.push('>');
            }
        }
    }
}

/// `a`, `b`, … for quantified variables in printed schemes.
pub fn gen_name(i: u32) -> String {
    let letter = (b'a' + (i % 26) as u8) as char;
    if i < 26 {
        letter.to_string()
    } else {
        format!("{letter}{}", i / 26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names;
    impl TyNames for Names {
        fn adt_name(&self, id: AdtId) -> String {
            ["Option", "Result", "Ordering"]
                .get(id.0 as usize)
                .unwrap_or(&"T")
                .to_string()
        }
        fn rigid_name(&self, i: u32) -> String {
            format!("T{i}")
        }
    }

    #[test]
    fn unifies_structurally_and_links_variables() {
        let mut t = TyTable::default();
        let a = t.fresh();
        let b = t.fresh();
        t.unify(&Ty::list(a.clone()), &Ty::list(Ty::INT))
            .expect("unify");
        t.unify(&b, &Ty::map(Ty::STRING, a.clone())).expect("unify");
        assert_eq!(show_ty(&t, &Names, &b), "Map<String, Int>");
        assert!(t.unify(&a, &Ty::FLOAT).is_err());
    }

    #[test]
    fn occurs_check_rejects_infinite_types() {
        let mut t = TyTable::default();
        let a = t.fresh();
        assert!(matches!(
            t.unify(&a, &Ty::list(a.clone())),
            Err(UnifyError::Infinite(..))
        ));
    }

    #[test]
    fn untyped_pid_unifies_with_typed_pid_and_never_with_anything() {
        let mut t = TyTable::default();
        let untyped = Ty::Con(TyCon::Pid, vec![]);
        t.unify(&untyped, &Ty::pid(Ty::INT)).expect("pid");
        t.unify(&Ty::pid(Ty::unit()), &untyped).expect("pid");
        t.unify(&Ty::Never, &Ty::STRING).expect("never");
        assert!(t.unify(&Ty::pid(Ty::INT), &Ty::pid(Ty::STRING)).is_err());
    }

    #[test]
    fn function_arity_mismatch_is_reported() {
        let mut t = TyTable::default();
        let f1 = Ty::Fun(vec![Ty::INT], Box::new(Ty::INT));
        let f2 = Ty::Fun(vec![Ty::INT, Ty::INT], Box::new(Ty::INT));
        assert!(matches!(t.unify(&f1, &f2), Err(UnifyError::Arity(1, 2))));
    }

    #[test]
    fn generalisation_candidates_respect_levels() {
        let mut t = TyTable::default();
        let outer = t.fresh();
        t.level = 1;
        let inner = t.fresh();
        let f = Ty::Fun(vec![outer.clone()], Box::new(inner.clone()));
        let mut out = Vec::new();
        t.free_above(&f, 0, &mut out);
        assert_eq!(out.len(), 1);
        // Binding the inner variable to something containing the outer one lowers nothing
        // but binding outer to inner lowers inner's level.
        t.unify(&outer, &inner).expect("unify");
        let mut out2 = Vec::new();
        t.free_above(&f, 0, &mut out2);
        assert!(out2.is_empty());
    }
}
