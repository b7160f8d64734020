//! Which functions the program can call: everything reachable from the entry function
//! through direct calls and function references (lambdas are inside their function's body).
//!
//! Unreachable functions keep their index in the image (function `i` is `FnId(i)`) but get
//! an empty body, so the image carries neither their code nor the natives they would call:
//! images stay small, load fast, and do not depend on natives a program never uses.

use mesh_check::tir::{Callee, Expr, ExprKind, FnId, Program};

/// `reachable[i]` is true if function `i` can run.
pub(crate) fn reachable(program: &Program) -> Vec<bool> {
    let mut seen = vec![false; program.functions.len()];
    let mut stack = vec![program.entry];
    while let Some(FnId(i)) = stack.pop() {
        let Some(slot) = seen.get_mut(i as usize) else {
            continue;
        };
        if *slot {
            continue;
        }
        *slot = true;
        visit(&program.functions[i as usize].body, &mut stack);
    }
    seen
}

fn visit(e: &Expr, out: &mut Vec<FnId>) {
    match &e.kind {
        ExprKind::FnRef(f) => out.push(*f),
        ExprKind::Call {
            callee: Callee::Fn(f),
            ..
        } => out.push(*f),
        _ => {}
    }
    e.for_each_child(&mut |c| visit(c, out));
}
