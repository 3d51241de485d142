//! What most commands need first: Postgres with migrations applied, and the knowledge in it.
use aisle::config::Settings;
use aisle::retrieval::{Retriever, load_index};
use aisle::startup::load_embedder;
use anyhow::{Context, bail};
use std::sync::Arc;

/// A pool with migrations applied, or a sentence saying why Postgres cannot be used.
pub async fn connect(settings: &Settings) -> anyhow::Result<sqlx::PgPool> {
    let pool = aisle::store::lazy_pool(&settings.database)?;
    aisle::store::migrate(&pool).await.context("cannot reach Postgres or apply migrations (is DATABASE_URL right?)")?;
    Ok(pool)
}

/// A retriever over what is in Postgres now.
pub async fn loaded_retriever(settings: &Settings, pool: &sqlx::PgPool) -> anyhow::Result<Arc<Retriever>> {
    let embedder = load_embedder(settings).await;
    let index = load_index(pool, embedder.as_ref()).await?;
    if index.is_empty() {
        bail!("the knowledge base is empty: run `aisle import` first");
    }
    let retriever = Retriever::new(embedder, settings.retrieval.clone());
    retriever.replace(index);
    Ok(Arc::new(retriever))
}
