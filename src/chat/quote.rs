//! Questions the help articles answer, answered in the articles' own words: the sentences of the
//! retrieved passages closest to the question, chosen by code and quoted with their source
//! number. No model writes a policy, so what the shopper reads is what the editor wrote.
use crate::domain::names_clock_time;
use crate::retrieval::vector::dot;

/// Below this, no sentence answers the question well enough to be quoted alone.
const MIN_SCORE: f32 = 0.35;
/// A second sentence is quoted when it is about as close to the question as the best one.
const CLOSE: f32 = 0.08;
/// At most this many sentences of a long article are quoted.
const MAX_SENTENCES: usize = 2;
/// An article this long or shorter (in characters) is quoted whole.
const SHORT_ARTICLE: usize = 400;
/// Weight of the question's own words found in a sentence, beside the embeddings' cosine:
/// "perfume" in the question should find the sentence about perfumes.
const WORDS: f32 = 0.25;

/// Weight of a sentence holding the kind of answer the question asks for (a duration for "how
/// long", an amount for "how much").
const KIND: f32 = 0.15;
/// Weight of coming from the best-ranked source.
const FIRST: f32 = 0.05;
/// A sentence this close to the question answers it even when they share no word ("vouchers"
/// and "gift cards"); below it, the sentence must hold one of the words the question is about.
const STRONG: f32 = 0.40;

/// Weight of a question editors wrote for a sentence's answer being closer to the shopper's
/// than the sentence itself is: "will the recipient see what I paid?" is far from "Prices are
/// left off the packing slip", close to the editor's "will the person I send a gift to see
/// the price?".
const ASKED: f32 = 0.5;
/// A question editors wrote this close to the shopper's says what is asked as surely as a very
/// close sentence (96% of the seen policy questions this close name the right article).
const ASKED_CLOSE: f32 = 0.7;

/// How close to the question the best sentence must be to be quoted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bar {
    /// The question is about what the articles cover: close enough, or sharing its words.
    Usual,
    /// A product was found first: an article answers only a question very close in meaning to
    /// one of its sentences ("can I test ride the Z800?" and "test drives can be booked at
    /// partner dealers"), whatever words they share.
    Strong,
}

/// A sentence of a source and its vector (embedded after its article's title, which ties it to
/// what the article is about).
#[derive(Clone)]
pub struct Candidate {
    pub n: usize,
    /// The article's title: what the sentence is about when it does not say.
    pub title: String,
    pub text: String,
    /// The paragraph it is in (its passage, and its place there): sentences of one paragraph
    /// say one thing together.
    pub paragraph: (usize, usize),
    pub vector: Vec<f32>,
    /// How close the shopper's question is to the closest question editors wrote for this
    /// sentence's answer (or, for a sentence no answer holds, for its article, less a little);
    /// `None` for an article without questions.
    pub asked: Option<f32>,
}

impl Candidate {
    /// How much closer to the question an editor's question for this sentence is than the
    /// sentence itself: never less than nothing, so an article without questions, or a question
    /// worded like its sentence, scores as before.
    fn lift(&self, asked: &[f32]) -> f32 {
        self.asked.map_or(0.0, |q| (q - dot(asked, &self.vector)).max(0.0))
    }
}

/// What a sentence must hold to answer a question asked this way.
#[derive(Clone, Copy, PartialEq)]
enum Wants {
    Duration,
    Amount,
    /// A time of day: a question told with a clock time or "what time" ("if I order at 3 pm",
    /// "will anyone pick up at 7:30 on a Saturday?") is answered by the sentence that names
    /// hours ("before 2 pm", "from 9 am to 5 pm").
    TimeOfDay,
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
/// A time of day asked without a clock time. Not a part of the day alone: "can I ring on a
/// Sunday afternoon?" asks about Sundays, which the hours' sentence does not answer.
const TIME_OF_DAY_CUES: &[&str] = &["what time", "o'clock", "cut-off", "cutoff", "latest time", "earliest time"];

fn wants(question: &str) -> Wants {
    let q = format!(" {} ", question.to_lowercase());
    if AMOUNT_CUES.iter().any(|c| q.contains(c)) {
        Wants::Amount
    } else if names_clock_time(question) || TIME_OF_DAY_CUES.iter().any(|c| q.contains(c)) {
        Wants::TimeOfDay
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
        Wants::TimeOfDay => names_clock_time(&lower),
        Wants::Duration => words.windows(2).chain(words.windows(3)).any(|w| {
            let number =
                w[0].chars().next().is_some_and(|c| c.is_ascii_digit()) || matches!(w[0], "one" | "two" | "three");
            number && w[1..].iter().any(|u| UNITS.iter().any(|unit| u.starts_with(unit)))
        }),
    }
}

/// Stems of words that ask rather than name what is asked about.
const GENERIC: &[&str] = &[
    "much", "cost", "costs", "price", "charg", "long", "many", "does", "take", "takes", "have", "your", "with", "what",
    "when", "will", "this", "that", "need", "want", "know", "tell", "pleas", "thank", "still", "right", "reall",
];

/// Words that carry meaning, cut to a stem ("perfumes" and "perfume" meet): three letters are
/// enough for a word that is not one of the commonest ("car", "tax", "fee", "app"), and a short
/// plural meets its singular ("cars", "car").
pub(super) fn stems(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &["about", "after", "would", "could", "there", "their", "where", "which", "these", "those"];
    #[rustfmt::skip]
    const SHORT: &[&str] = &["the", "and", "for", "you", "can", "how", "are", "was", "did", "get", "got", "any", "all",
        "but", "not", "our", "out", "has", "had", "its", "may", "one", "two", "who", "why", "use", "buy", "now", "yet",
        "per", "off", "too", "own", "new", "see", "say", "let", "put", "ask", "way", "her", "him", "his", "she", "yes",
        "ago", "via", "won", "don", "isn", "didn", "goe", "doe", "thi", "thu", "plu"];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| match w.strip_suffix('s') {
            Some(base) if w.len() == 4 && !base.ends_with('s') => base,
            _ => w,
        })
        .filter(|w| w.len() >= 3 && !COMMON.contains(w) && !SHORT.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Tokens with letters and digits that are not a time or a quantity ("PS5", "WH-1000XM5", but
/// not "2pm" or "3rd"), lowercased.
fn model_numbers(question: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &["am", "pm", "st", "nd", "rd", "th", "h", "d", "kg", "g", "cm", "mm", "m", "x"];
    question
        .split(|c: char| c.is_whitespace() || ",.?!;:()\"'".contains(c))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let unit = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '$');
            !SUFFIXES.contains(&unit.to_lowercase().as_str())
        })
        .map(str::to_lowercase)
        .collect()
}

