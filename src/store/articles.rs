//! The `articles` table (FAQ entries and policies) and `article_revisions`, their history.
use super::products::Upsert;
use crate::domain::{Article, ArticleKind, Asked};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, Transaction};

/// The channel on which every Aisle process hears that the knowledge changed.
pub const CHANGED: &str = "aisle_kb";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    kind: String,
    title: String,
    body: String,
    tags: Vec<String>,
    asked: Json<Vec<Asked>>,
}

fn article(r: Row) -> Result<Article, sqlx::Error> {
    Ok(Article {
        kind: ArticleKind::parse(&r.kind).map_err(|e| sqlx::Error::Decode(e.into()))?,
        id: r.id,
        title: r.title,
        body: r.body,
        tags: r.tags,
        asked: r.asked.0,
    })
}

/// Articles that may be cited (not retired).
pub async fn active(pool: &PgPool) -> Result<Vec<Article>, sqlx::Error> {
    let rows: Vec<Row> =
        sqlx::query_as("SELECT id, kind, title, body, tags, asked FROM articles WHERE retired_at IS NULL ORDER BY id")
            .fetch_all(pool)
            .await?;
    rows.into_iter().map(article).collect()
}

/// An article as an editor sees it.
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Entry {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub asked: Json<Vec<Asked>>,
    pub revision: i32,
    pub retired: bool,
    pub updated_at: DateTime<Utc>,
}

const ENTRY: &str =
    "SELECT id, kind, title, body, tags, asked, revision, retired_at IS NOT NULL AS retired, updated_at FROM articles";

