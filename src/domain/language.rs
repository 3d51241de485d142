//! The languages Aisle speaks, and which one a shopper's message is written in.
//!
//! Chinese and Japanese are told by their scripts; the others by lingua's statistical models,
//! limited to the languages Aisle has texts for (lingua reads short and mixed text far better than
//! trigram detectors: "Tablets unter 400 Dollar?" is German). A message too short or too mixed to
//! tell ("ok", "SKU 123", "iPhone 13?") keeps the conversation's language: a one-word reply does
//! not switch a Spanish chat to English.
use lingua::{LanguageDetector, LanguageDetectorBuilder};
use std::fmt;
use std::sync::LazyLock;

words!(
    /// A language Aisle has fixed texts, templates and words for (`prompts/lang/<code>.toml`),
    /// by its ISO 639-1 code, as stored and as the widget's `lang` attribute carries it.
    Language { En = "en", Es = "es", Fr = "fr", De = "de", Zh = "zh", Ja = "ja" }
);

// `words!` derives no Default, so it cannot be derived here.
#[allow(clippy::derivable_impls)]
impl Default for Language {
    fn default() -> Self {
        Language::En
    }
}

/// Letters a Latin-script message needs before its words can say which language it is in.
const MIN_LETTERS: usize = 12;
/// Letters a conversation's first message needs to be read as its likeliest language ("Vous
/// avez le … ?" once the product's name is left out); fewer ("ok", "price?") say nothing.
const MIN_LETTERS_FIRST: usize = 8;
/// How sure the detector must be of such a short first message: less, and it is read as English
/// ("Can I use PayPal?" is German by a nose).
const MIN_CONFIDENCE_FIRST: f64 = 0.5;
/// How sure the detector must be of its first choice; below it the message is too mixed to tell.
const MIN_CONFIDENCE: f64 = 0.4;

/// Words only English opens a question with (not "was", German's "what"): a message opening
/// with one is English unless the detector is very sure ("Is Dior J'adore a floral perfume?" read
/// as Spanish by its name's and "floral perfume"'s letters).
const ENGLISH_OPENERS: &[&str] = &[
    "is", "are", "does", "do", "did", "can", "could", "would", "will", "should", "has", "have", "what", "how", "where",
    "when", "which", "who", "why", "whats", "what's", "how's", "where's", "isn't", "doesn't", "can't",
];
/// How sure the detector must be to read a message opening with an English question word as
/// another language.
const SURE_OVER_OPENER: f64 = 0.8;

static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    use lingua::Language::*;
    LanguageDetectorBuilder::from_languages(&[English, Spanish, French, German]).build()
});

impl Language {
    pub const ALL: [Language; 6] = [Language::En, Language::Es, Language::Fr, Language::De, Language::Zh, Language::Ja];

