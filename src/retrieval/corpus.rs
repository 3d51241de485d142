//! What gets indexed: each product whole, each article as passages; and loading it all from Postgres.
use super::chunk::{Counter, chunk_article, estimate};
use super::embed::{Embedder, text_hash};
use super::{Question, Sentence};
use crate::domain::{Article, ArticleKind, Asked, Product, sentences};
use crate::store;
use serde::Serialize;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Arc;

/// A passage of an FAQ or policy article.
#[derive(Debug, Clone, Serialize)]
pub struct Passage {
    pub article_id: String,
    pub kind: ArticleKind,
    pub title: String,
    pub chunk: usize,
    pub text: String,
    #[serde(skip)]
    pub tags: Vec<String>,
    /// The article's questions, on its first passage only.
    #[serde(skip)]
    pub asked: Vec<Asked>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Source {
    Product(Product),
    Passage(Passage),
}

#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    /// A SKU, or `article-id#chunk`.
    pub id: String,
    #[serde(flatten)]
    pub source: Source,
}

impl Doc {
    /// The SKU or the article id: what a relevance judgement or a citation names.
    pub fn parent_id(&self) -> &str {
        match &self.source {
            Source::Product(p) => p.sku.as_str(),
            Source::Passage(p) => &p.article_id,
        }
    }

    pub fn embedding_text(&self) -> String {
        match &self.source {
            Source::Product(p) => p.embedding_text(),
            Source::Passage(p) => p.text.clone(),
        }
    }
}

