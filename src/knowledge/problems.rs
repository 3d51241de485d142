//! An import problem, named by file, line and field, and the helpers that make one.
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

pub(super) fn at(line: usize, field: Option<&str>, message: impl Into<String>) -> ImportError {
    ImportError { file: PathBuf::new(), line: Some(line), field: field.map(str::to_string), message: message.into() }
}

/// An error from a serde parser, with the field it names (if any) lifted out of the message.
pub(super) fn parse_error(line: usize, message: String) -> ImportError {
    let field = field_of(&message).map(str::to_string);
    ImportError { field, ..at(line, None, message) }
}

/// Guesses the field a serde message is about ("missing field `title`", "unknown field `foo`").
pub(super) fn field_of(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}
