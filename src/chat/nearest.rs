//! Reading a message by its nearest labelled examples, as MiniLM unit vectors: the
//! `NEIGHBOURS` closest vote, each by its cosine. The nearest must be close enough to say
//! anything, and the closest example of the kind voted for must beat the closest example of
//! none by a margin: a near tie reads none. The examples of none are what keep a reader quiet.
use crate::retrieval::{EmbedError, Embedder};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// An example's label: `"none"`, or a kind by its name.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Label<L> {
    None,
    #[serde(untagged)]
    Kind(L),
}

impl<L> Label<L> {
    pub fn kind(self) -> Option<L> {
        match self {
            Label::Kind(k) => Some(k),
            Label::None => None,
        }
    }
}

/// How many nearest examples vote.
const NEIGHBOURS: usize = 5;

/// The labelled examples' vectors (`None`: an example of none) and the reader's two bars.
pub struct Nearest<L> {
    examples: Vec<(Option<L>, Vec<f32>)>,
    /// The nearest example must be at least this close: farther, the message is like none.
    close: f32,
    /// How much closer than the closest example of none the kind voted for must be; with
    /// `rivals`, than the closest example of any other kind too (a near tie between two kinds
    /// reads none).
    margin: f32,
    rivals: bool,
}

impl<L: Copy + PartialEq> Nearest<L> {
    pub fn new(examples: Vec<(Option<L>, Vec<f32>)>, close: f32, margin: f32) -> Self {
        Self { examples, close, margin, rivals: false }
    }

    /// The kind voted for must also stand clear of every other kind by the margin.
    pub fn against_rivals(self) -> Self {
        Self { rivals: true, ..self }
    }

    /// Embeds `examples` (JSON Lines; `label` reads each line's text and label, `None` for an
    /// example of none). `what` names the file in an error.
    pub fn learn<E: DeserializeOwned>(
        embedder: &Embedder,
        examples: &str,
        what: &str,
        label: impl Fn(&E) -> (String, Option<L>),
        (close, margin): (f32, f32),
    ) -> Result<Self, EmbedError> {
        let parsed = examples
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str::<E>(l).map(|e| label(&e)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| EmbedError::Model(format!("{what}: {e}")))?;
        let texts: Vec<String> = parsed.iter().map(|(t, _)| t.clone()).collect();
        let vectors = embedder.embed(&texts)?;
        Ok(Self::new(parsed.into_iter().map(|(_, l)| l).zip(vectors).collect(), close, margin))
    }

    /// The kind a message's unit vector is, by its nearest examples; `None` when they say none,
    /// or are not close enough to say.
    pub fn read(&self, v: &[f32]) -> Option<L> {
        self.reading(v).kind
    }

    /// The message's unit vector read: its kind, and how close it is to each kind's examples.
    pub fn reading(&self, v: &[f32]) -> Reading<L> {
        let cos = |e: &[f32]| e.iter().zip(v).map(|(a, b)| a * b).sum::<f32>();
        let mut near: Vec<(Option<L>, f32)> = self.examples.iter().map(|(l, e)| (*l, cos(e))).collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1));
        let kind = self.vote(&near);
        Reading { kind, near }
    }

    /// The kind the nearest examples (`near`, closest first) vote for, if they are close enough
    /// and clear of the others by the margin.
    fn vote(&self, near: &[(Option<L>, f32)]) -> Option<L> {
        if near.first()?.1 < self.close {
            return None;
        }
        let mut votes: Vec<(Option<L>, f32)> = Vec::new();
        for (l, s) in near.iter().take(NEIGHBOURS) {
            match votes.iter_mut().find(|(k, _)| k == l) {
                Some((_, sum)) => *sum += s,
                None => votes.push((*l, *s)),
            }
        }
        let kind = votes.iter().max_by(|a, b| a.1.total_cmp(&b.1))?.0?;
        let closest = |l: Option<L>| near.iter().find(|(k, _)| *k == l).map_or(-1.0, |(_, s)| *s);
        let rival = match self.rivals {
            true => near.iter().find(|(k, _)| *k != Some(kind)).map_or(-1.0, |(_, s)| *s),
            false => closest(None),
        };
        (closest(Some(kind)) - rival >= self.margin).then_some(kind)
    }
}

