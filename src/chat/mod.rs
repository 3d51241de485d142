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
mod articles;
pub mod asked;
mod cards;
mod claims;
mod conversations;
mod error;
mod facts;
mod guard;
mod intent;
mod nearest;
mod order_answers;
mod order_words;
mod orders;
mod phrases;
mod plan;
mod pointing;
mod preview;
pub mod problems;
mod query;
mod quote;
mod request;
pub mod sentiment;
mod stream;
mod transcript;
mod translate;
mod understand;

pub use cards::{OrderCard, SourceCard, cards, cited, prompt_sources, used};
pub use claims::Outcome as ClaimOutcome;
pub use conversations::{AccessError, Memory, Prompted, Turn};
pub use error::ChatError;
pub use intent::{Intent, classify};
pub use orders::{OrderDesk, OrderState};
pub use plan::{Message, Planner};
pub use preview::Preview;
pub use query::search_query;
pub use stream::{ChatEvent, Done};
pub use translate::{Translator, keep_names, names_in, without_names};
pub use understand::Understood;

use crate::config::ChatSettings;
use crate::domain::{AnsweredBy, Author, ConversationStatus, ShopperText, mask};
use crate::escalation::{self, Escalation, Handoff, Signals};
use crate::llm::{GenError, GenEvent, Generator, Role};
use crate::prompts::Prompts;
use crate::retrieval::Retriever;
use crate::store::conversations::MessageRow;
use crate::store::log::ConversationLog;
use claims::{Evidence, standing_terms};
use guard::LeakGuard;
use plan::Plan;
use std::sync::Arc;
use std::time::Duration;
use stream::{Checked, Sink};
use tokio::sync::mpsc::{Receiver, Sender, UnboundedReceiver, channel};
use uuid::Uuid;

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
    /// How messages are read and answered (`aisle eval fields` asks it how it reads).
    pub planner: Planner,
    desk: OrderDesk,
    memory: Memory,
    log: Arc<ConversationLog>,
    escalation: Arc<Escalation>,
    generator: Option<Arc<dyn Generator>>,
    guard: LeakGuard,
}

