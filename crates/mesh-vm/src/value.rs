//! Run-time values.
//!
//! A [`Value`] is 16 bytes: immediates (`Int`, `Float`, `Bool`, `Unit`, nullary variants,
//! plain function references) are stored inline; everything else sits behind an `Arc`, so
//! copying a value or sending it to another process never deep-copies (ARCHITECTURE
//! decision 2). Values are immutable from the program's point of view. The interpreter
//! nevertheless updates a collection *in place* when it holds the only reference to it
//! (`Arc::get_mut` succeeds) — the compiler moves a variable into an operation on its last
//! use, so loops such as `acc <> "x"` or `Map.put(m, k, v)` run in amortised O(1).
//!
//! Equality, ordering, hashing and the text forms (`Display`/`Debug`) are structural and
//! live in [`crate::ops`].

use crate::process::ProcessRef;
use indexmap::{IndexMap, IndexSet};
use std::any::Any;
use std::collections::VecDeque;
use std::sync::Arc;

/// Hasher used by maps and sets: fast, seeded per process start.
pub type BuildHasher = foldhash::fast::RandomState;
/// The storage of a Mesh `Map<K, V>`: insertion-ordered.
pub type MapStore = IndexMap<Value, Value, BuildHasher>;
/// The storage of a Mesh `Set<T>`: insertion-ordered.
pub type SetStore = IndexSet<Value, BuildHasher>;

/// Type ids of the built-in sum types (user types are numbered after these).
pub mod builtin_types {
    /// `Option<T>`: tag 0 = `Some`, 1 = `None`.
    pub const OPTION: u32 = 0;
    /// `Result<T, E>`: tag 0 = `Ok`, 1 = `Err`.
    pub const RESULT: u32 = 1;
    /// `Ordering`: tags 0, 1, 2 = `Less`, `Equal`, `Greater`.
    pub const ORDERING: u32 = 2;
    /// Number of built-in type ids.
    pub const COUNT: u32 = 3;
}

/// A Mesh value.
#[derive(Clone, Default)]
pub enum Value {
    /// `()` / `nil`. Also what a register holds after its value was moved out.
    #[default]
    Unit,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A sum-type variant without fields: no allocation.
    Enum {
        type_id: u32,
        tag: u32,
    },
    /// A reference to a top-level function (no captured environment).
    Fn(u32),
    // The immediates above come first so that "is this an immediate" is a single
    // comparison of the discriminant (the interpreter asks on every register store).
    /// `String` (and atoms, whose run-time value is their name).
    Str(Arc<String>),
    /// `List<T>` (also `Queue`): a double-ended vector, O(1) index, push and pop at
    /// both ends when unshared.
    List(Arc<VecDeque<Value>>),
    Map(Arc<MapStore>),
    Set(Arc<SetStore>),
    /// A tuple of two or more elements.
    Tuple(Arc<Vec<Value>>),
    /// A struct value (tag 0) or a sum-type variant with fields.
    Data(Arc<Data>),
    /// A closure: function plus captured values.
    Closure(Arc<Closure>),
    /// A process identifier.
    Pid(Arc<ProcessRef>),
    /// An opaque runtime object (pool, request, router, iterator, …).
    Handle(Arc<Handle>),
}

/// The payload of a struct or of a variant with fields.
#[derive(Clone)]
pub struct Data {
    /// Index into the image's type table.
    pub type_id: u32,
    /// Variant index (0 for structs).
    pub tag: u32,
    pub fields: Vec<Value>,
}

/// A function together with the values it captured.
pub struct Closure {
    pub func: u32,
    pub captures: Vec<Value>,
}

/// An opaque object owned by the runtime. `kind` names the Mesh type for messages.
pub struct Handle {
    pub kind: &'static str,
    pub obj: Box<dyn Any + Send + Sync>,
}

