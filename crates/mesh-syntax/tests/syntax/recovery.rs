//! Error recovery: several independent errors per file, correct positions, no cascades.
use crate::common::{errors, errors_and_dump};
use mesh_syntax::{parse, FileId, ParseOptions, Source};

#[test]
fn independent_errors_in_one_file_are_all_reported() {
    let src = "\
fn a() do
  let x = 1 +
  x
end

fn b() do
  foo(1, , 2)
end

fn c() do
  case y do
    [] -> 1
    _ -> 2
  end
end

fn d() do
  let = 5
  ok()
end
";
    let (errs, dump) = errors_and_dump(src);
    assert_eq!(
        errs,
        vec![
            "2:14: expected expression, found newline",
            "7:10: expected expression, found `,`",
            "12:5: expected pattern, found `[`",
            "18:7: expected a name or a tuple pattern after `let`, found `=`",
        ]
    );
    // Every function survived, with its healthy statements.
    assert_eq!(
        dump,
        "(fn a () (block x))\n(fn b () (block (call foo 1 2)))\n(fn c () (block (case y (arm _ 2))))\n(fn d () (block (call ok)))"
    );
}

#[test]
fn unclosed_block_at_end_of_file_reports_once_with_the_opener() {
    let src = "fn main() do\n  if x do\n    1\n";
    let parsed = parse(FileId(0), src, ParseOptions::default());
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(
        d.message,
        "expected `end` to close `if` block, found end of file"
    );
    let source = Source::new("t.mpl", src);
    assert_eq!(source.line_col(d.primary.span.start), (4, 1));
    assert_eq!(d.secondary.len(), 1);
    assert_eq!(d.secondary[0].message, "`do` block started here");
    assert_eq!(source.line_col(d.secondary[0].span.start), (2, 8));
}

#[test]
fn unclosed_case_names_the_construct() {
    assert_eq!(
        errors("fn main() do\n  case x do\n    1 -> 2\n"),
        vec!["4:1: expected `end` to close `case` block, found end of file"]
    );
}

#[test]
fn missing_paren_does_not_swallow_the_next_statement() {
    let src = "fn main() do\n  foo(1, 2\n  let y = 3\n  bar(y)\nend\n";
    let parsed = parse(FileId(0), src, ParseOptions::default());
    let source = Source::new("t.mpl", src);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "expected `,` or `)`, found `let`");
    assert_eq!(source.line_col(d.primary.span.start), (3, 3));
    assert_eq!(d.secondary[0].message, "`(` opened here");
    assert_eq!(source.line_col(d.secondary[0].span.start), (2, 6));
    assert_eq!(
        mesh_syntax::ast_dump::dump(&parsed.file).trim_end(),
        "(fn main () (block (let y 3) (call bar y)))"
    );
}

#[test]
fn missing_bracket_in_a_list() {
    assert_eq!(
        errors("let xs = [1, 2\nlet y = 3\nlet z = ]"),
        vec![
            "2:1: expected `,` or `]`, found `let`",
            "3:9: expected expression, found `]`",
        ]
    );
}

#[test]
fn stray_end_is_reported_and_parsing_continues() {
    let (errs, dump) = errors_and_dump("fn a() do\n  1\nend\nend\nfn b() do 2 end\n");
    assert_eq!(
        errs,
        vec!["4:1: unexpected `end`: there is no open block to close"]
    );
    assert_eq!(dump, "(fn a () (block 1))\n(fn b () (block 2))");
}

#[test]
fn closure_missing_end_inside_a_call() {
    let (errs, dump) =
        errors_and_dump("fn main() do\n  List.map(xs, fn(x) do x )\n  next()\nend\n");
    assert_eq!(
        errs,
        vec!["2:27: expected `end` to close closure, found `)`"]
    );
    assert_eq!(
        dump,
        "(fn main () (block (call (. List map) xs (closure (clause (x) (block x)))) (call next)))"
    );
}

#[test]
fn semicolons_between_case_arms() {
    let (errs, dump) = errors_and_dump("case x do 1 -> a; 2 -> b end");
    assert_eq!(
        errs,
        vec!["1:17: expected a newline between `case` arms, found `;`"]
    );
    assert_eq!(dump, "(case x (arm 1 a) (arm 2 b))");
}

