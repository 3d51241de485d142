//! The `search_queries` table: what shoppers searched, for autocomplete.
use sqlx::PgPool;

pub async fn record(pool: &PgPool, query: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO search_queries (query) VALUES ($1)
         ON CONFLICT (query) DO UPDATE SET hits = search_queries.hits + 1, last_seen = now()",
    )
    .bind(query)
    .execute(pool)
    .await?;
    Ok(())
}

/// The most frequent past queries (lowercased), most searched first.
pub async fn popular(pool: &PgPool, limit: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT query, hits FROM search_queries ORDER BY hits DESC, last_seen DESC LIMIT $1")
        .bind(limit)
        .fetch_all(pool)
        .await
}