/// Articles whose id, title or text contains `q` (all when empty), newest change first.
pub async fn list(pool: &PgPool, q: &str, include_retired: bool) -> Result<Vec<Entry>, sqlx::Error> {
    let pattern = format!("%{}%", q.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    sqlx::query_as(&format!(
        "{ENTRY} WHERE (id ILIKE $1 OR title ILIKE $1 OR body ILIKE $1) AND ($2 OR retired_at IS NULL)
         ORDER BY updated_at DESC, id LIMIT 500"
    ))
    .bind(pattern)
    .bind(include_retired)
    .fetch_all(pool)
    .await
}

pub async fn get(pool: &PgPool, id: &str) -> Result<Option<Entry>, sqlx::Error> {
    sqlx::query_as(&format!("{ENTRY} WHERE id = $1")).bind(id).fetch_optional(pool).await
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Revision {
    pub revision: i32,
    pub action: String,
    pub author: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub asked: Json<Vec<Asked>>,
    pub retired: bool,
    pub created_at: DateTime<Utc>,
    /// What differs from the revision before: `kind`, `title`, `body`, `tags`, `asked`, `retired`.
    #[sqlx(skip)]
    pub changed: Vec<&'static str>,
}

/// The history of one article, newest first, each revision with what it changed.
pub async fn revisions(pool: &PgPool, id: &str) -> Result<Vec<Revision>, sqlx::Error> {
    let mut revisions: Vec<Revision> = sqlx::query_as(
        "SELECT revision, action, author, kind, title, body, tags, asked, retired, created_at FROM article_revisions
         WHERE article_id = $1 ORDER BY revision DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    for i in 0..revisions.len() {
        let changed = match revisions.get(i + 1) {
            None => vec!["kind", "title", "body", "tags", "asked"],
            Some(before) => {
                let now = &revisions[i];
                [
                    ("kind", now.kind != before.kind),
                    ("title", now.title != before.title),
                    ("body", now.body != before.body),
                    ("tags", now.tags != before.tags),
                    ("asked", now.asked != before.asked),
                    ("retired", now.retired != before.retired),
                ]
                .into_iter()
                .filter_map(|(field, differs)| differs.then_some(field))
                .collect()
            }
        };
        revisions[i].changed = changed;
    }
    Ok(revisions)
}

/// Records the article's current state as its newest revision and tells every process.
async fn record(tx: &mut Transaction<'_, Postgres>, id: &str, action: &str, author: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_revisions (article_id, revision, action, author, kind, title, body, tags, asked, retired)
         SELECT id, revision, $2, $3, kind, title, body, tags, asked, retired_at IS NOT NULL FROM articles WHERE id = $1",
    )
    .bind(id)
    .bind(action)
    .bind(author)
    .execute(&mut **tx)
    .await?;
    notify_changed(tx, id).await
}

/// Delivered at commit, to every listening process (this one included).
pub async fn notify_changed(tx: &mut Transaction<'_, Postgres>, payload: &str) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANGED).bind(payload).execute(&mut **tx).await?;
    Ok(())
}

/// Inserts or updates an article from an import; an imported article is active again.
pub async fn upsert(tx: &mut Transaction<'_, Postgres>, a: &Article) -> Result<Upsert, sqlx::Error> {
    let inserted: Option<bool> = sqlx::query_scalar(
        r#"INSERT INTO articles (id, kind, title, body, tags, asked) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, body = EXCLUDED.body,
               tags = EXCLUDED.tags, asked = EXCLUDED.asked, retired_at = NULL, updated_at = now(),
               revision = articles.revision + 1
           WHERE (articles.kind, articles.title, articles.body, articles.tags, articles.asked, articles.retired_at)
             IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.body, EXCLUDED.tags, EXCLUDED.asked, NULL)
           RETURNING (xmax = 0)"#,
    )
    .bind(&a.id)
    .bind(a.kind.as_str())
    .bind(&a.title)
    .bind(&a.body)
    .bind(&a.tags)
    .bind(Json(&a.asked))
    .fetch_optional(&mut **tx)
    .await?;
    let upsert = Upsert::from_returning(inserted);
    if upsert != Upsert::Unchanged {
        record(tx, &a.id, "imported", "import").await?;
    }
    Ok(upsert)
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("there is no article with that id")]
    NotFound,
    #[error("an article with the id `{0}` already exists")]
    Exists(String),
    #[error("revision {current} was saved since you opened revision {base}")]
    Conflict { base: i32, current: i32 },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn create(pool: &PgPool, a: &Article, author: &str) -> Result<i32, EditError> {
    let mut tx = pool.begin().await?;
    let created = sqlx::query(
        "INSERT INTO articles (id, kind, title, body, tags, asked) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&a.id)
    .bind(a.kind.as_str())
    .bind(&a.title)
    .bind(&a.body)
    .bind(&a.tags)
    .bind(Json(&a.asked))
    .execute(&mut *tx)
    .await?;
    if created.rows_affected() == 0 {
        return Err(EditError::Exists(a.id.clone()));
    }
    record(&mut tx, &a.id, "created", author).await?;
    tx.commit().await?;
    Ok(1)
}

/// The revision an edit starts from, locked until the edit commits.
async fn lock(tx: &mut Transaction<'_, Postgres>, id: &str, base: Option<i32>) -> Result<i32, EditError> {
    let current: i32 = sqlx::query_scalar("SELECT revision FROM articles WHERE id = $1 FOR UPDATE")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(EditError::NotFound)?;
    match base {
        Some(base) if base != current => Err(EditError::Conflict { base, current }),
        _ => Ok(current),
    }
}

/// Saves an edit; with `base`, refuses when someone else saved since that revision.
pub async fn update(pool: &PgPool, a: &Article, base: Option<i32>, author: &str) -> Result<i32, EditError> {
    let mut tx = pool.begin().await?;
    let current = lock(&mut tx, &a.id, base).await?;
    let changed = sqlx::query(
        "UPDATE articles SET kind = $2, title = $3, body = $4, tags = $5, asked = $6, revision = revision + 1,
             updated_at = now()
         WHERE id = $1 AND (kind, title, body, tags, asked) IS DISTINCT FROM ($2, $3, $4, $5, $6)",
    )
    .bind(&a.id)
    .bind(a.kind.as_str())
    .bind(&a.title)
    .bind(&a.body)
    .bind(&a.tags)
    .bind(Json(&a.asked))
    .execute(&mut *tx)
    .await?;
    commit_change(tx, &a.id, changed.rows_affected(), current, "edited", author).await
}

/// Retires (never cited again) or restores an article; returns the new revision.
pub async fn set_retired(pool: &PgPool, id: &str, retired: bool, author: &str) -> Result<i32, EditError> {
    let mut tx = pool.begin().await?;
    let current = lock(&mut tx, id, None).await?;
    let changed = sqlx::query(
        "UPDATE articles SET retired_at = CASE WHEN $2 THEN now() END, revision = revision + 1, updated_at = now()
         WHERE id = $1 AND (retired_at IS NOT NULL) <> $2",
    )
    .bind(id)
    .bind(retired)
    .execute(&mut *tx)
    .await?;
    let action = if retired { "retired" } else { "restored" };
    commit_change(tx, id, changed.rows_affected(), current, action, author).await
}

/// Records and commits a change to a locked article; nothing changed is no new revision.
async fn commit_change(
    mut tx: Transaction<'_, Postgres>,
    id: &str,
    rows_changed: u64,
    current: i32,
    action: &str,
    author: &str,
) -> Result<i32, EditError> {
    if rows_changed == 0 {
        return Ok(current);
    }
    record(&mut tx, id, action, author).await?;
    tx.commit().await?;
    Ok(current + 1)
}
