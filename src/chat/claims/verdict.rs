//! A yes or a no the model opens a sentence with ("Yes, your ice cream will survive the trip")
//! is a claim like a price: what it says yes or no to must be written in one of the answer's
//! sources. The model may not infer a policy the articles do not state, nor agree with the
//! shopper's own words ("survive the trip") that no source uses. Nor may it say them back with no
//! yes at all ("The ice cream will survive the trip"): for a yes-or-no question, that sentence is
//! the verdict (`restates`); for an open question, what it adds to the question's words is the
//! answer, and a source must hold it ("The Knife's blade is made of steel": `holds_answer`).
use super::words::is_number;
use regex_lite::Regex;
use std::sync::LazyLock;

/// How an answer opens with a yes, followed by a comma, a stop or a space.
const YES: &[&str] = &["yes", "yep", "yeah", "sure", "of course", "absolutely", "certainly", "definitely", "indeed"];
/// How an answer opens with a no: only before punctuation ("No, ..."), as "no need to" and "no
/// problem" are not verdicts.
const NO: &[&str] = &["no", "nope", "unfortunately"];

/// Auxiliaries that open a question answered with yes or no ("can I...", "is it...").
const ASKS: &[&str] = &[
    "can", "could", "will", "would", "do", "does", "did", "is", "are", "was", "were", "should", "shall", "may",
    "might", "have", "has", "am", "isn't", "aren't", "don't", "doesn't", "won't", "can't",
];

/// Whether a question asks for a yes or a no: one of its clauses opens with an auxiliary ("The
/// sofa dropped in price, do I get money back?").
pub(super) fn asks_yes_or_no(question: &str) -> bool {
    question.to_lowercase().split([',', ';', '.', '?', '!', '\n']).any(|clause| {
        let first = clause.split_whitespace().next().unwrap_or_default();
        ASKS.contains(&first)
    })
}

/// Words after "what" or "which" that ask no kind of thing ("what is it made of?").
#[rustfmt::skip]
const NO_KIND: &[&str] = &["is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would",
    "should", "has", "have", "about", "else", "if", "of", "to", "for", "the", "a", "an", "it", "they", "i", "you"];

/// Whether a question asks for a kind of thing or a count: "what fruit", "which kind of steel",
/// "how many speakers"; not "what is it made of?".
pub(super) fn asks_kind(question: &str) -> bool {
    let lower = question.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|w| match w {
        ["how", "many"] => true,
        ["what" | "which", next] => !NO_KIND.contains(next),
        _ => false,
    })
}

/// The verdict a sentence opens with, true for a yes, and what it says after it.
/// `asked_yes_or_no`: "Sure," and "Of course" are politeness unless the question asked for one.
pub(super) fn verdict(sentence: &str, asked_yes_or_no: bool) -> Option<(bool, &str)> {
    let body = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = body.to_lowercase();
    let opens = |w: &str, punct_only: bool| {
        let rest = lower.strip_prefix(w)?;
        let next = rest.chars().next();
        let ok = match next {
            None => true,
            Some(c) if punct_only => ",.!;:—–-".contains(c),
            Some(c) => !c.is_alphanumeric() && c != '\'' && c != '’',
        };
        ok.then(|| &body[w.len()..])
    };
    let plain = |w: &&str| matches!(*w, "yes" | "no" | "yep" | "nope" | "yeah");
    for (yes, list) in [(true, YES), (false, NO)] {
        for w in list.iter().filter(|w| asked_yes_or_no || plain(w)) {
            if let Some(rest) = opens(w, !yes || *w != "yes") {
                return Some((yes, rest.trim_start_matches(|c: char| !c.is_alphanumeric())));
            }
        }
    }
    None
}

/// How a sentence says it does not know rather than what is so ("I couldn't find whether it is
/// dishwasher safe", "the description does not mention a grill"): no verdict, whatever its words.
#[rustfmt::skip]
const HEDGES: &[&str] = &["whether", "information", "mention", "specif", "not sure", "unsure", "don't know",
    "do not know", "couldn't", "could not", "can't confirm", "cannot confirm", "unable", "unclear", "not clear",
    "contact", "recommend", "check with", "details", "not listed", "not provided", "doesn't say",
    "does not say", "doesn't state", "does not state", "not stated", "not known", "no data", "i'm afraid i"];

/// Whether a sentence says it does not know (`HEDGES`).
pub(super) fn hedges(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    HEDGES.iter().any(|h| lower.contains(h))
}

