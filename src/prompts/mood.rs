//! How a shopper sounds in one language (`[mood]` of `prompts/lang/<code>.toml`): the words the
//! mood lexicon (`chat::sentiment`) reads in the shopper's own text, before any translation,
//! because a translation loses feeling ("furioso" came back as "very excited").
use crate::domain::folded;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// A language's feeling words, as written in its file and ready to compare with a message.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Mood {
    /// Each word or phrase with its weight, from -3.5 (furious) to 2.5 (delighted). A word
    /// ending in `*` is a stem: "enfad*" is enfadado, enfadada, enfadados.
    words: BTreeMap<String, f32>,
    /// Words that turn round what follows ("not happy", "kein Problem", "没问题").
    pub negations: Vec<String>,
    /// Negations written after the word they turn round (German "nicht", Japanese "ない").
    pub negations_after: Vec<String>,
    /// Words that strengthen what follows ("very", "muy", "太").
    pub boosters: Vec<String>,
    /// Words that soften what follows ("bit", "poco", "有点").
    pub dampeners: Vec<String>,
    /// Single words, folded (lowercase, no accents).
    #[serde(skip)]
    pub exact: HashMap<String, f32>,
    /// Stems, longest first.
    #[serde(skip)]
    pub stems: Vec<(String, f32)>,
    /// Phrases as ` words like this ` (spaced) or characters (unspaced), longest first.
    #[serde(skip)]
    pub phrases: Vec<(String, f32)>,
    /// Written without spaces (Chinese, Japanese): everything is compared as characters.
    #[serde(skip)]
    pub unspaced: bool,
}

impl Mood {
    /// A lexicon from a table of words and weights (English keeps its own in code).
    pub fn from_words<'a>(
        words: impl IntoIterator<Item = (&'a str, f32)>,
        negations: &[&str],
        boosters: &[&str],
        dampeners: &[&str],
    ) -> Self {
        let list = |l: &[&str]| l.iter().map(|w| w.to_string()).collect();
        Mood {
            words: words.into_iter().map(|(w, v)| (w.to_string(), v)).collect(),
            negations: list(negations),
            boosters: list(boosters),
            dampeners: list(dampeners),
            ..Default::default()
        }
        .prepared(false)
    }

    /// The words folded and sorted the way the lexicon reads them.
    pub fn prepared(mut self, unspaced: bool) -> Self {
        self.unspaced = unspaced;
        let norm = |w: &str| if unspaced { folded(w, true) } else { folded(w, false).trim().to_string() };
        for list in [&mut self.negations, &mut self.negations_after, &mut self.boosters, &mut self.dampeners] {
            list.iter_mut().for_each(|w| *w = norm(w));
            list.retain(|w| !w.is_empty());
        }
        for (word, weight) in &self.words {
            let (stem, w) = match word.strip_suffix('*') {
                Some(stem) => (true, norm(stem)),
                None => (false, norm(word)),
            };
            match () {
                _ if w.is_empty() => {}
                _ if unspaced => self.phrases.push((w, *weight)),
                _ if w.contains(' ') => self.phrases.push((format!(" {w} "), *weight)),
                _ if stem => self.stems.push((w, *weight)),
                _ => {
                    self.exact.insert(w, *weight);
                }
            }
        }
        for list in [&mut self.stems, &mut self.phrases] {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        }
        self
    }

    /// The weight of one folded word: itself, or the longest stem it starts with.
    pub fn weight(&self, word: &str) -> Option<f32> {
        self.exact
            .get(word)
            .copied()
            .or_else(|| self.stems.iter().find(|(s, _)| word.starts_with(s.as_str())).map(|(_, v)| *v))
    }

    /// Whether this language has feeling words of its own.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
