//! The typed, resolved and desugared program the checker hands to the compiler.
//!
//! Everything that needs type information has been decided here: which function or native
//! a name or method call means, which trait impl an operator uses, whether `+` adds Ints or
//! Floats, where a struct field sits, which variant a constructor builds. What remains is a
//! small expression language that the compiler can lower without knowing any types:
//!
//! * names are [`LocalId`]s (unique within one top-level function, lambdas included) or
//!   [`FnId`]s; natives are referenced by their qualified name (`"String.length"`);
//! * pipes, `?`, string interpolation, method calls, keyword arguments, multi-clause
//!   functions, services and supervisors are already desugared into calls, matches and
//!   receive loops;
//! * pattern matching is still a list of arms — turning it into tests and jumps is the
//!   compiler's job.

use mesh_syntax::Span;

/// A top-level function of the program (user code, the standard library, or generated).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FnId(pub u32);

/// A local variable within one top-level function (including its lambdas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// Index into [`Program::types`]. Ids 0, 1, 2 are `Option`, `Result`, `Ordering`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

impl TypeId {
    pub const OPTION: TypeId = TypeId(0);
    pub const RESULT: TypeId = TypeId(1);
    pub const ORDERING: TypeId = TypeId(2);
}

/// The whole program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Indexed by [`FnId`].
    pub functions: Vec<FnDecl>,
    /// Indexed by [`TypeId`]; starts with `Option`, `Result`, `Ordering`.
    pub types: Vec<TypeDef>,
    /// `Main.main`.
    pub entry: FnId,
}

/// One function.
#[derive(Clone, Debug)]
pub struct FnDecl {
    /// Qualified name for stack traces: `Main.main`, `List.map`, `Shapes.Circle.area`.
    pub name: String,
    pub span: Span,
    /// Parameters; patterns in parameter position were turned into a match in `body`.
    pub params: Vec<LocalId>,
    pub body: Expr,
    /// Number of locals used (all `LocalId`s of this function are below it).
    pub num_locals: u32,
}

/// A type definition, for the run-time type table (printing, JSON, rows).
#[derive(Clone, Debug)]
pub struct TypeDef {
    pub name: String,
    pub kind: TypeDefKind,
}

#[derive(Clone, Debug)]
pub enum TypeDefKind {
    /// Fields in declaration order.
    Struct(Vec<(String, TyDesc)>),
    /// Variants in declaration order (the variant's tag is its index).
    Sum(Vec<(String, Vec<TyDesc>)>),
}

/// A run-time description of a field type (mirrors the VM's `TypeDesc`).
#[derive(Clone, Debug, PartialEq)]
pub enum TyDesc {
    Int,
    Float,
    Bool,
    String,
    Unit,
    List(Box<TyDesc>),
    Map(Box<TyDesc>, Box<TyDesc>),
    Set(Box<TyDesc>),
    Tuple(Vec<TyDesc>),
    Named(TypeId, Vec<TyDesc>),
    /// The i-th generic parameter of the enclosing type definition.
    Param(u32),
    Opaque(String),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// Builds an expression node.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// The unit value `()`.
    pub fn unit(span: Span) -> Expr {
        Expr::new(ExprKind::Unit, span)
    }

