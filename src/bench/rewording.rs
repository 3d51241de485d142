//! `aisle bench rewording`: what a question worded unlike the help articles costs. Questions the
//! articles answer as asked, and questions none of their sentences answers until the model asks
//! them again in their words (or that nothing answers: off-topic ones), go through the whole
//! chat one at a time, each in a new conversation. The rewrite is timed on its own too (a second
//! translator with an empty cache, on the same model; after the chat's own, so the question's
//! few tokens may be in the engine's cache), and the first rewrite after start-up, which also
//! reads the prompt, apart.
use super::{median, timed};
use crate::chat::{ChatService, Translator};
use crate::domain::AnsweredBy;
use crate::eval::answers::converse;
use serde::Serialize;
use std::sync::Arc;

/// Answered as asked, by an FAQ or an article's sentences: no rewrite.
const AS_ASKED: &[&str] = &[
    "How long do I have to return an item?",
    "How much does express shipping cost?",
    "Which payment methods do you accept?",
    "How long are gift cards valid?",
];

/// Worded unlike every article (asked again, then answered by one), or about nothing the shop
/// does (asked again, then unanswered).
const WORDED_AWAY: &[&str] = &[
    "Any reduction for those of us in college?",
    "Do folks in the army get anything off?",
    "Can somebody wrap it up nicely for my mum?",
    "Will you knock something off if I'm a pensioner?",
    "What's the capital of France?",
    "Tell me a joke",
];

/// The first rewrite after start-up, which reads the prompt itself.
const WARM_UP: &str = "Is there someone I could speak to on a Saturday?";

/// One question: time to first word, the rewrite alone, who answered.
#[derive(Debug, Serialize)]
pub struct Reworded {
    pub question: &'static str,
    pub worded_away: bool,
    pub first_word_ms: Option<f64>,
    pub rewrite_ms: Option<f64>,
    pub answered_by: &'static str,
}

/// Runs the warm-up, then every question once through `chat`; `translator` is a second one on
/// the same model, with its own empty cache, to time the rewrite alone.
pub async fn rewording(chat: &Arc<ChatService>, translator: &Translator) -> (Option<f64>, Vec<Reworded>) {
    let warm = timed(translator.in_shop_words(WARM_UP)).await;
    let mut out = Vec::new();
    let questions = AS_ASKED.iter().map(|q| (q, false)).chain(WORDED_AWAY.iter().map(|q| (q, true)));
    for (question, worded_away) in questions {
        let seen = converse(chat, &[question.to_string()]).await;
        let rewrite_ms = timed(translator.in_shop_words(question)).await;
        out.push(Reworded {
            question,
            worded_away,
            first_word_ms: seen.first_token_ms,
            rewrite_ms,
            answered_by: seen.answered_by.map_or("none", AnsweredBy::as_str),
        });
    }
    (warm, out)
}

/// The figures as a table, then the medians of each kind of question.
pub fn print(warm: Option<f64>, times: &[Reworded]) {
    let ms = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.0}"));
    println!("| question | first word ms | rewrite alone ms | answered by |\n|---|---|---|---|");
    for t in times {
        println!("| {} | {} | {} | {} |", t.question, ms(t.first_word_ms), ms(t.rewrite_ms), t.answered_by);
    }
    for (worded_away, label) in [(false, "answered as asked"), (true, "worded away")] {
        let firsts = times.iter().filter(|t| t.worded_away == worded_away).filter_map(|t| t.first_word_ms).collect();
        println!("\n{label}: first word p50 {:.0} ms", median(firsts));
    }
    println!("first rewrite after start-up, alone: {} ms", ms(warm));
}
