//! A generator that answers instantly with a fixed reply: for fast API tests, beside the real model's.
use super::{GenError, GenEvent, GenRequest, Generator, StopReason, Usage};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

pub struct FakeGenerator {
    pub reply: String,
}

impl Generator for FakeGenerator {
    fn generate(&self, req: GenRequest) -> Result<UnboundedReceiver<GenEvent>, GenError> {
        let (tx, rx) = unbounded_channel();
        let words: Vec<String> = self.reply.split_inclusive(' ').map(str::to_string).collect();
        let prompt_tokens = req.messages.iter().map(|m| m.content.split_whitespace().count() as u32).sum();
        let generated = words.len().min(req.max_tokens as usize);
        for w in words.into_iter().take(generated) {
            let _ = tx.send(GenEvent::Token(w));
        }
        let _ = tx.send(GenEvent::Done(Usage {
            prompt_tokens,
            cached_tokens: 0,
            generated_tokens: generated as u32,
            ttft_ms: 0.0,
            duration_ms: 0.0,
            stop: StopReason::End,
        }));
        Ok(rx)
    }

    fn model_name(&self) -> &str {
        "fake"
    }
}
