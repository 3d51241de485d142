//! `POST /v1/chat/completions`: the OpenAI protocol, so existing clients can talk to Aisle.
//!
//! `model: "aisle"` (or none) asks the agent: retrieval, grounding and logging as in the chat.
//! Any other model name is a plain completion of the given messages by this server's model,
//! which is what another Aisle uses when it generates remotely: it needs a token with the `api`
//! (or admin) role, which the other Aisle sends as its `remote_api_key`.
use super::auth::caller;
use super::state::AppState;
use crate::auth::Role as TeamRole;
use crate::chat::ChatEvent;
use crate::domain::ShopperText;
use crate::error::ApiError;
use crate::llm::{ChatMessage, GenError, GenEvent, GenRequest, Role, StopReason};
use actix_web::{HttpResponse, web};
use actix_web_lab::sse;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::mpsc::{Receiver, channel};

#[derive(Deserialize)]
pub struct CompletionRequest {
    model: Option<String>,
    messages: Vec<InMessage>,
    #[serde(default)]
    stream: bool,
    max_tokens: Option<u32>,
}

#[derive(Deserialize)]
struct InMessage {
    role: String,
    content: String,
}

/// What both modes produce: text, then the end (or an error).
enum Piece {
    Text(String),
    End { finish: &'static str, prompt_tokens: u32, completion_tokens: u32 },
    Failed(String),
}

/// The protocol's `finish_reason`: the model ended (`stop`), or a limit did, whether the token
/// budget or the context window (`length`).
fn finish_reason(stop: StopReason) -> &'static str {
    match stop {
        StopReason::End => "stop",
        StopReason::Length | StopReason::Context => "length",
    }
}

fn role(r: &str) -> Result<Role, ApiError> {
    match r {
        "system" => Ok(Role::System),
        "user" => Ok(Role::User),
        "assistant" => Ok(Role::Assistant),
        other => Err(ApiError::InvalidParameter(format!("message role `{other}` is not system, user or assistant"))),
    }
}

async fn agent(state: &AppState, messages: Vec<(Role, String)>) -> Result<Receiver<Piece>, ApiError> {
    let Some(((Role::User, question), earlier)) = messages.split_last() else {
        return Err(ApiError::InvalidMessage("the last message must be the shopper's (role `user`)".into()));
    };
    let history = earlier.iter().filter(|(r, _)| *r != Role::System).cloned().collect();
    let question = ShopperText::parse(question).map_err(ApiError::InvalidMessage)?;
    let conversation = state.chat.conversations().create_with_history(history).await;
    let mut events = state.chat.reply(conversation, question, None).await?;
    let (tx, rx) = channel(64);
    tokio::spawn(async move {
        while let Some(ev) = events.recv().await {
            let piece = match ev {
                ChatEvent::Token { text } => Piece::Text(text),
                ChatEvent::Sources { .. } | ChatEvent::Status(_) | ChatEvent::Writing => continue,
                ChatEvent::Done(d) => Piece::End {
                    finish: d.usage.as_ref().map_or("stop", |u| finish_reason(u.stop)),
                    prompt_tokens: d.usage.as_ref().map_or(0, |u| u.prompt_tokens),
                    completion_tokens: d.usage.as_ref().map_or(0, |u| u.generated_tokens),
                },
                ChatEvent::Error { message, .. } => Piece::Failed(message),
            };
            if tx.send(piece).await.is_err() {
                return;
            }
        }
    });
    Ok(rx)
}

