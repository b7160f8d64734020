//! Program-wide tables of the image being built: source files, natives, the functions
//! generated for lambdas, and the conversion of the checker's type table.

use mesh_check::tir::{Program, TyDesc, TypeDef, TypeDefKind};
use mesh_syntax::{FileId, SourceMap, Span};
use mesh_vm::bytecode::{FieldInfo, VariantInfo};
use mesh_vm::{Function, Image, TypeDesc, TypeInfo, TypeKind};
use std::collections::HashMap;

/// Everything shared by the functions of one compilation.
pub(crate) struct ImageBuilder<'p> {
    pub program: &'p Program,
    sources: &'p SourceMap,
    files: Vec<String>,
    file_index: HashMap<FileId, u32>,
    natives: Vec<String>,
    native_index: HashMap<String, u16>,
    /// Functions generated for lambdas, numbered after the program's functions.
    generated: Vec<Function>,
}

impl<'p> ImageBuilder<'p> {
    /// Empty tables for `program`.
    pub fn new(program: &'p Program, sources: &'p SourceMap) -> ImageBuilder<'p> {
        ImageBuilder {
            program,
            sources,
            files: Vec::new(),
            file_index: HashMap::new(),
            natives: Vec::new(),
            native_index: HashMap::new(),
            generated: Vec::new(),
        }
    }

    /// Index of `file` in the image's file table (added on first use).
    pub fn file(&mut self, file: FileId) -> u32 {
        if let Some(&i) = self.file_index.get(&file) {
            return i;
        }
        let path = if (file.0 as usize) < self.sources.len() {
            self.sources.get(file).path.display().to_string()
        } else {
            "<unknown>".to_string()
        };
        let i = self.files.len() as u32;
        self.files.push(path);
        self.file_index.insert(file, i);
        i
    }

    /// The 1-based source line of `span`, or 0 if it is not in the source map.
    pub fn line_of(&self, span: Span) -> u32 {
        if (span.file.0 as usize) < self.sources.len() {
            self.sources.get(span.file).line_col(span.start).0 as u32
        } else {
            0
        }
    }

    /// Index of native `name` in the image's native table (added on first use), or `None`
    /// once the 16-bit table is full.
    pub fn native(&mut self, name: &str) -> Option<u16> {
        if let Some(&i) = self.native_index.get(name) {
            return Some(i);
        }
        let i = u16::try_from(self.natives.len()).ok()?;
        self.natives.push(name.to_string());
        self.native_index.insert(name.to_string(), i);
        Some(i)
    }

    /// Adds a generated function and returns its index in the image.
    pub fn push_function(&mut self, f: Function) -> u32 {
        self.generated.push(f);
        (self.program.functions.len() + self.generated.len() - 1) as u32
    }

    /// Number of variants of sum type `type_id`, if the type table knows it.
    pub fn variant_count(&self, type_id: u32) -> Option<usize> {
        match self.program.types.get(type_id as usize).map(|t| &t.kind) {
            Some(TypeDefKind::Sum(vs)) => Some(vs.len()),
            _ => None,
        }
    }

    /// Assembles the image from the compiled top-level functions (in `FnId` order).
    pub fn finish(self, mut functions: Vec<Function>) -> Image {
        functions.extend(self.generated);
        Image {
            files: self.files,
            functions,
            natives: self.natives,
            types: convert_types(&self.program.types),
            entry: self.program.entry.0,
        }
    }
}

/// The image's type table: the VM's built-in `Option`/`Result`/`Ordering` (ids 0–2, which
/// the runtime constructs itself and must agree with), then the program's own types.
pub(crate) fn convert_types(types: &[TypeDef]) -> Vec<TypeInfo> {
    let mut out = Image::builtin_types();
    let builtin = out.len();
    out.extend(types.iter().skip(builtin).map(convert_type));
    out
}

fn convert_type(t: &TypeDef) -> TypeInfo {
    let kind = match &t.kind {
        TypeDefKind::Struct(fields) => TypeKind::Struct(
            fields
                .iter()
                .map(|(name, ty)| FieldInfo {
                    name: name.clone(),
                    ty: convert_desc(ty),
                })
                .collect(),
        ),
        TypeDefKind::Sum(variants) => TypeKind::Sum(
            variants
                .iter()
                .map(|(name, fields)| VariantInfo {
                    name: name.clone(),
                    fields: fields.iter().map(convert_desc).collect(),
                })
                .collect(),
        ),
    };
    TypeInfo {
        name: t.name.clone(),
        kind,
    }
}

fn convert_desc(d: &TyDesc) -> TypeDesc {
    match d {
        TyDesc::Int => TypeDesc::Int,
        TyDesc::Float => TypeDesc::Float,
        TyDesc::Bool => TypeDesc::Bool,
        TyDesc::String => TypeDesc::String,
        TyDesc::Unit => TypeDesc::Unit,
        TyDesc::List(t) => TypeDesc::List(Box::new(convert_desc(t))),
        TyDesc::Map(k, v) => TypeDesc::Map(Box::new(convert_desc(k)), Box::new(convert_desc(v))),
        TyDesc::Set(t) => TypeDesc::Set(Box::new(convert_desc(t))),
        TyDesc::Tuple(ts) => TypeDesc::Tuple(ts.iter().map(convert_desc).collect()),
        TyDesc::Named(id, args) => TypeDesc::Named(id.0, args.iter().map(convert_desc).collect()),
        TyDesc::Param(i) => TypeDesc::Param(*i),
        TyDesc::Opaque(s) => TypeDesc::Opaque(s.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_check::tir::TypeId;

    #[test]
    fn user_types_follow_the_builtins() {
        let mut types: Vec<TypeDef> = ["Option", "Result", "Ordering"]
            .iter()
            .map(|n| TypeDef {
                name: n.to_string(),
                kind: TypeDefKind::Sum(vec![]),
            })
            .collect();
        types.push(TypeDef {
            name: "Box".into(),
            kind: TypeDefKind::Struct(vec![(
                "items".into(),
                TyDesc::List(Box::new(TyDesc::Named(
                    TypeId::OPTION,
                    vec![TyDesc::Param(0)],
                ))),
            )]),
        });
        let out = convert_types(&types);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].name, "Option");
        assert!(matches!(&out[0].kind, TypeKind::Sum(v) if v.len() == 2));
        let TypeKind::Struct(fields) = &out[3].kind else {
            panic!("struct expected")
        };
        assert_eq!(
            fields[0].ty,
            TypeDesc::List(Box::new(TypeDesc::Named(0, vec![TypeDesc::Param(0)])))
        );
    }
}
