//! The order desk: "where is my order?" answered from the shop's own order data, after the
//! shopper proves the order is theirs (its number and the email on it, or a shop page that
//! signed their email). Before that nothing is said about an order, not even whether the number
//! exists; wrong attempts are logged and limited per conversation. The one action is a return
//! request, made only after the shopper confirms its summary.
use super::cards::SourceCard;
use super::intent::{Intent, words};
use super::order_answers::{Reader, item_list, mentions, named_items};
use super::order_words::{ABOUT_AN_ORDER, TRACKING, asks_return, asks_where, email_in, number_in, yes_or_no};
use crate::domain::{Email, Language, Order, OrderNumber};
use crate::orders::{OrderError, OrderSource, ReturnNotice};
use crate::prompts::{OrderTemplates, Prompts, fill};
use crate::store::orders::{self as store, ReturnRequest};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// What a conversation knows of its shopper's orders.
#[derive(Debug, Clone, Default)]
pub struct OrderState {
    /// The email proven with an order, or vouched for by the shop page when the chat started;
    /// the orders opened with it, latest last.
    proven: Option<Email>,
    opened: Vec<OrderNumber>,
    /// Given but not yet matched with its other half.
    number: Option<OrderNumber>,
    email: Option<Email>,
    /// The last answer asked for a number or an email: a bare one is read as the answer.
    asked: bool,
    failures: Vec<Instant>,
    pending_return: Option<(OrderNumber, Vec<usize>)>,
    /// The last answer offered a person (a late order): "yes" brings one in.
    pub offered_person: bool,
    /// The names of the items of the order last read: "what about the helmet?" is about it.
    items: Vec<String>,
    /// The language the shopper wrote their latest message in: what the desk answers in.
    pub lang: Language,
}

impl OrderState {
    /// A conversation whose shopper the shop page vouched for (a signed email).
    pub fn signed(email: Option<Email>) -> Self {
        Self { proven: email, ..Self::default() }
    }

    /// Whether an order was opened in this conversation.
    pub fn has_order(&self) -> bool {
        !self.opened.is_empty()
    }
}

/// Whether a bare token shaped like an order number is read as one: when one was asked for, the
/// message is about an order, or it comes with an email (the two halves that open an order).
fn loose(text: &str, intent: Intent, state: &OrderState) -> bool {
    state.asked || intent == Intent::OrderStatus || email_in(text).is_some()
}

/// One answer from the desk: its words and its order card (when an order was read).
pub struct DeskAnswer {
    pub text: String,
    pub cards: Vec<SourceCard>,
}

pub struct OrderDesk {
    pub source: Arc<dyn OrderSource>,
    pub pool: PgPool,
    pub prompts: Arc<Prompts>,
    pub max_failed: u32,
    pub lockout: Duration,
}

impl OrderDesk {
    fn t(&self, lang: Language) -> &OrderTemplates {
        &self.prompts.texts(lang).orders
    }

    /// Whether the desk answers this message (the rest of chat answers the others).
    pub fn takes(&self, text: &str, intent: Intent, state: &OrderState) -> bool {
        if state.pending_return.is_some() && yes_or_no(text).is_some() {
            return true;
        }
        let gives = number_in(text, loose(text, intent, state)).is_some() || (state.asked && email_in(text).is_some());
        let owned = words(text);
        let w: Vec<&str> = owned.iter().map(String::as_str).collect();
        let about = || {
            w.iter().any(|x| ABOUT_AN_ORDER.contains(x))
                || state.items.iter().any(|n| mentions(&w, n) > 0)
                || asks_return(&owned)
        };
        (intent == Intent::OrderStatus && asks_where(text)) || gives || (state.has_order() && about())
    }

    /// Notes what any message gives towards opening an order (an email said before the order
    /// was asked about), whoever answers it.
    /// A return summary waits for the very next message only: anything but a yes or a no
    /// leaves it.
    pub fn hear(&self, text: &str, state: &mut OrderState) {
        if yes_or_no(text).is_none() {
            state.pending_return = None;
        }
        if let Some(e) = email_in(text) {
            state.email = Some(e);
        }
    }

