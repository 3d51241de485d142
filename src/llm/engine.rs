//! llama.cpp generation the way its own server does it: one model and one context on a dedicated
//! thread, parallel slots decoded together in shared batches (continuous batching), and the stable
//! system prompt evaluated once and shared by every slot (prefix caching).
use super::{GenError, GenEvent, GenRequest, Generator, StopReason, Usage};
use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaChatTemplate, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::LlamaToken;
use serde::Deserialize;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, TrySendError, sync_channel};
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

#[derive(Debug, Clone, Deserialize)]
pub struct LlmSettings {
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

/// llama.cpp's backend may be initialised once per process.
static BACKEND: OnceLock<Result<LlamaBackend, String>> = OnceLock::new();

fn backend() -> Result<&'static LlamaBackend, GenError> {
    BACKEND
        .get_or_init(|| {
            llama_cpp_2::send_logs_to_tracing(llama_cpp_2::LogOptions::default());
            LlamaBackend::init().map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| GenError::Unavailable(e.clone()))
}

struct Job {
    req: GenRequest,
    out: UnboundedSender<GenEvent>,
    queued: Instant,
}

pub struct LlamaEngine {
    jobs: SyncSender<Job>,
    name: String,
    generated: Arc<AtomicU64>,
}

impl LlamaEngine {
    /// Loads the model and starts the engine thread; `system_prompt` is the stable prefix to cache.
    pub fn start(settings: &LlmSettings, system_prompt: &str) -> Result<Self, GenError> {
        if !settings.model_path.is_file() {
            return Err(GenError::Unavailable(format!(
                "the model file {} is missing: run scripts/setup, or set AISLE__LLM__MODEL_PATH",
                settings.model_path.display()
            )));
        }
        let backend = backend()?;
        let (jobs, rx) = sync_channel(settings.queue);
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let name = settings.model_path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let settings = settings.clone();
        let system_prompt = system_prompt.to_string();
        let generated = Arc::new(AtomicU64::new(0));
        let counter = generated.clone();
        std::thread::Builder::new()
            .name("llm-engine".into())
            .spawn(move || match Engine::load(backend, &settings) {
                Ok(model) => {
                    let _ = ready_tx.send(Ok(()));
                    model.run(backend, &settings, &system_prompt, rx, &counter);
                }
                Err(e) => {
                    let _ = ready_tx.send(Err(e));
                }
            })
            .map_err(|e| GenError::Unavailable(e.to_string()))?;
        ready_rx.recv().map_err(|_| GenError::Unavailable("the engine thread died".into()))??;
        Ok(Self { jobs, name, generated })
    }

    /// Tokens generated since start, over every conversation.
    pub fn generated_tokens(&self) -> u64 {
        self.generated.load(Ordering::Relaxed)
    }
}

impl Generator for LlamaEngine {
    fn generate(&self, req: GenRequest) -> Result<UnboundedReceiver<GenEvent>, GenError> {
        let (out, rx) = unbounded_channel();
        match self.jobs.try_send(Job { req, out, queued: Instant::now() }) {
            Ok(()) => Ok(rx),
            Err(TrySendError::Full(_)) => Err(GenError::Busy),
            Err(TrySendError::Disconnected(_)) => Err(GenError::Unavailable("the engine stopped".into())),
        }
    }

    fn model_name(&self) -> &str {
        &self.name
    }
}

struct Engine {
    model: LlamaModel,
    template: LlamaChatTemplate,
}

enum Phase {
    /// Evaluating the prompt from this position.
    Prefill(usize),
    /// Generating; the last sampled token still has to be fed.
    Generate(LlamaToken),
}

struct Slot {
    job: Job,
    tokens: Vec<LlamaToken>,
    cached: usize,
    pos: i32,
    phase: Phase,
    sampler: LlamaSampler,
    /// Index in the current batch of this slot's token that gets logits.
    logits_at: Option<i32>,
    generated: u32,
    first_token: Option<Instant>,
    pending: Vec<u8>,
}

impl Engine {
    fn load(backend: &LlamaBackend, s: &LlmSettings) -> Result<Self, GenError> {
        let params = LlamaModelParams::default().with_n_gpu_layers(s.gpu_layers);
        let model = LlamaModel::load_from_file(backend, &s.model_path, &params)
            .map_err(|e| GenError::Unavailable(e.to_string()))?;
        let template = model
            .chat_template(None)
            .map_err(|e| GenError::Unavailable(format!("the model has no chat template: {e}")))?;
        let devices: Vec<String> = llama_cpp_2::list_llama_ggml_backend_devices()
            .into_iter()
            .map(|d| format!("{} ({})", d.name, d.backend))
            .collect();
        tracing::info!(model = %s.model_path.display(), gpu_layers = s.gpu_layers, ?devices, slots = s.slots, "language model loaded");
        Ok(Self { model, template })
    }

