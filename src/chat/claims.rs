//! Checks each claim of a model answer against the sources it was given, before the shopper sees
//! it: every price, percentage, duration and number must be written in a source, policy words
//! ("free", "lifetime") must be too, a yes to returns, shipping abroad or stock must not meet
//! a source that says no, and what a sentence opening with a yes or a no says (or, for a question
//! asking for one, a sentence saying its words back) must be in one source's words (`verdict`).
//! A sentence with an unsupported claim is not shown.
use super::cards::SourceCard;
use super::facts::{no_warranty, not_returnable};
use super::request::Ask;
use crate::domain::{ClaimAction, Language, Product, sentence_end};
use crate::prompts::Words;
use serde::Serialize;

mod amounts;
mod clock;
mod refusals;
mod sources;
mod standing;
mod verdict;
mod words;
use amounts::{Amount, CITATION, amounts, counts, currencies, currency};
use clock::{Clock, clock_times, times_and_rest};
use refusals::{
    Refusal, Topic, about_abroad, content_words, kind_words, negated, negated_in, refusals_in, says_yes_to,
};
use sources::SourceWords;
pub use standing::{return_exception, standing_terms};

/// What checking one answer found; stored with the message and counted in analytics.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Outcome {
    pub checked: u32,
    pub unsupported: u32,
    /// What was done about them: nothing, or the sentences were left out and the catalog's
    /// facts given instead.
    pub action: ClaimAction,
    /// What is said instead of the left-out sentences other than the catalog's facts: the
    /// sources' own sentences that say no to a left-out yes ("We cannot ship ... perfumes outside
    /// the country. [2]"), the description's sentence, the offer of a person.
    #[serde(skip)]
    corrections: Vec<Instead>,
    /// A yes or a no was left out: what follows it argues for it ("No, the Cricket Bat is not
    /// made of wood. It is made of leather."), and is shown only when a source it was about (the
    /// numbers of the products it names or cites; none: any source) holds all its words.
    #[serde(skip)]
    after_verdict: Option<Vec<usize>>,
    /// A sentence with an unsupported claim was left out that no source's own words correct
    /// (a price of the model's own): the catalog's facts are said too.
    #[serde(skip)]
    uncorrected: bool,
    /// A sentence was left out that needs a word said instead (a correction, the facts); those
    /// only describing a product in words no source holds are left out quietly.
    #[serde(skip)]
    loud: bool,
    /// Said when every sentence of the answer was left out quietly: the description's sentence
    /// that speaks to the question, or the offer of a person.
    #[serde(skip)]
    quiet_instead: Option<Instead>,
}

/// What is said in place of a left-out sentence: a source's own words, or the description's
/// sentence after its intro (`quote`), then the offer of a person where the description does not
/// answer (`offer`). A quote the answer already says is not said again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Instead {
    said: Option<String>,
    intro: String,
    quote: Option<String>,
    offer: Option<String>,
}

impl Instead {
    fn said(text: String) -> Self {
        Self { said: Some(text), intro: String::new(), quote: None, offer: None }
    }

    /// The words, less a quote whose sentence `shown` already holds; none when nothing is left.
    fn given(&self, shown: &str) -> Option<String> {
        if let Some(said) = &self.said {
            return (!shown.contains(said.as_str())).then(|| said.clone());
        }
        let sentence = |q: &String| q.rsplit_once(" [").map_or(q.clone(), |(s, _)| s.to_string());
        let quote = self.quote.as_ref().filter(|q| !shown.contains(&sentence(q)));
        let quoted = quote.map(|q| format!("{} {q}", self.intro).trim().to_string());
        let words: Vec<String> = quoted.into_iter().chain(self.offer.clone()).collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    fn text(&self) -> String {
        self.given("").unwrap_or_default()
    }
}

impl Default for Outcome {
    fn default() -> Self {
        Self {
            checked: 0,
            unsupported: 0,
            action: ClaimAction::Shown,
            corrections: Vec::new(),
            after_verdict: None,
            uncorrected: false,
            loud: false,
            quiet_instead: None,
        }
    }
}

impl Outcome {
    /// Checks one sentence and counts its claims; true when every one is supported. A left-out
    /// yes that a source refuses keeps the refusal, to be said instead.
    pub fn check(&mut self, evidence: &Evidence, sentence: &str) -> bool {
        let (mut checked, mut unsupported) = evidence.check(sentence);
        let claimed = unsupported > 0;
        if unsupported == 0 && self.after_verdict.as_ref().is_some_and(|about| evidence.unheld(sentence, about)) {
            checked += 1;
            unsupported += 1;
        }
        // A sentence describing a product in words no source holds ("suitable for both casual and
        // formal occasions") is left out without a word: what the sources say is enough.
        if unsupported == 0 && evidence.ungrounded(sentence) {
            self.checked += 1;
            self.unsupported += 1;
            if self.quiet_instead.is_none() {
                self.quiet_instead = evidence.unconfirmed();
            }
            return false;
        }
        self.checked += checked;
        self.unsupported += unsupported;
        if unsupported == 0 {
            return true;
        }
        self.loud = true;
        if self.after_verdict.is_none() && evidence.unbacked_verdict(sentence).is_some() {
            self.after_verdict = Some(evidence.named_in(sentence));
        }
        // What only argued for a left-out verdict needs no facts of its own; a number the facts
        // do not speak to ("it makes 8 cups" when only the price and stock would be said) gets
        // the description's sentence or the offer of a person, as a left-out answer does.
        let instead = match evidence.instead_of(sentence) {
            None if claimed && !evidence.facts_correct(sentence) => evidence.unconfirmed(),
            None => {
                self.uncorrected |= claimed;
                None
            }
            said => said,
        };
        if let Some(c) = instead.filter(|c| !self.corrections.contains(c)) {
            self.corrections.push(c);
        }
        false
    }

