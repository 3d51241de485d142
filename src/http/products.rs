//! `POST /api/products/{sku}/descriptions` drafts descriptions; `GET` lists the drafts for review.
//! Editors (and admins) only: drafting runs the model, so it also shares the per-address budget.
use super::state::AppState;
use crate::auth::{Caller, Role};
use crate::describe::{DescribeRequest, Length, Tone, describe};
use crate::domain::Sku;
use crate::error::ApiError;
use crate::store::descriptions;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescribeParams {
    variants: Option<usize>,
    tone: Option<Tone>,
    length: Option<Length>,
}

pub async fn draft(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    sku: web::Path<Sku>,
    body: web::Json<DescribeParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    state.limits.client(&req)?;
    let p = body.into_inner();
    let request = DescribeRequest {
        variants: p.variants.unwrap_or(1),
        tone: p.tone.unwrap_or(Tone::Friendly),
        length: p.length.unwrap_or(Length::Medium),
    };
    let generator = state.chat.generator().map(|g| g.as_ref());
    let drafts = describe(&state.pool, generator, &state.prompts, sku.as_str(), request).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "drafts": drafts })))
}

pub async fn list(state: web::Data<AppState>, caller: Caller, sku: web::Path<Sku>) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let drafts = descriptions::for_product(&state.pool, sku.as_str()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "drafts": drafts })))
}
