//! The question as a structured request: which catalog facts it asks for (price, stock, warranty,
//! ...), about which products (named, or meant from earlier turns), with which constraints,
//! superlative or comparison, and which amounts the shopper states as facts.
//!
//! Rules, because they are exact where it matters: a cue is a run of words, where `word*` is a
//! prefix and `_` any one word ("send _ back" is "send it back" and "send them back"). The cue
//! lists are measured on `tests/eval/answers-*.jsonl` (`aisle eval answers`).
use super::intent::words;
use crate::domain::{Filters, Money, Product, lift_constraints};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

mod problem;
mod terms;
pub use problem::Problem;
pub use terms::Terms;

/// A catalog fact a shopper can ask about one product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attr {
    Price,
    Stock,
    Warranty,
    Shipping,
    Returns,
    Rating,
    Brand,
    Dimensions,
    Weight,
    MinimumOrder,
}

impl Attr {
    /// Warranty, shipping and return terms: the product's own policies.
    pub fn is_policy(self) -> bool {
        matches!(self, Attr::Warranty | Attr::Shipping | Attr::Returns)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    Cheapest,
    Dearest,
    BestRated,
    WorstRated,
}

#[rustfmt::skip]
const ATTR_CUES: &[(Attr, &[&str])] = &[
    (Attr::Weight, &["weigh*", "how heavy", "heavy", "heaviness", "kilo", "kilos", "kilogram*", "kg", "lbs"]),
    (Attr::Dimensions, &["dimension*", "how big", "how large", "how tall", "how wide", "how deep", "how long is _ in",
        "size of", "measure*", "width", "height", "depth", "what size is", "fit in", "how much space", "take up",
        "takes up", "taking up", "footprint"]),
    (Attr::MinimumOrder, &["minimum order*", "minimum quantity", "min order", "moq", "how many _ have to",
        "how many _ need to buy", "how many _ must", "how many _ _ have to", "how many _ _ need to",
        "how many _ _ must", "at least how many", "order at least", "buy at least", "smallest order", "fewest",
        "order several", "buy several", "minimum purchase*", "min purchase*", "minimum amount", "minimum buy",
        "purchase at least", "least number", "smallest number", "one at a time", "individually"]),
    (Attr::Price, &["price*", "cost*", "how much", "expensive", "pricey", "afford*", "pay for", "sell _ for",
        "go for", "charge*", "dollars", "bucks", "going rate", "rate for", "charging for", "charging me",
        "you charging", "going for", "selling for", "selling _ for", "sells for", "retail for", "retails for", "asking price",
        "you asking", "they asking", "what's the damage", "whats the damage", "what is the damage", "the damage be",
        "set me back", "set you back", "what do i owe", "what would i owe", "what will i owe"]),
    (Attr::Stock, &["stock*", "in store", "availab*", "sold out", "any left", "have _ left", "how many _ left",
        "how many _ have", "can i buy", "can i get one", "can i order", "restock*", "back in", "you carry",
        "in your warehouse", "in the warehouse", "on the shel*", "on your shel*", "on shel*", "get hold of", "get my hands on", "still sell", "you still have", "ready to ship",
        "ready to send", "ready to go", "ready for dispatch", "ready to dispatch", "you run out", "you ran out",
        "you've run out", "are you out", "you out of", "all gone", "is it gone", "are they gone"]),
    (Attr::Warranty, &["warrant*", "guarantee*", "cover*", "coverage", "breaks", "break*", "broke*", "defect*",
        "repair*", "fault*", "stops working", "stop working"]),
    (Attr::Shipping, &["ship*", "deliver*", "arriv*", "get here", "get it", "get them", "get to me", "receive*",
        "dispatch*", "how soon", "how fast", "how quickly", "when _ get", "when will", "when would", "send out",
        "sent out", "postage", "wait for", "turnaround", "lead time", "how long until", "how long till",
        "how long before", "how long _ take"]),
    (Attr::Returns, &["return*", "refund*", "send _ back", "send back", "take _ back", "take back", "bring _ back",
        "give _ back", "give back", "hand _ back", "hand back", "money back", "exchange*", "change my mind",
        "don't like it", "don't want it", "doesn't fit", "not happy with", "returnable", "send it back",
        "sending _ back", "it go back", "they go back", "it goes back", "can _ go back", "could _ go back"]),
    (Attr::Rating, &["rating*", "rated", "review*", "stars", "star", "score*", "any good", "how good", "good is",
        "customers think", "people think", "people say", "well liked", "worth it", "recommend*", "rate the",
        "rate it", "rate them", "rate this", "rate that", "do people like", "do customers like", "do buyers like",
        "do shoppers like", "people happy with", "customers happy with", "buyers happy with"]),
    (Attr::Brand, &["brand*", "who makes", "who made", "made by", "manufactur*", "maker", "who produces",
        "what make", "which company", "produced by"]),
];

/// Buying one and no more: the fewest that may be ordered.
#[rustfmt::skip]
const ONE_ONLY: &[&str] = &["buy just one", "order just one", "get just one", "purchase just one", "buy only one",
    "order only one", "get only one", "purchase only one", "buy a single", "order a single", "get a single",
    "purchase a single", "buy one single", "order one single", "just the one"];

#[rustfmt::skip]
const RANK_CUES: &[(Rank, &[&str])] = &[
    (Rank::Cheapest, &["cost* the least", "cost* least", "pay the least", "priced lowest", "cheapest", "least expensive", "lowest price*", "lowest cost*", "most affordable",
        "lowest priced", "least costly", "cheapest one", "lowest-priced", "best price"]),
    (Rank::Dearest, &["cost* the most", "cost* most", "pay the most", "priced highest", "most expensive", "priciest", "highest price*", "dearest", "most costly", "highest priced",
        "costliest", "most pricey", "highest-priced", "top end", "top-end", "fanciest"]),
    (Rank::BestRated, &["best rated", "best-rated", "highest rated", "highest-rated", "top rated", "top-rated",
        "best reviewed", "best-reviewed", "highest rating", "best rating", "best reviews", "most liked",
        "best", "highest score*", "rate* highest", "rate* the highest", "rate* best", "rate* the best",
        "score* highest", "most highly rated", "most popular", "best loved", "best-loved", "most loved",
        "most stars", "highest stars"]),
    (Rank::WorstRated, &["worst rated", "worst-rated", "lowest rated", "lowest-rated", "worst reviewed",
        "lowest rating", "worst reviews", "worst", "rate* lowest", "rate* the lowest", "rate* worst",
        "rate* the worst", "score* lowest", "poorest", "weakest rat*", "least popular", "least liked",
        "least loved", "lowest scor*", "fewest stars"]),
];

/// Words of degree and what they rank: "the top rating", "the highest customer reviews", "the
/// steepest price". "Best" ranks prices from the cheapest ("the best price").
const RANK_DEGREES: &[(&[&str], &[&str], Rank)] = &[
    (&["top", "highest", "best", "greatest", "biggest", "strongest", "finest", "most"], RATED, Rank::BestRated),
    (&["lowest", "worst", "poorest", "fewest", "weakest", "bottom", "smallest"], RATED, Rank::WorstRated),
    (&["highest", "top", "biggest", "steepest", "largest"], PRICED, Rank::Dearest),
    (&["lowest", "best", "smallest", "keenest", "cheapest"], PRICED, Rank::Cheapest),
];
const RATED: &[&str] = &["rating*", "rated", "review*", "score*", "star", "stars", "mark", "marks", "feedback"];
const PRICED: &[&str] = &["price*", "priced", "cost*", "price-tag", "end"];
/// Words that may stand between a degree and what it ranks: "the highest customer rating".
#[rustfmt::skip]
const RANK_FILLER: &[&str] = &[
    "positive", "favourable", "favorable", "glowing", "good", "great", "customer", "customers", "user", "users",
    "buyer", "buyers", "shopper", "shoppers", "review", "overall", "average", "star", "possible", "ever", "of",
    "all",
];

/// Each degree word that ranks what follows it within a few filler words (`RANK_DEGREES`): its
/// place and the ranking ("top" in "the top rating" and "top rated", not in "which top is best").
fn degrees(w: &[String]) -> Vec<(usize, Rank)> {
    let is = |word: &str, list: &[&str]| list.iter().any(|c| part_matches(word, c));
    let mut found = Vec::new();
    for (i, x) in w.iter().enumerate() {
        let rest = &w[i + 1..];
        let skipped = rest.iter().take(2).take_while(|x| RANK_FILLER.contains(&x.as_str())).count();
        // "the most positive reviews", not "do most reviews say ...".
        let most_of_all = x != "most" || i.checked_sub(1).is_some_and(|j| w[j] == "the");
        let ranked = RANK_DEGREES.iter().find(|(degree, measures, _)| {
            degree.contains(&x.as_str()) && most_of_all && rest.get(skipped).is_some_and(|m| is(m, measures))
        });
        if let Some((_, _, rank)) = ranked {
            found.push((i, *rank));
        }
    }
    found
}

const COMPARE_CUES: &[&str] = &[
    "compare*",
    "comparison",
    "vs",
    "versus",
    "difference*",
    "differ",
    "which is cheaper",
    "which one is cheaper",
    "which is better",
    "which one is better",
    "cheaper",
    "more expensive",
    "better rated",
    "or the",
    "between the",
    "both",
];

/// Words that take a shipping question abroad, where the shop's policy answers it.
const ABROAD: &[&str] = &[
    "abroad",
    "international*",
    "overseas",
    "outside the country",
    "worldwide",
    "another country",
    "other countries",
    "customs",
    "foreign",
];

/// Words of sending something somewhere, beside the shipping cues: "can a perfume be sent to
/// Japan?", "can it go to Germany?".
const SENDING: &[&str] = &["send*", "sent", "post", "posted", "mail*", "go", "goes", "get", "order*", "buy"];

/// Words that mean "a product" without saying which: "the cheapest thing you sell".
const ANY_PRODUCT: &[&str] = &["product", "item", "thing", "anything", "something", "stuff", "article"];

/// Words that point back at products of the previous answer by themselves.
pub const PRONOUNS: &[&str] = &["it", "its", "it's", "they", "them", "their", "both"];
/// Words that point back at products of the previous answer.
const POINTERS: &[&str] =
    &["it", "its", "it's", "they", "them", "their", "those", "these", "that", "this", "both", "one"];
const ORDINALS: &[(&str, usize)] =
    &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("1st", 1), ("2nd", 2), ("3rd", 3)];

