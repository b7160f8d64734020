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
//!
//! None of these overflow the Rust stack on deeply nested data (a program may build a
//! structure a million levels deep): equality and ordering switch from recursion to an
//! explicit worklist past a modest depth, and hashing and the text forms stop descending
//! past a fixed depth (hashes stay consistent with equality; text shows `…`).

use crate::bytecode::{TypeInfo, TypeKind};
use crate::value::{builtin_types, Value};
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

/// Nesting depth up to which [`equal`] and [`compare`] recurse on the Rust stack; deeper
/// values continue with an explicit worklist. A program may build data nested a million
/// levels deep (`Cons(1, Cons(2, …))`), and plain recursion would overflow a worker
/// thread's stack and abort the whole runtime.
const RECURSION_LIMIT: usize = 128;

/// Nesting depth beyond which the text forms print `…` and hashing stops descending (a
/// hash only has to agree with equality, which a cut at a fixed depth preserves).
const TEXT_DEPTH_LIMIT: usize = 500;

/// The language's `==`: structural, floats by IEEE rules.
pub fn equal(a: &Value, b: &Value) -> bool {
    eq_at(a, b, 0, true)
}

/// Structural equality at nesting depth `depth`: the language's `==` with `ieee`, key
/// equality (floats by bits) without.
fn eq_at(a: &Value, b: &Value, depth: usize, ieee: bool) -> bool {
    if depth > RECURSION_LIMIT {
        return eq_deep(a, b, ieee);
    }
    let eq = |(p, q): (&Value, &Value)| eq_at(p, q, depth + 1, ieee);
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            std::sync::Arc::ptr_eq(x, y) || (x.len() == y.len() && x.iter().zip(y.iter()).all(eq))
        }
        (Value::Tuple(x), Value::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(eq),
        (Value::Data(x), Value::Data(y)) => {
            std::sync::Arc::ptr_eq(x, y)
                || (x.type_id == y.type_id
                    && x.tag == y.tag
                    && x.fields.len() == y.fields.len()
                    && x.fields.iter().zip(y.fields.iter()).all(eq))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).map(|w| eq((v, w))).unwrap_or(false))
        }
        _ => leaf_eq(a, b, ieee),
    }
}

/// Equality of two values that are not both lists, tuples, structs or maps.
fn leaf_eq(a: &Value, b: &Value, ieee: bool) -> bool {
    match (a, b) {
        (Value::Unit, Value::Unit) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) if ieee => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Set(x), Value::Set(y)) => x.len() == y.len() && x.iter().all(|k| y.contains(k)),
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
        (Value::Fn(x), Value::Fn(y)) => x == y,
        (Value::Closure(x), Value::Closure(y)) => std::sync::Arc::ptr_eq(x, y),
        (Value::Pid(x), Value::Pid(y)) => x.id == y.id,
        (Value::Handle(x), Value::Handle(y)) => std::sync::Arc::ptr_eq(x, y),
        _ => false,
    }
}

/// [`eq_at`] with a worklist instead of recursion (the conjunction over all pairs does not
/// depend on their order).
fn eq_deep(a: &Value, b: &Value, ieee: bool) -> bool {
    let mut work = vec![(a, b)];
    while let Some((a, b)) = work.pop() {
        let same = match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if !std::sync::Arc::ptr_eq(x, y) {
                    if x.len() != y.len() {
                        return false;
                    }
                    work.extend(x.iter().zip(y.iter()));
                }
                true
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                work.extend(x.iter().zip(y.iter()));
                x.len() == y.len()
            }
            (Value::Data(x), Value::Data(y)) => {
                if !std::sync::Arc::ptr_eq(x, y) {
                    if x.type_id != y.type_id || x.tag != y.tag || x.fields.len() != y.fields.len()
                    {
                        return false;
                    }
                    work.extend(x.fields.iter().zip(y.fields.iter()));
                }
                true
            }
            (Value::Map(x), Value::Map(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                for (k, v) in x.iter() {
                    match y.get(k) {
                        Some(w) => work.push((v, w)),
                        None => return false,
                    }
                }
                true
            }
            _ => leaf_eq(a, b, ieee),
        };
        if !same {
            return false;
        }
    }
    true
}

/// Structural ordering used by `<`, `compare`, sorting and derived `Ord`.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    compare_at(a, b, 0)
}

fn compare_at(a: &Value, b: &Value, depth: usize) -> Ordering {
    if depth > RECURSION_LIMIT {
        return compare_deep(a, b);
    }
    let depth = depth + 1;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or_else(|| x.total_cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Unit, Value::Unit) => Ordering::Equal,
        (Value::List(x), Value::List(y)) => compare_seq(x.iter(), y.iter(), depth),
        (Value::Tuple(x), Value::Tuple(y)) => compare_seq(x.iter(), y.iter(), depth),
        (Value::Set(x), Value::Set(y)) => compare_seq(x.iter(), y.iter(), depth),
        (Value::Map(x), Value::Map(y)) => compare_seq(
            x.iter().flat_map(|(k, v)| [k, v]),
            y.iter().flat_map(|(k, v)| [k, v]),
            depth,
        ),
        _ => match (a.data_tag(), b.data_tag()) {
            (Some((ta, ga)), Some((tb, gb))) => ta
                .cmp(&tb)
                .then(ga.cmp(&gb))
                .then_with(|| compare_seq(a.data_fields().iter(), b.data_fields().iter(), depth)),
            _ => rank(a).cmp(&rank(b)),
        },
    }
}