    /// Said instead of the left-out sentences: the sources' own words for each (a refusal, the
    /// description's sentence, the offer of a person) that the answer does not already say
    /// (`shown`), and `fallback` (the catalog's facts) for those no source's words correct.
    /// When every sentence was left out quietly, the description's sentence or the offer of a
    /// person.
    pub fn instead(&self, fallback: &str, shown: &str) -> String {
        let mut said: Vec<String> = self.corrections.iter().filter_map(|c| c.given(shown)).collect();
        if self.uncorrected || (self.loud && self.corrections.is_empty()) {
            said.push(fallback.to_string());
        }
        if said.is_empty() && shown.trim().is_empty() {
            said.push(self.quiet_instead.as_ref().map_or_else(|| fallback.to_string(), Instead::text));
        }
        said.join(" ")
    }
}

/// How a small model garbles the offer of a person into its refusal ("I can't connect you with a
/// person from the team"): the shop can always bring a person in, so this is never said.
const NO_PERSON: &[&str] = &[
    "can't connect you",
    "cannot connect you",
    "can not connect you",
    "unable to connect you",
    "can't put you in touch",
    "cannot put you in touch",
    "can't transfer you",
    "cannot transfer you",
];

/// Words that make a policy promise; one the sources do not use is not made.
const PROMISES: &[&str] = &[
    "free",
    "lifetime",
    "overnight",
    "unlimited",
    "worldwide",
    "same-day",
    "next-day",
    "guaranteed",
    "no questions",
    "price match",
    "match the price",
    "full refund",
];

/// What the answer may claim: the sources' texts and their products.
pub struct Evidence {
    amounts: Vec<Amount>,
    /// The times of day the sources and the shopper's question give (`clock`): "8 am", "20 Uhr".
    clocks: Vec<Clock>,
    /// What the sources count, and how many (`amounts::counts`): "4 burners".
    counts: Vec<(f64, String)>,
    /// The words of the products' names, which a sentence describing them need not find in a
    /// source (`ungrounded`).
    names: Vec<String>,
    /// The words of what the products are (their names', groups' and tags' words): a sentence
    /// holding one speaks of a product ("The bag is made of ...", `speaks_of_product`).
    kinds: Vec<String>,
    /// The one product the question is about, by its number (`asked_product`).
    asked_product: Option<usize>,
    text: String,
    products: Vec<(usize, Product)>,
    /// Sentences of the sources that say no to a topic.
    refusals: Vec<Refusal>,
    /// A source says the shop ships abroad (a sentence about other countries without a no).
    ships_abroad: bool,
    /// The question is about another country.
    asked_abroad: bool,
    /// What the shopper asked: a "yes" to their own wrong premise is not support.
    question: String,
    /// The shopper reports what someone said, promised or showed ("your colleague promised me",
    /// "it was $199 yesterday"): an answer may not simply agree.
    reported: bool,
    /// How the answer's language says yes and no, when it is not English.
    local: Option<Words>,
    /// The answer's language: a source's own refusal is said instead of a left-out yes only in
    /// English, the articles' language.
    lang: Language,
    /// The currencies the sources write amounts in: an answer's amount in another ("50元" for
    /// an article's "$50") is not theirs, though the number is.
    currencies: Vec<&'static str>,
    /// The shop's articles the answer was not given, whose refusals still hold (`with_standing`).
    standing: Vec<SourceCard>,
    /// Each source's number and words, and its articles' sentences with theirs: a yes or a no
    /// must say what one source's words say (`verdict`).
    source_words: Vec<SourceWords>,
    /// The question asks for a yes or a no ("will my ice cream survive the trip?").
    asked_yes_or_no: bool,
    /// The words of the question (`words::claim_words`): a yes or no may not lack them.
    asked: Vec<String>,
    /// The sources' words as written (`words::written`), whose compounds a claim's two words
    /// are read as ("touch screen", "touchscreen").
    written: Vec<String>,
    /// Said instead of a yes or no that no source holds when no article's sentence is close to
    /// it: that it could not be confirmed, and an offer of a person (`unsure`).
    unsure: Option<String>,
    /// Said before the description's sentence that stands in for a left-out answer ("Here is
    /// what our catalog says about it:"), so the shopper knows it is not the answer they asked.
    described_as: String,
    /// The question asks for a kind of thing or a count ("what fruit", "how many speakers").
    asks_kind: bool,
    /// The question asks for a catalog attribute (price, warranty, shipping...): the catalog's
    /// facts said instead of a left-out sentence answer it.
    asks_facts: bool,
}

/// A yes or a no as it is checked: the words of what it says yes or no to, and whether it says
/// yes without a word of refusal of its own ("Yes, but codes cannot be combined" says no).
struct Said {
    claim: Vec<String>,
    affirms: bool,
    /// It says no to its words ("the Pan is not non-stick", a bare "No."), which a product's
    /// description must not say.
    denies: bool,
    /// It answers a question that asks for no yes or no by saying the question's words back
    /// ("The Knife's blade is made of steel"): what it adds to them is the answer, and a source
    /// must hold it (`verdict::holds_answer`).
    answers: bool,
}

/// How an answer agrees.
const AGREES: &[&str] = &["yes", "correct", "that's right", "that is right", "indeed", "absolutely", "sure,"];
/// How a shopper reports a claim.
const REPORTS: &[&str] = &[
    " said",
    " told",
    " promised",
    " promise ",
    " claimed",
    " saw ",
    " seen ",
    " was $",
    " were $",
    "yesterday",
    "last week",
    "advertised",
    "right?",
    "confirm",
    "isn't it",
    "don't you",
    "didn't you",
    " read ",
    "heard",
];

impl Evidence {
    pub fn new(sources: &[SourceCard], question: &str) -> Self {
        let mut text = String::new();
        let mut products = Vec::new();
        let mut refusals = Vec::new();
        let mut ships_abroad = false;
        let mut source_words = Vec::new();
        for s in sources {
            let start = text.len();
            text.push_str(&s.title);
            text.push('\n');
            if let Some(p) = &s.product {
                for v in [&p.warranty, &p.shipping, &p.return_policy, &p.brand].into_iter().flatten() {
                    text.push_str(&format!("{v}\n"));
                }
                let rating = p.rating.map(|r| format!("{r:.2} {r:.1}")).unwrap_or_default();
                text.push_str(&format!(
                    "{} ${:.2} {} {rating}\n{}\n",
                    p.price,
                    p.price.as_f64(),
                    p.stock,
                    p.description
                ));
                text.push_str(&format!("{}\n", p.attributes));
                products.push((s.n, p.clone()));
            }
            if let Some(t) = &s.text {
                text.push_str(t);
                text.push('\n');
            }
            ships_abroad |= refusals_in(&text[start..], s.n, false, &mut refusals);
            source_words.push(SourceWords::new(s, &text[start..]));
        }
        let asked_yes_or_no = verdict::asks_yes_or_no(question);
        let asks_kind = !asked_yes_or_no && verdict::asks_kind(question);
        let asked_abroad = about_abroad(question);
        let written = words::written(&text);
        let asked = words::claim_words(&words::glued(question, &written));
        let titles: Vec<&str> = products.iter().map(|(_, p)| p.title.as_str()).collect();
        let names = words::claim_words(&titles.join(" "));
        let groups = products.iter().map(|(_, p)| format!("{} {}", p.category.replace('-', " "), p.tags.join(" ")));
        let kinds = words::claim_words(&format!("{} {}", titles.join(" "), groups.collect::<Vec<_>>().join(" ")));
        let asks_facts = !Ask::parse_with(question, None, &titles).attrs.is_empty();
        let question = format!(" {} ", question.to_lowercase());
        let asked_product = Self::asked_product(&products, &question);
        let reported = REPORTS.iter().any(|r| question.contains(r));
        let mut currencies = currencies(&text);
        currencies.extend(products.iter().filter_map(|(_, p)| currency(&p.currency.to_uppercase())));
        let mut clocks = clock_times(&text);
        clocks.extend(clock_times(&question));
        Self {
            amounts: amounts(&text),
            clocks,
            counts: counts(&text),
            names,
            kinds,
            asked_product,
            text: text.to_lowercase(),
            products,
            refusals,
            ships_abroad,
            asked_abroad,
            question,
            reported,
            local: None,
            lang: Language::En,
            currencies,
            standing: Vec::new(),
            source_words,
            asked_yes_or_no,
            asked,
            written,
            unsure: None,
            described_as: String::new(),
            asks_kind,
            asks_facts,
        }
    }