/// The shop's names for things that are not products, holding words of products' names: "Apple
/// Pay" names a way to pay, not the Apple; "water damage" a kind of harm, not the Water.
const SHOP_TERMS: &[&str] = &["apple pay", "google pay", "water damage*", "water resist*", "water proof"];

/// What a shopper might call a catalog group, in the catalog's own words.
const SYNONYMS: &[(&str, &str)] = &[
    ("mobile phone", "smartphone"),
    ("cell phone", "smartphone"),
    ("cellphone", "smartphone"),
    ("phone", "smartphone"),
    ("perfume", "fragrance"),
    ("scent", "fragrance"),
    ("cologne", "fragrance"),
    ("notebook", "laptop"),
    ("computer", "laptop"),
    ("ipad", "tablet"),
    ("car", "vehicle"),
    ("motorbike", "motorcycle"),
    ("bike", "motorcycle"),
    ("sneaker", "shoe"),
    ("trainer", "shoe"),
    ("footwear", "shoe"),
    ("food", "grocery"),
    ("jewelry", "jewellery"),
    ("skincare", "skin"),
    ("shade", "sunglass"),
    ("timepiece", "watch"),
    ("makeup", "beauty"),
    ("cosmetic", "beauty"),
    ("handbag", "bag"),
    ("purse", "bag"),
    ("tee", "top"),
];

/// Words too common to name a product or a group.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "for", "with", "in", "on", "to", "by", "&", "-", "de", "is", "are", "do",
    "does", "you", "your", "i", "me", "my", "we", "what", "which", "how", "have", "has", "sell", "much", "it", "one",
    "can", "any", "there", "this", "that", "be", "at", "from", "up", "s",
];

/// Words a question opens with: what follows asks, it does not report.
#[rustfmt::skip]
const QUESTION_OPENERS: &[&str] = &["does", "do", "did", "is", "are", "was", "were", "can", "could", "will", "would",
    "should", "what", "which", "how", "when", "where", "why", "who", "have", "has", "any", "may", "am", "shall"];

/// A parsed shopper message, before products are resolved against the catalog.
#[derive(Debug, Clone, Default)]
pub struct Ask {
    pub attrs: Vec<Attr>,
    pub rank: Option<Rank>,
    pub filters: Filters,
    pub compare: bool,
    /// Prices the shopper states ("it was $199 yesterday"), apart from constraints ("under $50").
    pub claimed: Vec<Money>,
    /// The message points back at earlier products ("it", "they", "the second one").
    pub points_back: bool,
    /// About another country ("abroad", "to Japan"): a shipping policy, not a product's ship time.
    pub abroad: bool,
    /// Reports something wrong with an item ("it arrived cracked"): the policies answer.
    pub problem: Option<Problem>,
    /// Asks the shop's terms for a product ("how do I pay for it?", "can I return it opened?"):
    /// its facts are said, then the policy.
    pub terms: Option<Terms>,
    /// Abroad only because a country is named ("delivered to Germany"), without a word for it.
    pub to_country: bool,
    pub ordinal: Option<usize>,
    /// The dimensions are asked only by the word "size" ("what size is the T-shirt?"): for a
    /// product that is worn, its fit, not its measurements.
    pub sized: bool,
    /// Asks to see or hear about a product and nothing of it in particular ("show me the Oppo
    /// K1", "tell me more about it", "do you sell the Kiwi?"): the catalog's overview answers.
    pub overview: bool,
    /// The message opens as a question ("does", "is", "how"...): it asks, it does not report.
    question: bool,
    /// The message's words, singular, with shoppers' names for groups mapped to the catalog's.
    words: Vec<String>,
    /// An attribute's cue was read as something else ("the heel height", "how much RAM", "a
    /// leather cover"): no attribute is asked, and none is read by examples either.
    set_aside: bool,
    /// The message as written, in lowercase: of two titles with the same words ("Off White Red",
    /// "Off White & Red"), the one written names the product.
    written: String,
}

/// `"watches"` → `"watch"`, `"groceries"` → `"grocery"`, `"shoes"` → `"shoe"`; short words stay.
pub fn singular(word: &str) -> String {
    let w = word.trim_matches('\'').trim_end_matches("'s").replace('\'', "");
    if w.len() <= 3 || w.ends_with("ss") {
        return w;
    }
    for (end, to) in [("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x")] {
        if let Some(stem) = w.strip_suffix(end) {
            return format!("{stem}{to}");
        }
    }
    w.strip_suffix('s').map_or(w.clone(), str::to_string)
}

/// Whether `cue` occurs in `w` as a run of words (`word*` a prefix, `_` any one word).
fn has_cue(w: &[String], cue: &str) -> bool {
    cue_at(w, cue).is_some()
}

/// Whether `word` is a cue's `part`: the word itself, a prefix with `*` ("rat*"), or any word (`_`).
fn part_matches(word: &str, part: &str) -> bool {
    match part.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => part == "_" || word == part,
    }
}

/// Where `cue` first occurs in `w`: (its first word, its length in words).
fn cue_at(w: &[String], cue: &str) -> Option<(usize, usize)> {
    let parts: Vec<&str> = cue.split(' ').collect();
    let at = w.windows(parts.len()).position(|win| win.iter().zip(&parts).all(|(x, p)| part_matches(x, p)))?;
    Some((at, parts.len()))
}

/// Whether "cover" names what a thing is covered in, and nothing else asks its warranty: "covered
/// in leather", "covered with fabric", "does it have a leather cover?"; not "covered in case of
/// a fault" or "does the warranty cover it?".
fn covering(w: &[String]) -> bool {
    const NOT_A_MATERIAL: &[&str] = &["case", "the", "a", "an", "my", "your", "this", "that", "it", "for", "if"];
    let material = w.windows(3).any(|x| {
        matches!(x[0].as_str(), "covered" | "coated")
            && matches!(x[1].as_str(), "in" | "with")
            && !NOT_A_MATERIAL.contains(&x[2].as_str())
    });
    let a_cover =
        w.windows(3).any(|x| matches!(x[0].as_str(), "a" | "an") && x[2] == "cover") || has_cue(w, "cover made");
    // Any other of the warranty's own cues still asks it.
    let warranty = cued_besides(w, Attr::Warranty, |c| c.starts_with("cover"));
    (material || a_cover) && !warranty
}

/// Words after "how much" that ask a price: "how much is it", "how much for two", "how much?".
#[rustfmt::skip]
const MUCH_ASKS_PRICE: &[&str] = &["is", "are", "was", "were", "does", "do", "did", "would", "will", "should",
    "could", "can", "for", "it", "they", "money", "to", "i", "you", "we", "that", "this", "these", "those", "each",
    "per", "extra", "more", "less", "altogether", "in", "the", "a", "an", "all", "total", "together", "off",
    "discount"];

/// Whether "how much" asks an amount of something the product has ("how much RAM does it
/// have?", "how much sugar is in it?") and no other cue asks its price.
fn amount_of_a_thing(w: &[String]) -> bool {
    let thing = w.windows(3).any(|x| x[0] == "how" && x[1] == "much" && !MUCH_ASKS_PRICE.contains(&x[2].as_str()));
    let priced = cued_besides(w, Attr::Price, |c| c == "how much");
    thing && !priced
}

/// The words a measure is said with ("the head size", "the heel height").
const MEASURES: &[&str] = &["size", "height", "width", "depth", "length"];
/// Words before a measure that leave it the whole product's ("the size", "its height", "the
/// overall width", "the box size", "height and width").
#[rustfmt::skip]
const OF_THE_WHOLE: &[&str] = &["the", "its", "their", "his", "her", "this", "that", "what", "which", "overall",
    "total", "full", "exact", "actual", "rough", "approximate", "general", "product", "item", "package",
    "packaging", "packed", "box", "parcel", "and", "or", "of", "in", "a", "s", "it", "they", "one", "thing",
    "exactly", "really", "roughly", "approximately", "actually", "altogether", "then", "please"];

/// Whether every measure the message asks is a part's ("the head size", "the heel height", "how
/// big is the screen"), not the product's dimensions, and no other cue asks those ("dimensions").
/// The catalog's names are already out of `w`: "how big is the Vivo X21" asks the whole.
fn part_measured(w: &[String]) -> bool {
    let whole = |x: &String| OF_THE_WHOLE.contains(&x.as_str()) || x.ends_with("'s");
    let measured = (0..w.len()).filter(|i| MEASURES.contains(&w[*i].as_str())).map(|i| i > 0 && !whole(&w[i - 1]));
    let how =
        w.windows(4).enumerate().filter(|(_, x)| x[0] == "how" && HOW_BIG.contains(&x[1].as_str())).filter(|(_, x)| {
            matches!(x[2].as_str(), "is" | "are")
                || (SHOPPER_DOES.contains(&x[2].as_str()) && SHOPPER.contains(&x[3].as_str()))
        });
    let sized = how.map(|(i, x)| {
        let thing = if matches!(x[3].as_str(), "the" | "its" | "their") { w.get(i + 4) } else { Some(&x[3]) };
        thing.is_some_and(|t| !whole(t))
    });
    let parts: Vec<bool> = measured.chain(sized).collect();
    let other = ["dimension*", "measure*", "fit in"].iter().any(|c| has_cue(w, c));
    !parts.is_empty() && parts.iter().all(|p| *p) && !other
}

/// Whether the words open as a question ("does", "can", "what"...).
fn opens_as_question(w: &[String]) -> bool {
    w.first().is_some_and(|first| QUESTION_OPENERS.contains(&first.as_str()))
}

/// Openings of a clause that supposes something ("if it isn't right, ...").
const SUPPOSING: &[&str] = &["if", "in case", "suppose", "supposing", "say", "assuming", "should"];

