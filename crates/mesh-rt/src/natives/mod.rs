//! The natives of the standard library, one submodule per Mesh module.
//!
//! A native receives its arguments as a mutable slice and may move them out
//! ([`std::mem::take`]): when a collection argument is not shared with anything else
//! (`Arc` count of one), "modifying" natives such as `List.append` or `Map.put` update it
//! in place, which makes build-up loops amortised O(1) per step.
//!
//! The type checker guarantees argument types, so a wrong kind of argument means a
//! compiler bug; natives still report it as an error instead of panicking. Every error a
//! native reports starts with its qualified name (`List.head: empty list`).
//!
//! Higher-order functions (`List.map`, `Iter.filter`, …) are not natives: they are written
//! in Mesh in `std/*.mpl`, because a callback may need to suspend its process.

pub mod db;
pub mod env;
pub mod file;
pub mod float;
pub mod http;
pub mod int;
pub mod io;
pub mod job;
pub mod json;
pub mod kernel;
pub mod list;
pub mod map;
pub mod math;
pub mod prelude;
pub mod process;
pub mod queue;
pub mod request;
pub mod row;
pub mod service;
pub mod set;
pub mod string;
pub mod timer;
pub mod web;
pub mod ws;

use mesh_vm::value::{MapStore, SetStore};
use mesh_vm::{NativeResult, ProcessRef, Value};
use std::collections::VecDeque;
use std::sync::Arc;

/// The arguments of one native call, with the native's name for error messages.
pub struct Args<'a> {
    name: &'static str,
    vals: &'a mut [Value],
}

/// A native's result before it is turned into a [`NativeResult`].
pub type Ret = Result<Value, String>;