/// A pair of sequences being compared lexicographically by [`compare_deep`].
type SeqPair<'a> = (
    Box<dyn Iterator<Item = &'a Value> + 'a>,
    Box<dyn Iterator<Item = &'a Value> + 'a>,
);

/// How [`compare_deep`] proceeds with one pair: decided, or by comparing two sequences.
enum Step<'a> {
    Done(Ordering),
    Seq(SeqPair<'a>),
}

/// One step of [`compare`] without recursion: leaves are decided, containers become
/// sequences to compare.
fn compare_step<'a>(a: &'a Value, b: &'a Value) -> Step<'a> {
    fn seq<'a>(
        xs: impl Iterator<Item = &'a Value> + 'a,
        ys: impl Iterator<Item = &'a Value> + 'a,
    ) -> Step<'a> {
        Step::Seq((Box::new(xs), Box::new(ys)))
    }
    match (a, b) {
        (Value::List(x), Value::List(y)) => seq(x.iter(), y.iter()),
        (Value::Tuple(x), Value::Tuple(y)) => seq(x.iter(), y.iter()),
        (Value::Set(x), Value::Set(y)) => seq(x.iter(), y.iter()),
        (Value::Map(x), Value::Map(y)) => seq(
            x.iter().flat_map(|(k, v)| [k, v]),
            y.iter().flat_map(|(k, v)| [k, v]),
        ),
        (Value::Data(_) | Value::Enum { .. }, Value::Data(_) | Value::Enum { .. }) => {
            match (a.data_tag(), b.data_tag()) {
                (Some((ta, ga)), Some((tb, gb))) if (ta, ga) == (tb, gb) => {
                    seq(a.data_fields().iter(), b.data_fields().iter())
                }
                (Some(x), Some(y)) => Step::Done(x.cmp(&y)),
                _ => Step::Done(rank(a).cmp(&rank(b))),
            }
        }
        // Leaves: the recursive version does not recurse for them.
        _ => Step::Done(compare_at(a, b, 0)),
    }
}

/// [`compare`] with an explicit stack of sequences instead of recursion.
fn compare_deep(a: &Value, b: &Value) -> Ordering {
    let mut stack: Vec<SeqPair<'_>> = Vec::new();
    let mut next = Some((a, b));
    loop {
        if let Some((a, b)) = next.take() {
            match compare_step(a, b) {
                Step::Done(Ordering::Equal) => {}
                Step::Done(o) => return o,
                Step::Seq(pair) => stack.push(pair),
            }
        }
        let Some((xs, ys)) = stack.last_mut() else {
            return Ordering::Equal;
        };
        match (xs.next(), ys.next()) {
            (None, None) => {
                stack.pop();
            }
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => next = Some((x, y)),
        }
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
    depth: usize,
) -> Ordering {
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match compare_at(x, y, depth) {
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
        eq_at(self, other, 0, false)
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_at(self, state, 0);
    }
}

/// A value at nesting depth `.1`, for hashing the entries of maps and sets.
struct Nested<'a>(&'a Value, usize);

impl Hash for Nested<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_at(self.0, state, self.1);
    }
}

/// Hashes `v` at nesting depth `depth`; deeper than [`TEXT_DEPTH_LIMIT`] only the kind is
/// hashed, which keeps hashing consistent with equality without deep recursion.
fn hash_at<H: Hasher>(v: &Value, state: &mut H, depth: usize) {
    rank(v).hash(state);
    if depth > TEXT_DEPTH_LIMIT {
        return;
    }
    let d = depth + 1;
    {
        match v {
            Value::Unit => {}
            Value::Bool(b) => b.hash(state),
            Value::Int(i) => i.hash(state),
            Value::Float(f) => f.to_bits().hash(state),
            Value::Str(s) => s.as_str().hash(state),
            Value::List(l) => {
                l.len().hash(state);
                for x in l.iter() {
                    hash_at(x, state, d);
                }
            }
            Value::Map(m) => {
                // Order-independent, like equality.
                let mut acc: u64 = m.len() as u64;
                for (k, x) in m.iter() {
                    let h = foldhash::fast::FixedState::with_seed(0)
                        .hash_one((Nested(k, d), Nested(x, d)));
                    acc = acc.wrapping_add(h);
                }
                acc.hash(state);
            }
            Value::Set(s) => {
                let mut acc: u64 = s.len() as u64;
                for k in s.iter() {
                    let h = foldhash::fast::FixedState::with_seed(0).hash_one(Nested(k, d));
                    acc = acc.wrapping_add(h);
                }
                acc.hash(state);
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    hash_at(x, state, d);
                }
            }
            Value::Data(data) => {
                data.type_id.hash(state);
                data.tag.hash(state);
                for x in &data.fields {
                    hash_at(x, state, d);
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
    write_at(out, v, types, debug, 0);
}

/// [`write_value`] at nesting depth `depth`: deeper than [`TEXT_DEPTH_LIMIT`] a value
/// prints as `…` (no text of such a value is readable anyway, and recursing further could
/// overflow the thread's stack).
fn write_at(out: &mut String, v: &Value, types: &[TypeInfo], debug: bool, depth: usize) {
    if depth > TEXT_DEPTH_LIMIT {
        out.push('…');
        return;
    }
    let d = depth + 1;
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
            write_seq(out, l.iter(), types, debug, d);
            out.push(']');
        }
        Value::Set(s) => {
            out.push_str("#{");
            write_seq(out, s.iter(), types, debug, d);
            out.push('}');
        }
        Value::Tuple(t) => {
            out.push('(');
            write_seq(out, t.iter(), types, debug, d);
            out.push(')');
        }
        Value::Map(m) => {
            out.push_str("%{");
            for (i, (k, val)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_at(out, k, types, debug, d);
                out.push_str(" => ");
                write_at(out, val, types, debug, d);
            }
            out.push('}');
        }
        Value::Data(_) | Value::Enum { .. } => write_data(out, v, types, debug, d),
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
    depth: usize,
) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_at(out, item, types, debug, depth);
    }
}

