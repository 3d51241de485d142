//! Text generation behind a small trait: the llama.cpp engine, or a fake for fast API tests.
mod batcher;
mod engine;
mod fake;
mod remote;

pub use engine::LlamaEngine;
pub use fake::FakeGenerator;
pub use remote::RemoteGenerator;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::UnboundedReceiver;

/// How Aisle samples: the `temperature` of the settings, among the 40 likeliest tokens and the
/// top 90% of probability (greedy at temperature 0). A remote server is sent the same.
pub const TOP_K: i32 = 40;
pub const TOP_P: f32 = 0.9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::System => "system",
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChatMessage {
    pub role: Role,
    pub content: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GenRequest {
    pub messages: Vec<ChatMessage>,
    pub max_tokens: u32,
    /// Always the likeliest token, whatever the settings' temperature: for a translation, where
    /// the same message must be understood the same way every time.
    #[serde(default)]
    pub greedy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// The model ended its answer.
    End,
    /// The token limit was reached.
    Length,
    /// The context window is full.
    Context,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub prompt_tokens: u32,
    /// Prompt tokens served from the prefix cache instead of being evaluated.
    pub cached_tokens: u32,
    pub generated_tokens: u32,
    pub ttft_ms: f64,
    pub duration_ms: f64,
    pub stop: StopReason,
}

#[derive(Debug, Clone)]
pub enum GenEvent {
    Token(String),
    Done(Usage),
    Failed(String),
}

#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("the generation queue is full")]
    Busy,
    #[error("the model is not available: {0}")]
    Unavailable(String),
}

/// Dropping the receiver stops the generation (the shopper went away).
pub trait Generator: Send + Sync {
    fn generate(&self, req: GenRequest) -> Result<UnboundedReceiver<GenEvent>, GenError>;
    fn model_name(&self) -> &str;
}

/// An instruction followed by worked examples, each a (message, answer) pair of turns: the
/// opening of every reading the model does (translation, rewording, a question's field). The
/// engine keeps each such opening evaluated, so only the message after it is read each time.
pub fn worked_examples(system: &str, examples: &[(String, String)]) -> Vec<ChatMessage> {
    let mut messages = vec![ChatMessage { role: Role::System, content: system.to_string() }];
    for (message, answer) in examples {
        messages.push(ChatMessage { role: Role::User, content: message.clone() });
        messages.push(ChatMessage { role: Role::Assistant, content: answer.clone() });
    }
    messages
}

/// Runs a request to the end and returns the whole text.
pub async fn complete(generator: &dyn Generator, req: GenRequest) -> Result<(String, Usage), String> {
    let mut rx = generator.generate(req).map_err(|e| e.to_string())?;
    let mut text = String::new();
    while let Some(ev) = rx.recv().await {
        match ev {
            GenEvent::Token(t) => text.push_str(&t),
            GenEvent::Done(u) => return Ok((text, u)),
            GenEvent::Failed(e) => return Err(e),
        }
    }
    Err("the generator stopped before finishing".into())
}
