//! Answers in the help articles' own words: the sentences closest to the question, quoted by
//! code with their source numbers (`quote`), and translated by the model for a shopper who
//! writes another language, checked against the same articles.
use super::cards::{SourceCard, cards};
use super::claims::return_exception;
use super::error::ChatError;
use super::facts::not_returnable;
use super::plan::{Message, Plan, Planner};
use super::quote::{self, Bar, Candidate};
use super::request::Ask;
use super::translate::{names_in, without_names};
use crate::domain::{AnsweredBy, Language, Product, holds_words, mask};
use crate::llm::{ChatMessage, GenRequest, Role};
use crate::retrieval::vector::dot;
use crate::retrieval::{Index, Source};
use std::sync::Arc;

/// A question about the products found, as the articles are matched on: their names left
/// out of its meaning and words ("Z800" is named by no article; "the Carbon Steel Wok has a dent"
/// is about the dent) and, `by_kind`, their kinds of product said instead ("(vehicle)").
fn beside_products(text: &str, products: &[&Product], by_kind: bool) -> String {
    let names = names_in(text, products.iter().map(|p| p.title.as_str()));
    let without = without_names(text, &names);
    if !by_kind {
        return without;
    }
    let mut kinds: Vec<String> = Vec::new();
    for p in products.iter().filter(|p| names.contains(&p.title.as_str())) {
        let kind = p.category.replace('-', " ");
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() { without } else { format!("{without} ({})", kinds.join(", ")) }
}

/// How many sentences of the whole knowledge base, beside those of the best two articles found,
/// a question is matched against.
const NEAR_SENTENCES: usize = 8;

/// How many of the questions editors wrote, closest first, bring their articles in too.
const NEAR_QUESTIONS: usize = 4;

/// A sentence no answer of its article holds stands this much below the article's closest
/// editors' question: the question was written for another sentence.
const OTHER_SENTENCE: f32 = 0.1;

/// How close in meaning a question asked again in the articles' words must stay to the
/// shopper's (cosine of the two): a rewrite that drifted to another topic, or one made up for a
/// message that asks nothing, finds no article.
const SAME_QUESTION: f32 = 0.4;

/// How close the question is to the closest editors' question whose answer holds `sentence`,
/// given each question of its article as (answer, closeness); for a sentence no answer holds,
/// the article's closest less `OTHER_SENTENCE`; `None` for an article without questions.
fn asked_for(sentence: &str, questions: &[(&str, f32)]) -> Option<f32> {
    let holding = questions.iter().filter(|(answer, _)| holds_words(answer, sentence)).map(|(_, c)| *c);
    holding.max_by(f32::total_cmp).or_else(|| questions.iter().map(|(_, c)| c - OTHER_SENTENCE).max_by(f32::total_cmp))
}

/// Whether the product found first says more of what is asked than the articles' answer, where
/// only a sentence very close in meaning may answer (`Bar::Strong`): "Can the Microwave Oven
/// defrost frozen food?" is its description's "defrosting", not the groceries' delivery. Its
/// category and tags are its words too, and as many words as the answer's are enough: "What sort
/// of vehicle is the Durango SXT RWD?" asks what it is, not how vehicles are delivered.
fn described_better(text: &str, sources: &[SourceCard], plan: &Plan) -> bool {
    let (Some(product), Plan::Fixed { answer, .. }) = (sources.first().and_then(|s| s.product.as_ref()), plan) else {
        return false;
    };
    let name = quote::stems(&product.title);
    let asked: Vec<String> = quote::stems(text).into_iter().filter(|w| !name.contains(w)).collect();
    let shared = |said: &str| {
        let said = quote::stems(said);
        asked.iter().filter(|w| said.contains(w)).count()
    };
    let own = shared(&format!("{} {} {}", product.description, product.category, product.tags.join(" ")));
    let article = shared(answer);
    own > article || (own > 0 && own == article)
}

impl Planner {
    /// The articles' sentences closest to the question (`quote`), with the cards they came
    /// from: those of the two best articles found, and the closest sentences of any article (a
    /// question worded unlike its article still meets the one sentence it asks about). `None`
    /// when none is close enough for `bar`, or the embedding model is away: the model writes.
    /// `by_kind`: a product named is matched on as its kind of product, for terms that
    /// differ by kind (paying for a vehicle, returning a fragrance).
    async fn quoted(&self, index: &Index, text: &str, sources: &[SourceCard], bar: Bar, by_kind: bool) -> Option<Plan> {
        let embedder = self.retriever.embedder()?.clone();
        // The products found, and any the catalog names by a model number: "Can I order the
        // Kawasaki Z800 with free delivery?" may find only the shipping costs, and the Z800 names
        // no article (a model number no article names keeps an article from answering).
        let mut products: Vec<&Product> = sources.iter().filter_map(|s| s.product.as_ref()).collect();
        let numbered: Vec<&Product> =
            index.products().filter(|p| p.title.chars().any(|c| c.is_ascii_digit())).collect();
        let named = names_in(text, numbered.iter().map(|p| p.title.as_str()));
        products.extend(numbered.into_iter().filter(|p| named.contains(&p.title.as_str())));
        let text = if products.is_empty() { text.to_string() } else { beside_products(text, &products, by_kind) };
        let question = text.clone();
        let asked = match tokio::task::spawn_blocking(move || embedder.embed_query(&question)).await {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "the question could not be embedded; the model answers");
                return None;
            }
            Err(_) => return None,
        };
        // The two best articles found, then those of the closest sentences anywhere and of the
        // closest questions editors wrote; each article's sentences in its own order.
        let mut cards: Vec<SourceCard> = sources.iter().filter(|s| s.product.is_none()).take(2).cloned().collect();
        let near_sentences = index.sentences_near(&asked, NEAR_SENTENCES).into_iter().map(|(doc, _)| doc);
        let near_questions = index.questions_near(&asked, NEAR_QUESTIONS).into_iter().map(|(doc, _)| doc);
        for doc in near_sentences.chain(near_questions) {
            if let Source::Passage(passage) = &doc.source
                && !cards.iter().any(|c| c.id == passage.article_id)
            {
                cards.push(SourceCard::passage(sources.len() + cards.len() + 1, passage));
            }
        }
        let candidates: Vec<Candidate> = cards
            .iter()
            .flat_map(|card| {
                let questions: Vec<(&str, f32)> =
                    index.questions_of(&card.id).map(|q| (q.answer.as_str(), dot(&asked, &q.vector))).collect();
                index.sentences_of(&card.id).map(move |(_, s)| Candidate {
                    n: card.n,
                    title: card.title.clone(),
                    text: s.text.clone(),
                    paragraph: (s.doc, s.paragraph),
                    vector: s.vector.clone(),
                    asked: asked_for(&s.text, &questions),
                })
            })
            .collect();
        let (answer, cited) = quote::quote(&text, &asked, &candidates, bar)?;
        let sources = cards.into_iter().filter(|s| cited.contains(&s.n)).collect();
        Some(Plan::Fixed { answer, sources, by: AnsweredBy::Article })
    }

    /// The articles' sentences for a question (`quoted`, matched on `Ask::for_articles` and, for
    /// a product found first, by its kind where `Ask::by_kind` says), else for the question
    /// asked again in their words (`reworded`).
    pub(super) async fn articles_answer(
        &self,
        index: &Index,
        ask: &Ask,
        text: &str,
        sources: &[SourceCard],
        bar: Bar,
        preview: Option<Arc<Index>>,
    ) -> Option<Plan> {
        let plan = match self.quoted(index, &ask.for_articles(text), sources, bar, ask.by_kind()).await {
            None => self.reworded(index, text, preview).await,
            quoted => quoted,
        };
        plan.filter(|plan| bar != Bar::Strong || !described_better(text, sources, plan))
    }

    /// Whether the question editors wrote that is closest in meaning to `text` belongs to another
    /// article than `article`: the passage closest to a question is not always the article its
    /// editors wrote for it. False without an index or the embedding model.
    pub(super) async fn asked_of_another(&self, index: Option<&Index>, text: &str, article: &str) -> bool {
        let (Some(index), Some(embedder)) = (index, self.retriever.embedder().cloned()) else { return false };
        let question = text.to_string();
        let Ok(Ok(asked)) = tokio::task::spawn_blocking(move || embedder.embed_query(&question)).await else {
            return false;
        };
        let nearest = index.questions_near(&asked, 1).into_iter().next().map(|(doc, _)| doc.parent_id().to_string());
        tracing::debug!(?nearest, article, "the FAQ shortcut's article and the nearest editors' question's");
        nearest.is_some_and(|id| id != article)
    }

    /// A question the articles did not meet as asked, asked again in their words by the model
    /// (`Translator::in_shop_words`: "can I take the motorbike out for a spin first?" as "Can I
    /// test drive the motorbike?") and answered only by the articles' own sentences, quoted:
    /// the rewrite finds the article and never says anything itself. `None` without a model, when the
    /// rewrite strayed from the question, or when a product, or nothing, comes first for it.
    async fn reworded(&self, index: &Index, text: &str, preview: Option<Arc<Index>>) -> Option<Plan> {
        let words = self.translator.in_shop_words(text).await?;
        let embedder = self.retriever.embedder()?.clone();
        let pair = (text.to_string(), words.clone());
        let (asked, rewritten) = tokio::task::spawn_blocking(move || {
            Some((embedder.embed_query(&pair.0).ok()?, embedder.embed_query(&pair.1).ok()?))
        })
        .await
        .ok()??;
        let same = dot(&asked, &rewritten);
        tracing::debug!(same, rewritten = %mask(&words), "asked again in the articles' words");
        if same < SAME_QUESTION {
            return None;
        }
        let ask = Ask::parse(&words);
        let query = ask.for_articles(&words);
        let sources = cards(&self.evidence(self.retrieve(query.clone(), preview).await.ok()?));
        if sources.first()?.product.is_some() {
            return None;
        }
        self.quoted(index, &query, &sources, Bar::Usual, false).await
    }

    /// The catalog's answer to a question that also asks the shop's terms for the product ("can
    /// I return the Dior once opened?"): its facts, then the policy's closest sentences, quoted,
    /// with both kinds of card; the facts alone when no sentence is close enough.
    pub(super) async fn with_policy(
        &self,
        index: &Index,
        ask: &Ask,
        text: &str,
        facts: Plan,
        msg: &Message<'_>,
        has_model: bool,
    ) -> Result<Plan, ChatError> {
        let Plan::Fixed { answer, sources, .. } = &facts else { return Ok(facts) };
        let Some(Plan::Fixed { answer: policy, sources: cited, .. }) =
            self.quoted(index, &ask.for_articles(text), sources, Bar::Usual, true).await
        else {
            return Ok(facts);
        };
        self.facts_then(msg, answer, sources, &policy, cited, has_model)
    }

    /// The catalog's return terms for a product, followed by what the shop's articles refuse for
    /// its kind (`claims::return_exception`), quoted with their cards: "You can return the Red
    /// Lipstick within 7 days" is true only until it is opened. The facts alone for a product
    /// the articles make no exception for, or one that cannot be returned at all; and, for now,
    /// for a shopper who writes another language: the model's translation of the two together
    /// says yes to the window beside the refusal, and the check, reading both, leaves the yes out.
    pub(super) fn with_exceptions(
        &self,
        index: &Index,
        facts: Plan,
        msg: &Message<'_>,
        has_model: bool,
    ) -> Result<Plan, ChatError> {
        let Plan::Fixed { answer, sources, .. } = &facts else { return Ok(facts) };
        let products: Vec<&Product> = sources.iter().filter_map(|s| s.product.as_ref()).collect();
        let [product] = products[..] else { return Ok(facts) };
        if not_returnable(product) || msg.lang != Language::En {
            return Ok(facts);
        }
        let Some((exception, card)) =
            return_exception(index, product, sources.iter().map(|s| s.n).max().unwrap_or(0) + 1)
        else {
            return Ok(facts);
        };
        self.facts_then(msg, answer, sources, &exception, [card], has_model)
    }

    /// The catalog's `facts` with the articles' `terms` after them, and the terms' `cards` after
    /// the facts' `sources`: one answer in the articles' words, said in the shopper's language.
    fn facts_then(
        &self,
        msg: &Message<'_>,
        facts: &str,
        sources: &[SourceCard],
        terms: &str,
        cards: impl IntoIterator<Item = SourceCard>,
        has_model: bool,
    ) -> Result<Plan, ChatError> {
        let answer = format!("{facts} {terms}");
        let sources = sources.iter().cloned().chain(cards).collect();
        self.in_language(msg, Plan::Fixed { answer, sources, by: AnsweredBy::Article }, has_model)
    }

    /// An answer in the articles' own words, for a shopper who writes another language: the
    /// model translates it, checked like any model answer against the same articles, and
    /// the articles' own words are the fallback. Without a model they are said as they are.
    pub(super) fn in_language(&self, msg: &Message, plan: Plan, has_model: bool) -> Result<Plan, ChatError> {
        let Plan::Fixed { answer, sources, .. } = &plan else { return Ok(plan) };
        // An article written in the shopper's language is already in their words.
        if !has_model || Language::detect(answer, Language::En) == msg.lang {
            return Ok(plan);
        }
        let content = self.prompts.translate_answer(answer, msg.lang)?;
        let request = GenRequest {
            messages: vec![ChatMessage { role: Role::User, content }],
            max_tokens: self.max_tokens,
            greedy: true,
        };
        Ok(Plan::Model { request, sources: sources.clone(), fallback: answer.clone(), prompted: None })
    }
}
