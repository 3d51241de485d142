//! How the shopper feels, from -1 (angry) to 1 (happy): the lexicon, and where it finds no
//! feeling at all, the nearest embedding class. Only the lexicon can bring in a person.
mod centroids;
mod lexicon;

pub use centroids::{Centroids, Class, EXAMPLES};
pub use lexicon::{label, score};

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

/// The mood of a message: the lexicon first, the embedding classes where it is silent.
/// Embedding runs on a blocking thread.
pub async fn mood(embedder: Option<&Arc<Embedder>>, text: &str) -> f32 {
    let lexicon = score(text);
    let Some(embedder) = embedder.filter(|_| lexicon == 0.0).cloned() else { return lexicon };
    let text = text.to_string();
    let class = tokio::task::spawn_blocking(move || {
        let centroids = Centroids::shared(&embedder)?;
        Some(centroids.classify(&embedder.embed(&[text]).ok()?.pop()?))
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
