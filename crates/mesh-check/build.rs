//! Embeds every `std/*.mpl` file of the repository into the checker, so the toolchain
//! carries its standard library with it (no files are needed at run time).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let std_dir = Path::new(&manifest).join("../../std");
    println!("cargo:rerun-if-changed={}", std_dir.display());
    let mut files: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&std_dir) {
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().and_then(|x| x.to_str()) == Some("mpl") {
                println!("cargo:rerun-if-changed={}", path.display());
                if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                    files.push(stem.to_string());
                }
            }
        }
    }
    files.sort();
    let mut out = String::from("/// Embedded standard-library sources: (file stem, text).\npub static STD_SOURCES: &[(&str, &str)] = &[\n");
    for stem in &files {
        let p = std_dir.join(format!("{stem}.mpl"));
        let _ = writeln!(
            out,
            "    ({stem:?}, include_str!({:?})),",
            p.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out_dir).join("std_sources.rs"), out) {
        println!("cargo:warning=cannot write std_sources.rs: {e}");
    }
}