impl Handle {
    /// Wraps a runtime object as a Mesh value.
    pub fn new_value<T: Any + Send + Sync>(kind: &'static str, obj: T) -> Value {
        Value::Handle(Arc::new(Handle {
            kind,
            obj: Box::new(obj),
        }))
    }

    /// The object, if it has type `T`.
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.obj.downcast_ref::<T>()
    }
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Arc::new(s.into()))
    }

    /// A list value.
    pub fn list(items: impl IntoIterator<Item = Value>) -> Value {
        Value::List(Arc::new(items.into_iter().collect()))
    }

    /// A tuple value (`()` for no elements).
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            Value::Unit
        } else {
            Value::Tuple(Arc::new(items))
        }
    }

    /// `Some(v)`.
    pub fn some(v: Value) -> Value {
        Value::Data(Arc::new(Data {
            type_id: builtin_types::OPTION,
            tag: 0,
            fields: vec![v],
        }))
    }

    /// `None`.
    pub fn none() -> Value {
        Value::Enum {
            type_id: builtin_types::OPTION,
            tag: 1,
        }
    }

    /// `Some(v)` for `Some`, `None` otherwise.
    pub fn option(v: Option<Value>) -> Value {
        match v {
            Some(v) => Value::some(v),
            None => Value::none(),
        }
    }

    /// `Ok(v)`.
    pub fn ok(v: Value) -> Value {
        Value::Data(Arc::new(Data {
            type_id: builtin_types::RESULT,
            tag: 0,
            fields: vec![v],
        }))
    }

    /// `Err(v)`.
    pub fn err(v: Value) -> Value {
        Value::Data(Arc::new(Data {
            type_id: builtin_types::RESULT,
            tag: 1,
            fields: vec![v],
        }))
    }

    /// `Err("message")`.
    pub fn err_str(msg: impl Into<String>) -> Value {
        Value::err(Value::str(msg))
    }

    /// `Less`, `Equal` or `Greater`.
    pub fn ordering(o: std::cmp::Ordering) -> Value {
        let tag = match o {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Equal => 1,
            std::cmp::Ordering::Greater => 2,
        };
        Value::Enum {
            type_id: builtin_types::ORDERING,
            tag,
        }
    }

    /// Builds a struct or variant value (nullary variants become [`Value::Enum`]).
    pub fn data(type_id: u32, tag: u32, fields: Vec<Value>) -> Value {
        Value::Data(Arc::new(Data {
            type_id,
            tag,
            fields,
        }))
    }

    /// The integer inside, if this is an `Int`.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The float inside, if this is a `Float`.
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// The bool inside, if this is a `Bool`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The text inside, if this is a `Str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The elements, if this is a `List`.
    pub fn as_list(&self) -> Option<&VecDeque<Value>> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }

    /// The entries, if this is a `Map`.
    pub fn as_map(&self) -> Option<&MapStore> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The elements, if this is a tuple (`()` is the empty tuple).
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Tuple(t) => Some(t),
            Value::Unit => Some(&[]),
            _ => None,
        }
    }

    /// `(type_id, tag)` of a struct or variant value.
    pub fn data_tag(&self) -> Option<(u32, u32)> {
        match self {
            Value::Data(d) => Some((d.type_id, d.tag)),
            Value::Enum { type_id, tag } => Some((*type_id, *tag)),
            _ => None,
        }
    }

    /// Fields of a struct or variant value (empty for nullary variants).
    pub fn data_fields(&self) -> &[Value] {
        match self {
            Value::Data(d) => &d.fields,
            _ => &[],
        }
    }

    /// Converts a Rust `Option` of a Mesh `Option` value back (`Some(x)` → `Some(x)`).
    pub fn to_option(&self) -> Option<&Value> {
        match self {
            Value::Data(d) if d.type_id == builtin_types::OPTION && d.tag == 0 => d.fields.first(),
            _ => None,
        }
    }

    /// A short name of the value's run-time kind, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Unit => "()",
            Value::Bool(_) => "Bool",
            Value::Int(_) => "Int",
            Value::Float(_) => "Float",
            Value::Str(_) => "String",
            Value::List(_) => "List",
            Value::Map(_) => "Map",
            Value::Set(_) => "Set",
            Value::Tuple(_) => "Tuple",
            Value::Data(_) | Value::Enum { .. } => "data",
            Value::Fn(_) | Value::Closure(_) => "function",
            Value::Pid(_) => "Pid",
            Value::Handle(h) => h.kind,
        }
    }
}

