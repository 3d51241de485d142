//! The one place where errors become HTTP: a stable snake_case code, a sentence a person can act on.
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    InvalidQuery(String),
    #[error("{0}")]
    InvalidParameter(String),
    #[error("the search index is still loading; try again in a few seconds")]
    NotReady,
    #[error("Aisle is busy right now; try again in a second")]
    Overloaded,
    #[error("not found")]
    NotFound,
    #[error("there is no conversation with that id; start one with POST /api/conversations")]
    UnknownConversation,
    #[error("there is no answer with that id")]
    UnknownMessage,
    #[error("there is no product with that SKU")]
    UnknownProduct,
    #[error("{0}")]
    InvalidMessage(String),
    #[error("the assistant cannot write answers right now; try again in a minute")]
    ModelUnavailable,
    #[error("conversation history is unavailable right now; try again in a minute")]
    DatabaseUnavailable,
    #[error("{0}")]
    Unauthorized(&'static str),
    #[error("{0}")]
    Forbidden(String),
    #[error("too many requests; wait {0} seconds and try again")]
    RateLimited(u64),
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("there is no article with that id")]
    UnknownArticle,
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
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidQuery(_) => "invalid_query",
            ApiError::InvalidParameter(_) => "invalid_parameter",
            ApiError::NotReady => "not_ready",
            ApiError::Overloaded => "overloaded",
            ApiError::NotFound => "not_found",
            ApiError::UnknownConversation => "conversation_not_found",
            ApiError::UnknownMessage => "message_not_found",
            ApiError::UnknownProduct => "product_not_found",
            ApiError::InvalidMessage(_) => "invalid_message",
            ApiError::ModelUnavailable => "model_unavailable",
            ApiError::DatabaseUnavailable => "database_unavailable",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::RateLimited(_) => "rate_limited",
            ApiError::Conflict { code, .. } => code,
            ApiError::UnknownArticle => "article_not_found",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::InvalidQuery(_) | ApiError::InvalidParameter(_) | ApiError::InvalidMessage(_) => {
                StatusCode::BAD_REQUEST
            }
            ApiError::NotReady | ApiError::Overloaded | ApiError::ModelUnavailable | ApiError::DatabaseUnavailable => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::NotFound
            | ApiError::UnknownConversation
            | ApiError::UnknownMessage
            | ApiError::UnknownProduct
            | ApiError::UnknownArticle => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(e) = self {
            tracing::error!(error = ?e, "request failed");
        }
        let mut res = HttpResponse::build(self.status_code());
        match self {
            ApiError::Overloaded => {
                res.insert_header((header::RETRY_AFTER, "1"));
            }
            ApiError::NotReady | ApiError::ModelUnavailable | ApiError::DatabaseUnavailable => {
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
        res.json(Body { error: Detail { code: self.code(), message: self.to_string() } })
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
