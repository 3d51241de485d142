//! `aisle bench chat`: time to first token and tokens/s for a realistic question, with the prefix
//! cache cold and warm, and aggregate tokens/s with several conversations at once.
use super::median;
use crate::chat::{Message, Planner, cards};
use crate::config::LlmSettings;
use crate::llm::{ChatMessage, GenRequest, Generator, LlamaEngine, RemoteGenerator, Role, Usage};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// What a shopper asks next, after any answer.
const FOLLOW_UP: &str = "Is it in stock, and how soon could it get to me?";

/// Where each phase starts numbering its questions, the same on both sides of a comparison.
const ONE_AT_A_TIME: usize = 0;
const FOLLOW_UP_TURNS: usize = 1_000;
const CONCURRENT: usize = 2_000;

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

async fn run(generator: &dyn Generator, req: GenRequest) -> anyhow::Result<Usage> {
    crate::llm::complete(generator, req).await.map(|(_, usage)| usage).map_err(anyhow::Error::msg)
}

fn decode_rate(u: &Usage) -> f64 {
    let secs = (u.duration_ms - u.ttft_ms) / 1000.0;
    if secs > 0.0 { f64::from(u.generated_tokens.saturating_sub(1)) / secs } else { 0.0 }
}

/// The requests a benchmark sends, in turn. Each is numbered ("Question 12: ...") unless
/// repeats are asked for, so no server can reuse anything of an earlier one but the system
/// prompt: a prompt cache is measured by the follow-ups it serves, not by repeated questions.
/// Both sides of a comparison get the same sequence: the same numbers, from the same start.
struct Questions<'a> {
    requests: &'a [GenRequest],
    sent: AtomicUsize,
    repeat: bool,
}

impl<'a> Questions<'a> {
    fn new(requests: &'a [GenRequest], repeat: bool, start: usize) -> Self {
        Questions { requests, sent: AtomicUsize::new(start), repeat }
    }

    fn next(&self) -> GenRequest {
        let i = self.sent.fetch_add(1, Ordering::Relaxed);
        let mut req = self.requests[i % self.requests.len()].clone();
        if !self.repeat
            && let Some(last) = req.messages.last_mut()
        {
            last.content = format!("Question {}: {}", i + 1, last.content);
        }
        req
    }
}

/// One question at a time: median time to first token and decode rate.
async fn one_by_one(
    generator: &dyn Generator,
    questions: &Questions<'_>,
    repeats: usize,
) -> anyhow::Result<(f64, f64)> {
    let mut usages = Vec::new();
    for _ in 0..repeats {
        usages.push(run(generator, questions.next()).await?);
    }
    Ok((median(usages.iter().map(|u| u.ttft_ms).collect()), median(usages.iter().map(decode_rate).collect())))
}

/// A question, then a follow-up in the same conversation: the follow-up's median time to first
/// token and how many of its prompt tokens were already in the cache.
async fn follow_ups(
    generator: &dyn Generator,
    questions: &Questions<'_>,
    repeats: usize,
) -> anyhow::Result<(f64, f64)> {
    let (mut ttft, mut cached) = (Vec::new(), Vec::new());
    for _ in 0..repeats {
        let mut req = questions.next();
        let (answer, _) = crate::llm::complete(generator, req.clone()).await.map_err(anyhow::Error::msg)?;
        req.messages.push(ChatMessage { role: Role::Assistant, content: answer });
        req.messages.push(ChatMessage { role: Role::User, content: FOLLOW_UP.into() });
        let usage = run(generator, req).await?;
        ttft.push(usage.ttft_ms);
        cached.push(f64::from(usage.cached_tokens) / f64::from(usage.prompt_tokens.max(1)));
    }
    Ok((median(ttft), median(cached)))
}

