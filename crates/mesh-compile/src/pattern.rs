//! Pattern matching: each pattern becomes a sequence of tests that jump to a failure label,
//! plus copies into the registers of the locals it binds.
//!
//! The locals of a pattern get their registers *before* the tests run (see
//! [`FnCompiler::alloc_binders`]), below any temporary the tests need. That way the
//! temporaries can be freed right after the tests while the bindings live on for the guard
//! and the body, and every alternative of an or-pattern binds into the same registers.

use crate::builder::Label;
use crate::func::FnCompiler;
use crate::scope::Slot;
use mesh_check::tir::{LocalId, Pattern};
use mesh_vm::{Instr, Reg};

/// The locals bound by `p`, each once, in first-occurrence order.
pub(crate) fn binders(p: &Pattern, out: &mut Vec<LocalId>) {
    match p {
        Pattern::Bind(l) => {
            if !out.contains(l) {
                out.push(*l);
            }
        }
        Pattern::As(inner, l) => {
            binders(inner, out);
            if !out.contains(l) {
                out.push(*l);
            }
        }
        Pattern::Tuple(ps) | Pattern::Or(ps) => ps.iter().for_each(|p| binders(p, out)),
        Pattern::Variant { args, .. } => args.iter().for_each(|p| binders(p, out)),
        Pattern::Typed { pattern, .. } => binders(pattern, out),
        Pattern::Cons(h, t) => {
            binders(h, out);
            binders(t, out);
        }
        Pattern::Wildcard
        | Pattern::Int(_)
        | Pattern::Float(_)
        | Pattern::Bool(_)
        | Pattern::Str(_)
        | Pattern::Unit => {}
    }
}

impl FnCompiler<'_, '_> {
    /// Gives every (used) local bound by `p` a register at the top of the stack.
    pub fn alloc_binders(&mut self, p: &Pattern) {
        let mut locals = Vec::new();
        binders(p, &mut locals);
        locals.retain(|l| self.is_used(*l));
        for l in locals {
            let r = self.b.alloc();
            self.scope.set(l, Slot::Reg(r));
        }
    }

    /// Tests the value in `s` against `p`, jumping to `fail` if it does not match, and
    /// binds the pattern's locals. `s` is only read (cons patterns copy it first).
    pub fn pattern(&mut self, p: &Pattern, s: Reg, fail: Label) {
        let m = self.b.mark();
        match p {
            _ if self.is_trivial(p) => {}
            Pattern::Bind(l) => {
                let dst = self.local_reg(*l);
                if dst != s {
                    self.b.emit(Instr::Copy { dst, src: s });
                }
            }
            Pattern::Int(n) => {
                let c = self.b.alloc();
                match i16::try_from(*n) {
                    Ok(imm) => self.b.emit(Instr::EqIntImm { dst: c, a: s, imm }),
                    Err(_) => {
                        let k = self.b.alloc();
                        self.b.load_int(k, *n);
                        self.b.emit(Instr::EqInt { dst: c, a: s, b: k });
                    }
                }
                self.jump_unless(c, fail);
            }
            Pattern::Float(x) => {
                let k = self.b.alloc();
                self.b.load_float(k, *x);
                let c = self.b.alloc();
                self.b.emit(Instr::EqFloat { dst: c, a: s, b: k });
                self.jump_unless(c, fail);
            }
            Pattern::Str(text) => {
                let k = self.b.alloc();
                self.b.load_str(k, text);
                let c = self.b.alloc();
                self.b.emit(Instr::Eq { dst: c, a: s, b: k });
                self.jump_unless(c, fail);
            }
            Pattern::Bool(true) => self.jump_unless(s, fail),
            Pattern::Bool(false) => self
                .b
                .emit_jump(Instr::JumpIfTrue { cond: s, offset: 0 }, fail),
            Pattern::Tuple(ps) => self.fields(ps, s, fail),
            Pattern::Variant { type_id, tag, args } => {
                // A type with a single variant needs no tag test.
                if self.cx.variant_count(type_id.0) != Some(1) {
                    let t = self.b.alloc();
                    self.b.emit(Instr::GetTag { dst: t, src: s });
                    let k = self.b.alloc();
                    self.b.load_int(k, *tag as i64);
                    self.b.emit(Instr::EqInt { dst: t, a: t, b: k });
                    self.jump_unless(t, fail);
                    self.b.reset(m);
                }
                self.fields(args, s, fail);
            }
            Pattern::Or(alts) => match alts.split_last() {
                None => self.b.jump(fail),
                Some((last, rest)) => {
                    let ok = self.b.label();
                    for alt in rest {
                        let next = self.b.label();
                        self.pattern(alt, s, next);
                        self.b.jump(ok);
                        self.b.bind(next);
                    }
                    self.pattern(last, s, fail);
                    self.b.bind(ok);
                }
            },
            Pattern::As(inner, l) => {
                self.pattern(inner, s, fail);
                if self.is_used(*l) {
                    let dst = self.local_reg(*l);
                    if dst != s {
                        self.b.emit(Instr::Copy { dst, src: s });
                    }
                }
            }
            Pattern::Cons(head, tail) => self.cons(head, tail, s, fail),
            Pattern::Typed { key, pattern } => {
                let k = self.b.alloc();
                self.b.emit(Instr::TypeKey { dst: k, src: s });
                let want = self.b.alloc();
                self.b.load_int(want, *key);
                self.b.emit(Instr::EqInt {
                    dst: k,
                    a: k,
                    b: want,
                });
                self.jump_unless(k, fail);
                self.b.reset(m);
                self.pattern(pattern, s, fail);
            }
            // Covered by the first arm.
            Pattern::Wildcard | Pattern::Unit => {}
        }
        self.b.reset(m);
    }

