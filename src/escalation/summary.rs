//! The handoff summary a person reads before joining: what the shopper wants and what was tried
//! (by the model, when there is one), and the products cited (always from the sources).
use super::Escalation;
use crate::domain::Author;
use crate::llm::{ChatMessage, GenRequest, Role, complete};
use crate::prompts::fill;
use crate::store::{conversations, conversations::MessageRow, escalations};
use uuid::Uuid;

impl Escalation {
    /// One short answer from the model about the chat; `None` without a model or a usable answer.
    async fn ask_about(&self, lines: &[(String, String)], question: &str) -> Option<String> {
        let generator = self.generator.as_ref()?;
        let prompt = self.prompts.handoff(lines, question).ok()?;
        let req = GenRequest {
            messages: vec![ChatMessage { role: Role::User, content: prompt }],
            max_tokens: 60,
            greedy: false,
        };
        let (text, _) = complete(generator.as_ref(), req).await.ok()?;
        let text = text.trim().lines().next().unwrap_or_default().trim().to_string();
        tracing::debug!(question, answer = %text, "handoff summary");
        let echoed = text.contains(&self.prompts.replies().handoff_echo) || text.contains(question);
        (text.len() > 3 && !echoed).then_some(text)
    }

    /// Writes the handoff summary: by the model when there is one, else from the messages.
    #[tracing::instrument(skip_all, fields(%conversation))]
    pub async fn summarize(&self, conversation: Uuid) {
        let Ok(messages) = conversations::messages(&self.pool, conversation).await else { return };
        let lines: Vec<(String, String)> = messages
            .iter()
            .rev()
            .take(12)
            .rev()
            .map(|m| (m.role.as_str().to_string(), m.text.chars().take(400).collect()))
            .collect();
        let replies = self.prompts.replies();
        let mut written = Vec::new();
        for question in [&replies.handoff_wants, &replies.handoff_tried] {
            match self.ask_about(&lines, question).await {
                Some(answer) => written.push(answer),
                None => break,
            }
        }
        // The products come from the sources cited, never from the model.
        let products = products(&messages).unwrap_or_else(|| replies.no_products.clone());
        let cut = |s: &str| s.chars().take(200).collect::<String>();
        let (wants, tried) = match written.as_slice() {
            [wants, tried] => (wants.clone(), tried.clone()),
            _ => {
                // Without a model: the first question and the last answer.
                let first = messages.iter().find(|m| m.role == Author::Shopper).map_or("", |m| m.text.as_str());
                let last = messages.iter().rev().find(|m| m.role == Author::Assistant).map(|m| m.text.as_str());
                (cut(first), last.map_or_else(|| replies.nothing_tried.clone(), cut))
            }
        };
        let summary = fill(&replies.summary, &[("wants", &wants), ("tried", &tried), ("products", &products)]);
        if let Err(e) = escalations::set_summary(&self.pool, conversation, &summary).await {
            tracing::warn!(error = %e, "could not store the handoff summary");
        }
    }
}

/// The products the conversation's answers cited, by title.
fn products(messages: &[MessageRow]) -> Option<String> {
    let mut products: Vec<String> = messages
        .iter()
        .filter_map(|m| m.sources.as_array())
        .flatten()
        // An order the shopper opened is attached too, by its card's title (number and status).
        .filter(|s| s["type"] == "product" || s["type"] == "order")
        .filter_map(|s| s["title"].as_str().map(str::to_string))
        .collect();
    let mut seen = std::collections::HashSet::new();
    products.retain(|p| seen.insert(p.clone()));
    (!products.is_empty()).then(|| products.join(", "))
}