/// One server alone: a warm-up, then new questions one at a time and follow-up turns, printed
/// and added to `rows`. Returns the new questions' median time to first token and decode rate.
async fn alone<'q>(
    generator: &dyn Generator,
    name: &str,
    questions: &dyn Fn(usize) -> Questions<'q>,
    repeats: usize,
    gpu_layers: u32,
    rows: &mut Vec<Row>,
) -> anyhow::Result<(f64, f64)> {
    let asked = questions(ONE_AT_A_TIME);
    run(generator, asked.next()).await?; // warm-up: buffers, page cache
    let (ttft, rate) = one_by_one(generator, &asked, repeats).await?;
    println!("{name:<34} {ttft:>8.0} {rate:>10.1}");
    rows.push(Row::new(gpu_layers, name, 1, ttft, rate));
    let (follow_ttft, cached) = follow_ups(generator, &questions(FOLLOW_UP_TURNS), repeats).await?;
    let label = format!("{name}, follow-up turn");
    println!("{label:<34} {follow_ttft:>8.0} {:>10}", format!("{:.0}% cached", cached * 100.0));
    rows.push(Row { cached_share: Some(cached), ..Row::new(gpu_layers, label, 1, follow_ttft, 0.0) });
    Ok((ttft, rate))
}

/// What the rounds of `n` conversations at once gave one server.
#[derive(Default)]
struct Rounds {
    usages: Vec<Usage>,
    wall_s: f64,
}

impl Rounds {
    /// `n` conversations at once, added to the tally.
    async fn add(&mut self, generator: &dyn Generator, questions: Questions<'_>, n: usize) -> anyhow::Result<()> {
        let started = Instant::now();
        let runs = (0..n).map(|_| run(generator, questions.next()));
        self.usages.extend(futures_util::future::try_join_all(runs).await?);
        self.wall_s += started.elapsed().as_secs_f64();
        Ok(())
    }

    /// Aggregate tokens/s over the wall time; the median per-stream decode rate and time to first
    /// token over every stream of every round.
    fn row(&self, gpu_layers: u32, server: impl Into<String>, n: usize) -> Row {
        let total: u32 = self.usages.iter().map(|u| u.generated_tokens).sum();
        let ttft = median(self.usages.iter().map(|u| u.ttft_ms).collect());
        let row = Row::new(gpu_layers, server, n, ttft, median(self.usages.iter().map(decode_rate).collect()));
        Row { aggregate_tokens_per_s: Some(f64::from(total) / self.wall_s.max(1e-9)), ..row }
    }
}

/// One measured line, as written to the JSON results.
#[derive(serde::Serialize)]
struct Row {
    gpu_layers: u32,
    server: String,
    conversations: usize,
    ttft_p50_ms: f64,
    decode_tokens_per_s: f64,
    aggregate_tokens_per_s: Option<f64>,
    /// Of a follow-up's prompt, the share already in the cache.
    cached_share: Option<f64>,
}

impl Row {
    fn new(gpu_layers: u32, server: impl Into<String>, conversations: usize, ttft: f64, decode: f64) -> Self {
        Row {
            gpu_layers,
            server: server.into(),
            conversations,
            ttft_p50_ms: ttft,
            decode_tokens_per_s: decode,
            aggregate_tokens_per_s: None,
            cached_share: None,
        }
    }
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
        let mut sources = cards(&planner.evidence_for(q, None).await?);
        let (request, _) = planner.request(&[], &Message::english(q), &mut sources, false)?;
        requests.push(GenRequest { max_tokens, ..request });
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
    /// Send the same questions again instead of numbered ones (flatters any prompt cache).
    pub repeat_prompts: bool,
    /// Where to write the results as JSON, beside the table.
    pub json: Option<std::path::PathBuf>,
}

