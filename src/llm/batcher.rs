//! The engine thread's work: continuous batching over parallel slots, with a shared prompt prefix.
//!
//! Each slot is one conversation's answer and owns KV-cache sequence `slot index`; each opening
//! (the chat's system prompt; a reading's instruction and worked examples) lives in a sequence of
//! its own after the slots' and is shared into a slot whose prompt starts with it (unified KV
//! cache: the cells are tagged, not copied), so a request evaluates only what follows it. The
//! first opening (the system prompt) is read at start; the others while the engine has nothing
//! else to do, or just before the first request that starts with one, so start-up waits for none.
//!
//! A slot that finishes keeps what its sequence holds (the prompt and the answer). A request that
//! continues a free slot's last prompt (the same conversation), or shares most of what follows the
//! system prompt with it, goes to that slot, keeps the cells up to the common prefix and evaluates
//! only the rest: a follow-up reads only its new turn. Otherwise the least recently used free slot
//! is taken and starts from the system prompt.
use super::{ChatMessage, GenError, GenEvent, GenRequest, StopReason, Usage};
use crate::config::LlmSettings;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaChatTemplate, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::LlamaToken;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;
use tokio::sync::mpsc::UnboundedSender;

const N_BATCH: usize = 512;

/// One answer to write: the request, where its tokens go, and when it was queued.
pub struct Job {
    pub req: GenRequest,
    pub out: UnboundedSender<GenEvent>,
    pub queued: Instant,
}

pub struct Model {
    model: LlamaModel,
    template: LlamaChatTemplate,
}

impl Model {
    pub fn load(backend: &LlamaBackend, s: &LlmSettings) -> Result<Self, GenError> {
        let params = LlamaModelParams::default().with_n_gpu_layers(s.gpu_layers);
        let model = LlamaModel::load_from_file(backend, &s.model_path, &params)
            .map_err(|e| GenError::Unavailable(e.to_string()))?;
        let template = model
            .chat_template(None)
            .map_err(|e| GenError::Unavailable(format!("the model has no chat template: {e}")))?;
        let all = llama_cpp_2::list_llama_ggml_backend_devices();
        let devices: Vec<String> = all.iter().map(|d| format!("{} ({})", d.description, d.backend)).collect();
        let gpu = all.iter().find(|d| {
            use llama_cpp_2::LlamaBackendDeviceType::{Accelerator, Gpu, IntegratedGpu};
            matches!(d.device_type, Gpu | IntegratedGpu | Accelerator)
        });
        // llama.cpp offloads the repeating layers plus the output layer: n_layer + 1 in all.
        let on_gpu = gpu.map_or(0, |_| s.gpu_layers.min(model.n_layer() + 1));
        let backend = gpu.filter(|_| on_gpu > 0).map_or("CPU".to_string(), |d| d.backend.clone());
        tracing::info!(
            model = %s.model_path.display(),
            backend,
            layers_on_gpu = on_gpu,
            layers = model.n_layer() + 1,
            ?devices,
            slots = s.slots,
            "language model loaded"
        );
        Ok(Self { model, template })
    }

