//! Prints the AST dump and diagnostics of a file: `cargo run --example dump -- FILE [--std]`.
use mesh_syntax::{ast_dump, parse, FileId, ParseOptions, Source, SourceMap};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: dump FILE [--std]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let opts = ParseOptions {
        std_mode: args.iter().any(|a| a == "--std"),
    };
    let parsed = parse(FileId(0), &text, opts);
    print!("{}", ast_dump::dump(&parsed.file));
    let mut map = SourceMap::new();
    map.add(Source::new(path.as_str(), text.as_str()));
    for d in &parsed.diagnostics {
        eprint!("{}", d.render(&map));
    }
}
