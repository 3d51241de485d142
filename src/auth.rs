//! Who is asking. Staff, editors and admins send `Authorization: Bearer <token>` (tokens are
//! made with `aisle token create` and stored only as hashes); shoppers send the conversation token
//! they got when the conversation started, as `X-Conversation-Token`.
use crate::error::ApiError;
use crate::startup::AppState;
use crate::store::tokens;
use actix_web::{FromRequest, HttpRequest, web};
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including tokens.
    Admin,
    /// The knowledge base and catalog import.
    Editor,
    /// The escalation queue and conversations.
    Staff,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Staff => "staff",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Role::Admin),
            "editor" => Some(Role::Editor),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

pub const CONVERSATION_HEADER: &str = "x-conversation-token";

/// A new secret: 32 random bytes, hex, with a prefix that makes a leaked one easy to recognise.
pub fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}_{hex}")
}

pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A signed-in member of the team.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
}

impl Caller {
    /// Admins may do everything; everyone else only what their role names.
    pub fn require(&self, allowed: &[Role]) -> Result<(), ApiError> {
        if self.role == Role::Admin || allowed.contains(&self.role) {
            Ok(())
        } else {
            let needed: Vec<&str> = allowed.iter().map(|r| r.as_str()).collect();
            Err(ApiError::Forbidden(format!(
                "this needs the {} role and your token has the {} role",
                needed.join(" or "),
                self.role.as_str()
            )))
        }
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(actix_web::http::header::AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_string())
}

/// The conversation token a shopper sent, if any.
pub fn conversation_token(req: &HttpRequest) -> Option<String> {
    Some(req.headers().get(CONVERSATION_HEADER)?.to_str().ok()?.trim().to_string())
}

/// Looks up the bearer token; `Ok(None)` when none was sent.
pub async fn caller(req: &HttpRequest) -> Result<Option<Caller>, ApiError> {
    let Some(token) = bearer(req) else { return Ok(None) };
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no state")))?;
    let row = tokens::find(&state.pool, &hash(&token)).await.map_err(|_| ApiError::DatabaseUnavailable)?;
    let row = row.ok_or(ApiError::Unauthorized("this token is unknown or was revoked"))?;
    let role = Role::parse(&row.role).ok_or(ApiError::Unauthorized("this token has an unknown role"))?;
    Ok(Some(Caller { id: row.id, name: row.name, role }))
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            caller(&req).await?.ok_or(ApiError::Unauthorized(
                "sign in: send `Authorization: Bearer <token>` (an admin makes tokens with `aisle token create`)",
            ))
        })
    }
}

/// Either a team member or whoever holds the conversation's token.
pub enum Viewer {
    Team(Caller),
    Shopper,
}

/// Lets staff (and admins) in, or the shopper whose conversation this is.
pub async fn conversation_viewer(req: &HttpRequest, state: &AppState, conversation: Uuid) -> Result<Viewer, ApiError> {
    if let Some(c) = caller(req).await? {
        c.require(&[Role::Staff])?;
        return Ok(Viewer::Team(c));
    }
    let token = conversation_token(req).ok_or(ApiError::Unauthorized(
        "send the conversation token you got when the conversation started, as X-Conversation-Token",
    ))?;
    state.chat.check_token(conversation, &hash(&token)).await?;
    Ok(Viewer::Shopper)
}
