//! When the shop's team is at work: `mon-fri 09:00-17:00, sat 10:00-14:00`, in the shop's time
//! (a fixed UTC offset). No hours at all means any time.
use chrono::{DateTime, Datelike, FixedOffset, NaiveTime, Utc, Weekday};

#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    spans: Vec<(Vec<Weekday>, NaiveTime, NaiveTime)>,
    offset: FixedOffset,
    /// As the shop wrote it, for telling shoppers.
    text: String,
}

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn day(s: &str) -> Result<usize, String> {
    let s = s.trim().to_lowercase();
    DAYS.iter()
        .position(|(name, _)| s.starts_with(name))
        .ok_or_else(|| format!("`{s}` is not a day (mon, tue, wed, thu, fri, sat, sun)"))
}

fn time(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| format!("`{}` is not a time like 09:00", s.trim()))
}

impl Hours {
    /// `text`: comma-separated spans of days and times (`mon-fri 09:00-17:00`, `sun 10:00-12:00`);
    /// `offset`: the shop's UTC offset (`+01:00`).
    pub fn parse(text: &str, offset: &str) -> Result<Self, String> {
        let offset: FixedOffset =
            offset.trim().parse().map_err(|_| format!("`{offset}` is not a UTC offset like +01:00"))?;
        let mut spans = Vec::new();
        for span in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (days, times) = span.split_once(' ').ok_or_else(|| format!("`{span}`: write days then times"))?;
            let (from, to) = match days.split_once('-') {
                Some((a, b)) => (day(a)?, day(b)?),
                None => (day(days)?, day(days)?),
            };
            let days: Vec<Weekday> =
                (0..7).map(|i| (from + i) % 7).take((to + 7 - from) % 7 + 1).map(|i| DAYS[i].1).collect();
            let (open, close) = times.split_once('-').ok_or_else(|| format!("`{span}`: write times as 09:00-17:00"))?;
            let (open, close) = (time(open)?, time(close)?);
            if open >= close {
                return Err(format!("`{span}`: the opening time must come before the closing time"));
            }
            spans.push((days, open, close));
        }
        Ok(Self { spans, offset, text: text.trim().to_string() })
    }

    /// Whether the team is at work at `at`.
    pub fn open_at(&self, at: DateTime<Utc>) -> bool {
        if self.spans.is_empty() {
            return true;
        }
        let local = at.with_timezone(&self.offset);
        let (weekday, now) = (local.weekday(), local.time());
        self.spans.iter().any(|(days, open, close)| days.contains(&weekday) && *open <= now && now < *close)
    }

    pub fn as_text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("a time").with_timezone(&Utc)
    }

    #[test]
    fn the_team_is_at_work_in_its_own_hours_and_time_zone() {
        let h = Hours::parse("mon-fri 09:00-17:00, sat 10:00-14:00", "+01:00").expect("hours");
        assert!(h.open_at(at("2026-11-23T08:30:00Z")), "Monday 09:30 in the shop");
        assert!(!h.open_at(at("2026-11-23T16:30:00Z")), "Monday 17:30 in the shop");
        assert!(h.open_at(at("2026-11-28T12:00:00Z")), "Saturday 13:00");
        assert!(!h.open_at(at("2026-11-29T12:00:00Z")), "Sunday");
        assert!(Hours::parse("", "+00:00").expect("any time").open_at(at("2026-11-29T03:00:00Z")));
        assert!(Hours::parse("fri-mon 20:00-22:00", "+00:00").expect("wraps").open_at(at("2026-11-29T21:00:00Z")));
        assert!(Hours::parse("mon 17:00-09:00", "+00:00").is_err());
        assert!(Hours::parse("someday 09:00-10:00", "+00:00").is_err());
    }
}
