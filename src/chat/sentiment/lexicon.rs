//! How the shopper feels, from their words: a small lexicon with negation, intensifiers,
//! capitals and exclamation marks (the approach of VADER, tuned to shopping and support).
//! Measured with `aisle eval sentiment prompts/sentiment-examples.jsonl` (its tuning set).
use super::Label;
use crate::domain::folded;
use crate::prompts::mood::{Mood, key, tokens};
use std::sync::LazyLock;

const WORDS: &[(&str, f32)] = &[
    // Anger and distress.
    ("furious", -3.5),
    ("outraged", -3.5),
    ("disgusting", -3.0),
    ("unacceptable", -3.0),
    ("scam", -3.5),
    ("fraud", -3.5),
    ("scammed", -3.5),
    ("ripoff", -3.0),
    ("rip-off", -3.0),
    ("worst", -3.0),
    ("hate", -3.0),
    ("terrible", -3.0),
    ("horrible", -3.0),
    ("awful", -3.0),
    ("pathetic", -3.0),
    ("ridiculous", -2.5),
    ("useless", -3.0),
    ("garbage", -3.0),
    ("trash", -2.5),
    ("crap", -3.0),
    ("sucks", -2.5),
    ("angry", -3.0),
    ("livid", -3.5),
    ("lied", -3.0),
    ("liars", -3.0),
    ("joke", -1.5),
    ("incompetent", -3.0),
    ("nightmare", -3.0),
    ("disgrace", -3.0),
    ("shameful", -2.5),
    ("never again", -3.0),
    ("fed up", -3.0),
    ("sick of", -3.0),
    ("waste", -2.0),
    ("you people", -2.0),
    ("kidding me", -2.0),
    ("lawyer", -2.5),
    ("chargeback", -2.5),
    ("dispute", -1.5),
    ("stolen", -2.5),
    ("insane", -2.0),
    ("damn", -2.0),
    ("wtf", -3.0),
    ("hopeless", -2.5),
    ("robbed", -3.0),
    // Disappointment and problems.
    ("disappointed", -2.0),
    ("disappointing", -2.0),
    ("frustrated", -2.0),
    ("frustrating", -2.0),
    ("annoyed", -2.0),
    ("annoying", -2.0),
    ("upset", -2.0),
    ("unhappy", -2.0),
    ("bad", -1.5),
    ("poor", -1.5),
    ("broken", -1.5),
    ("damaged", -1.5),
    ("defective", -1.8),
    ("wrong", -1.2),
    ("missing", -1.2),
    ("late", -1.0),
    ("delayed", -1.0),
    ("still", -0.5),
    ("again", -0.5),
    ("yet", -0.3),
    ("problem", -1.0),
    ("issue", -0.8),
    ("complaint", -1.5),
    ("slow", -1.0),
    ("cheap", -0.8),
    ("fake", -2.0),
    ("rude", -2.5),
    ("ignored", -2.0),
    ("unresponsive", -2.0),
    ("confusing", -1.0),
    ("worried", -1.2),
    ("sad", -1.5),
    ("never arrived", -2.0),
    ("not arrived", -1.5),
    ("no one", -1.0),
    ("nobody", -1.0),
    ("refuse", -1.0),
    ("cancel", -0.5),
    ("ugh", -1.5),
    ("unbelievable", -1.5),
    // Contentment.
    ("thanks", 1.5),
    ("thank", 1.5),
    ("great", 2.0),
    ("love", 2.5),
    ("loved", 2.5),
    ("perfect", 2.5),
    ("awesome", 2.5),
    ("excellent", 2.5),
    ("amazing", 2.5),
    ("wonderful", 2.5),
    ("fantastic", 2.5),
    ("happy", 2.0),
    ("glad", 1.8),
    ("helpful", 2.0),
    ("good", 1.5),
    ("nice", 1.5),
    ("pleased", 2.0),
    ("appreciate", 2.0),
    ("brilliant", 2.5),
    ("superb", 2.5),
    ("best", 2.0),
    ("fast", 1.0),
    ("quick", 1.0),
    ("cool", 1.2),
    ("lovely", 2.0),
    ("satisfied", 1.8),
    ("works", 1.0),
    ("recommend", 1.5),
];

