//! What the team sees: analytics, and the pages served with a strict content policy.
use crate::helpers::{fake, spawn_demo_app_with};
use crate::team::{done, escalated, json_of};
use aisle::startup::GeneratorChoice;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn analytics_show_what_the_team_needs_to_fix() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let staff = app.token("staff", "Sam").await;
    let c = app.new_conversation().await;
    app.ask(&c, "Can I adopt a llama from your zoo?").await;
    let evs = app.ask(&c, "are there wireless earphones?").await;
    let answer = done(&evs)["message_id"].as_str().expect("id").to_string();
    let r = app
        .client
        .post(format!("{}/api/messages/{answer}/feedback", app.address))
        .header("x-conversation-token", app.token_of(&c))
        .json(&json!({"rating": "down", "comment": "I wanted the black ones"}))
        .send()
        .await
        .expect("feedback");
    assert_eq!(r.status().as_u16(), 204);
    escalated(&app).await;
    let (status, report) =
        json_of(app.as_team(Method::GET, "/api/analytics?days=7", &staff).send().await.expect("r")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["unanswered"][0]["question"], "can i adopt a llama from your zoo?");
    assert_eq!(report["thumbs_down"][0]["comment"], "I wanted the black ones");
    assert_eq!(report["thumbs_down"][0]["question"], "are there wireless earphones?");
    assert_eq!(report["escalations_by_reason"][0]["key"], "asked_for_person");
    let hours = report["busiest_hours"].as_array().expect("hours");
    assert_eq!(hours.len(), 24);
    assert!(hours.iter().map(|h| h["messages"].as_i64().unwrap_or(0)).sum::<i64>() >= 3);
    let bad = app.as_team(Method::GET, "/api/analytics?days=0", &staff).send().await.expect("r");
    assert_eq!(json_of(bad).await.1["error"]["code"], "invalid_parameter");
}

#[tokio::test]
async fn the_pages_are_served_with_a_strict_content_policy() {
    let app = spawn_demo_app_with(GeneratorChoice::None).await;
    for (path, marker) in [("/", "widget.js"), ("/staff", "Staff console"), ("/kb", "Knowledge base")] {
        let r = app.get(path).await;
        assert_eq!(r.status().as_u16(), 200, "{path}");
        let csp = r.headers()["content-security-policy"].to_str().expect("ascii").to_string();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
        assert!(r.text().await.expect("html").contains(marker), "{path}");
    }
    let js = app.get("/widget.js").await;
    assert_eq!(js.headers()["access-control-allow-origin"], "*", "any shop page may load the widget");
    assert!(!js.text().await.expect("js").contains("innerHTML"), "the widget never parses text as HTML");
}
