//! llama.cpp generation the way its own server does it: one model and one context on a dedicated
//! thread (see `batcher`), a bounded queue in front, tokens streamed out over channels.
use super::batcher::{Job, Model};
use super::{ChatMessage, GenError, GenEvent, GenRequest, Generator, worked_examples};
use crate::config::LlmSettings;
use llama_cpp_2::llama_backend::LlamaBackend;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

/// llama.cpp's backend may be initialised once per process.
static BACKEND: OnceLock<Result<LlamaBackend, String>> = OnceLock::new();

fn backend() -> Result<&'static LlamaBackend, GenError> {
    BACKEND
        .get_or_init(|| {
            llama_cpp_2::send_logs_to_tracing(llama_cpp_2::LogOptions::default());
            load_backend_modules();
            LlamaBackend::init().map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| GenError::Unavailable(e.clone()))
}

/// With the `gpu` feature, ggml's backends (CPU variants, CUDA, ...) are shared libraries loaded at
/// run time from the binary's own folder: the same binary uses a GPU when `libggml-cuda.so` is
/// there and a GPU is present, and the CPU otherwise. Without the feature the CPU backend is built in.
fn load_backend_modules() {
    #[cfg(feature = "gpu")]
    {
        let here = std::env::current_exe().ok().and_then(|p| p.parent().map(std::path::Path::to_path_buf));
        match here {
            Some(dir) => llama_cpp_2::llama_backend::load_backends_from_path(&dir),
            None => llama_cpp_2::llama_backend::load_backends(),
        }
    }
}

pub struct LlamaEngine {
    jobs: SyncSender<Job>,
    name: String,
    generated: Arc<AtomicU64>,
    /// The engine thread, joined when the engine is dropped: it may be reading an opening while
    /// idle, and llama.cpp must not be decoding while the process tears its backends down.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for LlamaEngine {
    fn drop(&mut self) {
        // Closing the queue ends the thread once it has finished what it is doing.
        let (closed, _) = sync_channel(0);
        drop(std::mem::replace(&mut self.jobs, closed));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl LlamaEngine {
    /// Loads the model and starts the engine thread; `system_prompt` is the stable prefix to cache.
    pub fn start(settings: &LlmSettings, system_prompt: &str) -> Result<Self, GenError> {
        Self::start_with(settings, vec![worked_examples(system_prompt, &[])])
    }

    /// Loads the model and starts the engine thread, which evaluates each of `openings` once
    /// (the chat's system prompt; a reading's instruction and worked examples) and keeps it for
    /// every request that starts the same way: the first before it takes a request, the others
    /// while it is idle or when the first request that starts with one comes.
    pub fn start_with(settings: &LlmSettings, openings: Vec<Vec<ChatMessage>>) -> Result<Self, GenError> {
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
        let generated = Arc::new(AtomicU64::new(0));
        let counter = generated.clone();
        let thread = std::thread::Builder::new()
            .name("llm-engine".into())
            .spawn(move || match Model::load(backend, &settings) {
                Ok(model) => {
                    let _ = ready_tx.send(Ok(()));
                    model.serve(backend, &settings, &openings, rx, &counter);
                }
                Err(e) => {
                    let _ = ready_tx.send(Err(e));
                }
            })
            .map_err(|e| GenError::Unavailable(e.to_string()))?;
        ready_rx.recv().map_err(|_| GenError::Unavailable("the engine thread died".into()))??;
        Ok(Self { jobs, name, generated, thread: Some(thread) })
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
