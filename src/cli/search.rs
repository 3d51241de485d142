//! `aisle search "QUERY"`: the hybrid search from the terminal, with each hit's separate scores.
use aisle::config::Settings;
use aisle::domain::{DocKind, Filters, Money, SearchRequest};
use aisle::retrieval::{Mode, Signal};
use anyhow::Context;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
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

pub async fn run(settings: &Settings, a: Args) -> anyhow::Result<ExitCode> {
    let price = |v: Option<f64>| v.map(|v| Money::from_f64(v).context("prices must be 0 or more")).transpose();
    let filters = Filters {
        min_price: price(a.min_price)?,
        max_price: price(a.max_price)?,
        category: a.category,
        in_stock: a.in_stock,
        min_rating: a.min_rating,
    };
    let req = SearchRequest::parse(&a.query, filters, DocKind::All, a.limit, a.diverse).map_err(anyhow::Error::msg)?;
    let retriever = super::data::loaded_retriever(settings, &super::data::connect(settings).await?).await?;
    let mode = a.mode.into();
    let hits = tokio::task::spawn_blocking(move || retriever.search(&req, mode, None)).await??;
    let fmt = |x: Option<Signal>| x.map_or("-".into(), |s| format!("{:.3} (#{})", s.score, s.rank));
    for (i, h) in hits.iter().enumerate() {
        let s = &h.scores;
        println!(
            "{:>2}. {:<58} fused {:.4}  keyword {:<14} vector {}",
            i + 1,
            aisle::bench::label(&h.doc),
            s.fused,
            fmt(s.keyword),
            fmt(s.vector)
        );
    }
    Ok(ExitCode::SUCCESS)
}
