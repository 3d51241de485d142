//! The conversation service: understand, retrieve, plan, generate, stream, log.
//!
//! One shopper message: `reply` checks the conversation (`conversations`), reads the intent
//! (`intent`) and the mood (`sentiment`), asks `escalation` who answers, logs the message, plans
//! the answer (`plan`: retrieval, evidence, FAQ shortcut, prompt), brings in a person when a
//! trigger fires, and streams the answer (`stream`), which logs it too.
//!
//! Prices, stock and policies reach the shopper only from the catalog. A question the catalog
//! answers by itself (a product's facts, the cheapest, a filtered list, a comparison, a wrong
//! price) is answered from its fields with templates (`request`, `facts`). Otherwise the model
//! sees named facts as numbered sources, and each sentence it writes is checked against them
//! before the shopper sees it (`claims`); the cards are built from the catalog and sent first.
mod cards;
mod claims;
mod conversations;
mod error;
mod facts;
mod guard;
mod intent;
mod order_answers;
mod order_words;
mod orders;
mod plan;
mod query;
mod quote;
mod request;
pub mod sentiment;
mod stream;

pub use cards::{OrderCard, SourceCard, cards, cited, prompt_sources, used};
pub use claims::Outcome as ClaimOutcome;
pub use conversations::{AccessError, Memory, Turn};
pub use error::ChatError;
pub use intent::{Intent, classify};
pub use orders::{OrderDesk, OrderState};
pub use plan::Planner;
pub use query::search_query;
pub use stream::{ChatEvent, Done};

use crate::config::ChatSettings;
use crate::domain::{AnsweredBy, Author, ConversationStatus, ShopperText, mask};
use crate::escalation::{self, Escalation, Handoff, Signals};
use crate::llm::{GenError, GenEvent, Generator, Role, complete};
use crate::prompts::Prompts;
use crate::retrieval::{Index, Retriever};
use crate::store::conversations::MessageRow;
use crate::store::log::ConversationLog;
use claims::Evidence;
use guard::{LeakGuard, delimiter_at};
use plan::Plan;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use stream::{Checked, Sink};
use tokio::sync::mpsc::{Receiver, Sender, UnboundedReceiver, channel};
use uuid::Uuid;

/// How Aisle would answer, without anyone seeing it (the knowledge-base editor's preview).
#[derive(Debug, Serialize)]
pub struct Preview {
    pub answer: String,
    pub sources: Vec<SourceCard>,
    pub answered_by: AnsweredBy,
}

/// An answer ready to be given: fixed words, or a model already writing.
enum Ready {
    Fixed { answer: String, sources: Vec<SourceCard>, by: AnsweredBy },
    Model { stream: UnboundedReceiver<GenEvent>, model: String, sources: Vec<SourceCard>, fallback: String },
}

/// What the chat service is made of; built once at start.
pub struct Parts {
    pub desk: OrderDesk,
    pub retriever: Arc<Retriever>,
    pub generator: Option<Arc<dyn Generator>>,
    pub prompts: Arc<Prompts>,
    pub pool: sqlx::PgPool,
    pub log: Arc<ConversationLog>,
    pub escalation: Arc<Escalation>,
}

pub struct ChatService {
    planner: Planner,
    desk: OrderDesk,
    memory: Memory,
    log: Arc<ConversationLog>,
    escalation: Arc<Escalation>,
    generator: Option<Arc<dyn Generator>>,
    guard: LeakGuard,
}

impl ChatService {
    pub fn new(parts: Parts, settings: ChatSettings, max_tokens: u32) -> Self {
        let guard = LeakGuard::new(&parts.prompts.system, &parts.prompts.replies.rule_phrases);
        let memory = Memory::new(parts.pool, parts.log.clone(), settings.history_turns);
        let planner = Planner { retriever: parts.retriever, prompts: parts.prompts, settings, max_tokens };
        let (log, escalation, generator, desk) = (parts.log, parts.escalation, parts.generator, parts.desk);
        Self { planner, desk, memory, log, escalation, generator, guard }
    }

    /// Conversations this process knows: start one, check a shopper's token.
    pub fn conversations(&self) -> &Memory {
        &self.memory
    }