    /// What is said instead of a yes or no that neither a source holds nor an article's
    /// sentence answers: the catalog's price is no answer to "will it survive the trip?".
    /// `described`: said before a description's sentence that stands in for a left-out answer.
    pub fn unsure(self, text: &str, described: &str) -> Self {
        Self { unsure: Some(text.to_string()), described_as: described.to_string(), ..self }
    }

    /// Whether the catalog's facts said instead of a left-out `sentence` correct it: they answer
    /// the attribute the question asked, or, when it asked none (and its price and stock are
    /// said), the sentence gave a price, an amount in a currency or a stock; or the sources are
    /// articles, whose own sentences are said.
    fn facts_correct(&self, sentence: &str) -> bool {
        let lower = sentence.to_lowercase();
        let priced = amounts(sentence).iter().any(|a| a.unit == "money") || !currencies(sentence).is_empty();
        let stocked = ["stock", "units", "left", "available"].iter().any(|w| lower.contains(w));
        self.products.is_empty() || self.asks_facts || priced || stocked
    }

    /// Said instead of a left-out answer the catalog's facts do not speak to: the product's
    /// description's sentence that does (`described`), after `described_as`; else, for a question
    /// about one product, its description's first sentence and then `unsure` (what the catalog
    /// says of it, and the offer of a person for the rest); else `unsure`.
    fn unconfirmed(&self) -> Option<Instead> {
        let intro = self.described_as.clone();
        if let Some(quote) = self.described() {
            return Some(Instead { said: None, intro, quote: Some(quote), offer: None });
        }
        let opening = self.asked_product.and_then(|n| self.source_words.iter().find(|s| s.n == n)?.opening());
        match opening.filter(|_| self.lang == Language::En) {
            Some(quote) => Some(Instead { said: None, intro, quote: Some(quote), offer: self.unsure.clone() }),
            None => self.unsure.clone().map(Instead::said),
        }
    }

