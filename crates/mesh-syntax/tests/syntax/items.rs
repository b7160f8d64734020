use crate::common::{errors, ok, ok_std};

#[test]
fn functions() {
    assert_eq!(
        ok("fn area(w :: Int, h :: Int) -> Int do\n  w * h\nend"),
        "(fn area ((w : Int) (h : Int)) -> Int (block (* w h)))"
    );
    assert_eq!(
        ok("fn half(x :: Float) -> Float = x / 2.0"),
        "(fn half ((x : Float)) -> Float (= (/ x 2.0)))"
    );
    assert_eq!(ok("fn main do\nend"), "(fn main () (block))");
    assert_eq!(ok("def main() do 1 end"), "(def main () (block 1))");
    assert_eq!(ok("pub fn f() = 1"), "(fn pub f () (= 1))");
    assert_eq!(
        ok("fn describe<T>(value :: T) -> String where T: Display do\n  \"v\"\nend"),
        "(fn describe <T> ((value : T)) -> String (where (T Display)) (block \"v\"))"
    );
    assert_eq!(
        ok("fn f<T, U>(x :: T) where T: Display, U: Mod.Eq = x"),
        "(fn f <T U> ((x : T)) (where (T Display) (U Mod.Eq)) (= x))"
    );
    assert_eq!(
        ok("fn sign(0) = 0\nfn sign(n) when n < 0 = -1\nfn sign(_) = 1"),
        "(fn sign (0) (= 0))\n(fn sign (n) (when (< n 0)) (= (neg 1)))\n(fn sign (_) (= 1))"
    );
    assert_eq!(
        ok("fn f(x) -> Int when x > 0 do x end"),
        "(fn f (x) -> Int (when (> x 0)) (block x))"
    );
    // Nested named functions are statements.
    assert_eq!(
        ok("fn outer() do\n  fn inner(x) = x\n  inner(1)\nend"),
        "(fn outer () (block (fn inner (x) (= x)) (call inner 1)))"
    );
}

#[test]
fn parameter_decision_rule() {
    assert_eq!(
        ok("fn f(1, -2, 2.5, true, nil, \"s\", _, (a, b), Some(x), Shape.Circle(r), Color.Red, None, self, n :: Int, _ :: Int) = 0"),
        "(fn f (1 -2 2.5 true unit \"s\" _ (tuple a b) (ctor Some x) (ctor Shape.Circle r) (ctor Color.Red) None self (n : Int) (_ : Int)) (= 0))"
    );
    assert_eq!(
        ok("fn f(x :: List<Int>?) = x"),
        "(fn f ((x : Option<List<Int>>)) (= x))"
    );
}

#[test]
fn structs() {
    assert_eq!(
        ok("pub struct Item do\n  table \"items\"\n  primary_key :sku\n  timestamps true\n  sku :: String # trailing comment\n  qty :: Int\n  belongs_to :project, Project\n  has_many :events, Event\n  has_one :owner, User\nend deriving(Schema, Json, Row)"),
        "(struct pub Item (field sku String) (field qty Int) (table \"items\") (primary_key sku) (timestamps true) (belongs_to project Project) (has_many events Event) (has_one owner User) (deriving Schema Json Row))"
    );
    assert_eq!(
        ok("struct Pair<A, B> do\n  left :: A\n  right :: B\nend"),
        "(struct Pair <A B> (field left A) (field right B))"
    );
    assert_eq!(
        ok("struct P do x :: Int y :: Int end"),
        "(struct P (field x Int) (field y Int))"
    );
    assert_eq!(ok("struct E do\nend deriving()"), "(struct E (deriving))");
    assert_eq!(ok("struct U do\n  loose\nend"), "(struct U (field loose))");
    // A schema word followed by `::` is still a field.
    assert_eq!(
        ok("struct T do\n  table :: String\nend"),
        "(struct T (field table String))"
    );
}

