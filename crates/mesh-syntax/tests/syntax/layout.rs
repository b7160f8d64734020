//! Newline significance (§2).
use crate::common::{body, errors, ok};

#[test]
fn newlines_inside_brackets_are_insignificant() {
    assert_eq!(
        ok("let total = (price\n  + tax)"),
        "(let total (+ price tax))"
    );
    assert_eq!(ok("f(\n  1,\n  2\n)"), "(call f 1 2)");
    assert_eq!(ok("[\n1,\n2,\n]"), "(list 1 2)");
    assert_eq!(ok("%{\n\"a\" =>\n 1\n}"), "(map (\"a\" 1))");
    // Q7: a literal at the start of a continuation line inside brackets is just a literal.
    assert_eq!(ok("(1 +\n2)"), "(+ 1 2)");
}

#[test]
fn do_blocks_inside_brackets_separate_statements_by_newlines() {
    // REC of §2.1: the block resets the bracket depth, so `foo` and `(1)` stay apart.
    assert_eq!(
        ok("List.map(rows, fn(row) do\n  foo\n  (1)\n  -2\nend)"),
        "(call (. List map) rows (closure (clause (row) (block foo 1 (neg 2)))))"
    );
    assert_eq!(
        ok("f(if c do\n  a\n  b\nelse\n  d\nend, case x do\n  1 -> 2\n  _ -> 3\nend)"),
        "(call f (if c (block a b) (block d)) (case x (arm 1 2) (arm _ 3)))"
    );
}

#[test]
fn pipe_continuation() {
    assert_eq!(
        body("let due = invoices\n  |> List.filter(fn(inv) do inv.overdue end)\n\n  # comment\n  |> List.map(fn(inv) do inv.id end)"),
        "(let due (|> (|> invoices (call (. List filter) (closure (clause (inv) (block (. inv overdue)))))) (call (. List map) (closure (clause (inv) (block (. inv id)))))))"
    );
    // Only `|>` continues a line.
    assert_eq!(
        errors("fn main() do\n  a\n  + b\nend"),
        vec!["3:3: expected expression, found `+`"]
    );
}

#[test]
fn operator_at_end_of_line_is_an_error() {
    assert_eq!(
        errors("let a = 1 +\n2"),
        vec!["1:12: expected expression, found newline"]
    );
    assert_eq!(
        errors("let a = x |>\n f"),
        vec!["1:13: expected expression, found newline"]
    );
}

#[test]
fn statements_need_separators_but_new_statement_keywords_start_one() {
    assert_eq!(body("a; b\nc"), "a b c");
    assert_eq!(body("let a = 1 let b = 2"), "(let a 1) (let b 2)");
    assert_eq!(
        errors("fn main() do\n  a b\nend"),
        vec!["2:5: expected newline or `;` after statement, found identifier `b`"]
    );
}

#[test]
fn do_must_be_on_the_header_line() {
    assert_eq!(
        errors("fn main() do\n  if x\n  do 1 end\nend"),
        vec!["2:7: expected `do` after the `if` condition, found newline"]
    );
}

#[test]
fn struct_literal_needs_the_brace_on_the_same_line() {
    assert_eq!(
        errors("fn main() do\n  x\n  {a: 1}\nend"),
        vec!["3:3: expected expression, found `{`"]
    );
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    assert_eq!(
        ok("fn main() do\r\n  let a = 1\r\n  a\rend\r\n"),
        "(fn main () (block (let a 1) a))"
    );
}
