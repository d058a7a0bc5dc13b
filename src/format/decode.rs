//! Turns a parsed JSON tree into a [`JourneyMap`], collecting every problem with its
//! path instead of stopping at the first, and keeping unknown fields with their anchors.

use serde_json::Value;

use super::diagnostic::{JsonPath, Level, Problem, Segment};
use super::tree::{Key, Node};
use crate::model::{
    Emotion, ExtraField, Extras, FORMAT_VERSION, Friction, FrictionId, JourneyMap, MemoFacts, Metrics,
    NoteId, Opportunity, OpportunityId, PlanEntry, Score, Severity, Shadow, ShadowNote, Stage, StageId,
    Status,
};

/// What decoding found: the map (with defaults where values were wrong) and the problems.
pub struct Decoded {
    pub map: JourneyMap,
    pub problems: Vec<Problem>,
}

/// Decodes a whole file's tree. A file with a newer format version is reported with a
/// single problem and not decoded further.
pub fn decode(root: Node) -> Decoded {
    let mut d = Decoder::default();
    let map = d.map(root);
    Decoded {
        map,
        problems: d.problems,
    }
}

#[derive(Default)]
struct Decoder {
    path: Vec<Segment>,
    problems: Vec<Problem>,
}

/// The fields of one JSON object, taken one by one; what is left becomes [`Extras`].
/// Decoders take fields in the contract's order, so the order of `take` calls ranks the
/// known keys the way they are written.
struct Fields {
    entries: Vec<Entry>,
    takes: usize,
}

/// One key of the object: its value until a decoder takes it, and which take claimed it.
struct Entry {
    key: Key,
    value: Option<Node>,
    claim: Option<Claim>,
}

/// A known key as an anchor for unknown fields: its rank in the written order and name.
#[derive(Clone, Copy)]
struct Claim {
    rank: usize,
    key: &'static str,
}

impl Fields {
    fn new(entries: Vec<(Key, Node)>) -> Self {
        Self {
            entries: entries
                .into_iter()
                .map(|(key, value)| Entry {
                    key,
                    value: Some(value),
                    claim: None,
                })
                .collect(),
            takes: 0,
        }
    }

    fn take(&mut self, key: &'static str) -> Option<Node> {
        self.takes += 1;
        let entry = self.entries.iter_mut().find(|e| e.key == key)?;
        entry.claim = Some(Claim {
            rank: self.takes,
            key,
        });
        entry.value.take()
    }

    /// Gives up `key` as an anchor: an optional field with no value is not written, so
    /// unknown fields after it belong to the known key before it.
    fn unanchor(&mut self, key: &'static str) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.key == key) {
            entry.claim = None;
        }
    }

    /// The unknown fields, each anchored to the known key before it in the file, in the
    /// order a save writes them (by anchor, then as in the file).
    fn into_extras(self) -> Extras {
        let mut after: Option<Claim> = None;
        let mut extras = Vec::new();
        for entry in self.entries {
            match (entry.claim, entry.value) {
                (Some(claim), _) => after = Some(claim),
                (None, Some(value)) => extras.push((
                    after.map_or(0, |claim| claim.rank),
                    ExtraField {
                        after: after.map(|claim| claim.key),
                        key: entry.key.into_owned(),
                        value: Value::from(value),
                    },
                )),
                (None, None) => {}
            }
        }
        extras.sort_by_key(|(rank, _)| *rank);
        Extras(extras.into_iter().map(|(_, field)| field).collect())
    }
}

impl Decoder {
    fn report(&mut self, level: Level, message: String) {
        self.problems.push(Problem {
            path: JsonPath(self.path.clone()),
            level,
            message,
            related: None,
        });
    }

    fn error(&mut self, message: String) {
        self.report(Level::Error, message);
    }

    fn warn(&mut self, message: String) {
        self.report(Level::Warning, message);
    }

    /// Runs `f` with `segment` appended to the current path.
    fn at<T>(&mut self, segment: Segment, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(segment);
        let result = f(self);
        self.path.pop();
        result
    }

