//! `/api/kb`: the knowledge-base editor's endpoints, over `knowledge::Editor`.
use super::state::AppState;
use crate::auth::{Caller, Role};
use crate::domain::{ArticleId, clean};
use crate::error::ApiError;
use crate::knowledge::Draft;
use crate::store::articles;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    retired: bool,
}

pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let words = clean("the search", &q.q).map_err(|e| ApiError::InvalidParameter(e.to_string()))?;
    let found = articles::list(&state.pool, &words, q.retired).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "articles": found })))
}

pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ArticleId>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let id = path.into_inner();
    let entry = articles::get(&state.pool, &id).await?.ok_or(ApiError::UnknownArticle)?;
    let revisions = articles::revisions(&state.pool, &id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "article": entry, "revisions": revisions })))
}

pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<Draft>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    Ok(HttpResponse::Created().json(state.editor.create(&body, &caller.name).await?))
}

pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ArticleId>,
    body: web::Json<Draft>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    Ok(HttpResponse::Ok().json(state.editor.update(&path, &body, &caller.name).await?))
}

/// Retired articles are never cited again; restoring brings one back.
pub async fn retire(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ArticleId>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    Ok(HttpResponse::Ok().json(state.editor.set_retired(&path, true, &caller.name).await?))
}

pub async fn restore(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ArticleId>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    Ok(HttpResponse::Ok().json(state.editor.set_retired(&path, false, &caller.name).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    question: String,
    /// The draft to apply; without it, the preview shows the live knowledge base.
    article: Option<Draft>,
}

/// How Aisle would answer `question` if the draft were saved; nothing is saved or logged.
/// It runs the model, so it shares the per-address budget.
pub async fn preview(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: web::Json<PreviewRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    state.limits.client(&req)?;
    let preview = state.editor.preview(&state.chat, &body.question, body.article.as_ref()).await?;
    Ok(HttpResponse::Ok().json(preview))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// `json` (DummyJSON or an array), `jsonl`, `csv` or `md`.
    format: String,
}

/// Imports a catalog (or an article) sent as the request body: all or nothing.
pub async fn import(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ImportQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    Ok(HttpResponse::Ok().json(state.editor.import(&q.format, &body).await?))
}