    /// Answers a message the desk takes, updating what the conversation knows.
    pub async fn answer(&self, conversation: Uuid, text: &str, intent: Intent, state: &mut OrderState) -> DeskAnswer {
        let said = |text: &str| DeskAnswer { text: text.to_string(), cards: Vec::new() };
        state.offered_person = false;
        if let Some((number, items)) = state.pending_return.take()
            && let Some(yes) = yes_or_no(text)
        {
            return if yes {
                self.request_return(conversation, &number, &items, state.lang).await
            } else {
                said(&self.t(state.lang).return_left)
            };
        }
        if let Some(n) = number_in(text, loose(text, intent, state)) {
            state.number = Some(n);
        }
        if let Some(e) = email_in(text) {
            state.email = Some(e);
        }
        let (wanted, fresh) = match state.number.take() {
            Some(n) if !state.opened.contains(&n) => {
                let email = state.email.clone().or_else(|| state.proven.clone());
                let Some(email) = email else {
                    state.number = Some(n);
                    state.asked = true;
                    return said(&self.t(state.lang).ask_email);
                };
                match self.verify(conversation, &n, &email, state).await {
                    Ok(order) => (n, Some(order)),
                    Err(answer) => return answer,
                }
            }
            Some(n) => (n, None),
            None => match state.opened.last() {
                Some(n) => (n.clone(), None),
                None => {
                    state.asked = true;
                    let ask = if state.email.is_some() {
                        &self.t(state.lang).ask_number
                    } else {
                        &self.t(state.lang).ask_both
                    };
                    return said(ask);
                }
            },
        };
        state.asked = false;
        self.read(&wanted, fresh, text, state).await
    }

    /// Checks that `number` is `email`'s; on success the order is opened in this conversation.
    /// The answer on failure never says whether the number exists.
    async fn verify(
        &self,
        conversation: Uuid,
        number: &OrderNumber,
        email: &Email,
        state: &mut OrderState,
    ) -> Result<Order, DeskAnswer> {
        let said = |text: &str| Err(DeskAnswer { text: text.to_string(), cards: Vec::new() });
        state.failures.retain(|t| t.elapsed() < self.lockout);
        let since = chrono::Utc::now() - chrono::Duration::from_std(self.lockout).unwrap_or_default();
        let stored = store::failed_checks(&self.pool, conversation, since).await.unwrap_or(0);
        let failed = (state.failures.len() as i64).max(stored);
        if failed >= i64::from(self.max_failed) {
            tracing::warn!(%conversation, "order look-ups paused after repeated wrong attempts");
            return said(&self.t(state.lang).locked);
        }
        let order = match self.source.find(number).await {
            Ok(order) => order,
            Err(OrderError::Unavailable(why)) => {
                tracing::warn!(%conversation, error = %why, "the order system is unavailable");
                state.number = Some(number.clone());
                return said(&self.t(state.lang).unavailable);
            }
        };
        let order = order.filter(|o| o.belongs_to(email));
        let verified = order.is_some();
        if let Err(e) = store::record_check(&self.pool, conversation, number.as_str(), verified).await {
            tracing::warn!(error = %e, "an order check could not be logged");
        }
        tracing::info!(%conversation, number = %number, verified, "order check");
        let Some(order) = order else {
            state.failures.push(Instant::now());
            state.email = None;
            state.asked = true;
            return if failed + 1 >= i64::from(self.max_failed) {
                said(&self.t(state.lang).locked)
            } else {
                said(&self.t(state.lang).no_match)
            };
        };
        state.proven = Some(email.clone());
        state.opened.retain(|n| n != number);
        state.opened.push(number.clone());
        Ok(order)
    }

