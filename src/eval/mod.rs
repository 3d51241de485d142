//! Quality against labelled sets. Retrieval against graded judgements: nDCG@10, Recall@5,
//! Recall@10 and MRR; mood (`sentiment`); answers (`answers`).
//!
//! The file is JSON Lines: `{"query": "...", "relevant": {"SKU-OR-ARTICLE-ID": grade}}`, grade 1..=3.
pub mod answers;
pub mod fields;
pub mod people;
pub mod report;
mod sentiment;

pub use sentiment::{
    Feeling, Scored, SentimentMetrics, load_feelings, sentiment, sentiment_as_read, sentiment_by_embedding,
};

use crate::domain::{DocKind, Filters, Language, SearchRequest};
use crate::retrieval::{Method, Mode, Retriever};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    pub query: String,
    pub relevant: HashMap<String, u8>,
    #[serde(default)]
    pub note: Option<String>,
    /// The language the query is written in (default English).
    #[serde(default)]
    pub lang: Language,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Metrics {
    pub ndcg10: f64,
    pub recall5: f64,
    pub recall10: f64,
    pub mrr: f64,
}

/// A JSON Lines file, one labelled item a line (blank lines and `//` comments skipped).
fn load_lines<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1)))
        .collect()
}

pub fn load(path: &Path) -> Result<Vec<Judged>, String> {
    load_lines(path)
}

/// Scores one ranking (ids, best first) against graded judgements.
pub fn score(ranking: &[String], relevant: &HashMap<String, u8>) -> Metrics {
    let gain = |g: u8| 2f64.powi(i32::from(g)) - 1.0;
    let dcg: f64 = ranking
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, id)| gain(*relevant.get(id).unwrap_or(&0)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u8> = relevant.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal.iter().take(10).enumerate().map(|(i, g)| gain(*g) / (i as f64 + 2.0).log2()).sum();
    let total = relevant.values().filter(|g| **g > 0).count().max(1) as f64;
    let found =
        |k: usize| ranking.iter().take(k).filter(|id| relevant.get(*id).is_some_and(|g| *g > 0)).count() as f64 / total;
    let first = ranking.iter().position(|id| relevant.get(id).is_some_and(|g| *g > 0));
    Metrics {
        ndcg10: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        recall5: found(5),
        recall10: found(10),
        mrr: first.map_or(0.0, |p| 1.0 / (p as f64 + 1.0)),
    }
}

/// Mean metrics over the set for one configuration.
pub fn evaluate(retriever: &Retriever, set: &[Judged], mode: Mode, method: Method) -> anyhow::Result<Metrics> {
    let mut sum = Metrics::default();
    for j in set {
        let req = SearchRequest::parse(&j.query, Filters::default(), DocKind::All, 10, false)
            .map_err(|e| anyhow::anyhow!("query `{}`: {e}", j.query))?;
        let hits = retriever.search(&req, mode, Some(method))?;
        let ids: Vec<String> = hits.iter().map(|h| h.doc.parent_id().to_string()).collect();
        let m = score(&ids, &j.relevant);
        sum.ndcg10 += m.ndcg10;
        sum.recall5 += m.recall5;
        sum.recall10 += m.recall10;
        sum.mrr += m.mrr;
    }
    let n = set.len().max(1) as f64;
    Ok(Metrics { ndcg10: sum.ndcg10 / n, recall5: sum.recall5 / n, recall10: sum.recall10 / n, mrr: sum.mrr / n })
}