/// Where a sentence's clauses meet: a comma, a colon or a semicolon, or a word that joins two.
static CLAUSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:]|\s(?:but|so|although|though|however|because|while|since)\s").expect("valid clause pattern")
});

/// What a sentence says beside its hedging: its clauses that do not say they do not know ("The
/// Generic Motorcycle is designed for speed and agility" of "..., so its top speed is not
/// specified").
pub(super) fn unhedged(sentence: &str) -> Vec<&str> {
    CLAUSES.split(sentence).filter(|c| !hedges(c)).collect()
}

/// Whether a sentence answers a yes-or-no question by saying the question's words back, with no
/// yes or no before them ("The ice cream will survive the trip to your house" for "will my ice
/// cream survive the trip?"): it is the answer's verdict all the same. It shares at least half of
/// the question's words (two at least, or its one), and does not ask or say it does not know.
pub(super) fn restates(sentence: &str, claim: &[String], asked: &[String]) -> bool {
    if asked.is_empty() || sentence.trim_end().ends_with('?') || hedges(sentence) {
        return false;
    }
    let shared = asked.iter().filter(|w| claim.contains(w)).count();
    shared >= asked.len().min(2) && 2 * shared >= asked.len()
}

/// How many of a claim's words a source may lack: one ("Yes, you can pay with PayPal at
/// checkout" and "We accept ... PayPal"), or a quarter of a long claim.
pub(super) fn may_lack(claim: usize) -> usize {
    (claim / 4).max(1)
}

/// Whether a source, by its words, holds what a claim says: every number of it ("Yes, within
/// 45 days" is the shopper's 45, not the catalog's 30), every word of it the shopper `asked`
/// with ("a sofa bed", "survive the trip": agreeing to the question's own words is no source),
/// and all but `may_lack` of its other words (the model's phrasing: "at checkout").
pub(super) fn holds(claim: &[String], source: &[String], asked: &[String]) -> bool {
    let lacking: Vec<&String> = claim.iter().filter(|w| !source.contains(w)).collect();
    lacking.len() <= may_lack(claim.len()) && !lacking.iter().any(|w| is_number(w) || asked.contains(w))
}

