use crate::common::{body, errors, ok};

/// The dump of the single arm pattern in `case x do PAT -> 0 end`.
fn arm(pat: &str) -> String {
    let d = ok(&format!("case x do {pat} -> 0 end"));
    d.strip_prefix("(case x (arm ")
        .and_then(|s| s.strip_suffix(" 0))"))
        .unwrap_or_else(|| panic!("unexpected shape: {d}"))
        .to_string()
}

#[test]
fn primary_patterns() {
    assert_eq!(arm("_"), "_");
    assert_eq!(arm("n"), "n");
    assert_eq!(arm("None"), "None");
    assert_eq!(arm("42"), "42");
    assert_eq!(arm("-1"), "-1");
    assert_eq!(arm("-2.5"), "-2.5");
    assert_eq!(arm("-9223372036854775808"), "-9223372036854775808");
    assert_eq!(arm("true"), "true");
    assert_eq!(arm("nil"), "unit");
    assert_eq!(arm("()"), "unit");
    assert_eq!(arm("\"gone\""), "\"gone\"");
    assert_eq!(arm("(a, _)"), "(tuple a _)");
    assert_eq!(arm("(a)"), "a");
    assert_eq!(arm("Some(x)"), "(ctor Some x)");
    assert_eq!(arm("Pair(a, (b, c))"), "(ctor Pair a (tuple b c))");
    assert_eq!(arm("Shape.Circle(r)"), "(ctor Shape.Circle r)");
    assert_eq!(arm("Color.Red"), "(ctor Color.Red)");
    assert_eq!(arm("Unit()"), "(ctor Unit ())");
}

#[test]
fn compound_patterns() {
    assert_eq!(arm("h :: t"), "(cons h t)");
    assert_eq!(arm("a :: b :: rest"), "(cons a (cons b rest))");
    assert_eq!(arm("x :: Int"), "(cons x Int)");
    assert_eq!(arm("1 | 2 | 3"), "(or 1 2 3)");
    assert_eq!(arm("Some(1) | None"), "(or (ctor Some 1) None)");
    assert_eq!(arm("Some(n) as whole"), "(as (ctor Some n) whole)");
    assert_eq!(arm("a | b :: t as all"), "(as (cons (or a b) t) all)");
    assert_eq!(
        arm("(h :: _, Ok(v) as r)"),
        "(tuple (cons h _) (as (ctor Ok v) r))"
    );
}

#[test]
fn not_patterns() {
    assert_eq!(
        errors("case xs do [] -> 0 end"),
        vec!["1:12: expected pattern, found `[`"]
    );
    assert_eq!(
        errors("case m do :inc -> 1 end"),
        vec!["1:11: expected pattern, found atom `:inc`"]
    );
    assert_eq!(
        errors("case m do %{} -> 1 end"),
        vec!["1:11: expected pattern, found `%`"]
    );
    assert_eq!(
        errors("case s do \"a${b}\" -> 1 end"),
        vec!["1:13: string interpolation not allowed in patterns"]
    );
}

#[test]
fn let_patterns() {
    assert_eq!(
        ok("let (q, r) = (7 / 2, 7 % 2)"),
        "(let (tuple q r) (tuple (/ 7 2) (% 7 2)))"
    );
    assert_eq!(ok("let _ = f()"), "(let _ (call f))");
    assert_eq!(
        ok("let label :: String = \"x\""),
        "(let label : String \"x\")"
    );
    assert_eq!(
        ok("let (a, (b, _)) :: (Int, (Int, Int)) = t"),
        "(let (tuple a (tuple b _)) : (Int, (Int, Int)) t)"
    );
    assert_eq!(
        errors("let Some(x) = y"),
        vec!["1:5: only a name or a tuple pattern can be bound with `let`; use `case` to match other patterns"]
    );
}

/// The dump of the annotation in `let x :: TYPE = 0`.
fn ty(t: &str) -> String {
    let d = ok(&format!("let x :: {t} = 0"));
    d.strip_prefix("(let x : ")
        .and_then(|s| s.strip_suffix(" 0)"))
        .unwrap_or_else(|| panic!("unexpected shape: {d}"))
        .to_string()
}

#[test]
fn types() {
    assert_eq!(ty("Int"), "Int");
    assert_eq!(ty("Types.User"), "Types.User");
    assert_eq!(ty("Map<String, List<Int>>"), "Map<String, List<Int>>");
    assert_eq!(ty("()"), "()");
    assert_eq!(ty("(Int, String)"), "(Int, String)");
    assert_eq!(ty("(Int)"), "Int");
    assert_eq!(ty("Fun(Int, String) -> Bool"), "Fun(Int, String) -> Bool");
    assert_eq!(ty("Fun() -> ()"), "Fun() -> ()");
    assert_eq!(ty("Int?"), "Option<Int>");
    assert_eq!(ty("Int!String"), "Result<Int, String>");
    assert_eq!(ty("A!B!C"), "Result<A, Result<B, C>>");
    assert_eq!(ty("List<Int>?"), "Option<List<Int>>");
    assert_eq!(ty("Map<K, V>!E"), "Result<Map<K, V>, E>");
    assert_eq!(ty("Pid<()>"), "Pid<()>");
    assert_eq!(
        ty("Fun(Int) -> Int!String"),
        "Fun(Int) -> Result<Int, String>"
    );
    // `>=` right after a generic list is split into `>` `=`.
    assert_eq!(ok("let x :: List<Int>= []"), "(let x : List<Int> (list))");
    assert_eq!(
        ok("let x :: Map<K, List<V>>= m"),
        "(let x : Map<K, List<V>> m)"
    );
    assert_eq!(
        errors("let x :: Int?!E = 0"),
        vec!["1:14: a type cannot use both `?` and `!`; write `Result<Option<T>, E>` explicitly"]
    );
}

#[test]
fn return_types_use_the_same_grammar() {
    assert_eq!(
        body("fn f() -> (Int, String!Int) = g()"),
        "(fn f () -> (Int, Result<String, Int>) (= (call g)))"
    );
}
