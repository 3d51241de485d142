//! One integration-test binary: real server, real Postgres, real embedding model.
mod answers;
mod chat;
mod console;
mod describe;
mod escalation;
mod fuzz;
mod hardening;
mod helpers;
mod import;
mod kb;
mod languages;
mod openai;
mod orders;
mod roles;
mod search;
mod service;
mod team;
