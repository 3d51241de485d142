//! The `orders`, `order_checks` and `return_requests` tables.
use super::products::Upsert;
use crate::domain::{Order, OrderNumber};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

/// The order with that number, as stored.
pub async fn get(pool: &PgPool, number: &OrderNumber) -> Result<Option<Order>, sqlx::Error> {
    let body: Option<serde_json::Value> = sqlx::query_scalar("SELECT body FROM orders WHERE number = $1")
        .bind(number.as_str())
        .fetch_optional(pool)
        .await?;
    body.map(|b| serde_json::from_value(b).map_err(|e| sqlx::Error::Decode(e.into()))).transpose()
}

/// Inserts or updates one order; an order that did not change is left untouched.
pub async fn upsert(tx: &mut Transaction<'_, Postgres>, o: &Order) -> Result<Upsert, sqlx::Error> {
    let body = serde_json::to_value(o).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let inserted: Option<bool> = sqlx::query_scalar(
        r#"INSERT INTO orders (number, email, status, placed_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (number) DO UPDATE SET
               email = EXCLUDED.email, status = EXCLUDED.status, placed_at = EXCLUDED.placed_at,
               body = EXCLUDED.body, updated_at = now()
           WHERE orders.body IS DISTINCT FROM EXCLUDED.body
           RETURNING (xmax = 0)"#,
    )
    .bind(o.number.as_str())
    .bind(o.email.as_str())
    .bind(o.status.as_str())
    .bind(o.placed_at)
    .bind(body)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(Upsert::from_returning(inserted))
}

/// Records an attempt to open an order in a conversation (the number only).
pub async fn record_check(pool: &PgPool, conversation: Uuid, number: &str, verified: bool) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO order_checks (conversation_id, number, verified) VALUES ($1, $2, $3)")
        .bind(conversation)
        .bind(number)
        .bind(verified)
        .execute(pool)
        .await?;
    Ok(())
}

/// Failed attempts in a conversation since `since`: the limit holds across processes and restarts.
pub async fn failed_checks(pool: &PgPool, conversation: Uuid, since: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT count(*) FROM order_checks WHERE conversation_id = $1 AND NOT verified AND created_at >= $2",
    )
    .bind(conversation)
    .bind(since)
    .fetch_one(pool)
    .await
}

/// A return a shopper confirmed, as staff see it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ReturnRequest {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub order_number: String,
    /// `[{"sku", "name", "quantity"}]`
    pub items: serde_json::Value,
    /// `requested`; `sent` once the shop's own system took it; `send_failed` when it could not.
    pub status: String,
    pub created_at: DateTime<Utc>,
}

pub async fn create_return(pool: &PgPool, r: &ReturnRequest) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO return_requests (id, conversation_id, order_number, items, status) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(r.id)
    .bind(r.conversation_id)
    .bind(&r.order_number)
    .bind(&r.items)
    .bind(&r.status)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn set_return_status(pool: &PgPool, id: Uuid, status: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE return_requests SET status = $2 WHERE id = $1").bind(id).bind(status).execute(pool).await?;
    Ok(())
}

/// The newest return requests first.
pub async fn returns(pool: &PgPool, limit: i64) -> Result<Vec<ReturnRequest>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM return_requests ORDER BY created_at DESC LIMIT $1").bind(limit).fetch_all(pool).await
}
