//! A short summary per stage of what changed, for deciding whether to take back a
//! recovery copy ("Purchase: 2 friction points added").

use std::collections::HashMap;

use crate::model::{JourneyMap, Stage};

fn count_change(noun: &str, plural: &str, before: usize, after: usize) -> Option<String> {
    let word = |n: usize| if n == 1 { noun } else { plural };
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => Some(format!("{} {} added", after - before, word(after - before))),
        std::cmp::Ordering::Less => Some(format!("{} {} removed", before - after, word(before - after))),
        std::cmp::Ordering::Equal => None,
    }
}

fn stage_changes(old: &Stage, new: &Stage) -> Vec<String> {
    let mut changes = Vec::new();
    if old.name != new.name {
        changes.push(format!("renamed from “{}”", old.name));
    }
    if old.goal != new.goal {
        changes.push("goal changed".to_owned());
    }
    if old.emotion != new.emotion {
        changes.push("emotion changed".to_owned());
    }
    let lists = [
        (
            "touchpoint",
            "touchpoints",
            old.touchpoints.len(),
            new.touchpoints.len(),
            old.touchpoints != new.touchpoints,
        ),
        (
            "friction point",
            "friction points",
            old.frictions.len(),
            new.frictions.len(),
            old.frictions != new.frictions,
        ),
        (
            "opportunity",
            "opportunities",
            old.opportunities.len(),
            new.opportunities.len(),
            old.opportunities != new.opportunities,
        ),
    ];
    for (noun, plural, before, after, differs) in lists {
        match count_change(noun, plural, before, after) {
            Some(change) => changes.push(change),
            None if differs => changes.push(format!("{plural} changed")),
            None => {}
        }
    }
    if old.metrics != new.metrics {
        changes.push("metrics changed".to_owned());
    }
    changes
}

/// The differences from `old` to `new`, one line each; empty when they are the same.
pub fn summary(old: &JourneyMap, new: &JourneyMap) -> Vec<String> {
    let mut lines = Vec::new();
    if old.title != new.title {
        lines.push(format!("Title: “{}” → “{}”", old.title, new.title));
    }
    if old.persona != new.persona {
        lines.push("Persona changed".to_owned());
    }
    let before: HashMap<&str, &Stage> = old.stages.iter().map(|s| (s.id.as_str(), &**s)).collect();
    let after: HashMap<&str, &Stage> = new.stages.iter().map(|s| (s.id.as_str(), &**s)).collect();
    for stage in &new.stages {
        match before.get(stage.id.as_str()) {
            None => lines.push(format!("Stage added: {}", stage.name)),
            Some(old_stage) => {
                let changes = stage_changes(old_stage, stage);
                if !changes.is_empty() {
                    lines.push(format!("{}: {}", stage.name, changes.join(", ")));
                }
            }
        }
    }
    for stage in old.stages.iter().filter(|s| !after.contains_key(s.id.as_str())) {
        lines.push(format!("Stage removed: {}", stage.name));
    }
    let order = |map: &JourneyMap, other: &HashMap<&str, &Stage>| -> Vec<String> {
        map.stages
            .iter()
            .filter(|s| other.contains_key(s.id.as_str()))
            .map(|s| s.id.to_string())
            .collect()
    };
    if order(old, &after) != order(new, &before) {
        lines.push("Stages in a different order".to_owned());
    }
    if let Some(change) = count_change(
        "shadow note",
        "shadow notes",
        old.shadow.notes.len(),
        new.shadow.notes.len(),
    ) {
        lines.push(change);
    } else if old.shadow.notes != new.shadow.notes {
        lines.push("shadow notes changed".to_owned());
    }
    if old.shadow.channels != new.shadow.channels || old.shadow.plan != new.shadow.plan {
        lines.push("Channels or shadow plan changed".to_owned());
    }
    if old.memo != new.memo {
        lines.push("Memo facts (who walked, when, devices) changed".to_owned());
    }
    if lines.is_empty() && old != new {
        lines.push("Fields this version of cxmap does not show changed".to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Friction, FrictionId, IdGen, Item, StageText};

    #[test]
    fn names_each_kind_of_change() {
        let mut ids = IdGen::seeded(1);
        let old = JourneyMap::with_stages("Map", &["Discover", "Buy", "Use"], &mut ids);
        let mut new = old.clone();
        let edits = [
            Edit::SetStageText {
                stage: 0,
                field: StageText::Goal,
                text: "Find it".into(),
            },
            Edit::InsertItem {
                stage: 1,
                at: 0,
                item: Item::Friction(Friction::new(FrictionId("fr-a".into()), "x".into())),
            },
            Edit::InsertItem {
                stage: 1,
                at: 1,
                item: Item::Friction(Friction::new(FrictionId("fr-b".into()), "y".into())),
            },
            Edit::RemoveStage { at: 2 },
            Edit::SetStageText {
                stage: 1,
                field: StageText::Name,
                text: "Purchase".into(),
            },
        ];
        for edit in edits {
            edit.apply(&mut new).unwrap();
        }
        assert_eq!(
            summary(&old, &new),
            [
                "Discover: goal changed",
                "Purchase: renamed from “Buy”, 2 friction points added",
                "Stage removed: Use",
            ]
        );
        assert!(summary(&old, &old).is_empty());
    }
}