impl ChatService {
    /// `max_tokens` an answer may take, in a `context` of that many tokens per conversation.
    pub fn new(parts: Parts, settings: ChatSettings, max_tokens: u32, context: u32) -> Self {
        let guard = LeakGuard::new(&parts.prompts.system, &parts.prompts.replies().rule_phrases);
        let translator = Arc::new(Translator::new(parts.generator.clone(), parts.prompts.clone()));
        let memory = Memory::new(parts.pool, parts.log.clone(), settings.history_turns);
        let planner =
            Planner { retriever: parts.retriever, prompts: parts.prompts, translator, settings, max_tokens, context };
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
        // Its language, its English and what the shopper wants (`understand`).
        let understood = self.planner.understand(text, self.memory.said_in(conversation)).await;
        let (lang, translated) = (understood.lang, understood.english);
        let texts = self.planner.prompts.texts(lang);
        let msg = Message { text, english: translated.as_deref().unwrap_or(text), lang };
        let mut orders = self.memory.orders(conversation);
        orders.lang = lang;
        // A late order's answer offered a person: a plain yes takes it up.
        let offered = std::mem::take(&mut orders.offered_person);
        self.desk.hear(text, &mut orders);
        let intent = match understood.intent {
            _ if offered && order_words::yes_or_no(msg.english) == Some(true) => Intent::WantsHuman,
            intent => intent,
        };
        let mood = sentiment::mood(self.planner.retriever.embedder(), msg.english, (text, &texts.mood)).await;
        let history = self.memory.recent(conversation);
        let owner = self.owner(conversation).await;
        let mut shopper = MessageRow::new(conversation, Author::Shopper, mask(text));
        shopper.id = id;
        shopper.intent = Some(intent.as_str().into());
        shopper.sentiment = Some(mood);
        shopper.language = Some(lang);

        let (tx, rx) = channel(64);
        let this = self.clone();
        if owner.status == ConversationStatus::Staff {
            self.take(&shopper, &msg, None).await?;
            let status = self.escalation.owned_by(owner.name, lang);
            tokio::spawn(async move { this.sink(conversation, intent, tx).silent(shopper.id, status).await });
            return Ok(rx);
        }
        let escalates = self.memory.escalates(conversation);
        let for_desk = if msg.english == text { text.to_string() } else { format!("{} {text}", msg.english) };
        let plan = match intent {
            Intent::WantsHuman if !escalates => {
                let answer = texts.replies.no_person_here.clone();
                Plan::Fixed { answer, sources: Vec::new(), by: AnsweredBy::Fixed }
            }
            // Orders are answered from the order, by the desk, once the shopper proved it theirs.
            // It reads the words in English and the number and email as the shopper wrote them.
            _ if intent != Intent::WantsHuman && self.desk.takes(&for_desk, intent, &orders) => {
                let said = self.desk.answer(conversation, &for_desk, intent, &mut orders).await;
                Plan::Fixed { answer: said.text, sources: said.cards, by: AnsweredBy::Order }
            }
            _ => self.planner.plan(None, intent, &history, &msg, self.generator.is_some()).await?,
        };
        self.memory.set_orders(conversation, orders);
        self.memory.set_language(conversation, lang);
        // Whether a person should be brought in; decided before anything is stored, done after.
        let reason = match owner.status {
            _ if !escalates => None,
            ConversationStatus::Waiting => None,
            _ => {
                let found_nothing = matches!(&plan, Plan::Fixed { by: AnsweredBy::Unanswered, .. });
                let earlier: Vec<&str> = history.iter().filter(|t| t.role == Role::User).map(Turn::english).collect();
                escalation::trigger(&Signals {
                    asks_for_person: intent == Intent::WantsHuman,
                    chit_chat: matches!(intent, Intent::Greeting | Intent::Thanks),
                    strongly_negative: sentiment::strongly_negative(mood),
                    not_confident: found_nothing && history.iter().any(|t| t.unanswered),
                    text: msg.english,
                    earlier_questions: &earlier,
                })
            }
        };
        let still_waiting = escalates && owner.status == ConversationStatus::Waiting && intent == Intent::WantsHuman;
        // The model's slot is taken before the message is: when none is free, the shopper gets a
        // 503 and nothing of this attempt remains.
        let mut prompted = None;
        let plan = match plan {
            Plan::Model { request, sources, fallback, prompted: put } if reason.is_none() && !still_waiting => {
                let generator = self.generator.clone().ok_or(ChatError::ModelUnavailable("no model".into()))?;
                let stream = generator.generate(request).map_err(|e| match e {
                    GenError::Busy => ChatError::Busy,
                    GenError::Unavailable(m) => ChatError::ModelUnavailable(m),
                })?;
                prompted = put;
                Ready::Model { stream, model: generator.model_name().to_string(), sources, fallback }
            }
            Plan::Model { sources, fallback, .. } => Ready::Fixed { answer: fallback, sources, by: AnsweredBy::Fixed },
            Plan::Fixed { answer, sources, by } => Ready::Fixed { answer, sources, by },
        };
        self.take(&shopper, &msg, prompted).await?;

        let handoff = match reason {
            Some(reason) => self.escalation.open(conversation, reason, text, lang).await,
            None if still_waiting => Some(self.escalation.still_waiting(conversation, lang).await),
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
                // The question as understood: a premise or a topic is read in English.
                // The shop's standing terms too: a yes about a product its articles refuse for
                // that kind of product is not shown, whatever the search found.
                let standing = self
                    .planner
                    .retriever
                    .current()
                    .as_deref()
                    .map(|index| standing_terms(index, &sources))
                    .unwrap_or_default();
                let evidence = Evidence::new(&sources, msg.english)
                    .in_language(lang, &texts.words)
                    .with_standing(standing)
                    .unsure(&texts.replies.withheld_unsure, &texts.replies.described);
                tokio::spawn(async move {
                    let replies = &this.planner.prompts.texts(lang).replies;
                    let refusal = &replies.refused;
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

    /// Stores and remembers the shopper's message (with the question as the model read it, when
    /// the model answers it): from here on Aisle has taken it on.
    async fn take(&self, shopper: &MessageRow, msg: &Message<'_>, prompted: Option<Prompted>) -> Result<(), ChatError> {
        self.log.write(shopper).await.map_err(ChatError::Store)?;
        let translated = (msg.english != msg.text).then(|| msg.english.to_string());
        self.memory.remember(shopper.conversation_id, Turn { translated, prompted, ..Turn::new(Role::User, msg.text) });
        Ok(())
    }
}
