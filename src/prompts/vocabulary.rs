//! Which language a short message is in, by the words each language's own texts use
//! (`prompts/lang/<code>.toml`; English's base files): a word that only one language's texts
//! hold ("con", "est", "bitte") votes for that language. The statistical detector reads most
//! messages; this decides a conversation's first message it is unsure of ("Ponme con soporte, por
//! favor" is English to it by a hair, "Le … est-il garanti ?" French by too little). Adding a
//! language is still adding its file: its words come with it.
use crate::domain::Language;
use std::collections::HashSet;

/// Words of a language's own a message needs to be read as that language.
const VOTES: usize = 2;
/// How many more of them than of any other language's.
const MARGIN: usize = 2;

/// The words only one language's texts use, for each language written with spaces (Chinese and
/// Japanese are told by their script).
#[derive(Debug, Default)]
pub struct Vocabularies {
    own: Vec<(Language, HashSet<String>)>,
    /// Every word of each language's texts, its own or shared.
    all: Vec<(Language, HashSet<String>)>,
}

/// A text's words as votes are counted: lowercase letters only, two or more ("est-il" is `est`,
/// `il`; a `{{placeholder}}`'s name is a word every file has, so no language's own).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).map(str::to_lowercase)
}

/// Every word of every string in `value`: a file's texts, phrase lists and templates alike.
fn collect(value: &toml::Value, into: &mut HashSet<String>) {
    match value {
        toml::Value::String(s) => into.extend(words(s)),
        toml::Value::Array(items) => items.iter().for_each(|v| collect(v, into)),
        toml::Value::Table(table) => table.values().for_each(|v| collect(v, into)),
        _ => {}
    }
}

impl Vocabularies {
    /// From each language's own files (parsed TOML), keeping of each only the words no other
    /// language's files use.
    pub(super) fn new(files: &[(Language, Vec<toml::Value>)]) -> Self {
        let all: Vec<(Language, HashSet<String>)> = files
            .iter()
            .filter(|(lang, _)| !lang.unspaced())
            .map(|(lang, values)| {
                let mut words = HashSet::new();
                values.iter().for_each(|v| collect(v, &mut words));
                (*lang, words)
            })
            .collect();
        let own = all
            .iter()
            .map(|(lang, words)| {
                let others = |w: &String| all.iter().any(|(l, theirs)| l != lang && theirs.contains(w));
                (*lang, words.iter().filter(|w| !others(w)).cloned().collect())
            })
            .collect();
        Self { own, all }
    }

    /// Whether `text` has words and every one of them is a word of `lang`'s texts.
    pub fn all_in(&self, lang: Language, text: &str) -> bool {
        let Some((_, known)) = self.all.iter().find(|(l, _)| *l == lang) else { return false };
        let mut said = words(text).peekable();
        said.peek().is_some() && said.all(|w| known.contains(&w))
    }

    /// The language whose own words `text` uses clearly more than any other's; `None` when no
    /// language has enough of them.
    pub fn language_of(&self, text: &str) -> Option<Language> {
        let said: HashSet<String> = words(text).collect();
        let mut votes: Vec<(Language, usize)> =
            self.own.iter().map(|(lang, own)| (*lang, said.iter().filter(|w| own.contains(*w)).count())).collect();
        votes.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let (best, n) = *votes.first()?;
        let next = votes.get(1).map_or(0, |(_, n)| *n);
        (n >= VOTES && n >= next + MARGIN).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Language::*;
    use crate::prompts::Prompts;

    #[test]
    fn a_short_message_is_read_by_the_words_only_one_language_uses() {
        let prompts = Prompts::load("Demo Shop", 80).expect("prompts");
        let of = |text: &str| prompts.vocabularies().language_of(text);
        assert_eq!(of("Ponme con soporte, por favor"), Some(Es));
        assert_eq!(of("Le  est-il garanti ?"), Some(Fr));
        assert_eq!(of("Ist der  noch da?"), Some(De));
        assert_eq!(of("is the  in stock?"), Some(En));
        assert_eq!(of("ok"), None);
        assert_eq!(of("iPhone 13?"), None);
    }
}