impl<'a> Args<'a> {
    /// Wraps the argument window of a call to native `name`.
    pub fn new(name: &'static str, vals: &'a mut [Value]) -> Args<'a> {
        Args { name, vals }
    }

    /// The qualified name of the native being called.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// An error message prefixed with the native's name.
    pub fn fail(&self, msg: impl std::fmt::Display) -> String {
        format!("{}: {}", self.name, msg)
    }

    fn get(&self, i: usize) -> Result<&Value, String> {
        self.vals
            .get(i)
            .ok_or_else(|| self.fail(format!("missing argument {}", i + 1)))
    }

    fn wrong(&self, i: usize, want: &str, got: &Value) -> String {
        self.fail(format!(
            "argument {} should be {want}, got {}",
            i + 1,
            got.kind_name()
        ))
    }

    /// Borrows argument `i`, whatever its kind.
    pub fn value(&self, i: usize) -> Result<&Value, String> {
        self.get(i)
    }

    /// Moves argument `i` out of the window (leaving `()`).
    pub fn take(&mut self, i: usize) -> Result<Value, String> {
        match self.vals.get_mut(i) {
            Some(v) => Ok(std::mem::take(v)),
            None => Err(self.fail(format!("missing argument {}", i + 1))),
        }
    }

    /// Argument `i` as an `Int`.
    pub fn int(&self, i: usize) -> Result<i64, String> {
        match self.get(i)? {
            Value::Int(n) => Ok(*n),
            other => Err(self.wrong(i, "an Int", other)),
        }
    }

    /// Argument `i` as a `Float`.
    pub fn float(&self, i: usize) -> Result<f64, String> {
        match self.get(i)? {
            Value::Float(f) => Ok(*f),
            other => Err(self.wrong(i, "a Float", other)),
        }
    }

    /// Argument `i` as a `Bool`.
    pub fn bool(&self, i: usize) -> Result<bool, String> {
        match self.get(i)? {
            Value::Bool(b) => Ok(*b),
            other => Err(self.wrong(i, "a Bool", other)),
        }
    }

    /// Argument `i` as a string.
    pub fn str(&self, i: usize) -> Result<&str, String> {
        match self.get(i)? {
            Value::Str(s) => Ok(s.as_str()),
            other => Err(self.wrong(i, "a String", other)),
        }
    }

    /// Moves argument `i` out as a string (to reuse its buffer when unshared).
    pub fn take_str(&mut self, i: usize) -> Result<Arc<String>, String> {
        match self.take(i)? {
            Value::Str(s) => Ok(s),
            other => Err(self.wrong(i, "a String", &other)),
        }
    }

    /// Argument `i` as a pid.
    pub fn pid(&self, i: usize) -> Result<&Arc<ProcessRef>, String> {
        match self.get(i)? {
            Value::Pid(p) => Ok(p),
            other => Err(self.wrong(i, "a Pid", other)),
        }
    }

    /// Argument `i` as a list (also a `Queue`).
    pub fn list(&self, i: usize) -> Result<&VecDeque<Value>, String> {
        match self.get(i)? {
            Value::List(l) => Ok(l),
            other => Err(self.wrong(i, "a List", other)),
        }
    }

    /// Handle argument `i` as the runtime object `T` (`kind` names its Mesh type for errors).
    pub fn handle<T: std::any::Any>(&self, i: usize, kind: &str) -> Result<&T, String> {
        match self.value(i)? {
            Value::Handle(h) => h
                .downcast::<T>()
                .ok_or_else(|| self.fail(format!("argument {} should be a {kind}", i + 1))),
            other => Err(self.fail(format!(
                "argument {} should be a {kind}, got {}",
                i + 1,
                other.kind_name()
            ))),
        }
    }

    /// Takes handle argument `i` out as a `T`: moved when nothing else holds it (so a
    /// builder is updated in place), cloned otherwise.
    pub fn take_handle<T: std::any::Any + Clone>(
        &mut self,
        i: usize,
        kind: &str,
    ) -> Result<T, String> {
        self.handle::<T>(i, kind)?;
        let Value::Handle(h) = self.take(i)? else {
            return Err(self.fail(format!("argument {} should be a {kind}", i + 1)));
        };
        match Arc::try_unwrap(h) {
            Ok(h) => h
                .obj
                .downcast::<T>()
                .map(|b| *b)
                .map_err(|_| self.fail(format!("argument {} should be a {kind}", i + 1))),
            Err(h) => h
                .downcast::<T>()
                .cloned()
                .ok_or_else(|| self.fail(format!("argument {} should be a {kind}", i + 1))),
        }
    }

    /// Argument `i` as a list of Strings (atoms count as their names), copied out.
    pub fn strings(&self, i: usize) -> Result<Vec<String>, String> {
        self.list(i)?
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| self.fail("expected a list of Strings"))
            })
            .collect()
    }

    /// Moves argument `i` out as a list.
    pub fn take_list(&mut self, i: usize) -> Result<Arc<VecDeque<Value>>, String> {
        match self.take(i)? {
            Value::List(l) => Ok(l),
            other => Err(self.wrong(i, "a List", &other)),
        }
    }

    /// Argument `i` as a map.
    pub fn map(&self, i: usize) -> Result<&MapStore, String> {
        match self.get(i)? {
            Value::Map(m) => Ok(m),
            other => Err(self.wrong(i, "a Map", other)),
        }
    }

    /// Moves argument `i` out as a map.
    pub fn take_map(&mut self, i: usize) -> Result<Arc<MapStore>, String> {
        match self.take(i)? {
            Value::Map(m) => Ok(m),
            other => Err(self.wrong(i, "a Map", &other)),
        }
    }

    /// Argument `i` as a set.
    pub fn set(&self, i: usize) -> Result<&SetStore, String> {
        match self.get(i)? {
            Value::Set(s) => Ok(s),
            other => Err(self.wrong(i, "a Set", other)),
        }
    }

    /// Moves argument `i` out as a set.
    pub fn take_set(&mut self, i: usize) -> Result<Arc<SetStore>, String> {
        match self.take(i)? {
            Value::Set(s) => Ok(s),
            other => Err(self.wrong(i, "a Set", &other)),
        }
    }
}

/// Turns a native's result into what the interpreter expects.
pub fn finish(r: Ret) -> NativeResult {
    match r {
        Ok(v) => NativeResult::Value(v),
        Err(e) => NativeResult::Error(e),
    }
}

