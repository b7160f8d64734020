//! TLS negotiation of the database client against a scripted server on loopback (no
//! PostgreSQL needed): `sslmode=require` performs a real rustls handshake and verifies the
//! server certificate (a self-signed one is refused), a server that declines TLS fails
//! `require`, and `prefer` then continues in plaintext.

use mesh_rt::natives::db::conn;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How the scripted server answers the client's SSLRequest.
#[derive(Clone, Copy)]
enum Answer {
    /// `S`, then a TLS handshake with a self-signed certificate for `localhost`.
    Tls,
    /// `N`, then an ErrorResponse to the plaintext startup message.
    Decline,
}

/// A PostgreSQL ErrorResponse (`FATAL`, SQLSTATE 28000).
fn error_response(msg: &str) -> Vec<u8> {
    let mut body = Vec::new();
    for (code, text) in [
        (b'S', "FATAL"),
        (b'V', "FATAL"),
        (b'C', "28000"),
        (b'M', msg),
    ] {
        body.push(code);
        body.extend_from_slice(text.as_bytes());
        body.push(0);
    }
    body.push(0);
    let mut out = vec![b'E'];
    out.extend_from_slice(&((body.len() + 4) as u32).to_be_bytes());
    out.extend_from_slice(&body);
    out
}

async fn serve_one(mut s: TcpStream, answer: Answer) {
    let mut req = [0u8; 8];
    if s.read_exact(&mut req).await.is_err() {
        return;
    }
    // Length 8, code 80877103: an SSLRequest.
    assert_eq!(
        &req[4..],
        &80877103u32.to_be_bytes(),
        "expected an SSLRequest first"
    );
    match answer {
        Answer::Tls => {
            let _ = s.write_all(b"S").await;
            let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_string()])
                .unwrap_or_else(|e| panic!("rcgen: {e}"));
            let key = rustls::pki_types::PrivateKeyDer::Pkcs8(
                certified.signing_key.serialize_der().into(),
            );
            let config = rustls::ServerConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .unwrap_or_else(|e| panic!("{e}"))
            .with_no_client_auth()
            .with_single_cert(vec![certified.cert.der().clone()], key)
            .unwrap_or_else(|e| panic!("{e}"));
            // The client refuses the certificate, so the handshake fails on this side too.
            let _ = tokio_rustls::TlsAcceptor::from(Arc::new(config))
                .accept(s)
                .await;
        }
        Answer::Decline => {
            let _ = s.write_all(b"N").await;
            let mut len = [0u8; 4];
            if s.read_exact(&mut len).await.is_err() {
                return;
            }
            let mut rest = vec![0u8; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
            if s.read_exact(&mut rest).await.is_err() {
                return;
            }
            let _ = s
                .write_all(&error_response("plaintext startup reached the server"))
                .await;
        }
    }
}

/// Connects with `sslmode` to a scripted server answering `answer`; the error text.
async fn connect_error(sslmode: &str, answer: Answer) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = tokio::spawn(async move {
        if let Ok((s, _)) = listener.accept().await {
            serve_one(s, answer).await;
        }
    });
    let config = conn::parse_url(&format!(
        "postgres://u:p@localhost:{port}/db?sslmode={sslmode}"
    ))
    .expect("url");
    let err = match conn::connect(&config).await {
        Ok(_) => "connected".to_string(),
        Err(e) => e.line(),
    };
    let _ = server.await;
    err
}

#[tokio::test]
async fn require_verifies_the_server_certificate() {
    let e = connect_error("require", Answer::Tls).await;
    assert!(e.contains("invalid peer certificate"), "{e}");
}

#[tokio::test]
async fn prefer_uses_tls_when_offered_and_verifies_it() {
    let e = connect_error("prefer", Answer::Tls).await;
    assert!(e.contains("invalid peer certificate"), "{e}");
}

#[tokio::test]
async fn require_fails_when_the_server_declines_tls() {
    let e = connect_error("require", Answer::Decline).await;
    assert!(e.contains("server does not support TLS"), "{e}");
}

#[tokio::test]
async fn prefer_continues_in_plaintext_when_tls_is_declined() {
    let e = connect_error("prefer", Answer::Decline).await;
    assert!(
        e.contains("plaintext startup reached the server (SQLSTATE 28000)"),
        "{e}"
    );
}
