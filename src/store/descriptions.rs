//! The `product_descriptions` table.
use serde::Serialize;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Draft {
    pub id: Uuid,
    pub sku: String,
    pub tone: String,
    pub length: String,
    pub text: String,
    pub status: String,
    pub unsupported: Vec<String>,
    pub model: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub async fn insert(pool: &PgPool, d: &Draft) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO product_descriptions (id, sku, tone, length, text, status, unsupported, model, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(d.id)
    .bind(&d.sku)
    .bind(&d.tone)
    .bind(&d.length)
    .bind(&d.text)
    .bind(&d.status)
    .bind(&d.unsupported)
    .bind(&d.model)
    .bind(d.created_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn for_product(pool: &PgPool, sku: &str) -> Result<Vec<Draft>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM product_descriptions WHERE sku = $1 ORDER BY created_at DESC")
        .bind(sku)
        .fetch_all(pool)
        .await
}
