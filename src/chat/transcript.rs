//! The conversation as the model reads it, written the same way from one turn to the next so
//! that the engine, whose slot still holds the last prompt and answer, reads only what is new:
//! - an earlier question is given as it was put to the model, with the sources it carried;
//! - a source already given keeps its number and is not given again ("[2] above");
//!   a new one takes the next number, so numbers mean the same thing all conversation long;
//! - earlier turns leave the window `history_turns` exchanges at a time, not one by one, so the
//!   start of the prompt stays put between those steps.
use super::cards::{SourceCard, prompt_sources};
#[cfg(test)]
use super::conversations::forget;
use super::conversations::{Prompted, Turn};
use crate::domain::Language;
use crate::llm::{ChatMessage, Role};
use crate::prompts::{Prompts, data};
use std::collections::HashMap;

/// What the model is asked this turn: the messages (the system prompt first) and the question
/// as it was put, to remember with the shopper's turn.
pub struct Rendered {
    pub messages: Vec<ChatMessage>,
    pub prompted: Prompted,
}

/// How one turn is rendered: the shop's `prompts`, the earlier `exchanges` the model may see, and
/// the prompt's size limit in bytes (`budget`), past which the earliest exchanges are left out.
pub struct Transcript<'a> {
    pub prompts: &'a Prompts,
    pub exchanges: usize,
    pub budget: usize,
}

impl Transcript<'_> {
    /// The model's request for `message` after `history`. `sources` are numbered here: those
    /// given earlier in the window keep their number, the others take the next ones.
    pub fn render(
        &self,
        history: &[Turn],
        message: &str,
        lang: Language,
        sources: &mut [SourceCard],
        policies: bool,
    ) -> Result<Rendered, minijinja::Error> {
        // Numbers only grow within what is remembered: an answer may cite a source that left the window.
        let first = 1 + history.iter().flat_map(given).map(|(_, n)| *n).max().unwrap_or(0);
        let mut start = window(history.len(), self.exchanges);
        loop {
            let earlier = &history[start..];
            let mut next = first;
            let known: HashMap<&str, usize> = earlier.iter().flat_map(given).map(|(k, n)| (k.as_str(), *n)).collect();
            let (mut fresh, mut again, mut keys) = (Vec::new(), Vec::new(), Vec::new());
            for card in sources.iter_mut() {
                let key = source_key(card, policies, lang);
                match known.get(key.as_str()) {
                    Some(&n) => {
                        card.n = n;
                        again.push(n);
                    }
                    None => {
                        card.n = next;
                        next += 1;
                        fresh.push(card.clone());
                        keys.push((key, card.n));
                    }
                }
            }
            let content = self.prompts.turn(message, &prompt_sources(policies, &fresh, lang), &again, lang)?;
            let mut messages = vec![ChatMessage { role: Role::System, content: self.prompts.system.clone() }];
            messages.extend(earlier.iter().map(|t| ChatMessage { role: t.role, content: as_read(t) }));
            messages.push(ChatMessage { role: Role::User, content: content.clone() });
            let size: usize = messages.iter().map(|m| m.content.len()).sum();
            if size <= self.budget || start >= history.len() {
                return Ok(Rendered { messages, prompted: Prompted { content, given: keys } });
            }
            // Too long for the model's context: the earliest exchange goes, and numbering starts over.
            start = (start + 2).min(history.len());
        }
    }
}

/// Where the window of earlier turns starts: it holds between `exchanges` and twice as many
/// less one, and moves on `exchanges` at a time (the remembered turns are forgotten in the same
/// blocks, `conversations::forget`, so the window stays put in between).
fn window(turns: usize, exchanges: usize) -> usize {
    let size = exchanges.max(1) * 2;
    turns.saturating_sub(size) / size * size
}

/// A turn as the model read it: a question with its sources as they were put, else its text.
fn as_read(t: &Turn) -> String {
    match &t.prompted {
        Some(p) if t.role == Role::User => p.content.clone(),
        _ => data(&t.text),
    }
}

fn given(t: &Turn) -> impl Iterator<Item = &(String, usize)> {
    t.prompted.iter().flat_map(|p| p.given.iter())
}

