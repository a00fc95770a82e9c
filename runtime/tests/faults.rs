//! The client against a misbehaving server on loopback: raw TCP, so each fault is exactly
//! what it says (a reset mid-body, a stall, truncated JSON), plus a gzip-compressing proxy.

use std::io::Write as _;
use std::time::Duration;

use akgen_runtime::client::transport::{Call, Client, ClientError};
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves each connection with `answer`: it gets the request's head and writes what it likes.
async fn server<F, Fut>(answer: F) -> String
where
    F: Fn(String, tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let answer = std::sync::Arc::new(answer);
    tokio::spawn(async move {
        loop {
            let (mut socket, _) = listener.accept().await.unwrap();
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = socket.read(&mut buf).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    head.extend_from_slice(&buf[..n]);
                }
                answer(String::from_utf8_lossy(&head).into_owned(), socket).await;
            });
        }
    });
    url
}

fn call() -> Call {
    Call::new(Method::GET, "/things/".into(), "application/json", &[])
}

#[tokio::test]
async fn truncated_json_is_a_decode_error_that_keeps_the_bytes() {
    let url = server(|_, mut socket| async move {
        let body = br#"{"results": [{"pk": 1}, {"pk""#;
        let head =
            format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n", body.len());
        socket.write_all(head.as_bytes()).await.unwrap();
        socket.write_all(body).await.unwrap();
    })
    .await;
    let raw = Client::builder_for_base_url(&url).build().execute::<()>(call()).await.unwrap();
    let error = raw.json::<serde_json::Value, ()>().unwrap_err();
    match &error {
        ClientError::Decode { status, body, .. } => {
            assert_eq!(status.as_u16(), 200);
            assert_eq!(&body[..], br#"{"results": [{"pk": 1}, {"pk""#);
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("could not decode the 200 OK response"), "{error}");
}

#[tokio::test]
async fn a_connection_reset_mid_body_is_a_transport_error() {
    let url = server(|_, mut socket| async move {
        // Promises 1000 bytes, sends 10, then resets (SO_LINGER 0 turns close into RST).
        socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{\"a\": 1234").await.unwrap();
        #[allow(deprecated, reason = "a zero linger does not block: the close is a reset")]
        socket.set_linger(Some(Duration::ZERO)).unwrap();
        drop(socket);
    })
    .await;
    let error = Client::builder_for_base_url(&url).build().execute::<()>(call()).await.unwrap_err();
    let ClientError::Transport(e) = &error else { panic!("{error:?}") };
    // The reset is the cause, somewhere down the chain of sources.
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    let mut reset = false;
    while let Some(c) = cause {
        reset |= c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionReset);
        cause = c.source();
    }
    assert!(reset, "{error:?}");
}

#[tokio::test]
async fn a_stalled_response_times_out_and_says_so() {
    let url = server(|_, mut socket| async move {
        socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{").await.unwrap();
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let client = Client::builder_for_base_url(&url).timeout(Duration::from_millis(300)).build();
    let error = client.execute::<()>(call()).await.unwrap_err();
    assert!(matches!(&error, ClientError::Transport(e) if e.is_timeout()), "{error:?}");
    assert!(error.to_string().starts_with("timed out waiting for the server"), "{error}");
}

#[tokio::test]
async fn connection_refused_says_so() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let client = Client::builder_for_base_url(&format!("http://127.0.0.1:{port}")).build();
    let error = client.execute::<()>(call()).await.unwrap_err();
    assert!(error.to_string().starts_with("could not connect to the server"), "{error}");
}

#[tokio::test]
async fn gzip_responses_are_decoded() {
    let url = server(|head, mut socket| async move {
        let asked = head.to_ascii_lowercase().lines().any(|l| l.starts_with("accept-encoding:") && l.contains("gzip"));
        let json = format!("{{\"asked_for_gzip\": {asked}, \"results\": [1, 2, 3]}}");
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(json.as_bytes()).unwrap();
        let body = encoder.finish().unwrap();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        socket.write_all(head.as_bytes()).await.unwrap();
        socket.write_all(&body).await.unwrap();
    })
    .await;
    let raw = Client::builder_for_base_url(&url).build().execute::<()>(call()).await.unwrap();
    let value: serde_json::Value = raw.json::<_, ()>().unwrap();
    assert_eq!(value, serde_json::json!({"asked_for_gzip": true, "results": [1, 2, 3]}));
}