/// Whether the message supposes something and then asks ("If the lamp isn't right, can it go
/// back?"): its clause after the supposition opens as a question. Nothing is reported.
fn supposes_then_asks(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let supposes = SUPPOSING.iter().any(|s| lower.strip_prefix(s).is_some_and(|r| r.starts_with(' ')));
    supposes && lower.split_once(',').is_some_and(|(_, main)| opens_as_question(&words(main)))
}

/// Whether the message supposes the problem it names rather than telling it: its cues stand
/// only after "if", "in case" or "should" ("what cover do I get if the watch stops working?",
/// "in case it breaks"), not before ("it stopped working, what if I return it?").
fn supposed(w: &[String]) -> bool {
    let at = w.iter().position(|x| matches!(x.as_str(), "if" | "case" | "should" | "suppose" | "supposing"));
    at.is_some_and(|at| Problem::of(&w[..at]).is_none() && Problem::of(&w[at..]).is_some())
}

/// "How big", "how tall": the dimensions' cues that name their thing after them.
const HOW_BIG: &[&str] = &["big", "large", "tall", "wide", "deep"];
/// "How deep can I dive with it", "how far could we go": what the shopper can do with the
/// product, which no measure of it answers.
const SHOPPER_DOES: &[&str] = &["can", "could", "will", "would", "do", "should", "may", "might"];
const SHOPPER: &[&str] = &["i", "you", "we"];

/// Whether the message asks the product's dimensions only by its "size" ("what size is it?"),
/// which for clothes, shoes and jewellery is its fit (`facts::worn`), not its measurements.
fn sized_only(w: &[String]) -> bool {
    let other = cued_besides(w, Attr::Dimensions, |c| c.contains("size"));
    w.iter().any(|x| x == "size") && !other
}

/// Whether "how fast" or "how quickly" asks what the product itself does ("how fast does it go",
/// "how quickly does it heat up"), and no other word asks when it is sent.
fn its_speed(w: &[String]) -> bool {
    #[rustfmt::skip]
    const DOES: &[&str] = &["go", "goes", "run", "runs", "drive", "ride", "accelerate", "charge", "charges", "heat",
        "heats", "boil", "boils", "cook", "cooks", "dry", "dries", "work", "works", "spin", "load", "loads"];
    let asked = w.windows(2).any(|x| x[0] == "how" && matches!(x[1].as_str(), "fast" | "quickly"));
    let does = w.iter().skip_while(|x| !matches!(x.as_str(), "fast" | "quickly")).any(|x| DOES.contains(&x.as_str()));
    let sent = cued_besides(w, Attr::Shipping, |c| matches!(c, "how fast" | "how quickly"));
    asked && does && !sent
}

/// Words that say what the item is like once it is there ("is the kiwi ripe when it arrives?",
/// "does it come assembled on delivery?"): its state, not when it is sent.
#[rustfmt::skip]
const ON_ARRIVAL: &[&str] = &["when it arriv*", "when they arriv*", "once it arriv*", "once they arriv*",
    "when it's deliver*", "when it is deliver*", "when they're deliver*", "when they are deliver*", "once deliver*",
    "when deliver*", "on arrival", "upon arrival", "on delivery", "upon delivery", "when it gets here",
    "when they get here", "when it comes", "when they come", "when i get it", "when i get them",
    "when i receive*", "when it reach*", "when they reach*"];

/// Whether the shipping cues all stand in a clause about the item once it is there ("is it ripe
/// when it arrives?"), and nothing else asks when it comes ("when it arrives, how long until
/// the next one ships?" still does).
fn on_arrival(w: &[String]) -> bool {
    let Some((at, len)) = ON_ARRIVAL.iter().find_map(|c| cue_at(w, c)) else { return false };
    let rest: Vec<String> = w[..at].iter().chain(&w[at + len..]).cloned().collect();
    !any_cue(&rest, cues_of(Attr::Shipping))
}

/// What follows "how many" when the shop's count of a product is asked: "how many do you have",
/// "how many units of it are there", "how many remain".
#[rustfmt::skip]
const HELD: &[&str] = &["do you have", "have you got", "you got", "you've got", "do you hold", "do you keep",
    "do you carry", "are there", "is there", "are on hand", "remain*", "can you send", "can you supply",
    "can you ship", "could you send", "could you supply"];
/// Words between "how many" and `HELD` that count something other than the product: "how many
/// colours do you have?", "how many people is there room for?".
#[rustfmt::skip]
const OTHER_COUNTS: &[&str] = &["colour", "colours", "color", "colors", "shade", "shades", "size", "sizes", "kind",
    "kinds", "type", "types", "sort", "sorts", "model", "models", "version", "versions", "variant", "variants", "style",
    "styles", "option", "options", "flavour", "flavours", "flavor", "flavors", "pattern", "patterns", "design",
    "designs", "brand", "brands", "people", "person", "persons", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "hour", "hours", "minute", "minutes", "time", "times", "review", "reviews", "star", "stars",
    "store", "stores", "shop", "shops", "branch", "branches", "seat", "seats", "setting", "settings", "mode", "modes",
    "feature", "features", "port", "ports", "language", "languages", "channel", "channels", "speed", "speeds",
    "calorie", "calories", "serving", "servings", "slot", "slots", "drawer", "drawers", "pocket", "pockets"];
/// Words after `HELD` that make it the contents of something ("how many are there in a pack?").
const INSIDE: &[&str] = &["in", "inside", "per", "to", "within"];
/// The most words "how many" and `HELD` may have between them (the product's name).
const COUNTED_WORDS: usize = 6;

/// Words between `HELD` and a number that ask for at least that many: "do you have at least 10?"
const AT_LEAST: &[&str] = &["at", "least", "more", "than", "over", "about", "around", "some", "like"];
/// Numbers written as words, which a count may be.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred", "dozen", "several", "enough"];

/// Whether the words ask whether the shop holds a number of a product: "do you have at least 10
/// Tennis Rackets?", "have you got three of them?", "could you supply fifty?".
fn holds_a_number(w: &[String]) -> bool {
    HELD.iter().filter_map(|h| cue_at(w, h)).any(|(at, n)| {
        let after = w[at + n..].iter().skip_while(|x| AT_LEAST.contains(&x.as_str()) || *x == "a");
        after.take(1).any(|x| x.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&x.as_str()))
    })
}

/// What follows "how many" when the fewest that may be ordered is asked: "how many Table Lamps
/// do I have to buy?"
const MUST_BUY: &[&str] =
    &["do i have to", "do i need to", "must i", "do we have to", "do we need to", "have i got to"];

/// Whether the words (`w`) are "how many", a few words (the product's name, "units of the"),
/// then one of `phrases` not followed by `INSIDE`: "how many Tennis Rackets do you have?", "how
/// many units of it are there?"; not "how many colours do you have" or "how many are there in a
/// pack".
fn how_many_then(w: &[String], phrases: &[&str]) -> bool {
    let Some((at, len)) = cue_at(w, "how many") else { return false };
    let after = &w[at + len..];
    (0..after.len().min(COUNTED_WORDS + 1)).any(|k| {
        after[..k].iter().all(|x| !OTHER_COUNTS.contains(&x.as_str()))
            && phrases.iter().any(|h| match cue_at(&after[k..], h) {
                Some((0, n)) => after.get(k + n).is_none_or(|next| !INSIDE.contains(&next.as_str())),
                _ => false,
            })
    })
}

/// Words that ask for other products than those named (`Ask::asks_for_others`).
#[rustfmt::skip]
const FOR_OTHERS: &[&str] = &["similar", "alternative", "other", "another", "something", "anything", "instead", "else",
    "option", "recommend", "suggest"];

/// Words that ask to see or hear about a product.
#[rustfmt::skip]
const ABOUT: &[&str] = &["show", "tell", "info", "information", "detail", "details", "describe", "description",
    "interested", "about", "more", "see", "look", "learn", "know", "what", "what's", "whats"];
/// Words around a product's name that ask nothing of it ("do you sell the...", "I'm looking at
/// the...").
#[rustfmt::skip]
const AROUND_A_NAME: &[&str] = &["me", "the", "a", "an", "on", "of", "is", "it", "its", "it's", "i", "i'm", "im", "am",
    "in", "at", "for", "please", "can", "you", "could", "would", "some", "any", "want", "to", "let", "have", "give",
    "get", "like", "hear", "check", "out", "do", "does", "this", "that", "one", "them", "they", "these", "those",
    "quick", "bit", "little", "be", "so", "ok", "okay", "hi", "hello", "hey", "there", "well", "now", "looking",
    "sell", "product", "item", "and", "your", "with", "thinking", "considering", "buying", "us", "we", "our"];

/// Whether the message's words (`w`, the catalog's names left out) ask about a product as a
/// whole and nothing else: only words that ask to see or hear about it ("show me", "tell me
/// about", "what is") and words around a name, or only the latter beside a `named` product
/// ("the Oppo K1?", "do you sell the Kiwi?").
fn asks_about(w: &[String], named: bool) -> bool {
    let all_around = w.iter().all(|x| ABOUT.contains(&x.as_str()) || AROUND_A_NAME.contains(&x.as_str()));
    let asks = w.iter().any(|x| ABOUT.contains(&x.as_str()));
    all_around && (asks || named)
}

/// Whether "charge" is the battery's and nothing else asks the price: "last 12 hours on a
/// charge", "does it come with a charger?", "fast charging"; not "is there a charge for
/// delivery?" or "how much is the charger?".
fn battery(w: &[String]) -> bool {
    const BATTERY: &[&str] = &[
        "on a charge",
        "one charge",
        "single charge",
        "full charge",
        "per charge",
        "charger*",
        "charging",
        "recharge*",
        "to charge",
        "fully charge*",
    ];
    // Any other of the price's own cues, or a charge made for something, still asks it.
    let priced = cued_besides(w, Attr::Price, |c| c == "charge*")
        || any_cue(w, &["charge for", "charge me", "charging for", "charging me", "you charging"]);
    any_cue(w, BATTERY) && !priced
}

