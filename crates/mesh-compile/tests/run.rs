//! Programs built by hand in the typed IR, compiled and run.

mod common;

use common::tir::*;
use common::*;
use mesh_check::tir::{BinOp, ForKind};

#[test]
fn arithmetic_and_printing() {
    let p = program(vec![fun(
        "Main.main",
        &[],
        block(
            vec![
                let_(0, add(int(40), int(2))),
                let_(1, mul(var(0), sub(int(10), int(7)))),
                stmt(print(var(1))),
            ],
            unit(),
        ),
    )]);
    assert_eq!(output(&p), "126\n");
}
