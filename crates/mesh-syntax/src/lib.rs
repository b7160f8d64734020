//! `mesh-syntax` owns the surface of the language: source files and spans, tokens,
//! the lexer, the syntax tree ([`ast`]) and the parser with error recovery, plus the
//! [`diagnostic`] type every later phase reports through.
//!
//! It must not know about types, name resolution, bytecode or the runtime: its output
//! is a tree that says what was *written*, never what it *means*.

pub mod ast;
pub mod diagnostic;
pub mod lexer;
pub mod span;
pub mod token;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use span::{FileId, Source, SourceMap, Span};

/// Splits a file into tokens (comments included as trivia) and lexical diagnostics.
pub fn lex(file: FileId, text: &str) -> (Vec<token::Token>, Vec<Diagnostic>) {
    lexer::lex(file, text)
}
