//! The encoder cxmap used before `encode` wrote the layout itself: serde_json's pretty
//! printer over `Serialize` impls, kept (for tests only) to prove the bytes did not change.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::model::{
    Emotion, Extras, FORMAT_VERSION, Friction, FrictionId, JourneyMap, MemoFacts, Metrics, NoteId,
    Opportunity, OpportunityId, PlanEntry, Score, Severity, Shadow, ShadowNote, Shared, Stage, StageId,
    Status,
};

/// The file's bytes for a map, as serde_json's pretty printer writes them.
pub fn encode(map: &JourneyMap) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    // Writing JSON into a Vec cannot fail: every key is a string and every number finite
    // or written as null by serde_json.
    if serde_json::to_writer_pretty(&mut out, map).is_ok() {
        out.push(b'\n');
    }
    out
}

/// Serializes one object: known fields in order, each followed by the unknown fields
/// anchored to it.
struct ObjectWriter<'a, M> {
    map: M,
    extras: &'a Extras,
}

impl<'a, M: SerializeMap> ObjectWriter<'a, M> {
    fn begin<S>(serializer: S, extras: &'a Extras) -> Result<Self, M::Error>
    where
        S: Serializer<SerializeMap = M, Error = M::Error>,
    {
        let mut writer = Self {
            map: serializer.serialize_map(None)?,
            extras,
        };
        writer.extras_after(None)?;
        Ok(writer)
    }

    fn extras_after(&mut self, key: Option<&'static str>) -> Result<(), M::Error> {
        for field in self.extras.after(key) {
            self.map.serialize_entry(&field.key, &field.value)?;
        }
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), M::Error> {
        self.map.serialize_entry(key, value)?;
        self.extras_after(Some(key))
    }

    fn optional<T: Serialize>(&mut self, key: &'static str, value: Option<&T>) -> Result<(), M::Error> {
        if let Some(value) = value {
            self.map.serialize_entry(key, value)?;
        }
        self.extras_after(Some(key))
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.map.end()
    }
}

macro_rules! serialize_as_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    )*};
}

serialize_as_str!(StageId, FrictionId, OpportunityId, NoteId, Status);

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i8(self.value())
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

/// A shared stage or note is written as the value it shares.
impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl Serialize for JourneyMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("cxmap", &FORMAT_VERSION)?;
        w.field("title", &self.title)?;
        w.field("persona", &self.persona)?;
        w.field("stages", &self.stages)?;
        w.field("shadow", &self.shadow)?;
        w.optional("memo", self.memo.as_ref())?;
        w.end()
    }
}

impl Serialize for Stage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("id", &self.id)?;
        w.field("name", &self.name)?;
        w.field("goal", &self.goal)?;
        w.field("touchpoints", &self.touchpoints)?;
        w.field("emotion", &self.emotion)?;
        w.field("frictions", &self.frictions)?;
        w.field("opportunities", &self.opportunities)?;
        w.optional("metrics", self.metrics.as_ref())?;
        w.end()
    }
}

impl Serialize for Emotion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.optional("score", self.score.as_ref())?;
        w.field("note", &self.note)?;
        w.end()
    }
}

impl Serialize for Friction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("id", &self.id)?;
        w.field("text", &self.text)?;
        w.field("severity", &self.severity)?;
        w.field("channel", &self.channel)?;
        w.field("votes", &self.votes)?;
        w.field("owner", &self.owner)?;
        w.field("status", &self.status)?;
        w.field("evidence", &self.evidence)?;
        w.end()
    }
}

impl Serialize for Opportunity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("id", &self.id)?;
        w.field("text", &self.text)?;
        w.field("addresses", &self.addresses)?;
        w.field("votes", &self.votes)?;
        w.end()
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.optional("csat", self.csat.as_ref())?;
        w.optional("nps", self.nps.as_ref())?;
        w.optional("ces", self.ces.as_ref())?;
        w.end()
    }
}

impl Serialize for Shadow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("channels", &self.channels)?;
        w.field("notes", &self.notes)?;
        w.field("plan", &self.plan)?;
        w.end()
    }
}

impl Serialize for ShadowNote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("id", &self.id)?;
        w.field("at", &self.at)?;
        w.field("observer", &self.observer)?;
        w.field("stage", &self.stage)?;
        w.field("channel", &self.channel)?;
        w.field("text", &self.text)?;
        w.field("evidence", &self.evidence)?;
        w.optional("friction", self.friction.as_ref())?;
        w.end()
    }
}

impl Serialize for MemoFacts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("walked_by", &self.walked_by)?;
        w.field("when", &self.when)?;
        w.field("devices", &self.devices)?;
        w.end()
    }
}

impl Serialize for PlanEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::begin(serializer, &self.extras)?;
        w.field("stage", &self.stage)?;
        w.field("channel", &self.channel)?;
        w.field("votes", &self.votes)?;
        w.end()
    }
}
