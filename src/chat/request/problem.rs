//! Reports of something gone wrong with an item the shopper has: read by their kind, answered
//! by the shop's policies for it, not by the product's facts.
use super::{any_cue, has_cue};
use serde::Deserialize;

/// Something gone wrong with an item the shopper has. A report of one is answered by the
/// shop's policies for it, not by the product's facts ("it arrived cracked" does not ask when
/// it ships), and is matched against the articles in the words shops use for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Damaged,
    Spoiled,
    Faulty,
    Missing,
    Wrong,
    NotArrived,
    /// A parcel whose tracking has stopped moving ("stuck at the depot for a week"): a
    /// question for the tracking policy, not for a lost parcel.
    Stalled,
    /// Damage or a fault the shopper's own mishap caused ("I dropped it and the screen
    /// cracked"): what the warranty does not cover, not an item that arrived damaged.
    Accident,
    /// Damage or a fault that came after months or years of use ("my headphones broke after a
    /// year"): a warranty claim, not an item that arrived damaged.
    InUse,
    /// An item worn out by use ("the strap is worn after years", "the sofa's fabric wore
    /// through"): what the warranty says of normal wear and tear.
    Worn,
    /// The state an item arrived in, told in words no other cue has ("the Strawberry arrived
    /// all slimy", "the sofa showed up with a stain"): not a question of when it ships, but
    /// one for the policies on items that arrive damaged or spoiled.
    OnArrival,
}

impl Problem {
    /// The problem a message reports; `w` are its words as the request reads them.
    pub fn of(w: &[String]) -> Option<Self> {
        let Some(problem) = PROBLEMS.iter().find(|(_, cues)| any_cue(w, cues)).map(|(p, _)| *p) else {
            // A mishap told with the cover asked ("I reversed over my sunglasses, will the
            // warranty fix them?") is an accident, whatever the harm is called.
            if any_cue(w, MISHAPS) && any_cue(w, COVER) {
                return Some(Problem::Accident);
            }
            return (any_cue(w, ARRIVED) && !any_cue(w, NOT_YET)).then_some(Problem::OnArrival);
        };
        // A leak is damage in transit when the parcel or its arrival is told ("the bottle
        // leaked all over the box"), else a fault of the item ("the kettle leaks underneath").
        // A parcel missing as a whole never came ("my package is missing"); something missing
        // from it ("my order is missing a lid", "two were missing from the box") is incomplete.
        if problem == Problem::Missing && parcel_gone(w) {
            return Some(Problem::NotArrived);
        }
        let leak_only = problem == Problem::Damaged && damage_cues(w).all(|c| c.starts_with("leak"));
        let in_transit = any_cue(w, ARRIVED) || any_cue(w, IN_TRANSIT);
        Some(if leak_only && !in_transit { Problem::Faulty } else { problem }.refined(w))
    }

    /// Whether `w` can tell of this kind at all, for a kind read by the nearest examples: a
    /// parcel lost or stuck is told with a parcel, an order, a delivery or its tracking ("the
    /// radio only picks up static" is near "tracking only shows..." but tells of no parcel).
    pub fn told_in(self, w: &[String]) -> bool {
        !matches!(self, Problem::NotArrived | Problem::Stalled) || any_cue(w, PARCEL)
    }

    /// Damage or a fault told with what the shopper did ("I dropped it") is an accident; told
    /// after months or years of use, a warranty matter. Whether the kind was read by the cues
    /// or by the nearest examples (`chat::problems`), the same words decide.
    pub fn refined(self, w: &[String]) -> Self {
        let harm = matches!(self, Problem::Damaged | Problem::Faulty);
        if harm && any_cue(w, MISHAPS) {
            Problem::Accident
        } else if harm && any_cue(w, IN_USE) && !any_cue(w, ARRIVED) {
            Problem::InUse
        } else if matches!(self, Problem::InUse | Problem::Worn) && !any_cue(w, IN_USE) && any_cue(w, RECENT) {
            // Use or wear read in an item just come ("my brand new earphones only play on one
            // side", "the zip jammed the first time"): a fault, the return window's.
            Problem::Faulty
        } else {
            self
        }
    }

    /// How shops' policies name this kind of problem.
    pub fn policy_words(self) -> &'static str {
        match self {
            Problem::Damaged => "arrived damaged",
            Problem::Spoiled => "arrived spoiled, damaged or past its date",
            Problem::Faulty => "faulty, stopped working",
            Problem::Missing => "missing items, incomplete parcel",
            Problem::Wrong => "wrong item sent",
            Problem::NotArrived => "parcel never arrived",
            Problem::Stalled => "the tracking has not moved",
            Problem::Accident => "accidental damage, what the warranty does not cover",
            Problem::InUse => "how to make a warranty claim for a fault in normal use",
            Problem::Worn => "normal wear and tear, what the warranty does not cover",
            Problem::OnArrival => "arrived damaged or spoiled",
        }
    }
}

