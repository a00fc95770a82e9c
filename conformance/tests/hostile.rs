//! Hostile clients against the tokens-server example (the generated server stubs), each
//! while ordinary clients keep using it: the server answers each abuse with a 4xx (or
//! closes that connection), never panics, and the ordinary clients are served throughout
//! with nothing but the statuses they expect.

#[allow(dead_code, reason = "the example's `main` runs only in the example binary")]
#[path = "../../examples/tokens-server/src/main.rs"]
mod example;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use authentik_api::Nullable;
use authentik_api::client::Client;
use authentik_api::models::{IntentEnum, PatchedTokenRequest, TokenRequest};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TOKEN: &str = "hostile-secret";

/// The server's header-read timeout in these tests.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(1);

/// The server, and ordinary clients listing and reading tokens until told to stop.
struct Loaded {
    addr: String,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
    unexpected: Arc<std::sync::Mutex<Vec<String>>>,
    clients: Vec<tokio::task::JoinHandle<()>>,
}

impl Loaded {
    async fn start() -> Loaded {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let app = example::router(example::TokensServer::new(TOKEN));
        // The example's `serve`, with a header-read timeout short enough for a test.
        let config = authentik_api::server::ServeConfig { header_read_timeout: HEADER_READ_TIMEOUT };
        tokio::spawn(async move { authentik_api::server::serve(listener, app, config).await.unwrap() });
        let client = Client::builder(&format!("http://{addr}")).bearer_token(TOKEN).build();
        client.core().tokens_create(&request("steady")).await.unwrap();
        let (stop, served) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
        let unexpected = Arc::new(std::sync::Mutex::new(Vec::new()));
        let clients = (0..4)
            .map(|_| {
                let (client, stop, served, unexpected) =
                    (client.clone(), stop.clone(), served.clone(), unexpected.clone());
                tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        let listed = client.core().tokens_list().send().await;
                        let read = client.core().tokens_retrieve("steady").await;
                        match (listed, read) {
                            (Ok(page), Ok(token)) if !page.results.is_empty() && token.identifier == "steady" => {
                                served.fetch_add(2, Ordering::Relaxed);
                            }
                            (a, b) => unexpected.lock().unwrap().push(format!("{a:?} / {b:?}")),
                        }
                    }
                })
            })
            .collect();
        Loaded { addr, stop, served, unexpected, clients }
    }

    /// Stops the ordinary clients; asserts they were served, and only as expected, also
    /// after the abuse (`before` is the count when it began).
    async fn finish(self, before: usize) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        self.stop.store(true, Ordering::Relaxed);
        for client in self.clients {
            client.await.unwrap();
        }
        let unexpected = self.unexpected.lock().unwrap();
        assert!(unexpected.is_empty(), "{} unexpected answers: {:?}", unexpected.len(), &unexpected[..1]);
        let served = self.served.load(Ordering::Relaxed);
        assert!(served > before, "ordinary clients were not served during the abuse ({served}, {before} before)");
    }

    fn served(&self) -> usize {
        self.served.load(Ordering::Relaxed)
    }

    /// Writes `head` and `body` on a new connection and returns the status line's code, or
    /// `None` when the server closed the connection without an answer.
    async fn raw(&self, head: &str, body: &[u8]) -> Option<u16> {
        let mut socket = TcpStream::connect(&self.addr).await.unwrap();
        socket.write_all(head.as_bytes()).await.ok()?;
        socket.write_all(body).await.ok()?;
        read_status(&mut socket).await
    }
}

async fn read_status(socket: &mut TcpStream) -> Option<u16> {
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !answer.windows(2).any(|w| w == b"\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(20), socket.read(&mut buf)).await.ok()?.ok()?;
        if n == 0 {
            return None;
        }
        answer.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&answer).split(' ').nth(1)?.parse().ok()
}

fn request(identifier: &str) -> TokenRequest {
    TokenRequest {
        managed: Nullable::Absent,
        identifier: identifier.to_owned(),
        intent: Some(IntentEnum::Api),
        user: None,
        description: None,
        expires: Nullable::Absent,
        expiring: Some(false),
    }
}

