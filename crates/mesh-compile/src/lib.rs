//! `mesh-compile` turns the typed IR of `mesh-check` into a bytecode [`mesh_vm::Image`]:
//! register allocation, closure conversion, pattern-match compilation, tail calls, and the
//! move-on-last-use analysis that lets the VM update unshared collections in place.
//!
//! It must not know about tokio, I/O or how natives are implemented: natives are names.
//!
//! # Conventions of the generated code
//!
//! * A function of arity `n` has its parameters in registers `0..n`; locals and
//!   temporaries are allocated above them in stack order, so every call and `Make*`
//!   window starts at the top of the live registers.
//! * Top-level function `FnId(i)` is image function `i`; lambdas are appended after them
//!   in creation order, under the (qualified) name the checker gave them, or
//!   `<enclosing>.<closure k>` if it gave none.
//! * A lambda's captured locals are loaded with `LoadCapture` into the registers after its
//!   parameters when it starts; its `self_local` is read with `LoadSelf`.
//! * Calls in tail position are `TailCall`/`TailCallValue`; natives never are.
//! * Patterns are compiled arm by arm into tests that jump to the next arm; a pattern's
//!   locals get registers before its tests run, so all alternatives of an or-pattern bind
//!   into the same registers. Binders that are never read are not bound at all.
//! * A local placed into a window or an owned operand is copied; the liveness pass turns the
//!   copies made on a last use into moves, and drops an aggregate right after the last
//!   field taken out of it, so that unshared values reach in-place updates.
//! * The line table has an entry wherever the source line of the emitting expression
//!   changes; an internal inconsistency (which the checker should make impossible) turns
//!   the function into a single `Fail` naming it instead of aborting the compilation.

mod builder;
mod closure;
mod control;
mod expr;
mod func;
mod image;
mod liveness;
mod pattern;
mod reach;
mod scope;

use mesh_check::tir::Program;
use mesh_syntax::SourceMap;

/// Compiles a checked program into a bytecode image.
pub fn compile(program: &Program, sources: &SourceMap) -> mesh_vm::Image {
    compile_with_roots(program, sources, &[])
}

/// Like [`compile`], keeping also the functions reachable from `roots` (functions a tool
/// calls by name, such as the `up`/`down` of migrations).
pub fn compile_with_roots(
    program: &Program,
    sources: &SourceMap,
    roots: &[mesh_check::tir::FnId],
) -> mesh_vm::Image {
    let mut cx = image::ImageBuilder::new(program, sources);
    let live = reach::reachable(program, roots);
    let functions = program
        .functions
        .iter()
        .zip(live)
        .enumerate()
        .map(|(index, (decl, live))| {
            let index = index as u32;
            if live {
                func::compile_decl(&mut cx, index, decl)
            } else {
                let empty = mesh_check::tir::FnDecl {
                    name: decl.name.clone(),
                    span: decl.span,
                    params: decl.params.clone(),
                    body: mesh_check::tir::Expr::unit(decl.span),
                    num_locals: decl.num_locals,
                };
                func::compile_decl(&mut cx, index, &empty)
            }
        })
        .collect();
    cx.finish(functions)
}
