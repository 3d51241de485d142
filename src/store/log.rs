//! The one write path for messages, from shoppers, Aisle and staff alike. Every message reaches Postgres. While Postgres is unreachable, messages are appended to a spool
//! file (fsynced) and replayed, in order and idempotently, once it is back.
use super::conversations::{MessageRow, insert_message};
use sqlx::PgPool;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::Mutex;

pub struct ConversationLog {
    pool: PgPool,
    spool: PathBuf,
    /// Serialises writers, so the spool keeps message order and is never replayed mid-write.
    lock: Mutex<()>,
}

impl ConversationLog {
    pub fn new(pool: PgPool, spool: PathBuf) -> Self {
        Self { pool, spool, lock: Mutex::new(()) }
    }

    /// Writes a message, or spools it; an error here means the message could not even be spooled.
    #[tracing::instrument(skip_all, fields(conversation = %m.conversation_id, message = %m.id))]
    pub async fn write(&self, m: &MessageRow) -> std::io::Result<()> {
        let _guard = self.lock.lock().await;
        // Order matters: while anything is spooled, new messages queue behind it.
        if !self.spool.exists() {
            match insert_message(&self.pool, m).await {
                Ok(()) => return Ok(()),
                Err(e) => tracing::warn!(error = %e, "Postgres unavailable: spooling the message to disk"),
            }
        }
        self.append(m)
    }

    fn append(&self, m: &MessageRow) -> std::io::Result<()> {
        if let Some(dir) = self.spool.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.spool)?;
        let line = serde_json::to_string(m).map_err(std::io::Error::other)?;
        writeln!(f, "{line}")?;
        f.sync_data()
    }

    /// Replays the spool into Postgres; the file is removed only when every line is in.
    pub async fn replay(&self) -> Result<usize, String> {
        let _guard = self.lock.lock().await;
        let Ok(file) = std::fs::File::open(&self.spool) else { return Ok(0) };
        let mut n = 0;
        for line in std::io::BufReader::new(file).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let m: MessageRow = match serde_json::from_str(&line) {
                Ok(m) => m,
                Err(e) => {
                    tracing::error!(error = %e, "skipping an unreadable spooled line");
                    continue;
                }
            };
            insert_message(&self.pool, &m).await.map_err(|e| e.to_string())?;
            n += 1;
        }
        std::fs::remove_file(&self.spool).map_err(|e| e.to_string())?;
        Ok(n)
    }

    pub fn has_spooled(&self) -> bool {
        self.spool.exists()
    }

    /// Keeps trying to empty the spool.
    pub async fn replay_forever(self: std::sync::Arc<Self>) {
        loop {
            tokio::time::sleep(Duration::from_millis(500)).await;
            if self.has_spooled() {
                match self.replay().await {
                    Ok(n) if n > 0 => tracing::info!(messages = n, "spooled messages written to Postgres"),
                    Ok(_) => {}
                    Err(e) => tracing::debug!(error = %e, "Postgres still unavailable; messages stay spooled"),
                }
            }
        }
    }
}
