//! Questions about a product that its catalog fields do not settle: how to pay for it, holding
//! it, when it comes back, returning it once opened or used, what its warranty covers, how a
//! return or a claim is made, what its delivery costs, a price that changed. The catalog's fact
//! ("the sofa costs $2,499.99", "the sunglasses are out of stock") is said, then the shop's
//! policy for the case, in its article's words.
use super::{Attr, any_cue};

/// The kind of terms a question about a product asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terms {
    /// Paying in instalments.
    Instalments,
    /// Ways to pay: cards, transfers, deposits.
    Payment,
    /// Keeping an item for the shopper.
    Hold,
    /// When an item out of stock comes back.
    Restock,
    /// Whether a return or the warranty still holds in a case: opened, used, dropped.
    Condition,
    /// How a return, an exchange or a warranty claim is made.
    Process,
    /// What delivery or a return costs, apart from the product's price.
    Fees,
    /// A price that dropped or is lower elsewhere.
    PriceChange,
    /// When the money of a return comes back.
    Refund,
}

/// Paying over time.
#[rustfmt::skip]
const INSTALMENTS: &[&str] = &["instal*", "installment*", "monthly", "per month", "each month", "over _ months",
    "over _ _ months", "financ*", "credit check", "payment plan*", "pay over", "pay _ over", "spread the cost",
    "spread _ payment*", "split _ payment*", "pay later", "layaway"];
/// Ways of paying.
#[rustfmt::skip]
const PAYMENT: &[&str] = &["pay in", "pay _ in", "pay with", "pay _ with", "pay by", "pay _ by", "pay using",
    "pay _ using", "how do i pay", "how can i pay", "how would i pay", "way* to pay", "how _ paid", "deposit",
    "down payment", "put down", "up front", "upfront", "paypal", "apple pay", "google pay", "credit card*",
    "debit card*", "by card", "amex", "american express", "visa", "mastercard", "bank transfer", "cash", "cheque*",
    "payment method*"];
/// Keeping an item: said outright, or a verb of keeping with what it is kept for, the product's
/// name between them ("hold the Sportbike Motorcycle for me until Friday"). Not a verb of keeping
/// alone: "how long do you hold on to my chats?" asks how long data is kept.
const HOLD: &[&str] = &["reserve*", "reservation", "aside", "on hold"];
const KEEP: &[&str] = &["hold", "keep", "save", "put"];
const KEPT_FOR: &[&str] = &["for me", "until", "till", "for a few", "for a couple", "for later", "for now"];
/// When money comes back, beside a return cue.
#[rustfmt::skip]
const WHEN_PAID: &[&str] = &["how long until", "how long till", "how long before", "how long does _ refund",
    "how long _ refund take", "how soon", "how quickly", "when will", "when do", "when does", "when would",
    "how many days", "back on my", "hit* my", "in my account", "on my card"];
/// Delivery said as a service, beside a price cue: "what does delivery of the bed cost?".
const SERVICE: &[&str] = &["delivery", "shipping", "postage", "freight", "courier"];
/// Asking when, or to be told when, beside a stock question.
#[rustfmt::skip]
const WHEN_BACK: &[&str] = &["when", "notify*", "let me know", "tell me when", "email me", "alert*", "again",
    "come back", "coming back", "be back", "get more", "getting more", "more coming", "next batch", "expect*"];
/// A price that changed or is lower elsewhere.
#[rustfmt::skip]
const PRICE_CHANGE: &[&str] = &["price* drop*", "price* _ drop*", "drop* in price", "price* went down",
    "price* _ gone down", "price* _ _ gone down", "price* fell", "price* _ fell", "cheaper now", "now cheaper",
    "been reduced", "reduced", "price match*", "match _ price", "match the price", "match it",
    "match that", "beat _ price", "for less", "cheaper elsewhere", "cheaper somewhere", "cheaper at", "cheaper on",
    "the difference", "price difference", "difference in price", "on sale", "went on sale", "it's cheaper",
    "it is cheaper", "is _ cheaper now", "got cheaper", "gotten cheaper", "become cheaper", "cheaper than i paid",
    "cheaper than when", "less than i paid", "lower than i paid"];
/// A price moving, beside a price cue: "the price of the Tray dropped".
const PRICE_MOVED: &[&str] = &["drop*", "went down", "gone down", "fell", "cut", "slashed"];
/// The state of an item sent back: opened, used, without its box.
#[rustfmt::skip]
const RETURN_CASE: &[&str] = &["open", "opened", "unsealed", "seal*", "used", "use _", "using", "worn", "wore",
    "tried", "washed", "assembled", "installed", "set up", "box", "packaging", "packet", "tag", "tags", "label*",
    "applied", "sprayed", "without the", "registered", "ridden", "driven", "mileage", "miles", "fitted",
    "cut", "altered"];
/// What happened to an item the warranty might cover: "if I drop it".
#[rustfmt::skip]
const WARRANTY_CASE: &[&str] = &["drop*", "water", "wet", "accident*", "spill*", "misuse", "wear and tear",
    "cover _ if", "covered if", "cover* me if", "what does _ cover", "what _ covered", "does _ cover",
    "what is covered", "what's covered"];
