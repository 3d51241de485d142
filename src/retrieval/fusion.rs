//! Combining the keyword and vector lists, and the diversity re-rank.
use super::vector::{VectorStore, dot};
use serde::Serialize;
use std::collections::HashMap;

/// One signal's opinion of a document: its raw score and 1-based rank in that signal's list.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Signal {
    pub score: f32,
    pub rank: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    pub keyword: Option<Signal>,
    pub vector: Option<Signal>,
    pub fused: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    Rrf { k: f32 },
    Blend { alpha: f32 },
}

fn collect(keyword: &[(usize, f32)], vector: &[(usize, f32)]) -> HashMap<usize, (Option<Signal>, Option<Signal>)> {
    let mut by_doc: HashMap<usize, (Option<Signal>, Option<Signal>)> = HashMap::new();
    for (rank, (doc, score)) in keyword.iter().enumerate() {
        by_doc.entry(*doc).or_default().0 = Some(Signal { score: *score, rank: rank + 1 });
    }
    for (rank, (doc, score)) in vector.iter().enumerate() {
        by_doc.entry(*doc).or_default().1 = Some(Signal { score: *score, rank: rank + 1 });
    }
    by_doc
}

/// BM25 has no fixed scale: divide by the list's best score so the top keyword hit scores 1.
/// Cosine already has one, and keeping it tells "nothing is similar" apart from a strong match
/// (min-max scaling would give the best of a weak vector list full marks).
fn keyword_scale(list: &[(usize, f32)]) -> impl Fn(f32) -> f32 {
    let max = list.iter().map(|x| x.1).fold(0.0, f32::max);
    move |s| if max > 0.0 { s / max } else { 0.0 }
}

/// Fuses two ranked lists (best first) into one, keeping each document's separate scores.
pub fn fuse(keyword: &[(usize, f32)], vector: &[(usize, f32)], method: Method) -> Vec<(usize, Scores)> {
    let nk = keyword_scale(keyword);
    let mut out: Vec<(usize, Scores)> = collect(keyword, vector)
        .into_iter()
        .map(|(doc, (k, v))| {
            let fused = match method {
                Method::Rrf { k: c } => [k, v].iter().flatten().map(|s| 1.0 / (c + s.rank as f32)).sum(),
                Method::Blend { alpha } => {
                    alpha * v.map_or(0.0, |s| s.score.max(0.0)) + (1.0 - alpha) * k.map_or(0.0, |s| nk(s.score))
                }
            };
            (doc, Scores { keyword: k, vector: v, fused })
        })
        .collect();
    out.sort_by(|a, b| b.1.fused.total_cmp(&a.1.fused).then(a.0.cmp(&b.0)));
    out
}

/// A single signal's list in the same shape, so every mode reports the same fields.
pub fn single(list: &[(usize, f32)], is_vector: bool) -> Vec<(usize, Scores)> {
    list.iter()
        .enumerate()
        .map(|(rank, (doc, score))| {
            let s = Some(Signal { score: *score, rank: rank + 1 });
            let (keyword, vector) = if is_vector { (None, s) } else { (s, None) };
            (*doc, Scores { keyword, vector, fused: *score })
        })
        .collect()
}

/// Maximal marginal relevance: each next pick trades relevance against similarity to picks so far.
/// Relevance is the fused score normalised to 0..=1.
pub fn mmr(ranked: Vec<(usize, Scores)>, vectors: &VectorStore, lambda: f32, limit: usize) -> Vec<(usize, Scores)> {
    let max = ranked.first().map_or(1.0, |r| r.1.fused).max(f32::EPSILON);
    let mut pool = ranked;
    let mut picked: Vec<(usize, Scores)> = Vec::with_capacity(limit);
    while !pool.is_empty() && picked.len() < limit {
        let best = pool
            .iter()
            .enumerate()
            .map(|(i, (doc, s))| {
                let redundancy =
                    picked.iter().map(|(p, _)| dot(vectors.get(*doc), vectors.get(*p))).fold(0.0, f32::max);
                (i, lambda * s.fused / max - (1.0 - lambda) * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0, |(i, _)| i);
        picked.push(pool.remove(best));
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_both_signals_like_beats_one_liked_by_either() {
        // Real lists run 50 deep, so each has a floor well below a middling document.
        let kw = [(1, 9.0), (2, 7.0), (4, 1.0)];
        let vec = [(3, 0.9), (2, 0.85), (5, 0.2)];
        for method in [Method::Rrf { k: 60.0 }, Method::Blend { alpha: 0.5 }] {
            let fused = fuse(&kw, &vec, method);
            assert_eq!(fused[0].0, 2, "{method:?}");
            assert_eq!(fused[0].1.keyword.map(|s| s.rank), Some(2));
            assert_eq!(fused[0].1.vector.map(|s| s.rank), Some(2));
        }
    }

    #[test]
    fn mmr_pushes_a_near_duplicate_down() {
        let store = VectorStore::new(2, vec![vec![1.0, 0.0], vec![1.0, 0.0], vec![0.0, 1.0]]);
        let ranked = single(&[(0, 1.0), (1, 0.99), (2, 0.9)], true);
        let picked: Vec<usize> = mmr(ranked, &store, 0.5, 3).into_iter().map(|p| p.0).collect();
        assert_eq!(picked, vec![0, 2, 1]);
    }
}
