//! A live catalog and pushed orders: the shop's own systems change one product, remove one,
//! send the whole catalog (optionally removing what it no longer has) or push an order. Each
//! change is searchable in this process when the call returns and in every other process
//! moments later (Postgres NOTIFY), like the editor's.
use super::editor::{Editor, EditorError};
use super::formats::{CanonicalProduct, ImportError};
use super::import::{Batch, ImportFailure, ImportReport, Options, write};
use crate::domain::{Order, OrderNumber, Product};
use crate::store::{self, products::Upsert};
use std::path::PathBuf;

fn invalid(field: Option<&str>, line: Option<usize>, message: String) -> EditorError {
    let e = ImportError { file: PathBuf::from("body"), line, field: field.map(str::to_string), message };
    EditorError::Import(ImportFailure::Invalid(vec![e]))
}

/// A product as the shop sends it, in the catalog's canonical shape (README, "Catalog format").
pub fn product(value: serde_json::Value, line: Option<usize>) -> Result<Product, EditorError> {
    let canonical: CanonicalProduct = serde_json::from_value(value).map_err(|e| invalid(None, line, e.to_string()))?;
    canonical.validate().map_err(|(field, m)| invalid(Some(field), line, m))
}

impl Editor {
    /// Writes a validated batch (all or nothing) and, when search would find something else,
    /// rebuilds this process's index before returning; other processes follow on NOTIFY.
    pub(super) async fn apply(&self, batch: &Batch, prune: bool) -> Result<ImportReport, EditorError> {
        let report = write(&self.pool, batch, Options { show_progress: false, prune }).await?;
        if report.changes_index() {
            self.retriever.reload(&self.pool).await.map_err(EditorError::Reindex)?;
        }
        Ok(report)
    }

    /// Creates or replaces the product at `sku` (the body may repeat the SKU, not contradict it).
    #[tracing::instrument(skip_all, fields(sku))]
    pub async fn put_product(&self, sku: &str, value: serde_json::Value) -> Result<Upsert, EditorError> {
        let p = product(value, None)?;
        if p.sku.as_str() != sku {
            return Err(invalid(Some("sku"), None, format!("the body says `{}` but the address says `{sku}`", p.sku)));
        }
        let batch = Batch { products: vec![p], ..Batch::default() };
        Ok(self.apply(&batch, false).await?.products.outcome())
    }

    /// Removes a product: it is never found or cited again.
    #[tracing::instrument(skip_all, fields(sku))]
    pub async fn delete_product(&self, sku: &str) -> Result<(), EditorError> {
        let mut tx = self.pool.begin().await?;
        if !store::products::delete(&mut tx, sku).await? {
            return Err(EditorError::NoProduct);
        }
        store::articles::notify_changed(&mut tx, "catalog").await?;
        tx.commit().await?;
        self.retriever.reload(&self.pool).await.map_err(EditorError::Reindex)
    }

    /// The whole catalog, validated completely before anything is written; with `prune`, the
    /// products it does not have are removed.
    #[tracing::instrument(skip_all, fields(products = products.len(), prune))]
    pub async fn sync(&self, products: Vec<serde_json::Value>, prune: bool) -> Result<ImportReport, EditorError> {
        let mut batch = Batch::default();
        let mut errors = Vec::new();
        for (i, value) in products.into_iter().enumerate() {
            match product(value, Some(i + 1)) {
                Ok(p) => batch.products.push(p),
                Err(EditorError::Import(ImportFailure::Invalid(mut e))) => errors.append(&mut e),
                Err(e) => return Err(e),
            }
        }
        if !errors.is_empty() {
            return Err(ImportFailure::Invalid(errors).into());
        }
        self.apply(&batch, prune).await
    }

    /// Creates or replaces an order pushed by the shop.
    #[tracing::instrument(skip_all, fields(number))]
    pub async fn put_order(&self, number: &str, value: serde_json::Value) -> Result<Upsert, EditorError> {
        let number = OrderNumber::parse(number).map_err(|m| invalid(Some("number"), None, m))?;
        let order = Order::from_json(value).map_err(|(field, m)| invalid(field.as_deref(), None, m))?;
        if order.number != number {
            let m = format!("the body says `{}` but the address says `{number}`", order.number);
            return Err(invalid(Some("number"), None, m));
        }
        order.validate().map_err(|(field, m)| invalid(Some(&field), None, m))?;
        let batch = Batch { orders: vec![order], ..Batch::default() };
        Ok(self.apply(&batch, false).await?.orders.outcome())
    }
}
