//! Natives of `List` (`std/list.mpl`): everything that needs no callback. `List.map`,
//! `filter`, `reduce`, `sort`, `find`, `any`, `all`, `flat_map` and `collect` are written in
//! Mesh. Lists are `Value::List` (a `VecDeque` behind an `Arc`); natives that take a list
//! they hold the only reference to update it in place.

use super::{clamp, int_of, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;
use std::collections::VecDeque;
use std::sync::Arc;

/// `List.new()`.
pub fn new(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::List(Arc::new(VecDeque::new())))
}

/// `List.length(l)`.
pub fn length(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(int_of(a.list(0)?.len()))
}

/// `List.append(l, x)`: `x` added at the end (in place when `l` is unshared).
pub fn append(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut l = a.take_list(0)?;
    let x = a.take(1)?;
    Arc::make_mut(&mut l).push_back(x);
    Ok(Value::List(l))
}

/// `List.head(l)`: the first element; an error on an empty list.
pub fn head(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    a.list(0)?
        .front()
        .cloned()
        .ok_or_else(|| a.fail("empty list"))
}

/// `List.tail(l)`: all but the first element; an error on an empty list.
pub fn tail(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut l = a.take_list(0)?;
    if l.is_empty() {
        return Err(a.fail("empty list"));
    }
    match Arc::get_mut(&mut l) {
        Some(items) => {
            items.pop_front();
            Ok(Value::List(l))
        }
        None => Ok(Value::list(l.iter().skip(1).cloned())),
    }
}

/// `List.last(l)`: the last element; an error on an empty list.
pub fn last(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    a.list(0)?
        .back()
        .cloned()
        .ok_or_else(|| a.fail("empty list"))
}

/// `List.get(l, i)` / `List.nth(l, i)`: the element at 0-based index `i`; an error out of
/// range.
pub fn get(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let l = a.list(0)?;
    let i = a.int(1)?;
    usize::try_from(i)
        .ok()
        .and_then(|i| l.get(i))
        .cloned()
        .ok_or_else(|| {
            a.fail(format!(
                "index {i} out of range for list of length {}",
                l.len()
            ))
        })
}

/// `List.concat(a, b)`: `a` followed by `b`.
pub fn concat(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut first = a.take_list(0)?;
    let second = a.take_list(1)?;
    if second.is_empty() {
        return Ok(Value::List(first));
    }
    if first.is_empty() {
        return Ok(Value::List(second));
    }
    let items = Arc::make_mut(&mut first);
    match Arc::try_unwrap(second) {
        Ok(mut owned) => items.append(&mut owned),
        Err(shared) => items.extend(shared.iter().cloned()),
    }
    Ok(Value::List(first))
}

/// `List.reverse(l)`.
pub fn reverse(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut l = a.take_list(0)?;
    match Arc::get_mut(&mut l) {
        Some(items) => {
            items.make_contiguous().reverse();
            Ok(Value::List(l))
        }
        None => Ok(Value::list(l.iter().rev().cloned())),
    }
}

/// `List.contains(l, x)`: structural equality (`==`).
pub fn contains(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let l = a.list(0)?;
    let x = a.value(1)?;
    Ok(Value::Bool(l.iter().any(|y| mesh_vm::ops::equal(x, y))))
}

/// `List.zip(a, b)`: pairs, truncated to the shorter list.
pub fn zip(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let xs = a.list(0)?;
    let ys = a.list(1)?;
    Ok(Value::list(
        xs.iter()
            .zip(ys.iter())
            .map(|(x, y)| Value::tuple(vec![x.clone(), y.clone()])),
    ))
}

