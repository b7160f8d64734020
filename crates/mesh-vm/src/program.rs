//! A loaded, verified program: an [`Image`] with its constants turned into values.
//!
//! Loading checks every register, jump, function, native and type index once, so the
//! interpreter can rely on them.
//!
//! The fields of [`Program`] and [`LoadedFunction`] are public for the runtime and for
//! diagnostics, which means safe code could change them after verification. So the
//! interpreter never executes them: each function carries a private copy of its verified
//! code, constants and frame size (`Exec`), made by [`Program::load`] right after
//! verification and unreachable from outside this crate. That copy is what makes the
//! interpreter's unchecked register indexing sound.

use crate::bytecode::{Const, Image, Instr, TypeInfo};
use crate::exec::{translate, Op};
use crate::value::Value;

/// A function ready to run.
pub struct LoadedFunction {
    pub name: String,
    pub file: u32,
    pub arity: u8,
    pub nregs: u16,
    pub code: Box<[Instr]>,
    pub consts: Box<[Value]>,
    pub lines: Vec<(u32, u32)>,
    /// The verified, translated copy the interpreter executes.
    pub(crate) exec: Exec,
}

/// The executable form of a function, private to this crate and immutable once made.
///
/// Invariant (established by [`Program::load`] through [`crate::verify`]): every register
/// operand of every instruction of `code`, windows included, is below `nregs`; every jump
/// target is inside `code`; the last instruction cannot fall through; every `LoadConst`
/// and `Fail` index is inside `consts`; `arity <= nregs`. An `Exec` that was never
/// verified has empty `code`, which the interpreter refuses to enter.
#[derive(Default)]
pub(crate) struct Exec {
    pub code: Box<[Op]>,
    pub consts: Box<[Value]>,
    pub nregs: u16,
    pub arity: u8,
}

impl LoadedFunction {
    /// The source line of the instruction at `pc` (0 if unknown).
    pub fn line_at(&self, pc: usize) -> u32 {
        match self.lines.binary_search_by_key(&(pc as u32), |&(p, _)| p) {
            Ok(i) => self.lines[i].1,
            Err(0) => 0,
            Err(i) => self.lines[i - 1].1,
        }
    }
}

/// A program ready to run; shared by all processes (`Arc<Program>`).
pub struct Program {
    pub functions: Vec<LoadedFunction>,
    pub natives: Vec<String>,
    pub types: Vec<TypeInfo>,
    pub files: Vec<String>,
    pub entry: u32,
}

impl Program {
    /// Verifies an image and prepares it for execution.
    pub fn load(image: Image) -> Result<Program, String> {
        let Image {
            files,
            functions,
            natives,
            types,
            entry,
        } = image;
        let mut loaded = Vec::with_capacity(functions.len());
        for f in functions {
            let consts = f
                .consts
                .iter()
                .map(|c| match c {
                    Const::Int(i) => Value::Int(*i),
                    Const::Float(x) => Value::Float(*x),
                    Const::Str(s) => Value::str(s.clone()),
                })
                .collect();
            loaded.push(LoadedFunction {
                name: f.name,
                file: f.file,
                arity: f.arity,
                nregs: f.nregs,
                code: f.code.into_boxed_slice(),
                consts,
                lines: f.lines,
                exec: Exec::default(),
            });
        }
        let mut program = Program {
            functions: loaded,
            natives,
            types,
            files,
            entry,
        };
        crate::verify::verify(&program)?;
        // Nothing can change the functions between verification and this copy.
        for (idx, f) in program.functions.iter_mut().enumerate() {
            f.exec = Exec {
                code: translate(&f.code, idx as u32),
                consts: f.consts.clone(),
                nregs: f.nregs,
                arity: f.arity,
            };
        }
        Ok(program)
    }

    /// The file name of function `func` (for traces).
    pub fn file_of(&self, func: u32) -> &str {
        let f = &self.functions[func as usize];
        self.files
            .get(f.file as usize)
            .map(|s| s.as_str())
            .unwrap_or("?")
    }
}
