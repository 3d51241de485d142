//! What a shopper's message is, before anything is answered: the language it is written in, the
//! English it is understood in, and what the shopper wants.
//!
//! Greetings, thanks and requests for a person are read in the shopper's own words
//! (`phrases`); anything else in another language is translated (`translate`) and read by the
//! English rules (`intent`). Neither a phrase list nor a translation holds every way of asking
//! for a person in every language (a translation that kept the words, "Is there someone real on
//! the other side?", lost the request), so a short message in another language that names no
//! product, asks none of the shop's terms (paying, returning...) and was read as something else
//! is given to the model in the shopper's own words, to be named "person" or "other"
//! (`prompts/person.toml`); only "person" changes what it is.
use super::intent::{Intent, classify};
use super::phrases;
use super::plan::Planner;
use super::request::Ask;
use super::translate::{keep_names, names_in, without_names};
use crate::domain::Language;

/// Past this many words (or, in Chinese and Japanese, characters) a message is a question, not
/// a request for a person: the model is not asked.
const SHORT_WORDS: usize = 16;
const SHORT_CHARS: usize = 40;

/// A shopper's message as Aisle reads it.
#[derive(Debug, Clone)]
pub struct Understood {
    pub lang: Language,
    /// The English it was understood in; `None` when it needed none (English, or a greeting,
    /// thanks or request for a person read in its own words) or no model could translate it.
    pub english: Option<String>,
    /// What the rules made of it (the phrases, or the English rules on the translation).
    pub by_rules: Intent,
    /// What the shopper wants: `by_rules`, or a request for a person the model read.
    pub intent: Intent,
}

impl Planner {
    /// Reads `text`; `previous` is the conversation's language so far (a message too short to
    /// tell keeps it).
    pub async fn understand(&self, text: &str, previous: Option<Language>) -> Understood {
        let (mut understood, named) = self.by_rules(text, previous).await;
        if may_ask(&understood, named, text) && self.translator.asks_for_person(text).await == Some(true) {
            understood.intent = Intent::WantsHuman;
        }
        understood
    }

    /// Whether the model would be asked if `text`, as a conversation's first message, wants a
    /// person (`aisle bench languages` times that reading).
    pub async fn asks_model_for_person(&self, text: &str) -> bool {
        let (understood, named) = self.by_rules(text, None).await;
        may_ask(&understood, named, text)
    }

    /// The message as the phrases and the English rules read it, and whether it names a product.
    async fn by_rules(&self, text: &str, previous: Option<Language>) -> (Understood, bool) {
        // The catalog's names in it, found once: left out of telling the language, kept through
        // the translation.
        let current = self.retriever.current();
        let names = names_in(text, current.iter().flat_map(|index| index.products().map(|p| p.title.as_str())));
        let words = without_names(text, &names);
        let (lang, said) = phrases::understand(&words, previous, &self.prompts);
        let english = match said {
            None => self.translator.english(text, lang).await.map(|english| keep_names(english, &names)),
            Some(_) => None,
        };
        let by_rules = said.unwrap_or_else(|| classify(english.as_deref().unwrap_or(text)));
        (Understood { lang, english, by_rules, intent: by_rules }, !names.is_empty())
    }
}

/// Whether the model is asked if a message read as `understood` wants a person: a short message
/// in another language, naming no product (`named`) and asking none of the shop's terms, that
/// the rules read as something else than a greeting, thanks or a request for a person.
fn may_ask(understood: &Understood, named: bool, text: &str) -> bool {
    !matches!(understood.by_rules, Intent::WantsHuman | Intent::Greeting | Intent::Thanks)
        && understood.lang != Language::En
        && !named
        && short(text, understood.lang)
        && !asks_terms(understood.english.as_deref())
}

/// Whether the English a message was understood in asks the shop's terms: such a question is a
/// question, whoever it names ("Kann ich mit PayPal bezahlen?" was read as a request for a
/// person by the model). Not a product's facts: "is an advisor available?" holds a stock cue.
fn asks_terms(english: Option<&str>) -> bool {
    english.map(Ask::parse).is_some_and(|a| a.asks_policy())
}

/// Whether `text` is short enough to be a request for a person rather than a question.
fn short(text: &str, lang: Language) -> bool {
    if lang.unspaced() {
        text.chars().filter(|c| c.is_alphanumeric()).count() <= SHORT_CHARS
    } else {
        text.split_whitespace().count() <= SHORT_WORDS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_messages_are_put_to_the_model() {
        assert!(short("¿Hay alguien ahí de verdad?", Language::Es));
        assert!(short("有人能帮我吗？", Language::Zh));
        let long = "Hola, compré unas zapatillas la semana pasada y quería saber si puedo cambiarlas por una talla \
                    más grande sin pagar el envío otra vez";
        assert!(!short(long, Language::Es));
        assert!(!short(&"我".repeat(41), Language::Zh));
    }
}
