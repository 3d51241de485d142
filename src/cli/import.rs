//! `aisle import [PATH]`: validate everything, then import all of it or nothing.
use aisle::config::Settings;
use aisle::knowledge::{ImportFailure, ImportReport, Options, import_path};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub async fn run(settings: &Settings, path: Option<PathBuf>, prune: bool) -> anyhow::Result<ExitCode> {
    let path = path.unwrap_or(settings.knowledge.dir.clone());
    let pool = super::data::connect(settings).await?;
    let options = Options { show_progress: std::io::stderr().is_terminal(), prune };
    match import_path(&pool, &path, options).await {
        Ok(report) => print_report(&path, &report),
        Err(ImportFailure::Invalid(errors)) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} problem(s) found; nothing was imported.", errors.len());
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(path: &Path, r: &ImportReport) {
    println!(
        "Imported {}: products {} new, {} updated, {} unchanged; articles {} new, {} updated, {} unchanged; \
         orders {} new, {} updated, {} unchanged.",
        path.display(),
        r.products.inserted,
        r.products.updated,
        r.products.unchanged,
        r.articles.inserted,
        r.articles.updated,
        r.articles.unchanged,
        r.orders.inserted,
        r.orders.updated,
        r.orders.unchanged
    );
    if !r.removed.is_empty() {
        println!("Removed {} product(s) the feed no longer has: {}.", r.removed.len(), r.removed.join(", "));
    }
}
