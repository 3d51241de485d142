//! `aisle bench fields`: what reading a product's field costs, through the whole chat, each
//! question in a new conversation. A field the cues name, one the nearest examples read, one only
//! the model names (one short greedy generation before the catalog answers), and questions of
//! none (the model is asked for the field, says none, then writes the answer). The model's
//! reading is timed on its own too (a second translator with an empty cache, after the chat's
//! own), and two apart: the first reading after start-up, and a reading after as many other
//! conversations at once as the engine has slots (each could take the cells of the reading's
//! prompt, which the engine keeps evaluated from the start).
use super::{median, timed};
use crate::chat::{ChatService, Translator};
use crate::domain::AnsweredBy;
use crate::eval::answers::converse;
use serde::Serialize;
use std::sync::Arc;

/// Questions by who reads their field: the cues, the nearest examples, the model, none.
const QUESTIONS: &[(&str, &str)] = &[
    ("cues", "How much is the Table Lamp?"),
    ("cues", "Is the Kiwi in stock?"),
    ("examples", "When will you put the Apple Airpods in the post?"),
    ("examples", "Is the Boxed Blender popular with customers?"),
    ("model", "Who's behind the Realme XT?"),
    ("model", "Any Egg Slicer on hand?"),
    ("none", "What is the Table Lamp's shade made of?"),
    ("none", "Is the Nescafe Coffee decaf?"),
];

/// The first reading after start-up.
const WARM_UP: &str = "what would it cost me to get one";

/// Asked in other conversations at once, each answered by the model; then a reading.
const OTHERS: &[&str] = &[
    "What is the Table Lamp's shade made of?",
    "Is the Nescafe Coffee decaf?",
    "Can I use the Boxed Blender for soup?",
    "What colour is the Realme XT?",
];
const AFTER_OTHERS: &str = "who do I thank for making it";

/// The readings apart, and each question's.
#[derive(Debug, Serialize)]
pub struct FieldTimes {
    pub first_after_start_ms: Option<f64>,
    pub after_other_conversations_ms: Option<f64>,
    pub questions: Vec<FieldRead>,
}

/// One question: who was meant to read it, time to first word, the model's reading alone, who
/// answered.
#[derive(Debug, Serialize)]
pub struct FieldRead {
    pub reader: &'static str,
    pub question: &'static str,
    pub first_word_ms: Option<f64>,
    pub reading_ms: Option<f64>,
    pub answered_by: &'static str,
}

/// Runs the first reading, every question once through `chat`, then the other conversations and
/// a reading after them; `translator` is a second one on the same model, with its own empty
/// cache, to time the model's reading alone.
pub async fn fields(chat: &Arc<ChatService>, translator: &Translator) -> FieldTimes {
    let first_after_start_ms = timed(translator.field(WARM_UP)).await;
    let mut out = Vec::new();
    for (reader, question) in QUESTIONS {
        let seen = converse(chat, &[question.to_string()]).await;
        let reading_ms = timed(translator.field(question)).await;
        out.push(FieldRead {
            reader,
            question,
            first_word_ms: seen.first_token_ms,
            reading_ms,
            answered_by: seen.answered_by.map_or("none", AnsweredBy::as_str),
        });
    }
    let others: Vec<Vec<String>> = OTHERS.iter().map(|q| vec![q.to_string()]).collect();
    futures_util::future::join_all(others.iter().map(|turns| converse(chat, turns))).await;
    let after_other_conversations_ms = timed(translator.field(AFTER_OTHERS)).await;
    FieldTimes { first_after_start_ms, after_other_conversations_ms, questions: out }
}

/// The figures as a table, then the median first word for each reader.
pub fn print(t: &FieldTimes) {
    let ms = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.0}"));
    println!("first reading after start-up: {} ms", ms(t.first_after_start_ms));
    println!(
        "a reading after {} other conversations at once: {} ms\n",
        OTHERS.len(),
        ms(t.after_other_conversations_ms)
    );
    let times = &t.questions;
    println!("| read by | question | first word ms | the model's reading alone ms | answered by |");
    println!("|---|---|---|---|---|");
    for t in times {
        let line = [t.reader, t.question, &ms(t.first_word_ms), &ms(t.reading_ms), t.answered_by].join(" | ");
        println!("| {line} |");
    }
    for reader in ["cues", "examples", "model", "none"] {
        let firsts = times.iter().filter(|t| t.reader == reader).filter_map(|t| t.first_word_ms).collect();
        println!("\n{reader}: first word p50 {:.0} ms", median(firsts));
    }
}
