//! The one place where errors become HTTP: a stable snake_case code and a sentence a person can
//! act on. Every layer's error is mapped here, exhaustively; a 5xx says little to the caller and
//! logs its whole cause chain.
use crate::auth::AuthError;
use crate::chat::{AccessError, ChatError};
use crate::describe::DescribeError;
use crate::escalation::StaffError;
use crate::knowledge::{EditorError, ImportFailure};
use crate::retrieval::SearchError;
use crate::store::articles::EditError;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    InvalidQuery(String),
    #[error("{0}")]
    InvalidParameter(String),
    #[error("{0}")]
    InvalidMessage(String),
    #[error("{} problem(s) found; nothing was imported", .0.len())]
    InvalidImport(Vec<String>),
    #[error("{0}")]
    Unauthorized(&'static str),
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("there is no conversation with that id; start one with POST /api/conversations")]
    UnknownConversation,
    #[error("there is no answer with that id")]
    UnknownMessage,
    #[error("there is no product with that SKU")]
    UnknownProduct,
    #[error("there is no article with that id")]
    UnknownArticle,
    #[error(
        "this message was received before (the same id); its answer is in the conversation: GET /api/conversations/{{id}}"
    )]
    DuplicateMessage,
    #[error("this conversation is not waiting: someone else claimed it, or it was never escalated")]
    AlreadyClaimed,
    #[error("you have not claimed this conversation; claim it from the queue first")]
    NotClaimed,
    #[error(
        "someone saved revision {current} after you opened revision {base}; reload the article and apply your change again"
    )]
    EditConflict { base: i32, current: i32 },
    #[error("an article with the id `{0}` already exists; edit it, or choose another id")]
    ArticleExists(String),
    #[error("too many requests; wait {0} seconds and try again")]
    RateLimited(u64),
    #[error("the search index is still loading; try again in a few seconds")]
    NotReady,
    #[error("Aisle is busy right now; try again in a second")]
    Overloaded,
    #[error("the assistant cannot write answers right now; try again in a minute")]
    ModelUnavailable,
    #[error("Aisle cannot reach its database right now; try again in a minute")]
    DatabaseUnavailable(#[source] sqlx::Error),
    #[error("something went wrong on our side")]
    Internal(#[source] anyhow::Error),
}

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    problems: Option<&'a [String]>,
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidQuery(_) => "invalid_query",
            ApiError::InvalidParameter(_) => "invalid_parameter",
            ApiError::InvalidMessage(_) => "invalid_message",
            ApiError::InvalidImport(_) => "invalid_import",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::UnknownConversation => "conversation_not_found",
            ApiError::UnknownMessage => "message_not_found",
            ApiError::UnknownProduct => "product_not_found",
            ApiError::UnknownArticle => "article_not_found",
            ApiError::DuplicateMessage => "duplicate_message",
            ApiError::AlreadyClaimed => "already_claimed",
            ApiError::NotClaimed => "not_claimed",
            ApiError::EditConflict { .. } => "edit_conflict",
            ApiError::ArticleExists(_) => "article_exists",
            ApiError::RateLimited(_) => "rate_limited",
            ApiError::NotReady => "not_ready",
            ApiError::Overloaded => "overloaded",
            ApiError::ModelUnavailable => "model_unavailable",
            ApiError::DatabaseUnavailable(_) => "database_unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Wraps a failure nobody can act on; the cause goes to the log.
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(e.into())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::InvalidQuery(_)
            | ApiError::InvalidParameter(_)
            | ApiError::InvalidMessage(_)
            | ApiError::InvalidImport(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound
            | ApiError::UnknownConversation
            | ApiError::UnknownMessage
            | ApiError::UnknownProduct
            | ApiError::UnknownArticle => StatusCode::NOT_FOUND,
            ApiError::AlreadyClaimed
            | ApiError::DuplicateMessage
            | ApiError::NotClaimed
            | ApiError::EditConflict { .. }
            | ApiError::ArticleExists(_) => StatusCode::CONFLICT,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::NotReady
            | ApiError::Overloaded
            | ApiError::ModelUnavailable
            | ApiError::DatabaseUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(e) => tracing::error!(error = ?e, "request failed"),
            ApiError::DatabaseUnavailable(e) => tracing::warn!(error = %e, "the database is unavailable"),
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        match self {
            ApiError::Overloaded => {
                res.insert_header((header::RETRY_AFTER, "1"));
            }
            ApiError::NotReady | ApiError::ModelUnavailable | ApiError::DatabaseUnavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "5"));
            }
            ApiError::RateLimited(seconds) => {
                res.insert_header((header::RETRY_AFTER, seconds.to_string()));
            }
            ApiError::Unauthorized(_) => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        let problems = match self {
            ApiError::InvalidImport(p) => Some(p.as_slice()),
            _ => None,
        };
        res.json(Body { error: Detail { code: self.code(), message: self.to_string(), problems } })
    }
}

