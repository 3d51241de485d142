//! Escalations: conversations waiting for a person, claimed by one, handed back or resolved.
//! The conversation's `status` is the state; `escalations` keeps each episode for analytics.
use super::conversations::notify;
use crate::domain::{ConversationStatus, EscalationReason, Language, Outcome};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct State {
    pub status: ConversationStatus,
    pub assignee: Option<Uuid>,
    pub assignee_name: Option<String>,
    pub summary: Option<String>,
    pub reason: Option<EscalationReason>,
    pub escalated_at: Option<DateTime<Utc>>,
    /// An email the shopper left when nobody could join.
    pub contact_email: Option<String>,
    /// The language of the shopper's latest message: what status texts are said in.
    pub language: Language,
}

#[tracing::instrument(skip_all, fields(%conversation))]
pub async fn state(pool: &PgPool, conversation: Uuid) -> Result<Option<State>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.status, c.assignee, t.name AS assignee_name, c.summary, e.reason, e.created_at AS escalated_at,
                c.contact_email, c.language
         FROM conversations c
         LEFT JOIN api_tokens t ON t.id = c.assignee
         LEFT JOIN escalations e ON e.conversation_id = c.id AND e.closed_at IS NULL
         WHERE c.id = $1",
    )
    .bind(conversation)
    .fetch_optional(pool)
    .await
}

#[tracing::instrument(skip_all, fields(%conversation, reason = %reason))]
/// Puts a conversation in the queue; `false` when it is already waiting or owned.
pub async fn open(
    pool: &PgPool,
    conversation: Uuid,
    reason: EscalationReason,
    detail: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO conversations (id) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind(conversation)
        .execute(&mut *tx)
        .await?;
    let opened = sqlx::query(
        "INSERT INTO escalations (id, conversation_id, reason, detail) VALUES ($1, $2, $3, $4)
         ON CONFLICT (conversation_id) WHERE closed_at IS NULL DO NOTHING",
    )
    .bind(Uuid::new_v4())
    .bind(conversation)
    .bind(reason)
    .bind(detail)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    if opened {
        sqlx::query("UPDATE conversations SET status = 'waiting', assignee = NULL, summary = NULL WHERE id = $1")
            .bind(conversation)
            .execute(&mut *tx)
            .await?;
        notify(&mut tx, conversation, None).await?;
    }
    tx.commit().await?;
    Ok(opened)
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Waiting {
    pub conversation_id: Uuid,
    pub reason: EscalationReason,
    pub detail: Option<String>,
    pub escalated_at: DateTime<Utc>,
    pub status: ConversationStatus,
    pub assignee_name: Option<String>,
    pub summary: Option<String>,
    pub last_message: Option<String>,
    pub sentiment: Option<f32>,
    pub contact_email: Option<String>,
    /// The language the shopper writes in.
    pub language: Language,
}

/// Waiting conversations oldest first, then those being worked on.
pub async fn queue(pool: &PgPool) -> Result<Vec<Waiting>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.conversation_id, e.reason, e.detail, e.created_at AS escalated_at, c.status,
                t.name AS assignee_name, c.summary, m.text AS last_message, m.sentiment, c.contact_email,
                c.language
         FROM escalations e
         JOIN conversations c ON c.id = e.conversation_id
         LEFT JOIN api_tokens t ON t.id = c.assignee
         LEFT JOIN LATERAL (SELECT text, sentiment FROM messages
                            WHERE conversation_id = e.conversation_id AND role = 'shopper'
                            ORDER BY created_at DESC LIMIT 1) m ON true
         WHERE e.closed_at IS NULL
         ORDER BY e.claimed_at IS NOT NULL, e.created_at
         LIMIT 200",
    )
    .fetch_all(pool)
    .await
}

/// Gives the conversation to `staff`. Row locks make two claims at once safe: exactly one wins.
/// With `conversation` = None, claims the one waiting longest.
pub async fn claim(pool: &PgPool, conversation: Option<Uuid>, staff: Uuid) -> Result<Option<Uuid>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let claimed: Option<Uuid> = sqlx::query_scalar(
        "UPDATE escalations SET claimed_by = $2, claimed_at = now()
         WHERE id = (SELECT id FROM escalations
                     WHERE claimed_at IS NULL AND closed_at IS NULL AND ($1::uuid IS NULL OR conversation_id = $1)
                     ORDER BY created_at LIMIT 1
                     FOR UPDATE SKIP LOCKED)
           AND claimed_at IS NULL
         RETURNING conversation_id",
    )
    .bind(conversation)
    .bind(staff)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(c) = claimed {
        sqlx::query("UPDATE conversations SET status = 'staff', assignee = $2 WHERE id = $1")
            .bind(c)
            .bind(staff)
            .execute(&mut *tx)
            .await?;
        notify(&mut tx, c, None).await?;
    }
    tx.commit().await?;
    Ok(claimed)
}

/// Ends the episode: the bot answers again (`handed_back`) or the matter is `resolved`.
/// Only the person who claimed it (or an admin, `any_owner`) may; `false` otherwise.
pub async fn close(
    pool: &PgPool,
    conversation: Uuid,
    staff: Uuid,
    any_owner: bool,
    outcome: Outcome,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let closed = sqlx::query(
        "UPDATE escalations SET closed_at = now(), outcome = $3
         WHERE conversation_id = $1 AND closed_at IS NULL AND claimed_at IS NOT NULL AND ($4 OR claimed_by = $2)",
    )
    .bind(conversation)
    .bind(staff)
    .bind(outcome)
    .bind(any_owner)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    if closed {
        let status = match outcome {
            Outcome::Resolved => ConversationStatus::Resolved,
            Outcome::HandedBack => ConversationStatus::Bot,
        };
        sqlx::query("UPDATE conversations SET status = $2, assignee = NULL WHERE id = $1")
            .bind(conversation)
            .bind(status)
            .execute(&mut *tx)
            .await?;
        notify(&mut tx, conversation, None).await?;
    }
    tx.commit().await?;
    Ok(closed)
}

/// A resolved conversation that the shopper writes in again is the bot's again.
pub async fn reopen(pool: &PgPool, conversation: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversations SET status = 'bot' WHERE id = $1 AND status = 'resolved'")
        .bind(conversation)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn set_summary(pool: &PgPool, conversation: Uuid, summary: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversations SET summary = $2 WHERE id = $1")
        .bind(conversation)
        .bind(summary)
        .execute(pool)
        .await?;
    Ok(())
}

/// How many conversations wait for a person now.
pub async fn waiting_count(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM conversations WHERE status = 'waiting'").fetch_one(pool).await
}

/// Where the conversation stands in the queue (1 = next), and the median wait over the last week.
pub async fn position_and_wait(pool: &PgPool, conversation: Uuid) -> Result<(i64, Option<f64>), sqlx::Error> {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM escalations w, escalations me
                 WHERE me.conversation_id = $1 AND me.closed_at IS NULL
                   AND w.claimed_at IS NULL AND w.closed_at IS NULL AND w.created_at <= me.created_at),
                (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - created_at))
                 FROM escalations WHERE claimed_at > now() - interval '7 days')",
    )
    .bind(conversation)
    .fetch_one(pool)
    .await
}

/// Keeps the email a shopper left to be written to; false when there is no such conversation.
pub async fn set_contact(pool: &PgPool, conversation: Uuid, email: &str) -> Result<bool, sqlx::Error> {
    let r = sqlx::query("UPDATE conversations SET contact_email = $2 WHERE id = $1")
        .bind(conversation)
        .bind(email)
        .execute(pool)
        .await?;
    Ok(r.rows_affected() > 0)
}
