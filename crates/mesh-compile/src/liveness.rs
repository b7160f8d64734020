//! Move-on-last-use: a backward liveness analysis over a function's bytecode.
//!
//! The code generator copies a local whenever its value is placed into a window or an
//! owned operand. Here every `Copy { dst, src }` whose `src` is dead afterwards (no path
//! reads it before it is written again) becomes a `Move`, so the value reaches the callee,
//! `Concat` or `SetField` unshared and the VM can update it in place. Loops need no special
//! case: a local read in the next iteration is live across the back edge, so its copies
//! stay copies.
//!
//! The same facts drive a second rewrite: after `GetField` extracts a part of an aggregate
//! that is dead afterwards, a `LoadUnit` drops the aggregate at once, so the extracted part
//! is no longer shared with it (`let (acc, n) = state` then `acc <> x` appends in place).
//! Inserting instructions shifts pcs, so jumps and the line table are relocated.
//!
//! Uses and definitions are exact for every instruction, windows included. Where the VM's
//! behaviour leaves room for doubt, a register counts as used and not as defined: that can
//! only keep a `Copy`, never introduce a wrong `Move`.

use mesh_vm::{Instr, Reg};

/// Calls `f` with every register `instr` reads.
pub(crate) fn uses(instr: &Instr, f: &mut impl FnMut(Reg)) {
    use Instr::*;
    let mut range = |base: Reg, n: usize| {
        for r in base as usize..(base as usize + n).min(Reg::MAX as usize + 1) {
            f(r as Reg)
        }
    };
    match *instr {
        Move { src, .. } | Copy { src, .. } => range(src, 1),
        LoadConst { .. }
        | LoadInt { .. }
        | LoadBool { .. }
        | LoadUnit { .. }
        | LoadFn { .. }
        | LoadCapture { .. }
        | LoadSelf { .. } => {}
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
        | Concat { a, b, .. } => {
            range(a, 1);
            range(b, 1);
        }
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
        | TypeKey { src, .. } => range(src, 1),
        Jump { .. } | Fail { .. } | RecvPeek { .. } | RecvAccept | RecvSkip => {}
        JumpIfTrue { cond, .. } | JumpIfFalse { cond, .. } => range(cond, 1),
        Call { base, argc, .. } | TailCall { base, argc, .. } | CallNative { base, argc, .. } => {
            range(base, argc as usize)
        }
        CallValue { base, argc } | TailCallValue { base, argc } => range(base, argc as usize + 1),
        Return { src } => range(src, 1),
        MakeTuple { base, n } | MakeList { base, n } => range(base, n as usize),
        MakeMap { base, n } => range(base, 2 * n as usize),
        MakeData { base, n, .. } => range(base, n as usize),
        MakeClosure { base, ncap, .. } => range(base, ncap as usize),
        SetField { dst, src, .. } => {
            range(dst, 1);
            range(src, 1);
        }
        ElemAt { src, idx, .. } => {
            range(src, 1);
            range(idx, 1);
        }
        ListUncons { src, .. } => range(src, 1),
        ListPush { list, src } => {
            range(list, 1);
            range(src, 1);
        }
        RecvStart { timeout } => range(timeout, 1),
    }
}

/// Calls `f` with every register `instr` certainly writes.
pub(crate) fn defs(instr: &Instr, f: &mut impl FnMut(Reg)) {
    use Instr::*;
    match *instr {
        Move { dst, .. }
        | Copy { dst, .. }
        | LoadConst { dst, .. }
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
        | SetField { dst, .. }
        | GetTag { dst, .. }
        | Len { dst, .. }
        | ElemAt { dst, .. }
        | Concat { dst, .. }
        | Display { dst, .. }
        | Inspect { dst, .. }
        | TypeKey { dst, .. }
        // On the timeout path the VM jumps without writing `dst`; the compiler never reads
        // the message register there, so the fall-through definition is the one that counts.
        | RecvPeek { dst, .. } => f(dst),
        Call { base, .. }
        | CallValue { base, .. }
        | CallNative { base, .. }
        | MakeTuple { base, .. }
        | MakeList { base, .. }
        | MakeMap { base, .. }
        | MakeData { base, .. }
        | MakeClosure { base, .. } => f(base),
        ListUncons { src, head } => {
            f(src);
            f(head);
        }
        ListPush { list, .. } => f(list),
        Jump { .. }
        | JumpIfTrue { .. }
        | JumpIfFalse { .. }
        | TailCall { .. }
        | TailCallValue { .. }
        | Return { .. }
        | Fail { .. }
        | RecvStart { .. }
        | RecvAccept
        | RecvSkip => {}
    }
}

