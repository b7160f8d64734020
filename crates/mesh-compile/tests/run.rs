//! Programs built by hand in the typed IR, compiled and run on the strict reference
//! interpreter (see `common::refvm`).

mod common;

use common::tir::*;
use common::*;
use mesh_check::tir::{BinOp, ForKind, TyDesc, TypeDef, TypeDefKind, UnOp};
use mesh_vm::Value;

fn main_prints(stmts: Vec<mesh_check::tir::Stmt>) -> mesh_check::tir::Program {
    program(vec![fun("Main.main", &[], block(stmts, unit()))])
}

/// `{ print(tag); value }`: a value whose evaluation is visible in the output.
fn traced(tag: &str, value: mesh_check::tir::Expr) -> mesh_check::tir::Expr {
    block(vec![stmt(print(string(tag)))], value)
}

fn point_type() -> TypeDef {
    TypeDef {
        name: "Point".into(),
        kind: TypeDefKind::Struct(vec![
            ("x".into(), TyDesc::Int),
            ("y".into(), TyDesc::Int),
            ("label".into(), TyDesc::String),
        ]),
    }
}

#[test]
fn arithmetic_and_printing() {
    let p = main_prints(vec![
        let_(0, add(int(40), int(2))),
        let_(1, mul(var(0), sub(int(10), int(7)))),
        stmt(print(var(1))),
        stmt(print(bin(BinOp::DivInt, int(-7), int(2)))),
        stmt(print(bin(BinOp::RemInt, int(-7), int(2)))),
        stmt(print(add(int(1), var(0)))),
        stmt(print(sub(var(0), int(100_000)))),
        stmt(print(unop(UnOp::NegInt, var(0)))),
        stmt(print(unop(UnOp::NegInt, int(5)))),
        stmt(print(int(1 << 40))),
        stmt(print(bin(BinOp::AddFloat, float(1.5), float(2.0)))),
        stmt(print(bin(BinOp::RemFloat, float(7.5), float(2.0)))),
        stmt(print(unop(UnOp::NegFloat, float(2.5)))),
    ]);
    assert_eq!(
        output(&p),
        "126\n-3\n-1\n43\n-99958\n-42\n-5\n1099511627776\n3.5\n1.5\n-2.5\n"
    );
}

#[test]
fn integer_comparisons_in_both_orders() {
    use BinOp::*;
    let ops = [EqInt, NeInt, LtInt, LeInt, GtInt, GeInt];
    let mut stmts = vec![let_(0, int(1)), let_(1, int(2))];
    for op in ops {
        let row = tuple(vec![
            bin(op, var(0), var(1)),
            bin(op, var(1), var(0)),
            bin(op, var(1), var(1)),
        ]);
        stmts.push(stmt(print(row)));
    }
    assert_eq!(
        output(&main_prints(stmts)),
        "(false, false, true)\n(true, true, false)\n(true, false, false)\n\
         (true, false, true)\n(false, true, false)\n(false, true, true)\n"
    );
}

#[test]
fn float_comparisons_follow_ieee() {
    use BinOp::*;
    let nan = bin(DivFloat, float(0.0), float(0.0));
    let mut stmts = vec![let_(0, float(1.0)), let_(1, float(2.0)), let_(2, nan)];
    for op in [EqFloat, NeFloat, LtFloat, LeFloat, GtFloat, GeFloat] {
        stmts.push(stmt(print(tuple(vec![
            bin(op, var(0), var(1)),
            bin(op, var(1), var(0)),
            bin(op, var(1), var(1)),
            bin(op, var(2), var(2)),
        ]))));
    }
    assert_eq!(
        output(&main_prints(stmts)),
        "(false, false, true, false)\n(true, true, false, true)\n(true, false, false, false)\n\
         (true, false, true, false)\n(false, true, false, false)\n(false, true, true, false)\n"
    );
}

#[test]
fn structural_comparisons() {
    use BinOp::*;
    let mut stmts = vec![let_(0, string("apple")), let_(1, string("banana"))];
    for op in [Eq, Ne, Lt, Le, Gt, Ge] {
        stmts.push(stmt(print(tuple(vec![
            bin(op, var(0), var(1)),
            bin(op, var(1), var(0)),
            bin(op, var(0), var(0)),
        ]))));
    }
    assert_eq!(
        output(&main_prints(stmts)),
        "(false, false, true)\n(true, true, false)\n(true, false, false)\n\
         (true, false, true)\n(false, true, false)\n(false, true, true)\n"
    );
}

