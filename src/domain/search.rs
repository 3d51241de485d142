//! A search as the rest of Aisle sees it: clean text plus explicit filters.
//!
//! Shoppers put constraints in words ("under $50", "in stock", "4 stars and up"); they are lifted
//! out of the text here, so the text that reaches the ranker is only about *what* they want.
use super::Money;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    #[default]
    All,
    Product,
    Article,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Filters {
    pub min_price: Option<Money>,
    pub max_price: Option<Money>,
    pub category: Option<String>,
    pub in_stock: bool,
    pub min_rating: Option<f32>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query with constraint phrases removed.
    pub text: String,
    /// What the shopper typed.
    pub original: String,
    pub filters: Filters,
    pub kind: DocKind,
    pub limit: usize,
    /// Re-rank for diversity (MMR) so near-duplicates do not fill the top.
    pub diverse: bool,
}

pub const MAX_LIMIT: usize = 50;
pub const MAX_QUERY_CHARS: usize = 500;

impl SearchRequest {
    /// Builds a request, lifting constraints out of the text. Explicit filters win over parsed ones.
    pub fn parse(query: &str, explicit: Filters, kind: DocKind, limit: usize, diverse: bool) -> Result<Self, String> {
        let original = super::text::clean("the query", query).map_err(|e| e.to_string())?.trim().to_string();
        if original.is_empty() {
            return Err("the query is empty: type what you are looking for".into());
        }
        if original.chars().count() > MAX_QUERY_CHARS {
            return Err(format!("the query is longer than {MAX_QUERY_CHARS} characters"));
        }
        if limit == 0 || limit > MAX_LIMIT {
            return Err(format!("limit must be between 1 and {MAX_LIMIT}"));
        }
        let (text, parsed) = lift_constraints(&original);
        let filters = Filters {
            min_price: explicit.min_price.or(parsed.min_price),
            max_price: explicit.max_price.or(parsed.max_price),
            category: explicit.category.or(parsed.category),
            in_stock: explicit.in_stock || parsed.in_stock,
            min_rating: explicit.min_rating.or(parsed.min_rating),
        };
        if let (Some(lo), Some(hi)) = (filters.min_price, filters.max_price)
            && lo > hi
        {
            return Err("the minimum price is above the maximum price".into());
        }
        // A query that was only constraints ("under $20") still searches: keep the original words.
        let text = if text.trim().is_empty() { original.clone() } else { text };
        Ok(Self { text, original, filters, kind, limit, diverse })
    }
}

struct Pattern {
    re: regex_lite::Regex,
    apply: fn(&regex_lite::Captures, &mut Filters),
}

