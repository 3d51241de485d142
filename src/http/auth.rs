//! Reading who is asking from a request: `Authorization: Bearer <token>` for the team,
//! `X-Conversation-Token` for a shopper.
use super::state::AppState;
use crate::auth::{Caller, Role, authenticate};
use crate::error::ApiError;
use actix_web::{FromRequest, HttpRequest, web};
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

pub const CONVERSATION_HEADER: &str = "x-conversation-token";

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(actix_web::http::header::AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_string())
}

/// The conversation token a shopper sent, if any.
fn conversation_token(req: &HttpRequest) -> Option<String> {
    Some(req.headers().get(CONVERSATION_HEADER)?.to_str().ok()?.trim().to_string())
}

/// The team member whose bearer token this is; `Ok(None)` when none was sent.
pub(super) async fn caller(req: &HttpRequest, state: &AppState) -> Result<Option<Caller>, ApiError> {
    let Some(token) = bearer(req) else { return Ok(None) };
    Ok(Some(authenticate(&state.pool, &token).await?))
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state =
                req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal(anyhow::anyhow!("no state")))?;
            caller(&req, state).await?.ok_or(ApiError::Unauthorized(
                "sign in: send `Authorization: Bearer <token>` (an admin makes tokens with `aisle token create`)",
            ))
        })
    }
}

/// Either a team member or whoever holds the conversation's token.
pub enum Viewer {
    Team,
    Shopper,
}

/// Lets staff (and admins) in, or the shopper whose conversation this is.
pub async fn conversation_viewer(req: &HttpRequest, state: &AppState, conversation: Uuid) -> Result<Viewer, ApiError> {
    if let Some(c) = caller(req, state).await? {
        c.require(&[Role::Staff])?;
        return Ok(Viewer::Team);
    }
    let token = conversation_token(req).ok_or(ApiError::Unauthorized(
        "send the conversation token you got when the conversation started, as X-Conversation-Token",
    ))?;
    state.chat.conversations().check_token(conversation, &crate::auth::hash(&token)).await?;
    Ok(Viewer::Shopper)
}
