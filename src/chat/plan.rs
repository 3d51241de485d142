//! How Aisle will answer a message: a fixed reply, the catalog's own answer (facts, superlatives,
//! lists, comparisons, a wrong price corrected), an FAQ that answers by itself, nothing found, or
//! the model with numbered sources. Retrieval and the evidence filter live here.
use super::cards::{SourceCard, cards, passage_excerpt};
use super::conversations::{Prompted, Turn};
use super::error::ChatError;
use super::facts::{self, fact_sentence};
use super::intent::Intent;
use super::pointing;
use super::query::{ABROAD_QUERY, search_query};
use super::quote::Bar;
use super::request::{Ask, Attr, CatalogWords};
use super::transcript::Transcript;
use super::translate::{Translator, names_in, unnamed};
use super::{asked, problems};
use crate::config::ChatSettings;
use crate::domain::{AnsweredBy, DocKind, Filters, Language, SearchRequest};
use crate::llm::{GenRequest, Role};
use crate::prompts::Prompts;
use crate::retrieval::{Hit, Index, Mode, Retriever, Source};
use std::sync::Arc;

pub enum Plan {
    Fixed {
        answer: String,
        sources: Vec<SourceCard>,
        by: AnsweredBy,
    },
    /// The model writes; `fallback` (the catalog's facts, or an offer of a person) is said
    /// instead of any sentence whose claims no source supports.
    Model {
        request: GenRequest,
        sources: Vec<SourceCard>,
        fallback: String,
        /// The question as the model read it, remembered for the next turn's prompt.
        prompted: Option<Prompted>,
    },
}

/// A shopper's message as planning reads it: as written, in English (the catalog's language,
/// which search and the catalog's answers read), and the language the answer is given in.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub text: &'a str,
    pub english: &'a str,
    pub lang: Language,
}

impl<'a> Message<'a> {
    /// A message in English.
    pub fn english(text: &'a str) -> Self {
        Self { text, english: text, lang: Language::En }
    }
}

/// What planning needs: the retriever, the prompts and the chat settings.
pub struct Planner {
    pub retriever: Arc<Retriever>,
    pub prompts: Arc<Prompts>,
    /// Turns a message into English, or a question into the help articles' words.
    pub translator: Arc<Translator>,
    pub settings: ChatSettings,
    pub max_tokens: u32,
    /// The model's context per conversation, in tokens: the prompt and the answer fit in it.
    pub context: u32,
}

impl Planner {
    /// Searches the live index, or `index` (a draft's preview) when given.
    pub(super) async fn retrieve(&self, query: String, index: Option<Arc<Index>>) -> Result<Vec<Hit>, ChatError> {
        let req = SearchRequest::parse(&query, Filters::default(), DocKind::All, self.settings.sources, false)
            .map_err(ChatError::InvalidMessage)?;
        let retriever = self.retriever.clone();
        let hits = tokio::task::spawn_blocking(move || match index {
            Some(index) => retriever.search_in(&index, &req, Mode::Hybrid, None),
            None => retriever.search(&req, Mode::Hybrid, None),
        })
        .await??;
        Ok(hits)
    }

    /// Hits that are evidence: similar enough (or the best keyword match), and close to the best
    /// hit, so a precise question carries one source and a broad one several.
    pub(super) fn evidence(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let best = hits.first().map_or(0.0, |h| h.scores.fused);
        let min = self.settings.min_similarity;
        hits.into_iter()
            .filter(|h| h.scores.fused >= best * 0.75)
            .filter(|h| {
                h.scores.vector.is_some_and(|v| v.score >= min)
                    || h.scores
                        .keyword
                        .is_some_and(|k| k.rank == 1 && h.scores.vector.is_some_and(|v| v.score >= min * 0.6))
            })
            .collect()
    }

