//! What a verified order says, in `prompts/orders.toml`'s words: its status (or each item's, when
//! they travel apart), tracking, lateness and return windows, for the items a question names.
//! Every value is read from the order by code; nothing here is written by a model.
use super::cards::{OrderCard, SourceCard};
use super::intent::normalise;
use crate::domain::{ItemView, Order, OrderStatus};
use crate::prompts::{OrderTemplates, fill};
use chrono::{DateTime, NaiveDate, Utc};

/// Dates as a shopper reads them, in the templates' language: `Friday 20 November 2026`,
/// `viernes 20 de noviembre de 2026`.
pub fn date(d: NaiveDate, t: &OrderTemplates) -> String {
    let locale = chrono::Locale::try_from(t.date_locale.as_str()).unwrap_or(chrono::Locale::en_GB);
    d.format_localized(&t.date, locale).to_string()
}

fn day(t: Option<DateTime<Utc>>, templates: &OrderTemplates) -> String {
    t.map(|t| date(t.date_naive(), templates)).unwrap_or_default()
}

/// `1 × Desk Lamp, 2 × Office Chair`
pub fn item_list<'a>(items: impl IntoIterator<Item = &'a ItemView>) -> String {
    items.into_iter().map(|i| format!("{} × {}", i.quantity, i.name)).collect::<Vec<_>>().join(", ")
}

const ORDINALS: &[(&str, usize)] =
    &[("first", 0), ("1st", 0), ("second", 1), ("2nd", 1), ("third", 2), ("3rd", 2), ("fourth", 3), ("4th", 3)];
const COMMON: &[&str] = &["the", "and", "for", "with", "my", "of", "set", "pack", "new", "pro", "item", "order"];

/// The words of an item's name that name it ("helmet", "samsung"), not filler.
pub fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
}

/// Whether `words` (a message's) name one of `names`.
pub fn mentions(words: &[&str], name: &str) -> usize {
    name_words(name).filter(|w| words.iter().any(|x| x == w || x.trim_end_matches('s') == w)).count()
}

/// The items a question names (by "the second one", "the last item", or words of their names);
/// `None` when it names none.
pub fn named_items(text: &str, items: &[ItemView]) -> Option<Vec<usize>> {
    let t = normalise(text);
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if let Some(i) = ORDINALS.iter().find(|(w, _)| words.contains(w)).map(|(_, i)| *i) {
        return (i < items.len()).then(|| vec![i]);
    }
    if words.contains(&"last") && items.len() > 1 {
        return Some(vec![items.len() - 1]);
    }
    let score = |item: &ItemView| {
        mentions(&words, &item.name) + usize::from(words.iter().any(|w| w.eq_ignore_ascii_case(&item.sku)))
    };
    let best = items.iter().map(score).max().unwrap_or(0);
    (best > 0).then(|| (0..items.len()).filter(|i| score(&items[*i]) == best).collect())
}

/// Answers about one order, today (the server's date).
pub struct Reader<'a> {
    pub t: &'a OrderTemplates,
    pub order: &'a Order,
    pub items: Vec<ItemView>,
    pub today: NaiveDate,
}

impl<'a> Reader<'a> {
    pub fn new(t: &'a OrderTemplates, order: &'a Order) -> Self {
        Self { t, order, items: order.items(), today: chrono::Local::now().date_naive() }
    }

    /// The item's carrier in `template`'s words (" with DHL", " by DHL"); nothing when unknown.
    fn carrier(&self, template: &str, i: &ItemView) -> String {
        i.shipment.carrier.as_ref().map(|c| fill(template, &[("carrier", c)])).unwrap_or_default()
    }

    fn tracking(&self, i: &ItemView) -> Option<String> {
        let s = &i.shipment;
        match (&s.tracking_number, &s.tracking_url) {
            (Some(n), Some(u)) => Some(fill(&self.t.tracking, &[("tracking_number", n), ("tracking_url", u)])),
            (Some(n), None) => Some(fill(&self.t.tracking_number_only, &[("tracking_number", n)])),
            _ => None,
        }
    }

