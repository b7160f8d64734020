//! `service`, `supervisor`: typing and lowering to ordinary functions (language.md §12).
//!
//! A service `S` becomes:
//! * `S.init` (the first `fn` of the body) and one function per handler, typed
//!   `(state, params…) -> (state, reply)` for `call` and `(state, params…) -> state` for
//!   `cast`;
//! * `S.__run(args…)` = `S.__loop(S.init(args…))`, the process body, and `S.__loop(state)`,
//!   a `receive` over request messages `(tag, reply_to, args)` that calls the handler,
//!   replies (calls) and loops;
//! * client functions `S.start(args…) : Pid<()>` (spawns `__run`) and one snake_case
//!   function per handler that sends the request (natives `Service.call`/`Service.cast`).
//!
//! A supervisor `Sup` becomes a function whose body hands its specification to the
//! runtime (`Supervisor.run`); `spawn(Sup)` runs it in a new process.

use crate::defs::*;
use crate::infer::{FnCtx, Frame, LocalTy};
use crate::tir::{self, ExprKind, FnId, LocalId};
use crate::typeexpr::TyEnv;
use crate::types::{Scheme, Ty};
use crate::Checker;
use mesh_syntax::ast;
use mesh_syntax::{Diagnostic, Span};
use std::rc::Rc;

