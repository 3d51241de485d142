//! Live updates between processes. Every Aisle process LISTENs on Postgres: a new message or a
//! status change reaches the shopper's and the staff member's streams whichever process they are
//! connected to, and a knowledge-base change makes every process re-index.
use crate::chat::Status;
use crate::startup::{AppState, reload};
use crate::store::{articles, conversations};
use serde::{Deserialize, Serialize};
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

#[derive(Deserialize)]
struct Changed {
    c: Uuid,
    m: Option<Uuid>,
}

async fn on_conversation(state: &AppState, payload: &str) {
    let Ok(Changed { c, m }) = serde_json::from_str::<Changed>(payload) else { return };
    if !state.hub.watched(c) {
        return;
    }
    let event = match m {
        Some(id) => match conversations::message(&state.pool, id).await {
            Ok(Some(row)) => LiveEvent::Message(Box::new(row)),
            _ => return,
        },
        None => match state.chat.status_event(c).await {
            Some(s) => LiveEvent::Status(s),
            None => return,
        },
    };
    state.hub.publish(c, event);
}

async fn reindex(state: Arc<AppState>, why: &str) {
    match reload(&state).await {
        Ok(()) => tracing::info!(why, "re-indexed after a knowledge change"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "re-indexing failed; the previous index stays"),
    }
}

/// Listens for changes until the process ends, reconnecting when Postgres goes away.
pub async fn listen_forever(state: Arc<AppState>) {
    let mut delay = Duration::from_millis(500);
    let mut missed = false;
    loop {
        let mut listener = match PgListener::connect_with(&state.pool).await {
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
        if missed && state.loaded.load(std::sync::atomic::Ordering::Acquire) {
            // Changes made while we were not listening would otherwise be missed.
            tokio::spawn(reindex(state.clone(), "reconnected"));
        }
        loop {
            match listener.try_recv().await {
                Ok(Some(n)) if n.channel() == articles::CHANGED => {
                    tokio::spawn(reindex(state.clone(), "notified"));
                }
                Ok(Some(n)) => on_conversation(&state, n.payload()).await,
                Ok(None) | Err(_) => {
                    tracing::warn!("lost the Postgres connection for live updates; reconnecting");
                    missed = true;
                    break;
                }
            }
        }
    }
}