    /// True if `p` matches anything and binds nothing that is used: no code needed.
    /// (Unit has one value, so the type checker already guarantees the match.)
    pub fn is_trivial(&self, p: &Pattern) -> bool {
        match p {
            Pattern::Wildcard | Pattern::Unit => true,
            Pattern::Bind(l) => !self.is_used(*l),
            _ => false,
        }
    }

    /// The register of `p` if it is a used plain binding (values can go straight there).
    fn bind_target(&mut self, p: &Pattern) -> Option<Reg> {
        match p {
            Pattern::Bind(l) if self.is_used(*l) => Some(self.local_reg(*l)),
            _ => None,
        }
    }

    fn jump_unless(&mut self, cond: Reg, fail: Label) {
        self.b
            .emit_jump(Instr::JumpIfFalse { cond, offset: 0 }, fail);
    }

    /// Matches the fields (or tuple elements) of `s` against `ps`, extracting only those
    /// that a sub-pattern looks at; plain bindings are extracted straight into the local.
    fn fields(&mut self, ps: &[Pattern], s: Reg, fail: Label) {
        for (i, p) in ps.iter().enumerate() {
            if self.is_trivial(p) {
                continue;
            }
            let Ok(idx) = u16::try_from(i) else {
                return self.b.error("pattern with more than 65535 fields");
            };
            match self.bind_target(p) {
                Some(dst) => self.b.emit(Instr::GetField { dst, src: s, idx }),
                None => {
                    let m = self.b.mark();
                    let t = self.b.alloc();
                    self.b.emit(Instr::GetField {
                        dst: t,
                        src: s,
                        idx,
                    });
                    self.pattern(p, t, fail);
                    self.b.reset(m);
                }
            }
        }
    }

    /// `head :: tail`: the list must be non-empty; a copy of it is taken apart with
    /// `ListUncons` (the copy is a move when the scrutinee dies here, so that walking a
    /// list by recursion never copies it).
    fn cons(&mut self, head: &Pattern, tail: &Pattern, s: Reg, fail: Label) {
        let n = self.b.alloc();
        self.b.emit(Instr::Len { dst: n, src: s });
        self.b.emit(Instr::GtIntImm {
            dst: n,
            a: n,
            imm: 0,
        });
        self.jump_unless(n, fail);
        if self.is_trivial(head) && self.is_trivial(tail) {
            return;
        }
        let rest = match self.bind_target(tail) {
            Some(r) => r,
            None => self.b.alloc(),
        };
        let first = match self.bind_target(head) {
            Some(r) => r,
            None => self.b.alloc(),
        };
        self.b.emit(Instr::Copy { dst: rest, src: s });
        self.b.emit(Instr::ListUncons {
            src: rest,
            head: first,
        });
        if self.bind_target(head).is_none() {
            self.pattern(head, first, fail);
        }
        if self.bind_target(tail).is_none() {
            self.pattern(tail, rest, fail);
        }
    }
}
