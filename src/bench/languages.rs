//! `aisle bench languages`: what a shopper writing in another language waits for. The same
//! questions in English and in each supported language go through the whole chat (language,
//! translation, search, the catalog or the model, the claim check), one at a time, each in a new
//! conversation; the time to first word is set beside English's, and the translation step is
//! timed on its own (a second translator with an empty cache, on the same model) so its share
//! of the wait is known, and so is the model's reading of whether the message asks for a person
//! (`Planner::understand` asks it of short messages in other languages that name no product).
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

/// What each question is, in the order of `QUESTIONS`.
const KINDS: [&str; 4] = ["catalog fact", "policy", "recommendation", "filtered list"];

/// One question in one language: time to first word, the translation step alone, the reading
/// for a request for a person alone (where the chat asks it), who answered.
#[derive(Debug, Serialize)]
pub struct Timed {
    pub kind: &'static str,
    pub first_word_ms: Option<f64>,
    pub translation_ms: Option<f64>,
    pub person_ms: Option<f64>,
    pub answered_by: &'static str,
}

/// One language's questions, in order.
#[derive(Debug, Serialize)]
pub struct LanguageTimes {
    pub lang: Language,
    pub questions: Vec<Timed>,
}

/// Runs every question once through `chat`; `translator` is a second translator on the same
/// model, with its own empty cache, to time the translation step alone.
pub async fn languages(chat: &Arc<ChatService>, translator: &Translator) -> Vec<LanguageTimes> {
    let mut out = Vec::new();
    for (lang, questions) in QUESTIONS {
        let mut timed = Vec::new();
        for (q, kind) in questions.iter().zip(KINDS) {
            let seen = converse(chat, &[q.to_string()]).await;
            // Timed after the chat's own: the question's few tokens may then be in the engine's
            // cache, so this is the step's cost less reading them (a small part of it).
            let started = Instant::now();
            let translated = translator.english(q, *lang).await;
            let translation_ms = translated.map(|_| started.elapsed().as_secs_f64() * 1000.0);
            let started = Instant::now();
            let person_ms = match chat.planner.asks_model_for_person(q).await {
                true => translator.asks_for_person(q).await.map(|_| started.elapsed().as_secs_f64() * 1000.0),
                false => None,
            };
            timed.push(Timed {
                kind,
                first_word_ms: seen.first_token_ms,
                translation_ms,
                person_ms,
                answered_by: seen.answered_by.map_or("none", AnsweredBy::as_str),
            });
        }
        out.push(LanguageTimes { lang: *lang, questions: timed });
    }
    out
}

/// The figures as a table: per question, the first word in ms (of which the translation), and
/// who answered.
pub fn print(times: &[LanguageTimes]) {
    println!("| language | {} |", KINDS.join(" | "));
    println!("|---|{}", "---|".repeat(KINDS.len()));
    let ms = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.0}"));
    for t in times {
        let cells: Vec<String> = t
            .questions
            .iter()
            .map(|q| match (q.translation_ms, q.person_ms) {
                (Some(_), Some(_)) => format!(
                    "{} ({} + {}) {}",
                    ms(q.first_word_ms),
                    ms(q.translation_ms),
                    ms(q.person_ms),
                    q.answered_by
                ),
                (Some(_), None) => format!("{} ({}) {}", ms(q.first_word_ms), ms(q.translation_ms), q.answered_by),
                _ => format!("{} {}", ms(q.first_word_ms), q.answered_by),
            })
            .collect();
        println!("| {} | {} |", t.lang, cells.join(" | "));
    }
    println!(
        "\nfirst word ms (of which translating the question + asking whether it wants a person, each timed \
         alone) and who answered"
    );
}