    /// The status of `chosen` items: one sentence for the order when they all travel together,
    /// else one per item; with the expected day, the tracking, and lateness. Returns whether
    /// any is late (a person is offered).
    pub fn status(&self, chosen: &[usize], asked_tracking: bool) -> (String, bool) {
        let items: Vec<&ItemView> = chosen.iter().map(|i| &self.items[*i]).collect();
        let together = items.windows(2).all(|w| w[0].status == w[1].status && w[0].shipment == w[1].shipment);
        let mut out = Vec::new();
        let mut shown_tracking = Vec::new();
        let whole = chosen.len() == self.items.len();
        for (k, i) in items.iter().enumerate() {
            if together && k > 0 {
                break;
            }
            let listed = if together { item_list(items.iter().copied()) } else { i.name.clone() };
            let values = [
                ("number", self.order.number.as_str().to_string()),
                ("items", listed.clone()),
                ("item", listed),
                ("placed", day(Some(self.order.placed_at), self.t)),
                ("dispatched", day(i.shipment.dispatched_at, self.t)),
                ("delivered", day(i.shipment.delivered_at, self.t)),
                ("carrier", self.carrier(&self.t.carrier, i)),
                ("by", self.carrier(&self.t.by, i)),
                ("expected", i.shipment.expected_delivery.map(|d| date(d, self.t)).unwrap_or_default()),
            ];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let template = match (together && whole, i.status) {
                (true, OrderStatus::Placed) => &self.t.placed,
                (true, OrderStatus::Processing) => &self.t.processing,
                (true, OrderStatus::Dispatched) => &self.t.dispatched,
                (true, OrderStatus::Delivered) => &self.t.delivered,
                (true, OrderStatus::Cancelled) => &self.t.cancelled,
                (true, OrderStatus::Returned) => &self.t.returned,
                (false, OrderStatus::Placed) => &self.t.item_placed,
                (false, OrderStatus::Processing) => &self.t.item_processing,
                (false, OrderStatus::Dispatched) => &self.t.item_dispatched,
                (false, OrderStatus::Delivered) => &self.t.item_delivered,
                (false, OrderStatus::Cancelled) => &self.t.item_cancelled,
                (false, OrderStatus::Returned) => &self.t.item_returned,
            };
            out.push(fill(template, &values));
            if i.status.in_progress() && i.shipment.expected_delivery.is_some() {
                let expected = if together && whole { &self.t.expected } else { &self.t.item_expected };
                out.push(fill(expected, &values));
            }
            if i.status == OrderStatus::Dispatched
                && let Some(t) = self.tracking(i)
                && !shown_tracking.contains(&t)
            {
                shown_tracking.push(t.clone());
                out.push(t);
            }
        }
        if asked_tracking && shown_tracking.is_empty() && items.iter().any(|i| i.status.in_progress()) {
            out.push(self.t.no_tracking.clone());
        }
        let late = items.iter().filter(|i| i.late(self.today)).filter_map(|i| i.shipment.expected_delivery).max();
        if let Some(expected) = late {
            out.push(fill(&self.t.late, &[("expected", &date(expected, self.t))]));
        }
        (out.join(" "), late.is_some())
    }

    /// Whether each of `chosen` can still be returned; and those that can.
    pub fn returns(&self, chosen: &[usize]) -> (String, Vec<usize>) {
        let mut out = Vec::new();
        let mut open = Vec::new();
        for &k in chosen {
            let i = &self.items[k];
            let until = i.return_until.map(|d| date(d, self.t)).unwrap_or_default();
            let days = i.return_days.to_string();
            let values = [("item", i.name.as_str()), ("until", until.as_str()), ("days", days.as_str())];
            let template = match i.status {
                _ if i.return_days == 0 => &self.t.return_never,
                OrderStatus::Cancelled | OrderStatus::Returned => &self.t.return_gone,
                OrderStatus::Delivered if i.returnable(self.today) => {
                    open.push(k);
                    &self.t.return_open
                }
                OrderStatus::Delivered => &self.t.return_closed,
                _ => &self.t.return_after_delivery,
            };
            out.push(fill(template, &values));
        }
        (out.join(" "), open)
    }

    /// The order's card, with its title as the handoff summary shows it.
    pub fn card(&self) -> SourceCard {
        let late = self.items.iter().any(|i| i.late(self.today));
        let title =
            format!("Order {} ({}{})", self.order.number, self.order.status.as_str(), if late { ", late" } else { "" });
        let card = OrderCard {
            number: self.order.number.to_string(),
            status: self.order.status,
            placed_at: self.order.placed_at,
            items: self.items.clone(),
            late,
        };
        SourceCard::order(1, title, card)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(names: &[&str]) -> Vec<ItemView> {
        names
            .iter()
            .map(|n| ItemView {
                sku: n.to_uppercase(),
                name: n.to_string(),
                quantity: 1,
                status: OrderStatus::Placed,
                shipment: Default::default(),
                return_until: None,
                return_days: 30,
            })
            .collect()
    }

    #[test]
    fn an_item_is_named_by_its_place_or_its_words() {
        let order = items(&["Wireless Headphones", "Desk Lamp", "Phone Case"]);
        assert_eq!(named_items("and when will the second item arrive?", &order), Some(vec![1]));
        assert_eq!(named_items("what about the lamp?", &order), Some(vec![1]));
        assert_eq!(named_items("I want to return the headphones", &order), Some(vec![0]));
        assert_eq!(named_items("where is my order?", &order), None);
        assert_eq!(named_items("the last one", &order), Some(vec![2]));
    }
}
