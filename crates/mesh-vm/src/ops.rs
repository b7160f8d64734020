//! Structural operations every value supports: equality, ordering, hashing and the two
//! text forms.
//!
//! Mesh compares by content everywhere (strings, lists, structs…), unlike the original,
//! whose collection operations compared pointers. Two equalities exist:
//!
//! * [`equal`] is the language's `==`: floats compare as IEEE numbers (`NaN != NaN`);
//! * `impl PartialEq for Value` is *key* equality for maps and sets: floats compare by bit
//!   pattern so that it is reflexive and agrees with `Hash`.
//!
//! Text forms follow the reference: `Display` prints floats in shortest round-trip form
//! without a forced `.0` (`3.0` → `3`), strings without quotes (also inside collections),
//! `[1, 2]`, `%{k => v}`, `#{a, b}`, `(a, b)`, structs positionally (`Version(1, 4)`);
//! `Debug` differs only for structs, which show field names (`Version { major: 1, minor: 4 }`).

use crate::bytecode::{TypeInfo, TypeKind};
use crate::value::{builtin_types, Value};
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

/// The language's `==`: structural, floats by IEEE rules.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            std::sync::Arc::ptr_eq(x, y)
                || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q)))
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q))
        }
        (Value::Data(x), Value::Data(y)) => {
            std::sync::Arc::ptr_eq(x, y)
                || (x.type_id == y.type_id
                    && x.tag == y.tag
                    && x.fields.len() == y.fields.len()
                    && x.fields
                        .iter()
                        .zip(y.fields.iter())
                        .all(|(p, q)| equal(p, q)))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).map(|w| equal(v, w)).unwrap_or(false))
        }
        _ => a == b,
    }
}

/// Structural ordering used by `<`, `compare`, sorting and derived `Ord`.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or_else(|| x.total_cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Unit, Value::Unit) => Ordering::Equal,
        (Value::List(x), Value::List(y)) => compare_seq(x.iter(), y.iter()),
        (Value::Tuple(x), Value::Tuple(y)) => compare_seq(x.iter(), y.iter()),
        (Value::Set(x), Value::Set(y)) => compare_seq(x.iter(), y.iter()),
        (Value::Map(x), Value::Map(y)) => compare_seq(
            x.iter().flat_map(|(k, v)| [k, v]),
            y.iter().flat_map(|(k, v)| [k, v]),
        ),
        _ => match (a.data_tag(), b.data_tag()) {
            (Some((ta, ga)), Some((tb, gb))) => ta
                .cmp(&tb)
                .then(ga.cmp(&gb))
                .then_with(|| compare_seq(a.data_fields().iter(), b.data_fields().iter())),
            _ => rank(a).cmp(&rank(b)),
        },
    }
}

/// The language's `<` on values of any type: floats by IEEE rules (`NaN < x` is false),
/// everything else by [`compare`].
pub fn less(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x < y,
        _ => compare(a, b).is_lt(),
    }
}

/// The language's `<=` on values of any type (see [`less`]).
pub fn less_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x <= y,
        _ => compare(a, b).is_le(),
    }
}

fn compare_seq<'a>(
    mut xs: impl Iterator<Item = &'a Value>,
    mut ys: impl Iterator<Item = &'a Value>,
) -> Ordering {
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match compare(x, y) {
                Ordering::Equal => {}
                o => return o,
            },
        }
    }
}

/// Orders values of different kinds (only reachable through untyped pids/handles).
fn rank(v: &Value) -> u8 {
    match v {
        Value::Unit => 0,
        Value::Bool(_) => 1,
        Value::Int(_) => 2,
        Value::Float(_) => 3,
        Value::Str(_) => 4,
        Value::List(_) => 5,
        Value::Map(_) => 6,
        Value::Set(_) => 7,
        Value::Tuple(_) => 8,
        Value::Data(_) | Value::Enum { .. } => 9,
        Value::Fn(_) | Value::Closure(_) => 10,
        Value::Pid(_) => 11,
        Value::Handle(_) => 12,
    }
}

