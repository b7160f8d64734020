//! Random programs: whatever passes the verifier runs without panicking — every failure is
//! a `RuntimeError`.

use super::*;
use crate::bytecode::{Const, Function, Instr};
use crate::process::ProcessRef;

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn reg(&mut self, nregs: u16) -> u16 {
        // Mostly in range; sometimes one past (the verifier must catch it).
        if self.below(40) == 0 {
            nregs
        } else {
            self.below(nregs as u64) as u16
        }
    }
    fn small(&mut self) -> u8 {
        self.below(4) as u8
    }
    fn offset(&mut self) -> i32 {
        self.below(11) as i32 - 5
    }
}

fn random_instr(rng: &mut Rng, nregs: u16, nfuncs: u32) -> Instr {
    use Instr::*;
    let r = |rng: &mut Rng| rng.reg(nregs);
    let func = |rng: &mut Rng| rng.below(nfuncs as u64 + 1) as u32;
    match rng.below(64) {
        0 => Move {
            dst: r(rng),
            src: r(rng),
        },
        1 => Copy {
            dst: r(rng),
            src: r(rng),
        },
        2 => LoadConst {
            dst: r(rng),
            idx: rng.below(4) as u32,
        },
        3 => LoadInt {
            dst: r(rng),
            value: [0, 1, -1, i32::MAX, i32::MIN, 7][rng.below(6) as usize],
        },
        4 => LoadBool {
            dst: r(rng),
            value: rng.below(2) == 0,
        },
        5 => LoadUnit { dst: r(rng) },
        6 => LoadFn {
            dst: r(rng),
            func: func(rng),
        },
        7 => LoadCapture {
            dst: r(rng),
            idx: rng.below(3) as u16,
        },
        8 => LoadSelf { dst: r(rng) },
        9 => AddInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        10 => SubInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        11 => MulInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        12 => DivInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        13 => RemInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        14 => NegInt {
            dst: r(rng),
            src: r(rng),
        },
        15 => AddIntImm {
            dst: r(rng),
            src: r(rng),
            imm: rng.below(5) as i16 - 2,
        },
        16 => AddFloat {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        17 => DivFloat {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        18 => RemFloat {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        19 => NegFloat {
            dst: r(rng),
            src: r(rng),
        },
        20 => EqInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        21 => NeInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        22 => LtInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        23 => LeInt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        24 => LtFloat {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        25 => Eq {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        26 => Lt {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        27 => Not {
            dst: r(rng),
            src: r(rng),
        },
        28 | 29 => Jump {
            offset: rng.offset(),
        },
        30 | 31 => JumpIfTrue {
            cond: r(rng),
            offset: rng.offset(),
        },
        32 | 33 => JumpIfFalse {
            cond: r(rng),
            offset: rng.offset(),
        },
        34 => Call {
            base: r(rng),
            argc: rng.small(),
            func: func(rng),
        },
        35 => TailCall {
            base: r(rng),
            argc: rng.small(),
            func: func(rng),
        },
        36 => CallValue {
            base: r(rng),
            argc: rng.small(),
        },
        37 => TailCallValue {
            base: r(rng),
            argc: rng.small(),
        },
        38 => CallNative {
            base: r(rng),
            argc: rng.small(),
            native: rng.below(3) as u16,
        },
        39 | 40 => Return { src: r(rng) },
        41 => Fail {
            msg: rng.below(4) as u32,
        },
        42 => MakeTuple {
            base: r(rng),
            n: rng.small() as u16,
        },
        43 => MakeList {
            base: r(rng),
            n: rng.small() as u16,
        },
        44 => MakeMap {
            base: r(rng),
            n: rng.small() as u16,
        },
        45 => MakeData {
            base: r(rng),
            n: rng.below(2) as u8,
            type_id: rng.below(4) as u16,
            tag: rng.below(3) as u16,
        },
        46 => MakeClosure {
            base: r(rng),
            ncap: rng.small(),
            func: func(rng),
        },
        47 => GetField {
            dst: r(rng),
            src: r(rng),
            idx: rng.below(3) as u16,
        },
        48 => SetField {
            dst: r(rng),
            idx: rng.below(3) as u16,
            src: r(rng),
        },
        49 => GetTag {
            dst: r(rng),
            src: r(rng),
        },
        50 => Len {
            dst: r(rng),
            src: r(rng),
        },
        51 => ElemAt {
            dst: r(rng),
            src: r(rng),
            idx: r(rng),
        },
        52 => ListUncons {
            src: r(rng),
            head: r(rng),
        },
        53 => ListPush {
            list: r(rng),
            src: r(rng),
        },
        54 | 55 => Concat {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
        56 => Display {
            dst: r(rng),
            src: r(rng),
        },
        57 => Inspect {
            dst: r(rng),
            src: r(rng),
        },
        58 => TypeKey {
            dst: r(rng),
            src: r(rng),
        },
        59 => RecvStart { timeout: r(rng) },
        60 => RecvPeek {
            dst: r(rng),
            on_timeout: rng.offset(),
        },
        61 => RecvAccept,
        62 => RecvSkip,
        _ => Le {
            dst: r(rng),
            a: r(rng),
            b: r(rng),
        },
    }
}

fn random_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Int(rng.below(5) as i64 - 2),
        1 => Value::Int(i64::MAX),
        2 => Value::Float(1.5),
        3 => Value::str("s"),
        4 => Value::list([Value::Int(1), Value::str("x")]),
        5 => Value::tuple(vec![Value::Int(1), Value::Int(2)]),
        6 => Value::some(Value::Int(3)),
        7 => Value::Fn(rng.below(3) as u32),
        _ => Value::Unit,
    }
}

/// A host whose natives succeed, fail or suspend at random, with any arguments.
struct FuzzHost(Rng);

impl Host for FuzzHost {
    fn call_native(&mut self, _: &mut Fiber, _: u16, args: &mut [Value]) -> NativeResult {
        match self.0.below(4) {
            0 => NativeResult::Error("native failed".into()),
            1 => NativeResult::Suspend(Box::pin(std::future::ready(Ok(Value::Int(1))))),
            2 => NativeResult::Value(args.first_mut().map(std::mem::take).unwrap_or_default()),
            _ => NativeResult::Value(Value::str("n")),
        }
    }
}

#[test]
fn verified_random_programs_never_panic() {
    // MESH_VM_FUZZ=<iterations>[,<seed>] runs a longer search locally.
    let setting = std::env::var("MESH_VM_FUZZ").unwrap_or_default();
    let mut parts = setting.split(',').map(|p| p.trim().parse::<u64>().ok());
    let iterations = parts.next().flatten().unwrap_or(100_000);
    let seed = parts.next().flatten().unwrap_or(0x5eed_1234_abcd_ef01);
    let mut rng = Rng(seed | 1);
    let (mut accepted, mut finished, mut failed) = (0, 0, 0);
    for _ in 0..iterations {
        let nfuncs = 1 + rng.below(3) as u32;
        let functions: Vec<Function> = (0..nfuncs)
            .map(|i| {
                let nregs = 1 + rng.below(6) as u16;
                let len = 1 + rng.below(10) as usize;
                let mut code: Vec<Instr> = (0..len)
                    .map(|_| random_instr(&mut rng, nregs, nfuncs))
                    .collect();
                if rng.below(3) > 0 {
                    code.push(Instr::Return { src: 0 });
                }
                Function {
                    name: format!("Fuzz.f{i}"),
                    file: 0,
                    arity: rng.below(nregs as u64 + 1).min(2) as u8,
                    nregs,
                    code,
                    consts: vec![
                        Const::Str("c".into()),
                        Const::Int(3),
                        Const::Float(0.5),
                        Const::Str(String::new()),
                    ],
                    lines: vec![(0, 1)],
                }
            })
            .collect();
        let image = Image {
            files: vec!["fuzz.mpl".into()],
            functions,
            natives: vec!["a".into(), "b".into(), "c".into()],
            types: Image::builtin_types(),
            entry: 0,
        };
        let Ok(program) = Program::load(image) else {
            continue;
        };
        accepted += 1;
        let arity = program.functions[0].arity;
        let args = (0..arity).map(|_| random_value(&mut rng)).collect();
        let mut fiber = Fiber::new(&program, 0, args);
        fiber.set_stack_limits(200, 10_000);
        let process = Arc::new(ProcessRef::new(1));
        process.mailbox.push(random_value(&mut rng));
        fiber.process = Some(process);
        let mut host = FuzzHost(Rng(rng.next() | 1));
        for _ in 0..50 {
            match fiber.run(&program, &mut host, 1 + rng.below(20) as u32) {
                RunOutcome::Finished(_) => {
                    finished += 1;
                    break;
                }
                RunOutcome::Failed(e) => {
                    // (Any message — `Fail` of the empty constant gives an empty one.)
                    assert!(!e.trace.is_empty() || e.message.contains("already finished"));
                    failed += 1;
                    break;
                }
                RunOutcome::Yielded => {}
                RunOutcome::Suspended(fut) => match poll_now(fut) {
                    Ok(v) => fiber.resume_native(v),
                    Err(_) => break,
                },
                RunOutcome::WaitMessage { .. } => fiber.resume_timeout(),
            }
        }
    }
    // The generator must exercise the interpreter, not just the verifier.
    eprintln!("fuzz: {accepted} verified programs, {finished} finished, {failed} failed");
    assert!(
        accepted > 10_000,
        "only {accepted} programs passed verification"
    );
    assert!(finished > 1_000 && failed > 1_000);
}
