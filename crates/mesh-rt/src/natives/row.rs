//! Natives of `Row` (`std/row.mpl`): the decoder behind `deriving(Row)`'s `from_row`, which
//! builds a struct from a database row in text form (`Map<String, String>`).
//!
//! Rules (stdlib §17.5), field by field in declaration order, first failure wins: a missing
//! column is `missing column: <field>` unless the field is an `Option`; `String` is taken
//! as is; `Int`/`Float`/`Bool` are parsed from the trimmed text (`cannot parse '<text>' as
//! Int`); `Option<T>` is `None` for a missing column or `""`, else `Some(parsed)`.

use super::json::type_id_arg;
use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::bytecode::{TypeDesc, TypeKind};
use mesh_vm::value::builtin_types;
use mesh_vm::Value;

/// Parses one column text as a value of the scalar type `ty`.
fn parse_scalar(text: &str, ty: &TypeDesc) -> Result<Value, String> {
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
        _ => Err(format!("cannot parse '{text}'")),
    }
}

/// `Row.__decode(row, type_id)`: `Ok(struct)` or `Err(message)`.
pub fn decode(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let type_id = type_id_arg(ctx, a, 1)?;
    let row = a.map(0)?;
    let Some(info) = ctx.types().get(type_id as usize) else {
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
        if !matches!(
            inner,
            TypeDesc::String | TypeDesc::Int | TypeDesc::Float | TypeDesc::Bool
        ) {
            return Err(a.fail(format!(
                "field `{}` of {} has a type that cannot be read from a row",
                f.name, info.name
            )));
        }
        plan.push((f.name.as_str(), inner, optional));
    }
    let mut vals = Vec::with_capacity(plan.len());
    for (name, inner, optional) in plan {
        let column = row.get(&Value::str(name)).and_then(|v| v.as_str());
        let v = match (column, optional) {
            (None, false) => return Ok(Value::err_str(format!("missing column: {name}"))),
            (None, true) => Value::none(),
            (Some(""), true) => Value::none(),
            (Some(text), opt) => match parse_scalar(text, inner) {
                Ok(v) if opt => Value::some(v),
                Ok(v) => v,
                Err(e) => return Ok(Value::err_str(e)),
            },
        };
        vals.push(v);
    }
    Ok(Value::ok(if vals.is_empty() {
        Value::Enum { type_id, tag: 0 }
    } else {
        Value::data(type_id, 0, vals)
    }))
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
