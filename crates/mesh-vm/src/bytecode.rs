//! The instruction set and the program image.
//!
//! # Machine model
//!
//! Each call frame owns a window of registers (`Reg` = index relative to the frame base)
//! in one per-process register stack. A function of arity `n` receives its arguments in
//! registers `0..n`. Calls use a Lua-style *argument window*: the caller evaluates the
//! arguments into consecutive registers `base..base+argc` at the top of its live registers;
//! the callee's frame starts at `base`, and the result comes back in register `base`.
//! Everything above `base` is clobbered by a call, so the compiler allocates temporaries
//! in stack order.
//!
//! Values in an argument window (and in the element windows of `Make*`) are *moved* into
//! the callee or the new value. Instructions documented as taking an operand "owned" also
//! move it out; the compiler only gives them temporaries, copied or (on a variable's last
//! use) moved there first. This is what lets `acc <> x`, `Map.put(m, k, v)` and
//! `List.append(xs, x)` update in place when nothing else shares the value.
//!
//! Instructions are 8 bytes. Jump offsets are relative to the *next* instruction.
//! Integer arithmetic is checked: overflow and division by zero are run-time errors.
//! Every call, tail call and backward jump costs one reduction (see `mesh_vm::interp`).

use serde::{Deserialize, Serialize};

/// A register index relative to the current frame.
pub type Reg = u16;

