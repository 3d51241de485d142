//! The knowledge-base editor: articles with revisions, retire and restore, a preview of how Aisle
//! would answer with a draft, and catalog import. Every change is searchable when the call returns
//! here, and in every other Aisle process moments later (Postgres NOTIFY).
use crate::auth::{Caller, Role};
use crate::domain::{Article, ArticleKind};
use crate::error::ApiError;
use crate::knowledge::{ImportFailure, import_path};
use crate::retrieval::with_draft;
use crate::startup::{AppState, reload};
use crate::store::articles::{self, EditError};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

fn db(_: sqlx::Error) -> ApiError {
    ApiError::DatabaseUnavailable
}

impl From<EditError> for ApiError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::NotFound => ApiError::UnknownArticle,
            EditError::Exists(id) => ApiError::Conflict {
                code: "article_exists",
                message: format!("an article with the id `{id}` already exists; edit it, or choose another id"),
            },
            EditError::Conflict { base, current } => ApiError::Conflict {
                code: "edit_conflict",
                message: format!(
                    "someone saved revision {current} after you opened revision {base}; reload the article and apply your change again"
                ),
            },
            EditError::Database(_) => ApiError::DatabaseUnavailable,
        }
    }
}

/// An article as an editor submits it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    id: Option<String>,
    kind: String,
    title: String,
    body: String,
    #[serde(default)]
    tags: Vec<String>,
    /// The revision the editor started from: a save is refused if someone saved since.
    base_revision: Option<i32>,
}

fn slug(title: &str) -> String {
    let s: String = title.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-").chars().take(60).collect()
}

impl Draft {
    /// Checks every field; the sentence names the field and what to do.
    fn validate(&self, id: Option<&str>) -> Result<Article, ApiError> {
        let bad = |m: String| Err(ApiError::InvalidParameter(m));
        let kind = ArticleKind::parse(&self.kind).map_err(|e| ApiError::InvalidParameter(format!("kind: {e}")))?;
        let title = self.title.trim();
        if !(3..=200).contains(&title.chars().count()) {
            return bad("title: write between 3 and 200 characters".into());
        }
        let body = self.body.trim();
        if !(20..=20_000).contains(&body.chars().count()) {
            return bad("body: write between 20 and 20000 characters".into());
        }
        if self.tags.len() > 20 {
            return bad("tags: at most 20".into());
        }
        let tags: Vec<String> = self.tags.iter().map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()).collect();
        if let Some(t) = tags.iter().find(|t| t.chars().count() > 40) {
            return bad(format!("tags: `{t}` is longer than 40 characters"));
        }
        let id = match (id, &self.id) {
            (Some(path), Some(given)) if path != given => {
                return bad(format!("id: the body says `{given}` but the address says `{path}`"));
            }
            (Some(path), _) => path.to_string(),
            (None, Some(given)) => given.trim().to_string(),
            (None, None) => slug(title),
        };
        Article::validate_id(&id).map_err(|e| ApiError::InvalidParameter(format!("id: {e}")))?;
        Ok(Article { id, kind, title: title.to_string(), body: body.to_string(), tags })
    }
}

/// Makes the change searchable in this process before answering.
async fn searchable(state: &AppState) -> Result<(), ApiError> {
    reload(state).await.map_err(|e| {
        tracing::error!(error = %format!("{e:#}"), "saved, but re-indexing failed");
        ApiError::Internal(e)
    })
}

async fn saved(state: &AppState, id: &str, status: actix_web::http::StatusCode) -> Result<HttpResponse, ApiError> {
    searchable(state).await?;
    let entry = articles::get(&state.pool, id).await.map_err(db)?.ok_or(ApiError::UnknownArticle)?;
    Ok(HttpResponse::build(status).json(entry))
}

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
    let found = articles::list(&state.pool, &q.q, q.retired).await.map_err(db)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "articles": found })))
}

pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let id = path.into_inner();
    let entry = articles::get(&state.pool, &id).await.map_err(db)?.ok_or(ApiError::UnknownArticle)?;
    let revisions = articles::revisions(&state.pool, &id).await.map_err(db)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "article": entry, "revisions": revisions })))
}

pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<Draft>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let article = body.validate(None)?;
    articles::create(&state.pool, &article, &caller.name).await?;
    saved(&state, &article.id, actix_web::http::StatusCode::CREATED).await
}

pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
    body: web::Json<Draft>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let article = body.validate(Some(&path))?;
    articles::update(&state.pool, &article, body.base_revision, &caller.name).await?;
    saved(&state, &article.id, actix_web::http::StatusCode::OK).await
}

/// Retired articles are never cited again; restoring brings one back.
pub async fn retire(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    articles::set_retired(&state.pool, &path, true, &caller.name).await?;
    saved(&state, &path, actix_web::http::StatusCode::OK).await
}

pub async fn restore(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    articles::set_retired(&state.pool, &path, false, &caller.name).await?;
    saved(&state, &path, actix_web::http::StatusCode::OK).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    question: String,
    /// The draft to apply; without it, the preview shows the live knowledge base.
    article: Option<Draft>,
}

/// How Aisle would answer `question` if the draft were saved; nothing is saved or logged.
pub async fn preview(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PreviewRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    let question = body.question.trim();
    if question.is_empty() || question.chars().count() > crate::chat::MAX_MESSAGE_CHARS {
        return Err(ApiError::InvalidParameter("question: write between 1 and 2000 characters".into()));
    }
    let current = state.retriever.current().ok_or(ApiError::NotReady)?;
    let index = match &body.article {
        Some(d) => {
            let draft = d.validate(None)?;
            let built = with_draft(&state.pool, state.retriever.embedder(), &current, &draft).await;
            std::sync::Arc::new(built.map_err(|e| ApiError::Internal(e.into()))?)
        }
        None => current,
    };
    Ok(HttpResponse::Ok().json(state.chat.preview(index, question).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// `json` (DummyJSON or an array), `jsonl`, `csv` or `md`.
    format: String,
}

/// Imports a catalog (or an article) sent as the request body, with the CLI's validation:
/// every problem is listed and nothing is imported unless all of it is valid.
pub async fn import(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ImportQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Editor])?;
    if !matches!(q.format.as_str(), "json" | "jsonl" | "csv" | "md") {
        return Err(ApiError::InvalidParameter("format must be json, jsonl, csv or md".into()));
    }
    let dir = tempfile::tempdir().map_err(|e| ApiError::Internal(e.into()))?;
    let file = dir.path().join(format!("upload.{}", q.format));
    std::fs::write(&file, &body).map_err(|e| ApiError::Internal(e.into()))?;
    match import_path(&state.pool, &file, false).await {
        Ok(report) => {
            searchable(&state).await?;
            Ok(HttpResponse::Ok().json(report))
        }
        Err(ImportFailure::Invalid(errors)) => {
            let problems: Vec<String> =
                errors.iter().map(|e| e.to_string().replacen(&file.display().to_string(), "upload", 1)).collect();
            Ok(HttpResponse::BadRequest().json(serde_json::json!({ "error": {
                "code": "invalid_import",
                "message": format!("{} problem(s) found; nothing was imported", problems.len()),
                "problems": problems,
            }})))
        }
        Err(ImportFailure::Database(_)) => Err(ApiError::DatabaseUnavailable),
    }
}