const NEGATIONS: &[&str] =
    &["not", "no", "never", "isn't", "wasn't", "don't", "doesn't", "didn't", "can't", "won't", "hardly", "nothing"];
/// Words that soften what follows ("a bit disappointed").
const DAMPENERS: &[&str] = &["bit", "little", "slightly", "somewhat", "kinda", "mildly"];
const BOOSTERS: &[&str] = &["very", "so", "extremely", "really", "totally", "absolutely", "completely", "utterly"];

/// The English lexicon above, as every language's words are read.
fn english() -> &'static Mood {
    static ENGLISH: LazyLock<Mood> =
        LazyLock::new(|| Mood::from_words(WORDS.iter().copied(), NEGATIONS, BOOSTERS, DAMPENERS));
    &ENGLISH
}

/// -1 (furious) .. 1 (delighted), by the English lexicon.
pub fn score(text: &str) -> f32 {
    score_in(text, english())
}

/// -1 (furious) .. 1 (delighted), by one language's lexicon, read on the shopper's own words.
pub fn score_in(text: &str, mood: &Mood) -> f32 {
    // A negation or a booster reaches no further than its clause: "no problem, thanks" thanks.
    let mut total: f32 = text
        .split([',', '.', ';', ':', '!', '?', '，', '。', '；', '：', '！', '？', '、'])
        .map(|clause| if mood.unspaced { characters(clause, mood) } else { words(clause, mood) })
        .sum();
    let bangs = text.matches(['!', '！']).count().min(4) as f32;
    if total != 0.0 {
        total += total.signum() * bangs * 0.3;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    // A whole message in capitals is shouting.
    if letters.len() > 12 && letters.iter().all(|c| c.is_uppercase()) {
        total -= 3.0;
    }
    total / (total * total + 15.0).sqrt()
}

/// A weight as the words around it change it: boosted, dampened, or turned round ("not happy" is
/// negative; "not bad" is mildly positive).
fn shaded(mut v: f32, boosted: bool, dampened: bool, negated: bool) -> f32 {
    if boosted {
        v *= 1.3;
    }
    if dampened {
        v *= 0.6;
    }
    if negated {
        v = if v > 0.0 { -v * 0.9 } else { -v * 0.3 };
    }
    v
}

/// The feeling in a clause written with spaces: word by word, then phrases.
fn words(text: &str, mood: &Mood) -> f32 {
    let raw: Vec<&str> = tokens(text).collect();
    let words: Vec<String> = raw.iter().map(|w| key(w)).collect();
    let any = |span: &[String], list: &[String]| span.iter().any(|w| list.contains(w));
    let mut total = 0.0f32;
    for (i, w) in words.iter().enumerate() {
        // "l'arnaque" is "arnaque".
        let after_elision = w.rsplit(['\'', '’']).next().unwrap_or(w);
        let Some(mut v) = mood.weight(w).or_else(|| mood.weight(after_elision)) else { continue };
        // SHOUTING a word makes it count more.
        if raw[i].chars().count() > 2 && raw[i].chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            v *= 1.4;
        }
        let before = &words[i.saturating_sub(3)..i];
        let after = &words[i + 1..(i + 3).min(words.len())];
        let negated = any(before, &mood.negations) || any(after, &mood.negations_after);
        total += shaded(v, any(before, &mood.boosters), any(before, &mood.dampeners), negated);
    }
    let joined = format!(" {} ", words.join(" "));
    for (phrase, v) in &mood.phrases {
        total += v * joined.matches(phrase.as_str()).count() as f32;
    }
    total
}

