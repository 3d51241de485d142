//! Types that are valid by construction: parsed once at the edge, trusted inside.
mod article;
mod product;
mod search;

pub use article::{Article, ArticleKind};
pub use product::{Money, Product, Sku};
pub use search::{DocKind, Filters, SearchRequest};
