//! `aisle bench chat`: time to first token and tokens/s for a realistic question, with the prefix
//! cache cold and warm, and aggregate tokens/s with several conversations at once.
use crate::chat::{Planner, cards};
use crate::config::LlmSettings;
use crate::llm::{GenRequest, Generator, LlamaEngine, RemoteGenerator, Usage};
use std::sync::Arc;
use std::time::Instant;

/// Questions a shopper might ask; each gets its real sources from the catalog.
const QUESTIONS: &[&str] = &[
    "How much do the Beats Flex wireless earphones cost, and are they in stock?",
    "I need a perfume for my wife under $100, what do you have?",
    "Which laptop would you recommend for work?",
    "Do you sell a blender for smoothies?",
    "What is the warranty on the Apple AirPods?",
    "Is the Rolex Submariner waterproof and how much is it?",
    "I want running shoes, something comfortable",
    "Do you have a cheap phone case for an iPhone 12?",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

async fn run(generator: &dyn Generator, req: GenRequest) -> anyhow::Result<Usage> {
    crate::llm::complete(generator, req).await.map(|(_, usage)| usage).map_err(anyhow::Error::msg)
}

fn decode_rate(u: &Usage) -> f64 {
    let secs = (u.duration_ms - u.ttft_ms) / 1000.0;
    if secs > 0.0 { f64::from(u.generated_tokens.saturating_sub(1)) / secs } else { 0.0 }
}

/// One question at a time, a different one each time (so only the system prompt can be reused).
async fn one_by_one(generator: &dyn Generator, requests: &[GenRequest], repeats: usize) -> anyhow::Result<(f64, f64)> {
    let mut usages = Vec::new();
    for i in 0..repeats {
        usages.push(run(generator, requests[i % requests.len()].clone()).await?);
    }
    Ok((median(usages.iter().map(|u| u.ttft_ms).collect()), median(usages.iter().map(decode_rate).collect())))
}

/// `n` conversations at once: aggregate tokens/s over the wall time, per-stream decode rate, TTFT.
async fn at_once(generator: &dyn Generator, requests: &[GenRequest], n: usize) -> anyhow::Result<(f64, f64, f64)> {
    let started = Instant::now();
    let runs = (0..n).map(|i| run(generator, requests[i % requests.len()].clone()));
    let usages: Vec<Usage> = futures_util::future::try_join_all(runs).await?;
    let total: u32 = usages.iter().map(|u| u.generated_tokens).sum();
    Ok((
        f64::from(total) / started.elapsed().as_secs_f64(),
        median(usages.iter().map(decode_rate).collect()),
        median(usages.iter().map(|u| u.ttft_ms).collect()),
    ))
}

/// The prompts a benchmark sends: built here from the catalog, or read from a file written by
/// `--save-prompts` (so a machine without Postgres, such as a GPU box, measures the same prompts).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Prompts {
    pub system: String,
    pub requests: Vec<GenRequest>,
}

/// Builds the prompts exactly as answers build them (same retrieval, evidence filter, templates).
pub async fn prompts(planner: &Planner, max_tokens: u32) -> anyhow::Result<Prompts> {
    let mut requests = Vec::new();
    for q in QUESTIONS {
        let sources = cards(&planner.evidence_for(q, None).await?);
        requests.push(GenRequest { max_tokens, ..planner.request(&[], q, &sources, false)? });
    }
    Ok(Prompts { system: planner.prompts.system.clone(), requests })
}

/// What to measure.
pub struct ChatBench {
    pub repeats: usize,
    /// Conversations at once, for the aggregate table.
    pub concurrency: Vec<usize>,
    /// Each value is measured with the same binary: e.g. `[999, 0]` compares GPU and CPU.
    pub gpu_layers: Vec<u32>,
    /// Another OpenAI-compatible server (e.g. llama.cpp's) measured alike.
    pub remote: Option<(String, String)>,
}

pub async fn chat(p: &Prompts, settings: &LlmSettings, b: &ChatBench) -> anyhow::Result<()> {
    let (system, requests) = (&p.system, &p.requests);
    let max_tokens = requests.first().map_or(0, |r| r.max_tokens);
    let remote: Option<Arc<RemoteGenerator>> =
        b.remote.clone().map(|(url, model)| Arc::new(RemoteGenerator::new(&url, &model, None)));
    for &gpu_layers in &b.gpu_layers {
        let settings = LlmSettings { gpu_layers, ..settings.clone() };
        println!(
            "chat benchmark: {} ({} threads, llm.gpu_layers = {gpu_layers}), {max_tokens} tokens max, medians of {} questions",
            settings.model_path.display(),
            settings.threads,
            b.repeats
        );
        println!("{:<34} {:>8} {:>10}", "one question at a time", "ttft_ms", "decode_t/s");
        let mut warm = (0.0, 0.0);
        for (label, cache) in [("aisle, prefix cache off", false), ("aisle, prefix cache on", true)] {
            let engine =
                LlamaEngine::start(&LlmSettings { prefix_cache: cache, slots: 1, ..settings.clone() }, system)?;
            run(&engine, requests[requests.len() - 1].clone()).await?; // warm-up: buffers, page cache
            let (ttft, rate) = one_by_one(&engine, requests, b.repeats).await?;
            println!("{label:<34} {ttft:>8.0} {rate:>10.1}");
            warm = (ttft, rate);
        }
        if let Some(r) = &remote {
            run(r, requests[requests.len() - 1].clone()).await?;
            let (ttft, rate) = one_by_one(r, requests, b.repeats).await?;
            println!("{:<34} {ttft:>8.0} {rate:>10.1}", format!("remote {}", r.model_name()));
            println!("ratio remote/aisle: ttft {:.2}x, decode {:.2}x", ttft / warm.0, rate / warm.1);
        }
        let most = b.concurrency.iter().copied().max().unwrap_or(1) as u32;
        let engine = LlamaEngine::start(
            &LlmSettings { prefix_cache: true, slots: most, queue: most as usize * 2, ..settings.clone() },
            system,
        )?;
        run(&engine, requests[requests.len() - 1].clone()).await?;
        println!(
            "{:<14} {:>12} {:>14} {:>12} {:>16}",
            "conversations", "aggregate_t/s", "per_stream_t/s", "ttft_p50_ms", "remote_aggr_t/s"
        );
        for &n in &b.concurrency {
            let (aggregate, per_stream, ttft) = at_once(&engine, requests, n).await?;
            let remote_aggregate = match &remote {
                Some(r) => match at_once(r, requests, n).await {
                    Ok((aggregate, ..)) => format!("{aggregate:.1}"),
                    Err(e) => format!("failed: {e}"),
                },
                None => "-".into(),
            };
            println!("{n:<14} {aggregate:>12.1} {per_stream:>14.1} {ttft:>12.0} {remote_aggregate:>16}");
        }
    }
    Ok(())
}
