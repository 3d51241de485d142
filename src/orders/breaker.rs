//! A circuit breaker: after `failures` calls in a row fail, calls are refused for `open_for`
//! (the shopper hears at once that orders cannot be reached, instead of waiting on timeouts);
//! then one call is let through to see whether the other side is back.
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Breaker {
    failures: u32,
    open_for: Duration,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    failed_in_a_row: u32,
    open_until: Option<Instant>,
}

impl Breaker {
    pub fn new(failures: u32, open_for: Duration) -> Self {
        Self { failures: failures.max(1), open_for, state: Mutex::default() }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a call may be made now. When the open time is over, one call is let through and
    /// the breaker stays open for the others until it reports.
    pub fn allow(&self) -> bool {
        let mut s = self.state();
        match s.open_until {
            Some(until) if Instant::now() < until => false,
            Some(_) => {
                s.open_until = Some(Instant::now() + self.open_for);
                true
            }
            None => true,
        }
    }

    pub fn succeeded(&self) {
        *self.state() = State::default();
    }

    pub fn failed(&self) {
        let mut s = self.state();
        s.failed_in_a_row += 1;
        if s.failed_in_a_row >= self.failures {
            s.open_until = Some(Instant::now() + self.open_for);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breaker_opens_after_failures_in_a_row_and_lets_one_call_through_later() {
        let b = Breaker::new(2, Duration::from_millis(30));
        b.failed();
        assert!(b.allow());
        b.failed();
        assert!(!b.allow());
        std::thread::sleep(Duration::from_millis(40));
        assert!(b.allow(), "one trial call after the open time");
        assert!(!b.allow(), "only one");
        b.succeeded();
        assert!(b.allow());
    }
}
