//! Helpers of the web tests: start a Mesh server fixture (`tests/web/*.mpl`) with `meshc
//! run`, learn its port from the "listening on" line, talk raw HTTP/1.1 to it over
//! loopback, and make self-signed certificates.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The directory of the Mesh fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/web")
}

/// A running Mesh program serving on loopback.
pub struct Server {
    child: Child,
    /// The first port the program listens on.
    pub port: u16,
    /// Every port, in the order of the "listening on" lines.
    pub ports: Vec<u16>,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

fn pump(
    r: impl Read + Send + 'static,
    buf: Arc<Mutex<String>>,
    port_tx: Option<mpsc::Sender<u16>>,
) {
    std::thread::spawn(move || {
        let mut lines = BufReader::new(r);
        let mut line = String::new();
        loop {
            line.clear();
            match lines.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            buf.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_str(&line);
            if let Some(tx) = &port_tx {
                if let Some(rest) = line.split("listening on ").nth(1) {
                    if let Some(port) = rest.trim().rsplit(':').next().and_then(|p| p.parse().ok())
                    {
                        let _ = tx.send(port);
                    }
                }
            }
        }
    });
}

impl Server {
    /// Starts `meshc run tests/web/<fixture> <args>` and waits for its "listening on" line.
    pub fn start(fixture: &str, args: &[&str], envs: &[(&str, &str)]) -> Server {
        Server::start_n(fixture, args, envs, 1)
    }

    /// Like `start`, waiting for `n` "listening on" lines.
    pub fn start_n(fixture: &str, args: &[&str], envs: &[(&str, &str)], n: usize) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_meshc"));
        cmd.arg("run")
            .arg(fixtures().join(fixture))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start meshc: {e}"));
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        if let Some(out) = child.stdout.take() {
            pump(out, stdout.clone(), None);
        }
        if let Some(err) = child.stderr.take() {
            pump(err, stderr.clone(), Some(tx));
        }
        let mut ports = Vec::new();
        while ports.len() < n {
            match rx.recv_timeout(Duration::from_secs(120)) {
                Ok(p) => ports.push(p),
                Err(_) => {
                    let _ = child.kill();
                    let err = stderr.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    panic!("{fixture} did not start listening; stderr:\n{err}");
                }
            }
        }
        Server {
            child,
            port: ports[0],
            ports,
            stdout,
            stderr,
        }
    }

    /// Everything the program printed on standard output so far.
    pub fn stdout(&self) -> String {
        self.stdout
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Everything the program printed on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits (up to 10 s) until standard output contains `needle`.
    pub fn wait_stdout(&self, needle: &str) -> bool {
        wait_for(|| self.stdout().contains(needle))
    }

    /// Waits (up to 10 s) until standard error contains `needle`.
    pub fn wait_stderr(&self, needle: &str) -> bool {
        wait_for(|| self.stderr().contains(needle))
    }

    /// The process id (to send it signals).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "kill -TERM failed");
    }

    /// Waits up to `secs` for the program to exit.
    pub fn wait_exit(&mut self, secs: u64) -> Option<ExitStatus> {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Ok(Some(s)) = self.child.try_wait() {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// True while the program runs.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `cond` for up to 10 s.
fn wait_for(cond: impl Fn() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub reason: String,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One client connection speaking raw HTTP/1.1.
pub struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    pub fn open(port: u16) -> Conn {
        let s = TcpStream::connect(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("cannot connect to {port}: {e}"));
        let _ = s.set_read_timeout(Some(Duration::from_secs(20)));
        Conn {
            reader: BufReader::new(s),
        }
    }

    /// Writes raw bytes.
    pub fn send(&mut self, raw: &[u8]) {
        let s = self.reader.get_mut();
        s.write_all(raw)
            .unwrap_or_else(|e| panic!("cannot write the request: {e}"));
    }

    /// Reads one response (by Content-Length, or to the end of the stream); `None` when the
    /// connection closed first.
    pub fn read(&mut self) -> Option<Resp> {
        self.read_response(true)
    }

    /// Reads the response to a HEAD request (no body whatever the headers say).
    pub fn read_head(&mut self) -> Option<Resp> {
        self.read_response(false)
    }

    fn read_response(&mut self, with_body: bool) -> Option<Resp> {
        let mut line = String::new();
        if self.reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let mut parts = line.trim_end().splitn(3, ' ');
        let _version = parts.next()?;
        let status: u16 = parts.next()?.parse().ok()?;
        let reason = parts.next().unwrap_or("").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if self.reader.read_line(&mut h).ok()? == 0 {
                return None;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((n, v)) = h.split_once(':') {
                headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let len = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let mut body = Vec::new();
        match if with_body { len } else { Some(0) } {
            Some(n) => {
                body.resize(n, 0);
                self.reader.read_exact(&mut body).ok()?;
            }
            None => {
                let _ = self.reader.read_to_end(&mut body);
            }
        }
        Some(Resp {
            status,
            reason,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }

    /// Sends a request and reads its response.
    pub fn call(&mut self, raw: &str) -> Resp {
        self.send(raw.as_bytes());
        self.read()
            .unwrap_or_else(|| panic!("no response to {raw:?}"))
    }
}

/// A GET of `path` on a fresh connection.
pub fn get(port: u16, path: &str) -> Resp {
    Conn::open(port).call(&format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    ))
}

/// A self-signed certificate for `localhost` and its key, written as PEM files into a
/// fresh temporary directory: (dir, cert path, key path).
pub fn self_signed() -> (PathBuf, PathBuf, PathBuf) {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_string()])
        .unwrap_or_else(|e| panic!("rcgen: {e}"));
    let dir = std::env::temp_dir().join(format!(
        "mesh-tls-{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos() ^ (certified.cert.pem().len() as u128)
    ));
    let dir = unique(dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    std::fs::write(&cert, certified.cert.pem()).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap_or_else(|e| panic!("{e}"));
    (dir, cert, key)
}

/// `base` with a counter appended so that concurrent tests get distinct directories.
fn unique(base: PathBuf) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    PathBuf::from(format!("{}-{n}", base.display()))
}

/// A rustls client configuration trusting only `cert` (a PEM file).
pub fn tls_client(cert: &Path) -> Arc<rustls::ClientConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_file_iter(cert).unwrap_or_else(|e| panic!("{e}")) {
        roots
            .add(c.unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Arc::new(
        rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap_or_else(|e| panic!("{e}"))
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}