/// `List.flatten(ll)`: one level.
pub fn flatten(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let outer = a.list(0)?;
    let mut total = 0;
    for inner in outer.iter() {
        match inner {
            Value::List(l) => total += l.len(),
            other => {
                return Err(a.fail(format!(
                    "elements should be Lists, got {}",
                    other.kind_name()
                )))
            }
        }
    }
    let mut out = VecDeque::with_capacity(total);
    for inner in outer.iter() {
        if let Value::List(l) = inner {
            out.extend(l.iter().cloned());
        }
    }
    Ok(Value::List(Arc::new(out)))
}

/// `List.enumerate(l)`: `(index, element)` pairs from index 0.
pub fn enumerate(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::list(
        a.list(0)?
            .iter()
            .enumerate()
            .map(|(i, x)| Value::tuple(vec![int_of(i), x.clone()])),
    ))
}

/// `List.take(l, n)`: the first `n` elements (`n` clamped to `[0, len]`).
pub fn take(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut l = a.take_list(0)?;
    let n = clamp(a.int(1)?, l.len());
    if n == l.len() {
        return Ok(Value::List(l));
    }
    match Arc::get_mut(&mut l) {
        Some(items) => {
            items.truncate(n);
            Ok(Value::List(l))
        }
        None => Ok(Value::list(l.iter().take(n).cloned())),
    }
}

