//! Conversations: start one, send a message and receive the answer as server-sent events,
//! follow the conversation live, read the history, and give feedback on an answer.
use super::auth::{Viewer, conversation_viewer};
use super::state::AppState;
use crate::auth::signed_by_shop;
use crate::chat::ChatEvent;
use crate::domain::{Email, Language, ShopperText, clean, is_email, mask};
use crate::error::ApiError;
use crate::events::LiveEvent;
use crate::store::{conversations, escalations};
use actix_web::{HttpRequest, HttpResponse, Responder, web};
use actix_web_lab::sse;
use secrecy::ExposeSecret;
use serde::Deserialize;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use uuid::Uuid;

/// A shop page's word for its signed-in shopper: their email and its HMAC-SHA256 with the shop's
/// `orders.shopper_secret`, in hex.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedShopper {
    email: String,
    signature: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NewConversation {
    #[serde(default)]
    shopper: Option<SignedShopper>,
}

/// The shopper a request vouches for, checked against the shop's secret.
fn signed_shopper(state: &AppState, body: &[u8]) -> Result<Option<Email>, ApiError> {
    let bad = |m: &str| ApiError::InvalidParameter(m.to_string());
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let new: NewConversation =
        serde_json::from_slice(body).map_err(|e| bad(&format!("the body is not a new conversation: {e}")))?;
    let Some(shopper) = new.shopper else { return Ok(None) };
    let secret = state.shopper_secret.as_ref().ok_or_else(|| {
        bad("this shop does not accept signed shoppers (orders.shopper_secret is not set); leave `shopper` out")
    })?;
    let email = Email::parse(&shopper.email).map_err(|m| bad(&m))?;
    if !signed_by_shop(secret.expose_secret(), email.as_str(), &shopper.signature) {
        return Err(bad("the shopper's signature does not match their email; sign it with orders.shopper_secret"));
    }
    Ok(Some(email))
}