    pub fn generator(&self) -> Option<&Arc<dyn Generator>> {
        self.generator.as_ref()
    }

    fn sink(&self, conversation: Uuid, intent: Intent, tx: Sender<ChatEvent>) -> Sink<'_> {
        Sink { memory: &self.memory, log: &self.log, conversation, intent, tx }
    }

    /// Answers one shopper message; the events arrive on the returned channel.
    ///
    /// `message` is the client's id for it, if it sent one: a retry with the same id is refused
    /// as a duplicate instead of being asked again. Nothing is stored or remembered until Aisle
    /// takes the message on, so a message refused as busy leaves no trace to be taken for a
    /// repeated question when it is sent again.
    #[tracing::instrument(skip_all, fields(%conversation))]
    pub async fn reply(
        self: &Arc<Self>,
        conversation: Uuid,
        text: ShopperText,
        message: Option<Uuid>,
    ) -> Result<Receiver<ChatEvent>, ChatError> {
        if !self.memory.known(conversation).await {
            return Err(AccessError::Unknown.into());
        }
        let id = message.unwrap_or_else(Uuid::new_v4);
        if !self.memory.receive(conversation, id) {
            return Err(ChatError::Duplicate);
        }
        let answered = self.answer(conversation, id, text).await;
        if answered.is_err() {
            self.memory.release(conversation, id);
        }
        answered
    }

    async fn answer(
        self: &Arc<Self>,
        conversation: Uuid,
        id: Uuid,
        text: ShopperText,
    ) -> Result<Receiver<ChatEvent>, ChatError> {
        let text = text.as_str();
        let mut orders = self.memory.orders(conversation);
        // A late order's answer offered a person: a plain yes takes it up.
        let offered = std::mem::take(&mut orders.offered_person);
        self.desk.hear(text, &mut orders);
        let intent = match classify(text) {
            _ if offered && order_words::yes_or_no(text) == Some(true) => Intent::WantsHuman,
            intent => intent,
        };
        let mood = sentiment::mood(self.planner.retriever.embedder(), text).await;
        let history = self.memory.recent(conversation);
        let owner = self.owner(conversation).await;
        let mut shopper = MessageRow::new(conversation, Author::Shopper, mask(text));
        shopper.id = id;
        shopper.intent = Some(intent.as_str().into());
        shopper.sentiment = Some(mood);

        let (tx, rx) = channel(64);
        let this = self.clone();
        if owner.status == ConversationStatus::Staff {
            self.take(&shopper, text).await?;
            let status = self.escalation.owned_by(owner.name);
            tokio::spawn(async move { this.sink(conversation, intent, tx).silent(shopper.id, status).await });
            return Ok(rx);
        }
        let escalates = self.memory.escalates(conversation);
        let plan = match intent {
            Intent::WantsHuman if !escalates => {
                let answer = self.planner.prompts.replies.no_person_here.clone();
                Plan::Fixed { answer, sources: Vec::new(), by: AnsweredBy::Fixed }
            }
            // Orders are answered from the order, by the desk, once the shopper proved it theirs.
            _ if intent != Intent::WantsHuman && self.desk.takes(text, intent, &orders) => {
                let said = self.desk.answer(conversation, text, intent, &mut orders).await;
                Plan::Fixed { answer: said.text, sources: said.cards, by: AnsweredBy::Order }
            }
            _ => self.planner.plan(None, intent, &history, text, self.generator.is_some()).await?,
        };
        self.memory.set_orders(conversation, orders);
        // Whether a person should be brought in; decided before anything is stored, done after.
        let reason = match owner.status {
            _ if !escalates => None,
            ConversationStatus::Waiting => None,
            _ => {
                let found_nothing = matches!(&plan, Plan::Fixed { by: AnsweredBy::Unanswered, .. });
                let earlier: Vec<&str> =
                    history.iter().filter(|t| t.role == Role::User).map(|t| t.text.as_str()).collect();
                escalation::trigger(&Signals {
                    asks_for_person: intent == Intent::WantsHuman,
                    chit_chat: matches!(intent, Intent::Greeting | Intent::Thanks),
                    strongly_negative: sentiment::strongly_negative(mood),
                    not_confident: found_nothing && history.iter().any(|t| t.unanswered),
                    text,
                    earlier_questions: &earlier,
                })
            }
        };
        let still_waiting = escalates && owner.status == ConversationStatus::Waiting && intent == Intent::WantsHuman;
        // The model's slot is taken before the message is: when none is free, the shopper gets a
        // 503 and nothing of this attempt remains.
        let plan = match plan {
            Plan::Model { request, sources, fallback } if reason.is_none() && !still_waiting => {
                let generator = self.generator.clone().ok_or(ChatError::ModelUnavailable("no model".into()))?;
                let stream = generator.generate(request).map_err(|e| match e {
                    GenError::Busy => ChatError::Busy,
                    GenError::Unavailable(m) => ChatError::ModelUnavailable(m),
                })?;
                Ready::Model { stream, model: generator.model_name().to_string(), sources, fallback }
            }
            Plan::Model { sources, fallback, .. } => Ready::Fixed { answer: fallback, sources, by: AnsweredBy::Fixed },
            Plan::Fixed { answer, sources, by } => Ready::Fixed { answer, sources, by },
        };
        self.take(&shopper, text).await?;

        let handoff = match reason {
            Some(reason) => self.escalation.open(conversation, reason, text).await,
            None if still_waiting => Some(self.escalation.still_waiting(conversation).await),
            None => None,
        };
        if let Some(Handoff { answer, status }) = handoff {
            tokio::spawn(async move { this.sink(conversation, intent, tx).handoff(answer, status).await });
            return Ok(rx);
        }
        match plan {
            Ready::Fixed { answer, sources, by } => {
                tokio::spawn(async move { this.sink(conversation, intent, tx).fixed(answer, sources, by).await });
            }
            Ready::Model { stream, model, sources, fallback } => {
                let evidence = Evidence::new(&sources, text);
                tokio::spawn(async move {
                    let refusal = &this.planner.prompts.replies.refused;
                    let checked = Checked { guard: &this.guard, refusal, sources, evidence, fallback };
                    this.sink(conversation, intent, tx).model(checked, model, stream).await
                });
            }
        }
        Ok(rx)
    }

    /// Who answers. While lines wait in the spool Postgres is probably away: the queue is still
    /// asked (a person who owns the conversation must not be talked over), but not waited for.
    async fn owner(&self, conversation: Uuid) -> escalation::Owner {
        let wait = if self.log.has_spooled() { Duration::from_millis(500) } else { Duration::from_secs(10) };
        tokio::time::timeout(wait, self.escalation.owner(conversation))
            .await
            .unwrap_or_else(|_| escalation::Owner::aisle())
    }

    /// Stores and remembers the shopper's message: from here on Aisle has taken it on.
    async fn take(&self, shopper: &MessageRow, text: &str) -> Result<(), ChatError> {
        self.log.write(shopper).await.map_err(ChatError::Store)?;
        self.memory.remember(shopper.conversation_id, Turn::new(Role::User, text));
        Ok(())
    }

    /// How Aisle would answer `question` with `index` (a draft applied), logging nothing.
    pub async fn preview(&self, index: Arc<Index>, question: &str) -> Result<Preview, ChatError> {
        let intent = classify(question);
        let (request, sources, fallback) =
            match self.planner.plan(Some(index), intent, &[], question, self.generator.is_some()).await? {
                Plan::Fixed { answer, sources, by } => return Ok(Preview { answer, sources, answered_by: by }),
                Plan::Model { request, sources, fallback } => (request, sources, fallback),
            };
        let generator = self.generator.as_ref().ok_or(ChatError::ModelUnavailable("no model".into()))?;
        let (mut answer, _) = complete(generator.as_ref(), request).await.map_err(ChatError::ModelUnavailable)?;
        if let Some(cut) = delimiter_at(&answer) {
            answer.truncate(cut);
        }
        let answer = answer.trim().to_string();
        if self.guard.leaks(&answer) {
            let refused = self.planner.prompts.replies.refused.clone();
            return Ok(Preview { answer: refused, sources: Vec::new(), answered_by: AnsweredBy::Guarded });
        }
        let answer = claims::checked(&Evidence::new(&sources, question), &answer, &fallback);
        let sources = used(&answer, &sources);
        Ok(Preview { answer, sources, answered_by: AnsweredBy::Model })
    }
}
