//! A type-directed generator of random, well-typed IR programs for differential tests.
//!
//! Programs use Ints, Bools, Strings, Int lists, `Option<Int>`, Int pairs, `Int -> Int`
//! closures (capturing, and self-recursive named ones) and a `Point` struct, with lets,
//! tuple lets, if, every pattern form, for loops with filter/break/continue, while loops,
//! early returns, helper functions with tail and non-tail recursion, and natives. Loops and
//! recursion are bounded by construction so every program terminates.

#![allow(dead_code)]

use super::tir::*;
use mesh_check::tir::*;

/// xorshift64*: deterministic and dependency-free.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Int,
    Bool,
    Str,
    List,
    Opt,
    Pair,
    Fun,
    Point,
}

const ALL: [Ty; 8] = [
    Ty::Int,
    Ty::Bool,
    Ty::Str,
    Ty::List,
    Ty::Opt,
    Ty::Pair,
    Ty::Fun,
    Ty::Point,
];

/// The type id of `Point { x: Int, y: Int, tag: String }`.
pub const POINT: u32 = 3;

pub fn point_typedef() -> TypeDef {
    TypeDef {
        name: "Point".into(),
        kind: TypeDefKind::Struct(vec![
            ("x".into(), TyDesc::Int),
            ("y".into(), TyDesc::Int),
            ("tag".into(), TyDesc::String),
        ]),
    }
}

#[derive(Clone)]
struct Ctx {
    vars: Vec<(u32, Ty)>,
    /// Inside a `for` body (break/continue allowed).
    in_for: bool,
    /// Inside a `while` body (break allowed, continue would loop forever).
    in_while: bool,
    /// The enclosing function's result type, for `return`.
    ret: Ty,
}

