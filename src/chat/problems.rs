//! Problems with an item told in words no cue holds ("the fish smelled awful when the box was
//! opened", "the hairdryer gives off sparks"), read by the nearest labelled examples of MiniLM
//! sentence vectors. The cues (`request::Problem::of`) go first: they are exact; this reader
//! only speaks where they are silent, and only of a statement that asks nothing of the catalog
//! (`Ask::may_report`).
//!
//! The examples are `prompts/problem-examples.jsonl`: each kind of problem, and many messages
//! that report none (policy and product questions), which are what keeps the reader quiet.
use super::request::Problem;
use crate::retrieval::{EmbedError, Embedder};
use serde::Deserialize;
use std::sync::Arc;

/// The examples the reader learns from: `{"text", "problem"}`, `"problem": "none"` for a
/// message that reports none.
const EXAMPLES: &str = include_str!("../../prompts/problem-examples.jsonl");

/// How many nearest examples vote, each by its cosine.
const NEIGHBOURS: usize = 5;
/// The nearest example must be at least this close: farther, the message is like none of them.
const CLOSE: f32 = 0.4;
/// The closest example of the kind voted for must beat the closest example of no problem by
/// this much: a near tie is no report.
const MARGIN: f32 = 0.05;

#[derive(Deserialize)]
struct Example {
    text: String,
    problem: Label,
}

/// `"none"`, or a kind of problem by its name.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Label {
    None,
    #[serde(untagged)]
    Kind(Problem),
}

impl Label {
    fn kind(self) -> Option<Problem> {
        match self {
            Label::Kind(p) => Some(p),
            Label::None => None,
        }
    }
}

/// The labelled examples' vectors.
pub struct Reader {
    examples: Vec<(Option<Problem>, Vec<f32>)>,
}

impl Reader {
    /// `examples`: JSON Lines as in `prompts/problem-examples.jsonl`.
    pub fn learn(embedder: &Embedder, examples: &str) -> Result<Self, EmbedError> {
        let parsed = examples
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(serde_json::from_str::<Example>)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| EmbedError::Model(format!("prompts/problem-examples.jsonl: {e}")))?;
        let texts: Vec<String> = parsed.iter().map(|e| e.text.clone()).collect();
        let vectors = embedder.embed(&texts)?;
        Ok(Self { examples: parsed.iter().map(|e| e.problem.kind()).zip(vectors).collect() })
    }

    /// From the built-in examples, once per embedding model and process.
    pub fn shared(embedder: &Embedder) -> Option<Arc<Self>> {
        embedder.learned("the problem reader", |e| Self::learn(e, EXAMPLES))
    }

    /// The problem a message's unit vector reports, by its nearest examples; `None` when they
    /// report none, or are not close enough to say.
    pub fn read(&self, v: &[f32]) -> Option<Problem> {
        let cos = |e: &[f32]| e.iter().zip(v).map(|(a, b)| a * b).sum::<f32>();
        let mut near: Vec<(Option<Problem>, f32)> = self.examples.iter().map(|(p, e)| (*p, cos(e))).collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1));
        if near.first()?.1 < CLOSE {
            return None;
        }
        let mut votes: Vec<(Option<Problem>, f32)> = Vec::new();
        for (p, s) in near.iter().take(NEIGHBOURS) {
            match votes.iter_mut().find(|(q, _)| q == p) {
                Some((_, sum)) => *sum += s,
                None => votes.push((*p, *s)),
            }
        }
        let kind = votes.iter().max_by(|a, b| a.1.total_cmp(&b.1))?.0?;
        let closest = |p: Option<Problem>| near.iter().find(|(q, _)| *q == p).map_or(-1.0, |(_, s)| *s);
        (closest(Some(kind)) - closest(None) >= MARGIN).then_some(kind)
    }
}

/// The problem `text` reports by its nearest examples; `None` without the embedding model.
/// Embedding runs on a blocking thread.
pub async fn read(embedder: Option<&Arc<Embedder>>, text: &str) -> Option<Problem> {
    let embedder = embedder?.clone();
    let text = text.to_string();
    tokio::task::spawn_blocking(move || {
        let reader = Reader::shared(&embedder)?;
        match embedder.embed_query(&text) {
            Ok(v) => reader.read(&v),
            Err(e) => {
                tracing::warn!(error = %e, "the message could not be embedded; no problem is read in it");
                None
            }
        }
    })
    .await
    .ok()
    .flatten()
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

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    /// The vote, the closeness bar and the margin over "none", on hand-made vectors.
    #[test]
    fn the_nearest_examples_vote_and_a_near_tie_with_no_problem_reads_none() {
        let reader = Reader {
            examples: vec![
                (Some(Problem::Spoiled), unit(&[1.0, 0.0, 0.0])),
                (Some(Problem::Spoiled), unit(&[0.9, 0.1, 0.0])),
                (None, unit(&[0.0, 1.0, 0.0])),
                (None, unit(&[0.0, 0.9, 0.1])),
            ],
        };
        assert_eq!(reader.read(&unit(&[1.0, 0.05, 0.0])), Some(Problem::Spoiled));
        assert_eq!(reader.read(&unit(&[0.05, 1.0, 0.0])), None, "closest to no problem");
        assert_eq!(reader.read(&unit(&[0.0, 0.0, 1.0])), None, "close to nothing");
        // Two examples of spoiled food outvote one of no problem, but that one is nearly as close.
        let tied = Reader {
            examples: vec![
                (Some(Problem::Spoiled), unit(&[1.0, 0.0, 0.0])),
                (Some(Problem::Spoiled), unit(&[1.0, 0.0, 0.0])),
                (None, unit(&[1.0, 0.2, 0.0])),
            ],
        };
        assert_eq!(tied.read(&unit(&[1.0, 0.0, 0.0])), None, "a near tie");
        assert_eq!(tied.read(&unit(&[1.0, -0.5, 0.0])), Some(Problem::Spoiled), "clear of the tie");
    }
}