#[test]
fn swapped_comparisons_still_evaluate_left_first() {
    let p = main_prints(vec![
        stmt(print(bin(
            BinOp::GtInt,
            traced("a", int(2)),
            traced("b", int(1)),
        ))),
        stmt(print(bin(
            BinOp::GeFloat,
            traced("c", float(1.0)),
            traced("d", float(2.0)),
        ))),
        stmt(print(bin(
            BinOp::Gt,
            traced("e", string("x")),
            traced("f", string("y")),
        ))),
    ]);
    assert_eq!(output(&p), "a\nb\ntrue\nc\nd\nfalse\ne\nf\nfalse\n");
}

#[test]
fn if_else_and_short_circuit() {
    let p = main_prints(vec![
        let_(0, int(5)),
        stmt(print(if_(
            lt(var(0), int(3)),
            string("small"),
            string("big"),
        ))),
        stmt(print(and(
            traced("l1", boolean(false)),
            traced("r1", boolean(true)),
        ))),
        stmt(print(or(
            traced("l2", boolean(true)),
            traced("r2", boolean(false)),
        ))),
        stmt(print(and(
            traced("l3", boolean(true)),
            traced("r3", boolean(false)),
        ))),
        stmt(if_(
            and(
                not(lt(var(0), int(3))),
                or(boolean(false), eq(var(0), int(5))),
            ),
            print(string("cond")),
            unit(),
        )),
        stmt(if_(
            or(traced("o1", boolean(false)), traced("o2", boolean(false))),
            print(string("bad")),
            print(string("else")),
        )),
        stmt(print(not(boolean(true)))),
    ]);
    assert_eq!(
        output(&p),
        "big\nl1\nfalse\nl2\ntrue\nl3\nr3\nfalse\ncond\no1\no2\nelse\nfalse\n"
    );
}

/// `classify(v)`: a match over `Option<Result<(Int, String), String>>` with nested,
/// literal, or, as and guarded arms.
fn classify_program(inputs: Vec<mesh_check::tir::Expr>) -> mesh_check::tir::Program {
    let classify = fun(
        "Main.classify",
        &[0],
        match_(
            var(0),
            vec![
                arm(pnone(), string("nothing")),
                arm(psome(pok(ptuple(vec![pint(0), pwild()]))), string("zero")),
                arm_g(
                    psome(pok(ptuple(vec![pbind(1), pstr("hi")]))),
                    lt(var(1), int(0)),
                    concat(string("negative hi "), display(var(1))),
                ),
                arm(
                    psome(pok(ptuple(vec![
                        por(vec![pint(1), pint(2)]),
                        pas(pwild(), 2),
                    ]))),
                    concat(string("one-or-two "), var(2)),
                ),
                arm(
                    pas(psome(pok(ptuple(vec![pbind(3), pwild()]))), 4),
                    concat(
                        concat(string("ok "), display(var(3))),
                        concat(string(" from "), display(var(4))),
                    ),
                ),
                arm_g(psome(perr(pbind(5))), eq(int(1), int(2)), string("never")),
                arm(psome(perr(pstr("boom"))), string("boom!")),
                arm(psome(perr(pbind(6))), concat(string("error "), var(6))),
            ],
        ),
    );
    let stmts = inputs
        .into_iter()
        .map(|i| stmt(print(call(1, vec![i]))))
        .collect();
    program(vec![fun("Main.main", &[], block(stmts, unit())), classify])
}

#[test]
fn nested_patterns_with_guards() {
    let pair = |n: i64, s: &str| some(ok(tuple(vec![int(n), string(s)])));
    let p = classify_program(vec![
        none(),
        pair(0, "a"),
        pair(-4, "hi"),
        pair(-4, "ho"),
        pair(2, "two"),
        pair(7, "seven"),
        some(err(string("boom"))),
        some(err(string("bad"))),
    ]);
    assert_eq!(
        output(&p),
        "nothing\nzero\nnegative hi -4\nok -4 from Some(Ok((-4, ho)))\none-or-two two\n\
         ok 7 from Some(Ok((7, seven)))\nboom!\nerror bad\n"
    );
}

#[test]
fn no_matching_arm_fails_with_the_message() {
    let p = program(vec![fun(
        "Main.main",
        &[],
        match_(int(3), vec![arm(pint(1), unit()), arm(pint(2), unit())]),
    )]);
    let err = run_ref(&p).expect_err("must fail");
    assert_eq!(err, "fail: no match");
}

#[test]
fn or_patterns_bind_in_every_alternative() {
    // case (a, b) do (x, 0) | (0, x) -> x; (_, _) -> -1 end
    let f = fun(
        "Main.pick",
        &[0, 1],
        match_(
            tuple(vec![var(0), var(1)]),
            vec![
                arm(
                    por(vec![
                        ptuple(vec![pbind(2), pint(0)]),
                        ptuple(vec![pint(0), pbind(2)]),
                    ]),
                    var(2),
                ),
                arm(pwild(), int(-1)),
            ],
        ),
    );
    let p = main_prints(vec![
        stmt(print(call(1, vec![int(7), int(0)]))),
        stmt(print(call(1, vec![int(0), int(8)]))),
        stmt(print(call(1, vec![int(3), int(4)]))),
    ]);
    let mut p = p;
    p.functions.push(f);
    assert_eq!(output(&p), "7\n8\n-1\n");
}