    fn format(&self, messages: &[ChatMessage], add_assistant: bool) -> Result<String, String> {
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

    /// Serves jobs until every sender is gone.
    pub fn serve(
        &self,
        backend: &LlamaBackend,
        s: &LlmSettings,
        openings: &[Vec<ChatMessage>],
        jobs: Receiver<Job>,
        counter: &AtomicU64,
    ) {
        let prefixes: Vec<Vec<LlamaToken>> = if s.prefix_cache {
            openings.iter().map(|o| self.format(o, false).map(|p| self.tokenize(&p)).unwrap_or_default()).collect()
        } else {
            Vec::new()
        };
        let n_slots = s.slots.max(1);
        let n_prefixes = prefixes.len() as u32;
        let held: usize = prefixes.iter().map(Vec::len).sum();
        let n_ctx = s.ctx_per_slot * n_slots + held as u32 + 16;
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(n_ctx))
            .with_n_batch(N_BATCH as u32)
            .with_n_seq_max(n_slots + n_prefixes.max(1))
            .with_kv_unified(true)
            .with_n_threads(s.threads)
            .with_n_threads_batch(s.threads);
        // Creating contexts in parallel is unsound in llama.cpp: one at a time per process.
        static CREATING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let creating = CREATING.lock().unwrap_or_else(|p| p.into_inner());
        let ctx = self.model.new_context(backend, params);
        drop(creating);
        let ctx = match ctx {
            Ok(c) => c,
            Err(e) => return tracing::error!(error = %e, "could not create the llama.cpp context"),
        };
        let mut b = Batcher {
            model: self,
            ctx,
            batch: LlamaBatch::new(N_BATCH, (n_slots + n_prefixes.max(1)) as i32),
            slots: (0..n_slots).map(|_| None).collect(),
            kept: (0..n_slots).map(|_| Kept::default()).collect(),
            tick: 0,
            prefixes: prefixes.into_iter().map(|tokens| Opening { tokens, read: false }).collect(),
            settings: s,
            counter,
            seed: 1,
        };
        if !b.prefixes.is_empty() {
            b.read_opening(0);
        }
        while b.admit(&jobs) {
            if b.fill_batch() {
                b.step();
            }
        }
    }
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
    /// The generated tokens fed back into the cache, after `tokens`.
    fed: Vec<LlamaToken>,
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

impl Slot {
    fn usage(&self, stop: StopReason) -> Usage {
        let since = |t: Instant| (t - self.job.queued).as_secs_f64() * 1000.0;
        Usage {
            prompt_tokens: self.tokens.len() as u32,
            cached_tokens: self.cached as u32,
            generated_tokens: self.generated,
            ttft_ms: self.first_token.map_or(0.0, since),
            duration_ms: since(Instant::now()),
            stop,
        }
    }
}

/// What a free slot's sequence holds: its last prompt and the answer after it.
#[derive(Default)]
struct Kept {
    tokens: Vec<LlamaToken>,
    /// How many of `tokens` were the prompt.
    prompt: usize,
    /// When the slot was freed (a tick), to evict the least recently used.
    used: u64,
}

struct Batcher<'m> {
    model: &'m Model,
    ctx: LlamaContext<'m>,
    batch: LlamaBatch<'static>,
    slots: Vec<Option<Slot>>,
    /// What each slot's sequence still holds once the slot is free, for reuse.
    kept: Vec<Kept>,
    /// Counts releases, to tell which slot was used least recently.
    tick: u64,
    /// Each opening, held in sequence `slots.len() + its index` once read.
    prefixes: Vec<Opening>,
    settings: &'m LlmSettings,
    counter: &'m AtomicU64,
    seed: u32,
}

/// A prompt's opening kept evaluated for every request that starts with it.
struct Opening {
    tokens: Vec<LlamaToken>,
    /// Whether its sequence holds it (an opening that could not be read holds no tokens).
    read: bool,
}

fn sampler(temperature: f32, seed: u32) -> LlamaSampler {
    if temperature <= 0.0 {
        LlamaSampler::greedy()
    } else {
        LlamaSampler::chain_simple([
            LlamaSampler::top_k(super::TOP_K),
            LlamaSampler::top_p(super::TOP_P, 1),
            LlamaSampler::temp(temperature),
            LlamaSampler::dist(seed),
        ])
    }
}

