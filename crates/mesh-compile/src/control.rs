//! Control flow: blocks and `let`, conditions, `if`, `match`, loops, `break`/`continue`,
//! and selective `receive`.
//!
//! The destination of a construct is handed to each branch, so tail position flows into
//! block results, both `if` branches and every `match`/`receive` arm without a separate
//! analysis. Loops keep their state (counter, bound, collection, accumulator) in registers
//! allocated below the body's, so `break`/`continue` are plain jumps.

use crate::builder::Label;
use crate::func::{Dest, FnCompiler};
use crate::scope::{LoopCtx, Slot};
use mesh_check::tir::{Arm, Expr, ExprKind, ForKind, ForLoop, Pattern, Stmt, UnOp};
use mesh_vm::{Instr, Reg};

/// How a `for` loop produces each element.
#[derive(Clone, Copy)]
enum Element {
    /// The element is already in this register (the counter of a range).
    In(Reg),
    /// `coll[i]` of a list, set or map (maps yield `(key, value)` tuples).
    At { coll: Reg, i: Reg },
}

impl FnCompiler<'_, '_> {
    // ---- blocks ----

    /// `stmts; result`, freeing the block's locals afterwards.
    pub fn block(&mut self, stmts: &[Stmt], result: &Expr, dest: Dest) {
        let m = self.b.mark();
        for s in stmts {
            match s {
                Stmt::Expr(e) => self.expr(e, Dest::Discard),
                Stmt::Let { pattern, value } => self.let_stmt(pattern, value),
            }
        }
        self.expr(result, dest);
        self.b.reset(m);
    }

    /// `let pattern = value`: the bound locals get registers that live to the end of the
    /// enclosing block.
    fn let_stmt(&mut self, pattern: &Pattern, value: &Expr) {
        match pattern {
            Pattern::Bind(l) if self.is_used(*l) => {
                let r = self.b.alloc();
                self.expr(value, Dest::Reg(r));
                self.scope.set(*l, Slot::Reg(r));
            }
            _ if self.is_trivial(pattern) => self.expr(value, Dest::Discard),
            _ => {
                self.alloc_binders(pattern);
                let m = self.b.mark();
                let s = self.operand(value);
                let fail = self.b.label();
                self.pattern(pattern, s, fail);
                self.b.reset(m);
                if self.b.is_used(fail) {
                    let ok = self.b.label();
                    self.b.jump(ok);
                    self.b.bind(fail);
                    self.b.fail("the value does not match the `let` pattern");
                    self.b.bind(ok);
                }
            }
        }
    }

    // ---- conditions ----