/// `sum(xs)` by cons-pattern recursion (tail-recursive with an accumulator).
fn sum_list_fn() -> mesh_check::tir::FnDecl {
    fun(
        "Main.sum",
        &[0, 1],
        match_(
            var(0),
            vec![
                arm(
                    pcons(pbind(2), pbind(3)),
                    call(1, vec![var(3), add(var(1), var(2))]),
                ),
                arm(pwild(), var(1)),
            ],
        ),
    )
}

#[test]
fn cons_patterns_walk_a_list_without_copying_it() {
    let items: Vec<_> = (1..=100).map(int).collect();
    let p = program(vec![
        fun("Main.main", &[], call(1, vec![list(items), int(0)])),
        sum_list_fn(),
    ]);
    let o = run_ref(&p).unwrap_or_else(|e| panic!("{e}\n{}", dump(&image(&p))));
    assert_eq!(o.value.as_int(), Some(5050));
    assert_eq!(o.stats.shared_copies, 0, "\n{}", dump(&image(&p)));
}

#[test]
fn cons_with_nested_head_and_guard_falls_back_to_later_arms() {
    // case xs do Some(h) :: _ when h > 10 -> h; None :: t -> len(t); _ -> length(xs) end
    let f = fun(
        "Main.f",
        &[0],
        match_(
            var(0),
            vec![
                arm_g(pcons(psome(pbind(1)), pwild()), lt(int(10), var(1)), var(1)),
                arm(
                    pcons(pnone(), pbind(2)),
                    add(int(1000), native("List.length", vec![var(2)])),
                ),
                arm(pwild(), native("List.length", vec![var(0)])),
            ],
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            block(
                vec![
                    stmt(print(call(1, vec![list(vec![some(int(11)), none()])]))),
                    stmt(print(call(
                        1,
                        vec![list(vec![some(int(3)), none(), none()])],
                    ))),
                    stmt(print(call(1, vec![list(vec![none(), none(), none()])]))),
                    stmt(print(call(1, vec![list(vec![])]))),
                ],
                unit(),
            ),
        ),
        f,
    ]);
    assert_eq!(output(&p), "11\n3\n1002\n0\n");
}

#[test]
fn let_destructures_tuples() {
    let p = main_prints(vec![
        let_p(
            ptuple(vec![pbind(0), ptuple(vec![pwild(), pbind(1)]), pbind(2)]),
            tuple(vec![int(1), tuple(vec![int(2), string("three")]), int(4)]),
        ),
        let_(3, tuple(vec![int(5), int(6)])),
        let_p(ptuple(vec![pbind(4), pbind(5)]), var(3)),
        stmt(print(tuple(vec![
            var(0),
            var(1),
            var(2),
            var(4),
            var(5),
            var(3),
        ]))),
    ]);
    assert_eq!(output(&p), "(1, three, 4, 5, 6, (5, 6))\n");
}

#[test]
fn closures_capture_several_locals() {
    let p = main_prints(vec![
        let_(0, int(10)),
        let_(1, string("x")),
        let_(2, int(3)),
        // fn(a) -> a * l0 + l2 and a label
        let_(
            3,
            lambda(&[4], tuple(vec![add(mul(var(4), var(0)), var(2)), var(1)])),
        ),
        stmt(print(callv(var(3), vec![int(4)]))),
        stmt(print(callv(var(3), vec![int(5)]))),
        // a closure without captures is a plain function value
        let_(5, lambda(&[6], add(var(6), int(1)))),
        stmt(print(callv(var(5), vec![int(41)]))),
    ]);
    assert_eq!(output(&p), "(43, x)\n(53, x)\n42\n");
}

#[test]
fn nested_closures_capture_through_their_parents() {
    // let k = 100; let adder = fn(a) -> fn(b) -> a + b + k end end; adder(1)(2)
    let p = main_prints(vec![
        let_(0, int(100)),
        let_(
            1,
            lambda(&[2], lambda(&[3], add(add(var(2), var(3)), var(0)))),
        ),
        let_(4, callv(var(1), vec![int(1)])),
        stmt(print(callv(var(4), vec![int(2)]))),
        stmt(print(callv(callv(var(1), vec![int(10)]), vec![int(20)]))),
    ]);
    assert_eq!(output(&p), "103\n130\n");
}

