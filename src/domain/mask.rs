//! Masks emails, phone numbers and card numbers in what is logged.
use regex_lite::Regex;
use std::sync::LazyLock;

const EMAIL: &str = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}";

static PATTERNS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (EMAIL, "[email]"),
        (r"\b(?:\d[ -]?){12,18}\d\b", "[card]"),
        (r"\+?\(?\d{1,4}\)?[ .-]?\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}\b", "[phone]"),
    ]
    .into_iter()
    .map(|(re, with)| (Regex::new(re).expect("masking patterns are valid"), with))
    .collect()
});

static WHOLE_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{EMAIL}$")).expect("the email pattern is valid"));

/// Whether `text` is one email address, read as the masking reads emails.
pub fn is_email(text: &str) -> bool {
    text.len() <= 254 && WHOLE_EMAIL.is_match(text)
}

pub fn mask(text: &str) -> String {
    PATTERNS.iter().fold(text.to_string(), |t, (re, with)| re.replace_all(&t, *with).into_owned())
}

#[cfg(test)]
mod tests {
    use super::{is_email, mask};

    #[test]
    fn personal_details_are_masked_and_prices_are_not() {
        let m = mask("I'm ann.lee@example.com, call +1 415 555 0132, card 4111 1111 1111 1111. Is it $49.99?");
        assert_eq!(m, "I'm [email], call [phone], card [card]. Is it $49.99?");
        assert_eq!(mask("order 1234 for iphone 13"), "order 1234 for iphone 13");
        assert!(is_email("ann.lee@example.com") && !is_email("ann lee@example.com") && !is_email("not an email"));
    }
}
