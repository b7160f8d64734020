//! Shared test support: IR builders, a strict reference interpreter, the real VM with a
//! test host, and helpers that compile a program and run it on both.

#![allow(dead_code)]

pub mod eval;
pub mod gen;
pub mod real;
pub mod refvm;
pub mod tir;
pub mod verify;

use mesh_check::tir::Program;
use mesh_syntax::{Source, SourceMap};
use mesh_vm::{Image, Value};

/// A source map with one 200-line file `test.mpl` (see [`tir::at`]).
pub fn sources() -> SourceMap {
    let mut sm = SourceMap::new();
    sm.add(Source::new("test.mpl", tir::source_text(200)));
    sm
}

/// Compiles `p` against [`sources`] and checks the code statically (see [`verify`]).
pub fn image(p: &Program) -> Image {
    let img = mesh_compile::compile(p, &sources());
    if let Err(e) = verify::image(&img) {
        panic!("invalid code: {e}\n{}", dump(&img));
    }
    img
}

/// Compiles and runs `p` (entry without arguments); see [`run_with`].
pub fn run_ref(p: &Program) -> Result<refvm::Outcome, String> {
    run_with(p, vec![], vec![])
}

/// Compiles and runs `p` with entry arguments and a pre-filled mailbox on the strict
/// reference interpreter, then on the real VM, and checks that both agree (value and
/// output, or the error message). Returns the reference run, whose statistics the tests
/// inspect.
pub fn run_with(
    p: &Program,
    args: Vec<Value>,
    mailbox: Vec<Value>,
) -> Result<refvm::Outcome, String> {
    let img = image(p);
    let reference = refvm::run(&img, args.clone(), mailbox.clone());
    let real = real::run(img.clone(), args, mailbox);
    match (&reference, &real) {
        (Ok(a), Ok(b)) => {
            assert_eq!(
                mesh_vm::ops::inspect(&a.value, &img.types),
                mesh_vm::ops::inspect(&b.value, &img.types),
                "the VMs returned different values\n{}",
                dump(&img)
            );
            assert_eq!(
                a.out,
                b.out,
                "output differs between the VMs\n{}",
                dump(&img)
            );
        }
        (Err(a), Err(b)) => assert!(
            b.contains(a.trim_start_matches("fail: ")),
            "reference VM failed with {a:?}, real VM with {b:?}\n{}",
            dump(&img)
        ),
        (Ok(_), Err(e)) => panic!("only the real VM failed: {e}\n{}", dump(&img)),
        (Err(e), Ok(_)) => panic!("only the reference VM failed: {e}\n{}", dump(&img)),
    }
    reference
}

/// Runs `p` and returns what it printed; panics with the error otherwise.
pub fn output(p: &Program) -> String {
    match run_ref(p) {
        Ok(o) => o.out,
        Err(e) => panic!("run failed: {e}\n{}", dump(&image(p))),
    }
}

/// Runs `p` and returns the `Display` text of its result.
pub fn result(p: &Program) -> String {
    let img = image(p);
    match run_ref(p) {
        Ok(o) => mesh_vm::ops::display(&o.value, &img.types),
        Err(e) => panic!("run failed: {e}\n{}", dump(&img)),
    }
}

/// A readable listing of an image, for failure messages.
pub fn dump(img: &Image) -> String {
    let mut s = String::new();
    for (i, f) in img.functions.iter().enumerate() {
        s += &format!("fn {i} {} (arity {}, nregs {})\n", f.name, f.arity, f.nregs);
        for (pc, instr) in f.code.iter().enumerate() {
            s += &format!("  {pc:4}: {instr:?}\n");
        }
    }
    s
}
