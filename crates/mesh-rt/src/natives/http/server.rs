//! The HTTP server: `HTTP.serve`/`serve_tls` bind a listener, print the "listening on"
//! line and suspend the calling process in the accept loop ([`crate::natives::web`]) for
//! as long as the server runs.
//!
//! Each request is validated here, before any Mesh code runs: the method is one of the
//! standard ones (else 405), the URI is at most [`MAX_URI`] bytes (414), header values are
//! UTF-8 and the query decodes (400), the body fits the router's limit (413) and arrives
//! before its deadline (408) and is UTF-8 (400). Then the route is matched and the request
//! runs in a new Mesh process: the handler itself, or — with middleware — the std function
//! `dispatch(middleware, handler, request)` that composes the chain in Mesh. The process
//! carries a [`JobSlot`] that receives its result; a process that fails yields a 500, one
//! that misses the deadline is killed and yields a 503. Every error response has a JSON
//! body `{"error": "…"}`.

use super::router::RouterData;
use super::url::{parse_query, percent_decode};
use super::{router_arg, ResponseData, RESPONSE};
use crate::context::{ProcessCtx, Shared};
use crate::natives::job::JobSlot;
use crate::natives::request::RequestData;
use crate::natives::web::{self, Io};
use crate::natives::Args;
use crate::scheduler;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use hyper::{Method, Request, Response, StatusCode};
use mesh_vm::process::ExitReason;
use mesh_vm::{NativeFuture, Value};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::watch;
use tokio::time::Instant;

/// Longest accepted request target (path and query), in bytes.
pub const MAX_URI: usize = 8 * 1024;

/// The methods the server accepts.
const METHODS: [Method; 7] = [
    Method::GET,
    Method::HEAD,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::PATCH,
    Method::OPTIONS,
];

/// A running server's configuration: the router and the Mesh functions it calls.
struct App {
    shared: Arc<Shared>,
    router: RouterData,
    /// The middleware as a Mesh list (passed to `dispatch`).
    middleware: Value,
    /// std `HTTP.dispatch(middleware, handler, request)`.
    dispatch: Value,
    /// std `HTTP.not_found(request)`: the handler when no route matches.
    not_found: Value,
}

/// Prepares `HTTP.serve_with(r, port, cert, key, dispatch, not_found)`: binds the port
/// (and loads the certificate) now, so that failures are errors of the call, and returns
/// the future that serves until shutdown.
pub fn start(ctx: &mut ProcessCtx, a: &mut Args) -> Result<NativeFuture, String> {
    let router = router_arg(a, 0)?.clone();
    let port = a.int(1)?;
    let cert = a.str(2)?.to_string();
    let key = a.str(3)?.to_string();
    let dispatch = a.take(4)?;
    let not_found = a.take(5)?;
    let tls = if cert.is_empty() {
        None
    } else {
        Some(web::tls_acceptor(&cert, &key).map_err(|e| a.fail(e))?)
    };
    let listener = web::bind(port).map_err(|e| a.fail(e))?;
    let what = if tls.is_some() { "HTTPS" } else { "HTTP" };
    ctx.out().write_err_line(&format!(
        "[mesh-rt] {what} server listening on {}",
        web::local_addr(&listener)
    ));
    let app = Arc::new(App {
        shared: ctx.shared().clone(),
        middleware: Value::list(router.middleware.iter().cloned()),
        router,
        dispatch,
        not_found,
    });
    let shared = ctx.shared().clone();
    Ok(Box::pin(async move {
        web::accept_loop(
            shared,
            listener,
            tls,
            None,
            move |io: Io, stop: watch::Receiver<bool>| {
                let app = app.clone();
                async move {
                    let service = hyper::service::service_fn(move |req| {
                        let app = app.clone();
                        async move { Ok::<_, Infallible>(handle(&app, req).await) }
                    });
                    web::serve_http1(io, service, web::HEADER_TIMEOUT, stop).await
                }
            },
        )
        .await;
        Ok(Value::Unit)
    }))
}

/// A response with a JSON body `{"error": msg}`.
pub fn error_response(status: StatusCode, msg: &str) -> Response<Full<Bytes>> {
    let body = format!(
        "{{\"error\":{}}}",
        serde_json::Value::String(msg.to_string())
    );
    to_hyper(ResponseData::json(status, body))
}

/// Turns a handler's response into hyper's, with a reason phrase for any status.
fn to_hyper(r: ResponseData) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(r.body)));
    *resp.status_mut() = r.status;
    *resp.headers_mut() = r.headers;
    // The framing is the server's: a handler's Content-Length or Transfer-Encoding could
    // only contradict the body.
    resp.headers_mut().remove(CONTENT_LENGTH);
    resp.headers_mut().remove(TRANSFER_ENCODING);
    if r.status.canonical_reason().is_none() {
        let phrase = match r.status.as_u16() {
            200..=299 => "Success",
            300..=399 => "Redirection",
            400..=499 => "Client Error",
            500..=599 => "Server Error",
            _ => "Unknown",
        };
        resp.extensions_mut()
            .insert(hyper::ext::ReasonPhrase::from_static(phrase.as_bytes()));
    }
    resp
}

