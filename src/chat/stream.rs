//! What the shopper's browser receives for one message, in order: the sources (catalog cards at
//! once), the tokens, the sources the answer used, then done (or an error); and how each answer
//! is streamed, checked, stopped, logged and remembered.
use super::cards::{SourceCard, used};
use super::claims::{Evidence, Outcome};
use super::conversations::{Memory, Turn};
use super::guard::{LeakGuard, delimiter_at};
use super::intent::Intent;
use crate::domain::sentence_end;
use crate::domain::{AnsweredBy, Author, ClaimAction, Language, mask};
use crate::escalation::Status;
use crate::llm::{GenEvent, Role, Usage};
use crate::store::conversations::MessageRow;
use crate::store::log::ConversationLog;
use serde::Serialize;
use tokio::sync::mpsc::{Sender, UnboundedReceiver};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ChatEvent {
    Token {
        text: String,
    },
    /// The model is writing a sentence not yet checked: nothing to show, but the connection is
    /// used (an SSE comment), so a shopper who left is noticed and the generation stopped.
    Writing,
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
pub struct Done {
    pub message_id: Uuid,
    pub intent: Intent,
    pub answered_by: AnsweredBy,
    /// The conversation's language now: the widget speaks it when the page named none it has.
    pub language: Language,
    pub usage: Option<Usage>,
    /// Model answers: how many claims were checked and how many were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Outcome>,
}

/// How an answer was made, as logged with it.
struct Made {
    by: AnsweredBy,
    model: Option<String>,
    usage: Option<Usage>,
    claims: Option<Outcome>,
}

impl Made {
    fn by(by: AnsweredBy) -> Self {
        Self { by, model: None, usage: None, claims: None }
    }
}

/// A model answer and what it may say: its sources, the evidence built from them, and what is
/// said instead of sentences that fail the check.
pub struct Checked<'a> {
    pub guard: &'a LeakGuard,
    pub refusal: &'a str,
    pub sources: Vec<SourceCard>,
    pub evidence: Evidence,
    pub fallback: String,
}

/// Where one answer goes: the shopper's stream, the log and the conversation's memory.
pub struct Sink<'a> {
    pub memory: &'a Memory,
    pub log: &'a ConversationLog,
    pub conversation: Uuid,
    pub intent: Intent,
    pub tx: Sender<ChatEvent>,
}

