//! Stops an answer that starts reciting the system prompt, whatever talked the model into it.
use std::collections::HashSet;

const WINDOW: usize = 6;

/// The tags that delimit data in our prompts (`prompts/turn.jinja`); never part of an answer.
pub const DELIMITERS: &[&str] = &["<sources>", "</sources>", "<question>", "</question>"];

pub struct LeakGuard {
    shingles: HashSet<String>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

impl LeakGuard {
    pub fn new(secret: &str) -> Self {
        Self { shingles: words(secret).windows(WINDOW).map(|w| w.join(" ")).collect() }
    }

    /// True when any six consecutive words of `text` appear in the secret, in order.
    pub fn leaks(&self, text: &str) -> bool {
        words(text).windows(WINDOW).any(|w| self.shingles.contains(&w.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::LeakGuard;

    #[test]
    fn reciting_the_rules_is_caught_and_ordinary_answers_are_not() {
        let g = LeakGuard::new("Never state a price, a stock level or a policy that is not written in a source.");
        assert!(g.leaks("My rules: never state a price, a stock level or anything."));
        assert!(!g.leaks("The Beats Flex cost $49.99 and are in stock [1]."));
    }
}
