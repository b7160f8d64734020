//! Short builders for hand-written typed-IR programs.

#![allow(dead_code)]

use mesh_check::tir::*;
use mesh_syntax::{FileId, Span};

/// A span on `line` (1-based) of the test source (see [`source_text`]): each line of the
/// test file is 10 bytes long.
pub fn at(line: u32) -> Span {
    Span::new(FileId(0), (line - 1) * 10, (line - 1) * 10 + 1)
}

/// A source text whose lines are all 10 bytes long (so `at(n)` is on line `n`).
pub fn source_text(lines: u32) -> String {
    (0..lines).map(|i| format!("{:<9}\n", i + 1)).collect()
}

pub fn ex(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}

pub fn ex_at(line: u32, kind: ExprKind) -> Expr {
    Expr::new(kind, at(line))
}

pub fn int(n: i64) -> Expr {
    ex(ExprKind::Int(n))
}
pub fn float(x: f64) -> Expr {
    ex(ExprKind::Float(x))
}
pub fn boolean(b: bool) -> Expr {
    ex(ExprKind::Bool(b))
}
pub fn string(s: &str) -> Expr {
    ex(ExprKind::Str(s.into()))
}
pub fn unit() -> Expr {
    ex(ExprKind::Unit)
}
pub fn var(l: u32) -> Expr {
    ex(ExprKind::Local(LocalId(l)))
}
pub fn fnref(f: u32) -> Expr {
    ex(ExprKind::FnRef(FnId(f)))
}
pub fn self_closure() -> Expr {
    ex(ExprKind::SelfClosure)
}

pub fn call(f: u32, args: Vec<Expr>) -> Expr {
    ex(ExprKind::Call {
        callee: Callee::Fn(FnId(f)),
        args,
    })
}
pub fn callv(f: Expr, args: Vec<Expr>) -> Expr {
    ex(ExprKind::Call {
        callee: Callee::Value(Box::new(f)),
        args,
    })
}
pub fn native(name: &str, args: Vec<Expr>) -> Expr {
    ex(ExprKind::Call {
        callee: Callee::Native(name.into()),
        args,
    })
}
/// `Test.print(e)`: prints the `Display` text of any value and a newline.
pub fn print(e: Expr) -> Expr {
    native("Test.print", vec![e])
}

pub fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
    ex(ExprKind::Binary {
        op,
        lhs: Box::new(a),
        rhs: Box::new(b),
    })
}
pub fn add(a: Expr, b: Expr) -> Expr {
    bin(BinOp::AddInt, a, b)
}
pub fn sub(a: Expr, b: Expr) -> Expr {
    bin(BinOp::SubInt, a, b)
}
pub fn mul(a: Expr, b: Expr) -> Expr {
    bin(BinOp::MulInt, a, b)
}
pub fn lt(a: Expr, b: Expr) -> Expr {
    bin(BinOp::LtInt, a, b)
}
pub fn eq(a: Expr, b: Expr) -> Expr {
    bin(BinOp::EqInt, a, b)
}
pub fn concat(a: Expr, b: Expr) -> Expr {
    bin(BinOp::Concat, a, b)
}
pub fn unop(op: UnOp, a: Expr) -> Expr {
    ex(ExprKind::Unary {
        op,
        operand: Box::new(a),
    })
}
pub fn not(a: Expr) -> Expr {
    unop(UnOp::Not, a)
}
pub fn and(a: Expr, b: Expr) -> Expr {
    ex(ExprKind::And(Box::new(a), Box::new(b)))
}
pub fn or(a: Expr, b: Expr) -> Expr {
    ex(ExprKind::Or(Box::new(a), Box::new(b)))
}
pub fn display(a: Expr) -> Expr {
    ex(ExprKind::Display(Box::new(a)))
}

pub fn block(stmts: Vec<Stmt>, result: Expr) -> Expr {
    ex(ExprKind::Block {
        stmts,
        result: Box::new(result),
    })
}
pub fn let_(l: u32, value: Expr) -> Stmt {
    Stmt::Let {
        pattern: Pattern::Bind(LocalId(l)),
        value,
    }
}
pub fn let_p(pattern: Pattern, value: Expr) -> Stmt {
    Stmt::Let { pattern, value }
}
pub fn stmt(e: Expr) -> Stmt {
    Stmt::Expr(e)
}
pub fn if_(c: Expr, t: Expr, e: Expr) -> Expr {
    ex(ExprKind::If {
        cond: Box::new(c),
        then_branch: Box::new(t),
        else_branch: Box::new(e),
    })
}
pub fn match_(s: Expr, arms: Vec<Arm>) -> Expr {
    ex(ExprKind::Match {
        scrutinee: Box::new(s),
        arms,
        fail_message: "no match".into(),
    })
}
pub fn arm(pattern: Pattern, body: Expr) -> Arm {
    Arm {
        pattern,
        guard: None,
        body,
    }
}
pub fn arm_g(pattern: Pattern, guard: Expr, body: Expr) -> Arm {
    Arm {
        pattern,
        guard: Some(guard),
        body,
    }
}
pub fn receive(arms: Vec<Arm>, after: Option<(Expr, Expr)>) -> Expr {
    ex(ExprKind::Receive {
        arms,
        after: after.map(|(a, b)| (Box::new(a), Box::new(b))),
    })
}