/// The response to one request (never fails: problems are error responses).
async fn handle(app: &App, req: Request<Incoming>) -> Response<Full<Bytes>> {
    match respond(app, req).await {
        Ok(r) | Err(r) => r,
    }
}

type Reply = Result<Response<Full<Bytes>>, Response<Full<Bytes>>>;

async fn respond(app: &App, req: Request<Incoming>) -> Reply {
    let deadline = Instant::now() + app.router.timeout;
    let (parts, body) = req.into_parts();
    if !METHODS.contains(&parts.method) {
        let mut r = error_response(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
        r.headers_mut().insert(
            ALLOW,
            HeaderValue::from_static("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS"),
        );
        return Err(r);
    }
    let target_len = parts.uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if target_len > MAX_URI {
        return Err(error_response(StatusCode::URI_TOO_LONG, "URI too long"));
    }
    let bad = |msg: &str| error_response(StatusCode::BAD_REQUEST, msg);
    let query = parse_query(parts.uri.query().unwrap_or("")).map_err(|e| bad(&e))?;
    if parts
        .headers
        .values()
        .any(|v| std::str::from_utf8(v.as_bytes()).is_err())
    {
        return Err(bad("header values must be UTF-8 text"));
    }
    let too_large = || {
        error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("request body larger than {} bytes", app.router.max_body),
        )
    };
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.router.max_body as u64) {
        return Err(too_large());
    }
    let collected =
        tokio::time::timeout_at(deadline, Limited::new(body, app.router.max_body).collect()).await;
    let bytes = match collected {
        Err(_) => {
            return Err(error_response(
                StatusCode::REQUEST_TIMEOUT,
                "request body not received in time",
            ))
        }
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => return Err(too_large()),
        Ok(Err(_)) => return Err(bad("cannot read the request body")),
        Ok(Ok(c)) => c.to_bytes(),
    };
    let body =
        String::from_utf8(Vec::from(bytes)).map_err(|_| bad("request body must be UTF-8 text"))?;
    let path = parts.uri.path();
    let matched = app.router.find(&parts.method, path);
    let mut params = Vec::new();
    if let Some(m) = &matched {
        for (name, raw) in &m.params {
            params.push((
                name.to_string(),
                percent_decode(raw, false).map_err(|e| bad(&e))?,
            ));
        }
    }
    let handler = matched.map(|m| m.route.handler.clone());
    let no_middleware = app.router.middleware.is_empty();
    if handler.is_none() && no_middleware {
        let mut r = ResponseData::json(StatusCode::NOT_FOUND, "Not Found".into());
        r.headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        return Ok(to_hyper(r));
    }
    let request = RequestData {
        method: parts.method,
        path: path.to_string(),
        headers: parts.headers,
        query,
        params,
        body,
    }
    .into_value();
    let (callee, args) = match handler {
        Some(h) if no_middleware => (h, vec![request]),
        h => (
            app.dispatch.clone(),
            vec![
                app.middleware.clone(),
                h.unwrap_or_else(|| app.not_found.clone()),
                request,
            ],
        ),
    };
    run_handler(app, callee, args, deadline).await
}

/// Runs the handler chain in a new process and waits for its response until `deadline`.
async fn run_handler(app: &App, callee: Value, args: Vec<Value>, deadline: Instant) -> Reply {
    let slot = Arc::new(JobSlot::default());
    let pid = scheduler::spawn(&app.shared, &callee, args, Some(slot.clone())).map_err(|e| {
        error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("cannot start the handler: {e}"),
        )
    })?;
    match tokio::time::timeout_at(deadline, slot.wait()).await {
        Ok(Ok(v)) => {
            // The slot's copy goes first, so the response is usually unshared and its body
            // is moved rather than copied.
            drop(slot);
            response_of(v).ok_or_else(|| {
                error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the handler did not return a Response",
                )
            })
        }
        // The failure itself was reported on standard error by the scheduler.
        Ok(Err(_)) => Err(error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal server error",
        )),
        Err(_) => {
            let shared = &app.shared;
            pid.mailbox.signal_exit(
                &ExitReason::Killed,
                true,
                false,
                || None,
                || shared.sched().enter(),
            );
            Err(error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "the request timed out",
            ))
        }
    }
}

/// The hyper response for a `Response` value.
fn response_of(v: Value) -> Option<Response<Full<Bytes>>> {
    let Value::Handle(h) = v else {
        return None;
    };
    if h.kind != RESPONSE {
        return None;
    }
    let data = match Arc::try_unwrap(h) {
        Ok(h) => h.obj.downcast::<ResponseData>().ok().map(|b| *b),
        Err(h) => h.downcast::<ResponseData>().cloned(),
    }?;
    Some(to_hyper(data))
}