/// `tokens` counts a passage as the embedding model will (`chunk::estimate` without one).
pub fn documents(products: Vec<Product>, articles: &[Article], tokens: Counter) -> Vec<Doc> {
    let mut docs: Vec<Doc> =
        products.into_iter().map(|p| Doc { id: p.sku.to_string(), source: Source::Product(p) }).collect();
    for a in articles {
        for (chunk, text) in chunk_article(a, tokens).into_iter().enumerate() {
            docs.push(Doc {
                id: format!("{}#{chunk}", a.id),
                source: Source::Passage(Passage {
                    article_id: a.id.clone(),
                    kind: a.kind,
                    title: crate::domain::plain(&a.title),
                    chunk,
                    text,
                    tags: a.tags.clone(),
                    asked: if chunk == 0 { a.asked.clone() } else { Vec::new() },
                }),
            });
        }
    }
    docs
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("could not read knowledge from Postgres")]
    Database(#[from] sqlx::Error),
    #[error("could not embed the knowledge base")]
    Embedding(#[from] super::EmbedError),
    #[error("could not build the keyword index")]
    Keyword(#[from] tantivy::TantivyError),
    #[error("a background task failed")]
    Join(#[from] tokio::task::JoinError),
}

/// Vectors for every document, from the cache where possible; new ones are computed and cached.
pub async fn vectors_for(pool: &PgPool, embedder: &Arc<Embedder>, docs: &[Doc]) -> Result<Vec<Vec<f32>>, LoadError> {
    vectors_of(pool, embedder, docs.iter().map(Doc::embedding_text).collect()).await
}

/// Vectors for texts, from the cache where possible; new ones are computed and cached.
async fn vectors_of(pool: &PgPool, embedder: &Arc<Embedder>, texts: Vec<String>) -> Result<Vec<Vec<f32>>, LoadError> {
    let hashes: Vec<String> = texts.iter().map(|t| text_hash(t)).collect();
    let mut cached = store::embeddings::load(pool, &embedder.model_id, &hashes).await?;
    let missing: Vec<usize> = (0..texts.len()).filter(|i| !cached.contains_key(&hashes[*i])).collect();
    if !missing.is_empty() {
        tracing::info!(missing = missing.len(), cached = cached.len(), "embedding knowledge");
        let e = embedder.clone();
        let todo: Vec<String> = missing.iter().map(|i| texts[*i].clone()).collect();
        let fresh = tokio::task::spawn_blocking(move || e.embed(&todo)).await??;
        let items: Vec<(String, Vec<f32>)> = missing.iter().map(|i| hashes[*i].clone()).zip(fresh).collect();
        if let Err(e) = store::embeddings::save(pool, &embedder.model_id, &items).await {
            tracing::warn!(error = %e, "could not cache embeddings; they will be recomputed next time");
        }
        cached.extend(items);
    }
    Ok(hashes.iter().map(|h| cached.get(h).cloned().unwrap_or_default()).collect())
}

/// The passages among `docs`, each with its place there.
fn passages(docs: &[Doc]) -> impl Iterator<Item = (usize, &Passage)> {
    docs.iter().enumerate().filter_map(|(i, d)| match &d.source {
        Source::Passage(p) => Some((i, p)),
        Source::Product(_) => None,
    })
}

/// The sentences of every passage, each embedded after its article's title (which ties "They
/// are valid for 3 years" to gift cards): what a policy question is matched against, sentence
/// by sentence, so a question worded unlike the article still finds the one sentence it asks.
async fn sentences_for(pool: &PgPool, embedder: &Arc<Embedder>, docs: &[Doc]) -> Result<Vec<Sentence>, LoadError> {
    let found: Vec<(usize, usize, String, String)> = passages(docs)
        .flat_map(|(i, p)| {
            let body = p.text.strip_prefix(&p.title).unwrap_or(&p.text);
            body.split("\n\n").enumerate().flat_map(move |(paragraph, text)| {
                sentences(text).into_iter().map(move |s| (i, paragraph, format!("{} {s}", p.title), s))
            })
        })
        .collect();
    let vectors = vectors_of(pool, embedder, found.iter().map(|(_, _, e, _)| e.clone()).collect()).await?;
    Ok(found
        .into_iter()
        .zip(vectors)
        .map(|((doc, paragraph, _, text), vector)| Sentence { doc, paragraph, text, vector })
        .collect())
}

/// The questions editors wrote for the articles, each embedded alone: a shopper's question is
/// matched on them question to question, beside the articles' sentences.
async fn questions_for(pool: &PgPool, embedder: &Arc<Embedder>, docs: &[Doc]) -> Result<Vec<Question>, LoadError> {
    let found: Vec<(usize, &str, &str)> = passages(docs)
        .flat_map(|(i, p)| {
            p.asked.iter().flat_map(move |a| a.questions.iter().map(move |q| (i, a.answer.as_str(), q.as_str())))
        })
        .collect();
    let vectors = vectors_of(pool, embedder, found.iter().map(|(_, _, q)| q.to_string()).collect()).await?;
    Ok(found
        .into_iter()
        .zip(vectors)
        .map(|((doc, answer, _), vector)| Question { doc, answer: answer.to_string(), vector })
        .collect())
}

/// A snapshot of `docs`, with vectors, sentence and question vectors when there is an embedder.
async fn build(pool: &PgPool, embedder: Option<&Arc<Embedder>>, docs: Vec<Doc>) -> Result<super::Index, LoadError> {
    let (vectors, sentences, questions) = match embedder {
        Some(e) => (
            Some(vectors_for(pool, e, &docs).await?),
            sentences_for(pool, e, &docs).await?,
            questions_for(pool, e, &docs).await?,
        ),
        None => (None, Vec::new(), Vec::new()),
    };
    let index = tokio::task::spawn_blocking(move || super::Index::build(docs, vectors)).await??;
    Ok(index.with_sentences(sentences, questions))
}

/// The embedding model's token count, or the estimate when it is away.
fn counter(embedder: Option<&Arc<Embedder>>) -> impl Fn(&str) -> usize + Sync + '_ {
    move |text: &str| embedder.map_or_else(|| estimate(text), |e| e.tokens(text))
}

/// Reads products and active articles from Postgres and builds a fresh snapshot.
pub async fn load_index(pool: &PgPool, embedder: Option<&Arc<Embedder>>) -> Result<super::Index, LoadError> {
    let products = store::products::all(pool).await?;
    let articles = store::articles::active(pool).await?;
    build(pool, embedder, documents(products, &articles, &counter(embedder))).await
}

/// The live snapshot with one article replaced by a draft (or added): what a preview searches.
pub async fn with_draft(
    pool: &PgPool,
    embedder: Option<&Arc<Embedder>>,
    current: &super::Index,
    draft: &Article,
) -> Result<super::Index, LoadError> {
    let mut docs: Vec<Doc> = current
        .docs()
        .iter()
        .filter(|d| !matches!(&d.source, Source::Passage(p) if p.article_id == draft.id))
        .cloned()
        .collect();
    docs.extend(documents(Vec::new(), std::slice::from_ref(draft), &counter(embedder)));
    build(pool, embedder, docs).await
}

/// Groups past queries for the suggester.
pub async fn past_queries(pool: &PgPool) -> Result<HashMap<String, i64>, sqlx::Error> {
    Ok(store::queries::popular(pool, 5000).await?.into_iter().collect())
}
