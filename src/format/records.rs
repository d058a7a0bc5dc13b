//! Each object of format 1 as a [`Record`]: its known keys in the order a save writes
//! them, how each value is decoded and checked, and where its ids and references are.

use std::io::Read;

use super::decode::{Decoder, MAX_KEYS, Record, Seen, Version};
use super::diagnostic::{Diagnostic, Level};
use super::json::Syntax;
use super::source::Pos;
use crate::model::{
    Emotion, Extras, FORMAT_VERSION, Friction, FrictionId, JourneyMap, MemoFacts, Metrics, NoteId,
    Opportunity, OpportunityId, PlanEntry, Score, Severity, Shadow, ShadowNote, Shared, Stage, StageId,
    Status, written_day,
};

const _: () = {
    let counts = [
        JourneyMap::KEYS.len(),
        Stage::KEYS.len(),
        Emotion::KEYS.len(),
        Friction::KEYS.len(),
        Opportunity::KEYS.len(),
        Metrics::KEYS.len(),
        Shadow::KEYS.len(),
        ShadowNote::KEYS.len(),
        PlanEntry::KEYS.len(),
        MemoFacts::KEYS.len(),
    ];
    let mut i = 0;
    while i < counts.len() {
        assert!(
            counts[i] <= MAX_KEYS,
            "an object has more known keys than MAX_KEYS"
        );
        i += 1;
    }
};

impl Record for JourneyMap {
    const KEYS: &'static [&'static str] = &["cxmap", "title", "persona", "stages", "shadow", "memo"];
    const WHAT: &'static str = "a journey map";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        if key == 0 {
            version(d)?;
            return Ok(true);
        }
        if matches!(d.version, Version::Newer(_)) {
            d.json.skip()?;
            return Ok(true);
        }
        match key {
            1 => self.title = d.text()?,
            2 => self.persona = d.text()?,
            3 => self.stages = d.list("stages", |d| stage(d).map(Shared::new))?,
            4 => self.shadow = d.record::<Shadow>()?.0,
            _ => {
                self.memo = d.optional_record::<MemoFacts>()?;
                return Ok(self.memo.is_some());
            }
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn not_an_object(found: &str) -> String {
        format!(
            "not a cxmap journey map: expected an object starting with \"cxmap\": {FORMAT_VERSION}, found {found}"
        )
    }
}

fn version<R: Read>(d: &mut Decoder<R>) -> Result<(), Syntax> {
    let at = d.json.peek_value()?.1;
    d.version = Version::Read;
    match d.integer("\"cxmap\" must be the format version, a whole number")? {
        Some(v) if v > FORMAT_VERSION as i64 => {
            d.version = Version::Newer(Diagnostic::at(
                at,
                Level::Error,
                format!(
                    "this map is in format {v}, newer than this cxmap reads (format {FORMAT_VERSION}); \
                     update cxmap to open it"
                ),
            ));
        }
        Some(v) if v < 1 => d.report(
            at,
            Level::Error,
            format!("\"cxmap\" must be the format version {FORMAT_VERSION}; found {v}"),
        ),
        _ => {}
    }
    Ok(())
}

fn stage<R: Read>(d: &mut Decoder<R>) -> Result<Stage, Syntax> {
    d.score_at = None;
    let (stage, at, seen) = d.record_seen::<Stage>()?;
    d.places.stage_ids.push(seen[0].unwrap_or(at));
    if d.places.review {
        let score = d.score_at.take().unwrap_or(at);
        d.places.scores.push(score);
    }
    Ok(stage)
}

impl Record for Stage {
    const KEYS: &'static [&'static str] = &[
        "id",
        "name",
        "goal",
        "touchpoints",
        "emotion",
        "frictions",
        "opportunities",
        "metrics",
    ];
    const WHAT: &'static str = "a stage";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.id = StageId(d.id(StageId::PREFIX)?),
            1 => self.name = d.text()?,
            2 => self.goal = d.text()?,
            3 => self.touchpoints = d.texts("touchpoints")?,
            4 => {
                let (emotion, at, seen) = d.record_seen::<Emotion>()?;
                self.emotion = emotion;
                d.score_at = Some(seen[0].unwrap_or(at));
            }
            5 => self.frictions = d.list("friction points", friction)?,
            6 => self.opportunities = d.list("opportunities", opportunity)?,
            _ => {
                self.metrics = d.optional_record::<Metrics>()?;
                return Ok(self.metrics.is_some());
            }
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn finish<R: Read>(&mut self, d: &mut Decoder<R>, at: Pos, seen: &Seen) {
        d.missing_id(self.id.as_str(), StageId::PREFIX, at, seen);
    }
}

