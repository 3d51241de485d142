//! `aisle bench conversation`: what a follow-up costs. Scripted conversations go through the whole
//! chat (search, the catalog or the model, the claim check), one at a time, each in a new
//! conversation: three questions, then a follow-up of about ten words. For each turn it reports
//! the engine's first token, the first word the shopper sees (the first checked sentence), and
//! how much of the prompt the engine had to read (the rest it still held from the turn before).
use crate::chat::{ChatEvent, ChatService};
use crate::domain::{AnsweredBy, ShopperText};
use serde::Serialize;
use std::sync::Arc;
use std::time::Instant;

/// Open questions the model answers (recommendations, comparisons), each conversation on one
/// topic, the last turn a short follow-up.
const SCRIPTS: &[[&str; 4]] = &[
    [
        "Can you recommend a laptop for working from home?",
        "Which of your laptops would suit a student?",
        "Is there a laptop that is good for gaming?",
        "Would that one also be fine for editing photos on the go?",
    ],
    [
        "Which smartphone would you recommend for taking photos?",
        "Is there a phone that would suit my grandmother?",
        "What phone would you suggest for someone who games a lot?",
        "Would that phone also be a good choice for a teenager?",
    ],
    [
        "Can you suggest a perfume for a summer wedding?",
        "What fragrance would suit a man who likes fresh scents?",
        "Which perfume would make a nice anniversary gift?",
        "Would that one also be suitable to wear at the office?",
    ],
    [
        "Can you recommend a men's watch for the office?",
        "What watch would you suggest for sports?",
        "Which watch would you pick as a gift for my brother?",
        "Would that one still look good with a suit at weddings?",
    ],
    [
        "What skincare products do you have for dry skin?",
        "Which moisturizer would you suggest for sensitive skin?",
        "Is there something you would recommend for the face at night?",
        "Could I use that every day together with the other products?",
    ],
    [
        "Can you recommend a sofa for a small apartment?",
        "What bed would you suggest for a guest room?",
        "Which chair would be good for working at a desk all day?",
        "Would that chair also suit a teenager doing homework?",
    ],
];

/// One turn of one conversation.
#[derive(Debug, Serialize)]
pub struct Turned {
    pub turn: usize,
    pub answered_by: Option<&'static str>,
    /// The first word the shopper sees (the first sentence that passed the check).
    pub first_shown_ms: Option<f64>,
    /// The engine's first token, and the prompt it read: its size, and the part it still held.
    pub ttft_ms: Option<f64>,
    pub prompt_tokens: Option<u32>,
    pub cached_tokens: Option<u32>,
}

/// Runs every script once, in order; each is a new conversation.
pub async fn conversations(chat: &Arc<ChatService>) -> Vec<Turned> {
    let mut out = Vec::new();
    for script in SCRIPTS {
        let (conversation, _) = chat.conversations().create().await;
        for (i, text) in script.iter().enumerate() {
            let mut t = Turned {
                turn: i + 1,
                answered_by: None,
                first_shown_ms: None,
                ttft_ms: None,
                prompt_tokens: None,
                cached_tokens: None,
            };
            let started = Instant::now();
            let Ok(text) = ShopperText::parse(text) else { continue };
            let Ok(mut rx) = chat.reply(conversation, text, None).await else {
                out.push(t);
                continue;
            };
            while let Some(event) = rx.recv().await {
                match event {
                    ChatEvent::Token { .. } => {
                        t.first_shown_ms.get_or_insert(started.elapsed().as_secs_f64() * 1000.0);
                    }
                    ChatEvent::Done(d) => {
                        t.answered_by = Some(d.answered_by.as_str());
                        if let Some(u) = d.usage {
                            (t.ttft_ms, t.prompt_tokens, t.cached_tokens) =
                                (Some(u.ttft_ms), Some(u.prompt_tokens), Some(u.cached_tokens));
                        }
                    }
                    _ => {}
                }
            }
            out.push(t);
        }
    }
    out
}

/// Per turn, over the answers the model wrote: medians of the engine's first token, the first
/// word shown, the prompt, and the part of it the engine had to read.
pub fn print(turns: &[Turned]) {
    println!("| turn | model answers | first token ms | first word shown ms | prompt tokens | read tokens |");
    println!("|---|---|---|---|---|---|");
    for turn in 1..=SCRIPTS[0].len() {
        let model: Vec<&Turned> =
            turns.iter().filter(|t| t.turn == turn && t.answered_by == Some(AnsweredBy::Model.as_str())).collect();
        let med = |f: &dyn Fn(&Turned) -> Option<f64>| super::median(model.iter().filter_map(|t| f(t)).collect());
        println!(
            "| {turn} | {} of {} | {:.0} | {:.0} | {:.0} | {:.0} |",
            model.len(),
            turns.iter().filter(|t| t.turn == turn).count(),
            med(&|t| t.ttft_ms),
            med(&|t| t.first_shown_ms),
            med(&|t| t.prompt_tokens.map(f64::from)),
            med(&|t| Some(f64::from(t.prompt_tokens? - t.cached_tokens?))),
        );
    }
    println!("\nmedians over the answers the model wrote; read tokens: the prompt less what the engine still held");
}