#[test]
fn sum_types_and_aliases() {
    assert_eq!(
        ok("pub type Event do\n  Started\n  Progress(Int)\n  Failed(reason :: String, retry :: Bool)\nend deriving(Eq, Debug)"),
        "(type pub Event (variant Started) (variant Progress Int) (variant Failed (reason String) (retry Bool)) (deriving Eq Debug))"
    );
    assert_eq!(
        ok("type Tree<T> do\n  Leaf\n  Node(Tree<T>, T, Tree<T>)\nend"),
        "(type Tree <T> (variant Leaf) (variant Node Tree<T> T Tree<T>))"
    );
    assert_eq!(
        ok("type C do Red Green Blue end"),
        "(type C (variant Red) (variant Green) (variant Blue))"
    );
    assert_eq!(
        ok("type Handler = Fun(Request) -> Response"),
        "(alias Handler Fun(Request) -> Response)"
    );
    assert_eq!(ok("pub type Id = String"), "(alias pub Id String)");
    assert_eq!(
        ok("type Pairs<A> = List<(A, A)>"),
        "(alias Pairs <A> List<(A, A)>)"
    );
}

#[test]
fn deriving_must_share_the_line_with_end() {
    assert_eq!(
        errors("struct P do\n  x :: Int\nend\nderiving(Eq)"),
        vec![
            "4:1: `deriving(...)` must be on the same line as the `end` of the type it belongs to"
        ]
    );
}

#[test]
fn interfaces_and_impls() {
    assert_eq!(
        ok("interface Shape do\n  fn area(self) -> Float\n  fn name(self) -> String do\n    \"shape\"\n  end\nend"),
        "(interface Shape (method area (self) -> Float) (method name (self) -> String (block \"shape\")))"
    );
    assert_eq!(
        ok("pub interface Stack<T> do\n  type Elem\n  def top(self) -> Self.Elem\nend"),
        "(interface pub Stack <T> (assoc Elem) (method top (self) -> Self.Elem))"
    );
    assert_eq!(
        ok("impl Add for Money do\n  type Output = Money\n  fn add(self, other :: Money) -> Money do\n    Money { cents: self.cents + other.cents }\n  end\nend"),
        "(impl Add for Money (assoc Output Money) (fn add (self (other : Money)) -> Money (block (struct-lit Money (cents (+ (. self cents) (. other cents)))))))"
    );
    assert_eq!(
        ok("impl From<String> for AppError do\n  fn from(s :: String) -> AppError = AppError.Wrapped(s)\nend"),
        "(impl From<String> for AppError (fn from ((s : String)) -> AppError (= (call (. AppError Wrapped) s))))"
    );
    assert_eq!(
        ok("impl Show for Box where T: Show do\nend"),
        "(impl Show for Box (where (T Show)))"
    );
}

#[test]
fn actors() {
    assert_eq!(
        ok("actor ticker(interval :: Int) do\n  Timer.sleep(interval)\n  ticker(interval)\nend"),
        "(actor ticker ((interval : Int)) (block (call (. Timer sleep) interval) (call ticker interval)))"
    );
    assert_eq!(
        ok("actor w() do\n  terminate do\n    cleanup()\n  end\n  loop()\nend"),
        "(actor w () (block (call loop)) (terminate (block (call cleanup))))"
    );
    assert_eq!(
        errors("actor w() do\n  terminate do a() end\n  terminate do b() end\nend"),
        vec!["3:3: only one `terminate` clause is allowed per actor block"]
    );
}

#[test]
fn services() {
    assert_eq!(
        ok("service Stats do\n  fn init(seed :: Int) -> Tally do\n    Tally { hits: seed }\n  end\n\n  call Bump(key :: String) :: Int do |st|\n    (st, 1)\n  end\n\n  call Snapshot() do |st|\n    (st, st.hits)\n  end\n\n  cast Reset() do |_st|\n    st\n  end\n  cast Noop do\n    1\n  end\nend"),
        "(service Stats (fn init ((seed : Int)) -> Tally (block (struct-lit Tally (hits seed)))) (call Bump ((key : String)) :: Int |st| (block (tuple st 1))) (call Snapshot () |st| (block (tuple st (. st hits)))) (cast Reset () |_st| (block st)) (cast Noop () (block 1)))"
    );
    assert_eq!(
        errors("service S do\n  cast C() :: Int do |s| s end\nend"),
        vec!["2:12: a `cast` handler has no reply type"]
    );
    assert_eq!(
        errors("service S do\n  let x = 1\nend"),
        vec!["2:3: expected `fn`, `call` or `cast` in service body, found `let`"]
    );
}