    /// `body` preceded by `stmts` in a block (`body` itself when there are none).
    pub fn after(stmts: Vec<Stmt>, body: Expr, span: Span) -> Expr {
        if stmts.is_empty() {
            return body;
        }
        Expr::new(
            ExprKind::Block {
                stmts,
                result: Box::new(body),
            },
            span,
        )
    }
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Unit,
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A string (also atoms, whose run-time value is their name).
    Str(String),
    Local(LocalId),
    /// A top-level function used as a value.
    FnRef(FnId),
    /// Inside a lambda that was given a `self_local` (a named nested function), the
    /// running closure itself (used for recursion without a reference cycle).
    SelfClosure,
    Call {
        callee: Callee,
        args: Vec<Expr>,
    },
    /// An anonymous function. Free variables are captured by value. If `self_local` is set,
    /// occurrences of that local in `body` denote the closure itself.
    Lambda {
        name: String,
        params: Vec<LocalId>,
        self_local: Option<LocalId>,
        body: Box<Expr>,
    },
    /// Statements then a result (the block's value).
    Block {
        stmts: Vec<Stmt>,
        result: Box<Expr>,
    },
    If {
        cond: Box<Expr>,
        then_branch: Box<Expr>,
        else_branch: Box<Expr>,
    },
    /// Tries arms top to bottom; if none matches, a run-time error with `fail_message`.
    Match {
        scrutinee: Box<Expr>,
        arms: Vec<Arm>,
        fail_message: String,
    },
    /// Short-circuit `and`.
    And(Box<Expr>, Box<Expr>),
    /// Short-circuit `or`.
    Or(Box<Expr>, Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Map(Vec<(Expr, Expr)>),
    /// A struct value. Field initialisers are evaluated in the order given; the `u32` is
    /// the field's index in declaration order. Every field appears exactly once.
    MakeStruct {
        type_id: TypeId,
        fields: Vec<(u32, Expr)>,
    },
    /// A variant value (`tag` = variant index).
    MakeVariant {
        type_id: TypeId,
        tag: u32,
        args: Vec<Expr>,
    },
    /// Field `index` of a struct value.
    Field {
        base: Box<Expr>,
        index: u32,
    },
    /// A copy of the struct `base` with some fields replaced.
    StructUpdate {
        base: Box<Expr>,
        updates: Vec<(u32, Expr)>,
    },
    /// The `Display` text of a value (structural; user `Display` impls are called
    /// explicitly by the checker instead).
    Display(Box<Expr>),
    /// The `Debug` text of a value (structural).
    Inspect(Box<Expr>),
    /// The run-time type key of a value (see the VM's `TypeKey`), for generated dispatchers.
    TypeKey(Box<Expr>),
    /// `while cond do body end` — value `()`.
    While {
        cond: Box<Expr>,
        body: Box<Expr>,
    },
    /// A `for` comprehension; its value is the list of body values.
    For(Box<ForLoop>),
    Break,
    Continue,
    Return(Box<Expr>),
    /// `receive do arms after timeout -> after_body end` (selective).
    Receive {
        arms: Vec<Arm>,
        after: Option<(Box<Expr>, Box<Expr>)>,
    },
    /// Checker-internal placeholder for a decision that waits for a type (which `+`, which
    /// field index…). Every one is replaced before the program leaves the checker; the
    /// compiler never sees it.
    Pending(u32),
}

impl Expr {
    /// Calls `f` on every direct child expression (in evaluation order).
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        match &self.kind {
            ExprKind::Call { callee, args } => {
                if let Callee::Value(c) = callee {
                    f(c);
                }
                args.iter().for_each(&mut *f);
            }
            ExprKind::Lambda { body, .. } => f(body),
            ExprKind::Block { stmts, result } => {
                for s in stmts {
                    match s {
                        Stmt::Let { value, .. } => f(value),
                        Stmt::Expr(x) => f(x),
                    }
                }
                f(result);
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                f(cond);
                f(then_branch);
                f(else_branch);
            }
            ExprKind::Match {
                scrutinee, arms, ..
            } => {
                f(scrutinee);
                for a in arms {
                    if let Some(g) = &a.guard {
                        f(g);
                    }
                    f(&a.body);
                }
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            ExprKind::Unary { operand, .. } => f(operand),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(&mut *f),
            ExprKind::Map(entries) => {
                for (k, v) in entries {
                    f(k);
                    f(v);
                }
            }
            ExprKind::MakeStruct { fields, .. } => fields.iter().for_each(|(_, x)| f(x)),
            ExprKind::MakeVariant { args, .. } => args.iter().for_each(&mut *f),
            ExprKind::Field { base, .. } => f(base),
            ExprKind::StructUpdate { base, updates } => {
                f(base);
                updates.iter().for_each(|(_, x)| f(x));
            }
            ExprKind::Display(x)
            | ExprKind::Inspect(x)
            | ExprKind::TypeKey(x)
            | ExprKind::Return(x) => f(x),
            ExprKind::While { cond, body } => {
                f(cond);
                f(body);
            }
            ExprKind::For(fl) => {
                f(&fl.iterable);
                if let Some(x) = &fl.filter {
                    f(x);
                }
                f(&fl.body);
            }
            ExprKind::Receive { arms, after } => {
                for a in arms {
                    if let Some(g) = &a.guard {
                        f(g);
                    }
                    f(&a.body);
                }
                if let Some((t, b)) = after {
                    f(t);
                    f(b);
                }
            }
            ExprKind::Unit
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::Local(_)
            | ExprKind::FnRef(_)
            | ExprKind::SelfClosure
            | ExprKind::Break
            | ExprKind::Continue
            | ExprKind::Pending(_) => {}
        }
    }

