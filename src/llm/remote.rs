//! Generation on another machine through the OpenAI chat-completions protocol (llama.cpp's
//! server, vLLM, or another Aisle), streamed back token by token.
use super::{GenError, GenEvent, GenRequest, Generator, StopReason, Usage};
use futures_util::StreamExt;
use secrecy::{ExposeSecret, SecretString};
use std::time::Instant;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

pub struct RemoteGenerator {
    client: reqwest::Client,
    /// Keeps no idle connection: for the one retry of a request whose kept-alive connection was dead.
    fresh: reqwest::Client,
    url: String,
    model: String,
    api_key: Option<SecretString>,
    /// Sent with every request, so the remote samples as Aisle's own engine does.
    temperature: f64,
}

impl RemoteGenerator {
    /// A remote that samples at `temperature` (with Aisle's top-k and top-p).
    pub fn new(base_url: &str, model: &str, api_key: Option<SecretString>, temperature: f32) -> Self {
        let url = format!("{}/v1/chat/completions", base_url.trim_end_matches('/'));
        let builder = || reqwest::Client::builder().connect_timeout(std::time::Duration::from_secs(5));
        let client = builder().build().unwrap_or_default();
        let fresh = builder().pool_max_idle_per_host(0).build().unwrap_or_default();
        let temperature = decimal(temperature);
        Self { client, fresh, url, model: model.to_string(), api_key, temperature }
    }

    fn call(&self, client: &reqwest::Client, body: &serde_json::Value) -> reqwest::RequestBuilder {
        let call = client.post(&self.url).json(body);
        match &self.api_key {
            Some(key) => call.bearer_auth(key.expose_secret()),
            None => call,
        }
    }

    /// Sends a request; when it fails before any response (a kept-alive connection the server
    /// had closed: llama.cpp's server closes after each streamed answer while advertising
    /// keep-alive), sends it once more on a new connection. Nothing was generated for the first.
    async fn send(&self, body: &serde_json::Value) -> Result<reqwest::Response, String> {
        match self.call(&self.client, body).send().await {
            Err(e) if !e.is_timeout() => {
                tracing::debug!(error = %e, "the generation request failed before any answer; retrying on a new connection");
                self.call(&self.fresh, body).send().await
            }
            sent => sent,
        }
        .map_err(|e| format!("the generation server is unreachable: {e}"))
    }

    async fn stream(&self, req: GenRequest, out: &UnboundedSender<GenEvent>) -> Result<Usage, String> {
        let started = Instant::now();
        let messages: Vec<serde_json::Value> =
            req.messages.iter().map(|m| serde_json::json!({ "role": m.role.as_str(), "content": m.content })).collect();
        let body = serde_json::json!({
            "model": self.model, "messages": messages, "max_tokens": req.max_tokens, "stream": true,
            "temperature": if req.greedy { 0.0 } else { self.temperature }, "top_k": super::TOP_K,
            "top_p": decimal(super::TOP_P), "min_p": 0.0,
        });
        let response = self.send(&body).await?;
        if !response.status().is_success() {
            return Err(format!("the generation server answered {}", response.status()));
        }
        let mut bytes = response.bytes_stream();
        let (mut buffer, mut generated, mut first, mut stop) = (String::new(), 0u32, None, StopReason::End);
        let mut timings = serde_json::Value::Null;
        while let Some(chunk) = bytes.next().await {
            if out.is_closed() {
                return Err("the shopper left".into()); // dropping the response cancels the remote work
            }
            buffer.push_str(&String::from_utf8_lossy(&chunk.map_err(|e| e.to_string())?));
            while let Some(end) = buffer.find("\n\n") {
                let event: String = buffer.drain(..end + 2).collect();
                for data in event.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim) {
                    if data == "[DONE]" {
                        continue;
                    }
                    let mut v: serde_json::Value = serde_json::from_str(data).map_err(|e| format!("bad chunk: {e}"))?;
                    let choice = &v["choices"][0];
                    if let Some(text) = choice["delta"]["content"].as_str().filter(|t| !t.is_empty()) {
                        first.get_or_insert_with(Instant::now);
                        generated += 1;
                        let _ = out.send(GenEvent::Token(text.to_string()));
                    }
                    if choice["finish_reason"] == "length" {
                        stop = StopReason::Length;
                    }
                    if v["timings"].is_object() {
                        timings = v["timings"].take();
                    }
                }
            }
        }
        let ms = |t: Instant| (t - started).as_secs_f64() * 1000.0;
        // llama.cpp's server says how much of the prompt it read and how much it had kept.
        let count = |key: &str| timings[key].as_u64().map(|n| n as u32);
        let cached_tokens = count("cache_n").unwrap_or(0);
        Ok(Usage {
            prompt_tokens: count("prompt_n").map_or(0, |read| read + cached_tokens),
            cached_tokens,
            generated_tokens: count("predicted_n").unwrap_or(generated),
            ttft_ms: first.map_or(0.0, ms),
            duration_ms: ms(Instant::now()),
            stop,
        })
    }
}

/// An f32 setting as it is written (0.2, not 0.20000000298...), for the JSON a remote reads.
fn decimal(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

impl Generator for std::sync::Arc<RemoteGenerator> {
    fn generate(&self, req: GenRequest) -> Result<UnboundedReceiver<GenEvent>, GenError> {
        let (out, rx) = unbounded_channel();
        let this = self.clone();
        tokio::spawn(async move {
            let event = match this.stream(req, &out).await {
                Ok(usage) => GenEvent::Done(usage),
                Err(e) => GenEvent::Failed(e),
            };
            let _ = out.send(event);
        });
        Ok(rx)
    }

    fn model_name(&self) -> &str {
        &self.model
    }
}