#[test]
fn supervisors() {
    assert_eq!(
        ok("pub supervisor Jobs do\n  strategy: one_for_all\n  max_restarts: 5\n  max_seconds: 10\n\n  child primary do\n    start: fn -> spawn(job_runner) end\n    restart: transient\n    shutdown: 2000\n  end\n  child other do\n    start: fn -> spawn(w) end\n    shutdown: brutal_kill\n  end\nend"),
        "(supervisor pub Jobs (strategy one_for_all) (max_restarts 5) (max_seconds 10) (child primary (start (closure (clause () (block (spawn job_runner))))) (restart transient) (shutdown 2000)) (child other (start (closure (clause () (block (spawn w))))) (shutdown brutal_kill)))"
    );
    // `strategy:one_for_one` lexes the value as an atom; accept it.
    assert_eq!(
        ok("supervisor S do\n  strategy:one_for_one\nend"),
        "(supervisor S (strategy one_for_one))"
    );
}

#[test]
fn modules_and_imports() {
    assert_eq!(
        ok("import Math.Vector\nfrom Inventory.Item import Item, restock\nfrom Db import where, send,\nfrom Migrations.20260216120000CreateInitialSchema import up"),
        "(import Math.Vector)\n(from Inventory.Item import Item restock)\n(from Db import where send)\n(from Migrations.20260216120000CreateInitialSchema import up)"
    );
    assert_eq!(
        ok("pub module Geo do\n  pub fn area(w, h) = w * h\nend"),
        "(module pub Geo (fn pub area (w h) (= (* w h))))"
    );
    assert_eq!(
        errors("from A.B import *"),
        vec!["1:17: glob imports are not allowed; import names explicitly"]
    );
    // `from` is an ordinary identifier elsewhere.
    assert_eq!(ok("let from = 1\nfrom + 1"), "(let from 1)\n(+ from 1)");
}

#[test]
fn pub_only_before_exportable_items() {
    assert_eq!(
        errors("pub actor a() do\n  1\nend\npub let x = 1\npub service S do\nend"),
        vec![
            "1:5: expected `fn`, `module`, `struct`, `interface`, `type`, or `supervisor` after `pub`, found `actor`",
            "4:5: expected `fn`, `module`, `struct`, `interface`, `type`, or `supervisor` after `pub`, found `let`",
            "5:5: expected `fn`, `module`, `struct`, `interface`, `type`, or `supervisor` after `pub`, found `service`",
        ]
    );
    assert_eq!(
        errors("pub extern fn f()"),
        vec!["1:5: expected `fn`, `module`, `struct`, `interface`, `type`, or `supervisor` after `pub`, found identifier `extern`"]
    );
}

#[test]
fn top_level_let_and_expressions() {
    assert_eq!(
        ok("let limit = 10\nprintln(\"x\")"),
        "(let limit 10)\n(call println \"x\")"
    );
}

#[test]
fn std_mode_externs() {
    assert_eq!(
        ok_std("pub extern fn length<T>(xs :: List<T>) -> Int where T: Eq\nextern type Map<K, V>\npub extern type Handle\nextern fn now() -> Int"),
        "(fn pub length <T> ((xs : List<T>)) -> Int (where (T Eq)) extern)\n(extern-type Map <K V>)\n(extern-type Handle)\n(fn now () -> Int extern)"
    );
    // Outside std mode `extern` is an ordinary identifier.
    assert_eq!(ok("let extern = 1"), "(let extern 1)");
}
