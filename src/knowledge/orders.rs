//! Order files: `orders*.jsonl` (one order per line, the shape of `domain::Order`) and
//! `orders*.csv` (one item per row; the order's columns repeat on each of its rows, and rows
//! with the same `number` make one order). Every problem names the line and the field.
use super::problems::{ImportError, at, field_of, parse_error};
use crate::domain::Order;
use serde::Deserialize;

fn checked(n: usize, order: Order, out: &mut Vec<(usize, Order)>, errors: &mut Vec<ImportError>) {
    match order.validate() {
        Ok(()) => out.push((n, order)),
        Err((field, message)) => errors.push(at(n, Some(&field), message)),
    }
}

pub(super) fn read_jsonl(text: &str) -> Result<Vec<(usize, Order)>, Vec<ImportError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let read = serde_json::from_str(line).map_err(|e| (None, e.to_string())).and_then(Order::from_json);
        match read {
            Ok(order) => checked(i + 1, order, &mut out, &mut errors),
            Err((Some(field), message)) => errors.push(at(i + 1, Some(&field), message)),
            Err((None, message)) => errors.push(parse_error(i + 1, message)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// One CSV row: the order's fields and one item's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    number: String,
    email: String,
    status: String,
    placed_at: String,
    #[serde(default)]
    dispatched_at: String,
    #[serde(default)]
    delivered_at: String,
    #[serde(default)]
    expected_delivery: String,
    #[serde(default)]
    carrier: String,
    #[serde(default)]
    tracking_number: String,
    #[serde(default)]
    tracking_url: String,
    #[serde(default)]
    return_days: String,
    sku: String,
    name: String,
    quantity: String,
}

impl Row {
    /// The row as an order of one item, read by the same rules as a JSONL line.
    fn to_order(&self) -> Result<Order, serde_json::Error> {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let number = |s: &str| -> Option<serde_json::Value> { s.parse::<u64>().ok().map(Into::into) };
        let mut v = serde_json::json!({
            "number": self.number, "email": self.email, "status": self.status, "placed_at": self.placed_at,
            "items": [{"sku": self.sku, "name": self.name, "quantity": number(&self.quantity).unwrap_or(self.quantity.clone().into())}],
        });
        let optional = [
            ("dispatched_at", opt(&self.dispatched_at).map(Into::into)),
            ("delivered_at", opt(&self.delivered_at).map(Into::into)),
            ("expected_delivery", opt(&self.expected_delivery).map(Into::into)),
            ("carrier", opt(&self.carrier).map(Into::into)),
            ("tracking_number", opt(&self.tracking_number).map(Into::into)),
            ("tracking_url", opt(&self.tracking_url).map(Into::into)),
            ("return_days", opt(&self.return_days).map(|d| number(&d).unwrap_or(d.into()))),
        ];
        for (k, value) in optional {
            if let (Some(value), Some(map)) = (value, v.as_object_mut()) {
                map.insert(k.to_string(), value);
            }
        }
        serde_json::from_value(v)
    }
}

pub(super) fn read_csv(text: &str) -> Result<Vec<(usize, Order)>, Vec<ImportError>> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut orders: Vec<(usize, Order)> = Vec::new();
    let mut errors = Vec::new();
    let headers = reader.headers().map_err(|e| vec![at(1, None, e.to_string())])?.clone();
    for record in reader.records() {
        let parsed = record.and_then(|r| {
            let line = r.position().map_or(0, |p| p.line() as usize);
            r.deserialize::<Row>(Some(&headers)).map(|row| (line, row))
        });
        let (line, row) = match parsed {
            Ok(read) => read,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                let message = e.to_string();
                errors.push(at(line, field_of(&message), message.clone()));
                continue;
            }
        };
        match row.to_order() {
            Ok(order) => match orders.iter_mut().find(|(_, o)| o.number == order.number) {
                Some((_, whole)) => whole.items.extend(order.items),
                None => orders.push((line, order)),
            },
            Err(e) => errors.push(parse_error(line, e.to_string())),
        }
    }
    let mut out = Vec::new();
    for (n, order) in orders {
        checked(n, order, &mut out, &mut errors);
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_of_one_order_make_one_order_and_a_bad_field_is_named() {
        let csv = "number,email,status,placed_at,expected_delivery,sku,name,quantity\n\
                   AS-100,a@b.co,dispatched,2026-11-01T10:00:00Z,2026-11-20,X,Lamp,1\n\
                   AS-100,a@b.co,dispatched,2026-11-01T10:00:00Z,2026-11-20,Y,Chair,2\n";
        let orders = read_csv(csv).expect("valid rows");
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0].1.items.len(), 2);
        let bad = "number,email,status,placed_at,sku,name,quantity\nAS-101,a@b.co,lost,2026-11-01T10:00:00Z,X,Lamp,1\n";
        let errors = read_csv(bad).expect_err("an unknown status");
        assert!(errors[0].message.contains("lost"), "{errors:?}");
    }

    #[test]
    fn a_jsonl_order_without_items_is_refused_with_its_line_and_field() {
        let text = "\n{\"number\": \"AS-100\", \"email\": \"a@b.co\", \"status\": \"placed\", \"placed_at\": \"2026-11-01T10:00:00Z\", \"items\": []}";
        let errors = read_jsonl(text).expect_err("no items");
        assert_eq!((errors[0].line, errors[0].field.as_deref()), (Some(2), Some("items")));
    }
}