#[test]
fn named_lambda_recursion_via_self_local() {
    // let base = 1; let fact = fn fact(n) -> if n <= 1 then base else n * fact(n - 1) end
    let fact = named_lambda(
        "Main.main.fact",
        1,
        &[2],
        if_(
            bin(BinOp::LeInt, var(2), int(1)),
            var(0),
            mul(var(2), callv(var(1), vec![sub(var(2), int(1))])),
        ),
    );
    // count down by tail self-calls through SelfClosure: constant stack
    let countdown = named_lambda(
        "countdown",
        4,
        &[5],
        if_(
            eq(var(5), int(0)),
            string("done"),
            callv(self_closure(), vec![sub(var(5), int(1))]),
        ),
    );
    let p = main_prints(vec![
        let_(0, int(1)),
        let_(1, fact),
        stmt(print(callv(var(1), vec![int(10)]))),
        let_(4, countdown),
        stmt(print(callv(var(4), vec![int(100_000)]))),
    ]);
    let o = run_ref(&p).unwrap_or_else(|e| panic!("{e}\n{}", dump(&image(&p))));
    assert_eq!(o.out, "3628800\ndone\n");
    assert!(o.stats.max_depth < 20, "depth {}", o.stats.max_depth);
    let img = image(&p);
    assert!(img.functions.iter().any(|f| f.name == "Main.main.fact"));
}

#[test]
fn inner_closure_captures_the_outer_self() {
    // let f = fn f(n) -> if n == 0 then 0 else (fn() -> f(n - 1) end)() + 1 end
    let f = named_lambda(
        "f",
        0,
        &[1],
        if_(
            eq(var(1), int(0)),
            int(0),
            add(
                callv(
                    lambda(&[], callv(var(0), vec![sub(var(1), int(1))])),
                    vec![],
                ),
                int(1),
            ),
        ),
    );
    let p = main_prints(vec![let_(0, f), stmt(print(callv(var(0), vec![int(5)])))]);
    assert_eq!(output(&p), "5\n");
}

#[test]
fn tail_recursion_runs_in_constant_stack() {
    // loop(n, acc) = if n == 0 then acc else loop(n - 1, acc + 1)
    let lp = fun(
        "Main.loop",
        &[0, 1],
        if_(
            eq(var(0), int(0)),
            var(1),
            call(1, vec![sub(var(0), int(1)), add(var(1), int(1))]),
        ),
    );
    let p = program(vec![
        fun("Main.main", &[], call(1, vec![int(10_000_000), int(0)])),
        lp,
    ]);
    let o = run_ref(&p).expect("runs");
    assert_eq!(o.value.as_int(), Some(10_000_000));
    assert!(o.stats.max_depth <= 2, "depth {}", o.stats.max_depth);
}

#[test]
fn self_tail_call_evaluates_all_arguments_first() {
    // swap(a, b, n) = if n == 0 then (a, b) else swap(b, a, n - 1)
    let f = fun(
        "Main.swap",
        &[0, 1, 2],
        if_(
            eq(var(2), int(0)),
            tuple(vec![var(0), var(1)]),
            call(1, vec![var(1), var(0), sub(var(2), int(1))]),
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            tuple(vec![
                call(1, vec![string("a"), string("b"), int(3)]),
                call(1, vec![string("a"), string("b"), int(4)]),
            ]),
        ),
        f,
    ]);
    assert_eq!(result(&p), "((b, a), (a, b))");
}

#[test]
fn non_tail_recursion() {
    // sum(n) = if n == 0 then 0 else n + sum(n - 1)
    let f = fun(
        "Main.sum",
        &[0],
        if_(
            eq(var(0), int(0)),
            int(0),
            add(var(0), call(1, vec![sub(var(0), int(1))])),
        ),
    );
    let fib = fun(
        "Main.fib",
        &[0],
        if_(
            lt(var(0), int(2)),
            var(0),
            add(
                call(2, vec![sub(var(0), int(1))]),
                call(2, vec![sub(var(0), int(2))]),
            ),
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            tuple(vec![call(1, vec![int(10_000)]), call(2, vec![int(20)])]),
        ),
        f,
        fib,
    ]);
    let o = run_ref(&p).expect("runs");
    assert_eq!(format!("{:?}", o.value), "(50005000, 6765)");
    assert!(o.stats.max_depth > 10_000);
}

