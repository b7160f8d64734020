//! Compiles the project's example programs (`tests/programs` at the repository root, or
//! the directory in `MESH_CORPUS`) through the real parser and checker, then checks every
//! generated function — the standard library's included — with the static verifier of
//! `common::verify` and the VM's load-time verifier. Programs the checker rejects are
//! skipped; a missing corpus skips the test.

mod common;

use mesh_check::{project, ModuleInput};
use mesh_syntax::{parse, ParseOptions, Source, SourceMap};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    match std::env::var("MESH_CORPUS") {
        Ok(d) => PathBuf::from(d),
        Err(_) => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs"),
    }
}

/// `(path relative to the project root, text)` of every `.mpl` file of a project.
fn project_files(root: &Path, rel: &Path, out: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().to_string();
        let child = rel.join(&name);
        if name.starts_with('.') {
            continue;
        }
        if e.path().is_dir() {
            project_files(root, &child, out);
        } else if name.ends_with(".mpl") {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                out.push((child, text));
            }
        }
    }
}

/// Parses and checks a project; `None` if it has errors.
fn check(files: Vec<(PathBuf, String)>) -> Option<(mesh_check::tir::Program, SourceMap)> {
    let mut sources = SourceMap::new();
    let mut modules = Vec::new();
    for (rel, text) in files {
        let name = project::module_name(&rel);
        let file = sources.add(Source::new(rel, text));
        let parsed = parse(file, &sources.get(file).text, ParseOptions::default());
        if parsed.diagnostics.iter().any(|d| d.is_error()) {
            return None;
        }
        modules.push(ModuleInput {
            name,
            file,
            ast: parsed.file,
            is_std: false,
        });
    }
    let (ordered, diags) = project::order_modules(modules);
    if diags.iter().any(|d| d.is_error()) {
        return None;
    }
    let out = mesh_check::check_project(&mut sources, ordered);
    if out.diagnostics.iter().any(|d| d.is_error()) {
        return None;
    }
    Some((out.program?, sources))
}

#[test]
fn corpus_programs_compile_to_valid_code() {
    let dir = corpus_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no corpus at {}; skipped", dir.display());
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    let (mut compiled, mut rejected) = (0, 0);
    for path in entries {
        let files = if path.is_dir() && path.join("main.mpl").is_file() {
            let mut files = Vec::new();
            project_files(&path, Path::new(""), &mut files);
            files
        } else if path.extension().is_some_and(|e| e == "mpl") {
            match std::fs::read_to_string(&path) {
                Ok(text) => vec![(PathBuf::from("main.mpl"), text)],
                Err(_) => continue,
            }
        } else {
            continue;
        };
        let Some((program, sources)) = check(files) else {
            rejected += 1;
            continue;
        };
        let img = mesh_compile::compile(&program, &sources);
        if let Err(e) = common::verify::image(&img) {
            panic!("{}: {e}", path.display());
        }
        let name = path.display().to_string();
        if let Err(e) = mesh_vm::Program::load(img) {
            panic!("{name}: the VM rejects the image: {e}");
        }
        compiled += 1;
    }
    eprintln!(
        "{compiled} corpus programs compiled and verified, {rejected} rejected by the checker"
    );
    assert!(compiled > 0 || rejected == 0);
}