impl Batcher<'_> {
    fn prefix_seq(&self, k: usize) -> i32 {
        (self.slots.len() + k) as i32
    }

    /// The opening `tokens` start with, as (its tokens in common, its sequence): the longest
    /// of those read.
    fn shared(&self, tokens: &[LlamaToken]) -> (usize, i32) {
        let read = self.prefixes.iter().enumerate().filter(|(_, p)| p.read);
        let best = read.map(|(k, p)| (common_prefix(&p.tokens, tokens), k)).max();
        best.map_or((0, 0), |(common, k)| (common, self.prefix_seq(k)))
    }

    /// Evaluates opening `k` once, into its own sequence.
    fn read_opening(&mut self, k: usize) {
        let seq = self.prefix_seq(k);
        let tokens = std::mem::take(&mut self.prefixes[k].tokens);
        self.prefixes[k].read = true;
        for (n, chunk) in tokens.chunks(N_BATCH).enumerate() {
            self.batch.clear();
            for (i, t) in chunk.iter().enumerate() {
                let _ = self.batch.add(*t, (n * N_BATCH + i) as i32, &[seq], false);
            }
            if self.ctx.decode(&mut self.batch).is_err() {
                tracing::warn!("could not evaluate a prompt's opening; each request will evaluate it");
                let _ = self.ctx.kv_cache_seq_rm(seq, None, None);
                return;
            }
        }
        tracing::info!(prefix_tokens = tokens.len(), "prompt prefix cached");
        self.prefixes[k].tokens = tokens;
    }

    /// The opening not read yet that `tokens` start with whole, if any.
    fn unread_opening_of(&self, tokens: &[LlamaToken]) -> Option<usize> {
        let whole = |p: &Opening| !p.read && !p.tokens.is_empty() && common_prefix(&p.tokens, tokens) == p.tokens.len();
        self.prefixes.iter().position(whole)
    }

    /// Moves waiting jobs into free slots; blocks only when nothing is running and every
    /// opening is read (an idle engine reads the next one). Returns false when the engine
    /// should stop.
    fn admit(&mut self, jobs: &Receiver<Job>) -> bool {
        let busy = self.slots.iter().any(Option::is_some);
        let mut next = None;
        if !busy {
            let job = match self.prefixes.iter().position(|p| !p.read) {
                // Idle with an opening still unread: read it, unless a request is waiting.
                Some(k) => match jobs.try_recv() {
                    Err(TryRecvError::Empty) => {
                        self.read_opening(k);
                        return true;
                    }
                    other => other.ok(),
                },
                None => jobs.recv().ok(),
            };
            // Every sender is gone: the server stopped.
            let Some(job) = job else { return false };
            next = Some(job);
        }
        while self.slots.iter().any(Option::is_none) {
            let job = match next.take().map(Ok).unwrap_or_else(|| jobs.try_recv()) {
                Ok(j) => j,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            };
            if let Some(tokens) = self.tokens(&job) {
                if let Some(k) = self.unread_opening_of(&tokens) {
                    self.read_opening(k);
                }
                let i = self.choose(&tokens);
                self.slots[i] = Some(self.start(i, job, tokens));
            }
        }
        true
    }

    /// The job's prompt as tokens; `None` (and the job told why) when it cannot be answered.
    fn tokens(&self, job: &Job) -> Option<Vec<LlamaToken>> {
        let fail = |m: String| {
            let _ = job.out.send(GenEvent::Failed(m));
        };
        let prompt = match self.model.format(&job.req.messages, true) {
            Ok(p) => p,
            Err(e) => {
                fail(format!("the prompt could not be formatted: {e}"));
                return None;
            }
        };
        let tokens = self.model.tokenize(&prompt);
        if tokens.is_empty() || tokens.len() + job.req.max_tokens as usize > self.settings.ctx_per_slot as usize {
            fail(format!("the prompt is too long ({} tokens)", tokens.len()));
            return None;
        }
        Some(tokens)
    }

    /// The free slot for a prompt: the one whose last prompt it continues (the same
    /// conversation), else one holding most of what follows the system prompt, else the least
    /// recently used. Sharing only the system prompt is no reason to evict a conversation.
    fn choose(&self, tokens: &[LlamaToken]) -> usize {
        let (shared, _) = self.shared(tokens);
        let fit = |i: usize| {
            let common = common_prefix(&self.kept[i].tokens, tokens);
            if common > shared && common >= self.kept[i].prompt {
                (2, common)
            } else if common > shared && (common - shared) * 2 > tokens.len() - shared {
                (1, common)
            } else {
                (0, 0)
            }
        };
        (0..self.slots.len())
            .filter(|i| self.slots[*i].is_none())
            .max_by_key(|i| (fit(*i), std::cmp::Reverse(self.kept[*i].used)))
            .unwrap_or(0)
    }

    fn start(&mut self, i: usize, job: Job, tokens: Vec<LlamaToken>) -> Slot {
        // At least the last prompt token is evaluated: its logits give the first answer token.
        let last = tokens.len() - 1;
        let kept = common_prefix(&self.kept[i].tokens, &tokens).min(last);
        let (shared, opening) = self.shared(&tokens);
        let shared = shared.min(last);
        let seq = i as i32;
        // Keep what this slot already holds up to the common prefix, or start again from the
        // cells of the opening it starts with.
        let reused = kept >= shared && kept > 0 && self.ctx.kv_cache_seq_rm(seq, Some(kept as u32), None).is_ok();
        let common = if reused {
            kept
        } else {
            let _ = self.ctx.kv_cache_seq_rm(seq, None, None);
            if shared > 0 {
                let _ = self.ctx.kv_cache_seq_cp(opening, seq, Some(0), Some(shared as u32));
            }
            shared
        };
        self.kept[i].tokens.clear();
        self.seed = self.seed.wrapping_add(1);
        let temperature = if job.req.greedy { 0.0 } else { self.settings.temperature };
        Slot {
            job,
            tokens,
            fed: Vec::new(),
            cached: common,
            pos: common as i32,
            phase: Phase::Prefill(common),
            sampler: sampler(temperature, self.seed),
            logits_at: None,
            generated: 0,
            first_token: None,
            pending: Vec::new(),
        }
    }

    /// Frees a slot; its sequence keeps what was evaluated into it, for the next request that
    /// starts the same way.
    fn release(&mut self, i: usize) {
        let Some(sl) = self.slots[i].take() else { return };
        let evaluated = match sl.phase {
            Phase::Prefill(from) => from,
            Phase::Generate(_) => sl.tokens.len(),
        };
        let mut tokens = sl.tokens;
        tokens.truncate(evaluated);
        let prompt = tokens.len();
        tokens.extend(sl.fed); // empty unless the answer had started
        self.tick += 1;
        self.kept[i] = Kept { tokens, prompt, used: self.tick };
    }

    /// Frees a slot and empties its sequence (after a failed decode, what it holds is unknown).
    fn free(&mut self, i: usize) {
        let _ = self.ctx.kv_cache_seq_rm(i as i32, None, None);
        self.kept[i] = Kept::default();
        self.slots[i] = None;
    }

    /// One token for each generating slot, then prompt chunks up to the batch size.
    /// Returns false when there is nothing to decode.
    fn fill_batch(&mut self) -> bool {
        self.batch.clear();
        for i in 0..self.slots.len() {
            if self.slots[i].as_ref().is_some_and(|s| s.job.out.is_closed()) {
                self.release(i); // the shopper left: stop generating
            }
        }
        let mut room = N_BATCH;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            let Some(sl) = slot else { continue };
            sl.logits_at = None;
            if let Phase::Generate(t) = sl.phase {
                sl.logits_at = Some(self.batch.n_tokens());
                let _ = self.batch.add(t, sl.pos, &[i as i32], true);
                sl.fed.push(t);
                sl.pos += 1;
                room -= 1;
            }
        }
        for (i, slot) in self.slots.iter_mut().enumerate() {
            let Some(sl) = slot else { continue };
            let Phase::Prefill(from) = sl.phase else { continue };
            let take = (sl.tokens.len() - from).min(room);
            for k in from..from + take {
                let last = k + 1 == sl.tokens.len();
                if last {
                    sl.logits_at = Some(self.batch.n_tokens());
                }
                let _ = self.batch.add(sl.tokens[k], k as i32, &[i as i32], last);
            }
            room -= take;
            sl.pos = (from + take) as i32;
            sl.phase = Phase::Prefill(from + take);
        }
        self.batch.n_tokens() > 0
    }

    /// Decodes the batch and samples the next token of every slot that got logits.
    fn step(&mut self) {
        if let Err(e) = self.ctx.decode(&mut self.batch) {
            for i in 0..self.slots.len() {
                if let Some(sl) = &self.slots[i] {
                    let _ = sl.job.out.send(GenEvent::Failed(format!("decoding failed: {e}")));
                    self.free(i);
                }
            }
            return;
        }
        let vocab = self.model.model.vocab();
        for i in 0..self.slots.len() {
            let Some(sl) = self.slots[i].as_mut() else { continue };
            let Some(idx) = sl.logits_at else { continue };
            let token = sl.sampler.sample(&self.ctx, idx);
            sl.first_token.get_or_insert_with(Instant::now);
            sl.phase = Phase::Generate(token);
            let stop = if vocab.is_eog(token) {
                Some(StopReason::End)
            } else {
                sl.generated += 1;
                self.counter.fetch_add(1, Ordering::Relaxed);
                sl.pending.extend(vocab.token_to_piece(token, false, None));
                emit_utf8(&mut sl.pending, &sl.job.out);
                if sl.generated >= sl.job.req.max_tokens {
                    Some(StopReason::Length)
                } else if sl.pos as u32 + 1 >= self.settings.ctx_per_slot {
                    Some(StopReason::Context)
                } else {
                    None
                }
            };
            if let Some(stop) = stop {
                if !sl.pending.is_empty() {
                    let _ = sl.job.out.send(GenEvent::Token(String::from_utf8_lossy(&sl.pending).to_string()));
                }
                let _ = sl.job.out.send(GenEvent::Done(sl.usage(stop)));
                self.release(i);
            }
        }
    }
}

fn common_prefix(a: &[LlamaToken], b: &[LlamaToken]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
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
