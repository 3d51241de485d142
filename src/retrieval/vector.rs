//! Exact nearest neighbours by a flat scan over unit vectors (dot product = cosine).
//! At shop scale (10^4 to 10^5 items) a scan beats an approximate index on recall and is fast
//! enough; see `aisle bench retrieval` for where it stops being so.
use std::cmp::Ordering;
use std::collections::BinaryHeap;

pub struct VectorStore {
    dim: usize,
    data: Vec<f32>,
}

#[derive(PartialEq)]
struct Candidate(f32, usize);
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    // Reversed, so the heap's top is the worst kept candidate.
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight independent accumulators let the compiler vectorise the loop.
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + ra.iter().zip(rb).map(|(x, y)| x * y).sum::<f32>()
}

impl VectorStore {
    pub fn new(dim: usize, vectors: Vec<Vec<f32>>) -> Self {
        let mut data = Vec::with_capacity(vectors.len() * dim);
        for v in vectors {
            debug_assert_eq!(v.len(), dim);
            data.extend_from_slice(&v);
        }
        Self { dim, data }
    }

    pub fn len(&self) -> usize {
        self.data.len() / self.dim
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn get(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    fn scan(
        &self,
        query: &[f32],
        range: std::ops::Range<usize>,
        limit: usize,
        admit: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<Candidate> {
        let mut heap = BinaryHeap::with_capacity(limit + 1);
        for i in range {
            if !admit(i) {
                continue;
            }
            let s = dot(query, self.get(i));
            if heap.len() < limit {
                heap.push(Candidate(s, i));
            } else if heap.peek().is_some_and(|w| s > w.0) {
                heap.pop();
                heap.push(Candidate(s, i));
            }
        }
        heap.into_vec()
    }

    /// The `limit` most similar admitted vectors as (position, cosine), best first.
    /// Large stores are split across the cores.
    pub fn search(&self, query: &[f32], limit: usize, admit: &(dyn Fn(usize) -> bool + Sync)) -> Vec<(usize, f32)> {
        const PARALLEL_FROM: usize = 50_000;
        let n = self.len();
        let mut all = if n < PARALLEL_FROM {
            self.scan(query, 0..n, limit, admit)
        } else {
            let parts = std::thread::available_parallelism().map(|p| p.get()).unwrap_or(1).min(8);
            let step = n.div_ceil(parts);
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..parts)
                    .map(|p| s.spawn(move || self.scan(query, p * step..((p + 1) * step).min(n), limit, admit)))
                    .collect();
                handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
            })
        };
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all.truncate(limit);
        all.into_iter().map(|Candidate(s, i)| (i, s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_vectors_come_first_and_filters_apply() {
        let store = VectorStore::new(2, vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![0.6, 0.8]]);
        let hits = store.search(&[1.0, 0.0], 2, &|_| true);
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![0, 2]);
        let hits = store.search(&[1.0, 0.0], 2, &|i| i != 0);
        assert_eq!(hits[0].0, 2);
    }
}