impl Sink<'_> {
    async fn send(&self, event: ChatEvent) -> bool {
        self.tx.send(event).await.is_ok()
    }

    /// A fixed answer: its cards first (none is an empty list), then its words, so the page
    /// behaves the same.
    pub async fn fixed(self, answer: String, sources: Vec<SourceCard>, by: AnsweredBy) {
        self.send(ChatEvent::Sources { sources: sources.clone() }).await;
        for w in answer.split_inclusive(' ') {
            if !self.send(ChatEvent::Token { text: w.to_string() }).await {
                break;
            }
        }
        self.finish(answer, sources, false, Made::by(by)).await;
    }

    /// A person was asked to join: the status first, then what the shopper is told.
    pub async fn handoff(self, answer: String, status: Status) {
        let _ = self.tx.send(ChatEvent::Status(status)).await;
        self.fixed(answer, Vec::new(), AnsweredBy::Handoff).await;
    }

    /// A person owns the conversation: the shopper's message is theirs to answer.
    pub async fn silent(self, message_id: Uuid, status: Status) {
        let _ = self.tx.send(ChatEvent::Status(status)).await;
        let done = Done {
            message_id,
            intent: self.intent,
            answered_by: AnsweredBy::Staff,
            language: self.memory.language(self.conversation),
            usage: None,
            claims: None,
        };
        let _ = self.tx.send(ChatEvent::Done(done)).await;
    }

    /// The model's answer, shown a checked sentence at a time: a sentence with a claim no source
    /// supports is left out, and the catalog's facts are said instead. A recitation of the rules
    /// is stopped and replaced by the refusal; an echoed prompt delimiter ends the answer.
    /// Dropping `stream` stops the generation (the shopper left, or the answer ended early).
    pub async fn model(self, checked: Checked<'_>, model: String, mut stream: UnboundedReceiver<GenEvent>) {
        let Checked { guard, refusal, sources, evidence, fallback } = checked;
        self.send(ChatEvent::Sources { sources: sources.clone() }).await;
        let mut raw = String::new();
        let mut read = 0;
        let mut shown = String::new();
        let mut outcome = Outcome::default();
        let mut usage = None;
        let mut ended = false;
        while !ended {
            let Some(ev) = stream.recv().await else { break };
            match ev {
                // The shopper left: dropping the stream stops the generation.
                GenEvent::Token(_) if self.tx.is_closed() => return,
                GenEvent::Token(t) => {
                    raw.push_str(&t);
                    if guard.leaks(&raw) {
                        let _ = self.send(ChatEvent::Token { text: format!("\n\n{refusal}") }).await;
                        let made = Made { by: AnsweredBy::Guarded, model: Some(model), usage: None, claims: None };
                        return self.finish(refusal.to_string(), Vec::new(), true, made).await;
                    }
                    if let Some(cut) = delimiter_at(&raw) {
                        raw.truncate(cut);
                        raw.truncate(raw.trim_end().len());
                        ended = true;
                    }
                }
                GenEvent::Done(u) => usage = Some(u),
                GenEvent::Failed(e) => {
                    tracing::error!(error = %e, conversation = %self.conversation, "generation failed");
                    let message = "the answer could not be finished; please try again".into();
                    let _ = self.send(ChatEvent::Error { code: "generation_failed", message }).await;
                    return;
                }
            }
            read = read.min(raw.len());
            let before = read;
            while let Some(end) = sentence_end(&raw[read..]) {
                let sentence = raw[read..read + end].to_string();
                read += end;
                if !self.show(&evidence, &sentence, &mut shown, &mut outcome).await {
                    return;
                }
            }
            if read == before && !ended && !self.send(ChatEvent::Writing).await {
                return;
            }
        }
        let rest = raw[read..].trim_end().to_string();
        if !rest.trim().is_empty() {
            self.show(&evidence, &rest, &mut shown, &mut outcome).await;
        }
        if outcome.unsupported > 0 {
            outcome.action = ClaimAction::Withheld;
            // The sources' own "no" to what was left out, else the catalog's facts.
            let instead = outcome.instead(&fallback, &shown);
            // Nothing more when what would be said instead is already said.
            if !instead.is_empty() {
                let text = if shown.trim().is_empty() { instead } else { format!("\n\n{instead}") };
                let _ = self.send(ChatEvent::Token { text: text.clone() }).await;
                shown.push_str(&text);
            }
        }
        let answer = shown.trim().to_string();
        // Only what the answer uses is shown as its sources, and a standing term said instead.
        let mut cited = used(&answer, &sources);
        cited.extend(evidence.standing_cited(&answer));
        let made = Made { by: AnsweredBy::Model, model: Some(model), usage, claims: Some(outcome) };
        self.finish(answer, cited, true, made).await;
    }

    /// Checks one sentence and sends it when every claim in it is supported; a sentence saying
    /// the model does not know is replaced, once, by what the product's description says of the
    /// question (`Evidence::introduced`). False when the shopper has gone.
    async fn show(&self, evidence: &Evidence, sentence: &str, shown: &mut String, outcome: &mut Outcome) -> bool {
        // Read only when the model says it does not know, not for every answer.
        if evidence.unknowing(sentence)
            && let Some(quote) = evidence.described()
        {
            if shown.contains(&quote) {
                return true;
            }
            let said = evidence.introduced(&quote);
            let text = if shown.is_empty() { said } else { format!(" {said}") };
            shown.push_str(&text);
            return self.send(ChatEvent::Token { text }).await;
        }
        if !outcome.check(evidence, sentence) {
            tracing::info!(conversation = %self.conversation, sentence, "left out a sentence with an unsupported claim");
            return true;
        }
        // The first sentence shown starts the answer, without the space that followed a left-out one.
        let sentence = if shown.is_empty() { sentence.trim_start() } else { sentence };
        shown.push_str(sentence);
        self.send(ChatEvent::Token { text: sentence.to_string() }).await
    }

    /// Logs and remembers the answer, then sends the sources it used (when `announce`) and the end.
    async fn finish(self, answer: String, sources: Vec<SourceCard>, announce: bool, made: Made) {
        let mut m = MessageRow::new(self.conversation, Author::Assistant, mask(&answer));
        m.intent = Some(self.intent.as_str().into());
        m.sources = serde_json::to_value(&sources).unwrap_or_default();
        m.model = made.model;
        if let Some(u) = &made.usage {
            m.prompt_tokens = Some(u.prompt_tokens as i32);
            m.generated_tokens = Some(u.generated_tokens as i32);
            m.ttft_ms = Some(u.ttft_ms as f32);
            m.duration_ms = Some(u.duration_ms as f32);
        }
        if let Some(c) = &made.claims {
            m.claims_checked = Some(c.checked as i32);
            m.claims_unsupported = Some(c.unsupported as i32);
            m.claim_action = Some(c.action);
        }
        m.answered_by = Some(made.by);
        let metrics = crate::metrics::metrics();
        metrics.answer(made.by.as_str());
        if let Some(u) = &made.usage {
            metrics.tokens_generated.inc_by(u64::from(u.generated_tokens));
            metrics.first_token_seconds.observe(u.ttft_ms / 1000.0);
        }
        let turn = Turn {
            // A stopped recitation answered nothing either: twice in a row brings in a person.
            unanswered: matches!(made.by, AnsweredBy::Unanswered | AnsweredBy::Guarded),
            products: sources.iter().filter(|s| s.product.is_some()).map(|s| s.id.clone()).collect(),
            ..Turn::new(Role::Assistant, &answer)
        };
        self.memory.remember(self.conversation, turn);
        if let Err(e) = self.log.write(&m).await {
            tracing::error!(error = %e, conversation = %self.conversation, "an answer could be neither stored nor spooled");
        }
        if announce {
            let _ = self.tx.send(ChatEvent::Sources { sources }).await;
        }
        let done = Done {
            message_id: m.id,
            intent: self.intent,
            answered_by: made.by,
            language: self.memory.language(self.conversation),
            usage: made.usage,
            claims: made.claims,
        };
        let _ = self.tx.send(ChatEvent::Done(done)).await;
    }
}
