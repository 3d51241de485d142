//! The conversation service: understand, retrieve, build the prompt, generate, stream, log.
//!
//! Prices, stock and policies reach the shopper only from the catalog: the model sees them as
//! numbered sources and cites them; the cards sent with the answer are built from the catalog.
mod guard;
mod intent;
pub mod log;
mod mask;
mod prompt;

pub use intent::{Intent, classify, search_query};
pub use mask::mask;
pub use prompt::{Prompts, SourceCard, cards, cited, used};

use crate::domain::{DocKind, Filters, SearchRequest};
use crate::llm::{ChatMessage, GenError, GenEvent, GenRequest, Generator, Role, Usage};
use crate::retrieval::{Hit, Mode, Retriever, SearchError, Source};
use crate::store::conversations::{self, MessageRow};
use log::ConversationLog;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::{Receiver, Sender, channel};
use uuid::Uuid;

#[derive(Debug, Clone, serde::Deserialize)]
pub struct ChatSettings {
    pub shop_name: String,
    /// Sources put in the prompt.
    pub sources: usize,
    /// Below this cosine, a hit is not evidence (unless it is also the best keyword match).
    pub min_similarity: f32,
    /// An FAQ this close to the question, and first for keywords too, is the answer itself.
    pub faq_similarity: f32,
    /// Earlier turns the model sees.
    pub history_turns: usize,
    pub max_words: u32,
    /// Where messages wait while Postgres is unavailable.
    pub spool_path: std::path::PathBuf,
}

pub const MAX_MESSAGE_CHARS: usize = 2000;

/// The tags that delimit data in our prompts (`prompts/turn.jinja`); never part of an answer.
const DELIMITERS: &[&str] = &["<sources>", "</sources>", "<question>", "</question>"];

