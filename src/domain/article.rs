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
    pub fn new(id: Option<&str>, kind: &str, title: &str, body: &str, tags: &[String]) -> Result<Self, FieldError> {
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
        Ok(Article { id, kind, title: title.to_string(), body: body.to_string(), tags })
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
        let ok = Article::new(None, "faq", "Gift wrapping", "We wrap any order for free at checkout.", &[]);
        assert_eq!(ok.map(|a| a.id), Ok("gift-wrapping".to_string()));
        let short = Article::new(None, "faq", "Gift wrapping", "Free.", &[]);
        assert_eq!(short.map_err(|e| e.field), Err("body"));
        let kind = Article::new(None, "blog", "Gift wrapping", "We wrap any order for free at checkout.", &[]);
        assert_eq!(kind.map_err(|e| e.field), Err("kind"));
    }
}