/// One VM instruction.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Instr {
    // ---- moves and constants ----
    /// `dst = src`; `src` is left holding `()`.
    Move {
        dst: Reg,
        src: Reg,
    },
    /// `dst = src` (shares the value; cheap).
    Copy {
        dst: Reg,
        src: Reg,
    },
    /// `dst = consts[idx]` of the current function.
    LoadConst {
        dst: Reg,
        idx: u32,
    },
    /// `dst = value` (small integers).
    LoadInt {
        dst: Reg,
        value: i32,
    },
    /// `dst = value`.
    LoadBool {
        dst: Reg,
        value: bool,
    },
    /// `dst = ()`.
    LoadUnit {
        dst: Reg,
    },
    /// `dst = ` a reference to top-level function `func`.
    LoadFn {
        dst: Reg,
        func: u32,
    },
    /// `dst = ` captured value `idx` of the running closure.
    LoadCapture {
        dst: Reg,
        idx: u16,
    },
    /// `dst = ` the running closure itself (or function reference), for recursion of named
    /// nested functions without a reference cycle.
    LoadSelf {
        dst: Reg,
    },

    // ---- Int arithmetic (checked) ----
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
    /// Truncating division; division by zero is an error.
    DivInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Remainder with the sign of the dividend; by zero is an error.
    RemInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NegInt {
        dst: Reg,
        src: Reg,
    },
    /// `dst = a + imm` (loop counters).
    AddIntImm {
        dst: Reg,
        src: Reg,
        imm: i16,
    },

    // ---- Float arithmetic (IEEE-754) ----
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
    /// `fmod`.
    RemFloat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NegFloat {
        dst: Reg,
        src: Reg,
    },

    // ---- comparisons (result is a Bool) ----
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
    /// `dst = a == imm` for an Int register and a small constant.
    EqIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// `dst = a != imm` for an Int register and a small constant.
    NeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// `dst = a < imm` for an Int register and a small constant.
    LtIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// `dst = a <= imm` for an Int register and a small constant.
    LeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// `dst = a > imm` for an Int register and a small constant.
    GtIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// `dst = a >= imm` for an Int register and a small constant.
    GeIntImm {
        dst: Reg,
        a: Reg,
        imm: i16,
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
    /// Structural equality of any two values of the same type.
    Eq {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Structural inequality.
    Ne {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Structural ordering `a < b` (strings by bytes, lists lexicographically, data by
    /// variant then fields).
    Lt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Structural ordering `a <= b`.
    Le {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Boolean negation.
    Not {
        dst: Reg,
        src: Reg,
    },

    // ---- control flow ----
    /// `pc += offset` (a backward jump costs a reduction).
    Jump {
        offset: i32,
    },
    /// Jump if `cond` is `true`.
    JumpIfTrue {
        cond: Reg,
        offset: i32,
    },
    /// Jump if `cond` is `false`.
    JumpIfFalse {
        cond: Reg,
        offset: i32,
    },
    /// Call function `func` with the window `base..base+argc`; result in `base`.
    Call {
        base: Reg,
        argc: u8,
        func: u32,
    },
    /// Like `Call`, but replaces the current frame (proper tail call).
    TailCall {
        base: Reg,
        argc: u8,
        func: u32,
    },
    /// Call the function value (`Fn` or `Closure`) in `base` with the window
    /// `base+1..base+1+argc`; result in `base`.
    CallValue {
        base: Reg,
        argc: u8,
    },
    /// Tail-call form of `CallValue`.
    TailCallValue {
        base: Reg,
        argc: u8,
    },
    /// Call native `native` (index into the image's native table) with the window
    /// `base..base+argc`; result in `base`. A native may suspend the process.
    CallNative {
        base: Reg,
        argc: u8,
        native: u16,
    },
    /// Return `src` to the caller.
    Return {
        src: Reg,
    },
    /// Raise a run-time error whose message is the string constant `msg`.
    Fail {
        msg: u32,
    },

    // ---- building and taking apart data ----
    /// `base = (base, …, base+n-1)` (elements moved; `n == 0` gives `()`).
    MakeTuple {
        base: Reg,
        n: u16,
    },
    /// `base = [base, …, base+n-1]` (elements moved).
    MakeList {
        base: Reg,
        n: u16,
    },
    /// `base = %{base => base+1, …}` from `n` key/value pairs (moved).
    MakeMap {
        base: Reg,
        n: u16,
    },
    /// `base = ` struct or variant `tag` of type `type_id` with `n` fields (moved).
    /// With `n == 0` the value is a [`crate::Value::Enum`].
    MakeData {
        base: Reg,
        n: u8,
        type_id: u16,
        tag: u16,
    },
    /// `base = ` closure of `func` capturing `base..base+ncap` (moved).
    MakeClosure {
        base: Reg,
        ncap: u8,
        func: u32,
    },
    /// `dst = src.fields[idx]` for structs, variants and tuples.
    GetField {
        dst: Reg,
        src: Reg,
        idx: u16,
    },
    /// `dst.fields[idx] = src` (moved). `dst` holds an owned struct; copied if shared.
    SetField {
        dst: Reg,
        idx: u16,
        src: Reg,
    },
    /// `dst = ` variant tag of the struct/variant in `src`, as an `Int`.
    GetTag {
        dst: Reg,
        src: Reg,
    },
    /// `dst = ` number of elements of a List, Map, Set or tuple.
    Len {
        dst: Reg,
        src: Reg,
    },
    /// `dst = src[idx]` for a List or Set (by position; `idx` is an Int register). For a
    /// Map, the `idx`-th entry as a `(key, value)` tuple. Out of range is an error.
    ElemAt {
        dst: Reg,
        src: Reg,
        idx: Reg,
    },
    /// Takes apart a non-empty list in `src` (owned): `head = first`, `src = rest`.
    /// An empty list is an error (the compiler tests `Len` first).
    ListUncons {
        src: Reg,
        head: Reg,
    },
    /// Appends `src` (moved) to the owned list in `list`, in place when unshared.
    ListPush {
        list: Reg,
        src: Reg,
    },
    /// `dst = a <> b` for strings or lists; `a` is owned (appended to in place when
    /// unshared), `b` is read.
    Concat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `dst = ` the `Display` text of `src` (Float `3.0` prints as `3`, strings bare).
    Display {
        dst: Reg,
        src: Reg,
    },
    /// `dst = ` the `Debug` text of `src` (structs with field names).
    Inspect {
        dst: Reg,
        src: Reg,
    },
    /// `dst = ` an `Int` naming the run-time type of `src` (see [`type_key`]), used by
    /// generated trait dispatchers.
    TypeKey {
        dst: Reg,
        src: Reg,
    },

    // ---- receive (selective, with the process's save queue) ----
    /// Begins a `receive`: rewinds the scan cursor to the oldest message and arms the
    /// timeout in `timeout` (an `Int` of milliseconds, or `()` for none).
    RecvStart {
        timeout: Reg,
    },
    /// `dst = ` the message under the cursor. When the queue is exhausted the process
    /// waits for new messages; if the timeout fires first, jumps by `on_timeout`.
    RecvPeek {
        dst: Reg,
        on_timeout: i32,
    },
    /// The message under the cursor matched: remove it from the queue.
    RecvAccept,
    /// The message under the cursor did not match: move the cursor to the next one.
    RecvSkip,
}

/// Run-time type keys produced by [`Instr::TypeKey`]. Structs and variants give
/// `type_key::DATA_BASE + type_id`.
pub mod type_key {
    pub const UNIT: i64 = 0;
    pub const BOOL: i64 = 1;
    pub const INT: i64 = 2;
    pub const FLOAT: i64 = 3;
    pub const STRING: i64 = 4;
    pub const LIST: i64 = 5;
    pub const MAP: i64 = 6;
    pub const SET: i64 = 7;
    pub const TUPLE: i64 = 8;
    pub const FUNCTION: i64 = 9;
    pub const PID: i64 = 10;
    pub const HANDLE: i64 = 11;
    pub const DATA_BASE: i64 = 100;
}

/// A constant in a function's pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Const {
    Int(i64),
    Float(f64),
    Str(String),
}

/// One compiled function.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Function {
    /// Qualified name for stack traces, e.g. `Main.main` or `Main.main.<closure 1>`.
    pub name: String,
    /// Index into [`Image::files`].
    pub file: u32,
    pub arity: u8,
    /// Registers the frame needs (including the argument registers).
    pub nregs: u16,
    pub code: Vec<Instr>,
    pub consts: Vec<Const>,
    /// `(first pc, source line)` pairs, sorted by pc, for stack traces.
    pub lines: Vec<(u32, u32)>,
}

impl Function {
    /// The source line of the instruction at `pc` (0 if unknown).
    pub fn line_at(&self, pc: usize) -> u32 {
        match self.lines.binary_search_by_key(&(pc as u32), |&(p, _)| p) {
            Ok(i) => self.lines[i].1,
            Err(0) => 0,
            Err(i) => self.lines[i - 1].1,
        }
    }
}

/// A run-time description of a type, used to decode JSON and rows into typed values and
/// to print values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TypeDesc {
    Int,
    Float,
    Bool,
    String,
    Unit,
    List(Box<TypeDesc>),
    Map(Box<TypeDesc>, Box<TypeDesc>),
    Set(Box<TypeDesc>),
    Tuple(Vec<TypeDesc>),
    /// A struct or sum type of the type table (including `Option`/`Result`), applied to
    /// arguments.
    Named(u32, Vec<TypeDesc>),
    /// The `i`-th type parameter of the enclosing type definition.
    Param(u32),
    /// Anything that has no data form (functions, pids, handles).
    Opaque(String),
}

/// A struct field or a variant of a user type.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FieldInfo {
    pub name: String,
    pub ty: TypeDesc,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VariantInfo {
    pub name: String,
    pub fields: Vec<TypeDesc>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum TypeKind {
    Struct(Vec<FieldInfo>),
    Sum(Vec<VariantInfo>),
}

/// An entry of the type table. Ids 0..3 are `Option`, `Result`, `Ordering`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TypeInfo {
    pub name: String,
    pub kind: TypeKind,
}

/// A whole compiled program: what `meshc build` appends to the runtime executable.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Image {
    /// Source file paths (for stack traces).
    pub files: Vec<String>,
    pub functions: Vec<Function>,
    /// Names of the natives the program calls; `CallNative::native` indexes this.
    pub natives: Vec<String>,
    pub types: Vec<TypeInfo>,
    /// The function run at start (`Main.main`).
    pub entry: u32,
}

