//! Spawning Aisle against a fresh Postgres database per test.
use aisle::config::Settings;
use aisle::knowledge::{Options, import_path};
use aisle::llm::{FakeGenerator, Generator, LlamaEngine};
use aisle::retrieval::Embedder;
use aisle::startup::{Application, GeneratorChoice};
use secrecy::SecretString;
use serde_json::Value;
use sqlx::{Connection, Executor, PgConnection, PgPool};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::OnceCell;

pub struct TestApp {
    pub address: String,
    pub pool: PgPool,
    pub app: Arc<aisle::http::AppState>,
    pub client: reqwest::Client,
    /// Conversation tokens, by conversation id, as a shopper's browser keeps them.
    tokens: std::sync::Mutex<std::collections::HashMap<String, String>>,
}

fn server_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The same server, another database.
fn database_url(name: &str) -> String {
    let base = server_url();
    let (prefix, rest) = base.rsplit_once('/').unwrap_or((base.as_str(), ""));
    let query = rest.split_once('?').map(|(_, q)| format!("?{q}")).unwrap_or_default();
    format!("{prefix}/{name}{query}")
}

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The real model, loaded once per test process.
pub fn embedder() -> Arc<Embedder> {
    static E: OnceLock<Arc<Embedder>> = OnceLock::new();
    E.get_or_init(|| {
        let settings = Settings::load(None).expect("settings");
        Arc::new(
            Embedder::load(&settings.embedding)
                .expect("the embedding model is needed for these tests: run scripts/setup"),
        )
    })
    .clone()
}

async fn admin() -> PgConnection {
    PgConnection::connect(&server_url()).await.expect("Postgres must be reachable at DATABASE_URL for the tests")
}

