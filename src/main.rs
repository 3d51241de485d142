//! The `aisle` command: serve the shop, import knowledge, search, evaluate and benchmark.
use aisle::config::Settings;
use aisle::domain::{DocKind, Filters, Money, SearchRequest};
use aisle::knowledge::{ImportReport, import_path};
use aisle::retrieval::{Mode, Retriever, load_index};
use aisle::startup::{Application, load_embedder};
use aisle::{bench, eval, store, telemetry};
use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "aisle", version, about = "A customer-service agent for online shops")]
struct Cli {
    /// A TOML settings file (also AISLE_CONFIG); AISLE__SECTION__KEY variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server.
    Serve,
    /// Import a catalog (JSONL, DummyJSON, CSV) and articles (Markdown) from a file or folder.
    Import {
        /// Defaults to the knowledge folder from the settings (`knowledge/`).
        path: Option<PathBuf>,
    },
    /// Search the catalog and knowledge base from the terminal.
    Search {
        query: String,
        #[arg(long)]
        min_price: Option<f64>,
        #[arg(long)]
        max_price: Option<f64>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        in_stock: bool,
        #[arg(long)]
        min_rating: Option<f32>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = CliMode::Hybrid)]
        mode: CliMode,
        /// Re-rank for diversity (MMR).
        #[arg(long)]
        diverse: bool,
    },
    /// Draft product descriptions from catalog data (stored for review).
    Describe {
        sku: String,
        #[arg(long, default_value_t = 1)]
        variants: usize,
        #[arg(long, value_enum, default_value_t = aisle::describe::Tone::Friendly)]
        tone: aisle::describe::Tone,
        #[arg(long, value_enum, default_value_t = aisle::describe::Length::Medium)]
        length: aisle::describe::Length,
    },
    /// Measure quality against labelled queries.
    Eval {
        #[command(subcommand)]
        what: EvalWhat,
    },
    /// Staff, editor and admin tokens.
    Token {
        #[command(subcommand)]
        what: TokenWhat,
    },
    /// Measure speed.
    Bench {
        #[command(subcommand)]
        what: BenchWhat,
    },
}

