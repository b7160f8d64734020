//! Load-time verification of a program.
//!
//! [`verify`] checks every index in the program once, so that the interpreter can execute
//! a verified program without ever failing on a malformed instruction:
//!
//! * every register operand is below the frame size `nregs`, including whole windows
//!   (`base..base+argc` of calls, the element windows of `Make*`, and the result register
//!   `base` even of empty windows);
//! * jump targets (`Jump`, `JumpIf*`, `RecvPeek`'s timeout branch) lie inside the code;
//! * function, native, constant and type indices exist; `Fail` and `LoadConst` name
//!   existing constants and `Fail`'s is a string;
//! * `Call`/`TailCall` pass exactly the callee's arity (calls of function *values* are
//!   checked when they happen, since the callee is only known then);
//! * `MakeData` names an existing variant of its type with its number of fields;
//! * `arity <= nregs`, code is non-empty, and the last instruction cannot fall off the end
//!   (`Return`, `TailCall`, `TailCallValue`, `Fail` or `Jump`), so `pc` always stays inside
//!   the code;
//! * the entry function exists.
//!
//! What it cannot check statically — operand *kinds* (the compiler's type checker did
//! that), capture indices of closures, list emptiness — the interpreter checks when it runs
//! and reports as a run-time error, never a panic.

use crate::bytecode::{Instr, TypeKind};
use crate::program::{LoadedFunction, Program};
use crate::value::Value;

/// Checks every index in the program once so the interpreter can trust them.
pub fn verify(program: &Program) -> Result<(), String> {
    if program.entry as usize >= program.functions.len() {
        return Err(format!(
            "the entry function #{} does not exist (the program has {} functions)",
            program.entry,
            program.functions.len()
        ));
    }
    for (idx, f) in program.functions.iter().enumerate() {
        verify_function(program, idx, f)?;
    }
    Ok(())
}

fn verify_function(program: &Program, idx: usize, f: &LoadedFunction) -> Result<(), String> {
    let here = || format!("function `{}` (#{idx})", f.name);
    if f.code.is_empty() {
        return Err(format!("{} has no code", here()));
    }
    if f.code.len() > u32::MAX as usize {
        return Err(format!("{} has more than 2^32 instructions", here()));
    }
    if f.arity as u16 > f.nregs {
        return Err(format!(
            "{} takes {} arguments but has only {} registers",
            here(),
            f.arity,
            f.nregs
        ));
    }
    let at = |pc: usize, ins: &Instr, msg: String| {
        format!("{}, instruction {pc} `{ins:?}`: {msg}", here())
    };
    for (pc, ins) in f.code.iter().enumerate() {
        let extent = reg_extent(ins);
        if extent > f.nregs as usize {
            return Err(at(
                pc,
                ins,
                format!(
                    "uses register {} but the frame has {} registers",
                    extent - 1,
                    f.nregs
                ),
            ));
        }
        if let Some(offset) = jump_offset(ins) {
            let target = pc as i64 + 1 + offset as i64;
            if target < 0 || target >= f.code.len() as i64 {
                return Err(at(
                    pc,
                    ins,
                    format!("jumps to {target}, outside the code (0..{})", f.code.len()),
                ));
            }
        }
        check_indices(program, f, ins).map_err(|msg| at(pc, ins, msg))?;
    }
    let last = f.code[f.code.len() - 1];
    if !matches!(
        last,
        Instr::Return { .. }
            | Instr::TailCall { .. }
            | Instr::TailCallValue { .. }
            | Instr::Fail { .. }
            | Instr::Jump { .. }
    ) {
        return Err(format!(
            "{} ends with `{last:?}`, which can fall off the end of the code",
            here()
        ));
    }
    Ok(())
}

