use crate::common::{body, ok};

/// A closure in expression position (at statement start `fn name` is a definition).
fn lam(src: &str) -> String {
    let d = ok(&format!("let f = {src}"));
    d.strip_prefix("(let f ")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or_else(|| panic!("unexpected shape: {d}"))
        .to_string()
}

#[test]
fn literals() {
    assert_eq!(
        ok("[1, 2.5, true, false, nil, :ok, \"s\", 0xFF, 1_000, 0b11, 0o17]"),
        "(list 1 2.5 true false nil :ok \"s\" 255 1000 3 15)"
    );
    assert_eq!(ok("-9223372036854775808"), "-9223372036854775808");
    assert_eq!(ok("9223372036854775807"), "9223372036854775807");
    assert_eq!(ok("()"), "(tuple)");
    assert_eq!(ok("(1)"), "1");
    assert_eq!(ok("(1,)"), "1");
    assert_eq!(ok("(1, \"a\", x)"), "(tuple 1 \"a\" x)");
    assert_eq!(ok("[]"), "(list)");
    assert_eq!(ok("[1, 2,]"), "(list 1 2)");
    assert_eq!(ok("%{}"), "(map)");
    assert_eq!(
        ok("%{\"a\" => 1, \"b\" => 2,}"),
        "(map (\"a\" 1) (\"b\" 2))"
    );
    assert_eq!(ok("self"), "self");
    assert_eq!(ok("self()"), "(self)");
}