/// Magic bytes that end an executable carrying an image.
pub const IMAGE_MAGIC: &[u8; 8] = b"MESHIMG1";

impl Image {
    /// Serialises the image.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Deserialises an image written by [`Image::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Image, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("corrupt program image: {e}"))
    }

    /// The built-in part of the type table that every image starts with.
    pub fn builtin_types() -> Vec<TypeInfo> {
        let variant = |name: &str, fields: Vec<TypeDesc>| VariantInfo {
            name: name.to_string(),
            fields,
        };
        vec![
            TypeInfo {
                name: "Option".into(),
                kind: TypeKind::Sum(vec![
                    variant("Some", vec![TypeDesc::Param(0)]),
                    variant("None", vec![]),
                ]),
            },
            TypeInfo {
                name: "Result".into(),
                kind: TypeKind::Sum(vec![
                    variant("Ok", vec![TypeDesc::Param(0)]),
                    variant("Err", vec![TypeDesc::Param(1)]),
                ]),
            },
            TypeInfo {
                name: "Ordering".into(),
                kind: TypeKind::Sum(vec![
                    variant("Less", vec![]),
                    variant("Equal", vec![]),
                    variant("Greater", vec![]),
                ]),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_are_eight_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn image_round_trips() {
        let img = Image {
            files: vec!["main.mpl".into()],
            functions: vec![Function {
                name: "Main.main".into(),
                file: 0,
                arity: 0,
                nregs: 1,
                code: vec![
                    Instr::LoadInt { dst: 0, value: 7 },
                    Instr::Return { src: 0 },
                ],
                consts: vec![Const::Str("hi".into())],
                lines: vec![(0, 1)],
            }],
            natives: vec!["IO.println".into()],
            types: Image::builtin_types(),
            entry: 0,
        };
        let back = Image::from_bytes(&img.to_bytes()).expect("round trip");
        assert_eq!(back.functions[0].code, img.functions[0].code);
        assert_eq!(back.natives, img.natives);
    }
}
