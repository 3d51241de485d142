//! `aisle import [PATH]`: validate everything, then import all of it or nothing.
use aisle::config::Settings;
use aisle::knowledge::{ImportFailure, ImportReport, import_path};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub async fn run(settings: &Settings, path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let path = path.unwrap_or(settings.knowledge.dir.clone());
    let pool = super::data::connect(settings).await?;
    match import_path(&pool, &path, std::io::stderr().is_terminal()).await {
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
        "Imported {}: products {} new, {} updated, {} unchanged; articles {} new, {} updated, {} unchanged.",
        path.display(),
        r.products.inserted,
        r.products.updated,
        r.products.unchanged,
        r.articles.inserted,
        r.articles.updated,
        r.articles.unchanged
    );
}
