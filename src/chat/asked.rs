//! A catalog attribute asked in words no cue holds ("what would I be out of pocket for it?"),
//! read by the nearest labelled examples of MiniLM sentence vectors, with the products' names
//! left out of the message. The cues (`request::ATTR_CUES`) go first: they are exact; this reader
//! only speaks where they are silent, of a question about one product that asks nothing else of
//! the catalog (`Ask::may_ask_fact`).
//!
//! The examples are `prompts/attribute-examples.jsonl`: each attribute asked of "it", and many
//! questions about a product that the catalog's fields do not answer ("what is it made of",
//! "how big is the screen"), which are what keeps the reader quiet: those go to the model.
//!
//! Where the examples are not close enough, the model names the field (`by_model`, after the
//! worked examples of `prompts/field.toml`): idioms ("what's the damage?", "who's behind it?")
//! share too little with any example for a small sentence model. It only names a field; the
//! answer is the catalog's, written by code.
use super::nearest::{self, Label, Nearest, Reading};
use super::request::{Ask, Attr};
use super::translate::{Translator, unnamed};
use crate::retrieval::{EmbedError, Embedder};
use serde::Deserialize;
use std::sync::Arc;

const EXAMPLES: &str = include_str!("../../prompts/attribute-examples.jsonl");

/// The nearest example must be at least this close.
const CLOSE: f32 = 0.5;
/// The attribute voted for must beat the closest example of anything else (another attribute, or
/// a question the fields do not answer) by this much: a wrong field is worse than none.
const MARGIN: f32 = 0.08;
/// How much farther from the model's field than from none a question may be, for the model's
/// field to stand (`model_stands`); chosen on the tuning sets by `aisle eval fields`.
pub const LEAN: f32 = 0.0;

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

/// `text` (the products' names already out of it) read by its nearest examples: the attribute
/// they vote for, if any, and how close it is to each attribute's; `None` without the embedding
/// model.
pub async fn read(embedder: Option<&Arc<Embedder>>, text: &str) -> Option<Reading<Attr>> {
    nearest::reading(embedder, text, shared).await
}

/// Whether the model's field for a question the examples did not settle stands: the question
/// leans at least `bar` toward that field's examples against none's (`LEAN` in the chat: "what
/// is it known for?" is read as its rating by the model, but is most like "what is special about
/// it?"), and it is no size alone (`only_size`) read as the dimensions: "what size are the
/// eggs?" asks the sizes on offer or the fit, which the catalog does not hold, not the parcel's
/// measures (the cues take "what size is it?" as the dimensions, but for what is worn).
pub fn model_stands(field: Attr, lean: f32, only_size: bool, bar: f32) -> bool {
    lean >= bar && !(field == Attr::Dimensions && only_size)
}

/// Who read a field the cues did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Examples,
    Model,
}

/// The field a question about one product asks in words no cue holds (`question`: the products'
/// names said as "it"), with who read it: the nearest examples' vote, else the model's field
/// where it stands (`model_stands`). `None` without the embedding model.
pub async fn in_other_words(
    embedder: Option<&Arc<Embedder>>,
    translator: &Translator,
    question: &str,
    only_size: bool,
) -> Option<(Attr, Reader)> {
    let reading = read(embedder, question).await?;
    if let Some(attr) = reading.kind {
        return Some((attr, Reader::Examples));
    }
    let stands = |attr: &Attr| model_stands(*attr, reading.lean(*attr), only_size, LEAN);
    let attr = by_model(translator, question).await.filter(stands)?;
    Some((attr, Reader::Model))
}

/// The fields a question asks as each reader takes it (`readings`).
#[derive(Debug, Clone)]
pub struct Readings {
    /// What the cues read.
    pub cues: Vec<Attr>,
    /// Whether the question may ask a field in words no cue holds (then the readers are asked).
    pub may_ask: bool,
    pub nearest: Option<Attr>,
    pub model: Option<Attr>,
    /// How much closer the question is to the model's field's examples than to none's.
    pub lean: Option<f32>,
    /// Whether the only measure the question asks is a size (`model_stands`).
    pub only_size: bool,
}

/// How each reader takes `text` (`names`: the catalog names it holds), for `aisle eval fields`:
/// the cues, and where they leave room, the nearest examples and the model, each asked whatever
/// the other says.
pub async fn readings(
    embedder: Option<&Arc<Embedder>>,
    translator: &Translator,
    text: &str,
    names: &[&str],
) -> Readings {
    let ask = Ask::parse_with(text, None, names);
    let may_ask = ask.may_ask_fact(!names.is_empty());
    let (mut nearest, mut model, mut lean) = (None, None, None);
    if may_ask {
        let question = unnamed(text, names);
        let reading = read(embedder, &question).await;
        nearest = reading.as_ref().and_then(|r| r.kind);
        model = by_model(translator, &question).await;
        lean = reading.as_ref().zip(model).map(|(r, m)| r.lean(m));
    }
    let only_size = ask.asks_only_size();
    Readings { cues: ask.attrs, may_ask, nearest, model, lean, only_size }
}

/// The field the model reads `text` (the products' names already out of it) as asking; `None`
/// when it says none, says something that is no field, or no model could read it.
pub async fn by_model(translator: &Translator, text: &str) -> Option<Attr> {
    parse_field(&translator.field(text).await?)
}

/// A field's name as the model wrote it ("Minimum order.", "`price`"): its first words, any case,
/// spaces or underscores; anything else is none.
fn parse_field(said: &str) -> Option<Attr> {
    let name: String = said
        .trim()
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ' '))
        .find(|w| !w.trim().is_empty())?
        .trim()
        .replace(' ', "_");
    serde_json::from_value::<Label<Attr>>(serde_json::Value::String(name)).ok()?.kind()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_models_field_is_read_in_any_case_and_wrapping_and_anything_else_is_none() {
        assert_eq!(parse_field("price"), Some(Attr::Price));
        assert_eq!(parse_field(" Minimum order."), Some(Attr::MinimumOrder));
        assert_eq!(parse_field("`minimum_order`"), Some(Attr::MinimumOrder));
        assert_eq!(parse_field("Returns\nbecause..."), Some(Attr::Returns));
        assert_eq!(parse_field("none"), None);
        assert_eq!(parse_field("colour"), None);
        assert_eq!(parse_field("The price is $5"), None);
        assert_eq!(parse_field(""), None);
    }

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