/// Whether sentences (an article, a paragraph) are short enough to be quoted together.
fn short(sentences: &[&Candidate]) -> bool {
    sentences.iter().map(|c| c.text.len() + 1).sum::<usize>() <= SHORT_ARTICLE
}

/// The answer quoted from `candidates` for a question with vector `asked` and text `question`:
/// the closest sentence, and the next closest when it is nearly as close, best first, each
/// followed by its source number. `None` when no sentence is close enough for `bar`.
pub fn quote(question: &str, asked: &[f32], candidates: &[Candidate], bar: Bar) -> Option<(String, Vec<usize>)> {
    let words = stems(question);
    // A question naming a model ("the PS5", "WH-1000XM5") is about that product: an article that
    // never names it does not answer it, however close its sentences.
    let models = model_numbers(question);
    let names = |c: &Candidate| {
        let text = format!("{} {}", c.title, c.text).to_lowercase();
        models.iter().any(|m| text.contains(m.as_str()))
    };
    if !models.is_empty() && !candidates.iter().any(names) {
        return None;
    }
    let wanted = wants(question);
    let first = candidates.first().map(|c| c.n);
    let score = |c: &Candidate| {
        let shared = stems(&c.text).iter().filter(|w| words.contains(w)).count();
        let kind = if holds(&c.text, wanted) { KIND } else { 0.0 };
        let rank = if Some(c.n) == first { FIRST } else { 0.0 };
        dot(asked, &c.vector) + WORDS * shared as f32 / words.len().max(1) as f32 + kind + rank + ASKED * c.lift(asked)
    };
    let mut scored: Vec<(f32, &Candidate)> = candidates.iter().map(|c| (score(c), c)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, top) = scored.first().copied()?;
    let very_close = dot(asked, &top.vector) >= STRONG || top.asked.is_some_and(|q| q >= ASKED_CLOSE);
    tracing::debug!(score = best, very_close, sentence = %top.text, "closest article sentence");
    if best < MIN_SCORE {
        return None;
    }
    // What the question is about must be in the sentence (or its article's title), unless the
    // two are very close in meaning: "How much is the PlayStation 5?" is not answered by the
    // shipping costs article, whatever its sentences' scores.
    let about: Vec<&String> = words.iter().filter(|w| !GENERIC.contains(&w.as_str())).collect();
    let said: Vec<String> = stems(&format!("{} {}", top.title, top.text));
    let on_topic = about.is_empty() || about.iter().any(|w| said.contains(w)) || very_close;
    if !on_topic || (bar == Bar::Strong && !very_close) {
        return None;
    }
    // The closest sentence, and the next when it is nearly as close. When the two articles are
    // not in doubt and the article is short, it is quoted whole, its closest sentence first: the
    // sentence closest to a question is not always the one that answers it.
    let article: Vec<&Candidate> = candidates.iter().filter(|c| c.n == top.n).collect();
    // Another article about as close puts it in doubt, unless the next closest sentence is of
    // the same article too: two sentences of it agree.
    let in_doubt = scored.iter().any(|(s, c)| c.n != top.n && *s >= best - CLOSE)
        && scored.get(1).is_none_or(|(s, c)| c.n != top.n || *s < best - CLOSE);
    let whole = short(&article) && !in_doubt;
    let mut chosen: Vec<&Candidate> = if whole {
        vec![top]
    } else {
        scored.iter().take(MAX_SENTENCES).filter(|(s, _)| *s >= best - CLOSE).map(|(_, c)| *c).collect()
    };
    // The rest of the article follows the closest sentence when it is quoted whole; otherwise the
    // rest of that sentence's paragraph, when short: "We use your personal data only to process
    // orders ..." is closest to "do you pass my data on?", the sentence after it answers.
    let paragraph: Vec<&Candidate> = article.iter().copied().filter(|c| c.paragraph == top.paragraph).collect();
    let rest = if whole {
        article
    } else if short(&paragraph) {
        paragraph
    } else {
        Vec::new()
    };
    let mates: Vec<&Candidate> = rest.into_iter().filter(|c| !chosen.iter().any(|k| std::ptr::eq(*k, *c))).collect();
    chosen.splice(1..1, mates);
    let mut text = String::new();
    let mut cited = Vec::new();
    for (i, c) in chosen.iter().enumerate() {
        // "Yes, we ship to ..." answers the article's own title; after another sentence it reads
        // as a contradiction, so a later sentence loses its yes or no.
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
        text.push_str(&s);
        // One source number after each run of sentences from the same source.
        if chosen.get(i + 1).is_none_or(|next| next.n != c.n) {
            text.push_str(&format!(" [{}]", c.n));
        }
        if !cited.contains(&c.n) {
            cited.push(c.n);
        }
    }
    Some((text, cited))
}

#[cfg(test)]
mod tests;