    /// Takes a field and decodes it at its own path, or gives the default when absent.
    fn field<T: Default>(
        &mut self,
        fields: &mut Fields,
        key: &'static str,
        decode: impl FnOnce(&mut Self, Node) -> T,
    ) -> T {
        match fields.take(key) {
            Some(node) => self.at(Segment::Key(key), |d| decode(d, node)),
            None => T::default(),
        }
    }

    /// Like [`Decoder::field`] for a field that is left out of the file when it has no value.
    fn optional<T>(
        &mut self,
        fields: &mut Fields,
        key: &'static str,
        decode: impl FnOnce(&mut Self, Node) -> Option<T>,
    ) -> Option<T> {
        let value = self.field(fields, key, decode);
        if value.is_none() {
            fields.unanchor(key);
        }
        value
    }

    fn object(&mut self, node: Node, what: &str) -> Option<Fields> {
        match node {
            Node::Object(entries) => Some(Fields::new(entries)),
            other => {
                self.error(format!("expected {what} (an object), found {}", other.kind()));
                None
            }
        }
    }

    fn text(&mut self, node: Node) -> String {
        match node {
            Node::String(s) => s,
            Node::Null => String::new(),
            other => {
                self.error(format!("expected text, found {}", other.kind()));
                String::new()
            }
        }
    }

