//! Postgres: the source of truth. One file per table; migrations are applied at start.
pub mod analytics;
pub mod articles;
pub mod conversations;
pub mod descriptions;
pub mod embeddings;
pub mod escalations;
pub mod log;
pub mod products;
pub mod queries;
pub mod tokens;

use secrecy::ExposeSecret;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;

/// A pool that connects on first use, so the server starts even while Postgres is down.
pub fn lazy_pool(settings: &crate::config::DatabaseSettings) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(settings.max_connections)
        .acquire_timeout(Duration::from_secs(3))
        .connect_lazy(settings.url.expose_secret())
}

pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    sqlx::migrate!("./migrations").run(pool).await
}
