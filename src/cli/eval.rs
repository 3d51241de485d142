//! `aisle eval ...`: quality against labelled sets.
use aisle::config::Settings;
use aisle::eval;
use aisle::startup::{Application, GeneratorChoice, load_embedder};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum What {
    /// nDCG@10, Recall@5/10 and MRR for keyword, vector and hybrid retrieval.
    Retrieval { file: PathBuf },
    /// Labelled conversations through the real chat path (models, Postgres, the claim check):
    /// accuracy, citations, false values shown, escalation precision/recall and time to first word.
    Answers { file: PathBuf },
    /// Accuracy of the sentiment lexicon on labelled shopper messages.
    Sentiment {
        file: PathBuf,
        /// Also measure nearest-centroid classification of embeddings, trained on this set.
        #[arg(long)]
        train: Option<PathBuf>,
    },
}

pub async fn run(settings: &Settings, what: What) -> anyhow::Result<ExitCode> {
    match what {
        What::Retrieval { file } => {
            let set = eval::load(&file).map_err(anyhow::Error::msg)?;
            let retriever = super::data::loaded_retriever(settings, &super::data::connect(settings).await?).await?;
            let rows = tokio::task::spawn_blocking(move || eval::compare(&retriever, &set)).await??;
            eval::print(&rows);
        }
        What::Answers { file } => {
            let set = eval::answers::load(&file).map_err(anyhow::Error::msg)?;
            super::data::connect(settings).await?;
            let mut settings = settings.clone();
            settings.server.port = 0;
            let app = Application::build(settings, None, GeneratorChoice::FromSettings).await?;
            let state = app.state.clone();
            while !state.retriever.is_loaded() {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            if state.chat.generator().is_none() {
                anyhow::bail!(
                    "the language model is needed for this evaluation (scripts/setup, AISLE__LLM__MODEL_PATH)"
                );
            }
            let report = eval::answers::run(&state.chat, &set).await;
            eval::answers::print(&report);
        }
        What::Sentiment { file, train } => {
            let set = eval::load_feelings(&file).map_err(anyhow::Error::msg)?;
            let (m, wrong) = eval::sentiment(&set);
            show("lexicon", m, wrong);
            if let Some(train) = train {
                let train = eval::load_feelings(&train).map_err(anyhow::Error::msg)?;
                let embedder =
                    load_embedder(settings).await.context("the embedding model is needed (scripts/setup)")?;
                for (name, m, wrong) in eval::sentiment_by_embedding(&embedder, &train, &set)? {
                    show(name, m, wrong);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(name: &str, m: eval::SentimentMetrics, wrong: Vec<String>) {
    println!(
        "{name}: {} messages: accuracy {:.3}, escalation recall {:.3}, precision {:.3}",
        m.messages, m.accuracy, m.escalation_recall, m.escalation_precision
    );
    for w in wrong {
        println!("  {w}");
    }
}
