//! A catalog attribute asked in words no cue holds ("what would I be out of pocket for it?"),
//! read by the nearest labelled examples of MiniLM sentence vectors, with the products' names
//! left out of the message. The cues (`request::ATTR_CUES`) go first: they are exact; this reader
//! only speaks where they are silent, of a question about one product that asks nothing else of
//! the catalog (`Ask::may_ask_fact`).
//!
//! The examples are `prompts/attribute-examples.jsonl`: each attribute asked of "it", and many
//! questions about a product that the catalog's fields do not answer ("what is it made of",
//! "how big is the screen"), which are what keeps the reader quiet: those go to the model.
use super::nearest::{self, Label, Nearest};
use super::request::Attr;
use crate::retrieval::{EmbedError, Embedder};
use serde::Deserialize;
use std::sync::Arc;

const EXAMPLES: &str = include_str!("../../prompts/attribute-examples.jsonl");

/// The nearest example must be at least this close.
const CLOSE: f32 = 0.5;
/// The attribute voted for must beat the closest example of anything else (another attribute, or
/// a question the fields do not answer) by this much: a wrong field is worse than none.
const MARGIN: f32 = 0.08;

#[derive(Deserialize)]
struct Example {
    text: String,
    attr: Label<Attr>,
}

pub fn learn(embedder: &Embedder, examples: &str) -> Result<Nearest<Attr>, EmbedError> {
    let label = |e: &Example| (e.text.clone(), e.attr.kind());
    Ok(Nearest::learn(embedder, examples, "prompts/attribute-examples.jsonl", label, (CLOSE, MARGIN))?.against_rivals())
}

/// From the built-in examples, once per embedding model and process.
pub fn shared(embedder: &Embedder) -> Option<Arc<Nearest<Attr>>> {
    embedder.learned("the attribute reader", |e| learn(e, EXAMPLES))
}

/// The attribute `text` asks (the products' names already out of it) by its nearest examples;
/// `None` without the embedding model, or when they say none or are not close enough.
pub async fn read(embedder: Option<&Arc<Embedder>>, text: &str) -> Option<Attr> {
    nearest::read(embedder, text, shared).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example parses, every attribute has examples, and questions the fields do not answer
    /// are the largest group.
    #[test]
    fn the_examples_name_every_attribute_and_many_questions_of_none() {
        let parsed: Vec<Example> = EXAMPLES.lines().map(|l| serde_json::from_str(l).expect(l)).collect();
        let of = |a: Option<Attr>| parsed.iter().filter(|e| e.attr.kind() == a).count();
        for attr in [
            Attr::Price,
            Attr::Stock,
            Attr::Warranty,
            Attr::Shipping,
            Attr::Returns,
            Attr::Rating,
            Attr::Brand,
            Attr::Dimensions,
            Attr::Weight,
            Attr::MinimumOrder,
        ] {
            assert!(of(Some(attr)) >= 10, "{attr:?}");
        }
        assert!(of(None) >= 60, "{} questions of none", of(None));
    }
}
