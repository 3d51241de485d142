//! The shop's own order API: `GET {url with {number}}` answers the order as JSON (404: no such
//! order), read through the `Mapping`; a confirmed return is `POST`ed to `returns_url`. Each call
//! has a timeout and is retried with backoff when the other side failed (not when it said no);
//! after failures in a row the breaker answers "unavailable" at once for a while.
use super::breaker::Breaker;
use super::{Mapping, OrderError, OrderSource, ReturnNotice};
use crate::config::{HttpOrderSettings, OrderMapping};
use crate::domain::{Order, OrderNumber};
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use std::time::Duration;

pub struct HttpOrders {
    client: reqwest::Client,
    url: String,
    returns_url: Option<String>,
    header: Option<(String, SecretString)>,
    retries: u32,
    backoff: Duration,
    breaker: Breaker,
    mapping: OrderMapping,
}

/// What one call came to.
enum Call {
    Answered(reqwest::Response),
    /// Worth trying again: no answer in time, no connection, or a 5xx/429.
    Failed(String),
}

impl HttpOrders {
    pub fn new(s: &HttpOrderSettings) -> Result<Self, String> {
        let url = s.url.clone().ok_or("orders.source = \"http\" needs orders.http.url")?;
        if !url.contains("{number}") {
            return Err("orders.http.url must contain {number}, where the order number goes".into());
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_millis(s.timeout_ms))
            .connect_timeout(Duration::from_millis(s.timeout_ms))
            .build()
            .map_err(|e| format!("the order API's HTTP client cannot be built: {e}"))?;
        let header = match (&s.header_name, &s.header_value) {
            (Some(name), Some(value)) => Some((name.clone(), value.clone())),
            _ => None,
        };
        Ok(Self {
            client,
            url,
            returns_url: s.returns_url.clone(),
            header,
            retries: s.retries,
            backoff: Duration::from_millis(s.backoff_ms),
            breaker: Breaker::new(s.breaker_failures, Duration::from_secs(s.breaker_open_s)),
            mapping: s.mapping.clone(),
        })
    }

    async fn once(&self, request: reqwest::RequestBuilder) -> Call {
        let request = match &self.header {
            Some((name, value)) => request.header(name, value.expose_secret()),
            None => request,
        };
        match request.send().await {
            Ok(r) if r.status().is_server_error() || r.status() == StatusCode::TOO_MANY_REQUESTS => {
                Call::Failed(format!("the order API answered {}", r.status()))
            }
            Ok(r) => Call::Answered(r),
            Err(e) if e.is_timeout() => Call::Failed("the order API did not answer in time".into()),
            Err(e) => Call::Failed(format!("the order API cannot be reached: {e}")),
        }
    }

    /// Sends a request (made afresh for each try) until it is answered, with backoff between
    /// tries; the breaker hears how it ended.
    async fn call(&self, make: impl Fn() -> reqwest::RequestBuilder) -> Result<reqwest::Response, OrderError> {
        if !self.breaker.allow() {
            return Err(OrderError::Unavailable("the order API failed repeatedly; not calling it for now".into()));
        }
        let mut last = String::new();
        for attempt in 0..=self.retries {
            if attempt > 0 {
                tokio::time::sleep(self.backoff * 2u32.pow(attempt - 1)).await;
            }
            match self.once(make()).await {
                Call::Answered(r) => {
                    self.breaker.succeeded();
                    return Ok(r);
                }
                Call::Failed(why) => {
                    tracing::warn!(attempt, error = %why, "order API call failed");
                    last = why;
                }
            }
        }
        self.breaker.failed();
        Err(OrderError::Unavailable(last))
    }
}

impl OrderSource for HttpOrders {
    fn find<'a>(&'a self, number: &'a OrderNumber) -> BoxFuture<'a, Result<Option<Order>, OrderError>> {
        async move {
            let url = self.url.replace("{number}", number.as_str());
            let response = self.call(|| self.client.get(&url)).await?;
            match response.status() {
                StatusCode::NOT_FOUND => return Ok(None),
                s if !s.is_success() => return Err(OrderError::Unavailable(format!("the order API answered {s}"))),
                _ => {}
            }
            let body: serde_json::Value =
                response.json().await.map_err(|e| OrderError::Unavailable(format!("the order is not JSON: {e}")))?;
            let order = Mapping(&self.mapping).order(&body).map_err(|e| {
                tracing::error!(error = %e, "the shop's order does not fit the mapping (orders.http.mapping)");
                OrderError::Unavailable(format!("the order does not fit the mapping: {e}"))
            })?;
            // A shop that answers another order for this number is not trusted with this one.
            Ok((order.number == *number).then_some(order))
        }
        .boxed()
    }

    fn send_return<'a>(&'a self, notice: &'a ReturnNotice) -> BoxFuture<'a, Result<bool, OrderError>> {
        async move {
            let Some(url) = &self.returns_url else { return Ok(false) };
            let response = self.call(|| self.client.post(url).json(notice)).await?;
            if response.status().is_success() {
                Ok(true)
            } else {
                Err(OrderError::Unavailable(format!("the shop refused the return: {}", response.status())))
            }
        }
        .boxed()
    }
}
