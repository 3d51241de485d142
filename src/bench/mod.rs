//! `aisle bench retrieval`: index build time and query latency on synthetic catalogs.
mod chat;
mod conversation;
mod fields;
mod languages;
mod reindex;
mod rewording;
mod synthetic;

pub use chat::{ChatBench, Prompts, chat, prompts};
pub use conversation::{Turned, conversations, print as print_conversations};
pub use fields::{FieldRead, fields, print as print_fields};
pub use languages::{LanguageTimes, languages, print as print_languages};
pub use reindex::reindex;
pub use rewording::{Reworded, print as print_rewording, rewording};

pub use synthetic::catalog;

use crate::config::RetrievalSettings;
use crate::domain::{DocKind, Filters, SearchRequest};
use crate::retrieval::embed::{DIM, normalize};
use crate::retrieval::{Doc, Embedder, Index, Mode, Source, documents, estimate};
use rand::{Rng, SeedableRng, rngs::SmallRng};
use std::time::{Duration, Instant};

/// A one-line description of a document for terminal output.
pub fn label(doc: &Doc) -> String {
    match &doc.source {
        Source::Product(p) => format!("{} ${:.2} [{}]", p.title, p.price.as_f64(), p.sku),
        Source::Passage(p) => format!("{} [{}: {}]", p.title, p.kind.as_str(), p.article_id),
    }
}

/// Milliseconds until `work` gave something; `None` when it gave nothing.
async fn timed<T>(work: impl std::future::Future<Output = Option<T>>) -> Option<f64> {
    let started = Instant::now();
    work.await.map(|_| started.elapsed().as_secs_f64() * 1000.0)
}

/// The middle value (the upper one of an even count); 0 for none.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Real embeddings for a pool of distinct texts, reused with small perturbations for the rest:
/// embedding a million texts on two cores would take hours and measure nothing about search.
fn vectors(embedder: &Embedder, docs: &[Doc], pool: usize) -> anyhow::Result<Vec<Vec<f32>>> {
    let texts: Vec<String> = docs.iter().take(pool).map(Doc::embedding_text).collect();
    let base = embedder.embed(&texts)?;
    let mut rng = SmallRng::seed_from_u64(7);
    Ok((0..docs.len())
        .map(|i| {
            let mut v = base[i % base.len()].clone();
            if i >= base.len() {
                v.iter_mut().for_each(|x| *x += rng.random_range(-0.02..0.02));
                normalize(&mut v);
            }
            v
        })
        .collect())
}

pub fn retrieval(
    embedder: &Embedder,
    settings: &RetrievalSettings,
    sizes: &[usize],
    queries: usize,
) -> anyhow::Result<()> {
    let query_texts = synthetic::queries(queries.max(1));
    println!(
        "retrieval benchmark: {queries} queries per mode, {} cores",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    println!(
        "{:>9} {:>9} {:>9} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>8}",
        "products", "build_s", "embed_s", "kw_p50", "kw_p99", "vec_p50", "vec_p99", "hyb_p50", "hyb_p99", "qemb_p50"
    );
    for &n in sizes {
        let docs = documents(catalog(n, 42), &[], &estimate);
        let t = Instant::now();
        let vecs = vectors(embedder, &docs, 2000.min(n))?;
        let embed_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let index = Index::build(docs, Some(vecs))?;
        let build_s = t.elapsed().as_secs_f64();
        let mut timings: Vec<Vec<Duration>> = vec![Vec::new(); 4];
        for q in &query_texts {
            let req =
                SearchRequest::parse(q, Filters::default(), DocKind::All, 10, false).map_err(anyhow::Error::msg)?;
            let t = Instant::now();
            let qv = embedder.embed_query(&req.text)?;
            timings[3].push(t.elapsed());
            debug_assert_eq!(qv.len(), DIM);
            for (slot, mode) in [(0, Mode::Keyword), (1, Mode::Vector), (2, Mode::Hybrid)] {
                let t = Instant::now();
                // Vector and hybrid timings include embedding the query, as a shopper would wait for it.
                let qv = if mode == Mode::Keyword { None } else { Some(embedder.embed_query(&req.text)?) };
                let method = crate::retrieval::Method::Rrf { k: settings.rrf_k };
                let hits = index.search(&req, mode, method, qv.as_deref(), settings)?;
                timings[slot].push(t.elapsed());
                std::hint::black_box(hits);
            }
        }
        timings.iter_mut().for_each(|t| t.sort());
        println!(
            "{:>9} {:>9.2} {:>9.2} | {:>8.3} {:>8.3} | {:>8.3} {:>8.3} | {:>8.3} {:>8.3} | {:>8.3}",
            n,
            build_s,
            embed_s,
            percentile(&timings[0], 0.5),
            percentile(&timings[0], 0.99),
            percentile(&timings[1], 0.5),
            percentile(&timings[1], 0.99),
            percentile(&timings[2], 0.5),
            percentile(&timings[2], 0.99),
            percentile(&timings[3], 0.5),
        );
    }
    println!("latencies in ms; vector and hybrid include embedding the query (qemb = embedding alone)");
    Ok(())
}
