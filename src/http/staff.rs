//! Support staff: the escalation queue, claiming, replying live, handing back and resolving;
//! admins: tokens; the team: analytics.
use super::state::AppState;
use crate::auth::{Caller, Role, hash, new_token};
use crate::domain::{Outcome, clean};
use crate::error::ApiError;
use crate::escalation;
use crate::store::{analytics, escalations, tokens};
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

pub async fn queue(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    // The console refreshes the queue every few seconds: that is its person's heartbeat.
    tokens::seen_at_work(&state.pool, caller.id).await?;
    let waiting = escalations::queue(&state.pool).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversations": waiting })))
}

/// Takes the conversation waiting longest; `conversation_id` is null when nobody is waiting.
pub async fn claim_next(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let claimed = escalation::claim_next(&state.pool, &caller).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": claimed })))
}

pub async fn claim(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let id = path.into_inner();
    escalation::claim(&state.pool, &caller, id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": id })))
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
    let m = escalation::reply(&state.pool, &state.log, &caller, path.into_inner(), &body.text).await?;
    Ok(HttpResponse::Created().json(m))
}

async fn close(state: &AppState, caller: &Caller, id: Uuid, outcome: Outcome) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    escalation::close(&state.pool, caller, id, outcome).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversation_id": id, "outcome": outcome })))
}

/// Aisle answers again.
pub async fn release(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    close(&state, &caller, path.into_inner(), Outcome::HandedBack).await
}

pub async fn resolve(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    close(&state, &caller, path.into_inner(), Outcome::Resolved).await
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
    Ok(HttpResponse::Ok().json(analytics::report(&state.pool, days).await?))
}

pub async fn list_tokens(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "tokens": tokens::list(&state.pool).await? })))
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
    let name = clean("name", &body.name).map_err(|e| ApiError::InvalidParameter(e.to_string()))?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::InvalidParameter("name must have between 1 and 100 characters".into()));
    }
    let token = new_token("aisle");
    let id = tokens::create(&state.pool, name, body.role.as_str(), &hash(&token)).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "id": id, "name": name, "role": body.role, "token": token })))
}

pub async fn revoke_token(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    match tokens::revoke(&state.pool, &path.into_inner().to_string()).await? {
        0 => Err(ApiError::NotFound),
        _ => Ok(HttpResponse::NoContent().finish()),
    }
}
