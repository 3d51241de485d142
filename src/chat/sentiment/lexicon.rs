//! How the shopper feels, from their words: a small lexicon with negation, intensifiers,
//! capitals and exclamation marks (the approach of VADER, tuned to shopping and support).
//! Measured with `aisle eval sentiment prompts/sentiment-examples.jsonl` (its tuning set).
use super::Label;

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

fn word_score(w: &str) -> Option<f32> {
    WORDS.iter().find(|(k, _)| !k.contains(' ') && *k == w).map(|(_, v)| *v)
}

/// -1 (furious) .. 1 (delighted).
pub fn score(text: &str) -> f32 {
    let lower = text.to_lowercase();
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = raw
        .iter()
        .map(|w| w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').to_string())
        .collect();
    let mut total = 0.0f32;
    for (i, w) in words.iter().enumerate() {
        let Some(mut v) = word_score(w) else { continue };
        // SHOUTING a word makes it count more.
        let original = raw[i].trim_matches(|c: char| !c.is_alphabetic());
        if original.len() > 2 && original.chars().all(|c| c.is_uppercase()) {
            v *= 1.4;
        }
        let before = &words[i.saturating_sub(3)..i];
        if before.iter().any(|b| BOOSTERS.contains(&b.as_str())) {
            v *= 1.3;
        }
        if before.iter().any(|b| DAMPENERS.contains(&b.as_str())) {
            v *= 0.6;
        }
        // "not happy" is negative; "not bad" is mildly positive.
        if before.iter().any(|b| NEGATIONS.contains(&b.as_str())) {
            v = if v > 0.0 { -v * 0.9 } else { -v * 0.3 };
        }
        total += v;
    }
    for (phrase, v) in WORDS.iter().filter(|(k, _)| k.contains(' ')) {
        total += v * lower.matches(phrase).count() as f32;
    }
    let bangs = text.matches('!').count().min(4) as f32;
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
}
