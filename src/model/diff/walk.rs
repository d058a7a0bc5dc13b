//! Walks two versions of a map side by side, by id, and lists every change: the map's
//! fields, stages, touchpoints, emotion, metrics, friction points, opportunities, shadow
//! notes, channels and plan votes, and unknown fields.

use std::collections::HashMap;

use serde_json::Value;

use super::change::{Action, Change, Kind, StageRef};
use super::lists::{moved, text_list};
use crate::model::{
    Extras, Friction, JourneyMap, MemoFacts, Metrics, Opportunity, PlanEntry, ShadowNote, Stage,
};

/// Every change from `old` to `new`: the map's own fields first, then stage by stage
/// (in the new order, removed stages last), then the service shadow.
pub fn changes(old: &JourneyMap, new: &JourneyMap) -> Vec<Change> {
    let mut walk = Walk {
        old,
        new,
        out: Vec::new(),
    };
    walk.map_fields();
    walk.stages();
    walk.items(Kind::Friction, |s| &s.frictions, Walk::friction_fields);
    walk.items(Kind::Opportunity, |s| &s.opportunities, Walk::opportunity_fields);
    walk.channels();
    walk.notes();
    walk.plan();
    if walk.out.is_empty() && old != new {
        walk.out
            .push(Change::about(Kind::Map, "", None).reordered("unknown fields"));
    }
    walk.into_sorted()
}

