//! Building and taking apart data; copy-on-write; text forms; type keys.

use super::*;
use crate::bytecode::Instr::*;
use crate::bytecode::{type_key, FieldInfo, TypeDesc, TypeInfo, TypeKind};
use crate::value::{builtin_types, MapStore, SetStore};

fn version_type() -> TypeInfo {
    TypeInfo {
        name: "Version".into(),
        kind: TypeKind::Struct(vec![
            FieldInfo {
                name: "major".into(),
                ty: TypeDesc::Int,
            },
            FieldInfo {
                name: "minor".into(),
                ty: TypeDesc::Int,
            },
        ]),
    }
}

/// Runs a one-argument function `Test.f(x)` on `arg`.
fn apply(arg: Value, body: impl FnOnce(&mut FnBuilder)) -> Result<Value, RuntimeError> {
    let mut img = image();
    img.add_type(version_type());
    let f = img.function("Test.f", 1, body);
    let p = load(img, f);
    run_fn(&p, f, vec![arg]).result
}

#[test]
fn tuples_lists_and_maps() {
    let v = eval(|f| {
        f.op(MakeTuple { base: 0, n: 0 }); // ()
        f.op(LoadInt { dst: 1, value: 1 });
        f.op(MakeTuple { base: 1, n: 1 }); // (1)
        f.op(LoadInt { dst: 2, value: 1 });
        f.op(LoadInt { dst: 3, value: 2 });
        f.op(LoadInt { dst: 4, value: 3 });
        f.op(MakeList { base: 2, n: 3 });
        f.op(MakeList { base: 3, n: 0 });
        f.load_str(4, "a");
        f.op(LoadInt { dst: 5, value: 1 });
        f.load_str(6, "b");
        f.op(LoadInt { dst: 7, value: 2 });
        f.load_str(8, "a");
        f.op(LoadInt { dst: 9, value: 3 });
        f.op(MakeMap { base: 4, n: 3 }); // duplicate key: the later value wins
        f.op(MakeMap { base: 5, n: 0 });
        f.op(MakeTuple { base: 0, n: 6 });
        f.op(Return { src: 0 });
    });
    assert_eq!(show(&v), "((), (1), [1, 2, 3], [], %{a => 3, b => 2}, %{})");
}

