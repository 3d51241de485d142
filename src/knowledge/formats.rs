//! Readers for each accepted shape. Every problem names the file, the line and the field.
//!
//! - **Canonical JSONL** (`*.jsonl`): one product per line, see README "Catalog format".
//! - **DummyJSON** (`*.json`): an array of products, or `{"products": [...]}`.
//! - **CSV** (`*.csv`): a header row with the canonical field names; `tags` separated by `;`.
//! - **Orders** (`orders*.jsonl`, `orders*.csv`): one order per line, or one item per CSV row (see `orders.rs`).
//! - **Articles** (`*.md`): TOML front matter between `+++` lines (`id`, `title`, `kind`, `tags`, and `[[asked]]` groups: an
//!   `answer` copied from the text and the `questions` shoppers ask it with), then the text.
use super::orders::{read_csv as read_orders_csv, read_jsonl as read_orders_jsonl};
pub use super::problems::ImportError;
use super::problems::{at, field_of, parse_error};
use crate::domain::{Article, Asked, Money, Order, Product, Sku, clean};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub enum Parsed {
    Products(Vec<(usize, Product)>),
    Orders(Vec<(usize, Order)>),
    Article(Article),
}

/// Reads one file by its extension; `orders*.jsonl` and `orders*.csv` are orders.
pub fn read_file(path: &Path) -> Result<Parsed, Vec<ImportError>> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let orders = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_lowercase().starts_with("orders"));
    let named =
        |errs: Vec<ImportError>| errs.into_iter().map(|e| ImportError { file: path.to_path_buf(), ..e }).collect();
    match std::fs::read_to_string(path) {
        Ok(text) if orders && ext == "jsonl" => read_orders_jsonl(&text).map(Parsed::Orders).map_err(named),
        Ok(text) if orders && ext == "csv" => read_orders_csv(&text).map(Parsed::Orders).map_err(named),
        Ok(text) => read_text(path, &ext, &text),
        Err(e) => Err(vec![ImportError {
            file: path.to_path_buf(),
            line: None,
            field: None,
            message: format!("cannot read the file: {e}"),
        }]),
    }
}

/// Reads text in the format `ext` (`jsonl`, `json`, `csv`, `md`); problems name `file`.
pub fn read_text(file: &Path, ext: &str, text: &str) -> Result<Parsed, Vec<ImportError>> {
    match ext {
        "jsonl" => read_jsonl(text).map(Parsed::Products),
        "json" => read_dummyjson(text).map(Parsed::Products),
        "csv" => read_csv(text).map(Parsed::Products),
        "md" => read_article(text).map(Parsed::Article).map_err(|e| vec![e]),
        _ => Err(vec![ImportError {
            file: PathBuf::new(),
            line: None,
            field: None,
            message: "unknown file type (use .jsonl, .json, .csv or .md)".into(),
        }]),
    }
    .map_err(|errs| errs.into_iter().map(|e| ImportError { file: file.to_path_buf(), ..e }).collect())
}

/// The documented canonical shape; also what CSV rows deserialize into.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanonicalProduct {
    pub sku: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub brand: Option<String>,
    pub category: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub price: f64,
    #[serde(default = "usd")]
    pub currency: String,
    #[serde(default)]
    pub stock: i64,
    #[serde(default)]
    pub rating: Option<f64>,
    #[serde(default)]
    pub warranty: Option<String>,
    #[serde(default)]
    pub shipping: Option<String>,
    #[serde(default)]
    pub return_policy: Option<String>,
    #[serde(default)]
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
}