    /// Jumps to `target` if `e` evaluates to `jump_if`, falls through otherwise. `and`,
    /// `or` and `not` become jumps instead of materialised booleans.
    pub fn branch(&mut self, e: &Expr, jump_if: bool, target: Label) {
        let prev = self.enter(e.span);
        match &e.kind {
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_or = matches!(e.kind, ExprKind::Or(..));
                if is_or == jump_if {
                    // `a or b` jumps when either is true; `a and b` fails when either fails.
                    self.branch(a, jump_if, target);
                    self.branch(b, jump_if, target);
                } else {
                    let skip = self.b.label();
                    self.branch(a, !jump_if, skip);
                    self.branch(b, jump_if, target);
                    self.b.bind(skip);
                }
            }
            ExprKind::Unary {
                op: UnOp::Not,
                operand,
            } => self.branch(operand, !jump_if, target),
            ExprKind::Bool(v) => {
                if *v == jump_if {
                    self.b.jump(target);
                }
            }
            _ => {
                let m = self.b.mark();
                let cond = self.operand(e);
                let instr = if jump_if {
                    Instr::JumpIfTrue { cond, offset: 0 }
                } else {
                    Instr::JumpIfFalse { cond, offset: 0 }
                };
                self.b.emit_jump(instr, target);
                self.b.reset(m);
            }
        }
        self.b.set_line(prev);
    }

    /// `if cond do then_b else else_b end`.
    pub fn if_expr(&mut self, cond: &Expr, then_b: &Expr, else_b: &Expr, dest: Dest) {
        if dest == Dest::Discard && matches!(else_b.kind, ExprKind::Unit) {
            // `if c do effect end` as a statement: no else branch to jump over.
            let end = self.b.label();
            self.branch(cond, false, end);
            self.expr(then_b, dest);
            self.b.bind(end);
            return;
        }
        let else_l = self.b.label();
        let end = self.b.label();
        self.branch(cond, false, else_l);
        self.expr(then_b, dest);
        if dest != Dest::Tail {
            self.b.jump(end);
        }
        self.b.bind(else_l);
        self.expr(else_b, dest);
        self.b.bind(end);
    }

    // ---- match and receive ----

    /// `case scrutinee do arms end`; `Fail(fail_message)` if no arm matches.
    pub fn match_expr(&mut self, scrutinee: &Expr, arms: &[Arm], fail_message: &str, dest: Dest) {
        let m = self.b.mark();
        let s = self.operand(scrutinee);
        let end = self.b.label();
        if self.arms(arms, s, dest, end, false) {
            self.b.fail(fail_message);
        }
        self.b.bind(end);
        self.b.reset(m);
    }

    /// Tries `arms` in order against `s`: each arm's locals get registers, its pattern is
    /// tested (jumping to the next arm on failure), then its guard. `accept` marks the
    /// message of a `receive` as taken once pattern and guard passed. Returns true if
    /// control can fall through past the last arm (nothing matched).
    fn arms(&mut self, arms: &[Arm], s: Reg, dest: Dest, end: Label, accept: bool) -> bool {
        let mut falls_through = true;
        for arm in arms {
            let next = self.b.label();
            let m = self.b.mark();
            self.alloc_binders(&arm.pattern);
            self.pattern(&arm.pattern, s, next);
            if let Some(g) = &arm.guard {
                self.branch(g, false, next);
            }
            if accept {
                self.b.emit(Instr::RecvAccept);
            }
            self.expr(&arm.body, dest);
            if dest != Dest::Tail {
                self.b.jump(end);
            }
            self.b.reset(m);
            self.b.bind(next);
            falls_through = self.b.is_used(next);
        }
        falls_through
    }

    /// Selective receive: scan the queue from the oldest message; the first message that
    /// some arm accepts is removed and that arm runs; others stay queued in order.
    pub fn receive(&mut self, arms: &[Arm], after: Option<&(Box<Expr>, Box<Expr>)>, dest: Dest) {
        let m = self.b.mark();
        let timeout = self.b.alloc();
        match after {
            Some((ms, _)) => self.expr(ms, Dest::Reg(timeout)),
            None => self.b.emit(Instr::LoadUnit { dst: timeout }),
        }
        self.b.emit(Instr::RecvStart { timeout });
        self.b.reset(m);

        let peek = self.b.label();
        let timed_out = self.b.label();
        let end = self.b.label();
        let msg = self.b.alloc();
        self.b.bind(peek);
        self.b.emit_jump(
            Instr::RecvPeek {
                dst: msg,
                on_timeout: 0,
            },
            timed_out,
        );
        if self.arms(arms, msg, dest, end, true) {
            self.b.emit(Instr::RecvSkip);
            self.b.jump(peek);
        }
        self.b.bind(timed_out);
        match after {
            Some((_, body)) => self.expr(body, dest),
            // Without `after` the timeout is `()` and never fires.
            None => self.b.fail("receive timed out without an `after` clause"),
        }
        self.b.bind(end);
        self.b.reset(m);
    }

    // ---- loops ----

    /// `while cond do body end` (value `()`).
    pub fn while_loop(&mut self, cond: &Expr, body: &Expr, dest: Dest) {
        let head = self.b.label();
        let exit = self.b.label();
        self.b.bind(head);
        self.branch(cond, false, exit);
        self.loops.push(LoopCtx {
            break_to: exit,
            continue_to: head,
        });
        self.expr(body, Dest::Discard);
        self.loops.pop();
        self.b.jump(head);
        self.b.bind(exit);
        self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadUnit { dst }));
    }

    /// A `for` comprehension. The result list is built with `ListPush` into an owned
    /// accumulator (in place); a `for` whose value is discarded builds nothing.
    pub fn for_loop(&mut self, f: &ForLoop, dest: Dest) {
        let m = self.b.mark();
        let acc = match dest {
            Dest::Discard => None,
            Dest::Reg(r) if self.b.is_top(r) => Some(r),
            _ => Some(self.b.alloc()),
        };
        if let Some(base) = acc {
            self.b.emit(Instr::MakeList { base, n: 0 });
        }
        let head = self.b.label();
        let cont = self.b.label();
        let exit = self.b.label();
        let i = match f.kind {
            ForKind::Range => {
                let i = self.b.alloc();
                let end = self.b.alloc();
                match &f.iterable.kind {
                    ExprKind::Tuple(bounds) if bounds.len() == 2 => {
                        self.expr(&bounds[0], Dest::Reg(i));
                        self.expr(&bounds[1], Dest::Reg(end));
                    }
                    _ => {
                        let tm = self.b.mark();
                        let t = self.operand(&f.iterable);
                        self.b.emit(Instr::GetField {
                            dst: i,
                            src: t,
                            idx: 0,
                        });
                        self.b.emit(Instr::GetField {
                            dst: end,
                            src: t,
                            idx: 1,
                        });
                        self.b.reset(tm);
                    }
                }
                self.b.bind(head);
                self.loop_test(i, end, exit);
                self.for_body(f, Element::In(i), acc, exit, cont);
                i
            }
            ForKind::List | ForKind::Set | ForKind::Map => {
                let coll = self.operand(&f.iterable);
                let n = self.b.alloc();
                self.b.emit(Instr::Len { dst: n, src: coll });
                let i = self.b.alloc();
                self.b.emit(Instr::LoadInt { dst: i, value: 0 });
                self.b.bind(head);
                self.loop_test(i, n, exit);
                self.for_body(f, Element::At { coll, i }, acc, exit, cont);
                i
            }
        };
        self.b.bind(cont);
        self.b.emit(Instr::AddIntImm {
            dst: i,
            src: i,
            imm: 1,
        });
        self.b.jump(head);
        self.b.bind(exit);
        if let Some(acc) = acc {
            match dest {
                Dest::Reg(r) if r != acc => self.b.emit(Instr::Move { dst: r, src: acc }),
                Dest::Tail => self.b.emit(Instr::Return { src: acc }),
                _ => {}
            }
        }
        self.b.reset(m);
    }

    /// `if not (i < n) goto exit`.
    fn loop_test(&mut self, i: Reg, n: Reg, exit: Label) {
        let m = self.b.mark();
        let c = self.b.alloc();
        self.b.emit(Instr::LtInt { dst: c, a: i, b: n });
        self.b
            .emit_jump(Instr::JumpIfFalse { cond: c, offset: 0 }, exit);
        self.b.reset(m);
    }

    /// One iteration: bind the element, apply the filter, run the body, collect its value.
    fn for_body(&mut self, f: &ForLoop, elem: Element, acc: Option<Reg>, exit: Label, cont: Label) {
        let m = self.b.mark();
        self.alloc_binders(&f.pattern);
        match (elem, &f.pattern) {
            (Element::In(r), p) => self.pattern(p, r, cont),
            (Element::At { .. }, p) if self.is_trivial(p) => {}
            (Element::At { coll, i }, Pattern::Bind(l)) => {
                let dst = self.local_reg(*l);
                self.b.emit(Instr::ElemAt {
                    dst,
                    src: coll,
                    idx: i,
                });
            }
            (Element::At { coll, i }, p) => {
                let e = self.b.alloc();
                self.b.emit(Instr::ElemAt {
                    dst: e,
                    src: coll,
                    idx: i,
                });
                self.pattern(p, e, cont);
            }
        }
        if let Some(filter) = &f.filter {
            self.branch(filter, false, cont);
        }
        self.loops.push(LoopCtx {
            break_to: exit,
            continue_to: cont,
        });
        match acc {
            Some(list) => {
                let v = self.b.alloc();
                self.expr(&f.body, Dest::Reg(v));
                self.b.emit(Instr::ListPush { list, src: v });
            }
            None => self.expr(&f.body, Dest::Discard),
        }
        self.loops.pop();
        self.b.reset(m);
    }

    /// `break` / `continue` of the innermost loop.
    pub fn loop_jump(&mut self, is_break: bool) {
        match self.loops.last() {
            Some(l) => {
                let target = if is_break { l.break_to } else { l.continue_to };
                self.b.jump(target);
            }
            // The checker rejects these (E0032/E0033); fail loudly if one slips through.
            None if is_break => self.b.fail("`break` outside of a loop"),
            None => self.b.fail("`continue` outside of a loop"),
        }
    }
}
