//! Runs images on the real interpreter (`mesh_vm::Fiber::run`) with a small test host.

#![allow(dead_code)]

use mesh_vm::{Fiber, Host, Image, NativeResult, ProcessRef, Program, RunOutcome, Value};
use std::sync::Arc;

/// The natives the tests use, mirroring `refvm`.
struct TestHost {
    natives: Vec<String>,
    types: Vec<mesh_vm::TypeInfo>,
    out: String,
}

impl Host for TestHost {
    fn call_native(&mut self, _fiber: &mut Fiber, index: u16, args: &mut [Value]) -> NativeResult {
        let name = self.natives[index as usize].as_str();
        let take = |args: &mut [Value], i: usize| std::mem::take(&mut args[i]);
        match name {
            "Test.print" => {
                let s = mesh_vm::ops::display(&args[0], &self.types);
                self.out.push_str(&s);
                self.out.push('\n');
                NativeResult::Value(Value::Unit)
            }
            "Test.unique" => NativeResult::Value(Value::Bool(match &args[0] {
                Value::Str(s) => Arc::strong_count(s) == 1,
                Value::List(l) => Arc::strong_count(l) == 1,
                Value::Map(m) => Arc::strong_count(m) == 1,
                Value::Tuple(t) => Arc::strong_count(t) == 1,
                Value::Data(d) => Arc::strong_count(d) == 1,
                _ => true,
            })),
            "Map.put" => {
                let (k, v) = (take(args, 1), take(args, 2));
                match take(args, 0) {
                    Value::Map(mut m) => {
                        Arc::make_mut(&mut m).insert(k, v);
                        NativeResult::Value(Value::Map(m))
                    }
                    _ => NativeResult::Error("Map.put".into()),
                }
            }
            "Map.get" => match &args[0] {
                Value::Map(m) => NativeResult::Value(Value::option(m.get(&args[1]).cloned())),
                _ => NativeResult::Error("Map.get".into()),
            },
            "List.append" => {
                let x = take(args, 1);
                match take(args, 0) {
                    Value::List(mut l) => {
                        Arc::make_mut(&mut l).push_back(x);
                        NativeResult::Value(Value::List(l))
                    }
                    _ => NativeResult::Error("List.append".into()),
                }
            }
            "Set.from_list" => match &args[0] {
                Value::List(l) => {
                    NativeResult::Value(Value::Set(Arc::new(l.iter().cloned().collect())))
                }
                _ => NativeResult::Error("Set.from_list".into()),
            },
            "List.length" => match &args[0] {
                Value::List(l) => NativeResult::Value(Value::Int(l.len() as i64)),
                _ => NativeResult::Error("List.length".into()),
            },
            "String.length" => match &args[0] {
                Value::Str(s) => NativeResult::Value(Value::Int(s.len() as i64)),
                _ => NativeResult::Error("String.length".into()),
            },
            other => NativeResult::Error(format!("unknown native {other}")),
        }
    }
}

/// A finished run on the real VM.
pub struct RealOutcome {
    pub value: Value,
    pub out: String,
    pub types: Vec<mesh_vm::TypeInfo>,
}

/// Loads and runs `image` with `args`, a mailbox pre-filled with `mailbox`; a `receive`
/// with nothing to match takes its `after` branch at once.
pub fn run(image: Image, args: Vec<Value>, mailbox: Vec<Value>) -> Result<RealOutcome, String> {
    let program = Program::load(image).map_err(|e| format!("load: {e}"))?;
    let mut host = TestHost {
        natives: program.natives.clone(),
        types: program.types.clone(),
        out: String::new(),
    };
    let mut fiber = Fiber::new(&program, program.entry, args);
    let process = Arc::new(ProcessRef::new(1));
    for m in mailbox {
        process.mailbox.push(m);
    }
    fiber.process = Some(process);
    loop {
        match fiber.run(&program, &mut host, 10_000) {
            RunOutcome::Finished(value) => {
                return Ok(RealOutcome {
                    value,
                    out: host.out,
                    types: program.types.clone(),
                })
            }
            RunOutcome::Yielded => {}
            RunOutcome::WaitMessage { deadline: Some(_) } => fiber.resume_timeout(),
            RunOutcome::WaitMessage { deadline: None } => {
                return Err("receive would wait forever".into())
            }
            RunOutcome::Suspended(_) => return Err("a test native suspended".into()),
            RunOutcome::Failed(e) => return Err(e.message),
        }
    }
}
