//! Natives of `Row` (`std/row.mpl`): the decoder behind `deriving(Row)`'s `from_row`, which
//! builds a struct from a database row in text form (`Map<String, String>`).
//!
//! Rules (stdlib §17.5), field by field in declaration order, first failure wins: a missing
//! column is `missing column: <field>` unless the field is an `Option`; `String` is taken
//! as is; `Int`/`Float`/`Bool` are parsed from the trimmed text (`cannot parse '<text>' as
//! Int`); `Option<T>` is `None` for a missing column or `""`, else `Some(parsed)`.
//!
//! `Row.__decode_typed` is the typed counterpart behind `from_sql_row`: it reads a typed
//! row (`Map<String, SqlValue>`, as `Pool.fetch` returns) and checks each column's type
//! against the field's, so a mismatch or a NULL in a non-Option field is an error naming
//! the column. A field whose type derives `Json` is decoded from the column's JSON text
//! (in both decoders).

use super::db::pg::{cell_of, db_types};
use super::db::value::Cell;
use super::json::{type_id_arg, Decoder};
use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::bytecode::{TypeDesc, TypeInfo, TypeKind};
use mesh_vm::value::builtin_types;
use mesh_vm::Value;

/// Parses one column text as a value of the scalar type `ty` (or JSON text as a value of a
/// type deriving `Json`).
fn parse_scalar(text: &str, ty: &TypeDesc, types: &[TypeInfo]) -> Result<Value, String> {
    let t = text.trim();
    match ty {
        TypeDesc::String => Ok(Value::str(text)),
        TypeDesc::Int => t
            .parse::<i64>()
            .map(Value::Int)
            .map_err(|_| format!("cannot parse '{text}' as Int")),
        TypeDesc::Float => t
            .parse::<f64>()
            .map(Value::Float)
            .map_err(|_| format!("cannot parse '{text}' as Float")),
        TypeDesc::Bool => match t.to_ascii_lowercase().as_str() {
            "true" | "t" | "1" | "yes" => Ok(Value::Bool(true)),
            "false" | "f" | "0" | "no" => Ok(Value::Bool(false)),
            _ => Err(format!("cannot parse '{text}' as Bool")),
        },
        TypeDesc::Named(..) => decode_json(text, ty, types),
        _ => Err(format!("cannot parse '{text}'")),
    }
}

/// Decodes JSON text as a value of `ty`.
fn decode_json(text: &str, ty: &TypeDesc, types: &[TypeInfo]) -> Result<Value, String> {
    let j: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("invalid JSON ({e})"))?;
    Decoder::new(types).decode(&j, ty, 0)
}

/// The decoding plan of a struct: per field, its name, its type inside an `Option`, and
/// whether it is an `Option`.
fn plan<'t>(
    a: &Args,
    types: &'t [TypeInfo],
    type_id: u32,
) -> Result<Vec<(&'t str, &'t TypeDesc, bool)>, String> {
    let Some(info) = types.get(type_id as usize) else {
        return Err(a.fail(format!("unknown type id {type_id}")));
    };
    let TypeKind::Struct(fields) = &info.kind else {
        return Err(a.fail(format!("{} is not a struct", info.name)));
    };
    // Field types are checked up front: a struct that cannot come from a row is a
    // compiler bug, whatever the row holds.
    let mut plan = Vec::with_capacity(fields.len());
    for f in fields {
        let (inner, optional) = match &f.ty {
            TypeDesc::Named(id, args) if *id == builtin_types::OPTION => {
                (args.first().unwrap_or(&TypeDesc::Unit), true)
            }
            other => (other, false),
        };
        let json_type = matches!(inner, TypeDesc::Named(id, _)
            if *id >= builtin_types::COUNT
                && matches!(types.get(*id as usize).map(|t| &t.kind), Some(TypeKind::Struct(_) | TypeKind::Sum(_))));
        if !json_type
            && !matches!(
                inner,
                TypeDesc::String | TypeDesc::Int | TypeDesc::Float | TypeDesc::Bool
            )
        {
            return Err(a.fail(format!(
                "field `{}` of {} has a type that cannot be read from a row",
                f.name, info.name
            )));
        }
        plan.push((f.name.as_str(), inner, optional));
    }
    Ok(plan)
}

