//! Questions the help articles answer, answered in the articles' own words: the sentences of the
//! retrieved passages closest to the question, chosen by code and quoted with their source
//! number. No model writes a policy, so what the shopper reads is what the editor wrote.
use super::claims::sentence_end;

/// Below this, no sentence answers the question well enough to be quoted alone.
const MIN_SCORE: f32 = 0.35;
/// A second sentence is quoted when it is about as close to the question as the best one.
const CLOSE: f32 = 0.08;
/// Weight of the question's own words found in a sentence, beside the embeddings' cosine:
/// "perfume" in the question should find the sentence about perfumes.
const WORDS: f32 = 0.25;

/// Weight of a sentence holding the kind of answer the question asks for (a duration for "how
/// long", an amount for "how much").
const KIND: f32 = 0.15;
/// Weight of coming from the best-ranked source.
const FIRST: f32 = 0.05;

/// A sentence of a source and its vector (embedded after its article's title, which ties it to
/// what the article is about).
pub struct Candidate {
    pub n: usize,
    pub text: String,
    pub vector: Vec<f32>,
}

/// What a sentence must hold to answer a question asked this way.
#[derive(Clone, Copy, PartialEq)]
enum Wants {
    Duration,
    Amount,
    Anything,
}

const DURATION_CUES: &[&str] = &[
    "how long",
    "how many days",
    "how many hours",
    "how soon",
    "how quickly",
    "how fast",
    "when ",
    "valid",
    "last",
    "expire",
    "until",
];
const AMOUNT_CUES: &[&str] = &["how much", "cost", "charge", "fee", "price", "pay for", "free"];
const UNITS: &[&str] = &["minute", "hour", "day", "week", "month", "year"];

fn wants(question: &str) -> Wants {
    let q = format!(" {} ", question.to_lowercase());
    if AMOUNT_CUES.iter().any(|c| q.contains(c)) {
        Wants::Amount
    } else if DURATION_CUES.iter().any(|c| q.contains(c)) {
        Wants::Duration
    } else {
        Wants::Anything
    }
}

/// Whether a sentence holds what the question wants: a number before a unit of time, or an
/// amount of money (or "free").
fn holds(sentence: &str, wanted: Wants) -> bool {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == ',').collect();
    match wanted {
        Wants::Anything => false,
        Wants::Amount => lower.contains('$') || lower.contains("free"),
        Wants::Duration => words.windows(2).chain(words.windows(3)).any(|w| {
            let number =
                w[0].chars().next().is_some_and(|c| c.is_ascii_digit()) || matches!(w[0], "one" | "two" | "three");
            number && w[1..].iter().any(|u| UNITS.iter().any(|unit| u.starts_with(unit)))
        }),
    }
}

/// The sentences of a card's passage (cards carry it without the title), in order.
pub fn sentences(passage: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = passage;
    while !rest.trim().is_empty() {
        let end = sentence_end(rest).unwrap_or(rest.len());
        let s = rest[..end].trim();
        if s.chars().filter(|c| c.is_alphabetic()).count() >= 12 {
            out.push(s.to_string());
        }
        rest = &rest[end..];
    }
    out
}

/// Stems of words that ask rather than name what is asked about.
const GENERIC: &[&str] = &[
    "much", "cost", "costs", "price", "charg", "long", "many", "does", "take", "takes", "have", "your", "with", "what",
    "when", "will", "this", "that", "need", "want", "know", "tell", "pleas", "thank", "still", "right", "reall",
];

