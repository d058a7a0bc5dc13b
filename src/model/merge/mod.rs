//! Three-way merge of a map by id, for `cxmap merge` and git: independent edits merge,
//! both sides' additions stay, votes add up, and a field changed differently on both
//! sides (or an item deleted on one side and changed on the other) becomes a conflict
//! kept in the map with both values (see [`crate::model::conflict`]). Nothing from
//! either side is dropped.

mod fate;
mod index;
mod items;
mod order;
mod plan;
mod values;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use fate::Fate;
use index::Index;
use items::{Merged, StageItem};
use values::{Found, extras, pick, texts};

use crate::model::conflict::{DELETED, POSITION};
use crate::model::{Emotion, FrictionId, JourneyMap, MemoFacts, Metrics, Shadow, Shared, Stage, StageId};

/// Merges `ours` and `theirs`, two versions of `base`. The result holds ours' value
/// wherever there is a conflict; [`crate::model::conflict::all`] lists them.
pub fn merge(base: &JourneyMap, ours: &JourneyMap, theirs: &JourneyMap) -> JourneyMap {
    let (b, o, t) = (Index::new(base), Index::new(ours), Index::new(theirs));
    let fates = fate::stages(&b, &o, &t);
    let mut frictions = items::stage_items(&b, &o, &t, &fates);
    // Links to friction points that stay, dropped by a side that deleted them, come back.
    let kept: HashSet<&str> = frictions.keys().map(String::as_str).collect();
    let (ours_linked, theirs_linked) = (links_kept(base, ours, &kept), links_kept(base, theirs, &kept));
    let (o, t) = (Index::new(&ours_linked), Index::new(&theirs_linked));
    let mut opportunities = items::stage_items(&b, &o, &t, &fates);
    let mut notes = items::notes(&b, &o, &t, &fates);

    let mut found = Found::carried(Some(&base.extras), &ours.extras, &theirs.extras);
    let text = |s: &String| Value::String(s.clone());
    let mut map = JourneyMap {
        title: pick(
            &mut found,
            "title",
            Some(&base.title),
            &ours.title,
            &theirs.title,
            text,
        ),
        persona: pick(
            &mut found,
            "persona",
            Some(&base.persona),
            &ours.persona,
            &theirs.persona,
            text,
        ),
        stages: Vec::new(),
        shadow: Shadow {
            channels: texts(
                Some(&base.shadow.channels),
                &ours.shadow.channels,
                &theirs.shadow.channels,
            ),
            notes: Vec::new(),
            plan: plan::merge(&base.shadow.plan, &ours.shadow.plan, &theirs.shadow.plan),
            extras: extras(
                &mut found,
                "shadow.",
                Some(&base.shadow.extras),
                &ours.shadow.extras,
                &theirs.shadow.extras,
            ),
        },
        memo: memo(
            &mut found,
            base.memo.as_ref(),
            ours.memo.as_ref(),
            theirs.memo.as_ref(),
        ),
        extras: extras(&mut found, "", Some(&base.extras), &ours.extras, &theirs.extras),
    };
    let ids = |m: &JourneyMap| -> Vec<String> { m.stages.iter().map(|s| s.id.0.clone()).collect() };
    let keep = |id: &String| fates.get(id).is_some_and(|f| f.kept());
    let (order, moved) = order::merge(&ids(base), &ids(ours), &ids(theirs), keep);
    let moved: HashMap<String, order::Moved<String>> =
        moved.into_iter().map(|m| (m.key.clone(), m)).collect();
    for id in &order {
        let mut stage_found = Found::default();
        let mut stage = merge_stage(&b, &o, &t, id, fates[id], &mut stage_found);
        if let Some(m) = moved.get(id) {
            add_position(&mut stage_found, m);
        }
        stage.frictions = place(id, &b, &o, &t, &mut frictions);
        stage.opportunities = place(id, &b, &o, &t, &mut opportunities);
        stage_found.close(&mut stage.extras, "metrics");
        map.stages.push(stage.into());
    }
    adopt_strays(&mut map, frictions, |s| &mut s.frictions);
    adopt_strays(&mut map, opportunities, |s| &mut s.opportunities);

    let note_ids =
        |m: &JourneyMap| -> Vec<String> { m.shadow.notes.iter().map(|n| n.id.0.clone()).collect() };
    let (note_order, _) = order::merge(&note_ids(base), &note_ids(ours), &note_ids(theirs), |id| {
        notes.contains_key(id)
    });
    map.shadow.notes = note_order
        .iter()
        .filter_map(|id| notes.remove(id))
        .map(Shared::new)
        .collect();
    found.close(&mut map.extras, "shadow");
    map
}

fn add_position(found: &mut Found, moved: &order::Moved<String>) {
    let after = |k: &Option<String>| k.clone().map_or(Value::Null, Value::String);
    found.add(POSITION, None, after(&moved.ours), after(&moved.theirs));
}

