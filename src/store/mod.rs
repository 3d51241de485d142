//! Postgres: the source of truth. One file per table; migrations are applied at start.
pub mod analytics;
pub mod articles;
pub mod conversations;
pub mod descriptions;
pub mod embeddings;
pub mod escalations;
pub mod log;
pub mod orders;
pub mod products;
pub mod queries;
pub mod tokens;

use secrecy::ExposeSecret;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;

/// Postgres refused a value itself (SQLSTATE class 22, a data exception): sending the same value
/// again fails the same way.
pub fn refused_value(e: &sqlx::Error) -> bool {
    sqlstate_class(e) == Some("22")
}

/// Postgres refused the row for good: a bad value, or a broken constraint (class 23).
pub fn refused_for_good(e: &sqlx::Error) -> bool {
    matches!(sqlstate_class(e), Some("22" | "23"))
}

fn sqlstate_class(e: &sqlx::Error) -> Option<&'static str> {
    let code = e.as_database_error()?.code()?;
    ["22", "23"].into_iter().find(|class| code.starts_with(class))
}

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