impl From<sqlx::Error> for ApiError {
    /// Postgres refusing a value (SQLSTATE class 22, data exception) is the request's fault and
    /// will fail the same way again: a 400, not a 503 that invites the retry. Text is checked at
    /// the edge (`domain::clean`), so this is the net beneath it.
    fn from(e: sqlx::Error) -> Self {
        if crate::store::refused_value(&e) {
            tracing::warn!(error = %e, "the database refused a value from a request");
            return ApiError::InvalidParameter(
                "a value in the request cannot be stored; check it for unusual characters".into(),
            );
        }
        ApiError::DatabaseUnavailable(e)
    }
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::UnknownToken => ApiError::Unauthorized("this token is unknown or was revoked"),
            AuthError::UnknownRole => ApiError::Unauthorized("this token has an unknown role"),
            AuthError::WrongRole { .. } => ApiError::Forbidden(e.to_string()),
            AuthError::Database(e) => e.into(),
        }
    }
}

impl From<AccessError> for ApiError {
    fn from(e: AccessError) -> Self {
        match e {
            AccessError::Unknown => ApiError::UnknownConversation,
            AccessError::WrongToken => {
                ApiError::Forbidden("this conversation was started with another conversation token".into())
            }
            AccessError::Database(e) => e.into(),
        }
    }
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::NotReady => ApiError::NotReady,
            SearchError::Keyword(_) | SearchError::Embedding(_) | SearchError::Panicked => ApiError::internal(e),
        }
    }
}

impl From<ChatError> for ApiError {
    fn from(e: ChatError) -> Self {
        match e {
            ChatError::Access(e) => e.into(),
            ChatError::InvalidMessage(m) => ApiError::InvalidMessage(m),
            ChatError::Busy => ApiError::Overloaded,
            ChatError::Duplicate => ApiError::DuplicateMessage,
            ChatError::ModelUnavailable(_) => ApiError::ModelUnavailable,
            ChatError::Search(e) => e.into(),
            ChatError::Store(_) | ChatError::Prompt(_) | ChatError::Join(_) => ApiError::internal(e),
        }
    }
}

impl From<StaffError> for ApiError {
    fn from(e: StaffError) -> Self {
        match e {
            StaffError::AlreadyClaimed => ApiError::AlreadyClaimed,
            StaffError::NotClaimed => ApiError::NotClaimed,
            StaffError::UnknownConversation => ApiError::UnknownConversation,
            StaffError::InvalidReply(_) => ApiError::InvalidMessage(e.to_string()),
            StaffError::Database(e) => e.into(),
            StaffError::Store(_) => ApiError::internal(e),
        }
    }
}

impl From<EditError> for ApiError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::NotFound => ApiError::UnknownArticle,
            EditError::Exists(id) => ApiError::ArticleExists(id),
            EditError::Conflict { base, current } => ApiError::EditConflict { base, current },
            EditError::Database(e) => e.into(),
        }
    }
}

impl From<ImportFailure> for ApiError {
    fn from(e: ImportFailure) -> Self {
        match e {
            ImportFailure::Invalid(errors) => ApiError::InvalidImport(errors.iter().map(|e| e.to_string()).collect()),
            ImportFailure::Database(e) => e.into(),
        }
    }
}

impl From<EditorError> for ApiError {
    fn from(e: EditorError) -> Self {
        match e {
            EditorError::Invalid(_) | EditorError::InvalidQuestion(_) | EditorError::UnknownFormat => {
                ApiError::InvalidParameter(e.to_string())
            }
            EditorError::Edit(e) => e.into(),
            EditorError::NotFound => ApiError::UnknownArticle,
            EditorError::NoProduct => ApiError::UnknownProduct,
            EditorError::NotReady => ApiError::NotReady,
            EditorError::Import(e) => e.into(),
            EditorError::Chat(e) => e.into(),
            EditorError::Database(e) => e.into(),
            EditorError::Reindex(_) | EditorError::DraftIndex(_) => ApiError::internal(e),
        }
    }
}

impl From<DescribeError> for ApiError {
    fn from(e: DescribeError) -> Self {
        match e {
            DescribeError::UnknownProduct(_) => ApiError::UnknownProduct,
            DescribeError::Invalid(m) => ApiError::InvalidParameter(m),
            DescribeError::ModelUnavailable => ApiError::ModelUnavailable,
            DescribeError::Database(e) => e.into(),
            DescribeError::Model(_) => ApiError::internal(e),
        }
    }
}

/// Turns a query-string parse failure into our error shape instead of actix's plain text.
pub fn query_error_handler(err: actix_web::error::QueryPayloadError, _: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::InvalidParameter(format!("a query parameter is invalid: {err}")).into()
}

pub fn json_error_handler(err: actix_web::error::JsonPayloadError, _: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::InvalidParameter(format!("the request body is invalid: {err}")).into()
}

pub fn path_error_handler(err: actix_web::error::PathError, _: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::InvalidParameter(format!("the address is invalid: {err}")).into()
}
