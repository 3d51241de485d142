//! Articles are split into passages small enough to cite and to embed whole. Passages are
//! measured in the embedding model's own tokens, not characters: 700 characters are about 170
//! tokens of English but several hundred of Chinese, past the model's window, where the end of a
//! passage would be silently dropped.
use crate::domain::{Article, is_cjk, plain, sentence_end};

/// Most tokens of a passage's body; with its title and the model's markers it stays inside the
/// 256 tokens the embedding model reads (`embed.rs`).
pub const MAX_TOKENS: usize = 180;

/// Counts tokens the way the embedding model does (`Embedder::tokens`), or estimates them.
pub type Counter<'a> = &'a (dyn Fn(&str) -> usize + Sync);

/// A count for when no tokenizer is loaded: a CJK character is a token, other text about four
/// characters per token. It errs long, so passages stay inside the window.
pub fn estimate(text: &str) -> usize {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    cjk + (text.chars().count() - cjk).div_ceil(4)
}

/// Pieces of `text` within `budget` tokens: whole paragraphs, else whole sentences, else (a
/// sentence longer than a passage) cut between characters.
fn pieces(text: &str, budget: usize, tokens: Counter) -> Vec<String> {
    if tokens(text) <= budget {
        return vec![text.to_string()];
    }
    let mut sentences = Vec::new();
    let mut rest = text;
    while !rest.trim().is_empty() {
        let end = sentence_end(rest).unwrap_or(rest.len());
        sentences.push(rest[..end].trim());
        rest = &rest[end..];
    }
    if sentences.len() > 1 {
        return sentences.into_iter().flat_map(|s| pieces(s, budget, tokens)).collect();
    }
    // One sentence too long: halves until each fits.
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = chars.split_at(chars.len() / 2);
    let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
    if a.is_empty() || b.is_empty() {
        return vec![text.to_string()];
    }
    [a, b].iter().flat_map(|half| pieces(half.trim(), budget, tokens)).collect()
}

/// Splits an article into passages of whole paragraphs where they fit, each prefixed by the
/// article title.
pub fn chunk_article(article: &Article, tokens: Counter) -> Vec<String> {
    // What the shopper sees, never the markup: a comment can hide nothing from review here.
    let body = plain(&article.body);
    let title = plain(&article.title);
    let budget = MAX_TOKENS.saturating_sub(tokens(&title)).max(MAX_TOKENS / 2);
    let mut chunks = Vec::new();
    let (mut current, mut used) = (String::new(), 0);
    for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        for piece in pieces(para, budget, tokens) {
            let n = tokens(&piece);
            if !current.is_empty() && used + n > budget {
                chunks.push(std::mem::take(&mut current));
                used = 0;
            }
            if !current.is_empty() {
                current.push_str("\n\n");
            }
            current.push_str(&piece);
            used += n;
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks.into_iter().map(|c| format!("{title}\n\n{c}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ArticleKind;

    fn article(body: &str) -> Article {
        Article {
            id: "returns".into(),
            kind: ArticleKind::Policy,
            title: "退货政策".into(),
            body: body.into(),
            tags: Vec::new(),
            asked: Vec::new(),
        }
    }

    #[test]
    fn long_chinese_paragraphs_are_cut_into_passages_the_model_reads_whole() {
        let sentence = "我们接受三十天内的退货，商品必须未使用并保留原包装。";
        let body = sentence.repeat(40);
        let chunks = chunk_article(&article(&body), &estimate);
        assert!(chunks.len() >= 4, "{} passages", chunks.len());
        for c in &chunks {
            assert!(estimate(c) <= MAX_TOKENS + 8, "{} tokens: {c}", estimate(c));
        }
        let joined: String = chunks.iter().map(|c| c.trim_start_matches("退货政策\n\n")).collect();
        assert_eq!(joined.replace("\n\n", ""), body, "nothing is dropped");
    }

    #[test]
    fn short_paragraphs_stay_together() {
        let chunks = chunk_article(&article("Returns are free.\n\nRefunds take 5 days."), &estimate);
        assert_eq!(chunks.len(), 1);
    }
}