fn amount(c: &regex_lite::Captures, name: &str) -> Option<Money> {
    c.name(name).and_then(|m| Money::parse_decimal(m.as_str()).ok())
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    const NUM: &str = r"\$?\s?(?P<{}>\d+(?:[.,]\d+)?)\s?(?:dollars|usd|bucks|\$)?";
    let num = |n: &str| NUM.replace("{}", n);
    let p = |re: String, apply: fn(&regex_lite::Captures, &mut Filters)| Pattern {
        re: regex_lite::Regex::new(&format!("(?i){re}")).expect("constraint patterns are valid"),
        apply,
    };
    vec![
        p(format!(r"\bbetween\s+{}\s+and\s+{}", num("lo"), num("hi")), |c, f| {
            f.min_price = amount(c, "lo");
            f.max_price = amount(c, "hi");
        }),
        // "from $300 to $600", "$300-$600", "300 to 600 dollars": a range without "between".
        p(format!(r"\bfrom\s+{}\s*(?:to|-|–|and)\s*{}", num("lo"), num("hi")), |c, f| {
            f.min_price = amount(c, "lo");
            f.max_price = amount(c, "hi");
        }),
        p(format!(r"\$\s?(?P<lo>\d+(?:[.,]\d+)?)\s*(?:to|-|–)\s*{}", num("hi")), |c, f| {
            f.min_price = amount(c, "lo");
            f.max_price = amount(c, "hi");
        }),
        p(
            r"\b(?P<lo>\d+(?:[.,]\d+)?)\s*(?:to|-|–)\s*(?P<hi>\d+(?:[.,]\d+)?)\s?(?:dollars|usd|bucks|\$)".into(),
            |c, f| {
                f.min_price = amount(c, "lo");
                f.max_price = amount(c, "hi");
            },
        ),
        // A comparison said no to is its opposite: "no more than $250" is at most $250.
        p(format!(r"\b(?:no|not)\s+(?:more|higher|dearer|pricier)\s+than\s*{}", num("v")), |c, f| {
            f.max_price = amount(c, "v")
        }),
        p(format!(r"\b(?:no|not)\s+(?:less|lower|cheaper)\s+than\s*{}", num("v")), |c, f| f.min_price = amount(c, "v")),
        p(format!(r"\b(?:under|below|less than|cheaper than|at most|up to|max(?:imum)?|<)\s*{}", num("v")), |c, f| {
            f.max_price = amount(c, "v")
        }),
        p(format!(r"\b(?:over|above|more than|at least|min(?:imum)?|>)\s*{}", num("v")), |c, f| {
            f.min_price = amount(c, "v")
        }),
        p(r"\b(?:in stock|available now|available today|in-stock)\b".into(), |_, f| f.in_stock = true),
        p(
            r"\b(?:rated\s+)?(?P<r>[1-5](?:\.\d)?)\s*(?:\+|stars?\s*(?:and\s+up|or\s+more|\+)?|star rating)".into(),
            |c, f| f.min_rating = c.name("r").and_then(|m| m.as_str().parse().ok()),
        ),
    ]
});

/// Returns the text with constraint phrases removed, and the filters they expressed.
pub fn lift_constraints(query: &str) -> (String, Filters) {
    let mut filters = Filters::default();
    let mut text = query.to_string();
    for p in PATTERNS.iter() {
        if let Some(c) = p.re.captures(&text) {
            (p.apply)(&c, &mut filters);
            let range = c.get(0).map(|m| m.range()).unwrap_or(0..0);
            text.replace_range(range, " ");
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (text, filters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_ceiling_and_stock_are_lifted_out_of_the_words() {
        let (text, f) = lift_constraints("wireless headphones under $50 in stock");
        assert_eq!(text, "wireless headphones");
        assert_eq!(f.max_price, Some(Money(5000)));
        assert!(f.in_stock);
    }

    #[test]
    fn ranges_and_ratings_are_understood() {
        let (text, f) = lift_constraints("lipstick between 10 and 20 dollars rated 4+");
        assert_eq!(text, "lipstick");
        assert_eq!((f.min_price, f.max_price), (Some(Money(1000)), Some(Money(2000))));
        assert_eq!(f.min_rating, Some(4.0));
    }

    #[test]
    fn ranges_without_between_and_comparisons_said_no_to_are_understood() {
        for q in ["smartphones from $300 to $600", "smartphones $300-$600", "smartphones 300 to 600 dollars"] {
            let (text, f) = lift_constraints(q);
            assert_eq!(text, "smartphones", "{q}");
            assert_eq!((f.min_price, f.max_price), (Some(Money(30000)), Some(Money(60000))), "{q}");
        }
        let (_, f) = lift_constraints("a phone that costs no more than $250");
        assert_eq!((f.min_price, f.max_price), (None, Some(Money(25000))));
        let (_, f) = lift_constraints("a sofa for not less than 1,000 dollars");
        assert_eq!((f.min_price, f.max_price), (Some(Money(100000)), None));
    }

    #[test]
    fn plain_numbers_in_product_names_are_left_alone() {
        let (text, f) = lift_constraints("iphone 13 pro");
        assert_eq!(text, "iphone 13 pro");
        assert!(f.is_empty());
    }

    #[test]
    fn a_minimum_above_the_maximum_is_refused() {
        let explicit = Filters { min_price: Some(Money(9000)), ..Filters::default() };
        assert!(SearchRequest::parse("shoes under $50", explicit, DocKind::All, 10, false).is_err());
    }
}
