//! Focused tests of the checker's intricate parts: inference of unannotated and mutually
//! recursive functions, let-polymorphism, exhaustiveness and redundancy, imports.
//! Each test checks a small program and looks at the diagnostics (code and line).

use mesh_check::{check_project, project, ModuleInput};
use mesh_syntax::{parse, ParseOptions, Source, SourceMap};

/// Checks the given modules (`(path, source)`; `main.mpl` is the entry) and returns the
/// diagnostics as `(code, line)`, warnings included.
fn check(files: &[(&str, &str)]) -> Vec<(String, usize)> {
    let mut sources = SourceMap::new();
    let mut modules = Vec::new();
    for (path, text) in files {
        let file = sources.add(Source::new(*path, *text));
        let parsed = parse(file, text, ParseOptions::default());
        assert!(
            parsed.diagnostics.is_empty(),
            "parse errors in {path}: {:?}",
            parsed.diagnostics
        );
        modules.push(ModuleInput {
            name: project::module_name(std::path::Path::new(path)),
            file,
            ast: parsed.file,
            is_std: false,
        });
    }
    let (ordered, mut diags) = project::order_modules(modules);
    let out = check_project(&mut sources, ordered);
    diags.extend(out.diagnostics);
    diags
        .iter()
        .map(|d| {
            let src = sources.get(d.primary.span.file);
            (d.code.clone(), src.line_col(d.primary.span.start).0)
        })
        .collect()
}

fn main_only(src: &str) -> Vec<(String, usize)> {
    check(&[("main.mpl", src)])
}

fn codes(d: &[(String, usize)]) -> Vec<&str> {
    d.iter().map(|(c, _)| c.as_str()).collect()
}

#[test]
fn unannotated_parameters_are_inferred_from_their_uses() {
    let d = main_only(
        "fn join_all(items, sep) = String.join(items, sep)\n\
         fn main() do\n  println(join_all([\"a\"], \",\"))\n  println(join_all([1], \",\"))\nend\n",
    );
    // The second call passes a List<Int> where List<String> was inferred.
    assert_eq!(d, vec![("E0001".to_string(), 4)]);
}

