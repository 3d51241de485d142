//! Money: amounts in minor units, never floats, and how an amount is written for a shopper, in
//! the product's own currency and the shopper's locale ("$1,099.99", "1.099,99 $", "US$1,099.99").
//! Nothing here converts currencies: a price is shown in the currency the catalog gives it.
use super::Language;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in minor units (cents), never a float inside; shown as a decimal (9.99).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(pub i64);

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Money::from_f64(v).ok_or_else(|| serde::de::Error::custom(format!("{v} is not a price")))
    }
}

impl Money {
    /// Parses a decimal amount such as `9.99` or `"1,299.00"`.
    pub fn parse_decimal(raw: &str) -> Result<Self, String> {
        let s: String = raw.trim().trim_start_matches('$').chars().filter(|c| *c != ',').collect();
        let value: f64 = s.parse().map_err(|_| format!("`{raw}` is not a price"))?;
        Self::from_f64(value).ok_or_else(|| format!("`{raw}` is not a price (must be 0 or more)"))
    }
    pub fn from_f64(value: f64) -> Option<Self> {
        (value.is_finite() && value >= 0.0).then(|| Money((value * 100.0).round() as i64))
    }
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Money {
    /// `$1,099.99`: an amount as the English catalog and the model's sources write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}.{:02}", grouped(&(self.0 / 100).to_string(), ","), self.0 % 100)
    }
}

/// How a locale writes a number: the group and decimal separators, and whether the currency
/// comes after the amount.
struct NumberStyle {
    group: &'static str,
    decimal: &'static str,
    symbol_after: bool,
}

fn style(lang: Language) -> NumberStyle {
    match lang {
        Language::En | Language::Zh | Language::Ja => NumberStyle { group: ",", decimal: ".", symbol_after: false },
        Language::Es | Language::De => NumberStyle { group: ".", decimal: ",", symbol_after: true },
        // A narrow no-break space groups thousands in French, as CLDR has it.
        Language::Fr => NumberStyle { group: "\u{202F}", decimal: ",", symbol_after: true },
    }
}

/// The currency as a shopper of `lang` knows it: "$" in the US and Germany, "US$" in Spain and
/// China, "$US" in France; a currency without a symbol keeps its ISO code.
fn symbol(currency: &str, lang: Language) -> String {
    use Language::*;
    let s = match (currency, lang) {
        ("USD", En | De | Ja) => "$",
        ("USD", Es | Zh) => "US$",
        ("USD", Fr) => "$US",
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("JPY", En) => "¥",
        ("JPY", Ja) => "￥",
        ("JPY", Zh) => "JP¥",
        ("CNY", Zh) => "¥",
        ("CNY", En | Ja) => "CN¥",
        ("CAD", En) => "CA$",
        ("AUD", En) => "A$",
        (code, _) => code,
    };
    s.to_string()
}

/// Currencies counted in whole units (ISO 4217 minor unit 0).
fn whole_units(currency: &str) -> bool {
    matches!(currency, "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "HUF" | "TWD")
}

fn grouped(digits: &str, group: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

impl Money {
    /// The amount in `currency` as a shopper writing `lang` reads it.
    pub fn show(self, currency: &str, lang: Language) -> String {
        let st = style(lang);
        let number = if whole_units(currency) {
            grouped(&((self.0 + 50) / 100).to_string(), st.group)
        } else {
            format!("{}{}{:02}", grouped(&(self.0 / 100).to_string(), st.group), st.decimal, self.0 % 100)
        };
        let sym = symbol(currency, lang);
        let spaced = sym.chars().all(|c| c.is_ascii_uppercase());
        match (st.symbol_after, spaced) {
            (true, _) => format!("{number}\u{a0}{sym}"),
            (false, true) => format!("{sym}\u{a0}{number}"),
            (false, false) => format!("{sym}{number}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    #[test]
    fn money_is_shown_with_thousands_and_cents() {
        assert_eq!(Money(109_999).to_string(), "$1,099.99");
        assert_eq!(Money(999).to_string(), "$9.99");
        assert_eq!(Money(100_000_000).to_string(), "$1,000,000.00");
    }

    #[test]
    fn each_locale_writes_the_products_own_currency() {
        let p = Money(109_999);
        assert_eq!(p.show("USD", En), "$1,099.99");
        assert_eq!(p.show("USD", De), "1.099,99\u{a0}$");
        assert_eq!(p.show("USD", Fr), "1\u{202F}099,99\u{a0}$US");
        assert_eq!(p.show("USD", Zh), "US$1,099.99");
        assert_eq!(p.show("EUR", Es), "1.099,99\u{a0}€");
        assert_eq!(p.show("EUR", En), "€1,099.99");
        assert_eq!(p.show("CHF", En), "CHF\u{a0}1,099.99");
        assert_eq!(Money(150_000).show("JPY", Ja), "￥1,500");
    }
}
