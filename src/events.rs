//! Live updates between processes. Every Aisle process LISTENs on Postgres: a new message or a
//! status change reaches the shopper's and the staff member's streams whichever process they are
//! connected to, and a knowledge-base change makes every process re-index.
use crate::escalation::{Escalation, Status};
use crate::retrieval::Retriever;
use crate::store::{articles, conversations};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;
use uuid::Uuid;

/// What a conversation's live stream carries.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum LiveEvent {
    Message(Box<conversations::MessageRow>),
    Status(Status),
}

/// Subscribers per conversation, in this process.
#[derive(Default)]
pub struct Hub {
    channels: Mutex<HashMap<Uuid, broadcast::Sender<LiveEvent>>>,
}

impl Hub {
    fn channels(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, broadcast::Sender<LiveEvent>>> {
        self.channels.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn subscribe(&self, conversation: Uuid) -> broadcast::Receiver<LiveEvent> {
        let mut channels = self.channels();
        channels.retain(|_, tx| tx.receiver_count() > 0);
        channels.entry(conversation).or_insert_with(|| broadcast::channel(64).0).subscribe()
    }

    fn watched(&self, conversation: Uuid) -> bool {
        self.channels().get(&conversation).is_some_and(|tx| tx.receiver_count() > 0)
    }

    fn publish(&self, conversation: Uuid, event: LiveEvent) {
        if let Some(tx) = self.channels().get(&conversation) {
            let _ = tx.send(event);
        }
    }
}

/// What the listener needs: where to listen, what to re-index, and whose streams to feed.
#[derive(Clone)]
pub struct Listener {
    pub pool: PgPool,
    pub retriever: Arc<Retriever>,
    pub escalation: Arc<Escalation>,
    pub hub: Arc<Hub>,
}

#[derive(Deserialize)]
struct Changed {
    c: Uuid,
    m: Option<Uuid>,
}

impl Listener {
    async fn on_conversation(&self, payload: &str) {
        let Ok(Changed { c, m }) = serde_json::from_str::<Changed>(payload) else { return };
        if !self.hub.watched(c) {
            return;
        }
        let event = match m {
            Some(id) => match conversations::message(&self.pool, id).await {
                Ok(Some(row)) => LiveEvent::Message(Box::new(row)),
                _ => return,
            },
            None => match self.escalation.status_event(c).await {
                Some(s) => LiveEvent::Status(s),
                None => return,
            },
        };
        self.hub.publish(c, event);
    }

    async fn reindex(self, why: &'static str) {
        match self.retriever.reload(&self.pool).await {
            Ok(()) => tracing::info!(why, "re-indexed after a knowledge change"),
            Err(e) => tracing::error!(error = %format!("{e:#}"), "re-indexing failed; the previous index stays"),
        }
    }

    /// Listens for changes until the process ends, reconnecting when Postgres goes away.
    pub async fn listen_forever(self) {
        let mut delay = Duration::from_millis(500);
        let mut missed = false;
        loop {
            let mut listener = match PgListener::connect_with(&self.pool).await {
                Ok(l) => l,
                Err(e) => {
                    tracing::debug!(error = %e, "cannot listen for changes yet");
                    missed = true;
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(10));
                    continue;
                }
            };
            if let Err(e) = listener.listen_all([conversations::CHANNEL, articles::CHANGED]).await {
                tracing::warn!(error = %e, "cannot listen for changes");
                tokio::time::sleep(delay).await;
                continue;
            }
            delay = Duration::from_millis(500);
            if missed && self.retriever.is_loaded() {
                // Changes made while we were not listening would otherwise be missed.
                tokio::spawn(self.clone().reindex("reconnected"));
            }
            loop {
                match listener.try_recv().await {
                    Ok(Some(n)) if n.channel() == articles::CHANGED => {
                        tokio::spawn(self.clone().reindex("notified"));
                    }
                    Ok(Some(n)) => self.on_conversation(n.payload()).await,
                    Ok(None) | Err(_) => {
                        tracing::warn!("lost the Postgres connection for live updates; reconnecting");
                        missed = true;
                        break;
                    }
                }
            }
        }
    }
}
