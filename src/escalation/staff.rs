//! What a person does with a conversation: claim it, reply live, hand it back, resolve it.
//! Only the person who claimed a conversation (or an admin) may write in it or close it.
use crate::auth::Caller;
use crate::domain::{Author, ConversationStatus, Outcome, ShopperText, mask};
use crate::store::conversations::MessageRow;
use crate::store::escalations;
use crate::store::log::ConversationLog;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("this conversation is not waiting: someone else claimed it, or it was never escalated")]
    AlreadyClaimed,
    #[error("you have not claimed this conversation; claim it from the queue first")]
    NotClaimed,
    #[error("no conversation with that id")]
    UnknownConversation,
    #[error("the reply cannot be sent: {0}")]
    InvalidReply(String),
    #[error("the queue cannot be read right now")]
    Database(#[from] sqlx::Error),
    #[error("the reply could be neither stored nor spooled")]
    Store(#[source] std::io::Error),
}

/// Takes the conversation waiting longest; `None` when nobody is waiting.
#[tracing::instrument(skip_all, fields(staff = %caller.name))]
pub async fn claim_next(pool: &PgPool, caller: &Caller) -> Result<Option<Uuid>, StaffError> {
    Ok(escalations::claim(pool, None, caller.id).await?)
}

/// Takes this conversation; two people claiming at once: exactly one wins.
#[tracing::instrument(skip_all, fields(%conversation, staff = %caller.name))]
pub async fn claim(pool: &PgPool, caller: &Caller, conversation: Uuid) -> Result<(), StaffError> {
    match escalations::claim(pool, Some(conversation), caller.id).await? {
        Some(_) => Ok(()),
        None => Err(StaffError::AlreadyClaimed),
    }
}

/// A person's reply: stored through the one message log, and so streamed to the shopper at once.
#[tracing::instrument(skip_all, fields(%conversation, staff = %caller.name))]
pub async fn reply(
    pool: &PgPool,
    log: &ConversationLog,
    caller: &Caller,
    conversation: Uuid,
    text: &str,
) -> Result<MessageRow, StaffError> {
    let text = ShopperText::parse(text).map_err(StaffError::InvalidReply)?;
    let state = escalations::state(pool, conversation).await?.ok_or(StaffError::UnknownConversation)?;
    if state.status != ConversationStatus::Staff || (state.assignee != Some(caller.id) && !caller.is_admin()) {
        return Err(StaffError::NotClaimed);
    }
    let m = MessageRow {
        author: Some(caller.name.clone()),
        ..MessageRow::new(conversation, Author::Staff, mask(text.as_str()))
    };
    log.write(&m).await.map_err(StaffError::Store)?;
    Ok(m)
}

/// Ends the person's part: Aisle answers again (`HandedBack`) or the matter is `Resolved`.
#[tracing::instrument(skip_all, fields(%conversation, staff = %caller.name, outcome = %outcome))]
pub async fn close(pool: &PgPool, caller: &Caller, conversation: Uuid, outcome: Outcome) -> Result<(), StaffError> {
    if escalations::close(pool, conversation, caller.id, caller.is_admin(), outcome).await? {
        Ok(())
    } else {
        Err(StaffError::NotClaimed)
    }
}
