//! Service shadows: field notes tied to a stage and a channel, and the plan of which
//! stage × channel pairs to shadow next.

use super::extras::Extras;
use super::ids::{FrictionId, NoteId, StageId};
use super::shared::Shared;

/// A field note written while experiencing the service as a customer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShadowNote {
    pub id: NoteId,
    /// When it was written, RFC 3339 in UTC, kept exactly as the file has it.
    pub at: String,
    pub observer: String,
    pub stage: StageId,
    pub channel: String,
    pub text: String,
    pub evidence: Vec<String>,
    /// The friction point this note became, if any.
    pub friction: Option<FrictionId>,
    pub extras: Extras,
}

/// A vote to shadow one stage × channel pair next.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanEntry {
    pub stage: StageId,
    pub channel: String,
    pub votes: u32,
    pub extras: Extras,
}

/// The map's service-shadow part.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shadow {
    pub channels: Vec<String>,
    pub notes: Vec<Shared<ShadowNote>>,
    pub plan: Vec<PlanEntry>,
    pub extras: Extras,
}

/// A note's time as the file keeps it: RFC 3339 in UTC, to the second.
pub fn note_time(at: jiff::Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The day of a time written as cxmap writes it ("2026-11-22T10:15:42Z", UTC), read by
/// hand since a big map has tens of thousands; `None` for any other form (which may
/// still be a time, for jiff to read). Only days up to the 28th are taken, so the date
/// is one every month has.
pub fn written_day(at: &str) -> Option<&str> {
    let b = at.as_bytes();
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let usual = b.len() == 20
        && [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'Z'),
        ]
        .iter()
        .all(|&(i, c)| b[i] == c)
        && number(0..4).is_some()
        && number(5..7).is_some_and(|month| (1..=12).contains(&month))
        && number(8..10).is_some_and(|day| (1..=28).contains(&day))
        && number(11..13).is_some_and(|hour| hour < 24)
        && number(14..16).is_some_and(|minute| minute < 60)
        && number(17..19).is_some_and(|second| second < 60);
    usual.then(|| &at[..10])
}

/// Whether an evidence entry is a web address rather than a path.
pub fn is_url(evidence: &str) -> bool {
    let entry = evidence.trim().as_bytes();
    ["http://", "https://"].iter().any(|scheme| {
        entry
            .get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_times_are_utc_to_the_second_and_sort_as_text() {
        let at: jiff::Timestamp = "2026-11-22T12:15:42.731+02:00".parse().unwrap();
        assert_eq!(note_time(at), "2026-11-22T10:15:42Z");
        let later: jiff::Timestamp = "2026-11-22T10:16:00Z".parse().unwrap();
        assert!(note_time(later) > note_time(at));
    }

    #[test]
    fn a_written_day_is_the_day_jiff_reads() {
        for at in [
            "2026-11-08T09:14:00Z",
            "0000-01-01T00:00:00Z",
            "0999-12-28T23:59:59Z",
        ] {
            let read: jiff::Timestamp = at.parse().unwrap();
            let day = read.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
            assert_eq!(written_day(at), Some(day.as_str()), "{at}");
        }
        for at in [
            "2026-11-29T09:14:00Z",
            "2026-11-08T09:14:00+01:00",
            "2026-11-08 09:14:00Z",
        ] {
            assert_eq!(written_day(at), None, "{at}");
        }
    }

    #[test]
    fn only_web_addresses_count_as_urls() {
        assert!(is_url("https://example.com/a.jpg"));
        assert!(is_url(" HTTP://example.com"));
        assert!(!is_url("photos/http.jpg"));
        assert!(!is_url("file:///etc/passwd"));
    }
}