/// The struct value from its fields.
fn build(type_id: u32, vals: Vec<Value>) -> Value {
    if vals.is_empty() {
        Value::Enum { type_id, tag: 0 }
    } else {
        Value::data(type_id, 0, vals)
    }
}

/// A short description of a typed column value for errors.
fn shown(c: &Cell) -> String {
    match c {
        Cell::Null => "NULL".into(),
        Cell::Int(i) => format!("Int {i}"),
        Cell::Float(f) => format!("Float {f}"),
        Cell::Bool(b) => format!("Bool {b}"),
        Cell::Text(t) => {
            let mut s: String = t.chars().take(40).collect();
            if s.len() < t.len() {
                s.push('…');
            }
            format!("text '{s}'")
        }
    }
}

fn type_name(ty: &TypeDesc, types: &[TypeInfo]) -> String {
    match ty {
        TypeDesc::Int => "Int".into(),
        TypeDesc::Float => "Float".into(),
        TypeDesc::Bool => "Bool".into(),
        TypeDesc::String => "String".into(),
        TypeDesc::Named(id, _) => types
            .get(*id as usize)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| "?".into()),
        _ => "?".into(),
    }
}

/// A typed column value as a field of type `ty`.
fn convert(c: Cell, ty: &TypeDesc, types: &[TypeInfo]) -> Result<Value, Option<String>> {
    Ok(match (c, ty) {
        (Cell::Int(i), TypeDesc::Int) => Value::Int(i),
        (Cell::Float(f), TypeDesc::Float) => Value::Float(f),
        (Cell::Int(i), TypeDesc::Float) => Value::Float(i as f64),
        (Cell::Bool(b), TypeDesc::Bool) => Value::Bool(b),
        (Cell::Text(t), TypeDesc::String) => Value::str(t),
        (Cell::Text(t), TypeDesc::Named(..)) => {
            return decode_json(&t, ty, types).map_err(Some);
        }
        _ => return Err(None),
    })
}

/// `Row.__decode_typed(row, type_id)`: a struct from a typed row (`Map<String,
/// SqlValue>`), or `Err(message naming the column)`.
pub fn decode_typed(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let type_id = type_id_arg(ctx, a, 1)?;
    let db = db_types(ctx);
    let types = ctx.types();
    let plan = plan(a, types, type_id)?;
    let struct_name = types
        .get(type_id as usize)
        .map(|t| t.name.as_str())
        .unwrap_or("?");
    let row = a.map(0)?;
    let mut vals = Vec::with_capacity(plan.len());
    for (name, inner, optional) in plan {
        let cell = match row.get(&Value::str(name)) {
            None if optional => {
                vals.push(Value::none());
                continue;
            }
            None => return Ok(Value::err_str(format!("missing column: {name}"))),
            Some(v) => cell_of(v, &db).ok_or_else(|| a.fail("row values should be SqlValues"))?,
        };
        let v = match cell {
            Cell::Null if optional => Value::none(),
            Cell::Null => {
                return Ok(Value::err_str(format!(
                    "column \"{name}\" is NULL but field `{name}` of {struct_name} is not an Option"
                )))
            }
            c => {
                let what = shown(&c);
                match convert(c, inner, types) {
                    Ok(v) if optional => Value::some(v),
                    Ok(v) => v,
                    Err(why) => {
                        let mut msg = format!(
                            "column \"{name}\": expected {}, got {what}",
                            type_name(inner, types)
                        );
                        if let Some(w) = why {
                            msg.push_str(&format!(" ({w})"));
                        }
                        return Ok(Value::err_str(msg));
                    }
                }
            }
        };
        vals.push(v);
    }
    Ok(Value::ok(build(type_id, vals)))
}

