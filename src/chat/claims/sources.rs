//! The sources as a yes or a no is checked against (`verdict`): each source's words, its
//! sentences, and for a product the words of its name, which its description's sentences are
//! about though they say "it" ("It is made of wood").
use super::refusals::negated;
use super::words::{claim_words, glued, source_words, written};
use crate::chat::cards::SourceCard;
use crate::domain::sentences;

/// One source: its number, its words, and its sentences (an article's text, or a product's
/// description).
pub(super) struct SourceWords {
    pub n: usize,
    pub words: Vec<String>,
    /// `words` without a product's stock count, unless the source says that number elsewhere:
    /// what an answer's number may be ("79 spice jars" is the Spice Rack's stock, not its jars).
    pub answer_words: Vec<String>,
    /// A product's name, as words; none for an article.
    named: Option<Vec<String>>,
    sentences: Vec<SourceSentence>,
}

/// A sentence of a source, its words, and whether it says no.
pub(super) struct SourceSentence {
    pub text: String,
    pub words: Vec<String>,
    negated: bool,
}

impl SourceWords {
    /// `text`: everything the source says, as the claim check reads it (a product's fields too).
    pub fn new(source: &SourceCard, text: &str) -> Self {
        let described = match &source.product {
            Some(p) => sentences(&p.description),
            None => source.text.iter().flat_map(|t| sentences(t)).collect(),
        };
        // Its name's words as the source writes them too: "Classic Sun Glasses" are "sunglasses".
        let named = source.product.as_ref().map(|p| {
            let mut named = claim_words(&p.title);
            named.extend(claim_words(&glued(&p.title, &written(text))));
            named.sort_unstable();
            named.dedup();
            named
        });
        let mut words = source_words(text);
        words.extend(named.iter().flatten().cloned());
        let stock = source.product.as_ref().map(|p| p.stock.to_string());
        let said = |n: &String| text.split(|c: char| !c.is_ascii_digit()).filter(|w| w == n).count();
        let only_stock = stock.filter(|n| said(n) == 1);
        let answer_words = words.iter().filter(|w| Some(*w) != only_stock.as_ref()).cloned().collect();
        Self {
            n: source.n,
            words,
            answer_words,
            named,
            sentences: described
                .into_iter()
                .map(|text| SourceSentence { words: source_words(&text), negated: negated(&text.to_lowercase()), text })
                .collect(),
        }
    }

    /// An article's sentences, which may be said instead of a claim they answer.
    pub fn quotable(&self) -> impl Iterator<Item = &SourceSentence> {
        self.sentences.iter().filter(|_| self.named.is_none())
    }

    /// Whether the article's sentence closest to a claim by their words says no.
    pub fn refuses(&self, claim: &[String]) -> bool {
        let shared = |t: &SourceSentence| claim.iter().filter(|w| t.words.contains(w)).count();
        self.quotable().filter(|t| shared(t) > 0).max_by_key(|t| shared(t)).is_some_and(|t| t.negated)
    }

    /// The product's description's sentence that shares the most of the question's words beyond
    /// the product's name (`asked`), and at least half of them, with how many it shares: "up to
    /// 12 hours of battery life" for "can the Beats Flex last 12 hours on a charge?". A question
    /// that names the product and asks nothing more ("what can I do with the Potatoes?") gets the
    /// description's first sentence.
    pub fn describing(&self, asked: &[String]) -> Option<(usize, String)> {
        let (named, about) = self.beyond_name(asked)?;
        if about.is_empty() && !named.is_empty() && named.iter().all(|w| asked.contains(w)) {
            return self.sentences.first().map(|t| (0, self.quoted(t)));
        }
        let shared = |t: &SourceSentence| about.iter().filter(|w| t.words.contains(w)).count();
        let best = self.sentences.iter().rev().max_by_key(|t| shared(t))?;
        let n = shared(best);
        (n > 0 && 2 * n >= about.len()).then(|| (n, self.quoted(best)))
    }

    /// A product's description's first sentence, quoted with its number; none for an article.
    pub fn opening(&self) -> Option<String> {
        self.named.as_ref().and(self.sentences.first()).map(|t| self.quoted(t))
    }

    /// The product's description's sentence that says, with no word of refusal, what a denial
    /// denies: every word of it but the product's name ("Its non-stick coating ensures easy food
    /// release" against "the Pan is not non-stick"), quoted with its number.
    pub fn affirmed(&self, denied: &[String]) -> Option<String> {
        let (_, about) = self.beyond_name(denied)?;
        if about.is_empty() {
            return None;
        }
        let says = |t: &&SourceSentence| !t.negated && about.iter().all(|w| t.words.contains(w));
        self.sentences.iter().find(says).map(|t| self.quoted(t))
    }

    /// A product's name's words, and those of `words` beyond them; `None` for an article.
    fn beyond_name<'w>(&self, words: &'w [String]) -> Option<(&Vec<String>, Vec<&'w String>)> {
        let named = self.named.as_ref()?;
        Some((named, words.iter().filter(|w| !named.contains(w)).collect()))
    }

    /// A sentence of the source as it is said instead, with the source's number.
    fn quoted(&self, sentence: &SourceSentence) -> String {
        format!("{} [{}]", sentence.text, self.n)
    }
}
