//! Questions in other languages are understood in English, the catalog's language: the model
//! turns the message into English once (a short greedy generation after worked examples in
//! `prompts/translate.toml`, cached), and search, the catalog's answers, intents and the mood
//! read that. The answer is given in the shopper's language; the message stored and shown is
//! theirs, never the translation. A question the help articles did not meet is asked again in
//! their words the same way (`prompts/rephrase.toml`), for a second search, and a question about
//! a product is read for the catalog field it asks (`prompts/field.toml`, `chat::asked`).
use crate::domain::{Language, mask};
use crate::llm::{ChatMessage, GenRequest, Generator, Role, complete, worked_examples};
use crate::prompts::{Prompts, data};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Rewrites kept; past this the cache starts again (a shop's questions repeat within hours).
const CACHED: usize = 2048;
/// A rewrite is about as long as the message; more than this is the model rambling.
const MAX_TOKENS: u32 = 96;
/// A field's name ("minimum_order") or a label ("person") is a few tokens.
const LABEL_TOKENS: u32 = 6;

/// What a message was rewritten into, which keys the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Purpose {
    English(Language),
    ShopWords,
    Field,
    Person,
}

pub struct Translator {
    generator: Option<Arc<dyn Generator>>,
    prompts: Arc<Prompts>,
    /// Keyed by what the message was turned into.
    cache: Mutex<HashMap<(Purpose, String), String>>,
}

impl Translator {
    pub fn new(generator: Option<Arc<dyn Generator>>, prompts: Arc<Prompts>) -> Self {
        Self { generator, prompts, cache: Mutex::new(HashMap::new()) }
    }

    /// `text` in English; `None` when it already is, or no model could translate it (then the
    /// message is searched as written: names and numbers still match).
    pub async fn english(&self, text: &str, lang: Language) -> Option<String> {
        if lang == Language::En {
            return None;
        }
        self.rewrite(text, Purpose::English(lang), self.prompts.translation(), MAX_TOKENS).await
    }

    /// An English question asked again in the words the help articles use ("any reduction for
    /// those of us in college?" as "Do you offer student discounts?"), for a search that found
    /// no answer; `None` when no model could (the question is answered as before).
    pub async fn in_shop_words(&self, text: &str) -> Option<String> {
        self.rewrite(text, Purpose::ShopWords, self.prompts.rephrasing(), MAX_TOKENS).await
    }

    /// The name of the catalog field a question about a product asks (`text` with the product
    /// said as "it"), as the model writes it: a name of `prompts/field.toml`, "none", or
    /// anything else it may say; `None` when no model could read it.
    pub async fn field(&self, text: &str) -> Option<String> {
        self.rewrite(text, Purpose::Field, self.prompts.field_reading(), LABEL_TOKENS).await
    }

    /// Whether a message in the shopper's own words asks to be served by a human, as the model
    /// reads it after the worked examples of `prompts/person.toml`: `None` when no model could
    /// read it or it named neither "person" nor "other".
    pub async fn asks_for_person(&self, text: &str) -> Option<bool> {
        let said = self.rewrite(text, Purpose::Person, self.prompts.person_reading(), LABEL_TOKENS).await?;
        person_or_other(&said)
    }

    /// One short greedy generation after worked examples, cached.
    async fn rewrite(
        &self,
        text: &str,
        to: Purpose,
        prompt: (&str, &[(String, String)]),
        max_tokens: u32,
    ) -> Option<String> {
        let key = (to, text.trim().to_string());
        if let Some(hit) = self.cache.lock().ok()?.get(&key) {
            return Some(hit.clone());
        }
        let generator = self.generator.as_ref()?;
        let (system, examples) = prompt;
        let mut messages = worked_examples(system, examples);
        messages.push(ChatMessage { role: Role::User, content: data(text) });
        let request = GenRequest { messages, max_tokens, greedy: true };
        let rewritten = match complete(generator.as_ref(), request).await {
            Ok((out, _)) => cleaned(&out)?,
            Err(e) => {
                tracing::warn!(error = %e, "the message could not be rewritten; it is searched as written");
                return None;
            }
        };
        tracing::debug!(?to, message = %mask(text), rewritten = %mask(&rewritten), "message rewritten");
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHED {
                cache.clear();
            }
            cache.insert(key, rewritten.clone());
        }
        Some(rewritten)
    }
}

/// The catalog names a message holds as whole words (at least three letters or digits), longest
/// first, none inside another: found once per message, for `without_names` and `keep_names`.
pub fn names_in<'a>(text: &str, titles: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let said = text.to_lowercase();
    let mut found: Vec<&str> = titles
        .filter(|t| t.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
        .filter(|t| contains_name(&said, &t.to_lowercase()))
        .collect();
    found.sort_by_key(|t| std::cmp::Reverse(t.len()));
    found.dedup_by_key(|t| t.to_lowercase());
    let mut names: Vec<&str> = Vec::new();
    for t in found {
        if !names.iter().any(|n| n.to_lowercase().contains(&t.to_lowercase())) {
            names.push(t);
        }
    }
    names
}

