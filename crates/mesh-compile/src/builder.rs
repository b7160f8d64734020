//! Per-function emission state: the instruction vector, the constant pool, jump labels,
//! the stack-ordered register allocator and the line table.
//!
//! Registers are handed out strictly in stack order (`alloc` bumps `top`, `reset` pops back
//! to a mark). That is what guarantees the VM's calling convention: a call or `Make*`
//! window is always allocated at `top`, so everything above its base is a dead temporary
//! that the call may clobber.

use mesh_vm::{Const, Instr, Reg};
use std::collections::HashMap;

/// A jump target inside one function, bound to a pc with [`FnBuilder::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// A saved allocator position (see [`FnBuilder::mark`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark(u32);

/// Constant-pool key: floats by bit pattern so that `0.0`/`-0.0`/NaNs stay distinct.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(String),
}

/// The finished, label-resolved code of one function.
pub(crate) struct Emitted {
    pub code: Vec<Instr>,
    pub consts: Vec<Const>,
    pub lines: Vec<(u32, u32)>,
}

/// Builds the code of one function.
pub(crate) struct FnBuilder {
    code: Vec<Instr>,
    consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    /// Bound pc of each label.
    labels: Vec<Option<u32>>,
    /// Number of jumps to each label (an unreferenced label marks unreachable code).
    label_uses: Vec<u32>,
    /// `(pc of a jumping instruction, its target)`, resolved in [`FnBuilder::finish`].
    patches: Vec<(usize, Label)>,
    lines: Vec<(u32, u32)>,
    line: u32,
    /// First free register. `u32` so that exhausting the 16-bit register space is detected
    /// instead of wrapping.
    top: u32,
    /// First internal error; the function is then replaced by a `Fail` (see `func`).
    error: Option<String>,
}

impl FnBuilder {
    /// An empty builder whose first `reserved` registers are taken (the parameters).
    pub fn new(reserved: u32) -> FnBuilder {
        FnBuilder {
            code: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            labels: Vec::new(),
            label_uses: Vec::new(),
            patches: Vec::new(),
            lines: Vec::new(),
            line: 0,
            top: reserved,
            error: None,
        }
    }