fn post(length: usize, extra: &str) -> String {
    format!(
        "POST /api/v3/core/tokens/ HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {TOKEN}\r\n\
         content-type: application/json\r\ncontent-length: {length}\r\n{extra}\r\n"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_gets_413_before_it_is_sent() {
    let load = Loaded::start().await;
    let before = load.served();
    // Announces 3 MiB (the limit is 2 MiB) and sends 1 KiB: the answer comes anyway.
    let status = load.raw(&post(3 << 20, ""), &[b' '; 1024]).await;
    assert_eq!(status, Some(413));
    load.finish(before).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunked_body_over_the_limit_gets_413_once_read_past_it() {
    let load = Loaded::start().await;
    let before = load.served();
    // No length announced: the server learns the size by reading, and stops at the limit.
    let head = format!(
        "POST /api/v3/core/tokens/ HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {TOKEN}\r\n\
         content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
    );
    let chunk = [format!("{:x}\r\n", 64 << 10).into_bytes(), vec![b' '; 64 << 10], b"\r\n".to_vec()].concat();
    // 33 chunks of 64 KiB: 2 MiB and one chunk more.
    assert_eq!(load.raw(&head, &chunk.repeat(33)).await, Some(413));
    load.finish(before).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_json_is_a_400_not_a_stack_overflow() {
    let load = Loaded::start().await;
    let before = load.served();
    let deep = format!("{{\"identifier\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(load.raw(&post(deep.len(), ""), deep.as_bytes()).await, Some(400));
    let objects = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    assert_eq!(load.raw(&post(objects.len(), ""), objects.as_bytes()).await, Some(400));
    load.finish(before).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_utf8_and_a_truncated_body_are_refused() {
    let load = Loaded::start().await;
    let before = load.served();
    let bad = b"{\"identifier\": \"\xff\xfe\", \"intent\": \"api\"}";
    assert_eq!(load.raw(&post(bad.len(), ""), bad).await, Some(400));
    // Promises 100 bytes, sends 10 and stops sending: no answer can be right but a 400 or
    // a closed connection, and the server goes on.
    let mut socket = TcpStream::connect(&load.addr).await.unwrap();
    socket.write_all(post(100, "").as_bytes()).await.unwrap();
    socket.write_all(b"{\"identif").await.unwrap();
    socket.shutdown().await.unwrap();
    let status = read_status(&mut socket).await;
    assert!(matches!(status, None | Some(400)), "{status:?}");
    load.finish(before).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_64_kib_header_and_10000_query_parameters_are_answered() {
    let load = Loaded::start().await;
    let before = load.served();
    let big = format!("x-padding: {}\r\n", "a".repeat(64 << 10));
    let head = format!("GET /api/v3/core/tokens/ HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {TOKEN}\r\n{big}\r\n");
    let status = load.raw(&head, b"").await;
    // hyper's header buffer takes it (200) or refuses it (431); either way an answer.
    assert!(matches!(status, Some(200 | 431)), "{status:?}");
    let query: Vec<String> = (0..10_000).map(|i| format!("ordering=identifier&p{i}={i}")).collect();
    let head = format!(
        "GET /api/v3/core/tokens/?{} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {TOKEN}\r\n\r\n",
        query.join("&")
    );
    let status = load.raw(&head, b"").await;
    assert!(matches!(status, Some(200 | 400 | 414 | 431)), "{status:?}");
    load.finish(before).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_half_sent_requests_do_not_starve_the_others() {
    let load = Loaded::start().await;
    // 200 connections that send half a request line and wait (slowloris).
    let mut idle = Vec::new();
    for _ in 0..200 {
        let mut socket = TcpStream::connect(&load.addr).await.unwrap();
        socket.write_all(b"GET /api/v3/core/tok").await.unwrap();
        idle.push(socket);
    }
    let before = load.served();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let during = load.served();
    assert!(during > before + 20, "only {} requests served beside 200 idle connections", during - before);
    // The header-read timeout closes each of them; without one they would stay open for
    // as long as the client likes (the wait below is 10× the timeout, so a slow machine
    // does not fail the test).
    for (i, socket) in idle.iter_mut().enumerate() {
        let mut buf = [0u8; 1024];
        let closed = loop {
            match tokio::time::timeout(HEADER_READ_TIMEOUT * 10, socket.read(&mut buf)).await {
                Err(_) => break false,
                Ok(Ok(0) | Err(_)) => break true,
                // hyper may answer 408 before it closes.
                Ok(Ok(_)) => continue,
            }
        };
        assert!(closed, "idle connection {i} is still open after 10× the header-read timeout");
    }
    load.finish(during).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_patches_leave_one_of_the_writes() {
    let load = Loaded::start().await;
    let before = load.served();
    let client = Client::builder(&format!("http://{}", load.addr)).bearer_token(TOKEN).build();
    client.core().tokens_create(&request("contested")).await.unwrap();
    let writes: Vec<String> = (0..64).map(|i| format!("write {i}")).collect();
    let tasks: Vec<_> = writes
        .iter()
        .map(|description| {
            let (client, description) = (client.clone(), description.clone());
            tokio::spawn(async move {
                let patch = PatchedTokenRequest { description: Some(description), ..Default::default() };
                client.core().tokens_partial_update("contested", &patch).send().await.unwrap();
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let token = client.core().tokens_retrieve("contested").await.unwrap();
    let description = token.description.unwrap_or_default();
    assert!(writes.contains(&description), "{description:?} is none of the writes");
    load.finish(before).await;
}
