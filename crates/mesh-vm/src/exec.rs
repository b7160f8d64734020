//! The interpreter's private, verified form of a function's code.
//!
//! [`Op`] mirrors [`Instr`] variant for variant and adds *fused* operations that do the
//! work of two consecutive instructions in one dispatch. It is a flat enum of 8 bytes
//! (like `Instr`) so that dispatch is a single jump table. It is crate-private: the
//! interpreter only executes code that [`crate::program::Program::load`] verified and then
//! translated with [`translate`], which is what makes its unchecked register access sound
//! (see `crate::interp`).
//!
//! The variant list and [`From<Instr>`] are mechanical copies of `bytecode::Instr`; when an
//! instruction is added there, add it here too (the compiler's exhaustiveness check on
//! `From<Instr>` and on the interpreter's `match` points at both places).
//!
//! Translation is one slot per instruction, so jump offsets, line tables and stack traces
//! refer to the same positions. A fused operation stands in the first slot of its pair;
//! the second slot keeps its original instruction, so a jump landing there (or a yield
//! resuming there) executes it alone.

use crate::bytecode::{Instr, Reg};

/// One interpreter operation (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Op {
    // ---- the instructions of `bytecode::Instr`, one for one (documented there) ----
    Move {
        dst: Reg,
        src: Reg,
    },
    Copy {
        dst: Reg,
        src: Reg,
    },
    LoadConst {
        dst: Reg,
        idx: u32,
    },
    LoadInt {
        dst: Reg,
        value: i32,
    },
    LoadBool {
        dst: Reg,
        value: bool,
    },
    LoadUnit {
        dst: Reg,
    },
    LoadFn {
        dst: Reg,
        func: u32,
    },
    LoadCapture {
        dst: Reg,
        idx: u16,
    },
    LoadSelf {
        dst: Reg,
    },
    AddInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    SubInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    MulInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    DivInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    RemInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NegInt {
        dst: Reg,
        src: Reg,
    },
    AddIntImm {
        dst: Reg,
        src: Reg,
        imm: i16,
    },
    AddFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    SubFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    MulFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    DivFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    RemFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NegFloat {
        dst: Reg,
        src: Reg,
    },
    EqIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    NeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    LtIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    LeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    GtIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    GeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    EqInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NeInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    LtInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    LeInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    EqFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    LtFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    LeFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Eq {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Ne {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Lt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Le {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Not {
        dst: Reg,
        src: Reg,
    },
    Jump {
        offset: i32,
    },
    JumpIfTrue {
        cond: Reg,
        offset: i32,
    },
    JumpIfFalse {
        cond: Reg,
        offset: i32,
    },
    Call {
        base: Reg,
        argc: u8,
        func: u32,
    },
    TailCall {
        base: Reg,
        argc: u8,
        func: u32,
    },
    CallValue {
        base: Reg,
        argc: u8,
    },
    TailCallValue {
        base: Reg,
        argc: u8,
    },
    CallNative {
        base: Reg,
        argc: u8,
        native: u16,
    },
    Return {
        src: Reg,
    },
    Fail {
        msg: u32,
    },
    MakeTuple {
        base: Reg,
        n: u16,
    },
    MakeList {
        base: Reg,
        n: u16,
    },
    MakeMap {
        base: Reg,
        n: u16,
    },
    MakeData {
        base: Reg,
        n: u8,
        type_id: u16,
        tag: u16,
    },
    MakeClosure {
        base: Reg,
        ncap: u8,
        func: u32,
    },
    GetField {
        dst: Reg,
        src: Reg,
        idx: u16,
    },
    SetField {
        dst: Reg,
        idx: u16,
        src: Reg,
    },
    GetTag {
        dst: Reg,
        src: Reg,
    },
    Len {
        dst: Reg,
        src: Reg,
    },
    ElemAt {
        dst: Reg,
        src: Reg,
        idx: Reg,
    },
    ListUncons {
        src: Reg,
        head: Reg,
    },
    ListPush {
        list: Reg,
        src: Reg,
    },
    Concat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Display {
        dst: Reg,
        src: Reg,
    },
    Inspect {
        dst: Reg,
        src: Reg,
    },
    TypeKey {
        dst: Reg,
        src: Reg,
    },
    RecvStart {
        timeout: Reg,
    },
    RecvPeek {
        dst: Reg,
        on_timeout: i32,
    },
    RecvAccept,
    RecvSkip,
    // ---- fused operations ----
    /// `EqInt` into `dst` fused with the `JumpIfTrue` on `dst` in the next slot, whose
    /// offset (relative to the instruction after that slot) fits `off`.
    EqIntJumpIfTrue {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `EqInt` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    EqIntJumpIfFalse {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `NeInt` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    NeIntJumpIfTrue {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `NeInt` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    NeIntJumpIfFalse {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `LtInt` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    LtIntJumpIfTrue {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `LtInt` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    LtIntJumpIfFalse {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `LeInt` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    LeIntJumpIfTrue {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `LeInt` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    LeIntJumpIfFalse {
        dst: Reg,
        a: Reg,
        b: Reg,
        off: i8,
    },
    /// `EqIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    EqIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `EqIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    EqIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `NeIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    NeIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `NeIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    NeIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `LtIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    LtIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `LtIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    LtIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `LeIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    LeIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `LeIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    LeIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `GtIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    GtIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `GtIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    GtIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `GeIntImm` + `JumpIfTrue` (see [`Op::EqIntJumpIfTrue`]).
    GeIntImmJumpIfTrue {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// `GeIntImm` + `JumpIfFalse` (see [`Op::EqIntJumpIfTrue`]).
    GeIntImmJumpIfFalse {
        dst: Reg,
        a: Reg,
        imm: i16,
        off: i8,
    },
    /// A `TailCall` of the running function with its window at register 0: the arguments
    /// are already in place. Registers `argc..hi` may hold heap values to release; those
    /// from `hi` up only ever receive immediates (see [`heap_limit`]).
    SelfTailCall {
        argc: u8,
        hi: Reg,
    },
    /// A `TailCall` of the running function with its window at register 0 and nothing to
    /// release (every register from `argc` up only ever holds immediates): a loop's back
    /// edge.
    SelfLoop,
    /// `AddIntImm` fused with the [`Op::SelfLoop`] in the next slot (a loop counter's
    /// update is typically the last argument computed before the back edge).
    AddIntImmLoop {
        dst: Reg,
        src: Reg,
        imm: i16,
    },
    /// `AddInt` fused with the [`Op::SelfLoop`] in the next slot.
    AddIntLoop {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// A `TailCall` of the running function with its window at `base > 0` (`hi` as for
    /// [`Op::SelfTailCall`]).
    SelfTailCallWindow {
        base: Reg,
        argc: u8,
        hi: Reg,
    },
}

impl From<Instr> for Op {
    fn from(ins: Instr) -> Op {
        match ins {
            Instr::Move { dst, src } => Op::Move { dst, src },
            Instr::Copy { dst, src } => Op::Copy { dst, src },
            Instr::LoadConst { dst, idx } => Op::LoadConst { dst, idx },
            Instr::LoadInt { dst, value } => Op::LoadInt { dst, value },
            Instr::LoadBool { dst, value } => Op::LoadBool { dst, value },
            Instr::LoadUnit { dst } => Op::LoadUnit { dst },
            Instr::LoadFn { dst, func } => Op::LoadFn { dst, func },
            Instr::LoadCapture { dst, idx } => Op::LoadCapture { dst, idx },
            Instr::LoadSelf { dst } => Op::LoadSelf { dst },
            Instr::AddInt { dst, a, b } => Op::AddInt { dst, a, b },
            Instr::SubInt { dst, a, b } => Op::SubInt { dst, a, b },
            Instr::MulInt { dst, a, b } => Op::MulInt { dst, a, b },
            Instr::DivInt { dst, a, b } => Op::DivInt { dst, a, b },
            Instr::RemInt { dst, a, b } => Op::RemInt { dst, a, b },
            Instr::NegInt { dst, src } => Op::NegInt { dst, src },
            Instr::AddIntImm { dst, src, imm } => Op::AddIntImm { dst, src, imm },
            Instr::AddFloat { dst, a, b } => Op::AddFloat { dst, a, b },
            Instr::SubFloat { dst, a, b } => Op::SubFloat { dst, a, b },
            Instr::MulFloat { dst, a, b } => Op::MulFloat { dst, a, b },
            Instr::DivFloat { dst, a, b } => Op::DivFloat { dst, a, b },
            Instr::RemFloat { dst, a, b } => Op::RemFloat { dst, a, b },
            Instr::NegFloat { dst, src } => Op::NegFloat { dst, src },
            Instr::EqIntImm { dst, a, imm } => Op::EqIntImm { dst, a, imm },
            Instr::NeIntImm { dst, a, imm } => Op::NeIntImm { dst, a, imm },
            Instr::LtIntImm { dst, a, imm } => Op::LtIntImm { dst, a, imm },
            Instr::LeIntImm { dst, a, imm } => Op::LeIntImm { dst, a, imm },
            Instr::GtIntImm { dst, a, imm } => Op::GtIntImm { dst, a, imm },
            Instr::GeIntImm { dst, a, imm } => Op::GeIntImm { dst, a, imm },
            Instr::EqInt { dst, a, b } => Op::EqInt { dst, a, b },
            Instr::NeInt { dst, a, b } => Op::NeInt { dst, a, b },
            Instr::LtInt { dst, a, b } => Op::LtInt { dst, a, b },
            Instr::LeInt { dst, a, b } => Op::LeInt { dst, a, b },
            Instr::EqFloat { dst, a, b } => Op::EqFloat { dst, a, b },
            Instr::LtFloat { dst, a, b } => Op::LtFloat { dst, a, b },
            Instr::LeFloat { dst, a, b } => Op::LeFloat { dst, a, b },
            Instr::Eq { dst, a, b } => Op::Eq { dst, a, b },
            Instr::Ne { dst, a, b } => Op::Ne { dst, a, b },
            Instr::Lt { dst, a, b } => Op::Lt { dst, a, b },
            Instr::Le { dst, a, b } => Op::Le { dst, a, b },
            Instr::Not { dst, src } => Op::Not { dst, src },
            Instr::Jump { offset } => Op::Jump { offset },
            Instr::JumpIfTrue { cond, offset } => Op::JumpIfTrue { cond, offset },
            Instr::JumpIfFalse { cond, offset } => Op::JumpIfFalse { cond, offset },
            Instr::Call { base, argc, func } => Op::Call { base, argc, func },
            Instr::TailCall { base, argc, func } => Op::TailCall { base, argc, func },
            Instr::CallValue { base, argc } => Op::CallValue { base, argc },
            Instr::TailCallValue { base, argc } => Op::TailCallValue { base, argc },
            Instr::CallNative { base, argc, native } => Op::CallNative { base, argc, native },
            Instr::Return { src } => Op::Return { src },
            Instr::Fail { msg } => Op::Fail { msg },
            Instr::MakeTuple { base, n } => Op::MakeTuple { base, n },
            Instr::MakeList { base, n } => Op::MakeList { base, n },
            Instr::MakeMap { base, n } => Op::MakeMap { base, n },
            Instr::MakeData {
                base,
                n,
                type_id,
                tag,
            } => Op::MakeData {
                base,
                n,
                type_id,
                tag,
            },
            Instr::MakeClosure { base, ncap, func } => Op::MakeClosure { base, ncap, func },
            Instr::GetField { dst, src, idx } => Op::GetField { dst, src, idx },
            Instr::SetField { dst, idx, src } => Op::SetField { dst, idx, src },
            Instr::GetTag { dst, src } => Op::GetTag { dst, src },
            Instr::Len { dst, src } => Op::Len { dst, src },
            Instr::ElemAt { dst, src, idx } => Op::ElemAt { dst, src, idx },
            Instr::ListUncons { src, head } => Op::ListUncons { src, head },
            Instr::ListPush { list, src } => Op::ListPush { list, src },
            Instr::Concat { dst, a, b } => Op::Concat { dst, a, b },
            Instr::Display { dst, src } => Op::Display { dst, src },
            Instr::Inspect { dst, src } => Op::Inspect { dst, src },
            Instr::TypeKey { dst, src } => Op::TypeKey { dst, src },
            Instr::RecvStart { timeout } => Op::RecvStart { timeout },
            Instr::RecvPeek { dst, on_timeout } => Op::RecvPeek { dst, on_timeout },
            Instr::RecvAccept => Op::RecvAccept,
            Instr::RecvSkip => Op::RecvSkip,
        }
    }
}

/// Translates the verified code of function `me` into interpreter operations, fusing
/// pairs where it can. Fusion only looks at the instructions themselves, never at jump
/// targets: the second slot of a pair stays executable on its own.
pub(crate) fn translate(code: &[Instr], me: u32) -> Box<[Op]> {
    let mut ops: Vec<Op> = code.iter().map(|&i| Op::from(i)).collect();
    let heap = heap_registers(code);
    for (i, ins) in code.iter().enumerate() {
        if let Instr::TailCall { base, argc, func } = *ins {
            if func == me {
                let hi = heap_limit(&heap, argc as usize);
                ops[i] = match base {
                    0 if hi as usize <= argc as usize => Op::SelfLoop,
                    0 => Op::SelfTailCall { argc, hi },
                    _ => Op::SelfTailCallWindow { base, argc, hi },
                };
            }
            continue;
        }
        let Some(next) = code.get(i + 1) else {
            continue;
        };
        let (cond, offset) = match *next {
            Instr::JumpIfTrue { cond, offset } => (cond, offset),
            Instr::JumpIfFalse { cond, offset } => (cond, offset),
            _ => continue,
        };
        let Ok(off) = i8::try_from(offset) else {
            continue;
        };
        let if_true = matches!(next, Instr::JumpIfTrue { .. });
        ops[i] = match (*ins, if_true) {
            (Instr::EqIntImm { dst, a, imm }, true) if dst == cond => {
                Op::EqIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::EqIntImm { dst, a, imm }, false) if dst == cond => {
                Op::EqIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::NeIntImm { dst, a, imm }, true) if dst == cond => {
                Op::NeIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::NeIntImm { dst, a, imm }, false) if dst == cond => {
                Op::NeIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::LtIntImm { dst, a, imm }, true) if dst == cond => {
                Op::LtIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::LtIntImm { dst, a, imm }, false) if dst == cond => {
                Op::LtIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::LeIntImm { dst, a, imm }, true) if dst == cond => {
                Op::LeIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::LeIntImm { dst, a, imm }, false) if dst == cond => {
                Op::LeIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::GtIntImm { dst, a, imm }, true) if dst == cond => {
                Op::GtIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::GtIntImm { dst, a, imm }, false) if dst == cond => {
                Op::GtIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::GeIntImm { dst, a, imm }, true) if dst == cond => {
                Op::GeIntImmJumpIfTrue { dst, a, imm, off }
            }
            (Instr::GeIntImm { dst, a, imm }, false) if dst == cond => {
                Op::GeIntImmJumpIfFalse { dst, a, imm, off }
            }
            (Instr::EqInt { dst, a, b }, true) if dst == cond => {
                Op::EqIntJumpIfTrue { dst, a, b, off }
            }
            (Instr::EqInt { dst, a, b }, false) if dst == cond => {
                Op::EqIntJumpIfFalse { dst, a, b, off }
            }
            (Instr::NeInt { dst, a, b }, true) if dst == cond => {
                Op::NeIntJumpIfTrue { dst, a, b, off }
            }
            (Instr::NeInt { dst, a, b }, false) if dst == cond => {
                Op::NeIntJumpIfFalse { dst, a, b, off }
            }
            (Instr::LtInt { dst, a, b }, true) if dst == cond => {
                Op::LtIntJumpIfTrue { dst, a, b, off }
            }
            (Instr::LtInt { dst, a, b }, false) if dst == cond => {
                Op::LtIntJumpIfFalse { dst, a, b, off }
            }
            (Instr::LeInt { dst, a, b }, true) if dst == cond => {
                Op::LeIntJumpIfTrue { dst, a, b, off }
            }
            (Instr::LeInt { dst, a, b }, false) if dst == cond => {
                Op::LeIntJumpIfFalse { dst, a, b, off }
            }
            _ => continue,
        };
    }
    // Second pass: an Int addition right before a loop's back edge.
    for i in 0..ops.len().saturating_sub(1) {
        if ops[i + 1] != Op::SelfLoop {
            continue;
        }
        ops[i] = match code[i] {
            Instr::AddIntImm { dst, src, imm } => Op::AddIntImmLoop { dst, src, imm },
            Instr::AddInt { dst, a, b } => Op::AddIntLoop { dst, a, b },
            _ => continue,
        };
    }
    ops.into_boxed_slice()
}

/// Which registers of a function may ever hold a heap value (a string, list, closure…).
///
/// A register receives a value only from the instructions that write it, from a call's
/// result, or as a tail call's argument window (where the arguments it displaces land);
/// everything else — arithmetic, comparisons, `LoadInt`, `Len`, … — writes immediates.
/// A register no instruction gives a heap value can only hold immediates: a frame starts
/// with its arguments in `0..arity` and no heap value above them (calls and tail calls
/// release those).
fn heap_registers(code: &[Instr]) -> Vec<bool> {
    let n = code
        .iter()
        .map(crate::verify::reg_extent)
        .max()
        .unwrap_or(0);
    let mut heap = vec![false; n];
    let mut mark = |from: Reg, len: usize| {
        for r in from as usize..from as usize + len {
            if let Some(h) = heap.get_mut(r) {
                *h = true;
            }
        }
    };
    for ins in code {
        match *ins {
            Instr::Move { dst, .. }
            | Instr::Copy { dst, .. }
            | Instr::LoadConst { dst, .. }
            | Instr::LoadCapture { dst, .. }
            | Instr::LoadSelf { dst }
            | Instr::GetField { dst, .. }
            | Instr::SetField { dst, .. }
            | Instr::ElemAt { dst, .. }
            | Instr::Concat { dst, .. }
            | Instr::Display { dst, .. }
            | Instr::Inspect { dst, .. }
            | Instr::RecvPeek { dst, .. } => mark(dst, 1),
            Instr::ListUncons { src, head } => {
                mark(src, 1);
                mark(head, 1);
            }
            Instr::ListPush { list, .. } => mark(list, 1),
            Instr::MakeTuple { base, .. }
            | Instr::MakeList { base, .. }
            | Instr::MakeMap { base, .. }
            | Instr::MakeData { base, .. }
            | Instr::MakeClosure { base, .. }
            | Instr::Call { base, .. }
            | Instr::CallValue { base, .. }
            | Instr::CallNative { base, .. } => mark(base, 1),
            Instr::TailCall { base, argc, .. } => mark(base, argc as usize),
            Instr::TailCallValue { base, argc } => mark(base, 1 + argc as usize),
            _ => {}
        }
    }
    heap
}

/// One past the highest register at or above `argc` that may hold a heap value (`argc` if
/// none does): the part of the frame a self tail call has to release.
fn heap_limit(heap: &[bool], argc: usize) -> Reg {
    let hi = heap
        .iter()
        .enumerate()
        .skip(argc)
        .filter(|(_, h)| **h)
        .map(|(r, _)| r + 1)
        .max()
        .unwrap_or(argc);
    hi.min(Reg::MAX as usize) as Reg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registers_that_only_hold_immediates_need_no_release() {
        let code = [
            Instr::LtInt { dst: 3, a: 0, b: 1 },
            Instr::AddInt { dst: 2, a: 2, b: 0 },
            Instr::TailCall {
                base: 0,
                argc: 2,
                func: 0,
            },
        ];
        assert_eq!(translate(&code, 0)[2], Op::SelfLoop);
        let code = [
            Instr::Copy { dst: 4, src: 1 },
            Instr::LtInt { dst: 3, a: 0, b: 1 },
            Instr::TailCall {
                base: 0,
                argc: 2,
                func: 0,
            },
        ];
        assert_eq!(translate(&code, 0)[2], Op::SelfTailCall { argc: 2, hi: 5 });
    }

    #[test]
    fn ops_are_eight_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 8);
    }

    #[test]
    fn fuses_compare_and_branch_and_self_tail_calls() {
        let code = [
            Instr::LtInt { dst: 3, a: 0, b: 1 },
            Instr::JumpIfFalse { cond: 3, offset: 1 },
            Instr::TailCall {
                base: 0,
                argc: 1,
                func: 7,
            },
            Instr::EqInt { dst: 2, a: 0, b: 1 },
            Instr::JumpIfTrue {
                cond: 4,
                offset: -5,
            },
            Instr::TailCall {
                base: 1,
                argc: 1,
                func: 7,
            },
            Instr::LeInt { dst: 2, a: 0, b: 1 },
            Instr::JumpIfTrue {
                cond: 2,
                offset: 200,
            },
        ];
        let ops = translate(&code, 7);
        // A tail call of another function is not fused.
        assert_eq!(
            translate(&code, 8)[2],
            Op::TailCall {
                base: 0,
                argc: 1,
                func: 7
            }
        );
        assert_eq!(
            ops[0],
            Op::LtIntJumpIfFalse {
                dst: 3,
                a: 0,
                b: 1,
                off: 1
            }
        );
        assert_eq!(ops[1], Op::JumpIfFalse { cond: 3, offset: 1 });
        // r1 is the window of the other tail call, where a displaced argument may land;
        // r2 and r3 only get Bools.
        assert_eq!(ops[2], Op::SelfTailCall { argc: 1, hi: 2 });
        // Different condition register, far jump: left alone.
        assert_eq!(ops[3], Op::EqInt { dst: 2, a: 0, b: 1 });
        assert_eq!(
            ops[5],
            Op::SelfTailCallWindow {
                base: 1,
                argc: 1,
                hi: 2
            }
        );
        assert_eq!(ops[6], Op::LeInt { dst: 2, a: 0, b: 1 });
    }
}
