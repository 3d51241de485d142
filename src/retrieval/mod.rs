//! Hybrid retrieval: tantivy BM25 and dense vectors, fused, with filters, diversity and autocomplete.
//!
//! An [`Index`] is an immutable snapshot built from Postgres; the [`Retriever`] swaps in a new one
//! when knowledge changes, so searches never wait on a rebuild.
mod chunk;
mod corpus;
pub mod embed;
pub mod fusion;
mod keyword;
mod reindex;
mod sentences;
mod suggest;
pub mod vector;

pub use chunk::{chunk_article, estimate};
pub use corpus::{Doc, LoadError, Passage, Source, documents, load_index, past_queries, with_draft};
pub use embed::{EmbedError, Embedder};
pub use fusion::{Method, Scores, Signal};
pub use sentences::{Question, Sentence};

use crate::config::{Fusion, RetrievalSettings};
use crate::domain::{DocKind, Filters, Product, SearchRequest};
use keyword::KeywordIndex;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use suggest::Suggester;
use vector::VectorStore;

/// Which signals rank the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Keyword,
    Vector,
    #[default]
    Hybrid,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search index is not loaded yet")]
    NotReady,
    #[error("keyword search failed")]
    Keyword(#[from] tantivy::TantivyError),
    #[error("the query could not be embedded")]
    Embedding(#[from] EmbedError),
    #[error("a search thread panicked")]
    Panicked,
}

/// A search result: what was found, and why it ranks where it does.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub doc: Doc,
    pub scores: Scores,
}

pub struct Index {
    docs: Vec<Doc>,
    keyword: KeywordIndex,
    /// Absent when the embedding model could not be loaded: search degrades to keywords.
    vectors: Option<VectorStore>,
    suggester: Suggester,
    /// The passages' sentences with their vectors (none without an embedder).
    sentences: Vec<Sentence>,
    /// The questions editors wrote for the articles, with their vectors (none without an embedder).
    questions: Vec<Question>,
}

impl Index {
    /// Builds a snapshot. `vectors`, when given, holds one unit vector per document, in order.
    pub fn build(docs: Vec<Doc>, vectors: Option<Vec<Vec<f32>>>) -> tantivy::Result<Self> {
        let keyword = KeywordIndex::build(&docs)?;
        let vectors = vectors.map(|v| VectorStore::new(embed::DIM, v));
        let suggester = Suggester::new(docs.iter().filter_map(|d| match &d.source {
            Source::Product(p) => Some((p.title.clone(), p.rating.unwrap_or(0.0))),
            Source::Passage(p) if p.chunk == 0 => Some((p.title.clone(), 0.0)),
            Source::Passage(_) => None,
        }));
        Ok(Self { docs, keyword, vectors, suggester, sentences: Vec::new(), questions: Vec::new() })
    }

    pub fn with_sentences(self, sentences: Vec<Sentence>, questions: Vec<Question>) -> Self {
        Self { sentences, questions, ..self }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn has_vectors(&self) -> bool {
        self.vectors.is_some()
    }

    pub fn products(&self) -> impl Iterator<Item = &Product> {
        self.docs.iter().filter_map(|d| match &d.source {
            Source::Product(p) => Some(p),
            Source::Passage(_) => None,
        })
    }

    /// The article passages, in the index's order.
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.docs.iter().filter_map(|d| match &d.source {
            Source::Passage(p) => Some(p),
            Source::Product(_) => None,
        })
    }

    fn admits(&self, i: usize, kind: DocKind, filters: &Filters) -> bool {
        match &self.docs[i].source {
            Source::Passage(_) => kind != DocKind::Product && filters.is_empty(),
            Source::Product(p) => {
                kind != DocKind::Article
                    && filters.min_price.is_none_or(|m| p.price >= m)
                    && filters.max_price.is_none_or(|m| p.price <= m)
                    && (!filters.in_stock || p.in_stock())
                    && filters.min_rating.is_none_or(|r| p.rating.unwrap_or(0.0) >= r)
                    && filters.category.as_ref().is_none_or(|c| *c == p.category)
            }
        }
    }

    /// Ranks documents for a request. `query_vector` is needed for vector and hybrid modes.
    pub fn search(
        &self,
        req: &SearchRequest,
        mode: Mode,
        method: Method,
        query_vector: Option<&[f32]>,
        settings: &RetrievalSettings,
    ) -> Result<Vec<Hit>, SearchError> {
        let depth = settings.candidates.max(req.limit * 3);
        let vectors = self.vectors.as_ref().zip(query_vector);
        let mode = if vectors.is_none() { Mode::Keyword } else { mode };
        let keyword = || self.keyword.search(&req.text, req.kind, &req.filters, depth);
        let dense = || {
            vectors
                .map(|(store, q)| store.search(q, depth, &|i| self.admits(i, req.kind, &req.filters)))
                .unwrap_or_default()
        };
        let ranked = match mode {
            Mode::Keyword => fusion::single(&keyword()?, false),
            Mode::Vector => fusion::single(&dense(), true),
            Mode::Hybrid => {
                // The two signals are independent: score keywords on another core meanwhile.
                let (keyword, dense) = std::thread::scope(|s| {
                    let keyword = s.spawn(keyword);
                    let dense = dense();
                    (keyword.join(), dense)
                });
                let keyword = keyword.map_err(|_| SearchError::Panicked)??;
                fusion::fuse(&keyword, &dense, method)
            }
        };
        let ranked = self.collapse_passages(ranked);
        let ranked = match (req.diverse, &self.vectors) {
            (true, Some(store)) => fusion::mmr(ranked, store, settings.mmr_lambda, req.limit),
            _ => ranked,
        };
        Ok(ranked.into_iter().take(req.limit).map(|(i, scores)| Hit { doc: self.docs[i].clone(), scores }).collect())
    }

