//! The HTTP client: `HTTP.get`, `HTTP.post` (stdlib.md §13.5) and `HTTP.request`, on
//! hyper-util's pooled client with rustls (ring provider) for `https://`.
//!
//! Certificates are checked against the Mozilla roots (webpki-roots) plus, when the
//! `SSL_CERT_FILE` environment variable names a PEM file, the certificates in it (how a
//! private CA or a test's self-signed certificate is trusted). A call suspends only its
//! process. `get`/`post` follow up to [`MAX_REDIRECTS`] redirects and turn a status of 400 or
//! more into `Err`; `request` returns any response as it is.

use super::super::{empty_map, Args};
use crate::context::ProcessCtx;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE, LOCATION, USER_AGENT};
use hyper::{Method, Request, StatusCode, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use mesh_vm::{NativeResult, Value};
use std::sync::Arc;
use std::time::Duration;

/// The pooled client type.
pub type HttpClient = Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

/// Timeout of `HTTP.get`/`HTTP.post`, for the whole exchange.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Redirects `get`/`post` follow.
pub const MAX_REDIRECTS: usize = 10;

/// Largest response body read, in bytes.
pub const MAX_RESPONSE: usize = 64 * 1024 * 1024;

/// The `User-Agent` sent when the caller sets none.
const AGENT: &str = concat!("mesh/", env!("CARGO_PKG_VERSION"));

/// Builds the client: TLS roots from webpki-roots and `SSL_CERT_FILE`.
fn build() -> Result<HttpClient, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots =
        rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = std::env::var_os("SSL_CERT_FILE") {
        let certs = CertificateDer::pem_file_iter(&path)
            .map_err(|e| format!("cannot read SSL_CERT_FILE {}: {e}", path.to_string_lossy()))?;
        for c in certs.flatten() {
            // Certificates that cannot be roots (not CA certificates, unsupported
            // algorithms) are skipped, as other TLS clients do.
            let _ = roots.add(c);
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS configuration: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .build();
    Ok(Client::builder(TokioExecutor::new()).build(https))
}

/// The program's client (built on first use).
fn client(ctx: &ProcessCtx) -> Result<HttpClient, String> {
    ctx.shared().web().client.get_or_init(build).clone()
}

/// An error and its causes, in one line.
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        src = s.source();
    }
    text
}