#[test]
fn data_values_and_fields() {
    let mut img = image();
    let version = img.add_type(version_type());
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadInt { dst: 0, value: 1 });
        f.op(LoadInt { dst: 1, value: 4 });
        f.op(MakeData {
            base: 0,
            n: 2,
            type_id: version,
            tag: 0,
        });
        f.op(GetField {
            dst: 1,
            src: 0,
            idx: 1,
        });
        f.op(LoadInt { dst: 2, value: 9 });
        f.op(SetField {
            dst: 0,
            idx: 0,
            src: 2,
        });
        f.op(MakeData {
            base: 2,
            n: 0,
            type_id: builtin_types::OPTION as u16,
            tag: 1,
        });
        f.op(GetTag { dst: 3, src: 2 });
        f.op(Copy { dst: 4, src: 1 });
        f.op(MakeData {
            base: 4,
            n: 1,
            type_id: builtin_types::OPTION as u16,
            tag: 0,
        });
        f.op(GetTag { dst: 5, src: 4 });
        f.op(GetField {
            dst: 6,
            src: 4,
            idx: 0,
        });
        f.op(MakeTuple { base: 0, n: 7 });
        f.op(Display { dst: 1, src: 0 });
        f.op(Inspect { dst: 2, src: 0 });
        f.op(MakeTuple { base: 0, n: 3 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let v = run_fn(&p, main, vec![]).result.unwrap();
    let t = v.as_tuple().unwrap();
    assert_eq!(
        t[1].as_str(),
        Some("(Version(9, 4), 4, None, 1, Some(4), 0, 4)")
    );
    assert_eq!(
        t[2].as_str(),
        Some("(Version { major: 9, minor: 4 }, 4, None, 1, Some(4), 0, 4)")
    );
    assert_eq!(t[0].as_tuple().unwrap()[2], Value::none());
}

#[test]
fn fields_of_tuples_and_field_errors() {
    let pair = Value::tuple(vec![Value::Int(1), Value::str("x")]);
    let v = apply(pair.clone(), |f| {
        f.op(GetField {
            dst: 1,
            src: 0,
            idx: 1,
        });
        f.op(LoadInt { dst: 2, value: 7 });
        f.op(SetField {
            dst: 0,
            idx: 0,
            src: 2,
        });
        f.op(MakeTuple { base: 0, n: 2 });
        f.op(Return { src: 0 });
    })
    .unwrap();
    assert_eq!(show(&v), "((7, x), x)");
    // The caller's tuple was shared, so SetField copied it.
    assert_eq!(show(&pair), "(1, x)");
    let e = apply(pair, |f| {
        f.op(GetField {
            dst: 1,
            src: 0,
            idx: 2,
        });
        f.op(Return { src: 1 });
    })
    .unwrap_err();
    assert!(
        e.message.contains("element 2 of a tuple of 2"),
        "{}",
        e.message
    );
    let e = apply(Value::Int(3), |f| {
        f.op(GetTag { dst: 1, src: 0 });
        f.op(Return { src: 1 });
    })
    .unwrap_err();
    assert!(e.message.contains("struct or variant"), "{}", e.message);
}

#[test]
fn set_field_copies_a_shared_struct_and_updates_an_owned_one() {
    let shared = Value::data(3, 0, vec![Value::Int(1), Value::Int(2)]);
    let v = apply(shared.clone(), |f| {
        f.op(LoadInt { dst: 1, value: 5 });
        f.op(SetField {
            dst: 0,
            idx: 1,
            src: 1,
        });
        f.op(Return { src: 0 });
    })
    .unwrap();
    assert_eq!(v.data_fields(), &[Value::Int(1), Value::Int(5)]);
    assert_eq!(shared.data_fields(), &[Value::Int(1), Value::Int(2)]);
    // Owned: the same allocation is updated.
    let owned = Value::data(3, 0, vec![Value::Int(1), Value::Int(2)]);
    let before = match &owned {
        Value::Data(d) => Arc::as_ptr(d),
        _ => unreachable!(),
    };
    let v = apply(owned, |f| {
        f.op(LoadInt { dst: 1, value: 5 });
        f.op(SetField {
            dst: 0,
            idx: 1,
            src: 1,
        });
        f.op(Return { src: 0 });
    })
    .unwrap();
    match &v {
        Value::Data(d) => assert_eq!(Arc::as_ptr(d), before),
        _ => panic!("not data"),
    }
}

#[test]
fn len_and_elem_at_on_every_collection() {
    let mut map = MapStore::default();
    map.insert(Value::str("k1"), Value::Int(10));
    map.insert(Value::str("k2"), Value::Int(20));
    let mut set = SetStore::default();
    set.insert(Value::Int(7));
    set.insert(Value::Int(8));
    let coll = Value::tuple(vec![
        Value::list([Value::Int(1), Value::Int(2), Value::Int(3)]),
        Value::Map(Arc::new(map)),
        Value::Set(Arc::new(set)),
    ]);
    let v = apply(coll, |f| {
        f.op(GetField {
            dst: 1,
            src: 0,
            idx: 0,
        });
        f.op(GetField {
            dst: 2,
            src: 0,
            idx: 1,
        });
        f.op(GetField {
            dst: 3,
            src: 0,
            idx: 2,
        });
        f.op(LoadInt { dst: 4, value: 1 });
        f.op(Len { dst: 5, src: 1 });
        f.op(Len { dst: 6, src: 2 });
        f.op(Len { dst: 7, src: 3 });
        f.op(Len { dst: 8, src: 0 });
        f.op(ElemAt {
            dst: 9,
            src: 1,
            idx: 4,
        });
        f.op(ElemAt {
            dst: 10,
            src: 2,
            idx: 4,
        });
        f.op(ElemAt {
            dst: 11,
            src: 3,
            idx: 4,
        });
        f.op(MakeTuple { base: 5, n: 7 });
        f.op(Return { src: 5 });
    })
    .unwrap();
    assert_eq!(show(&v), "(3, 2, 2, 3, 2, (k2, 20), 8)");
    for idx in [3, -1] {
        let e = apply(
            Value::list([Value::Int(1), Value::Int(2), Value::Int(3)]),
            |f| {
                f.load_int(1, idx);
                f.op(ElemAt {
                    dst: 2,
                    src: 0,
                    idx: 1,
                });
                f.op(Return { src: 2 });
            },
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            format!("index {idx} out of range for a List of length 3")
        );
    }
}

#[test]
fn list_uncons_and_push() {
    let shared = Value::list([Value::Int(1), Value::Int(2), Value::Int(3)]);
    let v = apply(shared.clone(), |f| {
        f.op(ListUncons { src: 0, head: 1 });
        f.op(LoadInt { dst: 2, value: 4 });
        f.op(ListPush { list: 0, src: 2 });
        f.op(MakeTuple { base: 0, n: 2 });
        f.op(Return { src: 0 });
    })
    .unwrap();
    assert_eq!(show(&v), "([2, 3, 4], 1)");
    assert_eq!(show(&shared), "[1, 2, 3]", "a shared list is never changed");
    let e = apply(Value::list([]), |f| {
        f.op(ListUncons { src: 0, head: 1 });
        f.op(Return { src: 1 });
    })
    .unwrap_err();
    assert!(e.message.contains("empty list"), "{}", e.message);
    // Unshared: pop_front/push_back on the same allocation.
    let owned = Value::list([Value::Int(1), Value::Int(2)]);
    let before = match &owned {
        Value::List(l) => Arc::as_ptr(l),
        _ => unreachable!(),
    };
    let v = apply(owned, |f| {
        f.op(ListUncons { src: 0, head: 1 });
        f.op(ListPush { list: 0, src: 1 });
        f.op(Return { src: 0 });
    })
    .unwrap();
    match &v {
        Value::List(l) => assert_eq!(Arc::as_ptr(l), before),
        _ => panic!("not a list"),
    }
    assert_eq!(show(&v), "[2, 1]");
}

#[test]
fn concat_strings_and_lists_copy_on_write() {
    // `a` is still referenced by the caller: the result is new, the original unchanged.
    let s = Value::str("abc");
    let v = apply(s.clone(), |f| {
        f.load_str(1, "def");
        f.op(Concat { dst: 2, a: 0, b: 1 });
        f.op(Return { src: 2 });
    })
    .unwrap();
    assert_eq!(v.as_str(), Some("abcdef"));
    assert_eq!(s.as_str(), Some("abc"));
    // Copy + Concat inside the program: the copy keeps its value.
    let v = eval(|f| {
        f.load_str(0, "x");
        f.op(Copy { dst: 1, src: 0 });
        f.load_str(2, "y");
        f.op(Concat { dst: 1, a: 1, b: 2 });
        f.op(Concat { dst: 3, a: 0, b: 0 }); // x <> x
        f.op(MakeTuple { base: 0, n: 4 });
        f.op(Return { src: 0 });
    });
    assert_eq!(show(&v), "((), xy, y, xx)");
    let l = Value::list([Value::Int(1)]);
    let v = apply(l.clone(), |f| {
        f.op(Copy { dst: 1, src: 0 });
        f.op(Concat { dst: 2, a: 0, b: 1 });
        f.op(MakeList { base: 3, n: 0 });
        f.op(Concat { dst: 3, a: 3, b: 2 });
        f.op(Return { src: 3 });
    })
    .unwrap();
    assert_eq!(show(&v), "[1, 1]");
    assert_eq!(show(&l), "[1]");
    let e = apply(Value::Int(1), |f| {
        f.op(Concat { dst: 1, a: 0, b: 0 });
        f.op(Return { src: 1 });
    })
    .unwrap_err();
    assert!(e.message.contains("String or List"), "{}", e.message);
}

#[test]
fn concat_appends_in_place_when_unshared() {
    // 200k appends: quadratic copying would take minutes in a debug build.
    let mut img = image();
    let lp = img.declare("Test.loop", 2);
    img.define(lp, |f| {
        let done = f.label();
        f.op(LoadInt { dst: 2, value: 0 });
        f.op(LtInt { dst: 2, a: 2, b: 0 });
        f.jump_if_false(2, done);
        f.load_str(2, "x");
        f.op(Concat { dst: 1, a: 1, b: 2 });
        f.op(AddIntImm {
            dst: 0,
            src: 0,
            imm: -1,
        });
        f.op(TailCall {
            base: 0,
            argc: 2,
            func: lp,
        });
        f.bind(done).op(Return { src: 1 });
    });
    let p = load(img, lp);
    let t = std::time::Instant::now();
    let v = run_fn(&p, lp, vec![Value::Int(200_000), Value::str("")])
        .result
        .unwrap();
    assert_eq!(v.as_str().map(str::len), Some(200_000));
    assert!(t.elapsed().as_secs() < 10, "appending is not in place");
}

#[test]
fn display_inspect_and_type_keys() {
    let v = eval(|f| {
        f.load_float(0, 3.0);
        f.op(Display { dst: 1, src: 0 });
        f.load_str(2, "s");
        f.op(Display { dst: 3, src: 2 });
        f.op(MakeTuple { base: 0, n: 4 });
        f.op(Return { src: 0 });
    });
    assert_eq!(show(&v), "(3, 3, s, s)");
    assert!(matches!(v.as_tuple().unwrap()[1], Value::Str(_)));
    let keys = |arg: Value| {
        apply(arg, |f| {
            f.op(TypeKey { dst: 1, src: 0 });
            f.op(Return { src: 1 });
        })
        .unwrap()
        .as_int()
        .unwrap()
    };
    assert_eq!(keys(Value::Unit), type_key::UNIT);
    assert_eq!(keys(Value::Bool(true)), type_key::BOOL);
    assert_eq!(keys(Value::Int(1)), type_key::INT);
    assert_eq!(keys(Value::Float(1.0)), type_key::FLOAT);
    assert_eq!(keys(Value::str("")), type_key::STRING);
    assert_eq!(keys(Value::list([])), type_key::LIST);
    assert_eq!(keys(Value::Map(Arc::default())), type_key::MAP);
    assert_eq!(keys(Value::Set(Arc::default())), type_key::SET);
    assert_eq!(
        keys(Value::tuple(vec![Value::Unit, Value::Unit])),
        type_key::TUPLE
    );
    assert_eq!(keys(Value::Fn(0)), type_key::FUNCTION);
    assert_eq!(
        keys(Value::Pid(Arc::new(crate::ProcessRef::new(1)))),
        type_key::PID
    );
    assert_eq!(keys(crate::Handle::new_value("H", 1u8)), type_key::HANDLE);
    assert_eq!(keys(Value::none()), type_key::DATA_BASE);
    assert_eq!(
        keys(Value::data(3, 0, vec![Value::Int(1)])),
        type_key::DATA_BASE + 3
    );
}

#[test]
fn closures_capture_and_call() {
    let mut img = image();
    // adder(x) = fn y -> x + y end
    let body = img.function("Test.adder.<closure 1>", 1, |f| {
        f.op(LoadCapture { dst: 1, idx: 0 });
        f.op(AddInt { dst: 0, a: 0, b: 1 });
        f.op(Return { src: 0 });
    });
    let adder = img.function("Test.adder", 1, |f| {
        f.op(MakeClosure {
            base: 0,
            ncap: 1,
            func: body,
        });
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadInt { dst: 0, value: 10 });
        f.op(Call {
            base: 0,
            argc: 1,
            func: adder,
        });
        f.op(Copy { dst: 1, src: 0 });
        f.op(LoadInt { dst: 2, value: 5 });
        f.op(CallValue { base: 1, argc: 1 }); // r1 = 15
        f.op(Copy { dst: 2, src: 0 });
        f.op(LoadInt { dst: 3, value: 7 });
        f.op(TailCallValue { base: 2, argc: 1 }); // returns 17
    });
    let p = load(img, main);
    assert_eq!(run_fn(&p, main, vec![]).result.unwrap(), Value::Int(17));
}

