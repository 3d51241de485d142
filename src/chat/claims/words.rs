//! How a claim and a source are cut into words to be compared: stems, a five-letter plural met
//! with its singular, numbers kept however short, the words any sentence is built with left
//! out, and compounds written as one or two words read as the same word.
use crate::chat::quote::stems;
use std::sync::LazyLock;

/// Words an answer says around its claim that no source needs to hold: what a sentence is
/// built with, not what it says ("your", "will", "able", "make sure").
#[rustfmt::skip]
const FRAME: &[&str] = &["will", "your", "with", "have", "that", "this", "from", "what", "when", "does", "into",
    "also", "just", "them", "they", "then", "than", "been", "were", "here", "very", "some", "such", "more", "much",
    "each", "able", "well", "make", "sure", "need", "want", "like", "know", "help", "okay", "course", "absolutely",
    "certainly", "definitely", "indeed", "unfortunately", "yeah", "nope", "shall", "might", "must", "should",
    "still", "even", "ever", "happy", "glad", "great", "good", "news", "information", "please", "thanks", "being",
    "doing", "done", "going", "both", "either", "other", "again", "once", "whose", "while", "shop", "store",
    "ours", "thing", "something", "anything", "everything", "fine", "within", "without", "simply",
    "really", "actually", "however", "note", "provided", "mentioned", "stated", "according", "based", "exactly",
    "tell",
    // Light verbs and words of quantity or worth, which a source says in its own way ("designed
    // for", "multiple", "features"): "Yes, it comes with a mirror" holds by "with a matching
    // mirror". What the claim is about (a bed, a trip, flour, Canada) is never one of them.
    "come", "came", "made", "show", "give", "gives", "take", "takes", "work", "used", "uses", "fits", "keep",
    "keeps", "holds", "include", "includes", "included", "offer", "offers", "feature", "features", "provide",
    "provides", "design", "designed", "meant", "intended", "suitable", "suited", "perfect", "ideal", "several",
    "multiple", "many", "various", "quality", "kind", "type", "option"];

/// `FRAME` as a claim's words are cut (`words_of`).
static FRAME_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| words_of(&FRAME.join(" ")));

/// The words a claim is about, without the ones any sentence is built with, and its numbers,
/// however short ("45" in "within 45 days").
pub(super) fn claim_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = words_of(text).into_iter().filter(|w| !FRAME_STEMS.contains(w)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A source's `claim_words`, and its hyphenated words written as one as well ("non-stick" as
/// "nonstick"), as a claim may write them.
pub(super) fn source_words(text: &str) -> Vec<String> {
    let joined: Vec<String> = text.split_whitespace().filter(|w| w.contains('-')).map(|w| w.replace('-', "")).collect();
    let mut out = claim_words(text);
    out.extend(claim_words(&joined.join(" ")));
    out.sort_unstable();
    out.dedup();
    out
}

/// The lowercase words of a text, hyphenated ones also written as one: how `glued` finds the
/// sources' compounds.
pub(super) fn written(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out: Vec<String> = lower.split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect();
    out.extend(
        lower.split_whitespace().filter(|w| w.contains('-')).map(|w| w.replace(|c: char| !c.is_alphanumeric(), "")),
    );
    out.retain(|w| w.len() >= 6);
    out.sort_unstable();
    out.dedup();
    out
}

/// A claim's text with two words written as one where the sources write them so ("touch
/// screen" as "touchscreen"): the same word, not one a source lacks.
pub(super) fn glued(claim: &str, written: &[String]) -> String {
    let words: Vec<&str> = claim.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).map(|next| format!("{}{next}", words[i]).to_lowercase());
        match pair.filter(|p| written.binary_search(p).is_ok()) {
            Some(p) => {
                out.push(p);
                i += 2;
            }
            None => {
                out.push(words[i].to_string());
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// A text's `stems`, a five-letter plural meeting its singular too ("ships", "ship"; "holds",
/// "hold"), which `stems` leaves to its cut at five letters, and its numbers.
fn words_of(text: &str) -> Vec<String> {
    let singular: Vec<&str> = text
        .split_whitespace()
        .map(|w| match w.trim_end_matches(|c: char| !c.is_alphanumeric()).strip_suffix('s') {
            // Not "focus", "bonus", "basis" or "glass".
            Some(base) if base.chars().count() == 4 && !base.ends_with(['s', 'u', 'i']) => base,
            _ => w,
        })
        .collect();
    let mut out = stems(&singular.join(" "));
    out.extend(text.split(|c: char| !c.is_alphanumeric()).filter(|w| is_number(w)).map(str::to_string));
    out
}

pub(super) fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::claims::verdict::holds;

    #[test]
    fn a_word_the_source_writes_as_one_or_with_a_hyphen_is_the_same_word() {
        let source = "A slim laptop with a high-resolution touchscreen display. The Pan's non-stick coating.";
        let product = source_words(source);
        let glue = |claim: &str| claim_words(&glued(claim, &written(source)));
        assert!(holds(&glue("it has a touch screen"), &product, &glue("does it have a touch screen?")));
        assert!(holds(&glue("it has a touch-screen"), &product, &[]));
        assert!(holds(&glue("the pan is nonstick"), &product, &glue("is the pan nonstick?")));
        assert!(!holds(&glue("it has a touch pen"), &product, &glue("does it have a touch pen?")));
    }
}
