//! Times of day as each language Aisle speaks writes them ("8 pm", "20:00", "20 h", "20 Uhr",
//! "8 de la tarde", "晚上8点", "午後8時半"), so a time an answer gives is checked against the
//! times its sources give: a translation of "from 8 am to 8 pm" as "8時から8時半まで" holds no
//! number the sources lack, but a time they do not hold.
use regex_lite::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A time of day: minutes past midnight, and whether the hour may be read twelve hours later
/// (written without am/pm, "8時", "8 Uhr").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    minutes: u32,
    either_half: bool,
}

impl Clock {
    /// Whether `self`, as an answer says it, is the time `source` gives.
    pub(super) fn is(&self, source: &Clock) -> bool {
        let day = 24 * 60;
        let same = |a: u32, b: u32| a % day == b % day;
        let half = 12 * 60;
        same(self.minutes, source.minutes)
            || (self.either_half && same(self.minutes + half, source.minutes))
            || (source.either_half && same(self.minutes, source.minutes + half))
    }
}

/// English: "8 am", "8:30 p.m."; any language: "20:00", "8:30".
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?:\W|$)|\b(\d{1,2}):(\d{2})\b")
        .expect("valid pattern")
});
/// French and Spanish "20 h", "8h30" after a word that tells a time ("à 20 h", "de 8 h", "hasta
/// las 20 h"): after a number alone, "24 h" or "1 h" is a duration. German "20 Uhr", "8.30 Uhr".
static HOURS_H: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s(])(?:à|a|de|dès|des|jusqu'à|jusqu’à|avant|après|entre|et|vers|y|las|hasta|desde)\s+(\d{1,2})\s?h(?:\s?(\d{2}))?\b|\b(\d{1,2})(?:[.:](\d{2}))?\s?uhr\b",
    )
    .expect("valid pattern")
});
/// Spanish and French parts of the day after an hour: "8 de la tarde", "9 heures du soir".
static PART_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?::(\d{2}))?\s?(?:h|heures?)?\s+(?:de la |del |du )(mañana|madrugada|tarde|noche|matin|après-midi|soir)")
        .expect("valid pattern")
});
/// Chinese and Japanese: "晚上8点半", "下午5点30分", "午後8時", "9時半" (not "24小时", "24時間").
static HANZI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(上午|早上|凌晨|中午|下午|傍晚|晚上|午前|午後|朝|夜)?\s?(\d{1,2})\s?(?:点|點|時|时)(半|(\d{1,2})分)?")
        .expect("valid pattern")
});

