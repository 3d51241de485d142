//! `aisle bench ...`: speed, measured the same way every time.
use aisle::bench;
use aisle::chat::{Planner, Translator};
use aisle::config::Settings;
use aisle::startup::{load_embedder, load_prompts};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Subcommand)]
pub enum What {
    /// Index build time and query latency on synthetic catalogs.
    Retrieval {
        /// Catalog sizes to measure.
        #[arg(long, value_delimiter = ',', default_values_t = [10_000usize, 100_000])]
        sizes: Vec<usize>,
        /// Queries timed per size and mode.
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// How long until a knowledge-base edit is searchable in another process (NOTIFY + rebuild).
    Reindex {
        #[arg(long, default_value_t = 20)]
        repeats: usize,
    },
    /// Time to first token and tokens/s, cold and warm, and with 1 to 8 conversations at once.
    Chat(ChatArgs),
    /// Time to first word for the same questions in each language, through the whole chat.
    Languages {
        /// Also write the results to this JSON file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// What a question worded unlike the help articles costs, through the whole chat: asked
    /// again in their words, against questions they answer as asked.
    Rewording {
        /// Also write the results to this JSON file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// What reading a product's field costs, through the whole chat: by the cues, the nearest
    /// examples, the model, or none of them (the model then writes the answer).
    Fields {
        /// Also write the results to this JSON file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// What each turn of a conversation costs, through the whole chat: three questions, then a
    /// short follow-up.
    Conversation {
        /// Also write the results to this JSON file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
pub struct ChatArgs {
    #[arg(long, default_value_t = 3)]
    repeats: usize,
    #[arg(long, default_value_t = 64)]
    max_tokens: u32,
    /// Also measure an OpenAI-compatible server (e.g. llama.cpp's) with the same prompts.
    #[arg(long)]
    remote: Option<String>,
    #[arg(long, default_value = "remote")]
    remote_model: String,
    /// Conversations at once in the aggregate table.
    #[arg(long, value_delimiter = ',', default_values_t = [1usize, 2, 4, 8])]
    concurrency: Vec<usize>,
    /// Measure with each of these `llm.gpu_layers` (e.g. 999,0: GPU, then CPU); default: the setting.
    #[arg(long, value_delimiter = ',')]
    gpu_layers: Vec<u32>,
    /// Read the prompts from this file instead of building them (no Postgres needed).
    #[arg(long)]
    prompts: Option<PathBuf>,
    /// Write the prompts built here to this file, for a machine without Postgres.
    #[arg(long)]
    save_prompts: Option<PathBuf>,
    /// Send the same questions again rather than numbered ones (any prompt cache then answers
    /// from memory, which flatters it).
    #[arg(long)]
    repeat_prompts: bool,
    /// Also write the results to this JSON file.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// The whole chat over the demo database, and a second translator on its model with its own
/// empty cache, to time a rewrite or a reading alone.
async fn through_chat(settings: &Settings) -> anyhow::Result<(Arc<aisle::http::AppState>, Translator)> {
    let state = super::data::chat_service(settings, "this benchmark").await?;
    let translator = Translator::new(state.chat.generator().cloned(), state.prompts.clone());
    Ok((state, translator))
}

/// Writes the results to `json`, when asked.
fn save<T: serde::Serialize>(json: Option<PathBuf>, results: &T) -> anyhow::Result<()> {
    if let Some(file) = json {
        std::fs::write(&file, serde_json::to_string_pretty(results)?)?;
    }
    Ok(())
}

pub async fn run(settings: &Settings, what: What) -> anyhow::Result<ExitCode> {
    match what {
        What::Chat(args) => chat(settings, args).await?,
        What::Conversation { json } => {
            let (state, _) = through_chat(settings).await?;
            let turns = bench::conversations(&state.chat).await;
            bench::print_conversations(&turns);
            save(json, &turns)?;
        }
        What::Languages { json } => {
            let (state, translator) = through_chat(settings).await?;
            let times = bench::languages(&state.chat, &translator).await;
            bench::print_languages(&times);
            save(json, &times)?;
        }
        What::Rewording { json } => {
            let (state, translator) = through_chat(settings).await?;
            let (warm, times) = bench::rewording(&state.chat, &translator).await;
            bench::print_rewording(warm, &times);
            save(json, &times)?;
        }
        What::Fields { json } => {
            let (state, translator) = through_chat(settings).await?;
            let times = bench::fields(&state.chat, &translator).await;
            bench::print_fields(&times);
            save(json, &times)?;
        }
        What::Reindex { repeats } => {
            let pool = super::data::connect(settings).await?;
            let embedder = load_embedder(settings).await;
            bench::reindex(&pool, embedder, &settings.retrieval, repeats.max(1)).await?;
        }
        What::Retrieval { sizes, queries } => {
            let embedder =
                load_embedder(settings).await.context("the benchmark needs the embedding model (run scripts/setup)")?;
            let retrieval = settings.retrieval.clone();
            tokio::task::spawn_blocking(move || bench::retrieval(&embedder, &retrieval, &sizes, queries)).await??;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn chat(settings: &Settings, a: ChatArgs) -> anyhow::Result<()> {
    let mut prompts: bench::Prompts = match &a.prompts {
        Some(file) => {
            let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
            serde_json::from_str(&text).with_context(|| format!("{} is not a prompts file", file.display()))?
        }
        None => {
            let pool = super::data::connect(settings).await?;
            let prompts = Arc::new(load_prompts(settings)?);
            let planner = Planner {
                retriever: super::data::loaded_retriever(settings, &pool).await?,
                translator: Arc::new(Translator::new(None, prompts.clone())),
                prompts,
                settings: settings.chat.clone(),
                max_tokens: a.max_tokens,
                context: settings.llm.ctx_per_slot,
            };
            bench::prompts(&planner, a.max_tokens).await?
        }
    };
    for r in &mut prompts.requests {
        r.max_tokens = a.max_tokens;
    }
    if let Some(file) = a.save_prompts {
        std::fs::write(&file, serde_json::to_string_pretty(&prompts)?)?;
        println!("prompts written to {}", file.display());
        return Ok(());
    }
    let gpu_layers = if a.gpu_layers.is_empty() { vec![settings.llm.gpu_layers] } else { a.gpu_layers };
    let b = bench::ChatBench {
        repeats: a.repeats.max(1),
        concurrency: a.concurrency,
        gpu_layers,
        remote: a.remote.map(|url| (url, a.remote_model)),
        repeat_prompts: a.repeat_prompts,
        json: a.json,
    };
    bench::chat(&prompts, &settings.llm, &b).await
}