fn usd() -> String {
    "USD".into()
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl CanonicalProduct {
    /// Validates every field; the error names the first bad field.
    pub fn validate(mut self) -> Result<Product, (&'static str, String)> {
        self.clean_text()?;
        let sku = Sku::parse(&self.sku).map_err(|e| ("sku", e))?;
        let title = self.title.trim().to_string();
        if title.is_empty() {
            return Err(("title", "the title is empty".into()));
        }
        let category = self.category.trim().to_lowercase();
        if category.is_empty() {
            return Err(("category", "the category is empty".into()));
        }
        let price = Money::from_f64(self.price)
            .ok_or(("price", format!("{} is not a price (must be 0 or more)", self.price)))?;
        let currency = self.currency.trim().to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(("currency", format!("`{currency}` is not a three-letter currency code")));
        }
        let stock = i32::try_from(self.stock)
            .ok()
            .filter(|s| *s >= 0)
            .ok_or(("stock", format!("{} is not a stock count (0 or more)", self.stock)))?;
        if let Some(r) = self.rating
            && !(0.0..=5.0).contains(&r)
        {
            return Err(("rating", format!("{r} is not a rating between 0 and 5")));
        }
        Ok(Product {
            sku,
            title,
            description: self.description.trim().to_string(),
            brand: non_empty(self.brand),
            category,
            tags: self.tags.into_iter().map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()).collect(),
            price,
            currency,
            stock,
            rating: self.rating.map(|r| r as f32),
            warranty: non_empty(self.warranty),
            shipping: non_empty(self.shipping),
            return_policy: non_empty(self.return_policy),
            attributes: serde_json::Value::Object(self.attributes.unwrap_or_default()),
        })
    }

    /// Every text field as it will be stored (`domain::clean`): a NUL anywhere is refused.
    fn clean_text(&mut self) -> Result<(), (&'static str, String)> {
        fn one(name: &'static str, t: &mut String) -> Result<(), (&'static str, String)> {
            *t = clean(name, t).map_err(|e| (name, e.to_string()))?.into_owned();
            Ok(())
        }
        one("sku", &mut self.sku)?;
        one("title", &mut self.title)?;
        one("description", &mut self.description)?;
        one("category", &mut self.category)?;
        one("currency", &mut self.currency)?;
        self.tags.iter_mut().try_for_each(|t| one("tags", t))?;
        for (name, field) in [
            ("brand", &mut self.brand),
            ("warranty", &mut self.warranty),
            ("shipping", &mut self.shipping),
            ("return_policy", &mut self.return_policy),
        ] {
            field.as_mut().map_or(Ok(()), |t| one(name, t))?;
        }
        let attributes = serde_json::to_string(&self.attributes).unwrap_or_default();
        if attributes.contains("\\u0000") {
            return Err((
                "attributes",
                "an attribute contains a NUL character (U+0000), which cannot be stored".into(),
            ));
        }
        Ok(())
    }
}

