//! Which catalog field a question about a product asks, as each reader takes it: the cues alone,
//! the cues then the nearest examples, and the cues, the examples, then the model where the
//! question leans toward the model's field by a bar (the chat's bar and others). Read from answer
//! sets (`answers::Labelled`): a one-turn `attribute` question is labelled with its field;
//! `product-open` and `product-yesno` questions ask none of the fields, so any field read for
//! them is a wrong one.
use super::answers::Labelled;
use crate::chat::ChatService;
use crate::chat::asked::{self, Readings};

/// One question and the field it asks (`None`: none of them).
pub struct Case {
    pub text: String,
    pub field: Option<String>,
}

/// The questions of `set` that are labelled with a field or with none; others are skipped.
pub fn cases(set: &[Labelled]) -> Vec<Case> {
    set.iter()
        .filter(|l| l.turns.len() == 1)
        .filter_map(|l| match l.kind.as_str() {
            "attribute" => Some(Case { text: l.turns[0].clone(), field: Some(l.attr.clone()?) }),
            "product-open" | "product-yesno" => Some(Case { text: l.turns[0].clone(), field: None }),
            _ => None,
        })
        .collect()
}

/// How one way of reading did: fields read right, fields missed (none read), wrong fields read
/// for a field question, and fields read for a question of none.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub right: usize,
    pub missed: usize,
    pub wrong: usize,
    pub false_field: usize,
    pub none_right: usize,
}

/// A way of reading compared: the cues, then the nearest examples, then the model's field where
/// the question leans toward it by at least `Some(lean)` (`None`: the model is not asked).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Way {
    pub examples: bool,
    pub model: Option<f32>,
}

impl Way {
    pub fn name(&self) -> String {
        let mut name = "cues".to_string();
        if self.examples {
            name += " + examples";
        }
        if let Some(lean) = self.model {
            name += &format!(" + model (lean >= {lean:+.2})");
        }
        name
    }
}

/// The ways compared: the cues alone, with the examples, and with the model at several leans
/// (the first of them as the chat reads, `asked::LEAN`).
pub fn ways() -> Vec<Way> {
    let mut ways = vec![Way { examples: false, model: None }, Way { examples: true, model: None }];
    ways.push(Way { examples: true, model: Some(asked::LEAN) });
    for lean in [-1.0, -0.1, -0.05, 0.05, 0.1] {
        ways.push(Way { examples: true, model: Some(lean) });
    }
    ways
}

fn read_as(way: Way, r: &Readings) -> Option<String> {
    if let Some(a) = r.cues.first() {
        return field_name(a);
    }
    let examples = r.nearest.filter(|_| way.examples);
    let model = way
        .model
        .and_then(|bar| r.model.filter(|m| r.lean.is_some_and(|lean| asked::model_stands(*m, lean, r.only_size, bar))));
    examples.or(model).as_ref().and_then(field_name)
}

/// A field's name as the labels spell it ("minimum_order").
fn field_name<T: serde::Serialize>(field: &T) -> Option<String> {
    serde_json::to_value(field).ok()?.as_str().map(str::to_string)
}

/// Every question read every way; with each question's readings, for the report's mistakes.
pub async fn run(chat: &ChatService, cases: &[Case]) -> (Vec<(Way, Tally)>, Vec<Readings>) {
    let mut tallies: Vec<(Way, Tally)> = ways().into_iter().map(|w| (w, Tally::default())).collect();
    let mut readings = Vec::new();
    for case in cases {
        let r = chat.planner.readings(&case.text).await;
        for (way, t) in &mut tallies {
            match (read_as(*way, &r), &case.field) {
                (Some(got), Some(want)) if &got == want => t.right += 1,
                (Some(_), Some(_)) => t.wrong += 1,
                (None, Some(_)) => t.missed += 1,
                (Some(_), None) => t.false_field += 1,
                (None, None) => t.none_right += 1,
            }
        }
        readings.push(r);
    }
    (tallies, readings)
}

/// The field the chat reads for a question (the third way of `ways`).
pub fn as_chat_reads(r: &Readings) -> Option<String> {
    read_as(ways()[2], r)
}
