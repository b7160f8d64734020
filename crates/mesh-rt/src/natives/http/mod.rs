//! Natives of `HTTP` (`std/http.mpl`): building routers and responses, running the server
//! and the client.
//!
//! * [`router`] — the `Router` value and the route-matching algorithm;
//! * [`server`] — the hyper service: limits, one Mesh process per request, responses;
//! * [`client`] — `HTTP.get/post/request` on hyper-util's pooled client with rustls;
//! * [`url`] — percent-decoding.
//!
//! Routers and responses are opaque handles ([`RouterData`], [`ResponseData`]); the
//! "modifying" natives copy them (a router is built once, a response is small) unless the
//! argument is the only reference, which is then updated in place.

pub mod client;
pub mod router;
pub mod server;
pub mod url;

use super::{Args, Ret};
use crate::context::ProcessCtx;
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use mesh_vm::value::Handle;
use mesh_vm::{NativeResult, Value};
pub use router::RouterData;
use router::{Pattern, Route};
use std::sync::Arc;
use std::time::Duration;

/// The Mesh type name of a router handle.
pub const ROUTER: &str = "Router";
/// The Mesh type name of a response handle.
pub const RESPONSE: &str = "Response";

/// The content type of a response that does not set one.
pub const JSON_TYPE: &str = "application/json; charset=utf-8";

/// A handler's response.
#[derive(Clone)]
pub struct ResponseData {
    pub status: StatusCode,
    /// Includes `content-type`.
    pub headers: HeaderMap,
    pub body: String,
}

impl ResponseData {
    /// A response with the default JSON content type.
    pub fn json(status: StatusCode, body: String) -> ResponseData {
        let mut headers = HeaderMap::with_capacity(2);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_TYPE));
        ResponseData {
            status,
            headers,
            body,
        }
    }
}

/// Argument `i` as a router.
fn router_arg<'a>(a: &'a Args, i: usize) -> Result<&'a RouterData, String> {
    a.handle(i, ROUTER)
}

/// Argument `i` as a response.
fn response_arg<'a>(a: &'a Args, i: usize) -> Result<&'a ResponseData, String> {
    a.handle(i, RESPONSE)
}

/// Updates the router argument `0` with `f`.
fn update_router(a: &mut Args, f: impl FnOnce(&mut RouterData)) -> Ret {
    let mut r: RouterData = a.take_handle(0, ROUTER)?;
    f(&mut r);
    Ok(Handle::new_value(ROUTER, r))
}

/// Checks that argument `i` is a function value (handlers and middleware).
fn function_arg(a: &mut Args, i: usize) -> Result<Value, String> {
    let f = a.take(i)?;
    match f {
        Value::Fn(_) | Value::Closure(_) => Ok(f),
        other => Err(a.fail(format!(
            "argument {} should be a function, got {}",
            i + 1,
            other.kind_name()
        ))),
    }
}

/// `HTTP.router()`: no routes, no middleware, default limits.
pub fn router(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Handle::new_value(ROUTER, RouterData::default()))
}

fn add_route(a: &mut Args, method: Option<Method>, pattern: usize, handler: usize) -> Ret {
    let handler = function_arg(a, handler)?;
    let pattern = Pattern::parse(a.str(pattern)?);
    update_router(a, |r| {
        r.routes.push(Route {
            method,
            pattern,
            handler,
        })
    })
}

/// `HTTP.route(r, pattern, handler)`: a route for any method.
pub fn route(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    add_route(a, None, 1, 2)
}

/// `HTTP.route_method(r, method, pattern, handler)`.
pub fn route_method(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let m = a.str(1)?;
    let method =
        Method::from_bytes(m.as_bytes()).map_err(|_| a.fail(format!("invalid method `{m}`")))?;
    add_route(a, Some(method), 2, 3)
}

/// `HTTP.use(r, mw)`: appends a middleware.
pub fn use_middleware(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mw = function_arg(a, 1)?;
    update_router(a, |r| r.middleware.push(mw))
}

/// `HTTP.max_body_size(r, bytes)`.
pub fn max_body_size(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let n = a.int(1)?;
    let n = usize::try_from(n).map_err(|_| a.fail(format!("invalid size {n}")))?;
    update_router(a, |r| r.max_body = n)
}

/// `HTTP.request_timeout(r, ms)`.
pub fn request_timeout(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let ms = a.int(1)?;
    if ms <= 0 {
        return Err(a.fail(format!("invalid timeout {ms} ms")));
    }
    update_router(a, |r| r.timeout = Duration::from_millis(ms as u64))
}

/// A status a handler may answer with: 200..=999 (1xx are not final responses).
fn status_of(a: &Args, n: i64) -> Result<StatusCode, String> {
    u16::try_from(n)
        .ok()
        .filter(|n| *n >= 200)
        .and_then(|n| StatusCode::from_u16(n).ok())
        .ok_or_else(|| a.fail(format!("invalid status {n} (expected 200..999)")))
}

/// A header name and value from Mesh text; invalid ones are errors.
fn header_pair(a: &Args, name: &str, value: &str) -> Result<(HeaderName, HeaderValue), String> {
    let n = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| a.fail(format!("invalid header name `{name}`")))?;
    let v = HeaderValue::from_str(value)
        .map_err(|_| a.fail(format!("invalid value for header `{name}`")))?;
    Ok((n, v))
}

/// `HTTP.response(status, body)`.
pub fn response(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let status = status_of(a, a.int(0)?)?;
    let body = a.take_str(1)?;
    let body = Arc::try_unwrap(body).unwrap_or_else(|s| (*s).clone());
    Ok(Handle::new_value(
        RESPONSE,
        ResponseData::json(status, body),
    ))
}

