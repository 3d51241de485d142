//! Answers read from the catalog, with no model: a product's facts, a superlative, a filtered
//! list, a comparison, a price the shopper has wrong. Sorting and filtering are done here over
//! the whole catalog, and every value is a product's own field filled into `prompts/facts.toml`.
use super::pointing;
use super::request::{Ask, Attr, CatalogWords, Rank};
use crate::domain::{Filters, Language, Money, Product};
use crate::prompts::{FactTemplates, fill};
use std::collections::HashSet;

/// A catalog answer and the products it is about (shown as cards, remembered for follow-ups).
#[derive(Debug)]
pub struct Answer {
    pub text: String,
    pub products: Vec<Product>,
}

/// The most products a list or a set of follow-up facts names.
const MAX_LISTED: usize = 5;

/// A number as the catalog has it, without trailing zeros: 4.5, 2.56, 15.
fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn lower(v: &Option<String>) -> String {
    v.as_deref().unwrap_or_default().to_lowercase()
}

/// The days of a return policy such as "30 days return policy".
pub fn return_days(p: &Product) -> Option<u32> {
    let text = p.return_policy.as_deref()?.to_lowercase();
    let (n, rest) = text.split_once(' ')?;
    rest.starts_with("day").then(|| n.parse().ok()).flatten()
}

/// Whether the catalog says the product cannot be returned.
pub fn not_returnable(p: &Product) -> bool {
    p.return_policy.as_deref().is_some_and(|r| r.to_lowercase().starts_with("no "))
}

pub fn no_warranty(p: &Product) -> bool {
    p.warranty.as_deref().is_none_or(|w| w.to_lowercase().starts_with("no "))
}

fn dimension(p: &Product, side: &str) -> Option<String> {
    p.attributes.get("dimensions")?.get(side)?.as_f64().map(number)
}

/// A catalog duration ("3 year warranty", "1 Month Warranty", "Lifetime warranty") as the
/// templates' language writes it ("3 ans", "1 mois", "garantie à vie"); `None` for any other
/// value, which is shown as the catalog has it.
fn duration(t: &FactTemplates, value: &str) -> Option<String> {
    let words: Vec<String> = value.split_whitespace().map(str::to_lowercase).collect();
    if words.first().is_some_and(|w| w == "lifetime") {
        return Some(t.lifetime.clone());
    }
    let [n, unit, ..] = &words[..] else { return None };
    let n: u32 = n.parse().ok()?;
    let template = match (unit.trim_end_matches('s'), n == 1) {
        ("day", true) => &t.duration_day,
        ("day", false) => &t.duration_days,
        ("week", true) => &t.duration_week,
        ("week", false) => &t.duration_weeks,
        ("month", true) => &t.duration_month,
        ("month", false) => &t.duration_months,
        ("year", true) => &t.duration_year,
        ("year", false) => &t.duration_years,
        _ => return None,
    };
    Some(fill(template, &[("n", &n.to_string())]))
}

/// The placeholders a product fills: its own values, nothing else. In another language a
/// warranty's duration is written in it; English keeps the catalog's words.
fn values(p: &Product, t: &FactTemplates) -> Vec<(&'static str, String)> {
    let warranty = (p.warranty.as_deref())
        .filter(|_| t.lang != Language::En)
        .and_then(|w| duration(t, w))
        .unwrap_or_else(|| lower(&p.warranty));
    let mut v = vec![
        ("title", p.title.clone()),
        ("price", p.price_in(t.lang)),
        ("stock", p.stock.to_string()),
        ("warranty", warranty),
        ("shipping", lower(&p.shipping)),
        ("ships", lower(&p.shipping).trim_start_matches("ships ").to_string()),
        ("returns", lower(&p.return_policy)),
        ("rating", p.rating.map(|r| number(f64::from(r))).unwrap_or_default()),
        ("brand", p.brand.clone().unwrap_or_default()),
    ];
    if let Some(d) = return_days(p) {
        v.push(("days", d.to_string()));
    }
    for side in ["width", "height", "depth"] {
        v.push((side, dimension(p, side).unwrap_or_default()));
    }
    if let Some(w) = p.attributes.get("weight").and_then(|w| w.as_f64()) {
        v.push(("weight", number(w)));
    }
    if let Some(q) = p.attributes.get("minimumOrderQuantity").and_then(|q| q.as_i64()) {
        v.push(("quantity", q.to_string()));
    }
    v
}

fn render(t: &FactTemplates, template: &str, p: &Product, extra: &[(&str, String)]) -> String {
    let mut v = values(p, t);
    v.extend(extra.iter().map(|(k, x)| (*k, x.clone())));
    let pairs: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
    fill(template, &pairs)
}