    /// The number of the one product the `question` (lowercase) is about: the one it names, or
    /// the only product source ("how would I eat it?").
    fn asked_product(products: &[(usize, Product)], question: &str) -> Option<usize> {
        let named: Vec<usize> =
            products.iter().filter(|(_, p)| question.contains(&p.title.to_lowercase())).map(|(n, _)| *n).collect();
        match (named.as_slice(), products) {
            ([n], _) => Some(*n),
            ([], [(n, _)]) => Some(*n),
            _ => None,
        }
    }

    /// A description's sentence as it is said in place of an answer: after `described_as`.
    pub fn introduced(&self, quote: &str) -> String {
        format!("{} {quote}", self.described_as).trim().to_string()
    }

    /// Reads yes/no claims in the answer's language too (`words` of its `prompts/lang` file).
    pub fn in_language(self, lang: Language, words: &Words) -> Self {
        Self { local: Some(words.clone()), lang, ..self }
    }

    /// Whether a source carries amount `a`. `about_product`: the sentence cites or names a
    /// product, so its amounts are the catalog's word and only a source can give them.
    fn supports(&self, a: &Amount, about_product: bool) -> bool {
        let same = |x: &Amount| (x.value - a.value).abs() < 0.005;
        // The shopper's own numbers ("my basket is $20") may be repeated, unless they report them
        // as a claim ("it was $199 yesterday") or the sentence gives them as a product's (a
        // price in the message, even dressed up as a source, is still only the shopper's word).
        if !self.reported && !about_product && amounts(&self.question).iter().any(|x| same(x) && x.unit == a.unit) {
            return true;
        }
        match a.unit {
            // A bare number may be any number the sources carry (a stock count, a rating, a size).
            "" => self.amounts.iter().any(same),
            "money" => self.amounts.iter().any(|x| same(x) && matches!(x.unit, "money" | "")),
            unit => self.amounts.iter().any(|x| same(x) && x.unit == unit),
        }
    }

