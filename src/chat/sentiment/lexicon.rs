//! How the shopper feels, from their words: a small lexicon with negation, intensifiers,
//! capitals and exclamation marks (the approach of VADER, tuned to shopping and support), read
//! the same way in every language (English's words in `english.rs`, the others' in `[mood]` of
//! their `prompts/lang` file). Measured with `aisle eval sentiment FILE`; English's tuning set is
//! `prompts/sentiment-examples.jsonl`.
use super::Label;
use super::english::english;
use crate::domain::{fold, folded};
use crate::prompts::mood::Mood;

/// A message's words as the lexicon reads them, with their case kept (capitals are shouting).
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

/// One word as the lexicon compares it: lowercase, without accents.
fn key(word: &str) -> String {
    word.to_lowercase().chars().map(fold).collect()
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

/// Words of the catalog's ratings, after which "worst" or "best" ranks products.
const RATINGS: &[&str] = &["rated", "rating", "ratings", "reviews", "reviewed", "review", "scores", "scored"];

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
        // "the worst reviews", "best rated", "rated worst": a rank of the catalog's ratings, not a
        // feeling.
        let rating = |n: &String| RATINGS.contains(&n.as_str());
        if words.get(i + 1).is_some_and(rating) || i.checked_sub(1).and_then(|j| words.get(j)).is_some_and(rating) {
            continue;
        }
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
        // A rank asked of the catalog's ratings is no feeling.
        assert_eq!(label(score("Which laptop has the worst reviews?")), Label::Neutral);
        assert_eq!(label(score("the worst rated sunglasses?")), Label::Neutral);
        assert_eq!(label(score("which shoes are rated worst?")), Label::Neutral);
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
