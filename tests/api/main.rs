//! One integration-test binary: real server, real Postgres, real embedding model.
mod chat;
mod describe;
mod helpers;
mod import;
mod openai;
mod people;
mod search;
mod service;
