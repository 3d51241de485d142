//! The command line: one file per command, each a function from its arguments and the settings
//! to an exit code.
mod bench;
mod data;
mod describe;
mod eval;
mod import;
mod search;
mod serve;
mod token;

use aisle::config::Settings;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "aisle", version, about = "A customer-service agent for online shops")]
pub struct Cli {
    /// A TOML settings file (also AISLE_CONFIG); AISLE__SECTION__KEY variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server.
    Serve,
    /// Import a catalog (JSONL, DummyJSON, CSV), articles (Markdown) and orders (`orders*.jsonl`,
    /// `orders*.csv`) from a file or folder.
    Import {
        /// Defaults to the knowledge folder from the settings (`knowledge/`).
        path: Option<PathBuf>,
        /// Remove the products this import does not have (it is the whole catalog).
        #[arg(long)]
        prune: bool,
    },
    /// Search the catalog and knowledge base from the terminal.
    Search(search::Args),
    /// Draft product descriptions from catalog data (stored for review).
    Describe(describe::Args),
    /// Measure quality against labelled queries.
    Eval {
        #[command(subcommand)]
        what: eval::What,
    },
    /// Staff, editor and admin tokens.
    Token {
        #[command(subcommand)]
        what: token::What,
    },
    /// Measure speed.
    Bench {
        #[command(subcommand)]
        what: bench::What,
    },
}

impl Cli {
    /// The server logs at info; every other command only warns.
    pub fn is_server(&self) -> bool {
        matches!(self.command, Command::Serve)
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(cli.config.as_deref()).map_err(anyhow::Error::msg)?;
    match cli.command {
        Command::Serve => serve::run(settings).await,
        Command::Import { path, prune } => import::run(&settings, path, prune).await,
        Command::Search(args) => search::run(&settings, args).await,
        Command::Describe(args) => describe::run(&settings, args).await,
        Command::Eval { what } => eval::run(&settings, what).await,
        Command::Token { what } => token::run(&settings, what).await,
        Command::Bench { what } => bench::run(&settings, what).await,
    }
}
