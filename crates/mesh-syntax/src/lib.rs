//! `mesh-syntax` owns the surface of the language: source files and spans, tokens,
//! the lexer, the syntax tree ([`ast`]) and the parser with error recovery, plus the
//! [`diagnostic`] type every later phase reports through.
//!
//! It must not know about types, name resolution, bytecode or the runtime: its output
//! is a tree that says what was *written*, never what it *means*.
//!
//! Entry points: [`parse`] (lexer + parser with error recovery; all syntax errors carry
//! code `P0001`), [`lex`] (tokens including comment trivia, for tooling) and
//! [`ast_dump::dump`] (a deterministic S-expression rendering used by tests and by
//! `meshc`). `cargo run -p mesh-syntax --example dump -- FILE [--std]` prints the tree
//! and diagnostics of a file.

pub mod ast;
pub mod ast_dump;
pub mod diagnostic;
pub mod lexer;
mod parser;
pub mod span;
pub mod token;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use span::{FileId, Source, SourceMap, Span};

/// Splits a file into tokens (comments included as trivia) and lexical diagnostics.
pub fn lex(file: FileId, text: &str) -> (Vec<token::Token>, Vec<Diagnostic>) {
    lexer::lex(file, text)
}

/// Options that change what the parser accepts.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseOptions {
    /// Standard-library sources: `extern fn` and `extern type` declarations are allowed.
    pub std_mode: bool,
}

/// The result of parsing one file: the tree (with error nodes where recovery happened)
/// and every lexical and syntax diagnostic, in source order.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The syntax tree; statements that could not be parsed are left out.
    pub file: ast::SourceFile,
    /// Lexical and syntax errors (code `P0001`), sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True if any diagnostic is an error (the file must not be type-checked).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Lexes and parses one file. Never panics; always returns a tree.
pub fn parse(file: FileId, text: &str, opts: ParseOptions) -> Parsed {
    let (tokens, mut diagnostics) = lexer::lex(file, text);
    // An unterminated string or block comment swallows the rest of the file; every
    // "found end of file" the parser would then report is a consequence of it.
    let eof_is_artificial = diagnostics
        .iter()
        .any(|d| d.message.starts_with("unterminated"));
    let (tree, parse_diags) = parser::parse_tokens(file, text, tokens, opts, eof_is_artificial);
    diagnostics.extend(parse_diags);
    // Stable sort: lexical and syntax errors interleave by position.
    diagnostics.sort_by_key(|d| d.primary.span.start);
    Parsed {
        file: tree,
        diagnostics,
    }
}
