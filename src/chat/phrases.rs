//! Greetings, thanks and requests for a person in languages other than English, from the
//! phrases of `prompts/lang/<code>.toml` (`[words]`). They are read before anything else, so
//! "hola", "merci !" or "转人工" are answered at once, with no translation and no model.
//!
//! Latin-script text is compared as accent-free lowercase words ("pásame con" matches "pasame
//! con", a phrase never matches inside a longer word); Chinese and Japanese, written without
//! spaces, as characters.
use super::intent::Intent;
use crate::domain::Language;
use crate::domain::folded as normal;
use crate::prompts::{Prompts, Words};

/// What is left of `text` once every phrase is taken out, in words (spaced) or characters.
fn rest_after(text: &str, phrases: &[String], unspaced: bool) -> Option<usize> {
    let mut t = normal(text, unspaced);
    let mut found = false;
    let mut phrases: Vec<String> = phrases.iter().map(|p| normal(p, unspaced)).collect();
    // Longest first: "muchas gracias" goes before "gracias".
    phrases.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    for p in phrases.iter().filter(|p| !p.trim().is_empty()) {
        while let Some(at) = t.find(p.as_str()) {
            found = true;
            let keep = if unspaced { "" } else { " " };
            t.replace_range(at..at + p.len(), keep);
        }
    }
    found.then(|| if unspaced { t.chars().count() } else { t.split_whitespace().count() })
}

/// Greetings, thanks and requests for a person in `lang`; `None` when the message is none of
/// them (or `lang` is English, whose rules are `intent::classify`).
pub fn classify(text: &str, lang: Language, words: &Words) -> Option<Intent> {
    if lang == Language::En {
        return None;
    }
    let unspaced = lang.unspaced();
    let said = normal(text, unspaced);
    if words.person.iter().map(|p| normal(p, unspaced)).any(|p| !p.trim().is_empty() && said.contains(&p)) {
        return Some(Intent::WantsHuman);
    }
    // "人工！", "¡humano!": a person named and nothing else ("persona mayor" names no one asked for).
    if rest_after(text, &words.person_alone, unspaced).is_some_and(|rest| rest <= usize::from(unspaced)) {
        return Some(Intent::WantsHuman);
    }
    // A greeting or thanks with at most a word or two beside it ("hola equipo", "merci beaucoup
    // pour tout"); anything longer is a question that happens to be polite.
    let (greeting_room, thanks_room) = if unspaced { (2, 3) } else { (1, 2) };
    if rest_after(text, &words.greetings, unspaced).is_some_and(|rest| rest <= greeting_room) {
        return Some(Intent::Greeting);
    }
    if rest_after(text, &words.thanks, unspaced).is_some_and(|rest| rest <= thanks_room) {
        return Some(Intent::Thanks);
    }
    None
}

