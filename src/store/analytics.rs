//! What the team learns from conversations: unanswered questions, thumbs-down, escalations, busy hours.
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Unanswered {
    pub question: String,
    pub times: i64,
    pub last_asked: DateTime<Utc>,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct ThumbsDown {
    pub message_id: Uuid,
    pub conversation_id: Uuid,
    pub question: Option<String>,
    pub answer: String,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Hour {
    pub hour: i32,
    pub messages: i64,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub days: i32,
    pub conversations: i64,
    pub unanswered: Vec<Unanswered>,
    pub thumbs_down: Vec<ThumbsDown>,
    pub escalations_by_reason: Vec<Count>,
    pub sentiment: Vec<Count>,
    /// Shopper messages per hour of the day (UTC), all 24 hours.
    pub busiest_hours: Vec<Hour>,
    pub claims: Claims,
    /// Answers by how they were made (`catalog`, `model`, `faq`, ...).
    pub answered_by: Vec<Count>,
}

/// The claim check of model answers: how often an answer had a claim no source supported.
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Claims {
    pub answers_checked: i64,
    pub answers_withheld: i64,
    pub claims_checked: i64,
    pub claims_unsupported: i64,
    /// Share of checked answers in which a sentence was left out (0..1).
    pub withheld_rate: f64,
}

pub async fn report(pool: &PgPool, days: i32) -> Result<Report, sqlx::Error> {
    let conversations =
        sqlx::query_scalar("SELECT count(*) FROM conversations WHERE created_at > now() - make_interval(days => $1)")
            .bind(days)
            .fetch_one(pool);
    // The shopper message each unanswered reply answered: the latest before it.
    let unanswered = sqlx::query_as(
        "SELECT q.text AS question, count(*) AS times, max(a.created_at) AS last_asked
         FROM messages a
         JOIN LATERAL (SELECT lower(text) AS text FROM messages s
                       WHERE s.conversation_id = a.conversation_id AND s.role = 'shopper' AND s.created_at <= a.created_at
                       ORDER BY s.created_at DESC LIMIT 1) q ON true
         WHERE a.answered_by = 'unanswered' AND a.created_at > now() - make_interval(days => $1)
         GROUP BY q.text ORDER BY times DESC, last_asked DESC LIMIT 50"
    )
    .bind(days)
    .fetch_all(pool);
    let thumbs_down = sqlx::query_as(
        "SELECT f.message_id, a.conversation_id, q.text AS question, a.text AS answer, f.comment, f.created_at
         FROM feedback f JOIN messages a ON a.id = f.message_id
         LEFT JOIN LATERAL (SELECT text FROM messages s
                            WHERE s.conversation_id = a.conversation_id AND s.role = 'shopper' AND s.created_at <= a.created_at
                            ORDER BY s.created_at DESC LIMIT 1) q ON true
         WHERE f.rating = 'down' AND f.created_at > now() - make_interval(days => $1)
         ORDER BY f.created_at DESC LIMIT 50"
    )
    .bind(days)
    .fetch_all(pool);
    let reasons = sqlx::query_as(
        "SELECT reason AS key, count(*) AS count FROM escalations WHERE created_at > now() - make_interval(days => $1)
         GROUP BY reason ORDER BY count DESC",
    )
    .bind(days)
    .fetch_all(pool);
    let sentiment = sqlx::query_as(
        "SELECT CASE WHEN sentiment <= -0.2 THEN 'negative' WHEN sentiment >= 0.2 THEN 'positive' ELSE 'neutral' END AS key,
                count(*) AS count
         FROM messages WHERE role = 'shopper' AND sentiment IS NOT NULL AND created_at > now() - make_interval(days => $1)
         GROUP BY key ORDER BY count DESC"
    )
    .bind(days)
    .fetch_all(pool);
    let hours = sqlx::query_as(
        "SELECT h.hour, count(m.id) AS messages
         FROM generate_series(0, 23) AS h(hour)
         LEFT JOIN messages m ON m.role = 'shopper' AND m.created_at > now() - make_interval(days => $1)
                             AND extract(hour FROM m.created_at AT TIME ZONE 'UTC')::int = h.hour
         GROUP BY h.hour ORDER BY h.hour",
    )
    .bind(days)
    .fetch_all(pool);
    let claims = sqlx::query_as(
        "SELECT count(*) AS answers_checked,
                count(*) FILTER (WHERE claim_action = 'withheld') AS answers_withheld,
                coalesce(sum(claims_checked), 0)::bigint AS claims_checked,
                coalesce(sum(claims_unsupported), 0)::bigint AS claims_unsupported,
                coalesce(avg(CASE WHEN claim_action = 'withheld' THEN 1.0 ELSE 0.0 END), 0)::float8 AS withheld_rate
         FROM messages WHERE claim_action IS NOT NULL AND created_at > now() - make_interval(days => $1)",
    )
    .bind(days)
    .fetch_one(pool);
    let answered_by = sqlx::query_as(
        "SELECT answered_by AS key, count(*) AS count FROM messages
         WHERE answered_by IS NOT NULL AND created_at > now() - make_interval(days => $1)
         GROUP BY answered_by ORDER BY count DESC",
    )
    .bind(days)
    .fetch_all(pool);
    let (conversations, unanswered, thumbs_down, escalations_by_reason, sentiment, busiest_hours, claims, answered_by) =
        futures_util::try_join!(conversations, unanswered, thumbs_down, reasons, sentiment, hours, claims, answered_by)?;
    Ok(Report {
        days,
        conversations,
        unanswered,
        thumbs_down,
        escalations_by_reason,
        sentiment,
        busiest_hours,
        claims,
        answered_by,
    })
}
