//! The states and roles of a conversation, as types. They travel through Postgres, JSON and the
//! spool as the same snake_case words they always had, so nothing stored changes.
use std::fmt;

/// Defines an enum of fixed words with `as_str`, `parse`, serde and sqlx (TEXT) on both sides.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown {}: `{s}`", stringify!($name))))
            }
        }

        impl sqlx::Type<sqlx::Postgres> for $name {
            fn type_info() -> sqlx::postgres::PgTypeInfo {
                <&str as sqlx::Type<sqlx::Postgres>>::type_info()
            }
            fn compatible(ty: &sqlx::postgres::PgTypeInfo) -> bool {
                <&str as sqlx::Type<sqlx::Postgres>>::compatible(ty)
            }
        }

        impl sqlx::Encode<'_, sqlx::Postgres> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut sqlx::postgres::PgArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<sqlx::Postgres>>::encode(self.as_str(), buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Postgres> for $name {
            fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let s = <&str as sqlx::Decode<sqlx::Postgres>>::decode(value)?;
                Self::parse(s).ok_or_else(|| format!("unknown {}: `{s}`", stringify!($name)).into())
            }
        }
    };
}

words!(
    /// Who answers the shopper now.
    ConversationStatus {
        /// Aisle answers.
        Bot = "bot",
        /// A person was asked for and has not claimed it yet; Aisle still answers.
        Waiting = "waiting",
        /// A person owns the conversation: Aisle stays silent.
        Staff = "staff",
        /// A person closed it; the next shopper message gives it back to Aisle.
        Resolved = "resolved",
    }
);

words!(
    /// Who wrote a message.
    Author {
        Shopper = "shopper",
        Assistant = "assistant",
        Staff = "staff",
    }
);

words!(
    /// How an assistant message was made.
    AnsweredBy {
        /// Written by the language model from the sources.
        Model = "model",
        /// An FAQ that answered the question by itself.
        Faq = "faq",
        /// Sentences quoted from the help articles, chosen by code; no model.
        Article = "article",
        /// Read from the catalog's fields and filled into a template; no model.
        Catalog = "catalog",
        /// Read from the shopper's order (or asking for what opens it); no model.
        Order = "order",
        /// A fixed reply that needs no model (greeting, thanks, the model away).
        Fixed = "fixed",
        /// Nothing relevant was found.
        Unanswered = "unanswered",
        /// The answer was stopped by the leak guard.
        Guarded = "guarded",
        /// A person was asked to join.
        Handoff = "handoff",
        /// A person owns the conversation: Aisle stayed silent.
        Staff = "staff",
    }
);

words!(
    /// What the claim check did with a model answer.
    ClaimAction {
        /// Every claim was supported: shown as written.
        Shown = "shown",
        /// A sentence with an unsupported claim was left out and the catalog's facts said instead.
        Withheld = "withheld",
    }
);

words!(
    /// Why a person was brought in.
    EscalationReason {
        AskedForPerson = "asked_for_person",
        NegativeSentiment = "negative_sentiment",
        NotConfident = "not_confident",
        RepeatedQuestion = "repeated_question",
    }
);

words!(
    /// How a person ended their part of a conversation.
    Outcome {
        /// Aisle answers again.
        HandedBack = "handed_back",
        Resolved = "resolved",
    }
);

/// The most characters a message (from a shopper or a person) may have.
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// A message someone typed: storable (`text::clean`), trimmed, not empty, and at most
/// `MAX_MESSAGE_CHARS` long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopperText(String);

impl ShopperText {
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_as("the message", text)
    }

    /// The same rules for another text someone typed (`what`: "the comment"), named in errors.
    pub fn parse_as(what: &'static str, text: &str) -> Result<Self, String> {
        let text = super::text::clean(what, text).map_err(|e| e.to_string())?;
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("{what} is empty"));
        }
        if text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(format!("{what} is longer than {MAX_MESSAGE_CHARS} characters"));
        }
        Ok(Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ShopperText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_keep_the_words_they_are_stored_as() {
        assert_eq!(ConversationStatus::parse("waiting"), Some(ConversationStatus::Waiting));
        assert_eq!(AnsweredBy::Unanswered.as_str(), "unanswered");
        assert_eq!(serde_json::to_string(&Author::Staff).ok().as_deref(), Some("\"staff\""));
        assert!(serde_json::from_str::<Author>("\"robot\"").is_err());
    }

    #[test]
    fn a_message_is_trimmed_and_bounded() {
        assert_eq!(ShopperText::parse("  hi ").map(|t| t.as_str().to_string()), Ok("hi".into()));
        assert!(ShopperText::parse("   ").is_err());
        assert!(ShopperText::parse(&"a".repeat(MAX_MESSAGE_CHARS + 1)).is_err());
        assert!(ShopperText::parse("hi\0").is_err());
        assert_eq!(ShopperText::parse("\u{200B} hi\u{1} ").map(|t| t.as_str().to_string()), Ok("hi".into()));
    }
}
