//! A strict reference interpreter of the bytecode, for testing the compiler.
//!
//! It follows the semantics documented in `mesh_vm::bytecode` but is stricter than the
//! real VM where that exposes compiler bugs:
//!
//! * a register whose value was moved out, that a call clobbered (everything above a
//!   window base), or that was never written holds *nothing*, and reading it is an error —
//!   so a wrong `Move` or a temporary kept above a call window fails the test instead of
//!   silently reading `()`;
//! * every register access is checked against the function's `nregs`;
//! * it counts how often an in-place update (`Concat`, `ListPush`, `SetField`,
//!   `ListUncons`, `Map.put`, `List.append`) found its value shared and had to copy it —
//!   the observable effect of the move pass.

#![allow(dead_code)]

use mesh_vm::bytecode::type_key;
use mesh_vm::value::MapStore;
use mesh_vm::{ops, Closure, Const, Image, Instr, Value};
use std::collections::VecDeque;
use std::sync::Arc;

/// Counters collected while running.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub max_depth: usize,
    /// In-place updates that found their operand shared and copied it.
    pub shared_copies: usize,
    pub instructions: u64,
}

/// A finished run.
#[derive(Debug)]
pub struct Outcome {
    pub value: Value,
    pub out: String,
    pub stats: Stats,
}

struct Frame {
    func: u32,
    pc: usize,
    base: usize,
    /// Absolute register receiving the result.
    ret_to: usize,
    closure: Option<Arc<Closure>>,
}

struct Vm<'i> {
    image: &'i Image,
    regs: Vec<Option<Value>>,
    frames: Vec<Frame>,
    mailbox: VecDeque<Value>,
    cursor: usize,
    has_timeout: bool,
    out: String,
    stats: Stats,
}

/// Maximum number of instructions a test program may execute.
const FUEL: u64 = 400_000_000;

/// Runs `image.entry` with `args` and a pre-filled mailbox.
pub fn run(image: &Image, args: Vec<Value>, mailbox: Vec<Value>) -> Result<Outcome, String> {
    let entry = image.entry;
    let f = image
        .functions
        .get(entry as usize)
        .ok_or("entry function missing")?;
    if args.len() != f.arity as usize {
        return Err("wrong number of entry arguments".into());
    }
    let mut regs: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    regs.resize(f.nregs as usize, None);
    let mut vm = Vm {
        image,
        regs,
        frames: vec![Frame {
            func: entry,
            pc: 0,
            base: 0,
            ret_to: usize::MAX,
            closure: None,
        }],
        mailbox: mailbox.into(),
        cursor: 0,
        has_timeout: false,
        out: String::new(),
        stats: Stats {
            max_depth: 1,
            ..Default::default()
        },
    };
    let value = vm.run()?;
    Ok(Outcome {
        value,
        out: vm.out,
        stats: vm.stats,
    })
}

fn const_value(c: &Const) -> Value {
    match c {
        Const::Int(i) => Value::Int(*i),
        Const::Float(x) => Value::Float(*x),
        Const::Str(s) => Value::str(s.clone()),
    }
}

