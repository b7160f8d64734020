//! Natives of `Request` (`std/request.mpl`): what a handler can read from an HTTP request.
//!
//! The server builds a [`RequestData`] per request after validating it (the headers and
//! body are UTF-8, the query and path parameters decode), so these accessors never fail on
//! client input. Header lookups go through hyper's `HeaderMap`, which is case-insensitive.

use super::{empty_map, Args, Ret};
use crate::context::ProcessCtx;
use hyper::header::HeaderMap;
use hyper::Method;
use mesh_vm::value::Handle;
use mesh_vm::Value;

/// The Mesh type name of a request handle.
pub const KIND: &str = "Request";

/// One request as handlers see it.
pub struct RequestData {
    pub method: Method,
    /// The path without the query string, as sent.
    pub path: String,
    /// Validated as UTF-8 by the server.
    pub headers: HeaderMap,
    /// Decoded query parameters in order (the last of a repeated name wins on lookup).
    pub query: Vec<(String, String)>,
    /// Decoded path parameters.
    pub params: Vec<(String, String)>,
    pub body: String,
}

impl RequestData {
    /// Wraps the request as a Mesh value.
    pub fn into_value(self) -> Value {
        Handle::new_value(KIND, self)
    }

    /// The last value of header `name` (case-insensitive), as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get_all(name)
            .iter()
            .next_back()
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
    }
}

/// Argument `i` as a request.
fn req<'a>(a: &'a Args, i: usize) -> Result<&'a RequestData, String> {
    a.handle(i, KIND)
}

/// The last value of `name` among `pairs`.
fn lookup(pairs: &[(String, String)], name: &str) -> Value {
    Value::option(
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| Value::str(v.as_str())),
    )
}

/// `Request.method(req)`.
pub fn method(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(req(a, 0)?.method.as_str()))
}

/// `Request.path(req)`.
pub fn path(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(req(a, 0)?.path.as_str()))
}

/// `Request.body(req)`.
pub fn body(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(req(a, 0)?.body.as_str()))
}

/// `Request.header(req, name)`: case-insensitive.
pub fn header(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let r = req(a, 0)?;
    let name = a.str(1)?;
    Ok(Value::option(r.header(name).map(Value::str)))
}

/// `Request.headers(req)`: names in lower case, the last of repeated headers.
pub fn headers(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let r = req(a, 0)?;
    let mut m = empty_map(r.headers.keys_len());
    for (name, v) in r.headers.iter() {
        if let Ok(text) = std::str::from_utf8(v.as_bytes()) {
            m.insert(Value::str(name.as_str()), Value::str(text));
        }
    }
    Ok(Value::Map(std::sync::Arc::new(m)))
}

/// `Request.query(req, name)`.
pub fn query(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let r = req(a, 0)?;
    Ok(lookup(&r.query, a.str(1)?))
}

/// `Request.param(req, name)`.
pub fn param(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let r = req(a, 0)?;
    Ok(lookup(&r.params, a.str(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, show};
    use hyper::header::HeaderValue;

    fn sample() -> Value {
        let mut headers = HeaderMap::new();
        headers.insert("x-sentry-auth", HeaderValue::from_static("key=1"));
        headers.append("x-dup", HeaderValue::from_static("a"));
        headers.append("x-dup", HeaderValue::from_static("b"));
        RequestData {
            method: Method::POST,
            path: "/a%20b".into(),
            headers,
            query: vec![("q".into(), "1".into()), ("q".into(), "2".into())],
            params: vec![("id".into(), "7".into())],
            body: "{}".into(),
        }
        .into_value()
    }

    #[test]
    fn accessors() {
        let r = sample;
        let s = |f, n, args| call(f, n, args).map(|v| show(&v)).unwrap_or_default();
        assert_eq!(s(method, "Request.method", vec![r()]), "POST");
        assert_eq!(s(path, "Request.path", vec![r()]), "/a%20b");
        assert_eq!(s(body, "Request.body", vec![r()]), "{}");
        assert_eq!(
            s(
                header,
                "Request.header",
                vec![r(), Value::str("X-Sentry-AUTH")]
            ),
            "Some(key=1)"
        );
        assert_eq!(
            s(header, "Request.header", vec![r(), Value::str("x-dup")]),
            "Some(b)"
        );
        assert_eq!(
            s(header, "Request.header", vec![r(), Value::str("bad name")]),
            "None"
        );
        assert_eq!(
            s(query, "Request.query", vec![r(), Value::str("q")]),
            "Some(2)"
        );
        assert_eq!(
            s(param, "Request.param", vec![r(), Value::str("id")]),
            "Some(7)"
        );
        assert_eq!(
            s(param, "Request.param", vec![r(), Value::str("x")]),
            "None"
        );
        assert_eq!(
            s(headers, "Request.headers", vec![r()]),
            "%{x-sentry-auth => key=1, x-dup => b}"
        );
    }

    #[test]
    fn a_wrong_handle_is_an_error() {
        let r = call(method, "Request.method", vec![Value::Int(1)]);
        assert_eq!(
            r.err().as_deref(),
            Some("Request.method: argument 1 should be a Request, got Int")
        );
    }
}
