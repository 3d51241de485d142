//! Liveness and readiness probes, and the metrics.
use super::state::AppState;
use crate::auth::{Caller, Role};
use crate::error::ApiError;
use crate::metrics::metrics as registry;
use crate::store::escalations;
use actix_web::{HttpResponse, web};
use serde_json::json;

/// The process is up.
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// Ready to answer: Postgres reachable and the index loaded. Says what is missing when not.
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let database = sqlx::query("SELECT 1").execute(&state.pool).await.is_ok();
    let index = state.retriever.is_loaded();
    let vectors = state.retriever.current().is_some_and(|i| i.has_vectors());
    let body = json!({
        "status": if database && index { "ready" } else { "not_ready" },
        "database": database,
        "index": index,
        "vector_search": vectors,
    });
    if database && index { HttpResponse::Ok().json(body) } else { HttpResponse::ServiceUnavailable().json(body) }
}

/// `GET /metrics`: the Prometheus text format, for a scraper holding an `api` (or admin) token.
/// The levels are read now; a level Postgres cannot give keeps its last value.
pub async fn metrics(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Api])?;
    let m = registry();
    if let Ok(waiting) = escalations::waiting_count(&state.pool).await {
        m.queue_waiting.set(waiting);
    }
    m.spool_lines.set(state.log.spool_len() as i64);
    m.dead_letters.set(state.log.counts().dead_letters as i64);
    Ok(HttpResponse::Ok().content_type("application/openmetrics-text; version=1.0.0; charset=utf-8").body(m.render()))
}