/// A stage's own fields merged (its friction points and opportunities are placed apart).
fn merge_stage(b: &Index, o: &Index, t: &Index, id: &str, fate: Fate, found: &mut Found) -> Stage {
    let (base, ours, theirs) = (
        b.stages.get(id).copied(),
        o.stages.get(id).copied(),
        t.stages.get(id).copied(),
    );
    let own = |stage: &Stage| Stage {
        frictions: Vec::new(),
        opportunities: Vec::new(),
        ..stage.clone()
    };
    match (fate, ours, theirs) {
        (Fate::KeptOurs, Some(stage), _) | (Fate::KeptTheirs, _, Some(stage)) => {
            *found = Found::carried(None, &stage.extras, &stage.extras);
            let by_theirs = fate == Fate::KeptOurs;
            found.add(DELETED, None, Value::Bool(!by_theirs), Value::Bool(by_theirs));
            own(stage)
        }
        (_, Some(ours), Some(theirs)) => {
            *found = Found::carried(base.map(|s| &s.extras), &ours.extras, &theirs.extras);
            stage_fields(found, base, ours, theirs)
        }
        (_, Some(stage), None) | (_, None, Some(stage)) => {
            *found = Found::carried(None, &stage.extras, &stage.extras);
            own(stage)
        }
        (_, None, None) => Stage::new(StageId(id.to_owned()), String::new()),
    }
}

fn stage_fields(found: &mut Found, base: Option<&Stage>, ours: &Stage, theirs: &Stage) -> Stage {
    let text = |s: &String| Value::String(s.clone());
    let score = |e: &Emotion| e.score;
    let metric = |m: &Option<f64>| m.map_or(Value::Null, Value::from);
    let no_metrics = Metrics::default();
    let metrics_of = |s: &Stage| s.metrics.clone().unwrap_or_default();
    let (bm, om, tm) = (base.map(metrics_of), metrics_of(ours), metrics_of(theirs));
    let merged_metrics = Metrics {
        csat: pick(
            found,
            "metrics.csat",
            bm.as_ref().map(|m| &m.csat),
            &om.csat,
            &tm.csat,
            metric,
        ),
        nps: pick(
            found,
            "metrics.nps",
            bm.as_ref().map(|m| &m.nps),
            &om.nps,
            &tm.nps,
            metric,
        ),
        ces: pick(
            found,
            "metrics.ces",
            bm.as_ref().map(|m| &m.ces),
            &om.ces,
            &tm.ces,
            metric,
        ),
        extras: extras(
            found,
            "metrics.",
            bm.as_ref().map(|m| &m.extras),
            &om.extras,
            &tm.extras,
        ),
    };
    let present = |s: &Stage| s.metrics.is_some();
    let keeps_metrics = merged_metrics != no_metrics
        || pick(
            found,
            "metrics",
            base.map(present).as_ref(),
            &present(ours),
            &present(theirs),
            |p| {
                if *p {
                    Value::Object(Default::default())
                } else {
                    Value::Null
                }
            },
        );
    Stage {
        id: ours.id.clone(),
        name: pick(
            found,
            "name",
            base.map(|s| &s.name),
            &ours.name,
            &theirs.name,
            text,
        ),
        goal: pick(
            found,
            "goal",
            base.map(|s| &s.goal),
            &ours.goal,
            &theirs.goal,
            text,
        ),
        touchpoints: texts(
            base.map(|s| s.touchpoints.as_slice()),
            &ours.touchpoints,
            &theirs.touchpoints,
        ),
        emotion: Emotion {
            score: pick(
                found,
                "emotion.score",
                base.map(|s| score(&s.emotion)).as_ref(),
                &score(&ours.emotion),
                &score(&theirs.emotion),
                |s| s.map_or(Value::Null, |s| s.value().into()),
            ),
            note: pick(
                found,
                "emotion.note",
                base.map(|s| &s.emotion.note),
                &ours.emotion.note,
                &theirs.emotion.note,
                text,
            ),
            extras: extras(
                found,
                "emotion.",
                base.map(|s| &s.emotion.extras),
                &ours.emotion.extras,
                &theirs.emotion.extras,
            ),
        },
        frictions: Vec::new(),
        opportunities: Vec::new(),
        metrics: keeps_metrics.then_some(merged_metrics),
        extras: extras(found, "", base.map(|s| &s.extras), &ours.extras, &theirs.extras),
    }
}