/// Whether "good" asks what a thing is good for, and nothing else asks its rating: "any good for
/// grating cheese", "how good is it for running"; not "is it any good?" or "how is it rated?".
fn good_for(w: &[String]) -> bool {
    const FOR: &[&str] = &["for", "at", "with", "enough", "on", "in"];
    let for_something = w.windows(2).any(|x| x[0] == "good" && FOR.contains(&x[1].as_str()))
        || w.windows(4).any(|x| x[0] == "good" && x[1] == "is" && FOR.contains(&x[3].as_str()));
    let rated = cued_besides(w, Attr::Rating, |c| c.contains("good"));
    for_something && !rated
}

/// Whether a cue of `attr` holds in `w`, other than those `set_aside` (the cue being read as
/// something else: "how much" beside "RAM", "size" for a fit).
fn cued_besides(w: &[String], attr: Attr, set_aside: impl Fn(&str) -> bool) -> bool {
    cues_of(attr).iter().filter(|c| !set_aside(c)).any(|c| has_cue(w, c))
}

/// The cues that ask an attribute (`ATTR_CUES`).
fn cues_of(attr: Attr) -> &'static [&'static str] {
    ATTR_CUES.iter().find(|(a, _)| *a == attr).map_or(&[], |(_, cues)| *cues)
}

fn any_cue(w: &[String], cues: &[&str]) -> bool {
    cues.iter().any(|c| has_cue(w, c))
}

/// Money the shopper states: `$199`, `199 dollars`, `199.00 USD`.
fn stated_amounts(text: &str) -> Vec<Money> {
    static AMOUNT: std::sync::LazyLock<regex_lite::Regex> = std::sync::LazyLock::new(|| {
        regex_lite::Regex::new(
            r"(?i)(?:\$\s?(\d[\d,]*(?:\.\d{1,2})?))|(?:\b(\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|usd|bucks)\b)",
        )
        .expect("valid pattern")
    });
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .filter_map(|m| Money::parse_decimal(m.as_str()).ok())
        .collect()
}

/// The words of `text`, lowercase, with shoppers' names for groups mapped to the catalog's
/// ("cell phones" → "smartphone"); the same on both sides, the message and the catalog.
fn catalog_words(text: &str) -> Vec<String> {
    let mut lower = format!(" {} ", words(text).join(" "));
    for (from, to) in SYNONYMS {
        for said in [format!(" {from} "), format!(" {from}s ")] {
            lower = lower.replace(&said, &format!(" {to} "));
        }
    }
    lower.split_whitespace().map(str::to_string).collect()
}

/// `text` as its cues are read: lowercase words, with every catalog name in `names` left out but
/// for a name inside one of the shop's own terms ("Apple Pay" still says how to pay). Not
/// `translate::without_names`, which keeps the message's own text (and all of it when too few
/// letters would be left) for telling its language.
fn cue_text(text: &str, names: &[&str]) -> String {
    let mut lower = format!(" {} ", words(text).join(" "));
    let terms: Vec<&str> = SHOP_TERMS.iter().map(|t| t.trim_end_matches('*')).filter(|t| lower.contains(t)).collect();
    for name in names {
        let name = words(name).join(" ");
        if !name.is_empty() && !terms.iter().any(|t| t.contains(name.as_str())) {
            lower = lower.replace(&format!(" {name} "), " ");
        }
    }
    lower
}

impl Ask {
    pub fn parse(text: &str) -> Self {
        Self::parse_with(text, None, &[])
    }

    /// The message parsed with `read`, the problem its nearest labelled examples report
    /// (`chat::problems`), taken where no cue names one, refined by the same words. The cues are
    /// read without the catalog `names` the message holds: "Charger SXT RWD" asks no price, and
    /// "Tissue Paper Box" no return without the box; the names still name their products.
    pub fn parse_with(text: &str, read: Option<Problem>, names: &[&str]) -> Self {
        let (rest, filters) = lift_constraints(text);
        let w = catalog_words(&cue_text(text, names));
        let mut attrs: Vec<Attr> = ATTR_CUES.iter().filter(|(_, cues)| any_cue(&w, cues)).map(|(a, _)| *a).collect();
        let cued = !attrs.is_empty();
        // "how much does it weigh" asks the weight, not the price.
        if attrs.contains(&Attr::Weight) && !any_cue(&w, &["price*", "cost*", "expensive"]) {
            attrs.retain(|a| *a != Attr::Price);
        }
        // "12 hours on a charge", "a charger", "fast charging": the battery, not the price.
        if attrs.contains(&Attr::Price) && battery(&w) {
            attrs.retain(|a| *a != Attr::Price);
        }
        // "any good for cheese": what it is good for, not its rating; "what do people like about
        // it?": what it is liked for.
        if attrs.contains(&Attr::Rating) && (good_for(&w) || any_cue(&w, &["like about", "love about", "liked about"]))
        {
            attrs.retain(|a| *a != Attr::Rating);
        }
        // "covered in leather", "a leather cover": what it is made of, not its warranty.
        if attrs.contains(&Attr::Warranty) && covering(&w) {
            attrs.retain(|a| *a != Attr::Warranty);
        }
        // "how much RAM", "how much storage": an amount of something it has, not its price.
        if attrs.contains(&Attr::Price) && amount_of_a_thing(&w) {
            attrs.retain(|a| *a != Attr::Price);
        }
        // "how fast does it go?", "how quickly does it charge?": its speed, not when it is sent;
        // "is it ripe when it arrives?": what it is like once there.
        if attrs.contains(&Attr::Shipping) && (its_speed(&w) || on_arrival(&w)) {
            attrs.retain(|a| *a != Attr::Shipping);
        }
        // "the heel height", "the head size": a part's measure, which the catalog does not hold.
        if attrs.contains(&Attr::Dimensions) && part_measured(&w) {
            attrs.retain(|a| *a != Attr::Dimensions);
        }
        // "Can I buy just one?", "can I order a single one?": how few may be ordered, not the stock.
        if any_cue(&w, ONE_ONLY) {
            attrs.retain(|a| *a != Attr::Stock);
            if !attrs.contains(&Attr::MinimumOrder) {
                attrs.push(Attr::MinimumOrder);
            }
        }
        // "How many Table Lamps do I have to buy?": the fewest that may be ordered; "how many units
        // of it are there?": the stock.
        if attrs.is_empty() && how_many_then(&w, MUST_BUY) {
            attrs.push(Attr::MinimumOrder);
        } else if attrs.is_empty() && (how_many_then(&w, HELD) || holds_a_number(&w)) {
            attrs.push(Attr::Stock);
        }
        // A cue read as something else ("the heel height", "how much RAM"): no attribute is asked.
        let set_aside = cued && attrs.is_empty();
        let sized = attrs.contains(&Attr::Dimensions) && sized_only(&w);
        let rank = RANK_CUES.iter().find(|(_, cues)| any_cue(&w, cues)).map(|(r, _)| *r);
        let mut rank = rank.or_else(|| degrees(&w).first().map(|(_, r)| *r));
        // "best for back pain" asks for advice, and "best known for" what a thing is, not the
        // best rated.
        if rank == Some(Rank::BestRated) && has_cue(&w, "best") && !any_cue(&w, &["best rat*", "best review*"]) {
            let after = w.iter().position(|x| x == "best").and_then(|i| w.get(i + 1));
            const NOT_RATED: &[&str] = &["for", "way", "to", "if", "when", "option", "known", "suited", "used", "kept"];
            if after.is_some_and(|n| NOT_RATED.contains(&n.as_str())) {
                rank = None;
            }
        }
        let claimed = stated_amounts(&rest);
        if !claimed.is_empty() && !attrs.contains(&Attr::Price) {
            attrs.insert(0, Attr::Price);
        }
        let ordinal = ORDINALS.iter().find(|(o, _)| w.iter().any(|x| x == o)).map(|(_, n)| *n);
        let ordinal = ordinal.or_else(|| has_cue(&w, "last one").then_some(usize::MAX));
        let points_back = ordinal.is_some() || w.iter().any(|x| POINTERS.contains(&x.as_str()));
        let compare = any_cue(&w, COMPARE_CUES);
        // "Can it be delivered to Germany?" is about shipping abroad too.
        let says_abroad = any_cue(&w, ABROAD);
        let sending = attrs.contains(&Attr::Shipping) || any_cue(&w, SENDING);
        let to_country = !says_abroad && sending && to_a_country(&w);
        let abroad = to_country || says_abroad;
        let problem = Problem::of(&w).or_else(|| read.filter(|p| p.told_in(&w)).map(|p| p.refined(&w)));
        // "What cover do I get if it stops working?": a fault supposed, not told, asks the warranty
        // (not "do I get the delivery fee back if I return it faulty?", a policy's question).
        let problem = problem.filter(|_| !(attrs == [Attr::Warranty] && supposed(&w)));
        // A ranking is the catalog's question alone; a problem is the policies' already.
        let terms = if problem.is_some() || rank.is_some() { None } else { Terms::of(&w, &attrs) };
        // Terms asked with no fact imply the one they turn on: keeping an item, its stock; paying
        // for it, its price ("could you keep the Rolex aside for me?").
        if attrs.is_empty()
            && let Some(implied) = terms.and_then(Terms::implied)
        {
            attrs.push(implied);
        }
        // Products and groups are named by what is left once constraints are lifted ("under $300"
        // names no "300 Touring"), and the words of a ranking ("the top rating" names no tops).
        let mut words: Vec<String> = catalog_words(&rest).iter().map(|x| singular(x)).collect();
        if rank.is_some() {
            for (i, _) in degrees(&words).into_iter().rev() {
                words.remove(i);
            }
        }
        let question = opens_as_question(&w) || supposes_then_asks(text);
        let mut ask = Ask {
            attrs,
            rank,
            filters,
            compare,
            claimed,
            points_back,
            abroad,
            problem,
            terms,
            to_country,
            ordinal,
            sized,
            overview: false,
            question,
            words,
            written: text.to_lowercase(),
            set_aside,
        };
        // Nothing else asked of the catalog or the policies: a product asked about as a whole.
        ask.overview = ask.asks_no_fact()
            && !ask.set_aside
            && ask.problem.is_none()
            && ask.terms.is_none()
            && !ask.abroad
            && asks_about(&w, !names.is_empty());
        ask
    }