/// Words that carry meaning, cut to a stem ("perfumes" and "perfume" meet).
fn stems(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &["about", "after", "would", "could", "there", "their", "where", "which", "these", "those"];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !COMMON.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The answer quoted from `candidates` for a question with vector `asked` and text `question`:
/// the closest sentence, and the next closest when it is nearly as close, best first, each
/// followed by its source number. `None` when no sentence is close enough.
pub fn quote(question: &str, asked: &[f32], candidates: &[Candidate]) -> Option<(String, Vec<usize>)> {
    let words = stems(question);
    // What the question is about must be in the passages: "How much is the PlayStation 5?" is
    // not answered by the shipping costs article, whatever its sentences' scores.
    let about: Vec<&String> = words.iter().filter(|w| !GENERIC.contains(&w.as_str())).collect();
    let found: Vec<String> = candidates.iter().flat_map(|c| stems(&c.text)).collect();
    if !about.is_empty() && !about.iter().any(|w| found.contains(w)) {
        return None;
    }
    let wanted = wants(question);
    let first = candidates.first().map(|c| c.n);
    let score = |c: &Candidate| {
        let shared = stems(&c.text).iter().filter(|w| words.contains(w)).count();
        let kind = if holds(&c.text, wanted) { KIND } else { 0.0 };
        let rank = if Some(c.n) == first { FIRST } else { 0.0 };
        dot(asked, &c.vector) + WORDS * shared as f32 / words.len().max(1) as f32 + kind + rank
    };
    let mut scored: Vec<(f32, &Candidate)> = candidates.iter().map(|c| (score(c), c)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored.first().filter(|(s, _)| *s >= MIN_SCORE)?.0;
    let chosen: Vec<&Candidate> = scored.iter().take(2).filter(|(s, _)| *s >= best - CLOSE).map(|(_, c)| *c).collect();
    let mut text = String::new();
    let mut cited = Vec::new();
    for (i, c) in chosen.iter().enumerate() {
        // "Yes, we ship to ..." answers the article's own title; after another sentence it reads
        // as a contradiction, so a second sentence loses its yes or no.
        let mut s = c.text.as_str();
        if i > 0 {
            for lead in ["Yes, ", "Yes: ", "Yes. ", "No, ", "No. ", "No: "] {
                s = s.strip_prefix(lead).unwrap_or(s);
            }
        }
        let mut first = s.chars();
        let s: String = first.next().map(|f| f.to_uppercase().chain(first).collect()).unwrap_or_default();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("{s} [{}]", c.n));
        if !cited.contains(&c.n) {
            cited.push(c.n);
        }
    }
    Some((text, cited))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(n: usize, text: &str, vector: [f32; 2]) -> Candidate {
        Candidate { n, text: text.into(), vector: vector.to_vec() }
    }

    #[test]
    fn the_kind_of_answer_asked_for_is_recognised() {
        assert!(holds("We send a reset link that works for 1 hour.", wants("How long is the link valid?")));
        assert!(holds("Banks take a further 3-10 business days.", wants("when do I get my money?")));
        assert!(!holds("You can follow the return in Account > Returns.", wants("how many days until my refund")));
        assert!(holds("Below $50, standard shipping costs $4.99.", wants("is there a charge for delivery?")));
    }

    #[test]
    fn a_passage_is_cut_into_sentences() {
        let p = "Yes, we ship to most countries. Delivery takes 7-14 days.\n\nWe cannot ship perfumes.";
        assert_eq!(
            sentences(p),
            vec!["Yes, we ship to most countries.", "Delivery takes 7-14 days.", "We cannot ship perfumes."]
        );
    }

    #[test]
    fn the_closest_sentences_are_quoted_best_first_with_their_source() {
        let c = [
            candidate(1, "Yes, we ship to most countries in Europe.", [0.8, 0.6]),
            candidate(1, "We cannot ship vehicles or perfumes outside the country.", [0.75, 0.66]),
            candidate(2, "Gift wrapping costs $3.99.", [0.0, 1.0]),
        ];
        let (text, cited) = quote("Do you ship perfume to Japan?", &[1.0, 0.0], &c).expect("a quote");
        assert_eq!(
            text,
            "We cannot ship vehicles or perfumes outside the country. [1] We ship to most countries in Europe. [1]"
        );
        assert_eq!(cited, vec![1]);
        assert!(quote("Do you ship perfume?", &[0.0, -1.0], &c[..2]).is_none(), "nothing close enough");
        assert!(quote("How much is the PlayStation 5?", &[1.0, 0.0], &c).is_none(), "not what the passages are about");
    }
}
