//! The amounts a text states (prices, percentages, durations, bare numbers), read the way any
//! locale writes them, and the currencies it writes them in.
use regex_lite::Regex;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\$\s?)?(\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?))?\s*(%|percent|dollars|usd|(?:business\s+|working\s+)?(?:days?|weeks?|months?|years?|hours?))?",
    )
    .expect("valid pattern")
});

pub(super) static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\d+(?:\s*,\s*\d+)*\]").expect("valid pattern"));

/// A number in a text and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Amount {
    pub(super) value: f64,
    pub(super) unit: &'static str,
}

fn unit_of(word: &str, dollar: bool) -> &'static str {
    let w = word.to_lowercase();
    if dollar || w == "dollars" || w == "usd" {
        "money"
    } else if w == "%" || w == "percent" {
        "percent"
    } else if w.contains("day") {
        "day"
    } else if w.contains("week") {
        "week"
    } else if w.contains("month") {
        "month"
    } else if w.contains("year") {
        "year"
    } else if w.contains("hour") {
        "hour"
    } else {
        ""
    }
}

/// Amounts as other locales write them: "1.099,99 $", "1 099,99 $US", "US$1,099.99", "30 días".
static GROUPED_DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3}(?:[.\u{202F}\u{a0}]\d{3})+),(\d{1,2})\b").expect("valid pattern"));
static DECIMAL_COMMA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d+),(\d{1,2})\b").expect("valid pattern"));
static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d[\d.,]*)\s?(?:US\$|\$US|\$|€|£|￥|¥|元|円|EUR|USD|GBP|美元|ドル|dólares|dollars)")
        .expect("valid pattern")
});
static MONEY_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:US\$|CA\$|A\$|JP¥|CN¥|€|£|￥|¥)\s?(\d)").expect("valid pattern"));
/// A currency written beside a number, either side: "50元", "$50", "649 €", "US$1,099.99".
static CURRENCY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d\s?(US\$|\$US|\$|€|£|￥|¥|元|円|EUR|USD|GBP|CNY|JPY|美元|欧元|英镑|日元|ドル|ユーロ|ポンド)")
        .expect("valid pattern")
});
static CURRENCY_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(US\$|CA\$|A\$|JP¥|CN¥|€|£|￥|¥|\$)\s?\d").expect("valid pattern"));

/// A currency mark or code as the check tells currencies apart ("YEN" where ¥ may be either yen
/// or yuan); `None` for a code it does not know.
pub(super) fn currency(mark: &str) -> Option<&'static str> {
    Some(match mark {
        "€" | "EUR" | "欧元" | "ユーロ" => "EUR",
        "£" | "GBP" | "英镑" | "ポンド" => "GBP",
        "元" | "CNY" | "CN¥" => "CNY",
        "円" | "JPY" | "JP¥" | "日元" => "JPY",
        "¥" | "￥" => "YEN",
        "$" | "US$" | "$US" | "CA$" | "A$" | "USD" | "美元" | "ドル" => "USD",
        _ => return None,
    })
}

/// The currencies a text writes amounts in.
pub(super) fn currencies(text: &str) -> Vec<&'static str> {
    let marks = CURRENCY_AFTER.captures_iter(text).chain(CURRENCY_BEFORE.captures_iter(text));
    let mut out: Vec<&'static str> = marks.filter_map(|c| currency(&c[1])).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Durations in the languages Aisle speaks, as the English units the checks count.
const UNITS: &[(&str, &str)] = &[
    (r"(?i)(\d)\s*(?:días|dias|día|dia|jours?|tagen?|天|日間|日以内|日)", "$1 days"),
    (r"(?i)(\d)\s*(?:semanas?|semaines?|wochen?|周|週間)", "$1 weeks"),
    (r"(?i)(\d)\s*(?:meses|mes|mois|monaten?|monate|个月|か月|ヶ月)", "$1 months"),
    (r"(?i)(\d)\s*(?:años?|ans?|jahren?|jahre|年間|年)", "$1 years"),
];
static UNIT_WORDS: LazyLock<Vec<(Regex, &'static str)>> =
    LazyLock::new(|| UNITS.iter().map(|(p, r)| (Regex::new(p).expect("valid pattern"), *r)).collect());

/// `text` with its amounts written the English way, so "1.099,99 $" is checked as $1,099.99.
pub(super) fn english_numbers(text: &str) -> String {
    let t = GROUPED_DECIMAL.replace_all(text, |c: &regex_lite::Captures| {
        format!("{}.{}", c[1].replace(['.', '\u{202F}', '\u{a0}'], ""), &c[2])
    });
    let t = DECIMAL_COMMA.replace_all(&t, "$1.$2");
    let t = MONEY_AFTER.replace_all(&t, "$$$1");
    let mut t = MONEY_BEFORE.replace_all(&t, "$$$1").into_owned();
    for (re, with) in UNIT_WORDS.iter() {
        t = re.replace_all(&t, *with).into_owned();
    }
    t
}

pub(super) fn amounts(text: &str) -> Vec<Amount> {
    let text = english_numbers(text);
    let text = CITATION.replace_all(&text, " ");
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(&text) {
        let unit = unit_of(c.get(4).map_or("", |m| m.as_str()), c.get(1).is_some());
        for m in [c.get(2), c.get(3)].into_iter().flatten() {
            if let Ok(value) = m.as_str().replace(',', "").parse::<f64>() {
                out.push(Amount { value, unit });
            }
        }
    }
    out
}

/// A number standing alone and the word after it: "2 burners", "8 cups", "3 GB", "12MP" (not
/// "S10", "$5" or "3-5").
static COUNTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\w.,$])(\d+(?:\.\d+)?)\s*([a-z][a-z-]+)").expect("valid pattern"));

/// Words after a number that count no part of a product: what a sentence is built with, ordinals,
/// the catalog's own measures (its dimensions and weight), durations, and the words a stock count,
/// a rating or a price is said with ("27 in stock", "4.5 stars"). A unit of the model's ("3 GB")
/// is counted.
#[rustfmt::skip]
const NOT_COUNTED: &[&str] = &["as", "be", "so", "if", "up", "no", "my", "me", "us", "am", "pm", "do", "st",
    "nd", "rd", "th", "x", "off", "in", "of", "to", "and", "or", "for", "per", "out", "at", "on", "by", "from", "with",
    "the", "a", "an", "is", "are", "was", "were", "it", "its", "you", "your", "we", "our", "more", "less", "than",
    "times", "left", "available", "units", "unit", "items", "item", "pieces", "piece", "pcs", "stars", "star",
    "reviews", "review", "ratings", "rating", "cm", "mm", "kg", "lb", "lbs", "inch", "inches", "oz", "ml",
    "percent", "business", "working", "days", "day", "weeks", "week", "months", "month", "years", "year", "hours",
    "hour", "minutes", "minute", "dollars", "usd", "eur", "people", "customers", "orders", "order"];

/// What a text counts: each number standing alone before a word that names what it counts ("2
/// burners" as 2 and "burne"), the word cut to its first five letters, singular.
pub(super) fn counts(text: &str) -> Vec<(f64, String)> {
    let lower = CITATION.replace_all(&english_numbers(text).to_lowercase(), " ").into_owned();
    COUNTED
        .captures_iter(&lower)
        .filter(|c| !NOT_COUNTED.contains(&&c[2]))
        .filter_map(|c| {
            let value = c[1].parse::<f64>().ok()?;
            let word = c[2].trim_end_matches('s');
            Some((value, word.chars().take(5).collect()))
        })
        .collect()
}
