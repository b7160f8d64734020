//! Natives of `Map` (`std/map.mpl`). Maps keep insertion order; replacing a key keeps its
//! position; keys compare structurally. `Map.collect` is written in Mesh.

use super::{empty_map, int_of, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;
use std::sync::Arc;

/// `Map.new()`.
pub fn new(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::Map(Arc::new(empty_map(0))))
}

/// `Map.put(m, k, v)`: inserts or replaces (in place when `m` is unshared).
pub fn put(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut m = a.take_map(0)?;
    let k = a.take(1)?;
    let v = a.take(2)?;
    Arc::make_mut(&mut m).insert(k, v);
    Ok(Value::Map(m))
}

/// `Map.get(m, k)`: the value; a run-time error if the key is missing.
pub fn get(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let m = a.map(0)?;
    let k = a.value(1)?;
    match m.get(k) {
        Some(v) => Ok(v.clone()),
        None => Err(a.fail(format!(
            "key not found: {}",
            mesh_vm::ops::display(k, ctx.types())
        ))),
    }
}

/// `Map.fetch(m, k)`: `Some(value)` or `None`.
pub fn fetch(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::option(a.map(0)?.get(a.value(1)?).cloned()))
}

/// `Map.has_key(m, k)`.
pub fn has_key(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.map(0)?.contains_key(a.value(1)?)))
}

/// `Map.delete(m, k)`: without `k` (unchanged if missing); the other keys keep their order.
pub fn delete(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut m = a.take_map(0)?;
    let k = a.take(1)?;
    if let Some(idx) = m.get_index_of(&k) {
        let store = Arc::make_mut(&mut m);
        if idx + 1 == store.len() {
            store.pop();
        } else {
            store.shift_remove_index(idx);
        }
    }
    Ok(Value::Map(m))
}

/// `Map.size(m)`.
pub fn size(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(int_of(a.map(0)?.len()))
}

/// `Map.keys(m)` in insertion order.
pub fn keys(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::list(a.map(0)?.keys().cloned()))
}

/// `Map.values(m)` in insertion order.
pub fn values(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::list(a.map(0)?.values().cloned()))
}

/// `Map.merge(a, b)`: all of `a`, then `b`'s entries; `b` wins on duplicate keys (which keep
/// `a`'s position).
pub fn merge(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut first = a.take_map(0)?;
    let second = a.take_map(1)?;
    if second.is_empty() {
        return Ok(Value::Map(first));
    }
    if first.is_empty() {
        return Ok(Value::Map(second));
    }
    let store = Arc::make_mut(&mut first);
    match Arc::try_unwrap(second) {
        Ok(owned) => store.extend(owned),
        Err(shared) => store.extend(shared.iter().map(|(k, v)| (k.clone(), v.clone()))),
    }
    Ok(Value::Map(first))
}

/// `Map.to_list(m)`: `(key, value)` pairs in insertion order.
pub fn to_list(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::list(
        a.map(0)?
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])),
    ))
}

