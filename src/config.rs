//! Typed settings: code defaults, then an optional TOML file, then `AISLE__SECTION__KEY` variables.
//! Validated once at start-up with messages a person can act on.
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub embedding: EmbeddingSettings,
    pub retrieval: RetrievalSettings,
    pub knowledge: KnowledgeSettings,
    pub llm: LlmSettings,
    pub chat: ChatSettings,
    pub limits: LimitSettings,
    pub staff: StaffSettings,
    #[serde(default)]
    pub orders: OrderSettings,
}

/// When people can join a conversation.
#[derive(Debug, Clone, Deserialize)]
pub struct StaffSettings {
    /// The team's hours, e.g. `mon-fri 09:00-17:00, sat 10:00-14:00`; empty: any time. Outside
    /// them, and whenever no one has the staff console open, shoppers are told so honestly and
    /// may leave an email instead of waiting.
    pub hours: String,
    /// The shop's UTC offset for `hours`, e.g. `+01:00`.
    pub utc_offset: String,
}

impl StaffSettings {
    pub fn hours(&self) -> Result<crate::domain::Hours, String> {
        crate::domain::Hours::parse(&self.hours, &self.utc_offset).map_err(|e| format!("staff.hours: {e}"))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct LlmSettings {
    /// `local` (llama.cpp in this process) or `remote` (an OpenAI-compatible server).
    pub backend: String,
    /// For `remote`: the server's base URL, the model name to ask for, and an optional key.
    pub remote_url: Option<String>,
    pub remote_model: Option<String>,
    pub remote_api_key: Option<SecretString>,
    /// A GGUF file with a chat template.
    pub model_path: PathBuf,
    /// Layers offloaded to a GPU when one is present (0 = CPU only).
    pub gpu_layers: u32,
    pub threads: i32,
    /// Conversations decoded together.
    pub slots: u32,
    /// Context tokens each conversation may use (prompt + answer).
    pub ctx_per_slot: u32,
    /// Requests allowed to wait for a slot before new ones get 503 + Retry-After.
    pub queue: usize,
    pub temperature: f32,
    pub max_tokens: u32,
    /// Evaluate the system prompt once and share it (off only to measure what it saves).
    pub prefix_cache: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ChatSettings {
    pub shop_name: String,
    /// Sources put in the prompt.
    pub sources: usize,
    /// Below this cosine, a hit is not evidence (unless it is also the best keyword match).
    pub min_similarity: f32,
    /// An FAQ this close to the question, and first for keywords too, is the answer itself.
    pub faq_similarity: f32,
    /// Earlier turns the model sees.
    pub history_turns: usize,
    pub max_words: u32,
    /// Where messages wait while Postgres is unavailable.
    pub spool_path: std::path::PathBuf,
}

/// Requests allowed per minute before a 429 with Retry-After.
#[derive(Debug, Clone, Deserialize)]
pub struct LimitSettings {
    /// Per client address: new conversations, messages, feedback and OpenAI-style completions together.
    pub per_ip_per_minute: u32,
    /// Messages per conversation.
    pub per_conversation_per_minute: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    /// 0 picks a free port (tests use this).
    pub port: u16,
    /// CPU-bound searches allowed in flight before new ones get 503 + Retry-After.
    pub max_inflight_searches: usize,
    /// Reverse proxies (CIDRs, e.g. `10.0.0.0/8`): from these peers the client's address is read
    /// from `Forwarded` / `X-Forwarded-For`, so rate limits apply per shopper, not per proxy.
    /// In the environment: `AISLE__SERVER__TRUSTED_PROXIES="10.0.0.0/8,127.0.0.1/32"`.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
}

impl ServerSettings {
    /// The trusted proxies, parsed (a bare address is a network of one).
    pub fn proxies(&self) -> Result<Vec<ipnet::IpNet>, String> {
        self.trusted_proxies
            .iter()
            .map(|p| {
                let p = p.trim();
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| format!("server.trusted_proxies: `{p}` is not an address or a CIDR like 10.0.0.0/8"))
            })
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: SecretString,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EmbeddingSettings {
    /// Folder with model.onnx, tokenizer.json, config.json, special_tokens_map.json, tokenizer_config.json.
    pub model_dir: PathBuf,
    /// ONNX Runtime shared library (libonnxruntime.so).
    pub ort_library: PathBuf,
    pub threads: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fusion {
    /// Reciprocal rank fusion: sum of 1/(k + rank) over the two lists.
    Rrf,
    /// Weighted blend: alpha * cosine + (1 - alpha) * BM25 / best BM25 of the list.
    Blend,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RetrievalSettings {
    pub fusion: Fusion,
    pub rrf_k: f32,
    pub blend_alpha: f32,
    /// How many candidates each signal contributes before fusion.
    pub candidates: usize,
    /// MMR trade-off between relevance (1.0) and diversity (0.0).
    pub mmr_lambda: f32,
}

/// Where orders come from and how a shopper opens one (README, "Orders").
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct OrderSettings {
    /// `postgres` (orders imported or pushed to Aisle) or `http` (the shop's own order API).
    pub source: String,
    /// The secret a shop page signs its signed-in shopper's email with (the widget's
    /// `data-shopper`); without it, shoppers open orders with number and email only.
    pub shopper_secret: Option<SecretString>,
    /// Wrong number-and-email attempts a conversation may make per `lockout_minutes`.
    pub max_failed_checks: u32,
    pub lockout_minutes: u32,
    pub http: HttpOrderSettings,
}

impl Default for OrderSettings {
    fn default() -> Self {
        Self {
            source: "postgres".into(),
            shopper_secret: None,
            max_failed_checks: 5,
            lockout_minutes: 15,
            http: HttpOrderSettings::default(),
        }
    }
}

/// The shop's own order API.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct HttpOrderSettings {
    /// `https://shop.example/api/orders/{number}`
    pub url: Option<String>,
    /// Where a confirmed return is POSTed; none: staff take returns from the console.
    pub returns_url: Option<String>,
    /// A header sent with every call (`Authorization`, `X-Api-Key`), and its secret value.
    pub header_name: Option<String>,
    pub header_value: Option<SecretString>,
    pub timeout_ms: u64,
    pub retries: u32,
    pub backoff_ms: u64,
    /// Failures in a row that open the circuit, and for how long it stays open.
    pub breaker_failures: u32,
    pub breaker_open_s: u64,
    pub mapping: OrderMapping,
}

/// How the shop's order JSON maps to Aisle's (read by `orders::mapping`): Aisle's field ->
/// dotted path in the shop's JSON (an item's fields as `items.name`), and status words.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OrderMapping {
    #[serde(default)]
    pub fields: std::collections::HashMap<String, String>,
    #[serde(default)]
    pub statuses: std::collections::HashMap<String, String>,
}

impl Default for HttpOrderSettings {
    fn default() -> Self {
        Self {
            url: None,
            returns_url: None,
            header_name: None,
            header_value: None,
            timeout_ms: 2000,
            retries: 2,
            backoff_ms: 200,
            breaker_failures: 5,
            breaker_open_s: 30,
            mapping: OrderMapping::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct KnowledgeSettings {
    pub dir: PathBuf,
}

impl Settings {
    /// Loads settings; `file` is an optional TOML file (also `AISLE_CONFIG`).
    pub fn load(file: Option<&Path>) -> Result<Self, String> {
        let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
        let cache = std::env::var("AISLE_CACHE").unwrap_or_else(|_| format!("{home}/.cache/aisle"));
        let default_db =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/aisle".into());
        let mut b = config::Config::builder()
            .set_default("server.host", "127.0.0.1")
            .and_then(|b| b.set_default("server.port", 8080))
            .and_then(|b| b.set_default("server.max_inflight_searches", 64))
            .and_then(|b| b.set_default("database.url", default_db))
            .and_then(|b| b.set_default("database.max_connections", 10))
            .and_then(|b| b.set_default("embedding.model_dir", format!("{cache}/models/minilm-l6-int8")))
            .and_then(|b| {
                b.set_default("embedding.ort_library", format!("{cache}/models/onnxruntime/libonnxruntime.so.1.31.1"))
            })
            .and_then(|b| b.set_default("embedding.threads", 2))
            .and_then(|b| b.set_default("retrieval.fusion", "blend"))
            .and_then(|b| b.set_default("retrieval.rrf_k", 60.0))
            .and_then(|b| b.set_default("retrieval.blend_alpha", 0.8))
            .and_then(|b| b.set_default("retrieval.candidates", 50))
            .and_then(|b| b.set_default("retrieval.mmr_lambda", 0.7))
            .and_then(|b| b.set_default("knowledge.dir", "knowledge"))
            .and_then(|b| {
                b.set_default("llm.model_path", format!("{cache}/models/llm/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"))
            })
            // Every layer on the GPU when there is one; a CPU build ignores it.
            .and_then(|b| b.set_default("llm.gpu_layers", 999))
            .and_then(|b| {
                b.set_default("llm.threads", std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(2))
            })
            .and_then(|b| b.set_default("llm.slots", 4))
            .and_then(|b| b.set_default("llm.ctx_per_slot", 4096))
            .and_then(|b| b.set_default("llm.queue", 16))
            .and_then(|b| b.set_default("llm.temperature", 0.2))
            .and_then(|b| b.set_default("llm.max_tokens", 200))
            .and_then(|b| b.set_default("llm.prefix_cache", true))
            .and_then(|b| b.set_default("llm.backend", "local"))
            .and_then(|b| b.set_default("chat.shop_name", "the Aisle demo shop"))
            .and_then(|b| b.set_default("chat.sources", 3))
            .and_then(|b| b.set_default("chat.min_similarity", 0.35))
            .and_then(|b| b.set_default("chat.faq_similarity", 0.6))
            .and_then(|b| b.set_default("chat.history_turns", 2))
            .and_then(|b| b.set_default("chat.max_words", 80))
            .and_then(|b| b.set_default("chat.spool_path", format!("{cache}/spool/messages.jsonl")))
            .and_then(|b| b.set_default("limits.per_ip_per_minute", 60))
            .and_then(|b| b.set_default("limits.per_conversation_per_minute", 12))
            .and_then(|b| b.set_default("staff.hours", ""))
            .and_then(|b| b.set_default("staff.utc_offset", "+00:00"))
            .map_err(|e| format!("internal default settings are invalid: {e}"))?;
        let file = file.map(Path::to_path_buf).or_else(|| std::env::var_os("AISLE_CONFIG").map(PathBuf::from));
        if let Some(f) = &file {
            if !f.exists() {
                return Err(format!("the settings file {} does not exist", f.display()));
            }
            b = b.add_source(config::File::from(f.as_path()).format(config::FileFormat::Toml));
        }
        b = b.add_source(
            config::Environment::with_prefix("AISLE")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("server.trusted_proxies"),
        );
        let settings: Settings = b
            .build()
            .and_then(|c| c.try_deserialize())
            .map_err(|e| format!("settings are invalid: {e} (see README, section Configuration)"))?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), String> {
        let r = &self.retrieval;
        if !(0.0..=1.0).contains(&r.blend_alpha) {
            return Err(format!("retrieval.blend_alpha must be between 0 and 1, not {}", r.blend_alpha));
        }
        if !(0.0..=1.0).contains(&r.mmr_lambda) {
            return Err(format!("retrieval.mmr_lambda must be between 0 and 1, not {}", r.mmr_lambda));
        }
        if r.rrf_k <= 0.0 || r.candidates == 0 {
            return Err("retrieval.rrf_k and retrieval.candidates must be positive".into());
        }
        match (self.llm.backend.as_str(), &self.llm.remote_url) {
            ("local", _) | ("remote", Some(_)) => {}
            ("remote", None) => return Err("llm.backend = \"remote\" needs llm.remote_url".into()),
            (other, _) => return Err(format!("llm.backend must be \"local\" or \"remote\", not \"{other}\"")),
        }
        if self.llm.slots == 0 || self.llm.queue == 0 || self.llm.threads <= 0 || self.llm.max_tokens == 0 {
            return Err("llm.slots, llm.queue, llm.threads and llm.max_tokens must be at least 1".into());
        }
        if self.llm.ctx_per_slot < self.llm.max_tokens + 256 {
            return Err("llm.ctx_per_slot must leave room for a prompt: at least llm.max_tokens + 256".into());
        }
        if self.chat.sources == 0 || self.chat.sources > 10 {
            return Err("chat.sources must be between 1 and 10".into());
        }
        if self.server.max_inflight_searches == 0 || self.embedding.threads == 0 {
            return Err("server.max_inflight_searches and embedding.threads must be at least 1".into());
        }
        if self.limits.per_ip_per_minute == 0 || self.limits.per_conversation_per_minute == 0 {
            return Err("limits.per_ip_per_minute and limits.per_conversation_per_minute must be at least 1".into());
        }
        self.server.proxies()?;
        self.staff.hours()?;
        match self.orders.source.as_str() {
            "postgres" => {}
            "http" if self.orders.http.url.as_deref().is_some_and(|u| u.contains("{number}")) => {}
            "http" => return Err("orders.source = \"http\" needs orders.http.url with {number} in it".into()),
            other => return Err(format!("orders.source must be \"postgres\" or \"http\", not \"{other}\"")),
        }
        if self.orders.max_failed_checks == 0 || self.orders.http.timeout_ms == 0 {
            return Err("orders.max_failed_checks and orders.http.timeout_ms must be at least 1".into());
        }
        let url = self.database.url.expose_secret();
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err("database.url must be a postgres:// URL (set DATABASE_URL or AISLE__DATABASE__URL)".into());
        }
        Ok(())
    }
}
