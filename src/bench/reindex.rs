//! `aisle bench reindex`: how long until an editor's change is searchable in another process.
//! A listener stands in for the other process: it hears the NOTIFY, rebuilds from Postgres, and
//! searches for the new words.
use super::percentile;
use crate::config::RetrievalSettings;
use crate::domain::{Article, ArticleKind, DocKind, Filters, SearchRequest};
use crate::retrieval::{Embedder, Mode, Retriever, load_index};
use crate::store::articles;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROBE: &str = "bench-reindex-probe";

pub async fn reindex(
    pool: &PgPool,
    embedder: Option<Arc<Embedder>>,
    settings: &RetrievalSettings,
    repeats: usize,
) -> anyhow::Result<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(articles::CHANGED).await?;
    let retriever = Arc::new(Retriever::new(embedder.clone(), settings.clone()));
    let words = ["aubergine", "quokka", "zeppelin", "marzipan", "tambourine", "origami", "kazoo", "papyrus"];
    let mut probe = Article {
        id: PROBE.into(),
        kind: ArticleKind::Faq,
        title: "Benchmark probe".into(),
        body: "This article exists only while `aisle bench reindex` runs.".into(),
        tags: Vec::new(),
        asked: Vec::new(),
    };
    sqlx::query("DELETE FROM articles WHERE id = $1").bind(PROBE).execute(pool).await?;
    articles::create(pool, &probe, "bench").await?;
    listener.recv().await?;
    let (mut heard, mut searchable, mut rebuild) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..repeats {
        let word = format!("{}{i}", words[i % words.len()]);
        probe.body = format!("This article exists only while the benchmark runs. Today's word is {word}.");
        let started = Instant::now();
        articles::update(pool, &probe, None, "bench").await?;
        listener.recv().await?;
        heard.push(started.elapsed());
        let before = Instant::now();
        retriever.replace(load_index(pool, embedder.as_ref()).await?);
        rebuild.push(before.elapsed());
        let req =
            SearchRequest::parse(&word, Filters::default(), DocKind::All, 3, false).map_err(anyhow::Error::msg)?;
        let r = retriever.clone();
        let hits = tokio::task::spawn_blocking(move || r.search(&req, Mode::Hybrid, None)).await??;
        anyhow::ensure!(hits.first().is_some_and(|h| h.doc.parent_id() == PROBE), "the edit was not found");
        searchable.push(started.elapsed());
    }
    sqlx::query("DELETE FROM articles WHERE id = $1").bind(PROBE).execute(pool).await?;
    let docs = retriever.current().map_or(0, |i| i.len());
    let show = |name: &str, v: &mut Vec<Duration>| {
        v.sort();
        println!("{name:<34} p50 {:>7.1} ms   p90 {:>7.1} ms", percentile(v, 0.5), percentile(v, 0.9));
    };
    println!("{repeats} edits, {docs} documents, vectors: {}", embedder.is_some());
    show("save -> other process notified", &mut heard);
    show("index rebuild (incl. embedding)", &mut rebuild);
    show("save -> searchable elsewhere", &mut searchable);
    Ok(())
}
