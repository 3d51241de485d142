//! A catalog product: the only source of prices, stock and per-product policy.
use super::Money;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stock-keeping unit: non-empty, no whitespace, at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sku(String);

impl Sku {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("the SKU is empty".into());
        }
        if s.len() > 64 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("`{}` is not a SKU (at most 64 characters, no spaces)", s.escape_debug()));
        }
        Ok(Self(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Sku {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Sku::parse(&s)
    }
}
impl From<Sku> for String {
    fn from(s: Sku) -> String {
        s.0
    }
}
impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub sku: Sku,
    pub title: String,
    pub description: String,
    pub brand: Option<String>,
    pub category: String,
    pub tags: Vec<String>,
    pub price: Money,
    pub currency: String,
    pub stock: i32,
    pub rating: Option<f32>,
    pub warranty: Option<String>,
    pub shipping: Option<String>,
    pub return_policy: Option<String>,
    pub attributes: serde_json::Value,
}

impl Product {
    /// The text a dense vector is computed from: what a shopper might say about it.
    pub fn embedding_text(&self) -> String {
        let mut s = self.title.clone();
        if let Some(b) = &self.brand {
            s.push_str(" by ");
            s.push_str(b);
        }
        s.push_str(". ");
        s.push_str(&self.category.replace('-', " "));
        if !self.tags.is_empty() {
            s.push_str(". ");
            s.push_str(&self.tags.join(", "));
        }
        s.push_str(". ");
        s.push_str(&self.description);
        s
    }
    pub fn in_stock(&self) -> bool {
        self.stock > 0
    }
}

impl Product {
    /// The price as a shopper writing `lang` reads it, in the product's own currency.
    pub fn price_in(&self, lang: super::Language) -> String {
        self.price.show(&self.currency, lang)
    }
}