#[test]
fn lexical_and_syntax_errors_interleave_in_source_order() {
    assert_eq!(
        errors("let a = @\nlet b = 1 +\nlet c = \"open"),
        vec![
            "1:9: unexpected character `@`",
            "2:12: expected expression, found newline",
            "3:9: unterminated string literal",
        ]
    );
}

#[test]
fn errors_inside_interpolation_stay_inside() {
    let (errs, dump) = errors_and_dump("let s = \"a ${1 +} b ${x y} c\"\nlet t = 2");
    assert_eq!(
        errs,
        vec![
            "1:17: expected expression, found `}`",
            "1:25: expected `}` to close the interpolation, found identifier `y`",
        ]
    );
    assert_eq!(
        dump,
        "(let s (str \"a \" (interp <error>) \" b \" (interp x) \" c\"))\n(let t 2)"
    );
}

#[test]
fn assignment_gets_a_helpful_message() {
    let parsed = parse(
        FileId(0),
        "fn main() do\n  x = 1\nend",
        ParseOptions::default(),
    );
    assert_eq!(parsed.diagnostics.len(), 1);
    let d = &parsed.diagnostics[0];
    assert_eq!(
        d.message,
        "expected newline or `;` after statement, found `=`"
    );
    assert_eq!(
        d.help,
        vec!["there is no assignment in Mesh; use `let name = value` to bind a new value"]
    );
}

#[test]
fn glued_atom_gets_a_hint() {
    let parsed = parse(FileId(0), "Point { x:y }", ParseOptions::default());
    assert_eq!(parsed.diagnostics.len(), 1);
    let d = &parsed.diagnostics[0];
    assert_eq!(
        d.message,
        "expected `:` after the field name, found atom `:y`"
    );
    assert_eq!(
        d.help,
        vec!["`name:y` reads `:y` as an atom; write `name: y` with a space"]
    );
}

#[test]
fn broken_items_do_not_hide_later_items() {
    let src = "\
struct P do
  x :: 
  y :: Int
end

type T do
  A(Int,
end

service S do
  call Get() :: Int do |s|
    (s, )
  end
  bogus
end

fn ok() do 1 end
";
    let (errs, dump) = errors_and_dump(src);
    assert_eq!(
        errs,
        vec![
            "2:8: expected type, found newline",
            "8:1: expected `)`, found `end`",
            "14:3: expected `fn`, `call` or `cast` in service body, found identifier `bogus`",
        ]
    );
    assert!(dump.ends_with("(fn ok () (block 1))"), "{dump}");
    assert!(dump.starts_with("(struct P (field y Int))"), "{dump}");
}

#[test]
fn reserved_words_are_errors_with_advice() {
    let parsed = parse(FileId(0), "trait Show do end", ParseOptions::default());
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "expected expression, found `trait`");
    assert_eq!(
        d.help,
        vec!["`trait` is reserved; declare traits with `interface`"]
    );
    assert_eq!(
        errors("let with = 1"),
        vec!["1:5: expected a name or a tuple pattern after `let`, found `with`"]
    );
}

#[test]
fn positional_after_keyword_argument() {
    assert_eq!(
        errors("f(a: 1, 2)"),
        vec!["1:9: expected a keyword argument (`name: value`): positional arguments must come before keyword arguments"]
    );
}

#[test]
fn integer_overflow_is_a_diagnostic() {
    assert_eq!(
        errors("let a = 9223372036854775808\nlet b = 99999999999999999999"),
        vec![
            "1:9: integer literal does not fit in a 64-bit signed integer",
            "2:9: integer literal `99999999999999999999` does not fit in a 64-bit signed integer",
        ]
    );
}

#[test]
fn missing_end_before_the_next_top_level_definition() {
    let src = "\
fn a() do
  if x do
    1
  end

pub fn b() do
  2
end

struct P do
  x :: Int

service S do
  call Get() do |s|
    (s, 1)
  end
end
";
    let (errs, dump) = errors_and_dump(src);
    assert_eq!(
        errs,
        vec![
            "6:1: expected `end` to close function body, found `pub`",
            "13:1: expected `end` to close `struct` body, found `service`",
        ]
    );
    assert_eq!(
        dump,
        "(fn a () (block (if x (block 1))))\n(fn pub b () (block 2))\n(struct P (field x Int))\n(service S (call Get () |s| (block (tuple s 1))))"
    );
}