/// The absolute target of a jumping instruction at `pc`, if it jumps.
fn jump_target(pc: usize, instr: &Instr) -> Option<i64> {
    match *instr {
        Instr::Jump { offset }
        | Instr::JumpIfTrue { offset, .. }
        | Instr::JumpIfFalse { offset, .. }
        | Instr::RecvPeek {
            on_timeout: offset, ..
        } => Some(pc as i64 + 1 + offset as i64),
        _ => None,
    }
}

/// True if control can continue with the next instruction.
fn falls_through(instr: &Instr) -> bool {
    !matches!(
        instr,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::TailCall { .. }
            | Instr::TailCallValue { .. }
            | Instr::Fail { .. }
    )
}

/// The frame size of `code`: one more than the highest register it touches, and at least
/// the arity.
pub(crate) fn frame_size(code: &[Instr], arity: u8) -> u16 {
    let mut n = arity as usize;
    for i in code {
        let mut see = |r: Reg| n = n.max(r as usize + 1);
        uses(i, &mut see);
        defs(i, &mut see);
        // A window's base is also where the result lands when nothing is passed.
        if let Instr::Call { base, .. }
        | Instr::TailCall { base, .. }
        | Instr::CallValue { base, .. }
        | Instr::TailCallValue { base, .. }
        | Instr::CallNative { base, .. }
        | Instr::MakeTuple { base, .. }
        | Instr::MakeList { base, .. }
        | Instr::MakeMap { base, .. }
        | Instr::MakeData { base, .. }
        | Instr::MakeClosure { base, .. } = *i
        {
            see(base)
        }
    }
    n.min(Reg::MAX as usize) as u16
}

/// A fixed-size set of registers.
#[derive(Clone, PartialEq, Eq)]
struct RegSet(Vec<u64>);

impl RegSet {
    fn new(nregs: usize) -> RegSet {
        RegSet(vec![0; nregs.div_ceil(64)])
    }
    fn insert(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w |= 1 << (r % 64);
        }
    }
    fn remove(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w &= !(1 << (r % 64));
        }
    }
    fn contains(&self, r: Reg) -> bool {
        self.0
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }
    fn union_with(&mut self, other: &RegSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    /// `live_in` of `instr` given its `live_out` (in place).
    fn step_back(&mut self, instr: &Instr) {
        defs(instr, &mut |r| self.remove(r));
        uses(instr, &mut |r| self.insert(r));
    }
}

/// Basic blocks of `code` with their successors (block indices).
struct Cfg {
    /// `[start, end)` pcs of each block.
    ranges: Vec<(usize, usize)>,
    succs: Vec<Vec<usize>>,
}

fn build_cfg(code: &[Instr]) -> Cfg {
    let n = code.len();
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    for (pc, i) in code.iter().enumerate() {
        if let Some(t) = jump_target(pc, i) {
            if (0..=n as i64).contains(&t) {
                leader[t as usize] = true;
            }
            leader[pc + 1] = true;
        } else if !falls_through(i) {
            leader[pc + 1] = true;
        }
    }
    let mut block_of = vec![usize::MAX; n + 1];
    let mut ranges = Vec::new();
    let mut start = 0;
    for pc in 1..=n {
        if leader[pc] || pc == n {
            block_of[start..pc].fill(ranges.len());
            ranges.push((start, pc));
            start = pc;
        }
    }
    let succs = ranges
        .iter()
        .map(|&(_, end)| {
            let last = end - 1;
            let mut s = Vec::new();
            if let Some(t) = jump_target(last, &code[last]) {
                if (0..n as i64).contains(&t) {
                    s.push(block_of[t as usize]);
                }
            }
            if falls_through(&code[last]) && end < n {
                s.push(block_of[end]);
            }
            s
        })
        .collect();
    Cfg { ranges, succs }
}