/// Keyword-only, vector-only, and hybrid with each fusion method (blend at several weights).
pub fn compare(retriever: &Retriever, set: &[Judged]) -> anyhow::Result<Vec<(String, Metrics)>> {
    let k = retriever.settings.rrf_k;
    let mut rows = vec![
        ("keyword".to_string(), evaluate(retriever, set, Mode::Keyword, Method::Rrf { k })?),
        ("vector".to_string(), evaluate(retriever, set, Mode::Vector, Method::Rrf { k })?),
        (format!("hybrid rrf k={k}"), evaluate(retriever, set, Mode::Hybrid, Method::Rrf { k })?),
    ];
    for alpha in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9] {
        rows.push((
            format!("hybrid blend a={alpha}"),
            evaluate(retriever, set, Mode::Hybrid, Method::Blend { alpha })?,
        ));
    }
    Ok(rows)
}

/// Hybrid retrieval per language: each query as written, as `english` turns it (the chat's
/// translation step), and both together, fused by rank; then English as written and the others
/// translated, fused the way the chat fuses them (`retrieval.fusion`), the figures the chat's
/// sources follow. `None` from `english` leaves the query as written.
pub async fn by_language<F, Fut>(
    retriever: &Retriever,
    set: &[Judged],
    english: F,
) -> anyhow::Result<Vec<(String, Metrics)>>
where
    F: Fn(String, Language) -> Fut,
    Fut: std::future::Future<Output = Option<String>>,
{
    let method = Method::Rrf { k: retriever.settings.rrf_k };
    let chat = retriever.default_method();
    let mut rows = Vec::new();
    for lang in Language::ALL {
        let written: Vec<Judged> = set
            .iter()
            .filter(|j| j.lang == lang)
            .map(|j| Judged { query: j.query.clone(), relevant: j.relevant.clone(), note: None, lang })
            .collect();
        if written.is_empty() {
            continue;
        }
        rows.push((
            format!("{lang} as written ({})", written.len()),
            evaluate(retriever, &written, Mode::Hybrid, method)?,
        ));
        if lang == Language::En {
            rows.push((format!("{lang} as written, chat's"), evaluate(retriever, &written, Mode::Hybrid, chat)?));
            continue;
        }
        let (mut translated, mut both) = (Vec::new(), Vec::new());
        for j in &written {
            let query = english(j.query.clone(), lang).await.unwrap_or_else(|| j.query.clone());
            let joined = format!("{query} {}", j.query);
            translated.push(Judged { query, relevant: j.relevant.clone(), note: None, lang });
            both.push(Judged { query: joined, relevant: j.relevant.clone(), note: None, lang });
        }
        rows.push((format!("{lang} translated"), evaluate(retriever, &translated, Mode::Hybrid, method)?));
        rows.push((format!("{lang} translated + written"), evaluate(retriever, &both, Mode::Hybrid, method)?));
        rows.push((format!("{lang} translated, chat's"), evaluate(retriever, &translated, Mode::Hybrid, chat)?));
    }
    Ok(rows)
}

pub fn print(rows: &[(String, Metrics)]) {
    println!("{:<26} {:>8} {:>9} {:>10} {:>7}", "method", "nDCG@10", "Recall@5", "Recall@10", "MRR");
    for (name, m) in rows {
        println!("{:<26} {:>8.3} {:>9.3} {:>10.3} {:>7.3}", name, m.ndcg10, m.recall5, m.recall10, m.mrr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_ranking_scores_one_and_a_miss_scores_zero() {
        let rel: HashMap<String, u8> = [("a".to_string(), 3), ("b".to_string(), 1)].into();
        let m = score(&["a".into(), "b".into()], &rel);
        assert!((m.ndcg10 - 1.0).abs() < 1e-9 && m.mrr == 1.0 && m.recall5 == 1.0);
        let m = score(&["x".into(), "y".into()], &rel);
        assert_eq!((m.ndcg10, m.mrr, m.recall10), (0.0, 0.0, 0.0));
    }

    #[test]
    fn mrr_is_the_reciprocal_rank_of_the_first_relevant_hit() {
        let rel: HashMap<String, u8> = [("b".to_string(), 2)].into();
        assert_eq!(score(&["a".into(), "x".into(), "b".into()], &rel).mrr, 1.0 / 3.0);
    }
}
