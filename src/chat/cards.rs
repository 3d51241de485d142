//! Sources as the shopper sees them (cards with the catalog's facts) and as the model reads them
//! (one numbered line each); and which of them an answer used.
use crate::domain::{ItemView, Language, OrderStatus, Product};
use crate::prompts::PromptSource;
use crate::retrieval::{Hit, Passage, Scores, Source};
use serde::Serialize;

/// A source as the shopper sees it: what it is, and (for products) the catalog facts.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCard {
    pub n: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// An order card: the order's facts as the shopper may see them once it is theirs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderCard>,
    pub scores: Scores,
}

/// A verified order as its card shows it: status, items, where each is, and a late flag.
#[derive(Debug, Clone, Serialize)]
pub struct OrderCard {
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: chrono::DateTime<chrono::Utc>,
    pub items: Vec<ItemView>,
    pub late: bool,
}

/// One compact line of catalog facts, each with its name, so the model cannot take one for
/// another: `price: $1,099.99 · stock: 4 in stock · rating: 4.4/5 · warranty: 1 year warranty`.
/// Warranty, shipping and returns are added when the question is about policies: every prompt
/// token costs time to the first word on a CPU.
fn product_facts(p: &Product, policies: bool, lang: Language) -> String {
    let stock = if p.stock > 0 { format!("{} in stock", p.stock) } else { "out of stock".to_string() };
    let mut facts = vec![format!("price: {}", p.price_in(lang)), format!("stock: {stock}")];
    if let Some(r) = p.rating {
        facts.push(format!("rating: {r:.1}/5"));
    }
    if policies {
        let named = [("warranty", &p.warranty), ("shipping", &p.shipping), ("returns", &p.return_policy)];
        facts.extend(named.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {}", v.to_lowercase()))));
    }
    let clause = p.description.split([',', '.']).next().unwrap_or_default().trim();
    format!("{} · about: {}", facts.join(" · "), cut_words(clause, 80))
}

/// At most `max` characters, ending at a whole word.
fn cut_words(text: &str, max: usize) -> &str {
    if text.chars().count() <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    text[..end].rfind(' ').map_or(&text[..end], |i| text[..i].trim_end_matches([',', ';', ':']))
}

/// Article passages are cut to their first few sentences.
pub(super) fn passage_excerpt(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    match cut.rfind(". ") {
        Some(i) => cut[..=i].to_string(),
        None => format!("{cut}..."),
    }
}

impl SourceCard {
    /// A product from the catalog itself, not from a search (a catalog answer's card).
    pub fn product(n: usize, p: &Product) -> Self {
        SourceCard {
            n,
            kind: "product",
            id: p.sku.to_string(),
            title: p.title.clone(),
            product: Some(p.clone()),
            text: None,
            order: None,
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        }
    }

    /// A verified order; its title is what the handoff summary and the staff console show.
    pub fn order(n: usize, title: String, card: OrderCard) -> Self {
        SourceCard {
            n,
            kind: "order",
            id: card.number.clone(),
            title,
            product: None,
            text: None,
            order: Some(card),
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        }
    }

    /// An article's passage, found by its sentences rather than by a search.
    pub fn passage(n: usize, p: &Passage) -> Self {
        SourceCard {
            n,
            kind: p.kind.as_str(),
            id: p.article_id.clone(),
            title: p.title.clone(),
            product: None,
            text: Some(p.text.strip_prefix(&p.title).unwrap_or(&p.text).trim().to_string()),
            order: None,
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        }
    }
}

pub fn cards(hits: &[Hit]) -> Vec<SourceCard> {
    hits.iter()
        .enumerate()
        .map(|(i, h)| match &h.doc.source {
            Source::Product(p) => SourceCard { scores: h.scores.clone(), ..SourceCard::product(i + 1, p) },
            Source::Passage(p) => SourceCard { scores: h.scores.clone(), ..SourceCard::passage(i + 1, p) },
        })
        .collect()
}

/// The sources an answer uses: those it cites as `[n]`, else those it names by title, else all
/// it was given (small models often cite nothing; the shopper still sees what it read).
pub fn used(answer: &str, sources: &[SourceCard]) -> Vec<SourceCard> {
    let mut numbers = cited(answer);
    numbers.retain(|n| sources.iter().any(|s| s.n == *n));
    if numbers.is_empty() {
        let lower = answer.to_lowercase();
        numbers = sources.iter().filter(|s| lower.contains(&s.title.to_lowercase())).map(|s| s.n).collect();
    }
    if numbers.is_empty() {
        return sources.to_vec();
    }
    numbers.into_iter().filter_map(|n| sources.iter().find(|s| s.n == n).cloned()).collect()
}

/// The source numbers an answer cites, as `[n]`, in order of first mention.
pub fn cited(answer: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = answer;
    while let Some(start) = rest.find('[') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find(']') else { break };
        for part in rest[..end].split(',') {
            if let Ok(n) = part.trim().parse::<usize>()
                && n > 0
                && !out.contains(&n)
            {
                out.push(n);
            }
        }
    }
    out
}

/// The sources as the model reads them: products as one line of named catalog facts (with their
/// policy fields when `policies`), articles as their first sentences.
/// `lang` is the shopper's: prices are written as they read them.
pub fn prompt_sources(policies: bool, sources: &[SourceCard], lang: Language) -> Vec<PromptSource> {
    sources
        .iter()
        .map(|s| PromptSource {
            n: s.n,
            label: s.title.clone(),
            text: match &s.product {
                Some(p) => product_facts(p, policies, lang),
                None => passage_excerpt(s.text.as_deref().unwrap_or_default()),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_read_from_the_answer() {
        assert_eq!(
            cited("The Beats Flex costs $49.99 [2]; returns take 30 days [1, 2]. See [9], not [0]."),
            vec![2, 1, 9]
        );
    }

    #[test]
    fn an_answer_that_names_a_product_uses_it() {
        let card = |n: usize, title: &str| SourceCard {
            n,
            kind: "faq",
            id: title.to_lowercase(),
            title: title.into(),
            product: None,
            text: None,
            order: None,
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        };
        let sources = [card(1, "Red Lipstick"), card(2, "Eyeshadow Palette")];
        assert_eq!(used("The Red Lipstick costs $12.99.", &sources).len(), 1);
        assert_eq!(used("See [2].", &sources)[0].n, 2);
    }

    #[test]
    fn product_facts_end_at_a_whole_word() {
        assert_eq!(
            cut_words("offer a comfortable and versatile audio experience", 40),
            "offer a comfortable and versatile audio"
        );
        assert_eq!(cut_words("short", 40), "short");
    }
}
