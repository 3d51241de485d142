//! What this process remembers of each conversation (its token and recent turns), so chat keeps
//! working while Postgres is away; a conversation started elsewhere is loaded from Postgres.
use super::orders::OrderState;
use crate::auth::{hash, new_token};
use crate::domain::{AnsweredBy, Author, Email, Language};
use crate::llm::Role;
use crate::store::conversations;
use crate::store::log::ConversationLog;
use sqlx::PgPool;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use uuid::Uuid;

/// A question as the model read it (`chat/transcript.rs`): the turn's text, and the sources it
/// gave, by key and number.
#[derive(Clone, Debug, Default)]
pub struct Prompted {
    pub content: String,
    pub given: Vec<(String, usize)>,
}

#[derive(Clone)]
pub struct Turn {
    pub role: Role,
    pub text: String,
    /// An assistant turn that found nothing to answer with.
    pub unanswered: bool,
    /// An assistant turn's products (SKUs), in the order shown: what "it" or "the second one" means next.
    pub products: Vec<String>,
    /// A shopper's turn in another language, as it was understood in English.
    pub translated: Option<String>,
    /// A shopper's turn the model answered, as the model read it (with its sources): the next
    /// turn's prompt repeats it word for word, so the engine reads only what is new.
    pub prompted: Option<Prompted>,
}

impl Turn {
    pub fn new(role: Role, text: &str) -> Self {
        Self { role, text: text.to_string(), unanswered: false, products: Vec::new(), translated: None, prompted: None }
    }

    /// The turn in English: what search and the repeat check compare.
    pub fn english(&self) -> &str {
        self.translated.as_deref().unwrap_or(&self.text)
    }
}

struct Live {
    token_hash: Option<String>,
    turns: Vec<Turn>,
    touched: Instant,
    /// The ids of the shopper's recent messages: a retry of one of them is not asked again.
    received: VecDeque<Uuid>,
    /// Whether a person can be brought in: not for a client of the OpenAI-style endpoint, whose
    /// shopper could never read a person's reply.
    escalates: bool,
    /// Which orders the shopper has opened, and what is half asked (kept in this process only:
    /// after a restart the shopper opens the order again).
    orders: OrderState,
    /// The language of the shopper's latest message (none before the first): a short message
    /// ("ok") keeps it.
    language: Option<Language>,
}

impl Live {
    fn new(token_hash: Option<String>, turns: Vec<Turn>) -> Self {
        let orders = OrderState::default();
        let language = None;
        Self {
            token_hash,
            turns,
            touched: Instant::now(),
            received: VecDeque::new(),
            escalates: true,
            orders,
            language,
        }
    }
}

/// Message ids remembered per conversation, against retries.
const RECEIVED: usize = 64;

/// Conversations remembered in memory; the least recently used are forgotten beyond this.
const MAX_LIVE: usize = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("no conversation with that id")]
    Unknown,
    #[error("this conversation was started with another token")]
    WrongToken,
    #[error("conversations cannot be checked right now")]
    Database(#[from] sqlx::Error),
}

/// The SKUs of the product cards stored with an answer.
fn product_ids(sources: &serde_json::Value) -> Vec<String> {
    let cards = sources.as_array().map(Vec::as_slice).unwrap_or_default();
    cards
        .iter()
        .filter(|c| c.get("type").and_then(|t| t.as_str()) == Some("product"))
        .filter_map(|c| c.get("id").and_then(|i| i.as_str()).map(str::to_string))
        .collect()
}

pub struct Memory {
    pool: PgPool,
    log: Arc<ConversationLog>,
    live: Mutex<HashMap<Uuid, Live>>,
    /// The model sees `history_turns` exchanges or more (`forget`).
    exchanges: usize,
}

