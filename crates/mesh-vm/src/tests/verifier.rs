//! The load-time verifier rejects malformed images with descriptive messages.

use super::*;
use crate::bytecode::Instr::{self, *};
use crate::bytecode::{Const, Function};

/// An image whose entry function is `code` with `nregs` registers and `consts`.
fn single(code: Vec<Instr>, nregs: u16, consts: Vec<Const>) -> Image {
    Image {
        files: vec!["test.mpl".into()],
        functions: vec![Function {
            name: "Test.main".into(),
            file: 0,
            arity: 0,
            nregs,
            code,
            consts,
            lines: vec![],
        }],
        natives: NATIVES.iter().map(|s| s.to_string()).collect(),
        types: Image::builtin_types(),
        entry: 0,
    }
}

fn rejected(code: Vec<Instr>, nregs: u16, consts: Vec<Const>) -> String {
    match Program::load(single(code, nregs, consts)) {
        Ok(_) => panic!("the verifier accepted a malformed function"),
        Err(e) => e,
    }
}

fn ret() -> Instr {
    Return { src: 0 }
}

#[test]
fn accepts_well_formed_code() {
    assert!(Program::load(single(vec![LoadInt { dst: 0, value: 1 }, ret()], 1, vec![])).is_ok());
}

#[test]
fn registers_must_be_inside_the_frame() {
    let e = rejected(vec![LoadInt { dst: 3, value: 1 }, ret()], 3, vec![]);
    assert_eq!(
        e,
        "function `Test.main` (#0), instruction 0 `LoadInt { dst: 3, value: 1 }`: uses register \
         3 but the frame has 3 registers"
    );
    for bad in [
        AddInt { dst: 0, a: 0, b: 4 },
        Call {
            base: 3,
            argc: 0,
            func: 0,
        },
        CallNative {
            base: 2,
            argc: 2,
            native: 0,
        },
        CallValue { base: 2, argc: 1 },
        TailCallValue { base: 3, argc: 0 },
        MakeTuple { base: 2, n: 2 },
        MakeMap { base: 1, n: 2 },
        MakeList { base: 3, n: 0 },
        MakeClosure {
            base: 2,
            ncap: 2,
            func: 0,
        },
        ElemAt {
            dst: 0,
            src: 0,
            idx: 9,
        },
        RecvPeek {
            dst: 3,
            on_timeout: 0,
        },
    ] {
        let e = rejected(vec![bad, ret()], 3, vec![]);
        assert!(e.contains("but the frame has 3 registers"), "{bad:?}: {e}");
    }
}

#[test]
fn jumps_must_stay_inside_the_code() {
    let e = rejected(vec![Jump { offset: 1 }, ret()], 1, vec![]);
    assert!(e.contains("jumps to 2, outside the code (0..2)"), "{e}");
    let e = rejected(
        vec![
            JumpIfFalse {
                cond: 0,
                offset: -2,
            },
            ret(),
        ],
        1,
        vec![],
    );
    assert!(e.contains("jumps to -1"), "{e}");
    let e = rejected(
        vec![
            RecvPeek {
                dst: 0,
                on_timeout: 5,
            },
            ret(),
        ],
        1,
        vec![],
    );
    assert!(e.contains("outside the code"), "{e}");
    // A jump to itself is a (reduction-counted) infinite loop, not a verification error.
    assert!(Program::load(single(vec![Jump { offset: -1 }], 0, vec![])).is_ok());
}

#[test]
fn indices_must_exist() {
    let e = rejected(vec![LoadConst { dst: 0, idx: 0 }, ret()], 1, vec![]);
    assert!(e.contains("constant #0 does not exist"), "{e}");
    let e = rejected(vec![Fail { msg: 0 }], 1, vec![Const::Int(3)]);
    assert!(e.contains("constant #0 is not a string"), "{e}");
    let e = rejected(vec![LoadFn { dst: 0, func: 1 }, ret()], 1, vec![]);
    assert!(e.contains("function #1 does not exist"), "{e}");
    let e = rejected(
        vec![
            Call {
                base: 0,
                argc: 1,
                func: 0,
            },
            ret(),
        ],
        1,
        vec![],
    );
    assert!(
        e.contains("passes 1 arguments to `Test.main`, which takes 0"),
        "{e}"
    );
    let e = rejected(
        vec![TailCall {
            base: 0,
            argc: 0,
            func: 5,
        }],
        1,
        vec![],
    );
    assert!(e.contains("function #5 does not exist"), "{e}");
    let e = rejected(
        vec![
            CallNative {
                base: 0,
                argc: 0,
                native: 99,
            },
            ret(),
        ],
        1,
        vec![],
    );
    assert!(e.contains("native #99 does not exist"), "{e}");
    let data = |n, type_id, tag| MakeData {
        base: 0,
        n,
        type_id,
        tag,
    };
    let e = rejected(vec![data(0, 50, 0), ret()], 1, vec![]);
    assert!(e.contains("type #50 does not exist"), "{e}");
    let e = rejected(vec![data(0, 0, 2), ret()], 1, vec![]);
    assert!(e.contains("type `Option` has no variant 2"), "{e}");
    let e = rejected(vec![data(0, 0, 0), ret()], 1, vec![]);
    assert!(
        e.contains("builds variant 0 of `Option` with 0 fields, but it has 1"),
        "{e}"
    );
}

#[test]
fn functions_must_not_fall_off_the_end() {
    let e = rejected(vec![LoadInt { dst: 0, value: 1 }], 1, vec![]);
    assert!(e.contains("ends with `LoadInt"), "{e}");
    let e = rejected(
        vec![Call {
            base: 0,
            argc: 0,
            func: 0,
        }],
        1,
        vec![],
    );
    assert!(e.contains("can fall off the end"), "{e}");
    let e = rejected(vec![], 1, vec![]);
    assert!(e.contains("has no code"), "{e}");
}

#[test]
fn arity_entry_and_frame_size() {
    let mut image = single(vec![ret()], 1, vec![]);
    image.functions[0].arity = 2;
    let e = Program::load(image).err().unwrap();
    assert!(
        e.contains("takes 2 arguments but has only 1 registers"),
        "{e}"
    );
    let mut image = single(vec![ret()], 1, vec![]);
    image.entry = 3;
    let e = Program::load(image).err().unwrap();
    assert!(e.contains("entry function #3 does not exist"), "{e}");
}

#[test]
fn the_assembler_reports_unbound_labels_and_undefined_functions() {
    let mut img = image();
    let main = img.function("Test.main", 0, |f| {
        let l = f.label();
        f.jump(l);
    });
    assert!(img.build(main).unwrap_err().contains("never bound"));
    let mut img = image();
    let f = img.declare("Test.f", 0);
    assert!(img
        .build(f)
        .unwrap_err()
        .contains("declared but not defined"));
}
