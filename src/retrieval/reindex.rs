//! Rebuilds that pile up share one. Each KB edit, import or NOTIFY asks for a rebuild; a request
//! already covered by a rebuild that started after it was made returns at once, so a burst of
//! edits costs one or two rebuilds, not one each. `Retriever::reload` is the one re-index.
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub(super) struct Reloads {
    lock: tokio::sync::Mutex<()>,
    requested: AtomicU64,
    done: AtomicU64,
}

impl Reloads {
    /// Runs `rebuild` unless a rebuild that started after this call has already finished.
    pub async fn coalesce<E, F: Future<Output = Result<(), E>>>(&self, rebuild: impl FnOnce() -> F) -> Result<(), E> {
        let wanted = self.requested.fetch_add(1, Ordering::AcqRel) + 1;
        let _one_at_a_time = self.lock.lock().await;
        if self.done.load(Ordering::Acquire) >= wanted {
            return Ok(());
        }
        let covers = self.requested.load(Ordering::Acquire);
        rebuild().await?;
        self.done.store(covers, Ordering::Release);
        Ok(())
    }
}