    /// An FAQ answers the question by itself when both signals put it first and it is very close:
    /// its article (the first hit's).
    fn faq_answer<'h>(&self, hits: &'h [Hit]) -> Option<&'h str> {
        let h = hits.first()?;
        let Source::Passage(top) = &h.doc.source else { return None };
        let close = h.scores.vector.is_some_and(|v| v.score >= self.settings.faq_similarity && v.rank == 1);
        let agreed = h.scores.keyword.is_some_and(|k| k.rank == 1);
        (close && agreed).then_some(top.article_id.as_str())
    }

    /// The evidence for a message: retrieved with the previous message for follow-ups, filtered.
    pub async fn evidence_for(&self, text: &str, previous: Option<&str>) -> Result<Vec<Hit>, ChatError> {
        Ok(self.evidence(self.retrieve(search_query(text, previous), None).await?))
    }

    /// The catalog's own answer, when the question is one the catalog answers by itself.
    fn catalog_answer(&self, index: &Index, history: &[Turn], msg: &Message, ask: &Ask) -> Option<Plan> {
        let catalog = CatalogWords::new(index.products());
        let earlier = pointing::earlier_products(history, index);
        let answer = facts::answer(&self.prompts.texts(msg.lang).facts, msg.english, ask, &catalog, &earlier)?;
        let sources = answer.products.iter().enumerate().map(|(i, p)| SourceCard::product(i + 1, p)).collect();
        Some(Plan::Fixed { answer: answer.text, sources, by: AnsweredBy::Catalog })
    }

    /// Said instead of a model sentence that failed the check: the first product's facts the
    /// shopper asked about (its price and stock when none was named), else the best article's
    /// own first sentences, else an offer of a person.
    fn fallback(&self, ask: &Ask, sources: &[SourceCard], lang: Language) -> String {
        let texts = self.prompts.texts(lang);
        let replies = &texts.replies;
        let Some(p) = sources.iter().find_map(|s| s.product.as_ref()) else {
            return match sources.iter().find(|s| s.text.is_some()) {
                Some(s) => format!(
                    "{} {} [{}]",
                    replies.withheld_article,
                    passage_excerpt(s.text.as_deref().unwrap_or_default()),
                    s.n
                ),
                None => replies.withheld_unsure.clone(),
            };
        };
        let attrs = if ask.attrs.is_empty() { vec![Attr::Price, Attr::Stock] } else { ask.attrs.clone() };
        let facts: Vec<String> = attrs.iter().map(|a| fact_sentence(&texts.facts, p, *a)).collect();
        format!("{} {}", replies.withheld, facts.join(" "))
    }

    /// What the model sees: the cached system prompt, the window of earlier turns as the model
    /// read them, then the message with the sources not given before (`transcript`); `sources`
    /// take their numbers in the conversation.
    pub fn request(
        &self,
        history: &[Turn],
        msg: &Message,
        sources: &mut [SourceCard],
        policies: bool,
    ) -> Result<(GenRequest, Prompted), ChatError> {
        // A prompt's size is told in bytes: a token is at least 3 of them in English (about 4) and
        // in Chinese or Japanese (one or two characters of 3 bytes); a margin for the template.
        let tokens = self.context.saturating_sub(self.max_tokens + 64) as usize;
        let transcript =
            Transcript { prompts: &self.prompts, exchanges: self.settings.history_turns, budget: tokens * 3 };
        let rendered = transcript.render(history, msg.text, msg.lang, sources, policies)?;
        let request = GenRequest { messages: rendered.messages, max_tokens: self.max_tokens, greedy: false };
        Ok((request, rendered.prompted))
    }

    /// How each reader takes a question about a product's fields (`aisle eval fields`).
    pub async fn readings(&self, text: &str) -> asked::Readings {
        let current = self.retriever.current();
        let names = names_in(text, current.iter().flat_map(|index| index.products().map(|p| p.title.as_str())));
        asked::readings(self.retriever.embedder(), &self.translator, text, &names).await
    }

    /// Decides how to answer: a fixed reply, an FAQ, nothing found, or the model with sources.
    pub async fn plan(
        &self,
        index: Option<Arc<Index>>,
        intent: Intent,
        history: &[Turn],
        msg: &Message<'_>,
        has_model: bool,
    ) -> Result<Plan, ChatError> {
        let replies = &self.prompts.texts(msg.lang).replies;
        let text = msg.english;
        let fixed = |answer: &str, by| Plan::Fixed { answer: answer.to_string(), sources: Vec::new(), by };
        match intent {
            Intent::WantsHuman => return Ok(fixed(&replies.wants_human, AnsweredBy::Fixed)),
            Intent::Greeting => return Ok(fixed(&replies.greeting, AnsweredBy::Fixed)),
            Intent::Thanks => return Ok(fixed(&replies.thanks, AnsweredBy::Fixed)),
            _ => {}
        }
        // The snapshot the catalog and the articles' sentences are read from: the draft's in a
        // preview, else the live one.
        let current = index.clone().or_else(|| self.retriever.current());
        let names = names_in(text, current.iter().flat_map(|index| index.products().map(|p| p.title.as_str())));
        let mut ask = Ask::parse_with(text, None, &names);
        // A report no cue names ("the fish smelled awful"): its kind from the nearest examples.
        if ask.may_report()
            && let Some(read) = problems::read(self.retriever.embedder(), text).await
        {
            ask = Ask::parse_with(text, Some(read), &names);
        }
        // A product's field asked in words no cue holds ("what would I be out of pocket for it?"):
        // read without the product's name, by the nearest examples, else by the model.
        if ask.may_ask_fact(!names.is_empty())
            && let Some((attr, by)) = asked::in_other_words(
                self.retriever.embedder(),
                &self.translator,
                &unnamed(text, &names),
                ask.asks_only_size(),
            )
            .await
        {
            tracing::debug!(?attr, ?by, text, "an attribute read");
            ask.read_also(attr);
        }
        if intent != Intent::OrderStatus
            && let Some(current) = &current
            && let Some(plan) = self.catalog_answer(current, history, msg, &ask)
        {
            // Terms asked of a product ("can I pay for it monthly?"): its facts, then the policy;
            // a comparison ("the price difference between...") is the catalog's alone.
            let compared = matches!(&plan, Plan::Fixed { sources, .. }
                if facts::compares(&ask, sources.iter().filter_map(|s| s.product.as_ref())));
            if ask.terms.is_some() && !compared {
                return self.with_policy(current, &ask, text, plan, msg, has_model).await;
            }
            // Return terms asked: with what the articles refuse for the product's kind.
            if ask.attrs.contains(&Attr::Returns) {
                return self.with_exceptions(current, plan, msg, has_model);
            }
            return Ok(plan);
        }
        let previous = history.iter().rev().find(|t| t.role == Role::User).map(|t| t.english());
        let query = ask.for_articles(&search_query(text, previous)) + if ask.to_country { ABROAD_QUERY } else { "" };
        let hits = self.evidence(self.retrieve(query.clone(), index.clone()).await?);
        let mut sources = cards(&hits);
        // Nothing passed the search's bar, but the question is about the products just shown
        // ("would that one suit a student?"): the model answers from them.
        if sources.is_empty()
            && intent == Intent::Product
            && let Some(current) = &current
        {
            let earlier = pointing::earlier_products(history, current);
            let pointed = pointing::pointed_at(text, &ask, &earlier);
            sources = pointed.into_iter().enumerate().map(|(i, p)| SourceCard::product(i + 1, p)).collect();
        }
        if sources.is_empty() {
            // Nothing passed the search's bar; a sentence close in meaning may still answer, or
            // one found with the question asked again in the articles' words.
            if let Some(current) = &current
                && let Some(plan) = self.articles_answer(current, &ask, text, &sources, Bar::Usual, index).await
            {
                return self.in_language(msg, plan, has_model);
            }
            return Ok(fixed(&replies.not_found, AnsweredBy::Unanswered));
        }
        // Not when the question editors wrote that is closest to it is another article's: "who pays
        // the shipping for a repair claim?" is nearest the return shipping passage, but the
        // warranty claims' "Do I have to pay shipping to send something in for repair?".
        if let Some(article) = self.faq_answer(&hits)
            && !self.asked_of_another(current.as_deref(), &query, article).await
        {
            let faq = SourceCard { n: 1, ..sources[0].clone() };
            let answer = format!("{} [1]", faq.text.clone().unwrap_or_default());
            return self.in_language(msg, Plan::Fixed { answer, sources: vec![faq], by: AnsweredBy::Faq }, has_model);
        }
        // The articles' own sentences answer, word for word, when an article is the best match
        // or the message reports a problem with an item ("the milk came sour") or asks the
        // terms for one ("do you take Amex for the Rolex?"); when a product is, but nothing the
        // catalog holds of it is asked ("can I test ride the Z800?"), only a sentence very
        // close in meaning does. A product's price or stock asked of a product
        // the catalog does not have is not guessed at.
        let bar = if ask.asks_policy() || sources.first().is_some_and(|s| s.product.is_none()) {
            Some(Bar::Usual)
        } else {
            ask.asks_no_fact().then_some(Bar::Strong)
        };
        // When none answers as asked, the question is asked again in the articles' words
        // before the model writes from what was found.
        if let Some(bar) = bar
            && let Some(current) = &current
            && let Some(plan) = self.articles_answer(current, &ask, text, &sources, bar, index).await
        {
            return self.in_language(msg, plan, has_model);
        }
        let only_articles = sources.iter().all(|s| s.product.is_none());
        if only_articles && !ask.attrs.is_empty() && !ask.attrs.iter().any(|a| a.is_policy()) {
            return Ok(fixed(&replies.not_found, AnsweredBy::Unanswered));
        }
        if !has_model {
            return Ok(Plan::Fixed { answer: replies.model_unavailable.clone(), sources, by: AnsweredBy::Fixed });
        }
        let policies = intent == Intent::Policy || ask.asks_policy() || ask.attrs.iter().any(|a| a.is_policy());
        let (request, prompted) = self.request(history, msg, &mut sources, policies)?;
        let fallback = self.fallback(&ask, &sources, msg.lang);
        Ok(Plan::Model { request, sources, fallback, prompted: Some(prompted) })
    }
}