/// A message as the nearest examples read it.
pub struct Reading<L> {
    /// The kind they vote for, if close and clear enough.
    pub kind: Option<L>,
    /// Every example's label and closeness, closest first.
    near: Vec<(Option<L>, f32)>,
}

impl<L: Copy + PartialEq> Reading<L> {
    /// How much closer the message is to the closest example of `kind` than to the closest
    /// example of none: below zero, it is more like a message of none.
    pub fn lean(&self, kind: L) -> f32 {
        let closest = |l: Option<L>| self.near.iter().find(|(k, _)| *k == l).map_or(-1.0, |(_, s)| *s);
        closest(Some(kind)) - closest(None)
    }
}

/// `text` read by `reader` (learned once per embedding model and process); `None` without the
/// embedding model or when the text cannot be embedded. Embedding runs on a blocking thread.
pub async fn read<L: Copy + PartialEq + Send + Sync + 'static>(
    embedder: Option<&Arc<Embedder>>,
    text: &str,
    reader: fn(&Embedder) -> Option<Arc<Nearest<L>>>,
) -> Option<L> {
    reading(embedder, text, reader).await?.kind
}

/// `text` as `reader` reads it, with its closeness to each kind (`read`).
pub async fn reading<L: Copy + PartialEq + Send + Sync + 'static>(
    embedder: Option<&Arc<Embedder>>,
    text: &str,
    reader: fn(&Embedder) -> Option<Arc<Nearest<L>>>,
) -> Option<Reading<L>> {
    let embedder = embedder?.clone();
    let text = text.to_string();
    tokio::task::spawn_blocking(move || {
        let reader = reader(&embedder)?;
        match embedder.embed_query(&text) {
            Ok(v) => Some(reader.reading(&v)),
            Err(e) => {
                tracing::warn!(error = %e, "the message could not be embedded; it is read by its words alone");
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

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    /// The vote, the closeness bar and the margin over none, on hand-made vectors.
    #[test]
    fn the_nearest_examples_vote_and_a_near_tie_with_none_reads_none() {
        let reader = Nearest::new(
            vec![
                (Some('s'), unit(&[1.0, 0.0, 0.0])),
                (Some('s'), unit(&[0.9, 0.1, 0.0])),
                (None, unit(&[0.0, 1.0, 0.0])),
                (None, unit(&[0.0, 0.9, 0.1])),
            ],
            0.4,
            0.05,
        );
        assert_eq!(reader.read(&unit(&[1.0, 0.05, 0.0])), Some('s'));
        assert_eq!(reader.read(&unit(&[0.05, 1.0, 0.0])), None, "closest to none");
        assert_eq!(reader.read(&unit(&[0.0, 0.0, 1.0])), None, "close to nothing");
        // Two examples outvote one of none, but that one is nearly as close.
        let tied = Nearest::new(
            vec![
                (Some('s'), unit(&[1.0, 0.0, 0.0])),
                (Some('s'), unit(&[1.0, 0.0, 0.0])),
                (None, unit(&[1.0, 0.2, 0.0])),
            ],
            0.4,
            0.05,
        );
        assert_eq!(tied.read(&unit(&[1.0, 0.0, 0.0])), None, "a near tie");
        assert_eq!(tied.read(&unit(&[1.0, -0.5, 0.0])), Some('s'), "clear of the tie");
        // Against rivals, a near tie with another kind reads none too.
        let kinds = Nearest::new(
            vec![
                (Some('a'), unit(&[1.0, 0.0, 0.0])),
                (Some('a'), unit(&[1.0, 0.0, 0.0])),
                (Some('b'), unit(&[1.0, 0.2, 0.0])),
            ],
            0.4,
            0.05,
        );
        assert_eq!(kinds.read(&unit(&[1.0, 0.0, 0.0])), Some('a'), "no example of none to tie with");
        assert_eq!(kinds.against_rivals().read(&unit(&[1.0, 0.0, 0.0])), None, "a near tie with another kind");
    }
}
