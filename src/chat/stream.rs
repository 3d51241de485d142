//! What the shopper's browser receives for one message, in order: tokens, then sources, then
//! done (or an error); and how each answer is streamed, stopped, logged and remembered.
use super::cards::{SourceCard, used};
use super::conversations::Memory;
use super::guard::{LeakGuard, delimiter_at};
use super::intent::Intent;
use crate::domain::{AnsweredBy, Author, mask};
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
    pub usage: Option<Usage>,
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
    /// A fixed answer, streamed in words too so the page behaves the same.
    pub async fn fixed(self, answer: String, sources: Vec<SourceCard>, by: AnsweredBy) {
        for w in answer.split_inclusive(' ') {
            if self.tx.send(ChatEvent::Token { text: w.to_string() }).await.is_err() {
                break;
            }
        }
        self.finish(answer, sources, None, None, by).await;
    }

    /// A person was asked to join: the status first, then what the shopper is told.
    pub async fn handoff(self, answer: String, status: Status) {
        let _ = self.tx.send(ChatEvent::Status(status)).await;
        self.fixed(answer, Vec::new(), AnsweredBy::Handoff).await;
    }

    /// A person owns the conversation: the shopper's message is theirs to answer.
    pub async fn silent(self, message_id: Uuid, status: Status) {
        let _ = self.tx.send(ChatEvent::Status(status)).await;
        let done = Done { message_id, intent: self.intent, answered_by: AnsweredBy::Staff, usage: None };
        let _ = self.tx.send(ChatEvent::Done(done)).await;
    }

    /// The model's answer, streamed as it is written. A recitation of the rules is stopped and
    /// replaced by `refusal`; an echoed prompt delimiter ends the answer. Dropping `stream` stops
    /// the generation (the shopper left, or the answer ended early).
    pub async fn model(
        self,
        guard: &LeakGuard,
        refusal: &str,
        sources: Vec<SourceCard>,
        model: String,
        mut stream: UnboundedReceiver<GenEvent>,
    ) {
        let mut answer = String::new();
        let mut sent = 0;
        let mut usage = None;
        while let Some(ev) = stream.recv().await {
            match ev {
                GenEvent::Token(t) => {
                    answer.push_str(&t);
                    if guard.leaks(&answer) {
                        let _ = self.tx.send(ChatEvent::Token { text: format!("\n\n{refusal}") }).await;
                        return self
                            .finish(refusal.to_string(), Vec::new(), None, Some(model), AnsweredBy::Guarded)
                            .await;
                    }
                    if let Some(cut) = delimiter_at(&answer) {
                        answer.truncate(cut);
                        answer.truncate(answer.trim_end().len());
                        if answer.len() > sent {
                            let _ = self.tx.send(ChatEvent::Token { text: answer[sent..].to_string() }).await;
                            sent = answer.len();
                        }
                        break;
                    }
                    // Text from a '<' waits until it is clearly not the start of a delimiter.
                    let hold = answer[sent..].rfind('<').map_or(answer.len(), |i| sent + i);
                    let hold = if answer.len() - hold > 12 { answer.len() } else { hold };
                    if hold > sent {
                        if self.tx.send(ChatEvent::Token { text: answer[sent..hold].to_string() }).await.is_err() {
                            return;
                        }
                        sent = hold;
                    }
                }
                GenEvent::Done(u) => usage = Some(u),
                GenEvent::Failed(e) => {
                    tracing::error!(error = %e, conversation = %self.conversation, "generation failed");
                    let message = "the answer could not be finished; please try again".into();
                    let _ = self.tx.send(ChatEvent::Error { code: "generation_failed", message }).await;
                    return;
                }
            }
        }
        if answer.len() > sent {
            let _ = self.tx.send(ChatEvent::Token { text: answer[sent..].to_string() }).await;
        }
        // Only what the answer uses is shown as its sources.
        let cited = used(&answer, &sources);
        self.finish(answer, cited, usage, Some(model), AnsweredBy::Model).await;
    }

    /// Logs and remembers the answer, then sends its sources and the end.
    async fn finish(
        self,
        answer: String,
        sources: Vec<SourceCard>,
        usage: Option<Usage>,
        model: Option<String>,
        by: AnsweredBy,
    ) {
        let mut m = MessageRow::new(self.conversation, Author::Assistant, mask(&answer));
        m.intent = Some(self.intent.as_str().into());
        m.sources = serde_json::to_value(&sources).unwrap_or_default();
        m.model = model;
        if let Some(u) = &usage {
            m.prompt_tokens = Some(u.prompt_tokens as i32);
            m.generated_tokens = Some(u.generated_tokens as i32);
            m.ttft_ms = Some(u.ttft_ms as f32);
            m.duration_ms = Some(u.duration_ms as f32);
        }
        m.answered_by = Some(by);
        self.memory.remember(self.conversation, Role::Assistant, &answer, by == AnsweredBy::Unanswered);
        if let Err(e) = self.log.write(&m).await {
            tracing::error!(error = %e, conversation = %self.conversation, "an answer could be neither stored nor spooled");
        }
        let _ = self.tx.send(ChatEvent::Sources { sources }).await;
        let _ =
            self.tx.send(ChatEvent::Done(Done { message_id: m.id, intent: self.intent, answered_by: by, usage })).await;
    }
}