/// One sentence with one fact of one product; a fact the catalog lacks is said to be missing.
pub fn fact_sentence(t: &FactTemplates, p: &Product, attr: Attr) -> String {
    let missing = |what: &String| render(t, &t.unknown, p, &[("what", what.clone())]);
    match attr {
        Attr::Price => render(t, &t.price, p, &[]),
        Attr::Stock if p.in_stock() => render(t, &t.stock_in, p, &[]),
        Attr::Stock => render(t, &t.stock_out, p, &[]),
        Attr::Warranty if p.warranty.is_none() => missing(&t.missing_warranty),
        Attr::Warranty if no_warranty(p) => render(t, &t.warranty_none, p, &[]),
        Attr::Warranty => render(t, &t.warranty, p, &[]),
        Attr::Shipping if p.shipping.is_none() => missing(&t.missing_shipping),
        Attr::Shipping => render(t, &t.shipping, p, &[]),
        Attr::Returns if p.return_policy.is_none() => missing(&t.missing_returns),
        Attr::Returns if not_returnable(p) => render(t, &t.returns_none, p, &[]),
        Attr::Returns if return_days(p).is_some() => render(t, &t.returns, p, &[]),
        Attr::Returns => render(t, &t.returns_other, p, &[]),
        Attr::Rating if p.rating.is_none() => missing(&t.missing_rating),
        Attr::Rating => render(t, &t.rating, p, &[]),
        Attr::Brand if p.brand.is_none() => missing(&t.missing_brand),
        Attr::Brand => render(t, &t.brand, p, &[]),
        Attr::Dimensions if dimension(p, "width").is_none() => missing(&t.missing_dimensions),
        Attr::Dimensions => render(t, &t.dimensions, p, &[]),
        Attr::Weight if p.attributes.get("weight").is_none() => missing(&t.missing_weight),
        Attr::Weight => render(t, &t.weight, p, &[]),
        Attr::MinimumOrder if p.attributes.get("minimumOrderQuantity").is_none() => missing(&t.missing_minimum_order),
        Attr::MinimumOrder => render(t, &t.minimum_order, p, &[]),
    }
}

/// A constraint as words after the group's name: " under $400", " in stock".
/// `currency` is the group's: a shopper's "under 400" is read in the currency the products are in.
fn constraint(t: &FactTemplates, f: &Filters, currency: &str) -> String {
    let show = |m: Money| m.show(currency, t.lang);
    let mut s = match (f.min_price, f.max_price) {
        (Some(lo), Some(hi)) => fill(&t.between, &[("low", &show(lo)), ("high", &show(hi))]),
        (None, Some(hi)) => fill(&t.under, &[("price", &show(hi))]),
        (Some(lo), None) => fill(&t.over, &[("price", &show(lo))]),
        (None, None) => String::new(),
    };
    if f.in_stock {
        s.push_str(&t.in_stock);
    }
    if let Some(r) = f.min_rating {
        s.push_str(&fill(&t.min_rating, &[("rating", &number(f64::from(r)))]));
    }
    s
}

fn admits(f: &Filters, p: &Product) -> bool {
    f.min_price.is_none_or(|m| p.price >= m)
        && f.max_price.is_none_or(|m| p.price <= m)
        && (!f.in_stock || p.in_stock())
        && f.min_rating.is_none_or(|r| p.rating.unwrap_or(0.0) >= r)
}

fn rating(p: &Product) -> f32 {
    p.rating.unwrap_or(0.0)
}

/// The currency a group of products is priced in (a catalog has one; the first product's).
fn currency_of<'a>(group: &[&'a Product]) -> &'a str {
    group.first().map_or("USD", |p| p.currency.as_str())
}

/// The group ranked: the first is the answer. Ties go to the better rated, then the title.
fn ranked(mut group: Vec<&Product>, rank: Rank) -> Vec<&Product> {
    group.sort_by(|a, b| {
        let order = match rank {
            Rank::Cheapest => a.price.cmp(&b.price),
            Rank::Dearest => b.price.cmp(&a.price),
            Rank::BestRated => rating(b).total_cmp(&rating(a)),
            Rank::WorstRated => rating(a).total_cmp(&rating(b)),
        };
        order.then(rating(b).total_cmp(&rating(a))).then(a.title.cmp(&b.title))
    });
    group
}

