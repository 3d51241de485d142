//! `aisle serve`: the HTTP server.
use aisle::config::Settings;
use aisle::startup::{Application, GeneratorChoice};
use std::process::ExitCode;

pub async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let host = settings.server.host.clone();
    let app = Application::build(settings, None, GeneratorChoice::FromSettings).await?;
    tracing::info!(%host, port = app.port(), "Aisle is listening");
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}
