//! Per-address and per-conversation rate limits (token buckets from `governor`). Behind a
//! trusted reverse proxy the address is the client's, read from `Forwarded` / `X-Forwarded-For`.
use crate::config::LimitSettings;
use crate::error::ApiError;
use actix_web::http::header::{self, HeaderMap, HeaderName};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use ipnet::IpNet;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

pub struct Limits {
    proxies: Vec<IpNet>,
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_conversation: DefaultKeyedRateLimiter<Uuid>,
}

fn quota(per_minute: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))
}

fn check<K: Hash + Eq + Clone>(limiter: &DefaultKeyedRateLimiter<K>, key: &K) -> Result<(), ApiError> {
    limiter.check_key(key).map_err(|not_until| {
        // Rounded up: a client that waits exactly this long gets through.
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::RateLimited((wait.as_secs_f64().ceil() as u64).max(1))
    })
}

impl Limits {
    pub fn new(s: &LimitSettings, proxies: Vec<IpNet>) -> Arc<Self> {
        let limits = Arc::new(Self {
            proxies,
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
        self.client_address(req).map_or(Ok(()), |ip| check(&self.per_ip, &ip))
    }

    /// The client's address: the TCP peer, or, when the peer is a trusted proxy, the nearest
    /// address in the forwarding chain that is not one (the ones further left are whatever the
    /// client claimed, and cannot be trusted).
    pub fn client_address(&self, req: &actix_web::HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip();
        if !self.trusted(peer) {
            return Some(peer);
        }
        let chain = forwarded_chain(req.headers());
        Some(chain.into_iter().rev().find(|ip| !self.trusted(*ip)).unwrap_or(peer))
    }

    fn trusted(&self, ip: IpAddr) -> bool {
        self.proxies.iter().any(|net| net.contains(&ip))
    }

    pub fn conversation(&self, id: Uuid) -> Result<(), ApiError> {
        check(&self.per_conversation, &id)
    }
}

/// The addresses a request passed through, client first: `Forwarded: for=...` (RFC 7239), else
/// `X-Forwarded-For`. Unreadable entries are skipped.
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    let values = |name| headers.get_all(name).filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(",");
    let forwarded = values(header::FORWARDED);
    let fors: Vec<String> = forwarded
        .split([',', ';'])
        .filter_map(|part| {
            let (key, value) = part.trim().split_once('=')?;
            key.trim().eq_ignore_ascii_case("for").then(|| value.trim().trim_matches('"').to_string())
        })
        .collect();
    let entries = if fors.is_empty() {
        values(HeaderName::from_static("x-forwarded-for")).split(',').map(|s| s.trim().to_string()).collect()
    } else {
        fors
    };
    entries.iter().filter_map(|e| address(e)).collect()
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:443`, `2001:db8::1`.
fn address(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse() {
        return Some(ip);
    }
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    entry.parse::<std::net::SocketAddr>().ok().map(|a| a.ip())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderValue;

    #[test]
    fn the_forwarding_chain_is_read_from_either_header() {
        let mut h = HeaderMap::new();
        h.insert(HeaderName::from_static("x-forwarded-for"), HeaderValue::from_static("203.0.113.9, 10.0.0.2"));
        assert_eq!(forwarded_chain(&h), vec![address("203.0.113.9").expect("ip"), address("10.0.0.2").expect("ip")]);
        h.insert(
            header::FORWARDED,
            HeaderValue::from_static("for=\"[2001:db8::1]:4711\";proto=https, for=198.51.100.7"),
        );
        assert_eq!(
            forwarded_chain(&h),
            vec![address("2001:db8::1").expect("ip"), address("198.51.100.7").expect("ip")]
        );
    }
}
