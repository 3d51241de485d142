//! Asking for a person, in English words: a request and someone to talk to, someone asked to
//! help, a bare "human please", a call asked of the shop; not a person described ("a gift for
//! someone who cooks") nor asked for at another time ("can I talk to an agent on Sunday?").
use super::words;

mod shapes;
use crate::domain::names_clock_time;
use shapes::{asks_if_someone_is_there, asks_where_someone_is, may_have_someone, refuses_the_bot, served_by};

/// Asking for a person: a request (`talk to`, `connect me with`, `I want`) followed closely by
/// someone who is a person (`a human`, `an agent`, `customer service`), or such a someone alone
/// ("human please", "agent!"). Words, not substrings: "a personalised engraving" or "good for a
/// person with back pain" ask for no one, and neither does "a gift for someone who cooks".
#[rustfmt::skip]
const REQUESTS: &[&str] = &[
    "talk", "speak", "chat", "connect", "transfer", "put", "get", "give", "want", "need", "bring", "escalate",
    "reach", "contact", "call", "let", "prefer", "rather", "ask", "asked", "asking", "wait", "waiting", "pass",
    "hand", "switch", "forward", "route", "transferred", "connected", "escalated", "speaking", "talking",
];
/// Requests to talk: the person said right after them is asked for even when described ("can I
/// speak with somebody who works there?", "talk to someone with authority").
const TALK: &[&str] = &["talk", "speak", "chat", "speaking", "talking", "chatting"];
/// People who are the shop's only when said to be ("ask your boss", "speak to the management"):
/// alone a boss may be a brand ("Hugo Boss").
const BOSSES: &[&str] = &["boss", "management"];
/// Whose person is asked after: "is your manager available?", "ask your boss".
const THE: &[&str] = &["your", "the"];
/// What may stand between a request to talk and the person asked for.
const TO_WHOM: &[&str] = &["to", "with", "a", "an", "the", "some", "real", "actual", "live", "one", "of", "your"];
/// Requests that take "for" before the person: "I asked for a human", "waiting for an agent".
const ASK_FOR: &[&str] = &["ask", "asked", "asking", "wait", "waiting"];
/// What a person is asked to do: "can someone help me?"
const HELPS: &[&str] = &["help", "assist", "handle", "take", "look", "sort", "check", "call", "contact"];
/// Words that name a person by themselves.
#[rustfmt::skip]
const PEOPLE: &[&str] = &["person", "human", "agent", "representative", "rep", "someone", "somebody", "staff",
    "operator", "colleague", "manager", "supervisor", "advisor", "adviser", "consultant", "employee", "anyone", "anybody"];
/// Pairs that name the shop's people ("support" alone may be a support bra).
const TEAMS: &[(&str, &str)] = &[
    ("customer", "service"),
    ("customer", "support"),
    ("customer", "care"),
    ("support", "team"),
    ("your", "team"),
    ("the", "team"),
    ("sales", "team"),
    ("sales", "service"),
    ("service", "team"),
    ("help", "desk"),
];
/// Soft words that may stand around a bare request ("a real person now please").
#[rustfmt::skip]
const SOFT: &[&str] = &["a", "an", "real", "live", "please", "now", "actual", "the", "your", "to", "me",
    "needed", "wanted", "required", "asap", "urgently", "immediately"];

/// One typo away (a letter added, missing, changed, or two swapped): "humna", "agnet", "speek".
/// Only for words of five letters or more, where a typo cannot make another common word.
fn close(word: &str, target: &str) -> bool {
    if word == target {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (word.chars().collect(), target.chars().collect());
    if b.len() < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|t| close(word, t))
}

/// Where the words name a person the shopper could talk to, and how many words that takes.
fn person_at(w: &[String], i: usize, for_asks: bool) -> Option<usize> {
    if is_one_of(&w[i], PEOPLE) {
        // "a gift for someone who cooks", "a chair for a person with back pain": described, not asked
        // for; but "someone who can actually help" is asked to help.
        let helps = w.get(i + 1).is_some_and(|n| n == "who")
            && w[i + 2..w.len().min(i + 5)].iter().any(|x| is_one_of(x, HELPS))
            && w[i + 2..w.len().min(i + 4)].iter().any(|x| matches!(x.as_str(), "can" | "could" | "will" | "would"));
        let described = (w.get(i + 1).is_some_and(|n| matches!(n.as_str(), "who" | "with" | "that")) && !helps)
            || (!for_asks && w[i.saturating_sub(2)..i].iter().any(|p| p == "for"));
        return (!described).then_some(1);
    }
    // "ask your boss", "talk to the management": the shop's own ("Hugo Boss" is a brand).
    if BOSSES.contains(&w[i].as_str()) && i > 0 && THE.contains(&w[i - 1].as_str()) {
        return Some(1);
    }
    let pair = (w[i].as_str(), w.get(i + 1).map(String::as_str).unwrap_or_default());
    TEAMS.iter().any(|(a, b)| (*a, *b) == pair).then_some(2)
}

/// Openings of a question about when people can be reached ("when can I reach a human on
/// Saturday?"): it asks for the hours, not for a person now.
const ASKS_WHEN: &[&[&str]] = &[
    &["when"],
    &["what", "time"],
    &["what", "hours"],
    &["which", "hours"],
    &["what", "days"],
    &["which", "days"],
    &["how", "late"],
    &["how", "early"],
    &["until", "when"],
];

/// Times other than now: a person asked for at one of them ("can I still talk to somebody real on
/// a Saturday afternoon?") is a question about the hours, like one that opens with "when".
#[rustfmt::skip]
const LATER: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend", "weekends", "weekday",
    "weekdays", "evening", "evenings", "morning", "mornings", "afternoon", "afternoons", "night", "nights",
    "holiday", "holidays", "midnight", "lunchtime"];