    /// Whether the message may report a problem no cue names ("the fish smelled awful"), worth
    /// reading by its nearest examples: a statement asking nothing of the catalog. A question
    /// ("does the salmon have a strong smell?") asks about the product, and a catalog question
    /// is answered from the catalog at once.
    pub fn may_report(&self) -> bool {
        self.problem.is_none() && !self.asks_the_catalog() && self.attrs.iter().all(|a| a.is_policy()) && !self.question
    }

    /// Whether the message ranks, compares or filters products, or states a price: the catalog's
    /// question over its products, whatever else it asks.
    fn asks_the_catalog(&self) -> bool {
        self.rank.is_some() || self.compare || self.filtered() || !self.claimed.is_empty()
    }

    /// Whether the message may ask a catalog attribute in words no cue holds, worth reading by
    /// its nearest examples or the model (`chat::asked`): a question about a product (`named`:
    /// it names one; or it points at one) that asks nothing else of the catalog or the policies.
    pub fn may_ask_fact(&self, named: bool) -> bool {
        let asks = self.question || self.written.trim_end().ends_with('?');
        (named || self.points_back)
            && asks
            && self.attrs.is_empty()
            && !self.set_aside
            && !self.asks_the_catalog()
            && self.problem.is_none()
            && self.terms.is_none()
            && !self.abroad
            && !self.overview
    }

    /// Whether the only measure the message asks is a "size" ("what size are they?").
    pub fn asks_only_size(&self) -> bool {
        sized_only(&catalog_words(&self.written))
    }

    /// An attribute read by other means than the cues (the nearest examples, the model), taken
    /// as a cued one is: "what size are they?" asks the fit of what is worn, not its parcel.
    pub fn read_also(&mut self, attr: Attr) {
        if attr == Attr::Dimensions {
            self.sized = self.asks_only_size();
        }
        self.attrs.push(attr);
    }

    /// Whether the shopper put a constraint on the products (price, stock, rating).
    pub fn filtered(&self) -> bool {
        !self.filters.is_empty()
    }

    /// The message as the articles are searched with: a problem or the terms asked also in the
    /// policies' words ("the milk came sour" meets "if anything arrives spoiled").
    pub fn for_articles(&self, text: &str) -> String {
        let words = match (self.problem, self.terms) {
            (Some(p), _) => p.policy_words(),
            (None, Some(t)) => t.policy_words(&self.attrs),
            (None, None) => return text.to_string(),
        };
        format!("{text} ({words})")
    }

    /// Whether the policies answer the message: a problem with an item, or terms asked.
    pub fn asks_policy(&self) -> bool {
        self.problem.is_some() || self.terms.is_some()
    }

    /// Whether the articles are matched on the kind of the product named rather than its name:
    /// for terms, which differ by kind, and for the state an item arrived in, whose policy does
    /// too (groceries spoil, a wok is damaged).
    pub fn by_kind(&self) -> bool {
        self.terms.is_some() || self.problem == Some(Problem::OnArrival)
    }

    /// Asks for nothing the catalog holds: no attribute, ranking, filter, comparison or price.
    pub fn asks_no_fact(&self) -> bool {
        self.attrs.is_empty() && self.rank.is_none() && !self.filtered() && !self.compare && self.claimed.is_empty()
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str).filter(|w| !STOP.contains(w))
    }

    /// Whether the message asks for other products than those it names ("something like the
    /// Oppo K1 under $200", "an alternative to it"), not about the named ones themselves.
    pub fn asks_for_others(&self) -> bool {
        self.words.iter().any(|w| FOR_OTHERS.contains(&w.as_str()))
    }

    /// Whether the message says "it", "they" or "both".
    pub fn has_pronoun(&self) -> bool {
        self.words.iter().any(|w| PRONOUNS.contains(&w.as_str()))
    }

    /// The message's words that may name a thing, singular: not a cue ("price", "shipping"), a
    /// pointer, an ordinal, a number or a word too common to name anything.
    pub fn naming_words(&self) -> impl Iterator<Item = &str> {
        static PLAIN: LazyLock<HashSet<String>> = LazyLock::new(|| {
            STOP.iter().chain(POINTERS).chain(ORDINALS.iter().map(|(o, _)| o)).map(|w| singular(w)).collect()
        });
        self.words().filter(|w| !PLAIN.contains(*w) && !in_a_cue(w) && !w.chars().all(|c| c.is_ascii_digit()))
    }
}

/// Whether the words name a country after "to", "in", "into" or "from" ("to South Korea", "in
/// the UK"; a translation may turn "nach Japan" into "from Japan"),
/// in the English names and aliases `celes` knows.
pub fn to_a_country(w: &[String]) -> bool {
    use celes::LookupTable;
    static COUNTRIES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        let spaced = |camel: &str| {
            camel.chars().fold(String::new(), |mut out, c| {
                if c.is_uppercase() && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
                out
            })
        };
        let mut names: Vec<Vec<String>> = celes::Country::get_countries()
            .iter()
            .flat_map(|c| {
                let aliases = c.aliases.iter().map(|a| spaced(a)).collect::<Vec<String>>();
                std::iter::once(c.long_name.to_string()).chain(aliases)
            })
            .map(|name| words(&name).into_iter().skip_while(|x| x == "the").collect::<Vec<_>>())
            .filter(|name| !name.is_empty())
            .collect();
        // Not "us": "until it gets to us" is no country.
        names.extend([vec!["uk".to_string()], vec!["usa".to_string()]]);
        names
    });
    w.iter().enumerate().filter(|(_, x)| matches!(x.as_str(), "to" | "in" | "into" | "from")).any(|(i, _)| {
        let after: Vec<&String> = w[i + 1..].iter().skip_while(|x| *x == "the").collect();
        COUNTRIES.iter().any(|name| name.len() <= after.len() && name.iter().zip(&after).all(|(a, b)| a == *b))
    })
}

/// Whether `word` (singular) is a word of a cue: it asks for something rather than names it.
fn in_a_cue(word: &str) -> bool {
    static CUE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let lists = ATTR_CUES.iter().map(|(_, cues)| *cues).chain(RANK_CUES.iter().map(|(_, cues)| *cues));
        let lists = lists.chain([COMPARE_CUES, ABROAD, ANY_PRODUCT]);
        let parts = lists.flatten().flat_map(|cue| cue.split(' ')).filter(|part| *part != "_");
        parts.map(|part| if part.ends_with('*') { part.to_string() } else { singular(part) }).collect()
    });
    CUE_WORDS.iter().any(|cue| match cue.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => cue == word,
    })
}

/// One product's words: title, group (category and tags) and category alone, all singular.
struct Entry<'a> {
    product: &'a Product,
    title: HashSet<String>,
    group: HashSet<String>,
    category: HashSet<String>,
}

/// The catalog as the request reads it.
pub struct CatalogWords<'a> {
    products: Vec<Entry<'a>>,
    /// How many titles each word occurs in: a word in few titles names a product.
    title_df: HashMap<String, usize>,
}

fn word_set(text: &str) -> HashSet<String> {
    catalog_words(text).iter().map(|w| singular(w)).filter(|w| !STOP.contains(&w.as_str())).collect()
}

impl<'a> CatalogWords<'a> {
    pub fn new(products: impl Iterator<Item = &'a Product>) -> Self {
        let products: Vec<_> = products
            .map(|p| {
                let category = word_set(&p.category.replace('-', " "));
                let mut group = category.clone();
                for t in &p.tags {
                    group.extend(word_set(t));
                }
                Entry { product: p, title: word_set(&p.title), group, category }
            })
            .collect();
        let mut title_df = HashMap::new();
        for Entry { title, .. } in &products {
            for w in title {
                *title_df.entry(w.clone()).or_insert(0) += 1;
            }
        }
        Self { products, title_df }
    }

    /// The products the message names by title: most of a title's words, at least one of them
    /// rare in the catalog and one that is not just the product's group ("sunglasses" names the
    /// group, not a product called "Sunglasses"); a product whose matched words are all inside
    /// another's is dropped ("iPhone X" names the iPhone X, not every iPhone). A word spent on
    /// one of the shop's own terms names nothing ("Apple Pay" is no Apple: `SHOP_TERMS`).
    pub fn named(&self, ask: &Ask) -> Vec<&'a Product> {
        let terms: Vec<&str> = SHOP_TERMS
            .iter()
            .filter(|t| has_cue(&ask.words, t))
            .flat_map(|t| t.split(' '))
            .map(|w| w.trim_end_matches('*'))
            .collect();
        let said: HashSet<&str> = ask.words().filter(|w| !terms.contains(w)).collect();
        let mut scored: Vec<(usize, f32, &'a Product, HashSet<&str>)> = self
            .products
            .iter()
            .filter_map(|Entry { product: p, title, group, .. }| {
                let hit: HashSet<&str> = title.iter().map(String::as_str).filter(|w| said.contains(w)).collect();
                // "sunglasses under $30" names a group, not the product called "Sunglasses"; a
                // title of two words or more said whole names its product ("is the Sportbike
                // Motorcycle back in stock?").
                let whole = title.len() >= 2 && hit.len() == title.len();
                if (ask.filtered() || ask.rank.is_some()) && !whole && hit.iter().all(|w| group.contains(*w)) {
                    return None;
                }
                let rare = hit.iter().any(|w| self.title_df.get(*w).is_some_and(|n| *n <= 3));
                let unique = hit.iter().any(|w| w.len() >= 5 && self.title_df.get(*w) == Some(&1));
                let share = hit.len() as f32 / title.len().max(1) as f32;
                // Half a title is a name when it is two words or more ("Fish Steak" is not named
                // by "fish").
                let enough = hit.len() >= 2 || title.len() == 1;
                ((share >= 0.5 && rare && enough) || (unique && hit.len() >= 2) || share >= 0.99 && !hit.is_empty())
                    .then_some((hit.len(), share, *p, hit))
            })
            .collect();
        let written = |p: &Product| ask.written.contains(&p.title.to_lowercase());
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(written(b.2).cmp(&written(a.2))));
        let mut named: Vec<(&'a Product, HashSet<&str>)> = Vec::new();
        for (_, _, p, hit) in scored {
            // Products of one title (a men's and a women's watch) are each named by it.
            if named.iter().all(|(q, h)| !hit.is_subset(h) || q.title == p.title) {
                named.push((p, hit));
            }
        }
        named.into_iter().map(|(p, _)| p).take(4).collect()
    }