/// `List.drop(l, n)`: all but the first `n` elements (`n` clamped to `[0, len]`).
pub fn drop(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut l = a.take_list(0)?;
    let n = clamp(a.int(1)?, l.len());
    if n == 0 {
        return Ok(Value::List(l));
    }
    match Arc::get_mut(&mut l) {
        Some(items) => {
            items.drain(..n);
            Ok(Value::List(l))
        }
        None => Ok(Value::list(l.iter().skip(n).cloned())),
    }
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

    #[test]
    fn basic_accessors() {
        assert_eq!(run(new, "List.new", vec![]), "[]");
        assert_eq!(run(length, "List.length", vec![ints(&[1, 2, 3])]), "3");
        assert_eq!(run(head, "List.head", vec![ints(&[4, 5])]), "4");
        assert_eq!(run(tail, "List.tail", vec![ints(&[4, 5, 6])]), "[5, 6]");
        assert_eq!(run(last, "List.last", vec![ints(&[4, 5])]), "5");
        assert_eq!(
            run(get, "List.get", vec![ints(&[4, 5]), Value::Int(1)]),
            "5"
        );
        assert_eq!(
            run(get, "List.nth", vec![ints(&[4, 5]), Value::Int(0)]),
            "4"
        );
    }

    #[test]
    fn programmer_errors_have_clear_messages() {
        assert_eq!(
            run(head, "List.head", vec![ints(&[])]),
            "error: List.head: empty list"
        );
        assert_eq!(
            run(tail, "List.tail", vec![ints(&[])]),
            "error: List.tail: empty list"
        );
        assert_eq!(
            run(last, "List.last", vec![ints(&[])]),
            "error: List.last: empty list"
        );
        assert_eq!(
            run(get, "List.get", vec![ints(&[1, 2, 3]), Value::Int(5)]),
            "error: List.get: index 5 out of range for list of length 3"
        );
        assert_eq!(
            run(get, "List.nth", vec![ints(&[1, 2, 3]), Value::Int(-1)]),
            "error: List.nth: index -1 out of range for list of length 3"
        );
        assert_eq!(
            run(length, "List.length", vec![Value::Int(1)]),
            "error: List.length: argument 1 should be a List, got Int"
        );
    }

    #[test]
    fn append_updates_unshared_lists_in_place() {
        let mut l = ints(&[]);
        let mut ptr = None;
        for i in 0..1000 {
            l = call(append, "List.append", vec![l, Value::Int(i)]).unwrap_or_default();
            if i == 999 {
                ptr = l.as_list().map(|x| x as *const _);
            }
        }
        assert_eq!(l.as_list().map(|x| x.len()), Some(1000));
        // Appending again to the unshared list keeps the same allocation.
        let l2 = call(append, "List.append", vec![l, Value::Int(0)]).unwrap_or_default();
        assert_eq!(l2.as_list().map(|x| x as *const _), ptr);
    }

    #[test]
    fn shared_lists_are_never_modified() {
        let original = ints(&[1, 2, 3]);
        let keep = original.clone();
        let appended =
            call(append, "List.append", vec![original.clone(), Value::Int(4)]).unwrap_or_default();
        let tailed = call(tail, "List.tail", vec![original.clone()]).unwrap_or_default();
        let reversed = call(reverse, "List.reverse", vec![original.clone()]).unwrap_or_default();
        let dropped =
            call(drop, "List.drop", vec![original.clone(), Value::Int(1)]).unwrap_or_default();
        let taken = call(take, "List.take", vec![original, Value::Int(1)]).unwrap_or_default();
        assert_eq!(show(&keep), "[1, 2, 3]");
        assert_eq!(show(&appended), "[1, 2, 3, 4]");
        assert_eq!(show(&tailed), "[2, 3]");
        assert_eq!(show(&reversed), "[3, 2, 1]");
        assert_eq!(show(&dropped), "[2, 3]");
        assert_eq!(show(&taken), "[1]");
    }

    #[test]
    fn concat_reverse_contains() {
        assert_eq!(
            run(concat, "List.concat", vec![ints(&[1]), ints(&[2, 3])]),
            "[1, 2, 3]"
        );
        assert_eq!(
            run(concat, "List.concat", vec![ints(&[]), ints(&[2])]),
            "[2]"
        );
        assert_eq!(
            run(concat, "List.concat", vec![ints(&[1]), ints(&[])]),
            "[1]"
        );
        assert_eq!(
            run(reverse, "List.reverse", vec![ints(&[1, 2, 3])]),
            "[3, 2, 1]"
        );
        assert_eq!(run(reverse, "List.reverse", vec![ints(&[])]), "[]");
        assert_eq!(
            run(
                contains,
                "List.contains",
                vec![strs(&["fatal", "error"]), Value::str(String::from("error"))]
            ),
            "true"
        );
        assert_eq!(
            run(
                contains,
                "List.contains",
                vec![strs(&["a"]), Value::str("b")]
            ),
            "false"
        );
        let nested = Value::list([ints(&[1, 2]), ints(&[3])]);
        assert_eq!(
            run(contains, "List.contains", vec![nested, ints(&[3])]),
            "true"
        );
        let point = |x| {
            Value::data(
                crate::natives::testing::POINT,
                0,
                vec![Value::Int(x), Value::Int(0)],
            )
        };
        assert_eq!(
            run(
                contains,
                "List.contains",
                vec![Value::list([point(1), point(2)]), point(2)]
            ),
            "true"
        );
    }

    #[test]
    fn zip_enumerate_flatten() {
        assert_eq!(
            run(zip, "List.zip", vec![ints(&[1, 2, 3]), strs(&["a", "b"])]),
            "[(1, a), (2, b)]"
        );
        assert_eq!(
            run(enumerate, "List.enumerate", vec![strs(&["x", "y"])]),
            "[(0, x), (1, y)]"
        );
        assert_eq!(
            run(
                flatten,
                "List.flatten",
                vec![Value::list([ints(&[1]), ints(&[]), ints(&[2, 3])])]
            ),
            "[1, 2, 3]"
        );
    }

    #[test]
    fn take_and_drop_clamp() {
        let t = |n| run(take, "List.take", vec![ints(&[1, 2, 3]), Value::Int(n)]);
        let d = |n| run(drop, "List.drop", vec![ints(&[1, 2, 3]), Value::Int(n)]);
        assert_eq!(t(2), "[1, 2]");
        assert_eq!(t(-1), "[]");
        assert_eq!(t(10), "[1, 2, 3]");
        assert_eq!(d(2), "[3]");
        assert_eq!(d(-1), "[1, 2, 3]");
        assert_eq!(d(10), "[]");
    }
}
