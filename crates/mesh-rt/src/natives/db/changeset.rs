//! Natives of `Changeset` (stdlib §17.9): casting and validating changes before they are
//! written. A `Changeset` is an opaque immutable value holding the existing row (`data`),
//! the accepted `changes`, the `errors` (at most one per field, the first wins) and the
//! field types given to `cast_with_types`. Validators never short-circuit.
//!
//! Fixes of the original's defects: `validate_length` counts characters (not bytes);
//! `validate_format` is a regular expression (regex-lite syntax); bounds of
//! `validate_number` may be any value through `validate_bounds` (Option bounds);
//! database errors are mapped from the structured error, not a tab record.

use super::error::DbErr;
use crate::context::ProcessCtx;
use crate::natives::{empty_map, Args, Ret};
use indexmap::IndexMap;
use mesh_vm::{Handle, Value};
use std::sync::Arc;

/// Mesh type name of changesets.
pub const KIND: &str = "Changeset";

/// A changeset.
#[derive(Clone, Debug, Default)]
pub struct Cs {
    data: IndexMap<String, String>,
    changes: IndexMap<String, String>,
    errors: IndexMap<String, String>,
}

impl Cs {
    fn add_error(&mut self, field: &str, msg: impl Into<String>) {
        self.errors
            .entry(field.to_string())
            .or_insert_with(|| msg.into());
    }
}

fn cs_ref<'a>(a: &'a Args, i: usize) -> Result<&'a Cs, String> {
    a.handle(i, KIND)
}

fn take_cs(a: &mut Args, i: usize) -> Result<Cs, String> {
    a.take_handle(i, KIND)
}

fn value(c: Cs) -> Value {
    Handle::new_value(KIND, c)
}

fn string_map(a: &Args, i: usize) -> Result<IndexMap<String, String>, String> {
    a.map(i)?
        .iter()
        .map(|(k, v)| match (k.as_str(), v.as_str()) {
            (Some(k), Some(v)) => Ok((k.to_string(), v.to_string())),
            _ => Err(a.fail("expected a Map<String, String>")),
        })
        .collect()
}

fn map_value(m: &IndexMap<String, String>) -> Value {
    let mut out = empty_map(m.len());
    for (k, v) in m {
        out.insert(Value::str(k.as_str()), Value::str(v.as_str()));
    }
    Value::Map(Arc::new(out))
}

fn cast_core(a: &Args) -> Result<Cs, String> {
    let data = string_map(a, 0)?;
    let params = string_map(a, 1)?;
    let allowed = a.strings(2)?;
    let changes = params
        .into_iter()
        .filter(|(k, _)| allowed.contains(k))
        .collect();
    Ok(Cs {
        data,
        changes,
        errors: IndexMap::new(),
    })
}

/// `Changeset.cast(data, params, allowed)`.
pub fn cast(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(value(cast_core(a)?))
}

/// Coerces a value to a SQL type of `__field_types__()`; `None` if it does not fit.
fn coerce(v: &str, sql_type: &str) -> Option<String> {
    let t = v.trim();
    match sql_type {
        "BIGINT" => t.parse::<i64>().ok().map(|n| n.to_string()),
        "DOUBLE PRECISION" => t.parse::<f64>().ok().map(|f| {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", f as i64)
            } else {
                format!("{f}")
            }
        }),
        "BOOLEAN" => match t.to_ascii_lowercase().as_str() {
            "true" | "t" | "1" | "yes" => Some("true".into()),
            "false" | "f" | "0" | "no" => Some("false".into()),
            _ => None,
        },
        _ => Some(v.to_string()),
    }
}

/// `Changeset.cast_with_types(data, params, allowed, types)`.
pub fn cast_with_types(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut cs = cast_core(a)?;
    let types: Vec<(String, String)> = a
        .strings(3)?
        .into_iter()
        .filter_map(|t| {
            t.split_once(':')
                .map(|(f, ty)| (f.to_string(), ty.to_string()))
        })
        .collect();
    let keys: Vec<String> = cs.changes.keys().cloned().collect();
    for k in keys {
        if let Some((_, ty)) = types.iter().find(|(f, _)| *f == k) {
            let v = cs.changes.get(&k).cloned().unwrap_or_default();
            match coerce(&v, ty) {
                Some(c) => {
                    cs.changes.insert(k, c);
                }
                None => {
                    cs.changes.shift_remove(&k);
                    cs.add_error(&k, "is invalid");
                }
            }
        }
    }
    Ok(value(cs))
}

/// `Changeset.validate_required(cs, fields)`.
pub fn validate_required(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let fields = a.strings(1)?;
    let mut cs = take_cs(a, 0)?;
    for f in fields {
        let present = match cs.changes.get(&f) {
            Some(v) => !v.is_empty(),
            None => cs.data.get(&f).is_some_and(|v| !v.is_empty()),
        };
        if !present {
            cs.add_error(&f, "can't be blank");
        }
    }
    Ok(value(cs))
}

/// `Changeset.validate_length(cs, :f, min, max)` (characters; `-1` = no bound).
pub fn validate_length(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let (min, max) = (a.int(2)?, a.int(3)?);
    let mut cs = take_cs(a, 0)?;
    if let Some(v) = cs.changes.get(&f) {
        let n = v.chars().count() as i64;
        if min >= 0 && n < min {
            cs.add_error(&f, format!("should be at least {min} character(s)"));
        } else if max >= 0 && n > max {
            cs.add_error(&f, format!("should be at most {max} character(s)"));
        }
    }
    Ok(value(cs))
}

