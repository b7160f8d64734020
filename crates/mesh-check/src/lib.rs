//! `mesh-check` owns meaning: the module graph, name resolution, Hindley–Milner type
//! inference with traits, deriving, exhaustiveness checking, and the lowering of the
//! checked program to the typed IR ([`tir`]) that the compiler consumes.
//!
//! It must not know about bytecode, the VM or the runtime: natives are just qualified
//! names declared by `extern fn` in the standard library sources (`std/`).
//!
//! # Phases
//!
//! 1. [`collect`]: declare every top-level name of every module (types, functions,
//!    services, actors, supervisors, interfaces) so that order in a file does not matter
//!    (forward references and mutual recursion are allowed — a superset of the original).
//! 2. [`imports`]: resolve `import`/`from … import` against those declarations.
//! 3. [`collect`] again: resolve type definitions, signatures, impls and derives.
//! 4. [`infer`]: infer function bodies on demand (a function used before its body was
//!    checked is inferred first; a function in progress is used monomorphically), lowering
//!    each body to typed IR as it goes. Decisions that need a type not yet known (which
//!    `+`, which field index…) are recorded and settled when the function is finished.
//! 5. [`finish`]: assemble the [`tir::Program`].

pub mod collect;
pub mod defs;
pub mod derive;
pub mod exhaustive;
pub mod finish;
pub mod imports;
pub mod infer;
pub mod project;
pub mod services;
pub mod stdlib;
pub mod tir;
pub mod traits;
pub mod typeexpr;
pub mod types;

use defs::{AdtDef, AliasDef, FnInfo, ImplInfo, ModId, ModuleInfo, ServiceInfo, TraitDef};
use mesh_syntax::{ast, Diagnostic, FileId, SourceMap};
use std::collections::HashMap;
use std::rc::Rc;
use types::{AdtId, TyNames, TyTable};

/// One parsed module handed to the checker.
pub struct ModuleInput {
    /// Dotted module name (`Main`, `Storage.Schema`).
    pub name: String,
    pub file: FileId,
    pub ast: ast::SourceFile,
    /// True for the standard library's own modules.
    pub is_std: bool,
}

/// What checking produced.
pub struct CheckOutput {
    /// The program, if there were no errors.
    pub program: Option<tir::Program>,
    /// Errors and warnings, in a stable order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Information about a declared generic parameter while its definition is checked.
pub struct RigidInfo {
    pub name: String,
    /// Trait bounds from `where` clauses.
    pub bounds: Vec<String>,
}

/// The state of one checking run. Phases are methods spread over this crate's modules.
pub struct Checker<'s> {
    _sources: std::marker::PhantomData<&'s SourceMap>,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) tys: TyTable,
    pub(crate) adts: Vec<AdtDef>,
    pub(crate) aliases: Vec<AliasDef>,
    pub(crate) rigids: Vec<RigidInfo>,
    pub(crate) fns: Vec<FnInfo>,
    pub(crate) modules: Vec<ModuleInfo>,
    /// Standard-library modules by the name programs use (`String`, `JSON`, …).
    pub(crate) std_modules: HashMap<String, ModId>,
    pub(crate) prelude: Option<ModId>,
    pub(crate) traits: HashMap<String, TraitDef>,
    pub(crate) impls: Vec<ImplInfo>,
    pub(crate) services: Vec<ServiceInfo>,
    /// Wrapper functions around natives, for natives used as values.
    pub(crate) entry: Option<tir::FnId>,
    /// Run-time type table entries in TypeId order: (adt).
    pub(crate) type_order: Vec<AdtId>,
    /// Run-time dispatchers for hand-written impls reached from generic code.
    pub(crate) dispatchers: HashMap<infer::DynOp, tir::FnId>,
    /// Generated text functions of types whose fields have hand-written Display/Debug.
    pub(crate) text_fns: HashMap<(AdtId, bool), tir::FnId>,
    /// Warnings already reported for a span (avoid duplicates from re-inference).
    pub(crate) reported: std::collections::HashSet<(String, u32, u32)>,
}