/// Catalog names the shopper wrote (`names`) that the translation lost ("Sportbike Motorcycle"
/// turned into "a sports motorcycle"), put back after it: search and the catalog's answers look
/// for them.
pub fn keep_names(english: String, names: &[&str]) -> String {
    let understood = english.to_lowercase();
    let lost: Vec<&str> = names.iter().copied().filter(|n| !contains_name(&understood, &n.to_lowercase())).collect();
    if lost.is_empty() { english } else { format!("{english} ({})", lost.join(", ")) }
}

/// The text without the catalog names in it (`names`), when enough words are left to tell its
/// language: "L'Apple AirPods Max Silver a-t-il une garantie ?" is French, whatever the name looks like.
pub fn without_names(text: &str, names: &[&str]) -> String {
    let mut out = text.to_string();
    // Lowercasing keeps byte offsets for the ASCII names this looks for; others are skipped.
    for name in names.iter().map(|n| n.to_lowercase()).filter(|n| n.is_ascii()) {
        if let Some(at) = out.to_lowercase().find(&name) {
            out.replace_range(at..at + name.len(), " ");
        }
    }
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    if letters(&out) >= Language::FEWEST_LETTERS { out } else { text.to_string() }
}

/// The message as its attribute is read (`chat::asked`): lowercase, each product name it holds
/// (with its "the") said as "it" ("How heavy is the Table Lamp?" is "how heavy is it?").
pub fn unnamed(text: &str, names: &[&str]) -> String {
    let mut out = text.to_lowercase();
    for name in names.iter().map(|n| n.to_lowercase()) {
        out = out.replace(&format!("the {name}"), "it").replace(&name, "it");
    }
    out
}

/// Whether `text` holds `name` as whole words: "pan" is not in "japan", but "z800" is in "z800多少钱".
fn contains_name(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        before.is_none_or(|c| !c.is_ascii_alphanumeric()) && after.is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// "person" or "other" as the model writes it ("Person.", "other"); `None` for anything else.
fn person_or_other(said: &str) -> Option<bool> {
    let word: String = said.trim().chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    match word.as_str() {
        "person" => Some(true),
        "other" => Some(false),
        _ => None,
    }
}

/// The translation's first line, without the quotes or label a small model may wrap it in.
fn cleaned(out: &str) -> Option<String> {
    let line = out.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.strip_prefix("English:").or_else(|| line.strip_prefix("Translation:")).unwrap_or(line);
    let line = line.trim().trim_matches(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '「' | '」')).trim();
    (!line.is_empty()).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_person_or_other_is_taken_from_the_model() {
        assert_eq!(person_or_other("Person."), Some(true));
        assert_eq!(person_or_other(" other"), Some(false));
        assert_eq!(person_or_other("personal"), None);
        assert_eq!(person_or_other("yes"), None);
    }

    #[test]
    fn catalog_names_the_translation_lost_are_put_back() {
        let titles = ["Sportbike Motorcycle", "Pan", "Apple", "Apple Airpods", "Kawasaki Z800"];
        let kept =
            |english: &str, original: &str| keep_names(english.into(), &names_in(original, titles.iter().copied()));
        assert_eq!(
            kept("Is there a sports motorcycle available?", "Ist das Sportbike Motorcycle auf Lager?"),
            "Is there a sports motorcycle available? (Sportbike Motorcycle)"
        );
        assert_eq!(kept("Can a perfume go to Japan?", "Kann ein Parfum nach Japan?"), "Can a perfume go to Japan?");
        assert_eq!(
            kept("How much are the earphones?", "Apple Airpods 多少钱"),
            "How much are the earphones? (Apple Airpods)"
        );
        assert_eq!(kept("How much is the Kawasaki Z800?", "Kawasaki Z800多少钱"), "How much is the Kawasaki Z800?");
    }

    #[test]
    fn names_are_left_out_of_telling_the_language_when_enough_words_remain() {
        let titles = ["Apple AirPods Max Silver", "iPhone 13 Pro"];
        let without = |text: &str| without_names(text, &names_in(text, titles.iter().copied()));
        assert_eq!(without("L'Apple AirPods Max Silver a-t-il une garantie ?").trim(), "L'  a-t-il une garantie ?");
        // As few letters as a conversation's first message is read from (`Language::likeliest`):
        // "Vous avez le Samsung Galaxy Tab S8 Plus Grey ?" was read as English.
        let titles = ["Samsung Galaxy Tab S8 Plus Grey"];
        let without = |text: &str| without_names(text, &names_in(text, titles.iter().copied()));
        assert_eq!(without("Vous avez le Samsung Galaxy Tab S8 Plus Grey ?"), "Vous avez le   ?");
        assert_eq!(without("Samsung Galaxy Tab S8 Plus Grey?"), "Samsung Galaxy Tab S8 Plus Grey?");
    }

    #[test]
    fn the_translation_is_its_first_line_without_wrapping() {
        assert_eq!(
            cleaned("\n\"How much is the iPhone 13?\"\n\nNote: ...").as_deref(),
            Some("How much is the iPhone 13?")
        );
        assert_eq!(cleaned("English: Is shipping free?").as_deref(), Some("Is shipping free?"));
        assert_eq!(cleaned("  \n"), None);
    }
}