fn read_jsonl(text: &str) -> Result<Vec<(usize, Product)>, Vec<ImportError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<CanonicalProduct>(line) {
            Ok(p) => match p.validate() {
                Ok(p) => out.push((n, p)),
                Err((field, msg)) => errors.push(at(n, Some(field), msg)),
            },
            Err(e) => {
                errors.push(parse_error(n, e.to_string()));
            }
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Line number (1-based) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DummyProduct {
    sku: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    brand: Option<String>,
    category: String,
    #[serde(default)]
    tags: Vec<String>,
    price: f64,
    #[serde(default)]
    stock: i64,
    #[serde(default)]
    rating: Option<f64>,
    #[serde(default)]
    warranty_information: Option<String>,
    #[serde(default)]
    shipping_information: Option<String>,
    #[serde(default)]
    return_policy: Option<String>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// Fields from DummyJSON kept as attributes (the rest, such as image URLs and reviewer emails, is dropped).
const KEPT_ATTRIBUTES: &[&str] =
    &["discountPercentage", "weight", "dimensions", "availabilityStatus", "minimumOrderQuantity"];

fn read_dummyjson(text: &str) -> Result<Vec<(usize, Product)>, Vec<ImportError>> {
    #[derive(Deserialize)]
    struct Wrapped<'a> {
        #[serde(borrow)]
        products: Vec<&'a serde_json::value::RawValue>,
    }
    // RawValue cannot sit inside an untagged enum, so try the two shapes in turn.
    let items = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text)
    } else {
        serde_json::from_str::<Wrapped>(text).map(|w| w.products)
    }
    .map_err(|e| {
        vec![at(
            e.line(),
            None,
            format!("not a DummyJSON catalog (an array of products or {{\"products\": [...]}}): {e}"),
        )]
    })?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for raw in items {
        // RawValue borrows from `text`, so its address tells where the item starts.
        let line = line_of(text, raw.get().as_ptr() as usize - text.as_ptr() as usize);
        let p: DummyProduct = match serde_json::from_str(raw.get()) {
            Ok(p) => p,
            Err(e) => {
                errors.push(parse_error(line, e.to_string()));
                continue;
            }
        };
        let attributes =
            KEPT_ATTRIBUTES.iter().filter_map(|k| p.rest.get(*k).map(|v| (k.to_string(), v.clone()))).collect();
        let canonical = CanonicalProduct {
            sku: p.sku,
            title: p.title,
            description: p.description,
            brand: p.brand,
            category: p.category,
            tags: p.tags,
            price: p.price,
            currency: usd(),
            stock: p.stock,
            rating: p.rating,
            warranty: p.warranty_information,
            shipping: p.shipping_information,
            return_policy: p.return_policy,
            attributes: Some(attributes),
        };
        match canonical.validate() {
            Ok(p) => out.push((line, p)),
            Err((field, msg)) => errors.push(at(line, Some(field), msg)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

#[derive(Deserialize)]
struct CsvRow {
    sku: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    brand: Option<String>,
    category: String,
    #[serde(default)]
    tags: String,
    price: f64,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    stock: i64,
    #[serde(default)]
    rating: Option<f64>,
    #[serde(default)]
    warranty: Option<String>,
    #[serde(default)]
    shipping: Option<String>,
    #[serde(default)]
    return_policy: Option<String>,
}

fn read_csv(text: &str) -> Result<Vec<(usize, Product)>, Vec<ImportError>> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let headers = reader.headers().map_err(|e| vec![at(1, None, e.to_string())])?.clone();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(at(line, None, e.to_string()));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let row: CsvRow = match record.deserialize(Some(&headers)) {
            Ok(r) => r,
            Err(e) => {
                let field = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err
                        .field()
                        .and_then(|i| headers.get(i as usize))
                        .map(str::to_string)
                        .or_else(|| field_of(&err.to_string()).map(str::to_string)),
                    _ => None,
                };
                errors.push(ImportError { field, ..at(line, None, e.to_string()) });
                continue;
            }
        };
        let canonical = CanonicalProduct {
            sku: row.sku,
            title: row.title,
            description: row.description,
            brand: row.brand,
            category: row.category,
            tags: row.tags.split(';').map(str::to_string).collect(),
            price: row.price,
            currency: non_empty(row.currency).unwrap_or_else(usd),
            stock: row.stock,
            rating: row.rating,
            warranty: row.warranty,
            shipping: row.shipping,
            return_policy: row.return_policy,
            attributes: None,
        };
        match canonical.validate() {
            Ok(p) => out.push((line, p)),
            Err((field, msg)) => errors.push(at(line, Some(field), msg)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    kind: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    asked: Vec<Asked>,
}

fn read_article(text: &str) -> Result<Article, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some("+++") {
        return Err(at(
            1,
            None,
            "an article starts with a `+++` line, then TOML front matter (id, title, kind, tags, asked), then `+++`",
        ));
    }
    let front: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "+++").collect();
    let body_start = front.len() + 3; // opening fence, front matter, closing fence
    let body: String = text.lines().skip(front.len() + 2).collect::<Vec<_>>().join("\n");
    let fm: FrontMatter = toml::from_str(&front.join("\n")).map_err(|e| {
        let line = e.span().map(|s| line_of(&front.join("\n"), s.start) + 1).unwrap_or(2);
        parse_error(line, e.message().to_string())
    })?;
    // The editor's rules: an article that imports can always be edited.
    Article::new(Some(&fm.id), &fm.kind, &fm.title, &body, &fm.tags, &fm.asked).map_err(|e| {
        let line = if e.field == "body" { body_start } else { 2 };
        at(line, Some(e.field), e.message)
    })
}

/// One product as a canonical JSONL line (used by the synthetic catalog generator and tests).
pub fn canonical_line(p: &Product) -> String {
    serde_json::json!({
        "sku": p.sku, "title": p.title, "description": p.description, "brand": p.brand,
        "category": p.category, "tags": p.tags, "price": p.price.as_f64(), "currency": p.currency,
        "stock": p.stock, "rating": p.rating, "warranty": p.warranty, "shipping": p.shipping,
        "return_policy": p.return_policy,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_jsonl_line_names_its_line_and_field() {
        let text = "{\"sku\":\"A-1\",\"title\":\"Mug\",\"category\":\"kitchen\",\"price\":3}\n{\"sku\":\"A-2\",\"title\":\"Cup\",\"category\":\"kitchen\",\"price\":-1}\n";
        let errs = read_jsonl(text).err().unwrap_or_default();
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].line, errs[0].field.as_deref()), (Some(2), Some("price")));
    }

    #[test]
    fn a_missing_field_is_named() {
        let errs = read_jsonl("{\"sku\":\"A-1\",\"category\":\"kitchen\",\"price\":3}").err().unwrap_or_default();
        assert_eq!(errs[0].field.as_deref(), Some("title"));
    }

    #[test]
    fn dummyjson_items_report_the_line_they_start_on() {
        let text = "[\n {\"sku\":\"A-1\",\"title\":\"Mug\",\"category\":\"k\",\"price\":3},\n {\"sku\":\"A 2\",\"title\":\"Cup\",\"category\":\"k\",\"price\":1}\n]";
        let errs = read_dummyjson(text).err().unwrap_or_default();
        assert_eq!((errs[0].line, errs[0].field.as_deref()), (Some(3), Some("sku")));
    }

    #[test]
    fn csv_rows_report_line_and_column() {
        let text = "sku,title,category,price,stock\nA-1,Mug,kitchen,3.50,4\nA-2,Cup,kitchen,cheap,1\n";
        let errs = read_csv(text).err().unwrap_or_default();
        assert_eq!((errs[0].line, errs[0].field.as_deref()), (Some(3), Some("price")));
    }

    #[test]
    fn articles_need_front_matter() {
        let a =
            read_article("+++\nid = \"x\"\ntitle = \"Gift wrap\"\nkind = \"faq\"\n+++\nBody text of the answer.").ok();
        assert_eq!(a.map(|a| a.body), Some("Body text of the answer.".to_string()));
        let e = read_article("+++\nid = \"x\"\ntitle = \"X\"\nkind = \"blog\"\n+++\nBody").err();
        assert_eq!(e.and_then(|e| e.field), Some("kind".to_string()));
    }
}
