//! The compilation pipeline as the CLI drives it: find the project's files, parse them,
//! order and check the modules, compile to an image — printing every diagnostic.

use mesh_check::{project, ModuleInput};
use mesh_syntax::{parse, Diagnostic, ParseOptions, Source, SourceMap};
use mesh_vm::Image;
use std::path::{Path, PathBuf};

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Report {
    /// One JSON object per line instead of the human format.
    pub json: bool,
}

/// One source file of a project.
pub struct ProjectFile {
    /// Path relative to the project root (decides the module name).
    pub rel: PathBuf,
    /// Path shown in messages.
    pub shown: PathBuf,
    pub text: String,
}

/// Finds the files of the project at `path`: a directory with `main.mpl` (every `.mpl`
/// below it, skipping names that start with `.`), or a single `.mpl` file.
pub fn project_files(path: &Path) -> Result<Vec<ProjectFile>, String> {
    if !path.exists() {
        return Err(format!(
            "Project directory '{}' does not exist",
            path.display()
        ));
    }
    if path.is_file() {
        let text = read(path)?;
        return Ok(vec![ProjectFile {
            rel: PathBuf::from("main.mpl"),
            shown: path.to_path_buf(),
            text,
        }]);
    }
    if !path.join("main.mpl").is_file() {
        return Err(format!(
            "No 'main.mpl' found in '{}'. Mesh projects must have a main.mpl entry point.",
            path.display()
        ));
    }
    let mut rels = Vec::new();
    collect(path, Path::new(""), &mut rels)?;
    rels.sort();
    rels.into_iter()
        .map(|rel| {
            let shown = path.join(&rel);
            let text = read(&shown)?;
            Ok(ProjectFile { rel, shown, text })
        })
        .collect()
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let dir = root.join(rel);
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let child = rel.join(name.as_ref());
        let ft = match entry.file_type() {
            Ok(t) => t,
            Err(_) => continue,
        };
        if ft.is_dir() {
            collect(root, &child, out)?;
        } else if name.ends_with(".mpl") {
            out.push(child);
        }
    }
    Ok(())
}

/// Parses, checks and compiles the project at `path`. Prints diagnostics; returns the
/// image, or `None` if there were errors.
pub fn compile(path: &Path, report: Report) -> Option<Image> {
    compile_keeping(path, report, |_| false)
}

/// Like [`compile`], also keeping in the image every function whose qualified name
/// `keep` accepts (and what they call), even if `main` never reaches it.
pub fn compile_keeping(path: &Path, report: Report, keep: impl Fn(&str) -> bool) -> Option<Image> {
    let files = match project_files(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    let mut sources = SourceMap::new();
    let mut modules = Vec::new();
    let mut diags: Vec<Diagnostic> = Vec::new();
    for f in files {
        let name = project::module_name(&f.rel);
        let file = sources.add(Source::new(f.shown, f.text));
        let parsed = parse(file, &sources.get(file).text, ParseOptions::default());
        diags.extend(parsed.diagnostics);
        modules.push(ModuleInput {
            name,
            file,
            ast: parsed.file,
            is_std: false,
        });
    }
    if diags.iter().any(|d| d.is_error()) {
        print_diagnostics(&diags, &sources, report);
        return None;
    }
    let (ordered, order_diags) = project::order_modules(modules);
    diags.extend(order_diags);
    let out = mesh_check::check_project(&mut sources, ordered);
    diags.extend(out.diagnostics);
    print_diagnostics(&diags, &sources, report);
    if diags.iter().any(|d| d.is_error()) {
        return None;
    }
    let program = out.program?;
    let roots: Vec<mesh_check::tir::FnId> = program
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| keep(&f.name))
        .map(|(i, _)| mesh_check::tir::FnId(i as u32))
        .collect();
    Some(mesh_compile::compile_with_roots(&program, &sources, &roots))
}

/// Prints diagnostics (errors and warnings) and a summary line to stderr.
pub fn print_diagnostics(diags: &[Diagnostic], sources: &SourceMap, report: Report) {
    use std::io::Write;
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diags {
        let text = if report.json {
            format!("{}\n", d.render_json(sources))
        } else {
            format!("{}\n", d.render(sources))
        };
        let _ = err.write_all(text.as_bytes());
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if errors > 0 && !report.json {
        let s = if errors == 1 { "" } else { "s" };
        let _ = writeln!(err, "error: could not compile: {errors} error{s} found");
    }
}
