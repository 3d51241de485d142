//! The `aisle` command: serve the shop, import knowledge, search, evaluate and benchmark.
//! Each command lives in `cli/`.
mod cli;

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let args = cli::Cli::parse();
    aisle::telemetry::init(if args.is_server() { "info,tantivy=warn" } else { "warn" });
    match cli::run(args).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
