//! When a person should take over, what the shopper is told, and the summary the person reads.
use super::{ChatEvent, ChatService, Done, Intent, Plan, Role, Status, Turn, fill, sentiment};
use crate::store::{conversations, escalations};
use std::sync::Arc;
use tokio::sync::mpsc::Sender;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    AskedForPerson,
    NegativeSentiment,
    NotConfident,
    RepeatedQuestion,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::AskedForPerson => "asked_for_person",
            Reason::NegativeSentiment => "negative_sentiment",
            Reason::NotConfident => "not_confident",
            Reason::RepeatedQuestion => "repeated_question",
        }
    }
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

/// Why this message should bring in a person, if it should.
pub(super) fn trigger(intent: Intent, mood: f32, text: &str, history: &[Turn], not_confident: bool) -> Option<Reason> {
    if intent == Intent::WantsHuman {
        return Some(Reason::AskedForPerson);
    }
    if mood <= sentiment::STRONGLY_NEGATIVE {
        return Some(Reason::NegativeSentiment);
    }
    if not_confident {
        return Some(Reason::NotConfident);
    }
    let chit_chat = matches!(intent, Intent::Greeting | Intent::Thanks);
    let asked_before = history.iter().any(|t| t.role == Role::User && similar(&t.text, text));
    (!chit_chat && asked_before).then_some(Reason::RepeatedQuestion)
}

/// "about 4 minutes" from a median wait in seconds and a place in the queue.
fn wait(position: i64, median: Option<f64>) -> (u64, String) {
    let seconds = (median.unwrap_or(120.0).max(30.0) * position.max(1) as f64) as u64;
    let minutes = seconds.div_ceil(60);
    (seconds, if minutes <= 1 { "a minute".into() } else { format!("{minutes} minutes") })
}

impl ChatService {
    /// Where a waiting conversation stands, in words.
    pub async fn queue_status(&self, conversation: Uuid) -> Status {
        let (position, median) = escalations::position_and_wait(&self.pool, conversation).await.unwrap_or((1, None));
        let (seconds, minutes) = wait(position, median);
        let text = fill(&self.prompts.replies.queue, &[("position", &position.to_string()), ("minutes", &minutes)]);
        Status { status: "waiting".into(), text, position: Some(position), wait_seconds: Some(seconds) }
    }

    /// The status a shopper sees after a change; `name` is the person involved.
    pub async fn status_event(&self, conversation: Uuid) -> Option<Status> {
        let state = escalations::state(&self.pool, conversation).await.ok()??;
        let name = state.assignee_name.clone().unwrap_or_else(|| "A colleague".into());
        let replies = &self.prompts.replies;
        let text = match state.status.as_str() {
            "waiting" => return Some(self.queue_status(conversation).await),
            "staff" => fill(&replies.joined, &[("name", &name)]),
            "resolved" => fill(&replies.resolved, &[("name", "Our team")]),
            _ => fill(&replies.handed_back, &[("name", "Our team")]),
        };
        Some(Status { status: state.status, text, position: None, wait_seconds: None })
    }

    /// Puts the conversation in the queue; the plan becomes telling the shopper so.
    /// `None` when it could not be queued (Postgres away, or already queued): Aisle answers as usual.
    pub(super) async fn escalate(self: &Arc<Self>, conversation: Uuid, reason: Reason, text: &str) -> Option<Plan> {
        let detail: String = text.chars().take(200).collect();
        match escalations::open(&self.pool, conversation, reason.as_str(), &super::mask(&detail)).await {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => {
                tracing::warn!(error = %e, "could not queue the conversation for a person");
                return None;
            }
        }
        tracing::info!(%conversation, reason = reason.as_str(), "escalated to a person");
        let this = self.clone();
        tokio::spawn(async move { this.summarize(conversation).await });
        let replies = &self.prompts.replies;
        let said = match reason {
            Reason::AskedForPerson => &replies.wants_human,
            Reason::NegativeSentiment => &replies.escalated_upset,
            Reason::NotConfident => &replies.escalated_unsure,
            Reason::RepeatedQuestion => &replies.escalated_repeat,
        };
        let status = self.queue_status(conversation).await;
        Some(Plan::Handoff { answer: format!("{said} {}", status.text), status })
    }

