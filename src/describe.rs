//! Product descriptions drafted by the model from catalog fields only, checked against those
//! fields, and stored for a person to review.
use crate::domain::Product;
use crate::llm::{ChatMessage, GenRequest, Generator, Role, complete};
use crate::prompts::Prompts;
use crate::store::{descriptions, descriptions::Draft, products};
use regex_lite::Regex;
use sqlx::PgPool;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Friendly,
    Professional,
    Playful,
    Luxury,
}

#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Length {
    Short,
    Medium,
    Long,
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Friendly => "friendly",
            Tone::Professional => "professional",
            Tone::Playful => "playful",
            Tone::Luxury => "luxury",
        }
    }
}

impl Length {
    pub fn as_str(self) -> &'static str {
        match self {
            Length::Short => "short",
            Length::Medium => "medium",
            Length::Long => "long",
        }
    }

    fn words(self) -> u32 {
        match self {
            Length::Short => 40,
            Length::Medium => 80,
            Length::Long => 140,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DescribeError {
    #[error("there is no product with SKU {0}")]
    UnknownProduct(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the language model is not available")]
    ModelUnavailable,
    #[error("the model failed: {0}")]
    Model(String),
    #[error("the database failed")]
    Database(#[from] sqlx::Error),
}

/// Everything the draft may say, as short statements.
pub fn facts(p: &Product) -> Vec<String> {
    let mut f = vec![format!("Name: {}", p.title), format!("Category: {}", p.category.replace('-', " "))];
    if let Some(b) = &p.brand {
        f.push(format!("Brand: {b}"));
    }
    if !p.tags.is_empty() {
        f.push(format!("Tags: {}", p.tags.join(", ")));
    }
    if !p.description.is_empty() {
        f.push(format!("Catalog text: {}", p.description));
    }
    for (label, v) in [("Warranty", &p.warranty), ("Shipping", &p.shipping), ("Returns", &p.return_policy)] {
        if let Some(v) = v {
            f.push(format!("{label}: {v}"));
        }
    }
    if let Some(d) = p.attributes.get("dimensions").and_then(|d| d.as_object()) {
        let dims: Vec<String> = d.iter().map(|(k, v)| format!("{k} {v}")).collect();
        f.push(format!("Dimensions (cm): {}", dims.join(", ")));
    }
    if let Some(w) = p.attributes.get("weight") {
        f.push(format!("Weight: {w}"));
    }
    f
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)?").expect("valid pattern"));
/// Claims shoppers rely on that a model likes to add; a draft may use them only if the facts do.
#[rustfmt::skip]
const CLAIMS: &[&str] = &[
    "waterproof", "water-resistant", "organic", "vegan", "certified", "eco-friendly", "sustainable", "recycled",
    "handmade", "hypoallergenic", "dermatologist", "bluetooth", "wireless", "stainless", "leather", "cotton", "silk",
    "gold", "silver", "diamond", "free shipping", "guarantee", "best-selling", "award", "range of", "variety of",
    "colours", "colors", "sizes", "high-quality", "premium", "durable", "materials", "adjustable", "lumbar",
];

/// A draft cut off by the token limit ends at its last complete sentence.
fn whole_sentences(text: &str) -> &str {
    match text.rfind(['.', '!', '?']) {
        Some(i) => &text[..=i],
        None => text,
    }
}

/// Numbers and claims in the draft that the product data does not contain.
pub fn unsupported(draft: &str, facts: &[String]) -> Vec<String> {
    let known = facts.join(" ").to_lowercase();
    let text = draft.to_lowercase();
    let mut out: Vec<String> =
        NUMBER.find_iter(&text).map(|m| m.as_str().to_string()).filter(|n| !known.contains(n.as_str())).collect();
    out.extend(CLAIMS.iter().filter(|c| text.contains(*c) && !known.contains(*c)).map(|c| c.to_string()));
    out.sort();
    out.dedup();
    out
}

pub struct DescribeRequest {
    pub variants: usize,
    pub tone: Tone,
    pub length: Length,
}

/// Drafts `variants` descriptions (decoded together by the engine's slots) and stores them.
#[tracing::instrument(skip_all, fields(sku))]
pub async fn describe(
    pool: &PgPool,
    generator: Option<&dyn Generator>,
    prompts: &Prompts,
    sku: &str,
    req: DescribeRequest,
) -> Result<Vec<Draft>, DescribeError> {
    if !(1..=3).contains(&req.variants) {
        return Err(DescribeError::Invalid("variants must be between 1 and 3".into()));
    }
    let product = products::get(pool, sku).await?.ok_or_else(|| DescribeError::UnknownProduct(sku.to_string()))?;
    let generator = generator.ok_or(DescribeError::ModelUnavailable)?;
    let facts = facts(&product);
    let (tone, length) = (req.tone.as_str(), req.length.as_str());
    let prompt = prompts.describe(&facts, tone, req.length.words()).map_err(|e| DescribeError::Model(e.to_string()))?;
    let request = GenRequest {
        messages: vec![
            ChatMessage { role: Role::System, content: prompts.replies().describe_system.clone() },
            ChatMessage { role: Role::User, content: prompt },
        ],
        max_tokens: req.length.words() * 2 + 60,
        greedy: false,
    };
    let runs = (0..req.variants).map(|_| complete(generator, request.clone()));
    let texts = futures_util::future::join_all(runs).await;
    let mut drafts = Vec::new();
    for result in texts {
        let (text, usage) = result.map_err(DescribeError::Model)?;
        let text = text.trim();
        let text = if usage.stop == crate::llm::StopReason::End { text } else { whole_sentences(text) }.to_string();
        let unsupported = unsupported(&text, &facts);
        let draft = Draft {
            id: uuid::Uuid::new_v4(),
            sku: product.sku.to_string(),
            tone: tone.into(),
            length: length.into(),
            status: if unsupported.is_empty() { "draft" } else { "flagged" }.into(),
            unsupported,
            text,
            model: generator.model_name().to_string(),
            created_at: chrono::Utc::now(),
        };
        descriptions::insert(pool, &draft).await?;
        drafts.push(draft);
    }
    Ok(drafts)
}

#[cfg(test)]
mod tests {
    use super::unsupported;

    #[test]
    fn numbers_and_claims_absent_from_the_facts_are_caught() {
        let facts = vec!["Name: Red Lipstick".to_string(), "Warranty: 1 year warranty".to_string()];
        assert_eq!(unsupported("A red lipstick with a 1 year warranty.", &facts), Vec::<String>::new());
        assert_eq!(unsupported("Vegan, lasts 12 hours, only $12.99!", &facts), vec!["12", "12.99", "vegan"]);
    }
}
