//! People in the loop: when a person should take over, where a waiting shopper stands, what the
//! shopper is told when hands change, and the summary the person reads (`summary.rs`); what staff
//! do with a conversation (`staff.rs`). It knows nothing of how Aisle answers: the chat service
//! hands in what it saw and gets back a typed result.
mod staff;
mod summary;

pub use staff::{StaffError, claim, claim_next, close, reply};

use crate::domain::{ConversationStatus, EscalationReason, Hours, Language, mask};
use crate::llm::Generator;
use crate::prompts::{Prompts, Replies, fill};
use crate::store::{escalations, tokens};
use serde::Serialize;
use sqlx::PgPool;
use std::sync::Arc;
use uuid::Uuid;

/// What a shopper is told about who answers: `waiting` (with their place and the likely wait),
/// `staff`, `bot`, `resolved`.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub status: ConversationStatus,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<u64>,
    /// Nobody can join now (outside hours, or no one at the console): the shopper may leave an
    /// email to be written to.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leave_email: bool,
}

impl Status {
    fn said(status: ConversationStatus, text: String) -> Self {
        Status { status, text, position: None, wait_seconds: None, leave_email: false }
    }
}

/// What the chat saw in a message, for deciding whether a person should take over.
pub struct Signals<'a> {
    pub asks_for_person: bool,
    /// A greeting or thanks: saying it twice is not a repeated question.
    pub chit_chat: bool,
    pub strongly_negative: bool,
    /// Aisle found nothing to answer with, again.
    pub not_confident: bool,
    pub text: &'a str,
    /// What the shopper asked earlier in the conversation.
    pub earlier_questions: &'a [&'a str],
}

/// Why this message should bring in a person, if it should.
pub fn trigger(s: &Signals) -> Option<EscalationReason> {
    if s.asks_for_person {
        return Some(EscalationReason::AskedForPerson);
    }
    if s.strongly_negative {
        return Some(EscalationReason::NegativeSentiment);
    }
    if s.not_confident {
        return Some(EscalationReason::NotConfident);
    }
    let asked_before = s.earlier_questions.iter().any(|q| similar(q, s.text));
    (!s.chit_chat && asked_before).then_some(EscalationReason::RepeatedQuestion)
}

fn words(text: &str) -> std::collections::HashSet<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1).map(str::to_string).collect()
}

/// Whether two messages ask the same thing (most of their words shared).
pub fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let shared = a.intersection(&b).count() as f32;
    shared / a.union(&b).count() as f32 >= 0.75
}

/// "about 4 minutes": the median wait for each round of the queue (one conversation per person
/// at work), for a place in it.
fn wait(position: i64, at_work: i64, median: f64, replies: &Replies) -> (u64, String) {
    let rounds = (position.max(1) as f64 / at_work.max(1) as f64).ceil();
    let seconds = (median.max(30.0) * rounds) as u64;
    let minutes = seconds.div_ceil(60);
    let said =
        if minutes <= 1 { replies.a_minute.clone() } else { fill(&replies.minutes, &[("n", &minutes.to_string())]) };
    (seconds, said)
}

/// A person was asked to join: what to tell the shopper, and their place in the queue.
pub struct Handoff {
    pub answer: String,
    pub status: Status,
}

/// Who answers a conversation now, and the person who owns it, if any.
pub struct Owner {
    pub status: ConversationStatus,
    pub name: Option<String>,
}

impl Owner {
    /// Aisle answers: no one has been asked for, or the queue cannot be read.
    pub fn aisle() -> Self {
        Owner { status: ConversationStatus::Bot, name: None }
    }
}

/// The escalation service: the queue in Postgres, the texts in `prompts/`, and the model for
/// the handoff summary (without one, the summary is taken from the messages).
pub struct Escalation {
    pool: PgPool,
    prompts: Arc<Prompts>,
    generator: Option<Arc<dyn Generator>>,
    hours: Hours,
}

impl Escalation {
    pub fn new(pool: PgPool, prompts: Arc<Prompts>, generator: Option<Arc<dyn Generator>>, hours: Hours) -> Self {
        Self { pool, prompts, generator, hours }
    }

    /// Who answers now. A resolved conversation the shopper writes in again is Aisle's again.
    /// Without Postgres there is no queue, and Aisle answers.
    pub async fn owner(&self, conversation: Uuid) -> Owner {
        let state = match escalations::state(&self.pool, conversation).await {
            Ok(Some(s)) => s,
            _ => return Owner::aisle(),
        };
        if state.status == ConversationStatus::Resolved
            && let Err(e) = escalations::reopen(&self.pool, conversation).await
        {
            tracing::warn!(error = %e, %conversation, "could not reopen a resolved conversation");
        }
        Owner { status: state.status, name: state.assignee_name }
    }