/// What the shopper's browser receives, in order: tokens, then sources, then done.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ChatEvent {
    Token { text: String },
    Sources { sources: Vec<SourceCard> },
    Done(Done),
    Error { code: &'static str, message: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct Done {
    pub message_id: Uuid,
    pub intent: Intent,
    /// `model`, `faq` (answered from an FAQ directly), `fixed` (no model needed), `guarded` (stopped).
    pub answered_by: &'static str,
    pub usage: Option<Usage>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("no conversation with that id")]
    UnknownConversation,
    #[error("{0}")]
    InvalidMessage(String),
    #[error("too many answers are being written right now")]
    Busy,
    #[error("search failed")]
    Search(#[from] SearchError),
    #[error("the conversation could not be stored")]
    Store(#[source] std::io::Error),
    #[error("the language model is not available: {0}")]
    ModelUnavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

#[derive(Clone)]
pub struct Turn {
    role: Role,
    text: String,
}

pub struct ChatService {
    retriever: Arc<Retriever>,
    generator: Option<Arc<dyn Generator>>,
    prompts: Prompts,
    pub log: Arc<ConversationLog>,
    pool: sqlx::PgPool,
    settings: ChatSettings,
    max_tokens: u32,
    /// Recent turns per conversation, so the chat works while Postgres is away.
    history: Mutex<HashMap<Uuid, Vec<Turn>>>,
    guard: guard::LeakGuard,
}

fn row(conversation_id: Uuid, role: &str, text: &str) -> MessageRow {
    MessageRow {
        id: Uuid::new_v4(),
        conversation_id,
        role: role.into(),
        text: mask(text),
        intent: None,
        sources: serde_json::json!([]),
        model: None,
        prompt_tokens: None,
        generated_tokens: None,
        ttft_ms: None,
        duration_ms: None,
        created_at: chrono::Utc::now(),
    }
}

impl ChatService {
    pub fn new(
        retriever: Arc<Retriever>,
        generator: Option<Arc<dyn Generator>>,
        prompts: Prompts,
        pool: sqlx::PgPool,
        settings: ChatSettings,
        max_tokens: u32,
    ) -> Self {
        let log = Arc::new(ConversationLog::new(pool.clone(), settings.spool_path.clone()));
        let guard = guard::LeakGuard::new(&prompts.system);
        Self { retriever, generator, prompts, log, pool, settings, max_tokens, history: Mutex::default(), guard }
    }

    pub fn prompts(&self) -> &Prompts {
        &self.prompts
    }

    pub fn generator(&self) -> Option<&Arc<dyn Generator>> {
        self.generator.as_ref()
    }

    /// Starts a conversation. It exists in memory at once; Postgres gets it when it can.
    pub async fn create(&self) -> Uuid {
        let id = Uuid::new_v4();
        self.history.lock().unwrap_or_else(|p| p.into_inner()).insert(id, Vec::new());
        if let Err(e) = conversations::create(&self.pool, id).await {
            tracing::warn!(error = %e, "conversation will reach Postgres with its first message");
        }
        id
    }

    /// Starts a conversation that already has turns (an OpenAI-style client sends the whole history).
    pub async fn create_with_history(&self, turns: Vec<(Role, String)>) -> Uuid {
        let id = self.create().await;
        for (role, text) in turns {
            self.remember(id, role, &text);
        }
        id
    }

    async fn known(&self, id: Uuid) -> bool {
        if self.history.lock().unwrap_or_else(|p| p.into_inner()).contains_key(&id) {
            return true;
        }
        // Another process (or before a restart) may have started it.
        match conversations::messages(&self.pool, id).await {
            Ok(rows) if !rows.is_empty() || conversations::exists(&self.pool, id).await.unwrap_or(false) => {
                let turns = rows
                    .into_iter()
                    .map(|r| Turn {
                        role: if r.role == "shopper" { Role::User } else { Role::Assistant },
                        text: r.text,
                    })
                    .collect();
                self.history.lock().unwrap_or_else(|p| p.into_inner()).insert(id, turns);
                true
            }
            _ => false,
        }
    }

    fn remember(&self, id: Uuid, role: Role, text: &str) {
        let mut h = self.history.lock().unwrap_or_else(|p| p.into_inner());
        let turns = h.entry(id).or_default();
        turns.push(Turn { role, text: text.to_string() });
        let keep = self.settings.history_turns * 2 + 2;
        if turns.len() > keep {
            turns.drain(..turns.len() - keep);
        }
    }

    fn recent(&self, id: Uuid) -> Vec<Turn> {
        self.history.lock().unwrap_or_else(|p| p.into_inner()).get(&id).cloned().unwrap_or_default()
    }

    async fn retrieve(&self, query: String) -> Result<Vec<Hit>, ChatError> {
        let req = SearchRequest::parse(&query, Filters::default(), DocKind::All, self.settings.sources, false)
            .map_err(ChatError::InvalidMessage)?;
        let retriever = self.retriever.clone();
        tokio::task::spawn_blocking(move || retriever.search(&req, Mode::Hybrid, None))
            .await
            .map_err(|e| ChatError::Internal(e.to_string()))?
            .map_err(ChatError::from)
    }

    /// Hits that are evidence: similar enough (or the best keyword match), and close to the best
    /// hit, so a precise question carries one source and a broad one several.
    fn evidence(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let best = hits.first().map_or(0.0, |h| h.scores.fused);
        hits.into_iter()
            .filter(|h| h.scores.fused >= best * 0.75)
            .filter(|h| {
                h.scores.vector.is_some_and(|v| v.score >= self.settings.min_similarity)
                    || h.scores.keyword.is_some_and(|k| {
                        k.rank == 1 && h.scores.vector.is_some_and(|v| v.score >= self.settings.min_similarity * 0.6)
                    })
            })
            .collect()
    }

    /// An FAQ answers the question by itself when both signals put it first and it is very close.
    fn faq_answer(&self, hits: &[Hit]) -> Option<usize> {
        let h = hits.first()?;
        let is_article = matches!(h.doc.source, Source::Passage(_));
        let close = h.scores.vector.is_some_and(|v| v.score >= self.settings.faq_similarity && v.rank == 1);
        let agreed = h.scores.keyword.is_some_and(|k| k.rank == 1);
        (is_article && close && agreed).then_some(0)
    }

    /// The evidence for a message: retrieved with the previous message for follow-ups, filtered.
    pub async fn evidence_for(&self, text: &str, previous: Option<&str>) -> Result<Vec<Hit>, ChatError> {
        Ok(self.evidence(self.retrieve(search_query(text, previous)).await?))
    }

    /// What the model sees: the cached system prompt, recent turns, then the message with its sources.
    pub fn request(&self, history: &[Turn], text: &str, sources: &[SourceCard]) -> Result<GenRequest, ChatError> {
        let mut messages = vec![ChatMessage { role: Role::System, content: self.prompts.system.clone() }];
        let earlier = history.len().saturating_sub(self.settings.history_turns * 2);
        messages.extend(history[earlier..].iter().map(|t| ChatMessage { role: t.role, content: t.text.clone() }));
        let turn = self.prompts.turn(text, sources).map_err(|e| ChatError::Internal(e.to_string()))?;
        messages.push(ChatMessage { role: Role::User, content: turn });
        Ok(GenRequest { messages, max_tokens: self.max_tokens })
    }

    /// Answers one shopper message; the events arrive on the returned channel.
    pub async fn reply(self: &Arc<Self>, conversation: Uuid, text: &str) -> Result<Receiver<ChatEvent>, ChatError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ChatError::InvalidMessage("the message is empty".into()));
        }
        if text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(ChatError::InvalidMessage(format!(
                "the message is longer than {MAX_MESSAGE_CHARS} characters"
            )));
        }
        if !self.known(conversation).await {
            return Err(ChatError::UnknownConversation);
        }
        let intent = classify(text);
        let history = self.recent(conversation);
        let previous = history.iter().rev().find(|t| t.role == Role::User).map(|t| t.text.clone());
        let mut shopper = row(conversation, "shopper", text);
        shopper.intent = Some(intent.as_str().into());
        self.log.write(&shopper).await.map_err(ChatError::Store)?;
        self.remember(conversation, Role::User, text);

        let (tx, rx) = channel(64);
        let fixed = match intent {
            Intent::WantsHuman => Some(self.prompts.replies.wants_human.clone()),
            Intent::Greeting => Some(self.prompts.replies.greeting.clone()),
            Intent::Thanks => Some(self.prompts.replies.thanks.clone()),
            _ => None,
        };
        let this = self.clone();
        if let Some(answer) = fixed {
            tokio::spawn(async move { this.finish_fixed(conversation, intent, answer, Vec::new(), "fixed", tx).await });
            return Ok(rx);
        }
        let hits = self.evidence_for(text, previous.as_deref()).await?;
        let sources = cards(&hits);
        if sources.is_empty() {
            let answer = self.prompts.replies.not_found.clone();
            tokio::spawn(async move { this.finish_fixed(conversation, intent, answer, Vec::new(), "fixed", tx).await });
            return Ok(rx);
        }
        if let Some(i) = self.faq_answer(&hits) {
            let faq = sources[i].clone();
            let answer = format!("{} [1]", faq.text.clone().unwrap_or_default());
            let faq = SourceCard { n: 1, ..faq };
            tokio::spawn(async move { this.finish_fixed(conversation, intent, answer, vec![faq], "faq", tx).await });
            return Ok(rx);
        }
        let Some(generator) = self.generator.clone() else {
            let answer = self.prompts.replies.model_unavailable.clone();
            tokio::spawn(async move { this.finish_fixed(conversation, intent, answer, sources, "fixed", tx).await });
            return Ok(rx);
        };
        // The history before this message: `remember` above already added it.
        let request = self.request(&history, text, &sources)?;
        let stream = generator.generate(request).map_err(|e| match e {
            GenError::Busy => ChatError::Busy,
            GenError::Unavailable(m) => ChatError::ModelUnavailable(m),
        })?;
        let model = generator.model_name().to_string();
        tokio::spawn(async move { this.stream_model(conversation, intent, sources, model, stream, tx).await });
        Ok(rx)
    }

    async fn finish_fixed(
        &self,
        conversation: Uuid,
        intent: Intent,
        answer: String,
        sources: Vec<SourceCard>,
        by: &'static str,
        tx: Sender<ChatEvent>,
    ) {
        // Fixed answers stream in words too, so the page behaves the same.
        for w in answer.split_inclusive(' ') {
            if tx.send(ChatEvent::Token { text: w.to_string() }).await.is_err() {
                break;
            }
        }
        self.finish(conversation, intent, answer, sources, None, None, by, tx).await;
    }

    async fn stream_model(
        &self,
        conversation: Uuid,
        intent: Intent,
        sources: Vec<SourceCard>,
        model: String,
        mut stream: tokio::sync::mpsc::UnboundedReceiver<GenEvent>,
        tx: Sender<ChatEvent>,
    ) {
        let mut answer = String::new();
        let mut sent = 0;
        let mut usage = None;
        while let Some(ev) = stream.recv().await {
            match ev {
                GenEvent::Token(t) => {
                    answer.push_str(&t);
                    if self.guard.leaks(&answer) {
                        // Dropping `stream` stops the generation; the log keeps only the refusal.
                        let refusal = self.prompts.replies.refused.clone();
                        let _ = tx.send(ChatEvent::Token { text: format!("\n\n{refusal}") }).await;
                        return self
                            .finish(conversation, intent, refusal, Vec::new(), None, Some(model), "guarded", tx)
                            .await;
                    }
                    // Our prompt delimiters end the answer: a small model sometimes echoes them.
                    if let Some(cut) = DELIMITERS.iter().filter_map(|d| answer.find(d)).min() {
                        answer.truncate(cut);
                        answer.truncate(answer.trim_end().len());
                        let unsent = answer.len().saturating_sub(sent);
                        if unsent > 0 {
                            let _ = tx.send(ChatEvent::Token { text: answer[sent..].to_string() }).await;
                            sent = answer.len();
                        }
                        break; // dropping `stream` stops the generation
                    }
                    // Text from a '<' waits until it is clearly not the start of a delimiter.
                    let hold = answer[sent..].rfind('<').map_or(answer.len(), |i| sent + i);
                    let hold = if answer.len() - hold > 12 { answer.len() } else { hold };
                    if hold > sent {
                        if tx.send(ChatEvent::Token { text: answer[sent..hold].to_string() }).await.is_err() {
                            return; // the shopper left; dropping `stream` stops generation
                        }
                        sent = hold;
                    }
                }
                GenEvent::Done(u) => usage = Some(u),
                GenEvent::Failed(e) => {
                    tracing::error!(error = %e, "generation failed");
                    let _ = tx
                        .send(ChatEvent::Error {
                            code: "generation_failed",
                            message: "the answer could not be finished; please try again".into(),
                        })
                        .await;
                    return;
                }
            }
        }
        if answer.len() > sent {
            let _ = tx.send(ChatEvent::Token { text: answer[sent..].to_string() }).await;
        }
        // Only what the answer uses is shown as its sources.
        let cited_cards = used(&answer, &sources);
        self.finish(conversation, intent, answer, cited_cards, usage, Some(model), "model", tx).await;
    }

    #[allow(clippy::too_many_arguments)]
    async fn finish(
        &self,
        conversation: Uuid,
        intent: Intent,
        answer: String,
        sources: Vec<SourceCard>,
        usage: Option<Usage>,
        model: Option<String>,
        by: &'static str,
        tx: Sender<ChatEvent>,
    ) {
        let mut m = row(conversation, "assistant", &answer);
        m.intent = Some(intent.as_str().into());
        m.sources = serde_json::to_value(&sources).unwrap_or_default();
        m.model = model;
        if let Some(u) = &usage {
            m.prompt_tokens = Some(u.prompt_tokens as i32);
            m.generated_tokens = Some(u.generated_tokens as i32);
            m.ttft_ms = Some(u.ttft_ms as f32);
            m.duration_ms = Some(u.duration_ms as f32);
        }
        self.remember(conversation, Role::Assistant, &answer);
        if let Err(e) = self.log.write(&m).await {
            tracing::error!(error = %e, "an answer could be neither stored nor spooled");
        }
        let _ = tx.send(ChatEvent::Sources { sources }).await;
        let _ = tx.send(ChatEvent::Done(Done { message_id: m.id, intent, answered_by: by, usage })).await;
    }
}
