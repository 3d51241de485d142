//! Aisle: a customer-service agent for online shops.
pub mod auth;
pub mod bench;
pub mod chat;
pub mod config;
pub mod describe;
pub mod domain;
pub mod error;
pub mod eval;
pub mod events;
pub mod http;
pub mod knowledge;
pub mod llm;
pub mod retrieval;
pub mod startup;
pub mod store;
pub mod telemetry;
