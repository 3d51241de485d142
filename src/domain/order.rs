//! A shopper's order: the only source of what was bought, where it is and whether it can still
//! be returned. Parsed once at the edge (import, the integration API, the shop's own API).
use super::mask::is_email;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An order number as the shop prints it: letters, digits and dashes, with at least three
/// digits; a leading `#` and the letters' case do not matter (`#as-10481` is `AS-10481`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrderNumber(String);

impl OrderNumber {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().trim_start_matches('#').to_ascii_uppercase();
        let digits = s.chars().filter(char::is_ascii_digit).count();
        let shape = s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !(3..=32).contains(&s.len()) || !shape || digits < 3 || s.starts_with('-') || s.ends_with('-') {
            return Err(format!(
                "`{}` is not an order number (3 to 32 letters, digits and dashes, with at least 3 digits)",
                raw.trim().escape_debug()
            ));
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OrderNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        OrderNumber::parse(&s)
    }
}
impl From<OrderNumber> for String {
    fn from(n: OrderNumber) -> String {
        n.0
    }
}
impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An email address, compared without regard to case or surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().trim_end_matches(['.', ',']).to_lowercase();
        if is_email(&s) { Ok(Self(s)) } else { Err(format!("`{}` is not an email address", raw.trim().escape_debug())) }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Email::parse(&s)
    }
}
impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

/// Where an order (or one of its items) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Paid and waiting to be packed.
    Placed,
    /// Being packed.
    Processing,
    /// With the carrier.
    Dispatched,
    Delivered,
    Cancelled,
    /// Sent back and refunded.
    Returned,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Processing => "processing",
            OrderStatus::Dispatched => "dispatched",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Returned => "returned",
        }
    }
    /// Still on its way to the shopper.
    pub fn in_progress(self) -> bool {
        matches!(self, OrderStatus::Placed | OrderStatus::Processing | OrderStatus::Dispatched)
    }
}

/// Where a parcel is: the whole order's, or one item's own when it travels apart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Shipment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_delivery: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
}