    /// Records an internal error (the first one wins).
    pub fn error(&mut self, msg: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(msg.into());
        }
    }

    /// True once an internal error was recorded.
    pub fn has_error(&self) -> bool {
        self.error.is_some()
    }

    // ---- registers ----

    /// Allocates the next register at the top of the stack.
    pub fn alloc(&mut self) -> Reg {
        if self.top >= Reg::MAX as u32 {
            self.error("function needs more than 65535 registers");
            return 0;
        }
        let r = self.top as Reg;
        self.top += 1;
        r
    }

    /// The current top of the register stack.
    pub fn mark(&self) -> Mark {
        Mark(self.top)
    }

    /// Frees every register allocated since `m`.
    pub fn reset(&mut self, m: Mark) {
        self.top = m.0;
    }

    /// True if `r` is the most recently allocated live register, so that a call window
    /// may start at it.
    pub fn is_top(&self, r: Reg) -> bool {
        r as u32 + 1 == self.top
    }

    // ---- code ----

    /// Sets the source line of the following instructions; returns the previous one.
    pub fn set_line(&mut self, line: u32) -> u32 {
        std::mem::replace(&mut self.line, line)
    }

    /// The source line of the instructions emitted next.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// Appends an instruction.
    pub fn emit(&mut self, instr: Instr) {
        let pc = self.code.len() as u32;
        if self.line != 0 && self.lines.last().map(|&(_, l)| l) != Some(self.line) {
            match self.lines.last_mut() {
                // Nothing was emitted under the previous line: replace it.
                Some(last) if last.0 == pc => last.1 = self.line,
                _ => self.lines.push((pc, self.line)),
            }
        }
        self.code.push(instr);
    }

    // ---- constants ----

    fn constant(&mut self, key: ConstKey, value: Const) -> u32 {
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(value);
        self.const_index.insert(key, i);
        i
    }

    /// Index of a string constant.
    pub fn str_const(&mut self, s: &str) -> u32 {
        self.constant(ConstKey::Str(s.to_string()), Const::Str(s.to_string()))
    }

    /// `dst = n`, as an immediate when it fits.
    pub fn load_int(&mut self, dst: Reg, n: i64) {
        match i32::try_from(n) {
            Ok(value) => self.emit(Instr::LoadInt { dst, value }),
            Err(_) => {
                let idx = self.constant(ConstKey::Int(n), Const::Int(n));
                self.emit(Instr::LoadConst { dst, idx });
            }
        }
    }

    /// `dst = x`.
    pub fn load_float(&mut self, dst: Reg, x: f64) {
        let idx = self.constant(ConstKey::Float(x.to_bits()), Const::Float(x));
        self.emit(Instr::LoadConst { dst, idx });
    }

    /// `dst = s`.
    pub fn load_str(&mut self, dst: Reg, s: &str) {
        let idx = self.str_const(s);
        self.emit(Instr::LoadConst { dst, idx });
    }

    /// A run-time error with message `msg`.
    pub fn fail(&mut self, msg: &str) {
        let msg = self.str_const(msg);
        self.emit(Instr::Fail { msg });
    }

    // ---- labels and jumps ----

    /// A new, unbound label.
    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        self.label_uses.push(0);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `l` to the next instruction.
    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.code.len() as u32);
    }

    /// True if some jump targets `l`.
    pub fn is_used(&self, l: Label) -> bool {
        self.label_uses[l.0 as usize] > 0
    }

    /// Emits a jumping instruction (its offset is patched in [`FnBuilder::finish`]).
    pub fn emit_jump(&mut self, instr: Instr, target: Label) {
        self.label_uses[target.0 as usize] += 1;
        self.patches.push((self.code.len(), target));
        self.emit(instr);
    }

    /// `goto target`.
    pub fn jump(&mut self, target: Label) {
        self.emit_jump(Instr::Jump { offset: 0 }, target);
    }

    /// Resolves jumps and returns the code, or the first internal error.
    pub fn finish(mut self) -> Result<Emitted, String> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        for &(pc, label) in &self.patches {
            let Some(target) = self.labels[label.0 as usize] else {
                return Err("jump to an unbound label".into());
            };
            let offset = target as i64 - (pc as i64 + 1);
            let Ok(offset) = i32::try_from(offset) else {
                return Err("jump offset out of range".into());
            };
            match &mut self.code[pc] {
                Instr::Jump { offset: o }
                | Instr::JumpIfTrue { offset: o, .. }
                | Instr::JumpIfFalse { offset: o, .. }
                | Instr::RecvPeek { on_timeout: o, .. } => *o = offset,
                other => return Err(format!("patched a non-jump instruction {other:?}")),
            }
        }
        Ok(Emitted {
            code: self.code,
            consts: self.consts,
            lines: self.lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_deduplicated() {
        let mut b = FnBuilder::new(0);
        let r = b.alloc();
        b.load_str(r, "a");
        b.load_str(r, "a");
        b.load_int(r, 1 << 40);
        b.load_int(r, 1 << 40);
        b.load_float(r, 0.0);
        b.load_float(r, -0.0);
        b.load_int(r, 7);
        let e = b.finish().expect("no error");
        assert_eq!(e.consts.len(), 4);
        assert_eq!(e.code[6], Instr::LoadInt { dst: 0, value: 7 });
    }

    #[test]
    fn jumps_are_relative_to_the_next_instruction() {
        let mut b = FnBuilder::new(1);
        let l = b.label();
        let back = b.label();
        b.bind(back);
        b.jump(l);
        b.emit(Instr::LoadUnit { dst: 0 });
        b.bind(l);
        b.jump(back);
        let e = b.finish().expect("no error");
        assert_eq!(e.code[0], Instr::Jump { offset: 1 });
        assert_eq!(e.code[2], Instr::Jump { offset: -3 });
    }

    #[test]
    fn line_table_records_changes_only() {
        let mut b = FnBuilder::new(1);
        b.set_line(3);
        b.emit(Instr::LoadUnit { dst: 0 });
        b.emit(Instr::LoadUnit { dst: 0 });
        b.set_line(4);
        b.set_line(5);
        b.emit(Instr::LoadUnit { dst: 0 });
        b.set_line(3);
        b.emit(Instr::Return { src: 0 });
        let e = b.finish().expect("no error");
        assert_eq!(e.lines, vec![(0, 3), (2, 5), (3, 3)]);
    }
}
