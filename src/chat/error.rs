//! What can stop the chat from answering a message.
use super::conversations::AccessError;
use crate::retrieval::SearchError;

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("{0}")]
    InvalidMessage(String),
    #[error("this message was received before")]
    Duplicate,
    #[error("too many answers are being written right now")]
    Busy,
    #[error("search failed")]
    Search(#[from] SearchError),
    #[error("the conversation could not be stored")]
    Store(#[source] std::io::Error),
    #[error("the language model is not available: {0}")]
    ModelUnavailable(String),
    #[error("a prompt could not be rendered")]
    Prompt(#[from] minijinja::Error),
    #[error("a search thread failed")]
    Join(#[from] tokio::task::JoinError),
}
