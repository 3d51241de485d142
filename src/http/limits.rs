//! Per-address and per-conversation rate limits (token buckets from `governor`).
use crate::config::LimitSettings;
use crate::error::ApiError;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

pub struct Limits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_conversation: DefaultKeyedRateLimiter<Uuid>,
}

fn quota(per_minute: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))
}

fn check<K: Hash + Eq + Clone>(limiter: &DefaultKeyedRateLimiter<K>, key: &K) -> Result<(), ApiError> {
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::RateLimited(wait.as_secs().max(1))
    })
}

impl Limits {
    pub fn new(s: &LimitSettings) -> Arc<Self> {
        let limits = Arc::new(Self {
            per_ip: RateLimiter::keyed(quota(s.per_ip_per_minute)),
            per_conversation: RateLimiter::keyed(quota(s.per_conversation_per_minute)),
        });
        // Forget idle keys so memory stays flat.
        let weak = Arc::downgrade(&limits);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                let Some(l) = weak.upgrade() else { return };
                l.per_ip.retain_recent();
                l.per_conversation.retain_recent();
            }
        });
        limits
    }

    /// The budget of the address a request comes from.
    pub fn client(&self, req: &actix_web::HttpRequest) -> Result<(), ApiError> {
        req.peer_addr().map_or(Ok(()), |a| check(&self.per_ip, &a.ip()))
    }

    pub fn conversation(&self, id: Uuid) -> Result<(), ApiError> {
        check(&self.per_conversation, &id)
    }
}