/// One request to send.
struct Outgoing {
    method: Method,
    uri: Uri,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

/// A received response with its whole body.
struct Received {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

fn parse_url(url: &str) -> Result<Uri, String> {
    let uri: Uri = url
        .parse()
        .map_err(|e| format!("invalid URL `{url}`: {e}"))?;
    match uri.scheme_str() {
        Some("http") | Some("https") if uri.host().is_some() => Ok(uri),
        _ => Err(format!(
            "invalid URL `{url}`: expected http://host/… or https://host/…"
        )),
    }
}

/// Sends one request and reads the whole response.
async fn exchange(client: &HttpClient, out: &Outgoing) -> Result<Received, String> {
    let mut req = Request::new(Full::new(out.body.clone()));
    *req.method_mut() = out.method.clone();
    *req.uri_mut() = out.uri.clone();
    for (n, v) in &out.headers {
        req.headers_mut().append(n.clone(), v.clone());
    }
    if !req.headers().contains_key(USER_AGENT) {
        req.headers_mut()
            .insert(USER_AGENT, HeaderValue::from_static(AGENT));
    }
    let resp = client
        .request(req)
        .await
        .map_err(|e| format!("{} {}: {}", out.method, out.uri, describe(&e)))?;
    let (parts, body) = resp.into_parts();
    let bytes = Limited::new(body, MAX_RESPONSE)
        .collect()
        .await
        .map_err(|e| format!("{} {}: reading the body: {e}", out.method, out.uri))?
        .to_bytes();
    let body = String::from_utf8(Vec::from(bytes))
        .map_err(|_| format!("{} {}: the response body is not UTF-8", out.method, out.uri))?;
    Ok(Received {
        status: parts.status,
        headers: parts.headers,
        body,
    })
}

/// Where a redirect from `base` to `location` leads.
fn resolve(base: &Uri, location: &str) -> Result<Uri, String> {
    let scheme = base.scheme_str().unwrap_or("http");
    let authority = base.authority().map(|a| a.as_str()).unwrap_or("");
    let target = if location.starts_with("http://") || location.starts_with("https://") {
        location.to_string()
    } else if let Some(rest) = location.strip_prefix("//") {
        format!("{scheme}://{rest}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else {
        let path = base.path();
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!("{scheme}://{authority}{dir}{location}")
    };
    parse_url(&target)
}

/// Sends `out`, following redirects (303 and a 301/302 of a POST become a GET without a
/// body; 307/308 repeat the request).
async fn follow(client: &HttpClient, mut out: Outgoing) -> Result<Received, String> {
    for _ in 0..=MAX_REDIRECTS {
        let r = exchange(client, &out).await?;
        let code = r.status.as_u16();
        let location = r
            .headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        match (code, location) {
            (301 | 302 | 303 | 307 | 308, Some(loc)) => {
                out.uri = resolve(&out.uri, &loc)?;
                if code == 303 || (matches!(code, 301 | 302) && out.method == Method::POST) {
                    out.method = Method::GET;
                    out.body = Bytes::new();
                    out.headers.retain(|(n, _)| *n != CONTENT_TYPE);
                }
            }
            _ => return Ok(r),
        }
    }
    Err(format!("{}: too many redirects", out.uri))
}

/// `HTTP.get(url)` / `HTTP.post(url, body)`: `Ok(body)` for a status below 400.
pub fn simple(ctx: &mut ProcessCtx, a: &mut Args, method: Method) -> NativeResult {
    let prepared = (|| {
        let url = a.str(0)?.to_string();
        let uri = parse_url(&url);
        let mut headers = Vec::new();
        let body = if method == Method::POST {
            headers.push((CONTENT_TYPE, HeaderValue::from_static("application/json")));
            Bytes::from(a.str(1)?.to_string())
        } else {
            Bytes::new()
        };
        Ok::<_, String>((url, uri, headers, body))
    })();
    let (url, uri, headers, body) = match prepared {
        Ok(p) => p,
        Err(e) => return NativeResult::Error(e),
    };
    let client = client(ctx);
    NativeResult::Suspend(Box::pin(async move {
        let result = async {
            let client = client?;
            let out = Outgoing {
                method,
                uri: uri?,
                headers,
                body,
            };
            let r = tokio::time::timeout(DEFAULT_TIMEOUT, follow(&client, out))
                .await
                .map_err(|_| format!("{url}: timed out"))??;
            if r.status.as_u16() >= 400 {
                Err(format!("HTTP {} from {url}", r.status))
            } else {
                Ok(r.body)
            }
        }
        .await;
        Ok(match result {
            Ok(body) => Value::ok(Value::str(body)),
            Err(e) => Value::err_str(e),
        })
    }))
}

/// `HTTP.send_request(method, url, headers, body, timeout_ms)`: `Ok((status, headers,
/// body))` whatever the status, header names in lower case (repeated ones joined by
/// `, `).
pub fn request(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let prepared = (|| {
        let m = a.str(0)?;
        let method = Method::from_bytes(m.as_bytes()).map_err(|_| format!("invalid method `{m}`"));
        let uri = parse_url(a.str(1)?);
        let mut headers = Vec::new();
        let mut header_error = None;
        for (k, v) in a.map(2)? {
            let (Value::Str(k), Value::Str(v)) = (k, v) else {
                continue;
            };
            match (
                HeaderName::from_bytes(k.as_bytes()),
                HeaderValue::from_str(v),
            ) {
                (Ok(n), Ok(v)) => headers.push((n, v)),
                _ => {
                    header_error.get_or_insert(format!("invalid header `{k}`"));
                }
            }
        }
        let body = Bytes::from(a.str(3)?.to_string());
        let ms = a.int(4)?;
        let timeout = if ms > 0 {
            Duration::from_millis(ms as u64)
        } else {
            DEFAULT_TIMEOUT
        };
        let checked = method
            .and_then(|m| uri.map(|u| (m, u)))
            .and_then(|mu| match header_error {
                Some(e) => Err(e),
                None => Ok(mu),
            });
        Ok::<_, String>((checked, headers, body, timeout))
    })();
    let (checked, headers, body, timeout) = match prepared {
        Ok(p) => p,
        Err(e) => return NativeResult::Error(e),
    };
    let client = client(ctx);
    NativeResult::Suspend(Box::pin(async move {
        let result = async {
            let client = client?;
            let (method, uri) = checked?;
            let url = uri.to_string();
            let out = Outgoing {
                method,
                uri,
                headers,
                body,
            };
            tokio::time::timeout(timeout, exchange(&client, &out))
                .await
                .map_err(|_| format!("{url}: timed out after {} ms", timeout.as_millis()))?
        }
        .await;
        Ok(match result {
            Ok(r) => {
                let mut m = empty_map(r.headers.keys_len());
                for name in r.headers.keys() {
                    let joined: Vec<&str> = r
                        .headers
                        .get_all(name)
                        .iter()
                        .filter_map(|v| std::str::from_utf8(v.as_bytes()).ok())
                        .collect();
                    m.insert(Value::str(name.as_str()), Value::str(joined.join(", ")));
                }
                Value::ok(Value::tuple(vec![
                    Value::Int(r.status.as_u16() as i64),
                    Value::Map(Arc::new(m)),
                    Value::str(r.body),
                ]))
            }
            Err(e) => Value::err_str(e),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http_or_https() {
        assert!(parse_url("http://localhost:8080/x").is_ok());
        assert!(parse_url("https://example.com").is_ok());
        assert!(parse_url("ftp://example.com").is_err());
        assert!(parse_url("/just/a/path").is_err());
        assert!(parse_url("not a url").is_err());
    }

    #[test]
    fn redirects_resolve_against_the_request() {
        let base = parse_url("http://h:1/a/b?q=1").unwrap_or_default();
        let r = |l: &str| resolve(&base, l).map(|u| u.to_string()).unwrap_or_default();
        assert_eq!(r("https://x/y"), "https://x/y");
        assert_eq!(r("//x/y"), "http://x/y");
        assert_eq!(r("/c"), "http://h:1/c");
        assert_eq!(r("c?d=1"), "http://h:1/a/c?d=1");
    }
}