    /// Keeps only the best passage of each article, so one article cannot fill the results.
    fn collapse_passages(&self, ranked: Vec<(usize, Scores)>) -> Vec<(usize, Scores)> {
        let mut seen = std::collections::HashSet::new();
        ranked.into_iter().filter(|(i, _)| seen.insert(self.docs[*i].parent_id())).collect()
    }

    pub fn suggest(&self, prefix: &str, past: &HashMap<String, i64>, limit: usize) -> Vec<String> {
        self.suggester.suggest(prefix, past, limit)
    }
}

/// The retrieval service: the current snapshot, the embedder and the fusion settings.
pub struct Retriever {
    index: RwLock<Option<Arc<Index>>>,
    embedder: Option<Arc<Embedder>>,
    pub settings: RetrievalSettings,
    past_queries: RwLock<HashMap<String, i64>>,
    reloads: reindex::Reloads,
}

impl Retriever {
    pub fn new(embedder: Option<Arc<Embedder>>, settings: RetrievalSettings) -> Self {
        Self {
            index: RwLock::new(None),
            embedder,
            settings,
            past_queries: RwLock::default(),
            reloads: reindex::Reloads::default(),
        }
    }

    /// Rebuilds the snapshot from Postgres and swaps it in: the one re-index, at start, after an
    /// edit in this process, and when another process says the knowledge changed. When it
    /// returns, every change committed before the call is searchable.
    #[tracing::instrument(skip_all)]
    pub async fn reload(&self, pool: &sqlx::PgPool) -> Result<(), LoadError> {
        self.reloads
            .coalesce(|| async {
                let started = std::time::Instant::now();
                let index = load_index(pool, self.embedder()).await?;
                let (docs, vectors) = (index.len(), index.has_vectors());
                self.replace(index);
                self.remember_queries(past_queries(pool).await.unwrap_or_default());
                crate::metrics::metrics().reindexed(started.elapsed());
                tracing::info!(docs, vectors, took = ?started.elapsed(), "search index ready");
                Ok(())
            })
            .await
    }

    /// Whether a snapshot has been loaded (the server is ready to search).
    pub fn is_loaded(&self) -> bool {
        self.index.read().unwrap_or_else(|p| p.into_inner()).is_some()
    }

    pub fn embedder(&self) -> Option<&Arc<Embedder>> {
        self.embedder.as_ref()
    }

    pub fn current(&self) -> Option<Arc<Index>> {
        self.index.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn replace(&self, index: Index) {
        *self.index.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(index));
    }

    pub fn default_method(&self) -> Method {
        match self.settings.fusion {
            Fusion::Rrf => Method::Rrf { k: self.settings.rrf_k },
            Fusion::Blend => Method::Blend { alpha: self.settings.blend_alpha },
        }
    }

    /// Runs a search (CPU-bound: call from a blocking thread). The query embedding is part of it.
    pub fn search(&self, req: &SearchRequest, mode: Mode, method: Option<Method>) -> Result<Vec<Hit>, SearchError> {
        let index = self.current().ok_or(SearchError::NotReady)?;
        self.search_in(&index, req, mode, method)
    }

    /// Runs a search on a given snapshot (a draft's preview) instead of the live one.
    pub fn search_in(
        &self,
        index: &Index,
        req: &SearchRequest,
        mode: Mode,
        method: Option<Method>,
    ) -> Result<Vec<Hit>, SearchError> {
        let query_vector = match (mode, &self.embedder) {
            (Mode::Keyword, _) | (_, None) => None,
            (_, Some(e)) => Some(e.embed_query(&req.text)?),
        };
        index.search(req, mode, method.unwrap_or(self.default_method()), query_vector.as_deref(), &self.settings)
    }

    pub fn remember_queries(&self, queries: impl IntoIterator<Item = (String, i64)>) {
        let mut past = self.past_queries.write().unwrap_or_else(|p| p.into_inner());
        for (q, n) in queries {
            *past.entry(q.to_lowercase()).or_default() += n;
        }
    }

    pub fn suggest(&self, prefix: &str, limit: usize) -> Result<Vec<String>, SearchError> {
        let index = self.current().ok_or(SearchError::NotReady)?;
        let past = self.past_queries.read().unwrap_or_else(|p| p.into_inner());
        Ok(index.suggest(prefix, &past, limit))
    }
}
