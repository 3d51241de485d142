//! The shop's knowledge: catalog and article formats with their validation, import from files
//! and request bodies, and the editor's changes to articles.
pub mod editor;
mod formats;
mod import;
mod live;
mod orders;
mod problems;

pub use editor::{Draft, Editor, EditorError};
pub use formats::{ImportError, canonical_line, read_file};
pub use import::{Batch, Counts, ImportFailure, ImportReport, Options, import_path, read_path, write};
