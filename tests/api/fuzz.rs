//! Whatever text arrives (a message, an article, an import), Aisle answers with a 2xx or a 4xx,
//! never a 5xx, nothing reaches the spool, and the next ordinary message is stored.
use crate::helpers::{TestApp, demo_settings, fake, spawn_with_generator};
use proptest::prelude::*;
use reqwest::Method;
use serde_json::json;

/// Text as it comes from browsers, scripts and pasted documents: anything at all, and text made
/// of the characters that break things (NUL, controls, direction marks, markup, quotes, emoji).
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2028}\\u{fffe}<>&'\"\\\\/a-z $0-9😀]{0,120}",
        ".{0,40}\\x00.{0,40}",
    ]
}

async fn stored_shopper_messages(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM messages WHERE role = 'shopper'")
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

#[test]
fn no_text_gets_a_server_error_or_blocks_the_log() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (app, editor) = rt.block_on(async {
        let app = spawn_with_generator(demo_settings().await, fake("The Beats Flex costs $49.99 [1].")).await;
        app.wait_ready().await;
        let editor = app.token("editor", "Eve").await;
        (app, editor)
    });
    let config = ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() };
    proptest!(config, |(text in hostile())| {
        rt.block_on(async {
            let c = app.new_conversation().await;
            let before = stored_shopper_messages(&app).await;
            let message = app.send_message(&c, &text).await.status().as_u16();
            let article = json!({"kind": "faq", "title": format!("Fuzz {text}"), "body": format!("An article about {text} and more words.")});
            let kb = app.as_team(Method::POST, "/api/kb/articles", &editor).json(&article).send().await.expect("post");
            let line = json!({"sku": "FUZZ-1", "title": text, "description": text, "category": "fuzz", "price": 1}).to_string();
            let import = app.as_team(Method::POST, "/api/kb/import?format=jsonl", &editor).body(line).send().await.expect("import");
            for (what, status) in [("message", message), ("article", kb.status().as_u16()), ("import", import.status().as_u16())] {
                assert!(status < 500, "{what} {text:?}: {status}");
            }
            assert!(!app.app.log.has_spooled(), "{text:?} reached the spool");
            app.ask(&c, "wireless earphones please").await;
            let stored = stored_shopper_messages(&app).await - before;
            assert!(stored == 2 || (message >= 400 && stored == 1), "{text:?}: {stored} stored after {message}");
        });
    });
}