    /// The language's English name, as the model is told to answer in it.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Spanish",
            Language::Fr => "French",
            Language::De => "German",
            Language::Zh => "Chinese",
            Language::Ja => "Japanese",
        }
    }

    /// A code or a browser locale (`fr`, `fr-CA`, `zh-Hans-CN`); `None` for a language Aisle
    /// does not speak.
    pub fn from_locale(code: &str) -> Option<Self> {
        Self::parse(&code.trim().split(['-', '_']).next()?.to_ascii_lowercase())
    }

    /// Whether words are written without spaces between them.
    pub fn unspaced(self) -> bool {
        matches!(self, Language::Zh | Language::Ja)
    }

    /// The language of `text`, or `previous` (the conversation's) when the text is too short or
    /// too mixed to tell.
    pub fn detect(text: &str, previous: Language) -> Language {
        Self::detected(text, previous).unwrap_or(previous)
    }

    /// The language of `text`; `None` when its words are too few to tell. `previous` decides
    /// only between Chinese and Japanese for text in kanji alone.
    pub fn detected(text: &str, previous: Language) -> Option<Language> {
        // The script first, over the whole text: written without spaces, a number or a code is
        // part of the one "word" ("有400美元以下的…"), and no code is written in kana or kanji.
        let kana = text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}'));
        let han = text.chars().any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'));
        if kana {
            return Some(Language::Ja);
        }
        if han {
            // Kanji alone reads as Chinese; in a Japanese conversation it is Japanese.
            return Some(if previous == Language::Ja { Language::Ja } else { Language::Zh });
        }
        let (best, confidence, letters) = Self::best_guess(text)?;
        (letters >= MIN_LETTERS && confidence >= MIN_CONFIDENCE).then_some(best)
    }

    /// The fewest letters a text's language is read from (a conversation's first message).
    pub const FEWEST_LETTERS: usize = MIN_LETTERS_FIRST;

    /// The likeliest language of a short text, if the detector is fairly sure of it: for a
    /// conversation's first message, which has no earlier language to keep.
    pub fn likeliest(text: &str) -> Option<Language> {
        Self::best_guess(text)
            .filter(|(_, confidence, letters)| *letters >= MIN_LETTERS_FIRST && *confidence >= MIN_CONFIDENCE_FIRST)
            .map(|(best, _, _)| best)
    }

    /// Among the languages written with spaces: the likeliest, the detector's confidence, and
    /// how many letters it read.
    fn best_guess(text: &str) -> Option<(Language, f64, usize)> {
        let letters: String = text
            .split_whitespace()
            // Codes, numbers and addresses say nothing about the language: "SKU-123", "AS-10481".
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit() || c == '@' || c == '/'))
            .collect::<Vec<_>>()
            .join(" ");
        let count = letters.chars().filter(|c| c.is_alphabetic()).count();
        if count == 0 {
            return None;
        }
        let (best, confidence) = DETECTOR.compute_language_confidence_values(&letters).into_iter().next()?;
        let opener =
            letters.split_whitespace().next().map(|w| w.trim_matches(|c: char| !c.is_alphabetic() && c != '\''));
        if best != lingua::Language::English
            && confidence < SURE_OVER_OPENER
            && opener.is_some_and(|w| ENGLISH_OPENERS.contains(&w.to_lowercase().as_str()))
        {
            // The opener decides.
            return Some((Language::En, 1.0, count));
        }
        let best = match best {
            lingua::Language::Spanish => Language::Es,
            lingua::Language::French => Language::Fr,
            lingua::Language::German => Language::De,
            _ => Language::En,
        };
        Some((best, confidence, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    #[test]
    fn whole_sentences_are_read_in_their_language() {
        for (text, lang) in [
            ("Do you ship to Canada, and how long does it take?", En),
            ("Is Dior J'adore a floral perfume?", En),
            ("¿Cuánto tarda el envío a Canarias?", Es),
            ("Est-ce que la livraison est gratuite ?", Fr),
            ("Ist der Versand nach Österreich kostenlos?", De),
            ("退款需要多长时间？", Zh),
            ("返品はできますか？", Ja),
            ("precio del iPhone 13 Pro", Es),
            ("Tablets unter 400 Dollar?", De),
            ("do you take paypal", En),
            // Written without spaces, a number is part of the one "word": the script still tells.
            ("有400美元以下的平板电脑吗？", Zh),
            ("400ドル以下のタブレットはありますか？", Ja),
            ("订单AS-10481到哪里了", Zh),
        ] {
            assert_eq!(Language::detect(text, En), lang, "{text}");
        }
    }

    #[test]
    fn short_messages_keep_the_conversations_language() {
        assert_eq!(Language::detect("ok", Es), Es);
        assert_eq!(Language::detect("SKU-123", Fr), Fr);
        assert_eq!(Language::detect("AS-10481 ann.lee@example.com", De), De);
        assert_eq!(Language::detect("iPhone 13?", Zh), Zh);
        assert_eq!(Language::detect("送料", Ja), Ja);
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Language::from_locale("fr-CA"), Some(Fr));
        assert_eq!(Language::from_locale("zh_Hans_CN"), Some(Zh));
        assert_eq!(Language::from_locale("pt-BR"), None);
    }
}