fn superlative(t: &FactTemplates, ask: &Ask, rank: Rank, group: Vec<&Product>, name: &str) -> Option<Answer> {
    let group: Vec<&Product> = group.into_iter().filter(|p| admits(&ask.filters, p)).collect();
    let cons = constraint(t, &ask.filters, currency_of(&group));
    let Some(first) = ranked(group.clone(), rank).first().copied() else {
        let text = fill(&t.list_none, &[("group", name), ("constraint", &cons)]);
        return Some(Answer { text, products: Vec::new() });
    };
    let template = match rank {
        Rank::Cheapest => &t.cheapest,
        Rank::Dearest => &t.dearest,
        Rank::BestRated => &t.best_rated,
        Rank::WorstRated => &t.worst_rated,
    };
    let ordered = ranked(group, rank);
    let mut text = render(t, template, first, &[("group", name.to_string()), ("constraint", cons)]);
    let others: Vec<String> = ordered[1..]
        .iter()
        .take(2)
        .map(|p| match rank {
            Rank::Cheapest | Rank::Dearest => render(t, &t.runner_up, p, &[("value", p.price_in(t.lang))]),
            Rank::BestRated | Rank::WorstRated => {
                render(t, &t.runner_up, p, &[("value", format!("{}/5", number(f64::from(rating(p)))))])
            }
        })
        .collect();
    if !others.is_empty() {
        text.push(' ');
        text.push_str(&fill(&t.runners_up, &[("others", &others.join(", "))]));
    }
    Some(Answer { text, products: ordered.into_iter().take(3).cloned().collect() })
}

fn list(t: &FactTemplates, ask: &Ask, group: Vec<&Product>, name: &str) -> Answer {
    let cons = constraint(t, &ask.filters, currency_of(&group));
    let all = group.len();
    let matching: Vec<&Product> =
        ranked(group.iter().copied().filter(|p| admits(&ask.filters, p)).collect(), Rank::BestRated);
    if matching.is_empty() {
        let mut text = fill(&t.list_none, &[("group", name), ("constraint", &cons)]);
        // The nearest miss: the cheapest when there was a ceiling, else the best rated.
        let rank = if ask.filters.max_price.is_some() { Rank::Cheapest } else { Rank::BestRated };
        let closest = (all > 0).then(|| ranked(group, rank)[0]);
        if let Some(p) = closest {
            text.push(' ');
            text.push_str(&render(t, &t.list_closest, p, &[]));
        }
        return Answer { text, products: closest.into_iter().cloned().collect() };
    }
    let count = matching.len().to_string();
    let mut text = fill(&t.list, &[("count", &count), ("group", name), ("constraint", &cons)]);
    for p in matching.iter().take(MAX_LISTED) {
        text.push('\n');
        text.push_str(&render(t, &t.list_item, p, &[]));
    }
    Answer { text, products: matching.into_iter().take(MAX_LISTED).cloned().collect() }
}

fn compare(t: &FactTemplates, ask: &Ask, products: &[&Product]) -> Answer {
    let mut attrs: Vec<Attr> = ask.attrs.iter().copied().filter(|a| *a != Attr::Price).collect();
    if attrs.is_empty() {
        attrs = vec![Attr::Rating, Attr::Stock];
    }
    let mut lines = Vec::new();
    for p in products {
        let mut facts = vec![render(t, &t.fact_price, p, &[])];
        for a in &attrs {
            let f = match a {
                Attr::Rating if p.rating.is_some() => render(t, &t.fact_rating, p, &[]),
                Attr::Stock if p.in_stock() => render(t, &t.fact_stock_in, p, &[]),
                Attr::Stock => render(t, &t.fact_stock_out, p, &[]),
                Attr::Warranty => render(t, &t.fact_warranty, p, &[]),
                Attr::Shipping => render(t, &t.fact_shipping, p, &[]),
                Attr::Returns => render(t, &t.fact_returns, p, &[]),
                Attr::Brand if p.brand.is_some() => render(t, &t.fact_brand, p, &[]),
                _ => continue,
            };
            if !f.trim().is_empty() {
                facts.push(f);
            }
        }
        lines.push(render(t, &t.compare_item, p, &[("facts", facts.join(" · "))]));
    }
    let cheapest = ranked(products.to_vec(), Rank::Cheapest);
    let (low, next) = (cheapest[0], cheapest[1]);
    lines.push(match next.price.0 - low.price.0 {
        0 => t.compare_same_price.clone(),
        d => render(t, &t.compare_cheaper, low, &[("difference", Money(d).show(&low.currency, t.lang))]),
    });
    let best = ranked(products.to_vec(), Rank::BestRated);
    if ask.attrs.contains(&Attr::Rating) && rating(best[0]) > rating(best[1]) {
        lines.push(render(t, &t.compare_better, best[0], &[]));
    }
    Answer { text: lines.join("\n"), products: products.iter().map(|p| (*p).clone()).collect() }
}

/// Openings of a follow-up that carries on about the same products: "and the warranty?"
const CARRY_ON: &[&str] = &["and", "what about", "how about", "also", "plus", "same for"];
/// The most words of a question that asks a product's attribute and nothing else.
const BARE_WORDS: usize = 5;

/// Words that make a question one of the shop's ways, not of a product: "your", "policy",
/// "usually".
#[rustfmt::skip]
const OF_THE_SHOP: &[&str] = &["your", "policy", "policies", "usually", "generally", "general", "normally",
    "typically", "always", "all", "every", "any", "anything", "items", "orders", "products", "things", "stuff"];

fn of_the_shop(lower: &str) -> bool {
    lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).any(|w| OF_THE_SHOP.contains(&w))
}