/// Checks the function, native, constant and type indices of one instruction.
fn check_indices(program: &Program, f: &LoadedFunction, ins: &Instr) -> Result<(), String> {
    let function = |func: u32| {
        program.functions.get(func as usize).ok_or_else(|| {
            format!(
                "function #{func} does not exist (the program has {})",
                program.functions.len()
            )
        })
    };
    let constant = |idx: u32| {
        f.consts.get(idx as usize).ok_or_else(|| {
            format!(
                "constant #{idx} does not exist (the function has {})",
                f.consts.len()
            )
        })
    };
    match *ins {
        Instr::LoadConst { idx, .. } => {
            constant(idx)?;
        }
        Instr::Fail { msg } => match constant(msg)? {
            Value::Str(_) => {}
            _ => return Err(format!("constant #{msg} is not a string")),
        },
        Instr::LoadFn { func, .. } | Instr::MakeClosure { func, .. } => {
            function(func)?;
        }
        Instr::Call { argc, func, .. } | Instr::TailCall { argc, func, .. } => {
            let callee = function(func)?;
            if callee.arity != argc {
                return Err(format!(
                    "passes {argc} arguments to `{}`, which takes {}",
                    callee.name, callee.arity
                ));
            }
        }
        Instr::CallNative { native, .. } if native as usize >= program.natives.len() => {
            return Err(format!(
                "native #{native} does not exist (the program has {})",
                program.natives.len()
            ));
        }
        Instr::MakeData {
            n, type_id, tag, ..
        } => {
            let Some(info) = program.types.get(type_id as usize) else {
                return Err(format!(
                    "type #{type_id} does not exist (the program has {})",
                    program.types.len()
                ));
            };
            let fields = match &info.kind {
                TypeKind::Struct(fields) if tag == 0 => fields.len(),
                TypeKind::Struct(_) => {
                    return Err(format!("struct `{}` has no variant {tag}", info.name))
                }
                TypeKind::Sum(variants) => match variants.get(tag as usize) {
                    Some(v) => v.fields.len(),
                    None => {
                        return Err(format!(
                            "type `{}` has no variant {tag} (it has {})",
                            info.name,
                            variants.len()
                        ))
                    }
                },
            };
            if fields != n as usize {
                return Err(format!(
                    "builds variant {tag} of `{}` with {n} fields, but it has {fields}",
                    info.name
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// The relative jump offset of an instruction that can jump.
fn jump_offset(ins: &Instr) -> Option<i32> {
    match *ins {
        Instr::Jump { offset }
        | Instr::JumpIfTrue { offset, .. }
        | Instr::JumpIfFalse { offset, .. } => Some(offset),
        Instr::RecvPeek { on_timeout, .. } => Some(on_timeout),
        _ => None,
    }
}

/// One past the highest register an instruction reads or writes (0 if none); windows
/// count whole, and a window's base is written even when the window is empty.
pub(crate) fn reg_extent(ins: &Instr) -> usize {
    let r = |x: u16| x as usize + 1;
    let window = |base: u16, len: usize| base as usize + len.max(1);
    match *ins {
        Instr::Move { dst, src } | Instr::Copy { dst, src } => r(dst).max(r(src)),
        Instr::LoadConst { dst, .. }
        | Instr::LoadInt { dst, .. }
        | Instr::LoadBool { dst, .. }
        | Instr::LoadUnit { dst }
        | Instr::LoadFn { dst, .. }
        | Instr::LoadCapture { dst, .. }
        | Instr::LoadSelf { dst } => r(dst),
        Instr::AddInt { dst, a, b }
        | Instr::SubInt { dst, a, b }
        | Instr::MulInt { dst, a, b }
        | Instr::DivInt { dst, a, b }
        | Instr::RemInt { dst, a, b }
        | Instr::AddFloat { dst, a, b }
        | Instr::SubFloat { dst, a, b }
        | Instr::MulFloat { dst, a, b }
        | Instr::DivFloat { dst, a, b }
        | Instr::RemFloat { dst, a, b }
        | Instr::EqInt { dst, a, b }
        | Instr::NeInt { dst, a, b }
        | Instr::LtInt { dst, a, b }
        | Instr::LeInt { dst, a, b }
        | Instr::EqFloat { dst, a, b }
        | Instr::LtFloat { dst, a, b }
        | Instr::LeFloat { dst, a, b }
        | Instr::Eq { dst, a, b }
        | Instr::Ne { dst, a, b }
        | Instr::Lt { dst, a, b }
        | Instr::Le { dst, a, b }
        | Instr::Concat { dst, a, b } => r(dst).max(r(a)).max(r(b)),
        Instr::EqIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::NeIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::LtIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::LeIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::GtIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::GeIntImm { dst, a, .. } => r(dst).max(r(a)),
        Instr::NegInt { dst, src }
        | Instr::AddIntImm { dst, src, .. }
        | Instr::NegFloat { dst, src }
        | Instr::Not { dst, src }
        | Instr::GetField { dst, src, .. }
        | Instr::SetField { dst, src, .. }
        | Instr::GetTag { dst, src }
        | Instr::Len { dst, src }
        | Instr::Display { dst, src }
        | Instr::Inspect { dst, src }
        | Instr::TypeKey { dst, src } => r(dst).max(r(src)),
        Instr::ElemAt { dst, src, idx } => r(dst).max(r(src)).max(r(idx)),
        Instr::ListUncons { src, head } => r(src).max(r(head)),
        Instr::ListPush { list, src } => r(list).max(r(src)),
        Instr::Jump { .. } | Instr::Fail { .. } | Instr::RecvAccept | Instr::RecvSkip => 0,
        Instr::JumpIfTrue { cond, .. } | Instr::JumpIfFalse { cond, .. } => r(cond),
        Instr::Call { base, argc, .. } | Instr::CallNative { base, argc, .. } => {
            window(base, argc as usize)
        }
        // A tail call writes no result: only the window itself must exist.
        Instr::TailCall { base, argc, .. } => base as usize + argc as usize,
        Instr::CallValue { base, argc } | Instr::TailCallValue { base, argc } => {
            base as usize + 1 + argc as usize
        }
        Instr::Return { src } => r(src),
        Instr::MakeTuple { base, n } | Instr::MakeList { base, n } => window(base, n as usize),
        Instr::MakeMap { base, n } => window(base, 2 * n as usize),
        Instr::MakeData { base, n, .. } => window(base, n as usize),
        Instr::MakeClosure { base, ncap, .. } => window(base, ncap as usize),
        Instr::RecvStart { timeout } => r(timeout),
        Instr::RecvPeek { dst, .. } => r(dst),
    }
}
