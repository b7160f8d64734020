use mesh_syntax::{ast_dump, parse, FileId, ParseOptions, Source};

/// Parses `src`, asserts there are no diagnostics, and returns the dump.
pub fn ok(src: &str) -> String {
    ok_with(src, ParseOptions::default())
}

/// Like [`ok`] in standard-library mode.
pub fn ok_std(src: &str) -> String {
    ok_with(src, ParseOptions { std_mode: true })
}

fn ok_with(src: &str, opts: ParseOptions) -> String {
    let parsed = parse(FileId(0), src, opts);
    let errs = render(src, &parsed.diagnostics);
    assert!(errs.is_empty(), "unexpected errors for {src:?}:\n{errs:#?}");
    ast_dump::dump(&parsed.file).trim_end().to_string()
}

/// Wraps `src` in `fn main() do … end` and returns the dump of the body's statements.
pub fn body(src: &str) -> String {
    let full = ok(&format!("fn main() do\n{src}\nend"));
    let inner = full
        .strip_prefix("(fn main () (block")
        .and_then(|s| s.strip_suffix("))"))
        .unwrap_or_else(|| panic!("unexpected shape: {full}"));
    inner.trim_start().to_string()
}

/// All diagnostics as `line:col: message`.
pub fn errors(src: &str) -> Vec<String> {
    let parsed = parse(FileId(0), src, ParseOptions::default());
    render(src, &parsed.diagnostics)
}

/// Diagnostics and the dump of the (recovered) tree.
pub fn errors_and_dump(src: &str) -> (Vec<String>, String) {
    let parsed = parse(FileId(0), src, ParseOptions::default());
    (
        render(src, &parsed.diagnostics),
        ast_dump::dump(&parsed.file).trim_end().to_string(),
    )
}

fn render(src: &str, diags: &[mesh_syntax::Diagnostic]) -> Vec<String> {
    let source = Source::new("t.mpl", src);
    diags
        .iter()
        .map(|d| {
            assert_eq!(d.code, "P0001");
            let (l, c) = source.line_col(d.primary.span.start);
            format!("{l}:{c}: {}", d.message)
        })
        .collect()
}