/// What puts a time word at the time the shopper would talk ("on a Sunday", "in the evenings", "at
/// night"), not at one past ("since this morning", "last night").
const AT_TIME: &[&str] = &["on", "at", "in", "during", "over", "after", "before"];

/// Whether a message asks about a time other than now: a time word put there ("on Saturday"),
/// tonight or tomorrow, or a clock time ("at 7 pm", "7:30", "8 o'clock", as `quote` reads them).
fn at_a_later_time(w: &[String], text: &str) -> bool {
    names_clock_time(text)
        || w.iter().enumerate().any(|(i, x)| {
            let x = x.as_str();
            let before = |k: usize| i.checked_sub(k).map(|j| w[j].as_str());
            let put = |k: usize| before(k).is_some_and(|b| AT_TIME.contains(&b));
            let skipped = matches!(before(1), Some("a" | "the" | "weekday" | "public" | "bank"));
            let timed = LATER.contains(&x) && (put(1) || (skipped && put(2)));
            timed || matches!(x, "tonight" | "tomorrow")
        })
}

pub(super) fn asks_for_person(w: &[String], text: &str) -> bool {
    if ASKS_WHEN.iter().any(|open| w.len() > open.len() && w.iter().zip(*open).all(|(x, o)| x == o)) {
        return false;
    }
    if at_a_later_time(w, text) {
        return false;
    }
    // "human please", "agent!", "customer service": a person and nothing but soft words, the whole
    // message or one of its sentences ("This is going nowhere. A real person, now.").
    let bare = |w: &[String]| {
        w.len() <= 5
            && (0..w.len()).find_map(|i| person_at(w, i, false).map(|len| (i, len))).is_some_and(|(at, len)| {
                w.iter().enumerate().all(|(j, x)| (at..at + len).contains(&j) || SOFT.contains(&x.as_str()))
            })
    };
    if bare(w) || text.split(['.', '!', '?', ';', '\n']).any(|s| bare(&words(s))) {
        return true;
    }
    // "Can a real person help me?": a person asked to help.
    if w.first().is_some_and(|x| matches!(x.as_str(), "can" | "could" | "would" | "will" | "may"))
        && (1..w.len().min(5)).any(|i| {
            person_at(w, i, false)
                .is_some_and(|len| w[i + len..w.len().min(i + len + 2)].iter().any(|x| is_one_of(x, HELPS)))
        })
    {
        return true;
    }
    // "Is there a human I can talk to?": a person, then the shopper talking to them.
    let talked_to = (0..w.len()).any(|i| {
        person_at(w, i, false).is_some_and(|len| {
            w[i + len..w.len().min(i + len + 4)].iter().any(|x| matches!(x.as_str(), "talk" | "speak" | "chat"))
        })
    });
    // A request, then within a few words a person.
    talked_to
        || w.iter().enumerate().any(|(i, x)| {
            let for_asks = ASK_FOR.contains(&x.as_str());
            is_one_of(x, REQUESTS) && (i + 1..w.len().min(i + 7)).any(|j| person_at(w, j, for_asks).is_some())
        })
        || talked_with(w)
        || asks_for_a_call(w)
        || text.split(['.', '!', '?', ';', ',', '\n']).map(words).any(|s| {
            asks_if_someone_is_there(&s) || asks_where_someone_is(&s) || refuses_the_bot(&s) || may_have_someone(&s)
        })
        || served_by(w)
}

/// How a shopper asks the shop to phone them: only a person can.
#[rustfmt::skip]
const CALLS: &[&[&str]] = &[&["call", "me"], &["phone", "me"], &["ring", "me"], &["give", "me", "a", "call"],
    &["get", "a", "call"], &["a", "call", "from"], &["a", "call", "back"], &["a", "callback"], &["call", "back"]];
/// What makes a call wait for something ("call me when it is back in stock"): a notice, not a person now.
const UNTIL: &[&str] = &["when", "if", "once", "as", "after", "whenever"];

/// "Can someone call me back?", "could I get a call from the store?": a call asked for now.
fn asks_for_a_call(w: &[String]) -> bool {
    CALLS.iter().any(|call| {
        w.windows(call.len()).enumerate().any(|(i, win)| {
            let waits =
                || w[i + call.len()..].iter().find(|x| *x != "back").is_some_and(|x| UNTIL.contains(&x.as_str()));
            win.iter().zip(call.iter()).all(|(x, c)| x == c) && !waits()
        })
    })
}

/// "Can I speak with somebody who works there?": a request to talk, then at once a person, whoever
/// they are said to be.
fn talked_with(w: &[String]) -> bool {
    w.iter().enumerate().filter(|(_, x)| TALK.contains(&x.as_str())).any(|(i, _)| {
        let at = past(w, i + 1, &[TO_WHOM]);
        w.get(at).is_some_and(|p| is_one_of(p, PEOPLE)) && (1..=3).contains(&(at - i - 1))
    })
}

/// The first place from `at` past words of any of `lists` ("to", "a", "real", "your"): where the
/// person asked for would be named.
fn past(w: &[String], at: usize, lists: &[&[&str]]) -> usize {
    at + w.get(at..).unwrap_or_default().iter().take_while(|x| lists.iter().any(|l| l.contains(&x.as_str()))).count()
}

/// `person_at` where `at` may be past the last word.
fn person_named(w: &[String], at: usize) -> Option<usize> {
    (at < w.len()).then(|| person_at(w, at, false)).flatten()
}
