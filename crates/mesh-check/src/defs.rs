//! The checker's tables of definitions: modules, algebraic types, functions, traits and
//! impls. Everything is addressed by index so the tables can reference each other freely.

use crate::tir::{self, LocalId, TypeId};
use crate::types::{AdtId, Scheme, Ty};
use mesh_syntax::ast;
use mesh_syntax::{FileId, Span};
use std::collections::HashMap;
use std::rc::Rc;

/// Index of a module in [`crate::Checker::modules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModId(pub u32);

/// What a name in the value namespace of a module denotes.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueDef {
    /// A function (user, std, extern, generated client function, actor…).
    Fn(tir::FnId),
    /// A variant constructor.
    Ctor(AdtId, u32),
    /// A std constant (`Math.pi`): its literal value and type.
    Const(ConstValue),
}

/// Literal value of a std constant.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
}

/// What a name in the type namespace denotes.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeName {
    Adt(AdtId),
    Alias(u32),
}

/// One module (a file).
pub struct ModuleInfo {
    /// Dotted name (`Storage.Schema`).
    pub name: String,
    pub file: FileId,
    pub is_std: bool,
    pub ast: Rc<ast::SourceFile>,
    /// Top-level values defined here (functions, constructors, constants), with their `pub`.
    pub values: HashMap<String, (ValueDef, bool)>,
    /// Top-level types defined here, with their `pub`.
    pub types: HashMap<String, (TypeName, bool)>,
    /// Services defined here (always exported).
    pub services: HashMap<String, usize>,
    /// Interfaces defined here.
    pub traits: HashMap<String, bool>,
    /// Supervisors and actors are in `values` as functions.
    /// Names brought in by `from M import x` (values) and the types they name.
    pub imported_values: HashMap<String, ValueDef>,
    pub imported_types: HashMap<String, TypeName>,
    pub imported_services: HashMap<String, usize>,
    /// Modules usable qualified: last segment → modules (`import A.B` and `from A.B
    /// import`). Two imported modules may share a last segment; `Writer.f` then means the
    /// one that exports `f`.
    pub imported_modules: HashMap<String, Vec<ModId>>,
    /// Definition order of names, for "available: …" lists.
    pub export_order: Vec<String>,
}

/// How a generic parameter of a type definition is referred to: `Ty::Gen(i)`.
#[derive(Clone, Debug)]
pub struct FieldDef {
    pub name: String,
    pub ty: Ty,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct VariantDef {
    pub name: String,
    pub fields: Vec<Ty>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum AdtKind {
    Struct(Vec<FieldDef>),
    Sum(Vec<VariantDef>),
    /// `extern type` of the standard library.
    Opaque,
}

/// The traits a type derives (explicitly or by default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derives {
    pub eq: bool,
    pub ord: bool,
    pub display: bool,
    pub debug: bool,
    pub hash: bool,
    pub json: bool,
    pub row: bool,
    pub schema: bool,
}

/// Struct-body schema options (§10.6).
#[derive(Clone, Debug, Default)]
pub struct SchemaInfo {
    pub table: Option<String>,
    pub primary_key: Option<String>,
    pub timestamps: bool,
    /// (kind keyword, assoc, target type name)
    pub relationships: Vec<(String, String, String)>,
}

/// A struct, sum type or opaque type.
pub struct AdtDef {
    pub name: String,
    pub module: ModId,
    pub generics: Vec<String>,
    pub kind: AdtKind,
    pub is_pub: bool,
    pub span: Span,
    pub derives: Derives,
    pub schema: SchemaInfo,
    /// Entry in the run-time type table (structs and sums).
    pub type_id: Option<TypeId>,
}

/// A type alias (expanded on use).
pub struct AliasDef {
    pub name: String,
    pub module: ModId,
    pub generics: Vec<String>,
    /// Body with generic parameters as `Ty::Gen(i)`.
    pub ty: Option<Ty>,
    pub ast: ast::TypeExpr,
}

/// Where a function's body comes from.
#[derive(Clone)]
pub enum FnSource {
    /// Clauses of a user or std function (consecutive same-name same-arity definitions).
    Clauses(Vec<Rc<ast::FnDef>>),
    /// `extern fn`: a runtime native.
    Extern(String),
    /// An `actor` definition.
    Actor(Rc<ast::ActorDef>),
    /// Body produced directly by the checker (service plumbing, derives, wrappers).
    Generated,
    /// A service handler (`call`/`cast`) of service `service`, handler index `index`.
    Handler { service: usize, index: usize },
    /// The `init` function of service `service`.
    ServiceInit { service: usize },
    /// A generated client function of service `service`: `start` (`handler` is None) or
    /// the snake-case function of handler `handler`.
    ServiceClient {
        service: usize,
        handler: Option<usize>,
    },
    /// A trait impl method (clauses) for impl `impl_index`.
    ImplMethod {
        impl_index: usize,
        clauses: Vec<Rc<ast::FnDef>>,
    },
    /// A supervisor definition.
    Supervisor(Rc<ast::SupervisorDef>),
}

/// Progress of type inference for a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InferState {
    NotStarted,
    InProgress,
    Done,
}

/// A function of the program.
pub struct FnInfo {
    pub name: String,
    /// Qualified name for traces.
    pub qual_name: String,
    pub module: ModId,
    pub span: Span,
    pub is_pub: bool,
    pub source: FnSource,
    /// Declared generic parameters: (name, rigid index).
    pub generics: Vec<(String, u32)>,
    /// The generalised type once known (declared externs and finished inference).
    pub scheme: Option<Scheme>,
    /// The monomorphic type while inference is in progress.
    pub mono: Option<Ty>,
    pub state: InferState,
    /// The lowered body and parameters (once inferred, or for generated functions).
    pub body: Option<tir::Expr>,
    pub params: Vec<LocalId>,
    pub num_locals: u32,
    /// For actors: the message type.
    pub actor_msg: Option<Ty>,
}

/// A method declared by an interface.
#[derive(Clone)]
pub struct TraitMethod {
    pub name: String,
    pub has_self: bool,
    pub arity: usize,
    pub ast: Option<Rc<ast::InterfaceMethod>>,
}

/// An interface (user-declared or built-in).
pub struct TraitDef {
    pub name: String,
    pub module: Option<ModId>,
    pub generics: Vec<String>,
    pub assoc_types: Vec<String>,
    pub methods: Vec<TraitMethod>,
}

/// The head of a type an impl is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImplTarget {
    Con(crate::types::TyCon),
    Tuple(usize),
}

/// An `impl Trait for Type`.
pub struct ImplInfo {
    pub trait_name: String,
    pub trait_args: Vec<Ty>,
    pub target: ImplTarget,
    /// The target type with the target's generics as fresh `Gen`s.
    pub target_ty: Ty,
    pub target_generics: u32,
    pub assoc: HashMap<String, Ty>,
    pub methods: HashMap<String, tir::FnId>,
    pub module: ModId,
    pub span: Span,
}

/// A `service` definition.
pub struct ServiceInfo {
    pub name: String,
    pub module: ModId,
    pub ast: Rc<ast::ServiceDef>,
    /// `Name.start`.
    pub start_fn: tir::FnId,
    pub init_fn: Option<tir::FnId>,
    /// One per handler: (snake-case client name, client fn, handler fn).
    pub handlers: Vec<(String, tir::FnId, tir::FnId)>,
    /// The process loop function.
    pub loop_fn: tir::FnId,
    pub state_ty: Ty,
}
