//! Product descriptions: grounded drafts stored for review.
use crate::helpers::{fake, real_generator, spawn_demo_app_with};
use aisle::startup::GeneratorChoice;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_draft_that_invents_a_fact_is_flagged_for_review() {
    let app = spawn_demo_app_with(fake("A vegan mascara that lasts 24 hours, only $9.99.")).await;
    let editor = app.token("editor", "Eve").await;
    let path = "/api/products/BEA-ESS-ESS-001/descriptions";
    let r = app
        .as_team(Method::POST, path, &editor)
        .json(&json!({ "variants": 2, "tone": "playful", "length": "short" }))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status().as_u16(), 201);
    let body: Value = r.json().await.expect("json");
    let drafts = body["drafts"].as_array().expect("drafts");
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0]["status"], "flagged");
    assert_eq!(drafts[0]["unsupported"], json!(["24", "9.99", "vegan"]));
    let stored: Value =
        app.as_team(Method::GET, path, &editor).send().await.expect("request").json().await.expect("json");
    assert_eq!(stored["drafts"].as_array().map(Vec::len), Some(2), "kept for review");
}

#[tokio::test]
async fn describing_needs_a_real_product_and_sane_options() {
    let app = spawn_demo_app_with(fake("Nice.")).await;
    let editor = app.token("editor", "Eve").await;
    let post = |sku: &str, body: Value| {
        app.as_team(Method::POST, &format!("/api/products/{sku}/descriptions"), &editor).json(&body).send()
    };
    let missing = post("NOPE-1", json!({})).await.expect("request");
    assert_eq!(missing.json::<Value>().await.expect("json")["error"]["code"], "product_not_found");
    let bad = post("BEA-ESS-ESS-001", json!({ "variants": 9 })).await.expect("request");
    assert_eq!(bad.status().as_u16(), 400);
    let bad_tone = post("BEA-ESS-ESS-001", json!({ "tone": "angry" })).await.expect("request");
    assert_eq!(bad_tone.json::<Value>().await.expect("json")["error"]["code"], "invalid_parameter");
}

#[tokio::test]
async fn the_real_model_drafts_a_description_from_catalog_fields() {
    let app = spawn_demo_app_with(GeneratorChoice::Given(real_generator())).await;
    let editor = app.token("editor", "Eve").await;
    let r = app
        .as_team(Method::POST, "/api/products/FUR-KNO-KNO-014/descriptions", &editor)
        .json(&json!({ "length": "short", "tone": "professional" }))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status().as_u16(), 201);
    let body: Value = r.json().await.expect("json");
    let draft = &body["drafts"][0];
    let text = draft["text"].as_str().unwrap_or_default();
    assert!(text.split_whitespace().count() >= 10, "a real description: {text}");
    assert!(text.to_lowercase().contains("chair"), "about the product: {text}");
    assert!(draft["status"] == "draft" || draft["status"] == "flagged", "{draft}");
}

#[tokio::test]
async fn only_editors_can_make_the_model_write_descriptions() {
    let app = spawn_demo_app_with(fake("Nice.")).await;
    let path = "/api/products/BEA-ESS-ESS-001/descriptions";
    let anyone = app.client.post(format!("{}{path}", app.address)).json(&json!({})).send().await.expect("request");
    assert_eq!(anyone.status().as_u16(), 401);
    assert_eq!(anyone.json::<Value>().await.expect("json")["error"]["code"], "unauthorized");
    let staff = app.token("staff", "Sam").await;
    let r = app.as_team(Method::POST, path, &staff).json(&json!({})).send().await.expect("request");
    assert_eq!(r.status().as_u16(), 403, "staff answer shoppers; editors write the catalog");
    let listed = app.client.get(format!("{}{path}", app.address)).send().await.expect("request");
    assert_eq!(listed.status().as_u16(), 401, "drafts are for review, not for anyone");
}
