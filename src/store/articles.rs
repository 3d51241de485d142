//! The `articles` table: FAQ entries and policies.
use super::products::Upsert;
use crate::domain::{Article, ArticleKind};
use sqlx::{PgPool, Postgres, Transaction};

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    kind: String,
    title: String,
    body: String,
    tags: Vec<String>,
}

/// Articles that may be cited (not retired).
pub async fn active(pool: &PgPool) -> Result<Vec<Article>, sqlx::Error> {
    let rows: Vec<Row> =
        sqlx::query_as("SELECT id, kind, title, body, tags FROM articles WHERE retired_at IS NULL ORDER BY id")
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Article {
                kind: ArticleKind::parse(&r.kind).map_err(|e| sqlx::Error::Decode(e.into()))?,
                id: r.id,
                title: r.title,
                body: r.body,
                tags: r.tags,
            })
        })
        .collect()
}

/// Inserts or updates an article; an imported article is active again.
pub async fn upsert(tx: &mut Transaction<'_, Postgres>, a: &Article) -> Result<Upsert, sqlx::Error> {
    let inserted: Option<bool> = sqlx::query_scalar(
        r#"INSERT INTO articles (id, kind, title, body, tags) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, body = EXCLUDED.body,
               tags = EXCLUDED.tags, retired_at = NULL, updated_at = now()
           WHERE (articles.kind, articles.title, articles.body, articles.tags, articles.retired_at)
             IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.body, EXCLUDED.tags, NULL)
           RETURNING (xmax = 0)"#,
    )
    .bind(&a.id)
    .bind(a.kind.as_str())
    .bind(&a.title)
    .bind(&a.body)
    .bind(&a.tags)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(Upsert::from_returning(inserted))
}
