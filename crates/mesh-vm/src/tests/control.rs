//! Calls, tail calls, deep recursion, reductions, natives, failures and traces.

use super::*;
use crate::bytecode::Instr::*;
use crate::interp::TraceFrame;

/// `fib(n)` with two non-tail calls; returns (program, fib).
fn fib_program() -> (Program, u32) {
    let mut img = image();
    let fib = img.declare("Test.fib", 1);
    img.define(fib, |f| {
        let rec = f.label();
        f.line(1).op(LoadInt { dst: 1, value: 2 });
        f.op(LtInt { dst: 1, a: 0, b: 1 });
        f.jump_if_false(1, rec);
        f.op(Return { src: 0 });
        f.bind(rec).line(2);
        f.op(AddIntImm {
            dst: 1,
            src: 0,
            imm: -1,
        });
        f.op(Call {
            base: 1,
            argc: 1,
            func: fib,
        });
        f.op(AddIntImm {
            dst: 2,
            src: 0,
            imm: -2,
        });
        f.op(Call {
            base: 2,
            argc: 1,
            func: fib,
        });
        f.op(AddInt { dst: 0, a: 1, b: 2 });
        f.op(Return { src: 0 });
    });
    (load(img, fib), fib)
}

#[test]
fn calls_and_returns() {
    let (p, fib) = fib_program();
    let run = run_fn(&p, fib, vec![Value::Int(20)]);
    assert_eq!(run.result.unwrap(), Value::Int(6765));
}

