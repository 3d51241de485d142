//! `aisle eval ...`: quality against labelled sets.
use aisle::chat::{Translator, keep_names, names_in};
use aisle::config::Settings;
use aisle::domain::Language;
use aisle::eval;
use aisle::retrieval::Retriever;
use aisle::startup::{load_embedder, load_generator, load_prompts, openings};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum What {
    /// nDCG@10, Recall@5/10 and MRR for keyword, vector and hybrid retrieval. Queries labelled
    /// with another `lang` are also measured per language, as written and translated into
    /// English by the model (as the chat does).
    Retrieval { file: PathBuf },
    /// Labelled conversations through the real chat path (models, Postgres, the claim check):
    /// accuracy, citations, false values shown, escalation precision/recall and time to first word.
    Answers {
        file: PathBuf,
        /// Also write every conversation's last answer here, one JSON line each (id, question,
        /// answer, how it was made, cards, whether it was right).
        #[arg(long)]
        seen: Option<PathBuf>,
    },
    /// Which catalog field questions about a product ask, as the cues, the nearest examples and
    /// the model read them, from answer sets' one-turn `attribute` (labelled with their field)
    /// and `product-open`/`product-yesno` questions (none of the fields).
    Fields {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Requests for a person in answer sets' one-turn questions (`escalation` items labelled
    /// with whether they ask; every other question does not), read by the rules alone and as
    /// the chat reads them (the model asked about short messages in other languages), per language.
    People {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Accuracy of the sentiment lexicon on labelled shopper messages.
    Sentiment {
        file: PathBuf,
        /// Also measure nearest-centroid classification of embeddings, trained on this set.
        #[arg(long)]
        train: Option<PathBuf>,
    },
}

pub async fn run(settings: &Settings, what: What) -> anyhow::Result<ExitCode> {
    match what {
        What::Retrieval { file } => {
            let set = eval::load(&file).map_err(anyhow::Error::msg)?;
            let retriever = super::data::loaded_retriever(settings, &super::data::connect(settings).await?).await?;
            let retriever = std::sync::Arc::new(retriever);
            if set.iter().any(|j| j.lang != Language::En) {
                let translator = translator(settings).await?;
                // As the chat understands a message: translated, with the catalog's names kept.
                let titles = titles(&retriever);
                let rows = eval::by_language(&retriever, &set, |q, lang| {
                    let (translator, titles) = (&translator, &titles);
                    async move {
                        let english = translator.english(&q, lang).await?;
                        Some(keep_names(english, &names_in(&q, titles.iter().map(String::as_str))))
                    }
                })
                .await?;
                eval::print(&rows);
                println!();
            }
            let english: Vec<_> = set.into_iter().filter(|j| j.lang == Language::En).collect();
            let rows = tokio::task::spawn_blocking(move || eval::compare(&retriever, &english)).await??;
            eval::print(&rows);
        }
        What::Answers { file, seen } => {
            let set = eval::answers::load(&file).map_err(anyhow::Error::msg)?;
            let state = super::data::chat_service(settings, "this evaluation").await?;
            let report = eval::answers::run(&state.chat, &set, &titles(&state.retriever)).await;
            eval::report::print(&report);
            if let Some(path) = seen {
                let lines: Vec<String> = report.seen.iter().map(serde_json::to_string).collect::<Result<_, _>>()?;
                std::fs::write(&path, lines.join("\n") + "\n")
                    .with_context(|| format!("could not write {}", path.display()))?;
            }
        }
        What::Fields { files } => {
            let mut cases = Vec::new();
            for file in &files {
                cases.extend(eval::fields::cases(&eval::answers::load(file).map_err(anyhow::Error::msg)?));
            }
            let state = super::data::chat_service(settings, "this evaluation").await?;
            let (tallies, readings) = eval::fields::run(&state.chat, &cases).await;
            let fields = cases.iter().filter(|c| c.field.is_some()).count();
            println!("{} questions: {fields} ask a field, {} none\n", cases.len(), cases.len() - fields);
            println!("| reading | field right | wrong field | missed | none right | field read for none |");
            println!("|---|---|---|---|---|---|");
            for (way, t) in &tallies {
                let way = way.name();
                let pct = |n: usize, of: usize| if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 };
                let nones = cases.len() - fields;
                println!(
                    "| {way} | {} ({:.1}%) | {} | {} | {} ({:.1}%) | {} |",
                    t.right,
                    pct(t.right, fields),
                    t.wrong,
                    t.missed,
                    t.none_right,
                    pct(t.none_right, nones),
                    t.false_field
                );
            }
            println!("\nRead by the model (the cues and examples silent, the field standing):");
            for (case, r) in cases.iter().zip(&readings) {
                let got = eval::fields::as_chat_reads(r);
                if r.cues.is_empty() && r.nearest.is_none() && got.is_some() {
                    let mark = if got == case.field { "right" } else { "WRONG" };
                    println!("- {mark}: {:?} asks {:?}, read {:?}", case.text, case.field, got);
                }
            }
            println!("\nMistakes as the chat reads (cues, examples, then the model):");
            for (case, r) in cases.iter().zip(&readings) {
                let got = eval::fields::as_chat_reads(r);
                if got != case.field {
                    println!("- {:?} asks {:?}, read {:?} ({r:?})", case.text, case.field, got);
                }
            }
        }
        What::People { files } => {
            let mut cases = Vec::new();
            for file in &files {
                cases.extend(eval::people::cases(&eval::answers::load(file).map_err(anyhow::Error::msg)?));
            }
            let state = super::data::chat_service(settings, "this evaluation").await?;
            let readings = eval::people::run(&state.chat, &cases).await;
            print_people(&cases, &readings);
        }
        What::Sentiment { file, train } => {
            let mut set = eval::load_feelings(&file).map_err(anyhow::Error::msg)?;
            let (m, wrong) = eval::sentiment(&set);
            show("lexicon", m, wrong);
            // Other languages: the mood is read from the English the chat understands them in,
            // and from the shopper's own words by their language's lexicon.
            if set.iter().any(|f| f.lang != Language::En) {
                let translator = translator(settings).await?;
                let prompts = load_prompts(settings)?;
                let mut english = Vec::with_capacity(set.len());
                for f in &set {
                    english.push(translator.english(&f.text, f.lang).await.unwrap_or(f.text.clone()));
                }
                for lang in Language::ALL {
                    let (one, en): (Vec<eval::Feeling>, Vec<String>) = set
                        .iter()
                        .zip(&english)
                        .filter(|(f, _)| f.lang == lang)
                        .map(|(f, e)| (f.clone(), e.clone()))
                        .unzip();
                    if one.is_empty() {
                        continue;
                    }
                    let translated: Vec<eval::Feeling> =
                        one.iter().zip(&en).map(|(f, e)| eval::Feeling { text: e.clone(), ..f.clone() }).collect();
                    let (m, wrong) = eval::sentiment(&translated);
                    show(&format!("lexicon, {lang} translated"), m, wrong);
                    let (m, wrong) = eval::sentiment_as_read(&one, &en, &prompts);
                    show(&format!("lexicon, {lang} own words and translated (as the chat reads it)"), m, wrong);
                }
                set = set.into_iter().zip(english).map(|(f, text)| eval::Feeling { text, ..f }).collect();
            }
            if let Some(train) = train {
                let train = eval::load_feelings(&train).map_err(anyhow::Error::msg)?;
                let embedder =
                    load_embedder(settings).await.context("the embedding model is needed (scripts/setup)")?;
                for (name, m, wrong) in eval::sentiment_by_embedding(&embedder, &train, &set)? {
                    show(name, m, wrong);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The catalog's product names.
fn titles(retriever: &Retriever) -> Vec<String> {
    retriever.current().map_or_else(Vec::new, |index| index.products().map(|p| p.title.clone()).collect())
}

/// The chat's translation step, with the configured model.
async fn translator(settings: &Settings) -> anyhow::Result<Translator> {
    let prompts = std::sync::Arc::new(load_prompts(settings)?);
    let generator = load_generator(settings, openings(&prompts, true)).await;
    anyhow::ensure!(generator.is_some(), "the language model is needed to translate (scripts/setup)");
    Ok(Translator::new(generator, prompts))
}

fn print_people(cases: &[eval::people::Case], readings: &[eval::people::Reading]) {
    let pct = |n: usize, of: usize| if of == 0 { 100.0 } else { 100.0 * n as f64 / of as f64 };
    println!(
        "| language | requests | recall, rules | recall, as the chat reads | others | read as requests, rules | as the chat |"
    );
    println!("|---|---|---|---|---|---|---|");
    let rules = eval::people::tally(cases, readings, |r| r.by_rules);
    let chat = eval::people::tally(cases, readings, |r| r.as_chat);
    for ((lang, r), (_, c)) in rules.iter().zip(&chat) {
        println!(
            "| {lang} | {} | {:.1}% | {:.1}% | {} | {} | {} |",
            r[0],
            pct(r[1], r[0]),
            pct(c[1], c[0]),
            r[2],
            r[3],
            c[3]
        );
    }
    let mut ms: Vec<f64> = readings.iter().map(|r| r.ms).collect();
    ms.sort_by(f64::total_cmp);
    if let Some(median) = ms.get(ms.len() / 2) {
        println!("\nReading a message (translation and the model's reading included): median {median:.0} ms");
    }
    println!("\nMistakes as the chat reads:");
    for (case, r) in cases.iter().zip(readings).filter(|(c, r)| c.wants != r.as_chat) {
        let what = if case.wants { "missed" } else { "FALSE ALARM" };
        let rules = if r.by_rules { "rules read a request" } else { "rules read none" };
        println!("- {what} [{}] {:?} ({rules})", case.lang, case.text);
    }
}

fn show(name: &str, m: eval::SentimentMetrics, wrong: Vec<String>) {
    println!(
        "{name}: {} messages: accuracy {:.3}, escalation recall {:.3}, precision {:.3}",
        m.messages, m.accuracy, m.escalation_recall, m.escalation_precision
    );
    for w in wrong {
        println!("  {w}");
    }
}