fn stage_ref(stage: &Stage) -> StageRef {
    StageRef {
        id: stage.id.as_str().to_owned(),
        name: stage.name.clone(),
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// Something with an id that lives in a stage's list.
trait Listed {
    fn id(&self) -> &str;
    fn text(&self) -> &str;
}

impl Listed for Friction {
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn text(&self) -> &str {
        &self.text
    }
}

impl Listed for Opportunity {
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn text(&self) -> &str {
        &self.text
    }
}

struct Walk<'m> {
    old: &'m JourneyMap,
    new: &'m JourneyMap,
    out: Vec<Change>,
}

impl<'m> Walk<'m> {
    /// A stage named by id, as the new map has it (else as the old one had it).
    fn stage_named(&self, id: &str) -> Option<StageRef> {
        let find = |map: &JourneyMap| {
            map.stages
                .iter()
                .find(|s| s.id.as_str() == id)
                .map(|s| stage_ref(s))
        };
        find(self.new).or_else(|| find(self.old))
    }

    /// Pushes a field change when the values differ.
    fn compare(&mut self, about: &Change, field: &str, before: Value, after: Value) {
        if before != after {
            self.out
                .push(about.clone().field(field, Some(before), Some(after)));
        }
    }

    /// Pushes the entries added to and removed from a list of texts. Returns whether the
    /// remaining entries changed order.
    fn entries(&mut self, about: &Change, field: &str, old: &[String], new: &[String]) -> bool {
        let change = text_list(old, new);
        for entry in change.removed {
            self.out
                .push(about.clone().entry(Action::Removed, field, text(entry)));
        }
        for entry in change.added {
            self.out
                .push(about.clone().entry(Action::Added, field, text(entry)));
        }
        change.reordered
    }

    /// Unknown fields that came, went or changed; `prefix` names the object they are in.
    fn extras(&mut self, about: &Change, prefix: &str, old: &Extras, new: &Extras) {
        let find =
            |extras: &Extras, key: &str| extras.0.iter().find(|f| f.key == key).map(|f| f.value.clone());
        let keys = new
            .0
            .iter()
            .chain(old.0.iter().filter(|f| find(new, &f.key).is_none()));
        for field in keys {
            let (before, after) = (find(old, &field.key), find(new, &field.key));
            if before != after {
                let name = format!("{prefix}{}", field.key);
                self.out.push(about.clone().field(&name, before, after));
            }
        }
    }

    fn map_fields(&mut self) {
        let about = Change::about(Kind::Map, "", None);
        self.compare(&about, "title", text(&self.old.title), text(&self.new.title));
        self.compare(
            &about,
            "persona",
            text(&self.old.persona),
            text(&self.new.persona),
        );
        let none = MemoFacts::default();
        let (old_memo, new_memo) = (
            self.old.memo.as_ref().unwrap_or(&none),
            self.new.memo.as_ref().unwrap_or(&none),
        );
        for (field, old, new) in [
            ("memo.walked_by", &old_memo.walked_by, &new_memo.walked_by),
            ("memo.when", &old_memo.when, &new_memo.when),
            ("memo.devices", &old_memo.devices, &new_memo.devices),
        ] {
            self.compare(&about, field, text(old), text(new));
        }
        self.extras(&about, "memo.", &old_memo.extras, &new_memo.extras);
        self.extras(&about, "", &self.old.extras, &self.new.extras);
        self.extras(
            &about,
            "shadow.",
            &self.old.shadow.extras,
            &self.new.shadow.extras,
        );
    }

    fn stages(&mut self) {
        let old_at: HashMap<&str, usize> = self
            .old
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let new_ids: HashMap<&str, usize> = self
            .new
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut common = Vec::new();
        for (i, stage) in self.new.stages.iter().enumerate() {
            let about = Change::about(Kind::Stage, stage.id.as_str(), Some(stage_ref(stage)));
            match old_at.get(stage.id.as_str()) {
                Some(&o) => {
                    common.push((o, i));
                    self.compare(&about, "name", text(&self.old.stages[o].name), text(&stage.name));
                    self.stage_fields(&about, &self.old.stages[o], stage);
                }
                None => {
                    self.out.push(about.clone().added(text(&stage.name)));
                    self.stage_fields(&about, &Stage::default(), stage);
                }
            }
        }
        for stage in self
            .old
            .stages
            .iter()
            .filter(|s| !new_ids.contains_key(s.id.as_str()))
        {
            let about = Change::about(Kind::Stage, stage.id.as_str(), Some(stage_ref(stage)));
            // Its friction points and opportunities are listed by id below; the rest of
            // its cells went with it.
            self.out.push(about.removed(text(&stage.name)));
        }
        let positions: Vec<usize> = common.iter().map(|(o, _)| *o).collect();
        for (&(o, i), moved) in common.iter().zip(moved(&positions)) {
            if moved {
                let stage = &self.new.stages[i];
                let about = Change::about(Kind::Stage, stage.id.as_str(), Some(stage_ref(stage)));
                self.out.push(about.moved(o + 1, i + 1));
            }
        }
    }

    /// Goal, touchpoints, emotion, metrics and unknown fields of a stage.
    fn stage_fields(&mut self, about: &Change, old: &Stage, new: &Stage) {
        self.compare(about, "goal", text(&old.goal), text(&new.goal));
        let touchpoints = Change {
            kind: Kind::Touchpoint,
            ..about.clone()
        };
        let change = text_list(&old.touchpoints, &new.touchpoints);
        for entry in change.removed {
            self.out.push(touchpoints.clone().removed(text(entry)));
        }
        for entry in change.added {
            self.out.push(touchpoints.clone().added(text(entry)));
        }
        if change.reordered {
            self.out.push(Change {
                action: Action::Moved,
                ..touchpoints
            });
        }
        let score = |stage: &Stage| stage.emotion.score.map_or(Value::Null, |s| s.value().into());
        self.compare(about, "emotion.score", score(old), score(new));
        self.compare(
            about,
            "emotion.note",
            text(&old.emotion.note),
            text(&new.emotion.note),
        );
        self.extras(about, "emotion.", &old.emotion.extras, &new.emotion.extras);
        let metric = |stage: &Stage, pick: fn(&Metrics) -> Option<f64>| {
            stage
                .metrics
                .as_ref()
                .and_then(pick)
                .map_or(Value::Null, Value::from)
        };
        self.compare(
            about,
            "metrics.csat",
            metric(old, |m| m.csat),
            metric(new, |m| m.csat),
        );
        self.compare(
            about,
            "metrics.nps",
            metric(old, |m| m.nps),
            metric(new, |m| m.nps),
        );
        self.compare(
            about,
            "metrics.ces",
            metric(old, |m| m.ces),
            metric(new, |m| m.ces),
        );
        let no_extras = Extras::default();
        let (old_extras, new_extras) = (
            old.metrics.as_ref().map_or(&no_extras, |m| &m.extras),
            new.metrics.as_ref().map_or(&no_extras, |m| &m.extras),
        );
        self.extras(about, "metrics.", old_extras, new_extras);
        // A metrics object with nothing in it, `{}`, against none at all.
        let empty = |m: &Option<Metrics>| m.as_ref().is_some_and(|m| *m == Metrics::default());
        if empty(&old.metrics) != empty(&new.metrics) && old.metrics.is_some() != new.metrics.is_some() {
            let shown = |m: &Option<Metrics>| {
                m.as_ref()
                    .map_or(Value::Null, |_| Value::Object(Default::default()))
            };
            self.compare(about, "metrics", shown(&old.metrics), shown(&new.metrics));
        }
        self.extras(about, "", &old.extras, &new.extras);
    }

    /// Friction points or opportunities, by id across all stages: added, removed, moved
    /// to another stage or within one, and their fields.
    fn items<T: Listed + 'm>(
        &mut self,
        kind: Kind,
        list: fn(&Stage) -> &[T],
        fields: fn(&mut Self, &Change, &T, &T),
    ) {
        let index = |map: &'m JourneyMap| -> HashMap<&'m str, (usize, usize, &'m T)> {
            let mut index = HashMap::new();
            for (s, stage) in map.stages.iter().enumerate() {
                for (p, item) in list(stage).iter().enumerate() {
                    index.insert(item.id(), (s, p, item));
                }
            }
            index
        };
        let (old_index, new_index) = (index(self.old), index(self.new));
        for (s, stage) in self.new.stages.iter().enumerate() {
            let mut stayed = Vec::new();
            for (p, item) in list(stage).iter().enumerate() {
                let about = Change::about(kind, item.id(), Some(stage_ref(stage)));
                let Some(&(os, op, old_item)) = old_index.get(item.id()) else {
                    self.out.push(about.added(text(item.text())));
                    continue;
                };
                let old_stage = &self.old.stages[os];
                if old_stage.id == stage.id {
                    stayed.push((op, p, item.id()));
                } else {
                    let mut moved = about.clone();
                    moved.action = Action::Moved;
                    moved.from = self.stage_named(old_stage.id.as_str());
                    self.out.push(moved);
                }
                fields(self, &about, old_item, item);
            }
            let positions: Vec<usize> = stayed.iter().map(|(op, _, _)| *op).collect();
            for (&(op, p, id), moved) in stayed.iter().zip(moved(&positions)) {
                if moved {
                    let about = Change::about(kind, id, Some(stage_ref(&self.new.stages[s])));
                    self.out.push(about.moved(op + 1, p + 1));
                }
            }
        }
        for stage in &self.old.stages {
            for item in list(stage).iter().filter(|i| !new_index.contains_key(i.id())) {
                let about = Change::about(kind, item.id(), self.stage_named(stage.id.as_str()));
                self.out.push(about.removed(text(item.text())));
            }
        }
    }

    fn friction_fields(&mut self, about: &Change, old: &Friction, new: &Friction) {
        self.compare(about, "text", text(&old.text), text(&new.text));
        let severity = |f: &Friction| Value::from(f.severity.number());
        self.compare(about, "severity", severity(old), severity(new));
        self.compare(about, "channel", text(&old.channel), text(&new.channel));
        self.compare(about, "votes", old.votes.into(), new.votes.into());
        self.compare(about, "owner", text(&old.owner), text(&new.owner));
        self.compare(
            about,
            "status",
            text(old.status.as_str()),
            text(new.status.as_str()),
        );
        if self.entries(about, "evidence", &old.evidence, &new.evidence) {
            self.out.push(about.clone().reordered("evidence"));
        }
        self.extras(about, "", &old.extras, &new.extras);
    }

    fn opportunity_fields(&mut self, about: &Change, old: &Opportunity, new: &Opportunity) {
        self.compare(about, "text", text(&old.text), text(&new.text));
        let ids = |o: &Opportunity| -> Vec<String> { o.addresses.iter().map(|a| a.0.clone()).collect() };
        self.entries(about, "addresses", &ids(old), &ids(new));
        self.compare(about, "votes", old.votes.into(), new.votes.into());
        self.extras(about, "", &old.extras, &new.extras);
    }

    fn channels(&mut self) {
        let about = Change::about(Kind::Channel, "", None);
        let change = text_list(&self.old.shadow.channels, &self.new.shadow.channels);
        for entry in change.removed {
            self.out.push(about.clone().removed(text(entry)));
        }
        for entry in change.added {
            self.out.push(about.clone().added(text(entry)));
        }
        if change.reordered {
            self.out.push(Change {
                action: Action::Moved,
                ..about
            });
        }
    }

    fn notes(&mut self) {
        let old_at: HashMap<&str, usize> = self
            .old
            .shadow
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let new_ids: HashMap<&str, usize> = self
            .new
            .shadow
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut common = Vec::new();
        for (i, note) in self.new.shadow.notes.iter().enumerate() {
            let about = Change::about(
                Kind::Note,
                note.id.as_str(),
                self.stage_named(note.stage.as_str()),
            );
            match old_at.get(note.id.as_str()) {
                Some(&o) => {
                    common.push((o, i));
                    self.note_fields(&about, &self.old.shadow.notes[o], note);
                }
                None => {
                    let mut added = about.added(text(&note.text));
                    added.channel = Some(note.channel.clone());
                    self.out.push(added);
                }
            }
        }
        for note in self
            .old
            .shadow
            .notes
            .iter()
            .filter(|n| !new_ids.contains_key(n.id.as_str()))
        {
            let about = Change::about(
                Kind::Note,
                note.id.as_str(),
                self.stage_named(note.stage.as_str()),
            );
            self.out.push(about.removed(text(&note.text)));
        }
        let positions: Vec<usize> = common.iter().map(|(o, _)| *o).collect();
        for (&(o, i), moved) in common.iter().zip(moved(&positions)) {
            if moved {
                let note = &self.new.shadow.notes[i];
                self.out
                    .push(Change::about(Kind::Note, note.id.as_str(), None).moved(o + 1, i + 1));
            }
        }
    }

    fn note_fields(&mut self, about: &Change, old: &ShadowNote, new: &ShadowNote) {
        self.compare(about, "at", text(&old.at), text(&new.at));
        self.compare(about, "observer", text(&old.observer), text(&new.observer));
        self.compare(about, "stage", text(old.stage.as_str()), text(new.stage.as_str()));
        self.compare(about, "channel", text(&old.channel), text(&new.channel));
        self.compare(about, "text", text(&old.text), text(&new.text));
        if self.entries(about, "evidence", &old.evidence, &new.evidence) {
            self.out.push(about.clone().reordered("evidence"));
        }
        let link = |n: &ShadowNote| n.friction.as_ref().map_or(Value::Null, |f| text(f.as_str()));
        self.compare(about, "friction", link(old), link(new));
        self.extras(about, "", &old.extras, &new.extras);
    }

    fn plan(&mut self) {
        let key = |entry: &PlanEntry| (entry.stage.as_str().to_owned(), entry.channel.clone());
        let keyed = |plan: &'m [PlanEntry]| -> Vec<((String, String, usize), &'m PlanEntry)> {
            let mut seen: HashMap<(String, String), usize> = HashMap::new();
            plan.iter()
                .map(|entry| {
                    let n = seen.entry(key(entry)).or_default();
                    *n += 1;
                    let (stage, channel) = key(entry);
                    ((stage, channel, *n), entry)
                })
                .collect()
        };
        let (old, new) = (keyed(&self.old.shadow.plan), keyed(&self.new.shadow.plan));
        let old_map: HashMap<_, _> = old.iter().cloned().collect();
        let new_map: HashMap<_, _> = new.iter().cloned().collect();
        let about = |walk: &Self, entry: &PlanEntry| {
            let mut about = Change::about(
                Kind::Plan,
                entry.stage.as_str(),
                walk.stage_named(entry.stage.as_str()),
            );
            about.channel = Some(entry.channel.clone());
            about
        };
        for (k, entry) in &new {
            let about = about(self, entry);
            match old_map.get(k) {
                Some(before) => {
                    self.compare(&about, "votes", before.votes.into(), entry.votes.into());
                    self.extras(&about, "", &before.extras, &entry.extras);
                }
                None => self.out.push(about.added(entry.votes.into())),
            }
        }
        for (k, entry) in &old {
            if !new_map.contains_key(k) {
                let about = about(self, entry);
                self.out.push(about.removed(entry.votes.into()));
            }
        }
        let common = |list: &[((String, String, usize), &PlanEntry)],
                      other: &HashMap<_, &PlanEntry>|
         -> Vec<(String, String, usize)> {
            list.iter()
                .map(|(k, _)| k.clone())
                .filter(|k| other.contains_key(k))
                .collect()
        };
        if common(&old, &new_map) != common(&new, &old_map) {
            let mut reordered = Change::about(Kind::Plan, "", None);
            reordered.action = Action::Moved;
            self.out.push(reordered);
        }
    }

    /// The changes in reading order: map, then each stage (new order, removed stages
    /// after), then the shadow; in push order within each.
    fn into_sorted(self) -> Vec<Change> {
        let mut rank: HashMap<&str, usize> = HashMap::new();
        for (i, stage) in self.new.stages.iter().enumerate() {
            rank.insert(stage.id.as_str(), i + 1);
        }
        let after_new = self.new.stages.len() + 1;
        for (i, stage) in self.old.stages.iter().enumerate() {
            rank.entry(stage.id.as_str()).or_insert(after_new + i);
        }
        let last = after_new + self.old.stages.len();
        let section = |change: &Change| match change.kind {
            Kind::Map => 0,
            Kind::Note | Kind::Channel | Kind::Plan => last,
            _ => change
                .stage
                .as_ref()
                .and_then(|s| rank.get(s.id.as_str()).copied())
                .unwrap_or(last),
        };
        let mut out: Vec<(usize, Change)> = self.out.into_iter().map(|c| (section(&c), c)).collect();
        out.sort_by_key(|(section, _)| *section);
        out.into_iter().map(|(_, change)| change).collect()
    }
}
