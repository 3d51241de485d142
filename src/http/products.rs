//! `POST /api/products/{sku}/descriptions` drafts descriptions; `GET` lists the drafts for review.
use crate::describe::{DescribeError, DescribeRequest, Length, Tone, describe};
use crate::error::ApiError;
use crate::startup::AppState;
use crate::store::descriptions;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescribeParams {
    variants: Option<usize>,
    tone: Option<Tone>,
    length: Option<Length>,
}

impl From<DescribeError> for ApiError {
    fn from(e: DescribeError) -> Self {
        match e {
            DescribeError::UnknownProduct(_) => ApiError::UnknownProduct,
            DescribeError::Invalid(m) => ApiError::InvalidParameter(m),
            DescribeError::ModelUnavailable => ApiError::ModelUnavailable,
            DescribeError::Database(_) => ApiError::DatabaseUnavailable,
            other => ApiError::Internal(other.into()),
        }
    }
}

pub async fn draft(
    state: web::Data<AppState>,
    sku: web::Path<String>,
    body: web::Json<DescribeParams>,
) -> Result<HttpResponse, ApiError> {
    let p = body.into_inner();
    let req = DescribeRequest {
        variants: p.variants.unwrap_or(1),
        tone: p.tone.unwrap_or(Tone::Friendly),
        length: p.length.unwrap_or(Length::Medium),
    };
    let generator = state.chat.generator().map(|g| g.as_ref());
    let drafts = describe(&state.pool, generator, state.chat.prompts(), &sku, req).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "drafts": drafts })))
}

pub async fn list(state: web::Data<AppState>, sku: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let drafts = descriptions::for_product(&state.pool, &sku).await.map_err(|_| ApiError::DatabaseUnavailable)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "drafts": drafts })))
}