/// `Map.from_list(pairs)`: later duplicates win (at the first occurrence's position).
pub fn from_list(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let pairs = a.list(0)?;
    let mut store = empty_map(pairs.len());
    for p in pairs.iter() {
        match p.as_tuple() {
            Some([k, v]) => {
                store.insert(k.clone(), v.clone());
            }
            _ => {
                return Err(a.fail(format!(
                    "elements should be (key, value) pairs, got {}",
                    p.kind_name()
                )))
            }
        }
    }
    Ok(Value::Map(Arc::new(store)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, ints, show};

    type F = fn(&mut ProcessCtx, &mut Args) -> Ret;

    fn run(f: F, name: &'static str, args: Vec<Value>) -> String {
        match call(f, name, args) {
            Ok(v) => show(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    fn s(x: &str) -> Value {
        Value::str(x)
    }

    fn build(pairs: &[(&str, i64)]) -> Value {
        let mut m = call(new, "Map.new", vec![]).unwrap_or_default();
        for (k, v) in pairs {
            m = call(put, "Map.put", vec![m, s(k), Value::Int(*v)]).unwrap_or_default();
        }
        m
    }

    #[test]
    fn insertion_order_is_kept_and_replacing_keeps_position() {
        let m = build(&[("b", 1), ("a", 2), ("c", 3), ("a", 9)]);
        assert_eq!(show(&m), "%{b => 1, a => 9, c => 3}");
        assert_eq!(run(keys, "Map.keys", vec![m.clone()]), "[b, a, c]");
        assert_eq!(run(values, "Map.values", vec![m.clone()]), "[1, 9, 3]");
        assert_eq!(
            run(to_list, "Map.to_list", vec![m.clone()]),
            "[(b, 1), (a, 9), (c, 3)]"
        );
        assert_eq!(run(size, "Map.size", vec![m]), "3");
    }

    #[test]
    fn get_fetch_has_key() {
        let m = build(&[("a", 1)]);
        assert_eq!(run(get, "Map.get", vec![m.clone(), s("a")]), "1");
        assert_eq!(
            run(get, "Map.get", vec![m.clone(), s("zz")]),
            "error: Map.get: key not found: zz"
        );
        assert_eq!(run(fetch, "Map.fetch", vec![m.clone(), s("a")]), "Some(1)");
        assert_eq!(run(fetch, "Map.fetch", vec![m.clone(), s("zz")]), "None");
        assert_eq!(run(has_key, "Map.has_key", vec![m.clone(), s("a")]), "true");
        assert_eq!(run(has_key, "Map.has_key", vec![m, s("b")]), "false");
    }

    #[test]
    fn keys_compare_structurally() {
        let mut m = call(new, "Map.new", vec![]).unwrap_or_default();
        m = call(put, "Map.put", vec![m, ints(&[1, 2]), s("list")]).unwrap_or_default();
        let key = ints(&[1, 2]);
        assert_eq!(run(get, "Map.get", vec![m.clone(), key]), "list");
        let pairs = Value::list([
            Value::tuple(vec![Value::str(String::from("k")), Value::Int(1)]),
            Value::tuple(vec![s("k"), Value::Int(2)]),
        ]);
        let from = call(from_list, "Map.from_list", vec![pairs]).unwrap_or_default();
        assert_eq!(show(&from), "%{k => 2}");
        assert_eq!(run(get, "Map.get", vec![from, s("k")]), "2");
    }

    #[test]
    fn delete_keeps_order_and_ignores_missing_keys() {
        let m = build(&[("a", 1), ("b", 2), ("c", 3)]);
        let keep = m.clone();
        assert_eq!(
            run(delete, "Map.delete", vec![m.clone(), s("a")]),
            "%{b => 2, c => 3}"
        );
        assert_eq!(
            run(delete, "Map.delete", vec![m.clone(), s("c")]),
            "%{a => 1, b => 2}"
        );
        assert_eq!(
            run(delete, "Map.delete", vec![m, s("x")]),
            "%{a => 1, b => 2, c => 3}"
        );
        assert_eq!(show(&keep), "%{a => 1, b => 2, c => 3}");
    }

    #[test]
    fn merge_prefers_the_second_map() {
        let a = build(&[("x", 1), ("y", 2)]);
        let b = build(&[("y", 20), ("z", 30)]);
        assert_eq!(
            run(merge, "Map.merge", vec![a.clone(), b]),
            "%{x => 1, y => 20, z => 30}"
        );
        assert_eq!(
            run(merge, "Map.merge", vec![build(&[]), a.clone()]),
            "%{x => 1, y => 2}"
        );
        assert_eq!(show(&a), "%{x => 1, y => 2}");
    }

    #[test]
    fn put_on_an_unshared_map_is_in_place() {
        let mut m = call(new, "Map.new", vec![]).unwrap_or_default();
        for i in 0..100_000 {
            m = call(put, "Map.put", vec![m, Value::Int(i), Value::Int(i)]).unwrap_or_default();
        }
        let before = m.as_map().map(|x| x as *const _);
        let m = call(put, "Map.put", vec![m, Value::Int(-1), Value::Int(0)]).unwrap_or_default();
        assert_eq!(m.as_map().map(|x| x as *const _), before);
        assert_eq!(m.as_map().map(|x| x.len()), Some(100_001));
    }
}
