//! The one write path for conversations and messages, from shoppers, Aisle and staff alike. Every
//! one reaches Postgres. While Postgres is unreachable, they are appended to a spool file
//! (fsynced) and replayed, in order and idempotently, once it is back.
//!
//! One line can never block the rest: a line Postgres refuses for a reason that will not go away
//! (a value it cannot store) is moved to a dead-letter file beside the spool, logged and counted,
//! and replay goes on.
use super::conversations::{MessageRow, create, insert_message};
use super::refused_for_good;
use crate::domain::storable;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Mutex;
use uuid::Uuid;

/// One line of the spool: a conversation started, or a message. Lines written before
/// conversations were spooled are messages, and still read as such.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Spooled {
    Start { start: Uuid, token_hash: Option<String> },
    Message(Box<MessageRow>),
}

impl Spooled {
    async fn insert(&self, pool: &PgPool) -> Result<(), sqlx::Error> {
        match self {
            Spooled::Start { start, token_hash } => create(pool, *start, token_hash.as_deref()).await,
            Spooled::Message(m) => insert_message(pool, m).await,
        }
    }
}

/// What the log has had to do, for `/metrics`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct LogCounts {
    pub spooled: u64,
    pub dead_letters: u64,
}

pub struct ConversationLog {
    pool: PgPool,
    spool: PathBuf,
    dead: PathBuf,
    /// Serialises writers, so the spool keeps message order and is never replayed mid-write.
    lock: Mutex<()>,
    spooled: AtomicU64,
    dead_letters: AtomicU64,
}

impl ConversationLog {
    pub fn new(pool: PgPool, spool: PathBuf) -> Self {
        let dead = spool.with_extension("dead.jsonl");
        Self { pool, spool, dead, lock: Mutex::new(()), spooled: AtomicU64::new(0), dead_letters: AtomicU64::new(0) }
    }

    /// Records a conversation's start (with its token hash), or spools it.
    pub async fn start(&self, id: Uuid, token_hash: Option<String>) -> std::io::Result<()> {
        self.put(Spooled::Start { start: id, token_hash }).await
    }

    /// Writes a message, or spools it; an error here means the message could not even be spooled.
    #[tracing::instrument(skip_all, fields(conversation = %m.conversation_id, message = %m.id))]
    pub async fn write(&self, m: &MessageRow) -> std::io::Result<()> {
        let mut m = m.clone();
        // What a model wrote is not checked at the edge: make sure Postgres can take it.
        m.text = storable(&m.text).into_owned();
        m.author = m.author.as_deref().map(|a| storable(a).into_owned());
        self.put(Spooled::Message(Box::new(m))).await
    }

    async fn put(&self, line: Spooled) -> std::io::Result<()> {
        let _guard = self.lock.lock().await;
        // Order matters: while anything is spooled, new lines queue behind it.
        if !self.spool.exists() {
            match line.insert(&self.pool).await {
                Ok(()) => return Ok(()),
                Err(e) if refused_for_good(&e) => return self.bury(&line, &e),
                Err(e) => tracing::warn!(error = %e, "Postgres unavailable: spooling to disk"),
            }
        }
        self.spooled.fetch_add(1, Ordering::Relaxed);
        append(&self.spool, &[serde_json::to_string(&line).map_err(std::io::Error::other)?])
    }

    /// Moves a line Postgres will never take aside, where an operator can read it.
    fn bury(&self, line: &Spooled, e: &sqlx::Error) -> std::io::Result<()> {
        tracing::error!(error = %e, dead_letters = %self.dead.display(), "Postgres refused a line for good; moved aside");
        self.dead_letters.fetch_add(1, Ordering::Relaxed);
        append(&self.dead, &[serde_json::to_string(line).map_err(std::io::Error::other)?])
    }

    /// Replays the spool into Postgres. Lines refused for good are moved to the dead-letter file;
    /// when Postgres goes away again, the lines not yet in stay spooled, in order.
    pub async fn replay(&self) -> Result<usize, String> {
        let _guard = self.lock.lock().await;
        let Ok(file) = std::fs::File::open(&self.spool) else { return Ok(0) };
        let lines: Vec<String> =
            std::io::BufReader::new(file).lines().collect::<Result<_, _>>().map_err(|e| e.to_string())?;
        let mut n = 0;
        for (i, text) in lines.iter().enumerate() {
            let line: Spooled = match serde_json::from_str(text) {
                Ok(l) => l,
                Err(e) => {
                    tracing::error!(error = %e, "an unreadable spooled line; moved aside");
                    self.dead_letters.fetch_add(1, Ordering::Relaxed);
                    append(&self.dead, std::slice::from_ref(text)).map_err(|e| e.to_string())?;
                    continue;
                }
            };
            // Refused for good: trying again can never succeed. Anything else (no connection, a
            // timeout) is worth a retry.
            match line.insert(&self.pool).await {
                Ok(()) => n += 1,
                Err(e) if refused_for_good(&e) => self.bury(&line, &e).map_err(|e| e.to_string())?,
                Err(e) => {
                    replace(&self.spool, &lines[i..]).map_err(|e| e.to_string())?;
                    return Err(e.to_string());
                }
            }
        }
        std::fs::remove_file(&self.spool).map_err(|e| e.to_string())?;
        Ok(n)
    }

    pub fn has_spooled(&self) -> bool {
        self.spool.exists()
    }

    pub fn counts(&self) -> LogCounts {
        LogCounts {
            spooled: self.spooled.load(Ordering::Relaxed),
            dead_letters: self.dead_letters.load(Ordering::Relaxed),
        }
    }

    /// How many lines wait in the spool now.
    pub fn spool_len(&self) -> usize {
        std::fs::File::open(&self.spool).map(|f| std::io::BufReader::new(f).lines().count()).unwrap_or(0)
    }

    /// Keeps trying to empty the spool.
    pub async fn replay_forever(self: std::sync::Arc<Self>) {
        loop {
            tokio::time::sleep(Duration::from_millis(500)).await;
            if self.has_spooled() {
                match self.replay().await {
                    Ok(n) if n > 0 => tracing::info!(lines = n, "spooled lines written to Postgres"),
                    Ok(_) => {}
                    Err(e) => tracing::debug!(error = %e, "Postgres still unavailable; lines stay spooled"),
                }
            }
        }
    }
}

fn append(path: &Path, lines: &[String]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    for line in lines {
        writeln!(f, "{line}")?;
    }
    f.sync_data()
}

/// Replaces the spool with `lines`, atomically (written beside it, then renamed).
fn replace(path: &Path, lines: &[String]) -> std::io::Result<()> {
    let next = path.with_extension("next");
    let _ = std::fs::remove_file(&next);
    append(&next, lines)?;
    std::fs::rename(&next, path)
}
