//! End-to-end tests of the standard library: every `tests/std/NAME.mpl` is parsed,
//! checked (with the real `std/` sources), compiled and run on the runtime with both output
//! streams captured into one buffer, which must equal `tests/std/NAME.out` exactly. The exit
//! code must be 0, or 1 when the file's first line is `# exit: 1`.
//!
//! These cover the functions written in Mesh (`List.map`, `List.sort`, `Iter.*`, the
//! collectors, `Range`, `Tuple`, `Math.min/max`, `compare`, …) and the natives as programs
//! see them.
//!
//! `MESH_BLESS=1 cargo test -p mesh-rt --test std_programs` rewrites the `.out` files from
//! the actual output — only for reviewing changes by hand, never to accept them blindly.

use mesh_rt::output::Output;
use mesh_rt::Shared;
use mesh_syntax::{parse, ParseOptions, Source, SourceMap};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/std")
}

/// Compiles and runs one program; returns (exit code, combined output) or a build error.
fn run(name: &str, text: &str) -> Result<(i32, String), String> {
    let mut sources = SourceMap::new();
    let file = sources.add(Source::new(format!("{name}.mpl"), text));
    let parsed = parse(file, text, ParseOptions::default());
    if !parsed.diagnostics.is_empty() {
        let all: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| d.render(&sources))
            .collect();
        return Err(all.join("\n"));
    }
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
        return Err(all.join("\n"));
    };
    let image = mesh_compile::compile(&program, &sources);
    let program = mesh_vm::Program::load(image)?;
    let (out, both) = Output::memory_combined();
    let shared = Shared::new(program, vec!["one".into(), "two".into()], out)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let code = rt.block_on(mesh_rt::runner::run_main(shared));
    let text =
        String::from_utf8_lossy(&both.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    Ok((code, text))
}

#[test]
fn std_programs() {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".mpl"))
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(!names.is_empty(), "no programs in {}", corpus().display());
    let mut failures = Vec::new();
    for name in &names {
        let text =
            std::fs::read_to_string(corpus().join(format!("{name}.mpl"))).unwrap_or_default();
        let want_code = if text.starts_with("# exit: 1") { 1 } else { 0 };
        let want =
            std::fs::read_to_string(corpus().join(format!("{name}.out"))).unwrap_or_default();
        match run(name, &text) {
            Err(e) => failures.push(format!("{name}: does not build:\n{e}")),
            Ok((code, out)) => {
                if std::env::var_os("MESH_BLESS").is_some() {
                    let _ = std::fs::write(corpus().join(format!("{name}.out")), &out);
                } else if code != want_code || out != want {
                    failures.push(format!(
                        "{name}: exit {code} (want {want_code})\n--- got ---\n{out}--- want ---\n{want}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