    /// Whether the sums of money a sentence says together (`said`), other than the products'
    /// prices and the shopper's own, are said together by one sentence of an article: an article's
    /// "$50" and "$14.99" are each the shop's, but "orders under $50 cost $14.99" is not (it is
    /// $4.99 below $50, and $14.99 for express at any value).
    fn said_together(&self, said: &[Amount]) -> bool {
        let same = |a: f64, b: f64| (a - b).abs() < 0.005;
        let theirs = |v: f64| {
            self.products.iter().any(|(_, p)| same(p.price.as_f64(), v))
                || (!self.reported && amounts(&self.question).iter().any(|x| same(x.value, v)))
        };
        let mut sums: Vec<f64> =
            said.iter().filter(|a| a.unit == "money" && !theirs(a.value)).map(|a| a.value).collect();
        sums.sort_by(f64::total_cmp);
        sums.dedup_by(|a, b| same(*a, *b));
        // Read from the articles' sentences only when there is a pairing to check (rarely).
        let together = |text: &str| {
            let there = amounts(text);
            sums.iter().all(|v| there.iter().any(|x| x.unit == "money" && same(x.value, *v)))
        };
        sums.len() < 2 || self.source_words.iter().flat_map(SourceWords::quotable).any(|t| together(&t.text))
    }

    /// Whether a (lowercased) sentence says no about a warranty, in English or its own language.
    fn denies_warranty(&self, lower: &str) -> bool {
        let english = ["warranty", "guarantee", "guaranteed"].iter().any(|w| lower.contains(w)) && negated(lower);
        let local = self.local.as_ref().is_some_and(|w| {
            w.claim_warranty.iter().any(|x| lower.contains(x.as_str())) && negated_in(lower, &w.claim_negations)
        });
        english || local
    }

    /// The products a sentence is about: those it cites or names, else every product source.
    fn products_of(&self, sentence: &str) -> Vec<&Product> {
        let named = self.named_in(sentence);
        self.products.iter().filter(|(n, _)| named.is_empty() || named.contains(n)).map(|(_, p)| p).collect()
    }

    /// Checks one sentence: how many claims it makes and how many no source supports.
    pub fn check(&self, sentence: &str) -> (u32, u32) {
        let mut checked = 0;
        let mut unsupported = 0;
        let body = sentence.trim_start_matches(|c: char| c == '-' || c == '*' || c.is_whitespace());
        // A list marker ("1. ") is not a claim.
        let body = match body.split_once(". ") {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 2 => rest,
            _ => body,
        };
        let lower = body.to_lowercase();
        let about_product = !self.named_in(body).is_empty();
        // A time of day's numbers are checked as the time they are (below), not as amounts.
        let (times, rest) = times_and_rest(body);
        let said = amounts(&rest);
        for a in &said {
            checked += 1;
            if !self.supports(a, about_product) {
                unsupported += 1;
            }
        }
        if unsupported == 0 && !self.said_together(&said) {
            tracing::debug!(sentence = body, "sums no source sentence says together");
            checked += 1;
            unsupported += 1;
        }
        // A time of day, in any language, is one the sources or the shopper gave: "8時半" is
        // no time of the contact hours' "8 am to 8 pm", though no number in it is new.
        for t in times {
            checked += 1;
            if !self.clocks.iter().any(|s| t.is(s)) {
                tracing::debug!(sentence = body, "a time of day no source gives");
                unsupported += 1;
            }
        }
        // What a product has so many of ("The Electric Stove has 2 burners") is a source's count
        // of the same thing, not any number it carries (its "2 year warranty").
        if about_product && self.lang == Language::En {
            for (value, what) in counts(body) {
                checked += 1;
                if !self.counts.iter().any(|(v, w)| (v - value).abs() < 0.005 && *w == what) {
                    tracing::debug!(value, what, "a count no source gives");
                    unsupported += 1;
                }
            }
        }
        let known = |c: &str| {
            self.currencies.contains(&c)
                || (c == "YEN" && self.currencies.iter().any(|k| matches!(*k, "CNY" | "JPY" | "YEN")))
        };
        for c in currencies(body).into_iter().filter(|c| !known(c)) {
            tracing::debug!(currency = c, "an amount in a currency no source uses");
            checked += 1;
            unsupported += 1;
        }
        let lower = lower.replace("feel free", "");
        for p in PROMISES {
            if lower.contains(p) {
                checked += 1;
                if !self.text.contains(p) {
                    unsupported += 1;
                }
            }
        }
        if NO_PERSON.iter().any(|p| lower.contains(p)) {
            checked += 1;
            unsupported += 1;
        }
        // "The iPhone 5s has no warranty", "El iPhone 5s no tiene garantía": a product said to
        // have none, in any language, must have none in the catalog.
        if about_product && self.denies_warranty(&lower) {
            checked += 1;
            if self.products_of(body).iter().any(|p| !no_warranty(p)) {
                tracing::debug!(sentence = body, "a warranty denied of a product that has one");
                unsupported += 1;
            }
        }
        if let Some(topic) = says_yes_to(body, self.local.as_ref()) {
            checked += 1;
            if self.contradicts(topic, body) {
                unsupported += 1;
            }
        }
        if let Some(said) = self.verdict(body) {
            checked += 1;
            if !self.backs(body, &said) {
                unsupported += 1;
            }
        }
        // "Yes, it's still $199", "Yes, the agent confirmed that returns are free": agreeing with
        // what the shopper reports someone said or saw, which no source can confirm as a yes.
        let agrees = AGREES.iter().any(|w| lower.starts_with(w)) || lower.contains("confirmed that");
        if agrees && self.reported {
            checked += 1;
            unsupported += 1;
        }
        (checked, unsupported)
    }