#[test]
fn for_over_a_range_with_filter_break_and_continue() {
    // for i in 0..20 when i % 2 == 0 do if i == 4 continue; if i == 12 break; i * 10 end
    let body = block(
        vec![
            stmt(if_(eq(var(0), int(4)), cont(), unit())),
            stmt(if_(eq(var(0), int(12)), brk(), unit())),
        ],
        mul(var(0), int(10)),
    );
    let filter = eq(bin(BinOp::RemInt, var(0), int(2)), int(0));
    let p = main_prints(vec![
        stmt(print(for_(
            ForKind::Range,
            range(int(0), int(20)),
            pbind(0),
            Some(filter),
            body,
        ))),
        stmt(print(for_(
            ForKind::Range,
            range(int(3), int(3)),
            pbind(1),
            None,
            var(1),
        ))),
        // range bounds come from an arbitrary tuple expression too
        let_(2, tuple(vec![int(1), int(4)])),
        stmt(print(for_(ForKind::Range, var(2), pbind(3), None, var(3)))),
    ]);
    assert_eq!(output(&p), "[0, 20, 60, 80, 100]\n[]\n[1, 2, 3]\n");
}

#[test]
fn for_over_lists_and_maps() {
    let p = main_prints(vec![
        let_(0, list(vec![string("a"), string("b"), string("c")])),
        stmt(print(for_(
            ForKind::List,
            var(0),
            pbind(1),
            None,
            concat(var(1), var(1)),
        ))),
        // the list is still usable afterwards
        stmt(print(var(0))),
        let_(2, map(vec![(string("k1"), int(1)), (string("k2"), int(2))])),
        stmt(print(for_(
            ForKind::Map,
            var(2),
            ptuple(vec![pbind(3), pbind(4)]),
            Some(lt(int(1), var(4))),
            tuple(vec![var(4), var(3)]),
        ))),
        // nested loops with a break in the inner one only
        stmt(print(for_(
            ForKind::List,
            list(vec![int(1), int(2)]),
            pbind(5),
            None,
            for_(
                ForKind::Range,
                range(int(0), int(10)),
                pbind(6),
                None,
                block(vec![stmt(if_(eq(var(6), var(5)), brk(), unit()))], var(6)),
            ),
        ))),
    ]);
    assert_eq!(
        output(&p),
        "[aa, bb, cc]\n[a, b, c]\n[(2, k2)]\n[[0], [0, 1]]\n"
    );
}

#[test]
fn statement_for_runs_for_effects_only() {
    let p = main_prints(vec![stmt(for_(
        ForKind::List,
        list(vec![int(1), int(2), int(3)]),
        pbind(0),
        Some(bin(BinOp::NeInt, var(0), int(2))),
        print(var(0)),
    ))]);
    assert_eq!(output(&p), "1\n3\n");
    let img = image(&p);
    assert!(!img.functions[0]
        .code
        .iter()
        .any(|i| matches!(i, mesh_vm::Instr::ListPush { .. })));
}

#[test]
fn while_with_break_and_continue() {
    // Without mutation a while loop can only be left by break or return: count with a
    // native-free trick — the condition reads a constant, the body breaks.
    let p = main_prints(vec![
        stmt(while_(
            boolean(true),
            block(
                vec![stmt(print(string("once")))],
                if_(boolean(true), brk(), cont()),
            ),
        )),
        stmt(print(while_(boolean(false), print(string("never"))))),
    ]);
    assert_eq!(output(&p), "once\n()\n");
}

#[test]
fn return_from_inside_loops_and_matches() {
    // find(xs, target) = for x in xs do if x == target then return "found" end; "no"
    let find = fun(
        "Main.find",
        &[0, 1],
        block(
            vec![stmt(for_(
                ForKind::List,
                var(0),
                pbind(2),
                None,
                match_(
                    bin(BinOp::EqInt, var(2), var(1)),
                    vec![
                        arm(
                            Pattern_bool(true),
                            ret(concat(string("found "), display(var(2)))),
                        ),
                        arm(pwild(), unit()),
                    ],
                ),
            ))],
            string("no"),
        ),
    );
    let w = fun(
        "Main.w",
        &[],
        block(vec![stmt(while_(boolean(true), ret(int(7))))], int(0)),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            block(
                vec![
                    stmt(print(call(
                        1,
                        vec![list(vec![int(1), int(2), int(3)]), int(2)],
                    ))),
                    stmt(print(call(1, vec![list(vec![int(1)]), int(5)]))),
                    stmt(print(call(2, vec![]))),
                ],
                unit(),
            ),
        ),
        find,
        w,
    ]);
    assert_eq!(output(&p), "found 2\nno\n7\n");
}

#[allow(non_snake_case)]
fn Pattern_bool(b: bool) -> mesh_check::tir::Pattern {
    mesh_check::tir::Pattern::Bool(b)
}

