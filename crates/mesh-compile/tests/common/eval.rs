//! A direct evaluator of the typed IR: the oracle for differential tests of the compiler.
//!
//! It implements the IR's documented meaning as plainly as possible (environments of
//! values, Rust control flow for `break`/`continue`/`return`), sharing nothing with the
//! compiler. `receive` is not supported.

#![allow(dead_code)]

use mesh_check::tir::*;
use mesh_vm::value::MapStore;
use mesh_vm::{ops, TypeInfo, Value};
use std::collections::HashMap;
use std::sync::Arc;

type Env = HashMap<LocalId, Value>;

/// Closures are `Value::Fn(CLOSURE_BASE + index)` so that they print like the VM's.
const CLOSURE_BASE: u32 = 1 << 30;

struct Clo<'p> {
    params: &'p [LocalId],
    self_local: Option<LocalId>,
    body: &'p Expr,
    env: Env,
}

enum Ctrl {
    Break,
    Continue,
    Return(Value),
    Fail(String),
}

type R = Result<Value, Ctrl>;

/// The evaluator's result: what was printed, then the value or the failure.
pub struct Evaluated {
    pub out: String,
    pub result: Result<Value, String>,
}

/// Evaluates `p`'s entry function. `None` if the program ran out of fuel.
pub fn eval(p: &Program, types: &[TypeInfo], fuel: u64) -> Option<Evaluated> {
    let mut ev = Eval {
        p,
        types,
        closures: Vec::new(),
        out: String::new(),
        fuel,
        depth: 0,
    };
    let result = ev.call_fn(p.entry.0, vec![]);
    if ev.fuel == 0 {
        return None;
    }
    Some(Evaluated {
        out: ev.out,
        result,
    })
}

struct Eval<'p> {
    p: &'p Program,
    types: &'p [TypeInfo],
    closures: Vec<Clo<'p>>,
    out: String,
    fuel: u64,
    depth: usize,
}

fn fail<T>(msg: impl Into<String>) -> Result<T, Ctrl> {
    Err(Ctrl::Fail(msg.into()))
}

impl<'p> Eval<'p> {
    fn call_fn(&mut self, id: u32, args: Vec<Value>) -> Result<Value, String> {
        let f = &self.p.functions[id as usize];
        let env: Env = f.params.iter().copied().zip(args).collect();
        self.run_body(&f.body, env)
    }

    fn run_body(&mut self, body: &'p Expr, mut env: Env) -> Result<Value, String> {
        self.depth += 1;
        if self.depth > 5_000 {
            self.depth -= 1;
            return Err("stack overflow".into());
        }
        let r = match self.eval(body, &mut env) {
            Ok(v) | Err(Ctrl::Return(v)) => Ok(v),
            Err(Ctrl::Fail(m)) => Err(m),
            Err(Ctrl::Break | Ctrl::Continue) => Err("break outside a loop".into()),
        };
        self.depth -= 1;
        r
    }

    fn call_value(&mut self, f: Value, args: Vec<Value>) -> Result<Value, String> {
        match f {
            Value::Fn(i) if i >= CLOSURE_BASE => {
                let c = &self.closures[(i - CLOSURE_BASE) as usize];
                let mut env = c.env.clone();
                let (params, self_local, body) = (c.params, c.self_local, c.body);
                env.extend(params.iter().copied().zip(args));
                if let Some(s) = self_local {
                    env.insert(s, Value::Fn(i));
                }
                self.run_body(body, env)
            }
            Value::Fn(i) => self.call_fn(i, args),
            _ => Err("call of a non-function".into()),
        }
    }

    fn eval_all(&mut self, es: &'p [Expr], env: &mut Env) -> Result<Vec<Value>, Ctrl> {
        es.iter().map(|e| self.eval(e, env)).collect()
    }