/// `GetCount` → `get_count`, `HTTPStatus` → `h_t_t_p_status` (the reference's exact rule,
/// also used for default table and foreign-key names).
pub fn snake_name(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Run-time type key of tuples (the VM's `type_key::TUPLE`).
const TUPLE_KEY: i64 = 8;

fn local(id: LocalId, span: Span) -> tir::Expr {
    tir::Expr::new(ExprKind::Local(id), span)
}

fn call(f: FnId, args: Vec<tir::Expr>, span: Span) -> tir::Expr {
    tir::Expr::new(
        ExprKind::Call {
            callee: tir::Callee::Fn(f),
            args,
        },
        span,
    )
}

/// The arguments of a request packed into one value: `()`, the value, or a tuple.
fn pack(args: Vec<tir::Expr>, span: Span) -> tir::Expr {
    match args.len() {
        0 => tir::Expr::unit(span),
        1 => args
            .into_iter()
            .next()
            .unwrap_or_else(|| tir::Expr::unit(span)),
        _ => tir::Expr::new(ExprKind::Tuple(args), span),
    }
}

/// The pattern unpacking [`pack`]ed arguments.
fn unpack(ids: &[LocalId]) -> tir::Pattern {
    match ids.len() {
        0 => tir::Pattern::Unit,
        1 => tir::Pattern::Bind(ids[0]),
        _ => tir::Pattern::Tuple(ids.iter().map(|i| tir::Pattern::Bind(*i)).collect()),
    }
}

impl Checker<'_> {
    /// Phase 1: declares a service and its generated functions.
    pub(crate) fn declare_service(&mut self, m: ModId, s: &ast::ServiceDef) {
        let name = s.name.name.clone();
        let index = self.services.len();
        if self.modules[m.0 as usize].services.contains_key(&name) {
            self.error(Diagnostic::error(
                "E0023",
                format!("service `{name}` is already defined"),
                s.name.span,
            ));
            return;
        }
        for extra in s.fns.iter().skip(1) {
            self.error(
                Diagnostic::error(
                    "E0053",
                    format!("only one `fn` (the initializer) is allowed in service `{name}`"),
                    extra.name.span,
                )
                .with_help("define helper functions outside the service"),
            );
        }
        let ast = Rc::new(s.clone());
        let init_fn = s.fns.first().map(|f| {
            let id = self.new_fn(
                m,
                &format!("{name}.{}", f.name.name),
                f.name.span,
                false,
                FnSource::ServiceInit { service: index },
            );
            self.setup_generics(id, &f.generics, &f.where_clause, m);
            id
        });
        let mut handlers = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (hi, h) in s.handlers.iter().enumerate() {
            let snake = snake_name(&h.name.name);
            if seen.contains(&snake) {
                self.error(Diagnostic::error(
                    "E0023",
                    format!(
                        "service `{name}` already has a handler named `{}`",
                        h.name.name
                    ),
                    h.name.span,
                ));
                continue;
            }
            seen.push(snake.clone());
            let handler_fn = self.new_fn(
                m,
                &format!("{name}.{}", h.name.name),
                h.name.span,
                false,
                FnSource::Handler {
                    service: index,
                    index: hi,
                },
            );
            let client = self.new_fn(
                m,
                &format!("{name}.{snake}"),
                h.name.span,
                true,
                FnSource::ServiceClient {
                    service: index,
                    handler: Some(hi),
                },
            );
            handlers.push((snake, client, handler_fn));
        }
        let start_fn = self.new_fn(
            m,
            &format!("{name}.start"),
            s.name.span,
            true,
            FnSource::ServiceClient {
                service: index,
                handler: None,
            },
        );
        let loop_fn = self.new_fn(
            m,
            &format!("{name}.__loop"),
            s.span,
            false,
            FnSource::Generated,
        );
        self.services.push(ServiceInfo {
            name: name.clone(),
            module: m,
            ast,
            start_fn,
            init_fn,
            handlers,
            loop_fn,
            state_ty: Ty::unit(),
        });
        self.modules[m.0 as usize]
            .services
            .insert(name.clone(), index);
        self.modules[m.0 as usize].export_order.push(name);
        self.build_service_loop(index);
    }

    /// Phase 3b: nothing to resolve eagerly (types come from inference); kept for symmetry
    /// with other definitions.
    pub(crate) fn define_service(&mut self, _s: usize) {}

    /// The process loop: receive a request, run its handler, reply, loop.
    fn build_service_loop(&mut self, s: usize) {
        let svc = &self.services[s];
        let span = svc.ast.span;
        let loop_fn = svc.loop_fn;
        let ast = svc.ast.clone();
        let handlers = svc.handlers.clone();
        let mut next = 0u32;
        let mut fresh = || {
            next += 1;
            LocalId(next - 1)
        };
        let state = fresh();
        let mut arms = Vec::new();
        for (hi, (_, _, handler_fn)) in handlers.iter().enumerate() {
            let h = &ast.handlers[hi];
            let reply = fresh();
            let args: Vec<LocalId> = h.params.iter().map(|_| fresh()).collect();
            let mut call_args = vec![local(state, span)];
            call_args.extend(args.iter().map(|a| local(*a, span)));
            let invoke = call(*handler_fn, call_args, span);
            let body = match h.kind {
                ast::HandlerKind::Call => {
                    let new_state = fresh();
                    let answer = fresh();
                    tir::Expr::new(
                        ExprKind::Block {
                            stmts: vec![
                                tir::Stmt::Let {
                                    pattern: tir::Pattern::Tuple(vec![
                                        tir::Pattern::Bind(new_state),
                                        tir::Pattern::Bind(answer),
                                    ]),
                                    value: invoke,
                                },
                                tir::Stmt::Expr(tir::Expr::new(
                                    ExprKind::Call {
                                        callee: tir::Callee::Native("Service.reply".into()),
                                        args: vec![local(reply, span), local(answer, span)],
                                    },
                                    span,
                                )),
                            ],
                            result: Box::new(call(loop_fn, vec![local(new_state, span)], span)),
                        },
                        span,
                    )
                }
                ast::HandlerKind::Cast => call(loop_fn, vec![invoke], span),
            };
            arms.push(tir::Arm {
                // Requests are 3-tuples; anything else in the mailbox is not one.
                pattern: tir::Pattern::Typed {
                    key: TUPLE_KEY,
                    pattern: Box::new(tir::Pattern::Tuple(vec![
                        tir::Pattern::Int(hi as i64),
                        tir::Pattern::Bind(reply),
                        unpack(&args),
                    ])),
                },
                guard: None,
                body,
            });
        }
        // Anything else sent to a service is dropped.
        arms.push(tir::Arm {
            pattern: tir::Pattern::Wildcard,
            guard: None,
            body: call(loop_fn, vec![local(state, span)], span),
        });
        let body = tir::Expr::new(ExprKind::Receive { arms, after: None }, span);
        let info = &mut self.fns[loop_fn.0 as usize];
        info.params = vec![state];
        info.body = Some(body);
        info.num_locals = next;
        info.state = InferState::Done;
    }

    /// The state type of service `s` (the initializer's result), instantiated.
    fn service_state(&mut self, cx: &mut FnCtx, s: usize, span: Span) -> Ty {
        match self.services[s].init_fn {
            Some(init) => match self.fn_use_type(cx, init, span) {
                Ty::Fun(_, r) => *r,
                _ => self.tys.fresh(),
            },
            None => Ty::unit(),
        }
    }

    pub(crate) fn infer_service_init(&mut self, f: FnId, s: usize) {
        let Some(def) = self.services[s].ast.fns.first().cloned() else {
            return;
        };
        // The initializer is an ordinary function.
        self.fns[f.0 as usize].source = FnSource::Clauses(vec![Rc::new(def)]);
        self.ensure_inferred(f);
    }

    pub(crate) fn infer_handler(&mut self, f: FnId, s: usize, index: usize) {
        let m = self.fns[f.0 as usize].module;
        self.fns[f.0 as usize].state = InferState::InProgress;
        self.tys.level += 1;
        let h = self.services[s].ast.handlers[index].clone();
        let env = TyEnv {
            allow_fresh: true,
            ..TyEnv::default()
        };
        let mut cx = FnCtx::new(m, f, env.clone());
        let state_ty = self.service_state(&mut cx, s, h.span);
        let param_tys: Vec<Ty> = h
            .params
            .iter()
            .map(|p| match &p.ty {
                Some(te) => self.resolve_type(m, te, &env),
                None => self.tys.fresh(),
            })
            .collect();
        let reply = match &h.reply_ty {
            Some(te) => self.resolve_type(m, te, &env),
            None => self.tys.fresh(),
        };
        let ret = match h.kind {
            ast::HandlerKind::Call => Ty::Tuple(vec![state_ty.clone(), reply.clone()]),
            ast::HandlerKind::Cast => state_ty.clone(),
        };
        let mut all = vec![state_ty.clone()];
        all.extend(param_tys.iter().cloned());
        let mono = Ty::Fun(all.clone(), Box::new(ret.clone()));
        self.fns[f.0 as usize].mono = Some(mono.clone());
        cx.frames.push(Frame {
            ret: ret.clone(),
            loops: 0,
            actor_msg: None,
        });
        cx.scopes.push(Vec::new());
        let state_local = cx.fresh_local();
        if let Some(st) = &h.state {
            cx.bind(&st.name, state_local, LocalTy::Mono(state_ty.clone()));
        }
        let (handler_params, pre) = self.bind_params(&mut cx, &h.params, &param_tys);
        let mut params = vec![state_local];
        params.extend(handler_params);
        let (body, bt) = self.infer_block(&mut cx, &h.body, Some(&ret));
        let bspan = h.body.stmts.last().map(|s| s.span).unwrap_or(h.body.span);
        let origin = match h.kind {
            ast::HandlerKind::Call => "(a call handler returns `(new_state, reply)`)",
            ast::HandlerKind::Cast => "(a cast handler returns the new state)",
        };
        self.unify_msg(&ret, &bt, bspan, Some(origin));
        cx.scopes.pop();
        let body = tir::Expr::after(pre, body, h.span);
        self.finish_fn(&mut cx);
        let body = self.patch(&mut cx, body);
        self.complete_fn(f, &mut cx, mono, params, body);
    }

    /// Types and builds `start` or a handler's client function.
    pub(crate) fn infer_service_client(&mut self, f: FnId, s: usize, handler: Option<usize>) {
        self.fns[f.0 as usize].state = InferState::InProgress;
        let span = self.fns[f.0 as usize].span;
        let (scheme, params, body) = match handler {
            None => {
                let init_scheme = match self.services[s].init_fn {
                    Some(init) => {
                        self.ensure_inferred(init);
                        self.fns[init.0 as usize].scheme.clone()
                    }
                    None => Some(Scheme::mono(Ty::Fun(vec![], Box::new(Ty::unit())))),
                };
                let init_scheme = init_scheme
                    .unwrap_or_else(|| Scheme::mono(Ty::Fun(vec![], Box::new(Ty::unit()))));
                let (ps, vars) = match &init_scheme.ty {
                    Ty::Fun(ps, _) => (ps.clone(), init_scheme.vars),
                    _ => (Vec::new(), 0),
                };
                let scheme = Scheme {
                    vars,
                    bounds: init_scheme.bounds.clone(),
                    ty: Ty::Fun(ps.clone(), Box::new(Ty::pid(Ty::unit()))),
                };
                let params: Vec<LocalId> = (0..ps.len() as u32).map(LocalId).collect();
                let run = self.service_run_fn(s, ps.len());
                let body = tir::Expr::new(
                    ExprKind::Call {
                        callee: tir::Callee::Native("Process.spawn".into()),
                        args: vec![
                            tir::Expr::new(ExprKind::FnRef(run), span),
                            tir::Expr::new(
                                ExprKind::List(params.iter().map(|p| local(*p, span)).collect()),
                                span,
                            ),
                        ],
                    },
                    span,
                );
                (scheme, params, body)
            }
            Some(hi) => {
                let handler_fn = self.services[s]
                    .handlers
                    .iter()
                    .find(|(_, c, _)| *c == f)
                    .map(|(_, _, h)| *h);
                let Some(handler_fn) = handler_fn else {
                    self.fns[f.0 as usize].state = InferState::Done;
                    return;
                };
                self.ensure_inferred(handler_fn);
                let hs = self.fns[handler_fn.0 as usize]
                    .scheme
                    .clone()
                    .unwrap_or_else(|| {
                        Scheme::mono(Ty::Fun(vec![Ty::unit()], Box::new(Ty::unit())))
                    });
                let kind = self.services[s].ast.handlers[hi].kind;
                let (ps, ret) = match &hs.ty {
                    Ty::Fun(ps, r) => (ps[1..].to_vec(), (**r).clone()),
                    _ => (Vec::new(), Ty::unit()),
                };
                let reply = match (kind, ret) {
                    (ast::HandlerKind::Call, Ty::Tuple(items)) if items.len() == 2 => {
                        items[1].clone()
                    }
                    _ => Ty::unit(),
                };
                let mut all = vec![Ty::pid(Ty::unit())];
                all.extend(ps.iter().cloned());
                let scheme = Scheme {
                    vars: hs.vars,
                    bounds: hs.bounds.clone(),
                    ty: Ty::Fun(all, Box::new(reply)),
                };
                let pid = LocalId(0);
                let args: Vec<LocalId> = (1..=ps.len() as u32).map(LocalId).collect();
                let native = match kind {
                    ast::HandlerKind::Call => "Service.call",
                    ast::HandlerKind::Cast => "Service.cast",
                };
                let body = tir::Expr::new(
                    ExprKind::Call {
                        callee: tir::Callee::Native(native.into()),
                        args: vec![
                            local(pid, span),
                            tir::Expr::new(ExprKind::Int(hi as i64), span),
                            pack(args.iter().map(|a| local(*a, span)).collect(), span),
                        ],
                    },
                    span,
                );
                let mut params = vec![pid];
                params.extend(args);
                (scheme, params, body)
            }
        };
        let info = &mut self.fns[f.0 as usize];
        info.num_locals = params.len() as u32;
        info.params = params;
        info.body = Some(body);
        info.scheme = Some(scheme);
        info.state = InferState::Done;
    }

    /// `S.__run(args…) = S.__loop(S.init(args…))`.
    fn service_run_fn(&mut self, s: usize, arity: usize) -> FnId {
        let name = format!("{}.__run", self.services[s].name);
        let m = self.services[s].module;
        let span = self.services[s].ast.span;
        let f = self.new_fn(m, &name, span, false, FnSource::Generated);
        let params: Vec<LocalId> = (0..arity as u32).map(LocalId).collect();
        let state = match self.services[s].init_fn {
            Some(init) => call(init, params.iter().map(|p| local(*p, span)).collect(), span),
            None => tir::Expr::unit(span),
        };
        let body = call(self.services[s].loop_fn, vec![state], span);
        let info = &mut self.fns[f.0 as usize];
        info.params = params;
        info.body = Some(body);
        info.num_locals = arity as u32;
        info.state = InferState::Done;
        f
    }

    /// Validates a supervisor and builds its body.
    pub(crate) fn infer_supervisor(&mut self, f: FnId, s: &ast::SupervisorDef) {
        let m = self.fns[f.0 as usize].module;
        self.fns[f.0 as usize].state = InferState::InProgress;
        self.tys.level += 1;
        let span = s.span;
        let strategy = match &s.strategy {
            None => "one_for_one".to_string(),
            Some(id) => {
                if ![
                    "one_for_one",
                    "one_for_all",
                    "rest_for_one",
                    "simple_one_for_one",
                ]
                .contains(&id.name.as_str())
                {
                    self.error(
                        Diagnostic::error(
                            "E0019",
                            format!("unknown supervision strategy `{}`", id.name),
                            id.span,
                        )
                        .with_help(
                            "use one_for_one, one_for_all, rest_for_one or simple_one_for_one",
                        ),
                    );
                }
                id.name.clone()
            }
        };
        let max_restarts = s.max_restarts.map(|(n, _)| n).unwrap_or(3);
        let max_seconds = s.max_seconds.map(|(n, _)| n).unwrap_or(5);
        let mut cx = FnCtx::new(
            m,
            f,
            TyEnv {
                allow_fresh: true,
                ..TyEnv::default()
            },
        );
        cx.frames.push(Frame {
            ret: Ty::pid(Ty::unit()),
            loops: 0,
            actor_msg: None,
        });
        let mut children = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for child in &s.children {
            if names.contains(&child.name.name) {
                self.error(Diagnostic::error(
                    "E0019",
                    format!("duplicate child name `{}`", child.name.name),
                    child.name.span,
                ));
            }
            names.push(child.name.name.clone());
            let start = match &child.start {
                Some(e) => {
                    let want = Ty::Fun(vec![], Box::new(Ty::pid(self.tys.fresh())));
                    let (x, t) = self.infer_expr(&mut cx, e, None);
                    if self.tys.unify(&want, &t).is_err() {
                        let shown = match self.tys.shallow(&t) {
                            Ty::Fun(_, r) => self.show(&r),
                            other => self.show(&other),
                        };
                        self.error(
                            Diagnostic::error(
                                "E0018",
                                format!(
                                    "child `{}` start function must return Pid, found `{shown}`",
                                    child.name.name
                                ),
                                e.span,
                            )
                            .with_help("write `start: fn -> spawn(worker, args) end`"),
                        );
                    }
                    x
                }
                None => {
                    self.error(Diagnostic::error(
                        "E0018",
                        format!("child `{}` has no `start:` function", child.name.name),
                        child.name.span,
                    ));
                    tir::Expr::unit(child.span)
                }
            };
            let restart = match &child.restart {
                None => "permanent".to_string(),
                Some(r) => {
                    if !["permanent", "transient", "temporary"].contains(&r.name.as_str()) {
                        self.error(
                            Diagnostic::error(
                                "E0020",
                                format!("invalid restart type `{}`", r.name),
                                r.span,
                            )
                            .with_help("use permanent, transient or temporary"),
                        );
                    }
                    r.name.clone()
                }
            };
            let shutdown = match &child.shutdown {
                None => 5000,
                Some(ast::Shutdown::Millis(n, sp)) => {
                    if *n <= 0 {
                        self.error(Diagnostic::error(
                            "E0021",
                            format!("invalid shutdown value `{n}`: must be a positive number of milliseconds"),
                            *sp,
                        ));
                    }
                    *n
                }
                Some(ast::Shutdown::Named(id)) => {
                    if id.name != "brutal_kill" {
                        self.error(
                            Diagnostic::error(
                                "E0021",
                                format!("invalid shutdown value `{}`", id.name),
                                id.span,
                            )
                            .with_help("use a number of milliseconds or brutal_kill"),
                        );
                    }
                    -1
                }
            };
            children.push(tir::Expr::new(
                ExprKind::Tuple(vec![
                    tir::Expr::new(ExprKind::Str(child.name.name.clone()), child.span),
                    start,
                    tir::Expr::new(ExprKind::Str(restart), child.span),
                    tir::Expr::new(ExprKind::Int(shutdown), child.span),
                ]),
                child.span,
            ));
        }
        // The supervision loop itself is Mesh code in the standard library.
        let body = self.native_or_std_call(
            &mut cx,
            "Supervisor",
            "run",
            vec![
                tir::Expr::new(ExprKind::Str(strategy), span),
                tir::Expr::new(ExprKind::Int(max_restarts), span),
                tir::Expr::new(ExprKind::Int(max_seconds), span),
                tir::Expr::new(ExprKind::List(children), span),
            ],
            span,
        );
        self.finish_fn(&mut cx);
        let body = self.patch(&mut cx, body);
        let mono = Ty::Fun(vec![], Box::new(Ty::pid(Ty::unit())));
        self.complete_fn(f, &mut cx, mono, vec![], body);
    }
}