/// The products a message is about: those it names, else those of the previous answer it points
/// at ("it", "they", "the second one") or carries on about ("and the warranty?").
fn meant<'a>(ask: &Ask, named: Vec<&'a Product>, earlier: &'a [Product], text: &str) -> Vec<&'a Product> {
    if !named.is_empty() {
        return named;
    }
    let lower = text.trim().to_lowercase();
    let carries_on = CARRY_ON.iter().any(|c| lower.strip_prefix(c).is_some_and(|r| r.starts_with([' ', ','])));
    // "What is the price?", "how long to ship?" right after a product was shown: about that
    // product; a question of the shop's ways ("what's your returns policy?", "how long does
    // shipping usually take?") is the policy's.
    let bare = !ask.attrs.is_empty()
        && (ask.attrs.iter().all(|a| !a.is_policy()) || !of_the_shop(&lower))
        && ask.rank.is_none()
        && !ask.filtered()
        && lower.split_whitespace().count() <= BARE_WORDS;
    if !(ask.points_back || carries_on || bare) || !pointing::about_shown(ask, earlier) {
        return Vec::new();
    }
    pointing::by_ordinal(ask.ordinal, earlier, MAX_LISTED)
}

/// The catalog's answer to a message, when it is a question the catalog answers by itself.
pub fn answer(t: &FactTemplates, text: &str, ask: &Ask, catalog: &CatalogWords, earlier: &[Product]) -> Option<Answer> {
    // Shipping abroad, a problem with an item and the costs of delivery or a return are the
    // policies' questions.
    if ask.abroad || ask.problem.is_some() || ask.terms.is_some_and(|t| !t.with_facts()) {
        return None;
    }
    // The group the message names (a scan of the catalog), found once and only when it is used.
    let group = if !earlier.is_empty() || ask.rank.is_some() || ask.filtered() { catalog.group(ask) } else { None };
    // "Is that tablet in stock?" after a phone was shown names another kind of product: it does
    // not point back at the phone.
    let other_kind = group.as_ref().is_some_and(|(group, words)| {
        !words.is_empty() && !earlier.iter().any(|e| group.iter().any(|p| p.sku == e.sku))
    });
    let earlier = if other_kind { &[][..] } else { earlier };
    // The products meant (at most `MAX_LISTED`), as their cards show them, and as the answer
    // names them.
    let cards: Vec<Product> =
        catalog.of_the_kind_said(meant(ask, catalog.named(ask), earlier, text), ask).into_iter().cloned().collect();
    let named = told_apart(t, &cards);
    let products: Vec<&Product> = named.iter().collect();
    if compares(ask, &cards) {
        return Some(Answer { products: cards, ..compare(t, ask, &products) });
    }
    if let Some(rank) = ask.rank {
        let (group, words) = group?;
        let name = if words.is_empty() { t.any_product.clone() } else { words.join(" ") };
        return superlative(t, ask, rank, group, &name);
    }
    if ask.filtered()
        && products.is_empty()
        && let Some((group, words)) = group
    {
        let name = if words.is_empty() { t.any_product.clone() } else { words.join(" ") };
        return Some(list(t, ask, group, &name));
    }
    // One product, or those of one title (each told apart).
    if ask.overview && !cards.is_empty() && cards.iter().all(|p| p.title == cards[0].title) {
        let text = products.iter().map(|p| overview(t, p)).collect::<Vec<_>>().join("\n\n");
        return Some(Answer { text, products: cards });
    }
    // "Is the iPhone X under $1000?", "is it rated over 4?": a product's own value against a
    // limit is that value ("something like it under $200" asks for other products).
    let attrs = if ask.attrs.is_empty() && !ask.asks_for_others() { limited(&ask.filters) } else { ask.attrs.clone() };
    if products.is_empty() || (attrs.is_empty() && ask.claimed.is_empty()) {
        return None;
    }
    let mut sentences = Vec::new();
    for p in &products {
        // When it would ship says nothing of a product out of stock: that comes first.
        if attrs.contains(&Attr::Shipping) && !attrs.contains(&Attr::Stock) && !p.in_stock() {
            sentences.push(fact_sentence(t, p, Attr::Stock));
        }
        for attr in &attrs {
            // "What size is the T-shirt?" asks its fit, which the catalog does not hold.
            if *attr == Attr::Dimensions && ask.sized && worn(p) {
                continue;
            }
            let sentence = match (attr, ask.claimed.first()) {
                (Attr::Price, Some(claimed)) if *claimed != p.price => {
                    render(t, &t.premise_wrong, p, &[("claimed", claimed.show(&p.currency, t.lang))])
                }
                (Attr::Price, Some(_)) => render(t, &t.premise_right, p, &[]),
                _ => fact_sentence(t, p, *attr),
            };
            sentences.push(sentence);
        }
    }
    if sentences.is_empty() {
        return None;
    }
    Some(Answer { text: sentences.join(" "), products: cards })
}