    fn eval(&mut self, e: &'p Expr, env: &mut Env) -> R {
        if self.fuel == 0 {
            return fail("out of fuel");
        }
        self.fuel -= 1;
        use ExprKind as K;
        Ok(match &e.kind {
            K::Unit => Value::Unit,
            K::Int(n) => Value::Int(*n),
            K::Float(x) => Value::Float(*x),
            K::Bool(b) => Value::Bool(*b),
            K::Str(s) => Value::str(s.clone()),
            K::Local(l) => match env.get(l) {
                Some(v) => v.clone(),
                None => return fail(format!("unbound local {}", l.0)),
            },
            K::FnRef(f) => Value::Fn(f.0),
            K::SelfClosure => return fail("SelfClosure is not supported by the evaluator"),
            K::Call { callee, args } => {
                let f = match callee {
                    Callee::Value(f) => Some(self.eval(f, env)?),
                    _ => None,
                };
                let args = self.eval_all(args, env)?;
                let r = match (callee, f) {
                    (Callee::Fn(id), _) => self.call_fn(id.0, args),
                    (Callee::Value(_), Some(f)) => self.call_value(f, args),
                    (Callee::Native(name), _) => self.native(name, args),
                    _ => Err("bad call".into()),
                };
                r.map_err(Ctrl::Fail)?
            }
            K::Lambda {
                params,
                self_local,
                body,
                ..
            } => {
                self.closures.push(Clo {
                    params,
                    self_local: *self_local,
                    body,
                    env: env.clone(),
                });
                Value::Fn(CLOSURE_BASE + self.closures.len() as u32 - 1)
            }
            K::Block { stmts, result } => {
                for s in stmts {
                    match s {
                        Stmt::Expr(x) => {
                            self.eval(x, env)?;
                        }
                        Stmt::Let { pattern, value } => {
                            let v = self.eval(value, env)?;
                            let mut binds = Vec::new();
                            if !matches(pattern, &v, &mut binds) {
                                return fail("let pattern");
                            }
                            env.extend(binds);
                        }
                    }
                }
                self.eval(result, env)?
            }
            K::If {
                cond,
                then_branch,
                else_branch,
            } => {
                if self.eval(cond, env)?.as_bool() == Some(true) {
                    self.eval(then_branch, env)?
                } else {
                    self.eval(else_branch, env)?
                }
            }
            K::Match {
                scrutinee,
                arms,
                fail_message,
            } => {
                let v = self.eval(scrutinee, env)?;
                for arm in arms {
                    let mut binds = Vec::new();
                    if !matches(&arm.pattern, &v, &mut binds) {
                        continue;
                    }
                    env.extend(binds);
                    if let Some(g) = &arm.guard {
                        if self.eval(g, env)?.as_bool() != Some(true) {
                            continue;
                        }
                    }
                    return self.eval(&arm.body, env);
                }
                return fail(fail_message.clone());
            }
            K::And(a, b) => {
                if self.eval(a, env)?.as_bool() == Some(true) {
                    self.eval(b, env)?
                } else {
                    Value::Bool(false)
                }
            }
            K::Or(a, b) => {
                if self.eval(a, env)?.as_bool() == Some(true) {
                    Value::Bool(true)
                } else {
                    self.eval(b, env)?
                }
            }
            K::Binary { op, lhs, rhs } => {
                let a = self.eval(lhs, env)?;
                let b = self.eval(rhs, env)?;
                binary(*op, a, b)?
            }
            K::Unary { op, operand } => {
                let v = self.eval(operand, env)?;
                match (op, v) {
                    (UnOp::NegInt, Value::Int(n)) => match n.checked_neg() {
                        Some(n) => Value::Int(n),
                        None => return fail("overflow"),
                    },
                    (UnOp::NegFloat, Value::Float(x)) => Value::Float(-x),
                    (UnOp::Not, Value::Bool(b)) => Value::Bool(!b),
                    _ => return fail("bad unary operand"),
                }
            }
            K::Tuple(es) => Value::tuple(self.eval_all(es, env)?),
            K::List(es) => Value::list(self.eval_all(es, env)?),
            K::Map(pairs) => {
                let mut m = MapStore::default();
                for (k, v) in pairs {
                    let k = self.eval(k, env)?;
                    let v = self.eval(v, env)?;
                    m.insert(k, v);
                }
                Value::Map(Arc::new(m))
            }
            K::MakeStruct { type_id, fields } => {
                let mut vals = vec![Value::Unit; fields.len()];
                for (idx, x) in fields {
                    vals[*idx as usize] = self.eval(x, env)?;
                }
                data(type_id.0, 0, vals)
            }
            K::MakeVariant { type_id, tag, args } => {
                let vals = self.eval_all(args, env)?;
                data(type_id.0, *tag, vals)
            }
            K::Field { base, index } => {
                let v = self.eval(base, env)?;
                match v.data_fields().get(*index as usize) {
                    Some(f) => f.clone(),
                    None => return fail("bad field"),
                }
            }
            K::StructUpdate { base, updates } => {
                let v = self.eval(base, env)?;
                let (t, g) = v
                    .data_tag()
                    .ok_or(Ctrl::Fail("update of non-data".into()))?;
                let mut fields = v.data_fields().to_vec();
                for (idx, x) in updates {
                    fields[*idx as usize] = self.eval(x, env)?;
                }
                data(t, g, fields)
            }
            K::Display(x) => Value::str(ops::display(&self.eval(x, env)?, self.types)),
            K::Inspect(x) => Value::str(ops::inspect(&self.eval(x, env)?, self.types)),
            K::TypeKey(_) => return fail("TypeKey is not supported by the evaluator"),
            K::While { cond, body } => {
                loop {
                    if self.eval(cond, env)?.as_bool() != Some(true) {
                        break;
                    }
                    match self.eval(body, env) {
                        Ok(_) | Err(Ctrl::Continue) => {}
                        Err(Ctrl::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
                Value::Unit
            }
            K::For(f) => self.for_loop(f, env)?,
            K::Break => return Err(Ctrl::Break),
            K::Continue => return Err(Ctrl::Continue),
            K::Return(x) => {
                let v = self.eval(x, env)?;
                return Err(Ctrl::Return(v));
            }
            K::Receive { .. } => return fail("receive is not supported by the evaluator"),
            K::Pending(_) => return fail("unresolved checker placeholder"),
        })
    }

    fn for_loop(&mut self, f: &'p ForLoop, env: &mut Env) -> R {
        let items: Vec<Value> = match f.kind {
            ForKind::Range => {
                let r = self.eval(&f.iterable, env)?;
                let (Some(a), Some(b)) = (
                    r.as_tuple().and_then(|t| t.first()).and_then(Value::as_int),
                    r.as_tuple().and_then(|t| t.get(1)).and_then(Value::as_int),
                ) else {
                    return fail("bad range");
                };
                if b.saturating_sub(a) > 1_000_000 {
                    self.fuel = 0;
                    return fail("out of fuel");
                }
                (a..b).map(Value::Int).collect()
            }
            _ => match self.eval(&f.iterable, env)? {
                Value::List(l) => l.iter().cloned().collect(),
                Value::Set(s) => s.iter().cloned().collect(),
                Value::Map(m) => m
                    .iter()
                    .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                    .collect(),
                _ => return fail("bad iterable"),
            },
        };
        let mut out = Vec::new();
        for item in items {
            let mut binds = Vec::new();
            if !matches(&f.pattern, &item, &mut binds) {
                continue;
            }
            env.extend(binds);
            if let Some(flt) = &f.filter {
                if self.eval(flt, env)?.as_bool() != Some(true) {
                    continue;
                }
            }
            match self.eval(&f.body, env) {
                Ok(v) => out.push(v),
                Err(Ctrl::Continue) => {}
                Err(Ctrl::Break) => break,
                Err(other) => return Err(other),
            }
        }
        Ok(Value::list(out))
    }

    fn native(&mut self, name: &str, mut args: Vec<Value>) -> Result<Value, String> {
        match (name, args.as_mut_slice()) {
            ("Test.print", [v]) => {
                let s = ops::display(v, self.types);
                self.out.push_str(&s);
                self.out.push('\n');
                Ok(Value::Unit)
            }
            ("List.append", [Value::List(l), x]) => {
                let mut l = (**l).clone();
                l.push_back(x.clone());
                Ok(Value::List(Arc::new(l)))
            }
            ("List.length", [Value::List(l)]) => Ok(Value::Int(l.len() as i64)),
            ("String.length", [Value::Str(s)]) => Ok(Value::Int(s.len() as i64)),
            ("Map.put", [Value::Map(m), k, v]) => {
                let mut m = (**m).clone();
                m.insert(k.clone(), v.clone());
                Ok(Value::Map(Arc::new(m)))
            }
            ("Map.get", [Value::Map(m), k]) => Ok(Value::option(m.get(k).cloned())),
            ("Set.from_list", [Value::List(l)]) => {
                Ok(Value::Set(Arc::new(l.iter().cloned().collect())))
            }
            _ => Err(format!("unknown native {name}")),
        }
    }
}

fn data(type_id: u32, tag: u32, fields: Vec<Value>) -> Value {
    if fields.is_empty() {
        Value::Enum { type_id, tag }
    } else {
        Value::data(type_id, tag, fields)
    }
}

fn binary(op: BinOp, a: Value, b: Value) -> R {
    use BinOp::*;
    let ints = |f: fn(i64, i64) -> Option<i64>| match (&a, &b) {
        (Value::Int(x), Value::Int(y)) => f(*x, *y)
            .map(Value::Int)
            .ok_or(Ctrl::Fail("integer overflow or division by zero".into())),
        _ => fail("bad int operands"),
    };
    let icmp = |f: fn(&i64, &i64) -> bool| match (&a, &b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Bool(f(x, y))),
        _ => fail("bad int operands"),
    };
    let floats = |f: fn(f64, f64) -> Value| match (&a, &b) {
        (Value::Float(x), Value::Float(y)) => Ok(f(*x, *y)),
        _ => fail("bad float operands"),
    };
    let ord = ops::compare(&a, &b);
    match op {
        AddInt => ints(i64::checked_add),
        SubInt => ints(i64::checked_sub),
        MulInt => ints(i64::checked_mul),
        DivInt => ints(i64::checked_div),
        RemInt => ints(i64::checked_rem),
        AddFloat => floats(|x, y| Value::Float(x + y)),
        SubFloat => floats(|x, y| Value::Float(x - y)),
        MulFloat => floats(|x, y| Value::Float(x * y)),
        DivFloat => floats(|x, y| Value::Float(x / y)),
        RemFloat => floats(|x, y| Value::Float(x % y)),
        EqInt => icmp(i64::eq),
        NeInt => icmp(i64::ne),
        LtInt => icmp(i64::lt),
        LeInt => icmp(i64::le),
        GtInt => icmp(i64::gt),
        GeInt => icmp(i64::ge),
        EqFloat => floats(|x, y| Value::Bool(x == y)),
        NeFloat => floats(|x, y| Value::Bool(x != y)),
        LtFloat => floats(|x, y| Value::Bool(x < y)),
        LeFloat => floats(|x, y| Value::Bool(x <= y)),
        GtFloat => floats(|x, y| Value::Bool(x > y)),
        GeFloat => floats(|x, y| Value::Bool(x >= y)),
        Eq => Ok(Value::Bool(ops::equal(&a, &b))),
        Ne => Ok(Value::Bool(!ops::equal(&a, &b))),
        Lt => Ok(Value::Bool(ord.is_lt())),
        Le => Ok(Value::Bool(ord.is_le())),
        Gt => Ok(Value::Bool(ord.is_gt())),
        Ge => Ok(Value::Bool(ord.is_ge())),
        Concat => match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Value::str(format!("{x}{y}"))),
            (Value::List(x), Value::List(y)) => Ok(Value::list(x.iter().chain(y.iter()).cloned())),
            _ => fail("bad concat operands"),
        },
    }
}

