//! The mood evaluation: the lexicon (and the embedding classes) against labelled shopper
//! messages, with the messages each method gets wrong.
use super::load_lines;
use crate::domain::Language;
use serde::Deserialize;
use std::path::Path;

/// One labelled shopper message: `{"text": "...", "label": "negative|neutral|positive", "escalate": bool}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feeling {
    pub text: String,
    pub label: String,
    pub escalate: bool,
    /// The language the message is written in (default English).
    #[serde(default)]
    pub lang: Language,
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct SentimentMetrics {
    pub messages: usize,
    /// Three-way label accuracy.
    pub accuracy: f64,
    /// Of the messages that should bring in a person, the share that does (and the reverse).
    pub escalation_recall: f64,
    pub escalation_precision: f64,
}

pub fn load_feelings(path: &Path) -> Result<Vec<Feeling>, String> {
    load_lines(path)
}

/// What a method says of one message: its label, whether it brings in a person, and its score.
struct Verdict {
    label: &'static str,
    escalate: bool,
    score: Option<f32>,
}

/// Scores verdicts (one per message, in order) against the labels; also lists what went wrong.
fn judge(set: &[Feeling], verdicts: impl IntoIterator<Item = Verdict>) -> (SentimentMetrics, Vec<String>) {
    let (mut right, mut tp, mut fp, mut fn_) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (f, v) in set.iter().zip(verdicts) {
        let score = v.score.map(|s| format!(", {s:+.2}")).unwrap_or_default();
        if v.label == f.label {
            right += 1;
        } else {
            wrong.push(format!("{:>8} (want {:>8}{score}): {}", v.label, f.label, f.text));
        }
        match (v.escalate, f.escalate) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                wrong.push(format!("escalates needlessly{score}: {}", f.text));
            }
            (false, true) => {
                fn_ += 1;
                wrong.push(format!("misses an escalation{score}: {}", f.text));
            }
            _ => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let metrics = SentimentMetrics {
        messages: set.len(),
        accuracy: ratio(right, set.len()),
        escalation_recall: ratio(tp, tp + fn_),
        escalation_precision: ratio(tp, tp + fp),
    };
    (metrics, wrong)
}

/// A score as the service reads it: its label, and whether it brings in a person.
fn verdict(score: f32) -> Verdict {
    use crate::chat::sentiment::{STRONGLY_NEGATIVE, label};
    Verdict { label: label(score).as_str(), escalate: score <= STRONGLY_NEGATIVE, score: Some(score) }
}

/// Scores the sentiment lexicon; also returns the messages it gets wrong.
pub fn sentiment(set: &[Feeling]) -> (SentimentMetrics, Vec<String>) {
    judge(set, set.iter().map(|f| verdict(crate::chat::sentiment::score(&f.text))))
}

/// Scores the lexicon as the chat reads a message in another language: each message's
/// `english` (as the model translated it) and its own words by its language's lexicon.
pub fn sentiment_as_read(
    set: &[Feeling],
    english: &[String],
    prompts: &crate::prompts::Prompts,
) -> (SentimentMetrics, Vec<String>) {
    use crate::chat::sentiment::read;
    judge(set, set.iter().zip(english).map(|(f, en)| verdict(read(en, (&f.text, &prompts.texts(f.lang).mood)))))
}

/// A method's name, its figures, and the messages it got wrong.
pub type Scored = (&'static str, SentimentMetrics, Vec<String>);

/// The alternatives measured against the lexicon: nearest centroid of MiniLM embeddings trained on
/// `train`, alone and blended with the lexicon (what Aisle runs), scored on `test`.
pub fn sentiment_by_embedding(
    embedder: &crate::retrieval::Embedder,
    train: &[Feeling],
    test: &[Feeling],
) -> Result<Vec<Scored>, crate::retrieval::EmbedError> {
    use crate::chat::sentiment::{Centroids, Class, blend, score};
    let examples: Vec<(String, String, bool)> =
        train.iter().map(|f| (f.text.clone(), f.label.clone(), f.escalate)).collect();
    let centroids = Centroids::train(embedder, &examples)?;
    let vectors = embedder.embed(&test.iter().map(|f| f.text.clone()).collect::<Vec<_>>())?;
    let classes: Vec<Class> = vectors.iter().map(|v| centroids.classify(v)).collect();
    let alone = classes.iter().map(|c| {
        let (label, escalate) = match c {
            Class::Strong => ("negative", true),
            Class::Negative => ("negative", false),
            Class::Neutral => ("neutral", false),
            Class::Positive => ("positive", false),
        };
        Verdict { label, escalate, score: None }
    });
    let blended = test.iter().zip(&classes).map(|(f, c)| verdict(blend(score(&f.text), Some(*c))));
    let (m1, w1) = judge(test, alone);
    let (m2, w2) = judge(test, blended);
    Ok(vec![("embedding centroids", m1, w1), ("lexicon + embedding (live)", m2, w2)])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labelled set is the measure; a change to the lexicon must not make it worse than this.
    #[test]
    fn the_lexicon_labels_the_labelled_set() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/sentiment-examples.jsonl");
        let set = load_feelings(&path).expect("labelled set");
        let (m, wrong) = sentiment(&set);
        assert!(m.accuracy >= 0.85, "{m:?}\n{}", wrong.join("\n"));
        assert!(m.escalation_recall >= 0.8 && m.escalation_precision >= 0.9, "{m:?}");
    }
}