    /// The yes or no a sentence opens with, read as the words of what it says yes or no to (the
    /// question's, for a bare "Yes."), or, for a question asking for one, the sentence that says
    /// its words back (`verdict::restates`); English answers only, as the sources are English.
    fn verdict(&self, sentence: &str) -> Option<Said> {
        if self.lang != Language::En {
            return None;
        }
        if let Some((yes, said)) = verdict::verdict(sentence, self.asked_yes_or_no) {
            let (said, claim) = self.said(said);
            let no = negated(&said.to_lowercase());
            return Some(match claim.is_empty() {
                true => Said { claim: self.asked.clone(), affirms: yes, denies: !yes, answers: false },
                false => Said { claim, affirms: yes && !no, denies: no, answers: false },
            });
        }
        let (said, claim) = self.said(sentence);
        let no = negated(&said.to_lowercase());
        verdict::restates(&said, &claim, &self.asked).then_some(Said {
            affirms: !no,
            denies: no,
            answers: !self.asked_yes_or_no,
            claim,
        })
    }

    /// A sentence's text without its citations, and the words of what it claims, two words the
    /// sources write as one read as one (`words::glued`).
    fn said(&self, text: &str) -> (String, Vec<String>) {
        let said = CITATION.replace_all(text, " ").into_owned();
        let claim = words::claim_words(&words::glued(&said, &self.written));
        (said, claim)
    }

    /// Whether no one source of those a left-out yes or no was `about` (none: any) holds every
    /// word of a sentence: what follows it is shown only when it says only what such a source
    /// says ("It is made of leather" is not the Cricket Bat's, though it is the Cricket Ball's).
    /// English answers only, as the sources are English.
    fn unheld(&self, sentence: &str, about: &[usize]) -> bool {
        if self.lang != Language::En {
            return false;
        }
        let (_, claim) = self.said(sentence);
        let sources = self.source_words.iter().filter(|s| about.is_empty() || about.contains(&s.n));
        !claim.is_empty() && !sources.into_iter().any(|s| claim.iter().all(|w| s.words.contains(w)))
    }

    /// The numbers of the products a sentence cites or names.
    fn named_in(&self, sentence: &str) -> Vec<usize> {
        let lower = sentence.to_lowercase();
        let cited = super::cards::cited(sentence);
        let named = self.products.iter().filter(|(n, p)| cited.contains(n) || lower.contains(&p.title.to_lowercase()));
        named.map(|(n, _)| *n).collect()
    }

    /// A yes or a no whose words no one source holds: the model's own inference ("Yes, your
    /// ice cream will survive the trip" from "delivered in insulated packaging"); or a yes
    /// whose words an article holds in a sentence that says no ("Yes, you can use two codes
    /// on one order" and "Only one code can be used per order, and codes cannot be combined");
    /// or a no to what a product's description says ("No, the Pan is not non-stick").
    fn unbacked_verdict(&self, sentence: &str) -> Option<Said> {
        self.verdict(sentence).filter(|said| !self.backs(sentence, said))
    }

    /// Whether one source holds what a yes or a no says (`verdict::holds`), and, for a yes, its
    /// closest sentence does not say no; for a no, no product's description says it.
    fn backs(&self, sentence: &str, said: &Said) -> bool {
        let holds = |s: &SourceWords| match said.answers {
            true => verdict::holds_answer(&said.claim, &s.answer_words, &self.asked),
            false => verdict::holds(&said.claim, &s.words, &self.asked),
        };
        let backed = self.source_words.iter().any(|s| holds(s) && !(said.affirms && s.refuses(&said.claim)))
            && self.affirmed(said).is_none();
        if !backed {
            tracing::debug!(sentence, claim = ?said.claim, "a yes, a no or an answer that no source holds");
        }
        backed
    }

    /// For a question about a product, the sentence of its description that speaks to it
    /// (`SourceWords::describing`), quoted with its number: what the catalog says, where the
    /// model's verdict or answer was left out or it said it did not know. English only.
    pub fn described(&self) -> Option<String> {
        if self.lang != Language::En {
            return None;
        }
        // The first source of the most shared words; of the product asked about when the question
        // is about one ("Is the Tennis Ball pressurised?" is not the Tennis Racket's to answer).
        let asked = self.asked_product;
        let sources = self.source_words.iter().rev().filter(|s| asked.is_none_or(|n| s.n == n));
        let best = sources.filter_map(|s| s.describing(&self.asked)).max_by_key(|(n, _)| *n);
        best.map(|(_, sentence)| sentence)
    }

