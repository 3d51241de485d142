//! Helpers shared by the tests of people in the loop (roles, escalation, the editor, the console).
use crate::helpers::{Sse, TestApp, parse_sse};
use futures_util::StreamExt;
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;

pub fn done(evs: &[Sse]) -> Value {
    evs.iter().find(|e| e.event == "done").map(|e| e.data.clone()).expect("a done event")
}

pub fn said(evs: &[Sse]) -> String {
    evs.iter().filter(|e| e.event == "token").filter_map(|e| e.data["text"].as_str()).collect()
}

pub async fn json_of(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// A shopper who asked for a person: the conversation id, now waiting in the queue.
pub async fn escalated(app: &TestApp) -> String {
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can I talk to a real person please?").await;
    assert_eq!(done(&evs)["answered_by"], "handoff", "{evs:?}");
    c
}

/// Reads a conversation's live stream until `want` matches an event, or fails after 10 s.
pub async fn wait_for_event(
    app: &TestApp,
    c: &str,
    trigger: impl std::future::Future<Output = ()>,
    want: impl Fn(&str, &Value) -> bool,
) -> Value {
    let r = app
        .client
        .get(format!("{}/api/conversations/{c}/events", app.address))
        .header("x-conversation-token", app.token_of(c))
        .send()
        .await
        .expect("live stream");
    assert_eq!(r.status().as_u16(), 200);
    let mut stream = r.bytes_stream();
    trigger.await;
    let mut buffer = String::new();
    let found = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(Ok(chunk)) = stream.next().await {
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            if let Some(e) = parse_sse(&buffer).into_iter().find(|e| want(&e.event, &e.data)) {
                return e.data;
            }
        }
        Value::Null
    })
    .await;
    found.unwrap_or_else(|_| panic!("the event never came; the stream had: {buffer}"))
}

pub async fn save_article(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> (u16, Value) {
    json_of(app.as_team(method, path, token).json(&body).send().await.expect("request")).await
}
