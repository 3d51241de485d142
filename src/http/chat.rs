//! Conversations: start one, send a message and receive the answer as server-sent events,
//! read the history, and give feedback on an answer.
use crate::chat::{ChatError, ChatEvent};
use crate::error::ApiError;
use crate::startup::AppState;
use crate::store::conversations;
use actix_web::{HttpResponse, Responder, web};
use actix_web_lab::sse;
use serde::Deserialize;
use std::time::Duration;
use uuid::Uuid;

impl From<ChatError> for ApiError {
    fn from(e: ChatError) -> Self {
        match e {
            ChatError::UnknownConversation => ApiError::UnknownConversation,
            ChatError::InvalidMessage(m) => ApiError::InvalidMessage(m),
            ChatError::Busy => ApiError::Overloaded,
            ChatError::ModelUnavailable(_) => ApiError::ModelUnavailable,
            ChatError::Search(crate::retrieval::SearchError::NotReady) => ApiError::NotReady,
            other => ApiError::Internal(other.into()),
        }
    }
}

pub async fn create(state: web::Data<AppState>) -> HttpResponse {
    let id = state.chat.create().await;
    HttpResponse::Created().json(serde_json::json!({ "id": id }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    text: String,
}

fn to_sse(ev: ChatEvent) -> sse::Event {
    let name = match &ev {
        ChatEvent::Token { .. } => "token",
        ChatEvent::Sources { .. } => "sources",
        ChatEvent::Done(_) => "done",
        ChatEvent::Error { .. } => "error",
    };
    let data = sse::Data::new_json(&ev).unwrap_or_else(|_| sse::Data::new("{}"));
    sse::Event::Data(data.event(name))
}

/// The answer streams as `token` events, then `sources`, then `done` (or `error`).
pub async fn send(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: web::Json<NewMessage>,
) -> Result<impl Responder, ApiError> {
    let mut events = state.chat.reply(path.into_inner(), &body.text).await?;
    let stream = async_stream::stream! {
        while let Some(ev) = events.recv().await {
            yield to_sse(ev);
        }
    };
    Ok(sse::Sse::from_infallible_stream(stream).with_keep_alive(Duration::from_secs(15)))
}

pub async fn history(state: web::Data<AppState>, path: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let messages = conversations::messages(&state.pool, id).await.map_err(|_| ApiError::DatabaseUnavailable)?;
    if messages.is_empty()
        && !conversations::exists(&state.pool, id).await.map_err(|_| ApiError::DatabaseUnavailable)?
    {
        return Err(ApiError::UnknownConversation);
    }
    Ok(HttpResponse::Ok().json(serde_json::json!({ "id": id, "messages": messages })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    rating: String,
    comment: Option<String>,
}

pub async fn feedback(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: web::Json<Feedback>,
) -> Result<HttpResponse, ApiError> {
    if body.rating != "up" && body.rating != "down" {
        return Err(ApiError::InvalidParameter("rating must be \"up\" or \"down\"".into()));
    }
    let comment = body.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::InvalidParameter("the comment is longer than 2000 characters".into()));
    }
    let comment = comment.map(crate::chat::mask);
    let found = conversations::feedback(&state.pool, path.into_inner(), &body.rating, comment.as_deref())
        .await
        .map_err(|_| ApiError::DatabaseUnavailable)?;
    if found { Ok(HttpResponse::NoContent().finish()) } else { Err(ApiError::UnknownMessage) }
}
