//! The `conversations`, `messages` and `feedback` tables.
use crate::domain::{AnsweredBy, Author, ClaimAction, Language};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use uuid::Uuid;

/// One logged message, as written (already masked) and as replayed from the spool.
#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
pub struct MessageRow {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub role: Author,
    pub text: String,
    pub intent: Option<String>,
    pub sources: serde_json::Value,
    pub model: Option<String>,
    pub prompt_tokens: Option<i32>,
    pub generated_tokens: Option<i32>,
    pub ttft_ms: Option<f32>,
    pub duration_ms: Option<f32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Shopper messages: -1 (angry) .. 1 (happy).
    #[serde(default)]
    pub sentiment: Option<f32>,
    /// Assistant messages: how the answer was made.
    #[serde(default)]
    pub answered_by: Option<AnsweredBy>,
    /// Staff messages: who wrote it.
    #[serde(default)]
    pub author: Option<String>,
    /// Model answers: claims checked against the sources, those unsupported, and what was done.
    #[serde(default)]
    pub claims_checked: Option<i32>,
    #[serde(default)]
    pub claims_unsupported: Option<i32>,
    #[serde(default)]
    pub claim_action: Option<ClaimAction>,
    /// Shopper messages: the language they were written in.
    #[serde(default)]
    pub language: Option<Language>,
}

impl MessageRow {
    /// A new message with nothing but who wrote what; `text` must already be masked.
    pub fn new(conversation_id: Uuid, role: Author, text: String) -> Self {
        Self {
            id: Uuid::new_v4(),
            conversation_id,
            role,
            text,
            intent: None,
            sources: serde_json::json!([]),
            model: None,
            prompt_tokens: None,
            generated_tokens: None,
            ttft_ms: None,
            duration_ms: None,
            created_at: chrono::Utc::now(),
            sentiment: None,
            answered_by: None,
            author: None,
            claims_checked: None,
            claims_unsupported: None,
            claim_action: None,
            language: None,
        }
    }
}

/// The channel on which every process hears of new messages and status changes.
pub const CHANNEL: &str = "aisle_conversation";

/// Tells listening processes (at commit) that a conversation changed.
pub async fn notify(
    conn: &mut sqlx::PgConnection,
    conversation: Uuid,
    message: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    let payload = serde_json::json!({ "c": conversation, "m": message }).to_string();
    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(conn).await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(conversation = %id))]
pub async fn create(pool: &PgPool, id: Uuid, token_hash: Option<&str>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO conversations (id, token_hash) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET token_hash = COALESCE(conversations.token_hash, EXCLUDED.token_hash)",
    )
    .bind(id)
    .bind(token_hash)
    .execute(pool)
    .await?;
    Ok(())
}

/// The conversation's token hash: `None` when there is no such conversation.
pub async fn token_hash(pool: &PgPool, id: Uuid) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar("SELECT token_hash FROM conversations WHERE id = $1").bind(id).fetch_optional(pool).await
}

/// Idempotent, so a replayed spool never duplicates a message.
pub async fn insert_message(pool: &PgPool, m: &MessageRow) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    // A shopper's message sets the conversation's language; any other leaves it.
    sqlx::query(
        "INSERT INTO conversations (id, language) VALUES ($1, COALESCE($2, 'en'))
         ON CONFLICT (id) DO UPDATE SET language = COALESCE($2, conversations.language)",
    )
    .bind(m.conversation_id)
    .bind(m.language)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        r#"INSERT INTO messages (id, conversation_id, role, text, intent, sources, model, prompt_tokens,
                                 generated_tokens, ttft_ms, duration_ms, created_at, sentiment, answered_by, author,
                                 claims_checked, claims_unsupported, claim_action, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
           ON CONFLICT (id) DO NOTHING"#,
    )
    .bind(m.id)
    .bind(m.conversation_id)
    .bind(m.role)
    .bind(&m.text)
    .bind(&m.intent)
    .bind(&m.sources)
    .bind(&m.model)
    .bind(m.prompt_tokens)
    .bind(m.generated_tokens)
    .bind(m.ttft_ms)
    .bind(m.duration_ms)
    .bind(m.created_at)
    .bind(m.sentiment)
    .bind(m.answered_by)
    .bind(&m.author)
    .bind(m.claims_checked)
    .bind(m.claims_unsupported)
    .bind(m.claim_action)
    .bind(m.language)
    .execute(&mut *tx)
    .await?;
    notify(&mut tx, m.conversation_id, Some(m.id)).await?;
    sqlx::query("UPDATE conversations SET updated_at = now() WHERE id = $1")
        .bind(m.conversation_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn messages(pool: &PgPool, conversation: Uuid) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE conversation_id = $1 ORDER BY created_at, id"))
        .bind(conversation)
        .fetch_all(pool)
        .await
}

const SELECT: &str = "SELECT id, conversation_id, role, text, intent, sources, model, prompt_tokens, generated_tokens, ttft_ms, duration_ms, created_at, sentiment, answered_by, author, claims_checked, claims_unsupported, claim_action, language FROM messages";

pub async fn message(pool: &PgPool, id: Uuid) -> Result<Option<MessageRow>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE id = $1")).bind(id).fetch_optional(pool).await
}

/// The conversation an answer belongs to.
pub async fn conversation_of(pool: &PgPool, message: Uuid) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("SELECT conversation_id FROM messages WHERE id = $1").bind(message).fetch_optional(pool).await
}

/// Records thumbs up or down on an assistant message; false when there is no such message.
pub async fn feedback(pool: &PgPool, message: Uuid, rating: &str, comment: Option<&str>) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        r#"INSERT INTO feedback (message_id, rating, comment)
           SELECT id, $2, $3 FROM messages WHERE id = $1 AND role = 'assistant'
           ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, created_at = now()"#,
    )
    .bind(message)
    .bind(rating)
    .bind(comment)
    .execute(pool)
    .await?;
    Ok(r.rows_affected() > 0)
}