pub fn tuple(es: Vec<Expr>) -> Expr {
    ex(ExprKind::Tuple(es))
}
pub fn list(es: Vec<Expr>) -> Expr {
    ex(ExprKind::List(es))
}
pub fn map(pairs: Vec<(Expr, Expr)>) -> Expr {
    ex(ExprKind::Map(pairs))
}
pub fn variant(type_id: u32, tag: u32, args: Vec<Expr>) -> Expr {
    ex(ExprKind::MakeVariant {
        type_id: TypeId(type_id),
        tag,
        args,
    })
}
pub fn some(e: Expr) -> Expr {
    variant(0, 0, vec![e])
}
pub fn none() -> Expr {
    variant(0, 1, vec![])
}
pub fn ok(e: Expr) -> Expr {
    variant(1, 0, vec![e])
}
pub fn err(e: Expr) -> Expr {
    variant(1, 1, vec![e])
}
pub fn make_struct(type_id: u32, fields: Vec<(u32, Expr)>) -> Expr {
    ex(ExprKind::MakeStruct {
        type_id: TypeId(type_id),
        fields,
    })
}
pub fn field(base: Expr, index: u32) -> Expr {
    ex(ExprKind::Field {
        base: Box::new(base),
        index,
    })
}
pub fn update(base: Expr, updates: Vec<(u32, Expr)>) -> Expr {
    ex(ExprKind::StructUpdate {
        base: Box::new(base),
        updates,
    })
}

pub fn lambda(params: &[u32], body: Expr) -> Expr {
    ex(ExprKind::Lambda {
        name: String::new(),
        params: params.iter().map(|&l| LocalId(l)).collect(),
        self_local: None,
        body: Box::new(body),
    })
}
pub fn named_lambda(name: &str, self_local: u32, params: &[u32], body: Expr) -> Expr {
    ex(ExprKind::Lambda {
        name: name.into(),
        params: params.iter().map(|&l| LocalId(l)).collect(),
        self_local: Some(LocalId(self_local)),
        body: Box::new(body),
    })
}

pub fn while_(c: Expr, body: Expr) -> Expr {
    ex(ExprKind::While {
        cond: Box::new(c),
        body: Box::new(body),
    })
}
pub fn for_(
    kind: ForKind,
    iterable: Expr,
    pattern: Pattern,
    filter: Option<Expr>,
    body: Expr,
) -> Expr {
    ex(ExprKind::For(Box::new(ForLoop {
        kind,
        iterable,
        pattern,
        filter,
        body,
    })))
}
pub fn range(a: Expr, b: Expr) -> Expr {
    tuple(vec![a, b])
}
pub fn ret(e: Expr) -> Expr {
    ex(ExprKind::Return(Box::new(e)))
}
pub fn brk() -> Expr {
    ex(ExprKind::Break)
}
pub fn cont() -> Expr {
    ex(ExprKind::Continue)
}

// ---- patterns ----

pub fn pbind(l: u32) -> Pattern {
    Pattern::Bind(LocalId(l))
}
pub fn pwild() -> Pattern {
    Pattern::Wildcard
}
pub fn pint(n: i64) -> Pattern {
    Pattern::Int(n)
}
pub fn pstr(s: &str) -> Pattern {
    Pattern::Str(s.into())
}
pub fn ptuple(ps: Vec<Pattern>) -> Pattern {
    Pattern::Tuple(ps)
}
pub fn pvariant(type_id: u32, tag: u32, args: Vec<Pattern>) -> Pattern {
    Pattern::Variant {
        type_id: TypeId(type_id),
        tag,
        args,
    }
}
pub fn psome(p: Pattern) -> Pattern {
    pvariant(0, 0, vec![p])
}
pub fn pnone() -> Pattern {
    pvariant(0, 1, vec![])
}
pub fn pok(p: Pattern) -> Pattern {
    pvariant(1, 0, vec![p])
}
pub fn perr(p: Pattern) -> Pattern {
    pvariant(1, 1, vec![p])
}
pub fn por(ps: Vec<Pattern>) -> Pattern {
    Pattern::Or(ps)
}
pub fn pas(p: Pattern, l: u32) -> Pattern {
    Pattern::As(Box::new(p), LocalId(l))
}
pub fn pcons(h: Pattern, t: Pattern) -> Pattern {
    Pattern::Cons(Box::new(h), Box::new(t))
}

// ---- functions and programs ----

pub fn fun(name: &str, params: &[u32], body: Expr) -> FnDecl {
    FnDecl {
        name: name.into(),
        span: at(1),
        params: params.iter().map(|&l| LocalId(l)).collect(),
        body,
        num_locals: 64,
    }
}

/// The checker's built-in type table prefix.
pub fn builtin_typedefs() -> Vec<TypeDef> {
    vec![
        TypeDef {
            name: "Option".into(),
            kind: TypeDefKind::Sum(vec![
                ("Some".into(), vec![TyDesc::Param(0)]),
                ("None".into(), vec![]),
            ]),
        },
        TypeDef {
            name: "Result".into(),
            kind: TypeDefKind::Sum(vec![
                ("Ok".into(), vec![TyDesc::Param(0)]),
                ("Err".into(), vec![TyDesc::Param(1)]),
            ]),
        },
        TypeDef {
            name: "Ordering".into(),
            kind: TypeDefKind::Sum(vec![
                ("Less".into(), vec![]),
                ("Equal".into(), vec![]),
                ("Greater".into(), vec![]),
            ]),
        },
    ]
}

/// A program of `fns` whose entry is function 0, with the built-in types plus `extra`.
pub fn program_with_types(fns: Vec<FnDecl>, extra: Vec<TypeDef>) -> Program {
    let mut types = builtin_typedefs();
    types.extend(extra);
    Program {
        functions: fns,
        types,
        entry: FnId(0),
    }
}

pub fn program(fns: Vec<FnDecl>) -> Program {
    program_with_types(fns, vec![])
}
