//! The OpenAI-compatible endpoint, and one Aisle generating for another through it.
use crate::helpers::{fake, spawn_demo_app_with};
use aisle::llm::{FakeGenerator, RemoteGenerator};
use aisle::startup::GeneratorChoice;
use serde_json::{Value, json};
use std::sync::Arc;

/// Three sentences: an agent's answer streams a checked sentence at a time.
const REPLY: &str = "The Beats Flex Wireless Earphones cost $49.99 [1]. They are in stock [1]. Anything else?";

async fn logged(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM messages").fetch_one(pool).await.expect("count")
}

#[tokio::test]
async fn an_openai_client_gets_the_agents_answer_whole_or_streamed() {
    let app = spawn_demo_app_with(fake(REPLY)).await;
    let url = format!("{}/v1/chat/completions", app.address);
    let question = json!([{ "role": "user", "content": "are there cordless earbuds?" }]);
    let whole: Value = app
        .client
        .post(&url)
        .json(&json!({ "model": "aisle", "messages": question }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(whole["object"], "chat.completion");
    assert_eq!(whole["choices"][0]["message"]["content"], REPLY);
    assert_eq!(whole["choices"][0]["finish_reason"], "stop");
    assert_eq!(logged(&app.pool).await, 2, "the agent logs the turn");

    let body = app
        .client
        .post(&url)
        .json(&json!({ "messages": question, "stream": true }))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    let data: Vec<&str> = body.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
    assert_eq!(data.last(), Some(&"[DONE]"));
    let text: String = data
        .iter()
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v["choices"][0]["delta"]["content"].as_str().map(str::to_string))
        .collect();
    assert_eq!(text, REPLY);
    assert!(data.len() > 4, "streamed in pieces: {data:?}");

    let bad = app
        .client
        .post(&url)
        .json(&json!({ "messages": [{ "role": "robot", "content": "hi" }] }))
        .send()
        .await
        .expect("request");
    assert_eq!(bad.status().as_u16(), 400);
}

#[tokio::test]
async fn one_aisle_generates_the_answers_of_another() {
    // B has the model; A retrieves, grounds and logs, and asks B only to generate.
    let b = spawn_demo_app_with(fake(REPLY)).await;
    // B lets only programs with its token use its model (A's `llm.remote_api_key`).
    let key = secrecy::SecretString::from(b.token("api", "Aisle A").await);
    let remote = Arc::new(RemoteGenerator::new(&b.address, "qwen-on-b", Some(key)));
    let a = spawn_demo_app_with(GeneratorChoice::Given(Arc::new(remote))).await;
    let c = a.new_conversation().await;
    let evs = a.ask(&c, "are there cordless earbuds?").await;
    let text: String = evs.iter().filter(|e| e.event == "token").filter_map(|e| e.data["text"].as_str()).collect();
    assert_eq!(text, REPLY);
    let sources = &evs.iter().find(|e| e.event == "sources").expect("sources").data["sources"];
    assert_eq!(sources[0]["product"]["sku"], "MOB-BEA-BEA-107", "A grounds the answer in its catalog");
    let model: String = sqlx::query_scalar("SELECT model FROM messages WHERE role = 'assistant'")
        .fetch_one(&a.pool)
        .await
        .expect("row");
    assert_eq!(model, "qwen-on-b");
    assert_eq!(logged(&b.pool).await, 0, "B only generated: the conversation is A's");
}

#[tokio::test]
async fn a_full_context_window_finishes_with_length_in_both_modes() {
    // A context of 60 tokens: the agent's prompt alone fills it; a plain prompt leaves room for a
    // few words of a long reply. Either way the answer was cut by a limit, not ended by the model.
    let long_reply = "word ".repeat(100);
    let generator = FakeGenerator { context: Some(60), ..FakeGenerator::new(&long_reply) };
    let app = spawn_demo_app_with(GeneratorChoice::Given(Arc::new(generator))).await;
    let url = format!("{}/v1/chat/completions", app.address);
    let key = app.token("api", "A client").await;
    let finish = |model: &'static str, question: &'static str| {
        let body = json!({ "model": model, "messages": [{ "role": "user", "content": question }] });
        let request = app.client.post(&url).bearer_auth(&key).json(&body).send();
        async move {
            let v: Value = request.await.expect("request").json().await.expect("json");
            v["choices"][0]["finish_reason"].clone()
        }
    };
    // A question the catalog cannot answer by itself, so the model writes.
    assert_eq!(finish("aisle", "Tell me about the Beats Flex earphones").await, "length", "agent mode");
    assert_eq!(finish("qwen", "hello there").await, "length", "plain mode");
}
