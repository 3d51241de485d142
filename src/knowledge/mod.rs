//! The shop's knowledge as files: catalog formats, articles, validation, chunking and import.
mod chunk;
mod formats;
mod import;

pub use chunk::chunk_article;
pub use formats::{ImportError, canonical_line, read_file};
pub use import::{Batch, Counts, ImportFailure, ImportReport, import_path, read_path};
