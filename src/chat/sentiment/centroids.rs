//! The embedding side of sentiment: the nearest class centroid of MiniLM sentence vectors.
use crate::retrieval::{EmbedError, Embedder};

/// Nearest centroid of sentence embeddings, one centroid per class, from labelled examples.
/// Measured against the lexicon with `aisle eval sentiment FILE --train FILE`: it knows complaint
/// words the lexicon lacks ("leaking", "stuck in transit"), so it labels the messages the lexicon
/// finds no feeling in; the lexicon keeps the say on bringing in a person (it is more precise).
pub struct Centroids {
    classes: Vec<(Class, Vec<f32>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Strong,
    Negative,
    Neutral,
    Positive,
}

/// The examples the live classifier learns from (the lexicon's tuning set).
pub const EXAMPLES: &str = include_str!("../../../prompts/sentiment-examples.jsonl");

impl Centroids {
    /// `examples`: (text, label, escalate) triples.
    pub fn train(embedder: &Embedder, examples: &[(String, String, bool)]) -> Result<Self, EmbedError> {
        let texts: Vec<String> = examples.iter().map(|e| e.0.clone()).collect();
        let vectors = embedder.embed(&texts)?;
        let mut classes: Vec<(Class, Vec<f32>)> = Vec::new();
        for ((_, label, escalate), v) in examples.iter().zip(vectors) {
            let class = match (label.as_str(), escalate) {
                (_, true) => Class::Strong,
                ("negative", _) => Class::Negative,
                ("positive", _) => Class::Positive,
                _ => Class::Neutral,
            };
            match classes.iter_mut().find(|(c, _)| *c == class) {
                Some((_, sum)) => sum.iter_mut().zip(&v).for_each(|(a, b)| *a += b),
                None => classes.push((class, v)),
            }
        }
        classes.iter_mut().for_each(|(_, c)| crate::retrieval::embed::normalize(c));
        Ok(Self { classes })
    }

    /// From the built-in examples, trained once per embedding model and process (the first caller
    /// pays, so start-up calls it); `None` when the examples cannot be embedded.
    pub fn shared(embedder: &Embedder) -> Option<std::sync::Arc<Self>> {
        embedder.learned("the sentiment classes", Self::builtin)
    }

    fn builtin(embedder: &Embedder) -> Result<Self, EmbedError> {
        let examples: Vec<(String, String, bool)> = EXAMPLES
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| {
                Some((v["text"].as_str()?.to_string(), v["label"].as_str()?.to_string(), v["escalate"].as_bool()?))
            })
            .collect();
        Self::train(embedder, &examples)
    }

    /// The nearest class of a unit vector.
    pub fn classify(&self, v: &[f32]) -> Class {
        let cos = |c: &[f32]| c.iter().zip(v).map(|(a, b)| a * b).sum::<f32>();
        self.classes.iter().max_by(|a, b| cos(&a.1).total_cmp(&cos(&b.1))).map_or(Class::Neutral, |(c, _)| *c)
    }
}
