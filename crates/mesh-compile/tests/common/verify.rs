//! A static check of generated code, independent of the compiler's own liveness pass:
//! on *every* path, no instruction may read a register that was moved out, clobbered by a
//! call, consumed by a window or owned operand, or never written. (The real VM would read
//! `()` there silently; the reference VM only catches the paths a test executes.)

#![allow(dead_code)]

use mesh_vm::{Function, Image, Instr, Reg};

/// Checks every function of `img`; returns the first violation.
pub fn image(img: &Image) -> Result<(), String> {
    for f in &img.functions {
        function(f).map_err(|e| format!("{}: {e}", f.name))?;
    }
    Ok(())
}

fn reads(i: &Instr) -> Vec<Reg> {
    use Instr::*;
    let range = |b: Reg, n: usize| (b as usize..b as usize + n).map(|r| r as Reg).collect();
    match *i {
        Move { src, .. } | Copy { src, .. } => vec![src],
        NegInt { src, .. }
        | NegFloat { src, .. }
        | EqIntImm { a: src, .. }
        | NeIntImm { a: src, .. }
        | LtIntImm { a: src, .. }
        | LeIntImm { a: src, .. }
        | GtIntImm { a: src, .. }
        | GeIntImm { a: src, .. }
        | AddIntImm { src, .. }
        | Not { src, .. }
        | GetField { src, .. }
        | GetTag { src, .. }
        | Len { src, .. }
        | Display { src, .. }
        | Inspect { src, .. }
        | TypeKey { src, .. }
        | ListUncons { src, .. } => vec![src],
        AddInt { a, b, .. }
        | SubInt { a, b, .. }
        | MulInt { a, b, .. }
        | DivInt { a, b, .. }
        | RemInt { a, b, .. }
        | AddFloat { a, b, .. }
        | SubFloat { a, b, .. }
        | MulFloat { a, b, .. }
        | DivFloat { a, b, .. }
        | RemFloat { a, b, .. }
        | EqInt { a, b, .. }
        | NeInt { a, b, .. }
        | LtInt { a, b, .. }
        | LeInt { a, b, .. }
        | EqFloat { a, b, .. }
        | LtFloat { a, b, .. }
        | LeFloat { a, b, .. }
        | Eq { a, b, .. }
        | Ne { a, b, .. }
        | Lt { a, b, .. }
        | Le { a, b, .. }
        | Concat { a, b, .. } => vec![a, b],
        JumpIfTrue { cond, .. } | JumpIfFalse { cond, .. } => vec![cond],
        Call { base, argc, .. } | TailCall { base, argc, .. } | CallNative { base, argc, .. } => {
            range(base, argc as usize)
        }
        CallValue { base, argc } | TailCallValue { base, argc } => range(base, argc as usize + 1),
        Return { src } => vec![src],
        MakeTuple { base, n } | MakeList { base, n } => range(base, n as usize),
        MakeMap { base, n } => range(base, 2 * n as usize),
        MakeData { base, n, .. } => range(base, n as usize),
        MakeClosure { base, ncap, .. } => range(base, ncap as usize),
        SetField { dst, src, .. } => vec![dst, src],
        ElemAt { src, idx, .. } => vec![src, idx],
        ListPush { list, src } => vec![list, src],
        RecvStart { timeout } => vec![timeout],
        _ => vec![],
    }
}

