//! The database program corpus: every `tests/db_programs/NAME.mpl` runs with `meshc run`
//! and `DATABASE_URL` naming a fresh database of its own; its standard output and error
//! are compared with `NAME.out` / `NAME.err` as in the main corpus (exit code 1 when
//! `NAME.err` exists, or `N` from a first line `# exit: N`). `MESH_BLESS=1` rewrites the expectations (for review by hand).

use super::{fresh_db, meshc, repo, text};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    repo().join("tests/db_programs")
}

fn run_case(name: &str, bless: bool) -> Option<String> {
    let dir = corpus_dir();
    let url = fresh_db(&format!("prog_{name}"));
    let out = meshc(&url)
        .arg("run")
        .arg(format!("{name}.mpl"))
        .current_dir(&dir)
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run meshc: {e}")),
    };
    let (stdout, stderr) = text(&out);
    let out_path = dir.join(format!("{name}.out"));
    let err_path = dir.join(format!("{name}.err"));
    if bless {
        let _ = std::fs::write(&out_path, &stdout);
        if stderr.is_empty() {
            let _ = std::fs::remove_file(&err_path);
        } else {
            let _ = std::fs::write(&err_path, &stderr);
        }
        return None;
    }
    let want_out = std::fs::read_to_string(&out_path).unwrap_or_default();
    let want_err = std::fs::read_to_string(&err_path).ok();
    // `# exit: N` on the first line sets the expected exit code (as in the main corpus).
    let source = std::fs::read_to_string(dir.join(format!("{name}.mpl"))).unwrap_or_default();
    let want_code = source
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# exit:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(i32::from(want_err.is_some()));
    let mut problems = Vec::new();
    let code = out.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    if stdout != want_out {
        problems.push(format!(
            "stdout differs:\n--- expected\n{want_out}--- actual\n{stdout}"
        ));
    }
    let want_err = want_err.unwrap_or_default();
    if stderr != want_err {
        problems.push(format!(
            "stderr differs:\n--- expected\n{want_err}--- actual\n{stderr}"
        ));
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[test]
fn db_corpus() {
    let dir = corpus_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .strip_suffix(".mpl")
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(!names.is_empty(), "no programs in {}", dir.display());
    let filter = std::env::var("MESH_TEST").ok();
    let bless = std::env::var("MESH_BLESS").is_ok();
    names.retain(|n| filter.as_ref().is_none_or(|f| n.contains(f.as_str())));
    let results: Vec<(String, Option<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = names
            .chunks(names.len().div_ceil(3).max(1))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|n| (n.clone(), run_case(n, bless)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let failures: Vec<&(String, Option<String>)> =
        results.iter().filter(|(_, p)| p.is_some()).collect();
    for (n, p) in &failures {
        eprintln!("FAIL {n}\n{}\n", p.as_deref().unwrap_or(""));
    }
    eprintln!(
        "{} database programs, {} failed",
        results.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} database programs failed",
        failures.len()
    );
}
