//! Selective receive with the save queue, waiting and timeouts.

use super::*;
use crate::bytecode::Instr::*;
use crate::process::ProcessRef;
use std::time::{Duration, Instant};

/// `recv(want, timeout)`: receives the first message equal to `want` (any message if
/// `want` is `()`), or returns `"timeout"` when the `after` fires. Returns the program and
/// the function.
fn recv_program() -> (Program, u32) {
    let mut img = image();
    let recv = define_recv(&mut img);
    (load(img, recv), recv)
}

/// Adds `Test.recv` (see [`recv_program`]) to an image.
fn define_recv(img: &mut crate::asm::ImageBuilder) -> u32 {
    img.function("Test.recv", 2, |f| {
        let top = f.label();
        let accept = f.label();
        let after = f.label();
        f.line(1).op(RecvStart { timeout: 1 });
        f.bind(top).line(2);
        f.recv_peek(2, after);
        f.op(LoadUnit { dst: 3 });
        f.op(Eq { dst: 3, a: 0, b: 3 });
        f.jump_if_true(3, accept);
        f.op(Eq { dst: 3, a: 2, b: 0 });
        f.jump_if_true(3, accept);
        f.op(RecvSkip);
        f.jump(top);
        f.bind(accept).line(3);
        f.op(RecvAccept);
        f.op(Return { src: 2 });
        f.bind(after).line(4);
        f.load_str(2, "timeout");
        f.op(Return { src: 2 });
    })
}

fn fiber_with_process(p: &Program, f: u32, args: Vec<Value>) -> (Fiber, Arc<ProcessRef>) {
    let mut fiber = Fiber::new(p, f, args);
    let process = Arc::new(ProcessRef::new(1));
    fiber.process = Some(process.clone());
    (fiber, process)
}

