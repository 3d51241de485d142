//! Probes, errors and degraded service.
use crate::helpers::{settings_for, spawn_demo_app, spawn_with};
use secrecy::SecretString;

#[tokio::test]
async fn bad_requests_get_a_stable_code_and_a_sentence() {
    let app = spawn_demo_app().await;
    for (params, code) in [
        (vec![("q", "  ")], "invalid_query"),
        (vec![("q", "mug"), ("limit", "0")], "invalid_query"),
        (vec![("q", "mug"), ("max_price", "-5")], "invalid_parameter"),
        (vec![("q", "mug"), ("min_price", "90"), ("max_price", "10")], "invalid_query"),
        (vec![("q", "mug"), ("in_stock", "perhaps")], "invalid_parameter"),
        (vec![("q", "mug"), ("colour", "red")], "invalid_parameter"),
        (vec![("q", "mug"), ("fusion", "magic")], "invalid_parameter"),
    ] {
        let (status, body) = app.search(&params).await;
        assert_eq!(status, 400, "{params:?}: {body}");
        assert_eq!(body["error"]["code"], code, "{params:?}: {body}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.len() > 10), "{body}");
    }
    let missing = app.get("/api/nothing-here").await;
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.json::<serde_json::Value>().await.expect("json")["error"]["code"], "not_found");
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_demo_app().await;
    let r = app.get("/api/search?q=mug").await;
    let id = r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id:?}");
    let other = app.get("/api/search?q=mug").await;
    assert_ne!(other.headers().get("x-request-id").and_then(|v| v.to_str().ok()), Some(id.as_str()));
}

#[tokio::test]
async fn without_postgres_the_server_stays_up_and_says_it_is_not_ready() {
    let mut settings = settings_for("unused");
    // Nothing listens on port 9 (discard): connections are refused at once.
    settings.database.url = SecretString::from("postgres://postgres@127.0.0.1:9/aisle");
    let app = spawn_with(settings).await;
    assert_eq!(app.get("/health").await.status().as_u16(), 200);
    let ready = app.get("/ready").await;
    assert_eq!(ready.status().as_u16(), 503);
    assert_eq!(ready.json::<serde_json::Value>().await.expect("json")["database"], false);
    let search = app.get("/api/search?q=mug").await;
    assert_eq!(search.status().as_u16(), 503);
    assert!(search.headers().contains_key("retry-after"));
    assert_eq!(search.json::<serde_json::Value>().await.expect("json")["error"]["code"], "not_ready");
}

#[tokio::test]
async fn ready_reports_the_database_the_index_and_vector_search() {
    let app = spawn_demo_app().await;
    let body: serde_json::Value = app.get("/ready").await.json().await.expect("json");
    assert_eq!(body, serde_json::json!({"status": "ready", "database": true, "index": true, "vector_search": true}));
}