pub struct Gen {
    pub rng: Rng,
    next_local: u32,
    /// Helpers callable so far: `(fn id)`; all are `(Int, Int) -> Int`.
    helpers: Vec<u32>,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            next_local: 0,
            helpers: Vec::new(),
        }
    }

    fn fresh(&mut self) -> u32 {
        self.next_local += 1;
        self.next_local - 1
    }

    /// A whole program: main (fn 0) plus a few helpers.
    pub fn program(&mut self) -> Program {
        let nhelpers = self.rng.below(4) as u32;
        let mut fns = vec![fun("Main.main", &[], unit())];
        for k in 1..=nhelpers {
            self.next_local = 0;
            let a = self.fresh();
            let b = self.fresh();
            let ctx = Ctx {
                vars: vec![(a, Ty::Int), (b, Ty::Int)],
                in_for: false,
                in_while: false,
                ret: Ty::Int,
            };
            let body = if self.rng.chance(40) {
                // Bounded self-recursion, tail or not.
                let stop = or(bin(BinOp::LeInt, var(a), int(0)), lt(int(60), var(a)));
                let base = self.expr(Ty::Int, &ctx, 2);
                let step = self.expr(Ty::Int, &ctx, 2);
                let rec = call(k, vec![sub(var(a), int(1)), step]);
                let rec = if self.rng.chance(50) {
                    rec
                } else {
                    add(rec, self.expr(Ty::Int, &ctx, 1))
                };
                if_(stop, base, rec)
            } else {
                self.expr(Ty::Int, &ctx, 4)
            };
            let mut f = fun(&format!("Main.h{k}"), &[a, b], body);
            f.num_locals = self.next_local;
            fns.push(f);
            self.helpers.push(k);
        }
        self.next_local = 0;
        let ctx = Ctx {
            vars: vec![],
            in_for: false,
            in_while: false,
            ret: Ty::Int,
        };
        let n = 3 + self.rng.below(5) as usize;
        let body = self.block(Ty::Int, &ctx, 5, n);
        fns[0].body = body;
        fns[0].num_locals = self.next_local;
        program_with_types(fns, vec![point_typedef()])
    }

    fn pick_var(&mut self, ty: Ty, ctx: &Ctx) -> Option<u32> {
        let vs: Vec<u32> = ctx.vars.iter().filter(|v| v.1 == ty).map(|v| v.0).collect();
        if vs.is_empty() {
            None
        } else {
            Some(vs[self.rng.below(vs.len() as u64) as usize])
        }
    }

    fn small(&mut self) -> i64 {
        self.rng.below(21) as i64 - 10
    }

    /// A block of `n` statements and a result of type `ty`.
    fn block(&mut self, ty: Ty, ctx: &Ctx, depth: u32, n: usize) -> Expr {
        let mut ctx = ctx.clone();
        let mut stmts = Vec::new();
        for _ in 0..n {
            match self.rng.below(10) {
                0..=3 => {
                    let t = ALL[self.rng.below(ALL.len() as u64) as usize];
                    let v = self.expr(t, &ctx, depth.saturating_sub(1));
                    let l = self.fresh();
                    stmts.push(let_(l, v));
                    ctx.vars.push((l, t));
                }
                4 => {
                    let v = self.expr(Ty::Pair, &ctx, depth.saturating_sub(1));
                    let (a, b) = (self.fresh(), self.fresh());
                    stmts.push(let_p(ptuple(vec![pbind(a), pbind(b)]), v));
                    ctx.vars.push((a, Ty::Int));
                    ctx.vars.push((b, Ty::Int));
                }
                5..=6 => {
                    let s = self.expr(Ty::Str, &ctx, depth.saturating_sub(1));
                    stmts.push(stmt(print(s)));
                }
                7 => {
                    // A loop for its effects.
                    let l = self.expr(Ty::List, &ctx, depth.saturating_sub(2));
                    stmts.push(stmt(l));
                }
                8 => {
                    // while c do …; break end
                    let c = self.expr(Ty::Bool, &ctx, 1);
                    let mut inner = ctx.clone();
                    inner.in_while = true;
                    inner.in_for = false;
                    let s = self.expr(Ty::Str, &inner, depth.saturating_sub(2));
                    let early = self.early_exit(&inner, depth);
                    let mut body_stmts = vec![stmt(print(s))];
                    body_stmts.extend(early);
                    stmts.push(stmt(while_(c, block(body_stmts, brk()))));
                }
                _ => {
                    stmts.extend(self.early_exit(&ctx, depth));
                }
            }
        }
        let result = self.expr(ty, &ctx, depth);
        block(stmts, result)
    }

    /// `if c do break/continue/return x end`, as allowed by the context.
    fn early_exit(&mut self, ctx: &Ctx, depth: u32) -> Vec<Stmt> {
        let c = self.expr(Ty::Bool, ctx, 1);
        let exit = match self.rng.below(3) {
            0 if ctx.in_for || ctx.in_while => brk(),
            1 if ctx.in_for => cont(),
            _ => {
                let v = self.expr(ctx.ret, ctx, depth.saturating_sub(2));
                ret(v)
            }
        };
        vec![stmt(if_(c, exit, unit()))]
    }

    fn expr(&mut self, ty: Ty, ctx: &Ctx, depth: u32) -> Expr {
        if depth == 0 || self.rng.chance(15) {
            if let Some(v) = self.pick_var(ty, ctx) {
                if self.rng.chance(70) {
                    return var(v);
                }
            }
            return self.leaf(ty, ctx);
        }
        let d = depth - 1;
        // Constructs valid for every type.
        match self.rng.below(12) {
            0 => {
                let c = self.expr(Ty::Bool, ctx, d);
                return if_(c, self.expr(ty, ctx, d), self.expr(ty, ctx, d));
            }
            1 => {
                let n = self.rng.below(3) as usize;
                return self.block(ty, ctx, d, n);
            }
            2 => return self.match_expr(ty, ctx, d),
            _ => {}
        }
        match ty {
            Ty::Int => self.int_expr(ctx, d),
            Ty::Bool => self.bool_expr(ctx, d),
            Ty::Str => match self.rng.below(4) {
                0 => concat(self.expr(Ty::Str, ctx, d), self.expr(Ty::Str, ctx, d)),
                1 => {
                    let t = ALL[self.rng.below(8) as usize];
                    display(self.expr(t, ctx, d))
                }
                2 => display(self.expr(Ty::Int, ctx, d)),
                _ => self.leaf(Ty::Str, ctx),
            },
            Ty::List => self.list_expr(ctx, d),
            Ty::Opt => match self.rng.below(3) {
                0 => none(),
                _ => some(self.expr(Ty::Int, ctx, d)),
            },
            Ty::Pair => tuple(vec![self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d)]),
            Ty::Fun => self.fun_expr(ctx, d),
            Ty::Point => match self.rng.below(3) {
                0 => {
                    let base = self.expr(Ty::Point, ctx, d);
                    let mut ups = vec![];
                    for idx in 0..3u32 {
                        if self.rng.chance(50) {
                            let t = if idx == 2 { Ty::Str } else { Ty::Int };
                            ups.push((idx, self.expr(t, ctx, d)));
                        }
                    }
                    update(base, ups)
                }
                _ => self.make_point(ctx, d),
            },
        }
    }

    fn make_point(&mut self, ctx: &Ctx, d: u32) -> Expr {
        let mut order = vec![0u32, 1, 2];
        if self.rng.chance(50) {
            order.swap(0, 2);
        }
        if self.rng.chance(50) {
            order.swap(0, 1);
        }
        let fields = order
            .into_iter()
            .map(|i| {
                let t = if i == 2 { Ty::Str } else { Ty::Int };
                (i, self.expr(t, ctx, d))
            })
            .collect();
        make_struct(POINT, fields)
    }

    fn leaf(&mut self, ty: Ty, ctx: &Ctx) -> Expr {
        match ty {
            Ty::Int => {
                if self.rng.chance(5) {
                    int(1 << 40)
                } else {
                    int(self.small())
                }
            }
            Ty::Bool => boolean(self.rng.chance(50)),
            Ty::Str => string(["", "a", "bc", "hello"][self.rng.below(4) as usize]),
            Ty::List => list((0..self.rng.below(4)).map(|_| int(self.small())).collect()),
            Ty::Opt => {
                if self.rng.chance(50) {
                    none()
                } else {
                    some(int(self.small()))
                }
            }
            Ty::Pair => tuple(vec![int(self.small()), int(self.small())]),
            Ty::Fun => {
                let p = self.fresh();
                let mut inner = ctx.clone();
                inner.vars.push((p, Ty::Int));
                inner.in_for = false;
                inner.in_while = false;
                inner.ret = Ty::Int;
                let body = self.expr(Ty::Int, &inner, 1);
                lambda(&[p], body)
            }
            Ty::Point => {
                let ctx = ctx.clone();
                self.make_point(&ctx, 0)
            }
        }
    }

    fn int_expr(&mut self, ctx: &Ctx, d: u32) -> Expr {
        match self.rng.below(14) {
            0 => add(self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d)),
            1 => sub(self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d)),
            2 => mul(self.expr(Ty::Int, ctx, d), int(self.small())),
            3 => {
                let op = [BinOp::DivInt, BinOp::RemInt][self.rng.below(2) as usize];
                bin(op, self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d))
            }
            4 => unop(UnOp::NegInt, self.expr(Ty::Int, ctx, d)),
            5 => native("List.length", vec![self.expr(Ty::List, ctx, d)]),
            6 => native("String.length", vec![self.expr(Ty::Str, ctx, d)]),
            7 => field(self.expr(Ty::Point, ctx, d), self.rng.below(2) as u32),
            8 => callv(self.expr(Ty::Fun, ctx, d), vec![self.expr(Ty::Int, ctx, d)]),
            9 if !self.helpers.is_empty() => {
                let h = self.helpers[self.rng.below(self.helpers.len() as u64) as usize];
                call(
                    h,
                    vec![self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d)],
                )
            }
            10 => add(int(self.small()), self.expr(Ty::Int, ctx, d)),
            _ => self.leaf(Ty::Int, ctx),
        }
    }

    fn bool_expr(&mut self, ctx: &Ctx, d: u32) -> Expr {
        use BinOp::*;
        match self.rng.below(7) {
            0 | 1 => {
                let op = [EqInt, NeInt, LtInt, LeInt, GtInt, GeInt][self.rng.below(6) as usize];
                bin(op, self.expr(Ty::Int, ctx, d), self.expr(Ty::Int, ctx, d))
            }
            2 => and(self.expr(Ty::Bool, ctx, d), self.expr(Ty::Bool, ctx, d)),
            3 => or(self.expr(Ty::Bool, ctx, d), self.expr(Ty::Bool, ctx, d)),
            4 => not(self.expr(Ty::Bool, ctx, d)),
            5 => {
                let op = [Eq, Ne, Lt, Le, Gt, Ge][self.rng.below(6) as usize];
                let t = [Ty::Str, Ty::List, Ty::Opt, Ty::Pair][self.rng.below(4) as usize];
                bin(op, self.expr(t, ctx, d), self.expr(t, ctx, d))
            }
            _ => self.leaf(Ty::Bool, ctx),
        }
    }

    fn list_expr(&mut self, ctx: &Ctx, d: u32) -> Expr {
        match self.rng.below(6) {
            0 => concat(self.expr(Ty::List, ctx, d), self.expr(Ty::List, ctx, d)),
            1 => native(
                "List.append",
                vec![self.expr(Ty::List, ctx, d), self.expr(Ty::Int, ctx, d)],
            ),
            2 | 3 => {
                let range_loop = self.rng.chance(50);
                let (kind, iterable) = if range_loop {
                    let lo = int(self.small());
                    let hi = if self.rng.chance(50) {
                        int(self.small())
                    } else {
                        bin(BinOp::RemInt, self.expr(Ty::Int, ctx, d), int(7))
                    };
                    (ForKind::Range, range(lo, hi))
                } else {
                    (ForKind::List, self.expr(Ty::List, ctx, d))
                };
                let x = self.fresh();
                let mut inner = ctx.clone();
                inner.vars.push((x, Ty::Int));
                inner.in_for = true;
                inner.in_while = false;
                let filter = if self.rng.chance(40) {
                    Some(self.expr(Ty::Bool, &inner, 1))
                } else {
                    None
                };
                let n = self.rng.below(3) as usize;
                let body = self.block(Ty::Int, &inner, d, n);
                for_(kind, iterable, pbind(x), filter, body)
            }
            _ => list(
                (0..self.rng.below(4))
                    .map(|_| self.expr(Ty::Int, ctx, d))
                    .collect(),
            ),
        }
    }

    fn fun_expr(&mut self, ctx: &Ctx, d: u32) -> Expr {
        let p = self.fresh();
        let mut inner = ctx.clone();
        inner.vars.push((p, Ty::Int));
        inner.in_for = false;
        inner.in_while = false;
        inner.ret = Ty::Int;
        if self.rng.chance(30) {
            // fn f(n) -> if n <= 0 or n > 25 then base else f(n - 1) + step end
            let s = self.fresh();
            let base = self.expr(Ty::Int, &inner, d);
            let step = self.expr(Ty::Int, &inner, d.min(1));
            let stop = or(bin(BinOp::LeInt, var(p), int(0)), lt(int(25), var(p)));
            let rec = callv(var(s), vec![sub(var(p), int(1))]);
            let rec = if self.rng.chance(50) {
                rec
            } else {
                add(rec, step)
            };
            return named_lambda("Main.main.rec", s, &[p], if_(stop, base, rec));
        }
        let body = self.expr(Ty::Int, &inner, d);
        lambda(&[p], body)
    }

    fn match_expr(&mut self, ty: Ty, ctx: &Ctx, d: u32) -> Expr {
        let arm_ctx = |_: &mut Gen, binds: &[(u32, Ty)]| {
            let mut c = ctx.clone();
            c.vars.extend_from_slice(binds);
            c
        };
        let guard = |g: &mut Gen, c: &Ctx| {
            if g.rng.chance(30) {
                Some(g.expr(Ty::Bool, c, 1))
            } else {
                None
            }
        };
        let mk_arm = |pattern, guard: Option<Expr>, body| match guard {
            Some(gd) => arm_g(pattern, gd, body),
            None => arm(pattern, body),
        };
        match self.rng.below(4) {
            0 => {
                // Option
                let s = self.expr(Ty::Opt, ctx, d);
                let x = self.fresh();
                let c = arm_ctx(self, &[(x, Ty::Int)]);
                let g1 = guard(self, &c);
                let b1 = self.expr(ty, &c, d);
                let lit = self.small();
                let b0 = self.expr(ty, ctx, d);
                let b2 = self.expr(ty, ctx, d);
                let arms = vec![
                    arm(psome(pint(lit)), b0),
                    mk_arm(psome(pbind(x)), g1, b1),
                    arm(pwild(), b2),
                ];
                match_(s, arms)
            }
            1 => {
                // pair with literals, or-patterns and as
                let s = self.expr(Ty::Pair, ctx, d);
                let (x, y, z) = (self.fresh(), self.fresh(), self.fresh());
                let c1 = arm_ctx(self, &[(x, Ty::Int)]);
                let c2 = arm_ctx(self, &[(y, Ty::Int), (z, Ty::Pair)]);
                let (l1, l2) = (self.small(), self.small());
                let b1 = self.expr(ty, &c1, d);
                let g2 = guard(self, &c2);
                let b2 = self.expr(ty, &c2, d);
                let b3 = self.expr(ty, ctx, d);
                match_(
                    s,
                    vec![
                        arm(
                            por(vec![
                                ptuple(vec![pbind(x), pint(l1)]),
                                ptuple(vec![pint(l2), pbind(x)]),
                            ]),
                            b1,
                        ),
                        mk_arm(pas(ptuple(vec![pwild(), pbind(y)]), z), g2, b2),
                        arm(pwild(), b3),
                    ],
                )
            }
            2 => {
                // list cons
                let s = self.expr(Ty::List, ctx, d);
                let (h, t) = (self.fresh(), self.fresh());
                let c = arm_ctx(self, &[(h, Ty::Int), (t, Ty::List)]);
                let g = guard(self, &c);
                let b1 = self.expr(ty, &c, d);
                let h2 = self.fresh();
                let c2 = arm_ctx(self, &[(h2, Ty::Int)]);
                let lit = self.small();
                let b0 = self.expr(ty, &c2, d);
                let b2 = self.expr(ty, ctx, d);
                match_(
                    s,
                    vec![
                        arm(pcons(pint(lit), pcons(pbind(h2), pwild())), b0),
                        mk_arm(pcons(pbind(h), pbind(t)), g, b1),
                        arm(pwild(), b2),
                    ],
                )
            }
            _ => {
                // Int literals, with the scrutinee possibly a local
                let s = self.expr(Ty::Int, ctx, d);
                let x = self.fresh();
                let c = arm_ctx(self, &[(x, Ty::Int)]);
                let lits = (self.small(), self.small());
                let b0 = self.expr(ty, ctx, d);
                let g = guard(self, &c);
                let b1 = self.expr(ty, &c, d);
                let b2 = self.expr(ty, ctx, d);
                match_(
                    s,
                    vec![
                        arm(por(vec![pint(lits.0), pint(lits.1)]), b0),
                        mk_arm(pbind(x), g, b1),
                        arm(pwild(), b2),
                    ],
                )
            }
        }
    }
}
