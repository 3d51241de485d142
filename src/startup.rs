//! Wiring: settings in, a bound server out. Port 0 works, so tests can run many side by side.
use crate::chat::{ChatService, Prompts};
use crate::config::Settings;
use crate::llm::{Generator, LlamaEngine};
use crate::retrieval::{Embedder, Retriever, load_index, past_queries};
use crate::{http, store};
use actix_web::dev::Server;
use sqlx::PgPool;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Shared by every request handler.
pub struct AppState {
    pub pool: PgPool,
    pub retriever: Arc<Retriever>,
    /// Bounds CPU-bound searches in flight; when none is free the request gets 503 + Retry-After.
    pub search_slots: Arc<Semaphore>,
    /// Set once migrations ran and the first index snapshot is loaded.
    pub loaded: AtomicBool,
    pub chat: Arc<ChatService>,
    /// Live conversation streams in this process.
    pub hub: crate::events::Hub,
    pub limits: Arc<crate::http::Limits>,
    /// One rebuild at a time; a request already covered by a rebuild that started later is skipped.
    reload_lock: tokio::sync::Mutex<()>,
    reload_requests: AtomicU64,
    reload_done: AtomicU64,
}

/// Which generator answers: the one from the settings, one the caller made (tests), or none.
pub enum GeneratorChoice {
    FromSettings,
    Given(Arc<dyn Generator>),
    None,
}

/// Loads the language model, or explains why answers will come without it.
pub async fn load_generator(settings: &Settings, prompts_system: String) -> Option<Arc<dyn Generator>> {
    let s = settings.llm.clone();
    if let ("remote", Some(url)) = (s.backend.as_str(), &s.remote_url) {
        let model = s.remote_model.clone().unwrap_or_else(|| "default".into());
        tracing::info!(%url, %model, "answers are generated remotely");
        return Some(Arc::new(Arc::new(crate::llm::RemoteGenerator::new(url, &model, s.remote_api_key.clone()))));
    }
    let engine = load_optional("language model", "chat answers from FAQs and sources only", move || {
        LlamaEngine::start(&s, &prompts_system)
    })
    .await?;
    Some(Arc::new(engine))
}

/// Loads a model off the async executor; on failure, logs what the service will do without it.
async fn load_optional<T: Send + 'static, E: std::fmt::Display + Send + 'static>(
    what: &str,
    without: &str,
    load: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Option<T> {
    match tokio::task::spawn_blocking(load).await {
        Ok(Ok(loaded)) => Some(loaded),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "{what} unavailable: {without}");
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "{what} failed to load: {without}");
            None
        }
    }
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: Arc<AppState>,
}

/// Loads the embedding model, or explains why search will run on keywords only.
pub async fn load_embedder(settings: &Settings) -> Option<Arc<Embedder>> {
    let s = settings.embedding.clone();
    load_optional("embedding model", "search runs on keywords only", move || Embedder::load(&s)).await.map(Arc::new)
}

impl Application {
    /// Binds the server and starts loading knowledge in the background; `embedder` may be shared
    /// by the caller (tests load the model once per process).
    pub async fn build(
        settings: Settings,
        embedder: Option<Arc<Embedder>>,
        generator: GeneratorChoice,
    ) -> anyhow::Result<Self> {
        use anyhow::Context;
        let prompts = Prompts::load(&settings.chat.shop_name, settings.chat.max_words).map_err(anyhow::Error::msg)?;
        let generator = match generator {
            GeneratorChoice::FromSettings => load_generator(&settings, prompts.system.clone()).await,
            GeneratorChoice::Given(g) => Some(g),
            GeneratorChoice::None => None,
        };
        let pool = store::lazy_pool(&settings.database).context("the database URL is invalid")?;
        let embedder = match embedder {
            Some(e) => Some(e),
            None => load_embedder(&settings).await,
        };
        let retriever = Arc::new(Retriever::new(embedder, settings.retrieval.clone()));
        let chat = Arc::new(ChatService::new(
            retriever.clone(),
            generator,
            prompts,
            pool.clone(),
            settings.chat.clone(),
            settings.llm.max_tokens,
        ));
        tokio::spawn(chat.log.clone().replay_forever());
        if let Some(e) = retriever.embedder().cloned() {
            // Train the sentiment classes now, so no shopper waits for it.
            tokio::task::spawn_blocking(move || crate::chat::sentiment::Centroids::shared(&e));
        }
        let state = Arc::new(AppState {
            pool,
            chat,
            retriever,
            search_slots: Arc::new(Semaphore::new(settings.server.max_inflight_searches)),
            loaded: AtomicBool::new(false),
            hub: crate::events::Hub::default(),
            limits: crate::http::Limits::new(&settings.limits),
            reload_lock: tokio::sync::Mutex::new(()),
            reload_requests: AtomicU64::new(0),
            reload_done: AtomicU64::new(0),
        });
        tokio::spawn(load_until_ready(state.clone()));
        tokio::spawn(crate::events::listen_forever(state.clone()));
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let listener = TcpListener::bind(&address).with_context(|| format!("cannot listen on {address}"))?;
        let port = listener.local_addr()?.port();
        let server = http::server(listener, state.clone())?;
        Ok(Self { port, server, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Migrates and loads the index, retrying while Postgres is unreachable; the server answers
/// `/health` meanwhile and `/ready` says why it is not ready.
async fn load_until_ready(state: Arc<AppState>) {
    let mut delay = Duration::from_millis(500);
    loop {
        let loaded = async {
            use anyhow::Context;
            store::migrate(&state.pool).await.context("migrations failed")?;
            reload(&state).await
        };
        match loaded.await {
            Ok(()) => {
                state.loaded.store(true, Ordering::Release);
                return;
            }
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), retry_in = ?delay, "knowledge not loaded yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// Rebuilds the search snapshot from Postgres and swaps it in. When it returns, every change
/// committed before the call is searchable. Calls that pile up share one rebuild.
pub async fn reload(state: &AppState) -> anyhow::Result<()> {
    use anyhow::Context;
    let wanted = state.reload_requests.fetch_add(1, Ordering::AcqRel) + 1;
    let _one_at_a_time = state.reload_lock.lock().await;
    if state.reload_done.load(Ordering::Acquire) >= wanted {
        return Ok(()); // a rebuild that started after this request has finished
    }
    let covers = state.reload_requests.load(Ordering::Acquire);
    let started = std::time::Instant::now();
    let index = load_index(&state.pool, state.retriever.embedder()).await.context("loading the index failed")?;
    let docs = index.len();
    let vectors = index.has_vectors();
    state.retriever.replace(index);
    state.retriever.remember_queries(past_queries(&state.pool).await.unwrap_or_default());
    state.reload_done.store(covers, Ordering::Release);
    tracing::info!(docs, vectors, took = ?started.elapsed(), "search index ready");
    Ok(())
}