#[test]
fn load_self_gives_the_running_closure() {
    let mut img = image();
    // count(n) = if n == 0 then captured else count(n - 1) (recursing through LoadSelf)
    let body = img.declare("Test.count", 1);
    img.define(body, |f| {
        let rec = f.label();
        f.op(LoadInt { dst: 1, value: 0 });
        f.op(EqInt { dst: 1, a: 0, b: 1 });
        f.jump_if_false(1, rec);
        f.op(LoadCapture { dst: 0, idx: 0 });
        f.op(Return { src: 0 });
        f.bind(rec);
        f.op(LoadSelf { dst: 1 });
        f.op(AddIntImm {
            dst: 2,
            src: 0,
            imm: -1,
        });
        f.op(TailCallValue { base: 1, argc: 1 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.load_str(0, "done");
        f.op(MakeClosure {
            base: 0,
            ncap: 1,
            func: body,
        });
        f.op(LoadInt {
            dst: 1,
            value: 1000,
        });
        f.op(CallValue { base: 0, argc: 1 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    assert_eq!(
        run_fn(&p, main, vec![]).result.unwrap().as_str(),
        Some("done")
    );
}

#[test]
fn bad_calls_of_function_values_are_errors() {
    let mut img = image();
    let one = img.function("Test.one", 1, |f| {
        f.op(Return { src: 0 });
    });
    let main = img.function("Test.main", 0, |f| {
        f.op(LoadFn { dst: 0, func: one });
        f.op(CallValue { base: 0, argc: 0 });
        f.op(Return { src: 0 });
    });
    let p = load(img, main);
    let e = run_fn(&p, main, vec![]).result.unwrap_err();
    assert!(
        e.message
            .contains("`Test.one` takes 1 argument(s) but was called with 0"),
        "{}",
        e.message
    );
    let e = apply(Value::Int(3), |f| {
        f.op(CallValue { base: 0, argc: 0 });
        f.op(Return { src: 0 });
    })
    .unwrap_err();
    assert!(
        e.message.contains("cannot call a value of kind Int"),
        "{}",
        e.message
    );
    let e = apply(Value::Fn(999), |f| {
        f.op(CallValue { base: 0, argc: 0 });
        f.op(Return { src: 0 });
    })
    .unwrap_err();
    assert!(e.message.contains("#999"), "{}", e.message);
    // LoadCapture outside a closure.
    let e = apply(Value::Unit, |f| {
        f.op(LoadCapture { dst: 0, idx: 0 });
        f.op(Return { src: 0 });
    })
    .unwrap_err();
    assert!(
        e.message.contains("not running as a closure"),
        "{}",
        e.message
    );
}
