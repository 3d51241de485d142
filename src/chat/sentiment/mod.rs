//! How the shopper feels, from -1 (angry) to 1 (happy): the lexicon, and where it finds no
//! feeling at all, the nearest embedding class. Only the lexicon can bring in a person.
mod centroids;
mod english;
mod lexicon;

pub use centroids::{Centroids, Class, EXAMPLES};
pub use lexicon::{label, score, score_in};

use crate::prompts::mood::Mood;
use crate::retrieval::Embedder;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Negative,
    Neutral,
    Positive,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Negative => "negative",
            Label::Neutral => "neutral",
            Label::Positive => "positive",
        }
    }
}

/// Below this score a message is angry enough to bring in a person.
pub const STRONGLY_NEGATIVE: f32 = -0.6;

/// The lexicon's score, or, where it finds no feeling at all, a mild one from the embedding class.
/// The embedding never brings in a person by itself: it stays above [`STRONGLY_NEGATIVE`].
pub fn blend(lexicon: f32, class: Option<Class>) -> f32 {
    match (lexicon, class) {
        (s, _) if s != 0.0 => s,
        (_, Some(Class::Strong | Class::Negative)) => -0.4,
        (_, Some(Class::Positive)) => 0.4,
        _ => 0.0,
    }
}

/// The lexicon's reading of a message: of the English the chat understood it in, and, where the
/// shopper wrote in another language, of their own `text` by that language's lexicon (a
/// translation loses feeling). The stronger feeling wins; anger on a tie.
pub fn read(english: &str, (text, mood): (&str, &Mood)) -> f32 {
    let translated = score(english);
    match (!mood.is_empty()).then(|| score_in(text, mood)) {
        Some(s) if s.abs() > translated.abs() || (s.abs() == translated.abs() && s < translated) => s,
        _ => translated,
    }
}

/// The mood of a message: the lexicon first ([`read`]), the embedding classes of the English
/// where it is silent. Embedding runs on a blocking thread.
pub async fn mood(embedder: Option<&Arc<Embedder>>, english: &str, own: (&str, &Mood)) -> f32 {
    let lexicon = read(english, own);
    let Some(embedder) = embedder.filter(|_| lexicon == 0.0).cloned() else { return lexicon };
    let text = english.to_string();
    let class = tokio::task::spawn_blocking(move || {
        let centroids = Centroids::shared(&embedder)?;
        Some(centroids.classify(&embedder.embed_query(&text).ok()?))
    })
    .await
    .ok()
    .flatten();
    blend(lexicon, class)
}

/// Angry enough to bring in a person.
pub fn strongly_negative(mood: f32) -> bool {
    mood <= STRONGLY_NEGATIVE
}
