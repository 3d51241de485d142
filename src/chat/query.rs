//! What a message is searched with: a follow-up together with the message it leans on, and a long
//! message by what it asks, within the search's limit.
use super::intent::normalise;
use crate::domain::MAX_QUERY_CHARS;

const FOLLOW_UP: &[&str] =
    &[" it ", " it?", " its ", " that ", " this ", " they ", " them ", " those ", " these ", " one ", " same "];

/// Searched beside a question that names a country but no word for going abroad ("can it go to
/// Germany?"): the shop's shipping abroad is what it asks about.
pub const ABROAD_QUERY: &str = " (shipping abroad, international delivery)";

/// A short message that leans on the previous one is searched together with it.
pub fn search_query(text: &str, previous_shopper_message: Option<&str>) -> String {
    let t = normalise(text);
    let short = t.split_whitespace().count() <= 8;
    let text = gist(text, MAX_QUERY_CHARS);
    match previous_shopper_message {
        Some(prev) if short && FOLLOW_UP.iter().any(|w| t.contains(w)) => {
            let room = MAX_QUERY_CHARS.saturating_sub(text.chars().count() + 1);
            format!("{} {text}", gist(prev, room))
        }
        _ => text,
    }
}

/// A long message as a search query of at most `max` characters that keeps what is asked: its
/// questions first (a sentence with "?"), then its last sentence (where a story ends in what the
/// shopper wants), then its first, each whole, in the message's order; a single sentence too long
/// by itself is cut at a word.
fn gist(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let sentences: Vec<&str> =
        text.split_inclusive(['?', '.', '!', '\n']).map(str::trim).filter(|s| !s.is_empty()).collect();
    let last = sentences.len().saturating_sub(1);
    let mut order: Vec<usize> = (0..sentences.len()).filter(|i| sentences[*i].contains('?')).collect();
    order.extend([last, 0]);
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0;
    for i in order {
        let len = sentences[i].chars().count() + 1;
        if !chosen.contains(&i) && used + len <= max + 1 {
            chosen.push(i);
            used += len;
        }
    }
    if chosen.is_empty() {
        let first = sentences.iter().find(|s| s.contains('?')).or(sentences.last()).copied().unwrap_or(text);
        let cut: String = first.chars().take(max).collect();
        return match cut.rfind(char::is_whitespace) {
            Some(at) if first.chars().count() > max => cut[..at].trim_end().to_string(),
            _ => cut,
        };
    }
    chosen.sort_unstable();
    chosen.iter().map(|i| sentences[*i]).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_message_is_searched_by_what_it_asks() {
        let story = "I bought a gift for my sister last month and she loved it. ".repeat(12);
        let long = format!("{story}Do you have the Beats Flex earphones in stock? Thanks a lot for your help.");
        let q = search_query(&long, None);
        assert!(q.chars().count() <= MAX_QUERY_CHARS, "{}", q.len());
        assert!(q.contains("Do you have the Beats Flex earphones in stock?"), "{q}");
        let rambling = "word ".repeat(400);
        assert!(search_query(&rambling, None).chars().count() <= MAX_QUERY_CHARS);
        let follow_up = search_query("and the price?", Some(&long));
        assert!(follow_up.chars().count() <= MAX_QUERY_CHARS && follow_up.ends_with("and the price?"), "{follow_up}");
    }

    #[test]
    fn follow_ups_borrow_the_previous_question() {
        assert_eq!(
            search_query("does it come in black?", Some("nike air jordan")),
            "nike air jordan does it come in black?"
        );
        assert_eq!(search_query("red lipstick", Some("nike air jordan")), "red lipstick");
    }
}