/// Checks a whole program: the standard library (parsed here from the embedded sources)
/// plus the user modules. Std sources are added to `sources`.
pub fn check_project(sources: &mut SourceMap, user_modules: Vec<ModuleInput>) -> CheckOutput {
    let mut modules = stdlib::load(sources);
    let mut diags = Vec::new();
    for m in &mut modules {
        diags.append(&mut m.1);
    }
    let mut all: Vec<ModuleInput> = modules.into_iter().map(|(m, _)| m).collect();
    all.extend(user_modules);
    let mut out = check(sources, all);
    if !diags.is_empty() {
        diags.append(&mut out.diagnostics);
        out.diagnostics = diags;
        out.program = None;
    }
    out
}

/// Checks modules (standard library first, then user modules in dependency order).
pub fn check(sources: &SourceMap, modules: Vec<ModuleInput>) -> CheckOutput {
    let mut c = Checker::new(sources);
    c.run(modules);
    let errors = c.diags.iter().any(|d| d.is_error());
    let program = if errors { None } else { Some(c.finish()) };
    let mut diagnostics = std::mem::take(&mut c.diags);
    // Stable order: by file, then position, errors before warnings at the same place.
    diagnostics.sort_by(|a, b| {
        (a.primary.span.file, a.primary.span.start, a.severity).cmp(&(
            b.primary.span.file,
            b.primary.span.start,
            b.severity,
        ))
    });
    diagnostics.dedup();
    CheckOutput {
        program,
        diagnostics,
    }
}