#[test]
fn terminate_outside_an_actor() {
    assert_eq!(
        errors("fn main() do\n  terminate do\n    1\n  end\n  2\nend"),
        vec!["2:3: `terminate` is only allowed directly inside an `actor` body"]
    );
}

#[test]
fn missing_do_is_assumed_when_the_header_line_ends() {
    let (errs, dump) = errors_and_dump("fn f(x)\n  x\nend\nfn g() do\n  if x\n    1\n  end\nend");
    assert_eq!(
        errs,
        vec![
            "1:8: expected `=` or `do` for the function body, found newline",
            "5:7: expected `do` after the `if` condition, found newline",
        ]
    );
    assert_eq!(
        dump,
        "(fn f (x) (block x))\n(fn g () (block (if x (block 1))))"
    );
}

#[test]
fn unterminated_string_does_not_cascade_at_end_of_file() {
    assert_eq!(
        errors("fn main() do\n  let s = \"abc\n  foo()\nend\n"),
        vec!["2:11: unterminated string literal"]
    );
    assert_eq!(
        errors("fn main() do\n  #= never closed\nend\n"),
        vec!["2:3: unterminated block comment `#=`"]
    );
}

#[test]
fn hints_for_struct_commas_and_field_shorthand() {
    let parsed = parse(
        FileId(0),
        "struct P do\n  x :: Int,\n  y :: Int\nend",
        ParseOptions::default(),
    );
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(
        parsed.diagnostics[0].help,
        vec!["struct fields are separated by newlines, not commas"]
    );
    let parsed = parse(FileId(0), "Point { x: 1, y }", ParseOptions::default());
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(
        parsed.diagnostics[0].help,
        vec!["there is no field shorthand; write `y: y`"]
    );
}

#[test]
fn missing_paren_keeps_the_sibling_statement() {
    let (errs, dump) =
        errors_and_dump("fn a() do\n  foo(bar(1, 2)\n  baz()\n  let l = [1 2 3]\nend\n");
    assert_eq!(
        errs,
        vec![
            "3:3: expected `,` or `)`, found identifier `baz`",
            "4:14: expected `,` or `]`, found number `2`",
        ]
    );
    assert_eq!(dump, "(fn a () (block (call baz) (let l (list 1))))");
    // Valid lists may be laid out freely, even unindented.
    assert_eq!(
        crate::common::ok("let xs = [\n1,\n2\n]\nlet p = Point {\nx: 1\n}"),
        "(let xs (list 1 2))\n(let p (struct-lit Point (x 1)))"
    );
}

#[test]
fn junk_where_do_belongs() {
    let (errs, dump) = errors_and_dump(
        "fn c(x) do\n  if x then\n    1\n  end\n  while y loop do\n    2\n  end\nend\nfn b() {\n  return 1\n}\nfn d() do ok() end\n",
    );
    assert_eq!(
        errs,
        vec![
            "2:8: expected `do` after the `if` condition, found identifier `then`",
            "5:11: expected `do` after the `while` condition, found identifier `loop`",
            "9:8: expected `=` or `do` for the function body, found `{`",
        ]
    );
    assert_eq!(
        dump,
        "(fn c (x) (block (if x (block 1)) (while y (block 2))))\n(fn d () (block (call ok)))"
    );
}

#[test]
fn after_must_be_the_last_receive_clause() {
    assert_eq!(
        errors("receive do\n  a -> 1\nafter 5 -> 2\n  b -> 3\nend"),
        vec![
            "4:3: expected `end` after the `after` clause: it must be the last clause of `receive`"
        ]
    );
    let parsed = parse(FileId(0), "let x = 1", ParseOptions::default());
    assert!(!parsed.has_errors());
    let parsed = parse(FileId(0), "let x = ", ParseOptions::default());
    assert!(parsed.has_errors());
}