fn write_data(out: &mut String, v: &Value, types: &[TypeInfo], debug: bool, d: usize) {
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
                    write_at(out, val, types, debug, d);
                }
                out.push_str(" }");
            } else {
                out.push('(');
                write_seq(out, fields.iter(), types, debug, d);
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
                write_seq(out, fields.iter(), types, debug, d);
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

    /// `Cons(i, …)` nested `depth` deep around `innermost`.
    fn chain(depth: i64, innermost: Value) -> Value {
        let mut v = innermost;
        for i in 0..depth {
            v = if i % 2 == 0 {
                Value::data(3, 0, vec![Value::Int(i), v])
            } else {
                Value::tuple(vec![Value::Int(i), Value::list([v])])
            };
        }
        v
    }

    #[test]
    fn deeply_nested_values_compare_hash_and_print_without_overflowing() {
        // A worker-sized stack (tokio's default is 2 MiB).
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let t = types();
                let a = chain(200_000, Value::Int(1));
                let b = chain(200_000, Value::Int(1));
                let c = chain(200_000, Value::Int(2));
                assert!(equal(&a, &b));
                assert!(!equal(&a, &c));
                assert_eq!(compare(&a, &b), Ordering::Equal);
                assert_eq!(compare(&a, &c), Ordering::Less);
                assert_eq!(compare(&c, &a), Ordering::Greater);
                assert_eq!(hash_value(&a), hash_value(&b));
                assert_eq!(a, b);
                let text = display(&a, &t);
                assert!(
                    text.starts_with("(199999, [Version(199998, (199997, ["),
                    "{}",
                    &text[..40]
                );
                assert!(text.contains('…'));
                assert!(inspect(&c, &t).contains('…'));
            })
            .expect("spawn")
            .join()
            .expect("no stack overflow");
    }

    #[test]
    fn the_worklist_comparisons_agree_with_the_recursive_ones() {
        // Small random values of every container kind, compared both ways.
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        fn gen(next: &mut dyn FnMut() -> u64, depth: u32) -> Value {
            let pick = if depth == 0 { next() % 4 } else { next() % 9 };
            fn kids(next: &mut dyn FnMut() -> u64, n: u64, depth: u32) -> Vec<Value> {
                let count = next() % n;
                (0..count).map(|_| gen(next, depth - 1)).collect()
            }
            match pick {
                0 => Value::Int((next() % 3) as i64),
                1 => Value::Float([0.5, f64::NAN, -1.0][(next() % 3) as usize]),
                2 => Value::str(["a", "b"][(next() % 2) as usize]),
                3 => Value::none(),
                4 => Value::list(kids(next, 3, depth)),
                5 => Value::tuple(kids(next, 3, depth)),
                6 => {
                    let tag = (next() % 2) as u32;
                    Value::data(3, tag, kids(next, 3, depth))
                }
                7 => {
                    let mut m = crate::value::MapStore::default();
                    for k in kids(next, 3, depth) {
                        let v = gen(next, depth - 1);
                        m.insert(k, v);
                    }
                    Value::Map(std::sync::Arc::new(m))
                }
                _ => Value::some(gen(next, depth - 1)),
            }
        }
        for _ in 0..20_000 {
            let a = gen(&mut next, 3);
            let b = if next() % 3 == 0 {
                a.clone()
            } else {
                gen(&mut next, 3)
            };
            assert_eq!(
                eq_deep(&a, &b, true),
                eq_at(&a, &b, 0, true),
                "{a:?} == {b:?}"
            );
            assert_eq!(
                eq_deep(&a, &b, false),
                eq_at(&a, &b, 0, false),
                "{a:?} == {b:?}"
            );
            assert_eq!(
                compare_deep(&a, &b),
                compare_at(&a, &b, 0),
                "{a:?} cmp {b:?}"
            );
        }
    }
}