#[test]
fn forward_references_and_mutual_recursion_check() {
    let d = main_only(
        "fn main() do\n  println(\"${even(10)} ${odd(7)}\")\nend\n\
         fn even(n) = if n == 0 do true else odd(n - 1) end\n\
         fn odd(n) = if n == 0 do false else even(n - 1) end\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn let_bound_closures_are_polymorphic_but_parameters_are_not() {
    assert!(main_only(
        "fn main() do\n  let id = fn v -> v end\n  let a = id(1)\n  let b = id(\"s\")\n  println(\"${a} ${b}\")\nend\n"
    )
    .is_empty());
    let d = main_only(
        "fn both(f) do\n  let a = f(1)\n  let b = f(\"s\")\n  a\nend\nfn main() do\n  println(\"x\")\nend\n",
    );
    assert_eq!(codes(&d), vec!["E0001"]);
}

#[test]
fn arithmetic_on_unknown_types_defaults_to_int() {
    let d = main_only(
        "fn add(a, b) = a + b\nfn main() do\n  println(\"${add(1, 2)}\")\n  println(\"${add(1.0, 2.0)}\")\nend\n",
    );
    // Both Float arguments are rejected: `add` was inferred as (Int, Int) -> Int.
    assert_eq!(d, vec![("E0001".to_string(), 4), ("E0001".to_string(), 4)]);
}

#[test]
fn exhaustiveness_of_options_tuples_and_bools() {
    // Missing None.
    let d = main_only(
        "fn f(o :: Option<Int>) -> Int do\n  case o do\n    Some(n) -> n\n  end\nend\nfn main() do\n  println(\"${f(None)}\")\nend\n",
    );
    assert_eq!(d, vec![("E0012".to_string(), 2)]);
    // All four combinations of two Bools are covered: exhaustive.
    let d = main_only(
        "fn f(a :: Bool, b :: Bool) -> Int do\n  case (a, b) do\n    (true, true) -> 1\n    (true, false) -> 2\n    (false, _) -> 3\n  end\nend\nfn main() do\n  println(\"${f(true, false)}\")\nend\n",
    );
    assert!(d.is_empty(), "{d:?}");
    // (false, false) is missing.
    let d = main_only(
        "fn f(a :: Bool, b :: Bool) -> Int do\n  case (a, b) do\n    (true, _) -> 1\n    (false, true) -> 2\n  end\nend\nfn main() do\n  println(\"${f(true, false)}\")\nend\n",
    );
    assert_eq!(d, vec![("E0012".to_string(), 2)]);
}

#[test]
fn list_matches_need_a_catch_all_and_guards_do_not_count() {
    let d = main_only(
        "fn f(xs :: List<Int>) -> Int do\n  case xs do\n    h :: _ -> h\n  end\nend\nfn main() do\n  println(\"${f([1])}\")\nend\n",
    );
    assert_eq!(codes(&d), vec!["E0012"]);
    let d = main_only(
        "fn f(o :: Option<Int>) -> Int do\n  case o do\n    Some(n) when n > 0 -> n\n    None -> 0\n  end\nend\nfn main() do\n  println(\"${f(None)}\")\nend\n",
    );
    assert_eq!(codes(&d), vec!["E0012"]);
}

#[test]
fn redundant_arms_are_warnings_at_the_arm() {
    let d = main_only(
        "fn f(o :: Option<Int>) -> Int do\n  case o do\n    _ -> 0\n    Some(n) -> n\n  end\nend\nfn main() do\n  println(\"${f(None)}\")\nend\n",
    );
    assert_eq!(d, vec![("W0001".to_string(), 4)]);
}

#[test]
fn multi_clause_functions_group_and_warn() {
    // Non-exhaustive clauses are a warning (E0012 as a warning), not an error.
    let d = main_only("fn f(0) = 1\nfn f(1) = 2\nfn main() do\n  println(\"${f(0)}\")\nend\n");
    assert_eq!(codes(&d), vec!["E0012"]);
    // A catch-all before other clauses is an error.
    let d = main_only("fn f(n) = 1\nfn f(1) = 2\nfn main() do\n  println(\"${f(0)}\")\nend\n");
    assert!(codes(&d).contains(&"E0022"), "{d:?}");
}

#[test]
fn imports_check_visibility_and_existence() {
    let lib = ("lib/util.mpl", "pub fn shown() = 1\nfn hidden() = 2\n");
    let d = check(&[lib, ("main.mpl", "from Lib.Util import shown, hidden, nothing\nfn main() do\n  println(\"${shown()}\")\nend\n")]);
    assert_eq!(codes(&d), vec!["E0035", "E0034"]);
    let d = check(&[(
        "main.mpl",
        "import Nope.Missing\nfn main() do\n  println(\"x\")\nend\n",
    )]);
    assert_eq!(codes(&d), vec!["E0031"]);
}

#[test]
fn import_cycles_are_reported() {
    let d = check(&[
        ("a.mpl", "from B import g\npub fn f() = g()\n"),
        ("b.mpl", "from A import f\npub fn g() = 1\n"),
        ("main.mpl", "fn main() do\n  println(\"x\")\nend\n"),
    ]);
    assert_eq!(codes(&d), vec!["E0045"]);
}

#[test]
fn trait_bounds_are_checked_at_call_sites() {
    let d = main_only(
        "struct P do\n  x :: Int\nend deriving()\n\
         fn show<T>(v :: T) -> String where T: Display do\n  \"${v}\"\nend\n\
         fn main() do\n  println(show(1))\n  println(show(P { x: 1 }))\nend\n",
    );
    assert_eq!(d, vec![("E0006".to_string(), 9)]);
}

#[test]
fn services_type_their_clients() {
    let d = main_only(
        "service Counter do\n  fn init(n :: Int) -> Int do\n    n\n  end\n\
         call Get() :: Int do |s|\n    (s, s)\n  end\n  cast Add(k :: Int) do |s|\n    s + k\n  end\nend\n\
         fn main() do\n  let p = Counter.start(1)\n  Counter.add(p, 2)\n  let n :: String = Counter.get(p)\n  println(n)\nend\n",
    );
    assert_eq!(d, vec![("E0001".to_string(), 15)]);
}