/// The facts a product's own value is held against in `f` ("under $1000" its price).
fn limited(f: &Filters) -> Vec<Attr> {
    let mut attrs = Vec::new();
    if f.min_price.is_some() || f.max_price.is_some() {
        attrs.push(Attr::Price);
    }
    if f.min_rating.is_some() {
        attrs.push(Attr::Rating);
    }
    if f.in_stock {
        attrs.push(Attr::Stock);
    }
    attrs
}

/// Whether the message compares `products`: of two titles or more ("the Realme XT or the Oppo
/// K1?"). Products of one title are not compared with each other: "now it's cheaper" of the Rolex
/// Cellini Moonphase is about the one bought.
pub fn compares<'a>(ask: &Ask, products: impl IntoIterator<Item = &'a Product>) -> bool {
    ask.compare && products.into_iter().map(|p| p.title.as_str()).collect::<HashSet<_>>().len() >= 2
}

/// The products as an answer names them: one whose title another of them shares is told apart by
/// its category ("Rolex Cellini Moonphase (womens watches)").
fn told_apart(t: &FactTemplates, products: &[Product]) -> Vec<Product> {
    let shared = |p: &Product| products.iter().any(|q| q.sku != p.sku && q.title == p.title);
    products
        .iter()
        .map(|p| {
            let mut named = p.clone();
            if shared(p) {
                named.title = fill(&t.told_apart, &[("title", &p.title), ("kind", &p.category.replace('-', " "))]);
            }
            named
        })
        .collect()
}

/// A product as a whole, from its fields: its description (in the catalog's language, so only
/// for an answer in it), price, stock and rating.
fn overview(t: &FactTemplates, p: &Product) -> String {
    let mut sentences = Vec::new();
    if t.lang == Language::En && !p.description.trim().is_empty() {
        sentences.push(p.description.trim().to_string());
    }
    let attrs = [Attr::Price, Attr::Stock, Attr::Rating];
    sentences
        .extend(attrs.iter().filter(|a| **a != Attr::Rating || p.rating.is_some()).map(|a| fact_sentence(t, p, *a)));
    sentences.join(" ")
}

/// The words of a category or tag for what is worn, whose "size" is its fit: a T-shirt's size is
/// M, not the measurements of its parcel.
#[rustfmt::skip]
const WORN: &[&str] = &["shirt", "shirts", "top", "tops", "dress", "dresses", "skirt", "skirts", "clothing",
    "apparel", "fashion", "shoe", "shoes", "sneaker", "sneakers", "boot", "boots", "sandal", "sandals", "jewellery",
    "jewelry", "ring", "rings", "earring", "earrings", "watch", "watches", "sunglasses", "jacket", "jackets", "coat",
    "coats", "trousers", "jeans", "socks", "hat", "hats", "glove", "gloves"];