impl<'i> Vm<'i> {
    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame")
    }

    fn where_(&self) -> String {
        let f = self.frame();
        let func = &self.image.functions[f.func as usize];
        format!("{} pc {}", func.name, f.pc.saturating_sub(1))
    }

    fn abs(&self, r: u16) -> Result<usize, String> {
        let f = self.frame();
        let nregs = self.image.functions[f.func as usize].nregs;
        if r >= nregs {
            return Err(format!(
                "register r{r} >= nregs {nregs} at {}",
                self.where_()
            ));
        }
        Ok(f.base + r as usize)
    }

    fn get(&self, r: u16) -> Result<&Value, String> {
        let a = self.abs(r)?;
        self.regs[a]
            .as_ref()
            .ok_or_else(|| format!("read of dead register r{r} at {}", self.where_()))
    }

    fn take(&mut self, r: u16) -> Result<Value, String> {
        let a = self.abs(r)?;
        let w = self.where_();
        self.regs[a]
            .take()
            .ok_or_else(|| format!("move of dead register r{r} at {w}"))
    }

    fn set(&mut self, r: u16, v: Value) -> Result<(), String> {
        let a = self.abs(r)?;
        self.regs[a] = Some(v);
        Ok(())
    }

    fn int(&self, r: u16) -> Result<i64, String> {
        self.get(r)?
            .as_int()
            .ok_or_else(|| format!("r{r} is not an Int at {}", self.where_()))
    }

    fn float(&self, r: u16) -> Result<f64, String> {
        self.get(r)?
            .as_float()
            .ok_or_else(|| format!("r{r} is not a Float at {}", self.where_()))
    }

    fn boolean(&self, r: u16) -> Result<bool, String> {
        self.get(r)?
            .as_bool()
            .ok_or_else(|| format!("r{r} is not a Bool at {}", self.where_()))
    }

    fn jump(&mut self, offset: i32) {
        let f = self.frames.last_mut().expect("a frame");
        f.pc = (f.pc as i64 + offset as i64) as usize;
    }

    /// Pushes a frame for `func` whose registers start at absolute `base` (arguments
    /// already there); registers beyond the arguments start dead.
    fn enter(
        &mut self,
        func: u32,
        base: usize,
        argc: usize,
        ret_to: usize,
        closure: Option<Arc<Closure>>,
    ) -> Result<(), String> {
        let f = self
            .image
            .functions
            .get(func as usize)
            .ok_or("call of a missing function")?;
        if f.arity as usize != argc {
            return Err(format!("{} called with {argc} arguments", f.name));
        }
        let end = base + f.nregs as usize;
        if self.regs.len() < end {
            self.regs.resize(end, None);
        }
        for r in &mut self.regs[base + argc..end] {
            *r = None;
        }
        self.frames.push(Frame {
            func,
            pc: 0,
            base,
            ret_to,
            closure,
        });
        self.stats.max_depth = self.stats.max_depth.max(self.frames.len());
        if self.frames.len() > 200_000 {
            return Err("stack overflow".into());
        }
        Ok(())
    }

    /// Replaces the current frame by a call of `func` with the values of `window`.
    fn tail_enter(
        &mut self,
        func: u32,
        window: usize,
        argc: usize,
        closure: Option<Arc<Closure>>,
    ) -> Result<(), String> {
        let old = self.frames.pop().expect("a frame");
        let base = old.base;
        for i in 0..argc {
            let v = self.regs[window + i].take();
            if v.is_none() {
                return Err("tail call with a dead argument register".into());
            }
            self.regs[base + i] = v;
        }
        // Everything else of the old frame is gone.
        for r in &mut self.regs[base + argc..] {
            *r = None;
        }
        self.enter(func, base, argc, old.ret_to, closure)
    }

    fn callee(&self, v: &Value) -> Result<(u32, Option<Arc<Closure>>), String> {
        match v {
            Value::Fn(f) => Ok((*f, None)),
            Value::Closure(c) => Ok((c.func, Some(c.clone()))),
            other => Err(format!("call of a non-function {other:?}")),
        }
    }

    fn shared<T>(&mut self, a: &Arc<T>) {
        if Arc::strong_count(a) > 1 {
            self.stats.shared_copies += 1;
        }
    }

    fn run(&mut self) -> Result<Value, String> {
        loop {
            self.stats.instructions += 1;
            if self.stats.instructions > FUEL {
                return Err("out of fuel".into());
            }
            let (func, pc) = {
                let f = self.frame();
                (f.func, f.pc)
            };
            let function = &self.image.functions[func as usize];
            let Some(&instr) = function.code.get(pc) else {
                return Err(format!("fell off the end of {}", function.name));
            };
            self.frames.last_mut().expect("a frame").pc += 1;
            use Instr::*;
            match instr {
                Move { dst, src } => {
                    let v = self.take(src)?;
                    self.set(dst, v)?;
                }
                Copy { dst, src } => {
                    let v = self.get(src)?.clone();
                    self.set(dst, v)?;
                }
                LoadConst { dst, idx } => {
                    let c = function.consts.get(idx as usize).ok_or("bad const")?;
                    self.set(dst, const_value(c))?;
                }
                LoadInt { dst, value } => self.set(dst, Value::Int(value as i64))?,
                LoadBool { dst, value } => self.set(dst, Value::Bool(value))?,
                LoadUnit { dst } => self.set(dst, Value::Unit)?,
                LoadFn { dst, func } => self.set(dst, Value::Fn(func))?,
                LoadCapture { dst, idx } => {
                    let v = self
                        .frame()
                        .closure
                        .as_ref()
                        .and_then(|c| c.captures.get(idx as usize).cloned())
                        .ok_or("LoadCapture without that capture")?;
                    self.set(dst, v)?;
                }
                LoadSelf { dst } => {
                    let v = match &self.frame().closure {
                        Some(c) => Value::Closure(c.clone()),
                        None => Value::Fn(func),
                    };
                    self.set(dst, v)?;
                }
                AddInt { dst, a, b } => self.int_op(dst, a, b, i64::checked_add)?,
                SubInt { dst, a, b } => self.int_op(dst, a, b, i64::checked_sub)?,
                MulInt { dst, a, b } => self.int_op(dst, a, b, i64::checked_mul)?,
                DivInt { dst, a, b } => self.int_op(dst, a, b, i64::checked_div)?,
                RemInt { dst, a, b } => self.int_op(dst, a, b, i64::checked_rem)?,
                NegInt { dst, src } => {
                    let v = self.int(src)?.checked_neg().ok_or("integer overflow")?;
                    self.set(dst, Value::Int(v))?;
                }
                AddIntImm { dst, src, imm } => {
                    let v = self
                        .int(src)?
                        .checked_add(imm as i64)
                        .ok_or("integer overflow")?;
                    self.set(dst, Value::Int(v))?;
                }
                AddFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Float(x + y))?,
                SubFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Float(x - y))?,
                MulFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Float(x * y))?,
                DivFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Float(x / y))?,
                RemFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Float(x % y))?,
                NegFloat { dst, src } => {
                    let v = -self.float(src)?;
                    self.set(dst, Value::Float(v))?;
                }
                EqIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x == y)?,
                NeIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x != y)?,
                LtIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x < y)?,
                LeIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x <= y)?,
                GtIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x > y)?,
                GeIntImm { dst, a, imm } => self.cmp_imm(dst, a, imm, |x, y| x >= y)?,
                EqInt { dst, a, b } => self.cmp_int(dst, a, b, |x, y| x == y)?,
                NeInt { dst, a, b } => self.cmp_int(dst, a, b, |x, y| x != y)?,
                LtInt { dst, a, b } => self.cmp_int(dst, a, b, |x, y| x < y)?,
                LeInt { dst, a, b } => self.cmp_int(dst, a, b, |x, y| x <= y)?,
                EqFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Bool(x == y))?,
                LtFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Bool(x < y))?,
                LeFloat { dst, a, b } => self.float_op(dst, a, b, |x, y| Value::Bool(x <= y))?,
                Eq { dst, a, b } => {
                    let v = ops::equal(self.get(a)?, self.get(b)?);
                    self.set(dst, Value::Bool(v))?;
                }
                Ne { dst, a, b } => {
                    let v = !ops::equal(self.get(a)?, self.get(b)?);
                    self.set(dst, Value::Bool(v))?;
                }
                Lt { dst, a, b } => {
                    let v = ops::compare(self.get(a)?, self.get(b)?).is_lt();
                    self.set(dst, Value::Bool(v))?;
                }
                Le { dst, a, b } => {
                    let v = ops::compare(self.get(a)?, self.get(b)?).is_le();
                    self.set(dst, Value::Bool(v))?;
                }
                Not { dst, src } => {
                    let v = !self.boolean(src)?;
                    self.set(dst, Value::Bool(v))?;
                }
                Jump { offset } => self.jump(offset),
                JumpIfTrue { cond, offset } => {
                    if self.boolean(cond)? {
                        self.jump(offset)
                    }
                }
                JumpIfFalse { cond, offset } => {
                    if !self.boolean(cond)? {
                        self.jump(offset)
                    }
                }
                Call { base, argc, func } => {
                    self.check_window(base, argc as usize)?;
                    let a = self.abs(base)?;
                    self.enter(func, a, argc as usize, a, None)?;
                }
                TailCall { base, argc, func } => {
                    self.check_window(base, argc as usize)?;
                    let a = self.abs(base)?;
                    self.tail_enter(func, a, argc as usize, None)?;
                }
                CallValue { base, argc } => {
                    self.check_window(base, argc as usize + 1)?;
                    let f = self.take(base)?;
                    let (func, closure) = self.callee(&f)?;
                    let a = self.abs(base)?;
                    self.enter(func, a + 1, argc as usize, a, closure)?;
                }
                TailCallValue { base, argc } => {
                    self.check_window(base, argc as usize + 1)?;
                    let f = self.take(base)?;
                    let (func, closure) = self.callee(&f)?;
                    let a = self.abs(base)?;
                    self.tail_enter(func, a + 1, argc as usize, closure)?;
                }
                CallNative { base, argc, native } => {
                    self.check_window(base, argc as usize)?;
                    let mut args = Vec::new();
                    for i in 0..argc as u16 {
                        args.push(self.take(base + i)?);
                    }
                    let name = self
                        .image
                        .natives
                        .get(native as usize)
                        .ok_or("bad native index")?
                        .clone();
                    let v = self.native(&name, args)?;
                    self.set(base, v)?;
                }
                Return { src } => {
                    let v = self.get(src)?.clone();
                    let done = self.frames.pop().expect("a frame");
                    if self.frames.is_empty() {
                        return Ok(v);
                    }
                    // The caller's registers above the result are clobbered.
                    let caller = self.frame();
                    let end =
                        caller.base + self.image.functions[caller.func as usize].nregs as usize;
                    self.regs.truncate(done.ret_to + 1);
                    self.regs.resize(end.max(done.ret_to + 1), None);
                    self.regs[done.ret_to] = Some(v);
                }
                Fail { msg } => {
                    let m = match function.consts.get(msg as usize) {
                        Some(Const::Str(s)) => s.clone(),
                        _ => "bad fail message".into(),
                    };
                    return Err(format!("fail: {m}"));
                }
                MakeTuple { base, n } => {
                    let items = self.take_window(base, n as usize)?;
                    self.set(base, Value::tuple(items))?;
                }
                MakeList { base, n } => {
                    let items = self.take_window(base, n as usize)?;
                    self.set(base, Value::list(items))?;
                }
                MakeMap { base, n } => {
                    let items = self.take_window(base, 2 * n as usize)?;
                    let mut m = MapStore::default();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        m.insert(k, v);
                    }
                    self.set(base, Value::Map(Arc::new(m)))?;
                }
                MakeData {
                    base,
                    n,
                    type_id,
                    tag,
                } => {
                    let items = self.take_window(base, n as usize)?;
                    let v = if n == 0 {
                        Value::Enum {
                            type_id: type_id as u32,
                            tag: tag as u32,
                        }
                    } else {
                        Value::data(type_id as u32, tag as u32, items)
                    };
                    self.set(base, v)?;
                }
                MakeClosure { base, ncap, func } => {
                    let captures = self.take_window(base, ncap as usize)?;
                    self.set(base, Value::Closure(Arc::new(Closure { func, captures })))?;
                }
                GetField { dst, src, idx } => {
                    let v = match self.get(src)? {
                        Value::Tuple(t) => t.get(idx as usize).cloned(),
                        Value::Data(d) => d.fields.get(idx as usize).cloned(),
                        _ => None,
                    }
                    .ok_or_else(|| format!("GetField {idx} on a bad value at {}", self.where_()))?;
                    self.set(dst, v)?;
                }
                SetField { dst, idx, src } => {
                    let v = self.take(src)?;
                    let a = self.abs(dst)?;
                    let mut d = match self.regs[a].take() {
                        Some(Value::Data(d)) => d,
                        _ => return Err("SetField on a non-struct".into()),
                    };
                    self.shared(&d);
                    let slot = Arc::make_mut(&mut d)
                        .fields
                        .get_mut(idx as usize)
                        .ok_or("SetField index")?;
                    *slot = v;
                    self.regs[a] = Some(Value::Data(d));
                }
                GetTag { dst, src } => {
                    let (_, tag) = self.get(src)?.data_tag().ok_or("GetTag on non-data")?;
                    self.set(dst, Value::Int(tag as i64))?;
                }
                Len { dst, src } => {
                    let n = match self.get(src)? {
                        Value::List(l) => l.len(),
                        Value::Map(m) => m.len(),
                        Value::Set(s) => s.len(),
                        Value::Tuple(t) => t.len(),
                        _ => return Err("Len on a bad value".into()),
                    };
                    self.set(dst, Value::Int(n as i64))?;
                }
                ElemAt { dst, src, idx } => {
                    let i = self.int(idx)? as usize;
                    let v = match self.get(src)? {
                        Value::List(l) => l.get(i).cloned(),
                        Value::Set(s) => s.get_index(i).cloned(),
                        Value::Map(m) => m
                            .get_index(i)
                            .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])),
                        _ => None,
                    }
                    .ok_or("ElemAt out of range")?;
                    self.set(dst, v)?;
                }
                ListUncons { src, head } => {
                    let a = self.abs(src)?;
                    let mut l = match self.regs[a].take() {
                        Some(Value::List(l)) => l,
                        _ => return Err("ListUncons on a non-list".into()),
                    };
                    self.shared(&l);
                    let h = Arc::make_mut(&mut l)
                        .pop_front()
                        .ok_or("ListUncons on []")?;
                    self.regs[a] = Some(Value::List(l));
                    self.set(head, h)?;
                }
                ListPush { list, src } => {
                    let v = self.take(src)?;
                    let a = self.abs(list)?;
                    let mut l = match self.regs[a].take() {
                        Some(Value::List(l)) => l,
                        _ => return Err("ListPush on a non-list".into()),
                    };
                    self.shared(&l);
                    Arc::make_mut(&mut l).push_back(v);
                    self.regs[a] = Some(Value::List(l));
                }
                Concat { dst, a, b } => {
                    let x = self.take(a)?;
                    let y = self.get(b)?.clone();
                    let v = match (x, y) {
                        (Value::Str(mut s), Value::Str(t)) => {
                            self.shared(&s);
                            Arc::make_mut(&mut s).push_str(&t);
                            Value::Str(s)
                        }
                        (Value::List(mut l), Value::List(m)) => {
                            self.shared(&l);
                            Arc::make_mut(&mut l).extend(m.iter().cloned());
                            Value::List(l)
                        }
                        _ => return Err("Concat of bad values".into()),
                    };
                    self.set(dst, v)?;
                }
                Display { dst, src } => {
                    let s = ops::display(self.get(src)?, &self.image.types);
                    self.set(dst, Value::str(s))?;
                }
                Inspect { dst, src } => {
                    let s = ops::inspect(self.get(src)?, &self.image.types);
                    self.set(dst, Value::str(s))?;
                }
                TypeKey { dst, src } => {
                    let k = match self.get(src)? {
                        Value::Unit => type_key::UNIT,
                        Value::Bool(_) => type_key::BOOL,
                        Value::Int(_) => type_key::INT,
                        Value::Float(_) => type_key::FLOAT,
                        Value::Str(_) => type_key::STRING,
                        Value::List(_) => type_key::LIST,
                        Value::Map(_) => type_key::MAP,
                        Value::Set(_) => type_key::SET,
                        Value::Tuple(_) => type_key::TUPLE,
                        Value::Fn(_) | Value::Closure(_) => type_key::FUNCTION,
                        Value::Pid(_) => type_key::PID,
                        Value::Handle(_) => type_key::HANDLE,
                        v @ (Value::Data(_) | Value::Enum { .. }) => {
                            type_key::DATA_BASE + v.data_tag().map(|t| t.0 as i64).unwrap_or(0)
                        }
                    };
                    self.set(dst, Value::Int(k))?;
                }
                RecvStart { timeout } => {
                    self.has_timeout = match self.get(timeout)? {
                        Value::Int(_) => true,
                        Value::Unit => false,
                        _ => return Err("bad timeout".into()),
                    };
                    self.cursor = 0;
                }
                RecvPeek { dst, on_timeout } => {
                    if let Some(m) = self.mailbox.get(self.cursor).cloned() {
                        self.set(dst, m)?;
                    } else if self.has_timeout {
                        self.jump(on_timeout);
                    } else {
                        return Err("receive would wait forever".into());
                    }
                }
                RecvAccept => {
                    self.mailbox.remove(self.cursor);
                }
                RecvSkip => self.cursor += 1,
            }
        }
    }

    /// A window must be at the top of the live registers: nothing above it may be read
    /// again, which the poisoning after the call checks. Here: the window is in range.
    fn check_window(&self, base: u16, n: usize) -> Result<(), String> {
        if n > 0 {
            self.abs(base + n as u16 - 1)?;
        }
        self.abs(base)?;
        Ok(())
    }

    fn take_window(&mut self, base: u16, n: usize) -> Result<Vec<Value>, String> {
        (0..n).map(|i| self.take(base + i as u16)).collect()
    }

    fn int_op(
        &mut self,
        dst: u16,
        a: u16,
        b: u16,
        f: fn(i64, i64) -> Option<i64>,
    ) -> Result<(), String> {
        let v = f(self.int(a)?, self.int(b)?).ok_or("integer overflow or division by zero")?;
        self.set(dst, Value::Int(v))
    }

    fn cmp_imm(
        &mut self,
        dst: u16,
        a: u16,
        imm: i16,
        f: fn(i64, i64) -> bool,
    ) -> Result<(), String> {
        let v = f(self.int(a)?, imm as i64);
        self.set(dst, Value::Bool(v))
    }

    fn cmp_int(&mut self, dst: u16, a: u16, b: u16, f: fn(i64, i64) -> bool) -> Result<(), String> {
        let v = f(self.int(a)?, self.int(b)?);
        self.set(dst, Value::Bool(v))
    }

    fn float_op(
        &mut self,
        dst: u16,
        a: u16,
        b: u16,
        f: fn(f64, f64) -> Value,
    ) -> Result<(), String> {
        let v = f(self.float(a)?, self.float(b)?);
        self.set(dst, v)
    }

    fn native(&mut self, name: &str, mut args: Vec<Value>) -> Result<Value, String> {
        let bad = || format!("bad arguments to {name}");
        match name {
            "Test.print" => {
                let s = ops::display(&args[0], &self.image.types);
                self.out.push_str(&s);
                self.out.push('\n');
                Ok(Value::Unit)
            }
            // True if the argument arrived unshared (moved, not copied).
            "Test.unique" => Ok(Value::Bool(match &args[0] {
                Value::Str(s) => Arc::strong_count(s) == 1,
                Value::List(l) => Arc::strong_count(l) == 1,
                Value::Map(m) => Arc::strong_count(m) == 1,
                Value::Tuple(t) => Arc::strong_count(t) == 1,
                Value::Data(d) => Arc::strong_count(d) == 1,
                _ => true,
            })),
            "Map.put" => {
                let v = args.pop().ok_or_else(bad)?;
                let k = args.pop().ok_or_else(bad)?;
                let Some(Value::Map(mut m)) = args.pop() else {
                    return Err(bad());
                };
                self.shared(&m);
                Arc::make_mut(&mut m).insert(k, v);
                Ok(Value::Map(m))
            }
            "Map.get" => {
                let Value::Map(m) = &args[0] else {
                    return Err(bad());
                };
                Ok(Value::option(m.get(&args[1]).cloned()))
            }
            "List.append" => {
                let x = args.pop().ok_or_else(bad)?;
                let Some(Value::List(mut l)) = args.pop() else {
                    return Err(bad());
                };
                self.shared(&l);
                Arc::make_mut(&mut l).push_back(x);
                Ok(Value::List(l))
            }
            "Set.from_list" => match &args[0] {
                Value::List(l) => Ok(Value::Set(Arc::new(l.iter().cloned().collect()))),
                _ => Err(bad()),
            },
            "List.length" => match &args[0] {
                Value::List(l) => Ok(Value::Int(l.len() as i64)),
                _ => Err(bad()),
            },
            "String.length" => match &args[0] {
                Value::Str(s) => Ok(Value::Int(s.len() as i64)),
                _ => Err(bad()),
            },
            other => Err(format!("unknown native {other}")),
        }
    }
}
