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

/// Whether an evidence entry is a web address rather than a path.
pub fn is_url(evidence: &str) -> bool {
    let lower = evidence.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
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
    fn only_web_addresses_count_as_urls() {
        assert!(is_url("https://example.com/a.jpg"));
        assert!(is_url(" HTTP://example.com"));
        assert!(!is_url("photos/http.jpg"));
        assert!(!is_url("file:///etc/passwd"));
    }
}