/// `HTTP.response_with_headers(status, body, headers)`: the headers in map order; a
/// `Content-Type` replaces the default.
pub fn response_with_headers(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let status = status_of(a, a.int(0)?)?;
    let mut r = ResponseData::json(status, String::new());
    let mut replaced_type = false;
    for (k, v) in a.map(2)? {
        let (Value::Str(k), Value::Str(v)) = (k, v) else {
            return Err(a.fail("header names and values must be strings"));
        };
        let (name, value) = header_pair(a, k, v)?;
        if name == CONTENT_TYPE && !replaced_type {
            r.headers.remove(CONTENT_TYPE);
            replaced_type = true;
        }
        r.headers.append(name, value);
    }
    let body = a.take_str(1)?;
    r.body = Arc::try_unwrap(body).unwrap_or_else(|s| (*s).clone());
    Ok(Handle::new_value(RESPONSE, r))
}

/// `HTTP.status(resp)`.
pub fn status(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(response_arg(a, 0)?.status.as_u16() as i64))
}

/// `HTTP.body(resp)`.
pub fn body(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(response_arg(a, 0)?.body.as_str()))
}

/// `HTTP.header(resp, name)`: case-insensitive.
pub fn header(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let r = response_arg(a, 0)?;
    let name = a.str(1)?;
    Ok(Value::option(
        r.headers
            .get_all(name)
            .iter()
            .next_back()
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
            .map(Value::str),
    ))
}

/// `HTTP.with_header(resp, name, value)`: sets the header, replacing earlier values.
pub fn with_header(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (name, value) = header_pair(a, a.str(1)?, a.str(2)?)?;
    let mut r: ResponseData = a.take_handle(0, RESPONSE)?;
    r.headers.insert(name, value);
    Ok(Handle::new_value(RESPONSE, r))
}

/// `HTTP.serve_with(r, port, cert, key, dispatch, not_found)`: runs the server in the
/// calling process (see [`server`]).
pub fn serve_with(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    match server::start(ctx, a) {
        Ok(fut) => NativeResult::Suspend(fut),
        Err(e) => NativeResult::Error(e),
    }
}

/// `HTTP.get(url)`.
pub fn get(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    client::simple(ctx, a, Method::GET)
}

/// `HTTP.post(url, body)`.
pub fn post(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    client::simple(ctx, a, Method::POST)
}

/// `HTTP.send_request(method, url, headers, body, timeout_ms)`.
pub fn send_request(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    client::request(ctx, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, call_in, ctx};

    fn resp(v: &Value) -> Option<&ResponseData> {
        match v {
            Value::Handle(h) => h.downcast::<ResponseData>(),
            _ => None,
        }
    }

    #[test]
    fn responses_default_to_json_and_a_content_type_replaces_it() {
        let r = call(
            response,
            "HTTP.response",
            vec![Value::Int(201), Value::str("{}")],
        )
        .unwrap_or_default();
        let d = resp(&r).map(|d| (d.status.as_u16(), d.headers.get(CONTENT_TYPE).cloned()));
        assert_eq!(d, Some((201, Some(HeaderValue::from_static(JSON_TYPE)))));
        let mut m = crate::natives::empty_map(2);
        m.insert(Value::str("Content-Type"), Value::str("text/html"));
        m.insert(Value::str("X-A"), Value::str("1"));
        let r = call(
            response_with_headers,
            "HTTP.response_with_headers",
            vec![Value::Int(299), Value::str("<p>"), Value::Map(Arc::new(m))],
        )
        .unwrap_or_default();
        let d = resp(&r).map(|d| {
            (
                d.headers.get_all(CONTENT_TYPE).iter().count(),
                d.headers.get(CONTENT_TYPE).cloned(),
                d.headers.get("x-a").cloned(),
            )
        });
        assert_eq!(
            d,
            Some((
                1,
                Some(HeaderValue::from_static("text/html")),
                Some(HeaderValue::from_static("1"))
            ))
        );
    }

    #[test]
    fn invalid_statuses_and_headers_are_errors() {
        let r = call(
            response,
            "HTTP.response",
            vec![Value::Int(100), Value::str("")],
        );
        assert_eq!(
            r.err().as_deref(),
            Some("HTTP.response: invalid status 100 (expected 200..999)")
        );
        let mut m = crate::natives::empty_map(1);
        m.insert(Value::str("X-A"), Value::str("a\nb"));
        let r = call(
            response_with_headers,
            "HTTP.response_with_headers",
            vec![Value::Int(200), Value::str(""), Value::Map(Arc::new(m))],
        );
        assert_eq!(
            r.err().as_deref(),
            Some("HTTP.response_with_headers: invalid value for header `X-A`")
        );
    }

    #[test]
    fn routers_are_values() {
        let mut c = ctx();
        let r0 = call_in(&mut c, router, "HTTP.router", vec![]).unwrap_or_default();
        let r1 = call_in(
            &mut c,
            route_method,
            "HTTP.route_method",
            vec![
                r0.clone(),
                Value::str("GET"),
                Value::str("/x"),
                Value::Fn(0),
            ],
        )
        .unwrap_or_default();
        let count = |v: &Value| match v {
            Value::Handle(h) => h.downcast::<RouterData>().map(|r| r.routes.len()),
            _ => None,
        };
        assert_eq!(count(&r0), Some(0));
        assert_eq!(count(&r1), Some(1));
        let bad = call_in(
            &mut c,
            route_method,
            "HTTP.route_method",
            vec![r0, Value::str("G T"), Value::str("/x"), Value::Fn(0)],
        );
        assert_eq!(
            bad.err().as_deref(),
            Some("HTTP.route_method: invalid method `G T`")
        );
    }
}
