//! A catalog product: the only source of prices, stock and per-product policy.
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

/// An amount of money in minor units (cents), never a float inside; shown as a decimal (9.99).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(pub i64);

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Money::from_f64(v).ok_or_else(|| serde::de::Error::custom(format!("{v} is not a price")))
    }
}

impl Money {
    /// Parses a decimal amount such as `9.99` or `"1,299.00"`.
    pub fn parse_decimal(raw: &str) -> Result<Self, String> {
        let s: String = raw.trim().trim_start_matches('$').chars().filter(|c| *c != ',').collect();
        let value: f64 = s.parse().map_err(|_| format!("`{raw}` is not a price"))?;
        Self::from_f64(value).ok_or_else(|| format!("`{raw}` is not a price (must be 0 or more)"))
    }
    pub fn from_f64(value: f64) -> Option<Self> {
        (value.is_finite() && value >= 0.0).then(|| Money((value * 100.0).round() as i64))
    }
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
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

impl fmt::Display for Money {
    /// `$1,099.99`: the way prices are shown everywhere, so a checked answer and a card agree.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, cents) = (self.0 / 100, self.0 % 100);
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "${grouped}.{cents:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shown_with_thousands_and_cents() {
        assert_eq!(Money(109_999).to_string(), "$1,099.99");
        assert_eq!(Money(999).to_string(), "$9.99");
        assert_eq!(Money(100_000_000).to_string(), "$1,000,000.00");
    }
}
