//! The knowledge-base editor's work: create, edit, retire and restore articles (with revisions
//! and optimistic concurrency), preview how Aisle would answer with a draft, and import a catalog
//! sent as a request body. Every change is searchable in this process when the call returns, and
//! in every other process moments later (Postgres NOTIFY).
use super::import::{ImportFailure, ImportReport, read_upload};
use crate::chat::{ChatError, ChatService, Preview};
use crate::domain::{Article, Asked, FieldError, ShopperText, holds_words};
use crate::retrieval::{LoadError, Retriever, with_draft};
use crate::store::articles::{self, EditError, Entry};
use serde::Deserialize;
use sqlx::PgPool;
use std::sync::Arc;

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
    /// Questions shoppers ask in their own words, each group with the body's sentences that
    /// answer it. Left out of an edit, the article keeps those it has.
    asked: Option<Vec<Asked>>,
    /// The revision the editor started from: a save is refused if someone saved since.
    pub base_revision: Option<i32>,
}

impl Draft {
    /// The article this draft makes, by the rules every article follows; `path_id` is the id in
    /// the address, which the body may repeat but not contradict; `kept`, the questions the
    /// article has, kept when the draft does not give them.
    fn article(&self, path_id: Option<&str>, kept: &[Asked]) -> Result<Article, FieldError> {
        let id = match (path_id, &self.id) {
            (Some(path), Some(given)) if path != given => {
                let message = format!("the body says `{given}` but the address says `{path}`");
                return Err(FieldError { field: "id", message });
            }
            (Some(path), _) => Some(path),
            (None, given) => given.as_deref(),
        };
        let asked = self.asked.as_deref().unwrap_or(kept);
        Article::new(id, &self.kind, &self.title, &self.body, &self.tags, asked)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EditorError {
    #[error("{0}")]
    Invalid(FieldError),
    #[error("question: {0}")]
    InvalidQuestion(String),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error("the article does not exist")]
    NotFound,
    #[error("there is no product with that SKU")]
    NoProduct,
    #[error("saved, but re-indexing failed")]
    Reindex(#[source] LoadError),
    #[error("the draft could not be indexed")]
    DraftIndex(#[source] LoadError),
    #[error("the search index is still loading")]
    NotReady,
    #[error("format must be json, jsonl, csv or md")]
    UnknownFormat,
    #[error(transparent)]
    Import(#[from] ImportFailure),
    #[error(transparent)]
    Chat(#[from] ChatError),
    #[error("the knowledge base cannot be read right now")]
    Database(#[from] sqlx::Error),
}

/// What the editor works on: the articles in Postgres and this process's search index.
pub struct Editor {
    pub pool: PgPool,
    pub retriever: Arc<Retriever>,
}

impl Editor {
    /// Rebuilds this process's index, then reads the article back as saved.
    async fn saved(&self, id: &str) -> Result<Entry, EditorError> {
        self.retriever.reload(&self.pool).await.map_err(EditorError::Reindex)?;
        articles::get(&self.pool, id).await?.ok_or(EditorError::NotFound)
    }

    #[tracing::instrument(skip_all, fields(author))]
    pub async fn create(&self, draft: &Draft, author: &str) -> Result<Entry, EditorError> {
        let article = draft.article(None, &[]).map_err(EditorError::Invalid)?;
        articles::create(&self.pool, &article, author).await?;
        self.saved(&article.id).await
    }

    #[tracing::instrument(skip_all, fields(id, author))]
    pub async fn update(&self, id: &str, draft: &Draft, author: &str) -> Result<Entry, EditorError> {
        let kept = self.kept(draft, id).await?;
        let article = draft.article(Some(id), &kept).map_err(EditorError::Invalid)?;
        articles::update(&self.pool, &article, draft.base_revision, author).await?;
        self.saved(&article.id).await
    }

    /// The questions article `id` has now, for a draft that does not give its own.
    async fn kept(&self, draft: &Draft, id: &str) -> Result<Vec<Asked>, EditorError> {
        if draft.asked.is_some() {
            return Ok(Vec::new());
        }
        Ok(articles::get(&self.pool, id).await?.map(|e| e.asked.0).unwrap_or_default())
    }

    /// A retired article is never cited again; restoring brings it back.
    #[tracing::instrument(skip_all, fields(id, retired, author))]
    pub async fn set_retired(&self, id: &str, retired: bool, author: &str) -> Result<Entry, EditorError> {
        articles::set_retired(&self.pool, id, retired, author).await?;
        self.saved(id).await
    }

    /// How Aisle would answer `question` if `draft` were saved; nothing is saved or logged.
    pub async fn preview(
        &self,
        chat: &ChatService,
        question: &str,
        draft: Option<&Draft>,
    ) -> Result<Preview, EditorError> {
        let question = ShopperText::parse(question).map_err(EditorError::InvalidQuestion)?;
        let current = self.retriever.current().ok_or(EditorError::NotReady)?;
        let index = match draft {
            Some(d) => {
                // A draft's questions, else those of the article it rewrites that its text
                // still answers: a preview of a rewrite is never refused for a question.
                let mut kept = match d.id.as_deref() {
                    Some(id) => self.kept(d, id).await?,
                    None => Vec::new(),
                };
                kept.retain(|a| holds_words(&d.body, &a.answer));
                let article = d.article(None, &kept).map_err(EditorError::Invalid)?;
                let built = with_draft(&self.pool, self.retriever.embedder(), &current, &article).await;
                Arc::new(built.map_err(EditorError::DraftIndex)?)
            }
            None => current,
        };
        Ok(chat.preview(index, question.as_str()).await?)
    }

    /// Imports a catalog (or an article) sent as a request body, validated like `aisle import`:
    /// every problem is listed and nothing is imported unless all of it is valid.
    #[tracing::instrument(skip_all, fields(format, bytes = body.len()))]
    pub async fn import(&self, format: &str, body: &[u8]) -> Result<ImportReport, EditorError> {
        if !matches!(format, "json" | "jsonl" | "csv" | "md") {
            return Err(EditorError::UnknownFormat);
        }
        let batch = read_upload("upload", format, body).map_err(ImportFailure::Invalid)?;
        self.apply(&batch, false).await
    }
}
