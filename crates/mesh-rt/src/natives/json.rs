//! Natives of `Json` (`std/json.mpl`; `JSON` is an alias): parsing into an opaque `Json`
//! handle, the polymorphic encoder, the string helpers of the original API, and the typed
//! decoder behind `deriving(Json)`'s `from_json`.
//!
//! All JSON text is produced and parsed by `serde_json` (with `preserve_order`, so struct
//! fields come out in declaration order).

use super::{empty_map, empty_set, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::bytecode::{TypeDesc, TypeInfo, TypeKind};
use mesh_vm::value::builtin_types;
use mesh_vm::{Handle, Value};
use serde_json::Value as J;
use std::collections::VecDeque;
use std::sync::Arc;

/// The `kind` of the handle wrapping a parsed JSON document.
pub const JSON_KIND: &str = "Json";

/// Deepest nesting the encoder and decoder follow (deeper values are an error rather than
/// a stack overflow).
pub const MAX_DEPTH: usize = 256;

/// A parsed JSON document as a Mesh `Json` value.
pub fn json_handle(j: J) -> Value {
    Handle::new_value(JSON_KIND, j)
}

/// A struct or variant value (`Value::Enum` when it has no fields, as the VM builds them).
fn make_data(type_id: u32, tag: u32, fields: Vec<Value>) -> Value {
    if fields.is_empty() {
        Value::Enum { type_id, tag }
    } else {
        Value::data(type_id, tag, fields)
    }
}

// ---------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------

/// Converts a Mesh value to JSON: structs → objects (declaration order), `Option` → `null`
/// or the value, other sum types → `{"tag": …, "fields": […]}`, lists/sets/tuples →
/// arrays, maps → objects (non-string keys by their `Display` text), `()` → `null`,
/// non-finite floats → `null`, a `Json` handle → its content.
pub fn to_json(v: &Value, types: &[TypeInfo]) -> Result<J, String> {
    encode_at(v, types, 0)
}

fn encode_at(v: &Value, types: &[TypeInfo], depth: usize) -> Result<J, String> {
    if depth > MAX_DEPTH {
        return Err(format!("value nested more than {MAX_DEPTH} levels deep"));
    }
    let seq = |items: &mut dyn Iterator<Item = &Value>| -> Result<J, String> {
        items
            .map(|x| encode_at(x, types, depth + 1))
            .collect::<Result<Vec<_>, _>>()
            .map(J::Array)
    };
    Ok(match v {
        Value::Unit => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.as_str().to_owned()),
        Value::List(l) => seq(&mut l.iter())?,
        Value::Set(s) => seq(&mut s.iter())?,
        Value::Tuple(t) => seq(&mut t.iter())?,
        Value::Map(m) => {
            let mut obj = serde_json::Map::with_capacity(m.len());
            for (k, val) in m.iter() {
                let key = match k {
                    Value::Str(s) => s.as_str().to_owned(),
                    other => mesh_vm::ops::display(other, types),
                };
                obj.insert(key, encode_at(val, types, depth + 1)?);
            }
            J::Object(obj)
        }
        Value::Data(_) | Value::Enum { .. } => encode_data(v, types, depth)?,
        Value::Fn(_) | Value::Closure(_) => return Err("cannot encode a function as JSON".into()),
        Value::Pid(_) => return Err("cannot encode a Pid as JSON".into()),
        Value::Handle(h) => match h.downcast::<J>() {
            Some(j) => j.clone(),
            None => return Err(format!("cannot encode a {} as JSON", h.kind)),
        },
    })
}

