//! Types that are valid by construction: parsed once at the edge, trusted inside.
mod article;
mod conversation;
mod mask;
mod product;
mod search;

pub use article::{Article, ArticleKind, FieldError, slug};
pub use conversation::{
    AnsweredBy, Author, ClaimAction, ConversationStatus, EscalationReason, MAX_MESSAGE_CHARS, Outcome, ShopperText,
};
pub use mask::mask;
pub use product::{Money, Product, Sku};
pub use search::{DocKind, Filters, SearchRequest, lift_constraints};
