//! Articles are split into passages small enough to cite and to embed well.
use crate::domain::{Article, plain};

/// Target passage length in characters; paragraphs are never split.
const TARGET_CHARS: usize = 700;

/// Splits an article into passages of whole paragraphs, each prefixed by the article title.
pub fn chunk_article(article: &Article) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    // What the shopper sees, never the markup: a comment can hide nothing from review here.
    let body = plain(&article.body);
    let title = plain(&article.title);
    for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !current.is_empty() && current.len() + para.len() > TARGET_CHARS {
            chunks.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(para);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks.into_iter().map(|c| format!("{title}\n\n{c}")).collect()
}
