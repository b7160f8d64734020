//! Parser tests through the public API, using the AST dump.

mod common;
mod exprs;
mod fuzz;
mod items;
mod layout;
mod patterns_types;
mod probes;
mod recovery;
