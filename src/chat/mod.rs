//! The conversation service: understand, retrieve, build the prompt, generate, stream, log.
//!
//! Prices, stock and policies reach the shopper only from the catalog: the model sees them as
//! numbered sources and cites them; the cards sent with the answer are built from the catalog.
mod escalate;
mod guard;
mod intent;
pub mod log;
mod mask;
mod prompt;
pub mod sentiment;

pub use escalate::{Reason, similar};
pub use intent::{Intent, classify, search_query};
pub use mask::mask;
pub use prompt::{Prompts, SourceCard, cards, cited, fill, used};

use crate::domain::{DocKind, Filters, SearchRequest};
use crate::llm::{ChatMessage, GenError, GenEvent, GenRequest, Generator, Role, Usage};
use crate::retrieval::{Hit, Index, Mode, Retriever, SearchError, Source};
use crate::store::conversations::{self, MessageRow};
use crate::store::escalations;
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
    Token {
        text: String,
    },
    Sources {
        sources: Vec<SourceCard>,
    },
    /// Who is answering now: `waiting` (a person was asked for), `staff`, `bot`, `resolved`.
    Status(Status),
    Done(Done),
    Error {
        code: &'static str,
        message: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub status: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Done {
    pub message_id: Uuid,
    pub intent: Intent,
    /// `model`, `faq` (answered from an FAQ directly), `fixed` (no model needed), `unanswered`
    /// (nothing found), `guarded` (stopped), `handoff` (a person was asked to join), `staff` (a person
    /// owns the conversation: Aisle stayed silent).
    pub answered_by: &'static str,
    pub usage: Option<Usage>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("no conversation with that id")]
    UnknownConversation,
    #[error("this conversation was started with another token")]
    WrongToken,
    #[error("conversations cannot be checked right now")]
    Database(#[from] sqlx::Error),
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
    /// An assistant turn that found nothing to answer with.
    unanswered: bool,
}

/// What this process remembers of a conversation, so chat works while Postgres is away.
struct Live {
    token_hash: Option<String>,
    turns: Vec<Turn>,
    touched: std::time::Instant,
}

impl Live {
    fn new(token_hash: Option<String>, turns: Vec<Turn>) -> Self {
        Self { token_hash, turns, touched: std::time::Instant::now() }
    }
}

/// Conversations remembered in memory; the least recently used are forgotten beyond this.
const MAX_LIVE: usize = 20_000;

/// How Aisle will answer a message.
enum Plan {
    Fixed {
        answer: String,
        sources: Vec<SourceCard>,
        by: &'static str,
    },
    Model {
        request: GenRequest,
        sources: Vec<SourceCard>,
    },
    /// A person was asked to join: say so, and where the shopper is in the queue.
    Handoff {
        answer: String,
        status: Status,
    },
}

/// How Aisle would answer, without anyone seeing it (the knowledge-base editor's preview).
#[derive(Debug, Serialize)]
pub struct Preview {
    pub answer: String,
    pub sources: Vec<SourceCard>,
    pub answered_by: &'static str,
}

pub struct ChatService {
    retriever: Arc<Retriever>,
    generator: Option<Arc<dyn Generator>>,
    prompts: Prompts,
    pub log: Arc<ConversationLog>,
    pool: sqlx::PgPool,
    settings: ChatSettings,
    max_tokens: u32,
    live: Mutex<HashMap<Uuid, Live>>,
    guard: guard::LeakGuard,
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
        Self { retriever, generator, prompts, log, pool, settings, max_tokens, live: Mutex::default(), guard }
    }

    /// How the shopper feels: the lexicon, and the embedding classes where it finds no feeling.
    async fn mood(&self, text: &str) -> f32 {
        let lexicon = sentiment::score(text);
        if lexicon != 0.0 || self.retriever.embedder().is_none() {
            return lexicon;
        }
        let (retriever, text) = (self.retriever.clone(), text.to_string());
        let class = tokio::task::spawn_blocking(move || {
            let embedder = retriever.embedder()?;
            let centroids = sentiment::Centroids::shared(embedder)?;
            Some(centroids.classify(&embedder.embed(&[text]).ok()?.pop()?))
        })
        .await
        .ok()
        .flatten();
        sentiment::blend(lexicon, class)
    }

    pub fn prompts(&self) -> &Prompts {
        &self.prompts
    }

    pub fn generator(&self) -> Option<&Arc<dyn Generator>> {
        self.generator.as_ref()
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Live>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remembers a conversation; beyond `MAX_LIVE`, the least recently used tenth is forgotten.
    fn admit(&self, id: Uuid, conversation: Live) {
        let mut live = self.live();
        live.insert(id, conversation);
        if live.len() > MAX_LIVE {
            let mut by_age: Vec<(std::time::Instant, Uuid)> = live.iter().map(|(k, v)| (v.touched, *k)).collect();
            by_age.sort();
            for (_, id) in by_age.into_iter().take(MAX_LIVE / 10) {
                live.remove(&id);
            }
        }
    }

    /// Starts a conversation and returns its id and the token its shopper must send.
    /// It exists in memory at once; Postgres gets it when it can.
    pub async fn create(&self) -> (Uuid, String) {
        let token = crate::auth::new_token("conv");
        let hash = crate::auth::hash(&token);
        let id = self.start(Some(hash.clone())).await;
        (id, token)
    }

    async fn start(&self, token_hash: Option<String>) -> Uuid {
        let id = Uuid::new_v4();
        self.admit(id, Live::new(token_hash.clone(), Vec::new()));
        if let Err(e) = conversations::create(&self.pool, id, token_hash.as_deref()).await {
            tracing::warn!(error = %e, "conversation will reach Postgres with its first message");
        }
        id
    }

    /// Starts a conversation that already has turns (an OpenAI-style client sends the whole history).
    pub async fn create_with_history(&self, turns: Vec<(Role, String)>) -> Uuid {
        let id = self.start(None).await;
        for (role, text) in turns {
            self.remember(id, role, &text, false);
        }
        id
    }

    /// Whether `token_hash` opens this conversation.
    pub async fn check_token(&self, id: Uuid, token_hash: &str) -> Result<(), ChatError> {
        let remembered = self.live().get(&id).map(|l| l.token_hash.clone());
        let stored = match remembered {
            Some(h) => h,
            None => conversations::token_hash(&self.pool, id).await?.ok_or(ChatError::UnknownConversation)?,
        };
        if stored.as_deref() == Some(token_hash) { Ok(()) } else { Err(ChatError::WrongToken) }
    }

    async fn known(&self, id: Uuid) -> bool {
        if let Some(l) = self.live().get_mut(&id) {
            l.touched = std::time::Instant::now();
            return true;
        }
        // Another process (or before a restart) may have started it.
        let Ok(Some(token_hash)) = conversations::token_hash(&self.pool, id).await else { return false };
        let rows = conversations::messages(&self.pool, id).await.unwrap_or_default();
        let turns = rows
            .into_iter()
            .filter(|r| r.role != "staff")
            .map(|r| Turn {
                role: if r.role == "shopper" { Role::User } else { Role::Assistant },
                unanswered: r.answered_by.as_deref() == Some("unanswered"),
                text: r.text,
            })
            .collect();
        self.admit(id, Live::new(token_hash, turns));
        true
    }

    fn remember(&self, id: Uuid, role: Role, text: &str, unanswered: bool) {
        let mut live = self.live();
        let turns = &mut live.entry(id).or_insert_with(|| Live::new(None, Vec::new())).turns;
        turns.push(Turn { role, text: text.to_string(), unanswered });
        let keep = self.settings.history_turns * 2 + 2;
        if turns.len() > keep {
            turns.drain(..turns.len() - keep);
        }
    }

    fn recent(&self, id: Uuid) -> Vec<Turn> {
        self.live().get(&id).map(|l| l.turns.clone()).unwrap_or_default()
    }

    /// Searches the live index, or `index` (a draft's preview) when given.
    async fn retrieve(&self, query: String, index: Option<Arc<Index>>) -> Result<Vec<Hit>, ChatError> {
        let req = SearchRequest::parse(&query, Filters::default(), DocKind::All, self.settings.sources, false)
            .map_err(ChatError::InvalidMessage)?;
        let retriever = self.retriever.clone();
        tokio::task::spawn_blocking(move || match index {
            Some(index) => retriever.search_in(&index, &req, Mode::Hybrid, None),
            None => retriever.search(&req, Mode::Hybrid, None),
        })
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
        Ok(self.evidence(self.retrieve(search_query(text, previous), None).await?))
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

    /// Decides how to answer: a fixed reply, an FAQ, nothing found, or the model with sources.
    async fn plan(
        &self,
        index: Option<Arc<Index>>,
        intent: Intent,
        history: &[Turn],
        text: &str,
        previous: Option<&str>,
    ) -> Result<Plan, ChatError> {
        let replies = &self.prompts.replies;
        let fixed = |answer: &str, by| Plan::Fixed { answer: answer.to_string(), sources: Vec::new(), by };
        match intent {
            Intent::WantsHuman => return Ok(fixed(&replies.wants_human, "fixed")),
            Intent::Greeting => return Ok(fixed(&replies.greeting, "fixed")),
            Intent::Thanks => return Ok(fixed(&replies.thanks, "fixed")),
            _ => {}
        }
        let hits = self.evidence(self.retrieve(search_query(text, previous), index).await?);
        let sources = cards(&hits);
        if sources.is_empty() {
            return Ok(fixed(&replies.not_found, "unanswered"));
        }
        if let Some(i) = self.faq_answer(&hits) {
            let faq = SourceCard { n: 1, ..sources[i].clone() };
            let answer = format!("{} [1]", faq.text.clone().unwrap_or_default());
            return Ok(Plan::Fixed { answer, sources: vec![faq], by: "faq" });
        }
        if self.generator.is_none() {
            return Ok(Plan::Fixed { answer: replies.model_unavailable.clone(), sources, by: "fixed" });
        }
        let request = self.request(history, text, &sources)?;
        Ok(Plan::Model { request, sources })
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
        let mood = self.mood(text).await;
        let history = self.recent(conversation);
        let previous = history.iter().rev().find(|t| t.role == Role::User).map(|t| t.text.clone());
        // Who answers: without Postgres there is no queue, and Aisle keeps answering.
        let (status, owner) = match self.log.has_spooled() {
            true => ("bot".to_string(), None), // Postgres is away: no need to wait for it to fail again
            false => match escalations::state(&self.pool, conversation).await {
                Ok(Some(s)) => (s.status, s.assignee_name),
                _ => ("bot".to_string(), None),
            },
        };
        if status == "resolved" {
            let _ = escalations::reopen(&self.pool, conversation).await;
        }
        let mut shopper = MessageRow::new(conversation, "shopper", mask(text));
        shopper.intent = Some(intent.as_str().into());
        shopper.sentiment = Some(mood);
        self.log.write(&shopper).await.map_err(ChatError::Store)?;
        self.remember(conversation, Role::User, text, false);

        let (tx, rx) = channel(64);
        let this = self.clone();
        if status == "staff" {
            // A person owns the conversation: they see the message live; Aisle stays silent.
            tokio::spawn(async move { this.stay_silent(shopper.id, intent, owner, tx).await });
            return Ok(rx);
        }
        let mut plan = self.plan(None, intent, &history, text, previous.as_deref()).await?;
        if status == "waiting" && intent == Intent::WantsHuman {
            // Already queued: say where they stand rather than promising again.
            let status = self.queue_status(conversation).await;
            plan = Plan::Handoff { answer: format!("{} {}", self.prompts.replies.still_waiting, status.text), status };
        } else if status != "waiting" {
            let not_confident =
                matches!(&plan, Plan::Fixed { by: "unanswered", .. }) && history.iter().any(|t| t.unanswered);
            if let Some(reason) = escalate::trigger(intent, mood, text, &history, not_confident)
                && let Some(p) = self.escalate(conversation, reason, text).await
            {
                plan = p;
            }
        }
        match plan {
            Plan::Fixed { answer, sources, by } => {
                tokio::spawn(async move { this.finish_fixed(conversation, intent, answer, sources, by, tx).await });
            }
            Plan::Handoff { answer, status } => {
                tokio::spawn(async move {
                    let _ = tx.send(ChatEvent::Status(status)).await;
                    this.finish_fixed(conversation, intent, answer, Vec::new(), "handoff", tx).await
                });
            }
            Plan::Model { request, sources } => {
                let Some(generator) = self.generator.clone() else {
                    return Err(ChatError::ModelUnavailable("no model".into()));
                };
                let stream = generator.generate(request).map_err(|e| match e {
                    GenError::Busy => ChatError::Busy,
                    GenError::Unavailable(m) => ChatError::ModelUnavailable(m),
                })?;
                let model = generator.model_name().to_string();
                tokio::spawn(async move { this.stream_model(conversation, intent, sources, model, stream, tx).await });
            }
        }
        Ok(rx)
    }

    /// How Aisle would answer `question` with `index` (a draft applied), logging nothing.
    pub async fn preview(&self, index: Arc<Index>, question: &str) -> Result<Preview, ChatError> {
        let intent = classify(question);
        match self.plan(Some(index), intent, &[], question, None).await? {
            Plan::Fixed { answer, sources, by } => Ok(Preview { answer, sources, answered_by: by }),
            Plan::Handoff { answer, .. } => Ok(Preview { answer, sources: Vec::new(), answered_by: "handoff" }),
            Plan::Model { request, sources } => {
                let generator = self.generator.as_ref().ok_or(ChatError::ModelUnavailable("no model".into()))?;
                let (mut answer, _) =
                    crate::llm::complete(generator.as_ref(), request).await.map_err(ChatError::ModelUnavailable)?;
                if let Some(cut) = DELIMITERS.iter().filter_map(|d| answer.find(d)).min() {
                    answer.truncate(cut);
                }
                let answer = answer.trim().to_string();
                if self.guard.leaks(&answer) {
                    return Ok(Preview {
                        answer: self.prompts.replies.refused.clone(),
                        sources: Vec::new(),
                        answered_by: "guarded",
                    });
                }
                let sources = used(&answer, &sources);
                Ok(Preview { answer, sources, answered_by: "model" })
            }
        }
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
        let mut m = MessageRow::new(conversation, "assistant", mask(&answer));
        m.intent = Some(intent.as_str().into());
        m.sources = serde_json::to_value(&sources).unwrap_or_default();
        m.model = model;
        if let Some(u) = &usage {
            m.prompt_tokens = Some(u.prompt_tokens as i32);
            m.generated_tokens = Some(u.generated_tokens as i32);
            m.ttft_ms = Some(u.ttft_ms as f32);
            m.duration_ms = Some(u.duration_ms as f32);
        }
        m.answered_by = Some(by.into());
        self.remember(conversation, Role::Assistant, &answer, by == "unanswered");
        if let Err(e) = self.log.write(&m).await {
            tracing::error!(error = %e, "an answer could be neither stored nor spooled");
        }
        let _ = tx.send(ChatEvent::Sources { sources }).await;
        let _ = tx.send(ChatEvent::Done(Done { message_id: m.id, intent, answered_by: by, usage })).await;
    }
}
