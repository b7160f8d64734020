//! A compact, deterministic S-expression rendering of the syntax tree, for tests and
//! tooling (`meshc` can print it). Spans are not shown.
//!
//! Shapes (one item per line):
//!
//! ```text
//! (fn main () (block (let x (+ 1 2)) (call println "hi")))
//! (struct pub Point (field x Int) (field y Int) (deriving Eq))
//! (case x (arm (ctor Some n) (when (> n 0)) n) (arm _ 0))
//! ```
//!
//! Expressions: literals as written (`1`, `2.5`, `"text"`, `:atom`, `nil`), names bare,
//! `(op lhs rhs)` for binary operators, `(neg x)`/`(not x)`, `(|> a b)`, `(call f a b
//! (kw name v))`, `(. base field)`, `(? e)`, `(index a i)`, `(tuple …)`, `(list …)`,
//! `(map (k v) …)`, `(struct-lit Name (f v) …)`, `(update base (f v) …)`, `(str "a"
//! (interp e) "b")`. Types print in surface syntax (`Map<String, Int>`, `Fun(Int) -> ()`).

use crate::ast::*;
use std::fmt::Write as _;

/// Renders a whole file, one top-level item per line.
pub fn dump(file: &SourceFile) -> String {
    let mut out = String::new();
    for item in &file.items {
        out.push_str(&item_to_string(item));
        out.push('\n');
    }
    out
}

/// Renders one item.
pub fn item_to_string(item: &Item) -> String {
    let mut p = Printer::default();
    p.item(item);
    p.out
}

/// Renders one expression.
pub fn expr_to_string(e: &Expr) -> String {
    let mut p = Printer::default();
    p.expr(e);
    p.out
}

/// Renders one pattern.
pub fn pattern_to_string(pat: &Pattern) -> String {
    let mut p = Printer::default();
    p.pattern(pat);
    p.out
}

/// Renders a type in surface syntax.
pub fn type_to_string(ty: &TypeExpr) -> String {
    let mut p = Printer::default();
    p.ty(ty);
    p.out
}

#[derive(Default)]
struct Printer {
    out: String,
}

impl Printer {
    fn s(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn open(&mut self, head: &str) {
        self.out.push('(');
        self.out.push_str(head);
    }

    fn close(&mut self) {
        self.out.push(')');
    }

    fn sp(&mut self) {
        self.out.push(' ');
    }

    fn idents(&mut self, names: &[Ident]) {
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            self.s(&n.name);
        }
    }

    fn path(&mut self, names: &[Ident]) {
        let joined: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
        self.s(&joined.join("."));
    }

    fn generics(&mut self, generics: &[Ident]) {
        if !generics.is_empty() {
            self.s(" <");
            self.idents(generics);
            self.s(">");
        }
    }

    fn flag(&mut self, on: bool, word: &str) {
        if on {
            self.sp();
            self.s(word);
        }
    }

