//! Writes a map in the canonical layout: keys in the contract's order, unknown fields
//! right after the known key they followed, two-space indentation, one trailing newline.
//! The bytes are serde_json's pretty printer's, written straight into one buffer.

#[cfg(test)]
mod reference;

use serde_json::Value;

use crate::model::{
    Emotion, Extras, FORMAT_VERSION, Friction, JourneyMap, MemoFacts, Metrics, Opportunity, PlanEntry,
    Shadow, ShadowNote, Stage,
};
use crate::text::swar;

/// The file's bytes for a map.
pub fn encode(map: &JourneyMap) -> Vec<u8> {
    encode_into(map, Vec::with_capacity(1 << 16))
}

/// Like [`encode`], written into `room` (its contents cleared first): a caller done with
/// a large buffer spares the system giving fresh memory page by page (about a tenth of
/// `cxmap import` at 2,800 stages).
pub fn encode_into(map: &JourneyMap, mut room: Vec<u8>) -> Vec<u8> {
    room.clear();
    let mut out = Out {
        bytes: room,
        depth: 0,
    };
    journey_map(&mut out, map);
    out.bytes.push(b'\n');
    out.bytes
}

/// The buffer being written and how deep in objects and lists it is.
struct Out {
    bytes: Vec<u8>,
    depth: usize,
}

impl Out {
    /// A line break and the current indentation (two spaces a level).
    fn new_line(&mut self) {
        self.bytes.push(b'\n');
        self.bytes.resize(self.bytes.len() + 2 * self.depth, b' ');
    }

    /// A JSON string, escaped as serde_json escapes it: `"` and `\`, the short forms
    /// `\b \t \n \f \r`, other control characters as `\u00xx`; everything else as is,
    /// passed over eight bytes at a time.
    fn text(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = text.as_bytes();
        self.bytes.push(b'"');
        let (mut run, mut at) = (0, 0);
        while at < bytes.len() {
            if let Some(eight) = bytes.get(at..at + 8)
                && !may_need_escape(eight)
            {
                at += 8;
                continue;
            }
            let byte = bytes[at];
            let escape = ESCAPE[usize::from(byte)];
            if escape != 0 {
                self.bytes.extend_from_slice(&bytes[run..at]);
                if escape == b'u' {
                    let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]];
                    self.bytes.extend_from_slice(b"\\u00");
                    self.bytes.extend_from_slice(&hex);
                } else {
                    self.bytes.extend_from_slice(&[b'\\', escape]);
                }
                run = at + 1;
            }
            at += 1;
        }
        self.bytes.extend_from_slice(&bytes[run..]);
        self.bytes.push(b'"');
    }

    /// A whole number, negative ones with their sign.
    fn signed(&mut self, value: i64) {
        if value < 0 {
            self.bytes.push(b'-');
        }
        self.unsigned(value.unsigned_abs());
    }

    /// A whole number of 0 or more.
    fn unsigned(&mut self, mut value: u64) {
        const DIGITS: &[u8; 10] = b"0123456789";
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = DIGITS[(value % 10) as usize];
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.bytes.extend_from_slice(&digits[at..]);
    }

    /// A number as serde_json writes an `f64`: shortest round-trip digits, `null` when
    /// not finite.
    fn float(&mut self, value: f64) {
        match serde_json::Number::from_f64(value) {
            Some(number) => self.bytes.extend_from_slice(number.to_string().as_bytes()),
            None => self.bytes.extend_from_slice(b"null"),
        }
    }

    /// An unknown field's value, as serde_json prints it, indented to this depth.
    fn value(&mut self, value: &Value) {
        let Ok(printed) = serde_json::to_vec_pretty(value) else {
            self.bytes.extend_from_slice(b"null");
            return;
        };
        let mut lines = printed.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.bytes.extend_from_slice(first);
        }
        for line in lines {
            self.new_line();
            self.bytes.extend_from_slice(line);
        }
    }

    /// A list, one item a line; `[]` when empty.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.bytes.push(b'[');
        self.depth += 1;
        for (i, each) in items.iter().enumerate() {
            if i > 0 {
                self.bytes.push(b',');
            }
            self.new_line();
            item(self, each);
        }
        self.depth -= 1;
        if !items.is_empty() {
            self.new_line();
        }
        self.bytes.push(b']');
    }

    /// A list of strings.
    fn texts<T: AsRef<str>>(&mut self, items: &[T]) {
        self.list(items, |out, text| out.text(text.as_ref()));
    }
}