#[test]
fn selective_receive_leaves_other_messages_in_order() {
    // main: recv(3), recv(any), recv(4), recv(any), recv(any) with 1, 2, 3, 4 queued.
    let mut img = image();
    let recv = define_recv(&mut img);
    let main = img.function("Test.main", 0, |f| {
        for (i, want) in [3, -1, 4, -1, -1].into_iter().enumerate() {
            let r = i as u16;
            if want < 0 {
                f.op(LoadUnit { dst: r });
            } else {
                f.op(LoadInt {
                    dst: r,
                    value: want,
                });
            }
            f.op(LoadInt {
                dst: r + 1,
                value: 0,
            });
            f.op(Call {
                base: r,
                argc: 2,
                func: recv,
            });
        }
        f.op(MakeTuple { base: 0, n: 5 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let (mut fiber, process) = fiber_with_process(&p, main, vec![]);
    for i in 1..=4 {
        process.mailbox.push(Value::Int(i));
    }
    let v = drive(&p, &mut fiber, &mut TestHost::default(), 1000)
        .result
        .unwrap();
    assert_eq!(show(&v), "(3, 1, 4, 2, timeout)");
}

#[test]
fn receive_waits_for_a_message_and_continues() {
    let (p, recv) = recv_program();
    let (mut fiber, process) = fiber_with_process(&p, recv, vec![Value::Int(5), Value::Unit]);
    let mut host = TestHost::default();
    match fiber.run(&p, &mut host, 1000) {
        RunOutcome::WaitMessage { deadline: None } => {}
        _ => panic!("expected to wait without deadline"),
    }
    // A non-matching message: still waiting, and it stays saved.
    process.mailbox.push(Value::Int(4));
    assert!(matches!(
        fiber.run(&p, &mut host, 1000),
        RunOutcome::WaitMessage { deadline: None }
    ));
    process.mailbox.push(Value::Int(5));
    match fiber.run(&p, &mut host, 1000) {
        RunOutcome::Finished(v) => assert_eq!(v, Value::Int(5)),
        _ => panic!("expected the message"),
    }
}

#[test]
fn receive_times_out() {
    let (p, recv) = recv_program();
    let (mut fiber, process) = fiber_with_process(&p, recv, vec![Value::Int(5), Value::Int(30)]);
    process.mailbox.push(Value::Int(1));
    let start = Instant::now();
    let deadline = match fiber.run(&p, &mut TestHost::default(), 1000) {
        RunOutcome::WaitMessage { deadline: Some(d) } => d,
        _ => panic!("expected to wait with a deadline"),
    };
    assert!(deadline >= start + Duration::from_millis(30));
    assert!(deadline <= Instant::now() + Duration::from_millis(30));
    fiber.resume_timeout();
    match fiber.run(&p, &mut TestHost::default(), 1000) {
        RunOutcome::Finished(v) => assert_eq!(v.as_str(), Some("timeout")),
        _ => panic!("expected the timeout branch"),
    }
}

#[test]
fn a_passed_deadline_times_out_without_waiting() {
    let (p, recv) = recv_program();
    let (mut fiber, _process) = fiber_with_process(&p, recv, vec![Value::Int(5), Value::Int(50)]);
    // The first run arms the deadline …
    let first = fiber.run(&p, &mut TestHost::default(), 1000);
    assert!(matches!(
        first,
        RunOutcome::WaitMessage { deadline: Some(_) }
    ));
    std::thread::sleep(Duration::from_millis(60));
    // … and the next run sees it passed, even without resume_timeout.
    match fiber.run(&p, &mut TestHost::default(), 1000) {
        RunOutcome::Finished(v) => assert_eq!(v.as_str(), Some("timeout")),
        _ => panic!("expected the timeout branch"),
    }
}

#[test]
fn after_zero_never_waits() {
    let (p, recv) = recv_program();
    for timeout in [0, -5] {
        let (mut fiber, process) =
            fiber_with_process(&p, recv, vec![Value::Int(2), Value::Int(timeout)]);
        process.mailbox.push(Value::Int(1));
        match fiber.run(&p, &mut TestHost::default(), 1000) {
            RunOutcome::Finished(v) => assert_eq!(v.as_str(), Some("timeout")),
            _ => panic!("after {timeout} must not wait"),
        }
        // With the message there, `after 0` still takes it.
        let (mut fiber, process) =
            fiber_with_process(&p, recv, vec![Value::Int(1), Value::Int(timeout)]);
        process.mailbox.push(Value::Int(1));
        match fiber.run(&p, &mut TestHost::default(), 1000) {
            RunOutcome::Finished(v) => assert_eq!(v, Value::Int(1)),
            _ => panic!("expected the message"),
        }
    }
}

#[test]
fn a_message_that_arrives_with_the_timeout_wins() {
    let (p, recv) = recv_program();
    let (mut fiber, process) =
        fiber_with_process(&p, recv, vec![Value::Int(7), Value::Int(10_000)]);
    assert!(matches!(
        fiber.run(&p, &mut TestHost::default(), 1000),
        RunOutcome::WaitMessage { deadline: Some(_) }
    ));
    process.mailbox.push(Value::Int(7));
    fiber.resume_timeout();
    match fiber.run(&p, &mut TestHost::default(), 1000) {
        RunOutcome::Finished(v) => assert_eq!(v, Value::Int(7)),
        _ => panic!("expected the message"),
    }
}

#[test]
fn receive_without_a_process() {
    let (p, recv) = recv_program();
    // No mailbox: `after 0` times out at once …
    let run = run_fn(&p, recv, vec![Value::Unit, Value::Int(0)]);
    assert_eq!(run.result.unwrap().as_str(), Some("timeout"));
    // … and without `after` it waits forever.
    let mut fiber = Fiber::new(&p, recv, vec![Value::Unit, Value::Unit]);
    assert!(matches!(
        fiber.run(&p, &mut TestHost::default(), 1000),
        RunOutcome::WaitMessage { deadline: None }
    ));
}

#[test]
fn receive_rejects_a_bad_timeout_and_a_stray_accept() {
    let (p, recv) = recv_program();
    let e = run_fn(&p, recv, vec![Value::Unit, Value::str("soon")])
        .result
        .unwrap_err();
    assert!(e.message.contains("`after` expects Int"), "{}", e.message);
    assert_eq!(e.trace[0].line, 1);
    let e = eval_err(|f| {
        f.op(RecvAccept);
        f.op(Return { src: 0 });
    });
    assert!(e.message.contains("did not peek"), "{}", e.message);
}

#[test]
fn a_busy_receive_loop_still_yields() {
    // Skipping many non-matching messages goes through the backward jump: reductions.
    let (p, recv) = recv_program();
    let (mut fiber, process) = fiber_with_process(&p, recv, vec![Value::Int(-1), Value::Int(0)]);
    for i in 0..100 {
        process.mailbox.push(Value::Int(i));
    }
    let run = drive(&p, &mut fiber, &mut TestHost::default(), 10);
    assert_eq!(run.result.unwrap().as_str(), Some("timeout"));
    assert_eq!(run.yields, 9);
}
