//! The abstract syntax tree of one Mesh source file.
//!
//! The tree is close to the surface syntax: nothing is desugared here except the type
//! sugar `T?` / `T!E` (turned into `Option<T>` / `Result<T, E>`) and the arrow body of a
//! closure (wrapped in a one-statement [`Block`]). Pipes, `?`, interpolation, method
//! calls and multi-clause grouping are left for the checker, which knows what names mean.
//!
//! Every node carries the [`Span`] of the source text it came from; diagnostics point there.

use crate::span::Span;

/// A name as written, with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

impl Ident {
    /// Builds an identifier (used by tests and by desugarings).
    pub fn new(name: impl Into<String>, span: Span) -> Ident {
        Ident {
            name: name.into(),
            span,
        }
    }
}

/// One parsed `.mpl` file.
#[derive(Clone, Debug, Default)]
pub struct SourceFile {
    pub items: Vec<Item>,
}

/// A top-level construct (also what may appear, and is rejected later, inside blocks).
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ItemKind {
    Fn(FnDef),
    Struct(StructDef),
    SumType(SumTypeDef),
    TypeAlias(TypeAlias),
    Interface(InterfaceDef),
    Impl(ImplDef),
    Actor(ActorDef),
    Service(ServiceDef),
    Supervisor(SupervisorDef),
    /// `[pub] module Name do … end` (not supported; the checker reports it).
    InlineModule(InlineModule),
    /// `import A.B.C`
    Import(Import),
    /// `from A.B import x, y`
    FromImport(FromImport),
    /// A top-level `let` (only meaningful in the standard library, for constants).
    Let(LetStmt),
    /// A bare top-level expression (no run-time meaning; the checker warns).
    Expr(Expr),
    /// Standard-library only: `extern type Name<A, B>` declares an opaque type.
    ExternType(ExternType),
}