    /// Calls `f` on every direct child expression, mutably (in evaluation order).
    pub fn for_each_child_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        match &mut self.kind {
            ExprKind::Call { callee, args } => {
                if let Callee::Value(c) = callee {
                    f(c);
                }
                args.iter_mut().for_each(&mut *f);
            }
            ExprKind::Lambda { body, .. } => f(body),
            ExprKind::Block { stmts, result } => {
                for s in stmts {
                    match s {
                        Stmt::Let { value, .. } => f(value),
                        Stmt::Expr(x) => f(x),
                    }
                }
                f(result);
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                f(cond);
                f(then_branch);
                f(else_branch);
            }
            ExprKind::Match {
                scrutinee, arms, ..
            } => {
                f(scrutinee);
                for a in arms {
                    if let Some(g) = &mut a.guard {
                        f(g);
                    }
                    f(&mut a.body);
                }
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            ExprKind::Unary { operand, .. } => f(operand),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter_mut().for_each(&mut *f),
            ExprKind::Map(entries) => {
                for (k, v) in entries {
                    f(k);
                    f(v);
                }
            }
            ExprKind::MakeStruct { fields, .. } => fields.iter_mut().for_each(|(_, x)| f(x)),
            ExprKind::MakeVariant { args, .. } => args.iter_mut().for_each(&mut *f),
            ExprKind::Field { base, .. } => f(base),
            ExprKind::StructUpdate { base, updates } => {
                f(base);
                updates.iter_mut().for_each(|(_, x)| f(x));
            }
            ExprKind::Display(x)
            | ExprKind::Inspect(x)
            | ExprKind::TypeKey(x)
            | ExprKind::Return(x) => f(x),
            ExprKind::While { cond, body } => {
                f(cond);
                f(body);
            }
            ExprKind::For(fl) => {
                f(&mut fl.iterable);
                if let Some(x) = &mut fl.filter {
                    f(x);
                }
                f(&mut fl.body);
            }
            ExprKind::Receive { arms, after } => {
                for a in arms {
                    if let Some(g) = &mut a.guard {
                        f(g);
                    }
                    f(&mut a.body);
                }
                if let Some((t, b)) = after {
                    f(t);
                    f(b);
                }
            }
            ExprKind::Unit
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::Local(_)
            | ExprKind::FnRef(_)
            | ExprKind::SelfClosure
            | ExprKind::Break
            | ExprKind::Continue
            | ExprKind::Pending(_) => {}
        }
    }
}

/// How a `for` walks its iterable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForKind {
    /// `a..b`: the iterable is a `Tuple([start, end])` expression.
    Range,
    List,
    Set,
    /// Each element is a `(key, value)` pair.
    Map,
}

#[derive(Clone, Debug)]
pub struct ForLoop {
    pub kind: ForKind,
    /// For `Range`, an `ExprKind::Tuple` of the two bounds; otherwise the collection.
    pub iterable: Expr,
    /// Matched against each element (a `Bind`, or a 2-tuple pattern for maps).
    pub pattern: Pattern,
    pub filter: Option<Expr>,
    pub body: Expr,
}

#[derive(Clone, Debug)]
pub enum Stmt {
    /// `let pattern = value` (irrefutable patterns only: binds, tuples, wildcards).
    Let { pattern: Pattern, value: Expr },
    /// An expression evaluated for its effect.
    Expr(Expr),
}

#[derive(Clone, Debug)]
pub struct Arm {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Expr,
}

#[derive(Clone, Debug)]
pub enum Callee {
    /// A direct call of a top-level function.
    Fn(FnId),
    /// A runtime native, by qualified name (`"String.length"`).
    Native(String),
    /// A call through a function value (closure or function reference).
    Value(Box<Expr>),
}

/// Operators with their operand types decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    AddInt,
    SubInt,
    MulInt,
    DivInt,
    RemInt,
    AddFloat,
    SubFloat,
    MulFloat,
    DivFloat,
    RemFloat,
    EqInt,
    NeInt,
    LtInt,
    LeInt,
    GtInt,
    GeInt,
    EqFloat,
    NeFloat,
    LtFloat,
    LeFloat,
    GtFloat,
    GeFloat,
    /// Structural comparisons (strings, lists, tuples, derived Eq/Ord on user types…).
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `<>` / `++` on strings or lists.
    Concat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    NegInt,
    NegFloat,
    Not,
}

#[derive(Clone, Debug)]
pub enum Pattern {
    Wildcard,
    Bind(LocalId),
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Unit,
    Tuple(Vec<Pattern>),
    /// A variant of a sum type (including `Some`/`None`/`Ok`/`Err`/`Less`/…).
    Variant {
        type_id: TypeId,
        tag: u32,
        args: Vec<Pattern>,
    },
    Or(Vec<Pattern>),
    /// `p as x`
    As(Box<Pattern>, LocalId),
    /// `head :: tail` on a non-empty list.
    Cons(Box<Pattern>, Box<Pattern>),
    /// Matches only values whose run-time type key (see `ExprKind::TypeKey`) is `key`, then
    /// `pattern`. Used for `receive` arms: a mailbox may hold messages of other types
    /// (sent through an untyped `Pid`, or system signals).
    Typed {
        key: i64,
        pattern: Box<Pattern>,
    },
}
