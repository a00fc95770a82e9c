//! The ceiling: a bare axum handler per route that reads the request body and answers the
//! JSON the real server gave for that kind of request, with the same status. It parses
//! nothing, checks nothing and stores nothing, so the load against it measures what HTTP,
//! axum and the load generator cost on this machine.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::mix::{Bodies, Kind};

fn answer(bodies: &Bodies, kind: Kind, status: StatusCode) -> Response {
    match bodies.get(&kind) {
        Some(body) => (status, [(CONTENT_TYPE, "application/json")], body.clone()).into_response(),
        None => status.into_response(),
    }
}

/// The ceiling's routes under `base`, answering with `bodies`.
pub fn router(base: &str, bodies: Bodies) -> axum::Router {
    let bodies = Arc::new(bodies);
    let handler = |kind: Kind, status: StatusCode| {
        move |State(bodies): State<Arc<Bodies>>, _body: Bytes| async move { answer(&bodies, kind, status) }
    };
    axum::Router::new()
        .route(
            &format!("{base}/core/tokens/"),
            get(handler(Kind::List, StatusCode::OK)).post(handler(Kind::Create, StatusCode::CREATED)),
        )
        .route(
            &format!("{base}/core/tokens/{{identifier}}/"),
            get(handler(Kind::Retrieve, StatusCode::OK))
                .patch(handler(Kind::Patch, StatusCode::OK))
                .put(handler(Kind::Put, StatusCode::OK))
                .delete(handler(Kind::Delete, StatusCode::NO_CONTENT)),
        )
        .with_state(bodies)
}

/// The bodies as the `ceiling` command reads them on standard input: a JSON object of kind
/// index → body text.
pub fn decode(text: &str) -> Result<Bodies, String> {
    let value: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| format!("bodies on standard input: {e}"))?;
    let mut bodies = Bodies::new();
    for (key, body) in value {
        let index: usize = key.parse().map_err(|_| format!("bodies: {key} is not a kind index"))?;
        let kind = *Kind::ALL.get(index).ok_or_else(|| format!("bodies: no kind {index}"))?;
        bodies.insert(kind, Bytes::from(body.as_str().unwrap_or_default().to_owned()));
    }
    Ok(bodies)
}

/// The inverse of [`decode`].
pub fn encode(bodies: &Bodies) -> String {
    let object: serde_json::Map<String, serde_json::Value> = bodies
        .iter()
        .map(|(kind, body)| {
            let index = Kind::ALL.iter().position(|k| k == kind).expect("every kind is in ALL");
            (index.to_string(), String::from_utf8_lossy(body).into_owned().into())
        })
        .collect();
    serde_json::Value::Object(object).to_string()
}