/// Takes the merged items whose stage is `stage` out of `merged`, in merged order, their
/// conflicts closed.
fn place<T: StageItem>(
    stage: &str,
    b: &Index,
    o: &Index,
    t: &Index,
    merged: &mut HashMap<String, Merged<T>>,
) -> Vec<T> {
    let list = |index: &Index| -> Vec<String> {
        index
            .stages
            .get(stage)
            .map(|s| T::in_stage(s).iter().map(|item| item.id().to_owned()).collect())
            .unwrap_or_default()
    };
    let (order, moved) = order::merge(&list(b), &list(o), &list(t), |id| {
        merged.get(id).is_some_and(|m| m.stage == stage)
    });
    let mut moved: HashMap<String, order::Moved<String>> =
        moved.into_iter().map(|m| (m.key.clone(), m)).collect();
    order
        .iter()
        .filter_map(|id| {
            let Merged {
                mut item, mut found, ..
            } = merged.remove(id)?;
            if let Some(moved) = moved.remove(id) {
                add_position(&mut found, &moved);
            }
            found.close(item.extras_mut(), T::LAST);
            Some(item)
        })
        .collect()
}

/// Items whose merged stage is not in the merged map (which the fates should never
/// allow) go to the end of the first stage, or of a stage made for them: never dropped.
fn adopt_strays<T: StageItem>(
    map: &mut JourneyMap,
    strays: HashMap<String, Merged<T>>,
    list: fn(&mut Stage) -> &mut Vec<T>,
) {
    let mut strays: Vec<(String, Merged<T>)> = strays.into_iter().collect();
    strays.sort_by(|a, b| a.0.cmp(&b.0));
    for (
        _,
        Merged {
            mut item,
            found,
            stage,
        },
    ) in strays
    {
        found.close(item.extras_mut(), T::LAST);
        if map.stages.is_empty() {
            map.stages.push(Stage::new(StageId(stage), String::new()).into());
        }
        list(&mut map.stages[0]).push(item);
    }
}

/// `side` with the links to friction points it deleted put back where the base had them,
/// for the friction points in `kept` (the other side changed them, so they stay): deleting
/// a point drops the links to it, and keeping the point must keep what pointed at it.
fn links_kept<'m>(base: &JourneyMap, side: &'m JourneyMap, kept: &HashSet<&str>) -> Cow<'m, JourneyMap> {
    let in_side: HashSet<&str> = side
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.id.as_str())
        .collect();
    let restore = |id: &FrictionId| kept.contains(id.as_str()) && !in_side.contains(id.as_str());
    let base_opportunities: HashMap<&str, &crate::model::Opportunity> = base
        .stages
        .iter()
        .flat_map(|s| &s.opportunities)
        .map(|o| (o.id.as_str(), o))
        .collect();
    let base_links: HashMap<&str, &FrictionId> = base
        .shadow
        .notes
        .iter()
        .filter_map(|n| Some((n.id.as_str(), n.friction.as_ref()?)))
        .collect();
    let mut map = Cow::Borrowed(side);
    for (s, stage) in side.stages.iter().enumerate() {
        for (i, opportunity) in stage.opportunities.iter().enumerate() {
            let Some(before) = base_opportunities.get(opportunity.id.as_str()) else {
                continue;
            };
            let lost: Vec<FrictionId> = before
                .addresses
                .iter()
                .filter(|id| restore(id) && !opportunity.addresses.contains(id))
                .cloned()
                .collect();
            if !lost.is_empty() {
                map.to_mut().stages[s].opportunities[i].addresses.extend(lost);
            }
        }
    }
    for (n, note) in side.shadow.notes.iter().enumerate() {
        if let Some(&link) = base_links.get(note.id.as_str())
            && note.friction.is_none()
            && restore(link)
        {
            map.to_mut().shadow.notes[n].friction = Some(link.clone());
        }
    }
    map
}

/// The memo's facts (who walked the journey, when, on what), fact by fact; conflicts go
/// on the map as `memo.walked_by`, `memo.when`, `memo.devices`.
fn memo(
    found: &mut Found,
    base: Option<&MemoFacts>,
    ours: Option<&MemoFacts>,
    theirs: Option<&MemoFacts>,
) -> Option<MemoFacts> {
    if base.is_none() && ours.is_none() && theirs.is_none() {
        return None;
    }
    let none = MemoFacts::default();
    let (base, ours, theirs) = (
        base.unwrap_or(&none),
        ours.unwrap_or(&none),
        theirs.unwrap_or(&none),
    );
    let text = |s: &String| Value::String(s.clone());
    let merged = MemoFacts {
        walked_by: pick(
            found,
            "memo.walked_by",
            Some(&base.walked_by),
            &ours.walked_by,
            &theirs.walked_by,
            text,
        ),
        when: pick(
            found,
            "memo.when",
            Some(&base.when),
            &ours.when,
            &theirs.when,
            text,
        ),
        devices: pick(
            found,
            "memo.devices",
            Some(&base.devices),
            &ours.devices,
            &theirs.devices,
            text,
        ),
        extras: extras(found, "memo.", Some(&base.extras), &ours.extras, &theirs.extras),
    };
    (!merged.is_empty()).then_some(merged)
}
