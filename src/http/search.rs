//! `GET /api/search` and `GET /api/suggest`.
use super::state::AppState;
use crate::domain::{DocKind, Filters, Money, SearchRequest};
use crate::error::ApiError;
use crate::retrieval::{Hit, Method, Mode};
use crate::store;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use std::time::Instant;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    q: String,
    min_price: Option<f64>,
    max_price: Option<f64>,
    category: Option<String>,
    in_stock: Option<bool>,
    min_rating: Option<f32>,
    limit: Option<usize>,
    kind: Option<DocKind>,
    mode: Option<Mode>,
    /// `rrf` or `blend`; the configured default otherwise.
    fusion: Option<String>,
    diverse: Option<bool>,
}

#[derive(Serialize)]
struct Interpreted<'a> {
    text: &'a str,
    filters: &'a Filters,
}

#[derive(Serialize)]
struct SearchResponse<'a> {
    query: &'a str,
    interpreted: Interpreted<'a>,
    mode: Mode,
    took_ms: f64,
    hits: Vec<Hit>,
}

fn money(name: &str, v: Option<f64>) -> Result<Option<Money>, ApiError> {
    v.map(|v| {
        Money::from_f64(v).ok_or_else(|| ApiError::InvalidParameter(format!("{name} must be a price of 0 or more")))
    })
    .transpose()
}

impl SearchParams {
    fn into_request(self, state: &AppState) -> Result<(SearchRequest, Mode, Option<Method>), ApiError> {
        if let Some(r) = self.min_rating
            && !(0.0..=5.0).contains(&r)
        {
            return Err(ApiError::InvalidParameter("min_rating must be between 0 and 5".into()));
        }
        let filters = Filters {
            min_price: money("min_price", self.min_price)?,
            max_price: money("max_price", self.max_price)?,
            category: self.category.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()),
            in_stock: self.in_stock.unwrap_or(false),
            min_rating: self.min_rating,
        };
        let settings = &state.retriever.settings;
        let method = match self.fusion.as_deref() {
            None => None,
            Some("rrf") => Some(Method::Rrf { k: settings.rrf_k }),
            Some("blend") => Some(Method::Blend { alpha: settings.blend_alpha }),
            Some(other) => {
                return Err(ApiError::InvalidParameter(format!("fusion `{other}` is unknown: use rrf or blend")));
            }
        };
        let req = SearchRequest::parse(
            &self.q,
            filters,
            self.kind.unwrap_or_default(),
            self.limit.unwrap_or(10),
            self.diverse.unwrap_or(false),
        )
        .map_err(ApiError::InvalidQuery)?;
        Ok((req, self.mode.unwrap_or_default(), method))
    }
}

pub async fn search(state: web::Data<AppState>, params: web::Query<SearchParams>) -> Result<HttpResponse, ApiError> {
    let started = Instant::now();
    let (req, mode, method) = params.into_inner().into_request(&state)?;
    let slot = state.search_slots.clone().try_acquire_owned().map_err(|_| ApiError::Overloaded)?;
    let retriever = state.retriever.clone();
    let (req, hits) = web::block(move || {
        let _slot = slot;
        let hits = retriever.search(&req, mode, method);
        (req, hits)
    })
    .await
    .map_err(ApiError::internal)?;
    let hits = hits?;
    record_query(&state, &req.original);
    Ok(HttpResponse::Ok().json(SearchResponse {
        query: &req.original,
        interpreted: Interpreted { text: &req.text, filters: &req.filters },
        mode,
        took_ms: started.elapsed().as_secs_f64() * 1000.0,
        hits,
    }))
}

/// Remembers the query for autocomplete without making the shopper wait for Postgres.
fn record_query(state: &web::Data<AppState>, query: &str) {
    let q = query.trim().to_lowercase();
    state.retriever.remember_queries([(q.clone(), 1)]);
    let pool = state.pool.clone();
    tokio::spawn(async move {
        if let Err(e) = store::queries::record(&pool, &q).await {
            tracing::warn!(error = %e, "could not record the search query");
        }
    });
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestParams {
    q: String,
    limit: Option<usize>,
}

pub async fn suggest(state: web::Data<AppState>, params: web::Query<SuggestParams>) -> Result<HttpResponse, ApiError> {
    let limit = params.limit.unwrap_or(8);
    if limit == 0 || limit > 20 {
        return Err(ApiError::InvalidParameter("limit must be between 1 and 20".into()));
    }
    if params.q.chars().count() > 100 {
        return Err(ApiError::InvalidQuery("the prefix is longer than 100 characters".into()));
    }
    let suggestions = state.retriever.suggest(&params.q, limit)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "query": params.q, "suggestions": suggestions })))
}