pub async fn chat(p: &Prompts, settings: &LlmSettings, b: &ChatBench) -> anyhow::Result<()> {
    let (system, requests) = (&p.system, &p.requests);
    anyhow::ensure!(!requests.is_empty(), "no prompts to send");
    // Each phase numbers its questions from its own start, the same on both sides.
    let questions = |start: usize| Questions::new(requests, b.repeat_prompts, start);
    let mut rows = Vec::new();
    let max_tokens = requests.first().map_or(0, |r| r.max_tokens);
    let remote: Option<Arc<RemoteGenerator>> =
        b.remote.clone().map(|(url, model)| Arc::new(RemoteGenerator::new(&url, &model, None, settings.temperature)));
    for &gpu_layers in &b.gpu_layers {
        let settings = LlmSettings { gpu_layers, ..settings.clone() };
        println!(
            "chat benchmark: {} ({} threads, llm.gpu_layers = {gpu_layers}), {max_tokens} tokens max, medians of {} {} questions",
            settings.model_path.display(),
            settings.threads,
            b.repeats,
            if b.repeat_prompts { "repeated" } else { "numbered" }
        );
        println!("{:<34} {:>8} {:>10}", "one question at a time", "ttft_ms", "decode_t/s");
        // A slot keeps its last prompt, so the system prompt is reused from the second question
        // on whether or not it is cached ahead (llm.prefix_cache): one engine is measured.
        let engine = LlamaEngine::start(&LlmSettings { prefix_cache: true, slots: 1, ..settings.clone() }, system)?;
        let warm = alone(&engine, "aisle", &questions, b.repeats, gpu_layers, &mut rows).await?;
        drop(engine);
        if let Some(r) = &remote {
            let name = format!("remote {}", r.model_name());
            let (ttft, rate) = alone(r, &name, &questions, b.repeats, gpu_layers, &mut rows).await?;
            println!("ratio aisle/remote: ttft {:.2}x, decode {:.2}x", warm.0 / ttft, warm.1 / rate);
        }
        let most = b.concurrency.iter().copied().max().unwrap_or(1) as u32;
        let engine = LlamaEngine::start(
            &LlmSettings { prefix_cache: true, slots: most, queue: most as usize * 2, ..settings.clone() },
            system,
        )?;
        run(&engine, questions(CONCURRENT).next()).await?;
        println!(
            "{:<14} {:>12} {:>14} {:>12}   {:<40}",
            "conversations", "aggregate_t/s", "per_stream_t/s", "ttft_p50_ms", "remote, and aisle/remote"
        );
        let mut start = CONCURRENT + 1;
        for &n in &b.concurrency {
            let (mut ours, mut theirs) = (Rounds::default(), Rounds::default());
            let mut failed = None;
            // Rounds alternate between the two servers, so both see the same drift of a noisy machine.
            for _ in 0..b.repeats {
                ours.add(&engine, questions(start), n).await?;
                if let Some(r) = &remote
                    && let Err(e) = theirs.add(r, questions(start), n).await
                {
                    failed = Some(e);
                }
                start += n;
            }
            let row = ours.row(gpu_layers, "aisle", n);
            let (aggregate, per_stream, ttft) =
                (row.aggregate_tokens_per_s.unwrap_or(0.0), row.decode_tokens_per_s, row.ttft_p50_ms);
            let versus = match (&remote, failed) {
                (None, _) => "-".to_string(),
                (Some(_), Some(e)) => format!("failed: {e}"),
                (Some(r), None) => {
                    let them = theirs.row(gpu_layers, format!("remote {}", r.model_name()), n);
                    let line = format!(
                        "{:.1} / {:.1} / {:.0}; ttft {:.2}x, decode {:.2}x",
                        them.aggregate_tokens_per_s.unwrap_or(0.0),
                        them.decode_tokens_per_s,
                        them.ttft_p50_ms,
                        ttft / them.ttft_p50_ms,
                        per_stream / them.decode_tokens_per_s
                    );
                    rows.push(them);
                    line
                }
            };
            rows.push(row);
            println!("{n:<14} {aggregate:>12.1} {per_stream:>14.1} {ttft:>12.0}   {versus}");
        }
    }
    if let Some(file) = &b.json {
        std::fs::write(file, serde_json::to_string_pretty(&rows)?)?;
        println!("results written to {}", file.display());
    }
    Ok(())
}