impl PartialEq for Value {
    /// Key equality (see the module docs): structural, floats by bits.
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Unit, Value::Unit) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k) == Some(v))
            }
            (Value::Set(a), Value::Set(b)) => a.len() == b.len() && a.iter().all(|k| b.contains(k)),
            (Value::Tuple(a), Value::Tuple(b)) => a == b,
            (Value::Data(a), Value::Data(b)) => {
                a.type_id == b.type_id && a.tag == b.tag && a.fields == b.fields
            }
            (
                Value::Enum {
                    type_id: t1,
                    tag: g1,
                },
                Value::Enum {
                    type_id: t2,
                    tag: g2,
                },
            ) => t1 == t2 && g1 == g2,
            (Value::Fn(a), Value::Fn(b)) => a == b,
            (Value::Closure(a), Value::Closure(b)) => std::sync::Arc::ptr_eq(a, b),
            (Value::Pid(a), Value::Pid(b)) => a.id == b.id,
            (Value::Handle(a), Value::Handle(b)) => std::sync::Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        rank(self).hash(state);
        match self {
            Value::Unit => {}
            Value::Bool(b) => b.hash(state),
            Value::Int(i) => i.hash(state),
            Value::Float(f) => f.to_bits().hash(state),
            Value::Str(s) => s.as_str().hash(state),
            Value::List(l) => {
                l.len().hash(state);
                for v in l.iter() {
                    v.hash(state);
                }
            }
            Value::Map(m) => {
                // Order-independent, like equality.
                let mut acc: u64 = m.len() as u64;
                for (k, v) in m.iter() {
                    acc =
                        acc.wrapping_add(foldhash::fast::FixedState::with_seed(0).hash_one((k, v)));
                }
                acc.hash(state);
            }
            Value::Set(s) => {
                let mut acc: u64 = s.len() as u64;
                for k in s.iter() {
                    acc = acc.wrapping_add(foldhash::fast::FixedState::with_seed(0).hash_one(k));
                }
                acc.hash(state);
            }
            Value::Tuple(t) => {
                for v in t.iter() {
                    v.hash(state);
                }
            }
            Value::Data(d) => {
                d.type_id.hash(state);
                d.tag.hash(state);
                for v in &d.fields {
                    v.hash(state);
                }
            }
            Value::Enum { type_id, tag } => {
                type_id.hash(state);
                tag.hash(state);
            }
            Value::Fn(f) => f.hash(state),
            Value::Closure(c) => (std::sync::Arc::as_ptr(c) as usize).hash(state),
            Value::Pid(p) => p.id.hash(state),
            Value::Handle(h) => (std::sync::Arc::as_ptr(h) as usize).hash(state),
        }
    }
}

use std::hash::BuildHasher as _;

/// The value of `x.hash()` (derived `Hash`): a stable structural hash.
pub fn hash_value(v: &Value) -> i64 {
    foldhash::fast::FixedState::with_seed(0x6d65_7368).hash_one(v) as i64
}

/// Formats a float the way Mesh's `Display` does (`3.0` → `3`, `inf`, `NaN`).
pub fn format_float(f: f64, out: &mut String) {
    if f.is_nan() {
        out.push_str("NaN");
    } else if f.is_infinite() {
        out.push_str(if f > 0.0 { "inf" } else { "-inf" });
    } else {
        let _ = write!(out, "{f}");
    }
}

/// The `Display` text of a value.
pub fn display(v: &Value, types: &[TypeInfo]) -> String {
    let mut out = String::new();
    write_value(&mut out, v, types, false);
    out
}

/// The `Debug` text of a value.
pub fn inspect(v: &Value, types: &[TypeInfo]) -> String {
    let mut out = String::new();
    write_value(&mut out, v, types, true);
    out
}

/// Appends the text form of `v` to `out` (`debug` selects the `Debug` form).
pub fn write_value(out: &mut String, v: &Value, types: &[TypeInfo], debug: bool) {
    match v {
        Value::Unit => out.push_str("()"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => format_float(*f, out),
        Value::Str(s) => out.push_str(s),
        Value::List(l) => {
            out.push('[');
            write_seq(out, l.iter(), types, debug);
            out.push(']');
        }
        Value::Set(s) => {
            out.push_str("#{");
            write_seq(out, s.iter(), types, debug);
            out.push('}');
        }
        Value::Tuple(t) => {
            out.push('(');
            write_seq(out, t.iter(), types, debug);
            out.push(')');
        }
        Value::Map(m) => {
            out.push_str("%{");
            for (i, (k, val)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, k, types, debug);
                out.push_str(" => ");
                write_value(out, val, types, debug);
            }
            out.push('}');
        }
        Value::Data(_) | Value::Enum { .. } => write_data(out, v, types, debug),
        Value::Fn(_) | Value::Closure(_) => out.push_str("#Function<>"),
        Value::Pid(p) => {
            let _ = write!(out, "#PID<0.{}.0>", p.id);
        }
        Value::Handle(h) => {
            let _ = write!(out, "#{}<>", h.kind);
        }
    }
}

