//! Natives of `Queue` (`std/queue.mpl`): a persistent FIFO `Queue<T>`, represented as a
//! `Value::List` (a `VecDeque`), so push and pop on an unshared queue are O(1).

use super::{int_of, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;
use std::collections::VecDeque;
use std::sync::Arc;

/// `Queue.new()`.
pub fn new(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::List(Arc::new(VecDeque::new())))
}

/// `Queue.push(q, x)`: enqueues at the back.
pub fn push(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut q = a.take_list(0)?;
    let x = a.take(1)?;
    Arc::make_mut(&mut q).push_back(x);
    Ok(Value::List(q))
}

/// `Queue.pop(q)`: `(front, rest)`; an error on an empty queue.
pub fn pop(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut q = a.take_list(0)?;
    match Arc::get_mut(&mut q) {
        Some(items) => match items.pop_front() {
            Some(front) => Ok(Value::tuple(vec![front, Value::List(q)])),
            None => Err(a.fail("empty queue")),
        },
        None => match q.front() {
            Some(front) => Ok(Value::tuple(vec![
                front.clone(),
                Value::list(q.iter().skip(1).cloned()),
            ])),
            None => Err(a.fail("empty queue")),
        },
    }
}

/// `Queue.peek(q)`: the front element; an error on an empty queue.
pub fn peek(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    a.list(0)?
        .front()
        .cloned()
        .ok_or_else(|| a.fail("empty queue"))
}

/// `Queue.size(q)`.
pub fn size(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(int_of(a.list(0)?.len()))
}

/// `Queue.is_empty(q)`.
pub fn is_empty(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.list(0)?.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, show};

    fn run(
        f: fn(&mut ProcessCtx, &mut Args) -> Ret,
        name: &'static str,
        args: Vec<Value>,
    ) -> String {
        match call(f, name, args) {
            Ok(v) => show(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn fifo_order() {
        let mut q = call(new, "Queue.new", vec![]).unwrap_or_default();
        assert_eq!(run(is_empty, "Queue.is_empty", vec![q.clone()]), "true");
        for x in 1..=3 {
            q = call(push, "Queue.push", vec![q, Value::Int(x)]).unwrap_or_default();
        }
        assert_eq!(run(size, "Queue.size", vec![q.clone()]), "3");
        assert_eq!(run(peek, "Queue.peek", vec![q.clone()]), "1");
        let keep = q.clone();
        assert_eq!(run(pop, "Queue.pop", vec![q]), "(1, [2, 3])");
        assert_eq!(show(&keep), "[1, 2, 3]");
        let popped = call(pop, "Queue.pop", vec![keep]).unwrap_or_default();
        let rest = popped
            .as_tuple()
            .and_then(|t| t.get(1))
            .cloned()
            .unwrap_or_default();
        assert_eq!(run(pop, "Queue.pop", vec![rest]), "(2, [3])");
    }

    #[test]
    fn empty_queue_errors() {
        let q = call(new, "Queue.new", vec![]).unwrap_or_default();
        assert_eq!(
            run(pop, "Queue.pop", vec![q.clone()]),
            "error: Queue.pop: empty queue"
        );
        assert_eq!(
            run(peek, "Queue.peek", vec![q]),
            "error: Queue.peek: empty queue"
        );
    }
}
