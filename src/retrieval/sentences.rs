//! The articles' sentences and the questions editors wrote for them, each with its vector: what
//! a policy question is matched on, sentence by sentence and question to question.
use super::{Doc, Index, vector};

/// A question an editor wrote for an article, the way shoppers ask it, and its answer there.
pub struct Question {
    /// The article's first passage (an index into the snapshot's documents).
    pub doc: usize,
    /// The article's sentences that answer it, word for word.
    pub answer: String,
    pub vector: Vec<f32>,
}

/// A sentence of a passage, for matching a question sentence by sentence.
pub struct Sentence {
    /// The passage it comes from (an index into the snapshot's documents).
    pub doc: usize,
    /// Which paragraph of the passage it is in, from 0: an editor's unit of meaning.
    pub paragraph: usize,
    pub text: String,
    pub vector: Vec<f32>,
}

/// The `k` items whose vectors are closest to `query`, closest first.
fn nearest<'a, T>(items: &'a [T], vector: impl Fn(&T) -> &[f32], query: &[f32], k: usize) -> Vec<&'a T> {
    let mut scored: Vec<(f32, &T)> = items.iter().map(|item| (vector::dot(query, vector(item)), item)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(k).map(|(_, item)| item).collect()
}

impl Index {
    /// The `k` passage sentences closest to a question's vector, closest first, with their passage.
    pub fn sentences_near(&self, query: &[f32], k: usize) -> Vec<(&Doc, &Sentence)> {
        nearest(&self.sentences, |s| &s.vector, query, k).into_iter().map(|s| (&self.docs[s.doc], s)).collect()
    }

    /// Every sentence of an article's passages, in order.
    pub fn sentences_of<'a>(&'a self, article_id: &'a str) -> impl Iterator<Item = (&'a Doc, &'a Sentence)> {
        self.sentences.iter().map(|s| (&self.docs[s.doc], s)).filter(move |(d, _)| d.parent_id() == article_id)
    }

    /// The `k` editors' questions closest to a question's vector, closest first, with their
    /// article's first passage.
    pub fn questions_near(&self, query: &[f32], k: usize) -> Vec<(&Doc, &Question)> {
        nearest(&self.questions, |q| &q.vector, query, k).into_iter().map(|q| (&self.docs[q.doc], q)).collect()
    }

    /// The questions editors wrote for an article.
    pub fn questions_of<'a>(&'a self, article_id: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions.iter().filter(move |q| self.docs[q.doc].parent_id() == article_id)
    }
}