/// Tests `v` against `p`, collecting bindings.
fn matches(p: &Pattern, v: &Value, binds: &mut Vec<(LocalId, Value)>) -> bool {
    match p {
        Pattern::Wildcard | Pattern::Unit => true,
        Pattern::Bind(l) => {
            binds.push((*l, v.clone()));
            true
        }
        Pattern::Int(n) => v.as_int() == Some(*n),
        Pattern::Float(x) => v.as_float() == Some(*x),
        Pattern::Bool(b) => v.as_bool() == Some(*b),
        Pattern::Str(s) => v.as_str() == Some(s.as_str()),
        Pattern::Tuple(ps) => match v.as_tuple() {
            Some(items) if items.len() == ps.len() => {
                ps.iter().zip(items).all(|(p, x)| matches(p, x, binds))
            }
            _ => false,
        },
        Pattern::Variant { tag, args, .. } => match v.data_tag() {
            Some((_, t)) if t == *tag => {
                let fields = v.data_fields();
                args.len() == fields.len()
                    && args.iter().zip(fields).all(|(p, x)| matches(p, x, binds))
            }
            _ => false,
        },
        Pattern::Or(alts) => alts.iter().any(|a| {
            let mut b = Vec::new();
            if matches(a, v, &mut b) {
                binds.extend(b);
                true
            } else {
                false
            }
        }),
        Pattern::As(inner, l) => {
            if matches(inner, v, binds) {
                binds.push((*l, v.clone()));
                true
            } else {
                false
            }
        }
        Pattern::Typed { pattern, .. } => matches(pattern, v, binds),
        Pattern::Cons(h, t) => match v.as_list() {
            Some(l) if !l.is_empty() => {
                let rest = Value::list(l.iter().skip(1).cloned());
                matches(h, &l[0], binds) && matches(t, &rest, binds)
            }
            _ => false,
        },
    }
}