/// Whether eight bytes may hold one a JSON string escapes (a control character, `"` or
/// `\`), tested at once; never false when one does.
fn may_need_escape(eight: &[u8]) -> bool {
    swar::word(eight).is_none_or(|word| {
        swar::has_byte_below(word, 0x20) || swar::has_byte(word, b'"') || swar::has_byte(word, b'\\')
    })
}

/// Which escape each byte takes in a JSON string: 0 none, `u` as `\u00xx`, else the
/// letter after the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// One object being written: known fields in order, each followed by the unknown fields
/// anchored to it.
struct Object<'o, 'e> {
    out: &'o mut Out,
    extras: &'e Extras,
    empty: bool,
}

impl<'o, 'e> Object<'o, 'e> {
    fn begin(out: &'o mut Out, extras: &'e Extras) -> Self {
        out.bytes.push(b'{');
        out.depth += 1;
        let mut object = Self {
            out,
            extras,
            empty: true,
        };
        object.extras_after(None);
        object
    }

    fn key(&mut self, key: &str) -> &mut Out {
        if !self.empty {
            self.out.bytes.push(b',');
        }
        self.empty = false;
        self.out.new_line();
        self.out.text(key);
        self.out.bytes.extend_from_slice(b": ");
        self.out
    }

    #[inline]
    fn extras_after(&mut self, known: Option<&'static str>) {
        if !self.extras.is_empty() {
            self.all_extras_after(known);
        }
    }

    fn all_extras_after(&mut self, known: Option<&'static str>) {
        for field in self.extras.after(known) {
            self.key(&field.key).value(&field.value);
        }
    }

    /// A known field, its value written by `value`.
    fn field(&mut self, key: &'static str, value: impl FnOnce(&mut Out)) {
        value(self.key(key));
        self.extras_after(Some(key));
    }

    fn text(&mut self, key: &'static str, text: &str) {
        self.field(key, |out| out.text(text));
    }

    fn unsigned(&mut self, key: &'static str, value: impl Into<u64>) {
        let value = value.into();
        self.field(key, |out| out.unsigned(value));
    }

    /// A field written only when there is a value; its unknown followers either way.
    fn optional<T>(&mut self, key: &'static str, value: Option<T>, write: impl FnOnce(&mut Out, T)) {
        if let Some(value) = value {
            write(self.key(key), value);
        }
        self.extras_after(Some(key));
    }

    fn end(self) {
        self.out.depth -= 1;
        if !self.empty {
            self.out.new_line();
        }
        self.out.bytes.push(b'}');
    }
}

fn journey_map(out: &mut Out, map: &JourneyMap) {
    let mut o = Object::begin(out, &map.extras);
    o.unsigned("cxmap", FORMAT_VERSION);
    o.text("title", &map.title);
    o.text("persona", &map.persona);
    o.field("stages", |out| out.list(&map.stages, |out, s| stage(out, s)));
    o.field("shadow", |out| shadow(out, &map.shadow));
    o.optional("memo", map.memo.as_ref(), memo);
    o.end();
}

fn stage(out: &mut Out, stage: &Stage) {
    let mut o = Object::begin(out, &stage.extras);
    o.text("id", stage.id.as_str());
    o.text("name", &stage.name);
    o.text("goal", &stage.goal);
    o.field("touchpoints", |out| out.texts(&stage.touchpoints));
    o.field("emotion", |out| emotion(out, &stage.emotion));
    o.field("frictions", |out| out.list(&stage.frictions, friction));
    o.field("opportunities", |out| out.list(&stage.opportunities, opportunity));
    o.optional("metrics", stage.metrics.as_ref(), metrics);
    o.end();
}

fn emotion(out: &mut Out, emotion: &Emotion) {
    let mut o = Object::begin(out, &emotion.extras);
    o.optional("score", emotion.score, |out, score| {
        out.signed(score.value().into())
    });
    o.text("note", &emotion.note);
    o.end();
}