#[test]
fn structs_make_field_update() {
    let p = program_with_types(
        vec![fun(
            "Main.main",
            &[],
            block(
                vec![
                    // fields given out of order: evaluated in the given order
                    let_(
                        0,
                        make_struct(
                            3,
                            vec![
                                (2, traced("label", string("p"))),
                                (0, traced("x", int(1))),
                                (1, traced("y", int(2))),
                            ],
                        ),
                    ),
                    stmt(print(var(0))),
                    let_(1, update(var(0), vec![(1, int(20)), (2, string("q"))])),
                    stmt(print(var(0))),
                    stmt(print(var(1))),
                    stmt(print(add(field(var(1), 0), field(var(1), 1)))),
                    stmt(print(ex(mesh_check::tir::ExprKind::Inspect(Box::new(
                        var(1),
                    ))))),
                ],
                unit(),
            ),
        )],
        vec![point_type()],
    );
    assert_eq!(
        output(&p),
        "label\nx\ny\nPoint(1, 2, p)\nPoint(1, 2, p)\nPoint(1, 20, q)\n21\n\
         Point { x: 1, y: 20, label: q }\n"
    );
}

#[test]
fn struct_update_on_last_use_is_in_place() {
    // bump(p, n) = if n == 0 then p else bump(%{p | x: p.x + 1}, n - 1)
    let bump = fun(
        "Main.bump",
        &[0, 1],
        if_(
            eq(var(1), int(0)),
            var(0),
            call(
                1,
                vec![
                    update(var(0), vec![(0, add(field(var(0), 0), int(1)))]),
                    sub(var(1), int(1)),
                ],
            ),
        ),
    );
    let p = program_with_types(
        vec![
            fun(
                "Main.main",
                &[],
                call(
                    1,
                    vec![
                        make_struct(3, vec![(0, int(0)), (1, int(0)), (2, string("s"))]),
                        int(1000),
                    ],
                ),
            ),
            bump,
        ],
        vec![point_type()],
    );
    let o = run_ref(&p).expect("runs");
    assert_eq!(format!("{:?}", o.value.data_fields()[0]), "1000");
    assert_eq!(o.stats.shared_copies, 0, "\n{}", dump(&image(&p)));
}

#[test]
fn selective_receive_keeps_order_of_skipped_messages() {
    // receive do ("b", n) -> n end, then twice receive do (tag, n) -> tag end
    let take_b = receive(vec![arm(ptuple(vec![pstr("b"), pbind(0)]), var(0))], None);
    let any = |l: u32| receive(vec![arm(ptuple(vec![pbind(l), pwild()]), var(l))], None);
    let guarded = receive(
        vec![arm_g(
            ptuple(vec![pwild(), pbind(3)]),
            lt(int(5), var(3)),
            string("big"),
        )],
        Some((int(10), string("timeout"))),
    );
    let p = main_prints(vec![
        stmt(print(take_b)),
        stmt(print(guarded)),
        stmt(print(any(1))),
        stmt(print(receive(
            vec![arm(pwild(), string("more"))],
            Some((int(0), string("empty"))),
        ))),
    ]);
    let msg = |t: &str, n: i64| Value::tuple(vec![Value::str(t), Value::Int(n)]);
    let o = run_with(&p, vec![], vec![msg("a", 1), msg("b", 2), msg("c", 9)])
        .unwrap_or_else(|e| panic!("{e}\n{}", dump(&image(&p))));
    assert_eq!(o.out, "2\nbig\na\nempty\n");
}

#[test]
fn receive_after_fires_on_an_empty_mailbox() {
    let p = program(vec![fun(
        "Main.main",
        &[],
        receive(
            vec![arm(pbind(0), var(0))],
            Some((int(5), string("timed out"))),
        ),
    )]);
    assert_eq!(result(&p), "timed out");
}

#[test]
fn tail_calls_in_receive_arms() {
    // loop(total) = receive do n when n > 0 -> loop(total + n); _ -> total end
    let lp = fun(
        "Main.loop",
        &[0],
        receive(
            vec![
                arm_g(
                    pbind(1),
                    lt(int(0), var(1)),
                    call(1, vec![add(var(0), var(1))]),
                ),
                arm(pwild(), var(0)),
            ],
            Some((int(0), int(-1))),
        ),
    );
    let p = program(vec![fun("Main.main", &[], call(1, vec![int(0)])), lp]);
    let mut msgs: Vec<Value> = (1..=1000).map(Value::Int).collect();
    msgs.push(Value::Int(0));
    let o = run_with(&p, vec![], msgs).expect("runs");
    assert_eq!(o.value.as_int(), Some(500500));
    assert!(o.stats.max_depth <= 2);
}

#[test]
fn type_keys_and_display() {
    let p = main_prints(vec![
        stmt(print(ex(mesh_check::tir::ExprKind::TypeKey(Box::new(
            int(1),
        ))))),
        stmt(print(ex(mesh_check::tir::ExprKind::TypeKey(Box::new(
            some(int(1)),
        ))))),
        stmt(print(display(list(vec![float(3.0), float(0.5)])))),
    ]);
    assert_eq!(output(&p), "2\n100\n[3, 0.5]\n");
}

