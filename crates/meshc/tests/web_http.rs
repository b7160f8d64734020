//! The HTTP server and client over real loopback sockets: `tests/web/app.mpl` is started
//! with `meshc run` and spoken to with raw HTTP/1.1 (so that malformed requests can be
//! sent); `tests/web/client.mpl` runs the Mesh client against it.

mod web_common;

use std::process::Command;
use std::time::{Duration, Instant};
use web_common::{get, self_signed, tls_client, Conn, Server};

fn app() -> Server {
    Server::start("app.mpl", &[], &[])
}

#[test]
fn routing_params_and_methods() {
    let s = app();
    let r = get(s.port, "/hello");
    assert_eq!((r.status, r.body.as_str()), (200, "{\"hello\":\"world\"}"));
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(get(s.port, "/users/me").body, "me");
    assert_eq!(get(s.port, "/users/42").body, "user Some(42)");
    assert_eq!(
        get(s.port, "/users/J%C3%B6rg%20K").body,
        "user Some(Jörg K)"
    );
    assert_eq!(
        get(s.port, "/users/7/posts/9").body,
        "user Some(7) post Some(9)"
    );
    assert_eq!(
        get(s.port, "/static/css/a.css").body,
        "static /static/css/a.css"
    );
    assert_eq!(get(s.port, "/closure").body, "closures work");
    let mut c = Conn::open(s.port);
    for m in ["POST", "PUT", "PATCH"] {
        let r = c.call(&format!(
            "{m} /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
        ));
        assert_eq!((r.status, r.body), (200, format!("{m} hello")));
    }
    let r = c.call("DELETE /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(r.body, "DELETE");
    let r = c.call("OPTIONS /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!((r.status, r.header("allow")), (204, Some("GET, POST")));
    let r = c.call("DELETE /any HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(r.body, "any DELETE");
    // HEAD is answered by the GET route, without a body.
    c.send(b"HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    let r = c
        .read_head()
        .unwrap_or_else(|| panic!("no response to HEAD"));
    assert_eq!((r.status, r.header("content-length")), (200, Some("17")));
    c.send(b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    let r = c.read().unwrap_or_else(|| panic!("no response after HEAD"));
    assert_eq!(r.body, "{\"hello\":\"world\"}");
    // A path that exists only for another method is a 404.
    let r = c.call("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!((r.status, r.body.as_str()), (404, "Not Found"));
}

#[test]
fn keep_alive_serves_many_requests_on_one_connection() {
    let s = app();
    let mut c = Conn::open(s.port);
    for i in 0..200 {
        let r = c.call(&format!("GET /users/{i} HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert_eq!(r.status, 200);
        assert_eq!(r.body, format!("user Some({i})"));
        assert_ne!(r.header("connection"), Some("close"));
    }
    // Pipelined: three requests in one write, three responses in order.
    c.send(b"GET /users/a HTTP/1.1\r\nHost: x\r\n\r\nGET /users/b HTTP/1.1\r\nHost: x\r\n\r\nGET /users/c HTTP/1.1\r\nHost: x\r\n\r\n");
    for id in ["a", "b", "c"] {
        let r = c
            .read()
            .unwrap_or_else(|| panic!("pipelined response {id} missing"));
        assert_eq!(r.body, format!("user Some({id})"));
    }
}

#[test]
fn malformed_requests_get_4xx_and_the_server_stays_up() {
    let s = app();
    let json_error = |r: &web_common::Resp, status: u16| {
        assert_eq!(r.status, status, "{r:?}");
        assert_eq!(
            r.header("content-type"),
            Some("application/json; charset=utf-8"),
            "{r:?}"
        );
        assert!(r.body.starts_with("{\"error\":\""), "{r:?}");
    };
    // An unknown method.
    let r = Conn::open(s.port).call("BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    json_error(&r, 405);
    // Not a method token at all: hyper's own 400.
    let r = Conn::open(s.port).call("G(T /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(r.status, 400);
    // Garbage instead of a request line.
    let r = Conn::open(s.port).call("\x01\x02\x03 nonsense\r\n\r\n");
    assert_eq!(r.status, 400);
    // A declared body over the limit (1024 bytes for this router).
    let r =
        Conn::open(s.port).call("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
    json_error(&r, 413);
    // A chunked body that grows over the limit.
    let mut c = Conn::open(s.port);
    c.send(b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    let chunk = format!("400\r\n{}\r\n", "a".repeat(1024));
    c.send(chunk.as_bytes());
    c.send(chunk.as_bytes());
    c.send(b"0\r\n\r\n");
    json_error(&c.read().unwrap_or_else(|| panic!("no 413")), 413);
    // Bad percent-encoding in the query and in a path parameter.
    json_error(&get(s.port, "/query?a=%zz"), 400);
    json_error(&get(s.port, "/users/%ff"), 400);
    // A body that is not UTF-8.
    let mut c = Conn::open(s.port);
    c.send(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n\xff\xfe");
    json_error(&c.read().unwrap_or_else(|| panic!("no 400")), 400);
    // A header value that is not UTF-8.
    let mut c = Conn::open(s.port);
    c.send(b"GET /hello HTTP/1.1\r\nHost: x\r\nX-Bad: \xff\xfe\r\n\r\n");
    json_error(&c.read().unwrap_or_else(|| panic!("no 400")), 400);
    // An overlong URI and too many headers.
    json_error(&get(s.port, &format!("/hello?x={}", "a".repeat(9000))), 414);
    let many: String = (0..120).map(|i| format!("X-H{i}: v\r\n")).collect();
    let r = Conn::open(s.port).call(&format!("GET /hello HTTP/1.1\r\nHost: x\r\n{many}\r\n"));
    assert_eq!(r.status, 431);
    let big = format!("X-Big: {}\r\n", "b".repeat(20_000));
    let r = Conn::open(s.port).call(&format!("GET /hello HTTP/1.1\r\nHost: x\r\n{big}\r\n"));
    assert_eq!(r.status, 431);
    // Still serving.
    assert_eq!(get(s.port, "/hello").status, 200);
}

#[test]
fn a_failing_handler_gets_a_500_and_the_server_keeps_serving() {
    let s = app();
    for _ in 0..3 {
        let r = get(s.port, "/crash");
        assert_eq!(r.status, 500);
        assert_eq!(r.body, "{\"error\":\"internal server error\"}");
        assert_eq!(get(s.port, "/hello").status, 200);
    }
    // On a keep-alive connection too.
    let mut c = Conn::open(s.port);
    assert_eq!(c.call("GET /crash HTTP/1.1\r\nHost: x\r\n\r\n").status, 500);
    assert_eq!(c.call("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    let end = Instant::now() + Duration::from_secs(5);
    while !s.stderr().contains("List.head: empty list") && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        s.stderr().contains("List.head: empty list"),
        "{}",
        s.stderr()
    );
}

#[test]
fn middleware_runs_in_order_short_circuits_and_sees_404s() {
    let s = app();
    let r = get(s.port, "/hello");
    assert_eq!(r.header("x-trace"), Some("B,A"));
    let r = get(s.port, "/nowhere");
    assert_eq!((r.status, r.body.as_str()), (404, "Not Found"));
    assert_eq!(r.header("x-trace"), Some("B,A"));
    let r = get(s.port, "/private/data");
    assert_eq!(r.status, 401);
    assert_eq!(r.header("x-trace"), Some("B,A"));
    let r = Conn::open(s.port)
        .call("GET /private/data HTTP/1.1\r\nHost: x\r\nAUTHORIZATION: Bearer t\r\n\r\n");
    assert_eq!((r.status, r.body.as_str()), (200, "secret"));
}

#[test]
fn query_parameters_are_decoded() {
    let s = app();
    assert_eq!(
        get(s.port, "/query?a=x+y%21&b=%C3%A9t%C3%A9&flag").body,
        "a=Some(x y!) b=Some(été) flag=Some()"
    );
    assert_eq!(
        get(s.port, "/query?a=1&a=2").body,
        "a=Some(2) b=None flag=None"
    );
    assert_eq!(get(s.port, "/query").body, "a=None b=None flag=None");
}

#[test]
fn header_lookup_is_case_insensitive() {
    let s = app();
    for name in ["x-custom-header", "X-CUSTOM-HEADER", "X-Custom-Header"] {
        let r = Conn::open(s.port).call(&format!(
            "GET /header HTTP/1.1\r\nHost: x\r\n{name}: v1\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(r.body, "Some(v1)");
    }
    assert_eq!(get(s.port, "/header").body, "None");
    assert_eq!(get(s.port, "/headers").body, "true");
}

#[test]
fn statuses_reason_phrases_and_content_types() {
    let s = app();
    for (n, reason) in [
        (201, "Created"),
        (418, "I'm a teapot"),
        (422, "Unprocessable Entity"),
        (299, "Success"),
        (503, "Service Unavailable"),
    ] {
        let r = get(s.port, &format!("/status/{n}"));
        assert_eq!((r.status, r.reason.as_str()), (n, reason));
    }
    // The server frames the body whatever headers the handler set.
    let mut c = Conn::open(s.port);
    let r = c.call("GET /framing HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(
        (r.body.as_str(), r.header("content-length")),
        ("abc", Some("3"))
    );
    assert_eq!(r.header("transfer-encoding"), None);
    assert_eq!(c.call("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    // A handler asking for an invalid status fails: 500.
    assert_eq!(get(s.port, "/status/42").status, 500);
    let r = get(s.port, "/users/1");
    assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(
        r.headers
            .iter()
            .filter(|(n, _)| n == "content-type")
            .count(),
        1
    );
}

#[test]
fn slow_handlers_time_out_with_503() {
    let s = app();
    let t = Instant::now();
    let r = get(s.port, "/sleep?ms=5000");
    assert_eq!(r.status, 503);
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    assert_eq!(get(s.port, "/sleep?ms=10").body, "slept 10");
    // A body that does not arrive in time gets 408.
    let mut c = Conn::open(s.port);
    c.send(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    let r = c.read().unwrap_or_else(|| panic!("no 408"));
    assert_eq!(r.status, 408);
}

#[test]
fn many_concurrent_clients() {
    let s = app();
    let port = s.port;
    let threads: Vec<_> = (0..16)
        .map(|t| {
            std::thread::spawn(move || {
                let mut c = Conn::open(port);
                for i in 0..50 {
                    let r = c.call(&format!("GET /users/{t}-{i} HTTP/1.1\r\nHost: x\r\n\r\n"));
                    assert_eq!(r.body, format!("user Some({t}-{i})"));
                }
            })
        })
        .collect();
    for t in threads {
        assert!(t.join().is_ok());
    }
}

#[test]
fn tls_serving_with_a_self_signed_certificate() {
    let (dir, cert, key) = self_signed();
    let s = Server::start(
        "app.mpl",
        &[cert.to_str().unwrap_or(""), key.to_str().unwrap_or("")],
        &[],
    );
    assert!(s.stderr().contains("HTTPS server listening on"));
    let config = tls_client(&cert);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = rt.block_on(async {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", s.port))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let name =
            rustls::pki_types::ServerName::try_from("localhost").unwrap_or_else(|e| panic!("{e}"));
        let mut tls = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .unwrap_or_else(|e| panic!("TLS handshake: {e}"));
        tls.write_all(b"GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        let _ = tls.read_to_end(&mut out).await;
        String::from_utf8_lossy(&out).into_owned()
    });
    assert!(text.starts_with("HTTP/1.1 200 OK"), "{text}");
    assert!(text.ends_with("{\"hello\":\"world\"}"), "{text}");
    // Plain HTTP on the TLS port gets nowhere, and the server keeps going.
    let mut c = Conn::open(s.port);
    c.send(b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(c.read().is_none());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_bad_certificate_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("mesh-badcert-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let cert = dir.join("cert.pem");
    let _ = std::fs::write(&cert, "not a certificate");
    let out = Command::new(env!("CARGO_BIN_EXE_meshc"))
        .arg("run")
        .arg(web_common::fixtures().join("app.mpl"))
        .arg(&cert)
        .arg(dir.join("missing.pem"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("HTTP.serve_with: no certificate in"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("0.0.0.0:0").unwrap_or_else(|e| panic!("{e}"));
    let port = taken.local_addr().map(|a| a.port()).unwrap_or(0);
    let out = Command::new(env!("CARGO_BIN_EXE_meshc"))
        .arg("run")
        .arg(web_common::fixtures().join("port.mpl"))
        .arg(port.to_string())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("HTTP.serve_with: cannot listen on 0.0.0.0:{port}")),
        "{err}"
    );
}

#[test]
fn sigterm_finishes_requests_in_flight_then_exits() {
    let mut s = app();
    let port = s.port;
    let slow = std::thread::spawn(move || get(port, "/sleep?ms=700"));
    std::thread::sleep(Duration::from_millis(200));
    s.terminate();
    let r = slow
        .join()
        .unwrap_or_else(|_| panic!("client thread failed"));
    assert_eq!((r.status, r.body.as_str()), (200, "slept 700"));
    let status = s
        .wait_exit(10)
        .unwrap_or_else(|| panic!("still running after SIGTERM"));
    assert_eq!(status.code(), Some(0));
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}

fn run_client(base: &str, envs: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meshc"));
    cmd.arg("run")
        .arg(web_common::fixtures().join("client.mpl"))
        .arg(base);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn client_get_post_request_and_timeouts() {
    let s = app();
    let base = format!("http://127.0.0.1:{}", s.port);
    let out = run_client(&base, &[]);
    let expected = format!(
        "get: ok {{\"hello\":\"world\"}}\n\
         post: ok {{\"n\":1}}\n\
         get 404: err HTTP 404 Not Found from {base}/missing\n\
         get bad url: err invalid URL `not a url`: invalid uri character\n\
         redirect: ok {{\"hello\":\"world\"}}\n\
         see other: ok user Some(after-post)\n\
         request redirect: 302 /hello\n\
         request: 200 PUT payload text/plain; charset=utf-8\n\
         request 418: 418 {{\"status\":418}}\n\
         timeout: err true\n\
         bad method: err invalid method `G T`\n"
    );
    assert_eq!(out, expected);
}

#[test]
fn client_over_tls_trusts_ssl_cert_file() {
    let (dir, cert, key) = self_signed();
    let s = Server::start(
        "app.mpl",
        &[cert.to_str().unwrap_or(""), key.to_str().unwrap_or("")],
        &[],
    );
    let base = format!("https://localhost:{}", s.port);
    let out = run_client(&base, &[("SSL_CERT_FILE", cert.to_str().unwrap_or(""))]);
    assert!(
        out.starts_with("get: ok {\"hello\":\"world\"}\npost: ok {\"n\":1}\n"),
        "{out}"
    );
    // Without trusting the certificate the handshake fails.
    let out = run_client(&base, &[]);
    assert!(out.starts_with("get: err "), "{out}");
    assert!(out.contains("certificate"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}
