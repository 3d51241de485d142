//! Orders stored by Aisle: imported with `aisle import` or pushed with `PUT /api/orders/{number}`.
use super::{OrderError, OrderSource, ReturnNotice};
use crate::domain::{Order, OrderNumber};
use crate::store::orders;
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use sqlx::PgPool;

pub struct PostgresOrders {
    pool: PgPool,
}

impl PostgresOrders {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

impl OrderSource for PostgresOrders {
    fn find<'a>(&'a self, number: &'a OrderNumber) -> BoxFuture<'a, Result<Option<Order>, OrderError>> {
        async move { orders::get(&self.pool, number).await.map_err(|e| OrderError::Unavailable(e.to_string())) }.boxed()
    }

    fn send_return<'a>(&'a self, _notice: &'a ReturnNotice) -> BoxFuture<'a, Result<bool, OrderError>> {
        async { Ok(false) }.boxed()
    }
}
