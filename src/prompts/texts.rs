//! What a shopper reads in each language: the English texts of `prompts/replies.toml`,
//! `facts.toml` and `orders.toml`, with each language file of `prompts/lang/` laid over them key
//! by key, and the file's own widget strings and words.
use super::mood::Mood;
pub use super::templates::{FactTemplates, OrderTemplates};
use crate::domain::Language;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The fixed replies and short texts of `prompts/replies.toml`.
#[derive(Debug, Deserialize)]
pub struct Replies {
    pub not_found: String,
    pub wants_human: String,
    pub no_person_here: String,
    pub greeting: String,
    pub thanks: String,
    pub model_unavailable: String,
    pub refused: String,
    pub withheld: String,
    pub withheld_article: String,
    pub withheld_unsure: String,
    pub described: String,
    pub escalated_upset: String,
    pub escalated_unsure: String,
    pub escalated_repeat: String,
    pub queue: String,
    pub queue_unknown: String,
    pub queue_nobody: String,
    pub queue_closed: String,
    pub contact_saved: String,
    pub still_waiting: String,
    pub joined: String,
    pub handed_back: String,
    pub resolved: String,
    pub a_colleague: String,
    pub a_minute: String,
    pub minutes: String,
    pub our_team: String,
    pub handoff_wants: String,
    pub handoff_tried: String,
    pub handoff_echo: String,
    pub describe_system: String,
    pub summary: String,
    pub no_products: String,
    pub nothing_tried: String,
    pub rule_phrases: Vec<String>,
}

/// The widget's own strings (`[widget]` of `prompts/lang/<code>.toml`), served to the page as JSON.
pub type WidgetTexts = BTreeMap<String, String>;

/// Words that recognise greetings, thanks and requests for a person in one language (`[words]`).
/// English has its rules in code (`chat::intent`); the others match these phrases.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub greetings: Vec<String>,
    pub thanks: Vec<String>,
    pub person: Vec<String>,
    /// A word for a person that asks for one when it is the whole message ("人工！").
    pub person_alone: Vec<String>,
    /// How an answer in this language says yes to a policy topic, and says no (`chat::claims`).
    pub claim_in_stock: Vec<String>,
    pub claim_returns: Vec<String>,
    pub claim_ships: Vec<String>,
    /// How this language names a warranty, so a "no warranty" said of a product that has one
    /// is caught.
    pub claim_warranty: Vec<String>,
    pub claim_negations: Vec<String>,
}

impl Words {
    /// The claim words as the check compares them, with a lowercased sentence.
    fn lowercase(mut self) -> Self {
        for list in [
            &mut self.claim_in_stock,
            &mut self.claim_returns,
            &mut self.claim_ships,
            &mut self.claim_warranty,
            &mut self.claim_negations,
        ] {
            list.iter_mut().for_each(|w| *w = w.to_lowercase());
        }
        self
    }
}

/// Everything a shopper reads in one language.
#[derive(Debug)]
pub struct Texts {
    pub replies: Replies,
    pub facts: FactTemplates,
    pub orders: OrderTemplates,
    pub widget: WidgetTexts,
    pub words: Words,
    /// The feeling words of this language (empty for English, whose lexicon is in code).
    pub mood: Mood,
}

/// The English texts, which every language file translates (and falls back to, key by key).
const BASE: &[(&str, &str)] = &[
    ("replies", include_str!("../../prompts/replies.toml")),
    ("facts", include_str!("../../prompts/facts.toml")),
    ("orders", include_str!("../../prompts/orders.toml")),
];

/// One file per language: adding a language is adding its file here and its code to `Language`.
const LANGUAGE_FILES: &[(Language, &str)] = &[
    (Language::En, include_str!("../../prompts/lang/en.toml")),
    (Language::Es, include_str!("../../prompts/lang/es.toml")),
    (Language::Fr, include_str!("../../prompts/lang/fr.toml")),
    (Language::De, include_str!("../../prompts/lang/de.toml")),
    (Language::Zh, include_str!("../../prompts/lang/zh.toml")),
    (Language::Ja, include_str!("../../prompts/lang/ja.toml")),
];

/// Reply keys only staff or the model read: they stay in the shop's language (English).
pub const STAFF_ONLY: &[&str] = &[
    "handoff_wants",
    "handoff_tried",
    "handoff_echo",
    "describe_system",
    "summary",
    "no_products",
    "nothing_tried",
    "rule_phrases",
];