#[derive(Subcommand)]
enum EvalWhat {
    /// nDCG@10, Recall@5/10 and MRR for keyword, vector and hybrid retrieval.
    Retrieval { file: PathBuf },
    /// Accuracy of the sentiment lexicon on labelled shopper messages.
    Sentiment {
        file: PathBuf,
        /// Also measure nearest-centroid classification of embeddings, trained on this set.
        #[arg(long)]
        train: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TokenWhat {
    /// Make a token; it is printed once and stored only as a hash.
    Create {
        #[arg(long, value_enum)]
        role: aisle::auth::Role,
        #[arg(long)]
        name: String,
    },
    /// List tokens (never their secrets).
    List,
    /// Revoke a token by id or name.
    Revoke { id_or_name: String },
}

#[derive(Subcommand)]
enum BenchWhat {
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
    Chat {
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
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CliMode {
    Keyword,
    Vector,
    Hybrid,
}

impl From<CliMode> for Mode {
    fn from(m: CliMode) -> Mode {
        match m {
            CliMode::Keyword => Mode::Keyword,
            CliMode::Vector => Mode::Vector,
            CliMode::Hybrid => Mode::Hybrid,
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let quiet = !matches!(cli.command, Command::Serve);
    telemetry::init(if quiet { "warn" } else { "info,tantivy=warn" });
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(cli.config.as_deref()).map_err(anyhow::Error::msg)?;
    match cli.command {
        Command::Serve => {
            let app = Application::build(settings.clone(), None, aisle::startup::GeneratorChoice::FromSettings).await?;
            tracing::info!(host = %settings.server.host, port = app.port(), "Aisle is listening");
            app.run_until_stopped().await?;
        }
        Command::Import { path } => {
            let path = path.unwrap_or(settings.knowledge.dir.clone());
            let pool = connect(&settings).await?;
            match import_path(&pool, &path, console_is_tty()).await {
                Ok(report) => print_report(&path, &report),
                Err(aisle::knowledge::ImportFailure::Invalid(errors)) => {
                    for e in &errors {
                        eprintln!("{e}");
                    }
                    eprintln!("{} problem(s) found; nothing was imported.", errors.len());
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Command::Search { query, min_price, max_price, category, in_stock, min_rating, limit, mode, diverse } => {
            let price = |v: Option<f64>| v.map(|v| Money::from_f64(v).context("prices must be 0 or more")).transpose();
            let filters =
                Filters { min_price: price(min_price)?, max_price: price(max_price)?, category, in_stock, min_rating };
            let req =
                SearchRequest::parse(&query, filters, DocKind::All, limit, diverse).map_err(anyhow::Error::msg)?;
            let retriever = loaded_retriever(&settings, &connect(&settings).await?).await?;
            let hits = tokio::task::spawn_blocking(move || retriever.search(&req, mode.into(), None)).await??;
            for (i, h) in hits.iter().enumerate() {
                let s = &h.scores;
                let fmt = |x: Option<aisle::retrieval::Signal>| {
                    x.map_or("-".into(), |s| format!("{:.3} (#{})", s.score, s.rank))
                };
                println!(
                    "{:>2}. {:<58} fused {:.4}  keyword {:<14} vector {}",
                    i + 1,
                    bench::label(&h.doc),
                    s.fused,
                    fmt(s.keyword),
                    fmt(s.vector)
                );
            }
        }
        Command::Describe { sku, variants, tone, length } => {
            let pool = connect(&settings).await?;
            let prompts = aisle::chat::Prompts::load(&settings.chat.shop_name, settings.chat.max_words)
                .map_err(anyhow::Error::msg)?;
            let generator = aisle::startup::load_generator(&settings, prompts.system.clone()).await;
            let req = aisle::describe::DescribeRequest { variants, tone, length };
            let drafts = aisle::describe::describe(&pool, generator.as_deref(), &prompts, &sku, req).await?;
            for d in drafts {
                let flags = if d.unsupported.is_empty() {
                    String::new()
                } else {
                    format!(" (check: {})", d.unsupported.join(", "))
                };
                println!(
                    "[{}{}] {}
{}
",
                    d.status, flags, d.id, d.text
                );
            }
        }
        Command::Eval { what: EvalWhat::Retrieval { file } } => {
            let set = eval::load(&file).map_err(anyhow::Error::msg)?;
            let retriever = loaded_retriever(&settings, &connect(&settings).await?).await?;
            let rows = tokio::task::spawn_blocking(move || eval::compare(&retriever, &set)).await??;
            eval::print(&rows);
        }
        Command::Eval { what: EvalWhat::Sentiment { file, train } } => {
            let set = eval::load_feelings(&file).map_err(anyhow::Error::msg)?;
            let show = |name: &str, m: eval::SentimentMetrics, wrong: Vec<String>| {
                println!(
                    "{name}: {} messages: accuracy {:.3}, escalation recall {:.3}, precision {:.3}",
                    m.messages, m.accuracy, m.escalation_recall, m.escalation_precision
                );
                for w in wrong {
                    println!("  {w}");
                }
            };
            let (m, wrong) = eval::sentiment(&set);
            show("lexicon", m, wrong);
            if let Some(train) = train {
                let train = eval::load_feelings(&train).map_err(anyhow::Error::msg)?;
                let embedder =
                    load_embedder(&settings).await.context("the embedding model is needed (scripts/setup)")?;
                for (name, m, wrong) in eval::sentiment_by_embedding(&embedder, &train, &set)? {
                    show(name, m, wrong);
                }
            }
        }
        Command::Token { what } => {
            let pool = connect(&settings).await?;
            match what {
                TokenWhat::Create { role, name } => {
                    let name = name.trim();
                    if name.is_empty() {
                        bail!("--name must not be empty");
                    }
                    let token = aisle::auth::new_token("aisle");
                    let hash = aisle::auth::hash(&token);
                    let id = store::tokens::create(&pool, name, role.as_str(), &hash).await?;
                    eprintln!("Created {} token {id} for {name}. It is shown only now:", role.as_str());
                    println!("{token}");
                }
                TokenWhat::List => {
                    for t in store::tokens::list(&pool).await? {
                        let state = t.revoked_at.map_or("active".to_string(), |at| format!("revoked {at}"));
                        println!("{}  {:<7} {:<30} {state}", t.id, t.role, t.name);
                    }
                }
                TokenWhat::Revoke { id_or_name } => match store::tokens::revoke(&pool, &id_or_name).await? {
                    0 => bail!("no active token has that id or name"),
                    n => println!("Revoked {n} token(s)."),
                },
            }
        }
        Command::Bench {
            what:
                BenchWhat::Chat {
                    repeats,
                    max_tokens,
                    remote,
                    remote_model,
                    concurrency,
                    gpu_layers,
                    prompts,
                    save_prompts,
                },
        } => {
            let prompts = match prompts {
                Some(file) => {
                    let text =
                        std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    serde_json::from_str(&text).with_context(|| format!("{} is not a prompts file", file.display()))?
                }
                None => {
                    let pool = connect(&settings).await?;
                    let retriever = loaded_retriever(&settings, &pool).await?;
                    let prompts = aisle::chat::Prompts::load(&settings.chat.shop_name, settings.chat.max_words)
                        .map_err(anyhow::Error::msg)?;
                    let chat = aisle::chat::ChatService::new(
                        retriever,
                        None,
                        prompts,
                        pool,
                        settings.chat.clone(),
                        max_tokens,
                    );
                    bench::prompts(&chat, max_tokens).await?
                }
            };
            let mut prompts: bench::Prompts = prompts;
            for r in &mut prompts.requests {
                r.max_tokens = max_tokens;
            }
            if let Some(file) = save_prompts {
                std::fs::write(&file, serde_json::to_string_pretty(&prompts)?)?;
                println!("prompts written to {}", file.display());
                return Ok(ExitCode::SUCCESS);
            }
            let gpu_layers = if gpu_layers.is_empty() { vec![settings.llm.gpu_layers] } else { gpu_layers };
            let b = bench::ChatBench {
                repeats: repeats.max(1),
                concurrency,
                gpu_layers,
                remote: remote.map(|url| (url, remote_model)),
            };
            bench::chat(&prompts, &settings.llm, &b).await?;
        }
        Command::Bench { what: BenchWhat::Reindex { repeats } } => {
            let pool = connect(&settings).await?;
            let embedder = load_embedder(&settings).await;
            bench::reindex(&pool, embedder, &settings.retrieval, repeats.max(1)).await?;
        }
        Command::Bench { what: BenchWhat::Retrieval { sizes, queries } } => {
            let embedder = load_embedder(&settings)
                .await
                .context("the benchmark needs the embedding model (run scripts/setup)")?;
            let retrieval = settings.retrieval.clone();
            tokio::task::spawn_blocking(move || bench::retrieval(&embedder, &retrieval, &sizes, queries)).await??;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn console_is_tty() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

async fn connect(settings: &Settings) -> anyhow::Result<sqlx::PgPool> {
    let pool = store::lazy_pool(&settings.database)?;
    store::migrate(&pool).await.context("cannot reach Postgres or apply migrations (is DATABASE_URL right?)")?;
    Ok(pool)
}

/// A retriever over what is in Postgres now.
async fn loaded_retriever(settings: &Settings, pool: &sqlx::PgPool) -> anyhow::Result<std::sync::Arc<Retriever>> {
    let embedder = load_embedder(settings).await;
    let index = load_index(pool, embedder.as_ref()).await?;
    if index.is_empty() {
        bail!("the knowledge base is empty: run `aisle import` first");
    }
    let retriever = Retriever::new(embedder, settings.retrieval.clone());
    retriever.replace(index);
    Ok(std::sync::Arc::new(retriever))
}

fn print_report(path: &std::path::Path, r: &ImportReport) {
    println!(
        "Imported {}: products {} new, {} updated, {} unchanged; articles {} new, {} updated, {} unchanged.",
        path.display(),
        r.products.inserted,
        r.products.updated,
        r.products.unchanged,
        r.articles.inserted,
        r.articles.updated,
        r.articles.unchanged
    );
}
