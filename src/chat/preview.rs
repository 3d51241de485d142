//! The knowledge-base editor's preview: how Aisle would answer a question with a draft applied,
//! through the same plan, model and checks as a shopper's message, logging nothing.
use super::claims::{self, Evidence};
use super::guard::delimiter_at;
use super::intent::classify;
use super::plan::{Message, Plan};
use super::{ChatError, ChatService, SourceCard, used};
use crate::domain::AnsweredBy;
use crate::llm::complete;
use crate::retrieval::Index;
use serde::Serialize;
use std::sync::Arc;

/// How Aisle would answer, without anyone seeing it (the knowledge-base editor's preview).
#[derive(Debug, Serialize)]
pub struct Preview {
    pub answer: String,
    pub sources: Vec<SourceCard>,
    pub answered_by: AnsweredBy,
}

impl ChatService {
    /// How Aisle would answer `question` with `index` (a draft applied), logging nothing.
    pub async fn preview(&self, index: Arc<Index>, question: &str) -> Result<Preview, ChatError> {
        let intent = classify(question);
        let (request, sources, fallback) = match self
            .planner
            .plan(Some(index.clone()), intent, &[], &Message::english(question), self.generator.is_some())
            .await?
        {
            Plan::Fixed { answer, sources, by } => return Ok(Preview { answer, sources, answered_by: by }),
            Plan::Model { request, sources, fallback, .. } => (request, sources, fallback),
        };
        let generator = self.generator.as_ref().ok_or(ChatError::ModelUnavailable("no model".into()))?;
        let (mut answer, _) = complete(generator.as_ref(), request).await.map_err(ChatError::ModelUnavailable)?;
        if let Some(cut) = delimiter_at(&answer) {
            answer.truncate(cut);
        }
        let answer = answer.trim().to_string();
        if self.guard.leaks(&answer) {
            let refused = self.planner.prompts.replies().refused.clone();
            return Ok(Preview { answer: refused, sources: Vec::new(), answered_by: AnsweredBy::Guarded });
        }
        // The draft's standing terms hold as the live ones do for a shopper.
        let replies = self.planner.prompts.replies();
        let evidence = Evidence::new(&sources, question)
            .with_standing(claims::standing_terms(&index, &sources))
            .unsure(&replies.withheld_unsure, &replies.described);
        let answer = claims::checked(&evidence, &answer, &fallback);
        let mut sources = used(&answer, &sources);
        sources.extend(evidence.standing_cited(&answer));
        Ok(Preview { answer, sources, answered_by: AnsweredBy::Model })
    }
}