async fn create_database(template: Option<&str>) -> String {
    let name = format!("aisle_test_{}", uuid::Uuid::new_v4().simple());
    let template = template.map(|t| format!(" TEMPLATE {t}")).unwrap_or_default();
    admin().await.execute(format!(r#"CREATE DATABASE "{name}"{template}"#).as_str()).await.expect("create database");
    name
}

/// A database with migrations and the demo shop imported and embedded, prepared once per run;
/// each test clones it, which takes milliseconds instead of re-embedding the knowledge base.
async fn demo_template() -> String {
    static T: OnceCell<String> = OnceCell::const_new();
    T.get_or_init(|| async {
        let name = create_database(None).await;
        let pool = PgPool::connect(&database_url(&name)).await.expect("connect to template");
        aisle::store::migrate(&pool).await.expect("migrations");
        import_path(&pool, &repo_path("knowledge"), Options::default()).await.expect("the demo knowledge imports");
        aisle::retrieval::load_index(&pool, Some(&embedder())).await.expect("the demo knowledge embeds");
        pool.close().await;
        name
    })
    .await
    .clone()
}

pub fn settings_for(database: &str) -> Settings {
    let mut s = Settings::load(None).expect("settings");
    s.server.port = 0;
    s.database.url = SecretString::from(database_url(database));
    // Tests send many requests from one address; the rate-limit test sets its own.
    s.limits.per_ip_per_minute = 100_000;
    s.limits.per_conversation_per_minute = 100_000;
    // Each app spools to its own file, so tests cannot replay each other's messages.
    s.chat.spool_path = std::env::temp_dir().join(format!("aisle-spool-{}.jsonl", uuid::Uuid::new_v4().simple()));
    s
}

/// The small real model (Qwen2.5-Coder-0.5B), greedy, loaded once per test process.
pub fn test_llm_settings(slots: u32, queue: usize) -> aisle::config::LlmSettings {
    let mut s = Settings::load(None).expect("settings").llm;
    s.model_path = std::env::var("AISLE_TEST_LLM").map(PathBuf::from).unwrap_or(s.model_path);
    s.slots = slots;
    s.queue = queue;
    s.temperature = 0.0;
    s.max_tokens = 120;
    s
}

pub fn real_generator() -> Arc<dyn Generator> {
    static G: OnceLock<Arc<dyn Generator>> = OnceLock::new();
    G.get_or_init(|| {
        let system = aisle::prompts::Prompts::load("the Aisle demo shop", 80).expect("prompts").system;
        // One engine serves every test of the process, as one server serves many shoppers: its
        // queue is long enough for all of them at once (a full queue is a 503, tested with an
        // engine of its own in `chat::a_full_queue_answers_503_with_retry_after`).
        let engine = LlamaEngine::start(&test_llm_settings(2, 64), &system)
            .expect("the test model is needed: run scripts/setup");
        Arc::new(engine)
    })
    .clone()
}

pub fn fake(reply: &str) -> GeneratorChoice {
    GeneratorChoice::Given(Arc::new(FakeGenerator::new(reply)))
}

pub async fn spawn_with(settings: Settings) -> TestApp {
    spawn_with_generator(settings, GeneratorChoice::None).await
}

pub async fn spawn_with_generator(settings: Settings, generator: GeneratorChoice) -> TestApp {
    aisle::telemetry::init("warn");
    let pool = PgPool::connect_lazy(secrecy::ExposeSecret::expose_secret(&settings.database.url)).expect("pool");
    let app = Application::build(settings, Some(embedder()), generator).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp { address, pool, app: state, client: reqwest::Client::new(), tokens: Default::default() }
}

/// Aisle over an empty database.
pub async fn spawn_app() -> TestApp {
    let app = spawn_with(settings_for(&create_database(None).await)).await;
    app.wait_ready().await;
    app
}

/// Aisle over the demo shop (catalog and articles from `knowledge/`).
pub async fn spawn_demo_app() -> TestApp {
    spawn_demo_app_with(GeneratorChoice::None).await
}

pub async fn spawn_demo_app_with(generator: GeneratorChoice) -> TestApp {
    let app = spawn_with_generator(demo_settings().await, generator).await;
    app.wait_ready().await;
    app
}

/// Aisle over the demo shop, answering with the real test model.
pub async fn spawn_real_demo_app() -> TestApp {
    spawn_demo_app_with(GeneratorChoice::Given(real_generator())).await
}

/// The cards of an answer: its last `sources` event (what the answer used).
pub fn cards(evs: &[Sse]) -> Vec<Value> {
    let last = evs.iter().rev().find(|e| e.event == "sources").expect("a sources event");
    last.data["sources"].as_array().cloned().unwrap_or_default()
}

/// Settings for a fresh copy of the demo shop's database.
pub async fn demo_settings() -> Settings {
    settings_for(&create_database(Some(&demo_template().await)).await)
}

/// A server-sent event: its name and JSON data.
#[derive(Debug)]
pub struct Sse {
    pub event: String,
    pub data: Value,
}

pub fn parse_sse(body: &str) -> Vec<Sse> {
    body.split("\n\n")
        .filter_map(|block| {
            let event = block.lines().find_map(|l| l.strip_prefix("event: "))?.to_string();
            let data = block.lines().filter_map(|l| l.strip_prefix("data: ")).collect::<Vec<_>>().join("\n");
            Some(Sse { event, data: serde_json::from_str(&data).unwrap_or(Value::Null) })
        })
        .collect()
}

impl TestApp {
    pub async fn new_conversation(&self) -> String {
        let r = self.client.post(format!("{}/api/conversations", self.address)).send().await.expect("request");
        assert_eq!(r.status().as_u16(), 201);
        let body = r.json::<Value>().await.expect("json");
        let id = body["id"].as_str().expect("id").to_string();
        let token = body["token"].as_str().expect("a conversation token").to_string();
        self.tokens.lock().expect("tokens").insert(id.clone(), token);
        id
    }

    /// Keeps a conversation's token, as the browser that started it does.
    pub fn remember_token(&self, conversation: &str, token: &str) {
        self.tokens.lock().expect("tokens").insert(conversation.to_string(), token.to_string());
    }

    /// The conversation's token (a made-up one for a conversation this app did not start).
    pub fn token_of(&self, conversation: &str) -> String {
        self.tokens.lock().expect("tokens").get(conversation).cloned().unwrap_or_else(|| "conv_unknown".into())
    }

    pub async fn send_message(&self, conversation: &str, text: &str) -> reqwest::Response {
        self.client
            .post(format!("{}/api/conversations/{conversation}/messages", self.address))
            .header("x-conversation-token", self.token_of(conversation))
            .json(&serde_json::json!({ "text": text }))
            .send()
            .await
            .expect("request")
    }

    /// The conversation as its shopper reads it.
    pub async fn history(&self, conversation: &str) -> Value {
        let r = self
            .client
            .get(format!("{}/api/conversations/{conversation}", self.address))
            .header("x-conversation-token", self.token_of(conversation))
            .send()
            .await
            .expect("request");
        assert_eq!(r.status().as_u16(), 200);
        r.json().await.expect("json")
    }

    /// Makes a staff, editor or admin token straight in the database, as `aisle token create` does.
    pub async fn token(&self, role: &str, name: &str) -> String {
        let token = aisle::auth::new_token("aisle");
        aisle::store::tokens::create(&self.pool, name, role, &aisle::auth::hash(&token)).await.expect("token");
        token
    }

    /// A request with a team member's token.
    pub fn as_team(&self, method: reqwest::Method, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.address)).bearer_auth(token)
    }

    /// Sends a message and reads the whole event stream.
    pub async fn ask(&self, conversation: &str, text: &str) -> Vec<Sse> {
        let r = self.send_message(conversation, text).await;
        assert_eq!(r.status().as_u16(), 200, "{}", r.text().await.unwrap_or_default());
        parse_sse(&r.text().await.expect("body"))
    }

    pub async fn wait_ready(&self) {
        for _ in 0..300 {
            if let Ok(r) = self.client.get(format!("{}/ready", self.address)).send().await
                && r.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("Aisle did not become ready within 30 s");
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request")
    }

    /// GET /api/search with the given query-string pairs; returns status and JSON body.
    pub async fn search(&self, params: &[(&str, &str)]) -> (u16, Value) {
        let r = self.client.get(format!("{}/api/search", self.address)).query(params).send().await.expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.expect("JSON body"))
    }

    /// The ids (SKU or article id) of a search's hits, in order.
    pub async fn search_ids(&self, q: &str) -> Vec<String> {
        let (status, body) = self.search(&[("q", q)]).await;
        assert_eq!(status, 200, "{body}");
        ids(&body)
    }
}