/// `fn name<T>(params) -> Ret where T: Trait when guard do … end` (or `= expr`).
///
/// One definition is one *clause*; the checker groups consecutive clauses with the
/// same name and arity into one function.
#[derive(Clone, Debug)]
pub struct FnDef {
    pub is_pub: bool,
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub params: Vec<Param>,
    pub ret: Option<TypeExpr>,
    pub where_clause: Vec<Bound>,
    pub guard: Option<Expr>,
    pub body: FnBody,
    /// True when declared with `def` instead of `fn` (only kept for tooling).
    pub is_def: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum FnBody {
    /// `do … end` or `= expr` (the latter wrapped in a one-statement block; see `is_expr_body`).
    Block { block: Block, is_expr_body: bool },
    /// Standard library only: `extern fn f(x :: Int) -> Int` — implemented by the runtime
    /// native named `Module.f`.
    Extern,
}

/// A function, closure or handler parameter: a pattern with an optional annotation.
/// A plain parameter `x :: Int` is `Pattern::Bind(x)` with `ty = Some(Int)`.
#[derive(Clone, Debug)]
pub struct Param {
    pub pattern: Pattern,
    pub ty: Option<TypeExpr>,
    pub span: Span,
}

/// `T: Trait` in a `where` clause. The trait may be dotted (`T: Mod.Trait`).
#[derive(Clone, Debug)]
pub struct Bound {
    pub param: Ident,
    pub trait_path: Vec<Ident>,
    pub span: Span,
}

/// `struct Name<A> do fields / schema options end deriving(...)`
#[derive(Clone, Debug)]
pub struct StructDef {
    pub is_pub: bool,
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub fields: Vec<StructField>,
    /// `table "name"`
    pub table: Option<(String, Span)>,
    /// `primary_key :field`
    pub primary_key: Option<Ident>,
    /// `timestamps true|false`
    pub timestamps: Option<(bool, Span)>,
    pub relationships: Vec<Relationship>,
    /// `None` = no deriving clause (default derives apply); `Some(vec![])` = `deriving()`.
    pub deriving: Option<Vec<Ident>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct StructField {
    pub name: Ident,
    pub ty: Option<TypeExpr>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationKind {
    BelongsTo,
    HasMany,
    HasOne,
}

impl RelationKind {
    /// The keyword as written in source (`belongs_to`, `has_many`, `has_one`).
    pub fn keyword(self) -> &'static str {
        match self {
            RelationKind::BelongsTo => "belongs_to",
            RelationKind::HasMany => "has_many",
            RelationKind::HasOne => "has_one",
        }
    }
}

/// `belongs_to :assoc, Target`
#[derive(Clone, Debug)]
pub struct Relationship {
    pub kind: RelationKind,
    pub assoc: Ident,
    pub target: Ident,
    pub span: Span,
}

/// `type Name<T> do Variant Variant(Int) Variant(x :: Int) end deriving(...)`
#[derive(Clone, Debug)]
pub struct SumTypeDef {
    pub is_pub: bool,
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub variants: Vec<Variant>,
    pub deriving: Option<Vec<Ident>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Variant {
    pub name: Ident,
    pub fields: Vec<VariantField>,
    pub span: Span,
}

/// A variant field: `Int` or `reason :: String` (the name is documentation only).
#[derive(Clone, Debug)]
pub struct VariantField {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
}

/// `type Name<A> = Type`
#[derive(Clone, Debug)]
pub struct TypeAlias {
    pub is_pub: bool,
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub ty: TypeExpr,
    pub span: Span,
}

/// `interface Name<T> do type Assoc; fn m(self, …) -> T [do default end] end`
#[derive(Clone, Debug)]
pub struct InterfaceDef {
    pub is_pub: bool,
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub assoc_types: Vec<Ident>,
    pub methods: Vec<InterfaceMethod>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct InterfaceMethod {
    pub name: Ident,
    pub params: Vec<Param>,
    pub ret: Option<TypeExpr>,
    pub default: Option<Block>,
    pub span: Span,
}

/// `impl Trait<Args> for Target where … do type X = T; fn … end`
#[derive(Clone, Debug)]
pub struct ImplDef {
    pub trait_path: Vec<Ident>,
    pub trait_args: Vec<TypeExpr>,
    pub target: TypeExpr,
    pub where_clause: Vec<Bound>,
    pub assoc_types: Vec<(Ident, TypeExpr)>,
    pub methods: Vec<FnDef>,
    pub span: Span,
}

/// `actor name(params) do body [terminate do … end] end`
#[derive(Clone, Debug)]
pub struct ActorDef {
    pub name: Ident,
    pub params: Vec<Param>,
    pub body: Block,
    pub terminate: Option<Block>,
    pub span: Span,
}

/// `service Name do fn init… call … cast … end`
#[derive(Clone, Debug)]
pub struct ServiceDef {
    pub name: Ident,
    /// Every `fn` in the body, in order; the first is the state initializer.
    pub fns: Vec<FnDef>,
    pub handlers: Vec<Handler>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandlerKind {
    Call,
    Cast,
}

/// `call Name(params) :: Reply do |state| body end` or `cast Name(params) do |state| … end`
#[derive(Clone, Debug)]
pub struct Handler {
    pub kind: HandlerKind,
    pub name: Ident,
    pub params: Vec<Param>,
    pub reply_ty: Option<TypeExpr>,
    pub state: Option<Ident>,
    pub body: Block,
    pub span: Span,
}

/// `supervisor Name do strategy: … child name do … end end`
#[derive(Clone, Debug)]
pub struct SupervisorDef {
    pub is_pub: bool,
    pub name: Ident,
    pub strategy: Option<Ident>,
    pub max_restarts: Option<(i64, Span)>,
    pub max_seconds: Option<(i64, Span)>,
    pub children: Vec<ChildSpec>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ChildSpec {
    pub name: Ident,
    pub start: Option<Expr>,
    pub restart: Option<Ident>,
    pub shutdown: Option<Shutdown>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Shutdown {
    Millis(i64, Span),
    /// Any identifier; only `brutal_kill` is valid (the checker reports others).
    Named(Ident),
}

#[derive(Clone, Debug)]
pub struct InlineModule {
    pub is_pub: bool,
    pub name: Ident,
    pub items: Vec<Item>,
    pub span: Span,
}

/// `import A.B.C`
#[derive(Clone, Debug)]
pub struct Import {
    pub path: Vec<Ident>,
    pub span: Span,
}

/// `from A.B import x, y`
#[derive(Clone, Debug)]
pub struct FromImport {
    pub path: Vec<Ident>,
    pub names: Vec<Ident>,
    pub span: Span,
}

/// `extern type Name<A>` (standard library only).
#[derive(Clone, Debug)]
pub struct ExternType {
    pub name: Ident,
    pub generics: Vec<Ident>,
    pub span: Span,
}

/// A `do … end` body: statements separated by newlines or `;`.
#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `let pat [:: T] = expr`
    Let(LetStmt),
    /// A named function nested in a block.
    Fn(FnDef),
    /// Any other item written inside a block (the checker rejects it).
    Item(Box<Item>),
    Expr(Expr),
}

/// `let name [:: T] = value` or `let (a, b) = value`.
#[derive(Clone, Debug)]
pub struct LetStmt {
    pub pattern: Pattern,
    pub ty: Option<TypeExpr>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(i64),
    Float(f64),
    Bool(bool),
    /// `nil` (same value as `()`).
    Nil,
    /// A string literal, possibly with `${…}` interpolations.
    Str(Vec<StrPart>),
    /// `:name` (the text without the colon).
    Atom(String),
    /// A bare name (variable, function, constructor, module, type…).
    Name(Ident),
    /// The keyword `self` used as a value (the receiver inside impl methods).
    SelfValue,
    /// `()` is `Tuple(vec![])`; `(a, b)` a tuple. `(e)` is just `e`.
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    /// `%{k => v, …}`
    Map(Vec<(Expr, Expr)>),
    /// `Name { field: expr, … }`
    StructLit {
        name: Ident,
        fields: Vec<FieldInit>,
    },
    /// `%{base | field: expr, …}`
    StructUpdate {
        base: Box<Expr>,
        fields: Vec<FieldInit>,
    },
    /// `base.name` — field access, qualified name or (when called) method.
    Field {
        base: Box<Expr>,
        name: Ident,
    },
    /// `callee(args…, kw: v, …)`
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
        /// Keyword arguments (`name: expr`), collected by the checker into one map argument.
        kwargs: Vec<FieldInit>,
    },
    /// `lhs |> rhs`
    Pipe {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Binary {
        op: BinOp,
        op_span: Span,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    /// `expr?`
    Try(Box<Expr>),
    /// `base[index]` (parsed; the checker rejects it)
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    If {
        cond: Box<Expr>,
        then_block: Block,
        /// `else` block; `else if …` is a block holding one `If` expression.
        else_block: Option<Block>,
    },
    /// `case`/`match` scrutinee `do` arms `end`
    Case {
        scrutinee: Box<Expr>,
        arms: Vec<Arm>,
    },
    /// `receive do arms [after ms -> expr] end`
    Receive {
        arms: Vec<Arm>,
        after: Option<(Box<Expr>, Box<Expr>)>,
    },
    /// `fn … end` (one or more clauses separated by `|`).
    Closure(Vec<ClosureClause>),
    /// `for binding in iter [when filter] do body end`
    For {
        binding: ForBinding,
        iter: Box<Expr>,
        filter: Option<Box<Expr>>,
        body: Block,
    },
    /// `while cond do body end`
    While {
        cond: Box<Expr>,
        body: Block,
    },
    Break,
    Continue,
    /// `spawn(f, args…)`
    Spawn(Vec<Expr>),
    /// `send(pid, msg)`
    Send(Vec<Expr>),
    /// `link(pid)`
    Link(Vec<Expr>),
    /// `self()`
    SelfPid,
    /// `return [expr]`. The reference allows it only as a statement; we accept it
    /// wherever an expression may stand (e.g. as a `case` arm body). Type `Never`.
    Return(Option<Box<Expr>>),
    /// Placeholder produced by error recovery; never reaches the checker.
    Error,
}

/// A piece of a string literal.
#[derive(Clone, Debug)]
pub enum StrPart {
    /// Literal text with escapes already processed.
    Text(String),
    /// `${ expr }`
    Interp(Expr),
}

/// `name: expr` in struct literals, struct updates and keyword arguments.
#[derive(Clone, Debug)]
pub struct FieldInit {
    pub name: Ident,
    pub value: Expr,
}

/// A `case`/`receive` arm: `pattern [when guard] -> body`.
#[derive(Clone, Debug)]
pub struct Arm {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Expr,
    pub span: Span,
}

/// One clause of a closure: `params [when guard] -> expr` or `params do block end`.
#[derive(Clone, Debug)]
pub struct ClosureClause {
    pub params: Vec<Param>,
    pub guard: Option<Expr>,
    pub body: Block,
    pub span: Span,
}

/// What a `for` binds: `x` or `{k, v}`.
#[derive(Clone, Debug)]
pub enum ForBinding {
    Name(Ident),
    Destructure(Vec<Ident>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Eq,
    NotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    /// `and` / `&&`
    And,
    /// `or` / `||`
    Or,
    /// `<>` / `++`
    Concat,
    /// `..`
    Range,
}

impl BinOp {
    /// The operator as written in source (for messages).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::Eq => "==",
            BinOp::NotEq => "!=",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::LtEq => "<=",
            BinOp::GtEq => ">=",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Concat => "<>",
            BinOp::Range => "..",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `not x` / `!x`
    Not,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    /// `_`
    Wildcard,
    /// A name: a binding, or a nullary constructor if one of that name is in scope.
    Bind(Ident),
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    /// `nil` or `()` (the unit value).
    Unit,
    Tuple(Vec<Pattern>),
    /// `Variant(p, …)`, `Type.Variant(p, …)` or `Type.Variant`.
    Constructor {
        type_name: Option<Ident>,
        name: Ident,
        args: Option<Vec<Pattern>>,
    },
    /// `p1 | p2 | …`
    Or(Vec<Pattern>),
    /// `p as name`
    As(Box<Pattern>, Ident),
    /// `head :: tail`
    Cons(Box<Pattern>, Box<Pattern>),
}

#[derive(Clone, Debug)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum TypeExprKind {
    /// `Name`, `Mod.Name`, `Name<A, B>`; `T?` and `T!E` arrive here as `Option<T>` and
    /// `Result<T, E>`.
    Named {
        path: Vec<Ident>,
        args: Vec<TypeExpr>,
    },
    /// `()` and `(A, B)`
    Tuple(Vec<TypeExpr>),
    /// `Fun(A, B) -> R`
    Fun {
        params: Vec<TypeExpr>,
        ret: Box<TypeExpr>,
    },
}