fn clock(hour: u32, minute: u32, later: Option<bool>) -> Option<Clock> {
    if hour > 24 || minute > 59 {
        return None;
    }
    let hour = match later {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    Some(Clock { minutes: hour * 60 + minute, either_half: later.is_none() && (1..=12).contains(&hour) })
}

fn number(m: Option<regex_lite::Match>) -> u32 {
    m.and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

/// The times of day `text` names, each with where it is written.
fn found(text: &str) -> Vec<(Clock, Range<usize>)> {
    let mut out = Vec::new();
    let at = |c: &regex_lite::Captures| c.get(0).map_or(0..0, |m| m.range());
    for c in ENGLISH.captures_iter(text) {
        let read = match (c.get(1), c.get(4)) {
            (Some(h), _) => {
                let later = c.get(3).is_some_and(|m| m.as_str().to_lowercase().starts_with('p'));
                clock(number(Some(h)), number(c.get(2)), Some(later))
            }
            (None, Some(h)) => clock(number(Some(h)), number(c.get(5)), None),
            _ => None,
        };
        out.extend(read.map(|t| (t, at(&c))));
    }
    for c in HOURS_H.captures_iter(text) {
        let (h, m) = if c.get(1).is_some() { (c.get(1), c.get(2)) } else { (c.get(3), c.get(4)) };
        out.extend(clock(number(h), number(m), None).map(|t| (t, at(&c))));
    }
    for c in PART_OF_DAY.captures_iter(text) {
        let later = !matches!(&c[3].to_lowercase()[..], "mañana" | "madrugada" | "matin");
        out.extend(clock(number(c.get(1)), number(c.get(2)), Some(later)).map(|t| (t, at(&c))));
    }
    for c in HANZI.captures_iter(text) {
        let after = &text[at(&c).end..];
        let before = &text[..c.get(2).map_or(0, |m| m.start())];
        // Hours counted, not a time: "24小时", "24時間".
        if after.starts_with('間') || after.starts_with('间') || before.ends_with('小') {
            continue;
        }
        // A part of the day before it says which half ("中午1点" is 13:00).
        let later = c.get(1).map(|m| !matches!(m.as_str(), "上午" | "早上" | "凌晨" | "午前" | "朝"));
        let minute = if c.get(3).is_some_and(|m| m.as_str() == "半") { 30 } else { number(c.get(4)) };
        out.extend(clock(number(c.get(2)), minute, later).map(|t| (t, at(&c))));
    }
    out
}

/// The times of day `text` names.
pub(super) fn clock_times(text: &str) -> Vec<Clock> {
    found(text).into_iter().map(|(t, _)| t).collect()
}

/// The times of day `text` names, and `text` without them, whose numbers are no amounts ("17
/// Uhr" gives no 17 to find in the sources; the time is checked as a time).
pub(super) fn times_and_rest(text: &str) -> (Vec<Clock>, String) {
    let found = found(text);
    let mut spans: Vec<Range<usize>> = found.iter().map(|(_, at)| at.clone()).collect();
    spans.sort_by_key(|r| std::cmp::Reverse(r.start));
    let mut rest = text.to_string();
    let mut end = usize::MAX;
    for r in spans {
        // Overlapping readings of one time ("8:30 pm" is read twice) are blanked once.
        let r = r.start..r.end.min(end);
        if r.start < r.end {
            rest.replace_range(r.clone(), " ");
            end = r.start;
        }
    }
    (found.into_iter().map(|(t, _)| t).collect(), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Clock> {
        clock_times(text)
    }

    fn holds(answer: &str, sources: &str) -> bool {
        let given = read(sources);
        read(answer).iter().all(|t| given.iter().any(|s| t.is(s)))
    }

    const HOURS: &str = "Our support team is available Monday to Friday from 8 am to 8 pm and Saturday from 9 am to \
                         5 pm. Orders placed before 2 pm count from that day.";

    #[test]
    fn times_said_in_any_language_are_the_sources_times() {
        for answer in [
            "From 8 a.m. to 8 p.m. on weekdays.",
            "De lunes a viernes de 8:00 a 20:00, y los sábados de 9 a 17 h.",
            "Du lundi au vendredi de 8 h à 20 h, le samedi de 9 h à 17 h.",
            "Montag bis Freitag von 8 bis 20 Uhr, samstags von 9 bis 17 Uhr.",
            "周一至周五上午8点到晚上8点，周六上午9点到下午5点。",
            "平日は午前8時から午後8時まで、土曜日は9時から17時までです。",
            "Los pedidos hechos antes de las 2 de la tarde cuentan desde ese día.",
            "下午2点前下单当天开始计算。",
        ] {
            assert!(holds(answer, HOURS), "{answer} {:?}", read(answer));
        }
    }

    #[test]
    fn a_time_the_sources_do_not_give_is_read() {
        for answer in [
            "平日は8時から8時半までです。",
            "From 8 am to 6 pm.",
            "De 8 h à 18 h 30.",
            "Von 8 bis 21 Uhr.",
            "晚上9点以后没有人。",
            "Hasta las 7 de la tarde.",
        ] {
            assert!(!holds(answer, HOURS), "{answer} {:?}", read(answer));
        }
    }

    #[test]
    fn times_are_taken_out_of_the_amounts_whole() {
        assert_eq!(times_and_rest("Samstags von 9 bis 17 Uhr.").1, "Samstags von 9 bis  .");
        assert_eq!(times_and_rest("until 7:30 pm, 3 days").1, "until   3 days");
        assert_eq!(times_and_rest("周六上午9点到下午5点").1, "周六 到 ");
    }

    #[test]
    fn durations_are_not_times_of_day() {
        for text in [
            "Le lien est valable 1 h.",
            "Suivi sous 24 h.",
            "24小时内回复",
            "24時間以内に返信します",
            "within 24 hours",
        ] {
            assert!(read(text).is_empty(), "{text} {:?}", read(text));
        }
    }
}
