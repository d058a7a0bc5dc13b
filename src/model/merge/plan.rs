//! Merging the shadow plan: each stage × channel entry is a tally, so votes cast or
//! taken back on both sides add up (an entry missing on a side counts as no votes).

use std::collections::HashMap;

use super::order;
use super::values::{Found, extras, votes};
use crate::model::PlanEntry;

type Key = (String, String, usize);

/// The entries keyed by stage, channel and occurrence (a hand-edited plan may name one
/// pair twice).
fn keyed(plan: &[PlanEntry]) -> Vec<(Key, &PlanEntry)> {
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    plan.iter()
        .map(|entry| {
            let n = seen
                .entry((entry.stage.as_str(), entry.channel.as_str()))
                .or_default();
            *n += 1;
            ((entry.stage.0.clone(), entry.channel.clone(), *n), entry)
        })
        .collect()
}

/// The merged plan. An entry stays while it has votes, or while both sides still have it.
pub fn merge(base: &[PlanEntry], ours: &[PlanEntry], theirs: &[PlanEntry]) -> Vec<PlanEntry> {
    let (b, o, t) = (keyed(base), keyed(ours), keyed(theirs));
    let find = |list: &[(Key, &PlanEntry)], key: &Key| {
        list.iter().find(|(k, _)| k == key).map(|(_, e)| (*e).clone())
    };
    let keys = |list: &[(Key, &PlanEntry)]| -> Vec<Key> { list.iter().map(|(k, _)| k.clone()).collect() };
    let mut merged: HashMap<Key, PlanEntry> = HashMap::new();
    for (key, _) in o.iter().chain(&t).chain(&b) {
        if merged.contains_key(key) {
            continue;
        }
        let (be, oe, te) = (find(&b, key), find(&o, key), find(&t, key));
        let count = |e: &Option<PlanEntry>| e.as_ref().map_or(0, |e| e.votes);
        let total = votes(Some(count(&be)), count(&oe), count(&te));
        let on_both = oe.is_some() && te.is_some();
        if total == 0 && !on_both && be.is_some() {
            continue;
        }
        let Some(first) = oe.clone().or_else(|| te.clone()) else {
            continue;
        };
        let mut found = Found::default();
        let none = crate::model::Extras::default();
        let extras_of = |e: &Option<PlanEntry>| e.as_ref().map_or(none.clone(), |e| e.extras.clone());
        let entry = PlanEntry {
            votes: total,
            extras: extras(
                &mut found,
                "",
                be.as_ref().map(|e| &e.extras),
                &extras_of(&oe),
                &extras_of(&te),
            ),
            ..first
        };
        let mut entry = entry;
        found.close(&mut entry.extras, "votes");
        merged.insert(key.clone(), entry);
    }
    let (order, _) = order::merge(&keys(&b), &keys(&o), &keys(&t), |k| merged.contains_key(k));
    order.iter().filter_map(|k| merged.remove(k)).collect()
}