/// An item's arrival told in the past: a report of the state it came in, unless it asks whether
/// it has come yet.
const ARRIVED: &[&str] = &["arrived", "got here", "showed up", "turned up", "was delivered", "were delivered"];
const NOT_YET: &[&str] =
    &["yet", "has arrived", "have arrived", "has _ arrived", "have _ arrived", "has it", "have they", "did _ arrive"];

/// How long an item was used before it failed: months or years of use make a failure a
/// warranty matter ("after a week" stays within the return window, and is a fault).
#[rustfmt::skip]
const IN_USE: &[&str] = &["after year*", "after _ year*", "after _ _ year*", "after _ _ _ year*", "after month*",
    "after _ month*", "after _ _ month*", "after _ _ _ month*", "year* of use", "month* of use", "year* later",
    "month* later", "had it for", "owned it for", "used it for", "using it for", "over a year", "over _ years",
    "more than a year", "year* ago", "month* ago"];

/// The damage cues `w` holds.
fn damage_cues(w: &[String]) -> impl Iterator<Item = &'static str> + '_ {
    PROBLEMS
        .iter()
        .filter(|(p, _)| *p == Problem::Damaged)
        .flat_map(|(_, cues)| cues.iter().copied())
        .filter(|c| has_cue(w, c))
}

/// A parcel, an order or its delivery: what a lost or stuck parcel is told with.
#[rustfmt::skip]
const PARCEL: &[&str] = &["parcel*", "package*", "order*", "deliver*", "tracking", "tracked", "courier*", "driver",
    "carrier", "post", "postman", "shipment", "dispatched", "sent", "signed for", "box"];

/// Whether the parcel itself is told missing: "my package is missing", "the order has gone
/// missing, what now?"; not "my order is missing a lid", "the charger is missing" nor "missing
/// from the parcel". The word before the verb is what is missing.
fn parcel_gone(w: &[String]) -> bool {
    const WHOLE: &[&str] = &["parcel*", "package*", "order*", "deliver*", "shipment*", "box"];
    const BE: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "went",
        "gone",
        "go",
        "has",
        "have",
        "had",
        "been",
        "seems",
        "still",
        "now",
        "just",
        "completely",
    ];
    const OBJECT: &[&str] = &[
        "a", "an", "the", "one", "two", "some", "my", "its", "half", "part*", "item*", "piece*", "from", "in",
        "inside", "out", "of",
    ];
    let is = |word: &String, cues: &[&str]| any_cue(std::slice::from_ref(word), cues);
    w.iter().enumerate().any(|(i, x)| {
        let subject = w[..i].iter().rev().find(|b| !is(b, BE));
        let verb = i > 0 && is(&w[i - 1], BE);
        x == "missing" && verb && subject.is_some_and(|s| is(s, WHOLE)) && w.get(i + 1).is_none_or(|n| !is(n, OBJECT))
    })
}

/// The parcel or its journey: a leak told with them happened in transit.
const IN_TRANSIT: &[&str] =
    &["parcel*", "package*", "packaging", "box", "on the way", "in transit", "deliver*", "when it came"];

/// An item just come: days, not months or years, since it arrived.
#[rustfmt::skip]
const RECENT: &[&str] = &["new", "brand new", "first time", "first use", "day* ago", "a week ago", "last week",
    "this week", "yesterday", "today", "this morning", "on monday", "on tuesday", "on wednesday", "on thursday",
    "on friday", "on saturday", "on sunday", "unboxed", "unpacked", "just arrived", "just came", "just got"];

/// The warranty's cover asked after: with a mishap, the question is what it does not cover.
const COVER: &[&str] = &["warranty", "guarantee", "covered", "cover", "covers", "repair*", "fix", "fixed", "replace*"];

/// What the shopper did to an item, beside damage or a fault: a mishap, not a defect.
#[rustfmt::skip]
const MISHAPS: &[&str] = &["dropped", "dropping", "knocked", "spill*", "spilt", "sat on", "stepped on", "stood on",
    "ran over", "run over", "drove over", "reversed over", "backed over", "chewed", "got wet", "in the bath",
    "in the pool", "in the sea", "in water", "into water", "in the sink", "in the toilet", "in the wash",
    "washing machine", "by accident", "accident*", "my fault", "fell out of my", "slipped out of my", "threw",
    "thrown"];

