//! Dense vectors from the int8 all-MiniLM-L6-v2 model through fastembed and ONNX Runtime.
use crate::config::EmbeddingSettings;
use fastembed::{InitOptionsUserDefined, Pooling, TextEmbedding, TokenizerFiles, UserDefinedEmbeddingModel};
use sha2::{Digest, Sha256};
use std::any::Any;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

pub const DIM: usize = 384;

#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("the ONNX Runtime library {0} is missing: run scripts/setup, or set AISLE__EMBEDDING__ORT_LIBRARY")]
    MissingRuntime(String),
    #[error("the embedding model file {0} is missing: run scripts/setup, or set AISLE__EMBEDDING__MODEL_DIR")]
    MissingModelFile(String),
    #[error("ONNX Runtime could not be loaded from {path}: {reason}")]
    Runtime { path: String, reason: String },
    #[error("the embedding model failed: {0}")]
    Model(String),
}

/// The embedding model; `embed` is serialised because the ONNX session needs `&mut`.
pub struct Embedder {
    model: Mutex<TextEmbedding>,
    /// Names the exact model file, so cached vectors from another model are never reused.
    pub model_id: String,
    /// The model's own tokenizer, for measuring passages.
    counter: tokenizers::Tokenizer,
    /// The last query embedded and its vector: one message is read for its mood, then for a
    /// problem it reports, and is embedded once.
    last: Mutex<Option<(String, Vec<f32>)>>,
}

/// The process-wide ONNX Runtime environment; `ort` keeps only a weak reference, so it lives here.
static ORT: OnceLock<Result<ort::environment::Environment, String>> = OnceLock::new();

/// Loads the ONNX Runtime library once per process. A missing library would make `ort` panic later.
fn init_runtime(path: &Path) -> Result<ort::environment::Environment, EmbedError> {
    if !path.is_file() {
        return Err(EmbedError::MissingRuntime(path.display().to_string()));
    }
    ORT.get_or_init(|| {
        ort::init_from(path)
            .map_err(|e| e.to_string())
            .and_then(|b| b.with_name("aisle").with_telemetry(false).build().map_err(|e| e.to_string()))
    })
    .clone()
    .map_err(|reason| EmbedError::Runtime { path: path.display().to_string(), reason })
}

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, EmbedError> {
    let path = dir.join(name);
    std::fs::read(&path).map_err(|_| EmbedError::MissingModelFile(path.display().to_string()))
}

impl Embedder {
    pub fn load(settings: &EmbeddingSettings) -> Result<Self, EmbedError> {
        let environment = init_runtime(&settings.ort_library)?;
        let dir = settings.model_dir.as_path();
        let onnx = read(dir, "model.onnx")?;
        let model_id = format!("minilm-l6-int8-{}", &hex(&Sha256::digest(&onnx))[..12]);
        let tokenizer_json = read(dir, "tokenizer.json")?;
        // Counted as written: the file pads and truncates every text to the model's window.
        let mut counter =
            tokenizers::Tokenizer::from_bytes(&tokenizer_json).map_err(|e| EmbedError::Model(e.to_string()))?;
        counter.with_padding(None);
        counter.with_truncation(None).map_err(|e| EmbedError::Model(e.to_string()))?;
        let tokenizer = TokenizerFiles {
            tokenizer_file: tokenizer_json,
            config_file: read(dir, "config.json")?,
            special_tokens_map_file: read(dir, "special_tokens_map.json")?,
            tokenizer_config_file: read(dir, "tokenizer_config.json")?,
        };
        // The model card's pooling is the mean over tokens; fastembed's default (CLS) is wrong here.
        let model = UserDefinedEmbeddingModel::new(onnx, tokenizer).with_pooling(Pooling::Mean);
        let options = InitOptionsUserDefined::new()
            .with_environment(environment)
            .with_max_length(256)
            .with_intra_threads(settings.threads)
            // Idle ORT threads would otherwise spin after each query, taking the cores search needs.
            .with_session_config("session.intra_op.allow_spinning", "0");
        let model =
            TextEmbedding::try_new_from_user_defined(model, options).map_err(|e| EmbedError::Model(e.to_string()))?;
        Ok(Self { model: Mutex::new(model), model_id, counter, last: Mutex::default() })
    }

    /// Unit-length vectors, one per text.
    pub fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbedError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let mut model = self.model.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = model.embed(texts, Some(32)).map_err(|e| EmbedError::Model(e.to_string()))?;
        out.iter_mut().for_each(|v| normalize(v));
        Ok(out)
    }

    /// How many tokens the model reads `text` as (without its start and end markers).
    pub fn tokens(&self, text: &str) -> usize {
        self.counter.encode(text, false).map_or_else(|_| super::chunk::estimate(text), |e| e.len())
    }

    pub fn embed_query(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        // Held while embedding: queries take the model's lock one at a time anyway.
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((t, v)) = last.as_ref()
            && t == text
        {
            return Ok(v.clone());
        }
        let v = self.embed(&[text.to_string()])?.pop().ok_or_else(|| EmbedError::Model("no vector returned".into()))?;
        *last = Some((text.to_string(), v.clone()));
        Ok(v)
    }

    /// What `learn` makes of this model (vectors of labelled examples, say), made once per
    /// model and process under the name `what`: the first caller pays, so start-up calls it.
    /// `None`, with a warning naming `what`, when it could not be made.
    pub fn learned<T: Send + Sync + 'static>(
        &self,
        what: &'static str,
        learn: impl FnOnce(&Embedder) -> Result<T, EmbedError>,
    ) -> Option<Arc<T>> {
        type Learned = Option<Arc<dyn Any + Send + Sync>>;
        static LEARNED: OnceLock<Mutex<HashMap<(&'static str, String), Learned>>> = OnceLock::new();
        let mut learned = LEARNED.get_or_init(Mutex::default).lock().unwrap_or_else(|p| p.into_inner());
        learned
            .entry((what, self.model_id.clone()))
            .or_insert_with(|| match learn(self) {
                Ok(t) => Some(Arc::new(t)),
                Err(e) => {
                    tracing::warn!(error = %e, "{what} could not be learned from examples; it is left out");
                    None
                }
            })
            .clone()
            .and_then(|t| t.downcast::<T>().ok())
    }
}

pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

pub fn text_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
