//! The standard library's Mesh sources (`std/*.mpl`, embedded at build time) and how they
//! are named and parsed.
//!
//! Each file is one module. Its name comes from [`module_name`]: most are the PascalCase
//! file stem (`list.mpl` → `List`), a few are acronyms (`io.mpl` → `IO`). `Json` is also
//! reachable as `JSON`. Std files are parsed in std mode, which allows `extern fn` and
//! `extern type` declarations (implemented by the runtime).

use crate::ModuleInput;
use mesh_syntax::{parse, Diagnostic, ParseOptions, Source, SourceMap};

include!(concat!(env!("OUT_DIR"), "/std_sources.rs"));

/// The module name of a std file stem.
pub fn module_name(stem: &str) -> String {
    match stem {
        "io" => "IO".to_string(),
        "http" => "HTTP".to_string(),
        other => crate::project::pascal_case(other),
    }
}

/// Names of all standard-library modules (as programs write them).
pub fn module_names() -> Vec<String> {
    let mut names: Vec<String> = STD_SOURCES.iter().map(|(s, _)| module_name(s)).collect();
    names.push("JSON".into());
    names
}

/// Parses every std module, adding its source to `sources`.
pub fn load(sources: &mut SourceMap) -> Vec<(ModuleInput, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    for (stem, text) in STD_SOURCES {
        let file = sources.add(Source::new(format!("<std>/{stem}.mpl"), *text));
        let parsed = parse(file, text, ParseOptions { std_mode: true });
        out.push((
            ModuleInput {
                name: module_name(stem),
                file,
                ast: parsed.file,
                is_std: true,
            },
            parsed.diagnostics,
        ));
    }
    out
}
