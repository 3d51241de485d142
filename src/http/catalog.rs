//! The shop's own systems (role `integration`): `PUT /api/orders/{number}` pushes an order,
//! `PUT` and `DELETE /api/products/{sku}` change the catalog live, `POST /api/catalog/sync`
//! sends the whole catalog (`?prune=true` removes what it no longer has). Staff read the
//! return requests shoppers confirmed: `GET /api/staff/returns`.
use super::state::AppState;
use crate::auth::{Caller, Role};
use crate::domain::Sku;
use crate::error::ApiError;
use crate::store::orders;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

pub async fn put_order(
    state: web::Data<AppState>,
    caller: Caller,
    number: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Integration])?;
    let done = state.editor.put_order(&number, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "number": number.into_inner(), "result": done })))
}

pub async fn put_product(
    state: web::Data<AppState>,
    caller: Caller,
    sku: web::Path<Sku>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Integration])?;
    let done = state.editor.put_product(sku.as_str(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "sku": sku.as_str(), "result": done })))
}

pub async fn delete_product(
    state: web::Data<AppState>,
    caller: Caller,
    sku: web::Path<Sku>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Integration])?;
    state.editor.delete_product(sku.as_str()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncQuery {
    #[serde(default)]
    prune: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    products: Vec<serde_json::Value>,
}

pub async fn sync(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<SyncQuery>,
    body: web::Json<Feed>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Integration])?;
    Ok(HttpResponse::Ok().json(state.editor.sync(body.into_inner().products, q.prune).await?))
}

pub async fn returns(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Staff])?;
    let found = orders::returns(&state.pool, 100).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "returns": found })))
}
