//! The retry middleware's schedule, on tokio's paused clock (each wait passes at once and
//! exactly, so the gaps between attempts are the waits themselves): what is retried, how
//! long it waits, `Retry-After`, and when it gives up.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use akgen_runtime::client::transport::{BoxError, BoxFuture, Call, Client, ClientError, Middleware, Next, Retry};
use axum::http;
use reqwest::Method;
use tokio::time::Instant;

/// A status and its `Retry-After` header, if any.
type Answer = (u16, Option<&'static str>);

/// Answers each attempt with the next of `statuses` (and its `Retry-After`, if any),
/// recording when each came; after the list, 200.
#[derive(Clone)]
struct Script {
    answers: Arc<Mutex<Vec<Answer>>>,
    times: Arc<Mutex<Vec<Instant>>>,
}

impl Script {
    fn new(answers: &[Answer]) -> Self {
        let mut answers = answers.to_vec();
        answers.reverse();
        Script { answers: Arc::new(Mutex::new(answers)), times: Arc::default() }
    }

    /// The waits between attempts.
    fn gaps(&self) -> Vec<Duration> {
        let times = self.times.lock().unwrap();
        times.windows(2).map(|w| w[1] - w[0]).collect()
    }

    fn attempts(&self) -> usize {
        self.times.lock().unwrap().len()
    }
}

impl Middleware for Script {
    fn handle<'a>(&'a self, _: reqwest::Request, _: Next<'a>) -> BoxFuture<'a, Result<reqwest::Response, BoxError>> {
        self.times.lock().unwrap().push(Instant::now());
        let (status, retry_after) = self.answers.lock().unwrap().pop().unwrap_or((200, None));
        let mut response = http::Response::builder().status(status);
        if let Some(value) = retry_after {
            response = response.header("retry-after", value);
        }
        let response = reqwest::Response::from(response.body("{}").unwrap());
        Box::pin(async move { Ok(response) })
    }
}

async fn send(retry: Retry, script: &Script, method: Method) -> u16 {
    let client =
        Client::builder_for_base_url("http://127.0.0.1:9").middleware(retry).middleware(script.clone()).build();
    let call = Call::new(method, "/things/".into(), "application/json", &[]);
    let raw = client.execute::<()>(call).await.unwrap();
    raw.status.as_u16()
}

const BASE: Duration = Duration::from_millis(100);

#[tokio::test(start_paused = true)]
async fn backoff_doubles_with_equal_jitter_until_a_success() {
    let script = Script::new(&[(503, None), (502, None), (504, None)]);
    let status = send(Retry::default().base_delay(BASE).max_retries(5), &script, Method::GET).await;
    assert_eq!((status, script.attempts()), (200, 4));
    for (n, gap) in script.gaps().into_iter().enumerate() {
        let full = BASE * 2u32.pow(n as u32);
        assert!(gap >= full / 2 && gap <= full, "retry {n}: waited {gap:?}, not within [{:?}, {full:?}]", full / 2);
    }
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_waited_for_in_seconds_or_as_a_date() {
    let script = Script::new(&[(429, Some("2")), (503, Some("0"))]);
    assert_eq!(send(Retry::default(), &script, Method::GET).await, 200);
    assert_eq!(script.gaps(), [Duration::from_secs(2), Duration::ZERO]);
    // A date in the past: retry at once.
    let script = Script::new(&[(503, Some("Wed, 21 Oct 2015 07:28:00 GMT"))]);
    assert_eq!(send(Retry::default(), &script, Method::GET).await, 200);
    assert_eq!(script.gaps(), [Duration::ZERO]);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_maximum_ends_the_retries() {
    let script = Script::new(&[(429, Some("60"))]);
    let status = send(Retry::default().max_delay(Duration::from_secs(10)), &script, Method::GET).await;
    assert_eq!((status, script.attempts()), (429, 1), "the caller sees the 429 at once");
}

#[tokio::test(start_paused = true)]
async fn it_gives_up_after_the_maximum_and_returns_the_last_answer() {
    let script = Script::new(&[(503, None); 10]);
    let status = send(Retry::default().base_delay(BASE).max_retries(3), &script, Method::GET).await;
    assert_eq!((status, script.attempts()), (503, 4));
    // Other statuses are answers, not faults.
    for status in [400, 404, 500, 501] {
        let script = Script::new(&[(status, None)]);
        assert_eq!(send(Retry::default(), &script, Method::GET).await, status);
        assert_eq!(script.attempts(), 1, "{status} is not retried");
    }
}

#[tokio::test(start_paused = true)]
async fn only_idempotent_methods_are_retried_unless_told() {
    for method in [Method::GET, Method::HEAD, Method::PUT, Method::DELETE, Method::OPTIONS] {
        let script = Script::new(&[(503, None)]);
        assert_eq!(send(Retry::default(), &script, method.clone()).await, 200, "{method}");
    }
    for method in [Method::POST, Method::PATCH] {
        let script = Script::new(&[(503, None)]);
        assert_eq!(send(Retry::default(), &script, method.clone()).await, 503, "{method}");
        let script = Script::new(&[(503, None)]);
        assert_eq!(send(Retry::default().all_methods(), &script, method.clone()).await, 200, "{method}");
    }
}

#[test]
fn the_wait_is_capped_and_jitter_takes_at_most_half() {
    let retry = Retry::default().base_delay(BASE).max_delay(Duration::from_secs(1));
    assert_eq!(retry.backoff(0, 0.0), BASE);
    assert_eq!(retry.backoff(2, 0.0), BASE * 4);
    assert_eq!(retry.backoff(3, 1.0), BASE * 4, "half of 800 ms");
    assert_eq!(retry.backoff(10, 0.0), Duration::from_secs(1), "capped");
    assert_eq!(retry.backoff(40, 0.0), Duration::from_secs(1), "no overflow");
}

/// A connection refused is retried (through the real HTTP client), then reported.
#[tokio::test(start_paused = true)]
async fn connection_errors_are_retried_then_reported() {
    #[derive(Clone, Default)]
    struct Count(Arc<Mutex<usize>>);
    impl Middleware for Count {
        fn handle<'a>(
            &'a self,
            request: reqwest::Request,
            next: Next<'a>,
        ) -> BoxFuture<'a, Result<reqwest::Response, BoxError>> {
            *self.0.lock().unwrap() += 1;
            next.run(request)
        }
    }
    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let count = Count::default();
    let client = Client::builder_for_base_url(&format!("http://127.0.0.1:{port}"))
        .middleware(Retry::default().base_delay(BASE).max_retries(2))
        .middleware(count.clone())
        .build();
    let call = Call::new(Method::GET, "/things/".into(), "application/json", &[]);
    let error = client.execute::<()>(call).await.unwrap_err();
    assert!(matches!(&error, ClientError::Transport(e) if e.is_connect()), "{error:?}");
    assert_eq!(*count.0.lock().unwrap(), 3);
}