    fn item(&mut self, item: &Item) {
        match &item.kind {
            ItemKind::Fn(f) => self.fn_def(f),
            ItemKind::Struct(s) => {
                self.open("struct");
                self.flag(s.is_pub, "pub");
                self.sp();
                self.s(&s.name.name);
                self.generics(&s.generics);
                for f in &s.fields {
                    self.s(" (field ");
                    self.s(&f.name.name);
                    if let Some(t) = &f.ty {
                        self.sp();
                        self.ty(t);
                    }
                    self.close();
                }
                if let Some((t, _)) = &s.table {
                    let _ = write!(self.out, " (table {t:?})");
                }
                if let Some(pk) = &s.primary_key {
                    let _ = write!(self.out, " (primary_key {})", pk.name);
                }
                if let Some((ts, _)) = &s.timestamps {
                    let _ = write!(self.out, " (timestamps {ts})");
                }
                for r in &s.relationships {
                    let _ = write!(
                        self.out,
                        " ({} {} {})",
                        r.kind.keyword(),
                        r.assoc.name,
                        r.target.name
                    );
                }
                self.deriving(&s.deriving);
                self.close();
            }
            ItemKind::SumType(t) => {
                self.open("type");
                self.flag(t.is_pub, "pub");
                self.sp();
                self.s(&t.name.name);
                self.generics(&t.generics);
                for v in &t.variants {
                    self.s(" (variant ");
                    self.s(&v.name.name);
                    for f in &v.fields {
                        self.sp();
                        match &f.name {
                            Some(n) => {
                                self.s("(");
                                self.s(&n.name);
                                self.sp();
                                self.ty(&f.ty);
                                self.close();
                            }
                            None => self.ty(&f.ty),
                        }
                    }
                    self.close();
                }
                self.deriving(&t.deriving);
                self.close();
            }
            ItemKind::TypeAlias(a) => {
                self.open("alias");
                self.flag(a.is_pub, "pub");
                self.sp();
                self.s(&a.name.name);
                self.generics(&a.generics);
                self.sp();
                self.ty(&a.ty);
                self.close();
            }
            ItemKind::Interface(i) => {
                self.open("interface");
                self.flag(i.is_pub, "pub");
                self.sp();
                self.s(&i.name.name);
                self.generics(&i.generics);
                for a in &i.assoc_types {
                    self.s(" (assoc ");
                    self.s(&a.name);
                    self.close();
                }
                for m in &i.methods {
                    self.s(" (method ");
                    self.s(&m.name.name);
                    self.sp();
                    self.params(&m.params);
                    if let Some(r) = &m.ret {
                        self.s(" -> ");
                        self.ty(r);
                    }
                    if let Some(b) = &m.default {
                        self.sp();
                        self.block(b);
                    }
                    self.close();
                }
                self.close();
            }
            ItemKind::Impl(i) => {
                self.open("impl ");
                self.path(&i.trait_path);
                if !i.trait_args.is_empty() {
                    self.s("<");
                    self.types(&i.trait_args);
                    self.s(">");
                }
                self.s(" for ");
                self.ty(&i.target);
                self.where_clause(&i.where_clause);
                for (name, t) in &i.assoc_types {
                    self.s(" (assoc ");
                    self.s(&name.name);
                    self.sp();
                    self.ty(t);
                    self.close();
                }
                for m in &i.methods {
                    self.sp();
                    self.fn_def(m);
                }
                self.close();
            }
            ItemKind::Actor(a) => {
                self.open("actor ");
                self.s(&a.name.name);
                self.sp();
                self.params(&a.params);
                self.sp();
                self.block(&a.body);
                if let Some(t) = &a.terminate {
                    self.s(" (terminate ");
                    self.block(t);
                    self.close();
                }
                self.close();
            }
            ItemKind::Service(s) => {
                self.open("service ");
                self.s(&s.name.name);
                for f in &s.fns {
                    self.sp();
                    self.fn_def(f);
                }
                for h in &s.handlers {
                    self.sp();
                    self.open(match h.kind {
                        HandlerKind::Call => "call ",
                        HandlerKind::Cast => "cast ",
                    });
                    self.s(&h.name.name);
                    self.sp();
                    self.params(&h.params);
                    if let Some(t) = &h.reply_ty {
                        self.s(" :: ");
                        self.ty(t);
                    }
                    if let Some(st) = &h.state {
                        let _ = write!(self.out, " |{}|", st.name);
                    }
                    self.sp();
                    self.block(&h.body);
                    self.close();
                }
                self.close();
            }
            ItemKind::Supervisor(s) => {
                self.open("supervisor");
                self.flag(s.is_pub, "pub");
                self.sp();
                self.s(&s.name.name);
                if let Some(st) = &s.strategy {
                    let _ = write!(self.out, " (strategy {})", st.name);
                }
                if let Some((n, _)) = s.max_restarts {
                    let _ = write!(self.out, " (max_restarts {n})");
                }
                if let Some((n, _)) = s.max_seconds {
                    let _ = write!(self.out, " (max_seconds {n})");
                }
                for c in &s.children {
                    self.s(" (child ");
                    self.s(&c.name.name);
                    if let Some(e) = &c.start {
                        self.s(" (start ");
                        self.expr(e);
                        self.close();
                    }
                    if let Some(r) = &c.restart {
                        let _ = write!(self.out, " (restart {})", r.name);
                    }
                    match &c.shutdown {
                        Some(Shutdown::Millis(ms, _)) => {
                            let _ = write!(self.out, " (shutdown {ms})");
                        }
                        Some(Shutdown::Named(n)) => {
                            let _ = write!(self.out, " (shutdown {})", n.name);
                        }
                        None => {}
                    }
                    self.close();
                }
                self.close();
            }
            ItemKind::InlineModule(m) => {
                self.open("module");
                self.flag(m.is_pub, "pub");
                self.sp();
                self.s(&m.name.name);
                for it in &m.items {
                    self.sp();
                    self.item(it);
                }
                self.close();
            }
            ItemKind::Import(i) => {
                self.open("import ");
                self.path(&i.path);
                self.close();
            }
            ItemKind::FromImport(f) => {
                self.open("from ");
                self.path(&f.path);
                self.s(" import ");
                self.idents(&f.names);
                self.close();
            }
            ItemKind::Let(l) => self.let_stmt(l),
            ItemKind::Expr(e) => self.expr(e),
            ItemKind::ExternType(t) => {
                self.open("extern-type ");
                self.s(&t.name.name);
                self.generics(&t.generics);
                self.close();
            }
        }
    }

