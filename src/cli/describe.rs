//! `aisle describe SKU`: product descriptions drafted from catalog fields, stored for review.
use aisle::config::Settings;
use aisle::describe::{DescribeRequest, Length, Tone, describe};
use aisle::startup::{load_generator, load_prompts, openings};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    sku: String,
    #[arg(long, default_value_t = 1)]
    variants: usize,
    #[arg(long, value_enum, default_value_t = Tone::Friendly)]
    tone: Tone,
    #[arg(long, value_enum, default_value_t = Length::Medium)]
    length: Length,
}

pub async fn run(settings: &Settings, a: Args) -> anyhow::Result<ExitCode> {
    let pool = super::data::connect(settings).await?;
    let prompts = load_prompts(settings)?;
    let generator = load_generator(settings, openings(&prompts, false)).await;
    let req = DescribeRequest { variants: a.variants, tone: a.tone, length: a.length };
    for d in describe(&pool, generator.as_deref(), &prompts, &a.sku, req).await? {
        let flags =
            if d.unsupported.is_empty() { String::new() } else { format!(" (check: {})", d.unsupported.join(", ")) };
        println!("[{}{}] {}\n{}\n", d.status, flags, d.id, d.text);
    }
    Ok(ExitCode::SUCCESS)
}