/// Applies the effect of `i` on the set of valid registers (fall-through successor).
fn step(i: &Instr, valid: &mut [bool]) {
    use Instr::*;
    let kill = |r: Reg, valid: &mut [bool]| valid[r as usize] = false;
    let kill_above = |b: Reg, valid: &mut [bool]| {
        for v in valid.iter_mut().skip(b as usize + 1) {
            *v = false
        }
    };
    let set = |r: Reg, valid: &mut [bool]| valid[r as usize] = true;
    match *i {
        Move { dst, src } => {
            kill(src, valid);
            set(dst, valid);
        }
        Call { base, .. } | CallValue { base, .. } | CallNative { base, .. } => {
            kill_above(base, valid);
            set(base, valid);
        }
        MakeTuple { base, n } | MakeList { base, n } => {
            for r in base as usize + 1..base as usize + n as usize {
                kill(r as Reg, valid);
            }
            set(base, valid);
        }
        MakeMap { base, n } => {
            for r in base as usize + 1..base as usize + 2 * n as usize {
                kill(r as Reg, valid);
            }
            set(base, valid);
        }
        MakeData { base, n, .. } => {
            for r in base as usize + 1..base as usize + n as usize {
                kill(r as Reg, valid);
            }
            set(base, valid);
        }
        MakeClosure { base, ncap, .. } => {
            for r in base as usize + 1..base as usize + ncap as usize {
                kill(r as Reg, valid);
            }
            set(base, valid);
        }
        Concat { dst, a, .. } => {
            kill(a, valid);
            set(dst, valid);
        }
        SetField { src, .. } | ListPush { src, .. } => kill(src, valid),
        ListUncons { head, .. } => set(head, valid),
        LoadConst { dst, .. }
        | Copy { dst, .. }
        | LoadInt { dst, .. }
        | LoadBool { dst, .. }
        | LoadUnit { dst }
        | LoadFn { dst, .. }
        | LoadCapture { dst, .. }
        | LoadSelf { dst }
        | AddInt { dst, .. }
        | SubInt { dst, .. }
        | MulInt { dst, .. }
        | DivInt { dst, .. }
        | RemInt { dst, .. }
        | NegInt { dst, .. }
        | EqIntImm { dst, .. }
        | NeIntImm { dst, .. }
        | LtIntImm { dst, .. }
        | LeIntImm { dst, .. }
        | GtIntImm { dst, .. }
        | GeIntImm { dst, .. }
        | AddIntImm { dst, .. }
        | AddFloat { dst, .. }
        | SubFloat { dst, .. }
        | MulFloat { dst, .. }
        | DivFloat { dst, .. }
        | RemFloat { dst, .. }
        | NegFloat { dst, .. }
        | EqInt { dst, .. }
        | NeInt { dst, .. }
        | LtInt { dst, .. }
        | LeInt { dst, .. }
        | EqFloat { dst, .. }
        | LtFloat { dst, .. }
        | LeFloat { dst, .. }
        | Eq { dst, .. }
        | Ne { dst, .. }
        | Lt { dst, .. }
        | Le { dst, .. }
        | Not { dst, .. }
        | GetField { dst, .. }
        | GetTag { dst, .. }
        | Len { dst, .. }
        | ElemAt { dst, .. }
        | Display { dst, .. }
        | Inspect { dst, .. }
        | TypeKey { dst, .. }
        | RecvPeek { dst, .. } => set(dst, valid),
        _ => {}
    }
}

fn target(pc: usize, i: &Instr) -> Option<usize> {
    match *i {
        Instr::Jump { offset }
        | Instr::JumpIfTrue { offset, .. }
        | Instr::JumpIfFalse { offset, .. }
        | Instr::RecvPeek {
            on_timeout: offset, ..
        } => Some((pc as i64 + 1 + offset as i64) as usize),
        _ => None,
    }
}

fn ends(i: &Instr) -> bool {
    matches!(
        i,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::TailCall { .. }
            | Instr::TailCallValue { .. }
            | Instr::Fail { .. }
    )
}

/// Checks one function (instruction-level forward must-analysis; sets start full so
/// that unreachable code never reports).
pub fn function(f: &Function) -> Result<(), String> {
    let n = f.code.len();
    let nregs = f.nregs as usize;
    let mut valid_in: Vec<Option<Vec<bool>>> = vec![None; n];
    let mut entry = vec![false; nregs];
    entry[..f.arity as usize].fill(true);
    valid_in[0] = Some(entry);
    let mut work = vec![0usize];
    while let Some(pc) = work.pop() {
        let Some(mut valid) = valid_in[pc].clone() else {
            continue;
        };
        let i = &f.code[pc];
        for r in reads(i) {
            if !valid.get(r as usize).copied().unwrap_or(false) {
                return Err(format!("pc {pc} {i:?} reads r{r}, which may be dead here"));
            }
        }
        // On its timeout path RecvPeek writes nothing.
        let mut succs = Vec::new();
        if let Some(t) = target(pc, i) {
            let mut at_target = valid.clone();
            if !matches!(i, Instr::RecvPeek { .. }) {
                step(i, &mut at_target);
            }
            succs.push((t, at_target));
        }
        step(i, &mut valid);
        if !ends(i) && pc + 1 < n {
            succs.push((pc + 1, valid));
        }
        for (s, v) in succs {
            let changed = match &mut valid_in[s] {
                slot @ None => {
                    *slot = Some(v);
                    true
                }
                Some(old) => {
                    let mut changed = false;
                    for (o, x) in old.iter_mut().zip(&v) {
                        if *o && !*x {
                            *o = false;
                            changed = true;
                        }
                    }
                    changed
                }
            };
            if changed {
                work.push(s);
            }
        }
    }
    Ok(())
}