fn friction(out: &mut Out, friction: &Friction) {
    let mut o = Object::begin(out, &friction.extras);
    o.text("id", friction.id.as_str());
    o.text("text", &friction.text);
    o.unsigned("severity", friction.severity.number());
    o.text("channel", &friction.channel);
    o.unsigned("votes", friction.votes);
    o.text("owner", &friction.owner);
    o.text("status", friction.status.as_str());
    o.field("evidence", |out| out.texts(&friction.evidence));
    o.end();
}

fn opportunity(out: &mut Out, opportunity: &Opportunity) {
    let mut o = Object::begin(out, &opportunity.extras);
    o.text("id", opportunity.id.as_str());
    o.text("text", &opportunity.text);
    o.field("addresses", |out| {
        out.list(&opportunity.addresses, |out, id| out.text(id.as_str()));
    });
    o.unsigned("votes", opportunity.votes);
    o.end();
}

fn metrics(out: &mut Out, metrics: &Metrics) {
    let mut o = Object::begin(out, &metrics.extras);
    o.optional("csat", metrics.csat, Out::float);
    o.optional("nps", metrics.nps, Out::float);
    o.optional("ces", metrics.ces, Out::float);
    o.end();
}

fn shadow(out: &mut Out, shadow: &Shadow) {
    let mut o = Object::begin(out, &shadow.extras);
    o.field("channels", |out| out.texts(&shadow.channels));
    o.field("notes", |out| out.list(&shadow.notes, |out, n| note(out, n)));
    o.field("plan", |out| out.list(&shadow.plan, plan_entry));
    o.end();
}

fn note(out: &mut Out, note: &ShadowNote) {
    let mut o = Object::begin(out, &note.extras);
    o.text("id", note.id.as_str());
    o.text("at", &note.at);
    o.text("observer", &note.observer);
    o.text("stage", note.stage.as_str());
    o.text("channel", &note.channel);
    o.text("text", &note.text);
    o.field("evidence", |out| out.texts(&note.evidence));
    o.optional("friction", note.friction.as_ref(), |out, id| {
        out.text(id.as_str())
    });
    o.end();
}

fn memo(out: &mut Out, memo: &MemoFacts) {
    let mut o = Object::begin(out, &memo.extras);
    o.text("walked_by", &memo.walked_by);
    o.text("when", &memo.when);
    o.text("devices", &memo.devices);
    o.end();
}

fn plan_entry(out: &mut Out, entry: &PlanEntry) {
    let mut o = Object::begin(out, &entry.extras);
    o.text("stage", entry.stage.as_str());
    o.text("channel", &entry.channel);
    o.unsigned("votes", entry.votes);
    o.end();
}

/// The direct encoder writes exactly the bytes serde_json's pretty printer wrote.
#[cfg(test)]
mod tests {
    use super::{encode, encode_into, reference};
    use crate::assets::{EXAMPLES, TEMPLATES};
    use crate::format::parse;
    use crate::generate::{self, Spec};
    use crate::model::{JourneyMap, Metrics};

    fn assert_same_bytes(name: &str, map: &JourneyMap) {
        let old = reference::encode(map);
        let new = encode(map);
        if old != new {
            let at = old
                .iter()
                .zip(&new)
                .position(|(a, b)| a != b)
                .unwrap_or(old.len().min(new.len()));
            let around = |bytes: &[u8]| {
                String::from_utf8_lossy(&bytes[at.saturating_sub(80)..(at + 80).min(bytes.len())])
                    .into_owned()
            };
            panic!(
                "{name}: the encoders differ at byte {at}\n--- serde_json:\n{}\n--- direct:\n{}",
                around(&old),
                around(&new)
            );
        }
    }

    #[test]
    fn the_bundled_examples_and_templates_encode_as_before() {
        for bundled in EXAMPLES.iter().chain(TEMPLATES) {
            assert_same_bytes(bundled.name, &bundled.map().unwrap());
        }
        let canonical = include_str!("../../tests/fixtures/canonical.json");
        assert_same_bytes("canonical.json", &parse(canonical).unwrap().map);
    }

    #[test]
    fn generated_maps_encode_as_before() {
        for stages in [7, 70, 280] {
            let spec = Spec {
                seed: stages as u64,
                ..Spec::sized(stages)
            };
            assert_same_bytes(&format!("{stages} stages"), &generate::map(&spec));
        }
    }