impl Record for Emotion {
    const KEYS: &'static [&'static str] = &["score", "note"];
    const WHAT: &'static str = "an emotion";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        if key == 1 {
            self.note = d.text()?;
            return Ok(true);
        }
        let (first, at) = d.json.peek_value()?;
        if first == b'n' {
            d.json.null()?;
            return Ok(false);
        }
        const RULE: &str = "the emotion score must be a whole number from -2 to 2";
        if let Some(value) = d.integer(RULE)? {
            self.score = Score::new(value);
            if self.score.is_none() {
                d.report(at, Level::Error, format!("{RULE}; found {value}"));
            }
        }
        Ok(self.score.is_some())
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }
}

fn friction<R: Read>(d: &mut Decoder<R>) -> Result<Friction, Syntax> {
    let (friction, at, seen) = d.record_seen::<Friction>()?;
    let places = &mut d.places;
    places.friction_ids.push(seen[0].unwrap_or(at));
    if places.review {
        places.friction_texts.push(seen[1].unwrap_or(at));
        places.friction_channels.push(seen[3].unwrap_or(at));
        places.friction_evidence.push(seen[7].unwrap_or(at));
    }
    Ok(friction)
}

impl Record for Friction {
    const KEYS: &'static [&'static str] = &[
        "id", "text", "severity", "channel", "votes", "owner", "status", "evidence",
    ];
    const WHAT: &'static str = "a friction point";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.id = FrictionId(d.id(FrictionId::PREFIX)?),
            1 => self.text = d.text()?,
            2 => self.severity = severity(d)?,
            3 => self.channel = d.text()?,
            4 => self.votes = d.votes()?,
            5 => self.owner = d.text()?,
            6 => self.status = status(d)?,
            _ => {
                self.evidence =
                    d.placed_texts("evidence paths or URLs", |p| &mut p.friction_evidence_entries)?;
            }
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn finish<R: Read>(&mut self, d: &mut Decoder<R>, at: Pos, seen: &Seen) {
        d.missing_id(self.id.as_str(), FrictionId::PREFIX, at, seen);
    }
}

fn severity<R: Read>(d: &mut Decoder<R>) -> Result<Severity, Syntax> {
    const RULE: &str = "severity must be 1 (minor), 2 (major) or 3 (severe)";
    let at = d.json.peek_value()?.1;
    let Some(value) = d.integer(RULE)? else {
        return Ok(Severity::default());
    };
    Ok(Severity::from_number(value).unwrap_or_else(|| {
        d.report(at, Level::Error, format!("{RULE}; found {value}"));
        Severity::default()
    }))
}

fn status<R: Read>(d: &mut Decoder<R>) -> Result<Status, Syntax> {
    let (first, at) = d.json.peek_value()?;
    let found = if first == b'"' {
        let text = d.json.string()?;
        match Status::parse(&text) {
            Some(status) => return Ok(status),
            None => format!("\"{text}\""),
        }
    } else {
        d.json.skip()?.to_owned()
    };
    d.report(
        at,
        Level::Error,
        format!("status must be one of \"open\", \"in-progress\", \"fixed\", \"wont-fix\"; found {found}"),
    );
    Ok(Status::default())
}

fn opportunity<R: Read>(d: &mut Decoder<R>) -> Result<Opportunity, Syntax> {
    let (opportunity, at, seen) = d.record_seen::<Opportunity>()?;
    d.places.opportunity_ids.push(seen[0].unwrap_or(at));
    Ok(opportunity)
}

impl Record for Opportunity {
    const KEYS: &'static [&'static str] = &["id", "text", "addresses", "votes"];
    const WHAT: &'static str = "an opportunity";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.id = OpportunityId(d.id(OpportunityId::PREFIX)?),
            1 => self.text = d.text()?,
            2 => {
                self.addresses = d.list("friction ids", |d| {
                    let at = d.json.peek_value()?.1;
                    d.places.addresses.push(at);
                    Ok(FrictionId(d.text()?))
                })?;
            }
            _ => self.votes = d.votes()?,
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn finish<R: Read>(&mut self, d: &mut Decoder<R>, at: Pos, seen: &Seen) {
        d.missing_id(self.id.as_str(), OpportunityId::PREFIX, at, seen);
    }
}

impl Record for Metrics {
    const KEYS: &'static [&'static str] = &["csat", "nps", "ces"];
    const WHAT: &'static str = "metrics";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        let (slot, name, range) = match key {
            0 => (&mut self.csat, "CSAT", Metrics::CSAT_RANGE),
            1 => (&mut self.nps, "NPS", Metrics::NPS_RANGE),
            _ => (&mut self.ces, "CES", Metrics::CES_RANGE),
        };
        *slot = d.measure(name, range)?;
        Ok(slot.is_some())
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }
}

