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
    let remote = Arc::new(RemoteGenerator::new(&b.address, "qwen-on-b", Some(key), 0.2));
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

/// A generation server that behaves as llama.cpp's does: it answers a request, advertises
/// keep-alive, and closes the connection when the next request arrives on it, unanswered.
async fn closing_server() -> (String, Arc<std::sync::Mutex<Vec<Value>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let answered = Arc::new(std::sync::Mutex::new(Vec::new()));
    let count = answered.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let count = count.clone();
            tokio::spawn(async move {
                // Read one request: the headers, then the body they announce.
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                let body_at = loop {
                    let Ok(n) = socket.read(&mut buf).await else { return };
                    if n == 0 {
                        return;
                    }
                    request.extend_from_slice(&buf[..n]);
                    if let Some(i) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                        break i + 4;
                    }
                };
                let head = String::from_utf8_lossy(&request[..body_at]).to_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                while request.len() < body_at + length {
                    match socket.read(&mut buf).await {
                        Ok(n) if n > 0 => request.extend_from_slice(&buf[..n]),
                        _ => return,
                    }
                }
                let chunk = |text: &str| {
                    format!("data: {}\n\n", json!({"choices": [{"delta": {"content": text}, "finish_reason": null}]}))
                };
                // The last chunk says what the server read of the prompt and what it had kept.
                let timings = json!({"choices": [{"delta": {}, "finish_reason": "stop"}],
                    "timings": {"cache_n": 30, "prompt_n": 12, "predicted_n": 2}});
                let body = format!("{}{}data: {timings}\n\ndata: [DONE]\n\n", chunk("Hello "), chunk("there."));
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: keep-alive\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                if socket.write_all(response.as_bytes()).await.is_err() {
                    return;
                }
                let sent = serde_json::from_slice(&request[body_at..]).unwrap_or(Value::Null);
                count.lock().expect("requests").push(sent);
                // The next request on this connection is read and not answered: the connection closes.
                let _ = socket.read(&mut buf).await;
            });
        }
    });
    (address, answered)
}

#[tokio::test]
async fn a_remote_that_closes_kept_alive_connections_still_answers_every_request() {
    use aisle::llm::{ChatMessage, GenRequest, Role, complete};
    let (address, answered) = closing_server().await;
    let remote = Arc::new(RemoteGenerator::new(&address, "llama", None, 0.2));
    for turn in 1..=3 {
        let req = GenRequest {
            messages: vec![ChatMessage { role: Role::User, content: format!("question {turn}") }],
            max_tokens: 16,
            greedy: false,
        };
        let (text, usage) = complete(&remote, req).await.unwrap_or_else(|e| panic!("turn {turn}: {e}"));
        assert_eq!(text, "Hello there.", "turn {turn}");
        assert_eq!(usage.generated_tokens, 2);
        assert_eq!((usage.prompt_tokens, usage.cached_tokens), (42, 30), "turn {turn}: the server's own counts");
    }
    let answered = answered.lock().expect("requests");
    assert_eq!(answered.len(), 3, "each question answered once");
    // The remote samples as Aisle's own engine would.
    assert_eq!(answered[0]["temperature"], 0.2);
    assert_eq!(answered[0]["top_k"], 40);
    assert_eq!(answered[0]["top_p"], 0.9);
    assert_eq!(answered[0]["min_p"], 0.0, "llama.cpp's server would otherwise cut at min-p 0.05");
    assert_eq!(answered[2]["messages"][0]["content"], "question 3");
}