/// Whether a product is worn (`WORN`), by its category's or a tag's words.
fn worn(p: &Product) -> bool {
    let words = format!("{} {}", p.category, p.tags.join(" ")).to_lowercase();
    words.split(|c: char| !c.is_alphanumeric()).any(|w| WORN.contains(&w))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::prompts::Prompts;

    /// The demo catalog, as the importer would keep it.
    pub fn demo_catalog() -> Vec<Product> {
        let raw: Vec<serde_json::Value> = serde_json::from_str(include_str!("../../knowledge/catalog/products.json"))
            .expect("the test data is valid");
        raw.into_iter()
            .map(|p| {
                let attributes = serde_json::json!({
                    "weight": p["weight"], "dimensions": p["dimensions"],
                    "minimumOrderQuantity": p["minimumOrderQuantity"],
                });
                serde_json::from_value(serde_json::json!({
                    "sku": p["sku"], "title": p["title"], "description": p["description"], "brand": p["brand"],
                    "category": p["category"], "tags": p["tags"], "price": p["price"], "currency": "USD",
                    "stock": p["stock"], "rating": p["rating"], "warranty": p["warrantyInformation"],
                    "shipping": p["shippingInformation"], "return_policy": p["returnPolicy"], "attributes": attributes,
                }))
                .expect("the test data is valid")
            })
            .collect()
    }

    fn ask(text: &str, earlier: &[Product]) -> Option<Answer> {
        let prompts = Prompts::load("Demo", 80).expect("the test data is valid");
        let catalog = demo_catalog();
        let words = CatalogWords::new(catalog.iter());
        // As the planner reads it: without the names of the products it names.
        let names: Vec<&str> = catalog.iter().map(|p| p.title.as_str()).filter(|t| text.contains(t)).collect();
        answer(&prompts.texts(Language::En).facts, text, &Ask::parse_with(text, None, &names), &words, earlier)
    }

    fn by_title(title: &str) -> Product {
        demo_catalog().into_iter().find(|p| p.title == title).expect("the test data is valid")
    }

    /// "Do you stock the Sports Sneakers Off White Red?" was answered for the Sports Sneakers Off
    /// White & Red, whose title has the same words: the title as written names the product.
    #[test]
    fn of_two_titles_with_the_same_words_the_one_written_is_named() {
        for title in ["Sports Sneakers Off White Red", "Sports Sneakers Off White & Red"] {
            let a = ask(&format!("How much are the {title}?"), &[]).expect("an answer");
            let price = by_title(title).price.to_string();
            assert!(a.text.contains(&price), "{title}: {}", a.text);
        }
    }

    #[test]
    fn a_products_facts_come_from_its_own_fields() {
        let a =
            ask("How long is the warranty on the Beats Flex Wireless Earphones?", &[]).expect("the test data is valid");
        let p = by_title("Beats Flex Wireless Earphones");
        assert!(a.text.contains(&p.warranty.clone().expect("the test data is valid").to_lowercase()), "{}", a.text);
        let a =
            ask("can I send it back?", &[by_title("Essence Mascara Lash Princess")]).expect("the test data is valid");
        assert!(a.text.contains("cannot be returned"), "{}", a.text);
        let a = ask("How much are they?", &[by_title("iPhone X")]).expect("the test data is valid");
        assert!(a.text.contains("$899.99"), "{}", a.text);
        // A bare question about a product's own attribute or terms is about the product just
        // shown; one about the shop's ways is the policy's.
        let a = ask("What is the price?", &[by_title("Oppo K1")]).expect("the test data is valid");
        assert!(a.text.contains("$299.99"), "{}", a.text);
        let oppo = by_title("Oppo K1");
        for q in ["How long does shipping take?", "how long to ship?", "what's the guarantee?"] {
            let a = ask(q, std::slice::from_ref(&oppo)).unwrap_or_else(|| panic!("{q}: no answer"));
            assert!(a.products.iter().any(|p| p.sku == oppo.sku), "{q}: {}", a.text);
        }
        for q in ["How long does shipping usually take?", "what's your warranty policy?", "can all items be returned?"]
        {
            assert!(ask(q, &[by_title("Oppo K1")]).is_none(), "{q}");
        }
    }

    /// "What's its price?" after the Rolex Cellini Moonphase was shown got the men's watch's price
    /// alone: the catalog also sells a women's watch of that name, at another price.
    #[test]
    fn products_sharing_a_title_are_each_answered_and_told_apart() {
        let (men, women) = ("$12,999.99", "$15,999.99");
        let a = ask("How much is the Rolex Cellini Moonphase?", &[]).expect("an answer");
        assert!(a.text.contains(men) && a.text.contains(women), "{}", a.text);
        assert!(a.text.contains("(mens watches)") && a.text.contains("(womens watches)"), "{}", a.text);
        assert_eq!(a.products.len(), 2);
        assert!(a.products.iter().all(|p| p.title == "Rolex Cellini Moonphase"), "the cards keep the catalog's title");
        let a = ask("Tell me about the Rolex Cellini Moonphase", &[]).expect("an answer");
        assert!(a.text.contains(men) && a.text.contains(women), "{}", a.text);
        let a = ask("what's its price?", &a.products).expect("an answer");
        assert!(a.text.contains(men) && a.text.contains(women), "{}", a.text);
        let b = ask("and the women's one, how long is its warranty?", &a.products).expect("an answer");
        assert!(b.text.contains("1 month") && !b.text.contains("6 months"), "{}", b.text);
        // Nor are they compared with each other: the shopper means the one they bought.
        let a = ask("I bought the Rolex Cellini Moonphase last week and now it's cheaper", &[]);
        assert!(a.is_none_or(|a| !a.text.contains("·")), "not a comparison");
        // The shopper who names the kind gets that one.
        let a = ask("How much is the women's Rolex Cellini Moonphase?", &[]).expect("an answer");
        assert!(a.text.contains(women) && !a.text.contains(men), "{}", a.text);
    }

    /// "Is the iPhone X under $1000?" went to the model, and "when will the Samsung Galaxy S8 be
    /// back?" was told it ships in a week: it is out of stock.
    #[test]
    fn a_value_against_a_limit_is_the_value_and_an_item_out_of_stock_says_so_before_its_shipping() {
        let a = ask("Is the iPhone X under $1000?", &[]).expect("an answer");
        assert!(a.text.contains("$899.99"), "{}", a.text);
        let a = ask("Is the Oppo K1 rated 4 stars or more?", &[]).expect("an answer");
        assert!(a.text.contains("4.25"), "{}", a.text);
        for q in ["When will the Samsung Galaxy S8 be back?", "How soon would the Samsung Galaxy S8 ship?"] {
            let a = ask(q, &[]).expect("an answer");
            assert!(a.text.starts_with("We have none of the Samsung Galaxy S8"), "{q}: {}", a.text);
        }
        for q in ["Do you have something like the Oppo K1 under $200?", "any alternative to the Oppo K1 below $250?"] {
            assert!(ask(q, &[]).is_none_or(|a| !a.text.contains("The price of the Oppo K1")), "{q}");
        }
        let a = ask("How soon would the Oppo K1 ship?", &[]).expect("an answer");
        assert!(!a.text.contains("stock"), "in stock, shipping alone: {}", a.text);
    }

    /// "How much RAM does the Samsung Galaxy S7 have?" was answered with its price.
    #[test]
    fn how_much_of_something_a_product_has_is_not_its_price() {
        for q in ["How much RAM does the Samsung Galaxy S7 have?", "how much storage has the Samsung Galaxy S7"] {
            assert!(ask(q, &[]).is_none(), "{q}");
        }
        for q in [
            "How much is the Samsung Galaxy S7?",
            "How much does the Samsung Galaxy S7 cost?",
            "how much for the Samsung Galaxy S7",
        ] {
            let a = ask(q, &[]).unwrap_or_else(|| panic!("{q}: no answer"));
            assert!(a.text.contains("$299.99"), "{q}: {}", a.text);
        }
    }

    /// "What is the heel height of the Calvin Klein Heel Shoes?" and "What size is the Gigabyte
    /// Aorus Men Tshirt?" were answered with the measurements of the parcel: a part's measure and
    /// the fit of what is worn are not the product's dimensions.
    #[test]
    fn a_parts_measure_or_the_fit_of_what_is_worn_is_not_the_products_dimensions() {
        for q in [
            "What is the heel height of the Calvin Klein Heel Shoes?",
            "What is the head size of the Tennis Racket?",
            "How big is the screen on the Vivo X21?",
            "What size is the Gigabyte Aorus Men Tshirt?",
            "which size is the Gray Dress",
            "How deep can I dive with the Rolex Submariner Watch?",
        ] {
            assert!(ask(q, &[]).is_none(), "{q}");
        }
        for q in [
            "What are the dimensions of the Gray Dress?",
            "What size is the Table Lamp?",
            "What is the height of the Table Lamp?",
            "How big is the Calvin Klein Heel Shoes box?",
            "What's the Table Lamp's height and width?",
            "How big is the Vivo X21?",
            "How tall does the Table Lamp stand?",
        ] {
            let a = ask(q, &[]).unwrap_or_else(|| panic!("{q}: no answer"));
            assert!(a.text.contains("cm"), "{q}: {}", a.text);
        }
    }

    /// A shop's own term that holds a product's one-word name ("Apple Pay", "water damage")
    /// names the term, not the product: the catalog does not answer with the Apple's price.
    #[test]
    fn a_shop_term_holding_a_products_name_does_not_name_the_product() {
        assert!(ask("Can I settle the bill with Apple Pay?", &[]).is_none());
        assert!(ask("do you take apple pay or google pay?", &[]).is_none());
        assert!(ask("Is water damage covered by the warranty?", &[]).is_none());
        assert!(ask("How much is the apple?", &[]).is_some_and(|a| a.text.contains("$1.99")));
    }

    /// "It arrived cracked" reports a problem: the product's shipping time is no answer to it.
    #[test]
    fn a_problem_with_an_item_is_not_answered_with_its_facts() {
        assert!(ask("My Table Lamp arrived with the shade torn.", &[]).is_none());
        assert!(ask("it came broken, can I send it back?", &[by_title("Table Lamp")]).is_none());
        assert!(ask("When will the Table Lamp arrive?", &[]).is_some());
    }

    /// "In stock" beside a product's whole name asks its stock; it lists no group.
    #[test]
    fn a_product_named_whole_is_asked_about_even_beside_a_constraint() {
        let answer = ask("Is the Sportbike Motorcycle back in stock yet?", &[]).expect("an answer");
        assert_eq!(answer.products.len(), 1, "{}", answer.text);
        assert!(
            answer.text.contains("Sportbike Motorcycle") && answer.text.contains("out of stock"),
            "{}",
            answer.text
        );
        // What it costs to deliver a product is the shipping policy's question, not its price.
        assert!(ask("What would delivery of the Annibale Colombo Bed cost?", &[]).is_none());
    }

    /// A fact the catalog lacks is named in the shopper's language, not in English.
    #[test]
    fn a_missing_fact_is_named_in_the_shoppers_language() {
        let prompts = Prompts::load("Demo", 80).expect("the test data is valid");
        let mut p = by_title("iPhone X");
        p.warranty = None;
        let said = |lang| fact_sentence(&prompts.texts(lang).facts, &p, Attr::Warranty);
        assert_eq!(said(Language::En), "Our catalog does not list the warranty of the iPhone X.");
        assert_eq!(said(Language::Es), "Nuestro catálogo no indica la garantía del iPhone X.");
        assert!(said(Language::Ja).contains("保証"), "{}", said(Language::Ja));
    }

    /// A warranty's duration is written in the shopper's language, and a return window is said
    /// once, in it (not again in the catalog's English words).
    #[test]
    fn catalog_durations_are_written_in_the_shoppers_language() {
        let prompts = Prompts::load("Demo", 80).expect("the test data is valid");
        let mut p = by_title("iPhone X");
        p.warranty = Some("3 year warranty".into());
        p.return_policy = Some("30 days return policy".into());
        let said = |lang, attr, p: &Product| fact_sentence(&prompts.texts(lang).facts, p, attr);
        assert_eq!(said(Language::Fr, Attr::Warranty, &p), "La garantie du iPhone X : 3 ans.");
        assert_eq!(said(Language::De, Attr::Warranty, &p), "Die Garantie für iPhone X: 3 Jahre.");
        assert_eq!(said(Language::Fr, Attr::Returns, &p), "Vous pouvez retourner le iPhone X sous 30 jours.");
        assert_eq!(said(Language::En, Attr::Warranty, &p), "The warranty on the iPhone X is a 3 year warranty.");
        p.warranty = Some("1 month warranty".into());
        assert_eq!(said(Language::Es, Attr::Warranty, &p), "La garantía del iPhone X es: 1 mes.");
        assert_eq!(said(Language::Zh, Attr::Warranty, &p), "iPhone X 的保修：1个月。");
        p.warranty = Some("Lifetime warranty".into());
        assert_eq!(said(Language::Fr, Attr::Warranty, &p), "La garantie du iPhone X : garantie à vie.");
        assert_eq!(said(Language::De, Attr::Warranty, &p), "Die Garantie für iPhone X: lebenslange Garantie.");
        assert_eq!(said(Language::En, Attr::Warranty, &p), "The warranty on the iPhone X is a lifetime warranty.");
    }

    #[test]
    fn superlatives_and_lists_are_sorted_by_the_catalog() {
        let phones: Vec<Product> = demo_catalog().into_iter().filter(|p| p.category == "smartphones").collect();
        let cheapest = phones.iter().min_by_key(|p| p.price).expect("the test data is valid");
        let a = ask("what's the cheapest smartphone you have?", &[]).expect("the test data is valid");
        assert!(a.text.contains(&cheapest.title), "{}", a.text);
        let a = ask("any tablets under $400?", &[]).expect("the test data is valid");
        assert!(
            !a.products.is_empty() && a.products.iter().all(|p| p.category == "tablets" && p.price <= Money(40_000)),
            "{}",
            a.text
        );
        let a = ask("laptops below 1200 dollars", &[]).expect("the test data is valid");
        assert!(!a.products.is_empty() && a.products.iter().all(|p| p.category == "laptops"), "{}", a.text);
    }

    #[test]
    fn a_wrong_price_is_corrected_and_advice_is_left_to_the_model() {
        let a = ask("The iPhone X was $199 on your site yesterday, can I still get it for that?", &[])
            .expect("the test data is valid");
        assert!(a.text.contains("$899.99") && a.text.contains("not $199.00"), "{}", a.text);
        assert!(
            ask("Is the Knoll Saarinen Executive Conference Chair good for a person with back pain?", &[]).is_none()
        );
        assert!(ask("how long does shipping usually take?", &[]).is_none());
    }

    #[test]
    fn two_named_products_are_compared() {
        let a = ask("which is cheaper, the iPhone X or the iPhone 6?", &[]).expect("the test data is valid");
        assert_eq!(a.products.len(), 2, "{}", a.text);
        assert!(a.text.contains("cheaper by"), "{}", a.text);
    }

    #[test]
    fn a_follow_up_naming_something_not_shown_is_not_answered_about_what_was_shown() {
        let laptop = by_title("New DELL XPS 13 9300 Laptop");
        let shown = std::slice::from_ref(&laptop);
        let about_laptop =
            |text: &str| ask(text, shown).is_some_and(|a| a.products.iter().any(|p| p.sku == laptop.sku));
        // Pointing at what was shown, in many words, is answered about it.
        for text in [
            "Is that in stock?",
            "Is that one in stock?",
            "Is that laptop in stock?",
            "How much is it?",
            "and the warranty?",
            "What is the price?",
            "Is this still available?",
            "Does that come with a warranty?",
            "is the dell in stock?",
        ] {
            assert!(about_laptop(text), "{text}");
        }
        // Naming something no product shown is, whether the catalog sells it or not, is not.
        for text in [
            "Is that astronomical telescope in stock?",
            "How much is that telescope?",
            "Is the telescope in stock?",
            "And the drone, what does that cost?",
            "What about the hammock's warranty?",
        ] {
            assert!(!about_laptop(text), "{text}: {:?}", ask(text, shown).map(|a| a.text));
        }
    }
}