/// `Changeset.validate_format(cs, :f, pattern)`: the change must match the regular
/// expression somewhere (anchor it with `^…$` for a full match).
pub fn validate_format(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let re =
        regex_lite::Regex::new(a.str(2)?).map_err(|e| a.fail(format!("invalid pattern: {e}")))?;
    let mut cs = take_cs(a, 0)?;
    if let Some(v) = cs.changes.get(&f) {
        if !re.is_match(v) {
            cs.add_error(&f, "has invalid format");
        }
    }
    Ok(value(cs))
}

/// `Changeset.validate_inclusion(cs, :f, allowed)`.
pub fn validate_inclusion(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let allowed = a.strings(2)?;
    let mut cs = take_cs(a, 0)?;
    if let Some(v) = cs.changes.get(&f) {
        if !allowed.contains(v) {
            cs.add_error(&f, "is invalid");
        }
    }
    Ok(value(cs))
}

fn bound(v: &Value) -> Option<i64> {
    v.to_option().and_then(Value::as_int)
}

/// `Changeset.validate_bounds(cs, :f, gt, lt, gte, lte)` with `Option<Int>` bounds.
pub fn validate_bounds(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let bounds = [
        bound(a.value(2)?),
        bound(a.value(3)?),
        bound(a.value(4)?),
        bound(a.value(5)?),
    ];
    let mut cs = take_cs(a, 0)?;
    if let Some(v) = cs.changes.get(&f).cloned() {
        match v.trim().parse::<i64>() {
            Err(_) => cs.add_error(&f, "is not a number"),
            Ok(n) => {
                let checks = [
                    (
                        bounds[0],
                        n > bounds[0].unwrap_or(0),
                        "must be greater than",
                    ),
                    (bounds[1], n < bounds[1].unwrap_or(0), "must be less than"),
                    (
                        bounds[2],
                        n >= bounds[2].unwrap_or(0),
                        "must be greater than or equal to",
                    ),
                    (
                        bounds[3],
                        n <= bounds[3].unwrap_or(0),
                        "must be less than or equal to",
                    ),
                ];
                if let Some((Some(b), _, msg)) = checks.iter().find(|(b, ok, _)| b.is_some() && !ok)
                {
                    cs.add_error(&f, format!("{msg} {b}"));
                }
            }
        }
    }
    Ok(value(cs))
}

/// `Changeset.valid(cs)`.
pub fn valid(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(cs_ref(a, 0)?.errors.is_empty()))
}

/// `Changeset.errors(cs)`.
pub fn errors(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(map_value(&cs_ref(a, 0)?.errors))
}

/// `Changeset.changes(cs)`.
pub fn changes(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(map_value(&cs_ref(a, 0)?.changes))
}

/// `Changeset.data(cs)`.
pub fn data(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(map_value(&cs_ref(a, 0)?.data))
}

/// `Changeset.get_change(cs, :f)`: the change or `""`.
pub fn get_change(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?;
    Ok(Value::str(
        cs_ref(a, 0)?.changes.get(f).cloned().unwrap_or_default(),
    ))
}

/// `Changeset.get_error(cs, :f)`: the error or `""`.
pub fn get_error(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?;
    Ok(Value::str(
        cs_ref(a, 0)?.errors.get(f).cloned().unwrap_or_default(),
    ))
}

/// `Changeset.add_error(cs, :f, message)` (kept only if `f` has no error yet).
pub fn add_error(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (f, m) = (a.str(1)?.to_string(), a.str(2)?.to_string());
    let mut cs = take_cs(a, 0)?;
    cs.add_error(&f, m);
    Ok(value(cs))
}

/// The field a constraint name refers to: `<table>_<field>_key|_fkey|_check`; `_base`
/// otherwise (and for primary keys).
fn constraint_field(constraint: &str, table: &str) -> String {
    let rest = constraint
        .strip_prefix(table)
        .and_then(|r| r.strip_prefix('_'))
        .unwrap_or("");
    for suffix in ["_key", "_fkey", "_check"] {
        if let Some(f) = rest.strip_suffix(suffix) {
            if !f.is_empty() {
                return f.to_string();
            }
        }
    }
    "_base".into()
}

/// `Changeset.add_db_error(cs, line)`: records a database error (a readable line, as
/// the string API returns it) on the field it concerns.
pub fn add_db_error(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let e = DbErr::parse_line(a.str(1)?);
    let mut cs = take_cs(a, 0)?;
    let table = e.table.as_deref().unwrap_or("").to_string();
    let field = |c: &Option<Box<str>>| constraint_field(c.as_deref().unwrap_or(""), &table);
    match e.sqlstate.as_str() {
        "23505" => cs.add_error(&field(&e.constraint), "has already been taken"),
        "23503" => cs.add_error(&field(&e.constraint), "does not exist"),
        "23502" => cs.add_error(e.column.as_deref().unwrap_or("_base"), "can't be blank"),
        _ => cs.add_error("_base", e.message.clone()),
    }
    Ok(value(cs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_fields() {
        assert_eq!(constraint_field("users_email_key", "users"), "email");
        assert_eq!(constraint_field("posts_user_id_fkey", "posts"), "user_id");
        assert_eq!(constraint_field("users_pkey", "users"), "_base");
        assert_eq!(constraint_field("custom", "users"), "_base");
    }

    #[test]
    fn coercions() {
        assert_eq!(coerce(" 42 ", "BIGINT"), Some("42".into()));
        assert_eq!(coerce("2.0", "DOUBLE PRECISION"), Some("2".into()));
        assert_eq!(coerce("2.5", "DOUBLE PRECISION"), Some("2.5".into()));
        assert_eq!(coerce("Yes", "BOOLEAN"), Some("true".into()));
        assert_eq!(coerce("x", "BIGINT"), None);
    }
}