    /// Whether a sentence describes a product (`speaks_of_product`) in words no one source holds:
    /// all but a quarter of its words beyond the products' names and the question's, three at
    /// least ("They are suitable for both casual and formal occasions" where the description says
    /// "perfect for casual wear"). A sentence that says it does not know is read without its
    /// hedging clauses ("designed for speed and agility, so its top speed is not specified"). A
    /// yes, a no, an answer and a bare "I don't know" are checked as such. English only, as the
    /// sources are English.
    fn ungrounded(&self, sentence: &str) -> bool {
        if self.lang != Language::En || self.products.is_empty() || sentence.trim_end().ends_with('?') {
            return false;
        }
        if self.verdict(sentence).is_some() {
            return false;
        }
        // Beside a hedge, the clauses that speak of a product ("The Eggs are available in
        // different sizes, but ..."), not the offer of a person ("..., but I can connect you").
        let said = match verdict::hedges(sentence) {
            true => {
                let clauses = verdict::unhedged(sentence).into_iter().filter(|c| self.speaks_of_product(c));
                clauses.collect::<Vec<_>>().join(", ")
            }
            false if self.speaks_of_product(sentence) => sentence.to_string(),
            false => String::new(),
        };
        let (_, claim) = self.said(&said);
        // A question for a kind of thing ("what size are the Eggs?") is answered by what a
        // sentence about the product adds to its words, however few ("The Eggs are
        // medium-sized.", or beside a hedge "available in various sizes, but ..."): one source,
        // the product's when the question is about one, must hold them (`verdict::holds_answer`).
        if self.asks_kind {
            let added: Vec<String> = claim.iter().filter(|w| !self.names.contains(w)).cloned().collect();
            let held = |s: &SourceWords| verdict::holds_answer(&added, &s.answer_words, &self.asked);
            // The product asked about must hold them, not any source ("available" in an article).
            let asked = self.source_words.iter().filter(|s| self.asked_product.is_none_or(|n| s.n == n));
            if !added.is_empty() && !asked.into_iter().any(held) {
                return true;
            }
        }
        let own: Vec<&String> = claim.iter().filter(|w| !self.names.contains(w) && !self.asked.contains(w)).collect();
        let lacks = |s: &SourceWords| own.iter().filter(|w| !s.words.contains(w)).count();
        own.len() >= 3 && !self.source_words.iter().any(|s| lacks(s) <= verdict::may_lack(own.len()))
    }

    /// Whether a sentence speaks of a product the answer was given: it names or cites one, points
    /// at one ("it", "its", "they", "them", "their", "this", "these", anywhere: "You can use it to
    /// make salads"), or holds a word of what one is, from its name, group or tags ("The bag is
    /// made of high-quality materials" of the Prada Women Bag).
    fn speaks_of_product(&self, sentence: &str) -> bool {
        const POINTERS: &[&str] = &["it", "its", "they", "them", "their", "this", "these"];
        let lower = sentence.to_lowercase();
        let points = lower.split(|c: char| !c.is_alphanumeric()).any(|w| POINTERS.contains(&w));
        points || !self.named_in(sentence).is_empty() || self.said(sentence).1.iter().any(|w| self.kinds.contains(w))
    }

    /// Whether a sentence says it does not know (`verdict::hedges`): "I don't know.", "I don't
    /// have any information about ...", or only says back a question asking for a kind of thing
    /// ("The Juice is made from fruit" for "what fruit is the Juice made from?"). English only.
    pub fn unknowing(&self, sentence: &str) -> bool {
        self.lang == Language::En && (verdict::hedges(sentence) || self.says_back(sentence))
    }

    /// Whether a sentence says only a question's words back, adding none, where the question asks
    /// for a kind of thing or a count (`verdict::asks_kind`).
    fn says_back(&self, sentence: &str) -> bool {
        if !self.asks_kind {
            return false;
        }
        let (said, claim) = self.said(sentence);
        verdict::restates(&said, &claim, &self.asked) && claim.iter().all(|w| self.asked.contains(w))
    }

    /// A product's description's sentence that says what a denial denies.
    fn affirmed(&self, said: &Said) -> Option<String> {
        said.denies.then(|| self.source_words.iter().find_map(|s| s.affirmed(&said.claim))).flatten()
    }

