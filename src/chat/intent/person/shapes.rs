//! More shapes of asking for a person, each read in one sentence: whether someone is there,
//! where they are, the chat itself refused, a person asked to be given or to serve.
use super::{SOFT, TALK, THE, TO_WHOM, past, person_at, person_named};

/// What may follow a person asked after ("is there a real person?", "is anyone there?", "is there
/// somebody I can ask?"), where a word like "discounts" makes them a kind of thing ("are there
/// any staff discounts?") and "in" a place ("is there a person in the photo?").
#[rustfmt::skip]
const AFTER_SOMEONE: &[&str] = &["there", "here", "available", "around", "online", "on", "i", "to", "real", "actual",
    "live", "please", "connected", "present", "working", "reachable"];
/// What says a person is there: "is your manager available?", "is an agent connected?"
#[rustfmt::skip]
const PRESENT: &[&str] = &["there", "here", "available", "around", "online", "free", "in", "connected", "present",
    "working", "reachable"];
/// Where a person asked after belongs: "is there anyone in the staff?", "someone from the team".
const OF: &[&str] = &["in", "from", "of", "on"];
const THEIRS: &[&str] = &["staff", "team", "store", "shop", "company"];
/// What stands between "is there" and the person.
const ANY: &[&str] = &["a", "an", "any", "some", "real", "actual", "live", "human", "one"];

/// "Is there a real person?", "anyone there?", "is there someone real on the other side?": whether
/// a person is there to talk to, asked of a sentence.
pub(super) fn asks_if_someone_is_there(w: &[String]) -> bool {
    let person_then = |at: usize| {
        person_at(w, at, false).is_some_and(|len| {
            let next = at + len;
            let theirs = w.get(next).is_some_and(|x| OF.contains(&x.as_str())) && {
                let at = past(w, next + 1, &[THE]);
                // "anyone in the staff", not "a person in the shop photo"
                w.get(at).is_some_and(|x| THEIRS.contains(&x.as_str()))
                    && w.get(at + 1).is_none_or(|x| AFTER_SOMEONE.contains(&x.as_str()))
            };
            theirs || w.get(next).is_none_or(|x| AFTER_SOMEONE.contains(&x.as_str()))
        })
    };
    // "is there a real person?"; "is your manager available?", "is a human around?"
    let after = if w.get(1).is_some_and(|x| x == "there") { 2 } else { 1 };
    let asked = w.len() >= 3 && matches!(w[0].as_str(), "is" | "are" | "isn't" | "aren't") && {
        let at = past(w, after, if after == 1 { &[ANY, THE] } else { &[ANY] });
        let skipped = at - after;
        // "a human" is a person too, not only an adjective before one.
        let person = if person_then(at) {
            Some(at)
        } else {
            (skipped > 0 && w[at - 1] == "human" && person_then(at - 1)).then(|| at - 1)
        };
        // Without "there" the person must be said to be there: "is a person in the photo?" is not.
        person.is_some_and(|p| after == 2 || w.iter().skip(p + 1).take(2).any(|x| PRESENT.contains(&x.as_str())))
    };
    let there = w.len() <= 4
        && w.windows(2)
            .any(|p| matches!(p[0].as_str(), "anyone" | "anybody" | "someone" | "somebody") && p[1] == "there");
    asked || there
}

/// "Where is customer service?", "where's your manager?": the person asked for by where they are.
pub(super) fn asks_where_someone_is(w: &[String]) -> bool {
    let after = match (w.first().map(String::as_str), w.get(1).map(String::as_str)) {
        (Some("where's"), _) => 1,
        (Some("where"), Some("is" | "are")) => 2,
        _ => return false,
    };
    let at = past(w, after, &[THE, ANY]);
    person_named(w, at).is_some_and(|len| w.get(at + len).is_none_or(|x| PRESENT.contains(&x.as_str())))
}

/// Whether a three-word opening (`opens`) is followed, past words of `skip`, by a person named.
fn opening_then_person(w: &[String], opens: impl Fn(&[String]) -> bool, skip: &[&[&str]]) -> bool {
    w.windows(3).enumerate().any(|(i, win)| opens(win) && person_named(w, past(w, i + 3, skip)).is_some())
}

/// "Can I have a person?", "could I have someone on the phone?": a person asked to be given.
pub(super) fn may_have_someone(w: &[String]) -> bool {
    let opens =
        |win: &[String]| matches!(win[0].as_str(), "can" | "could" | "may") && win[1] == "i" && win[2] == "have";
    opening_then_person(w, opens, &[TO_WHOM])
}

/// Words for the chat itself.
const BOTS: &[&str] =
    &["bot", "bots", "robot", "robots", "machine", "chatbot", "ai", "computer", "automated", "program"];
/// Words that turn a shopper away from something.
#[rustfmt::skip]
const REFUSALS: &[&str] = &["not", "don't", "dont", "no", "won't", "stop", "enough", "tired", "sick", "fed", "hate",
    "instead", "rather", "than"];

/// "I don't want to talk to a machine", "tired of chatting with a bot", "not a robot please": the
/// chat itself refused, which asks for a person. A robot vacuum is a product, not refused: the
/// machine must be talked to, or end the sentence after a refusal.
pub(super) fn refuses_the_bot(w: &[String]) -> bool {
    let refused = |upto: usize| w[upto.saturating_sub(5)..upto].iter().any(|x| REFUSALS.contains(&x.as_str()));
    w.iter().enumerate().any(|(i, x)| {
        if !BOTS.contains(&x.as_str()) {
            return false;
        }
        let before = w[..i].iter().rev().take_while(|x| TO_WHOM.contains(&x.as_str()) || *x == "this").count();
        let talked = i > before && TALK.contains(&w[i - before - 1].as_str()) && refused(i - before - 1);
        let last = w[i + 1..].iter().all(|x| SOFT.contains(&x.as_str()));
        talked || (last && i > before && REFUSALS.contains(&w[i - before - 1].as_str()))
    })
}

/// What a shopper asks to have done by a person: "be seen by a human advisor", "get helped by
/// someone"; not "I was helped by an agent" (done already).
const SERVED: &[&str] = &["seen", "served", "attended", "helped", "assisted", "handled", "contacted", "called"];

pub(super) fn served_by(w: &[String]) -> bool {
    let opens = |win: &[String]| {
        matches!(win[0].as_str(), "be" | "get" | "being") && SERVED.contains(&win[1].as_str()) && win[2] == "by"
    };
    opening_then_person(w, opens, &[ANY, &["your"]])
}