/// Converts a length or index to a Mesh `Int`.
pub(crate) fn int_of(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Clamps a Mesh `Int` count to `[0, len]`.
pub(crate) fn clamp(n: i64, len: usize) -> usize {
    if n <= 0 {
        0
    } else {
        usize::try_from(n).map_or(len, |n| n.min(len))
    }
}

/// A new empty map.
pub(crate) fn empty_map(capacity: usize) -> MapStore {
    MapStore::with_capacity_and_hasher(capacity, Default::default())
}

/// A new empty set.
pub(crate) fn empty_set(capacity: usize) -> SetStore {
    SetStore::with_capacity_and_hasher(capacity, Default::default())
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers to call natives directly in unit tests.

    use super::{Args, Ret};
    use crate::context::ProcessCtx;
    use mesh_vm::bytecode::{FieldInfo, Image, TypeDesc, TypeInfo, TypeKind, VariantInfo};
    use mesh_vm::{Program, Value};

    /// Type ids of the test type table (after the three built-ins).
    pub const POINT: u32 = 3;
    pub const SHAPE: u32 = 4;
    pub const USER: u32 = 5;
    pub const BOX: u32 = 6;
    pub const ROWREC: u32 = 7;

    /// A program with no code and a small type table:
    /// `Point { x :: Int, y :: Int }`, `Shape = Circle(Float) | Rect(Float, Float) | Dot`,
    /// `User { name :: String, age :: Int, email :: Option<String>, tags :: List<String>,
    /// home :: Option<Point>, shape :: Shape, score :: Float, admin :: Bool,
    /// meta :: Map<String, Int> }`, `Box<T> { item :: T }` and
    /// `RowRec { id :: Int, name :: String, ratio :: Float, ok :: Bool, note :: Option<String>,
    /// n :: Option<Int> }`.
    pub fn program() -> Program {
        let field = |name: &str, ty: TypeDesc| FieldInfo {
            name: name.into(),
            ty,
        };
        let variant = |name: &str, fields: Vec<TypeDesc>| VariantInfo {
            name: name.into(),
            fields,
        };
        let option = |t: TypeDesc| TypeDesc::Named(0, vec![t]);
        let mut types = Image::builtin_types();
        types.push(TypeInfo {
            name: "Point".into(),
            kind: TypeKind::Struct(vec![field("x", TypeDesc::Int), field("y", TypeDesc::Int)]),
        });
        types.push(TypeInfo {
            name: "Shape".into(),
            kind: TypeKind::Sum(vec![
                variant("Circle", vec![TypeDesc::Float]),
                variant("Rect", vec![TypeDesc::Float, TypeDesc::Float]),
                variant("Dot", vec![]),
            ]),
        });
        types.push(TypeInfo {
            name: "User".into(),
            kind: TypeKind::Struct(vec![
                field("name", TypeDesc::String),
                field("age", TypeDesc::Int),
                field("email", option(TypeDesc::String)),
                field("tags", TypeDesc::List(Box::new(TypeDesc::String))),
                field("home", option(TypeDesc::Named(POINT, vec![]))),
                field("shape", TypeDesc::Named(SHAPE, vec![])),
                field("score", TypeDesc::Float),
                field("admin", TypeDesc::Bool),
                field(
                    "meta",
                    TypeDesc::Map(Box::new(TypeDesc::String), Box::new(TypeDesc::Int)),
                ),
            ]),
        });
        types.push(TypeInfo {
            name: "Box".into(),
            kind: TypeKind::Struct(vec![field("item", TypeDesc::Param(0))]),
        });
        types.push(TypeInfo {
            name: "RowRec".into(),
            kind: TypeKind::Struct(vec![
                field("id", TypeDesc::Int),
                field("name", TypeDesc::String),
                field("ratio", TypeDesc::Float),
                field("ok", TypeDesc::Bool),
                field("note", option(TypeDesc::String)),
                field("n", option(TypeDesc::Int)),
            ]),
        });
        Program {
            functions: vec![],
            natives: vec![],
            types,
            files: vec![],
            entry: 0,
        }
    }

    /// A process context around [`program`] whose output is captured.
    pub fn ctx() -> ProcessCtx {
        ctx_with(crate::output::Output::memory().0)
    }

    /// A process context around [`program`] with the given output.
    pub fn ctx_with(out: crate::output::Output) -> ProcessCtx {
        let shared = crate::context::Shared::new(program(), vec!["a1".into(), "a2".into()], out)
            .unwrap_or_else(|e| panic!("test program must load: {e}"));
        ProcessCtx::new(shared)
    }

    /// Calls a native implementation directly.
    pub fn call(
        f: fn(&mut ProcessCtx, &mut Args) -> Ret,
        name: &'static str,
        args: Vec<Value>,
    ) -> Ret {
        let mut ctx = ctx();
        call_in(&mut ctx, f, name, args)
    }

    /// Calls a native implementation with a given context.
    pub fn call_in(
        ctx: &mut ProcessCtx,
        f: fn(&mut ProcessCtx, &mut Args) -> Ret,
        name: &'static str,
        mut args: Vec<Value>,
    ) -> Ret {
        let mut a = Args::new(name, &mut args);
        f(ctx, &mut a)
    }

    /// A list of Ints.
    pub fn ints(xs: &[i64]) -> Value {
        Value::list(xs.iter().map(|&x| Value::Int(x)))
    }

    /// A list of strings.
    pub fn strs(xs: &[&str]) -> Value {
        Value::list(xs.iter().map(|&x| Value::str(x)))
    }

    /// Display text of a value under the test type table.
    pub fn show(v: &Value) -> String {
        mesh_vm::ops::display(v, &program().types)
    }

    /// Debug text of a value under the test type table (strings quoted).
    pub fn dbg(v: &Value) -> String {
        mesh_vm::ops::inspect(v, &program().types)
    }
}
