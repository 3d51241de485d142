//! Generation on another machine through the OpenAI chat-completions protocol (llama.cpp's
//! server, vLLM, or another Aisle), streamed back token by token.
use super::{GenError, GenEvent, GenRequest, Generator, StopReason, Usage};
use futures_util::StreamExt;
use secrecy::{ExposeSecret, SecretString};
use std::time::Instant;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

pub struct RemoteGenerator {
    client: reqwest::Client,
    url: String,
    model: String,
    api_key: Option<SecretString>,
}

impl RemoteGenerator {
    pub fn new(base_url: &str, model: &str, api_key: Option<SecretString>) -> Self {
        let url = format!("{}/v1/chat/completions", base_url.trim_end_matches('/'));
        let client =
            reqwest::Client::builder().connect_timeout(std::time::Duration::from_secs(5)).build().unwrap_or_default();
        Self { client, url, model: model.to_string(), api_key }
    }

    async fn stream(&self, req: GenRequest, out: &UnboundedSender<GenEvent>) -> Result<Usage, String> {
        let started = Instant::now();
        let messages: Vec<serde_json::Value> =
            req.messages.iter().map(|m| serde_json::json!({ "role": m.role.as_str(), "content": m.content })).collect();
        let body = serde_json::json!({ "model": self.model, "messages": messages, "max_tokens": req.max_tokens, "stream": true });
        let mut call = self.client.post(&self.url).json(&body);
        if let Some(key) = &self.api_key {
            call = call.bearer_auth(key.expose_secret());
        }
        let response = call.send().await.map_err(|e| format!("the generation server is unreachable: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("the generation server answered {}", response.status()));
        }
        let mut bytes = response.bytes_stream();
        let (mut buffer, mut generated, mut first, mut stop) = (String::new(), 0u32, None, StopReason::End);
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
                    let v: serde_json::Value = serde_json::from_str(data).map_err(|e| format!("bad chunk: {e}"))?;
                    let choice = &v["choices"][0];
                    if let Some(text) = choice["delta"]["content"].as_str().filter(|t| !t.is_empty()) {
                        first.get_or_insert_with(Instant::now);
                        generated += 1;
                        let _ = out.send(GenEvent::Token(text.to_string()));
                    }
                    if choice["finish_reason"] == "length" {
                        stop = StopReason::Length;
                    }
                }
            }
        }
        let ms = |t: Instant| (t - started).as_secs_f64() * 1000.0;
        Ok(Usage {
            prompt_tokens: 0,
            cached_tokens: 0,
            generated_tokens: generated,
            ttft_ms: first.map_or(0.0, ms),
            duration_ms: ms(Instant::now()),
            stop,
        })
    }
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
