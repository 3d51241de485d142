//! Answer quality: labelled conversations through the real chat path (understanding, catalog
//! answers, retrieval, the model, the claim check, escalation), scored per kind of question.
//!
//! The file is JSON Lines, one conversation each: `{"id", "kind", "turns": [...], "any": [...],
//! "all": [...], "forbid": [...], "cites": [...], "escalate": bool}`. The last turn's answer is
//! right when it contains one of `any` (if given), all of `all`, none of `forbid` (the false
//! values a wrong answer would show), and brings in a person exactly when `escalate` says.
//! `lang` (default English) is the shopper's language: the answer must be written in it.
use crate::chat::{ChatEvent, ChatService, names_in, without_names};
use crate::domain::{AnsweredBy, ClaimAction, ConversationStatus, Language, ShopperText};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub attr: Option<String>,
    pub turns: Vec<String>,
    #[serde(default)]
    pub any: Vec<String>,
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub forbid: Vec<String>,
    #[serde(default)]
    pub cites: Vec<String>,
    #[serde(default)]
    pub escalate: Option<bool>,
    #[serde(default)]
    pub lang: Language,
}

pub fn load(path: &Path) -> Result<Vec<Labelled>, String> {
    super::load_lines(path)
}

/// What the shopper saw for the last turn.
#[derive(Debug, Default)]
pub struct Seen {
    pub answer: String,
    pub sources: Vec<String>,
    pub escalated: bool,
    pub first_token_ms: Option<f64>,
    pub answered_by: Option<AnsweredBy>,
    pub withheld: bool,
    pub error: Option<String>,
}

/// Runs one conversation and returns what its last answer showed.
pub async fn converse(chat: &Arc<ChatService>, turns: &[String]) -> Seen {
    let (conversation, _) = chat.conversations().create().await;
    let mut seen = Seen::default();
    for turn in turns {
        seen = Seen::default();
        let text = match ShopperText::parse(turn) {
            Ok(t) => t,
            Err(e) => return Seen { error: Some(e), ..seen },
        };
        let started = Instant::now();
        let mut rx = match chat.reply(conversation, text, None).await {
            Ok(rx) => rx,
            Err(e) => return Seen { error: Some(e.to_string()), ..seen },
        };
        while let Some(event) = rx.recv().await {
            match event {
                ChatEvent::Token { text } => {
                    seen.first_token_ms.get_or_insert(started.elapsed().as_secs_f64() * 1000.0);
                    seen.answer.push_str(&text);
                }
                ChatEvent::Sources { sources } => seen.sources = sources.into_iter().map(|s| s.id).collect(),
                ChatEvent::Status(s) => seen.escalated |= s.status == ConversationStatus::Waiting,
                ChatEvent::Done(d) => {
                    seen.escalated |= d.answered_by == AnsweredBy::Handoff;
                    seen.withheld = d.claims.is_some_and(|c| c.action == ClaimAction::Withheld);
                    seen.answered_by = Some(d.answered_by);
                }
                ChatEvent::Error { message, .. } => seen.error = Some(message),
                ChatEvent::Writing => {}
            }
        }
    }
    seen
}

/// How one labelled conversation went.
#[derive(Debug)]
pub struct Judged {
    pub right: bool,
    /// Whether a source it should cite was among the cards (None: nothing to cite).
    pub cited: Option<bool>,
    /// A labelled false value (a wrong price, a "yes" the catalog says no to) was shown.
    pub false_shown: bool,
    /// The answer is written in the shopper's language.
    pub in_language: bool,
}

/// Case and the kind of space aside: "1\u{202F}099,99" is "1 099,99".
fn contains(haystack: &str, needle: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(['\u{a0}', '\u{202F}'], " ");
    norm(haystack).contains(&norm(needle))
}

/// `titles`: the catalog's product names, left out when telling the answer's language (a long
/// English name in a short French sentence made lingua read it as English).
pub fn judge(item: &Labelled, seen: &Seen, titles: &[String]) -> Judged {
    let a = &seen.answer;
    let false_shown = item.forbid.iter().any(|f| contains(a, f));
    let says = (item.any.is_empty() || item.any.iter().any(|x| contains(a, x)))
        && item.all.iter().all(|x| contains(a, x))
        && !false_shown;
    let right = match item.escalate {
        Some(wanted) => seen.escalated == wanted && seen.error.is_none(),
        None => says && !seen.escalated && seen.error.is_none(),
    };
    let cited = (!item.cites.is_empty()).then(|| seen.sources.iter().any(|s| item.cites.contains(s)));
    // Product names and numbers say nothing of the language: an answer too short to tell counts.
    let prose = without_names(a, &names_in(a, titles.iter().map(String::as_str)));
    let in_language = Language::detect(&prose, item.lang) == item.lang;
    Judged { right, cited, false_shown, in_language }
}