/// Live registers at the end of each block.
fn live_out(code: &[Instr], cfg: &Cfg, nregs: usize) -> Vec<RegSet> {
    let nb = cfg.ranges.len();
    let mut live_in = vec![RegSet::new(nregs); nb];
    let mut live_out = vec![RegSet::new(nregs); nb];
    // Iterating blocks backwards converges in a few rounds on structured code.
    loop {
        let mut changed = false;
        for b in (0..nb).rev() {
            let mut out = RegSet::new(nregs);
            for &s in &cfg.succs[b] {
                out.union_with(&live_in[s]);
            }
            let mut live = out.clone();
            let (start, end) = cfg.ranges[b];
            for i in code[start..end].iter().rev() {
                live.step_back(i);
            }
            live_out[b] = out;
            if live != live_in[b] {
                live_in[b] = live;
                changed = true;
            }
        }
        if !changed {
            return live_out;
        }
    }
}

/// Runs the move-on-last-use rewrites on one function's code (see the module docs).
pub(crate) fn optimize(code: &mut Vec<Instr>, lines: &mut [(u32, u32)], nregs: usize) {
    if code.is_empty() {
        return;
    }
    let cfg = build_cfg(code);
    let outs = live_out(code, &cfg, nregs);
    let mut drops: Vec<(usize, Reg)> = Vec::new();
    for (b, &(start, end)) in cfg.ranges.iter().enumerate() {
        let mut live = outs[b].clone();
        for pc in (start..end).rev() {
            match code[pc] {
                Instr::Copy { dst, src } if src != dst && !live.contains(src) => {
                    code[pc] = Instr::Move { dst, src };
                }
                Instr::GetField { dst, src, .. }
                    if src != dst && !live.contains(src) && !overwritten_next(code, pc, src) =>
                {
                    drops.push((pc, src));
                }
                _ => {}
            }
            live.step_back(&code[pc]);
        }
    }
    if !drops.is_empty() {
        drops.sort_unstable();
        insert_drops(code, lines, &drops);
    }
}

/// True if the instruction after `pc` overwrites `r` without reading it (a drop would be
/// redundant).
fn overwritten_next(code: &[Instr], pc: usize, r: Reg) -> bool {
    let Some(next) = code.get(pc + 1) else {
        return false;
    };
    let mut reads = false;
    uses(next, &mut |u| reads |= u == r);
    let mut writes = false;
    defs(next, &mut |d| writes |= d == r);
    writes && !reads
}

