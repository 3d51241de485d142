//! Policy yes and no: what a sentence says yes to (returns, shipping abroad, stock), and the
//! sentences of the sources that say no to it.
use crate::chat::intent::words;
use crate::chat::request::to_a_country;
use crate::domain::{Product, is_cjk};
use crate::prompts::Words;

/// A policy topic a sentence can say yes or no to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    Returns,
    ShipsAbroad,
    InStock,
}

/// Words too common to tie a source's "no" to what the shopper asked about.
const COMMON: &[&str] = &[
    "which",
    "there",
    "their",
    "about",
    "would",
    "could",
    "should",
    "these",
    "those",
    "other",
    "after",
    "before",
    "within",
    "order",
    "where",
    "while",
    "being",
    "cannot",
    "unfortunately",
    "except",
    "please",
    "because",
];

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "cannot",
    "can't",
    "don't",
    "doesn't",
    "won't",
    "isn't",
    "aren't",
    "unable",
    "never",
    "non-returnable",
    "excluded",
    "except",
    "only within",
    "unfortunately",
];

/// Whether a text says no: a negating word, or a negating phrase ("only within").
pub(super) fn negated(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')).collect();
    NEGATIONS.iter().any(|n| if n.contains(' ') { lower.contains(n) } else { words.contains(n) })
}

/// What a sentence says yes to, by its words.
#[rustfmt::skip]
const YES_CUES: &[(Topic, &[&str])] = &[
    (Topic::Returns, &["return it", "return them", "return the", "be returned", "returnable", "send it back",
        "send them back", "return within", "returned within", "eligible for a return", "eligible for return",
        "get a refund", "can return", "refund it"]),
    (Topic::ShipsAbroad, &["ship to", "ships to", "ship abroad", "ship internationally", "ships internationally",
        "ship worldwide", "deliver to", "ship it to", "ship them to", "ship outside", "shipped to", "shipped abroad",
        "shipped internationally", "international delivery", "international shipping", "deliver internationally",
        "delivered internationally", "deliver abroad", "delivered abroad", "ships abroad", "ship overseas",
        "ships overseas", "shipped overseas"]),
    (Topic::InStock, &["in stock", "available now", "available to order", "is available", "are available"]),
];

pub(super) fn says_yes_to(sentence: &str, local: Option<&Words>) -> Option<Topic> {
    let s = sentence.to_lowercase();
    if negated(&s) || local.is_some_and(|w| negated_in(&s, &w.claim_negations)) {
        return None;
    }
    let english = YES_CUES.iter().find(|(_, cues)| cues.iter().any(|c| s.contains(c))).map(|(t, _)| *t);
    // "We ship the scooter to Germany": sending something to a country the sentence names.
    let english = english.or_else(|| {
        let sends = ["ship", "deliver", "send", "sent", "post"].iter().any(|w| s.contains(w));
        (sends && to_a_country(&words(&s))).then_some(Topic::ShipsAbroad)
    });
    english.or_else(|| {
        let w = local?;
        let cues = [
            (Topic::Returns, &w.claim_returns),
            (Topic::ShipsAbroad, &w.claim_ships),
            (Topic::InStock, &w.claim_in_stock),
        ];
        cues.iter().find(|(_, cues)| cues.iter().any(|c| s.contains(c.as_str()))).map(|(t, _)| *t)
    })
}

/// Whether a sentence says no in another language: a negating word ("nicht", "pas"), a word
/// that starts with an elided one ("n'est"), or, in Chinese and Japanese, the characters.
pub(super) fn negated_in(lower: &str, negations: &[String]) -> bool {
    let words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).collect();
    negations.iter().any(|n| {
        if n.chars().any(is_cjk) {
            return lower.contains(n.as_str());
        }
        match n.strip_suffix('\'') {
            Some(elided) => words.iter().any(|w| w.strip_prefix(elided).is_some_and(|r| r.starts_with(['\'', '’']))),
            None => words.contains(&n.as_str()),
        }
    })
}

/// Words of a sentence about shipping to other countries.
const ABROAD_WORDS: &[&str] = &["abroad", "international", "countries", "overseas", "worldwide"];

/// Whether a text is about another country: a word for it, or a country named ("to Japan").
pub(super) fn about_abroad(text: &str) -> bool {
    let lower = text.to_lowercase();
    ABROAD_WORDS.iter().any(|w| lower.contains(w)) || to_a_country(&words(&lower))
}

const TOPIC_WORDS: &[(Topic, &[&str])] = &[
    (Topic::Returns, &["return", "refund"]),
    (Topic::ShipsAbroad, &["ship", "abroad", "international", "outside", "countr", "overseas", "deliver"]),
    (Topic::InStock, &["stock"]),
];

pub(super) fn content_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5 && !COMMON.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// A sentence of a source that says no to a topic: its own words (beside the topic's), as written,
/// and the source's number.
pub(super) struct Refusal {
    pub(super) topic: Topic,
    pub(super) words: Vec<String>,
    pub(super) said: String,
    pub(super) n: usize,
    /// One of the shop's standing terms (`Evidence::with_standing`), not a source the answer was
    /// given: it holds for a product of the kind it names, whatever the sentence's other words.
    pub(super) standing: bool,
}

impl Refusal {
    /// The refusal as a sentence of its own, with its source's number.
    pub(super) fn quoted(&self) -> Option<String> {
        let mut said = self.said.chars();
        let first = said.next()?.to_uppercase();
        Some(format!("{first}{}. [{}]", said.as_str(), self.n))
    }
}

/// The words that say what kind of thing the products are: their names, categories and tags.
pub(super) fn kind_words(products: &[&Product]) -> Vec<String> {
    let kinds: Vec<String> =
        products.iter().map(|p| format!("{} {} {}", p.title, p.category, p.tags.join(" "))).collect();
    content_words(&kinds.join(" "))
}

/// The sentences of a source's `text` that say no to a topic, added to `refusals`; true when one
/// says the shop ships abroad (a sentence about other countries without a no).
pub(super) fn refusals_in(text: &str, n: usize, standing: bool, refusals: &mut Vec<Refusal>) -> bool {
    let mut ships_abroad = false;
    for sentence in text.split(['.', '\n', ';']) {
        let lower = sentence.to_lowercase();
        if !negated(&lower) {
            ships_abroad |= ABROAD_WORDS.iter().any(|w| lower.contains(w));
            continue;
        }
        for (topic, words) in TOPIC_WORDS {
            if words.iter().any(|w| lower.contains(w)) {
                let own: Vec<String> =
                    content_words(sentence).into_iter().filter(|c| !words.iter().any(|w| c.starts_with(w))).collect();
                let said = sentence.trim().to_string();
                refusals.push(Refusal { topic: *topic, words: own, said, n, standing });
            }
        }
    }
    ships_abroad
}
