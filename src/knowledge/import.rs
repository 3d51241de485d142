//! Import: read and validate everything first, then write it all in one transaction.
//! A bad file imports nothing; re-importing the same data changes nothing.
use super::formats::{ImportError, Parsed, read_file, read_text};
use crate::domain::{Article, Order, Product};
use crate::store::{self, products::Upsert};
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::PgPool;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct Batch {
    pub products: Vec<Product>,
    pub articles: Vec<Article>,
    pub orders: Vec<Order>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Counts {
    /// How the one row of a one-row batch went.
    pub fn outcome(&self) -> Upsert {
        match (self.inserted, self.updated) {
            (0, 0) => Upsert::Unchanged,
            (0, _) => Upsert::Updated,
            _ => Upsert::Inserted,
        }
    }
}

#[derive(Debug, Default, serde::Serialize)]
pub struct ImportReport {
    pub products: Counts,
    pub articles: Counts,
    pub orders: Counts,
    /// Products removed because the feed no longer has them (`--prune`, a catalog sync).
    pub removed: Vec<String>,
}

impl ImportReport {
    /// Whether what was written changes what search finds (orders are not searched).
    pub fn changes_index(&self) -> bool {
        let changed = |c: &Counts| c.inserted + c.updated > 0;
        changed(&self.products) || changed(&self.articles) || !self.removed.is_empty()
    }
}

fn is_knowledge_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    !name.starts_with('.') && !name.eq_ignore_ascii_case("README.md") && matches!(ext, "jsonl" | "json" | "csv" | "md")
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            walk(&e.path(), out)?;
        }
    } else if is_knowledge_file(path) {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Reads a file or a folder (recursively). All problems are collected, not just the first.
pub fn read_path(path: &Path) -> Result<Batch, Vec<ImportError>> {
    let fail = |m: String| vec![ImportError { file: path.to_path_buf(), line: None, field: None, message: m }];
    if !path.exists() {
        return Err(fail("no such file or folder".into()));
    }
    let mut files = Vec::new();
    walk(path, &mut files).map_err(|e| fail(format!("cannot list the folder: {e}")))?;
    if files.is_empty() {
        return Err(fail("no .jsonl, .json, .csv or .md files to import".into()));
    }
    let mut batch = Collector::default();
    for file in files {
        batch.add(&file, read_file(&file));
    }
    batch.finish()
}

/// Gathers what each file holds, and every problem, including a SKU or an article id used twice.
#[derive(Default)]
struct Collector {
    batch: Batch,
    errors: Vec<ImportError>,
    seen_skus: HashMap<String, (PathBuf, usize)>,
    seen_articles: HashMap<String, PathBuf>,
    seen_orders: HashMap<String, (PathBuf, usize)>,
}

impl Collector {
    fn add(&mut self, file: &Path, parsed: Result<Parsed, Vec<ImportError>>) {
        let problem = |line, field: &str, message| ImportError {
            file: file.to_path_buf(),
            line: Some(line),
            field: Some(field.into()),
            message,
        };
        match parsed {
            Ok(Parsed::Products(items)) => {
                for (line, p) in items {
                    if let Some((f, l)) = self.seen_skus.insert(p.sku.to_string(), (file.to_path_buf(), line)) {
                        let message = format!("SKU {} appears twice (also at {}:{l})", p.sku, f.display());
                        self.errors.push(problem(line, "sku", message));
                    }
                    self.batch.products.push(p);
                }
            }
            Ok(Parsed::Orders(items)) => {
                for (line, o) in items {
                    if let Some((f, l)) = self.seen_orders.insert(o.number.to_string(), (file.to_path_buf(), line)) {
                        let message = format!("order {} appears twice (also at {}:{l})", o.number, f.display());
                        self.errors.push(problem(line, "number", message));
                    }
                    self.batch.orders.push(o);
                }
            }
            Ok(Parsed::Article(a)) => {
                if let Some(f) = self.seen_articles.insert(a.id.clone(), file.to_path_buf()) {
                    let message = format!("article id `{}` is also used by {}", a.id, f.display());
                    self.errors.push(problem(2, "id", message));
                }
                self.batch.articles.push(a);
            }
            Err(mut e) => self.errors.append(&mut e),
        }
    }

    fn finish(self) -> Result<Batch, Vec<ImportError>> {
        if self.errors.is_empty() { Ok(self.batch) } else { Err(self.errors) }
    }
}

/// Reads one upload (a request body) in `format`; problems name it `name`.
pub fn read_upload(name: &str, format: &str, body: &[u8]) -> Result<Batch, Vec<ImportError>> {
    let file = Path::new(name);
    let mut batch = Collector::default();
    let parsed = match std::str::from_utf8(body) {
        Ok(text) => read_text(file, format, text),
        Err(e) => Err(vec![ImportError {
            file: file.to_path_buf(),
            line: None,
            field: None,
            message: format!("the text is not UTF-8: {e}"),
        }]),
    };
    batch.add(file, parsed);
    batch.finish()
}

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("{} problem(s) found; nothing was imported", .0.len())]
    Invalid(Vec<ImportError>),
    #[error("the database refused the import; nothing was imported")]
    Database(#[from] sqlx::Error),
}

fn tally(c: &mut Counts, u: Upsert) {
    match u {
        Upsert::Inserted => c.inserted += 1,
        Upsert::Updated => c.updated += 1,
        Upsert::Unchanged => c.unchanged += 1,
    }
}

/// Validates `path` completely, then upserts everything in one transaction.
#[tracing::instrument(skip_all, fields(path = %path.display()))]
pub async fn import_path(pool: &PgPool, path: &Path, options: Options) -> Result<ImportReport, ImportFailure> {
    let batch = read_path(path).map_err(ImportFailure::Invalid)?;
    write(pool, &batch, options).await
}

/// How a batch is written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Options {
    pub show_progress: bool,
    /// Remove the products the batch does not have (a feed that is the whole catalog).
    pub prune: bool,
}

/// Upserts a validated batch in one transaction; every running server re-indexes when it commits.
pub async fn write(pool: &PgPool, batch: &Batch, options: Options) -> Result<ImportReport, ImportFailure> {
    if options.prune && batch.products.is_empty() {
        return Err(ImportFailure::Invalid(vec![ImportError {
            file: PathBuf::new(),
            line: None,
            field: None,
            message: "pruning needs the whole catalog, and this has no products: nothing was removed".into(),
        }]));
    }
    let total = (batch.products.len() + batch.articles.len() + batch.orders.len()) as u64;
    let bar = if options.show_progress { ProgressBar::new(total) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut report = ImportReport::default();
    let mut tx = pool.begin().await?;
    bar.set_message("products");
    for p in &batch.products {
        tally(&mut report.products, store::products::upsert(&mut tx, p).await?);
        bar.inc(1);
    }
    bar.set_message("articles");
    for a in &batch.articles {
        tally(&mut report.articles, store::articles::upsert(&mut tx, a).await?);
        bar.inc(1);
    }
    bar.set_message("orders");
    for o in &batch.orders {
        tally(&mut report.orders, store::orders::upsert(&mut tx, o).await?);
        bar.inc(1);
    }
    if options.prune {
        let keep: Vec<String> = batch.products.iter().map(|p| p.sku.to_string()).collect();
        report.removed = store::products::prune(&mut tx, &keep).await?;
    }
    if report.changes_index() {
        // Every running server re-indexes when this commits.
        store::articles::notify_changed(&mut tx, "import").await?;
    }
    tx.commit().await?;
    bar.finish_and_clear();
    Ok(report)
}
