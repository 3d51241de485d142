//! Autocomplete from product and article titles and from what shoppers searched before.
use std::collections::HashMap;

pub struct Suggester {
    /// (lowercased, as shown, weight): past queries weigh by their count, titles by rating.
    titles: Vec<(String, String, f32)>,
}

impl Suggester {
    pub fn new(titles: impl IntoIterator<Item = (String, f32)>) -> Self {
        let mut titles: Vec<_> = titles.into_iter().map(|(t, w)| (t.to_lowercase(), t, w)).collect();
        titles.sort_by(|a, b| a.0.cmp(&b.0));
        titles.dedup_by(|a, b| a.0 == b.0);
        Self { titles }
    }

    /// Completions for `prefix`: past queries first (most searched), then titles where a word starts with it.
    pub fn suggest(&self, prefix: &str, past: &HashMap<String, i64>, limit: usize) -> Vec<String> {
        let p = prefix.trim().to_lowercase();
        if p.is_empty() {
            return Vec::new();
        }
        let word_start = |s: &str| s.starts_with(&p) || s.contains(&format!(" {p}"));
        let mut queries: Vec<(&String, &i64)> = past.iter().filter(|(q, _)| q.starts_with(&p) && **q != p).collect();
        queries.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut titles: Vec<&(String, String, f32)> = self.titles.iter().filter(|t| word_start(&t.0)).collect();
        // Titles that start with the prefix first, then better-rated ones.
        titles.sort_by(|a, b| b.0.starts_with(&p).cmp(&a.0.starts_with(&p)).then(b.2.total_cmp(&a.2)));
        let mut out: Vec<String> = Vec::with_capacity(limit);
        for s in queries.into_iter().map(|(q, _)| q.clone()).chain(titles.into_iter().map(|t| t.1.clone())) {
            if out.len() == limit {
                break;
            }
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                out.push(s);
            }
        }
        out
    }
}
