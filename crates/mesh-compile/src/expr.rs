//! Value expressions: literals, locals, operators, calls and data construction.
//!
//! Read-only operands that are locals are used in place (no copy). Whenever a local's value
//! is *placed* somewhere — a call or `Make*` window, an owned operand of `Concat` or
//! `SetField`, another local — a `Copy` is emitted; the liveness pass later turns the copies
//! made on a variable's last use into `Move`s.

use crate::func::{Dest, FnCompiler};
use crate::scope::Slot;
use mesh_check::tir::{BinOp, Callee, Expr, ExprKind, LocalId, TypeId, UnOp};
use mesh_vm::{Instr, Reg};

/// Elements put into one `MakeList` window; longer literals continue with `ListPush` so a
/// huge literal does not need a huge frame.
const LIST_WINDOW: usize = 64;

impl FnCompiler<'_, '_> {
    /// Compiles `e` towards `dest`. Leaves the register stack as it found it.
    pub fn expr(&mut self, e: &Expr, dest: Dest) {
        let prev = self.enter(e.span);
        self.expr_kind(e, dest);
        self.b.set_line(prev);
    }

    fn expr_kind(&mut self, e: &Expr, dest: Dest) {
        use ExprKind as K;
        match &e.kind {
            K::Unit => self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadUnit { dst })),
            K::Int(n) => self.leaf(dest, true, |c, dst| c.b.load_int(dst, *n)),
            K::Float(x) => self.leaf(dest, true, |c, dst| c.b.load_float(dst, *x)),
            K::Bool(value) => self.leaf(dest, true, |c, dst| {
                c.b.emit(Instr::LoadBool { dst, value: *value })
            }),
            K::Str(s) => self.leaf(dest, true, |c, dst| c.b.load_str(dst, s)),
            K::Local(id) => self.local(*id, dest),
            K::FnRef(f) => self.leaf(dest, true, |c, dst| {
                c.b.emit(Instr::LoadFn { dst, func: f.0 })
            }),
            K::SelfClosure => self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadSelf { dst })),
            K::Call { callee, args } => self.call(callee, args, dest),
            K::Lambda {
                name,
                params,
                self_local,
                body,
            } => self.lambda(name, params, *self_local, body, e.span, dest),
            K::Block { stmts, result } => self.block(stmts, result, dest),
            K::If {
                cond,
                then_branch,
                else_branch,
            } => self.if_expr(cond, then_branch, else_branch, dest),
            K::Match {
                scrutinee,
                arms,
                fail_message,
            } => self.match_expr(scrutinee, arms, fail_message, dest),
            K::And(a, b) => self.and_or(a, b, false, dest),
            K::Or(a, b) => self.and_or(a, b, true, dest),
            K::Binary { op, lhs, rhs } => {
                self.leaf(dest, false, |c, dst| c.binary(*op, lhs, rhs, dst))
            }
            K::Unary { op, operand } => self.leaf(dest, false, |c, dst| c.unary(*op, operand, dst)),
            K::Tuple(es) if es.is_empty() => {
                self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadUnit { dst }))
            }
            K::Tuple(es) => match u16::try_from(es.len()) {
                Ok(n) => self.window(dest, |c, base| {
                    c.values_into(base, es);
                    c.b.emit(Instr::MakeTuple { base, n });
                }),
                Err(_) => self.b.error("tuple with more than 65535 elements"),
            },
            K::List(es) => self.list(es, dest),
            K::Map(pairs) => self.map(pairs, dest),
            K::MakeStruct { type_id, fields } => self.make_struct(*type_id, fields, dest),
            K::MakeVariant { type_id, tag, args } => self.make_variant(*type_id, *tag, args, dest),
            K::Field { base, index } => {
                let idx = self.field_index(*index);
                self.leaf(dest, false, |c, dst| {
                    let m = c.b.mark();
                    let src = c.operand(base);
                    c.b.emit(Instr::GetField { dst, src, idx });
                    c.b.reset(m);
                })
            }
            K::StructUpdate { base, updates } => self.struct_update(base, updates, dest),
            K::Display(x) => self.unary_instr(x, dest, |dst, src| Instr::Display { dst, src }),
            K::Inspect(x) => self.unary_instr(x, dest, |dst, src| Instr::Inspect { dst, src }),
            K::TypeKey(x) => self.unary_instr(x, dest, |dst, src| Instr::TypeKey { dst, src }),
            K::While { cond, body } => self.while_loop(cond, body, dest),
            K::For(f) => self.for_loop(f, dest),
            K::Break => self.loop_jump(true),
            K::Continue => self.loop_jump(false),
            K::Return(v) => self.expr(v, Dest::Tail),
            K::Receive { arms, after } => self.receive(arms, after.as_ref(), dest),
            // Checker-internal placeholders never leave a successful check.
            K::Pending(_) => self
                .b
                .error("the checker left an unresolved placeholder in the program"),
        }
    }

    /// Finishes an expression computed by `f` into a register: directly into the
    /// destination register, or into a temporary that is returned (tail) or dropped.
    /// `pure` expressions are skipped entirely when their value is discarded.
    pub fn leaf(&mut self, dest: Dest, pure: bool, f: impl FnOnce(&mut Self, Reg)) {
        match dest {
            Dest::Reg(r) => f(self, r),
            Dest::Discard if pure => {}
            Dest::Discard | Dest::Tail => {
                let m = self.b.mark();
                let t = self.b.alloc();
                f(self, t);
                if dest == Dest::Tail {
                    self.b.emit(Instr::Return { src: t });
                }
                self.b.reset(m);
            }
        }
    }

    /// Builds a value in a window whose base is the destination register when that is the
    /// top of the stack (no extra move), else a fresh register at the top. `build` leaves
    /// the value in the base register.
    pub fn window(&mut self, dest: Dest, build: impl FnOnce(&mut Self, Reg)) {
        let m = self.b.mark();
        let base = self.window_base(dest);
        build(self, base);
        match dest {
            Dest::Reg(r) if r != base => self.b.emit(Instr::Move { dst: r, src: base }),
            Dest::Tail => self.b.emit(Instr::Return { src: base }),
            _ => {}
        }
        self.b.reset(m);
    }

    fn window_base(&mut self, dest: Dest) -> Reg {
        match dest {
            Dest::Reg(r) if self.b.is_top(r) => r,
            _ => self.b.alloc(),
        }
    }

    /// Evaluates `es` in order into `base, base+1, …`; `base` must be the top register.
    /// Returns the number of values.
    pub fn values_into<'e>(&mut self, base: Reg, es: impl IntoIterator<Item = &'e Expr>) -> usize {
        let mut n = 0;
        for e in es {
            let r = if n == 0 { base } else { self.b.alloc() };
            if r as usize != base as usize + n && !self.b.has_error() {
                self.b.error("window registers are not consecutive");
            }
            self.expr(e, Dest::Reg(r));
            n += 1;
        }
        n
    }

    /// The register holding `e`: a local's own register (read in place), or a new
    /// temporary on top of the stack. The caller frees it with its mark.
    pub fn operand(&mut self, e: &Expr) -> Reg {
        if let ExprKind::Local(id) = e.kind {
            if let Some(Slot::Reg(r)) = self.scope.get(id) {
                return r;
            }
        }
        let t = self.b.alloc();
        self.expr(e, Dest::Reg(t));
        t
    }

    fn local(&mut self, id: LocalId, dest: Dest) {
        match self.scope.get(id) {
            Some(Slot::Reg(src)) => match dest {
                Dest::Reg(dst) if dst != src => self.b.emit(Instr::Copy { dst, src }),
                Dest::Reg(_) | Dest::Discard => {}
                Dest::Tail => self.b.emit(Instr::Return { src }),
            },
            Some(Slot::SelfClosure) => {
                self.leaf(dest, true, |c, dst| c.b.emit(Instr::LoadSelf { dst }))
            }
            None => self
                .b
                .error(format!("local {} is used before it is bound", id.0)),
        }
    }

    fn unary_instr(&mut self, x: &Expr, dest: Dest, make: impl FnOnce(Reg, Reg) -> Instr) {
        self.leaf(dest, false, |c, dst| {
            let m = c.b.mark();
            let src = c.operand(x);
            c.b.emit(make(dst, src));
            c.b.reset(m);
        })
    }

    fn field_index(&mut self, index: u32) -> u16 {
        u16::try_from(index).unwrap_or_else(|_| {
            self.b.error("field index above 65535");
            0
        })
    }

    // ---- operators ----

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, dst: Reg) {
        use BinOp::*;
        let m = self.b.mark();
        // `n + 1`, `n - 1`, `1 + n`: one instruction (loop counters).
        let imm = |e: &Expr, neg: bool| match e.kind {
            ExprKind::Int(k) => {
                let k = if neg { k.checked_neg()? } else { k };
                i16::try_from(k).ok()
            }
            _ => None,
        };
        let imm_form = match op {
            AddInt => imm(rhs, false)
                .map(|i| (lhs, i))
                .or_else(|| imm(lhs, false).map(|i| (rhs, i))),
            SubInt => imm(rhs, true).map(|i| (lhs, i)),
            _ => None,
        };
        if let Some((x, imm)) = imm_form {
            let src = self.operand(x);
            self.b.emit(Instr::AddIntImm { dst, src, imm });
            self.b.reset(m);
            return;
        }
        // `n == 0`, `i < 10`, `0 < n`: compare with an immediate (no constant register).
        let small = |e: &Expr| match e.kind {
            ExprKind::Int(k) => i16::try_from(k).ok(),
            _ => None,
        };
        let cmp_imm = |op: BinOp, dst: Reg, a: Reg, imm: i16| -> Option<Instr> {
            Some(match op {
                EqInt => Instr::EqIntImm { dst, a, imm },
                NeInt => Instr::NeIntImm { dst, a, imm },
                LtInt => Instr::LtIntImm { dst, a, imm },
                LeInt => Instr::LeIntImm { dst, a, imm },
                GtInt => Instr::GtIntImm { dst, a, imm },
                GeInt => Instr::GeIntImm { dst, a, imm },
                _ => return None,
            })
        };
        // The mirrored comparison, for a constant on the left (`0 < n` is `n > 0`).
        let mirror = |op: BinOp| match op {
            LtInt => GtInt,
            LeInt => GeInt,
            GtInt => LtInt,
            GeInt => LeInt,
            other => other,
        };
        let with_imm = match (small(rhs), small(lhs)) {
            (Some(imm), _) if cmp_imm(op, dst, 0, imm).is_some() => Some((op, lhs, imm)),
            (_, Some(imm)) if cmp_imm(mirror(op), dst, 0, imm).is_some() => {
                Some((mirror(op), rhs, imm))
            }
            _ => None,
        };
        if let Some((op, x, imm)) = with_imm {
            let a = self.operand(x);
            if let Some(i) = cmp_imm(op, dst, a, imm) {
                self.b.emit(i);
            }
            self.b.reset(m);
            return;
        }
        if op == Concat {
            // The left operand is consumed (appended to in place when unshared), so it
            // goes into a temporary of its own: a copy of a local, moved on its last use.
            let a = self.b.alloc();
            self.expr(lhs, Dest::Reg(a));
            let b = self.operand(rhs);
            self.b.emit(Instr::Concat { dst, a, b });
            self.b.reset(m);
            return;
        }
        let a = self.operand(lhs);
        let b = self.operand(rhs);
        let instr = match op {
            AddInt => Instr::AddInt { dst, a, b },
            SubInt => Instr::SubInt { dst, a, b },
            MulInt => Instr::MulInt { dst, a, b },
            DivInt => Instr::DivInt { dst, a, b },
            RemInt => Instr::RemInt { dst, a, b },
            AddFloat => Instr::AddFloat { dst, a, b },
            SubFloat => Instr::SubFloat { dst, a, b },
            MulFloat => Instr::MulFloat { dst, a, b },
            DivFloat => Instr::DivFloat { dst, a, b },
            RemFloat => Instr::RemFloat { dst, a, b },
            EqInt => Instr::EqInt { dst, a, b },
            NeInt => Instr::NeInt { dst, a, b },
            LtInt => Instr::LtInt { dst, a, b },
            LeInt => Instr::LeInt { dst, a, b },
            // `a > b` is `b < a`: operands were already evaluated left to right.
            GtInt => Instr::LtInt { dst, a: b, b: a },
            GeInt => Instr::LeInt { dst, a: b, b: a },
            EqFloat => Instr::EqFloat { dst, a, b },
            // IEEE `!=` is exactly `not ==` (true for NaN), and `>`/`>=` swap exactly.
            NeFloat => Instr::EqFloat { dst, a, b },
            LtFloat => Instr::LtFloat { dst, a, b },
            LeFloat => Instr::LeFloat { dst, a, b },
            GtFloat => Instr::LtFloat { dst, a: b, b: a },
            GeFloat => Instr::LeFloat { dst, a: b, b: a },
            Eq => Instr::Eq { dst, a, b },
            Ne => Instr::Ne { dst, a, b },
            Lt => Instr::Lt { dst, a, b },
            Le => Instr::Le { dst, a, b },
            Gt => Instr::Lt { dst, a: b, b: a },
            Ge => Instr::Le { dst, a: b, b: a },
            Concat => Instr::Concat { dst, a, b },
        };
        self.b.emit(instr);
        if op == NeFloat {
            self.b.emit(Instr::Not { dst, src: dst });
        }
        self.b.reset(m);
    }

    /// A self tail call computes its new arguments straight into the parameter registers
    /// (the VM then just jumps back) instead of building a window and moving it down.
    fn is_self_call(&self, func: u32, args: &[Expr]) -> bool {
        matches!(&self.self_fn, Some((f, params)) if *f == func && params.len() == args.len())
    }

    /// True if evaluating `args` has no effect besides possible errors, so they may be
    /// evaluated in any order.
    fn all_pure(args: &[Expr]) -> bool {
        fn pure(e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Unit
                | ExprKind::Int(_)
                | ExprKind::Float(_)
                | ExprKind::Bool(_)
                | ExprKind::Str(_)
                | ExprKind::Local(_)
                | ExprKind::FnRef(_) => true,
                ExprKind::Binary { lhs, rhs, .. } => pure(lhs) && pure(rhs),
                ExprKind::Unary { operand, .. } => pure(operand),
                ExprKind::Field { base, .. } => pure(base),
                ExprKind::Display(x) | ExprKind::Inspect(x) => pure(x),
                ExprKind::Tuple(items)
                | ExprKind::List(items)
                | ExprKind::MakeVariant { args: items, .. } => items.iter().all(pure),
                ExprKind::MakeStruct { fields, .. } => fields.iter().all(|(_, x)| pure(x)),
                _ => false,
            }
        }
        args.iter().all(pure)
    }

    /// True if computing `e` straight into a register that `e` reads is safe: one
    /// instruction that reads its operands (parameters or constants) before it writes its
    /// destination. Anything else (a call, a list or tuple built in a window, a nested
    /// operation) may write the destination before it reads the parameter held there.
    fn reads_operands_first(e: &Expr) -> bool {
        fn leaf(e: &Expr) -> bool {
            matches!(
                e.kind,
                ExprKind::Unit
                    | ExprKind::Int(_)
                    | ExprKind::Float(_)
                    | ExprKind::Bool(_)
                    | ExprKind::Str(_)
                    | ExprKind::Local(_)
                    | ExprKind::FnRef(_)
            )
        }
        match &e.kind {
            ExprKind::Binary { lhs, rhs, .. } => leaf(lhs) && leaf(rhs),
            ExprKind::Unary { operand, .. } => leaf(operand),
            _ => leaf(e),
        }
    }

    /// Writes the arguments of a self tail call into the parameter registers without
    /// overwriting a parameter that an argument still to be computed reads. Pure arguments
    /// are computed in whatever order allows that (a cycle, like swapping two parameters,
    /// goes through a temporary); otherwise they are computed left to right, each into its
    /// parameter register if no later argument reads that parameter, else into a
    /// temporary moved into place at the end.
    fn self_tail_call(&mut self, func: u32, args: &[Expr], argc: u8) {
        let params = match &self.self_fn {
            Some((_, p)) => p.clone(),
            None => return,
        };
        let m = self.b.mark();
        let reads: Vec<Vec<usize>> = args
            .iter()
            .map(|a| {
                let used = crate::closure::used_locals(a);
                params
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| used.contains(p))
                    .map(|(j, _)| j)
                    .collect()
            })
            .collect();
        // Arguments that pass a parameter through unchanged need no code.
        let mut pending: Vec<usize> = (0..args.len())
            .filter(|&i| !matches!(args[i].kind, ExprKind::Local(id) if id == params[i]))
            .collect();
        let mut temps: Vec<(usize, Reg)> = Vec::new();
        // An argument that reads its own parameter and may overwrite its register first
        // (`loop(spawn(f, x))`: the callee is loaded into `x`'s register) goes through a
        // temporary.
        let clobbers_itself =
            |i: usize| reads[i].contains(&i) && !Self::reads_operands_first(&args[i]);
        if !Self::all_pure(args) {
            for (n, &i) in pending.iter().enumerate() {
                let later_reads = pending[n + 1..].iter().any(|&k| reads[k].contains(&i));
                if later_reads || clobbers_itself(i) {
                    let t = self.b.alloc();
                    self.expr(&args[i], Dest::Reg(t));
                    temps.push((i, t));
                } else {
                    self.expr(&args[i], Dest::Reg(i as Reg));
                }
            }
            pending.clear();
        }
        while !pending.is_empty() {
            let ready = pending
                .iter()
                .position(|&i| pending.iter().all(|&k| k == i || !reads[k].contains(&i)));
            match ready {
                Some(pos) => {
                    let i = pending.remove(pos);
                    if clobbers_itself(i) {
                        let t = self.b.alloc();
                        self.expr(&args[i], Dest::Reg(t));
                        temps.push((i, t));
                    } else {
                        self.expr(&args[i], Dest::Reg(i as Reg));
                    }
                }
                None => {
                    let i = pending.remove(0);
                    let t = self.b.alloc();
                    self.expr(&args[i], Dest::Reg(t));
                    temps.push((i, t));
                }
            }
        }
        for (i, t) in temps {
            self.b.emit(Instr::Move {
                dst: i as Reg,
                src: t,
            });
        }
        self.b.emit(Instr::TailCall {
            base: 0,
            argc,
            func,
        });
        self.b.reset(m);
    }

    fn unary(&mut self, op: UnOp, x: &Expr, dst: Reg) {
        // Negative literals arrive as negations; fold them into one load.
        match (op, &x.kind) {
            (UnOp::NegInt, ExprKind::Int(n)) if n.checked_neg().is_some() => {
                return self.b.load_int(dst, -n);
            }
            (UnOp::NegFloat, ExprKind::Float(f)) => return self.b.load_float(dst, -f),
            _ => {}
        }
        let m = self.b.mark();
        let src = self.operand(x);
        self.b.emit(match op {
            UnOp::NegInt => Instr::NegInt { dst, src },
            UnOp::NegFloat => Instr::NegFloat { dst, src },
            UnOp::Not => Instr::Not { dst, src },
        });
        self.b.reset(m);
    }

    /// Short-circuit `and`/`or` as a value: the left value stays in the destination when
    /// it decides the result.
    fn and_or(&mut self, a: &Expr, b: &Expr, is_or: bool, dest: Dest) {
        self.leaf(dest, false, |c, dst| {
            let end = c.b.label();
            c.expr(a, Dest::Reg(dst));
            let jump = if is_or {
                Instr::JumpIfTrue {
                    cond: dst,
                    offset: 0,
                }
            } else {
                Instr::JumpIfFalse {
                    cond: dst,
                    offset: 0,
                }
            };
            c.b.emit_jump(jump, end);
            c.expr(b, Dest::Reg(dst));
            c.b.bind(end);
        })
    }

    // ---- calls ----

    fn call(&mut self, callee: &Callee, args: &[Expr], dest: Dest) {
        let Ok(argc) = u8::try_from(args.len()) else {
            return self.b.error("a call may pass at most 255 arguments");
        };
        let target = match callee {
            Callee::Fn(f) => Target::Direct(f.0),
            // A function reference called on the spot is a direct call.
            Callee::Value(v) => match v.kind {
                ExprKind::FnRef(f) => Target::Direct(f.0),
                _ => Target::Value(v),
            },
            Callee::Native(name) => Target::Native(name),
        };
        let m = self.b.mark();
        let base = self.window_base(dest);
        let tail = dest == Dest::Tail;
        match target {
            Target::Direct(func) if tail && self.is_self_call(func, args) => {
                self.b.reset(m);
                self.self_tail_call(func, args, argc);
                return;
            }
            Target::Direct(func) => {
                self.values_into(base, args);
                self.b.emit(if tail {
                    Instr::TailCall { base, argc, func }
                } else {
                    Instr::Call { base, argc, func }
                });
            }
            Target::Value(f) => {
                self.values_into(base, std::iter::once(f).chain(args));
                self.b.emit(if tail {
                    Instr::TailCallValue { base, argc }
                } else {
                    Instr::CallValue { base, argc }
                });
            }
            Target::Native(name) => {
                let native = self.cx.native(name).unwrap_or_else(|| {
                    self.b.error("more than 65536 distinct natives");
                    0
                });
                self.values_into(base, args);
                self.b.emit(Instr::CallNative { base, argc, native });
                // Natives are never tail calls: they run inside this frame.
                if tail {
                    self.b.emit(Instr::Return { src: base });
                }
            }
        }
        if let Dest::Reg(r) = dest {
            if r != base {
                self.b.emit(Instr::Move { dst: r, src: base });
            }
        }
        self.b.reset(m);
    }

    // ---- data ----

    fn list(&mut self, es: &[Expr], dest: Dest) {
        let first = es.len().min(LIST_WINDOW);
        self.window(dest, |c, base| {
            let n = c.values_into(base, &es[..first]);
            c.b.emit(Instr::MakeList { base, n: n as u16 });
            for e in &es[first..] {
                let m = c.b.mark();
                let t = c.b.alloc();
                c.expr(e, Dest::Reg(t));
                c.b.emit(Instr::ListPush { list: base, src: t });
                c.b.reset(m);
            }
        })
    }

    fn map(&mut self, pairs: &[(Expr, Expr)], dest: Dest) {
        let Ok(n) = u16::try_from(pairs.len()) else {
            return self.b.error("map literal with more than 65535 entries");
        };
        self.window(dest, |c, base| {
            c.values_into(base, pairs.iter().flat_map(|(k, v)| [k, v]));
            c.b.emit(Instr::MakeMap { base, n });
        })
    }

    fn data_ids(&mut self, type_id: TypeId, tag: u32, n: usize) -> Option<(u16, u16, u8)> {
        match (
            u16::try_from(type_id.0),
            u16::try_from(tag),
            u8::try_from(n),
        ) {
            (Ok(t), Ok(g), Ok(n)) => Some((t, g, n)),
            _ => {
                self.b
                    .error("data value beyond the VM's limits (type id, tag or 255 fields)");
                None
            }
        }
    }

    fn make_struct(&mut self, type_id: TypeId, fields: &[(u32, Expr)], dest: Dest) {
        let Some((type_id, tag, n)) = self.data_ids(type_id, 0, fields.len()) else {
            return;
        };
        let in_order = fields
            .iter()
            .enumerate()
            .all(|(i, (idx, _))| *idx as usize == i);
        self.window(dest, |c, base| {
            if in_order {
                c.values_into(base, fields.iter().map(|(_, e)| e));
            } else {
                // Evaluate in source order straight into the field's slot of the window.
                for _ in 1..n {
                    c.b.alloc();
                }
                for (idx, e) in fields {
                    if *idx >= n as u32 {
                        return c.b.error("struct field index out of range");
                    }
                    c.expr(e, Dest::Reg(base.saturating_add(*idx as Reg)));
                }
            }
            c.b.emit(Instr::MakeData {
                base,
                n,
                type_id,
                tag,
            });
        })
    }

    fn make_variant(&mut self, type_id: TypeId, tag: u32, args: &[Expr], dest: Dest) {
        let Some((type_id, tag, n)) = self.data_ids(type_id, tag, args.len()) else {
            return;
        };
        self.window(dest, |c, base| {
            c.values_into(base, args);
            c.b.emit(Instr::MakeData {
                base,
                n,
                type_id,
                tag,
            });
        })
    }

    fn struct_update(&mut self, base_expr: &Expr, updates: &[(u32, Expr)], dest: Dest) {
        self.window(dest, |c, base| {
            // An owned copy of the base (moved on its last use, so updated in place).
            c.expr(base_expr, Dest::Reg(base));
            for (idx, e) in updates {
                let idx = c.field_index(*idx);
                let m = c.b.mark();
                let src = c.b.alloc();
                c.expr(e, Dest::Reg(src));
                c.b.emit(Instr::SetField {
                    dst: base,
                    idx,
                    src,
                });
                c.b.reset(m);
            }
        })
    }
}

/// What a call invokes.
enum Target<'e> {
    Direct(u32),
    Value(&'e Expr),
    Native(&'e str),
}