/// Inserts `LoadUnit { dst: r }` after each `(pc, r)` and relocates jumps and lines.
fn insert_drops(code: &mut Vec<Instr>, lines: &mut [(u32, u32)], drops: &[(usize, Reg)]) {
    let n = code.len();
    let mut new_pc = vec![0usize; n + 1];
    let mut shift = 0;
    let mut d = 0;
    for (pc, slot) in new_pc.iter_mut().enumerate() {
        *slot = pc + shift;
        while d < drops.len() && drops[d].0 == pc {
            shift += 1;
            d += 1;
        }
    }
    let mut out = Vec::with_capacity(n + drops.len());
    let mut d = 0;
    for (pc, instr) in code.iter().enumerate() {
        let mut instr = *instr;
        if let Some(t) = jump_target(pc, &instr) {
            if (0..=n as i64).contains(&t) {
                let rel = new_pc[t as usize] as i64 - (new_pc[pc] as i64 + 1);
                match &mut instr {
                    Instr::Jump { offset }
                    | Instr::JumpIfTrue { offset, .. }
                    | Instr::JumpIfFalse { offset, .. }
                    | Instr::RecvPeek {
                        on_timeout: offset, ..
                    } => *offset = rel as i32,
                    _ => {}
                }
            }
        }
        out.push(instr);
        while d < drops.len() && drops[d].0 == pc {
            out.push(Instr::LoadUnit { dst: drops[d].1 });
            d += 1;
        }
    }
    for (pc, _) in lines.iter_mut() {
        *pc = new_pc[(*pc as usize).min(n)] as u32;
    }
    *code = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instr::*;

    fn run(mut code: Vec<Instr>) -> Vec<Instr> {
        let nregs = frame_size(&code, 0) as usize;
        let mut lines = vec![];
        optimize(&mut code, &mut lines, nregs);
        code
    }

    #[test]
    fn last_use_copy_becomes_move() {
        let code = run(vec![
            LoadInt { dst: 0, value: 1 },
            Copy { dst: 1, src: 0 },
            Call {
                base: 1,
                argc: 1,
                func: 0,
            },
            Return { src: 1 },
        ]);
        assert_eq!(code[1], Move { dst: 1, src: 0 });
    }

    #[test]
    fn copy_stays_when_the_source_is_read_later() {
        let code = run(vec![
            Copy { dst: 1, src: 0 },
            Call {
                base: 1,
                argc: 1,
                func: 0,
            },
            Return { src: 0 },
        ]);
        assert_eq!(code[0], Copy { dst: 1, src: 0 });
    }

    #[test]
    fn copy_stays_when_read_on_one_branch_only() {
        let code = run(vec![
            Copy { dst: 2, src: 0 },
            JumpIfTrue { cond: 1, offset: 1 },
            Return { src: 2 },
            Return { src: 0 },
        ]);
        assert_eq!(code[0], Copy { dst: 2, src: 0 });
    }

    #[test]
    fn copy_stays_for_locals_live_across_a_back_edge() {
        // r0 = list (defined before the loop), read again in every iteration.
        let code = run(vec![
            LoadInt { dst: 1, value: 0 },
            LoadInt { dst: 3, value: 10 },
            // head:
            LtInt { dst: 4, a: 1, b: 3 },
            JumpIfFalse { cond: 4, offset: 4 },
            Copy { dst: 4, src: 0 },
            CallNative {
                base: 4,
                argc: 1,
                native: 0,
            },
            AddIntImm {
                dst: 1,
                src: 1,
                imm: 1,
            },
            Jump { offset: -6 },
            Return { src: 1 },
        ]);
        assert_eq!(code[4], Copy { dst: 4, src: 0 });
    }

    #[test]
    fn value_redefined_each_iteration_is_moved() {
        // r2 is written at the top of every iteration before being read.
        let code = run(vec![
            LoadInt { dst: 1, value: 0 },
            // head:
            LoadInt { dst: 2, value: 5 },
            Copy { dst: 3, src: 2 },
            CallNative {
                base: 3,
                argc: 1,
                native: 0,
            },
            JumpIfTrue {
                cond: 3,
                offset: -4,
            },
            Return { src: 1 },
        ]);
        assert_eq!(code[2], Move { dst: 3, src: 2 });
    }

    #[test]
    fn windows_count_as_reads() {
        // r0 is read by the MakeTuple window after the copy.
        let code = run(vec![
            Copy { dst: 2, src: 0 },
            Copy { dst: 3, src: 1 },
            MakeTuple { base: 0, n: 2 },
            Return { src: 0 },
        ]);
        assert_eq!(code[0], Copy { dst: 2, src: 0 });
        assert_eq!(code[1], Copy { dst: 3, src: 1 });
    }

    #[test]
    fn drop_after_last_field_extraction_relocates_jumps() {
        let mut code = vec![
            JumpIfTrue { cond: 1, offset: 3 },
            GetField {
                dst: 2,
                src: 0,
                idx: 0,
            },
            GetField {
                dst: 3,
                src: 0,
                idx: 1,
            },
            Jump { offset: 0 },
            Return { src: 2 },
        ];
        let mut lines = vec![(0, 1), (2, 2), (4, 3)];
        optimize(&mut code, &mut lines, 4);
        assert_eq!(
            code,
            vec![
                JumpIfTrue { cond: 1, offset: 4 },
                GetField {
                    dst: 2,
                    src: 0,
                    idx: 0
                },
                GetField {
                    dst: 3,
                    src: 0,
                    idx: 1
                },
                LoadUnit { dst: 0 },
                Jump { offset: 0 },
                Return { src: 2 },
            ]
        );
        assert_eq!(lines, vec![(0, 1), (2, 2), (5, 3)]);
    }
}