/// The language and intent of a message: its detected language when its words tell, else the
/// first language whose greetings, thanks or requests for a person it is ("Bonjour !", "danke"),
/// the conversation's language first; else the conversation's language.
pub fn understand(text: &str, previous: Option<Language>, prompts: &Prompts) -> (Language, Option<Intent>) {
    // A first message too short to be sure of is read as its likeliest language, or by the words
    // only one language's texts use: there is no conversation's language to keep yet.
    // A message every word of which English's texts use too ("Oppo A57 dimensions?") stays
    // English, whatever the detector leans to by one word.
    let first = || {
        let vocabularies = prompts.vocabularies();
        let likeliest =
            Language::likeliest(text).filter(|l| *l == Language::En || !vocabularies.all_in(Language::En, text));
        previous.is_none().then(|| likeliest.or_else(|| vocabularies.language_of(text))).flatten()
    };
    let previous = previous.unwrap_or_default();
    if let Some(lang) = Language::detected(text, previous).or_else(first) {
        return (lang, classify(text, lang, &prompts.texts(lang).words));
    }
    let others = Language::ALL.into_iter().filter(|l| *l != previous);
    std::iter::once(previous)
        .chain(others)
        .find_map(|lang| classify(text, lang, &prompts.texts(lang).words).map(|intent| (lang, Some(intent))))
        .unwrap_or((previous, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    fn ask(text: &str, lang: Language) -> Option<Intent> {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        classify(text, lang, &prompts.texts(lang).words)
    }

    #[test]
    fn greetings_thanks_and_people_are_read_in_each_language() {
        assert_eq!(ask("¡Hola!", Es), Some(Intent::Greeting));
        assert_eq!(ask("Bonjour !", Fr), Some(Intent::Greeting));
        assert_eq!(ask("Guten Morgen", De), Some(Intent::Greeting));
        assert_eq!(ask("你好！", Zh), Some(Intent::Greeting));
        assert_eq!(ask("こんにちは", Ja), Some(Intent::Greeting));
        assert_eq!(ask("muchas gracias por todo", Es), Some(Intent::Thanks));
        assert_eq!(ask("Vielen Dank!", De), Some(Intent::Thanks));
        assert_eq!(ask("谢谢", Zh), Some(Intent::Thanks));
        assert_eq!(ask("quiero hablar con una persona", Es), Some(Intent::WantsHuman));
        assert_eq!(ask("Pasame con atención al cliente", Es), Some(Intent::WantsHuman));
        assert_eq!(ask("Je voudrais parler à un conseiller", Fr), Some(Intent::WantsHuman));
        assert_eq!(ask("Kann ich bitte mit einem Mitarbeiter sprechen?", De), Some(Intent::WantsHuman));
        assert_eq!(ask("转人工", Zh), Some(Intent::WantsHuman));
        assert_eq!(ask("担当者と話したいです", Ja), Some(Intent::WantsHuman));
        assert_eq!(ask("人工！", Zh), Some(Intent::WantsHuman));
        assert_eq!(ask("¡Humano!", Es), Some(Intent::WantsHuman));
        assert_eq!(ask("这个包是人工皮革的吗？", Zh), None);
        assert_eq!(ask("¿Es cómodo para una persona mayor?", Es), None);
    }

    #[test]
    fn a_short_greeting_or_thanks_says_which_language_it_is_in() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        assert_eq!(understand("Bonjour !", Some(En), &prompts), (Fr, Some(Intent::Greeting)));
        assert_eq!(understand("danke", Some(Es), &prompts), (De, Some(Intent::Thanks)));
        assert_eq!(understand("hello", Some(Es), &prompts), (Es, None));
        assert_eq!(understand("ok", Some(Ja), &prompts), (Ja, None));
        assert_eq!(understand("¿Cuánto cuesta el envío a Canarias?", Some(En), &prompts), (Es, None));
    }

    /// A conversation's first message, short once the product's name is left out, is read in
    /// its likeliest language: there is no earlier language to keep yet. Later, a short message
    /// keeps the conversation's.
    #[test]
    fn a_short_first_message_is_read_in_its_likeliest_language() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        for (text, lang) in [
            ("Vous avez le  ?", Fr),
            ("precio del ", Es),
            ("Tienen el  en negro?", Es),
            ("Ist der  noch da?", De),
            ("is the  in stock?", En),
            ("Can I use PayPal?", En),
            ("ok", En),
            ("Ponme con soporte, por favor", Es),
            ("Le  est-il garanti ?", Fr),
            (" dimensions?", En),
        ] {
            assert_eq!(understand(text, None, &prompts).0, lang, "{text}");
        }
        assert_eq!(understand("Et son prix ?", Some(Fr), &prompts).0, Fr);
        assert_eq!(understand("is it in stock?", Some(Es), &prompts).0, Es);
    }

    #[test]
    fn questions_that_only_look_like_them_are_left_to_the_question() {
        for (text, lang) in [
            ("¿Es buena esta silla para una persona con dolor de espalda?", Es),
            ("Hola, ¿cuánto cuesta el iPhone 13?", Es),
            ("Merci, mais le prix sur la carte est faux", Fr),
            ("Hallo, wie lange dauert der Versand nach Österreich?", De),
            ("这个包是人工皮革的吗？", Zh),
            ("こんにちは、送料はいくらですか？", Ja),
            ("hello", En),
            // Customer service named, or a person, in a question about something else: when it
            // is open, a gift, a life-size doll.
            ("¿Cuál es el horario de atención al cliente?", Es),
            ("Le service client est-il ouvert le samedi ?", Fr),
            ("Ist der Kundenservice am Wochenende erreichbar?", De),
            ("Welches Geschenk passt zu einem Menschen, der gern wandert?", De),
            ("客服人员几点下班？", Zh),
            ("有真人大小的玩偶吗？", Zh),
            ("カスタマーサービスの営業時間は？", Ja),
        ] {
            assert_eq!(ask(text, lang), None, "{text}");
        }
    }
}
