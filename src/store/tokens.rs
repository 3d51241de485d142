//! The `api_tokens` table: staff, editor and admin tokens, stored as hashes and revocable.
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TokenRow {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub async fn create(pool: &PgPool, name: &str, role: &str, hash: &str) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    sqlx::query("INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(name)
        .bind(role)
        .bind(hash)
        .execute(pool)
        .await?;
    Ok(id)
}

/// The live (not revoked) token with this hash; marks it used, at most once a minute.
pub async fn find(pool: &PgPool, hash: &str) -> Result<Option<TokenRow>, sqlx::Error> {
    let row: Option<TokenRow> = sqlx::query_as(
        "SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_tokens
         WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(hash)
    .fetch_optional(pool)
    .await?;
    if let Some(r) = &row
        && r.last_used_at.is_none_or(|t| Utc::now() - t > chrono::Duration::minutes(1))
    {
        sqlx::query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1").bind(r.id).execute(pool).await?;
    }
    Ok(row)
}

pub async fn list(pool: &PgPool) -> Result<Vec<TokenRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at")
        .fetch_all(pool)
        .await
}

/// Revokes a token by id or by name; returns how many were revoked.
pub async fn revoke(pool: &PgPool, id_or_name: &str) -> Result<u64, sqlx::Error> {
    let id = Uuid::parse_str(id_or_name).ok();
    let r = sqlx::query(
        "UPDATE api_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND (id = $1 OR ($1 IS NULL AND name = $2))",
    )
    .bind(id)
    .bind(id_or_name)
    .execute(pool)
    .await?;
    Ok(r.rows_affected())
}

/// Seconds a console may go unheard before its person counts as away.
const ACTIVE_WITHIN: &str = "90 seconds";

/// Notes that a person is at the staff console now (its queue refresh is the heartbeat); written
/// at most every 15 seconds.
pub async fn seen_at_work(pool: &PgPool, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE api_tokens SET active_at = now()
         WHERE id = $1 AND (active_at IS NULL OR active_at < now() - interval '15 seconds')",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// People (staff and admins) at the console now.
pub async fn at_work(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT count(*) FROM api_tokens
         WHERE role IN ('staff', 'admin') AND revoked_at IS NULL AND active_at > now() - interval '{ACTIVE_WITHIN}'"
    ))
    .fetch_one(pool)
    .await
}