    /// Unknown fields at every place the format keeps them (first, after a known key, after
    /// an optional key that is absent, nested values, empty objects and lists), every
    /// character that needs escaping, and numbers of every kind.
    #[test]
    fn unknown_fields_escapes_and_numbers_encode_as_before() {
        // Escapes at every offset within and across eight-byte words.
        let spread: String = (0..70)
            .map(|i| match (i % 9, i % 13) {
                (0, _) => '"',
                (_, 0) => '\u{1}',
                (4, _) => '\\',
                _ => 'é',
            })
            .collect();
        let every_escape: String = (0u8..0x80)
            .map(char::from)
            .chain("é–😀\u{2028}\u{7f}".chars())
            .collect();
        let text = serde_json::json!({
            "zeroth": {"nested": [1, -2, 3.5, 1e300, 0.1, null, true, "x\"y", [], {}], "empty": {}},
            "cxmap": 1,
            "after_version": [[], [[]], {"a": {"b": []}}],
            "title": every_escape,
            "persona": spread,
            "stages": [{
                "first": "f",
                "id": "st-a",
                "name": "\\\"quoted\"\n\t\r\u{8}\u{c}",
                "goal": "",
                "touchpoints": [],
                "emotion": {"score": -2, "note": "", "after_note": 7},
                "frictions": [{
                    "id": "fr-a", "text": "t", "severity": 3, "channel": "", "votes": 4294967295u32,
                    "owner": "", "status": "wont-fix", "evidence": ["a", ""], "tail": {"k": "v"}
                }],
                "opportunities": [{"id": "op-a", "text": "", "addresses": ["fr-a"], "votes": 0}],
                "after_opportunities": 1,
                "metrics": {"csat": 78.0, "nps": -12.25, "ces": 3.4, "more": 1},
                "last": []
            }, {
                "id": "st-b", "name": "", "goal": "", "touchpoints": ["x"],
                "emotion": {"note": "no score", "after_score": true},
                "frictions": [], "opportunities": [], "metrics": {}
            }, {
                "id": "st-c", "name": "c", "goal": "", "touchpoints": [],
                "emotion": {"score": 2, "note": ""}, "frictions": [], "opportunities": [],
                "metrics": {"nps": 1}
            }],
            "shadow": {
                "channels": ["Web"],
                "notes": [{
                    "id": "sh-a", "at": "2026-01-02T03:04:05Z", "observer": "o", "stage": "st-a",
                    "channel": "Web", "text": "n", "evidence": [], "friction": "fr-a", "why": "x"
                }, {
                    "id": "sh-b", "at": "", "observer": "", "stage": "st-b", "channel": "",
                    "text": "", "evidence": ["e"], "after_friction": 0
                }],
                "plan": [{"stage": "st-a", "channel": "Web", "votes": 2, "x": null}],
                "more": {}
            },
            "after_shadow": 1,
            "memo": {"walked_by": "w", "when": "", "devices": "d", "then": [1]},
            "last": "end"
        });
        let text = serde_json::to_string_pretty(&text).unwrap();
        let mut map = parse(&text).unwrap().map;
        assert_same_bytes("every kind of field", &map);
        // Numbers the loader refuses but a map in memory may hold.
        map.stages[2].metrics = Some(Metrics {
            csat: Some(f64::NAN),
            nps: Some(1e21),
            ces: Some(0.000001),
            ..Metrics::default()
        });
        map.stages[1].metrics = Some(Metrics {
            csat: Some(f64::NEG_INFINITY),
            nps: Some(-0.0),
            ces: Some(f64::MIN_POSITIVE),
            ..Metrics::default()
        });
        assert_same_bytes("numbers out of range", &map);
    }

    #[test]
    fn a_map_with_nothing_optional_encodes_as_before() {
        assert_same_bytes("default", &JourneyMap::default());
    }

    #[test]
    fn encoding_into_a_used_buffer_writes_only_the_map() {
        let map = generate::map(&Spec::sized(7));
        let used = b"an old sheet's text".repeat(1000);
        assert_eq!(encode_into(&map, used), encode(&map));
    }
}