/// `Row.__decode(row, type_id)`: `Ok(struct)` or `Err(message)`.
pub fn decode(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let type_id = type_id_arg(ctx, a, 1)?;
    let types = ctx.types();
    let plan = plan(a, types, type_id)?;
    let row = a.map(0)?;
    let mut vals = Vec::with_capacity(plan.len());
    for (name, inner, optional) in plan {
        let column = row.get(&Value::str(name)).and_then(|v| v.as_str());
        let v = match (column, optional) {
            (None, false) => return Ok(Value::err_str(format!("missing column: {name}"))),
            (None, true) => Value::none(),
            (Some(""), true) => Value::none(),
            (Some(text), opt) => match parse_scalar(text, inner, types) {
                Ok(v) if opt => Value::some(v),
                Ok(v) => v,
                Err(e) => return Ok(Value::err_str(e)),
            },
        };
        vals.push(v);
    }
    Ok(Value::ok(build(type_id, vals)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::empty_map;
    use crate::natives::testing::{call, dbg, ROWREC, USER};
    use std::sync::Arc;

    fn row(pairs: &[(&str, &str)]) -> Value {
        let mut m = empty_map(0);
        for (k, v) in pairs {
            m.insert(Value::str(*k), Value::str(*v));
        }
        Value::Map(Arc::new(m))
    }

    fn dec(pairs: &[(&str, &str)]) -> String {
        match call(
            decode,
            "Row.__decode",
            vec![row(pairs), Value::Int(ROWREC as i64)],
        ) {
            Ok(v) => dbg(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    const FULL: [(&str, &str); 6] = [
        ("id", " 42 "),
        ("name", " ana "),
        ("ratio", "1.5"),
        ("ok", "t"),
        ("note", "hi"),
        ("n", "7"),
    ];

    fn with(key: &str, value: Option<&str>) -> String {
        let mut pairs: Vec<(&str, &str)> =
            FULL.iter().copied().filter(|(k, _)| *k != key).collect();
        if let Some(v) = value {
            pairs.push((key, v));
        }
        dec(&pairs)
    }

    #[test]
    fn decodes_every_scalar_kind() {
        assert_eq!(
            dec(&FULL),
            "Ok(RowRec { id: 42, name:  ana , ratio: 1.5, ok: true, note: Some(hi), n: Some(7) })"
        );
    }

    #[test]
    fn missing_columns_and_options() {
        assert_eq!(with("id", None), "Err(missing column: id)");
        assert_eq!(with("name", None), "Err(missing column: name)");
        assert!(with("note", None).contains("note: None"));
        assert!(with("note", Some("")).contains("note: None"));
        assert!(with("n", Some("")).contains("n: None"));
        assert_eq!(with("n", Some("x")), "Err(cannot parse 'x' as Int)");
        assert!(with("name", Some("")).contains("name: ,"));
    }

    #[test]
    fn parse_errors_quote_the_text() {
        assert_eq!(with("id", Some("4.5")), "Err(cannot parse '4.5' as Int)");
        assert_eq!(
            with("ratio", Some("abc")),
            "Err(cannot parse 'abc' as Float)"
        );
        assert!(with("ratio", Some("Infinity")).contains("ratio: inf"));
        assert!(with("ratio", Some("-Infinity")).contains("ratio: -inf"));
        assert!(with("ratio", Some("3")).contains("ratio: 3"));
        assert_eq!(
            with("ok", Some("maybe")),
            "Err(cannot parse 'maybe' as Bool)"
        );
        for (t, b) in [
            ("TRUE", "true"),
            ("Yes", "true"),
            ("1", "true"),
            ("F", "false"),
            ("no", "false"),
            ("0", "false"),
        ] {
            assert!(with("ok", Some(t)).contains(&format!("ok: {b}")), "{t}");
        }
    }

    #[test]
    fn first_failure_wins() {
        assert_eq!(
            dec(&[("id", "x"), ("ratio", "y")]),
            "Err(cannot parse 'x' as Int)"
        );
    }

    #[test]
    fn unsupported_field_types_are_reported() {
        let r = call(
            decode,
            "Row.__decode",
            vec![row(&FULL), Value::Int(USER as i64)],
        );
        assert!(
            matches!(r, Err(ref e) if e.contains("cannot be read from a row")),
            "{r:?}"
        );
    }
}