#[test]
fn caller_registers_below_the_window_survive_a_call() {
    let mut img = image();
    let id = img.function("Test.id", 1, |f| {
        f.op(LoadInt { dst: 1, value: 99 }); // scribbles in its own frame
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.load_str(0, "keep");
        f.op(LoadInt { dst: 1, value: 1 });
        f.op(LoadInt { dst: 2, value: 2 });
        f.load_str(3, "above the window");
        f.op(Call {
            base: 2,
            argc: 1,
            func: id,
        });
        f.op(LoadUnit { dst: 3 });
        f.op(MakeTuple { base: 0, n: 4 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let v = run_fn(&p, main, vec![]).result.unwrap();
    assert_eq!(show(&v), "(keep, 1, 2, ())");
}

#[test]
fn calls_release_heap_values_above_the_window() {
    let counter = Arc::new(Mutex::new(0));
    let mut img = image();
    let probe = img.function("Test.probe", 0, |f| {
        f.op(CallNative {
            base: 0,
            argc: 0,
            native: SUM,
        });
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 1, |f| {
        f.op(Move { dst: 2, src: 0 }); // the handle sits above the call's window
        f.op(Call {
            base: 1,
            argc: 0,
            func: probe,
        });
        f.op(Return { src: 1 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![tracked(&counter)]);
    // Budget 1: the call runs, the callee yields at its native call.
    assert!(matches!(
        fiber.run(&p, &mut TestHost::default(), 1),
        RunOutcome::Yielded
    ));
    assert_eq!(fiber.depth(), 2);
    assert_eq!(*counter.lock().unwrap(), 0, "the call released the handle");
}

#[test]
fn yielding_and_resuming_gives_the_same_result() {
    let (p, fib) = fib_program();
    let full = run_fn(&p, fib, vec![Value::Int(18)]);
    assert_eq!(full.yields, 0);
    for budget in [0, 1, 2, 3, 7, 100] {
        let mut fiber = Fiber::new(&p, fib, vec![Value::Int(18)]);
        let run = drive(&p, &mut fiber, &mut TestHost::default(), budget);
        assert_eq!(run.result.unwrap(), Value::Int(2584), "budget {budget}");
        // fib(18) makes 8360 calls; each slice makes exactly `budget` of them (a budget
        // of 0 counts as 1, so that every slice makes progress).
        let b = budget.max(1) as usize;
        assert_eq!(run.yields, (8360 - 1) / b, "budget {budget}");
    }
}

#[test]
fn backward_jumps_cost_reductions() {
    // A loop made only of a backward jump and a conditional exit yields.
    let mut img = image();
    let main = img.function("Test.main", 0, |f| {
        let top = f.label();
        let done = f.label();
        f.op(LoadInt { dst: 0, value: 10 });
        f.bind(top);
        f.op(LoadInt { dst: 1, value: 0 });
        f.op(LtInt { dst: 1, a: 1, b: 0 });
        f.jump_if_false(1, done);
        f.op(AddIntImm {
            dst: 0,
            src: 0,
            imm: -1,
        });
        f.jump(top);
        f.bind(done).op(Return { src: 0 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![]);
    let run = drive(&p, &mut fiber, &mut TestHost::default(), 1);
    assert_eq!(run.result.unwrap(), Value::Int(0));
    // Ten backward jumps, one per slice: the last slice needs no further reduction.
    assert_eq!(run.yields, 9);
}

#[test]
fn self_tail_calls_run_in_constant_memory() {
    let mut img = image();
    let lp = img.declare("Test.loop", 3);
    img.define(lp, |f| {
        // loop(i, n, acc) with a fresh argument window, as a compiler emits it.
        let done = f.label();
        f.op(LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.load_str(7, "garbage that must not accumulate");
        f.op(AddIntImm {
            dst: 4,
            src: 0,
            imm: 1,
        });
        f.op(Copy { dst: 5, src: 1 });
        f.op(AddInt { dst: 6, a: 2, b: 0 });
        f.op(TailCall {
            base: 4,
            argc: 3,
            func: lp,
        });
        f.bind(done).op(Return { src: 2 });
    });
    let p = load(img, lp);
    let n = 10_000_000;
    let mut fiber = Fiber::new(&p, lp, vec![Value::Int(0), Value::Int(n), Value::Int(0)]);
    let mut host = TestHost::default();
    // Run in slices and check the stack never grows.
    let result = loop {
        match fiber.run(&p, &mut host, 100_000) {
            RunOutcome::Yielded => {
                assert_eq!(fiber.depth(), 1);
                assert_eq!(fiber.regs.len(), 8);
            }
            RunOutcome::Finished(v) => break v,
            _ => panic!("unexpected outcome"),
        }
    };
    assert_eq!(result, Value::Int(n * (n - 1) / 2));
}

#[test]
fn mutual_tail_calls_run_in_constant_memory() {
    let mut img = image();
    let even = img.declare("Test.even", 1);
    let odd = img.declare("Test.odd", 1);
    for (me, other, base_case) in [(even, odd, true), (odd, even, false)] {
        img.define(me, |f| {
            let rec = f.label();
            f.op(LoadInt { dst: 1, value: 0 });
            f.op(EqInt { dst: 1, a: 0, b: 1 });
            f.jump_if_false(1, rec);
            f.op(LoadBool {
                dst: 0,
                value: base_case,
            });
            f.op(Return { src: 0 });
            f.bind(rec);
            f.op(AddIntImm {
                dst: 1,
                src: 0,
                imm: -1,
            });
            f.op(TailCall {
                base: 1,
                argc: 1,
                func: other,
            });
        });
    }
    let p = load(img, even);
    let mut fiber = Fiber::new(&p, even, vec![Value::Int(1_000_001)]);
    let run = drive(&p, &mut fiber, &mut TestHost::default(), 10_000);
    assert_eq!(run.result.unwrap(), Value::Bool(false));
}

/// `down(n) = if n == 0 then 0 else 1 + down(n - 1)` (not a tail call).
fn down_program() -> (Program, u32) {
    let mut img = image();
    let down = img.declare("Test.down", 1);
    img.define(down, |f| {
        let rec = f.label();
        f.line(10).op(LoadInt { dst: 1, value: 0 });
        f.op(EqInt { dst: 1, a: 0, b: 1 });
        f.jump_if_false(1, rec);
        f.op(Return { src: 0 });
        f.bind(rec).line(11);
        f.op(AddIntImm {
            dst: 1,
            src: 0,
            imm: -1,
        });
        f.line(12).op(Call {
            base: 1,
            argc: 1,
            func: down,
        });
        f.op(AddIntImm {
            dst: 0,
            src: 1,
            imm: 1,
        });
        f.op(Return { src: 0 });
    });
    (load(img, down), down)
}

#[test]
fn deep_recursion_of_a_million_frames() {
    let (p, down) = down_program();
    let mut fiber = Fiber::new(&p, down, vec![Value::Int(1_000_000)]);
    let mut host = TestHost::default();
    let mut max_depth = 0;
    let result = loop {
        match fiber.run(&p, &mut host, 50_000) {
            RunOutcome::Yielded => max_depth = max_depth.max(fiber.depth()),
            RunOutcome::Finished(v) => break v,
            RunOutcome::Failed(e) => panic!("{e}"),
            _ => panic!("unexpected outcome"),
        }
    };
    assert_eq!(result, Value::Int(1_000_000));
    assert!(max_depth > 900_000);
}

#[test]
fn runaway_recursion_is_a_stack_overflow_error() {
    // No base case: the default limit (10M frames) stops it with an error.
    let mut img = image();
    let forever = img.declare("Test.forever", 1);
    img.define(forever, |f| {
        f.line(3).op(Copy { dst: 1, src: 0 });
        f.op(Call {
            base: 1,
            argc: 1,
            func: forever,
        });
        f.op(Return { src: 1 });
    });
    let p = load(img, forever);
    let mut fiber = Fiber::new(&p, forever, vec![Value::Int(0)]);
    let run = drive(&p, &mut fiber, &mut TestHost::default(), u32::MAX);
    let e = run.result.unwrap_err();
    assert!(
        e.message
            .starts_with("stack overflow: more than 10000000 nested calls"),
        "{}",
        e.message
    );
    // The trace keeps the innermost and outermost frames around an elision note.
    assert_eq!(e.trace.len(), 64 + 1 + 16);
    assert_eq!(e.trace[0].function, "Test.forever");
    assert_eq!(e.trace[0].line, 3);
    assert_eq!(
        e.trace[64].function,
        format!("… {} more frames", 10_000_000 - 80)
    );
    assert!(e
        .to_string()
        .contains(&format!("\n    … {} more frames\n", 10_000_000 - 80)));
    assert!(fiber.is_done());
    assert_eq!(
        fiber.regs.capacity(),
        0,
        "a failed fiber releases its stack"
    );
}

#[test]
fn stack_limits_are_configurable() {
    let (p, down) = down_program();
    let mut fiber = Fiber::new(&p, down, vec![Value::Int(1000)]);
    fiber.set_stack_limits(100, 1 << 20);
    let e = drive(&p, &mut fiber, &mut TestHost::default(), u32::MAX)
        .result
        .unwrap_err();
    assert!(e
        .message
        .starts_with("stack overflow: more than 100 nested calls"));
    let mut fiber = Fiber::new(&p, down, vec![Value::Int(1000)]);
    fiber.set_stack_limits(1 << 20, 500);
    let e = drive(&p, &mut fiber, &mut TestHost::default(), u32::MAX)
        .result
        .unwrap_err();
    assert!(
        e.message
            .starts_with("stack overflow: the call stack needs more than 500 registers"),
        "{}",
        e.message
    );
}

#[test]
fn errors_carry_a_trace_with_functions_and_lines() {
    let mut img = image();
    let inner = img.function("Test.inner", 1, |f| {
        f.line(20).op(LoadInt { dst: 1, value: 0 });
        f.line(21).op(DivInt { dst: 0, a: 0, b: 1 });
        f.op(Return { src: 0 });
    });
    let middle = img.function("Test.middle", 1, |f| {
        f.line(30).op(Copy { dst: 1, src: 0 });
        f.line(31).op(Call {
            base: 1,
            argc: 1,
            func: inner,
        });
        f.op(Return { src: 1 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.line(40).op(LoadInt { dst: 0, value: 5 });
        f.line(42).op(Call {
            base: 0,
            argc: 1,
            func: middle,
        });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let e = run_fn(&p, main, vec![]).result.unwrap_err();
    assert_eq!(e.message, "division by zero");
    let frame = |function: &str, line| TraceFrame {
        function: function.into(),
        file: "test.mpl".into(),
        line,
    };
    assert_eq!(
        e.trace,
        vec![
            frame("Test.inner", 21),
            frame("Test.middle", 31),
            frame("Test.main", 42)
        ]
    );
    assert_eq!(
        e.to_string(),
        "error: division by zero\n    at Test.inner (test.mpl:21)\n    at Test.middle \
         (test.mpl:31)\n    at Test.main (test.mpl:42)\n"
    );
}

#[test]
fn fail_raises_its_message_with_a_trace() {
    let e = eval_err(|f| {
        f.line(7).fail("no clause matched");
    });
    assert_eq!(e.message, "no clause matched");
    assert_eq!(e.trace.len(), 1);
    assert_eq!(
        (e.trace[0].function.as_str(), e.trace[0].line),
        ("Test.main", 7)
    );
}

#[test]
fn natives_return_values_and_consume_their_arguments() {
    let counter = Arc::new(Mutex::new(0));
    let mut img = image();
    let main = img.function("Test.main", 1, |f| {
        f.op(LoadInt { dst: 1, value: 1 });
        f.op(LoadInt { dst: 2, value: 2 });
        f.op(LoadInt { dst: 3, value: 3 });
        f.op(Copy { dst: 4, src: 0 });
        f.op(CallNative {
            base: 1,
            argc: 4,
            native: SUM,
        });
        f.op(Display { dst: 2, src: 1 });
        f.op(CallNative {
            base: 2,
            argc: 1,
            native: PRINT,
        });
        f.op(CallNative {
            base: 0,
            argc: 0,
            native: SUM,
        });
        f.op(MakeTuple { base: 0, n: 5 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![tracked(&counter)]);
    let mut host = TestHost::default();
    let run = drive(&p, &mut fiber, &mut host, 1000);
    // The handle copy in the native window was released after the call (r4 is ());
    // the immediate 3 the native left in r3 owns nothing and stays.
    assert_eq!(show(&run.result.unwrap()), "(0, 6, (), 3, ())");
    assert_eq!(run.out, "6\n");
    assert_eq!(*counter.lock().unwrap(), 0, "the window was cleared");
}

#[test]
fn native_errors_fail_with_a_trace() {
    let e = eval_err(|f| {
        f.line(5).load_str(0, "boom");
        f.line(6).op(CallNative {
            base: 0,
            argc: 1,
            native: FAIL,
        });
        f.op(Return { src: 0 });
    });
    assert_eq!(e.message, "boom");
    assert_eq!(e.trace[0].line, 6);
}

#[test]
fn suspended_natives_resume_after_the_call() {
    let run = run_main(|f| {
        f.op(LoadInt { dst: 0, value: 7 });
        f.op(LoadInt { dst: 1, value: 21 });
        f.op(CallNative {
            base: 1,
            argc: 1,
            native: DOUBLE,
        });
        f.op(Copy { dst: 2, src: 1 });
        f.op(CallNative {
            base: 2,
            argc: 1,
            native: DOUBLE,
        });
        f.op(MakeTuple { base: 0, n: 3 });
        f.op(Return { src: 0 });
    });
    assert_eq!(show(&run.result.unwrap()), "(7, 42, 84)");
    assert_eq!(run.suspends, 2);
    // A failing future: the runtime reports it with the trace of the suspended call.
    let e = eval_err(|f| {
        f.line(9).op(CallNative {
            base: 0,
            argc: 0,
            native: PENDING,
        });
        f.op(Return { src: 0 });
    });
    assert_eq!(e.message, "the future failed");
    assert_eq!(e.trace[0].line, 9);
}

#[test]
fn yielding_at_a_native_call_does_not_call_it_twice() {
    let mut img = image();
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadInt { dst: 0, value: 1 });
        for _ in 0..3 {
            f.op(CallNative {
                base: 0,
                argc: 1,
                native: SUM,
            });
            f.op(AddIntImm {
                dst: 0,
                src: 0,
                imm: 1,
            });
        }
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![]);
    let mut host = TestHost::default();
    let run = drive(&p, &mut fiber, &mut host, 1);
    assert_eq!(run.result.unwrap(), Value::Int(4));
    assert_eq!(host.calls, 3);
    assert_eq!(run.yields, 2);
}

#[test]
fn returned_frames_release_their_values() {
    let counter = Arc::new(Mutex::new(0));
    let mut img = image();
    let keep_copy = img.function("Test.keep_copy", 1, |f| {
        // Leaves copies of its argument in dead registers.
        f.op(Copy { dst: 1, src: 0 });
        f.op(Copy { dst: 2, src: 0 });
        f.op(LoadInt { dst: 0, value: 0 });
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 1, |f| {
        f.op(Call {
            base: 0,
            argc: 1,
            func: keep_copy,
        });
        f.op(CallNative {
            base: 1,
            argc: 0,
            native: SUM,
        });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![tracked(&counter)]);
    // Budget 1: yields at the native call, after the return.
    assert!(matches!(
        fiber.run(&p, &mut TestHost::default(), 1),
        RunOutcome::Yielded
    ));
    assert_eq!(
        *counter.lock().unwrap(),
        0,
        "dead registers still hold the handle"
    );
    let _ = fiber.run(&p, &mut TestHost::default(), 10);
}

#[test]
fn a_finished_fiber_reports_it() {
    let mut img = image();
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadInt { dst: 0, value: 1 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let mut fiber = Fiber::new(&p, main, vec![]);
    assert!(matches!(
        fiber.run(&p, &mut TestHost::default(), 10),
        RunOutcome::Finished(Value::Int(1))
    ));
    assert!(fiber.is_done());
    match fiber.run(&p, &mut TestHost::default(), 10) {
        RunOutcome::Failed(e) => assert!(e.message.contains("already finished")),
        _ => panic!("expected a failure"),
    }
}

#[test]
fn a_fiber_for_a_missing_function_fails_instead_of_panicking() {
    let (p, _) = fib_program();
    let mut fiber = Fiber::new(&p, 77, vec![]);
    match fiber.run(&p, &mut TestHost::default(), 10) {
        RunOutcome::Failed(e) => assert!(e.message.contains("#77"), "{}", e.message),
        _ => panic!("expected a failure"),
    }
    assert!(Fiber::for_value(&p, &Value::Int(1), vec![]).is_err());
    // fib takes one argument.
    let e = Fiber::for_value(&p, &Value::Fn(0), vec![]).err().unwrap();
    assert!(
        e.contains("`Test.fib` takes 1 argument(s) but was given 0"),
        "{e}"
    );
    assert!(Fiber::for_value(&p, &Value::Fn(9), vec![]).is_err());
    assert!(Fiber::for_value(&p, &Value::Fn(0), vec![Value::Int(3)]).is_ok());
}

#[test]
fn tail_call_value_to_a_function_reference() {
    let mut img = image();
    let twice = img.function("Test.twice", 1, |f| {
        f.op(AddInt { dst: 0, a: 0, b: 0 });
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 1, |f| {
        f.op(LoadFn {
            dst: 1,
            func: twice,
        });
        f.op(Move { dst: 2, src: 0 });
        f.op(TailCallValue { base: 1, argc: 1 });
    });
    let p = load(img, main);
    assert_eq!(
        run_fn(&p, main, vec![Value::Int(21)]).result.unwrap(),
        Value::Int(42)
    );
    // for_value runs a closure as the entry of a fiber.
    let closure = Value::Closure(Arc::new(crate::Closure {
        func: twice,
        captures: vec![],
    }));
    let mut fiber = Fiber::for_value(&p, &closure, vec![Value::Int(4)]).unwrap();
    let run = drive(&p, &mut fiber, &mut TestHost::default(), 100);
    assert_eq!(run.result.unwrap(), Value::Int(8));
}

#[test]
fn fused_compare_and_branch_behave_like_the_pair() {
    // For every comparison and jump sense: i = 0; do i += 1 while cmp(i, n) == sense.
    type Make = fn(u16, u16, u16) -> crate::Instr;
    type Reference = fn(i64, i64) -> bool;
    let cmps: [(&str, Make, Reference); 4] = [
        ("==", |dst, a, b| EqInt { dst, a, b }, |x, y| x == y),
        ("!=", |dst, a, b| NeInt { dst, a, b }, |x, y| x != y),
        ("<", |dst, a, b| LtInt { dst, a, b }, |x, y| x < y),
        ("<=", |dst, a, b| LeInt { dst, a, b }, |x, y| x <= y),
    ];
    for (name, make, reference) in cmps {
        for sense in [true, false] {
            let mut img = image();
            let count = img.function("Test.count", 1, |f| {
                let top = f.label();
                f.op(LoadInt { dst: 1, value: 0 });
                f.bind(top);
                f.op(AddIntImm {
                    dst: 1,
                    src: 1,
                    imm: 1,
                });
                f.line(5).op(make(2, 1, 0));
                if sense {
                    f.jump_if_true(2, top);
                } else {
                    f.jump_if_false(2, top);
                }
                f.op(Return { src: 1 });
            });
            let p = load(img, count);
            let n = 5;
            let mut expected = 0;
            loop {
                expected += 1;
                if reference(expected, n) != sense {
                    break;
                }
            }
            // Budget 1 yields at every backward jump, inside the fused operation; the
            // next slice resumes at the paired jump alone.
            for budget in [1, 1000] {
                let mut fiber = Fiber::new(&p, count, vec![Value::Int(n)]);
                let run = drive(&p, &mut fiber, &mut TestHost::default(), budget);
                assert_eq!(
                    run.result.unwrap(),
                    Value::Int(expected),
                    "{name} jump-if-{sense}, budget {budget}"
                );
            }
            // A non-Int operand is an error at the comparison's line.
            let mut fiber = Fiber::new(&p, count, vec![Value::str("x")]);
            let e = drive(&p, &mut fiber, &mut TestHost::default(), 1000)
                .result
                .unwrap_err();
            assert!(
                e.message
                    .contains(&format!("`{name}` expects Int operands")),
                "{}",
                e.message
            );
            assert_eq!(e.trace[0].line, 5);
        }
    }
}

#[test]
fn a_jump_onto_the_second_half_of_a_fused_pair() {
    // r1 = (r0 < 10); if r0 is odd, jump straight to the JumpIfFalse of the pair.
    let mut img = image();
    let f = img.function("Test.f", 1, |f| {
        let pair_jump = f.label();
        let small = f.label();
        let done = f.label();
        f.op(LoadBool {
            dst: 1,
            value: false,
        });
        f.op(LoadInt { dst: 2, value: 2 });
        f.op(RemInt { dst: 2, a: 0, b: 2 });
        f.op(LoadInt { dst: 3, value: 1 });
        f.op(EqInt { dst: 2, a: 2, b: 3 });
        f.jump_if_true(2, pair_jump); // odd: r1 stays false
        f.op(LoadInt { dst: 3, value: 10 });
        f.op(LtInt { dst: 1, a: 0, b: 3 });
        f.bind(pair_jump);
        f.jump_if_false(1, done);
        f.bind(small).load_str(0, "small even");
        f.op(Return { src: 0 });
        f.bind(done).load_str(0, "other");
        f.op(Return { src: 0 });
    });
    let p = load(img, f);
    let answer = |n| {
        run_fn(&p, f, vec![Value::Int(n)])
            .result
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(answer(4), "small even");
    assert_eq!(answer(3), "other");
    assert_eq!(answer(12), "other");
}

#[test]
fn self_tail_calls_release_heap_temporaries() {
    // f(n, h): if n == 0 return 0; t = h (a copy in r2); f(n - 1, ()) — in both tail-call
    // forms. The handle's last reference is the temporary, released by the tail call.
    for window in [false, true] {
        let counter = Arc::new(Mutex::new(0));
        let mut img = image();
        let f = img.declare("Test.f", 2);
        img.define(f, |b| {
            let rec = b.label();
            b.op(LoadInt { dst: 3, value: 0 });
            b.op(EqInt { dst: 3, a: 0, b: 3 });
            b.jump_if_false(3, rec);
            b.op(Return { src: 0 });
            b.bind(rec);
            b.op(Copy { dst: 2, src: 1 });
            b.op(LoadUnit { dst: 1 });
            if window {
                b.op(AddIntImm {
                    dst: 4,
                    src: 0,
                    imm: -1,
                });
                b.op(LoadUnit { dst: 5 });
                b.op(TailCall {
                    base: 4,
                    argc: 2,
                    func: f,
                });
            } else {
                b.op(AddIntImm {
                    dst: 0,
                    src: 0,
                    imm: -1,
                });
                b.op(TailCall {
                    base: 0,
                    argc: 2,
                    func: f,
                });
            }
        });
        let p = load(img, f);
        let mut fiber = Fiber::new(&p, f, vec![Value::Int(3), tracked(&counter)]);
        // Budget 1: the first tail call runs, the second one yields.
        assert!(matches!(
            fiber.run(&p, &mut TestHost::default(), 1),
            RunOutcome::Yielded
        ));
        assert_eq!(*counter.lock().unwrap(), 0, "window: {window}");
        let run = drive(&p, &mut fiber, &mut TestHost::default(), 100);
        assert_eq!(run.result.unwrap(), Value::Int(0));
    }
}

#[test]
fn a_self_loop_with_only_immediates_yields_and_resumes() {
    // loop(i, n, acc) updating its parameters in place: the back edge needs no release.
    let mut img = image();
    let lp = img.declare("Test.loop", 3);
    img.define(lp, |f| {
        let done = f.label();
        f.op(LtInt { dst: 3, a: 0, b: 1 });
        f.jump_if_false(3, done);
        f.op(AddInt { dst: 2, a: 2, b: 0 });
        f.op(AddIntImm {
            dst: 0,
            src: 0,
            imm: 1,
        });
        f.op(TailCall {
            base: 0,
            argc: 3,
            func: lp,
        });
        f.bind(done).op(Return { src: 2 });
    });
    let p = load(img, lp);
    for budget in [7, 1_000_000] {
        let mut fiber = Fiber::new(&p, lp, vec![Value::Int(0), Value::Int(1000), Value::Int(0)]);
        let run = drive(&p, &mut fiber, &mut TestHost::default(), budget);
        assert_eq!(run.result.unwrap(), Value::Int(499_500));
        assert_eq!(run.yields, 999 / budget as usize);
    }
}

#[test]
fn running_against_another_program_stays_safe() {
    // A fiber made for a small frame, run against a program whose function 0 uses many
    // registers: the frame is grown on entry, never indexed out of bounds.
    let mut small = image();
    let f = small.function("Test.small", 0, |f| {
        f.op(LoadInt { dst: 0, value: 1 });
        f.op(Return { src: 0 });
    });
    let small = load(small, f);
    let mut big = image();
    let g = big.function("Test.big", 0, |f| {
        f.op(LoadInt { dst: 40, value: 2 });
        f.op(Return { src: 40 });
    });
    let big = load(big, g);
    let mut fiber = Fiber::new(&small, f, vec![]);
    let run = drive(&big, &mut fiber, &mut TestHost::default(), 10);
    assert_eq!(run.result.unwrap(), Value::Int(2));
    // A frame positioned past the end of the other program's code is refused.
    let mut img = image();
    let long = img.function("Test.long", 0, |f| {
        f.op(LoadInt { dst: 0, value: 1 });
        for _ in 0..2 {
            f.op(CallNative {
                base: 1,
                argc: 0,
                native: SUM,
            });
        }
        f.op(Return { src: 0 });
    });
    let long = load(img, long);
    // Budget 1: the second native call (at pc 2) yields.
    let mut fiber = Fiber::new(&long, 0, vec![]);
    assert!(matches!(
        fiber.run(&long, &mut TestHost::default(), 1),
        RunOutcome::Yielded
    ));
    let mut img = image();
    img.function("Test.short", 0, |f| {
        f.op(Return { src: 0 });
    });
    let short = load(img, 0);
    match fiber.run(&short, &mut TestHost::default(), 10) {
        RunOutcome::Failed(e) => assert!(e.message.contains("cannot run here"), "{}", e.message),
        _ => panic!("expected a failure"),
    }
}

#[test]
fn unverified_functions_are_never_entered() {
    // A `Program` assembled without `Program::load` has no verified code to run.
    let (verified, _) = fib_program();
    let program = Program {
        functions: verified
            .functions
            .iter()
            .map(|f| crate::program::LoadedFunction {
                name: f.name.clone(),
                file: f.file,
                arity: f.arity,
                nregs: f.nregs,
                code: f.code.clone(),
                consts: f.consts.clone(),
                lines: f.lines.clone(),
                exec: Default::default(),
            })
            .collect(),
        natives: vec![],
        types: vec![],
        files: vec!["test.mpl".into()],
        entry: 0,
    };
    let mut fiber = Fiber::new(&program, 0, vec![Value::Int(5)]);
    match fiber.run(&program, &mut TestHost::default(), 10) {
        RunOutcome::Failed(e) => {
            assert!(
                e.message.contains("must be loaded with `Program::load`"),
                "{}",
                e.message
            )
        }
        _ => panic!("expected a failure"),
    }
}
