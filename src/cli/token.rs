//! `aisle token create|list|revoke`: team tokens, printed once and stored only as hashes.
use aisle::auth::{Role, hash, new_token};
use aisle::config::Settings;
use aisle::store::tokens;
use anyhow::bail;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum What {
    /// Make a token; it is printed once and stored only as a hash.
    Create {
        #[arg(long, value_enum)]
        role: Role,
        #[arg(long)]
        name: String,
    },
    /// List tokens (never their secrets).
    List,
    /// Revoke a token by id or name.
    Revoke { id_or_name: String },
}

pub async fn run(settings: &Settings, what: What) -> anyhow::Result<ExitCode> {
    let pool = super::data::connect(settings).await?;
    match what {
        What::Create { role, name } => {
            let name = name.trim();
            if name.is_empty() {
                bail!("--name must not be empty");
            }
            let token = new_token("aisle");
            let id = tokens::create(&pool, name, role.as_str(), &hash(&token)).await?;
            eprintln!("Created {} token {id} for {name}. It is shown only now:", role.as_str());
            println!("{token}");
        }
        What::List => {
            for t in tokens::list(&pool).await? {
                let state = t.revoked_at.map_or("active".to_string(), |at| format!("revoked {at}"));
                println!("{}  {:<7} {:<30} {state}", t.id, t.role, t.name);
            }
        }
        What::Revoke { id_or_name } => match tokens::revoke(&pool, &id_or_name).await? {
            0 => bail!("no active token has that id or name"),
            n => println!("Revoked {n} token(s)."),
        },
    }
    Ok(ExitCode::SUCCESS)
}