    /// Said instead of a left-out yes or no: the articles' sentence closest to it and to the
    /// question, by the words they share (two at least), with its number.
    fn closest_sentence(&self, sentence: &str) -> Option<String> {
        let mut wanted = self.verdict(sentence)?.claim;
        wanted.extend(self.asked.iter().cloned());
        wanted.sort_unstable();
        wanted.dedup();
        let shared = |words: &[String]| wanted.iter().filter(|w| words.contains(w)).count();
        let (n, said) = self
            .source_words
            .iter()
            .flat_map(|s| s.quotable().map(move |t| (s.n, t)))
            .max_by_key(|(_, t)| shared(&t.words))?;
        (shared(&said.words) >= 2).then(|| format!("{} [{n}]", said.text))
    }

    fn contradicts(&self, topic: Topic, sentence: &str) -> bool {
        let products = self.products_of(sentence);
        let product_says_no = match topic {
            Topic::Returns => products.iter().any(|p| not_returnable(p)),
            Topic::InStock => !products.is_empty() && products.iter().all(|p| !p.in_stock()),
            Topic::ShipsAbroad => false,
        };
        // Shipping abroad is the shop's policy: a yes about another country needs a source that
        // says the shop ships abroad (a product's "Ships in 2 days" is its time to dispatch, at
        // home; "it ships to you in a week" is no claim about abroad).
        let unsaid = topic == Topic::ShipsAbroad && !self.ships_abroad && (self.asked_abroad || about_abroad(sentence));
        product_says_no || unsaid || self.refusal(topic, sentence, &products).is_some()
    }

    /// What a source says instead of the yes `sentence` gives, in its own words and with its
    /// number, when one says no to it ("We cannot ship ... perfumes outside the country. [2]"),
    /// or instead of a no a product's description contradicts, that description's sentence; or
    /// instead of a yes or no no source holds, the articles' sentence closest to it, else
    /// `unsure`; an answer in another language gets the catalog's facts instead.
    pub fn correction(&self, sentence: &str) -> Option<String> {
        self.instead_of(sentence).map(|i| i.text())
    }

    /// `correction`, as it is said beside what the answer already says (`Instead::given`).
    fn instead_of(&self, sentence: &str) -> Option<Instead> {
        if self.lang != Language::En {
            return None;
        }
        let refused = says_yes_to(sentence, None)
            .and_then(|topic| self.refusal(topic, sentence, &self.products_of(sentence)))
            .and_then(Refusal::quoted);
        // A person refused is a person offered.
        let lower = sentence.to_lowercase();
        if NO_PERSON.iter().any(|p| lower.contains(p)) {
            return self.unsure.clone().map(Instead::said);
        }
        if let Some(refused) = refused {
            return Some(Instead::said(refused));
        }
        let said = self.unbacked_verdict(sentence)?;
        let closest = self.affirmed(&said).or_else(|| self.closest_sentence(sentence));
        closest.map(Instead::said).or_else(|| self.unconfirmed())
    }

    fn refusal(&self, topic: Topic, sentence: &str, products: &[&Product]) -> Option<&Refusal> {
        // A source sentence that says no to the topic, about something the shopper or the answer
        // mentions ("perfumes are not shipped abroad" and a question about perfume), or about the
        // kind of product the sentence is about (a scooter is in the group "motorcycle").
        // A standing term is matched on the products' kinds alone: "Opened beauty products ...
        // cannot be returned" holds for a lipstick, not for every answer that says "products".
        // And a standing refusal to ship abroad only for a yes about abroad: "the perfume ships
        // to you in 2 days" is about delivery at home.
        let kinds = kind_words(products);
        let mut mentioned = content_words(&format!("{sentence} {}", self.question));
        mentioned.extend(kinds.iter().cloned());
        let abroad = self.asked_abroad || about_abroad(sentence);
        self.refusals.iter().filter(|r| r.topic == topic).find(|r| match r.standing {
            true => (topic != Topic::ShipsAbroad || abroad) && r.words.iter().any(|w| kinds.contains(w)),
            false => r.words.iter().any(|w| mentioned.contains(w)),
        })
    }
}

/// A whole answer checked (the editor's preview): sentences with unsupported claims left out,
/// `fallback` said instead.
pub fn checked(evidence: &Evidence, answer: &str, fallback: &str) -> String {
    let mut rest = answer;
    let mut shown = String::new();
    let mut outcome = Outcome::default();
    while !rest.is_empty() {
        let end = sentence_end(rest).unwrap_or(rest.len());
        let (sentence, next) = rest.split_at(end);
        if outcome.check(evidence, sentence) {
            shown.push_str(sentence);
        }
        rest = next;
    }
    if outcome.unsupported > 0 {
        shown = format!("{} {}", shown.trim(), outcome.instead(fallback, &shown));
    }
    shown.trim().to_string()
}

#[cfg(test)]
mod tests;
