//! `aisle bench chat`: time to first token and tokens/s for a realistic question, with the prefix
//! cache cold and warm, and aggregate tokens/s with several conversations at once.
use crate::chat::{ChatService, cards};
use crate::llm::{GenRequest, LlamaEngine, LlmSettings, Usage};
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

async fn run(generator: &LlamaEngine, req: GenRequest) -> anyhow::Result<Usage> {
    crate::llm::complete(generator, req).await.map(|(_, usage)| usage).map_err(anyhow::Error::msg)
}

fn decode_rate(u: &Usage) -> f64 {
    let secs = (u.duration_ms - u.ttft_ms) / 1000.0;
    if secs > 0.0 { f64::from(u.generated_tokens.saturating_sub(1)) / secs } else { 0.0 }
}

/// Prompts are built exactly as answers build them (same retrieval, evidence filter, templates).
pub async fn chat(chat: &ChatService, settings: &LlmSettings, repeats: usize, max_tokens: u32) -> anyhow::Result<()> {
    let mut requests = Vec::new();
    for q in QUESTIONS {
        let sources = cards(&chat.evidence_for(q, None).await?);
        requests.push(GenRequest { max_tokens, ..chat.request(&[], q, &sources)? });
    }
    let system = &chat.prompts().system;
    println!(
        "chat benchmark: {} ({} threads), {max_tokens} tokens max, medians of {repeats}",
        settings.model_path.display(),
        settings.threads
    );
    println!("{:<26} {:>8} {:>9} {:>9} {:>10}", "case", "ttft_ms", "prompt", "cached", "decode_t/s");
    for (label, cache) in [("one question, cache cold", false), ("one question, cache warm", true)] {
        let engine = LlamaEngine::start(&LlmSettings { prefix_cache: cache, slots: 1, ..settings.clone() }, system)?;
        let mut usages = Vec::new();
        for _ in 0..repeats {
            usages.push(run(&engine, requests[0].clone()).await?);
        }
        let first = &usages[0];
        println!(
            "{:<26} {:>8.0} {:>9} {:>9} {:>10.1}",
            label,
            median(usages.iter().map(|u| u.ttft_ms).collect()),
            first.prompt_tokens,
            first.cached_tokens,
            median(usages.iter().map(decode_rate).collect())
        );
    }
    let engine = LlamaEngine::start(&LlmSettings { prefix_cache: true, slots: 8, ..settings.clone() }, system)?;
    run(&engine, requests[0].clone()).await?; // warm-up: the first decode allocates buffers
    println!("{:<14} {:>12} {:>14} {:>12}", "conversations", "aggregate_t/s", "per_stream_t/s", "ttft_p50_ms");
    for n in [1usize, 2, 4, 8] {
        let started = Instant::now();
        let runs = (0..n).map(|i| run(&engine, requests[i % requests.len()].clone()));
        let usages: Vec<Usage> = futures_util::future::try_join_all(runs).await?;
        let wall = started.elapsed().as_secs_f64();
        let total: u32 = usages.iter().map(|u| u.generated_tokens).sum();
        println!(
            "{:<14} {:>12.1} {:>14.1} {:>12.0}",
            n,
            f64::from(total) / wall,
            median(usages.iter().map(decode_rate).collect()),
            median(usages.iter().map(|u| u.ttft_ms).collect())
        );
    }
    Ok(())
}
