//! Differential testing: random well-typed programs (see `common::gen`) are evaluated
//! directly on the IR (`common::eval`) and compiled and run on both the strict reference
//! interpreter and the real VM; all three must agree. `MESH_FUZZ_ITERS` and
//! `MESH_FUZZ_SEED` widen or move the search.

mod common;

use common::*;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_programs_agree_with_the_ir_evaluator() {
    let iters = env_u64("MESH_FUZZ_ITERS", 300);
    let first = env_u64("MESH_FUZZ_SEED", 1);
    let mut checked = 0;
    for seed in first..first + iters {
        let p = gen::Gen::new(seed).program();
        let img = image(&p);
        let Some(expected) = eval::eval(&p, &img.types, 300_000) else {
            continue;
        };
        if matches!(&expected.result, Err(m) if m == "stack overflow") {
            continue;
        }
        let show = |v: &mesh_vm::Value| mesh_vm::ops::inspect(v, &img.types);
        let want = expected.result.as_ref().map(show);
        let reference = refvm::run(&img, vec![], vec![]);
        let real = real::run(img.clone(), vec![], vec![]);
        let got_ref = reference
            .as_ref()
            .map(|o| show(&o.value))
            .map_err(Clone::clone);
        let got_real = real.as_ref().map(|o| show(&o.value)).map_err(Clone::clone);
        let agree = |got: &Result<String, String>, out: Option<&str>| match (&want, got) {
            (Ok(w), Ok(g)) => w == g && out == Some(expected.out.as_str()),
            (Err(_), Err(_)) => true,
            _ => false,
        };
        let ok_ref = agree(&got_ref, reference.as_ref().ok().map(|o| o.out.as_str()));
        let ok_real = agree(&got_real, real.as_ref().ok().map(|o| o.out.as_str()));
        assert!(
            ok_ref && ok_real,
            "seed {seed}: evaluator {want:?} (output {:?})\nreference VM {got_ref:?} (output {:?})\n\
             real VM {got_real:?} (output {:?})\n{}\n{:#?}",
            expected.out,
            reference.as_ref().map(|o| o.out.clone()).ok(),
            real.as_ref().map(|o| o.out.clone()).ok(),
            dump(&img),
            p.functions
        );
        checked += 1;
    }
    assert!(
        checked * 2 > iters,
        "only {checked} of {iters} programs were checked"
    );
}