/// Figures for one kind of question.
#[derive(Debug, Default)]
pub struct Row {
    pub n: usize,
    pub right: usize,
    pub citable: usize,
    pub cited: usize,
    pub false_shown: usize,
    pub withheld: usize,
    pub in_language: usize,
    pub first_token_ms: Vec<f64>,
}

impl Row {
    fn count(&mut self, j: &Judged, seen: &Seen) {
        self.n += 1;
        self.right += usize::from(j.right);
        if let Some(c) = j.cited {
            self.citable += 1;
            self.cited += usize::from(c);
        }
        self.false_shown += usize::from(j.false_shown);
        self.withheld += usize::from(seen.withheld);
        self.in_language += usize::from(j.in_language);
        if let Some(ms) = seen.first_token_ms {
            self.first_token_ms.push(ms);
        }
    }
}

impl Escalations {
    fn count(&mut self, wanted: bool, escalated: bool) {
        match (wanted, escalated) {
            (true, true) => self.true_pos += 1,
            (false, true) => self.false_pos += 1,
            (true, false) => self.false_neg += 1,
            (false, false) => {}
        }
    }
}

/// Escalation precision and recall over the conversations labelled with `escalate`.
#[derive(Debug, Default)]
pub struct Escalations {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

pub struct Report {
    pub rows: BTreeMap<String, Row>,
    /// The same conversations by the shopper's language.
    pub languages: BTreeMap<Language, (Row, Escalations)>,
    pub escalations: Escalations,
    /// Time to the first word by how the answer was made (`catalog`, `model`, ...).
    pub first_token_by: BTreeMap<String, Vec<f64>>,
    pub wrong: Vec<String>,
    /// Every conversation's last answer, as the shopper saw it (`aisle eval answers --seen`).
    pub seen: Vec<SeenLine>,
}

/// One conversation's last answer as a line of `--seen`: for reading what the model said across
/// a set (its yes and no, its sentences left out), right and wrong alike.
#[derive(Debug, Serialize)]
pub struct SeenLine {
    pub id: String,
    pub kind: String,
    pub lang: Language,
    pub question: String,
    pub answer: String,
    pub by: &'static str,
    pub sources: Vec<String>,
    pub withheld: bool,
    pub right: bool,
}

/// `titles`: the catalog's product names (see `judge`).
pub async fn run(chat: &Arc<ChatService>, set: &[Labelled], titles: &[String]) -> Report {
    let mut report = Report {
        rows: BTreeMap::new(),
        languages: BTreeMap::new(),
        escalations: Escalations::default(),
        first_token_by: BTreeMap::new(),
        wrong: Vec::new(),
        seen: Vec::new(),
    };
    for item in set {
        let seen = converse(chat, &item.turns).await;
        let j = judge(item, &seen, titles);
        // Orders are reported per attribute: disclosure before verification is its own figure.
        let key = match (&item.kind[..], &item.attr) {
            ("order", Some(attr)) => format!("order:{attr}"),
            _ => item.kind.clone(),
        };
        report.rows.entry(key).or_default().count(&j, &seen);
        let (by_language, escalations) = report.languages.entry(item.lang).or_default();
        by_language.count(&j, &seen);
        if let Some(ms) = seen.first_token_ms {
            let by = seen.answered_by.map_or("none", AnsweredBy::as_str).to_string();
            report.first_token_by.entry(by).or_default().push(ms);
        }
        if let Some(wanted) = item.escalate {
            report.escalations.count(wanted, seen.escalated);
            escalations.count(wanted, seen.escalated);
        }
        report.seen.push(SeenLine {
            id: item.id.clone(),
            kind: item.kind.clone(),
            lang: item.lang,
            question: item.turns.last().cloned().unwrap_or_default(),
            answer: seen.answer.clone(),
            by: seen.answered_by.map_or("none", AnsweredBy::as_str),
            sources: seen.sources.clone(),
            withheld: seen.withheld,
            right: j.right,
        });
        if !j.right || !j.in_language {
            let by = seen.answered_by.map_or("none", AnsweredBy::as_str);
            let by = if j.in_language { by.to_string() } else { format!("{by}, not in {}", item.lang) };
            let answer: String = seen.answer.chars().take(220).collect::<String>().replace('\n', " / ");
            let error = seen.error.as_deref().unwrap_or_default();
            report.wrong.push(format!("{} [{}] {:?} -> ({by}) {answer} {error}", item.id, item.kind, item.turns));
        }
    }
    report
}
