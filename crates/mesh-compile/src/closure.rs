//! Closure conversion.
//!
//! A lambda becomes a function of its own, appended to the image. Its free locals (used in
//! the body, not bound in it) are captured by value at the creation site with
//! `MakeClosure`, and loaded into registers with `LoadCapture` when the closure starts, so
//! the body reads them like any other local. Because local ids are unique within a
//! top-level function, "free" is a set difference: used minus bound. A named lambda refers
//! to itself through `LoadSelf` instead of capturing itself, so no reference cycle arises.

use crate::func::{Dest, FnCompiler};
use crate::pattern::binders;
use crate::scope::Slot;
use mesh_check::tir::{Expr, ExprKind, LocalId, Pattern, Stmt};
use mesh_syntax::Span;
use mesh_vm::Instr;
use std::collections::BTreeSet;

/// The free locals of a lambda, in increasing id order (the capture order).
pub(crate) fn free_locals(
    params: &[LocalId],
    self_local: Option<LocalId>,
    body: &Expr,
) -> Vec<LocalId> {
    let mut used = BTreeSet::new();
    let mut bound = BTreeSet::new();
    bound.extend(params.iter().copied());
    bound.extend(self_local);
    collect(body, &mut used, &mut bound);
    used.difference(&bound).copied().collect()
}

/// Every local read anywhere in `body` (lambdas included). Local ids are unique within a
/// top-level function, so a binder outside this set is dead and need not be bound.
pub(crate) fn used_locals(body: &Expr) -> BTreeSet<LocalId> {
    let mut used = BTreeSet::new();
    collect(body, &mut used, &mut BTreeSet::new());
    used
}

/// Adds the locals bound by `p` to `bound`.
fn bind_pattern(p: &Pattern, bound: &mut BTreeSet<LocalId>) {
    let mut ls = Vec::new();
    binders(p, &mut ls);
    bound.extend(ls);
}

/// Records every local read in `e` (`used`) and every local bound in it (`bound`).
/// Both are sets, so the order of the walk does not matter.
fn collect(e: &Expr, used: &mut BTreeSet<LocalId>, bound: &mut BTreeSet<LocalId>) {
    use ExprKind as K;
    match &e.kind {
        K::Local(l) => {
            used.insert(*l);
        }
        K::Lambda {
            params, self_local, ..
        } => {
            bound.extend(params.iter().copied());
            bound.extend(*self_local);
        }
        K::Block { stmts, .. } => {
            for s in stmts {
                if let Stmt::Let { pattern, .. } = s {
                    bind_pattern(pattern, bound);
                }
            }
        }
        K::Match { arms, .. } | K::Receive { arms, .. } => {
            for arm in arms {
                bind_pattern(&arm.pattern, bound);
            }
        }
        K::For(f) => bind_pattern(&f.pattern, bound),
        _ => {}
    }
    e.for_each_child(&mut |c| collect(c, used, bound));
}

impl FnCompiler<'_, '_> {
    /// Compiles a lambda into a new function and creates its closure value.
    pub fn lambda(
        &mut self,
        name: &str,
        params: &[LocalId],
        self_local: Option<LocalId>,
        body: &Expr,
        span: Span,
        dest: Dest,
    ) {
        if dest == Dest::Discard {
            // Creating a closure has no effect.
            return;
        }
        let captures = free_locals(params, self_local, body);
        let Ok(ncap) = u8::try_from(captures.len()) else {
            return self.b.error("a closure may capture at most 255 variables");
        };
        // The checker names lambdas with their qualified name already
        // (`Main.main.<closure>`, `Main.main.helper`); unnamed ones get a numbered name.
        self.lambdas += 1;
        let full_name = if name.is_empty() {
            format!("{}.<closure {}>", self.name, self.lambdas)
        } else {
            name.to_string()
        };

        let func = {
            let used = self.used.clone();
            let mut inner = FnCompiler::new(&mut *self.cx, full_name, span, params, 0, used);
            for (idx, l) in captures.iter().enumerate() {
                let dst = inner.b.alloc();
                inner.b.emit(Instr::LoadCapture {
                    dst,
                    idx: idx as u16,
                });
                inner.scope.set(*l, Slot::Reg(dst));
            }
            if let Some(s) = self_local {
                inner.scope.set(s, Slot::SelfClosure);
            }
            inner.expr(body, Dest::Tail);
            let f = inner.finish();
            self.cx.push_function(f)
        };

        if captures.is_empty() {
            return self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadFn { dst, func }));
        }
        let locals: Vec<Expr> = captures
            .iter()
            .map(|l| Expr::new(ExprKind::Local(*l), span))
            .collect();
        self.window(dest, |c, base| {
            c.values_into(base, &locals);
            c.b.emit(Instr::MakeClosure { base, ncap, func });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_check::tir::{Arm, BinOp};

    fn ex(kind: ExprKind) -> Expr {
        Expr::new(kind, Span::default())
    }

    fn local(i: u32) -> Expr {
        ex(ExprKind::Local(LocalId(i)))
    }

    #[test]
    fn free_locals_subtract_everything_bound_inside() {
        // fn(p0) -> let l1 = l5 + p0; case l6 do l2 -> fn l3 -> l1 + l2 + l3 + l7 end end end
        let inner = ex(ExprKind::Lambda {
            name: String::new(),
            params: vec![LocalId(3)],
            self_local: None,
            body: Box::new(ex(ExprKind::Tuple(vec![
                local(1),
                local(2),
                local(3),
                local(7),
            ]))),
        });
        let body = ex(ExprKind::Block {
            stmts: vec![Stmt::Let {
                pattern: Pattern::Bind(LocalId(1)),
                value: ex(ExprKind::Binary {
                    op: BinOp::AddInt,
                    lhs: Box::new(local(5)),
                    rhs: Box::new(local(0)),
                }),
            }],
            result: Box::new(ex(ExprKind::Match {
                scrutinee: Box::new(local(6)),
                arms: vec![Arm {
                    pattern: Pattern::Bind(LocalId(2)),
                    guard: None,
                    body: inner,
                }],
                fail_message: String::new(),
            })),
        });
        assert_eq!(
            free_locals(&[LocalId(0)], None, &body),
            vec![LocalId(5), LocalId(6), LocalId(7)]
        );
    }

    #[test]
    fn the_self_local_is_not_captured() {
        let body = ex(ExprKind::Tuple(vec![local(9), local(4)]));
        assert_eq!(free_locals(&[], Some(LocalId(9)), &body), vec![LocalId(4)]);
    }
}