/// Asking how something is done.
#[rustfmt::skip]
const HOW: &[&str] = &["how do i", "how can i", "how would i", "how should i", "how to", "how does _ work",
    "what do i do", "what should i do", "what do i need", "process", "procedure", "steps", "who do i contact",
    "where do i", "claim*", "start a", "label", "swap*", "exchange*"];
/// Delivery or a return costing something, not the product: said with what is asked of the
/// product (its shipping, its return, its price).
const FEES: &[&str] = &["who pays", "fee", "fees", "cost* to send"];
/// The cost of delivery named outright: the terms asked, whatever else the message asks ("can I
/// order the Kawasaki Z800 with free delivery?" asks no catalog field, and is no yes for the model
/// to give).
#[rustfmt::skip]
const DELIVERY_FEES: &[&str] = &["postage", "free shipping", "free delivery", "free postage", "shipping cost*",
    "delivery cost*", "cost* to ship", "cost* to deliver", "cost of shipping", "cost of delivery", "shipping charge*",
    "delivery charge*", "charge* for shipping", "charge* for delivery", "shipping fee*", "delivery fee*",
    "pay for shipping", "pay for delivery", "pay for postage", "pay shipping", "pay _ shipping", "return shipping",
    "ship* for free", "deliver* for free", "free of charge"];

impl Terms {
    /// The terms a message asks for, given the catalog facts it asks (`attrs`); `w` are its
    /// words as the request reads them. Tried in order: costs beside the product's price,
    /// paying, holding, restocking, price changes, then how returns and claims are made and
    /// whether they hold in a case, and when a refund is paid.
    pub fn of(w: &[String], attrs: &[Attr]) -> Option<Self> {
        let asks = |a| attrs.contains(&a);
        // "What does delivery of the bed cost?", "will sending it back cost me anything?"; not
        // "what does the wok cost and when does it ship?".
        let service = any_cue(w, SERVICE) || (asks(Attr::Returns) && any_cue(w, &["cost*", "charge*"]));
        let service_priced = asks(Attr::Price) && service && !w.iter().any(|x| x == "and");
        let fees_asked = any_cue(w, FEES) && (asks(Attr::Shipping) || asks(Attr::Returns) || asks(Attr::Price));
        if service_priced || fees_asked || any_cue(w, DELIVERY_FEES) {
            return Some(Terms::Fees);
        }
        if any_cue(w, INSTALMENTS) {
            return Some(Terms::Instalments);
        }
        if any_cue(w, PAYMENT) {
            return Some(Terms::Payment);
        }
        if any_cue(w, HOLD) || (any_cue(w, KEEP) && any_cue(w, KEPT_FOR)) {
            return Some(Terms::Hold);
        }
        if asks(Attr::Stock) && any_cue(w, WHEN_BACK) {
            return Some(Terms::Restock);
        }
        if any_cue(w, PRICE_CHANGE) || (asks(Attr::Price) && any_cue(w, PRICE_MOVED)) {
            return Some(Terms::PriceChange);
        }
        // "When will the money be on my card once I post the parcel back?" is a return too.
        let returned = asks(Attr::Returns) || w.iter().any(|x| x == "back");
        if returned && any_cue(w, &["refund*", "money"]) && any_cue(w, WHEN_PAID) {
            return Some(Terms::Refund);
        }
        if (asks(Attr::Returns) || asks(Attr::Warranty)) && any_cue(w, HOW) {
            return Some(Terms::Process);
        }
        if (asks(Attr::Returns) && any_cue(w, RETURN_CASE)) || (asks(Attr::Warranty) && any_cue(w, WARRANTY_CASE)) {
            return Some(Terms::Condition);
        }
        None
    }

    /// The catalog fact these terms turn on, said when the question asks none.
    pub fn implied(self) -> Option<Attr> {
        match self {
            Terms::Hold | Terms::Restock => Some(Attr::Stock),
            Terms::Instalments | Terms::Payment | Terms::PriceChange => Some(Attr::Price),
            _ => None,
        }
    }

    /// Whether the product's facts are said before the policy: not for what delivery or a
    /// return costs or when a refund is paid, where "costs" and "how long until" are cues of
    /// the service, not of the product.
    pub fn with_facts(self) -> bool {
        !matches!(self, Terms::Fees | Terms::Refund)
    }

    /// How shops' policies word these terms, beside the question, for matching the articles.
    pub fn policy_words(self, attrs: &[Attr]) -> &'static str {
        let warranty = attrs.contains(&Attr::Warranty) && !attrs.contains(&Attr::Returns);
        match self {
            Terms::Instalments => "paying in monthly instalments",
            Terms::Payment => "ways to pay",
            Terms::Hold => "reserve an item",
            Terms::Restock => "out of stock, when it is back",
            Terms::Condition if warranty => "what the warranty covers and does not cover",
            Terms::Condition => "returned items must be unused, in the original packaging",
            Terms::Process if warranty => "how to make a warranty claim",
            Terms::Process => "how to return an item",
            Terms::Fees => "shipping costs, return shipping costs",
            Terms::PriceChange => "price changes, price match",
            Terms::Refund => "when refunds are paid",
        }
    }
}
