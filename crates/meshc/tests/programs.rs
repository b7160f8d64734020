//! The program corpus: every `tests/programs/NAME.mpl` (or directory `NAME/` with a
//! `main.mpl`) is run with `meshc run` and its output compared with the expectations
//! beside it:
//!
//! * `NAME.out` — expected standard output (exactly);
//! * `NAME.err` — expected standard error (exactly); without it, standard error must be
//!   empty (so unexpected warnings fail the test);
//! * `NAME.in` — optional standard input;
//! * expected exit code: 0, or 1 when `NAME.err` exists, or `N` from a first line
//!   `# exit: N` in the main file.
//!
//! Programs run with `tests/programs` as working directory so paths in diagnostics are
//! stable. `MESH_BLESS=1 cargo test --test programs` rewrites the expectation files from
//! the actual output — only for reviewing changes by hand, never to accept them blindly.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

struct Case {
    name: String,
    /// What to pass to `meshc run` (relative to the corpus directory).
    target: String,
    main_file: PathBuf,
}

struct Outcome {
    name: String,
    problem: Option<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

fn cases(dir: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if path.is_dir() && path.join("main.mpl").is_file() {
            out.push(Case {
                name: name.clone(),
                target: name,
                main_file: path.join("main.mpl"),
            });
        } else if let Some(stem) = name.strip_suffix(".mpl") {
            out.push(Case {
                name: stem.to_string(),
                target: name.clone(),
                main_file: path,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn expected_code(main_file: &Path, has_err: bool) -> i32 {
    let text = std::fs::read_to_string(main_file).unwrap_or_default();
    if let Some(rest) = text.lines().next().and_then(|l| l.strip_prefix("# exit:")) {
        if let Ok(n) = rest.trim().parse() {
            return n;
        }
    }
    i32::from(has_err)
}

fn run_case(dir: &Path, case: &Case, bless: bool) -> Outcome {
    let out_path = dir.join(format!("{}.out", case.name));
    let err_path = dir.join(format!("{}.err", case.name));
    let in_path = dir.join(format!("{}.in", case.name));
    let expected_out = std::fs::read_to_string(&out_path).ok();
    let expected_err = std::fs::read_to_string(&err_path).ok();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meshc"));
    cmd.arg("run")
        .arg(&case.target)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                name: case.name.clone(),
                problem: Some(format!("cannot start meshc: {e}")),
            }
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        if let Ok(input) = std::fs::read(&in_path) {
            let _ = stdin.write_all(&input);
        }
    }
    let output = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => {
            return Outcome {
                name: case.name.clone(),
                problem: Some(format!("meshc failed: {e}")),
            }
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let code = output.status.code().unwrap_or(-1);
    if bless {
        let _ = std::fs::write(&out_path, &stdout);
        if stderr.is_empty() {
            let _ = std::fs::remove_file(&err_path);
        } else {
            let _ = std::fs::write(&err_path, &stderr);
        }
        return Outcome {
            name: case.name.clone(),
            problem: None,
        };
    }
    let mut problems = Vec::new();
    let want_code = expected_code(&case.main_file, expected_err.is_some());
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    match &expected_out {
        Some(want) if *want != stdout => problems.push(diff("stdout", want, &stdout)),
        None if !stdout.is_empty() => problems.push(diff("stdout", "", &stdout)),
        _ => {}
    }
    let want_err = expected_err.unwrap_or_default();
    if want_err != stderr {
        problems.push(diff("stderr", &want_err, &stderr));
    }
    Outcome {
        name: case.name.clone(),
        problem: if problems.is_empty() {
            None
        } else {
            Some(problems.join("\n"))
        },
    }
}

fn diff(what: &str, want: &str, got: &str) -> String {
    let mut s = format!("{what} differs:\n");
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..w.len().max(g.len()) {
        let a = w.get(i).copied();
        let b = g.get(i).copied();
        if a != b {
            s.push_str(&format!(
                "  line {}:\n    expected: {:?}\n    actual:   {:?}\n",
                i + 1,
                a,
                b
            ));
        }
    }
    if want.ends_with('\n') != got.ends_with('\n') {
        s.push_str("  (trailing newline differs)\n");
    }
    s
}

#[test]
fn corpus() {
    let dir = corpus_dir();
    let all = cases(&dir);
    assert!(!all.is_empty(), "no programs found in {}", dir.display());
    let filter = std::env::var("MESH_TEST").ok();
    let bless = std::env::var("MESH_BLESS").is_ok();
    let todo: Vec<Case> = all
        .into_iter()
        .filter(|c| {
            filter
                .as_ref()
                .map(|f| c.name.contains(f.as_str()))
                .unwrap_or(true)
        })
        .collect();
    let total = todo.len();
    let queue = Arc::new(Mutex::new(todo));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        * 2;
    let mut handles = Vec::new();
    for _ in 0..workers {
        let queue = queue.clone();
        let results = results.clone();
        let dir = dir.clone();
        handles.push(std::thread::spawn(move || loop {
            let next = queue.lock().ok().and_then(|mut q| q.pop());
            let Some(case) = next else {
                break;
            };
            let outcome = run_case(&dir, &case, bless);
            if let Ok(mut r) = results.lock() {
                r.push(outcome);
            }
        }));
    }
    for h in handles {
        let _ = h.join();
    }
    let mut results = std::mem::take(&mut *results.lock().expect("results"));
    results.sort_by(|a, b| a.name.cmp(&b.name));
    let failures: Vec<&Outcome> = results.iter().filter(|o| o.problem.is_some()).collect();
    for f in &failures {
        eprintln!("FAIL {}\n{}\n", f.name, f.problem.as_deref().unwrap_or(""));
    }
    eprintln!("{} programs, {} failed", total, failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} programs failed",
        failures.len(),
        total
    );
}