/// Dropping a deeply nested value must not recurse on the Rust stack: a Mesh program may
/// build a cons-style structure (`Cons(1, Cons(2, …))`) a million levels deep, and the
/// derived drop glue would overflow the worker thread's stack and abort the runtime. So
/// `Data` and `Closure` drop their contents iteratively: uniquely owned containers are
/// taken apart onto a worklist instead of being dropped recursively (shared ones just
/// lose a reference). Values that only hold leaves take the cheap path.
impl Drop for Data {
    fn drop(&mut self) {
        if self.fields.iter().any(may_nest) {
            drop_iteratively(std::mem::take(&mut self.fields));
        }
    }
}

impl Drop for Closure {
    fn drop(&mut self) {
        if self.captures.iter().any(may_nest) {
            drop_iteratively(std::mem::take(&mut self.captures));
        }
    }
}

/// True for values that can contain further values (whose drop could recurse).
fn may_nest(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Map(_)
            | Value::Set(_)
            | Value::Tuple(_)
            | Value::Data(_)
            | Value::Closure(_)
    )
}

/// Drops `pending` and everything it owns alone, with a worklist instead of recursion.
fn drop_iteratively(mut pending: Vec<Value>) {
    while let Some(v) = pending.pop() {
        match v {
            Value::Data(d) => {
                if let Ok(mut d) = Arc::try_unwrap(d) {
                    pending.append(&mut d.fields);
                }
            }
            Value::Closure(c) => {
                if let Ok(mut c) = Arc::try_unwrap(c) {
                    pending.append(&mut c.captures);
                }
            }
            Value::Tuple(t) => {
                if let Ok(mut t) = Arc::try_unwrap(t) {
                    pending.append(&mut t);
                }
            }
            Value::List(l) => {
                if let Ok(l) = Arc::try_unwrap(l) {
                    pending.extend(l);
                }
            }
            Value::Map(m) => {
                if let Ok(m) = Arc::try_unwrap(m) {
                    for (k, v) in m {
                        pending.push(k);
                        pending.push(v);
                    }
                }
            }
            Value::Set(s) => {
                if let Ok(s) = Arc::try_unwrap(s) {
                    pending.extend(s);
                }
            }
            leaf => drop(leaf),
        }
    }
}

impl std::fmt::Debug for Value {
    /// Debug output for Rust-side diagnostics (no type table: data shows as ids).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => f.write_str(&crate::ops::inspect(other, &[])),
        }
    }
}

impl std::fmt::Debug for Closure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Closure(fn {}, {} captures)",
            self.func,
            self.captures.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn dropping_a_deeply_nested_value_does_not_overflow_the_stack() {
        // `Cons(i, rest)` a million deep, with tuples and lists in between; dropped on a
        // thread with a small stack.
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut v = Value::none();
                for i in 0..1_000_000 {
                    v = match i % 3 {
                        0 => Value::data(5, 0, vec![Value::Int(i), v]),
                        1 => Value::tuple(vec![Value::Int(i), v]),
                        _ => Value::data(5, 0, vec![Value::list([v])]),
                    };
                }
                let shared = v.clone();
                drop(v);
                drop(shared);
                let f = Value::Closure(Arc::new(Closure {
                    func: 0,
                    captures: vec![Value::data(5, 0, vec![Value::Int(1)])],
                }));
                drop(f);
            })
            .expect("spawn")
            .join()
            .expect("no stack overflow");
    }
}