pub fn ids(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .map(|h| h["sku"].as_str().or(h["article_id"].as_str()).unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A TCP proxy in front of Postgres that a test can cut and restore, to play an outage.
pub struct PgProxy {
    port: u16,
    open: Arc<std::sync::atomic::AtomicBool>,
    links: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl PgProxy {
    pub async fn start() -> Self {
        let url = server_url();
        let upstream =
            url.split('@').nth(1).and_then(|rest| rest.split('/').next()).unwrap_or("127.0.0.1:5432").to_string();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let open = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let links: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>> = Arc::default();
        let (o, l) = (open.clone(), links.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !o.load(std::sync::atomic::Ordering::SeqCst) {
                    continue; // dropped: the connection closes at once
                }
                let upstream = upstream.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                l.lock().expect("links").push(task.abort_handle());
            }
        });
        Self { port, open, links }
    }

    /// The same database URL, through the proxy.
    pub fn url_for(&self, url: &SecretString) -> SecretString {
        let url = secrecy::ExposeSecret::expose_secret(url);
        let (user, rest) = url.split_once('@').unwrap_or((url, ""));
        let path = rest.split_once('/').map(|(_, p)| p).unwrap_or("");
        SecretString::from(format!("{user}@127.0.0.1:{}/{path}", self.port))
    }

    pub fn cut(&self) {
        self.open.store(false, std::sync::atomic::Ordering::SeqCst);
        for link in self.links.lock().expect("links").drain(..) {
            link.abort();
        }
    }

    pub fn restore(&self) {
        self.open.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}