/// Cues of each kind of problem: states, not abilities ("does it scratch easily?" and "can it
/// crush ice?" report nothing).
#[rustfmt::skip]
const PROBLEMS: &[(Problem, &[&str])] = &[
    (Problem::Spoiled, &["rotten", "rotting", "mouldy", "moldy", "mould", "mold", "spoiled", "spoilt", "sour",
        "stale", "melted", "expired", "bruised", "gone off", "went off", "smelled off", "smells off", "smelt off",
        "past _ date", "past _ best", "past _ best before", "out of date", "gone bad", "went bad", "had gone bad",
        "fuzz", "dried out", "dried up", "shrivel*", "wilted", "wilting", "soggy", "mushy", "slimy", "curdled",
        "overripe", "stinks", "stank", "tastes off", "tasted off", "had thawed", "was thawed", "were thawed",
        "had defrosted", "was defrosted", "came warm", "arrived warm", "was warm", "were warm", "wasn't cold",
        "weren't cold", "infested", "maggot*", "was black inside", "were black inside", "was brown inside",
        "were brown inside"]),
    (Problem::Damaged, &["broke", "broken", "cracked", "cracks", "chipped", "dent", "dents", "dented", "torn",
        "ripped", "tore", "damaged", "smashed", "shattered", "scratched", "bent", "stained", "squashed", "crushed",
        "fell apart", "falling apart", "came apart", "leaks", "leaking", "leaked", "snapped", "split", "frayed",
        "fraying", "peeled", "peeling", "warped", "faded", "came off", "fell off", "come off", "torn off",
        "came loose", "coming loose", "wobbly", "punctured", "burst", "in pieces", "in bits"]),
    (Problem::Faulty, &["faulty", "defective", "malfunction*", "stopped working", "stops working", "not working",
        "doesn't work", "does not work", "don't work", "won't turn on", "won't switch on", "won't charge",
        "not charging", "stopped charging", "won't start", "dead", "died", "crackl*", "burnt", "quit working",
        "quit on me", "doesn't charge", "does not charge", "no longer charges", "won't hold _ charge",
        "doesn't hold _ charge", "not holding _ charge", "won't switch off", "won't turn off", "doesn't turn on",
        "doesn't switch on", "won't power on", "no longer works", "no longer turns on", "no longer switches on"]),
    (Problem::Missing, &["missing", "incomplete", "half of", "only one of", "only half", "only got", "only received",
        "only came with", "but not the", "wasn't in the", "was not in the", "weren't in the", "didn't get the",
        "did not get the", "didn't come with", "left out"]),
    (Problem::Wrong, &["wrong item", "wrong one", "wrong size", "wrong colour", "wrong color", "the wrong",
        "instead of what", "not what i ordered", "when i ordered a", "when i ordered an", "when i ordered the",
        "but i ordered", "whereas i ordered", "not the one i ordered", "wrong product", "wrong thing"]),
    (Problem::NotArrived, &["never arrived", "never came", "not arrived", "hasn't arrived", "has not arrived",
        "didn't arrive", "did not arrive", "never got", "not received", "haven't received", "never received",
        "hasn't shown up", "has not shown up", "not shown up", "never showed up", "didn't show up", "hasn't turned up",
        "not turned up", "never turned up", "didn't turn up", "says delivered", "says _ delivered",
        "says _ _ delivered", "shows _ delivered", "marked _ delivered", "lost in the post", "got lost",
        // Lost by whoever carried it, or told lost as a whole: "the courier lost my stuff".
        "courier* lost", "carrier* lost", "driver lost", "post office lost", "delivery company lost",
        "lost my parcel*", "lost my package*", "lost my delivery", "lost my shipment",
        "lost the parcel*", "lost the package*", "lost the delivery", "lost the shipment",
        "parcel* _ lost", "package* _ lost", "order _ lost", "delivery _ lost", "shipment _ lost",
        "parcel* _ been lost", "package* _ been lost", "order _ been lost"]),
    (Problem::Stalled, &["hasn't moved", "has not moved", "not moved", "hasn't changed", "has not changed",
        "hasn't updated", "has not updated", "not been updated", "no update", "no updates", "same status",
        "stuck at the", "stuck in transit", "stuck in customs", "stuck on the same", "not moving", "isn't moving"]),
    // Not "worn" alone: "I've worn it once, can I return it?" asks the returns policy.
    (Problem::Worn, &["worn out", "worn through", "worn down", "worn after", "wore out", "wore through",
        "wear and tear", "threadbare", "pilling", "bobbled"]),
];