/// A source as given to the model: the same document written the same way (a product's facts
/// depend on whether policies were asked about, and on the shopper's language).
fn source_key(card: &SourceCard, policies: bool, lang: Language) -> String {
    format!("{}|{}|{lang}", card.id, if card.product.is_some() && policies { "policies" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retrieval::Scores;

    fn article(id: &str, text: &str) -> SourceCard {
        SourceCard {
            n: 0,
            kind: "faq",
            id: id.into(),
            title: id.replace('-', " "),
            product: None,
            text: Some(text.into()),
            order: None,
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        }
    }

    /// Renders one question after `history`, then remembers it and `answer` as the chat does.
    fn ask(t: &Transcript, history: &mut Vec<Turn>, question: &str, found: &[SourceCard], answer: &str) -> Rendered {
        let mut sources = found.to_vec();
        let rendered = t.render(history, question, Language::En, &mut sources, false).expect("render");
        // Remembered as the chat's memory does, forgetting a block of turns at a time.
        history.push(Turn { prompted: Some(rendered.prompted.clone()), ..Turn::new(Role::User, question) });
        forget(history, t.exchanges);
        history.push(Turn::new(Role::Assistant, answer));
        forget(history, t.exchanges);
        rendered
    }

    fn same_start(earlier: &[ChatMessage], later: &[ChatMessage]) -> bool {
        earlier.iter().zip(later).all(|(a, b)| a.role == b.role && a.content == b.content)
    }

    #[test]
    fn a_follow_up_repeats_the_conversation_as_the_model_read_it_and_gives_no_source_twice() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        let t = Transcript { prompts: &prompts, exchanges: 2, budget: 100_000 };
        let (returns, refunds) =
            (article("returns", "Returns are free within 30 days."), article("refunds", "Refunds take 5 days."));
        let mut history = Vec::new();
        let first =
            ask(&t, &mut history, "Can I return shoes?", std::slice::from_ref(&returns), "Yes, within 30 days [1].");
        let second = ask(&t, &mut history, "And the refund?", &[refunds.clone(), returns.clone()], "In 5 days [2].");
        // The second prompt is the first, its answer, then only the new question.
        assert!(same_start(&first.messages, &second.messages));
        assert_eq!(second.messages[2].content, "Yes, within 30 days [1].");
        let asked = &second.messages.last().expect("question").content;
        assert!(asked.contains("[2] refunds: Refunds take 5 days."), "{asked}");
        assert!(asked.contains("[1] above") && !asked.contains("30 days"), "{asked}");
        // A third question that finds nothing new gives no source at all, only their numbers.
        let third = ask(&t, &mut history, "Who pays for the label?", std::slice::from_ref(&returns), "We do [1].");
        assert!(same_start(&second.messages, &third.messages));
        assert_eq!(third.messages.len(), second.messages.len() + 2);
        let asked = &third.messages.last().expect("question").content;
        assert!(!asked.contains("Returns are") && asked.contains("[1] above"), "{asked}");
    }

    #[test]
    fn earlier_turns_leave_the_window_a_block_at_a_time_and_numbers_never_repeat() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        let t = Transcript { prompts: &prompts, exchanges: 2, budget: 100_000 };
        let mut history = Vec::new();
        let mut last: Option<Rendered> = None;
        let mut numbers = Vec::new();
        for i in 0..10 {
            let found = [article(&format!("topic-{i}"), "Some words.")];
            let rendered = ask(&t, &mut history, &format!("Question {i}?"), &found, "An answer.");
            numbers.extend(rendered.prompted.given.iter().map(|(_, n)| *n));
            // Up to three earlier exchanges are seen; the window then moves on by two, and in
            // between each prompt starts with the one before.
            let continues = last.as_ref().is_some_and(|l| same_start(&l.messages, &rendered.messages));
            assert_eq!(continues, ![0, 4, 6, 8].contains(&i), "question {i}");
            assert_eq!(rendered.messages.len(), 2 + 2 * [0, 1, 2, 3, 2, 3, 2, 3, 2, 3][i], "question {i}");
            last = Some(rendered);
        }
        assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn a_conversation_too_long_for_the_context_leaves_out_its_earliest_exchanges() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        let long = "word ".repeat(200);
        let mut history = Vec::new();
        let roomy = Transcript { prompts: &prompts, exchanges: 3, budget: 100_000 };
        for i in 0..3 {
            ask(&roomy, &mut history, &format!("Question {i}? {long}"), &[], "An answer.");
        }
        let tight = Transcript { budget: prompts.system.len() + 1500, ..roomy };
        let mut none = [];
        let rendered = tight.render(&history, "And now?", Language::En, &mut none, false).expect("render");
        let size: usize = rendered.messages.iter().map(|m| m.content.len()).sum();
        assert!(
            size <= tight.budget && rendered.messages.len() == 4,
            "{} messages, {size} bytes",
            rendered.messages.len()
        );
        assert!(
            rendered.messages[1].content.starts_with("<sources>")
                && rendered.messages[1].content.contains("Question 2?")
        );
    }
}