    /// Of products that share a title (named, or shown before and pointed at: "and the women's
    /// one?"), those whose category the message names ("the women's Rolex Cellini Moonphase");
    /// all of them when it names none.
    pub fn of_the_kind_said<'p>(&self, named: Vec<&'p Product>, ask: &Ask) -> Vec<&'p Product> {
        let said: HashSet<&str> = ask.words().collect();
        let category = |p: &Product| self.products.iter().find(|e| e.product.sku == p.sku).map(|e| &e.category);
        let chosen = |p: &Product| category(p).is_some_and(|c| c.iter().any(|w| said.contains(w.as_str())));
        let shares = |p: &Product| named.iter().any(|q| q.sku != p.sku && q.title == p.title);
        let passed_over =
            |p: &Product| shares(p) && !chosen(p) && named.iter().any(|q| q.title == p.title && chosen(q));
        named.iter().copied().filter(|p| !passed_over(p)).collect()
    }

    /// The products of the group the message names ("smartphone", "men's watch", "apple"):
    /// those whose category shares the most of its words; failing that their tags, then their
    /// titles or brand ("phone" is the smartphones, not the phone cases tagged "phone
    /// accessories"). `None` when the message names no group (not even "anything").
    pub fn group(&self, ask: &Ask) -> Option<(Vec<&'a Product>, Vec<String>)> {
        let said: Vec<&str> = ask.words().collect();
        let best = |field: &dyn Fn(&Entry<'a>) -> HashSet<String>| {
            let scored: Vec<(usize, &'a Product, Vec<String>)> = self
                .products
                .iter()
                .map(|entry| {
                    let set = field(entry);
                    let hit: Vec<String> = said.iter().filter(|w| set.contains(**w)).map(|w| w.to_string()).collect();
                    (hit.len(), entry.product, hit)
                })
                .filter(|(n, _, _)| *n > 0)
                .collect();
            let top = scored.iter().map(|(n, _, _)| *n).max()?;
            let words = scored.iter().find(|(n, _, _)| *n == top).map(|(_, _, w)| w.clone()).unwrap_or_default();
            Some((scored.into_iter().filter(|(n, _, _)| *n == top).map(|(_, p, _)| p).collect(), words))
        };
        best(&|e| e.category.clone())
            .or_else(|| best(&|e| e.group.clone()))
            .or_else(|| {
                best(&|e| {
                    let mut s = e.title.clone();
                    s.extend(e.product.brand.iter().flat_map(|b| word_set(b)));
                    s
                })
            })
            .or_else(|| {
                said.iter()
                    .any(|w| ANY_PRODUCT.contains(w))
                    .then(|| (self.products.iter().map(|e| e.product).collect(), Vec::new()))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_in_many_words() {
        let attrs = |t: &str| Ask::parse(t).attrs;
        assert_eq!(attrs("can I send it back?"), vec![Attr::Returns]);
        // The verb and its particle side by side, as well as around "it".
        assert_eq!(attrs("Can I give back a lipstick I've already tried?"), vec![Attr::Returns]);
        assert_eq!(attrs("how long is it covered for"), vec![Attr::Warranty]);
        assert_eq!(attrs("when would it get here?"), vec![Attr::Shipping]);
        assert_eq!(attrs("How much are they?"), vec![Attr::Price]);
        assert_eq!(attrs("how much does it weigh"), vec![Attr::Weight]);
        assert!(attrs("is the chair good for a person with back pain").is_empty());
        // A charge of the battery is no price.
        assert!(attrs("Can the earphones last 12 hours on a charge?").is_empty());
        assert!(attrs("does the phone come with a charger?").is_empty());
        assert_eq!(attrs("how much is the charger?"), vec![Attr::Price]);
        assert_eq!(attrs("is there a charge for gift wrapping?"), vec![Attr::Price]);
        // What it is covered in is no warranty.
        assert!(attrs("Is the ball covered in leather?").is_empty());
        assert!(attrs("does the ball have a leather cover?").is_empty());
        assert_eq!(attrs("is it covered in case of a fault?"), vec![Attr::Warranty]);
        assert_eq!(attrs("does the warranty cover a cracked screen?"), vec![Attr::Warranty]);
        assert_eq!(attrs("is it covered if it breaks?"), vec![Attr::Warranty]);
        // What it is good for is no rating.
        assert!(attrs("Is the Grater Black any good for cheese?").is_empty());
        assert!(attrs("how good is it for running?").is_empty());
        assert_eq!(attrs("is the grater any good?"), vec![Attr::Rating]);
        assert_eq!(attrs("is it any good for cheese, what do reviews say?"), vec![Attr::Rating]);
    }

    #[test]
    fn superlatives_constraints_and_premises() {
        let a = Ask::parse("what's the cheapest smartphone?");
        assert_eq!(a.rank, Some(Rank::Cheapest));
        let a = Ask::parse("laptops below 1200 dollars");
        assert_eq!(a.filters.max_price, Some(Money(120_000)));
        assert!(a.claimed.is_empty());
        let a = Ask::parse("it was $199 on your site yesterday");
        assert_eq!(a.claimed, vec![Money(19_900)]);
        assert!(a.points_back);
        assert_eq!(Ask::parse("which is best for back pain").rank, None);
        assert_eq!(Ask::parse("What is the Oppo F19 Pro Plus best known for?").rank, None);
        assert_eq!(Ask::parse("which oppo is the best?").rank, Some(Rank::BestRated));
        assert_eq!(Ask::parse("tell me about the second one").ordinal, Some(2));
        // A rating asked by its verb: "which phone do customers rate highest?".
        assert_eq!(Ask::parse("which laptop do reviewers rate the highest?").rank, Some(Rank::BestRated));
        assert_eq!(Ask::parse("the sunglasses people rated lowest").rank, Some(Rank::WorstRated));
        assert_eq!(Ask::parse("how do people rate the Vivo X21?").rank, None);
        // A degree said of what it ranks, in words no cue lists.
        assert_eq!(Ask::parse("which sunglasses have the top rating").rank, Some(Rank::BestRated));
        assert_eq!(Ask::parse("the blender with the highest customer reviews?").rank, Some(Rank::BestRated));
        assert_eq!(Ask::parse("which lipstick has the poorest feedback").rank, Some(Rank::WorstRated));
        assert_eq!(Ask::parse("what tablet has the steepest price tag").rank, Some(Rank::Dearest));
        assert_eq!(Ask::parse("the perfume with the smallest price?").rank, Some(Rank::Cheapest));
        assert_eq!(Ask::parse("is the top of the Tray removable?").rank, None);
        assert_eq!(Ask::parse("Which kitchen accessory gets the most positive reviews?").rank, Some(Rank::BestRated));
        assert_eq!(Ask::parse("do most reviews say the Tray is sturdy?").rank, None);
        // "What are you selling the iPhone X for?" asks its price; "am I covered?" asks.
        let ask = Ask::parse_with("What are you selling the iPhone X for?", None, &["iPhone X"]);
        assert_eq!(ask.attrs, vec![Attr::Price]);
        let ask = Ask::parse_with("If something goes wrong with the Milk, am I covered?", None, &["Milk"]);
        assert!(ask.question && ask.attrs == vec![Attr::Warranty], "{:?}", ask.attrs);
        // The words of a ranking name no group: "top" is no "tops" there, but is in "which top is
        // the best rated?".
        let a = Ask::parse("which sunglasses have the top rating");
        assert!(!a.words.iter().any(|w| w == "top"), "{:?}", a.words);
        let a = Ask::parse("which top is the best rated?");
        assert!(a.words.iter().any(|w| w == "top") && a.rank == Some(Rank::BestRated), "{:?}", a.words);
        // A minimum order asked with words between ("how many ... do I have to buy"), a price as a
        // going rate.
        let names = ["Yellow Peeler"];
        let ask = Ask::parse_with("How many Yellow Peeler do I have to buy at least?", None, &names);
        assert_eq!(ask.attrs, vec![Attr::MinimumOrder]);
        let ask = Ask::parse_with("How many Yellow Peeler do I need to order?", None, &names);
        assert_eq!(ask.attrs, vec![Attr::MinimumOrder]);
        assert_eq!(
            Ask::parse_with("What's the going rate for the Yellow Peeler?", None, &names).attrs,
            vec![Attr::Price]
        );
        let a = Ask::parse("smartphones from $300 to $600");
        assert_eq!((a.filters.min_price, a.filters.max_price), (Some(Money(30_000)), Some(Money(60_000))));
    }

    #[test]
    fn plurals_become_singular() {
        assert_eq!(singular("watches"), "watch");
        assert_eq!(singular("groceries"), "grocery");
        assert_eq!(singular("shoes"), "shoe");
        assert_eq!(singular("men's"), "men");
        assert_eq!(singular("glass"), "glass");
    }

    /// Words of a catalog name the message holds are no cues: the Charger SXT RWD's name asks no
    /// price, the Tissue Paper Box's no return without its box; "Apple Pay" still says how to pay.
    #[test]
    fn the_words_of_a_product_named_ask_nothing() {
        let names = ["Charger SXT RWD", "Tissue Paper Box", "Apple"];
        let ask = Ask::parse_with("Where can I take the Charger SXT RWD for a test drive?", None, &names);
        assert!(ask.attrs.is_empty(), "{:?}", ask.attrs);
        // Without the names, "Charger" is read as a battery's: no price either.
        assert!(Ask::parse("Where can I take the Charger SXT RWD for a test drive?").attrs.is_empty());
        let ask = Ask::parse_with("Can I return the Tissue Paper Box?", None, &names);
        assert_eq!((ask.attrs, ask.terms), (vec![Attr::Returns], None));
        let ask = Ask::parse_with("How much does the Charger SXT RWD cost?", None, &names);
        assert_eq!(ask.attrs, vec![Attr::Price]);
        assert!(ask.words.iter().any(|w| w == "charger"), "the name still names the product");
        let ask = Ask::parse_with("Can I pay for the Apple with Apple Pay?", None, &names);
        assert_eq!(ask.terms, Some(Terms::Payment));
    }

    /// "How do I pay for the sofa?" asks the shop's terms, not only the sofa's price; "how much
    /// is the sofa?" asks the price alone.
    #[test]
    fn terms_for_a_product_are_asked_beside_its_facts() {
        for (text, terms) in [
            ("If I buy the Dodge Hornet GT Plus, how do I pay for it?", Terms::Payment),
            ("Can I pay for the Annibale Colombo Sofa over twelve months?", Terms::Instalments),
            ("Could you keep a Rolex Datejust aside for me until payday? It's sold out anyway.", Terms::Hold),
            ("When will you have the sold-out sunglasses again?", Terms::Restock),
            ("I opened the Dior J'adore and don't like the smell, can I return it?", Terms::Condition),
            ("Is the Knife's warranty still good if I drop it on a stone floor?", Terms::Condition),
            ("How can I return the Table Lamp?", Terms::Process),
            ("How much is postage to send the Table Lamp back?", Terms::Fees),
            ("The price of the Tray dropped after I bought it, can I get money back?", Terms::PriceChange),
            ("Would you hold the Tray for me until Friday?", Terms::Hold),
            ("What would delivery of the Annibale Colombo Bed cost?", Terms::Fees),
            ("If I return the Tray, when will the refund reach my card?", Terms::Refund),
            ("Once I post the parcel back, when will the money be on my card?", Terms::Refund),
            ("I don't like the Tray. Will sending it back cost me anything?", Terms::Fees),
            ("You promised to refund the price difference on the Tray a month after my order.", Terms::PriceChange),
            ("Can I order the Annibale Colombo Sofa with free delivery?", Terms::Fees),
            ("Does the Generic Motorcycle ship for free?", Terms::Fees),
            ("I bought the Tray last week and now it's cheaper", Terms::PriceChange),
            ("The Tray is listed for less than I paid", Terms::PriceChange),
        ] {
            let ask = Ask::parse(text);
            assert_eq!(ask.terms, Some(terms), "{text}");
            assert!(ask.asks_policy(), "{text}");
            assert!(ask.for_articles(text).contains(terms.policy_words(&ask.attrs)), "{text}");
        }
        for text in [
            "How much is the Kawasaki Z800?",
            "Is the Volleyball in stock?",
            "Can I return the Dior J'adore?",
            "How long is the warranty on the Knife?",
            "What does the wok cost and when does it ship?",
            "Will the Tray arrive within a month?",
            "I dropped my old phone, do you sell a tougher one?",
            "How much is the Annibale Colombo Bed and when is delivery?",
            "What is the price of the Tray, and can I return it?",
            "How long do you hold on to my chats with the bot?",
        ] {
            assert_eq!(Ask::parse(text).terms, None, "{text}");
        }
        // Keeping an item turns on its stock, paying for it on its price.
        assert_eq!(Ask::parse("Could you keep the Tray aside for me?").attrs, vec![Attr::Stock]);
        assert_eq!(Ask::parse("Do you take American Express for the Tray?").attrs, vec![Attr::Price]);
        // A problem is the policies' question already.
        assert_eq!(Ask::parse("The Kiwi arrived rotten, how do I return it?").terms, None);
    }

    #[test]
    fn a_problem_with_an_item_is_a_report_not_a_question_about_the_product() {
        for (text, kind) in [
            ("The kiwis in my delivery were squashed and rotten.", Problem::Spoiled),
            ("My Table Lamp arrived with the shade torn.", Problem::Damaged),
            ("the headphones won't turn on anymore", Problem::Faulty),
            ("Two of the glasses were missing from the box", Problem::Missing),
            ("My package is missing, what will you do about it?", Problem::NotArrived),
            ("my order has gone missing", Problem::NotArrived),
            ("My order is missing the lid of the pan", Problem::Missing),
            ("My parcel came but the charger is missing", Problem::Missing),
            ("You sent the wrong size", Problem::Wrong),
            ("my parcel never arrived", Problem::NotArrived),
            ("How long before I get my money back if the carrier lost my things?", Problem::NotArrived),
            ("I think my package was lost, what now?", Problem::NotArrived),
            ("My Rolex still hasn't shown up and tracking says delivered.", Problem::NotArrived),
            ("I knocked the Table Lamp off the desk and the base cracked", Problem::Accident),
            ("the watch stopped working after I wore it in the pool", Problem::Accident),
            ("The Tray showed up with a sticky mark on it", Problem::OnArrival),
            ("When the Kiwi arrived it tasted strange", Problem::OnArrival),
            // Food gone bad, told in the words of its state.
            ("The peaches I got were furry with mould", Problem::Spoiled),
            ("the salad leaves came all wilted and soggy", Problem::Spoiled),
            ("The Lemon I got was completely dried out", Problem::Spoiled),
            ("the ice cream had thawed in the box", Problem::Spoiled),
            ("the cream had gone bad", Problem::Spoiled),
            // What came is not what was ordered.
            ("You sent me a Black Whisk when I ordered a Slotted Turner", Problem::Wrong),
            ("got a blue mug but I ordered a red one", Problem::Wrong),
            // Tracking that stopped moving.
            ("My parcel has been stuck at the same depot for days", Problem::Stalled),
            ("the tracking hasn't changed since Monday", Problem::Stalled),
            // Told by what it looks like now.
            ("The plate was in pieces when I opened the box", Problem::Damaged),
            ("the pears were brown inside when they came", Problem::Spoiled),
            // A failure after months or years of use is the warranty's; wear is not a fault.
            ("My kettle stopped working after 18 months", Problem::InUse),
            ("the blender broke after a couple of years", Problem::InUse),
            ("the kettle quit working after about a year", Problem::InUse),
            ("The sofa fabric wore through on the arms", Problem::Worn),
            ("my watch strap is worn after two years of use", Problem::Worn),
            ("My fridge stopped working and I bought it three years ago", Problem::InUse),
            // "Charge" here is the battery's, not a price.
            ("The power bank doesn't charge anything", Problem::Faulty),
            ("my phone won't hold a charge after two years", Problem::InUse),
            ("The fan won't turn off", Problem::Faulty),
            // A leak is damage in transit with the parcel told, else a fault of the item.
            ("The olive oil leaked all over the box", Problem::Damaged),
            ("The bottle arrived leaking", Problem::Damaged),
            ("My new dishwasher leaks from the door", Problem::Faulty),
            ("The fridge has leaked for weeks, I bought it two years ago", Problem::InUse),
            ("The kettle leaks and the lid is cracked", Problem::Damaged),
            // A mishap with the cover asked is an accident, whatever the harm is called.
            ("I drove over my headphones, are they covered?", Problem::Accident),
            ("the headphones I got a few months ago are broken", Problem::InUse),
        ] {
            let ask = Ask::parse(text);
            assert_eq!(ask.problem, Some(kind), "{text}");
            assert!(ask.for_articles(text).contains(kind.policy_words()), "{text}");
        }
        for text in [
            "Does the wok scratch easily?",
            "Can the Boxed Blender crush ice?",
            "When will the Table Lamp arrive?",
            "Is the backpack waterproof or does it leak in the rain?",
            "Has the Table Lamp arrived yet?",
            "When will the Kiwi arrive?",
            "Is the towel soft or does it go furry after washing?",
            "I ordered a lamp, when will it come?",
            "the zip is stuck, how do I free it?",
            "I was charged twice when I ordered",
            "I've worn the dress once, can I still return it?",
            "Is the bag black inside?",
            "How long is the warranty after a year of ownership?",
            // A mishap alone asks something else.
            "I threw the box away, can I still return it?",
            // Something else lost is no parcel lost.
            "I lost my order number, how do I track it?",
            "I lost the receipt, can I still return it?",
        ] {
            assert_eq!(Ask::parse(text).problem, None, "{text}");
        }
        // A screen gone black is no food gone off.
        assert_ne!(Ask::parse("the screen of the tablet went black").problem, Some(Problem::Spoiled));
        // A fault within days is the return window's; one on arrival is damage in transit.
        assert_eq!(Ask::parse("my speaker won't switch on after a week").problem, Some(Problem::Faulty));
        assert_eq!(Ask::parse("It arrived broken after two months of waiting").problem, Some(Problem::Damaged));
        // Damage on arrival is not a mishap, whatever else the message says.
        assert_eq!(
            Ask::parse("The mug arrived cracked, can I drop it off at a store?").problem,
            Some(Problem::Damaged)
        );
    }

    /// A kind read by the nearest examples (`chat::problems`) counts only where no cue names one,
    /// and the same words refine it: dropped is an accident, years of use a warranty claim.
    #[test]
    fn a_problem_read_by_its_examples_is_taken_where_no_cue_names_one_and_refined_alike() {
        let read = |text, p| Ask::parse_with(text, Some(p), &[]).problem;
        assert_eq!(read("The Fish Steak had a horrible odour", Problem::Spoiled), Some(Problem::Spoiled));
        assert_eq!(read("The kettle arrived cracked", Problem::Spoiled), Some(Problem::Damaged), "the cue first");
        assert_eq!(read("I dropped the lamp and now it flickers", Problem::Faulty), Some(Problem::Accident));
        assert_eq!(read("After two years the fan only hums", Problem::Faulty), Some(Problem::InUse));
        // A lost or stuck parcel is told with a parcel: a fault near "tracking shows" is none.
        assert_eq!(read("The speaker only plays static", Problem::Stalled), None);
        assert_eq!(read("My parcel has shown the same place for days", Problem::Stalled), Some(Problem::Stalled));
        // Use or wear read in an item just come is a fault; with months of use it stays.
        assert_eq!(read("My brand new earphones only play on one side", Problem::InUse), Some(Problem::Faulty));
        assert_eq!(read("The lamp I got on Monday went dim", Problem::Worn), Some(Problem::Faulty));
        assert_eq!(read("My new-ish fan hums after two years", Problem::InUse), Some(Problem::InUse));
        let ask = Ask::parse_with("The heater only blows cold air", Some(Problem::Faulty), &[]);
        assert_eq!(ask.terms, None);
        assert!(ask.for_articles("x").contains(Problem::Faulty.policy_words()));
    }

    /// Only a statement asking nothing of the catalog is worth reading for a problem: a question
    /// about a product, a catalog fact, a ranking or a filter is not a report.
    /// A fault supposed in a question about the warranty is the warranty's question; the same
    /// words told are a report.
    #[test]
    fn a_fault_supposed_asks_the_warranty_and_a_fault_told_reports_it() {
        let ask = Ask::parse("What cover do I get if the Table Lamp stops working?");
        assert_eq!((ask.attrs, ask.problem), (vec![Attr::Warranty], None));
        assert_eq!(Ask::parse("in case the watch breaks, how long is it covered?").problem, None);
        assert_eq!(Ask::parse("my lamp stopped working, is it under warranty?").problem, Some(Problem::Faulty));
        let refund = "If I send back the whole order because it was faulty, do I get the delivery fee back too?";
        assert_eq!(Ask::parse(refund).problem, Some(Problem::Faulty));
    }

    /// Attributes asked in words the first cues lacked: "what are you charging for", "do you carry",
    /// "hand it back", "how many kilos", "the fewest I can order", "how do shoppers rate it".
    #[test]
    fn attributes_asked_in_other_everyday_words() {
        for (text, attr) in [
            ("What are you charging for the Table Lamp?", Attr::Price),
            ("Do you carry the Table Lamp?", Attr::Stock),
            ("What if I want to hand the Table Lamp back?", Attr::Returns),
            ("How many kilos is the Table Lamp?", Attr::Weight),
            ("What is the fewest Table Lamp I can order?", Attr::MinimumOrder),
            ("How do shoppers rate the Table Lamp?", Attr::Rating),
            ("Can I order just one Table Lamp?", Attr::MinimumOrder),
            ("Can I buy a single Table Lamp?", Attr::MinimumOrder),
            ("What's the minimum purchase for the Table Lamp?", Attr::MinimumOrder),
            ("How much space does the Table Lamp take up?", Attr::Dimensions),
            ("What's the Table Lamp going for?", Attr::Price),
            ("Can I still get hold of the Table Lamp?", Attr::Stock),
            ("Do people like the Table Lamp?", Attr::Rating),
            ("wat r u asking for the Table Lamp", Attr::Price),
            ("What's the damage on the Table Lamp?", Attr::Price),
            ("What will the Table Lamp set me back?", Attr::Price),
            ("How big is the Table Lamp exactly?", Attr::Dimensions),
            ("Have you run out of the Table Lamp?", Attr::Stock),
            ("If the Table Lamp isn't right, can it go back?", Attr::Returns),
        ] {
            assert_eq!(Ask::parse_with(text, None, &["Table Lamp"]).attrs, vec![attr], "{text}");
        }
        assert!(Ask::parse("how many kilometres does the motorcycle do on a tank?").attrs.is_empty());
        assert!(!Ask::parse("is it fast at charging my phone?").attrs.contains(&Attr::Price));
        assert!(!Ask::parse("How long does the battery pack take to charge?").attrs.contains(&Attr::Price));
        assert_eq!(Ask::parse_with("Can I buy the Table Lamp today?", None, &["Table Lamp"]).attrs, vec![Attr::Stock]);
        assert!(Ask::parse("Is there much room inside the backpack?").attrs.is_empty());
        assert!(Ask::parse("how quickly does the kettle boil?").attrs.is_empty());
        assert!(Ask::parse_with("What do people like about the Table Lamp?", None, &["Table Lamp"]).attrs.is_empty());
        // The dimensions read by the examples or the model are a fit where a size is all it asks.
        let mut ask = Ask::parse_with("What size are the Golden Shoes Woman?", None, &["Golden Shoes Woman"]);
        assert!(ask.attrs.is_empty());
        ask.read_also(Attr::Dimensions);
        assert!(ask.sized && ask.attrs == [Attr::Dimensions]);
        assert_eq!(Ask::parse("how fast can you ship the kettle?").attrs, vec![Attr::Shipping]);
        assert_eq!(Ask::parse("how quickly will the kettle get to me?").attrs, vec![Attr::Shipping]);
        // What it is like once there is not when it comes; being ready to send is being in stock.
        assert!(Ask::parse("Is the kiwi ripe when it arrives?").attrs.is_empty());
        assert!(Ask::parse("does the desk come assembled on delivery?").attrs.is_empty());
        assert_eq!(Ask::parse("when will it arrive?").attrs, vec![Attr::Shipping]);
        assert_eq!(Ask::parse("once it arrives, how long until the second one ships?").attrs, vec![Attr::Shipping]);
        assert!(Ask::parse("Is the kettle ready to ship?").attrs.contains(&Attr::Stock));
        assert!(Ask::parse("Was there damage to the box?").attrs.is_empty());
        for (text, rank) in [
            ("Which phone has the poorest rating?", Rank::WorstRated),
            ("the least popular sunglasses", Rank::WorstRated),
            ("What's your most popular perfume?", Rank::BestRated),
        ] {
            assert_eq!(Ask::parse(text).rank, Some(rank), "{text}");
        }
    }

    #[test]
    fn a_supposition_then_a_question_asks_and_reports_nothing() {
        for text in [
            "If the Table Lamp isn't right, can it go back?",
            "if it turns out to be the wrong colour, what do I do?",
            "Say the Table Lamp is not what I expected, could I swap it?",
        ] {
            assert!(!Ask::parse_with(text, None, &["Table Lamp"]).may_report(), "{text}");
        }
        // Told, not supposed: a report the examples may read.
        for text in
            ["The Table Lamp isn't right, I want my money back", "I'm not happy with the Table Lamp, it's not right"]
        {
            assert!(Ask::parse_with(text, None, &["Table Lamp"]).may_report(), "{text}");
        }
    }

    #[test]
    fn a_number_held_asks_the_stock() {
        for text in [
            "Do you have at least 10 Table Lamps?",
            "have you got three of the Table Lamp?",
            "will it be back in stock soon",
            "any Table Lamp on the shelf?",
            "is there a Table Lamp on your shelves right now",
        ] {
            assert!(Ask::parse_with(text, None, &["Table Lamp"]).attrs.contains(&Attr::Stock), "{text}");
        }
        // Back from a repair is no stock; when it is back in the shop is its shipping, which says
        // first that it is out of stock (`facts`).
        assert!(!Ask::parse("Would a repaired Table Lamp be back within a week?").attrs.contains(&Attr::Stock));
        let ask = Ask::parse_with("Do you have a 2 year warranty on the Table Lamp?", None, &["Table Lamp"]);
        assert_eq!(ask.attrs, vec![Attr::Warranty]);
    }

    #[test]
    fn how_many_of_a_product_the_shop_has_asks_its_stock() {
        for text in [
            "How many Table Lamps do you have?",
            "how many of the Table Lamp have you got",
            "How many pieces of the Table Lamp are there right now?",
            "How many Table Lamp remain?",
            "how many could you send me?",
        ] {
            assert_eq!(Ask::parse_with(text, None, &["Table Lamp"]).attrs, vec![Attr::Stock], "{text}");
        }
        for text in [
            "How many colours of the Table Lamp do you have?",
            "How many bulbs are there in the Table Lamp?",
            "How many people is there room for on the sofa?",
            "how many kilometres does the motorcycle do on a tank?",
        ] {
            assert!(!Ask::parse_with(text, None, &["Table Lamp"]).attrs.contains(&Attr::Stock), "{text}");
        }
        // The fewest that may be ordered is its own question.
        let ask = Ask::parse_with("How many Table Lamps do I have to buy?", None, &["Table Lamp"]);
        assert_eq!(ask.attrs, vec![Attr::MinimumOrder]);
    }

    #[test]
    fn a_product_asked_about_as_a_whole_is_an_overview() {
        let names = ["Oppo K1", "Kiwi"];
        let overview = |text: &str| {
            Ask::parse_with(text, None, &crate::chat::translate::names_in(text, names.iter().copied())).overview
        };
        for text in [
            "Show me the Oppo K1",
            "Tell me more about it",
            "Oppo K1?",
            "What is the Kiwi?",
            "Do you sell the Kiwi?",
            "I'm interested in the Oppo K1",
            "any info on the Oppo K1 please",
        ] {
            assert!(overview(text), "{text}");
        }
        for text in [
            "Is the Kiwi organic?",
            "Show me laptops under $500",
            "Tell me about your return policy",
            "What is the price of the Oppo K1?",
            "ok",
            "Tell me about the Oppo K1's camera",
            "the cheapest phone?",
        ] {
            assert!(!overview(text), "{text}");
        }
        assert!(!Ask::parse_with("Show me the Oppo K1", None, &["Oppo K1"]).may_ask_fact(true));
    }

    #[test]
    fn only_a_statement_asking_nothing_of_the_catalog_may_report_a_problem() {
        for text in [
            "The Fish Steak had a horrible odour when I opened the box",
            "The hairdryer gives off sparks, is that covered?",
            "Nobody ever brought my order",
        ] {
            assert!(Ask::parse(text).may_report(), "{text}");
        }
        for text in [
            "Does the Fish Steak have a strong smell?",
            "Is the sofa easy to clean?",
            "How much is the iPhone 13 Pro?",
            "the cheapest laptop",
            "phones under $300",
            "The Rolex was $199 on your site yesterday",
            "The kettle arrived cracked",
        ] {
            assert!(!Ask::parse(text).may_report(), "{text}");
        }
    }

    #[test]
    fn shipping_to_a_named_country_is_shipping_abroad() {
        for text in [
            "Can the Scooter Motorcycle be delivered to Germany?",
            "how long does shipping to the UK take for the iPhone X?",
            "Do you deliver the perfume in South Korea?",
            "Can I have a perfume sent to Japan?",
            "Can it go to Germany?",
            "Can I send a perfume from Japan?",
        ] {
            assert!(Ask::parse(text).abroad, "{text}");
        }
        for text in [
            "How long until it gets to us?",
            "Is the green tea made in Japan?",
            "when will it arrive in Paris",
            "Can I get it in blue?",
        ] {
            assert!(!Ask::parse(text).abroad, "{text}");
        }
    }
}
