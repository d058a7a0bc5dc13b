//! Merging the items that have ids: friction points and opportunities (which may move
//! between stages), and shadow notes. Each comes out with the conflicts found in it.

use std::collections::HashMap;

use serde_json::Value;

use super::fate::{Fate, fate};
use super::index::Index;
use super::values::{Found, extras, pick, texts, votes};
use crate::model::conflict::{DELETED, STAGE};
use crate::model::{Extras, Friction, FrictionId, Opportunity, ShadowNote, Stage, StageId};

/// An item merged, not yet placed: the stage it goes in and its conflicts so far.
pub struct Merged<T> {
    pub item: T,
    pub stage: String,
    pub found: Found,
}

/// An item that lives in a stage's list and merges field by field.
pub trait StageItem: Clone + PartialEq {
    /// The object's last known key, after which its conflicts are written.
    const LAST: &'static str;
    fn index<'i, 'm>(index: &'i Index<'m>) -> &'i HashMap<&'m str, (&'m str, &'m Self)>;
    /// The stage's list of items of this kind.
    fn in_stage(stage: &Stage) -> &[Self];
    fn id(&self) -> &str;
    fn extras(&self) -> &Extras;
    fn extras_mut(&mut self) -> &mut Extras;
    /// The fields of both versions merged (`base` is `None` for an item new on both).
    fn merge_fields(found: &mut Found, base: Option<&Self>, ours: &Self, theirs: &Self) -> Self;
}

/// A text field's value, in the shape [`pick`] takes for `String` fields.
#[allow(clippy::ptr_arg)]
fn text(s: &String) -> Value {
    Value::String(s.clone())
}

impl StageItem for Friction {
    const LAST: &'static str = "evidence";

