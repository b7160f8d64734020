//! The scheduler's program-lifetime rules, on real programs: a program ends when nothing
//! can happen any more (every process finished, or all that remain wait in `receive`
//! with no timeout), and not before — a pending timer, a sleeping process, a `receive`
//! with a timeout or a message on its way keeps it running.
//!
//! Each program is compiled from Mesh source with the real standard library and run with
//! `run_main` on a two-worker runtime under a time limit, so a program that should end but
//! does not fails the test instead of hanging it.

use mesh_rt::output::Output;
use mesh_rt::Shared;
use mesh_syntax::{parse, ParseOptions, Source, SourceMap};
use std::time::{Duration, Instant};

/// Compiles `text` as module `Main`.
fn compile(text: &str) -> mesh_vm::Program {
    let mut sources = SourceMap::new();
    let file = sources.add(Source::new("main.mpl".to_string(), text));
    let parsed = parse(file, text, ParseOptions::default());
    assert!(parsed.diagnostics.is_empty(), "parse errors");
    let checked = mesh_check::check_project(
        &mut sources,
        vec![mesh_check::ModuleInput {
            name: "Main".into(),
            file,
            ast: parsed.file,
            is_std: false,
        }],
    );
    let Some(program) = checked.program else {
        let all: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| d.render(&sources))
            .collect();
        panic!("does not compile:\n{}", all.join("\n"));
    };
    let image = mesh_compile::compile(&program, &sources);
    mesh_vm::Program::load(image).unwrap_or_else(|e| panic!("does not load: {e}"))
}

/// Runs a program; returns its exit code, its output and how long it ran. Panics if it
/// runs longer than `limit`.
fn run(text: &str, limit: Duration) -> (i32, String, Duration) {
    let program = compile(text);
    let (out, both) = Output::memory_combined();
    let shared = Shared::new(program, vec![], out).unwrap_or_else(|e| panic!("{e}"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let code = rt.block_on(async {
        tokio::time::timeout(limit, mesh_rt::runner::run_main(shared))
            .await
            .unwrap_or_else(|_| panic!("the program did not end within {limit:?}"))
    });
    let took = started.elapsed();
    rt.shutdown_background();
    let text =
        String::from_utf8_lossy(&both.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    (code, text, took)
}

const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn ends_when_all_remaining_processes_wait_forever() {
    let (code, out, _) = run(
        r#"
actor idle(n :: Int) do
  receive do
    k -> idle(n + k)
  end
end

fn main() do
  let _ = spawn(idle, 0)
  let _ = spawn(idle, 1)
  println("main done")
end
"#,
        LIMIT,
    );
    assert_eq!((code, out.as_str()), (0, "main done\n"));
}

#[test]
fn a_pending_delayed_message_keeps_the_program_alive() {
    let (code, out, took) = run(
        r#"
actor wait_one() do
  receive do
    s -> println(s)
  end
end

fn main() do
  let p = spawn(wait_one)
  Timer.send_after(p, 80, "delivered")
end
"#,
        LIMIT,
    );
    assert_eq!((code, out.as_str()), (0, "delivered\n"));
    assert!(took >= Duration::from_millis(80), "{took:?}");
}

#[test]
fn a_receive_with_a_timeout_keeps_the_program_alive() {
    let (code, out, took) = run(
        r#"
actor patient() do
  receive do
    s -> println(s)
  after 80 -> println("timed out")
  end
end

fn main() do
  let _ = spawn(patient)
end
"#,
        LIMIT,
    );
    assert_eq!((code, out.as_str()), (0, "timed out\n"));
    assert!(took >= Duration::from_millis(80), "{took:?}");
}

/// A message sent to a parked process as the sender ends: the receiver must count as
/// active again before the sender stops counting, or the program would end too early.
/// Repeated, to give a race a chance to show.
#[test]
fn a_message_to_a_parked_process_is_never_lost_to_an_early_end() {
    let program = r#"
actor relay(left :: Int) do
  receive do
    k -> if left == 0 do finish(k, self()) else relay(pass(k, left)) end
  end
end

fn pass(k :: Int, left :: Int) -> Int do
  let next = spawn(relay, left - 1)
  send(next, k + 1)
  left - 1
end

fn finish<T>(k :: Int, v :: T) -> T do
  println("hops: ${k}")
  v
end

fn main() do
  let first = spawn(relay, 20)
  send(first, 0)
end
"#;
    for _ in 0..30 {
        let (code, out, _) = run(program, LIMIT);
        assert_eq!((code, out.as_str()), (0, "hops: 20\n"));
    }
}

#[test]
fn process_exit_ends_everything_with_its_code() {
    let (code, out, took) = run(
        r#"
actor sleeper() do
  Timer.sleep(60000)
end

actor ender() do
  Timer.sleep(20)
  println("bye")
  Process.exit(7)
end

fn main() do
  let _ = spawn(sleeper)
  let _ = spawn(ender)
end
"#,
        LIMIT,
    );
    assert_eq!((code, out.as_str()), (7, "bye\n"));
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_failing_main_ends_the_program_at_once_with_code_1() {
    let (code, out, took) = run(
        r#"
actor forever() do
  Timer.sleep(10)
  forever()
end

fn main() do
  let _ = spawn(forever)
  let xs :: List<Int> = []
  println("${List.head(xs)}")
end
"#,
        LIMIT,
    );
    assert_eq!(code, 1);
    assert!(out.starts_with("error: List.head: empty list\n"), "{out}");
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn the_scheduler_ends_the_program_when_the_last_active_thing_leaves() {
    let sched = mesh_rt::scheduler::Scheduler::default();
    sched.enter();
    sched.enter();
    sched.leave();
    assert_eq!(sched.outcome(), None);
    sched.leave();
    assert_eq!(sched.outcome(), Some(0));
    // The first decision stands.
    sched.end(3);
    assert_eq!(sched.outcome(), Some(0));
    assert!(sched.halted());
}