    /// Where a waiting conversation stands, in words, and only what is known: outside the team's
    /// hours or with nobody at the console it says so (and offers to take an email); a wait is
    /// promised only from the waits of the past week and the people at work now.
    pub async fn queue_status(&self, conversation: Uuid, lang: Language) -> Status {
        let replies = &self.prompts.texts(lang).replies;
        let waiting = |text: String, position, wait_seconds, leave_email| Status {
            status: ConversationStatus::Waiting,
            text,
            position,
            wait_seconds,
            leave_email,
        };
        if !self.hours.open_at(chrono::Utc::now()) {
            return waiting(fill(&replies.queue_closed, &[("hours", self.hours.as_text())]), None, None, true);
        }
        let (position, median) = escalations::position_and_wait(&self.pool, conversation).await.unwrap_or((1, None));
        let at_work = tokens::at_work(&self.pool).await.unwrap_or(0);
        let place = position.to_string();
        match median {
            _ if at_work == 0 => {
                waiting(fill(&replies.queue_nobody, &[("position", &place)]), Some(position), None, true)
            }
            None => waiting(fill(&replies.queue_unknown, &[("position", &place)]), Some(position), None, false),
            Some(median) => {
                let (seconds, minutes) = wait(position, at_work, median, replies);
                let text = fill(&replies.queue, &[("position", &place), ("minutes", &minutes)]);
                waiting(text, Some(position), Some(seconds), false)
            }
        }
    }

    /// The status a shopper sees after a change of hands.
    pub async fn status_event(&self, conversation: Uuid) -> Option<Status> {
        let state = escalations::state(&self.pool, conversation).await.ok()??;
        let replies = &self.prompts.texts(state.language).replies;
        let name = state.assignee_name.clone().unwrap_or_else(|| replies.a_colleague.clone());
        let text = match state.status {
            ConversationStatus::Waiting => return Some(self.queue_status(conversation, state.language).await),
            ConversationStatus::Staff => fill(&replies.joined, &[("name", &name)]),
            ConversationStatus::Resolved => fill(&replies.resolved, &[("name", &replies.our_team)]),
            ConversationStatus::Bot => fill(&replies.handed_back, &[("name", &replies.our_team)]),
        };
        Some(Status::said(state.status, text))
    }

    /// What a shopper is told when they write while a person owns the conversation.
    pub fn owned_by(&self, owner: Option<String>, lang: Language) -> Status {
        let replies = &self.prompts.texts(lang).replies;
        let name = owner.unwrap_or_else(|| replies.a_colleague.clone());
        let text = fill(&replies.joined, &[("name", &name)]);
        Status::said(ConversationStatus::Staff, text)
    }

    /// Already waiting and asking again: where they stand, rather than promising again.
    pub async fn still_waiting(&self, conversation: Uuid, lang: Language) -> Handoff {
        let status = self.queue_status(conversation, lang).await;
        Handoff { answer: format!("{} {}", self.prompts.texts(lang).replies.still_waiting, status.text), status }
    }

    /// Puts the conversation in the queue and starts writing the summary. `None` when it could not
    /// be queued (Postgres away, or already queued): Aisle answers as usual.
    #[tracing::instrument(skip_all, fields(%conversation, reason = %reason))]
    pub async fn open(
        self: &Arc<Self>,
        conversation: Uuid,
        reason: EscalationReason,
        text: &str,
        lang: Language,
    ) -> Option<Handoff> {
        let detail: String = text.chars().take(200).collect();
        match escalations::open(&self.pool, conversation, reason, &mask(&detail)).await {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => {
                tracing::warn!(error = %e, "could not queue the conversation for a person");
                return None;
            }
        }
        tracing::info!("escalated to a person");
        let this = self.clone();
        tokio::spawn(async move { this.summarize(conversation).await });
        let replies = &self.prompts.texts(lang).replies;
        let said = match reason {
            EscalationReason::AskedForPerson => &replies.wants_human,
            EscalationReason::NegativeSentiment => &replies.escalated_upset,
            EscalationReason::NotConfident => &replies.escalated_unsure,
            EscalationReason::RepeatedQuestion => &replies.escalated_repeat,
        };
        let status = self.queue_status(conversation, lang).await;
        Some(Handoff { answer: format!("{said} {}", status.text), status })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_question_in_other_words_order_is_a_repeat() {
        assert!(similar("where is my order 1234?", "Where is my order #1234"));
        assert!(!similar("do you sell lipstick?", "what about mascara?"));
    }

    #[test]
    fn the_wait_is_spoken_in_minutes_and_shared_by_the_people_at_work() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        let (en, de) = (prompts.replies(), &prompts.texts(Language::De).replies);
        assert_eq!(wait(3, 1, 100.0, en), (300, "5 minutes".into()));
        assert_eq!(wait(3, 3, 100.0, en), (100, "2 minutes".into()));
        assert_eq!(wait(1, 2, 10.0, en).1, "a minute");
        assert_eq!(wait(3, 1, 100.0, de).1, "5 Minuten");
    }
}