fn plain(state: &AppState, messages: Vec<(Role, String)>, max_tokens: u32) -> Result<Receiver<Piece>, ApiError> {
    let generator = state.chat.generator().cloned().ok_or(ApiError::ModelUnavailable)?;
    let messages = messages.into_iter().map(|(role, content)| ChatMessage { role, content }).collect();
    let mut events = generator.generate(GenRequest { messages, max_tokens, greedy: false }).map_err(|e| match e {
        GenError::Busy => ApiError::Overloaded,
        GenError::Unavailable(_) => ApiError::ModelUnavailable,
    })?;
    let (tx, rx) = channel(64);
    tokio::spawn(async move {
        while let Some(ev) = events.recv().await {
            let piece = match ev {
                GenEvent::Token(t) => Piece::Text(t),
                GenEvent::Done(u) => Piece::End {
                    finish: finish_reason(u.stop),
                    prompt_tokens: u.prompt_tokens,
                    completion_tokens: u.generated_tokens,
                },
                GenEvent::Failed(e) => Piece::Failed(e),
            };
            if tx.send(piece).await.is_err() {
                return; // the client left: dropping `events` stops the generation
            }
        }
    });
    Ok(rx)
}

pub async fn completions(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<CompletionRequest>,
) -> Result<HttpResponse, ApiError> {
    // The same per-address budget as the widget: this endpoint also makes the model work.
    state.limits.client(&req)?;
    let body = body.into_inner();
    if body.messages.is_empty() {
        return Err(ApiError::InvalidMessage("messages is empty".into()));
    }
    let messages =
        body.messages.into_iter().map(|m| Ok((role(&m.role)?, m.content))).collect::<Result<Vec<_>, ApiError>>()?;
    let model = body.model.unwrap_or_else(|| "aisle".into());
    let max_tokens = body.max_tokens.unwrap_or(256).clamp(1, 2048);
    let mut pieces = if model == "aisle" {
        agent(&state, messages).await?
    } else {
        // A plain completion is the model for anyone who asks: only for a program with a token.
        let who = caller(&req, &state).await?.ok_or(ApiError::Unauthorized(
            "plain completions need a token: send `Authorization: Bearer <token>` with an api token (`aisle token create --role api`), or use the model `aisle`",
        ))?;
        who.require(&[TeamRole::Api])?;
        plain(&state, messages, max_tokens)?
    };
    let id = format!("chatcmpl-{}", uuid::Uuid::new_v4().simple());
    let created = chrono::Utc::now().timestamp();
    if body.stream {
        let chunk = move |delta: serde_json::Value, finish: Option<&str>| {
            json!({ "id": id, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": [{ "index": 0, "delta": delta, "finish_reason": finish }] })
        };
        let stream = async_stream::stream! {
            yield sse::Event::Data(sse::Data::new_json(chunk(json!({"role": "assistant"}), None)).unwrap_or_else(|_| sse::Data::new("{}")));
            while let Some(p) = pieces.recv().await {
                let data = match p {
                    Piece::Text(t) => chunk(json!({ "content": t }), None),
                    Piece::End { finish, .. } => chunk(json!({}), Some(finish)),
                    Piece::Failed(e) => json!({ "error": { "message": e, "code": "generation_failed" } }),
                };
                yield sse::Event::Data(sse::Data::new_json(data).unwrap_or_else(|_| sse::Data::new("{}")));
            }
            yield sse::Event::Data(sse::Data::new("[DONE]"));
        };
        return Ok(
            actix_web::Responder::respond_to(sse::Sse::from_infallible_stream(stream), &req).map_into_boxed_body()
        );
    }
    let mut content = String::new();
    while let Some(p) = pieces.recv().await {
        match p {
            Piece::Text(t) => content.push_str(&t),
            Piece::End { finish, prompt_tokens, completion_tokens } => {
                return Ok(HttpResponse::Ok().json(json!({
                    "id": id, "object": "chat.completion", "created": created, "model": model,
                    "choices": [{ "index": 0, "message": { "role": "assistant", "content": content }, "finish_reason": finish }],
                    "usage": { "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                               "total_tokens": prompt_tokens + completion_tokens },
                })));
            }
            Piece::Failed(e) => return Err(ApiError::internal(anyhow::anyhow!(e))),
        }
    }
    Err(ApiError::internal(anyhow::anyhow!("the answer ended without finishing")))
}