#[test]
fn strings_and_interpolation() {
    assert_eq!(ok(r#""a\"b\n""#), r#""a\"b\n""#);
    assert_eq!(ok(r#""""#), r#""""#);
    assert_eq!(
        ok(r#""hi ${who}, total = ${2 * 21}""#),
        r#"(str "hi " (interp who) ", total = " (interp (* 2 21)))"#
    );
    assert_eq!(
        ok(r#""outer ${f("inner ${x}")}""#),
        r#"(str "outer " (interp (call f (str "inner " (interp x)))))"#
    );
    assert_eq!(ok("\"${a +\n b}\""), "(str (interp (+ a b)))");
    assert_eq!(
        ok("\"\"\"\n  line \"q\" ${x}\n\"\"\""),
        r#"(str "\n  line \"q\" " (interp x) "\n")"#
    );
}

#[test]
fn precedence_table() {
    assert_eq!(ok("a |> f or b"), "(|> a (or f b))");
    assert_eq!(ok("a or b and c"), "(or a (and b c))");
    assert_eq!(ok("a || b && c"), "(or a (and b c))");
    assert_eq!(ok("a and b == c"), "(and a (== b c))");
    assert_eq!(ok("a == b < c"), "(== a (< b c))");
    assert_eq!(ok("a < b .. c"), "(< a (.. b c))");
    assert_eq!(ok("a .. b <> c"), "(.. a (<> b c))");
    assert_eq!(ok("a <> b + c"), "(<> a (+ b c))");
    assert_eq!(ok("a ++ b - c"), "(<> a (- b c))");
    assert_eq!(ok("a + b * c"), "(+ a (* b c))");
    assert_eq!(ok("a - b / c % d"), "(- a (% (/ b c) d))");
    // Left associativity.
    assert_eq!(ok("a - b - c"), "(- (- a b) c)");
    assert_eq!(ok("a < b < c"), "(< (< a b) c)");
    assert_eq!(ok("a |> f |> g(1)"), "(|> (|> a f) (call g 1))");
    assert_eq!(ok("1..5"), "(.. 1 5)");
    assert_eq!(
        ok("a != b and c >= d or e <= f"),
        "(or (and (!= a b) (>= c d)) (<= e f))"
    );
}

#[test]
fn precedence_consequences_of_section_4_4() {
    assert_eq!(ok("-x.y"), "(neg (. x y))");
    assert_eq!(ok("-f(x)"), "(neg (call f x))");
    assert_eq!(ok("not a == b"), "(== (not a) b)");
    assert_eq!(ok("!a"), "(not a)");
    assert_eq!(ok("-2 * 3"), "(* (neg 2) 3)");
    assert_eq!(ok("- - x"), "(neg (neg x))");
    assert_eq!(ok("a + b |> f"), "(|> (+ a b) f)");
    assert_eq!(ok("x |> f(1) == y"), "(|> x (== (call f 1) y))");
    assert_eq!(ok("(x |> f(1)) == y"), "(== (|> x (call f 1)) y)");
    assert_eq!(
        ok("\"a\" <> \"b\" == \"ab\""),
        "(== (<> \"a\" \"b\") \"ab\")"
    );
    assert_eq!(ok("foo(x)?"), "(? (call foo x))");
    assert_eq!(ok("a.b.c(d)?.e"), "(. (? (call (. (. a b) c) d)) e)");
}

#[test]
fn postfix_forms() {
    assert_eq!(ok("f()"), "(call f)");
    assert_eq!(ok("f(1, 2,)"), "(call f 1 2)");
    assert_eq!(ok("f(1)(2)"), "(call (call f 1) 2)");
    assert_eq!(ok("String.length(s)"), "(call (. String length) s)");
    assert_eq!(ok("5.to_string()"), "(call (. 5 to_string))");
    assert_eq!(ok("xs[0]"), "(index xs 0)");
    assert_eq!(ok("m[k][j]"), "(index (index m k) j)");
    assert_eq!(ok("r?"), "(? r)");
    // Field-name exemption.
    assert_eq!(
        ok("[Node.self(), Node.spawn(f), Ws.send(c, m), Query.where(q), Node.monitor(p), Process.link(p), S.cast(x)]"),
        "(list (call (. Node self)) (call (. Node spawn) f) (call (. Ws send) c m) (call (. Query where) q) (call (. Node monitor) p) (call (. Process link) p) (call (. S cast) x))"
    );
}

#[test]
fn keyword_arguments() {
    assert_eq!(ok("opts(a: 1, b: 2)"), "(call opts (kw a 1) (kw b 2))");
    assert_eq!(ok("f(x, key: v)"), "(call f x (kw key v))");
}

#[test]
fn struct_literals_and_updates() {
    assert_eq!(ok("Point { x: 1, y: 2 }"), "(struct-lit Point (x 1) (y 2))");
    assert_eq!(ok("Point { x: 1 y: 2 }"), "(struct-lit Point (x 1) (y 2))");
    assert_eq!(ok("Empty {}"), "(struct-lit Empty)");
    assert_eq!(
        ok("let p = Point {\n  x: 1,\n  y: 2\n}"),
        "(let p (struct-lit Point (x 1) (y 2)))"
    );
    assert_eq!(ok("%{p | x: 10}"), "(update p (x 10))");
    assert_eq!(
        ok("%{p | x: 10, y: p.y + 1}"),
        "(update p (x 10) (y (+ (. p y) 1)))"
    );
    assert_eq!(ok("%{f(a) => [1]}"), "(map ((call f a) (list 1)))");
}

#[test]
fn if_expressions() {
    assert_eq!(ok("if c do a else b end"), "(if c (block a) (block b))");
    assert_eq!(ok("if c do a end"), "(if c (block a))");
    assert_eq!(
        ok("if a do 1 else if b do 2 else 3 end"),
        "(if a (block 1) (block (if b (block 2) (block 3))))"
    );
    assert_eq!(
        body("if x > 0 do\n  println(\"pos\")\n  1\nelse\n  2\nend"),
        "(if (> x 0) (block (call println \"pos\") 1) (block 2))"
    );
    assert_eq!(
        body("if a do\n  1\nelse if b do\n  2\nelse\n  3\nend"),
        "(if a (block 1) (block (if b (block 2) (block 3))))"
    );
    // No trailing closures: a header ending in a call is fine (P35).
    assert_eq!(
        ok("if ready(x) do 1 else 2 end"),
        "(if (call ready x) (block 1) (block 2))"
    );
    assert_eq!(
        ok("if (ready(x)) do 1 end"),
        "(if (call ready x) (block 1))"
    );
}

#[test]
fn case_and_match() {
    assert_eq!(
        body("case x do\n  1 -> \"one\"\n  n when n > 1 -> \"many\"\n  _ -> \"other\"\nend"),
        "(case x (arm 1 \"one\") (arm n (when (> n 1)) \"many\") (arm _ \"other\"))"
    );
    assert_eq!(ok("match x do _ -> 0 end"), "(case x (arm _ 0))");
    assert_eq!(
        ok("case x do 1 -> a 2 -> b end"),
        "(case x (arm 1 a) (arm 2 b))"
    );
    // Arm body on the next line (a superset of the reference).
    assert_eq!(
        body("case r do\n  Ok(v) ->\n    v\n  Err(e) -> e\nend"),
        "(case r (arm (ctor Ok v) v) (arm (ctor Err e) e))"
    );
    assert_eq!(
        ok("case fetch(id) do _ -> 0 end"),
        "(case (call fetch id) (arm _ 0))"
    );
    assert_eq!(
        body("case x do\n  Some(v) -> if v do 1 else 2 end\n  None -> case y do _ -> 3 end\nend"),
        "(case x (arm (ctor Some v) (if v (block 1) (block 2))) (arm None (case y (arm _ 3))))"
    );
}

#[test]
fn return_is_an_expression() {
    assert_eq!(body("return"), "(return)");
    assert_eq!(body("return 1 + 2"), "(return (+ 1 2))");
    assert_eq!(body("return\nfoo()"), "(return) (call foo)");
    assert_eq!(
        body("if bad do return Err(\"x\") end"),
        "(if bad (block (return (call Err \"x\"))))"
    );
    assert_eq!(body("if bad do return end"), "(if bad (block (return)))");
    assert_eq!(
        body("if a do return else 1 end"),
        "(if a (block (return)) (block 1))"
    );
    assert_eq!(
        body("case x do\n  0 -> return 1\n  _ -> return\nend"),
        "(case x (arm 0 (return 1)) (arm _ (return)))"
    );
    assert_eq!(body("f(return)"), "(call f (return))");
    assert_eq!(body("return; 1"), "(return) 1");
}

#[test]
fn closures_in_all_forms() {
    assert_eq!(
        lam("fn x -> x + 1 end"),
        "(closure (clause (x) (block (+ x 1))))"
    );
    assert_eq!(
        ok("fn(a, b) -> a + b end"),
        "(closure (clause (a b) (block (+ a b))))"
    );
    assert_eq!(
        ok("fn(n :: Int) -> n * 2 end"),
        "(closure (clause ((n : Int)) (block (* n 2))))"
    );
    assert_eq!(
        lam("fn a, b -> a end"),
        "(closure (clause (a b) (block a)))"
    );
    assert_eq!(lam("fn -> 42 end"), "(closure (clause () (block 42)))");
    assert_eq!(lam("fn do 42 end"), "(closure (clause () (block 42)))");
    assert_eq!(
        body("let work = fn(row) do\n  let k = key_of(row)\n  k <> \"!\"\nend"),
        "(let work (closure (clause (row) (block (let k (call key_of row)) (<> k \"!\")))))"
    );
    assert_eq!(
        lam("fn 0 -> \"none\" | n when n < 10 -> \"few\" | _ -> \"many\" end"),
        "(closure (clause (0) (block \"none\")) (clause (n) (when (< n 10)) (block \"few\")) (clause (_) (block \"many\")))"
    );
    assert_eq!(
        lam("fn Some(x) -> x | None -> 0 end"),
        "(closure (clause ((ctor Some x)) (block x)) (clause (None) (block 0)))"
    );
    assert_eq!(
        lam("fn (a, b) -> a end"),
        "(closure (clause (a b) (block a)))"
    );
    assert_eq!(
        ok("fn((a, b)) -> a end"),
        "(closure (clause ((tuple a b)) (block a)))"
    );
    assert_eq!(
        lam("fn x when x > 0 do x end"),
        "(closure (clause (x) (when (> x 0)) (block x)))"
    );
    assert_eq!(lam("fn -1 -> 0 end"), "(closure (clause (-1) (block 0)))");
    assert_eq!(
        lam("fn \"a\" -> 0 end"),
        "(closure (clause (\"a\") (block 0)))"
    );
    // The no-parameter arrow form takes a whole block.
    assert_eq!(
        body("let t = fn ->\n  let a = 1\n  a + 1\nend"),
        "(let t (closure (clause () (block (let a 1) (+ a 1)))))"
    );
    // Arrow body on the next line and `end` on its own line.
    assert_eq!(
        body("let f = fn x ->\n  x + 1\nend"),
        "(let f (closure (clause (x) (block (+ x 1)))))"
    );
}

#[test]
fn loops() {
    assert_eq!(
        ok("for i in 0..5 do i * i end"),
        "(for i (.. 0 5) (block (* i i)))"
    );
    assert_eq!(
        ok("for x in [3, 8] when x > 2 do x * 10 end"),
        "(for x (list 3 8) (when (> x 2)) (block (* x 10)))"
    );
    assert_eq!(ok("for {k, v} in m do k end"), "(for {k v} m (block k))");
    assert_eq!(
        ok("for x in List.reverse(xs) do x end"),
        "(for x (call (. List reverse) xs) (block x))"
    );
    assert_eq!(
        body("while more(q) do\n  step()\n  break\nend\ncontinue"),
        "(while (call more q) (block (call step) break)) continue"
    );
}

#[test]
fn receive_and_process_primitives() {
    assert_eq!(
        body("receive do\n  Add(n) -> n\n  _ -> 0\nafter 5000 -> 1\nend"),
        "(receive (arm (ctor Add n) n) (arm _ 0) (after 5000 1))"
    );
    assert_eq!(
        body("receive do\n  x -> x\nafter t ->\n  timeout()\nend"),
        "(receive (arm x x) (after t (call timeout)))"
    );
    assert_eq!(
        body("receive do x -> x after 10 -> 0 end"),
        "(receive (arm x x) (after 10 0))"
    );
    assert_eq!(
        ok("[spawn(counter, 0), send(pid, Add(5)), link(p), self()]"),
        "(list (spawn counter 0) (send pid (call Add 5)) (link p) (self))"
    );
    assert_eq!(ok("spawn(Jobs)"), "(spawn Jobs)");
}
