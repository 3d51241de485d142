//! Thin HTTP handlers: parse, call one service, map the result. This layer owns the application
//! state (`state.rs`) and reads who is asking (`auth.rs`); services never reach up here.
mod auth;
mod catalog;
mod chat;
mod health;
mod kb;
mod limits;
mod openai;
mod pages;
mod products;
mod search;
mod staff;
mod state;

pub use limits::Limits;
pub use state::AppState;

use crate::error::{ApiError, json_error_handler, path_error_handler, query_error_handler};
use crate::metrics::{Request, Route, metrics};
use actix_cors::Cors;
use actix_web::dev::{Server, Service};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{App, HttpMessage, HttpServer, web};
use auth::CONVERSATION_HEADER;
use std::net::TcpListener;
use std::sync::Arc;
use tracing_actix_web::{RequestId, TracingLogger};

/// CORS for what any shop page may call (the widget, search): `*`, never an echoed origin, and
/// no credentials; the conversation token travels in its own header.
fn public_cors() -> Cors {
    Cors::default()
        .allow_any_origin()
        .send_wildcard()
        .allowed_methods(["GET", "POST"])
        .allowed_headers([header::CONTENT_TYPE, HeaderName::from_static(CONVERSATION_HEADER)])
        .max_age(3600)
}

pub fn server(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<Server> {
    let data = web::Data::from(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(web::QueryConfig::default().error_handler(query_error_handler))
            .app_data(web::JsonConfig::default().limit(64 * 1024).error_handler(json_error_handler))
            .app_data(web::PathConfig::default().error_handler(path_error_handler))
            // Echo the request id so a shopper's report can be matched to our logs; count the
            // request by its route's pattern.
            .wrap_fn(|req, srv| {
                let id = req.extensions().get::<RequestId>().copied();
                let started = std::time::Instant::now();
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
                        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
                    }
                    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
                    let method = res.request().method().to_string();
                    let m = metrics();
                    let status = res.status().as_u16();
                    m.requests.get_or_create(&Request { method, route: route.clone(), status }).inc();
                    m.request_seconds.get_or_create(&Route { route }).observe(started.elapsed().as_secs_f64());
                    Ok(res)
                }
            })
            .wrap(TracingLogger::default())
            .route("/health", web::get().to(health::health))
            .route("/ready", web::get().to(health::ready))
            .route("/metrics", web::get().to(health::metrics))
            .route("/v1/chat/completions", web::post().to(openai::completions))
            .route("/", web::get().to(pages::shop))
            .route("/staff", web::get().to(pages::staff))
            .route("/kb", web::get().to(pages::kb))
            .route("/widget.js", web::get().to(pages::widget))
            .route("/console.js", web::get().to(pages::console_js))
            .route("/aisle.css", web::get().to(pages::css))
            .service(
                // What the widget calls, from whichever shop page embeds it.
                web::scope("/api/conversations")
                    .wrap(public_cors())
                    .route("", web::post().to(chat::create))
                    .route("/{id}", web::get().to(chat::history))
                    .route("/{id}/messages", web::post().to(chat::send))
                    .route("/{id}/events", web::get().to(chat::live))
                    .route("/{id}/contact", web::post().to(chat::contact)),
            )
            .service(
                // The team's endpoints answer no other origin: their pages are served from here.
                web::scope("/api")
                    .service(web::resource("/search").wrap(public_cors()).route(web::get().to(search::search)))
                    .service(web::resource("/suggest").wrap(public_cors()).route(web::get().to(search::suggest)))
                    .service(
                        web::resource("/widget/texts").wrap(public_cors()).route(web::get().to(chat::widget_texts)),
                    )
                    .service(
                        web::resource("/messages/{id}/feedback")
                            .wrap(public_cors())
                            .route(web::post().to(chat::feedback)),
                    )
                    .route("/products/{sku}/descriptions", web::post().to(products::draft))
                    .route("/products/{sku}/descriptions", web::get().to(products::list))
                    .route("/orders/{number}", web::put().to(catalog::put_order))
                    .route("/products/{sku}", web::put().to(catalog::put_product))
                    .route("/products/{sku}", web::delete().to(catalog::delete_product))
                    .service(
                        web::resource("/catalog/sync")
                            .app_data(
                                web::JsonConfig::default().limit(32 * 1024 * 1024).error_handler(json_error_handler),
                            )
                            .route(web::post().to(catalog::sync)),
                    )
                    .route("/staff/returns", web::get().to(catalog::returns))
                    .route("/staff/queue", web::get().to(staff::queue))
                    .route("/staff/claim", web::post().to(staff::claim_next))
                    .route("/staff/conversations/{id}/claim", web::post().to(staff::claim))
                    .route("/staff/conversations/{id}/messages", web::post().to(staff::reply))
                    .route("/staff/conversations/{id}/release", web::post().to(staff::release))
                    .route("/staff/conversations/{id}/resolve", web::post().to(staff::resolve))
                    .route("/analytics", web::get().to(staff::report))
                    .route("/tokens", web::get().to(staff::list_tokens))
                    .route("/tokens", web::post().to(staff::create_token))
                    .route("/tokens/{id}", web::delete().to(staff::revoke_token))
                    .route("/kb/articles", web::get().to(kb::list))
                    .route("/kb/articles", web::post().to(kb::create))
                    .route("/kb/articles/{id}", web::get().to(kb::get))
                    .route("/kb/articles/{id}", web::put().to(kb::update))
                    .route("/kb/articles/{id}/retire", web::post().to(kb::retire))
                    .route("/kb/articles/{id}/restore", web::post().to(kb::restore))
                    .route("/kb/preview", web::post().to(kb::preview))
                    .service(
                        web::resource("/kb/import")
                            .app_data(web::PayloadConfig::new(32 * 1024 * 1024))
                            .route(web::post().to(kb::import)),
                    ),
            )
            .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(ApiError::NotFound) }))
    })
    .listen(listener)?
    .run();
    Ok(server)
}
