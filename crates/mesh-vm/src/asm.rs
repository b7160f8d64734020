//! A small assembler for building program images by hand.
//!
//! The compiler is the normal producer of [`Image`]s; this module exists for tests and
//! benchmarks of the VM and of the runtime, which need bytecode without going through the
//! whole toolchain. It resolves jump labels, computes each function's frame size from the
//! registers its code uses, and records source lines for stack traces.
//!
//! ```
//! use mesh_vm::asm::{FnBuilder, ImageBuilder};
//! use mesh_vm::Instr;
//!
//! let mut img = ImageBuilder::new("main.mpl");
//! let main = img.function("Main.main", 0, |f| {
//!     f.line(1).op(Instr::LoadInt { dst: 0, value: 42 });
//!     f.op(Instr::Return { src: 0 });
//! });
//! let image = img.build(main).expect("valid image");
//! assert!(mesh_vm::Program::load(image).is_ok());
//! ```

use crate::bytecode::{Const, Function, Image, Instr, Reg, TypeInfo};
use crate::verify::reg_extent;

/// A declared function: name, arity and (once defined) its assembled body.
type Declared = (String, u8, Option<Result<Function, String>>);

/// Builds an [`Image`]: files, natives, types and functions.
pub struct ImageBuilder {
    file: String,
    functions: Vec<Declared>,
    natives: Vec<String>,
    types: Vec<TypeInfo>,
}

impl ImageBuilder {
    /// An empty image whose functions all belong to source file `file`; the type table
    /// starts with the built-in types.
    pub fn new(file: &str) -> ImageBuilder {
        ImageBuilder {
            file: file.to_string(),
            functions: Vec::new(),
            natives: Vec::new(),
            types: Image::builtin_types(),
        }
    }

    /// The index of native `name` in the native table (added on first use).
    pub fn native(&mut self, name: &str) -> u16 {
        match self.natives.iter().position(|n| n == name) {
            Some(i) => i as u16,
            None => {
                self.natives.push(name.to_string());
                (self.natives.len() - 1) as u16
            }
        }
    }

    /// Adds a user type and returns its type id.
    pub fn add_type(&mut self, info: TypeInfo) -> u16 {
        self.types.push(info);
        (self.types.len() - 1) as u16
    }

    /// Reserves a function index (for recursion and forward references); give it a body
    /// with [`ImageBuilder::define`].
    pub fn declare(&mut self, name: &str, arity: u8) -> u32 {
        self.functions.push((name.to_string(), arity, None));
        (self.functions.len() - 1) as u32
    }

    /// Gives the declared function `func` its body.
    pub fn define(&mut self, func: u32, body: impl FnOnce(&mut FnBuilder)) {
        let mut b = FnBuilder::new();
        body(&mut b);
        if let Some(slot) = self.functions.get_mut(func as usize) {
            let (name, arity) = (slot.0.clone(), slot.1);
            slot.2 = Some(b.finish(&name, arity));
        }
    }

    /// Declares and defines a function in one go.
    pub fn function(&mut self, name: &str, arity: u8, body: impl FnOnce(&mut FnBuilder)) -> u32 {
        let idx = self.declare(name, arity);
        self.define(idx, body);
        idx
    }

    /// The finished image, with `entry` as the entry function. Fails if a declared
    /// function has no body or a label was used but never bound.
    pub fn build(self, entry: u32) -> Result<Image, String> {
        let mut functions = Vec::with_capacity(self.functions.len());
        for (name, _, body) in self.functions {
            match body {
                Some(Ok(f)) => functions.push(f),
                Some(Err(e)) => return Err(format!("function `{name}`: {e}")),
                None => return Err(format!("function `{name}` was declared but not defined")),
            }
        }
        Ok(Image {
            files: vec![self.file],
            functions,
            natives: self.natives,
            types: self.types,
            entry,
        })
    }
}

/// A jump target inside one function, bound with [`FnBuilder::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(usize);

/// Builds the code of one function.
#[derive(Default)]
pub struct FnBuilder {
    code: Vec<Instr>,
    consts: Vec<Const>,
    lines: Vec<(u32, u32)>,
    labels: Vec<Option<usize>>,
    /// `(instruction, label)` pairs whose offset is filled in by `finish`.
    fixups: Vec<(usize, Label)>,
    nregs: Option<u16>,
}

impl FnBuilder {
    /// An empty function body.
    pub fn new() -> FnBuilder {
        FnBuilder::default()
    }

