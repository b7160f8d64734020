//! Micro benchmarks of the dispatch loop: `cargo run --release -p mesh-vm --example loop_bench`.
//!
//! Builds the programs by hand with `mesh_vm::asm` (no compiler involved) and prints wall
//! times. Absolute numbers depend on the machine; they are for comparing changes to the
//! interpreter.

use mesh_vm::asm::ImageBuilder;
use mesh_vm::{Fiber, Host, Instr, NativeResult, Program, RunOutcome, Value};
use std::time::Instant;

/// A host without natives.
struct NoNatives;

impl Host for NoNatives {
    fn call_native(&mut self, _: &mut Fiber, index: u16, _: &mut [Value]) -> NativeResult {
        NativeResult::Error(format!("no native #{index}"))
    }
}

/// Runs `func(args)` to completion with the scheduler's usual budget, counting yields.
fn run(program: &Program, func: u32, args: Vec<Value>) -> (Value, u64) {
    let mut fiber = Fiber::new(program, func, args);
    let mut yields = 0;
    loop {
        match fiber.run(program, &mut NoNatives, 4000) {
            RunOutcome::Finished(v) => return (v, yields),
            RunOutcome::Yielded => yields += 1,
            RunOutcome::Failed(e) => panic!("{e}"),
            _ => panic!("unexpected outcome"),
        }
    }
}

/// Nanoseconds this thread has spent on a CPU (Linux; 0 elsewhere). On a loaded machine
/// this is a steadier measure than wall time.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn time(name: &str, program: &Program, func: u32, args: Vec<Value>) {
    let (t, c) = (Instant::now(), cpu_ns());
    let (v, yields) = run(program, func, args);
    report(name, t, c, &format!("result {v:?}  ({yields} yields)"));
}

fn report(name: &str, wall: Instant, cpu: u64, what: &str) {
    let wall = wall.elapsed().as_secs_f64() * 1e3;
    let cpu = (cpu_ns() - cpu) as f64 / 1e6;
    println!("{name:<46} wall {wall:>8.1} ms  cpu {cpu:>8.1} ms   {what}");
}

fn main() {
    let mut img = ImageBuilder::new("bench.mpl");

    // loop(i, n, acc) = if i < n do loop(i + 1, n, acc + i) else acc end,
    // updating the parameters in place: LtInt/JumpIfFalse/AddInt/AddIntImm/TailCall.
    let tight = img.declare("Bench.loop_in_place", 3);
    img.define(tight, |f| {
        let done = f.label();
        f.op(Instr::LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.op(Instr::AddInt { dst: 2, a: 2, b: 0 });
        f.op(Instr::AddIntImm {
            dst: 0,
            src: 0,
            imm: 1,
        });
        f.op(Instr::TailCall {
            base: 0,
            argc: 3,
            func: tight,
        });
        f.bind(done).op(Instr::Return { src: 2 });
    });

    // The same loop with a fresh argument window, as a naive code generator emits it.
    let windowed = img.declare("Bench.loop_window", 3);
    img.define(windowed, |f| {
        let done = f.label();
        f.op(Instr::LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.op(Instr::AddIntImm {
            dst: 3,
            src: 0,
            imm: 1,
        });
        f.op(Instr::Copy { dst: 4, src: 1 });
        f.op(Instr::AddInt { dst: 5, a: 2, b: 0 });
        f.op(Instr::TailCall {
            base: 3,
            argc: 3,
            func: windowed,
        });
        f.bind(done).op(Instr::Return { src: 2 });
    });

    // fib(n) = if n < 2 do n else fib(n - 1) + fib(n - 2) end
    let fib = img.declare("Bench.fib", 1);
    img.define(fib, |f| {
        let rec = f.label();
        f.op(Instr::LoadInt { dst: 1, value: 2 });
        f.op(Instr::LtInt { dst: 1, a: 0, b: 1 });
        f.jump_if_false(1, rec);
        f.op(Instr::Return { src: 0 });
        f.bind(rec);
        f.op(Instr::AddIntImm {
            dst: 1,
            src: 0,
            imm: -1,
        });
        f.op(Instr::Call {
            base: 1,
            argc: 1,
            func: fib,
        });
        f.op(Instr::AddIntImm {
            dst: 2,
            src: 0,
            imm: -2,
        });
        f.op(Instr::Call {
            base: 2,
            argc: 1,
            func: fib,
        });
        f.op(Instr::AddInt { dst: 0, a: 1, b: 2 });
        f.op(Instr::Return { src: 0 });
    });

    // build(i, n, acc) = if i < n do build(i + 1, n, acc <> "x") else String.length… (len
    // is not an instruction, so it returns the string)
    let concat = img.declare("Bench.concat", 3);
    img.define(concat, |f| {
        let done = f.label();
        f.op(Instr::LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.load_str(4, "x");
        f.op(Instr::Concat { dst: 2, a: 2, b: 4 });
        f.op(Instr::AddIntImm {
            dst: 0,
            src: 0,
            imm: 1,
        });
        f.op(Instr::TailCall {
            base: 0,
            argc: 3,
            func: concat,
        });
        f.bind(done).op(Instr::Return { src: 2 });
    });

    // push(i, n, xs) = if i < n do push(i + 1, n, List.append(xs, i)) else length(xs) end
    let push = img.declare("Bench.push", 3);
    img.define(push, |f| {
        let done = f.label();
        f.op(Instr::LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.op(Instr::Copy { dst: 4, src: 0 });
        f.op(Instr::ListPush { list: 2, src: 4 });
        f.op(Instr::AddIntImm {
            dst: 0,
            src: 0,
            imm: 1,
        });
        f.op(Instr::TailCall {
            base: 0,
            argc: 3,
            func: push,
        });
        f.bind(done).op(Instr::Len { dst: 2, src: 2 });
        f.op(Instr::Return { src: 2 });
    });

    let program = Program::load(img.build(tight).expect("image")).expect("verified");
    // An optional argument selects one benchmark by name prefix (for profiling).
    let only = std::env::args().nth(1).unwrap_or_default();
    // An optional second argument divides the loop counts (for instruction-counting
    // profilers, which are slow).
    let scale: i64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let time = |name: &str, program: &Program, func: u32, args: Vec<Value>| {
        if name.starts_with(only.as_str()) {
            time(name, program, func, args)
        }
    };
    let n = 100_000_000 / scale;
    time(
        "tight: loop 100M, in place (5 instrs/iter)",
        &program,
        tight,
        vec![Value::Int(0), Value::Int(n), Value::Int(0)],
    );
    time(
        "window: loop 100M, arg window (6 instrs/iter)",
        &program,
        windowed,
        vec![Value::Int(0), Value::Int(n), Value::Int(0)],
    );
    time(
        "fib: fib(30)",
        &program,
        fib,
        vec![Value::Int(30 - scale.ilog2() as i64)],
    );
    time(
        "push: ListPush 1M times",
        &program,
        push,
        vec![
            Value::Int(0),
            Value::Int(1_000_000 / scale),
            Value::list([]),
        ],
    );
    if !"concat".starts_with(only.as_str()) {
        return;
    }
    let (t, c) = (Instant::now(), cpu_ns());
    let (s, _) = run(
        &program,
        concat,
        vec![Value::Int(0), Value::Int(1_000_000 / scale), Value::str("")],
    );
    report(
        "concat: acc <> \"x\" 1M times",
        t,
        c,
        &format!("result length {}", s.as_str().map_or(0, str::len)),
    );
}
