//! What the shopper wants, and a stand-alone search query for follow-ups ("does it come in black?").
use serde::Serialize;

mod person;
use person::asks_for_person;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    WantsHuman,
    Greeting,
    Thanks,
    OrderStatus,
    Policy,
    Product,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::WantsHuman => "wants_human",
            Intent::Greeting => "greeting",
            Intent::Thanks => "thanks",
            Intent::OrderStatus => "order_status",
            Intent::Policy => "policy",
            Intent::Product => "product",
        }
    }
}

/// Chat shorthand, as the words it stands for: "r u open" is "are you open".
#[rustfmt::skip]
const SHORTHAND: &[(&str, &str)] = &[("u", "you"), ("r", "are"), ("ur", "your"), ("pls", "please"), ("plz", "please"),
    ("thx", "thanks"), ("wat", "what"), ("wut", "what"), ("abt", "about")];

/// The message as lowercase words, punctuation gone ("hello!" is `hello`, "don't" is `don't`),
/// chat shorthand written out ("u" is `you`).
pub(super) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| SHORTHAND.iter().find(|(short, _)| *short == w).map_or(w, |(_, full)| full).to_string())
        .collect()
}

const GREETINGS: &[&str] =
    &["hi", "hello", "hey", "hiya", "howdy", "greetings", "yo", "hallo", "morning", "evening", "afternoon"];
const THANKS: &[&str] = &["thanks", "thank", "ty", "cheers", "appreciated", "appreciate", "thankyou"];
/// Words that may stand beside a greeting or thanks without making it a question.
const FILLER: &[&str] = &[
    "there", "you", "so", "much", "a", "lot", "all", "good", "again", "very", "aisle", "team", "everyone", "guys",
    "folks", "ok", "okay", "great", "many", "that's", "helpful", "for", "the", "help", "oh", "well", "i", "really",
];

fn only(w: &[String], kind: &[&str], max: usize) -> bool {
    !w.is_empty()
        && w.len() <= max
        && w.iter().any(|x| kind.contains(&x.as_str()))
        && w.iter().all(|x| kind.contains(&x.as_str()) || FILLER.contains(&x.as_str()))
}

const ORDER: &[&str] = &[
    "my order",
    "my package",
    "my parcel",
    "order status",
    "tracking number",
    "where is my",
    "hasn't arrived",
    "has not arrived",
];
const POLICY: &[&str] = &[
    "return",
    "refund",
    "shipping",
    "delivery",
    "deliver",
    "warranty",
    "payment",
    "pay ",
    "paypal",
    "card",
    "account",
    "password",
    "privacy",
    "gift card",
    "discount",
    "exchange",
    "cancel",
    "size",
    "sizing",
    "contact",
    "opening hours",
    "customs",
    "instalment",
    "installment",
];

pub(super) fn normalise(text: &str) -> String {
    format!(" {} ", text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "))
}

pub fn classify(text: &str) -> Intent {
    let t = normalise(text);
    let w = words(text);
    let has = |phrases: &[&str]| phrases.iter().any(|p| t.contains(p));
    if asks_for_person(&w, text) {
        Intent::WantsHuman
    } else if only(&w, GREETINGS, 4) {
        Intent::Greeting
    } else if only(&w, THANKS, 6) {
        Intent::Thanks
    } else if has(ORDER) {
        Intent::OrderStatus
    } else if has(POLICY) {
        Intent::Policy
    } else {
        Intent::Product
    }
}

#[cfg(test)]
mod tests;
