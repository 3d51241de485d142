//! Problems with an item told in words no cue holds ("the fish smelled awful when the box was
//! opened", "the hairdryer gives off sparks"), read by the nearest labelled examples of MiniLM
//! sentence vectors. The cues (`request::Problem::of`) go first: they are exact; this reader
//! only speaks where they are silent, and only of a statement that asks nothing of the catalog
//! (`Ask::may_report`).
//!
//! The examples are `prompts/problem-examples.jsonl`: each kind of problem, and many messages
//! that report none (policy and product questions), which are what keeps the reader quiet.
use super::nearest::{self, Label, Nearest};
use super::request::Problem;
use crate::retrieval::{EmbedError, Embedder};
use serde::Deserialize;
use std::sync::Arc;

/// The examples the reader learns from: `{"text", "problem"}`, `"problem": "none"` for a
/// message that reports none.
const EXAMPLES: &str = include_str!("../../prompts/problem-examples.jsonl");

/// The nearest example must be at least this close: farther, the message is like none of them.
const CLOSE: f32 = 0.4;
/// The closest example of the kind voted for must beat the closest example of no problem by
/// this much: a near tie is no report.
const MARGIN: f32 = 0.05;

#[derive(Deserialize)]
struct Example {
    text: String,
    problem: Label<Problem>,
}

/// The problem reader, learned from `examples` (JSON Lines as in `prompts/problem-examples.jsonl`).
pub fn learn(embedder: &Embedder, examples: &str) -> Result<Nearest<Problem>, EmbedError> {
    let label = |e: &Example| (e.text.clone(), e.problem.kind());
    Nearest::learn(embedder, examples, "prompts/problem-examples.jsonl", label, (CLOSE, MARGIN))
}

/// From the built-in examples, once per embedding model and process.
pub fn shared(embedder: &Embedder) -> Option<Arc<Nearest<Problem>>> {
    embedder.learned("the problem reader", |e| learn(e, EXAMPLES))
}

/// The problem `text` reports by its nearest examples; `None` without the embedding model.
pub async fn read(embedder: Option<&Arc<Embedder>>, text: &str) -> Option<Problem> {
    nearest::read(embedder, text, shared).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example parses, each kind the reader may name has examples, and so does "none".
    #[test]
    fn the_examples_name_known_kinds_and_no_problem() {
        let parsed: Vec<Example> = EXAMPLES.lines().map(|l| serde_json::from_str(l).expect(l)).collect();
        let none = parsed.iter().filter(|e| e.problem.kind().is_none()).count();
        assert!(none >= 50, "{none} examples of no problem");
        for kind in [Problem::Damaged, Problem::Spoiled, Problem::Faulty, Problem::Missing, Problem::Wrong] {
            assert!(parsed.iter().filter(|e| e.problem.kind() == Some(kind)).count() >= 10, "{kind:?}");
        }
    }
}