    fn index<'i, 'm>(index: &'i Index<'m>) -> &'i HashMap<&'m str, (&'m str, &'m Self)> {
        &index.frictions
    }
    fn in_stage(stage: &Stage) -> &[Self] {
        &stage.frictions
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn extras(&self) -> &Extras {
        &self.extras
    }
    fn extras_mut(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn merge_fields(found: &mut Found, base: Option<&Self>, ours: &Self, theirs: &Self) -> Self {
        Friction {
            id: ours.id.clone(),
            text: pick(
                found,
                "text",
                base.map(|b| &b.text),
                &ours.text,
                &theirs.text,
                text,
            ),
            severity: pick(
                found,
                "severity",
                base.map(|b| &b.severity),
                &ours.severity,
                &theirs.severity,
                |s| s.number().into(),
            ),
            channel: pick(
                found,
                "channel",
                base.map(|b| &b.channel),
                &ours.channel,
                &theirs.channel,
                text,
            ),
            votes: votes(base.map(|b| b.votes), ours.votes, theirs.votes),
            owner: pick(
                found,
                "owner",
                base.map(|b| &b.owner),
                &ours.owner,
                &theirs.owner,
                text,
            ),
            status: pick(
                found,
                "status",
                base.map(|b| &b.status),
                &ours.status,
                &theirs.status,
                |s| s.as_str().into(),
            ),
            evidence: texts(
                base.map(|b| b.evidence.as_slice()),
                &ours.evidence,
                &theirs.evidence,
            ),
            extras: extras(found, "", base.map(|b| &b.extras), &ours.extras, &theirs.extras),
        }
    }
}

impl StageItem for Opportunity {
    const LAST: &'static str = "votes";

    fn index<'i, 'm>(index: &'i Index<'m>) -> &'i HashMap<&'m str, (&'m str, &'m Self)> {
        &index.opportunities
    }
    fn in_stage(stage: &Stage) -> &[Self] {
        &stage.opportunities
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn extras(&self) -> &Extras {
        &self.extras
    }
    fn extras_mut(&mut self) -> &mut Extras {
        &mut self.extras
    }

    fn merge_fields(found: &mut Found, base: Option<&Self>, ours: &Self, theirs: &Self) -> Self {
        let ids = |o: &Opportunity| -> Vec<String> { o.addresses.iter().map(|a| a.0.clone()).collect() };
        let addresses = texts(base.map(ids).as_deref(), &ids(ours), &ids(theirs));
        Opportunity {
            id: ours.id.clone(),
            text: pick(
                found,
                "text",
                base.map(|b| &b.text),
                &ours.text,
                &theirs.text,
                text,
            ),
            addresses: addresses.into_iter().map(FrictionId).collect(),
            votes: votes(base.map(|b| b.votes), ours.votes, theirs.votes),
            extras: extras(found, "", base.map(|b| &b.extras), &ours.extras, &theirs.extras),
        }
    }
}

/// A side's version of a stage item. Missing because the side deleted the item's whole
/// stage, and that stage stays: the side did not delete the item itself (its version
/// is the base's).
fn version<'m, T: StageItem>(
    side: &Index<'m>,
    base: Option<(&'m str, &'m T)>,
    id: &str,
    stages: &HashMap<String, Fate>,
) -> Option<(&'m str, &'m T)> {
    T::index(side).get(id).copied().or_else(|| {
        let (stage, _) = base?;
        let stage_stays = stages.get(stage).is_some_and(|f| f.kept());
        (!side.stages.contains_key(stage) && stage_stays).then_some(base)?
    })
}

/// Every friction point (or opportunity) of the merged map, by id, with its stage.
pub fn stage_items<T: StageItem>(
    base: &Index,
    ours: &Index,
    theirs: &Index,
    stages: &HashMap<String, Fate>,
) -> HashMap<String, Merged<T>> {
    let mut merged = HashMap::new();
    for index in [base, ours, theirs] {
        for &id in T::index(index).keys() {
            if merged.contains_key(id) {
                continue;
            }
            let b = T::index(base).get(id).copied();
            let o = version(ours, b, id, stages);
            let t = version(theirs, b, id, stages);
            let fate = fate(b.is_some(), o.is_some(), t.is_some(), o != b, t != b);
            if let Some(item) = merge_one(fate, b, o, t) {
                merged.insert(id.to_owned(), item);
            }
        }
    }
    merged
}

fn merge_one<T: StageItem>(
    fate: Fate,
    base: Option<(&str, &T)>,
    ours: Option<(&str, &T)>,
    theirs: Option<(&str, &T)>,
) -> Option<Merged<T>> {
    let kept = |(stage, item): (&str, &T), deleted_by_theirs: bool| {
        let mut found = Found::carried(None, item.extras(), item.extras());
        found.add(
            DELETED,
            None,
            Value::Bool(!deleted_by_theirs),
            Value::Bool(deleted_by_theirs),
        );
        Merged {
            item: item.clone(),
            stage: stage.to_owned(),
            found,
        }
    };
    match (fate, ours, theirs) {
        (Fate::Deleted, _, _) => None,
        (Fate::KeptOurs, Some(o), _) => Some(kept(o, true)),
        (Fate::KeptTheirs, _, Some(t)) => Some(kept(t, false)),
        (_, Some((os, o)), Some((ts, t))) => {
            let b = base.map(|(_, b)| b);
            let mut found = Found::carried(b.map(T::extras), o.extras(), t.extras());
            let bs = base.map(|(s, _)| s.to_owned());
            let stage = pick(
                &mut found,
                STAGE,
                bs.as_ref(),
                &os.to_owned(),
                &ts.to_owned(),
                text,
            );
            let item = T::merge_fields(&mut found, b, o, t);
            Some(Merged { item, stage, found })
        }
        (_, Some((stage, item)), None) | (_, None, Some((stage, item))) => Some(Merged {
            item: item.clone(),
            stage: stage.to_owned(),
            found: Found::carried(None, item.extras(), item.extras()),
        }),
        (_, None, None) => None,
    }
}

/// The fields of a shadow note merged.
fn merge_note(
    found: &mut Found,
    base: Option<&ShadowNote>,
    ours: &ShadowNote,
    theirs: &ShadowNote,
) -> ShadowNote {
    let stage = |n: &ShadowNote| n.stage.0.clone();
    let link = |n: &ShadowNote| n.friction.as_ref().map(|f| f.0.clone());
    ShadowNote {
        id: ours.id.clone(),
        at: pick(found, "at", base.map(|b| &b.at), &ours.at, &theirs.at, text),
        observer: pick(
            found,
            "observer",
            base.map(|b| &b.observer),
            &ours.observer,
            &theirs.observer,
            text,
        ),
        stage: StageId(pick(
            found,
            "stage",
            base.map(stage).as_ref(),
            &stage(ours),
            &stage(theirs),
            text,
        )),
        channel: pick(
            found,
            "channel",
            base.map(|b| &b.channel),
            &ours.channel,
            &theirs.channel,
            text,
        ),
        text: pick(
            found,
            "text",
            base.map(|b| &b.text),
            &ours.text,
            &theirs.text,
            text,
        ),
        evidence: texts(
            base.map(|b| b.evidence.as_slice()),
            &ours.evidence,
            &theirs.evidence,
        ),
        friction: pick(
            found,
            "friction",
            base.map(link).as_ref(),
            &link(ours),
            &link(theirs),
            |l| l.clone().map_or(Value::Null, Value::String),
        )
        .map(FrictionId),
        extras: extras(found, "", base.map(|b| &b.extras), &ours.extras, &theirs.extras),
    }
}

/// Every shadow note of the merged map, by id, conflicts closed.
pub fn notes(
    base: &Index,
    ours: &Index,
    theirs: &Index,
    stages: &HashMap<String, Fate>,
) -> HashMap<String, ShadowNote> {
    // A note missing because its side deleted the note's stage, which stays, was not
    // deleted by that side.
    let version = |side: &Index<'_>, id: &str| -> Option<ShadowNote> {
        side.notes.get(id).map(|n| (*n).clone()).or_else(|| {
            let b = base.notes.get(id)?;
            let stage = b.stage.as_str();
            let stays = stages.get(stage).is_some_and(|f| f.kept());
            (!side.stages.contains_key(stage) && stays).then(|| (*b).clone())
        })
    };
    let mut merged = HashMap::new();
    for index in [base, ours, theirs] {
        for &id in index.notes.keys() {
            if merged.contains_key(id) {
                continue;
            }
            let b = base.notes.get(id).copied();
            let (o, t) = (version(ours, id), version(theirs, id));
            let fate = fate(
                b.is_some(),
                o.is_some(),
                t.is_some(),
                o.as_ref() != b,
                t.as_ref() != b,
            );
            let note = match (fate, o, t) {
                (Fate::Deleted, _, _) | (_, None, None) => continue,
                (Fate::KeptOurs, Some(note), _) | (Fate::KeptTheirs, _, Some(note)) => {
                    let mut found = Found::carried(None, &note.extras, &note.extras);
                    let by_theirs = fate == Fate::KeptOurs;
                    found.add(DELETED, None, Value::Bool(!by_theirs), Value::Bool(by_theirs));
                    let mut note = note;
                    found.close(&mut note.extras, "friction");
                    note
                }
                (_, Some(o), Some(t)) => {
                    let mut found = Found::carried(b.map(|b| &b.extras), &o.extras, &t.extras);
                    let mut note = merge_note(&mut found, b, &o, &t);
                    found.close(&mut note.extras, "friction");
                    note
                }
                (_, Some(note), None) | (_, None, Some(note)) => note,
            };
            merged.insert(id.to_owned(), note);
        }
    }
    merged
}