impl Shipment {
    /// This shipment's fields, each falling back to `whole`'s.
    fn or(&self, whole: &Shipment) -> Shipment {
        Shipment {
            dispatched_at: self.dispatched_at.or(whole.dispatched_at),
            delivered_at: self.delivered_at.or(whole.delivered_at),
            expected_delivery: self.expected_delivery.or(whole.expected_delivery),
            carrier: self.carrier.clone().or_else(|| whole.carrier.clone()),
            tracking_number: self.tracking_number.clone().or_else(|| whole.tracking_number.clone()),
            tracking_url: self.tracking_url.clone().or_else(|| whole.tracking_url.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderItem {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    /// The item's own status when it travels apart from the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// Days after delivery it may be returned; the order's when absent; 0: not returnable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_days: Option<u32>,
    #[serde(flatten)]
    pub shipment: Shipment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub number: OrderNumber,
    pub email: Email,
    pub status: OrderStatus,
    pub placed_at: DateTime<Utc>,
    pub items: Vec<OrderItem>,
    /// Days after delivery an item may be returned; 0 or absent: no returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_days: Option<u32>,
    #[serde(flatten)]
    pub shipment: Shipment,
}

/// One item as it stands: its own status and shipment, or the order's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemView {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    pub status: OrderStatus,
    #[serde(flatten)]
    pub shipment: Shipment,
    /// The last day it may be returned (known once delivered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_until: Option<NaiveDate>,
    /// Days after delivery it may be returned; 0: never.
    pub return_days: u32,
}

impl ItemView {
    /// Past its expected delivery and not delivered.
    pub fn late(&self, today: NaiveDate) -> bool {
        self.status.in_progress() && self.shipment.expected_delivery.is_some_and(|d| d < today)
    }
    /// Delivered, returnable, and within its window today.
    pub fn returnable(&self, today: NaiveDate) -> bool {
        self.status == OrderStatus::Delivered && self.return_until.is_some_and(|d| today <= d)
    }
}

const SHIPMENT_FIELDS: &[&str] =
    &["dispatched_at", "delivered_at", "expected_delivery", "carrier", "tracking_number", "tracking_url"];
const ORDER_FIELDS: &[&str] = &["number", "email", "status", "placed_at", "items", "return_days"];
const ITEM_FIELDS: &[&str] = &["sku", "name", "quantity", "status", "return_days"];

/// The first field of an order (as JSON) that is not one of Order's: a misspelt field is an
/// error, not silently dropped. (Serde cannot refuse unknown fields beside a flattened struct.)
pub fn unknown_field(v: &serde_json::Value) -> Option<String> {
    let unknown = |v: &serde_json::Value, known: &[&str], prefix: &str| {
        v.as_object()?
            .keys()
            .find(|k| !known.contains(&k.as_str()) && !SHIPMENT_FIELDS.contains(&k.as_str()))
            .map(|k| format!("{prefix}{k}"))
    };
    let items = v.get("items").and_then(|i| i.as_array()).map(Vec::as_slice).unwrap_or_default();
    unknown(v, ORDER_FIELDS, "").or_else(|| items.iter().find_map(|i| unknown(i, ITEM_FIELDS, "items.")))
}

impl Order {
    /// Reads an order from JSON, refusing fields it does not know; the error names the field.
    pub fn from_json(v: serde_json::Value) -> Result<Self, (Option<String>, String)> {
        if let Some(field) = unknown_field(&v) {
            let message = format!("unknown field `{field}`");
            return Err((Some(field), message));
        }
        serde_json::from_value(v).map_err(|e| (None, e.to_string()))
    }

    /// Checks what types cannot: items to show, quantities, dates in order, links that are links.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let fail = |field: &str, m: &str| Err((field.to_string(), m.to_string()));
        if self.items.is_empty() {
            return fail("items", "an order needs at least one item");
        }
        for (i, item) in self.items.iter().enumerate() {
            if item.quantity == 0 || item.name.trim().is_empty() || item.sku.trim().is_empty() {
                return fail(&format!("items[{i}]"), "each item needs a sku, a name and a quantity of 1 or more");
            }
        }
        let shipments = std::iter::once(&self.shipment).chain(self.items.iter().map(|i| &i.shipment));
        for s in shipments {
            if s.tracking_url.as_deref().is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
                return fail("tracking_url", "the tracking link must start with https:// or http://");
            }
        }
        if self.status == OrderStatus::Delivered && self.shipment.delivered_at.is_none() {
            return fail("delivered_at", "a delivered order needs the time it was delivered");
        }
        Ok(())
    }

    pub fn items(&self) -> Vec<ItemView> {
        self.items
            .iter()
            .map(|i| {
                let shipment = i.shipment.or(&self.shipment);
                let return_days = i.return_days.or(self.return_days).unwrap_or(0);
                let status = i.status.unwrap_or(self.status);
                let delivered = shipment.delivered_at.map(|t| t.date_naive());
                let return_until = delivered
                    .filter(|_| status == OrderStatus::Delivered && return_days > 0)
                    .and_then(|d| d.checked_add_days(Days::new(u64::from(return_days))));
                ItemView {
                    sku: i.sku.clone(),
                    name: i.name.clone(),
                    quantity: i.quantity,
                    status,
                    shipment,
                    return_until,
                    return_days,
                }
            })
            .collect()
    }

    /// Whether the email on the order is `email`.
    pub fn belongs_to(&self, email: &Email) -> bool {
        self.email == *email
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_are_read_the_way_shoppers_write_them() {
        assert_eq!(OrderNumber::parse(" #as-10481 ").map(String::from), Ok("AS-10481".to_string()));
        assert!(OrderNumber::parse("hello").is_err() && OrderNumber::parse("12").is_err());
        assert!(OrderNumber::parse("AS 10481").is_err() && OrderNumber::parse("-10481").is_err());
        assert_eq!(Email::parse(" Ann.Lee@Example.com.").map(String::from), Ok("ann.lee@example.com".into()));
    }

    #[test]
    fn an_item_travelling_apart_keeps_its_own_shipment_and_return_window() {
        assert!(Order::from_json(serde_json::json!({"number": "AS-1", "colour": "red"})).is_err());
        let order: Order = serde_json::from_value(serde_json::json!({
            "number": "AS-100", "email": "a@b.co", "status": "dispatched", "placed_at": "2026-11-01T10:00:00Z",
            "expected_delivery": "2026-11-20", "carrier": "DHL", "return_days": 30,
            "items": [
                {"sku": "X", "name": "Lamp", "quantity": 1},
                {"sku": "Y", "name": "Chair", "quantity": 2, "status": "delivered",
                 "delivered_at": "2026-11-05T12:00:00Z", "return_days": 14}
            ]
        }))
        .expect("a valid order");
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
        let items = order.items();
        assert!(items[0].late(today) && !items[0].returnable(today));
        assert_eq!(items[1].return_until, NaiveDate::from_ymd_opt(2026, 11, 19));
        assert!(!items[1].returnable(today) && items[1].shipment.carrier.as_deref() == Some("DHL"));
    }
}
