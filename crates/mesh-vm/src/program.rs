//! A loaded, verified program: an [`Image`] with its constants turned into values.
//!
//! Loading checks every register, jump, function, native and type index once, so the
//! interpreter can rely on them.

use crate::bytecode::{Const, Image, Instr, TypeInfo};
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
            });
        }
        let program = Program {
            functions: loaded,
            natives,
            types,
            files,
            entry,
        };
        crate::verify::verify(&program)?;
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
