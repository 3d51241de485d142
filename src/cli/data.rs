//! What most commands need first: Postgres with migrations applied, and the knowledge in it.
use aisle::config::Settings;
use aisle::http::AppState;
use aisle::retrieval::{Retriever, load_index};
use aisle::startup::{Application, GeneratorChoice, load_embedder};
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

/// The whole service as it answers shoppers (not serving HTTP), once its knowledge is loaded and
/// with its language model: what the answer evaluation and the language benchmark talk to.
pub async fn chat_service(settings: &Settings, what: &str) -> anyhow::Result<Arc<AppState>> {
    connect(settings).await?;
    let mut settings = settings.clone();
    settings.server.port = 0;
    let app = Application::build(settings, None, GeneratorChoice::FromSettings).await?;
    let state = app.state.clone();
    while !state.retriever.is_loaded() {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    if state.chat.generator().is_none() {
        bail!("the language model is needed for {what} (scripts/setup, AISLE__LLM__MODEL_PATH)");
    }
    Ok(state)
}
