//! Natives of `Set` (`std/set.mpl`): a generic `Set<T>` with structural equality that keeps
//! insertion order. `Set.collect` is written in Mesh.

use super::{empty_set, int_of, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;
use std::sync::Arc;

/// `Set.new()`.
pub fn new(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::Set(Arc::new(empty_set(0))))
}

/// `Set.add(s, x)`: no-op if present (in place when `s` is unshared).
pub fn add(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut s = a.take_set(0)?;
    let x = a.take(1)?;
    if !s.contains(&x) {
        Arc::make_mut(&mut s).insert(x);
    }
    Ok(Value::Set(s))
}

/// `Set.remove(s, x)`: the other elements keep their order.
pub fn remove(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut s = a.take_set(0)?;
    let x = a.take(1)?;
    if let Some(idx) = s.get_index_of(&x) {
        let store = Arc::make_mut(&mut s);
        if idx + 1 == store.len() {
            store.pop();
        } else {
            store.shift_remove_index(idx);
        }
    }
    Ok(Value::Set(s))
}

/// `Set.contains(s, x)`.
pub fn contains(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.set(0)?.contains(a.value(1)?)))
}

/// `Set.size(s)`.
pub fn size(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(int_of(a.set(0)?.len()))
}

/// `Set.union(a, b)`: `a`'s elements in order, then `b`'s new ones.
pub fn union(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut first = a.take_set(0)?;
    let second = a.take_set(1)?;
    if first.is_empty() {
        return Ok(Value::Set(second));
    }
    if second.iter().any(|x| !first.contains(x)) {
        Arc::make_mut(&mut first).extend(second.iter().cloned());
    }
    Ok(Value::Set(first))
}

/// `Set.intersection(a, b)`: `a`'s elements that are also in `b`, in `a`'s order.
pub fn intersection(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let first = a.set(0)?;
    let second = a.set(1)?;
    let mut out = empty_set(first.len().min(second.len()));
    out.extend(first.iter().filter(|x| second.contains(*x)).cloned());
    Ok(Value::Set(Arc::new(out)))
}

/// `Set.difference(a, b)`: `a`'s elements that are not in `b`, in `a`'s order.
pub fn difference(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let first = a.set(0)?;
    let second = a.set(1)?;
    let mut out = empty_set(first.len());
    out.extend(first.iter().filter(|x| !second.contains(*x)).cloned());
    Ok(Value::Set(Arc::new(out)))
}

/// `Set.to_list(s)` in insertion order.
pub fn to_list(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::list(a.set(0)?.iter().cloned()))
}

/// `Set.from_list(l)`: duplicates dropped (first occurrence kept).
pub fn from_list(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let l = a.list(0)?;
    let mut out = empty_set(l.len());
    out.extend(l.iter().cloned());
    Ok(Value::Set(Arc::new(out)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, ints, show, strs};

    type F = fn(&mut ProcessCtx, &mut Args) -> Ret;

    fn run(f: F, name: &'static str, args: Vec<Value>) -> String {
        match call(f, name, args) {
            Ok(v) => show(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    fn set_of(xs: &[i64]) -> Value {
        call(from_list, "Set.from_list", vec![ints(xs)]).unwrap_or_default()
    }

    #[test]
    fn add_remove_contains() {
        let mut s = call(new, "Set.new", vec![]).unwrap_or_default();
        for x in [3, 1, 3, 2] {
            s = call(add, "Set.add", vec![s, Value::Int(x)]).unwrap_or_default();
        }
        assert_eq!(show(&s), "#{3, 1, 2}");
        assert_eq!(run(size, "Set.size", vec![s.clone()]), "3");
        assert_eq!(
            run(contains, "Set.contains", vec![s.clone(), Value::Int(1)]),
            "true"
        );
        assert_eq!(
            run(contains, "Set.contains", vec![s.clone(), Value::Int(7)]),
            "false"
        );
        assert_eq!(
            run(remove, "Set.remove", vec![s.clone(), Value::Int(3)]),
            "#{1, 2}"
        );
        assert_eq!(
            run(remove, "Set.remove", vec![s.clone(), Value::Int(9)]),
            "#{3, 1, 2}"
        );
        assert_eq!(run(to_list, "Set.to_list", vec![s]), "[3, 1, 2]");
    }

    #[test]
    fn strings_compare_by_content() {
        let s = call(from_list, "Set.from_list", vec![strs(&["a", "b", "a"])]).unwrap_or_default();
        assert_eq!(show(&s), "#{a, b}");
        let probe = Value::str(String::from("b"));
        assert_eq!(run(contains, "Set.contains", vec![s, probe]), "true");
    }

    #[test]
    fn set_algebra_keeps_the_first_sets_order() {
        let a = set_of(&[5, 1, 3]);
        let b = set_of(&[3, 4, 5, 6]);
        assert_eq!(
            run(union, "Set.union", vec![a.clone(), b.clone()]),
            "#{5, 1, 3, 4, 6}"
        );
        assert_eq!(
            run(intersection, "Set.intersection", vec![a.clone(), b.clone()]),
            "#{5, 3}"
        );
        assert_eq!(
            run(difference, "Set.difference", vec![a.clone(), b.clone()]),
            "#{1}"
        );
        assert_eq!(
            run(union, "Set.union", vec![set_of(&[]), b.clone()]),
            "#{3, 4, 5, 6}"
        );
        assert_eq!(show(&a), "#{5, 1, 3}");
    }
}