impl<'s> Checker<'s> {
    fn new(_sources: &'s SourceMap) -> Checker<'s> {
        let mut c = Checker {
            _sources: std::marker::PhantomData,
            diags: Vec::new(),
            tys: TyTable::default(),
            adts: Vec::new(),
            aliases: Vec::new(),
            rigids: Vec::new(),
            fns: Vec::new(),
            modules: Vec::new(),
            std_modules: HashMap::new(),
            prelude: None,
            traits: HashMap::new(),
            impls: Vec::new(),
            services: Vec::new(),
            entry: None,
            type_order: Vec::new(),
            dispatchers: HashMap::new(),
            text_fns: HashMap::new(),
            reported: Default::default(),
        };
        c.add_builtin_adts();
        traits::add_builtin_traits(&mut c);
        c
    }

    fn run(&mut self, inputs: Vec<ModuleInput>) {
        for input in inputs {
            let id = ModId(self.modules.len() as u32);
            if input.is_std {
                self.std_modules.insert(input.name.clone(), id);
                if input.name == "Json" {
                    self.std_modules.insert("JSON".into(), id);
                }
                if input.name == "Prelude" {
                    self.prelude = Some(id);
                }
            }
            self.modules.push(ModuleInfo {
                name: input.name,
                file: input.file,
                is_std: input.is_std,
                ast: Rc::new(input.ast),
                values: HashMap::new(),
                types: HashMap::new(),
                services: HashMap::new(),
                traits: HashMap::new(),
                imported_values: HashMap::new(),
                imported_types: HashMap::new(),
                imported_services: HashMap::new(),
                imported_modules: HashMap::new(),
                export_order: Vec::new(),
            });
        }
        let n = self.modules.len();
        for m in 0..n {
            self.declare_module(ModId(m as u32));
        }
        for m in 0..n {
            self.resolve_imports(ModId(m as u32));
        }
        for m in 0..n {
            self.define_types(ModId(m as u32));
        }
        for m in 0..n {
            self.define_signatures(ModId(m as u32));
        }
        for m in 0..n {
            self.define_impls(ModId(m as u32));
        }
        for m in 0..n {
            self.check_derives(ModId(m as u32));
        }
        let mut i = 0;
        while i < self.fns.len() {
            self.ensure_inferred(tir::FnId(i as u32));
            i += 1;
        }
        self.find_entry();
    }

    /// Registers `Option`, `Result` and `Ordering` as ADTs 0, 1, 2 (type ids 0, 1, 2).
    fn add_builtin_adts(&mut self) {
        use defs::{AdtKind, Derives, SchemaInfo, VariantDef};
        use types::Ty;
        let v = |name: &str, fields: Vec<Ty>| VariantDef {
            name: name.to_string(),
            fields,
            span: Default::default(),
        };
        let all = Derives {
            eq: true,
            ord: true,
            display: true,
            debug: true,
            hash: true,
            json: true,
            row: false,
            schema: false,
        };
        let defs = [
            (
                "Option",
                vec!["T"],
                vec![v("Some", vec![Ty::Gen(0)]), v("None", vec![])],
            ),
            (
                "Result",
                vec!["T", "E"],
                vec![v("Ok", vec![Ty::Gen(0)]), v("Err", vec![Ty::Gen(1)])],
            ),
            (
                "Ordering",
                vec![],
                vec![v("Less", vec![]), v("Equal", vec![]), v("Greater", vec![])],
            ),
        ];
        for (i, (name, generics, variants)) in defs.into_iter().enumerate() {
            self.adts.push(AdtDef {
                name: name.to_string(),
                module: ModId(u32::MAX),
                generics: generics.into_iter().map(String::from).collect(),
                kind: AdtKind::Sum(variants),
                is_pub: true,
                span: Default::default(),
                derives: all.clone(),
                schema: SchemaInfo::default(),
                type_id: Some(tir::TypeId(i as u32)),
            });
            self.type_order.push(AdtId(i as u32));
        }
    }

    /// Records an error.
    pub(crate) fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Records a warning once per (code, span).
    pub(crate) fn warn(&mut self, d: Diagnostic) {
        let key = (d.code.clone(), d.primary.span.start, d.primary.span.file.0);
        if self.reported.insert(key) {
            self.diags.push(d);
        }
    }

    /// Prints a type for a message.
    pub(crate) fn show(&self, ty: &types::Ty) -> String {
        types::show_ty(&self.tys, self, ty)
    }

    /// The message of an occurs-check failure: `T = List<T>` (the type would contain itself).
    pub(crate) fn infinite_type_message(&self, v: types::TyVar, ty: &types::Ty) -> String {
        let name = |w: types::TyVar| {
            if w == v {
                "T".to_string()
            } else {
                "_".to_string()
            }
        };
        format!(
            "infinite type: a value's type would have to contain itself (T = {})",
            types::show_ty_with(&self.tys, self, ty, &name)
        )
    }

    fn find_entry(&mut self) {
        let main_mod = self
            .modules
            .iter()
            .position(|m| !m.is_std && m.name == "Main");
        let Some(mid) = main_mod else {
            return;
        };
        match self.modules[mid].values.get("main") {
            Some((defs::ValueDef::Fn(f), _)) => {
                let f = *f;
                let arity = match &self.fns[f.0 as usize].source {
                    defs::FnSource::Clauses(cl) => cl.first().map(|c| c.params.len()).unwrap_or(0),
                    _ => 0,
                };
                if arity != 0 {
                    let span = self.fns[f.0 as usize].span;
                    self.error(Diagnostic::error(
                        "E0044",
                        "`main` must not take parameters",
                        span,
                    ));
                }
                self.entry = Some(f);
            }
            _ => {
                let file = self.modules[mid].file;
                self.error(
                    Diagnostic::error(
                        "E0044",
                        "the entry module `Main` does not define `fn main()`",
                        mesh_syntax::Span::new(file, 0, 0),
                    )
                    .with_help("add `fn main() do … end` to main.mpl"),
                );
            }
        }
    }
}

impl TyNames for Checker<'_> {
    fn adt_name(&self, id: AdtId) -> String {
        self.adts
            .get(id.0 as usize)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "?".into())
    }

    fn rigid_name(&self, i: u32) -> String {
        self.rigids
            .get(i as usize)
            .map(|r| r.name.clone())
            .unwrap_or_else(|| "?".into())
    }
}
