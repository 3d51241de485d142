//! One integration-test binary: real server, real Postgres, real embedding model.
mod helpers;
mod import;
mod search;
mod service;
