//! How a shop's own order JSON becomes an `Order`: each of Aisle's fields is read from a dotted
//! path in the shop's JSON (`customer.email`; an item's as `items.name`, relative to the item),
//! by default the field's own name, and the shop's status words are translated.
//!
//! ```toml
//! [orders.http.mapping.fields]
//! number = "id"
//! email = "customer.email"
//! items = "line_items"
//! "items.name" = "title"
//! [orders.http.mapping.statuses]
//! shipped = "dispatched"
//! ```
use crate::config::OrderMapping;
use crate::domain::Order;
use serde_json::{Map, Value};

const SHIPMENT: &[&str] =
    &["dispatched_at", "delivered_at", "expected_delivery", "carrier", "tracking_number", "tracking_url"];
const ORDER: &[&str] = &["number", "email", "status", "placed_at", "return_days"];
const ITEM: &[&str] = &["sku", "name", "quantity", "status", "return_days"];

/// Reads a shop's orders by its `OrderMapping`.
pub struct Mapping<'a>(pub &'a OrderMapping);

fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, key| v.get(key)).filter(|v| !v.is_null())
}

impl Mapping<'_> {
    fn path<'a>(&'a self, field: &'a str) -> &'a str {
        self.0.fields.get(field).map_or(field, String::as_str)
    }

    /// Copies `fields` of `from` into `to`, each read from its mapped path (`prefix.field`).
    fn copy(&self, from: &Value, to: &mut Map<String, Value>, fields: &[&str], prefix: &str) {
        for field in fields {
            let key = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
            let path = self.0.fields.get(&key).map_or(*field, String::as_str);
            if let Some(mut value) = at(from, path).cloned() {
                if *field == "status"
                    && let Some(ours) = value.as_str().and_then(|s| self.0.statuses.get(s))
                {
                    value = Value::String(ours.clone());
                }
                if *field == "number" && value.is_number() {
                    value = Value::String(value.to_string());
                }
                to.insert(field.to_string(), value);
            }
        }
    }

    /// The shop's order as Aisle's; the error names what did not fit.
    pub fn order(&self, shop: &Value) -> Result<Order, String> {
        let mut order = Map::new();
        self.copy(shop, &mut order, ORDER, "");
        self.copy(shop, &mut order, SHIPMENT, "");
        let items = at(shop, self.path("items")).and_then(Value::as_array).cloned().unwrap_or_default();
        let items: Vec<Value> = items
            .iter()
            .map(|item| {
                let mut ours = Map::new();
                self.copy(item, &mut ours, ITEM, "items");
                self.copy(item, &mut ours, SHIPMENT, "items");
                Value::Object(ours)
            })
            .collect();
        order.insert("items".into(), Value::Array(items));
        let order: Order = serde_json::from_value(Value::Object(order)).map_err(|e| e.to_string())?;
        order.validate().map_err(|(field, m)| format!("{field}: {m}"))?;
        Ok(order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shops_own_shape_is_read_through_the_mapping() {
        let toml = r#"
            [fields]
            number = "id"
            email = "customer.email"
            items = "line_items"
            "items.name" = "title"
            "items.quantity" = "qty"
            [statuses]
            shipped = "dispatched"
        "#;
        let mapping: OrderMapping = toml::from_str(toml).expect("a mapping");
        let mapping = Mapping(&mapping);
        let shop = serde_json::json!({
            "id": 10481, "customer": {"email": "Ann@Example.com"}, "status": "shipped",
            "placed_at": "2026-11-01T10:00:00Z", "carrier": "DHL", "internal_note": "ignored",
            "line_items": [{"sku": "X", "title": "Lamp", "qty": 2}]
        });
        let order = mapping.order(&shop).expect("mapped");
        assert_eq!(order.number.as_str(), "10481");
        assert_eq!(order.email.as_str(), "ann@example.com");
        assert_eq!(order.status, crate::domain::OrderStatus::Dispatched);
        assert_eq!((order.items[0].name.as_str(), order.items[0].quantity), ("Lamp", 2));
        assert!(Mapping(&OrderMapping::default()).order(&serde_json::json!({"number": "AS-1"})).is_err());
    }
}
