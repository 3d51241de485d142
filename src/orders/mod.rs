//! Where orders come from: Aisle's own table (`postgres`, filled by import or pushed by the shop)
//! or the shop's own order API (`http`, behind retries and a circuit breaker). The chat service
//! sees only `OrderSource`; it never learns which one answered.
mod breaker;
mod http;
mod mapping;
mod postgres;

pub use http::HttpOrders;
pub use mapping::Mapping;
pub use postgres::PostgresOrders;

use crate::domain::{Order, OrderNumber};
use futures_util::future::BoxFuture;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    /// The order system did not answer (down, too slow, or refused); try again later.
    #[error("the order system cannot be reached: {0}")]
    Unavailable(String),
}

/// A confirmed return, as sent to the shop.
#[derive(Debug, Clone, Serialize)]
pub struct ReturnNotice {
    pub id: Uuid,
    pub order_number: String,
    pub items: serde_json::Value,
}

pub trait OrderSource: Send + Sync {
    /// The order with this number, or `None` when there is none.
    fn find<'a>(&'a self, number: &'a OrderNumber) -> BoxFuture<'a, Result<Option<Order>, OrderError>>;

    /// Tells the shop's own system about a confirmed return: `Ok(true)` when it took it,
    /// `Ok(false)` when this source has nowhere to send it (staff take it from the console).
    fn send_return<'a>(&'a self, notice: &'a ReturnNotice) -> BoxFuture<'a, Result<bool, OrderError>>;
}
