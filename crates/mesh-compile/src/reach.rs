//! Which functions the program can call: everything reachable from the entry function
//! through direct calls and function references (lambdas are inside their function's body).
//!
//! Unreachable functions keep their index in the image (function `i` is `FnId(i)`) but get
//! an empty body, so the image carries neither their code nor the natives they would call:
//! images stay small, load fast, and do not depend on natives a program never uses.

use mesh_check::tir::{Callee, Expr, ExprKind, FnId, Program, Stmt};

/// `reachable[i]` is true if function `i` can run, starting from the entry function and
/// the `extra` roots (functions a tool calls by name, e.g. migrations' `up`/`down`).
pub(crate) fn reachable(program: &Program, extra: &[FnId]) -> Vec<bool> {
    let mut seen = vec![false; program.functions.len()];
    let mut stack = vec![program.entry];
    stack.extend_from_slice(extra);
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
        ExprKind::Call { callee, args } => {
            match callee {
                Callee::Fn(f) => out.push(*f),
                Callee::Value(c) => visit(c, out),
                Callee::Native(_) => {}
            }
            args.iter().for_each(|a| visit(a, out));
        }
        ExprKind::Lambda { body, .. } => visit(body, out),
        ExprKind::Block { stmts, result } => {
            for s in stmts {
                match s {
                    Stmt::Let { value, .. } => visit(value, out),
                    Stmt::Expr(x) => visit(x, out),
                }
            }
            visit(result, out);
        }
        ExprKind::If {
            cond,
            then_branch,
            else_branch,
        } => {
            visit(cond, out);
            visit(then_branch, out);
            visit(else_branch, out);
        }
        ExprKind::Match {
            scrutinee, arms, ..
        } => {
            visit(scrutinee, out);
            for a in arms {
                if let Some(g) = &a.guard {
                    visit(g, out);
                }
                visit(&a.body, out);
            }
        }
        ExprKind::Receive { arms, after } => {
            for a in arms {
                if let Some(g) = &a.guard {
                    visit(g, out);
                }
                visit(&a.body, out);
            }
            if let Some((t, b)) = after {
                visit(t, out);
                visit(b, out);
            }
        }
        ExprKind::And(a, b) | ExprKind::Or(a, b) => {
            visit(a, out);
            visit(b, out);
        }
        ExprKind::Binary { lhs, rhs, .. } => {
            visit(lhs, out);
            visit(rhs, out);
        }
        ExprKind::While { cond, body } => {
            visit(cond, out);
            visit(body, out);
        }
        ExprKind::Unary { operand: x, .. }
        | ExprKind::Field { base: x, .. }
        | ExprKind::Display(x)
        | ExprKind::Inspect(x)
        | ExprKind::TypeKey(x)
        | ExprKind::Return(x) => visit(x, out),
        ExprKind::Tuple(items)
        | ExprKind::List(items)
        | ExprKind::MakeVariant { args: items, .. } => items.iter().for_each(|x| visit(x, out)),
        ExprKind::Map(entries) => {
            for (k, v) in entries {
                visit(k, out);
                visit(v, out);
            }
        }
        ExprKind::MakeStruct { fields, .. } => fields.iter().for_each(|(_, x)| visit(x, out)),
        ExprKind::StructUpdate { base, updates } => {
            visit(base, out);
            updates.iter().for_each(|(_, x)| visit(x, out));
        }
        ExprKind::For(fl) => {
            visit(&fl.iterable, out);
            if let Some(f) = &fl.filter {
                visit(f, out);
            }
            visit(&fl.body, out);
        }
        ExprKind::Unit
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::Str(_)
        | ExprKind::Local(_)
        | ExprKind::SelfClosure
        | ExprKind::Break
        | ExprKind::Continue
        | ExprKind::Pending(_) => {}
    }
}