    fn deriving(&mut self, deriving: &Option<Vec<Ident>>) {
        if let Some(names) = deriving {
            self.s(" (deriving");
            for n in names {
                self.sp();
                self.s(&n.name);
            }
            self.close();
        }
    }

    fn where_clause(&mut self, bounds: &[Bound]) {
        if bounds.is_empty() {
            return;
        }
        self.s(" (where");
        for b in bounds {
            self.s(" (");
            self.s(&b.param.name);
            self.sp();
            self.path(&b.trait_path);
            self.close();
        }
        self.close();
    }

    fn fn_def(&mut self, f: &FnDef) {
        self.open(if f.is_def { "def" } else { "fn" });
        self.flag(f.is_pub, "pub");
        self.sp();
        self.s(&f.name.name);
        self.generics(&f.generics);
        self.sp();
        self.params(&f.params);
        if let Some(r) = &f.ret {
            self.s(" -> ");
            self.ty(r);
        }
        self.where_clause(&f.where_clause);
        if let Some(g) = &f.guard {
            self.s(" (when ");
            self.expr(g);
            self.close();
        }
        self.sp();
        match &f.body {
            FnBody::Extern => self.s("extern"),
            FnBody::Block {
                block,
                is_expr_body: true,
            } => {
                self.open("= ");
                match block.stmts.as_slice() {
                    [Stmt {
                        kind: StmtKind::Expr(e),
                        ..
                    }] => self.expr(e),
                    _ => self.block(block),
                }
                self.close();
            }
            FnBody::Block { block, .. } => self.block(block),
        }
        self.close();
    }