/// Whether a source holds a sentence that answers an open question by saying its words back
/// (`restates`): what it adds to the question's words is the answer, and the source may lack
/// none of a short one ("steel", "stainless steel" for "what is the case made of?"), and one, or
/// a quarter, of three words or more (the model's phrasing: "fast, reliable charging"), but no
/// number. The shopper's own words are its context ("for a $20 basket, shipping is $4.99"), unless
/// they are all it says ("The Chopping Board is made of wood" for "what wood is it made of?"):
/// then it is held like a yes.
pub(super) fn holds_answer(claim: &[String], source: &[String], asked: &[String]) -> bool {
    let answer: Vec<&String> = claim.iter().filter(|w| !asked.contains(w)).collect();
    if answer.is_empty() {
        return holds(claim, source, asked);
    }
    let lacking: Vec<&&String> = answer.iter().filter(|w| !source.contains(w)).collect();
    let may_lack = if answer.len() >= 3 { may_lack(answer.len()) } else { 0 };
    lacking.len() <= may_lack && !lacking.iter().any(|w| is_number(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::claims::words::{claim_words, source_words};

    #[test]
    fn a_sentence_opens_with_a_verdict_only_when_it_answers_yes_or_no() {
        assert_eq!(
            verdict("Yes, your ice cream will survive the trip.", false),
            Some((true, "your ice cream will survive the trip."))
        );
        assert_eq!(verdict("No. Groceries cannot be returned.", false), Some((false, "Groceries cannot be returned.")));
        assert_eq!(verdict("Unfortunately, we can't.", true), Some((false, "we can't.")));
        assert_eq!(verdict("Of course! Gift wrapping costs $3.99 [1].", true).map(|v| v.0), Some(true));
        assert_eq!(verdict("Of course! Gift wrapping costs $3.99 [1].", false), None);
        assert_eq!(verdict("No problem, here it is.", true), None);
        assert_eq!(verdict("Nobody can see it.", true), None);
        assert_eq!(verdict("Yesterday's order shipped.", true), None);
        assert_eq!(verdict("The kettle is covered.", true), None);
    }

    #[test]
    fn a_question_asks_for_a_kind_of_thing_when_what_names_one() {
        for q in ["What fruit is the Juice made from?", "Which kind of steel is it?", "How many speakers does it have?"]
        {
            assert!(asks_kind(q), "{q}");
        }
        for q in ["What is the Juice made from?", "What does it do?", "Which is cheaper?", "Is it red?"] {
            assert!(!asks_kind(q), "{q}");
        }
    }

    #[test]
    fn a_sentence_saying_the_questions_words_back_is_its_verdict() {
        let restates =
            |sentence: &str, question: &str| restates(sentence, &claim_words(sentence), &claim_words(question));
        let ice = "Will my ice cream survive the trip to my house?";
        assert!(restates("The ice cream in [1] will survive the trip to your house.", ice));
        assert!(restates("It will survive the trip just fine.", "Will my ice cream survive the trip?"));
        assert!(restates("It is vegan.", "Is it vegan?"));
        assert!(restates("The Scooter Motorcycle is powered by petrol.", "Is the Scooter Motorcycle electric?"));
        // Words of the question said in passing, a question back, and not knowing are no verdict.
        assert!(!restates("Groceries are delivered to your house in insulated packaging.", ice));
        assert!(!restates("Would you like to know more about the ice cream's trip?", ice));
        assert!(!restates("I couldn't find whether the ice cream survives the trip.", ice));
        assert!(!restates(
            "The description does not mention a grill function.",
            "Does the Microwave Oven have a grill function?"
        ));
    }

    #[test]
    fn an_open_questions_answer_is_what_the_sentence_adds_to_its_words() {
        let knife = source_words("The Knife is an essential kitchen tool. Its sharp blade and ergonomic handle.");
        let asked = claim_words("What is the Knife's blade made of?");
        let holds = |sentence: &str| holds_answer(&claim_words(sentence), &knife, &asked);
        assert!(!holds("The Knife's blade is made of steel."), "one word, and the source lacks it");
        assert!(!holds("The Knife's blade is made of stainless steel."));
        assert!(holds("The Knife has a sharp blade and an ergonomic handle."));
        // Only the question's words said back are held like a yes.
        let board = source_words("The Chopping Board is made from durable material.");
        let asked = claim_words("What wood is the Chopping Board made of?");
        assert!(!holds_answer(&claim_words("The Chopping Board is made of wood."), &board, &asked));
        let charger = source_words("A high-quality charger designed for fast and efficient charging of your iPhone.");
        let asked = claim_words("What is the Apple iPhone Charger good at?");
        let said = claim_words("The charger is high-quality and designed for fast, reliable charging of iPhones.");
        assert!(holds_answer(&said, &charger, &asked), "a long answer may lack a quarter of its words");
    }

    #[test]
    fn questions_asking_for_yes_or_no_are_told_by_their_clauses() {
        assert!(asks_yes_or_no("Will my ice cream survive the trip?"));
        assert!(asks_yes_or_no("The sofa I bought dropped in price, do I get money back?"));
        assert!(!asks_yes_or_no("How long do refunds take?"));
        assert!(!asks_yes_or_no("What does shipping cost?"));
    }

    #[test]
    fn a_claim_is_held_by_a_source_with_its_words() {
        let article = claim_words(
            "Fresh groceries (fruit, vegetables, meat, fish, dairy and ice cream) are delivered in insulated packaging.",
        );
        let holds =
            |claim: &str, source: &[String], asked: &str| holds(&claim_words(claim), source, &claim_words(asked));
        let asked = "will my ice cream survive the trip?";
        assert!(!holds("your ice cream will survive the trip", &article, asked));
        assert!(holds("ice cream is delivered in insulated packaging", &article, asked));
        let methods = claim_words("We accept Visa, Mastercard, PayPal, Apple Pay and Google Pay.");
        assert!(holds("you can pay with PayPal at checkout", &methods, "can I pay with PayPal?"));
        assert!(!holds("you can pay in bitcoin at checkout", &methods, "can I pay in bitcoin?"));
        // A number is never one a source may lack, nor a word of the question.
        let product = claim_words("iPhone X. 30 days return policy. Ships in 1 week. A sofa.");
        assert!(holds("you can return the iPhone X within 30 days", &product, "can I return it?"));
        assert!(!holds("you can return the iPhone X within 45 days", &product, "can I return it?"));
        assert!(!holds("the sofa is not a sofa bed", &product, "is the sofa a sofa bed?"));
        // A light verb or a word of quantity the source says its own way is no claim of its own.
        let sink = claim_words("The Wooden Sink with Mirror features a wooden countertop and a matching mirror.");
        assert!(holds("the Wooden Sink with Mirror comes with a mirror", &sink, "does it come with a mirror?"));
        assert!(!holds(
            "the Wooden Sink with Mirror comes with a towel rail",
            &sink,
            "does it come with a towel rail?"
        ));
    }
}