#[test]
fn long_list_literals() {
    let items: Vec<_> = (0..200).map(int).collect();
    let p = program(vec![fun(
        "Main.main",
        &[],
        native("List.length", vec![list(items)]),
    )]);
    assert_eq!(result(&p), "200");
    let img = image(&p);
    assert!(
        img.functions[0].nregs < 80,
        "nregs {}",
        img.functions[0].nregs
    );
}

#[test]
fn lists_and_strings_concatenate() {
    let p = main_prints(vec![
        let_(0, list(vec![int(1)])),
        let_(1, concat(var(0), var(0))),
        stmt(print(concat(var(1), list(vec![int(2)])))),
        stmt(print(var(0))),
        let_(2, string("ab")),
        stmt(print(concat(var(2), var(2)))),
    ]);
    assert_eq!(output(&p), "[1, 1, 2]\n[1]\nabab\n");
}

// ---- the move pass, observed ----

#[test]
fn string_building_loop_appends_in_place() {
    // build(n, acc) = if n == 0 then acc else build(n - 1, acc <> "x")
    let build = fun(
        "Main.build",
        &[0, 1],
        if_(
            eq(var(0), int(0)),
            var(1),
            call(1, vec![sub(var(0), int(1)), concat(var(1), string("x"))]),
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            native(
                "String.length",
                vec![call(1, vec![int(1_000_000), string("")])],
            ),
        ),
        build,
    ]);
    let start = std::time::Instant::now();
    let o = run_ref(&p).expect("runs");
    assert_eq!(o.value.as_int(), Some(1_000_000));
    assert!(
        o.stats.shared_copies <= 1,
        "copies {}",
        o.stats.shared_copies
    );
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn map_and_list_updates_on_last_use_are_in_place() {
    // fill(i, m, xs) = if i == 1000 then (Map.get(m, 500), List.length(xs))
    //                  else fill(i + 1, Map.put(m, i, i * 2), List.append(xs, i))
    let fill = fun(
        "Main.fill",
        &[0, 1, 2],
        if_(
            eq(var(0), int(1000)),
            tuple(vec![
                native("Map.get", vec![var(1), int(500)]),
                native("List.length", vec![var(2)]),
            ]),
            call(
                1,
                vec![
                    add(var(0), int(1)),
                    native("Map.put", vec![var(1), var(0), mul(var(0), int(2))]),
                    native("List.append", vec![var(2), var(0)]),
                ],
            ),
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            call(1, vec![int(0), map(vec![]), list(vec![])]),
        ),
        fill,
    ]);
    let o = run_ref(&p).expect("runs");
    let types = image(&p).types;
    assert_eq!(
        mesh_vm::ops::display(&o.value, &types),
        "(Some(1000), 1000)"
    );
    assert_eq!(o.stats.shared_copies, 0);
}

#[test]
fn a_value_used_later_is_not_moved() {
    let p = main_prints(vec![
        let_(0, concat(string("a"), string("b"))),
        let_(1, native("Test.unique", vec![var(0)])),
        let_(2, native("String.length", vec![var(0)])),
        let_(3, native("Test.unique", vec![var(0)])),
        stmt(print(tuple(vec![var(1), var(2), var(3)]))),
    ]);
    assert_eq!(output(&p), "(false, 2, true)\n");
}

#[test]
fn locals_live_across_loop_iterations_stay_copies() {
    // for i in 0..3 do Test.unique(s) end — s is read again in the next iteration
    let p = main_prints(vec![
        let_(0, concat(string("a"), string("b"))),
        stmt(print(for_(
            ForKind::Range,
            range(int(0), int(3)),
            pbind(1),
            None,
            native("Test.unique", vec![var(0)]),
        ))),
        stmt(print(native("Test.unique", vec![var(0)]))),
    ]);
    assert_eq!(output(&p), "[false, false, false]\ntrue\n");
}

#[test]
fn destructured_state_tuples_are_dropped_so_parts_update_in_place() {
    // step(state) = case state do (acc, n) -> if n == 0 then acc else step((acc <> "x", n - 1))
    let step = fun(
        "Main.step",
        &[0],
        match_(
            var(0),
            vec![arm(
                ptuple(vec![pbind(1), pbind(2)]),
                if_(
                    eq(var(2), int(0)),
                    var(1),
                    call(
                        1,
                        vec![tuple(vec![
                            concat(var(1), string("x")),
                            sub(var(2), int(1)),
                        ])],
                    ),
                ),
            )],
        ),
    );
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            native(
                "String.length",
                vec![call(1, vec![tuple(vec![string(""), int(100_000)])])],
            ),
        ),
        step,
    ]);
    let o = run_ref(&p).expect("runs");
    assert_eq!(o.value.as_int(), Some(100_000));
    assert!(
        o.stats.shared_copies <= 1,
        "copies {}",
        o.stats.shared_copies
    );
}

