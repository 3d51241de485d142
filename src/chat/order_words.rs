//! The words of the order desk: how a shopper gives an order number or an email, asks where an
//! order is, asks to send something back, or answers yes or no.
use super::intent::{normalise, words};
use crate::domain::{Email, OrderNumber};
use regex_lite::Regex;
use std::sync::LazyLock;

static NUMBER_AFTER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:order|ordernumber|order number|order no\.?|#)\s*(?:number|no\.?|is|:|#)?\s*#?([A-Za-z0-9][A-Za-z0-9-]{2,31})")
        .expect("the order number pattern is valid")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("the email pattern is valid")
});

pub(super) const ABOUT_AN_ORDER: &[&str] = &[
    "arrive",
    "arriving",
    "arrival",
    "tracking",
    "track",
    "shipped",
    "dispatched",
    "delivered",
    "package",
    "parcel",
    "order",
    "item",
    "items",
    "return",
    "send",
    "courier",
    "carrier",
    "late",
];
/// How a shopper asks where their order is (as against a policy question that mentions one:
/// "can my order go to Canada?", "my parcel arrived crushed"): a word, or a phrase.
const WHERE_WORDS: &[&str] = &[
    "wheres",
    "status",
    "arrive",
    "arriving",
    "coming",
    "track",
    "tracking",
    "eta",
    "late",
    "shipped",
    "dispatched",
    "expected",
];
/// "Where is ...": asked of orders as a whole too ("where are my orders?"), still the desk's.
const WHERE_IS: &[&str] = &["where is", "where are", "where's"];
const WHERE_PHRASES: &[&str] = &[
    "hasn't arrived",
    "has not arrived",
    "not arrived",
    "hasn't come",
    "not come",
    "not received",
    "never got",
    "never received",
    "never came",
    "still waiting",
    "on its way",
    "delivered yet",
    "gone out",
    "look up",
    "check my order",
    "check on my order",
    "get here",
];
pub(super) const TRACKING: &[&str] = &["track", "tracking", "carrier", "courier", "link"];
const RETURN: &[&str] = &["return", "returns", "returning", "refund"];
const YES: &[&str] =
    &["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "confirm", "y", "go", "ahead", "do", "it"];
const NO: &[&str] = &["no", "nope", "don't", "dont", "cancel", "not", "never", "mind", "stop", "n"];

/// A yes or a no, when the message is only that (with politeness).
pub fn yes_or_no(text: &str) -> Option<bool> {
    let w = words(text);
    if w.is_empty() || w.len() > 6 {
        return None;
    }
    let only =
        |set: &[&str]| w.iter().all(|x| set.contains(&x.as_str()) || ["thanks", "thank", "you"].contains(&x.as_str()));
    if w.iter().any(|x| NO.contains(&x.as_str())) && w.len() <= 4 {
        Some(false)
    } else if only(YES)
        && w.iter().any(|x| ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm", "y"].contains(&x.as_str()))
    {
        Some(true)
    } else {
        None
    }
}

/// The order number a message gives: after "order"/"#", or (when one was asked for) any
/// token shaped like one.
pub(super) fn number_in(text: &str, asked: bool) -> Option<OrderNumber> {
    let without_emails = EMAIL.replace_all(text, " ");
    if let Some(n) = NUMBER_AFTER_CUE.captures_iter(&without_emails).find_map(|c| OrderNumber::parse(&c[1]).ok()) {
        return Some(n);
    }
    if !asked {
        return None;
    }
    without_emails
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!'))
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.contains(['$', '€', '£']) && !t.contains('.'))
        .find_map(|t| OrderNumber::parse(t).ok())
}

/// Whether the message asks to send something back: "return", "refund", "money back", or
/// "send/bring/take ... back".
pub(super) fn asks_return(w: &[String]) -> bool {
    let has = |x: &str| w.iter().any(|y| y == x);
    w.iter().any(|x| RETURN.contains(&x.as_str()))
        || (has("back") && ["send", "sent", "bring", "take", "money", "ship", "give"].iter().any(|v| has(v)))
}

/// Orders as a whole, not one order: "the status of all my orders", "my order history".
const ORDERS_IN_GENERAL: &[&str] =
    &["my orders", "all orders", "order history", "past orders", "previous orders", "old orders", "every order"];
/// Where in the shop something is seen: a question about the site, not about a parcel.
const WHERE_TO_LOOK: &[&str] = &["where do i", "where can i", "how do i", "how can i", "how to", "is there a page"];
const LOOK: &[&str] = &["see", "view", "find", "check", "look", "history"];

/// Whether the message asks where an order is, or how it is coming ("where's my parcel?",
/// "has it shipped?"); not where the shop shows orders as a whole (`where_orders_are_shown`).
pub(super) fn asks_where(text: &str) -> bool {
    let t = normalise(text);
    let w = words(text);
    let phrase = |p: &&str| t.contains(p);
    (w.iter().any(|x| WHERE_WORDS.contains(&x.as_str()))
        || WHERE_IS.iter().any(phrase)
        || WHERE_PHRASES.iter().any(phrase))
        && !where_orders_are_shown(&t, &w)
}

/// Whether the message (normalised `t`, words `w`) asks where the shop shows orders as a whole
/// ("where do I see the status of all my orders?"): the order-tracking help answers it, not the
/// desk asking for a number.
fn where_orders_are_shown(t: &str, w: &[String]) -> bool {
    ORDERS_IN_GENERAL.iter().any(|p| t.contains(p))
        && (WHERE_TO_LOOK.iter().any(|p| t.contains(p)) || w.iter().any(|x| LOOK.contains(&x.as_str())))
        && !WHERE_IS.iter().any(|p| t.contains(p))
}

pub(super) fn email_in(text: &str) -> Option<Email> {
    EMAIL.find(text).and_then(|m| Email::parse(m.as_str()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_the_shop_shows_orders_is_no_question_about_one_order() {
        for text in [
            "where do I see the status of all my orders?",
            "How can I view my order history?",
            "is there a page with my past orders",
        ] {
            assert!(where_orders_are_shown(&normalise(text), &words(text)), "{text}");
        }
        for text in
            ["where are my orders?", "where is my order AS-10481?", "can you check my order", "my orders are late"]
        {
            assert!(!where_orders_are_shown(&normalise(text), &words(text)), "{text}");
        }
    }

    #[test]
    fn order_numbers_and_emails_are_found_where_shoppers_put_them() {
        assert_eq!(number_in("where is my order AS-10481?", false).map(String::from), Some("AS-10481".into()));
        assert_eq!(number_in("order #10481 please", false).map(String::from), Some("10481".into()));
        assert_eq!(number_in("it's as-10481, ann@example.com", true).map(String::from), Some("AS-10481".into()));
        assert!(number_in("is the iPhone 13 under $1000?", false).is_none());
        assert!(number_in("ann1234@example.com", true).is_none());
        assert_eq!(email_in("my email is Ann.Lee@Example.com.").map(String::from), Some("ann.lee@example.com".into()));
    }

    #[test]
    fn a_yes_is_a_yes_and_a_question_is_not() {
        assert_eq!(yes_or_no("Yes please!"), Some(true));
        assert_eq!(yes_or_no("ok, go ahead"), Some(true));
        assert_eq!(yes_or_no("no thanks"), Some(false));
        assert_eq!(yes_or_no("yes, but when will it arrive?"), None);
    }
}
