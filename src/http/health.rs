//! Liveness and readiness probes.
use super::state::AppState;
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