/// The feeling in a clause written without spaces (Chinese, Japanese): the longest words first,
/// each character read once, with the few characters around a word shading it.
fn characters(text: &str, mood: &Mood) -> f32 {
    let chars: Vec<char> = folded(text, true).chars().collect();
    let mut used = vec![false; chars.len()];
    let window = |from: usize, to: usize| chars[from..to.min(chars.len())].iter().collect::<String>();
    let any = |span: &str, list: &[String]| list.iter().any(|w| span.contains(w.as_str()));
    let mut total = 0.0f32;
    for (word, v) in &mood.phrases {
        let word: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i + word.len() <= chars.len() {
            let end = i + word.len();
            if chars[i..end] != word[..] || used[i..end].iter().any(|u| *u) {
                i += 1;
                continue;
            }
            used[i..end].iter_mut().for_each(|u| *u = true);
            let before = window(i.saturating_sub(4), i);
            let negated = any(&before, &mood.negations) || any(&window(end, end + 5), &mood.negations_after);
            total += shaded(*v, any(&before, &mood.boosters), any(&before, &mood.dampeners), negated);
            i = end;
        }
    }
    total
}

pub fn label(score: f32) -> Label {
    if score <= -0.2 {
        Label::Negative
    } else if score >= 0.2 {
        Label::Positive
    } else {
        Label::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::super::STRONGLY_NEGATIVE;
    use super::*;

    #[test]
    fn anger_is_strongly_negative_and_a_plain_question_is_neutral() {
        assert!(score("This is the WORST service ever, I want my money back!!!") < STRONGLY_NEGATIVE);
        assert_eq!(label(score("Do you have wireless earphones under $50?")), Label::Neutral);
        assert_eq!(label(score("Great, thanks a lot!")), Label::Positive);
    }

    #[test]
    fn negation_flips_the_meaning() {
        assert_eq!(label(score("I am not happy with this order")), Label::Negative);
        assert!(score("not bad at all") > score("bad"));
    }

    /// Each language's own words, read on the shopper's text: anger that brings in a person, a
    /// negation that turns a problem into none, praise, and a word inside a longer one.
    #[test]
    fn other_languages_are_read_in_their_own_words() {
        use crate::domain::Language;
        let prompts = crate::prompts::Prompts::load("Demo Shop", 80).expect("prompts");
        let read = |lang: Language, text: &str| score_in(text, &prompts.texts(lang).mood);
        for (lang, angry, calm, pleased) in [
            (
                Language::Es,
                "Estoy furiosa, son unos estafadores",
                "No hay ningún problema",
                "Muchas gracias, es perfecto",
            ),
            (
                Language::Fr,
                "Je suis furieux, c'est une arnaque",
                "Pas de problème, j'attendrai",
                "J'adore, c'est parfait",
            ),
            (Language::De, "Ich bin wütend, das ist Betrug", "Kein Problem, ich warte", "Perfekt, vielen Dank"),
            (Language::Zh, "气死我了，你们是骗子", "没问题，我等一下", "质量不错，很满意"),
            (Language::Ja, "最悪です、詐欺ですよ", "問題ありません", "とても満足しています"),
        ] {
            assert!(read(lang, angry) <= STRONGLY_NEGATIVE, "{lang}: {angry} {}", read(lang, angry));
            assert_eq!(label(read(lang, calm)), Label::Neutral, "{lang}: {calm} {}", read(lang, calm));
            assert_eq!(label(read(lang, pleased)), Label::Positive, "{lang}: {pleased} {}", read(lang, pleased));
        }
        // Disappointed is negative, not a reason to bring in a person; without accents too.
        let let_down = read(Language::Es, "Estoy un poco decepcionado con el envio");
        assert!(label(let_down) == Label::Negative && let_down > STRONGLY_NEGATIVE, "{let_down}");
        assert_eq!(label(read(Language::Ja, "嬉しくないです")), Label::Negative);
        assert_eq!(label(read(Language::De, "Das ist nicht gut")), Label::Negative);
    }
}
