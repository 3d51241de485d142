//! Types that are valid by construction: parsed once at the edge, trusted inside.
mod article;
#[macro_use]
mod conversation;
mod hours;
mod language;
mod mask;
mod money;
mod order;
mod product;
mod search;
mod text;

pub use article::{Article, ArticleId, ArticleKind, Asked, FieldError, holds_words, slug};
pub use conversation::{
    AnsweredBy, Author, ClaimAction, ConversationStatus, EscalationReason, MAX_MESSAGE_CHARS, Outcome, ShopperText,
};
pub use hours::Hours;
pub use language::Language;
pub use mask::{is_email, mask};
pub use money::Money;
pub use order::{Email, ItemView, Order, OrderItem, OrderNumber, OrderStatus, Shipment};
pub use product::{Product, Sku};
pub use search::{DocKind, Filters, MAX_QUERY_CHARS, SearchRequest, lift_constraints};
pub use text::{TextError, clean, fold, folded, is_cjk, names_clock_time, plain, sentence_end, sentences, storable};