fn encode_data(v: &Value, types: &[TypeInfo], depth: usize) -> Result<J, String> {
    let Some((type_id, tag)) = v.data_tag() else {
        return Ok(J::Null);
    };
    let fields = v.data_fields();
    if type_id == builtin_types::OPTION {
        return match fields.first() {
            Some(inner) if tag == 0 => encode_at(inner, types, depth + 1),
            _ => Ok(J::Null),
        };
    }
    let info = types
        .get(type_id as usize)
        .ok_or_else(|| format!("unknown type id {type_id}"))?;
    match &info.kind {
        TypeKind::Struct(infos) => {
            let mut obj = serde_json::Map::with_capacity(infos.len());
            for (fi, val) in infos.iter().zip(fields.iter()) {
                obj.insert(fi.name.clone(), encode_at(val, types, depth + 1)?);
            }
            Ok(J::Object(obj))
        }
        TypeKind::Sum(variants) => {
            let name = variants
                .get(tag as usize)
                .map(|vi| vi.name.clone())
                .ok_or_else(|| format!("unknown variant {tag} of {}", info.name))?;
            let payload = fields
                .iter()
                .map(|x| encode_at(x, types, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            let mut obj = serde_json::Map::with_capacity(2);
            obj.insert("tag".into(), J::String(name));
            obj.insert("fields".into(), J::Array(payload));
            Ok(J::Object(obj))
        }
    }
}

/// The JSON text of `j` as `Json.get` returns it: strings unquoted, `null` empty, other
/// scalars in JSON spelling, arrays and objects as compact JSON.
fn field_text(j: Option<&J>) -> String {
    match j {
        None | Some(J::Null) => String::new(),
        Some(J::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// `Json.parse(text)`: `Ok(Json)` or `Err(<parser message>)`.
pub fn parse(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(match serde_json::from_str::<J>(a.str(0)?) {
        Ok(j) => Value::ok(json_handle(j)),
        Err(e) => Value::err_str(e.to_string()),
    })
}

/// `Json.encode(x)` (also `__to_json`): compact JSON text of any serialisable value.
pub fn encode(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let j = to_json(a.value(0)?, ctx.types()).map_err(|e| a.fail(e))?;
    Ok(Value::str(j.to_string()))
}

/// `Json.encode_string(s)`: a quoted, escaped JSON string.
pub fn encode_string(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(J::String(a.str(0)?.to_owned()).to_string()))
}

/// `Json.encode_int(i)`.
pub fn encode_int(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(a.int(0)?.to_string()))
}

/// `Json.encode_bool(b)`.
pub fn encode_bool(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(if a.bool(0)? { "true" } else { "false" }))
}

/// `Json.encode_map(m)`: an object whose values are the `Display` texts of the map's values
/// (JSON strings), keys sorted alphabetically (as the original did).
pub fn encode_map(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let types = ctx.types();
    let mut entries: Vec<(String, String)> = a
        .map(0)?
        .iter()
        .map(|(k, v)| {
            (
                mesh_vm::ops::display(k, types),
                mesh_vm::ops::display(v, types),
            )
        })
        .collect();
    entries.sort();
    let obj: serde_json::Map<String, J> = entries
        .into_iter()
        .map(|(k, v)| (k, J::String(v)))
        .collect();
    Ok(Value::str(J::Object(obj).to_string()))
}

/// `Json.encode_list(l)`: an array of the `Display` texts of the elements (JSON strings).
pub fn encode_list(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let types = ctx.types();
    let items: Vec<J> = a
        .list(0)?
        .iter()
        .map(|v| J::String(mesh_vm::ops::display(v, types)))
        .collect();
    Ok(Value::str(J::Array(items).to_string()))
}

/// `Json.get(text, key)`: top-level field `key` as text; `""` if missing, `null`, or if
/// the text is not a JSON object.
pub fn get(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let key = a.str(1)?;
    let text = match serde_json::from_str::<J>(a.str(0)?) {
        Ok(j) => field_text(j.get(key)),
        Err(_) => String::new(),
    };
    Ok(Value::str(text))
}

/// `Json.get_nested(text, k1, k2)`: field `value[k1][k2]` as text (rules of `Json.get`).
pub fn get_nested(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let k1 = a.str(1)?;
    let k2 = a.str(2)?;
    let text = match serde_json::from_str::<J>(a.str(0)?) {
        Ok(j) => field_text(j.get(k1).and_then(|inner| inner.get(k2))),
        Err(_) => String::new(),
    };
    Ok(Value::str(text))
}

// ---------------------------------------------------------------------------------------
// Typed decoding (`deriving(Json)` → `Type.from_json`)
// ---------------------------------------------------------------------------------------

/// Decodes JSON into values of the types of a program's type table.
pub struct Decoder<'a> {
    types: &'a [TypeInfo],
}

/// Replaces the type parameters in `ty` by `params` (left as they are when out of range).
fn subst(ty: &TypeDesc, params: &[TypeDesc]) -> TypeDesc {
    match ty {
        TypeDesc::Param(i) => params
            .get(*i as usize)
            .cloned()
            .unwrap_or(TypeDesc::Param(*i)),
        TypeDesc::List(t) => TypeDesc::List(Box::new(subst(t, params))),
        TypeDesc::Set(t) => TypeDesc::Set(Box::new(subst(t, params))),
        TypeDesc::Map(k, v) => {
            TypeDesc::Map(Box::new(subst(k, params)), Box::new(subst(v, params)))
        }
        TypeDesc::Tuple(ts) => TypeDesc::Tuple(ts.iter().map(|t| subst(t, params)).collect()),
        TypeDesc::Named(id, args) => {
            TypeDesc::Named(*id, args.iter().map(|t| subst(t, params)).collect())
        }
        other => other.clone(),
    }
}

fn is_option(ty: &TypeDesc) -> bool {
    matches!(ty, TypeDesc::Named(id, _) if *id == builtin_types::OPTION)
}

impl<'a> Decoder<'a> {
    /// A decoder for the type table `types`.
    pub fn new(types: &'a [TypeInfo]) -> Decoder<'a> {
        Decoder { types }
    }

    /// Decodes `j` as a value of type `types[type_id]` (no type arguments).
    pub fn decode_type(&self, j: &J, type_id: u32) -> Result<Value, String> {
        self.decode(j, &TypeDesc::Named(type_id, vec![]), 0)
    }

    /// Decodes `j` as a value of type `ty` (which must not contain type parameters).
    pub fn decode(&self, j: &J, ty: &TypeDesc, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("JSON nested more than {MAX_DEPTH} levels deep"));
        }
        match ty {
            TypeDesc::Int => match j {
                J::Number(n) => n
                    .as_i64()
                    .or_else(|| n.as_f64().map(super::float::saturating_int))
                    .map(Value::Int)
                    .ok_or_else(|| "expected Int".to_string()),
                _ => Err("expected Int".into()),
            },
            TypeDesc::Float => j
                .as_f64()
                .map(Value::Float)
                .ok_or_else(|| "expected Float".into()),
            TypeDesc::Bool => j
                .as_bool()
                .map(Value::Bool)
                .ok_or_else(|| "expected Bool".into()),
            TypeDesc::String => j
                .as_str()
                .map(Value::str)
                .ok_or_else(|| "expected String".into()),
            TypeDesc::Unit => match j {
                J::Null => Ok(Value::Unit),
                _ => Err("expected null".into()),
            },
            TypeDesc::List(t) => {
                let items = j.as_array().ok_or("expected Array")?;
                let mut out = VecDeque::with_capacity(items.len());
                for x in items {
                    out.push_back(self.decode(x, t, depth + 1)?);
                }
                Ok(Value::List(Arc::new(out)))
            }
            TypeDesc::Set(t) => {
                let items = j.as_array().ok_or("expected Array")?;
                let mut out = empty_set(items.len());
                for x in items {
                    out.insert(self.decode(x, t, depth + 1)?);
                }
                Ok(Value::Set(Arc::new(out)))
            }
            TypeDesc::Tuple(ts) => {
                let items = j.as_array().ok_or("expected Array")?;
                if items.len() != ts.len() {
                    return Err(format!("expected Array of {} elements", ts.len()));
                }
                let vals = items
                    .iter()
                    .zip(ts.iter())
                    .map(|(x, t)| self.decode(x, t, depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::tuple(vals))
            }
            TypeDesc::Map(k, v) => {
                let obj = j.as_object().ok_or("expected Object")?;
                let mut out = empty_map(obj.len());
                for (key, val) in obj {
                    let key = match k.as_ref() {
                        TypeDesc::String => Value::str(key.as_str()),
                        TypeDesc::Int => key
                            .trim()
                            .parse::<i64>()
                            .map(Value::Int)
                            .map_err(|_| format!("expected Int key, got '{key}'"))?,
                        other => {
                            return Err(format!(
                                "cannot decode object keys as {}",
                                self.describe(other)
                            ))
                        }
                    };
                    out.insert(key, self.decode(val, v, depth + 1)?);
                }
                Ok(Value::Map(Arc::new(out)))
            }
            TypeDesc::Named(id, args) => self.decode_named(j, *id, args, depth),
            TypeDesc::Param(_) => Err("cannot decode a value of a generic type parameter".into()),
            TypeDesc::Opaque(name) if name == JSON_KIND => Ok(json_handle(j.clone())),
            TypeDesc::Opaque(name) => {
                Err(format!("cannot decode a value of type {name} from JSON"))
            }
        }
    }

    fn decode_named(
        &self,
        j: &J,
        id: u32,
        args: &[TypeDesc],
        depth: usize,
    ) -> Result<Value, String> {
        if id == builtin_types::OPTION {
            return match (j, args.first()) {
                (J::Null, _) => Ok(Value::none()),
                (_, Some(t)) => Ok(Value::some(self.decode(j, t, depth + 1)?)),
                (_, None) => Err("cannot decode an Option without its type argument".into()),
            };
        }
        let info = self
            .types
            .get(id as usize)
            .ok_or_else(|| format!("unknown type id {id}"))?;
        match &info.kind {
            TypeKind::Struct(fields) => {
                let obj = j.as_object().ok_or("expected Object")?;
                let mut vals = Vec::with_capacity(fields.len());
                for f in fields {
                    let ty = subst(&f.ty, args);
                    let v = match obj.get(&f.name) {
                        None | Some(J::Null) if is_option(&ty) => Value::none(),
                        None => return Err(format!("missing field: {}", f.name)),
                        Some(x) => self.decode(x, &ty, depth + 1)?,
                    };
                    vals.push(v);
                }
                Ok(make_data(id, 0, vals))
            }
            TypeKind::Sum(variants) => {
                let obj = j.as_object().ok_or("expected Object")?;
                let tag = obj.get("tag").ok_or("missing field: tag")?;
                let tag = tag.as_str().ok_or("expected String")?;
                let (index, variant) = variants
                    .iter()
                    .enumerate()
                    .find(|(_, v)| v.name == tag)
                    .ok_or_else(|| format!("unknown variant: {tag}"))?;
                let payload: &[J] = match obj.get("fields") {
                    Some(f) => f.as_array().ok_or("expected Array")?,
                    None if variant.fields.is_empty() => &[],
                    None => return Err("missing field: fields".into()),
                };
                if payload.len() != variant.fields.len() {
                    return Err(format!(
                        "expected {} fields for variant {}, got {}",
                        variant.fields.len(),
                        variant.name,
                        payload.len()
                    ));
                }
                let vals = payload
                    .iter()
                    .zip(variant.fields.iter())
                    .map(|(x, t)| self.decode(x, &subst(t, args), depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                let tag = u32::try_from(index).map_err(|_| "too many variants".to_string())?;
                Ok(make_data(id, tag, vals))
            }
        }
    }

    /// A short name of a type description, for messages.
    fn describe(&self, ty: &TypeDesc) -> String {
        match ty {
            TypeDesc::Int => "Int".into(),
            TypeDesc::Float => "Float".into(),
            TypeDesc::Bool => "Bool".into(),
            TypeDesc::String => "String".into(),
            TypeDesc::Unit => "()".into(),
            TypeDesc::List(_) => "List".into(),
            TypeDesc::Map(_, _) => "Map".into(),
            TypeDesc::Set(_) => "Set".into(),
            TypeDesc::Tuple(_) => "a tuple".into(),
            TypeDesc::Named(id, _) => self
                .types
                .get(*id as usize)
                .map_or_else(|| format!("type #{id}"), |t| t.name.clone()),
            TypeDesc::Param(_) => "a type parameter".into(),
            TypeDesc::Opaque(name) => name.clone(),
        }
    }
}

/// Reads a type id argument and checks it against the type table.
pub(crate) fn type_id_arg(ctx: &ProcessCtx, a: &Args, i: usize) -> Result<u32, String> {
    let raw = a.int(i)?;
    u32::try_from(raw)
        .ok()
        .filter(|id| (*id as usize) < ctx.types().len())
        .ok_or_else(|| a.fail(format!("unknown type id {raw}")))
}

/// `Json.__decode(text, type_id)`: decodes JSON text into a value of the program's type
/// `type_id` (`Ok(value)` or `Err(message)`; see stdlib §12.1 for the messages).
pub fn decode(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let type_id = type_id_arg(ctx, a, 1)?;
    let j = match serde_json::from_str::<J>(a.str(0)?) {
        Ok(j) => j,
        Err(e) => return Ok(Value::err_str(e.to_string())),
    };
    Ok(match Decoder::new(ctx.types()).decode_type(&j, type_id) {
        Ok(v) => Value::ok(v),
        Err(e) => Value::err_str(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{self, call, dbg, ints, show, strs, POINT, SHAPE, USER};

    fn text(r: Ret) -> String {
        match r {
            Ok(v) => dbg(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    fn enc(v: Value) -> String {
        text(call(encode, "Json.encode", vec![v]))
    }

    fn point(x: i64, y: i64) -> Value {
        Value::data(POINT, 0, vec![Value::Int(x), Value::Int(y)])
    }

    fn meta(pairs: &[(&str, i64)]) -> Value {
        let mut m = empty_map(0);
        for (k, v) in pairs {
            m.insert(Value::str(*k), Value::Int(*v));
        }
        Value::Map(Arc::new(m))
    }

    fn user(email: Option<&str>, home: Option<Value>, shape: Value) -> Value {
        Value::data(
            USER,
            0,
            vec![
                Value::str("ana"),
                Value::Int(31),
                Value::option(email.map(Value::str)),
                strs(&["a", "b"]),
                Value::option(home),
                shape,
                Value::Float(2.0),
                Value::Bool(true),
                meta(&[("z", 1), ("a", 2)]),
            ],
        )
    }

    #[test]
    fn encode_scalars_and_collections() {
        assert_eq!(enc(Value::Int(-3)), "-3");
        assert_eq!(enc(Value::Float(2.0)), "2.0");
        assert_eq!(enc(Value::Float(0.5)), "0.5");
        assert_eq!(enc(Value::Float(f64::NAN)), "null");
        assert_eq!(enc(Value::Float(f64::INFINITY)), "null");
        assert_eq!(enc(Value::Bool(false)), "false");
        assert_eq!(enc(Value::str("a\"b\n")), r#""a\"b\n""#);
        assert_eq!(enc(Value::Unit), "null");
        assert_eq!(enc(ints(&[1, 2])), "[1,2]");
        assert_eq!(enc(meta(&[("b", 1), ("a", 2)])), r#"{"b":1,"a":2}"#);
        let mut m = empty_map(0);
        m.insert(Value::Int(1), Value::str("x"));
        assert_eq!(enc(Value::Map(Arc::new(m))), r#"{"1":"x"}"#);
        assert_eq!(
            enc(Value::tuple(vec![Value::Int(1), Value::str("x")])),
            r#"[1,"x"]"#
        );
        assert_eq!(enc(Value::some(Value::Int(3))), "3");
        assert_eq!(enc(Value::none()), "null");
        assert_eq!(
            enc(Value::ok(Value::Int(1))),
            r#"{"tag":"Ok","fields":[1]}"#
        );
    }

    #[test]
    fn encode_structs_in_declaration_order_and_sum_types_tagged() {
        assert_eq!(enc(point(1, 2)), r#"{"x":1,"y":2}"#);
        let circle = Value::data(SHAPE, 0, vec![Value::Float(1.5)]);
        assert_eq!(enc(circle.clone()), r#"{"tag":"Circle","fields":[1.5]}"#);
        assert_eq!(
            enc(Value::Enum {
                type_id: SHAPE,
                tag: 2
            }),
            r#"{"tag":"Dot","fields":[]}"#
        );
        assert_eq!(
            enc(user(None, Some(point(1, 2)), circle)),
            r#"{"name":"ana","age":31,"email":null,"tags":["a","b"],"home":{"x":1,"y":2},"shape":{"tag":"Circle","fields":[1.5]},"score":2.0,"admin":true,"meta":{"z":1,"a":2}}"#
        );
    }

    #[test]
    fn encode_rejects_functions_and_passes_json_through() {
        assert_eq!(
            enc(Value::Fn(0)),
            "error: Json.encode: cannot encode a function as JSON"
        );
        let parsed = call(
            parse,
            "Json.parse",
            vec![Value::str(r#"{"k": [1, 2.5, null]}"#)],
        )
        .unwrap_or_default();
        let handle = parsed.data_fields().first().cloned().unwrap_or_default();
        assert_eq!(enc(handle), r#"{"k":[1,2.5,null]}"#);
    }

    #[test]
    fn parse_errors_are_the_parser_messages() {
        let r = call(parse, "Json.parse", vec![Value::str("")]).unwrap_or_default();
        assert_eq!(
            show(&r),
            "Err(EOF while parsing a value at line 1 column 0)"
        );
        let r = call(parse, "Json.parse", vec![Value::str("x")]).unwrap_or_default();
        assert_eq!(show(&r), "Err(expected value at line 1 column 1)");
    }

    #[test]
    fn string_helpers() {
        assert_eq!(
            text(call(
                encode_string,
                "Json.encode_string",
                vec![Value::str("é\"\\")]
            )),
            r#""é\"\\""#
        );
        assert_eq!(
            text(call(encode_int, "Json.encode_int", vec![Value::Int(-12)])),
            "-12"
        );
        assert_eq!(
            text(call(
                encode_bool,
                "Json.encode_bool",
                vec![Value::Bool(true)]
            )),
            "true"
        );
        let mut m = empty_map(0);
        m.insert(Value::str("b"), Value::str("2"));
        m.insert(Value::str("a"), Value::str("x\"y"));
        assert_eq!(
            text(call(
                encode_map,
                "Json.encode_map",
                vec![Value::Map(Arc::new(m))]
            )),
            r#"{"a":"x\"y","b":"2"}"#
        );
        assert_eq!(
            text(call(
                encode_list,
                "Json.encode_list",
                vec![strs(&["a", "b"])]
            )),
            r#"["a","b"]"#
        );
        assert_eq!(
            text(call(encode_list, "Json.encode_list", vec![ints(&[1])])),
            r#"["1"]"#
        );
    }

    #[test]
    fn get_and_get_nested_never_fail() {
        let doc = r#"{"s":"hi","n":1.50,"i":7,"b":true,"z":null,"a":[1, {"x":2}],"o":{"k":"v","m":{"q":1}}}"#;
        let g = |k: &str| text(call(get, "Json.get", vec![Value::str(doc), Value::str(k)]));
        assert_eq!(g("s"), "hi");
        assert_eq!(g("n"), "1.5");
        assert_eq!(g("i"), "7");
        assert_eq!(g("b"), "true");
        assert_eq!(g("z"), "");
        assert_eq!(g("missing"), "");
        assert_eq!(g("a"), r#"[1,{"x":2}]"#);
        let gn = |t: &str, a: &str, b: &str| {
            text(call(
                get_nested,
                "Json.get_nested",
                vec![Value::str(t), Value::str(a), Value::str(b)],
            ))
        };
        assert_eq!(gn(doc, "o", "k"), "v");
        assert_eq!(gn(doc, "o", "m"), r#"{"q":1}"#);
        assert_eq!(gn(doc, "o", "nope"), "");
        assert_eq!(gn(doc, "s", "k"), "");
        assert_eq!(gn("not json", "o", "k"), "");
        assert_eq!(
            text(call(
                get,
                "Json.get",
                vec![Value::str("[1]"), Value::str("a")]
            )),
            ""
        );
        assert_eq!(
            text(call(
                get,
                "Json.get",
                vec![Value::str("{"), Value::str("a")]
            )),
            ""
        );
    }

    fn dec(textv: &str, type_id: u32) -> String {
        text(call(
            decode,
            "Json.__decode",
            vec![Value::str(textv), Value::Int(type_id as i64)],
        ))
    }

    #[test]
    fn decode_structs() {
        assert_eq!(
            dec(r#"{"x": 1, "y": 2, "extra": true}"#, POINT),
            "Ok(Point { x: 1, y: 2 })"
        );
        assert_eq!(
            dec(r#"{"x": 1.9, "y": -2.5}"#, POINT),
            "Ok(Point { x: 1, y: -2 })"
        );
        assert_eq!(dec(r#"{"x": 1}"#, POINT), "Err(missing field: y)");
        assert_eq!(dec(r#"{"x": "1", "y": 2}"#, POINT), "Err(expected Int)");
        assert_eq!(dec(r#"[1, 2]"#, POINT), "Err(expected Object)");
        assert_eq!(
            dec("{", POINT),
            "Err(EOF while parsing an object at line 1 column 1)"
        );
    }

    #[test]
    fn decode_round_trips_the_encoder() {
        let circle = Value::data(SHAPE, 0, vec![Value::Float(1.5)]);
        for u in [
            user(
                None,
                None,
                Value::Enum {
                    type_id: SHAPE,
                    tag: 2,
                },
            ),
            user(Some("a@b.c"), Some(point(3, 4)), circle),
        ] {
            let json = enc(u.clone());
            let back = call(
                decode,
                "Json.__decode",
                vec![Value::str(json), Value::Int(USER as i64)],
            )
            .unwrap_or_default();
            assert!(
                mesh_vm::ops::equal(&back, &Value::ok(u.clone())),
                "{}",
                dbg(&back)
            );
        }
    }

    #[test]
    fn decode_option_fields_missing_or_null_are_none() {
        let base = r#""name":"b","age":2,"tags":[],"shape":{"tag":"Dot"},"score":1,"admin":false,"meta":{}"#;
        let with = |extra: &str| dec(&format!("{{{base}{extra}}}"), USER);
        assert_eq!(
            with(""),
            "Ok(User { name: b, age: 2, email: None, tags: [], home: None, shape: Dot, score: 1, admin: false, meta: %{} })"
        );
        assert!(with(r#","email":null,"home":null"#).contains("email: None"));
        assert!(with(r#","email":"e","home":{"x":1,"y":2}"#)
            .contains("email: Some(e), tags: [], home: Some(Point { x: 1, y: 2 })"));
        assert_eq!(with(r#","email":3"#), "Err(expected String)");
        assert_eq!(
            dec(r#"{"name":"b","age":2}"#, USER),
            "Err(missing field: tags)"
        );
    }

    #[test]
    fn decode_field_kind_errors() {
        let user_with = |field: &str, value: &str| {
            let mut obj: serde_json::Map<String, J> = serde_json::from_str(
                r#"{"name":"b","age":2,"tags":[],"shape":{"tag":"Dot","fields":[]},"score":1.5,"admin":false,"meta":{}}"#,
            )
            .unwrap_or_default();
            obj.insert(field.into(), serde_json::from_str(value).unwrap_or(J::Null));
            dec(&J::Object(obj).to_string(), USER)
        };
        assert_eq!(user_with("name", "1"), "Err(expected String)");
        assert_eq!(user_with("score", "\"x\""), "Err(expected Float)");
        assert_eq!(user_with("score", "3"), user_with("score", "3.0"));
        assert_eq!(user_with("admin", "1"), "Err(expected Bool)");
        assert_eq!(user_with("tags", "{}"), "Err(expected Array)");
        assert_eq!(user_with("tags", "[1]"), "Err(expected String)");
        assert_eq!(user_with("meta", "[]"), "Err(expected Object)");
        assert!(user_with("meta", r#"{"a": 1.0}"#).contains("meta: %{a => 1}"));
        assert_eq!(
            user_with("shape", r#"{"tag":"Hexagon","fields":[]}"#),
            "Err(unknown variant: Hexagon)"
        );
        assert_eq!(
            user_with("shape", r#"{"fields":[]}"#),
            "Err(missing field: tag)"
        );
        assert_eq!(
            user_with("shape", r#"{"tag":"Circle"}"#),
            "Err(missing field: fields)"
        );
        assert_eq!(
            user_with("shape", r#"{"tag":"Rect","fields":[1]}"#),
            "Err(expected 2 fields for variant Rect, got 1)"
        );
        assert!(user_with("shape", r#"{"tag":"Rect","fields":[1, 2.5]}"#)
            .contains("shape: Rect(1, 2.5)"));
    }

    #[test]
    fn decode_generic_parameters_need_arguments() {
        assert_eq!(
            dec(r#"{"item": 1}"#, testing::BOX),
            "Err(cannot decode a value of a generic type parameter)"
        );
        let types = testing::program().types;
        let d = Decoder::new(&types);
        let j: J = serde_json::from_str(r#"{"item": [1, 2]}"#).unwrap_or_default();
        let ty = TypeDesc::Named(testing::BOX, vec![TypeDesc::List(Box::new(TypeDesc::Int))]);
        assert_eq!(
            d.decode(&j, &ty, 0).map(|v| dbg(&v)),
            Ok("Box { item: [1, 2] }".to_string())
        );
    }

    #[test]
    fn decode_json_typed_fields_and_bad_ids() {
        let types = testing::program().types;
        let d = Decoder::new(&types);
        let j: J = serde_json::from_str(r#"{"a": 1}"#).unwrap_or_default();
        let v = d
            .decode(&j, &TypeDesc::Opaque("Json".into()), 0)
            .unwrap_or_default();
        assert_eq!(to_json(&v, &types), Ok(j));
        assert_eq!(
            text(call(
                decode,
                "Json.__decode",
                vec![Value::str("{}"), Value::Int(999)]
            )),
            "error: Json.__decode: unknown type id 999"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut v = Value::Int(0);
        for _ in 0..(MAX_DEPTH + 10) {
            v = Value::list([v]);
        }
        assert!(enc(v).contains("nested more than"));
    }
}
