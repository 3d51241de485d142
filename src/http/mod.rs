//! Thin HTTP handlers: parse, call one service, map the result.
mod chat;
mod health;
mod openai;
mod products;
mod search;

use crate::error::{ApiError, json_error_handler, path_error_handler, query_error_handler};
use crate::startup::AppState;
use actix_web::dev::{Server, Service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{App, HttpMessage, HttpServer, web};
use std::net::TcpListener;
use std::sync::Arc;
use tracing_actix_web::{RequestId, TracingLogger};

pub fn server(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<Server> {
    let data = web::Data::from(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(web::QueryConfig::default().error_handler(query_error_handler))
            .app_data(web::JsonConfig::default().limit(64 * 1024).error_handler(json_error_handler))
            .app_data(web::PathConfig::default().error_handler(path_error_handler))
            // Echo the request id so a shopper's report can be matched to our logs.
            .wrap_fn(|req, srv| {
                let id = req.extensions().get::<RequestId>().copied();
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
                        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
                    }
                    Ok(res)
                }
            })
            .wrap(TracingLogger::default())
            .route("/health", web::get().to(health::health))
            .route("/ready", web::get().to(health::ready))
            .route("/v1/chat/completions", web::post().to(openai::completions))
            .service(
                web::scope("/api")
                    .route("/search", web::get().to(search::search))
                    .route("/suggest", web::get().to(search::suggest))
                    .route("/conversations", web::post().to(chat::create))
                    .route("/conversations/{id}", web::get().to(chat::history))
                    .route("/conversations/{id}/messages", web::post().to(chat::send))
                    .route("/messages/{id}/feedback", web::post().to(chat::feedback))
                    .route("/products/{sku}/descriptions", web::post().to(products::draft))
                    .route("/products/{sku}/descriptions", web::get().to(products::list)),
            )
            .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(ApiError::NotFound) }))
    })
    .listen(listener)?
    .run();
    Ok(server)
}
