//! Who may do what: team roles, a shopper's own conversation, rate limits.
use crate::helpers::{demo_settings, fake, spawn_demo_app_with, spawn_with_generator};
use crate::team::json_of;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn every_role_gets_only_its_own_tools() {
    let app = spawn_demo_app_with(fake("ok")).await;
    let staff = app.token("staff", "Sam Staff").await;
    let editor = app.token("editor", "Eve Editor").await;
    let admin = app.token("admin", "Ada Admin").await;
    let get = |path: &'static str, token: Option<&str>| {
        let r = app.client.get(format!("{}{path}", app.address));
        match token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
        .send()
    };
    for path in ["/api/staff/queue", "/api/kb/articles", "/api/analytics", "/api/tokens"] {
        let (status, body) = json_of(get(path, None).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{path}");
        let (status, body) = json_of(get(path, Some("aisle_made_up")).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{path}");
        assert_eq!(get(path, Some(&admin)).await.expect("request").status().as_u16(), 200, "admin may {path}");
    }
    let forbidden = [
        ("/api/kb/articles", &staff),
        ("/api/tokens", &staff),
        ("/api/staff/queue", &editor),
        ("/api/tokens", &editor),
    ];
    for (path, token) in forbidden {
        let (status, body) = json_of(get(path, Some(token)).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (403, Some("forbidden")), "{path}: {body}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("role")), "{body}");
    }
    assert_eq!(get("/api/staff/queue", Some(&staff)).await.expect("request").status().as_u16(), 200);
    assert_eq!(get("/api/kb/articles", Some(&editor)).await.expect("request").status().as_u16(), 200);
    assert_eq!(get("/api/analytics", Some(&editor)).await.expect("request").status().as_u16(), 200);

    // A revoked token stops working at once.
    aisle::store::tokens::revoke(&app.pool, "Sam Staff").await.expect("revoke");
    assert_eq!(get("/api/staff/queue", Some(&staff)).await.expect("request").status().as_u16(), 401);

    // Admins make tokens through the API too; the secret is shown once and works.
    let (status, made) = json_of(
        app.as_team(Method::POST, "/api/tokens", &admin)
            .json(&json!({"name": "New Hire", "role": "staff"}))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let fresh = made["token"].as_str().expect("token");
    assert_eq!(get("/api/staff/queue", Some(fresh)).await.expect("request").status().as_u16(), 200);
    let (_, listed) = json_of(get("/api/tokens", Some(&admin)).await.expect("request")).await;
    assert!(!listed.to_string().contains(fresh), "secrets are never listed");
}

#[tokio::test]
async fn a_shopper_reads_only_their_own_conversation() {
    let app = spawn_demo_app_with(fake("ok")).await;
    let mine = app.new_conversation().await;
    let theirs = app.new_conversation().await;
    let peek = |c: &str, token: Option<String>| {
        let r = app.client.get(format!("{}/api/conversations/{c}", app.address));
        match token {
            Some(t) => r.header("x-conversation-token", t),
            None => r,
        }
        .send()
    };
    let (status, body) = json_of(peek(&theirs, Some(app.token_of(&mine))).await.expect("request")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("forbidden")));
    let (status, _) = json_of(peek(&theirs, None).await.expect("request")).await;
    assert_eq!(status, 401);
    let post = app
        .client
        .post(format!("{}/api/conversations/{theirs}/messages", app.address))
        .header("x-conversation-token", app.token_of(&mine))
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .expect("request");
    assert_eq!(post.status().as_u16(), 403, "nobody writes into another's conversation");
    assert_eq!(peek(&mine, Some(app.token_of(&mine))).await.expect("request").status().as_u16(), 200);
    let staff = app.token("staff", "Sam").await;
    let as_staff = app.as_team(Method::GET, &format!("/api/conversations/{theirs}"), &staff).send().await;
    assert_eq!(as_staff.expect("request").status().as_u16(), 200, "staff read any conversation");
    let posing = app
        .as_team(Method::POST, &format!("/api/conversations/{theirs}/messages"), &staff)
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .expect("request");
    assert_eq!(posing.status().as_u16(), 403, "staff do not write as the shopper");
}

#[tokio::test]
async fn too_many_messages_get_a_clear_429() {
    let mut settings = demo_settings().await;
    settings.limits.per_conversation_per_minute = 3;
    let app = spawn_with_generator(settings, fake("The Beats Flex costs $49.99 [1].")).await;
    app.wait_ready().await;
    let c = app.new_conversation().await;
    for _ in 0..3 {
        assert_eq!(app.send_message(&c, "hello").await.status().as_u16(), 200);
    }
    let r = app.send_message(&c, "hello").await;
    assert_eq!(r.status().as_u16(), 429);
    let retry: u64 = r.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let (_, body) = json_of(r).await;
    assert_eq!(body["error"]["code"], "rate_limited");
    let other = app.new_conversation().await;
    assert_eq!(app.send_message(&other, "hello").await.status().as_u16(), 200, "the limit is per conversation");
}
