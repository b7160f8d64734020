//! The compiler of one function body (a top-level function or a lambda), its destination
//! model and its final assembly into a [`Function`].
//!
//! Every expression is compiled towards a [`Dest`]: a register, nowhere (evaluated for its
//! effects), or the function's return (tail position). Passing the destination down through
//! blocks, `if`, `match` and `receive` is what places calls in tail position without a
//! separate analysis, and lets statement-level `for` loops skip building their list.

use crate::builder::FnBuilder;
use crate::image::ImageBuilder;
use crate::liveness;
use crate::scope::{LoopCtx, Scope, Slot};
use mesh_check::tir::{FnDecl, LocalId};
use mesh_syntax::Span;
use mesh_vm::{Const, Function, Instr, Reg};
use std::collections::BTreeSet;
use std::rc::Rc;

/// Where the value of an expression goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dest {
    /// Into this register (never read by the expression itself).
    Reg(Reg),
    /// Nowhere: only the effects matter.
    Discard,
    /// Returned from the function (tail position); the code never falls through.
    Tail,
}

/// Compiles one function.
pub(crate) struct FnCompiler<'a, 'p> {
    pub cx: &'a mut ImageBuilder<'p>,
    pub b: FnBuilder,
    pub scope: Scope,
    pub loops: Vec<LoopCtx>,
    /// Qualified name (lambdas are named after their enclosing function).
    pub name: String,
    span: Span,
    arity: u8,
    /// Lambdas created so far in this function, for their names.
    pub lambdas: u32,
    /// Locals read anywhere in the enclosing top-level function (see
    /// [`crate::closure::used_locals`]); binders of other locals are skipped.
    pub used: Rc<BTreeSet<LocalId>>,
    /// For a top-level function: its own index and parameters (self tail calls are
    /// compiled as in-place parameter updates).
    pub self_fn: Option<(u32, Vec<LocalId>)>,
}

impl<'a, 'p> FnCompiler<'a, 'p> {
    /// A compiler for a function with `params` in registers `0..params.len()`.
    pub fn new(
        cx: &'a mut ImageBuilder<'p>,
        name: String,
        span: Span,
        params: &[LocalId],
        num_locals: u32,
        used: Rc<BTreeSet<LocalId>>,
    ) -> FnCompiler<'a, 'p> {
        let mut b = FnBuilder::new(0);
        let arity = match u8::try_from(params.len()) {
            Ok(n) => n,
            Err(_) => {
                b.error("a function may take at most 255 parameters");
                0
            }
        };
        let mut scope = Scope::new(num_locals);
        for &p in params.iter().take(arity as usize) {
            let r = b.alloc();
            scope.set(p, Slot::Reg(r));
        }
        let mut c = FnCompiler {
            cx,
            b,
            scope,
            loops: Vec::new(),
            name,
            span,
            arity,
            lambdas: 0,
            used,
            self_fn: None,
        };
        let line = c.cx.line_of(span);
        c.b.set_line(line);
        c
    }

    /// Makes `span` the source position of the instructions emitted next; returns the
    /// previous line for [`FnBuilder::set_line`]. Spans in another file than the function
    /// (code the checker generated from elsewhere) and synthetic empty spans keep the
    /// current line.
    pub fn enter(&mut self, span: Span) -> u32 {
        if span.file != self.span.file || span == Span::default() {
            return self.b.line();
        }
        match self.cx.line_of(span) {
            0 => self.b.line(),
            line => self.b.set_line(line),
        }
    }

    /// True if local `id` is read somewhere, so that binding it is worth an instruction.
    pub fn is_used(&self, id: LocalId) -> bool {
        self.used.contains(&id)
    }

    /// The register of local `id` (an internal error if it is unbound or is the closure
    /// itself, which has no register).
    pub fn local_reg(&mut self, id: LocalId) -> Reg {
        match self.scope.get(id) {
            Some(Slot::Reg(r)) => r,
            _ => {
                self.b
                    .error(format!("local {} is not bound to a register", id.0));
                0
            }
        }
    }

    /// Assembles the function: resolves jumps, runs the move-on-last-use pass, sizes the
    /// frame. An internal error turns the whole function into a `Fail` naming it, so a
    /// compiler bug shows up as a Mesh run-time error rather than a crash.
    pub fn finish(self) -> Function {
        let file = self.cx.file(self.span.file);
        let line = self.cx.line_of(self.span);
        let arity = self.arity;
        match self.b.finish() {
            Ok(mut e) => {
                let nregs = liveness::frame_size(&e.code, arity);
                liveness::optimize(&mut e.code, &mut e.lines, nregs as usize);
                Function {
                    name: self.name,
                    file,
                    arity,
                    nregs,
                    code: e.code,
                    consts: e.consts,
                    lines: e.lines,
                }
            }
            Err(msg) => Function {
                consts: vec![Const::Str(format!(
                    "internal compiler error in {}: {msg}",
                    self.name
                ))],
                name: self.name,
                file,
                arity,
                nregs: arity.max(1) as u16,
                code: vec![Instr::Fail { msg: 0 }],
                lines: if line > 0 { vec![(0, line)] } else { vec![] },
            },
        }
    }
}

/// Compiles a top-level function.
pub(crate) fn compile_decl(cx: &mut ImageBuilder<'_>, index: u32, decl: &FnDecl) -> Function {
    let used = Rc::new(crate::closure::used_locals(&decl.body));
    let mut c = FnCompiler::new(
        cx,
        decl.name.clone(),
        decl.span,
        &decl.params,
        decl.num_locals,
        used,
    );
    c.self_fn = Some((index, decl.params.clone()));
    c.expr(&decl.body, Dest::Tail);
    c.finish()
}