    fn list<T>(&mut self, node: Node, what: &str, mut item: impl FnMut(&mut Self, Node) -> T) -> Vec<T> {
        match node {
            Node::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, node)| self.at(Segment::Index(i), |d| item(d, node)))
                .collect(),
            Node::Null => Vec::new(),
            other => {
                self.error(format!("expected a list of {what}, found {}", other.kind()));
                Vec::new()
            }
        }
    }

    fn texts(&mut self, node: Node, what: &str) -> Vec<String> {
        self.list(node, what, Self::text)
    }

    fn integer(&mut self, node: &Node, rule: &str) -> Option<i64> {
        let found = match node {
            Node::Number(n) => match n.as_i64() {
                Some(value) => return Some(value),
                None => n.to_string(),
            },
            Node::String(s) => format!("the text \"{s}\""),
            other => other.kind().to_owned(),
        };
        self.error(format!("{rule}; found {found}"));
        None
    }

    fn votes(&mut self, node: Node) -> u32 {
        const RULE: &str = "votes must be a whole number, 0 or more";
        match self.integer(&node, RULE) {
            Some(v) => u32::try_from(v).unwrap_or_else(|_| {
                self.error(format!("{RULE}; found {v}"));
                0
            }),
            None => 0,
        }
    }

    fn number(&mut self, node: Node) -> Option<f64> {
        match node {
            Node::Number(n) => n.as_f64(),
            Node::Null => None,
            other => {
                self.error(format!("expected a number, found {}", other.kind()));
                None
            }
        }
    }

    /// A stage metric, which must lie within its scale.
    fn measure(&mut self, node: Node, name: &str, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
        let value = self.number(node)?;
        if !range.contains(&value) {
            self.error(format!(
                "{name} must be a number from {} to {}; found {value}",
                range.start(),
                range.end()
            ));
        }
        Some(value)
    }

    fn id<T>(&mut self, fields: &mut Fields, prefix: &str, wrap: impl FnOnce(String) -> T) -> T {
        let id = self.field(fields, "id", Self::text);
        if id.is_empty() {
            self.warn(format!(
                "this item has no id; cxmap gives it a new \"{prefix}…\" id when it saves"
            ));
        } else if id.chars().any(char::is_whitespace) {
            self.at(Segment::Key("id"), |d| {
                d.error(format!(
                    "the id \"{id}\" contains spaces; ids are short words like \"{prefix}3k9x\""
                ))
            });
        }
        wrap(id)
    }

    fn reference(&mut self, node: Node) -> String {
        self.text(node)
    }

    fn map(&mut self, root: Node) -> JourneyMap {
        let mut map = JourneyMap::default();
        let mut fields = match root {
            Node::Object(entries) => Fields::new(entries),
            other => {
                self.error(format!(
                    "not a cxmap journey map: expected an object starting with \"cxmap\": {FORMAT_VERSION}, found {}",
                    other.kind()
                ));
                return map;
            }
        };
        match fields.take("cxmap") {
            None => {
                self.error(format!(
                    "not a cxmap journey map: the \"cxmap\": {FORMAT_VERSION} version field is missing"
                ));
                return map;
            }
            Some(version) => {
                let version = self.at(Segment::Key("cxmap"), |d| {
                    d.integer(&version, "\"cxmap\" must be the format version, a whole number")
                });
                match version {
                    Some(v) if v > FORMAT_VERSION as i64 => {
                        self.at(Segment::Key("cxmap"), |d| {
                            d.error(format!(
                                "this map is in format {v}, newer than this cxmap reads (format {FORMAT_VERSION}); \
                                 update cxmap to open it"
                            ))
                        });
                        return map;
                    }
                    Some(v) if v < 1 => self.at(Segment::Key("cxmap"), |d| {
                        d.error(format!(
                            "\"cxmap\" must be the format version {FORMAT_VERSION}; found {v}"
                        ))
                    }),
                    _ => {}
                }
            }
        }
        map.title = self.field(&mut fields, "title", Self::text);
        map.persona = self.field(&mut fields, "persona", Self::text);
        map.stages = self.field(&mut fields, "stages", |d, node| {
            d.list(node, "stages", Self::stage)
        });
        map.shadow = self.field(&mut fields, "shadow", Self::shadow);
        map.memo = self.optional(&mut fields, "memo", Self::memo_facts);
        map.extras = fields.into_extras();
        map
    }

    fn stage(&mut self, node: Node) -> Stage {
        let Some(mut fields) = self.object(node, "a stage") else {
            return Stage::default();
        };
        Stage {
            id: self.id(&mut fields, StageId::PREFIX, StageId),
            name: self.field(&mut fields, "name", Self::text),
            goal: self.field(&mut fields, "goal", Self::text),
            touchpoints: self.field(&mut fields, "touchpoints", |d, n| d.texts(n, "touchpoints")),
            emotion: self.field(&mut fields, "emotion", Self::emotion),
            frictions: self.field(&mut fields, "frictions", |d, n| {
                d.list(n, "friction points", Self::friction)
            }),
            opportunities: self.field(&mut fields, "opportunities", |d, n| {
                d.list(n, "opportunities", Self::opportunity)
            }),
            metrics: self.optional(&mut fields, "metrics", Self::metrics),
            extras: fields.into_extras(),
        }
    }

    fn emotion(&mut self, node: Node) -> Emotion {
        let Some(mut fields) = self.object(node, "an emotion") else {
            return Emotion::default();
        };
        Emotion {
            score: self.optional(&mut fields, "score", |d, node| {
                if node == Node::Null {
                    return None;
                }
                const RULE: &str = "the emotion score must be a whole number from -2 to 2";
                let value = d.integer(&node, RULE)?;
                let score = Score::new(value);
                if score.is_none() {
                    d.error(format!("{RULE}; found {value}"));
                }
                score
            }),
            note: self.field(&mut fields, "note", Self::text),
            extras: fields.into_extras(),
        }
    }

    fn friction(&mut self, node: Node) -> Friction {
        let Some(mut fields) = self.object(node, "a friction point") else {
            return Friction::default();
        };
        Friction {
            id: self.id(&mut fields, FrictionId::PREFIX, FrictionId),
            text: self.field(&mut fields, "text", Self::text),
            severity: self.field(&mut fields, "severity", |d, node| {
                const RULE: &str = "severity must be 1 (minor), 2 (major) or 3 (severe)";
                let Some(value) = d.integer(&node, RULE) else {
                    return Severity::default();
                };
                Severity::from_number(value).unwrap_or_else(|| {
                    d.error(format!("{RULE}; found {value}"));
                    Severity::default()
                })
            }),
            channel: self.field(&mut fields, "channel", Self::text),
            votes: self.field(&mut fields, "votes", Self::votes),
            owner: self.field(&mut fields, "owner", Self::text),
            status: self.field(&mut fields, "status", |d, node| {
                let found = match &node {
                    Node::String(s) => match Status::parse(s) {
                        Some(status) => return status,
                        None => format!("\"{s}\""),
                    },
                    other => other.kind().to_owned(),
                };
                d.error(format!(
                    "status must be one of \"open\", \"in-progress\", \"fixed\", \"wont-fix\"; found {found}"
                ));
                Status::default()
            }),
            evidence: self.field(&mut fields, "evidence", |d, n| {
                d.texts(n, "evidence paths or URLs")
            }),
            extras: fields.into_extras(),
        }
    }

    fn opportunity(&mut self, node: Node) -> Opportunity {
        let Some(mut fields) = self.object(node, "an opportunity") else {
            return Opportunity::default();
        };
        Opportunity {
            id: self.id(&mut fields, OpportunityId::PREFIX, OpportunityId),
            text: self.field(&mut fields, "text", Self::text),
            addresses: self.field(&mut fields, "addresses", |d, n| {
                d.list(n, "friction ids", |d, n| FrictionId(d.reference(n)))
            }),
            votes: self.field(&mut fields, "votes", Self::votes),
            extras: fields.into_extras(),
        }
    }

    fn metrics(&mut self, node: Node) -> Option<Metrics> {
        if node == Node::Null {
            return None;
        }
        let mut fields = self.object(node, "metrics")?;
        Some(Metrics {
            csat: self.optional(&mut fields, "csat", |d, n| {
                d.measure(n, "CSAT", Metrics::CSAT_RANGE)
            }),
            nps: self.optional(&mut fields, "nps", |d, n| d.measure(n, "NPS", Metrics::NPS_RANGE)),
            ces: self.optional(&mut fields, "ces", |d, n| d.measure(n, "CES", Metrics::CES_RANGE)),
            extras: fields.into_extras(),
        })
    }

    fn shadow(&mut self, node: Node) -> Shadow {
        let Some(mut fields) = self.object(node, "the shadow part") else {
            return Shadow::default();
        };
        Shadow {
            channels: self.field(&mut fields, "channels", |d, n| d.texts(n, "channels")),
            notes: self.field(&mut fields, "notes", |d, n| d.list(n, "shadow notes", Self::note)),
            plan: self.field(&mut fields, "plan", |d, n| {
                d.list(n, "plan entries", Self::plan_entry)
            }),
            extras: fields.into_extras(),
        }
    }

    fn note(&mut self, node: Node) -> ShadowNote {
        let Some(mut fields) = self.object(node, "a shadow note") else {
            return ShadowNote::default();
        };
        ShadowNote {
            id: self.id(&mut fields, NoteId::PREFIX, NoteId),
            at: self.field(&mut fields, "at", |d, node| {
                let at = d.text(node);
                if !at.is_empty() && at.parse::<jiff::Timestamp>().is_err() {
                    d.warn(format!(
                        "\"{at}\" is not a date and time like \"2026-11-22T10:15:00Z\""
                    ));
                }
                at
            }),
            observer: self.field(&mut fields, "observer", Self::text),
            stage: StageId(self.field(&mut fields, "stage", Self::reference)),
            channel: self.field(&mut fields, "channel", Self::text),
            text: self.field(&mut fields, "text", Self::text),
            evidence: self.field(&mut fields, "evidence", |d, n| {
                d.texts(n, "evidence paths or URLs")
            }),
            friction: self.optional(&mut fields, "friction", |d, node| {
                let id = d.reference(node);
                (!id.is_empty()).then_some(FrictionId(id))
            }),
            extras: fields.into_extras(),
        }
    }

    fn memo_facts(&mut self, node: Node) -> Option<MemoFacts> {
        if node == Node::Null {
            return None;
        }
        let mut fields = self.object(node, "the memo's facts")?;
        Some(MemoFacts {
            walked_by: self.field(&mut fields, "walked_by", Self::text),
            when: self.field(&mut fields, "when", Self::text),
            devices: self.field(&mut fields, "devices", Self::text),
            extras: fields.into_extras(),
        })
    }

    fn plan_entry(&mut self, node: Node) -> PlanEntry {
        let Some(mut fields) = self.object(node, "a plan entry") else {
            return PlanEntry::default();
        };
        PlanEntry {
            stage: StageId(self.field(&mut fields, "stage", Self::reference)),
            channel: self.field(&mut fields, "channel", Self::text),
            votes: self.field(&mut fields, "votes", Self::votes),
            extras: fields.into_extras(),
        }
    }
}
