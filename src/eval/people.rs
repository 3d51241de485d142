//! Requests for a person, as the chat reads a conversation's first message: by the rules alone
//! (the phrases of each language, the English rules on the translation) and as the chat reads it
//! (the rules, then the model's reading of short messages in other languages that name no
//! product). Read from answer sets (`answers::Labelled`): a one-turn `escalation` item is labelled
//! with whether it should bring in a person; every other one-turn question should not.
use super::answers::Labelled;
use crate::chat::{ChatService, Intent};
use crate::domain::Language;
use std::time::Instant;

/// One message and whether it asks for a person.
pub struct Case {
    pub text: String,
    pub lang: Language,
    pub wants: bool,
}

/// The one-turn questions of `set`.
pub fn cases(set: &[Labelled]) -> Vec<Case> {
    set.iter()
        .filter(|l| l.turns.len() == 1)
        .map(|l| Case {
            text: l.turns[0].clone(),
            lang: l.lang,
            wants: l.kind == "escalation" && l.escalate == Some(true),
        })
        .collect()
}

/// How one message was read.
pub struct Reading {
    pub by_rules: bool,
    pub as_chat: bool,
    /// How long reading it took, translation and the model's reading included.
    pub ms: f64,
}

/// Reads every case as a conversation's first message.
pub async fn run(chat: &ChatService, cases: &[Case]) -> Vec<Reading> {
    let mut readings = Vec::with_capacity(cases.len());
    for case in cases {
        let started = Instant::now();
        let understood = chat.planner.understand(&case.text, None).await;
        readings.push(Reading {
            by_rules: understood.by_rules == Intent::WantsHuman,
            as_chat: understood.intent == Intent::WantsHuman,
            ms: started.elapsed().as_secs_f64() * 1000.0,
        });
    }
    readings
}

/// Recall and false alarms of one way of reading, per language: (language, requests, found,
/// others, read as requests).
pub fn tally(cases: &[Case], readings: &[Reading], way: fn(&Reading) -> bool) -> Vec<(Language, [usize; 4])> {
    Language::ALL
        .into_iter()
        .filter_map(|lang| {
            let mut t = [0; 4];
            for (c, r) in cases.iter().zip(readings).filter(|(c, _)| c.lang == lang) {
                let i = if c.wants { 0 } else { 2 };
                t[i] += 1;
                t[i + 1] += usize::from(way(r));
            }
            (t[0] + t[2] > 0).then_some((lang, t))
        })
        .collect()
}
