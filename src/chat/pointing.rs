//! A question about the products just shown ("would that one suit a student?", "are those shoes
//! good for trails?") that search cannot place by itself: the products it points at are what the
//! model is asked about. "That" or "this" points only when "one" or a word of a product shown
//! follows ("is that telescope in stock?" points at nothing shown, and is not answered from it).
use super::conversations::Turn;
use super::intent::words;
use super::request::{Ask, PRONOUNS, singular};
use crate::domain::Product;
use crate::retrieval::Index;
use std::collections::HashSet;
use std::sync::LazyLock;
/// Words that point back at what follows them: "that one", or "that chair" after a chair was shown.
const DETERMINERS: &[&str] = &["that", "this", "those", "these"];
/// How many of the previous answer's products a question pointing at them all is about.
const MOST: usize = 3;

/// The products of the latest answer that showed any: what "it" or "the second one" means.
pub fn earlier_products(history: &[Turn], index: &Index) -> Vec<Product> {
    let Some(skus) = history.iter().rev().find(|t| !t.products.is_empty()).map(|t| &t.products) else {
        return Vec::new();
    };
    skus.iter().filter_map(|sku| index.products().find(|p| p.sku.as_str() == sku).cloned()).collect()
}

/// The products of `earlier` (the previous answer's, in order) that the question `text` (in
/// English) points at; none when it is not a question or points at nothing shown.
pub fn pointed_at<'a>(text: &str, ask: &Ask, earlier: &'a [Product]) -> Vec<&'a Product> {
    if earlier.is_empty() || !ask.points_back || !text.trim_end().ends_with('?') {
        return Vec::new();
    }
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let shown = |word: &str| {
        let word = singular(word);
        earlier.iter().any(|p| {
            let names = [p.title.as_str(), p.category.as_str()].into_iter().chain(p.tags.iter().map(String::as_str));
            names.flat_map(|n| n.split(|c: char| !c.is_alphanumeric())).any(|w| singular(&w.to_lowercase()) == word)
        })
    };
    let mut pointing = ask.ordinal.is_some();
    for (i, w) in words.iter().enumerate() {
        if PRONOUNS.contains(&w.as_str()) {
            pointing = true;
        } else if DETERMINERS.contains(&w.as_str()) {
            // "that telescope", "this good": not a thing shown.
            pointing |= words.get(i + 1).is_some_and(|next| matches!(next.as_str(), "one" | "ones") || shown(next));
        }
    }
    if !pointing {
        return Vec::new();
    }
    by_ordinal(ask.ordinal, earlier, MOST)
}

/// Words that say something of a thing rather than name one: after "is that" or "does the" they
/// leave it pointing at what was shown ("is that still available?", "does that come with...").
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "will", "would", "should", "could", "might", "may", "must",
    "did", "does", "doe", "not", "no", "yes", "don't", "doesn't", "isn't", "aren't", "won't", "can't", "if", "so",
    "then", "than", "when", "where", "why", "who", "whose", "about", "into", "out", "off", "over", "after",
    "before", "still", "also", "really", "actually", "currently", "even", "again", "yet", "now", "today", "right",
    "just", "only", "very", "too", "please", "thanks", "thank", "ok", "okay", "sure", "come", "cost", "have",
    "work", "fit", "include", "last", "run", "take", "need", "go", "get", "got", "buy", "order", "use", "want",
    "like", "look", "say", "said", "tell", "know", "think", "mean", "make", "made", "hold", "offer", "carry", "keep",
    "good", "great", "nice", "bad", "fine", "worth", "new", "used", "refurbished", "cheap", "true", "correct",
    "real", "genuine", "original", "same", "different", "other", "else", "more", "less", "most", "least", "better",
    "worse", "all", "some", "many", "few", "long", "big", "small", "well", "way", "day", "week", "time", "here",
    "there", "question", "wonder", "wondering", "curious", "again", "exactly", "roughly", "about", "around",
];

/// Whether a message that names no product is about the products `earlier` showed: it says "it"
/// or "they", picks one ("the second one"), or names nothing else ("is that in stock?", "and the
/// warranty?", "is the Dell in stock?"; not "is that telescope in stock?" after a laptop).
pub fn about_shown(ask: &Ask, earlier: &[Product]) -> bool {
    static SAID: LazyLock<HashSet<String>> = LazyLock::new(|| SAYING.iter().map(|w| singular(w)).collect());
    if ask.has_pronoun() || ask.ordinal.is_some() {
        return true;
    }
    let shown: HashSet<String> = earlier
        .iter()
        .flat_map(|p| {
            let tags = p.tags.iter().map(String::as_str);
            [p.title.as_str(), p.brand.as_deref().unwrap_or(""), p.category.as_str(), p.description.as_str()]
                .into_iter()
                .chain(tags)
        })
        .flat_map(|text| words(text).into_iter().map(|w| singular(&w)))
        .collect();
    ask.naming_words().all(|w| shown.contains(w) || SAID.contains(w))
}

/// Of the products shown, in order, the one an ordinal picks ("the second one"; `usize::MAX` is
/// "the last one"), else the first `most`.
pub fn by_ordinal(ordinal: Option<usize>, earlier: &[Product], most: usize) -> Vec<&Product> {
    match ordinal {
        Some(usize::MAX) => earlier.last().into_iter().collect(),
        Some(n) => earlier.get(n.wrapping_sub(1)).into_iter().collect(),
        None => earlier.iter().take(most).collect(),
    }
}
