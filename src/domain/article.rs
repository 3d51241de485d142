//! A knowledge-base article: an FAQ entry or a shop policy.
use super::text::clean;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    Faq,
    Policy,
}

impl ArticleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::Faq => "faq",
            ArticleKind::Policy => "policy",
        }
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "faq" => Ok(ArticleKind::Faq),
            "policy" => Ok(ArticleKind::Policy),
            other => Err(format!("`{other}` is not an article kind (use `faq` or `policy`)")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable slug such as `returns-window`: lowercase letters, digits and dashes.
    pub id: String,
    pub kind: ArticleKind,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    /// Questions shoppers ask in their own words, each group tied to the words of the body
    /// that answer it: what a question worded unlike the article is matched on.
    #[serde(default)]
    pub asked: Vec<Asked>,
}

/// Ways shoppers ask a question, and the sentences of the article that answer it, word for word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asked {
    /// One or more whole sentences of the body, as written there.
    pub answer: String,
    pub questions: Vec<String>,
}

/// Whether `whole` holds `part` word for word, however either is spaced: a sentence within an
/// answer, an answer within an article's text.
pub fn holds_words(whole: &str, part: &str) -> bool {
    let part = single_spaced(part);
    !part.is_empty() && single_spaced(whole).contains(&part)
}

fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A problem with one field of an article, in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, message: message.into() }
}

impl Article {
    /// The one rule set for articles, from a file or from the editor: an article that imports
    /// can always be edited, and the other way round. `id` defaults to a slug of the title.
    pub fn new(
        id: Option<&str>,
        kind: &str,
        title: &str,
        body: &str,
        tags: &[String],
        asked: &[Asked],
    ) -> Result<Self, FieldError> {
        let kind = ArticleKind::parse(kind).map_err(|e| field("kind", e))?;
        let text =
            |name: &'static str, t: &str| clean(name, t).map(Cow::into_owned).map_err(|e| field(name, e.to_string()));
        let (title, body) = (text("title", title)?, text("body", body)?);
        let tags = tags.iter().map(|t| text("tags", t)).collect::<Result<Vec<_>, _>>()?;
        let id = id.map(|i| text("id", i)).transpose()?;
        let title = title.trim();
        if !(3..=200).contains(&title.chars().count()) {
            return Err(field("title", "write between 3 and 200 characters"));
        }
        let body = body.trim();
        if !(20..=20_000).contains(&body.chars().count()) {
            return Err(field("body", "write between 20 and 20000 characters"));
        }
        if tags.len() > 20 {
            return Err(field("tags", "at most 20"));
        }
        let tags: Vec<String> = tags.iter().map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()).collect();
        if let Some(t) = tags.iter().find(|t| t.chars().count() > 40) {
            return Err(field("tags", format!("`{t}` is longer than 40 characters")));
        }
        let id = id.map_or_else(|| slug(title), |i| i.trim().to_string());
        Article::validate_id(&id).map_err(|e| field("id", e))?;
        let asked = asked_in(body, asked, &text)?;
        Ok(Article { id, kind, title: title.to_string(), body: body.to_string(), tags, asked })
    }

    pub fn validate_id(id: &str) -> Result<(), String> {
        let ok = !id.is_empty()
            && id.len() <= 80
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(())
        } else {
            Err(format!("`{}` is not an article id (lowercase letters, digits and dashes)", id.escape_debug()))
        }
    }
}

/// At most this many groups of questions per article, and of questions per group.
const MAX_ASKED: usize = 40;
const MAX_QUESTIONS: usize = 20;

/// The questions of an article, checked: each answer is found word for word in the body (what
/// a shopper is shown is what the editor wrote there), each question is a short sentence.
fn asked_in(
    body: &str,
    asked: &[Asked],
    text: &impl Fn(&'static str, &str) -> Result<String, FieldError>,
) -> Result<Vec<Asked>, FieldError> {
    if asked.len() > MAX_ASKED {
        return Err(field("asked", format!("at most {MAX_ASKED} answers with their questions")));
    }
    let mut out = Vec::with_capacity(asked.len());
    for a in asked {
        let answer = single_spaced(&text("asked", &a.answer)?);
        if answer.chars().count() < 3 {
            return Err(field("asked", "each answer needs the sentences of the body that answer its questions"));
        }
        if !holds_words(body, &answer) {
            let start: String = answer.chars().take(60).collect();
            return Err(field(
                "asked",
                format!("the answer \"{start}\" is not in the body word for word: copy the sentences that answer"),
            ));
        }
        if a.questions.is_empty() || a.questions.len() > MAX_QUESTIONS {
            return Err(field("asked", format!("give each answer 1 to {MAX_QUESTIONS} questions")));
        }
        let mut questions = Vec::with_capacity(a.questions.len());
        for q in &a.questions {
            let q = single_spaced(&text("asked", q)?);
            if !(3..=200).contains(&q.chars().count()) {
                return Err(field("asked", format!("the question \"{q}\" needs between 3 and 200 characters")));
            }
            if !questions.contains(&q) {
                questions.push(q);
            }
        }
        out.push(Asked { answer, questions });
    }
    Ok(out)
}

/// An article id as it arrives in an address: checked before it goes near the database.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ArticleId(String);

impl TryFrom<String> for ArticleId {
    type Error = String;
    fn try_from(id: String) -> Result<Self, String> {
        Article::validate_id(&id).map(|()| Self(id))
    }
}

impl std::ops::Deref for ArticleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// An id from a title: lowercase ASCII words joined by dashes, at most 60 characters.
pub fn slug(title: &str) -> String {
    let s: String = title.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-").chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_set_names_the_field() {
        let ok = Article::new(None, "faq", "Gift wrapping", "We wrap any order for free at checkout.", &[], &[]);
        assert_eq!(ok.map(|a| a.id), Ok("gift-wrapping".to_string()));
        let short = Article::new(None, "faq", "Gift wrapping", "Free.", &[], &[]);
        assert_eq!(short.map_err(|e| e.field), Err("body"));
        let kind = Article::new(None, "blog", "Gift wrapping", "We wrap any order for free at checkout.", &[], &[]);
        assert_eq!(kind.map_err(|e| e.field), Err("kind"));
    }

    #[test]
    fn an_answer_must_be_the_bodys_own_words() {
        let body = "We wrap any order at checkout.\n\nWrapping costs $3.99 per item.";
        let asked = |answer: &str| {
            let group = Asked { answer: answer.into(), questions: vec!["Is gift wrap extra?".into()] };
            Article::new(None, "faq", "Gift wrapping", body, &[], &[group])
        };
        let ok = asked("Wrapping  costs $3.99\nper item.").expect("the body's words, spaced otherwise");
        assert_eq!(ok.asked[0].answer, "Wrapping costs $3.99 per item.");
        assert!(holds_words(&ok.asked[0].answer, "Wrapping costs $3.99\nper item."));
        assert!(!holds_words(&ok.asked[0].answer, "We wrap any order at checkout."));
        let Err(made_up) = asked("Wrapping is free.") else { panic!("an answer not in the body was kept") };
        assert_eq!(made_up.field, "asked");
        assert!(made_up.message.contains("word for word"), "{}", made_up.message);
        let none = Asked { answer: "Wrapping costs $3.99 per item.".into(), questions: vec![] };
        assert!(Article::new(None, "faq", "Gift wrapping", body, &[], &[none]).is_err());
    }
}
