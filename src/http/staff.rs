//! Support staff: the escalation queue, claiming, replying live, handing back and resolving;
//! admins: tokens; the team: analytics.
use crate::auth::{Caller, Role, hash, new_token};
use crate::chat::mask;
use crate::error::ApiError;
use crate::startup::AppState;
use crate::store::{analytics, conversations, escalations, tokens};
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

fn db(_: sqlx::Error) -> ApiError {
    ApiError::DatabaseUnavailable
}

fn not_claimed() -> ApiError {
    ApiError::Conflict {
        code: "not_claimed",
        message: "you have not claimed this conversation; claim it from the queue first".into(),
    }
}

pub async fn queue(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let waiting = escalations::queue(&state.pool).await.map_err(db)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversations": waiting })))
}

/// Takes the conversation waiting longest; `conversation_id` is null when nobody is waiting.
pub async fn claim_next(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let claimed = escalations::claim(&state.pool, None, caller.id).await.map_err(db)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": claimed })))
}

pub async fn claim(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let id = path.into_inner();
    match escalations::claim(&state.pool, Some(id), caller.id).await.map_err(db)? {
        Some(_) => Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": id }))),
        None => Err(ApiError::Conflict {
            code: "already_claimed",
            message: "this conversation is not waiting: someone else claimed it, or it was never escalated".into(),
        }),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    text: String,
}

/// A person's reply: stored, and streamed to the shopper at once.
pub async fn reply(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
    body: web::Json<Reply>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let id = path.into_inner();
    let text = body.text.trim();
    if text.is_empty() || text.chars().count() > crate::chat::MAX_MESSAGE_CHARS {
        return Err(ApiError::InvalidMessage(format!(
            "a reply must have between 1 and {} characters",
            crate::chat::MAX_MESSAGE_CHARS
        )));
    }
    let st = escalations::state(&state.pool, id).await.map_err(db)?.ok_or(ApiError::UnknownConversation)?;
    if st.status != "staff" || (st.assignee != Some(caller.id) && caller.role != Role::Admin) {
        return Err(not_claimed());
    }
    let m = conversations::MessageRow {
        author: Some(caller.name.clone()),
        ..conversations::MessageRow::new(id, "staff", mask(text))
    };
    conversations::insert_message(&state.pool, &m).await.map_err(db)?;
    Ok(HttpResponse::Created().json(m))
}

async fn close(state: &AppState, caller: &Caller, id: Uuid, outcome: &str) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let admin = caller.role == Role::Admin;
    if escalations::close(&state.pool, id, caller.id, admin, outcome).await.map_err(db)? {
        Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": id, "outcome": outcome })))
    } else {
        Err(not_claimed())
    }
}

/// Aisle answers again.
pub async fn release(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    close(&state, &caller, path.into_inner(), "handed_back").await
}

pub async fn resolve(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    close(&state, &caller, path.into_inner(), "resolved").await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    days: Option<i32>,
}

pub async fn report(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<Window>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff, Role::Editor])?;
    let days = q.days.unwrap_or(30);
    if !(1..=366).contains(&days) {
        return Err(ApiError::InvalidParameter("days must be between 1 and 366".into()));
    }
    Ok(HttpResponse::Ok().json(analytics::report(&state.pool, days).await.map_err(db)?))
}

pub async fn list_tokens(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "tokens": tokens::list(&state.pool).await.map_err(db)? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    name: String,
    role: Role,
}

/// Makes a token; the secret is in this answer only.
pub async fn create_token(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewToken>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::InvalidParameter("name must have between 1 and 100 characters".into()));
    }
    let token = new_token("aisle");
    let id = tokens::create(&state.pool, name, body.role.as_str(), &hash(&token)).await.map_err(db)?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "id": id, "name": name, "role": body.role, "token": token })))
}

pub async fn revoke_token(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    match tokens::revoke(&state.pool, &path.into_inner().to_string()).await.map_err(db)? {
        0 => Err(ApiError::NotFound),
        _ => Ok(HttpResponse::NoContent().finish()),
    }
}
