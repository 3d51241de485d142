//! `aisle bench languages`: what a shopper writing in another language waits for. The same
//! questions in English and in each supported language go through the whole chat (language,
//! translation, search, the catalog or the model, the claim check), one at a time, each in a new
//! conversation; the time to first word is set beside English's, and the translation step is
//! timed on its own (a second translator with an empty cache, on the same model) so its share
//! of the wait is known.
use crate::chat::{ChatService, Translator};
use crate::domain::{AnsweredBy, Language};
use crate::eval::answers::converse;
use serde::Serialize;
use std::sync::Arc;
use std::time::Instant;

/// The same four questions in each language: a catalog fact, a policy, a recommendation (the
/// model writes it) and a filtered list.
const QUESTIONS: &[(Language, [&str; 4])] = &[
    (
        Language::En,
        [
            "How much does the iPhone 13 Pro cost?",
            "How long do I have to return an item?",
            "Can you recommend a laptop for working from home?",
            "Do you have tablets under 400 dollars?",
        ],
    ),
    (
        Language::Es,
        [
            "¿Cuánto cuesta el iPhone 13 Pro?",
            "¿Cuánto tiempo tengo para devolver un artículo?",
            "¿Me recomiendas un portátil para teletrabajar?",
            "¿Tienen tablets por menos de 400 dólares?",
        ],
    ),
    (
        Language::Fr,
        [
            "Combien coûte l'iPhone 13 Pro ?",
            "Combien de temps ai-je pour retourner un article ?",
            "Pouvez-vous me conseiller un ordinateur portable pour le télétravail ?",
            "Avez-vous des tablettes à moins de 400 dollars ?",
        ],
    ),
    (
        Language::De,
        [
            "Wie viel kostet das iPhone 13 Pro?",
            "Wie lange habe ich Zeit, einen Artikel zurückzugeben?",
            "Können Sie mir einen Laptop fürs Homeoffice empfehlen?",
            "Haben Sie Tablets unter 400 Dollar?",
        ],
    ),
    (
        Language::Zh,
        [
            "iPhone 13 Pro 多少钱？",
            "退货期限是多久？",
            "能推荐一台适合居家办公的笔记本电脑吗？",
            "有400美元以下的平板电脑吗？",
        ],
    ),
    (
        Language::Ja,
        [
            "iPhone 13 Proはいくらですか？",
            "商品の返品期限はどれくらいですか？",
            "在宅勤務向けのノートパソコンをおすすめしてもらえますか？",
            "400ドル以下のタブレットはありますか？",
        ],
    ),
];

/// One language's figures, in milliseconds (medians over its questions).
#[derive(Debug, Serialize)]
pub struct LanguageTimes {
    pub lang: Language,
    pub first_word_ms: f64,
    pub translation_ms: f64,
    /// First word as a multiple of English's.
    pub vs_english: f64,
    /// Who answered each question, in order.
    pub answered_by: Vec<&'static str>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Runs every question once through `chat`; `translator` is a second translator on the same
/// model, with its own empty cache, to time the translation step alone.
pub async fn languages(chat: &Arc<ChatService>, translator: &Translator) -> Vec<LanguageTimes> {
    let mut out: Vec<LanguageTimes> = Vec::new();
    for (lang, questions) in QUESTIONS {
        let (mut first, mut translation, mut by) = (Vec::new(), Vec::new(), Vec::new());
        for q in questions {
            let seen = converse(chat, &[q.to_string()]).await;
            first.extend(seen.first_token_ms);
            by.push(seen.answered_by.map_or("none", AnsweredBy::as_str));
            // Timed after the chat's own: the question's few tokens may then be in the engine's
            // cache, so this is the step's cost less reading them (a small part of it).
            let started = Instant::now();
            if translator.english(q, *lang).await.is_some() {
                translation.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let first_word_ms = median(first);
        let english = out.first().map_or(first_word_ms, |en| en.first_word_ms);
        out.push(LanguageTimes {
            lang: *lang,
            first_word_ms,
            translation_ms: median(translation),
            vs_english: if english > 0.0 { first_word_ms / english } else { 0.0 },
            answered_by: by,
        });
    }
    out
}

/// The figures as a table.
pub fn print(times: &[LanguageTimes]) {
    println!("| language | first word p50 ms | x English | translation p50 ms | answered by |");
    println!("|---|---|---|---|---|");
    for t in times {
        println!(
            "| {} | {:.0} | {:.2} | {:.0} | {} |",
            t.lang,
            t.first_word_ms,
            t.vs_english,
            t.translation_ms,
            t.answered_by.join(", ")
        );
    }
}