    fn params(&mut self, params: &[Param]) {
        self.s("(");
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            match &p.ty {
                Some(t) => {
                    self.s("(");
                    self.pattern(&p.pattern);
                    self.s(" : ");
                    self.ty(t);
                    self.close();
                }
                None => self.pattern(&p.pattern),
            }
        }
        self.close();
    }

    fn block(&mut self, b: &Block) {
        self.open("block");
        for st in &b.stmts {
            self.sp();
            match &st.kind {
                StmtKind::Let(l) => self.let_stmt(l),
                StmtKind::Fn(f) => self.fn_def(f),
                StmtKind::Item(i) => self.item(i),
                StmtKind::Expr(e) => self.expr(e),
            }
        }
        self.close();
    }

    fn let_stmt(&mut self, l: &LetStmt) {
        self.open("let ");
        self.pattern(&l.pattern);
        if let Some(t) = &l.ty {
            self.s(" : ");
            self.ty(t);
        }
        self.sp();
        self.expr(&l.value);
        self.close();
    }

    fn exprs(&mut self, items: &[Expr]) {
        for e in items {
            self.sp();
            self.expr(e);
        }
    }

    fn fields(&mut self, fields: &[FieldInit]) {
        for f in fields {
            self.s(" (");
            self.s(&f.name.name);
            self.sp();
            self.expr(&f.value);
            self.close();
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Int(n) => {
                let _ = write!(self.out, "{n}");
            }
            ExprKind::Float(f) => {
                let _ = write!(self.out, "{f:?}");
            }
            ExprKind::Bool(b) => {
                let _ = write!(self.out, "{b}");
            }
            ExprKind::Nil => self.s("nil"),
            ExprKind::Str(parts) => match parts.as_slice() {
                [] => self.s("\"\""),
                [StrPart::Text(t)] => {
                    let _ = write!(self.out, "{t:?}");
                }
                _ => {
                    self.open("str");
                    for part in parts {
                        self.sp();
                        match part {
                            StrPart::Text(t) => {
                                let _ = write!(self.out, "{t:?}");
                            }
                            StrPart::Interp(e) => {
                                self.open("interp ");
                                self.expr(e);
                                self.close();
                            }
                        }
                    }
                    self.close();
                }
            },
            ExprKind::Atom(a) => {
                let _ = write!(self.out, ":{a}");
            }
            ExprKind::Name(n) => self.s(&n.name),
            ExprKind::SelfValue => self.s("self"),
            ExprKind::Tuple(items) => {
                self.open("tuple");
                self.exprs(items);
                self.close();
            }
            ExprKind::List(items) => {
                self.open("list");
                self.exprs(items);
                self.close();
            }
            ExprKind::Map(entries) => {
                self.open("map");
                for (k, v) in entries {
                    self.s(" (");
                    self.expr(k);
                    self.sp();
                    self.expr(v);
                    self.close();
                }
                self.close();
            }
            ExprKind::StructLit { name, fields } => {
                self.open("struct-lit ");
                self.s(&name.name);
                self.fields(fields);
                self.close();
            }
            ExprKind::StructUpdate { base, fields } => {
                self.open("update ");
                self.expr(base);
                self.fields(fields);
                self.close();
            }
            ExprKind::Field { base, name } => {
                self.open(". ");
                self.expr(base);
                self.sp();
                self.s(&name.name);
                self.close();
            }
            ExprKind::Call {
                callee,
                args,
                kwargs,
            } => {
                self.open("call ");
                self.expr(callee);
                self.exprs(args);
                for k in kwargs {
                    self.s(" (kw ");
                    self.s(&k.name.name);
                    self.sp();
                    self.expr(&k.value);
                    self.close();
                }
                self.close();
            }
            ExprKind::Pipe { lhs, rhs } => {
                self.open("|> ");
                self.expr(lhs);
                self.sp();
                self.expr(rhs);
                self.close();
            }
            ExprKind::Binary { op, lhs, rhs, .. } => {
                self.open(op.symbol());
                self.sp();
                self.expr(lhs);
                self.sp();
                self.expr(rhs);
                self.close();
            }
            ExprKind::Unary { op, operand } => {
                self.open(match op {
                    UnOp::Neg => "neg ",
                    UnOp::Not => "not ",
                });
                self.expr(operand);
                self.close();
            }
            ExprKind::Try(inner) => {
                self.open("? ");
                self.expr(inner);
                self.close();
            }
            ExprKind::Index { base, index } => {
                self.open("index ");
                self.expr(base);
                self.sp();
                self.expr(index);
                self.close();
            }
            ExprKind::If {
                cond,
                then_block,
                else_block,
            } => {
                self.open("if ");
                self.expr(cond);
                self.sp();
                self.block(then_block);
                if let Some(b) = else_block {
                    self.sp();
                    self.block(b);
                }
                self.close();
            }
            ExprKind::Case { scrutinee, arms } => {
                self.open("case ");
                self.expr(scrutinee);
                self.arms(arms);
                self.close();
            }
            ExprKind::Receive { arms, after } => {
                self.open("receive");
                self.arms(arms);
                if let Some((ms, body)) = after {
                    self.s(" (after ");
                    self.expr(ms);
                    self.sp();
                    self.expr(body);
                    self.close();
                }
                self.close();
            }
            ExprKind::Closure(clauses) => {
                self.open("closure");
                for c in clauses {
                    self.s(" (clause ");
                    self.params(&c.params);
                    if let Some(g) = &c.guard {
                        self.s(" (when ");
                        self.expr(g);
                        self.close();
                    }
                    self.sp();
                    self.block(&c.body);
                    self.close();
                }
                self.close();
            }
            ExprKind::For {
                binding,
                iter,
                filter,
                body,
            } => {
                self.open("for ");
                match binding {
                    ForBinding::Name(n) => self.s(&n.name),
                    ForBinding::Destructure(names) => {
                        self.s("{");
                        self.idents(names);
                        self.s("}");
                    }
                }
                self.sp();
                self.expr(iter);
                if let Some(f) = filter {
                    self.s(" (when ");
                    self.expr(f);
                    self.close();
                }
                self.sp();
                self.block(body);
                self.close();
            }
            ExprKind::While { cond, body } => {
                self.open("while ");
                self.expr(cond);
                self.sp();
                self.block(body);
                self.close();
            }
            ExprKind::Break => self.s("break"),
            ExprKind::Continue => self.s("continue"),
            ExprKind::Spawn(args) => {
                self.open("spawn");
                self.exprs(args);
                self.close();
            }
            ExprKind::Send(args) => {
                self.open("send");
                self.exprs(args);
                self.close();
            }
            ExprKind::Link(args) => {
                self.open("link");
                self.exprs(args);
                self.close();
            }
            ExprKind::SelfPid => self.s("(self)"),
            ExprKind::Return(value) => {
                self.open("return");
                if let Some(v) = value {
                    self.sp();
                    self.expr(v);
                }
                self.close();
            }
            ExprKind::Error => self.s("<error>"),
        }
    }

    fn arms(&mut self, arms: &[Arm]) {
        for a in arms {
            self.s(" (arm ");
            self.pattern(&a.pattern);
            if let Some(g) = &a.guard {
                self.s(" (when ");
                self.expr(g);
                self.close();
            }
            self.sp();
            self.expr(&a.body);
            self.close();
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Wildcard => self.s("_"),
            PatternKind::Bind(n) => self.s(&n.name),
            PatternKind::Int(n) => {
                let _ = write!(self.out, "{n}");
            }
            PatternKind::Float(f) => {
                let _ = write!(self.out, "{f:?}");
            }
            PatternKind::Bool(b) => {
                let _ = write!(self.out, "{b}");
            }
            PatternKind::Str(s) => {
                let _ = write!(self.out, "{s:?}");
            }
            PatternKind::Unit => self.s("unit"),
            PatternKind::Tuple(items) => {
                self.open("tuple");
                for it in items {
                    self.sp();
                    self.pattern(it);
                }
                self.close();
            }
            PatternKind::Constructor {
                type_name,
                name,
                args,
            } => {
                self.open("ctor ");
                if let Some(t) = type_name {
                    self.s(&t.name);
                    self.s(".");
                }
                self.s(&name.name);
                if let Some(args) = args {
                    if args.is_empty() {
                        self.s(" ()");
                    }
                    for a in args {
                        self.sp();
                        self.pattern(a);
                    }
                }
                self.close();
            }
            PatternKind::Or(alts) => {
                self.open("or");
                for a in alts {
                    self.sp();
                    self.pattern(a);
                }
                self.close();
            }
            PatternKind::As(inner, name) => {
                self.open("as ");
                self.pattern(inner);
                self.sp();
                self.s(&name.name);
                self.close();
            }
            PatternKind::Cons(h, t) => {
                self.open("cons ");
                self.pattern(h);
                self.sp();
                self.pattern(t);
                self.close();
            }
        }
    }

    fn types(&mut self, types: &[TypeExpr]) {
        for (i, t) in types.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.ty(t);
        }
    }

    fn ty(&mut self, t: &TypeExpr) {
        match &t.kind {
            TypeExprKind::Named { path, args } => {
                self.path(path);
                if !args.is_empty() {
                    self.s("<");
                    self.types(args);
                    self.s(">");
                }
            }
            TypeExprKind::Tuple(items) => {
                self.s("(");
                self.types(items);
                self.s(")");
            }
            TypeExprKind::Fun { params, ret } => {
                self.s("Fun(");
                self.types(params);
                self.s(") -> ");
                self.ty(ret);
            }
        }
    }
}
