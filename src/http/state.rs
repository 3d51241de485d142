//! What every request handler can reach: the services, built once by `startup` and shared.
use super::limits::Limits;
use crate::chat::ChatService;
use crate::escalation::Escalation;
use crate::events::Hub;
use crate::knowledge::Editor;
use crate::prompts::Prompts;
use crate::retrieval::Retriever;
use crate::store::log::ConversationLog;
use sqlx::PgPool;
use std::sync::Arc;
use tokio::sync::Semaphore;

pub struct AppState {
    pub pool: PgPool,
    pub retriever: Arc<Retriever>,
    /// Bounds CPU-bound searches in flight; when none is free the request gets 503 + Retry-After.
    pub search_slots: Arc<Semaphore>,
    pub chat: Arc<ChatService>,
    pub escalation: Arc<Escalation>,
    pub editor: Editor,
    pub prompts: Arc<Prompts>,
    /// The one write path for messages (Postgres, or the spool while it is away).
    pub log: Arc<ConversationLog>,
    /// Live conversation streams in this process.
    pub hub: Arc<Hub>,
    pub limits: Arc<Limits>,
    /// What a shop page signs its signed-in shopper's email with (`orders.shopper_secret`).
    pub shopper_secret: Option<secrecy::SecretString>,
}