fn table(name: &str, text: &str) -> Result<toml::Table, String> {
    toml::from_str(text).map_err(|e| format!("prompts/{name}: {e}"))
}

/// Each language's own files as written, for the words only it uses (`Vocabularies`): its file,
/// and for English the base files the others translate.
pub(super) fn own_files() -> Result<Vec<(Language, Vec<toml::Value>)>, String> {
    LANGUAGE_FILES
        .iter()
        .map(|(lang, file)| {
            let mut values = vec![toml::Value::Table(table(&format!("lang/{}.toml", lang.as_str()), file)?)];
            if *lang == Language::En {
                for (name, text) in BASE {
                    values.push(toml::Value::Table(table(&format!("{name}.toml"), text)?));
                }
            }
            Ok((*lang, values))
        })
        .collect()
}

/// A language's texts: the English base with the language file's sections laid over it.
pub(super) fn load(lang: Language) -> Result<Texts, String> {
    let file = LANGUAGE_FILES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, f)| *f)
        .ok_or(format!("prompts/lang/{}.toml is missing", lang.as_str()))?;
    let path = format!("lang/{}.toml", lang.as_str());
    let mut own = table(&path, file)?;
    let mut sections = toml::Table::new();
    for (name, text) in BASE {
        sections.insert((*name).into(), toml::Value::Table(table(&format!("{name}.toml"), text)?));
    }
    let en = table("lang/en.toml", LANGUAGE_FILES[0].1)?;
    sections.insert("widget".into(), en.get("widget").cloned().unwrap_or(toml::Value::Table(Default::default())));
    for (name, section) in sections.iter_mut() {
        if let (Some(toml::Value::Table(base)), Some(toml::Value::Table(over))) =
            (Some(&mut *section), own.remove(name))
        {
            base.extend(over);
        }
    }
    let words = own.remove("words").unwrap_or(toml::Value::Table(Default::default()));
    let mood = own.remove("mood").unwrap_or(toml::Value::Table(Default::default()));
    if let Some(extra) = own.keys().next() {
        return Err(format!("prompts/{path}: unknown section [{extra}]"));
    }
    let section = |name: &str| sections.get(name).cloned().unwrap_or(toml::Value::Table(Default::default()));
    let parse = |name: &str| format!("prompts/{path} [{name}]");
    Ok(Texts {
        replies: section("replies").try_into().map_err(|e| format!("{}: {e}", parse("replies")))?,
        facts: FactTemplates { lang, ..section("facts").try_into().map_err(|e| format!("{}: {e}", parse("facts")))? },
        orders: section("orders").try_into().map_err(|e| format!("{}: {e}", parse("orders")))?,
        widget: section("widget").try_into().map_err(|e| format!("{}: {e}", parse("widget")))?,
        words: Words::lowercase(words.try_into().map_err(|e| format!("{}: {e}", parse("words")))?),
        mood: Mood::prepared(mood.try_into().map_err(|e| format!("{}: {e}", parse("mood")))?, lang.unspaced()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompts::Prompts;

    #[test]
    fn every_language_file_is_complete() {
        let en = Prompts::load("Demo Shop", 80).expect("prompts");
        for (lang, file) in LANGUAGE_FILES.iter().skip(1) {
            let own = table("lang", file).expect("the language file is TOML");
            for (section, base) in BASE.iter().map(|(n, t)| (*n, table(n, t).expect("base"))).chain([(
                "widget",
                table("lang/en.toml", LANGUAGE_FILES[0].1).expect("en")["widget"].as_table().expect("widget").clone(),
            )]) {
                let theirs = own.get(section).and_then(|s| s.as_table()).cloned().unwrap_or_default();
                for key in base.keys().filter(|k| section != "replies" || !STAFF_ONLY.contains(&k.as_str())) {
                    assert!(theirs.contains_key(key), "prompts/lang/{lang}.toml [{section}] lacks `{key}`");
                }
                for key in theirs.keys() {
                    assert!(base.contains_key(key), "prompts/lang/{lang}.toml [{section}] has unknown `{key}`");
                }
            }
            let words = &en.texts(*lang).words;
            assert!(!words.greetings.is_empty() && !words.thanks.is_empty() && !words.person.is_empty(), "{lang}");
            assert_ne!(en.texts(*lang).replies.greeting, en.replies().greeting, "{lang}");
            assert!(!en.texts(*lang).mood.is_empty(), "prompts/lang/{lang}.toml has no [mood] words");
        }
    }
}
