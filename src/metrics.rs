//! What `GET /metrics` shows, in the Prometheus text format (`prometheus-client`). Counters and
//! histograms are recorded where things happen; the levels (queue, spool) are read at each scrape.
//! Every name is listed in the README, section Metrics.
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::sync::LazyLock;
use std::time::Duration;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Request {
    pub method: String,
    /// The route's pattern (`/api/conversations/{id}/messages`), never the address itself.
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Route {
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Answer {
    pub answered_by: String,
}

type Timings<L> = Family<L, Histogram, fn() -> Histogram>;

fn seconds() -> Histogram {
    // 5 ms .. about 80 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 15))
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<Request, Counter>,
    pub request_seconds: Timings<Route>,
    pub answers: Family<Answer, Counter>,
    pub tokens_generated: Counter,
    pub first_token_seconds: Histogram,
    pub reindexes: Counter,
    pub reindex_seconds: Histogram,
    pub queue_waiting: Gauge,
    pub spool_lines: Gauge,
    pub dead_letters: Gauge,
}

impl Metrics {
    fn new() -> Self {
        let requests = Family::<Request, Counter>::default();
        let request_seconds: Timings<Route> = Family::new_with_constructor(seconds);
        let answers = Family::<Answer, Counter>::default();
        let (tokens_generated, reindexes) = (Counter::default(), Counter::default());
        let (first_token_seconds, reindex_seconds) = (seconds(), seconds());
        let (queue_waiting, spool_lines, dead_letters) = (Gauge::default(), Gauge::default(), Gauge::default());
        let mut registry = Registry::with_prefix("aisle");
        let r = &mut registry;
        r.register("http_requests", "HTTP requests, by method, route pattern and status", requests.clone());
        r.register(
            "http_request_duration_seconds",
            "Time to answer HTTP requests, by route pattern (streams: until the response starts)",
            request_seconds.clone(),
        );
        r.register("chat_answers", "Answers given to shoppers, by how they were made", answers.clone());
        r.register("llm_generated_tokens", "Tokens the model generated for chat answers", tokens_generated.clone());
        r.register(
            "llm_first_token_seconds",
            "Time from a chat answer's start to the model's first token",
            first_token_seconds.clone(),
        );
        r.register("reindexes", "Search index rebuilds", reindexes.clone());
        r.register("reindex_duration_seconds", "Time to rebuild the search index", reindex_seconds.clone());
        r.register("queue_waiting", "Conversations waiting for a person", queue_waiting.clone());
        r.register("spool_lines", "Lines waiting in the spool for Postgres", spool_lines.clone());
        r.register(
            "spool_dead_letters",
            "Lines Postgres refused for good and moved aside, since start",
            dead_letters.clone(),
        );
        Metrics {
            registry,
            requests,
            request_seconds,
            answers,
            tokens_generated,
            first_token_seconds,
            reindexes,
            reindex_seconds,
            queue_waiting,
            spool_lines,
            dead_letters,
        }
    }

    /// The text a Prometheus server scrapes.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Err(e) = encode(&mut out, &self.registry) {
            tracing::error!(error = %e, "metrics could not be written");
        }
        out
    }

    pub fn answer(&self, answered_by: &str) {
        self.answers.get_or_create(&Answer { answered_by: answered_by.to_string() }).inc();
    }

    pub fn reindexed(&self, took: Duration) {
        self.reindexes.inc();
        self.reindex_seconds.observe(took.as_secs_f64());
    }
}

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// The process's metrics (one registry, whatever the number of apps a test builds).
pub fn metrics() -> &'static Metrics {
    &METRICS
}