    /// A person owns the conversation: the shopper's message is theirs to answer.
    pub(super) async fn stay_silent(
        &self,
        message_id: Uuid,
        intent: Intent,
        owner: Option<String>,
        tx: Sender<ChatEvent>,
    ) {
        let name = owner.unwrap_or_else(|| "A colleague".into());
        let text = fill(&self.prompts.replies.joined, &[("name", &name)]);
        let _ = tx
            .send(ChatEvent::Status(Status { status: "staff".into(), text, position: None, wait_seconds: None }))
            .await;
        let done = Done { message_id, intent, answered_by: "staff", usage: None };
        let _ = tx.send(ChatEvent::Done(done)).await;
    }

    /// One short answer from the model about the chat; `None` without a model or a usable answer.
    async fn ask_about(&self, lines: &[(String, String)], question: &str) -> Option<String> {
        let generator = self.generator.as_ref()?;
        let prompt = self.prompts.handoff(lines, question).ok()?;
        let req = crate::llm::GenRequest {
            messages: vec![crate::llm::ChatMessage { role: Role::User, content: prompt }],
            max_tokens: 60,
        };
        let (text, _) = crate::llm::complete(generator.as_ref(), req).await.ok()?;
        let text = text.trim().lines().next().unwrap_or_default().trim().to_string();
        tracing::debug!(question, answer = %text, "handoff summary");
        let echoed = text.contains("one short sentence") || text.contains(question);
        (text.len() > 3 && !echoed).then_some(text)
    }

    /// Writes the handoff summary: by the model when there is one, else from the messages.
    pub async fn summarize(&self, conversation: Uuid) {
        let Ok(messages) = conversations::messages(&self.pool, conversation).await else { return };
        let lines: Vec<(String, String)> = messages
            .iter()
            .rev()
            .take(12)
            .rev()
            .map(|m| (m.role.clone(), m.text.chars().take(400).collect()))
            .collect();
        // Small models follow one direct question far better than a format to fill in.
        let mut written = Vec::new();
        for question in
            ["What does the shopper want?", "What has the assistant already answered, suggested or offered?"]
        {
            match self.ask_about(&lines, question).await {
                Some(answer) => written.push(answer),
                None => break,
            }
        }
        // The products come from the sources cited, never from the model.
        let summary = match written.as_slice() {
            [wants, tried] => format!("Wants: {wants}\nTried: {tried}\nProducts: {}", products(&messages)),
            _ => extractive(&messages),
        };
        if let Err(e) = escalations::set_summary(&self.pool, conversation, &summary).await {
            tracing::warn!(error = %e, "could not store the handoff summary");
        }
    }
}

/// The products the conversation's answers cited, by title.
fn products(messages: &[conversations::MessageRow]) -> String {
    let mut products: Vec<String> = messages
        .iter()
        .filter_map(|m| m.sources.as_array())
        .flatten()
        .filter(|s| s["type"] == "product")
        .filter_map(|s| s["title"].as_str().map(str::to_string))
        .collect();
    let mut seen = std::collections::HashSet::new();
    products.retain(|p| seen.insert(p.clone()));
    if products.is_empty() { "none".to_string() } else { products.join(", ") }
}

/// A summary without a model: the first question, the last answer, the products cited.
fn extractive(messages: &[conversations::MessageRow]) -> String {
    let first = messages.iter().find(|m| m.role == "shopper").map_or("", |m| m.text.as_str());
    let tried = messages.iter().rev().find(|m| m.role == "assistant").map_or("nothing yet", |m| m.text.as_str());
    let cut = |s: &str| s.chars().take(200).collect::<String>();
    format!("Wants: {}\nTried: {}\nProducts: {}", cut(first), cut(tried), products(messages))
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
    fn the_wait_is_spoken_in_minutes() {
        assert_eq!(wait(3, Some(100.0)), (300, "5 minutes".into()));
        assert_eq!(wait(1, None).1, "2 minutes");
    }
}