    /// The opened order (`fresh` when it was just read to verify it, else read again now: it may
    /// have moved on), answering what the message asks.
    async fn read(&self, number: &OrderNumber, fresh: Option<Order>, text: &str, state: &mut OrderState) -> DeskAnswer {
        let found = match fresh {
            Some(order) => Ok(Some(order)),
            None => self.source.find(number).await,
        };
        let Ok(Some(order)) = found else {
            return DeskAnswer { text: self.t(state.lang).unavailable.clone(), cards: Vec::new() };
        };
        let reader = Reader::new(self.t(state.lang), &order);
        let w = words(text);
        let has = |set: &[&str]| w.iter().any(|x| set.contains(&x.as_str()));
        let named = named_items(text, &reader.items);
        let chosen = named.clone().unwrap_or_else(|| (0..reader.items.len()).collect());
        state.items = reader.items.iter().map(|i| i.name.clone()).collect();
        let text = if asks_return(&w) {
            let (windows, open) = reader.returns(&chosen);
            if open.is_empty() {
                let none = fill(&self.t(state.lang).return_none, &[("number", number.as_str())]);
                format!("{windows} {none}")
            } else {
                let listed = item_list(open.iter().map(|k| &reader.items[*k]));
                state.pending_return = Some((number.clone(), open));
                let confirm =
                    fill(&self.t(state.lang).return_confirm, &[("items", &listed), ("number", number.as_str())]);
                format!("{windows} {confirm}")
            }
        } else {
            let (status, late) = reader.status(&chosen, has(TRACKING));
            state.offered_person = late;
            status
        };
        DeskAnswer { text, cards: vec![reader.card()] }
    }

    /// Stores a confirmed return and sends it to the shop's own system where there is one.
    async fn request_return(&self, id: Uuid, number: &OrderNumber, chosen: &[usize], lang: Language) -> DeskAnswer {
        let t = self.t(lang);
        let failed = || DeskAnswer { text: t.return_failed.clone(), cards: Vec::new() };
        let Ok(Some(order)) = self.source.find(number).await else { return failed() };
        let reader = Reader::new(t, &order);
        let items: Vec<_> =
            chosen.iter().filter_map(|k| reader.items.get(*k)).filter(|i| i.returnable(reader.today)).collect();
        if items.is_empty() {
            return DeskAnswer { text: fill(&t.return_none, &[("number", number.as_str())]), cards: Vec::new() };
        }
        let listed = serde_json::json!(
            items
                .iter()
                .map(|i| serde_json::json!({"sku": i.sku, "name": i.name, "quantity": i.quantity}))
                .collect::<Vec<_>>()
        );
        let mut request = ReturnRequest {
            id: Uuid::new_v4(),
            conversation_id: id,
            order_number: number.to_string(),
            items: listed.clone(),
            status: "requested".into(),
            created_at: chrono::Utc::now(),
        };
        if let Err(e) = store::create_return(&self.pool, &request).await {
            tracing::error!(error = %e, "a confirmed return could not be stored");
            return failed();
        }
        let notice = ReturnNotice { id: request.id, order_number: number.to_string(), items: listed };
        let template = match self.source.send_return(&notice).await {
            Ok(true) => {
                request.status = "sent".into();
                &t.return_sent
            }
            Ok(false) => &t.return_recorded,
            Err(e) => {
                tracing::warn!(error = %e, "a return could not be sent to the shop; staff see it in the console");
                request.status = "send_failed".into();
                &t.return_recorded
            }
        };
        if request.status != "requested"
            && let Err(e) = store::set_return_status(&self.pool, request.id, &request.status).await
        {
            tracing::warn!(error = %e, "a return's status could not be stored");
        }
        let reference = request.id.to_string()[..8].to_uppercase();
        let values =
            [("items", item_list(items.iter().copied())), ("number", number.to_string()), ("reference", reference)];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        DeskAnswer { text: fill(template, &values), cards: vec![reader.card()] }
    }
}
