//! The `products` table.
use crate::domain::{Money, Product, Sku};
use sqlx::{PgPool, Postgres, Transaction};

#[derive(sqlx::FromRow)]
struct Row {
    sku: String,
    title: String,
    description: String,
    brand: Option<String>,
    category: String,
    tags: Vec<String>,
    price_cents: i64,
    currency: String,
    stock: i32,
    rating: Option<f32>,
    warranty: Option<String>,
    shipping: Option<String>,
    return_policy: Option<String>,
    attributes: serde_json::Value,
}

impl TryFrom<Row> for Product {
    type Error = sqlx::Error;
    fn try_from(r: Row) -> Result<Self, sqlx::Error> {
        Ok(Product {
            sku: Sku::parse(&r.sku).map_err(|e| sqlx::Error::Decode(e.into()))?,
            title: r.title,
            description: r.description,
            brand: r.brand,
            category: r.category,
            tags: r.tags,
            price: Money(r.price_cents),
            currency: r.currency,
            stock: r.stock,
            rating: r.rating,
            warranty: r.warranty,
            shipping: r.shipping,
            return_policy: r.return_policy,
            attributes: r.attributes,
        })
    }
}

pub async fn get(pool: &PgPool, sku: &str) -> Result<Option<Product>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT * FROM products WHERE sku = $1").bind(sku).fetch_optional(pool).await?;
    row.map(Product::try_from).transpose()
}

pub async fn all(pool: &PgPool) -> Result<Vec<Product>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as("SELECT * FROM products ORDER BY sku").fetch_all(pool).await?;
    rows.into_iter().map(Product::try_from).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Upsert {
    Inserted,
    Updated,
    Unchanged,
}

impl Upsert {
    /// Reads `RETURNING (xmax = 0)` of an upsert whose update is skipped when nothing changed.
    pub fn from_returning(inserted: Option<bool>) -> Self {
        match inserted {
            Some(true) => Upsert::Inserted,
            Some(false) => Upsert::Updated,
            None => Upsert::Unchanged,
        }
    }
}

/// Inserts or updates one product; rows whose content did not change are left untouched.
pub async fn upsert(tx: &mut Transaction<'_, Postgres>, p: &Product) -> Result<Upsert, sqlx::Error> {
    let inserted: Option<bool> = sqlx::query_scalar(
        r#"INSERT INTO products (sku, title, description, brand, category, tags, price_cents, currency, stock,
                                 rating, warranty, shipping, return_policy, attributes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (sku) DO UPDATE SET
               title = EXCLUDED.title, description = EXCLUDED.description, brand = EXCLUDED.brand,
               category = EXCLUDED.category, tags = EXCLUDED.tags, price_cents = EXCLUDED.price_cents,
               currency = EXCLUDED.currency, stock = EXCLUDED.stock, rating = EXCLUDED.rating,
               warranty = EXCLUDED.warranty, shipping = EXCLUDED.shipping,
               return_policy = EXCLUDED.return_policy, attributes = EXCLUDED.attributes, updated_at = now()
           WHERE (products.title, products.description, products.brand, products.category, products.tags,
                  products.price_cents, products.currency, products.stock, products.rating, products.warranty,
                  products.shipping, products.return_policy, products.attributes)
             IS DISTINCT FROM
                 (EXCLUDED.title, EXCLUDED.description, EXCLUDED.brand, EXCLUDED.category, EXCLUDED.tags,
                  EXCLUDED.price_cents, EXCLUDED.currency, EXCLUDED.stock, EXCLUDED.rating, EXCLUDED.warranty,
                  EXCLUDED.shipping, EXCLUDED.return_policy, EXCLUDED.attributes)
           RETURNING (xmax = 0)"#,
    )
    .bind(p.sku.as_str())
    .bind(&p.title)
    .bind(&p.description)
    .bind(&p.brand)
    .bind(&p.category)
    .bind(&p.tags)
    .bind(p.price.0)
    .bind(&p.currency)
    .bind(p.stock)
    .bind(p.rating)
    .bind(&p.warranty)
    .bind(&p.shipping)
    .bind(&p.return_policy)
    .bind(&p.attributes)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(Upsert::from_returning(inserted))
}

/// Removes one product; false when there was none with that SKU.
pub async fn delete(tx: &mut Transaction<'_, Postgres>, sku: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM products WHERE sku = $1").bind(sku).execute(&mut **tx).await?;
    Ok(done.rows_affected() > 0)
}

/// Removes every product whose SKU is not in `keep`; returns the SKUs removed.
pub async fn prune(tx: &mut Transaction<'_, Postgres>, keep: &[String]) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("DELETE FROM products WHERE NOT (sku = ANY($1)) RETURNING sku")
        .bind(keep)
        .fetch_all(&mut **tx)
        .await
}