impl Record for Shadow {
    const KEYS: &'static [&'static str] = &["channels", "notes", "plan"];
    const WHAT: &'static str = "the shadow part";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.channels = d.placed_texts("channels", |p| &mut p.channels)?,
            1 => self.notes = d.list("shadow notes", |d| note(d).map(Shared::new))?,
            _ => self.plan = d.list("plan entries", plan_entry)?,
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }
}

fn note<R: Read>(d: &mut Decoder<R>) -> Result<ShadowNote, Syntax> {
    let (note, at, seen) = d.record_seen::<ShadowNote>()?;
    d.places.note_ids.push(seen[0].unwrap_or(at));
    d.places.note_stages.push(seen[3].unwrap_or(at));
    d.places.note_frictions.push(seen[7].unwrap_or(at));
    if d.places.review {
        d.places.note_channels.push(seen[4].unwrap_or(at));
    }
    Ok(note)
}

impl Record for ShadowNote {
    const KEYS: &'static [&'static str] = &[
        "id", "at", "observer", "stage", "channel", "text", "evidence", "friction",
    ];
    const WHAT: &'static str = "a shadow note";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.id = NoteId(d.id(NoteId::PREFIX)?),
            1 => {
                let at = d.json.peek_value()?.1;
                self.at = d.text()?;
                if !self.at.is_empty() && !is_timestamp(&self.at) {
                    let message = format!(
                        "\"{}\" is not a date and time like \"2026-11-22T10:15:00Z\"",
                        self.at
                    );
                    d.report(at, Level::Warning, message);
                }
            }
            2 => self.observer = d.text()?,
            3 => self.stage = StageId(d.text()?),
            4 => self.channel = d.text()?,
            5 => self.text = d.text()?,
            6 => {
                self.evidence = d.placed_texts("evidence paths or URLs", |p| &mut p.note_evidence_entries)?;
            }
            _ => {
                let linked = if d.json.peek_value()?.0 == b'n' {
                    d.json.null()?;
                    String::new()
                } else {
                    d.text()?
                };
                self.friction = (!linked.is_empty()).then_some(FrictionId(linked));
                return Ok(self.friction.is_some());
            }
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn finish<R: Read>(&mut self, d: &mut Decoder<R>, at: Pos, seen: &Seen) {
        d.missing_id(self.id.as_str(), NoteId::PREFIX, at, seen);
    }
}

impl Record for MemoFacts {
    const KEYS: &'static [&'static str] = &["walked_by", "when", "devices"];
    const WHAT: &'static str = "the memo's facts";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        let fact = match key {
            0 => &mut self.walked_by,
            1 => &mut self.when,
            _ => &mut self.devices,
        };
        *fact = d.text()?;
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }
}

fn plan_entry<R: Read>(d: &mut Decoder<R>) -> Result<PlanEntry, Syntax> {
    let (entry, at, seen) = d.record_seen::<PlanEntry>()?;
    d.places.plan_stages.push(seen[0].unwrap_or(at));
    if d.places.review {
        d.places.plan_channels.push(seen[1].unwrap_or(at));
    }
    Ok(entry)
}

impl Record for PlanEntry {
    const KEYS: &'static [&'static str] = &["stage", "channel", "votes"];
    const WHAT: &'static str = "a plan entry";

    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax> {
        match key {
            0 => self.stage = StageId(d.text()?),
            1 => self.channel = d.text()?,
            _ => self.votes = d.votes()?,
        }
        Ok(true)
    }

    fn extras(&mut self) -> &mut Extras {
        &mut self.extras
    }
}

/// Whether `at` is a date and time: the usual "2026-11-22T10:15:00Z" checked by hand
/// (a big map has tens of thousands), anything else by jiff.
fn is_timestamp(at: &str) -> bool {
    written_day(at).is_some() || at.parse::<jiff::Timestamp>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_timestamp;

    #[test]
    fn timestamps_are_told_as_jiff_tells_them() {
        for at in [
            "2026-11-22T10:15:00Z",
            "2026-02-29T10:15:00Z",
            "2024-02-29T10:15:00Z",
            "2026-13-01T10:15:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22 10:15:00Z",
            "2026-11-22T10:15:00+01:00",
            "2026-11-22T10:15:00",
            "yesterday",
            "2026-1a-22T10:15:00Z",
        ] {
            assert_eq!(is_timestamp(at), at.parse::<jiff::Timestamp>().is_ok(), "{at}");
        }
    }
}