#[test]
fn for_accumulator_is_never_shared() {
    let p = program(vec![fun(
        "Main.main",
        &[],
        native(
            "List.length",
            vec![for_(
                ForKind::Range,
                range(int(0), int(100_000)),
                pbind(0),
                None,
                var(0),
            )],
        ),
    )]);
    let o = run_ref(&p).expect("runs");
    assert_eq!(o.value.as_int(), Some(100_000));
    assert_eq!(o.stats.shared_copies, 0);
}

#[test]
fn for_over_a_set() {
    let p = main_prints(vec![
        let_(
            0,
            native(
                "Set.from_list",
                vec![list(vec![int(3), int(1), int(3), int(2)])],
            ),
        ),
        stmt(print(for_(
            ForKind::Set,
            var(0),
            pbind(1),
            None,
            mul(var(1), int(10)),
        ))),
    ]);
    assert_eq!(output(&p), "[30, 10, 20]\n");
}

#[test]
fn float_bool_unit_and_as_patterns() {
    use mesh_check::tir::Pattern;
    let f = fun(
        "Main.f",
        &[0],
        match_(
            var(0),
            vec![
                arm(
                    ptuple(vec![Pattern::Float(0.5), pwild(), pwild()]),
                    string("half"),
                ),
                arm(
                    ptuple(vec![pwild(), Pattern::Bool(false), pwild()]),
                    string("false"),
                ),
                arm(
                    ptuple(vec![pwild(), pwild(), pas(pcons(pint(1), pwild()), 1)]),
                    concat(string("starts with 1: "), display(var(1))),
                ),
                arm(
                    ptuple(vec![pwild(), Pattern::Unit, pwild()]),
                    string("other"),
                ),
            ],
        ),
    );
    let arg = |x: f64, b: bool, xs: Vec<i64>| {
        call(
            1,
            vec![tuple(vec![
                float(x),
                boolean(b),
                list(xs.into_iter().map(int).collect()),
            ])],
        )
    };
    let p = program(vec![
        fun(
            "Main.main",
            &[],
            block(
                vec![
                    stmt(print(arg(0.5, true, vec![]))),
                    stmt(print(arg(1.0, false, vec![]))),
                    stmt(print(arg(1.0, true, vec![1, 2]))),
                    stmt(print(arg(1.0, true, vec![2, 1]))),
                ],
                unit(),
            ),
        ),
        f,
    ]);
    assert_eq!(output(&p), "half\nfalse\nstarts with 1: [1, 2]\nother\n");
}

#[test]
fn service_shaped_receive_loop_keeps_its_state_unshared() {
    // loop(state) = receive do
    //   (0, key) -> let (new_state, answer) = handle(state, key); loop(new_state)
    //   (1, _) -> Map.get(state, "k7")
    // end
    // handle(st, key) = (Map.put(st, key, 1), key)
    let lp = fun(
        "Svc.loop",
        &[0],
        receive(
            vec![
                arm(
                    ptuple(vec![pint(0), pbind(1)]),
                    block(
                        vec![let_p(
                            ptuple(vec![pbind(2), pbind(3)]),
                            call(2, vec![var(0), var(1)]),
                        )],
                        call(1, vec![var(2)]),
                    ),
                ),
                arm(
                    ptuple(vec![pint(1), pwild()]),
                    native("Map.get", vec![var(0), string("k7")]),
                ),
            ],
            None,
        ),
    );
    let handle = fun(
        "Svc.handle",
        &[0, 1],
        tuple(vec![
            native("Map.put", vec![var(0), var(1), int(1)]),
            var(1),
        ]),
    );
    let p = program(vec![
        fun("Main.main", &[], call(1, vec![map(vec![])])),
        lp,
        handle,
    ]);
    let mut msgs: Vec<Value> = (0..1000)
        .map(|i| Value::tuple(vec![Value::Int(0), Value::str(format!("k{i}"))]))
        .collect();
    msgs.push(Value::tuple(vec![Value::Int(1), Value::Unit]));
    let o = run_with(&p, vec![], msgs).unwrap_or_else(|e| panic!("{e}\n{}", dump(&image(&p))));
    assert_eq!(mesh_vm::ops::display(&o.value, &image(&p).types), "Some(1)");
    assert_eq!(o.stats.shared_copies, 0, "\n{}", dump(&image(&p)));
    assert!(o.stats.max_depth <= 3);
}
