//! Wiring: settings in, a bound server out. Port 0 works, so tests can run many side by side.
use crate::chat::{ChatService, OrderDesk, Parts};
use crate::config::Settings;
use crate::escalation::Escalation;
use crate::events::{Hub, Listener};
use crate::http::{self, AppState, Limits};
use crate::knowledge::Editor;
use crate::llm::{ChatMessage, Generator, LlamaEngine, worked_examples};
use crate::orders::{HttpOrders, OrderSource, PostgresOrders};
use crate::prompts::Prompts;
use crate::retrieval::{Embedder, Retriever};
use crate::store::{self, log::ConversationLog};
use actix_web::dev::Server;
use anyhow::Context;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Which generator answers: the one from the settings, one the caller made (tests), or none.
pub enum GeneratorChoice {
    FromSettings,
    Given(Arc<dyn Generator>),
    None,
}

/// What the engine keeps evaluated from the start: the chat's system prompt and, with
/// `readings`, each reading's instruction and worked examples (translation, rewording, a
/// question's field, a request for a person), so no shopper's message waits for them to be read (about 16 s for the
/// field reading's on these 2 cores), whatever other conversations the engine served before.
pub fn openings(prompts: &Prompts, readings: bool) -> Vec<Vec<ChatMessage>> {
    let mut openings = vec![worked_examples(&prompts.system, &[])];
    if readings {
        for (system, examples) in
            [prompts.translation(), prompts.rephrasing(), prompts.field_reading(), prompts.person_reading()]
        {
            openings.push(worked_examples(system, examples));
        }
    }
    openings
}

/// Loads the language model, or explains why answers will come without it; `openings` are
/// what it keeps evaluated (`openings`).
pub async fn load_generator(settings: &Settings, openings: Vec<Vec<ChatMessage>>) -> Option<Arc<dyn Generator>> {
    let s = settings.llm.clone();
    if let ("remote", Some(url)) = (s.backend.as_str(), &s.remote_url) {
        let model = s.remote_model.clone().unwrap_or_else(|| "default".into());
        tracing::info!(%url, %model, "answers are generated remotely");
        return Some(Arc::new(Arc::new(crate::llm::RemoteGenerator::new(
            url,
            &model,
            s.remote_api_key.clone(),
            s.temperature,
        ))));
    }
    let engine = load_optional("language model", "chat answers from FAQs and sources only", move || {
        LlamaEngine::start_with(&s, openings)
    })
    .await?;
    Some(Arc::new(engine))
}

/// Loads the embedding model, or explains why search will run on keywords only.
pub async fn load_embedder(settings: &Settings) -> Option<Arc<Embedder>> {
    let s = settings.embedding.clone();
    load_optional("embedding model", "search runs on keywords only", move || Embedder::load(&s)).await.map(Arc::new)
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

/// The prompts, checked: Aisle does not start with a template that does not render.
pub fn load_prompts(settings: &Settings) -> anyhow::Result<Prompts> {
    Prompts::load(&settings.chat.shop_name, settings.chat.max_words).map_err(anyhow::Error::msg)
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: Arc<AppState>,
}

impl Application {
    /// Binds the server and starts loading knowledge in the background; `embedder` may be shared
    /// by the caller (tests load the model once per process).
    pub async fn build(
        settings: Settings,
        embedder: Option<Arc<Embedder>>,
        generator: GeneratorChoice,
    ) -> anyhow::Result<Self> {
        let prompts = Arc::new(load_prompts(&settings)?);
        let generator = match generator {
            GeneratorChoice::FromSettings => load_generator(&settings, openings(&prompts, true)).await,
            GeneratorChoice::Given(g) => Some(g),
            GeneratorChoice::None => None,
        };
        let pool = store::lazy_pool(&settings.database).context("the database URL is invalid")?;
        let embedder = match embedder {
            Some(e) => Some(e),
            None => load_embedder(&settings).await,
        };
        let retriever = Arc::new(Retriever::new(embedder, settings.retrieval.clone()));
        let log = Arc::new(ConversationLog::new(pool.clone(), settings.chat.spool_path.clone()));
        let hours = settings.staff.hours().map_err(anyhow::Error::msg)?;
        let escalation = Arc::new(Escalation::new(pool.clone(), prompts.clone(), generator.clone(), hours));
        let source: Arc<dyn OrderSource> = match settings.orders.source.as_str() {
            "http" => Arc::new(HttpOrders::new(&settings.orders.http).map_err(anyhow::Error::msg)?),
            _ => Arc::new(PostgresOrders::new(pool.clone())),
        };
        let desk = OrderDesk {
            source,
            pool: pool.clone(),
            prompts: prompts.clone(),
            max_failed: settings.orders.max_failed_checks,
            lockout: Duration::from_secs(u64::from(settings.orders.lockout_minutes) * 60),
        };
        let parts = Parts {
            desk,
            retriever: retriever.clone(),
            generator,
            prompts: prompts.clone(),
            pool: pool.clone(),
            log: log.clone(),
            escalation: escalation.clone(),
        };
        let chat = Arc::new(ChatService::new(
            parts,
            settings.chat.clone(),
            settings.llm.max_tokens,
            settings.llm.ctx_per_slot,
        ));
        tokio::spawn(log.clone().replay_forever());
        if let Some(e) = retriever.embedder().cloned() {
            // Learn the sentiment classes and the problem and attribute readers now, so no shopper
            // waits for them.
            tokio::task::spawn_blocking(move || {
                crate::chat::sentiment::Centroids::shared(&e);
                crate::chat::problems::shared(&e);
                crate::chat::asked::shared(&e);
            });
        }
        let hub = Arc::new(Hub::default());
        let listener = Listener {
            pool: pool.clone(),
            retriever: retriever.clone(),
            escalation: escalation.clone(),
            hub: hub.clone(),
        };
        let state = Arc::new(AppState {
            editor: Editor { pool: pool.clone(), retriever: retriever.clone() },
            pool,
            chat,
            escalation,
            prompts,
            log,
            retriever,
            search_slots: Arc::new(Semaphore::new(settings.server.max_inflight_searches)),
            hub,
            shopper_secret: settings.orders.shopper_secret.clone(),
            limits: Limits::new(&settings.limits, settings.server.proxies().map_err(anyhow::Error::msg)?),
        });
        tokio::spawn(load_until_ready(state.pool.clone(), state.retriever.clone()));
        tokio::spawn(listener.listen_forever());
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let tcp = TcpListener::bind(&address).with_context(|| format!("cannot listen on {address}"))?;
        let port = tcp.local_addr()?.port();
        let server = http::server(tcp, state.clone())?;
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
async fn load_until_ready(pool: sqlx::PgPool, retriever: Arc<Retriever>) {
    let mut delay = Duration::from_millis(500);
    loop {
        let loaded = async {
            store::migrate(&pool).await.context("migrations failed")?;
            retriever.reload(&pool).await.context("loading the index failed")
        };
        match loaded.await {
            Ok(()) => return,
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), retry_in = ?delay, "knowledge not loaded yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
}