    /// The following instructions come from source line `line`.
    pub fn line(&mut self, line: u32) -> &mut Self {
        let pc = self.code.len() as u32;
        match self.lines.last_mut() {
            Some(last) if last.0 == pc => last.1 = line,
            _ => self.lines.push((pc, line)),
        }
        self
    }

    /// Appends an instruction.
    pub fn op(&mut self, ins: Instr) -> &mut Self {
        self.code.push(ins);
        self
    }

    /// Index of the next instruction.
    pub fn pc(&self) -> usize {
        self.code.len()
    }

    /// A new, unbound label.
    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Binds `label` to the next instruction.
    pub fn bind(&mut self, label: Label) -> &mut Self {
        self.labels[label.0] = Some(self.code.len());
        self
    }

    /// `Jump` to `label`.
    pub fn jump(&mut self, label: Label) -> &mut Self {
        self.with_label(Instr::Jump { offset: 0 }, label)
    }

    /// `JumpIfTrue` to `label`.
    pub fn jump_if_true(&mut self, cond: Reg, label: Label) -> &mut Self {
        self.with_label(Instr::JumpIfTrue { cond, offset: 0 }, label)
    }

    /// `JumpIfFalse` to `label`.
    pub fn jump_if_false(&mut self, cond: Reg, label: Label) -> &mut Self {
        self.with_label(Instr::JumpIfFalse { cond, offset: 0 }, label)
    }

    /// `RecvPeek` whose timeout branch goes to `label`.
    pub fn recv_peek(&mut self, dst: Reg, on_timeout: Label) -> &mut Self {
        self.with_label(Instr::RecvPeek { dst, on_timeout: 0 }, on_timeout)
    }

    fn with_label(&mut self, ins: Instr, label: Label) -> &mut Self {
        self.fixups.push((self.code.len(), label));
        self.op(ins)
    }

    /// Adds a constant to the pool and returns its index.
    pub fn constant(&mut self, c: Const) -> u32 {
        match self.consts.iter().position(|k| *k == c) {
            Some(i) => i as u32,
            None => {
                self.consts.push(c);
                (self.consts.len() - 1) as u32
            }
        }
    }

    /// `LoadConst` of a string.
    pub fn load_str(&mut self, dst: Reg, s: &str) -> &mut Self {
        let idx = self.constant(Const::Str(s.to_string()));
        self.op(Instr::LoadConst { dst, idx })
    }

    /// `LoadConst` of an Int (any size).
    pub fn load_int(&mut self, dst: Reg, value: i64) -> &mut Self {
        let idx = self.constant(Const::Int(value));
        self.op(Instr::LoadConst { dst, idx })
    }

    /// `LoadConst` of a Float.
    pub fn load_float(&mut self, dst: Reg, value: f64) -> &mut Self {
        let idx = self.constant(Const::Float(value));
        self.op(Instr::LoadConst { dst, idx })
    }

    /// `Fail` with message `msg`.
    pub fn fail(&mut self, msg: &str) -> &mut Self {
        let idx = self.constant(Const::Str(msg.to_string()));
        self.op(Instr::Fail { msg: idx })
    }

    /// Overrides the frame size (by default: one past the highest register used, and at
    /// least the arity).
    pub fn nregs(&mut self, n: u16) -> &mut Self {
        self.nregs = Some(n);
        self
    }

    /// The finished function (file 0), or an error for an unbound label.
    pub fn finish(mut self, name: &str, arity: u8) -> Result<Function, String> {
        for &(at, label) in &self.fixups {
            let target = self.labels[label.0]
                .ok_or_else(|| format!("label {} is used but never bound", label.0))?;
            let offset = target as i64 - (at as i64 + 1);
            let offset = i32::try_from(offset).map_err(|_| "jump too far".to_string())?;
            match &mut self.code[at] {
                Instr::Jump { offset: o }
                | Instr::JumpIfTrue { offset: o, .. }
                | Instr::JumpIfFalse { offset: o, .. }
                | Instr::RecvPeek { on_timeout: o, .. } => *o = offset,
                _ => {}
            }
        }
        let used = self.code.iter().map(reg_extent).max().unwrap_or(0);
        let nregs = self
            .nregs
            .unwrap_or_else(|| used.max(arity as usize).min(u16::MAX as usize) as u16);
        Ok(Function {
            name: name.to_string(),
            file: 0,
            arity,
            nregs,
            code: self.code,
            consts: self.consts,
            lines: self.lines,
        })
    }
}
