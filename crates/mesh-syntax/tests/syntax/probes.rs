//! Conformance probes of §16 (syntax side).
use crate::common::{body, errors, ok};

#[test]
fn p1_to_p4_precedence() {
    assert_eq!(body("let c = not a == b"), "(let c (== (not a) b))");
    assert_eq!(body("let d = -2 * 3"), "(let d (* (neg 2) 3))");
    assert_eq!(
        body("let e = \"x\" <> \"y\" == \"xy\""),
        "(let e (== (<> \"x\" \"y\") \"xy\"))"
    );
    assert_eq!(
        body("let f = 1 + 2 |> fn(x) -> x * 10 end"),
        "(let f (|> (+ 1 2) (closure (clause (x) (block (* x 10))))))"
    );
}

#[test]
fn p5_operator_at_end_of_line() {
    assert_eq!(
        errors("fn main() do\n  let a = 1 +\n  2\nend"),
        vec!["2:14: expected expression, found newline"]
    );
}

#[test]
fn p6_pipe_continuation() {
    assert_eq!(
        body("let ys = xs\n  |> map(fn x -> x * 2 end)"),
        "(let ys (|> xs (call map (closure (clause (x) (block (* x 2)))))))"
    );
}

#[test]
fn p15_to_p20() {
    assert_eq!(
        body("let z = if a > 0 do 5 end"),
        "(let z (if (> a 0) (block 5)))"
    );
    assert_eq!(
        body("let cl = fn -> 42 end"),
        "(let cl (closure (clause () (block 42))))"
    );
    assert_eq!(
        body("let at = :hello ; let n = nil ; let u = ()"),
        "(let at :hello) (let n nil) (let u (tuple))"
    );
    assert_eq!(
        body("let tr = [1, 2, 3] |> List.length()\nlet m = \"abc\".length()"),
        "(let tr (|> (list 1 2 3) (call (. List length)))) (let m (call (. \"abc\" length)))"
    );
    assert_eq!(body("let q = %{p | x: 10}"), "(let q (update p (x 10)))");
    assert_eq!(
        body("let (a, b) = (1, \"s\")"),
        "(let (tuple a b) (tuple 1 \"s\"))"
    );
}

#[test]
fn p21_keyword_arguments() {
    assert_eq!(
        ok("fn opts(m :: Map<String, Int>) = Map.size(m)\nfn main() do\n  let o = opts(a: 1, b: 2)\nend"),
        "(fn opts ((m : Map<String, Int>)) (= (call (. Map size) m)))\n(fn main () (block (let o (call opts (kw a 1) (kw b 2)))))"
    );
}

#[test]
fn p22_p23_for() {
    assert_eq!(
        body("for i in 0..10 when i % 2 == 0 do i * 10 end"),
        "(for i (.. 0 10) (when (== (% i 2) 0)) (block (* i 10)))"
    );
    assert_eq!(
        body("for {k, v} in %{1 => \"a\"} do v end"),
        "(for {k v} (map (1 \"a\")) (block v))"
    );
}

#[test]
fn p32_p33_not_patterns() {
    assert_eq!(
        errors("fn main() do\n  case xs do [] -> 0 end\nend"),
        vec!["2:14: expected pattern, found `[`"]
    );
    assert_eq!(
        errors("fn main() do\n  case m do :inc -> 1 end\nend"),
        vec!["2:13: expected pattern, found atom `:inc`"]
    );
}

#[test]
fn p34_cons_in_case() {
    assert_eq!(
        ok("fn first(xs) do\n  case xs do\n    h :: _ -> h\n    _ -> 0\n  end\nend"),
        "(fn first (xs) (block (case xs (arm (cons h _) h) (arm _ 0))))"
    );
}

#[test]
fn p35_header_ending_in_a_call() {
    assert_eq!(
        body("if ready(x) do 1 else 2 end"),
        "(if (call ready x) (block 1) (block 2))"
    );
    assert_eq!(
        body("if (ready(x)) do 1 else 2 end"),
        "(if (call ready x) (block 1) (block 2))"
    );
}

#[test]
fn p36_trailing_closures_are_not_supported() {
    assert_eq!(
        errors("fn main() do\n  let r = each([1, 2]) do |x| x + 1 end\nend"),
        vec!["2:24: expected newline or `;` after statement, found `do`"]
    );
}

#[test]
fn p37_p38_p52_items() {
    assert_eq!(ok("pub type Id = String"), "(alias pub Id String)");
    assert_eq!(
        ok("module Geo do pub fn area(w, h) = w * h end\nfn main() do Geo.area(2, 3) end"),
        "(module Geo (fn pub area (w h) (= (* w h))))\n(fn main () (block (call (. Geo area) 2 3)))"
    );
    assert_eq!(
        ok("type C do Red Green Blue end\nstruct P do x :: Int end deriving(Eq)"),
        "(type C (variant Red) (variant Green) (variant Blue))\n(struct P (field x Int) (deriving Eq))"
    );
}
