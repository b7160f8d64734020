//! Moves, constants, arithmetic and comparisons.

use super::*;
use crate::bytecode::Instr::*;

#[test]
fn moves_copies_and_constants() {
    // Move leaves `()` behind; Copy shares.
    let v = eval(|f| {
        f.load_str(0, "hello");
        f.op(Copy { dst: 1, src: 0 });
        f.op(Move { dst: 2, src: 0 });
        f.op(LoadInt { dst: 3, value: -7 });
        f.op(LoadBool {
            dst: 4,
            value: true,
        });
        f.load_float(5, 2.5);
        f.load_int(6, i64::MAX);
        f.op(LoadUnit { dst: 7 });
        f.op(MakeTuple { base: 0, n: 8 });
        f.op(Return { src: 0 });
    });
    assert_eq!(
        show(&v),
        "((), hello, hello, -7, true, 2.5, 9223372036854775807, ())"
    );
}

#[test]
fn move_onto_itself_keeps_the_value() {
    let v = eval(|f| {
        f.op(LoadInt { dst: 0, value: 5 });
        f.op(Move { dst: 0, src: 0 });
        f.op(Return { src: 0 });
    });
    assert_eq!(v, Value::Int(5));
}

#[test]
fn int_arithmetic() {
    let v = eval(|f| {
        f.op(LoadInt { dst: 0, value: 17 });
        f.op(LoadInt { dst: 1, value: -5 });
        f.op(AddInt { dst: 2, a: 0, b: 1 });
        f.op(SubInt { dst: 3, a: 0, b: 1 });
        f.op(MulInt { dst: 4, a: 0, b: 1 });
        f.op(DivInt { dst: 5, a: 0, b: 1 });
        f.op(RemInt { dst: 6, a: 0, b: 1 });
        f.op(NegInt { dst: 7, src: 0 });
        f.op(AddIntImm {
            dst: 8,
            src: 0,
            imm: -20,
        });
        f.op(MakeTuple { base: 2, n: 7 });
        f.op(Return { src: 2 });
    });
    assert_eq!(show(&v), "(12, 22, -85, -3, 2, -17, -3)");
}

#[test]
fn division_truncates_and_remainder_follows_the_dividend() {
    for (a, b, q, r) in [
        (7, 2, 3, 1),
        (-7, 2, -3, -1),
        (7, -2, -3, 1),
        (-7, -2, 3, -1),
        (i64::MIN, 1, i64::MIN, 0),
        (i64::MIN, 2, i64::MIN / 2, 0),
    ] {
        let v = eval(|f| {
            f.load_int(0, a);
            f.load_int(1, b);
            f.op(DivInt { dst: 2, a: 0, b: 1 });
            f.op(RemInt { dst: 3, a: 0, b: 1 });
            f.op(MakeTuple { base: 2, n: 2 });
            f.op(Return { src: 2 });
        });
        assert_eq!(show(&v), format!("({q}, {r})"), "{a} / {b}");
    }
    // The remainder of i64::MIN by -1 is exactly 0 (only the quotient overflows).
    let v = eval(|f| {
        f.load_int(0, i64::MIN);
        f.load_int(1, -1);
        f.op(RemInt { dst: 2, a: 0, b: 1 });
        f.op(Return { src: 2 });
    });
    assert_eq!(v, Value::Int(0));
}

fn int_error(a: i64, b: i64, op: crate::Instr) -> String {
    eval_err(|f| {
        f.load_int(0, a);
        f.load_int(1, b);
        f.op(op);
        f.op(Return { src: 2 });
    })
    .message
}

#[test]
fn int_overflow_and_division_by_zero_are_errors() {
    let add = AddInt { dst: 2, a: 0, b: 1 };
    let sub = SubInt { dst: 2, a: 0, b: 1 };
    let mul = MulInt { dst: 2, a: 0, b: 1 };
    let div = DivInt { dst: 2, a: 0, b: 1 };
    let rem = RemInt { dst: 2, a: 0, b: 1 };
    assert_eq!(int_error(i64::MAX, 1, add), "integer overflow in `+`");
    assert_eq!(int_error(i64::MIN, 1, sub), "integer overflow in `-`");
    assert_eq!(int_error(i64::MAX, 2, mul), "integer overflow in `*`");
    assert_eq!(int_error(i64::MIN, -1, div), "integer overflow in `/`");
    assert_eq!(int_error(1, 0, div), "division by zero");
    assert_eq!(int_error(1, 0, rem), "division by zero");
    assert_eq!(int_error(0, 0, div), "division by zero");
    assert_eq!(
        int_error(i64::MIN, 0, NegInt { dst: 2, src: 0 }),
        "integer overflow in negation"
    );
    assert_eq!(
        int_error(
            i64::MAX,
            0,
            AddIntImm {
                dst: 2,
                src: 0,
                imm: 1
            }
        ),
        "integer overflow in `+`"
    );
    assert_eq!(
        int_error(
            i64::MIN,
            0,
            AddIntImm {
                dst: 2,
                src: 0,
                imm: -1
            }
        ),
        // `n - 1` compiles to an add of -1; the message names the subtraction written.
        "integer overflow in `-`"
    );
}