    fn format(&self, messages: &[super::ChatMessage], add_assistant: bool) -> Result<String, String> {
        let chat = messages
            .iter()
            .map(|m| LlamaChatMessage::new(m.role.as_str().to_string(), m.content.clone()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        self.model.apply_chat_template(&self.template, &chat, add_assistant).map_err(|e| e.to_string())
    }

    fn tokenize(&self, text: &str) -> Vec<LlamaToken> {
        self.model.vocab().tokenize(text.as_bytes(), true, true)
    }

    fn sampler(temperature: f32, seed: u32) -> LlamaSampler {
        if temperature <= 0.0 {
            LlamaSampler::greedy()
        } else {
            LlamaSampler::chain_simple([
                LlamaSampler::top_k(40),
                LlamaSampler::top_p(0.9, 1),
                LlamaSampler::temp(temperature),
                LlamaSampler::dist(seed),
            ])
        }
    }

    fn run(
        self,
        backend: &LlamaBackend,
        s: &LlmSettings,
        system_prompt: &str,
        jobs: Receiver<Job>,
        counter: &AtomicU64,
    ) {
        let n_slots = s.slots.max(1) as usize;
        let prefix_seq = n_slots as i32;
        let system = [super::ChatMessage { role: super::Role::System, content: system_prompt.to_string() }];
        let prefix_tokens = if s.prefix_cache {
            self.format(&system, false).map(|p| self.tokenize(&p)).unwrap_or_default()
        } else {
            Vec::new()
        };
        let n_ctx = s.ctx_per_slot * n_slots as u32 + prefix_tokens.len() as u32 + 16;
        let n_batch = 512u32;
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(n_ctx))
            .with_n_batch(n_batch)
            .with_n_seq_max(n_slots as u32 + 1)
            .with_kv_unified(true)
            .with_n_threads(s.threads)
            .with_n_threads_batch(s.threads);
        let mut ctx = match self.model.new_context(backend, params) {
            Ok(c) => c,
            Err(e) => {
                tracing::error!(error = %e, "could not create the llama.cpp context");
                return;
            }
        };
        let mut batch = LlamaBatch::new(n_batch as usize, n_slots as i32 + 1);
        // The shared prefix, evaluated once into its own sequence.
        let mut cached_prefix = 0;
        for chunk in prefix_tokens.chunks(n_batch as usize) {
            batch.clear();
            for (i, t) in chunk.iter().enumerate() {
                let _ = batch.add(*t, (cached_prefix + i) as i32, &[prefix_seq], false);
            }
            if ctx.decode(&mut batch).is_err() {
                tracing::warn!("could not evaluate the system prompt; answers will evaluate it each time");
                cached_prefix = 0;
                let _ = ctx.kv_cache_seq_rm(prefix_seq, None, None);
                break;
            }
            cached_prefix += chunk.len();
        }
        tracing::info!(prefix_tokens = cached_prefix, n_ctx, "prompt prefix cached");
        let prefix = &prefix_tokens[..cached_prefix];
        let vocab = self.model.vocab();
        let mut slots: Vec<Option<Slot>> = (0..n_slots).map(|_| None).collect();
        let mut seed = 1u32;
        loop {
            // Admit waiting jobs into free slots; sleep only when nothing is running.
            let busy = slots.iter().any(Option::is_some);
            let mut next = if busy { None } else { jobs.recv().ok() };
            if !busy && next.is_none() {
                return; // every sender is gone: the server stopped
            }
            for i in 0..n_slots {
                if slots[i].is_some() {
                    continue;
                }
                let job = match next.take() {
                    Some(j) => j,
                    None => match jobs.try_recv() {
                        Ok(j) => j,
                        Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
                    },
                };
                let prompt = match self.format(&job.req.messages, true) {
                    Ok(p) => p,
                    Err(e) => {
                        let _ = job.out.send(GenEvent::Failed(format!("the prompt could not be formatted: {e}")));
                        continue;
                    }
                };
                let tokens = self.tokenize(&prompt);
                if tokens.len() + job.req.max_tokens as usize > s.ctx_per_slot as usize {
                    let _ = job.out.send(GenEvent::Failed(format!("the prompt is too long ({} tokens)", tokens.len())));
                    continue;
                }
                // Reuse the cached prefix: copy its KV cells (shared, not duplicated) into this slot.
                let common =
                    prefix.iter().zip(&tokens).take_while(|(a, b)| a == b).count().min(tokens.len().saturating_sub(1));
                let seq = i as i32;
                let _ = ctx.kv_cache_seq_rm(seq, None, None);
                if common > 0 {
                    let _ = ctx.kv_cache_seq_cp(prefix_seq, seq, Some(0), Some(common as u32));
                }
                seed = seed.wrapping_add(1);
                slots[i] = Some(Slot {
                    job,
                    tokens,
                    cached: common,
                    pos: common as i32,
                    phase: Phase::Prefill(common),
                    sampler: Self::sampler(s.temperature, seed),
                    logits_at: None,
                    generated: 0,
                    first_token: None,
                    pending: Vec::new(),
                });
            }

            // One batch: a token for each generating slot, then prompt chunks up to the batch size.
            batch.clear();
            let mut room = n_batch as usize;
            for (i, slot) in slots.iter_mut().enumerate() {
                let Some(sl) = slot else { continue };
                if sl.job.out.is_closed() {
                    let _ = ctx.kv_cache_seq_rm(i as i32, None, None);
                    *slot = None; // the shopper left: stop generating
                    continue;
                }
                sl.logits_at = None;
                if let Phase::Generate(t) = sl.phase {
                    sl.logits_at = Some(batch.n_tokens());
                    let _ = batch.add(t, sl.pos, &[i as i32], true);
                    sl.pos += 1;
                    room -= 1;
                }
            }
            for (i, slot) in slots.iter_mut().enumerate() {
                let Some(sl) = slot else { continue };
                if let Phase::Prefill(from) = sl.phase {
                    let take = (sl.tokens.len() - from).min(room);
                    for k in from..from + take {
                        let last = k + 1 == sl.tokens.len();
                        if last {
                            sl.logits_at = Some(batch.n_tokens());
                        }
                        let _ = batch.add(sl.tokens[k], k as i32, &[i as i32], last);
                    }
                    room -= take;
                    sl.pos = (from + take) as i32;
                    sl.phase = Phase::Prefill(from + take);
                }
            }
            if batch.n_tokens() == 0 {
                continue;
            }
            if let Err(e) = ctx.decode(&mut batch) {
                for (i, slot) in slots.iter_mut().enumerate() {
                    if let Some(sl) = slot.take() {
                        let _ = sl.job.out.send(GenEvent::Failed(format!("decoding failed: {e}")));
                        let _ = ctx.kv_cache_seq_rm(i as i32, None, None);
                    }
                }
                continue;
            }

            // Sample the next token of every slot that got logits.
            for (i, slot) in slots.iter_mut().enumerate() {
                let Some(sl) = slot else { continue };
                let Some(idx) = sl.logits_at else { continue };
                let token = sl.sampler.sample(&ctx, idx);
                sl.first_token.get_or_insert_with(Instant::now);
                let stop = if vocab.is_eog(token) {
                    Some(StopReason::End)
                } else {
                    sl.generated += 1;
                    counter.fetch_add(1, Ordering::Relaxed);
                    sl.pending.extend(vocab.token_to_piece(token, false, None));
                    emit_utf8(&mut sl.pending, &sl.job.out);
                    if sl.generated >= sl.job.req.max_tokens {
                        Some(StopReason::Length)
                    } else if sl.pos as u32 + 1 >= s.ctx_per_slot {
                        Some(StopReason::Context)
                    } else {
                        None
                    }
                };
                sl.phase = Phase::Generate(token);
                if let Some(stop) = stop {
                    let now = Instant::now();
                    let usage = Usage {
                        prompt_tokens: sl.tokens.len() as u32,
                        cached_tokens: sl.cached as u32,
                        generated_tokens: sl.generated,
                        ttft_ms: sl.first_token.map_or(0.0, |t| (t - sl.job.queued).as_secs_f64() * 1000.0),
                        duration_ms: (now - sl.job.queued).as_secs_f64() * 1000.0,
                        stop,
                    };
                    if !sl.pending.is_empty() {
                        let _ = sl.job.out.send(GenEvent::Token(String::from_utf8_lossy(&sl.pending).to_string()));
                    }
                    let _ = sl.job.out.send(GenEvent::Done(usage));
                    let _ = ctx.kv_cache_seq_rm(i as i32, None, None);
                    *slot = None;
                }
            }
        }
    }
}

/// Sends the complete UTF-8 characters gathered so far; a split multi-byte character waits.
fn emit_utf8(pending: &mut Vec<u8>, out: &UnboundedSender<GenEvent>) {
    let valid = match std::str::from_utf8(pending) {
        Ok(s) => s.len(),
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        Err(_) => pending.len(),
    };
    if valid > 0 {
        let text = String::from_utf8_lossy(&pending[..valid]).to_string();
        pending.drain(..valid);
        let _ = out.send(GenEvent::Token(text));
    }
}
