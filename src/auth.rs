//! Who is asking. Staff, editors and admins hold bearer tokens (made with `aisle token create`,
//! stored only as hashes); shoppers hold the token of their conversation. This module knows the
//! roles and the secrets; reading them from a request is the HTTP layer's job (`http/auth.rs`).
use crate::store::tokens;
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including tokens.
    Admin,
    /// The knowledge base, catalog import and product descriptions.
    Editor,
    /// The escalation queue and conversations.
    Staff,
    /// A program, not a person: plain completions on `/v1/chat/completions` (another Aisle that
    /// generates here sends this token as its `remote_api_key`).
    Api,
    /// The shop's own systems: they push orders and catalog changes.
    Integration,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Staff => "staff",
            Role::Api => "api",
            Role::Integration => "integration",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Role::Admin),
            "editor" => Some(Role::Editor),
            "staff" => Some(Role::Staff),
            "api" => Some(Role::Api),
            "integration" => Some(Role::Integration),
            _ => None,
        }
    }
}

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

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("this token is unknown or was revoked")]
    UnknownToken,
    #[error("this token has an unknown role")]
    UnknownRole,
    #[error("this needs the {needed} role and your token has the {has} role")]
    WrongRole { needed: String, has: &'static str },
    #[error("tokens cannot be checked right now")]
    Database(#[from] sqlx::Error),
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
    pub fn require(&self, allowed: &[Role]) -> Result<(), AuthError> {
        if self.role == Role::Admin || allowed.contains(&self.role) {
            return Ok(());
        }
        let needed: Vec<&str> = allowed.iter().map(|r| r.as_str()).collect();
        Err(AuthError::WrongRole { needed: needed.join(" or "), has: self.role.as_str() })
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// The team member a bearer token belongs to.
#[tracing::instrument(skip_all)]
pub async fn authenticate(pool: &PgPool, token: &str) -> Result<Caller, AuthError> {
    let row = tokens::find(pool, &hash(token)).await?.ok_or(AuthError::UnknownToken)?;
    let role = Role::parse(&row.role).ok_or(AuthError::UnknownRole)?;
    Ok(Caller { id: row.id, name: row.name, role })
}

/// Whether `signature` (hex) is the HMAC-SHA256 of `email` with the shop's `secret`: how a shop
/// page vouches for its signed-in shopper (the widget's `data-shopper`). Compared in constant time.
pub fn signed_by_shop(secret: &str, email: &str, signature: &str) -> bool {
    use hmac::{Hmac, Mac};
    let Some(bytes) = (0..signature.len())
        .step_by(2)
        .map(|i| signature.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else { return false };
    mac.update(email.trim().to_lowercase().as_bytes());
    mac.verify_slice(&bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shop_signature_opens_only_the_email_it_signed() {
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<Sha256>::new_from_slice(b"s3cret").expect("any key length");
        mac.update(b"ann@example.com");
        let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert!(signed_by_shop("s3cret", "Ann@Example.com", &hex));
        assert!(!signed_by_shop("s3cret", "bob@example.com", &hex));
        assert!(!signed_by_shop("other", "ann@example.com", &hex));
        assert!(!signed_by_shop("s3cret", "ann@example.com", "zz"));
    }
}