#[test]
fn float_arithmetic_is_ieee() {
    let v = eval(|f| {
        f.load_float(0, 7.5);
        f.load_float(1, -2.0);
        f.op(AddFloat { dst: 2, a: 0, b: 1 });
        f.op(SubFloat { dst: 3, a: 0, b: 1 });
        f.op(MulFloat { dst: 4, a: 0, b: 1 });
        f.op(DivFloat { dst: 5, a: 0, b: 1 });
        f.op(RemFloat { dst: 6, a: 0, b: 1 });
        f.op(NegFloat { dst: 7, src: 0 });
        f.load_float(8, 0.0);
        f.op(DivFloat { dst: 9, a: 0, b: 8 });
        f.op(MakeTuple { base: 2, n: 8 });
        f.op(Return { src: 2 });
    });
    assert_eq!(show(&v), "(5.5, 9.5, -15, -3.75, 1.5, -7.5, 0, inf)");
    // fmod keeps the sign of the dividend.
    let v = eval(|f| {
        f.load_float(0, -7.5);
        f.load_float(1, 2.0);
        f.op(RemFloat { dst: 2, a: 0, b: 1 });
        f.op(Return { src: 2 });
    });
    assert_eq!(v, Value::Float(-1.5));
}

#[test]
fn int_and_float_comparisons() {
    let v = eval(|f| {
        f.op(LoadInt { dst: 0, value: 3 });
        f.op(LoadInt { dst: 1, value: 4 });
        f.op(EqInt { dst: 2, a: 0, b: 1 });
        f.op(NeInt { dst: 3, a: 0, b: 1 });
        f.op(LtInt { dst: 4, a: 0, b: 1 });
        f.op(LeInt { dst: 5, a: 1, b: 0 });
        f.op(LeInt { dst: 6, a: 0, b: 0 });
        f.load_float(7, f64::NAN);
        f.op(EqFloat { dst: 8, a: 7, b: 7 });
        f.load_float(9, 1.5);
        f.op(LtFloat {
            dst: 10,
            a: 9,
            b: 7,
        });
        f.op(LeFloat {
            dst: 11,
            a: 9,
            b: 9,
        });
        f.op(EqFloat {
            dst: 12,
            a: 9,
            b: 9,
        });
        f.op(Not { dst: 13, src: 12 });
        f.op(Move { dst: 7, src: 8 });
        f.op(Move { dst: 8, src: 10 });
        f.op(Move { dst: 9, src: 11 });
        f.op(Move { dst: 10, src: 12 });
        f.op(Move { dst: 11, src: 13 });
        f.op(MakeTuple { base: 2, n: 10 });
        f.op(Return { src: 2 });
    });
    assert_eq!(
        show(&v),
        "(false, true, true, false, true, false, false, true, true, false)"
    );
}

#[test]
fn structural_comparisons() {
    let v = eval(|f| {
        f.load_str(0, "abc");
        f.load_str(1, "abd");
        f.op(Eq { dst: 2, a: 0, b: 1 });
        f.op(Ne { dst: 3, a: 0, b: 1 });
        f.op(Lt { dst: 4, a: 0, b: 1 });
        f.op(Le { dst: 5, a: 1, b: 0 });
        // [1, 2] == [1, 2] built separately; [1, 2] < [1, 3]
        f.op(LoadInt { dst: 6, value: 1 });
        f.op(LoadInt { dst: 7, value: 2 });
        f.op(MakeList { base: 6, n: 2 });
        f.op(LoadInt { dst: 7, value: 1 });
        f.op(LoadInt { dst: 8, value: 2 });
        f.op(MakeList { base: 7, n: 2 });
        f.op(Eq { dst: 8, a: 6, b: 7 });
        f.op(Le { dst: 9, a: 6, b: 7 });
        f.op(Lt {
            dst: 10,
            a: 6,
            b: 7,
        });
        f.op(Move { dst: 6, src: 8 });
        f.op(Move { dst: 7, src: 9 });
        f.op(Move { dst: 8, src: 10 });
        f.op(MakeTuple { base: 2, n: 7 });
        f.op(Return { src: 2 });
    });
    assert_eq!(show(&v), "(false, true, true, false, true, true, false)");
}

#[test]
fn ill_typed_operands_are_errors_not_panics() {
    let e = eval_err(|f| {
        f.load_str(0, "x");
        f.op(LoadInt { dst: 1, value: 1 });
        f.op(AddInt { dst: 2, a: 0, b: 1 });
        f.op(Return { src: 2 });
    });
    assert!(
        e.message
            .contains("expects Int operands, found String and Int"),
        "{}",
        e.message
    );
    let e = eval_err(|f| {
        f.op(LoadInt { dst: 0, value: 1 });
        f.op(Not { dst: 0, src: 0 });
        f.op(Return { src: 0 });
    });
    assert!(e.message.contains("Bool"), "{}", e.message);
    let e = eval_err(|f| {
        let l = f.label();
        f.op(LoadInt { dst: 0, value: 1 });
        f.jump_if_true(0, l);
        f.bind(l).op(Return { src: 0 });
    });
    assert!(
        e.message.contains("condition must be a Bool"),
        "{}",
        e.message
    );
}

#[test]
fn load_fn_and_load_self_outside_a_closure() {
    let mut img = image();
    let other = img.function("Test.other", 0, |f| {
        f.op(LoadSelf { dst: 0 });
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadFn {
            dst: 0,
            func: other,
        });
        f.op(Call {
            base: 1,
            argc: 0,
            func: other,
        });
        f.op(MakeTuple { base: 0, n: 2 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let v = run_fn(&p, main, vec![]).result.unwrap();
    assert_eq!(v, Value::tuple(vec![Value::Fn(other), Value::Fn(other)]));
}
