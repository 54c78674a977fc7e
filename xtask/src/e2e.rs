//! End-to-end step: serve `dist/` on a free local port and run `node e2e/run.mjs`.

use crate::sh::{self, Result};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::Child;
use std::time::{Duration, Instant};

/// How long the static server may take to start answering.
const SERVER_START: Duration = Duration::from_secs(15);

/// Starts the server, runs the script against it, and stops the server in every case.
pub fn run() -> Result {
    let port = free_port()?;
    let mut server = Server::start(port)?;
    server.wait_until_up()?;
    let base_url = format!("http://127.0.0.1:{port}/");
    sh::run(
        sh::cmd("node")
            .arg("e2e/run.mjs")
            .env("BASE_URL", &base_url)
            .env("CHROMIUM", "/usr/bin/chromium"),
    )
    // `server` drops here, after the script, whether it passed or not.
}

/// Asks the OS for a free port: bind port 0, read the port, release it. Another process
/// could grab it in between, but on a developer machine that race is negligible.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("cannot bind a local port: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound port: {e}"))?
        .port();
    Ok(port)
}

/// The `python3 -m http.server` child; killed on drop so a failing or panicking test
/// never leaves it running.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// `--directory dist` rather than running inside dist/: a server started in dist/
    /// loses its directory when trunk replaces it.
    fn start(port: u16) -> Result<Self> {
        let mut command = sh::cmd("python3");
        command.args(["-m", "http.server", &port.to_string()]);
        command.args(["--bind", "127.0.0.1", "--directory", "dist"]);
        println!("$ {} &", sh::describe(&command));
        // Its request log would bury the test output.
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let child = command
            .spawn()
            .map_err(|e| format!("cannot start python3 http.server: {e}"))?;
        Ok(Self { child, port })
    }

    /// Polls until an HTTP request for `/` gets a response.
    fn wait_until_up(&mut self) -> Result {
        let started = Instant::now();
        while started.elapsed() < SERVER_START {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("the http server exited early ({status})"));
            }
            if answers(self.port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!(
            "the http server did not answer within {SERVER_START:?}"
        ))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Errors mean it already exited; nothing more to clean up either way.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether the server returns an HTTP status line for `GET /`.
fn answers(port: u16) -> bool {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    let mut head = [0_u8; 12];
    stream.write_all(request).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.starts_with(b"HTTP/")
}