fn write_seq<'a>(
    out: &mut String,
    items: impl Iterator<Item = &'a Value>,
    types: &[TypeInfo],
    debug: bool,
) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_value(out, item, types, debug);
    }
}

fn write_data(out: &mut String, v: &Value, types: &[TypeInfo], debug: bool) {
    let Some((type_id, tag)) = v.data_tag() else {
        return;
    };
    let fields = v.data_fields();
    let info = types.get(type_id as usize);
    match info.map(|t| &t.kind) {
        Some(TypeKind::Struct(field_infos)) => {
            let name = info.map(|t| t.name.as_str()).unwrap_or("?");
            out.push_str(name);
            if debug {
                if fields.is_empty() {
                    out.push_str(" {}");
                    return;
                }
                out.push_str(" { ");
                for (i, (f, val)) in field_infos.iter().zip(fields.iter()).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&f.name);
                    out.push_str(": ");
                    write_value(out, val, types, debug);
                }
                out.push_str(" }");
            } else {
                out.push('(');
                write_seq(out, fields.iter(), types, debug);
                out.push(')');
            }
        }
        Some(TypeKind::Sum(variants)) => {
            let name = variants
                .get(tag as usize)
                .map(|vi| vi.name.as_str())
                .unwrap_or("?");
            out.push_str(name);
            if !fields.is_empty() {
                out.push('(');
                write_seq(out, fields.iter(), types, debug);
                out.push(')');
            }
        }
        None => {
            let _ = write!(out, "#Data<{type_id}.{tag}>");
        }
    }
}

/// True if `v` is `Some(_)`.
pub fn is_some(v: &Value) -> bool {
    v.data_tag() == Some((builtin_types::OPTION, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{FieldInfo, Image, TypeDesc};

    fn types() -> Vec<TypeInfo> {
        let mut t = Image::builtin_types();
        t.push(TypeInfo {
            name: "Version".into(),
            kind: TypeKind::Struct(vec![
                FieldInfo {
                    name: "major".into(),
                    ty: TypeDesc::Int,
                },
                FieldInfo {
                    name: "minor".into(),
                    ty: TypeDesc::Int,
                },
            ]),
        });
        t
    }

    #[test]
    fn display_follows_the_reference_forms() {
        let t = types();
        assert_eq!(display(&Value::Float(3.0), &t), "3");
        assert_eq!(display(&Value::Float(95.5), &t), "95.5");
        assert_eq!(display(&Value::Float(0.1 + 0.2), &t), "0.30000000000000004");
        assert_eq!(display(&Value::Float(f64::INFINITY), &t), "inf");
        assert_eq!(
            display(&Value::list([Value::str("hello"), Value::str("world")]), &t),
            "[hello, world]"
        );
        let v = Value::data(3, 0, vec![Value::Int(1), Value::Int(4)]);
        assert_eq!(display(&v, &t), "Version(1, 4)");
        assert_eq!(inspect(&v, &t), "Version { major: 1, minor: 4 }");
        assert_eq!(display(&Value::some(Value::Int(3)), &t), "Some(3)");
        assert_eq!(display(&Value::none(), &t), "None");
    }

    #[test]
    fn equality_is_structural() {
        let a = Value::list([Value::str("x"), Value::Int(1).clone()]);
        let b = Value::list([Value::str("x"), Value::Int(1)]);
        assert!(equal(&a, &b));
        assert!(!equal(&Value::Float(f64::NAN), &Value::Float(f64::NAN)));
        assert_eq!(Value::Float(f64::NAN), Value::Float(f64::NAN));
        assert_eq!(compare(&Value::str("a"), &Value::str("b")), Ordering::Less);
        assert_eq!(
            compare(&Value::some(Value::Int(1)), &Value::none()),
            Ordering::Less
        );
    }
}