impl Memory {
    pub fn new(pool: PgPool, log: Arc<ConversationLog>, history_turns: usize) -> Self {
        Self { pool, log, live: Mutex::default(), exchanges: history_turns }
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Live>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remembers a conversation; beyond `MAX_LIVE`, the least recently used tenth is forgotten.
    fn admit(&self, id: Uuid, conversation: Live) {
        let mut live = self.live();
        live.insert(id, conversation);
        if live.len() > MAX_LIVE {
            let mut by_age: Vec<(Instant, Uuid)> = live.iter().map(|(k, v)| (v.touched, *k)).collect();
            by_age.sort();
            for (_, id) in by_age.into_iter().take(MAX_LIVE / 10) {
                live.remove(&id);
            }
        }
    }

    /// Starts a conversation and returns its id and the token its shopper must send.
    /// It exists in memory at once; Postgres gets it when it can.
    pub async fn create(&self) -> (Uuid, String) {
        self.create_for(None).await
    }

    /// Starts a conversation for a shopper the shop page vouched for (a signed email): their
    /// orders open with the order number alone.
    pub async fn create_for(&self, shopper: Option<Email>) -> (Uuid, String) {
        let token = new_token("conv");
        let id = self.start(Some(hash(&token))).await;
        if let Some(l) = self.live().get_mut(&id) {
            l.orders = OrderState::signed(shopper);
        }
        (id, token)
    }

    /// What the conversation knows of the shopper's orders.
    pub fn orders(&self, id: Uuid) -> OrderState {
        self.live().get(&id).map(|l| l.orders.clone()).unwrap_or_default()
    }

    /// The conversation's language: its shopper's latest message's (English before the first).
    pub fn language(&self, id: Uuid) -> Language {
        self.said_in(id).unwrap_or_default()
    }

    /// The language of the shopper's latest message; none before the first.
    pub fn said_in(&self, id: Uuid) -> Option<Language> {
        self.live().get(&id).and_then(|l| l.language)
    }

    pub fn set_language(&self, id: Uuid, language: Language) {
        if let Some(l) = self.live().get_mut(&id) {
            l.language = Some(language);
        }
    }

    pub fn set_orders(&self, id: Uuid, orders: OrderState) {
        if let Some(l) = self.live().get_mut(&id) {
            l.orders = orders;
        }
    }

    /// While Postgres is away the start (with its token hash) is spooled like a message, so the
    /// shopper can still open the conversation after a restart or from another process.
    #[tracing::instrument(skip_all)]
    async fn start(&self, token_hash: Option<String>) -> Uuid {
        let id = Uuid::new_v4();
        self.admit(id, Live::new(token_hash.clone(), Vec::new()));
        if let Err(e) = self.log.start(id, token_hash).await {
            tracing::error!(error = %e, %id, "a conversation's start could be neither stored nor spooled");
        }
        id
    }

    /// Starts a conversation that already has turns (an OpenAI-style client sends the whole
    /// history). Nobody reads a person's reply there, so it never goes to the staff queue.
    pub async fn create_with_history(&self, turns: Vec<(Role, String)>) -> Uuid {
        let id = self.start(None).await;
        for (role, text) in turns {
            self.remember(id, Turn::new(role, &text));
        }
        if let Some(l) = self.live().get_mut(&id) {
            l.escalates = false;
        }
        id
    }

    /// Whether a person may be brought into the conversation.
    pub fn escalates(&self, id: Uuid) -> bool {
        self.live().get(&id).is_none_or(|l| l.escalates)
    }

    /// Takes on message `message`: false when it was taken on before (a retry of a message
    /// already answered or being answered). `release` gives it back if it is then not answered.
    pub fn receive(&self, id: Uuid, message: Uuid) -> bool {
        let mut live = self.live();
        let Some(l) = live.get_mut(&id) else { return true };
        if l.received.contains(&message) {
            return false;
        }
        l.received.push_back(message);
        if l.received.len() > RECEIVED {
            l.received.pop_front();
        }
        true
    }

    pub fn release(&self, id: Uuid, message: Uuid) {
        if let Some(l) = self.live().get_mut(&id) {
            l.received.retain(|m| *m != message);
        }
    }

    /// Whether `token_hash` opens this conversation.
    pub async fn check_token(&self, id: Uuid, token_hash: &str) -> Result<(), AccessError> {
        let remembered = self.live().get(&id).map(|l| l.token_hash.clone());
        let stored = match remembered {
            Some(h) => h,
            None => conversations::token_hash(&self.pool, id).await?.ok_or(AccessError::Unknown)?,
        };
        if stored.as_deref() == Some(token_hash) { Ok(()) } else { Err(AccessError::WrongToken) }
    }

    /// Whether the conversation exists; one started by another process (or before a restart) is
    /// loaded from Postgres.
    pub async fn known(&self, id: Uuid) -> bool {
        if let Some(l) = self.live().get_mut(&id) {
            l.touched = Instant::now();
            return true;
        }
        let Ok(Some(token_hash)) = conversations::token_hash(&self.pool, id).await else { return false };
        let rows = conversations::messages(&self.pool, id).await.unwrap_or_default();
        let mut received: VecDeque<Uuid> = rows.iter().filter(|r| r.role == Author::Shopper).map(|r| r.id).collect();
        let language = rows.iter().rev().find(|r| r.role == Author::Shopper).and_then(|r| r.language);
        received.drain(..received.len().saturating_sub(RECEIVED));
        let turns = rows
            .into_iter()
            .filter(|r| r.role != Author::Staff)
            .map(|r| Turn {
                role: if r.role == Author::Shopper { Role::User } else { Role::Assistant },
                unanswered: matches!(r.answered_by, Some(AnsweredBy::Unanswered | AnsweredBy::Guarded)),
                products: product_ids(&r.sources),
                text: r.text,
                translated: None,
                prompted: None,
            })
            .collect();
        self.admit(id, Live { received, language, ..Live::new(token_hash, turns) });
        true
    }

    pub fn remember(&self, id: Uuid, turn: Turn) {
        let mut live = self.live();
        let turns = &mut live.entry(id).or_insert_with(|| Live::new(None, Vec::new())).turns;
        turns.push(turn);
        forget(turns, self.exchanges);
    }

    pub fn recent(&self, id: Uuid) -> Vec<Turn> {
        self.live().get(&id).map(|l| l.turns.clone()).unwrap_or_default()
    }
}

/// Forgets the oldest `exchanges` exchanges once twice as many are remembered, a block at a time
/// rather than a turn at a time: the window of turns the model sees (`transcript`) then moves
/// in the same blocks, and the prompt's start stays put between them.
pub fn forget(turns: &mut Vec<Turn>, exchanges: usize) {
    let block = exchanges.max(1) * 2;
    if turns.len() > 2 * block {
        turns.drain(..block);
    }
}