/// Starts a conversation. The token in the answer must accompany every later request about it.
/// A shop page may vouch for its signed-in shopper (`{"shopper": {"email", "signature"}}`):
/// their orders then open with the order number alone.
pub async fn create(state: web::Data<AppState>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    state.limits.client(&req)?;
    let shopper = signed_shopper(&state, &body)?;
    let (id, token) = state.chat.conversations().create_for(shopper).await;
    Ok(HttpResponse::Created().json(serde_json::json!({ "id": id, "token": token })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    text: String,
    /// The client's id for the message (a UUID it makes): sending it again after a failure
    /// can never ask the same question twice.
    #[serde(default)]
    id: Option<Uuid>,
}

fn event<T: serde::Serialize>(name: &'static str, value: &T) -> sse::Event {
    let data = sse::Data::new_json(value).unwrap_or_else(|_| sse::Data::new("{}"));
    sse::Event::Data(data.event(name))
}

fn to_sse(ev: ChatEvent) -> sse::Event {
    let name = match &ev {
        ChatEvent::Writing => return sse::Event::Comment("writing".into()),
        ChatEvent::Token { .. } => "token",
        ChatEvent::Sources { .. } => "sources",
        ChatEvent::Status(_) => "status",
        ChatEvent::Done(_) => "done",
        ChatEvent::Error { .. } => "error",
    };
    event(name, &ev)
}

/// The answer streams as `sources` (the cards, at once), `token` events (a checked sentence
/// each), `sources` again (what the answer used), then `done` (or `error`); `status` says
/// when a person was asked to join or owns the conversation (Aisle then stays silent).
pub async fn send(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<Uuid>,
    body: web::Json<NewMessage>,
) -> Result<impl Responder, ApiError> {
    let id = path.into_inner();
    state.limits.client(&req)?;
    if let Viewer::Team = conversation_viewer(&req, &state, id).await? {
        return Err(ApiError::Forbidden(
            "only the shopper writes here; staff reply with POST /api/staff/conversations/{id}/messages".into(),
        ));
    }
    state.limits.conversation(id)?;
    let text = ShopperText::parse(&body.text).map_err(ApiError::InvalidMessage)?;
    let mut events = state.chat.reply(id, text, body.id).await?;
    let stream = async_stream::stream! {
        while let Some(ev) = events.recv().await {
            yield to_sse(ev);
        }
    };
    Ok(sse::Sse::from_infallible_stream(stream).with_keep_alive(Duration::from_secs(15)))
}

/// Everything that happens in the conversation from now on, whichever process it happens in:
/// `message` (from the shopper, Aisle or a person) and `status` (a person joined, left, resolved).
/// The first event is the current status.
pub async fn live(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<Uuid>,
) -> Result<impl Responder, ApiError> {
    let id = path.into_inner();
    conversation_viewer(&req, &state, id).await?;
    let mut rx = state.hub.subscribe(id);
    let first = state.escalation.status_event(id).await;
    let stream = async_stream::stream! {
        if let Some(s) = first {
            yield event("status", &s);
        }
        loop {
            match rx.recv().await {
                Ok(LiveEvent::Message(m)) => yield event("message", &m),
                Ok(LiveEvent::Status(s)) => yield event("status", &s),
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            }
        }
    };
    Ok(sse::Sse::from_infallible_stream(stream).with_keep_alive(Duration::from_secs(15)))
}

pub async fn history(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let viewer = conversation_viewer(&req, &state, id).await?;
    let messages = conversations::messages(&state.pool, id).await?;
    let st = escalations::state(&state.pool, id).await?;
    let Some(st) = st else { return Err(ApiError::UnknownConversation) };
    let mut body = serde_json::json!({ "id": id, "status": st.status, "language": st.language, "messages": messages });
    if let Viewer::Team = viewer {
        body["summary"] = serde_json::json!(st.summary);
        body["reason"] = serde_json::json!(st.reason);
        body["assignee"] = serde_json::json!(st.assignee_name);
        body["escalated_at"] = serde_json::json!(st.escalated_at);
        body["contact_email"] = serde_json::json!(st.contact_email);
    }
    Ok(HttpResponse::Ok().json(body))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    rating: String,
    comment: Option<String>,
}

pub async fn feedback(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<Uuid>,
    body: web::Json<Feedback>,
) -> Result<HttpResponse, ApiError> {
    state.limits.client(&req)?;
    if body.rating != "up" && body.rating != "down" {
        return Err(ApiError::InvalidParameter("rating must be \"up\" or \"down\"".into()));
    }
    // A comment is optional (a blank one is none) and follows the rules of a message.
    let comment = body.comment.as_deref().filter(|c| !c.trim().is_empty());
    let comment =
        comment.map(|c| ShopperText::parse_as("the comment", c)).transpose().map_err(ApiError::InvalidParameter)?;
    let message = path.into_inner();
    let conversation = conversations::conversation_of(&state.pool, message).await?.ok_or(ApiError::UnknownMessage)?;
    conversation_viewer(&req, &state, conversation).await?;
    let comment = comment.map(|c| mask(c.as_str()));
    let found = conversations::feedback(&state.pool, message, &body.rating, comment.as_deref()).await?;
    if found { Ok(HttpResponse::NoContent().finish()) } else { Err(ApiError::UnknownMessage) }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    email: String,
}

/// An email the shopper leaves when nobody can join now; staff see it with the conversation.
pub async fn contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<Uuid>,
    body: web::Json<Contact>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    state.limits.client(&req)?;
    conversation_viewer(&req, &state, id).await?;
    let email = clean("the email", &body.email).map_err(|e| ApiError::InvalidParameter(e.to_string()))?;
    let email = email.trim();
    if !is_email(email) {
        return Err(ApiError::InvalidParameter(format!("`{email}` does not look like an email address")));
    }
    if !escalations::set_contact(&state.pool, id, email).await? {
        return Err(ApiError::UnknownConversation);
    }
    let lang = state.chat.conversations().language(id);
    let said = crate::prompts::fill(&state.prompts.texts(lang).replies.contact_saved, &[("email", email)]);
    Ok(HttpResponse::Ok().json(serde_json::json!({ "email": email, "text": said })))
}

#[derive(Deserialize)]
pub struct TextsQuery {
    /// The languages the page or browser prefers, best first: `fr`, `fr-CA,en`.
    #[serde(default)]
    lang: String,
}

/// The widget's own strings in the first language asked for that Aisle speaks (else English;
/// `matched` says which, so the widget can follow the conversation's language instead).
pub async fn widget_texts(state: web::Data<AppState>, query: web::Query<TextsQuery>) -> HttpResponse {
    let asked = query.lang.split(',').find_map(Language::from_locale);
    let lang = asked.unwrap_or_default();
    HttpResponse::Ok().insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=300")).json(
        serde_json::json!({ "lang": lang, "matched": asked.is_some(), "texts": state.prompts.texts(lang).widget }),
    )
}
