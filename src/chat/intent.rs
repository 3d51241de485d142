//! What the shopper wants, and a stand-alone search query for follow-ups ("does it come in black?").
use serde::Serialize;

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

const HUMAN: &[&str] = &[
    "a person",
    "a human",
    "real person",
    "an agent",
    "a representative",
    "someone from",
    "talk to someone",
    "speak to someone",
    "customer service agent",
    "human please",
    "live agent",
];
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

fn normalise(text: &str) -> String {
    format!(" {} ", text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "))
}

pub fn classify(text: &str) -> Intent {
    let t = normalise(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let words = t.split_whitespace().count();
    if has(HUMAN) {
        Intent::WantsHuman
    } else if words <= 3 && has(&[" hi ", " hello ", " hey ", " good morning ", " good evening "]) {
        Intent::Greeting
    } else if words <= 4 && has(&[" thanks ", " thank you ", " thx ", " cheers "]) {
        Intent::Thanks
    } else if has(ORDER) {
        Intent::OrderStatus
    } else if has(POLICY) {
        Intent::Policy
    } else {
        Intent::Product
    }
}

const FOLLOW_UP: &[&str] =
    &[" it ", " it?", " its ", " that ", " this ", " they ", " them ", " those ", " these ", " one ", " same "];

/// A short message that leans on the previous one is searched together with it.
pub fn search_query(text: &str, previous_shopper_message: Option<&str>) -> String {
    let t = normalise(text);
    let short = t.split_whitespace().count() <= 8;
    match previous_shopper_message {
        Some(prev) if short && FOLLOW_UP.iter().any(|w| t.contains(w)) => format!("{prev} {text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_for_a_person_is_recognised() {
        assert_eq!(classify("Can I talk to a real person please?"), Intent::WantsHuman);
        assert_eq!(classify("where is my order 1234"), Intent::OrderStatus);
        assert_eq!(classify("how long do refunds take"), Intent::Policy);
        assert_eq!(classify("hello"), Intent::Greeting);
        assert_eq!(classify("cheap red lipstick"), Intent::Product);
    }

    #[test]
    fn follow_ups_borrow_the_previous_question() {
        assert_eq!(
            search_query("does it come in black?", Some("nike air jordan")),
            "nike air jordan does it come in black?"
        );
        assert_eq!(search_query("red lipstick", Some("nike air jordan")), "red lipstick");
    }
}
