//! In-crate tests of the interpreter and the verifier, on images built with [`crate::asm`].

mod control;
mod data;
mod fuzz;
mod instructions;
mod receive;
mod verifier;

use crate::asm::{FnBuilder, ImageBuilder};
use crate::bytecode::Image;
use crate::interp::{Fiber, Host, NativeResult, RunOutcome, RuntimeError};
use crate::program::Program;
use crate::value::Value;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// Natives every test image declares, in this order (indices 0, 1, …).
pub const NATIVES: &[&str] = &[
    "Test.print",   // 0: appends the Display text of its argument (and a newline) to `out`
    "Test.double",  // 1: suspends with a ready future of 2 * its Int argument
    "Test.fail",    // 2: fails with its String argument
    "Test.sum",     // 3: returns the sum of its Int arguments (any number)
    "Test.take",    // 4: moves its argument into `kept` and returns ()
    "Test.pending", // 5: suspends with a future that fails
];
pub const PRINT: u16 = 0;
pub const DOUBLE: u16 = 1;
pub const FAIL: u16 = 2;
pub const SUM: u16 = 3;
pub const TAKE: u16 = 4;
pub const PENDING: u16 = 5;

/// The test host: natives with observable effects.
#[derive(Default)]
pub struct TestHost {
    pub out: String,
    pub kept: Vec<Value>,
    pub calls: usize,
}

impl Host for TestHost {
    fn call_native(&mut self, _fiber: &mut Fiber, index: u16, args: &mut [Value]) -> NativeResult {
        self.calls += 1;
        match index {
            PRINT => {
                self.out.push_str(&crate::ops::display(
                    &args[0],
                    &crate::Image::builtin_types(),
                ));
                self.out.push('\n');
                NativeResult::Value(Value::Unit)
            }
            DOUBLE => {
                let n = args[0].as_int().unwrap_or(0);
                NativeResult::Suspend(Box::pin(std::future::ready(Ok(Value::Int(2 * n)))))
            }
            FAIL => NativeResult::Error(args[0].as_str().unwrap_or("?").to_string()),
            SUM => NativeResult::Value(Value::Int(args.iter().filter_map(Value::as_int).sum())),
            TAKE => {
                self.kept.push(std::mem::take(&mut args[0]));
                NativeResult::Value(Value::Unit)
            }
            PENDING => NativeResult::Suspend(Box::pin(std::future::ready(Err(
                "the future failed".to_string(),
            )))),
            _ => NativeResult::Error(format!("unknown native {index}")),
        }
    }
}

/// A new image builder with the test natives declared.
pub fn image() -> ImageBuilder {
    let mut b = ImageBuilder::new("test.mpl");
    for n in NATIVES {
        b.native(n);
    }
    b
}

/// Loads an image, panicking with the verifier's message if it is rejected.
pub fn load(img: ImageBuilder, entry: u32) -> Program {
    let image: Image = img.build(entry).expect("image builds");
    match Program::load(image) {
        Ok(p) => p,
        Err(e) => panic!("verification failed: {e}"),
    }
}

/// Polls a future that is expected to be ready at once.
pub fn poll_now<T>(mut fut: std::pin::Pin<Box<dyn Future<Output = T> + Send>>) -> T {
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("test futures are always ready"),
    }
}

/// What a complete run produced.
pub struct Run {
    pub result: Result<Value, RuntimeError>,
    pub out: String,
    pub yields: usize,
    pub suspends: usize,
}

/// Runs `fiber` to completion with `budget` per slice, driving suspensions (ready futures)
/// and timeouts of `receive` (by sleeping until the deadline).
pub fn drive(program: &Program, fiber: &mut Fiber, host: &mut TestHost, budget: u32) -> Run {
    let (mut yields, mut suspends) = (0, 0);
    let result = loop {
        match fiber.run(program, host, budget) {
            RunOutcome::Finished(v) => break Ok(v),
            RunOutcome::Failed(e) => break Err(e),
            RunOutcome::Yielded => yields += 1,
            RunOutcome::Suspended(fut) => {
                suspends += 1;
                match poll_now(fut) {
                    Ok(v) => fiber.resume_native(v),
                    Err(msg) => break Err(fiber.error(program, msg)),
                }
            }
            RunOutcome::WaitMessage { deadline } => match deadline {
                Some(d) => {
                    std::thread::sleep(d.saturating_duration_since(std::time::Instant::now()));
                    fiber.resume_timeout();
                }
                None => panic!("the fiber waits for a message forever"),
            },
        }
    };
    Run {
        result,
        out: std::mem::take(&mut host.out),
        yields,
        suspends,
    }
}

/// Runs `entry` of the image with `args` to completion (large budget).
pub fn run_fn(program: &Program, entry: u32, args: Vec<Value>) -> Run {
    let mut fiber = Fiber::new(program, entry, args);
    drive(program, &mut fiber, &mut TestHost::default(), 1_000_000)
}

/// Builds a one-function program (`Test.main`, arity 0) and runs it.
pub fn run_main(body: impl FnOnce(&mut FnBuilder)) -> Run {
    let mut img = image();
    let main = img.function("Test.main", 0, body);
    let program = load(img, main);
    run_fn(&program, main, vec![])
}

/// The value a one-function program returns; panics on a run-time error.
pub fn eval(body: impl FnOnce(&mut FnBuilder)) -> Value {
    match run_main(body).result {
        Ok(v) => v,
        Err(e) => panic!("unexpected run-time error: {e}"),
    }
}

/// The run-time error a one-function program raises; panics if it succeeds.
pub fn eval_err(body: impl FnOnce(&mut FnBuilder)) -> RuntimeError {
    match run_main(body).result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

/// Shorthand for the `Debug` form of a value (no type table), for assertions.
pub fn show(v: &Value) -> String {
    format!("{v:?}")
}

/// A value whose drop is observable: a handle counting live instances.
pub fn tracked(counter: &Arc<Mutex<usize>>) -> Value {
    struct Tracked(Arc<Mutex<usize>>);
    impl Drop for Tracked {
        fn drop(&mut self) {
            *self.0.lock().unwrap() -= 1;
        }
    }
    *counter.lock().unwrap() += 1;
    crate::Handle::new_value("Tracked", Tracked(counter.clone()))
}
