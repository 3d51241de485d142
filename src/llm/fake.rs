//! A generator that answers instantly with a fixed reply: for fast API tests, beside the real model's.
//! Prompt tokens are counted as words; it stops for the same reasons the engine does.
use super::{GenError, GenEvent, GenRequest, Generator, StopReason, Usage};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

pub struct FakeGenerator {
    pub reply: String,
    /// Tokens a conversation's context window holds (prompt and answer), like `llm.ctx_per_slot`;
    /// `None`: unlimited.
    pub context: Option<u32>,
    /// While set, every request is refused as `Busy`, as a full engine refuses it.
    pub busy: std::sync::atomic::AtomicBool,
}

impl FakeGenerator {
    pub fn new(reply: &str) -> Self {
        Self { reply: reply.to_string(), context: None, busy: Default::default() }
    }
}

impl Generator for FakeGenerator {
    fn generate(&self, req: GenRequest) -> Result<UnboundedReceiver<GenEvent>, GenError> {
        if self.busy.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(GenError::Busy);
        }
        let (tx, rx) = unbounded_channel();
        let words: Vec<String> = self.reply.split_inclusive(' ').map(str::to_string).collect();
        let prompt_tokens: u32 = req.messages.iter().map(|m| m.content.split_whitespace().count() as u32).sum();
        let room = self.context.map_or(u32::MAX, |c| c.saturating_sub(prompt_tokens));
        let limit = req.max_tokens.min(room) as usize;
        let generated = words.len().min(limit);
        let stop = match (generated < words.len(), room < req.max_tokens) {
            (false, _) => StopReason::End,
            (true, true) => StopReason::Context,
            (true, false) => StopReason::Length,
        };
        for w in words.into_iter().take(generated) {
            let _ = tx.send(GenEvent::Token(w));
        }
        let _ = tx.send(GenEvent::Done(Usage {
            prompt_tokens,
            cached_tokens: 0,
            generated_tokens: generated as u32,
            ttft_ms: 0.0,
            duration_ms: 0.0,
            stop,
        }));
        Ok(rx)
    }

    fn model_name(&self) -> &str {
        "fake"
    }
}
