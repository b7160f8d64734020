## Queue: a persistent FIFO queue. Every operation returns a new queue; push and pop are
## O(1) when the queue is not shared.

## A queue of `T`s.
pub extern type Queue<T>

## An empty queue.
pub extern fn new<T>() -> Queue<T>

## `q` with `x` added at the back.
pub extern fn push<T>(q :: Queue<T>, x :: T) -> Queue<T>

## The front element and the rest of the queue (a run-time error on an empty queue).
pub extern fn pop<T>(q :: Queue<T>) -> (T, Queue<T>)

## The front element (a run-time error on an empty queue).
pub extern fn peek<T>(q :: Queue<T>) -> T

## Number of elements.
pub extern fn size<T>(q :: Queue<T>) -> Int

## True if the queue has no elements.
pub extern fn is_empty<T>(q :: Queue<T>) -> Bool
