//! The pages Aisle serves itself: a demo shop page with the chat widget, the staff console and
//! the knowledge-base editor. Compiled into the binary; every text is inserted as text, never HTML.
use actix_web::HttpResponse;
use actix_web::http::header;

/// Our own pages load scripts and styles from us only; nothing inline can run.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

fn page(body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CONTENT_SECURITY_POLICY, CSP))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(body)
}

fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        // The widget is loaded by shops' pages on other origins.
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .body(body)
}

pub async fn shop() -> HttpResponse {
    page(include_str!("../../web/index.html"))
}

pub async fn staff() -> HttpResponse {
    page(include_str!("../../web/staff.html"))
}

pub async fn kb() -> HttpResponse {
    page(include_str!("../../web/kb.html"))
}

/// A script served as one strict function holding `web/common.js` then `web/<name>.js`, so the
/// shared helpers are written once and nothing leaks into the page's globals.
macro_rules! script {
    ($name:literal) => {
        concat!(
            "(function () {\n\"use strict\";\n",
            include_str!("../../web/common.js"),
            "\n",
            include_str!(concat!("../../web/", $name, ".js")),
            "})();\n"
        )
    };
}

pub async fn widget() -> HttpResponse {
    asset("text/javascript; charset=utf-8", script!("widget"))
}

pub async fn console_js() -> HttpResponse {
    asset("text/javascript; charset=utf-8", script!("console"))
}

pub async fn css() -> HttpResponse {
    asset("text/css; charset=utf-8", include_str!("../../web/aisle.css"))
}
