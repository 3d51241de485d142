//! A knowledge-base article: an FAQ entry or a shop policy.
use serde::{Deserialize, Serialize};

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

impl Article {
    pub fn validate_id(id: &str) -> Result<(), String> {
        let ok = !id.is_empty()
            && id.len() <= 80
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok { Ok(()) } else { Err(format!("`{id}` is not an article id (lowercase letters, digits and dashes)")) }
    }
}
