//! Three-way merging of single values: a field changed on one side takes that change,
//! changed alike on both takes it once, changed differently on both is a conflict (ours
//! kept, both recorded); votes add up; lists of texts keep every addition and removal;
//! unknown fields merge key by key.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::order;
use crate::model::Extras;
use crate::model::conflict::{self, UNKNOWN};

/// The conflicts found in one object while merging it, by conflict key.
#[derive(Debug, Default)]
pub struct Found(pub Map<String, Value>);

impl Found {
    /// Records a conflict on `key`.
    pub fn add(&mut self, key: &str, base: Option<Value>, ours: Value, theirs: Value) {
        self.0.insert(key.to_owned(), conflict::entry(base, ours, theirs));
    }

    /// Starts from the conflicts the object already had on each side (still unresolved
    /// ones stay; one resolved on either side stays resolved).
    pub fn carried(base: Option<&Extras>, ours: &Extras, theirs: &Extras) -> Found {
        let entries =
            |extras: Option<&Extras>| extras.and_then(conflict::entries).cloned().unwrap_or_default();
        let (base, ours, theirs) = (entries(base), entries(Some(ours)), entries(Some(theirs)));
        let mut found = Found::default();
        let keys = ours
            .keys()
            .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        for key in keys {
            let kept = merged_option(base.get(key), ours.get(key), theirs.get(key));
            if let Some(value) = kept {
                found.0.insert(key.clone(), value);
            }
        }
        found
    }

    /// Writes the conflicts into the object's unknown fields.
    pub fn close(self, extras: &mut Extras, last: &'static str) {
        conflict::set_entries(extras, last, self.0);
    }
}

/// The three-way result of an optional value where a conflict keeps ours.
fn merged_option(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    if ours == theirs || base == theirs {
        ours.cloned()
    } else if base == ours {
        theirs.cloned()
    } else {
        ours.cloned()
    }
}

/// Merges one field. `base` is `None` when the item is new on both sides.
pub fn pick<T: PartialEq + Clone>(
    found: &mut Found,
    key: &str,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    json: impl Fn(&T) -> Value,
) -> T {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    found.add(key, base.map(&json), json(ours), json(theirs));
    ours.clone()
}

/// Votes cast on both sides add up: the base plus each side's change, never below 0.
/// With no base (the same item new on both sides) the larger count stands.
pub fn votes(base: Option<u32>, ours: u32, theirs: u32) -> u32 {
    match base {
        Some(base) => {
            let total = i64::from(ours) + i64::from(theirs) - i64::from(base);
            u32::try_from(total.max(0)).unwrap_or(u32::MAX)
        }
        None => ours.max(theirs),
    }
}

/// Keys a list of texts by the text and its occurrence, so duplicates stay apart.
fn occurrences(list: &[String]) -> Vec<(String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    list.iter()
        .map(|text| {
            let n = seen.entry(text.as_str()).or_default();
            *n += 1;
            (text.clone(), *n)
        })
        .collect()
}

/// A list of texts (touchpoints, evidence, channels, addressed ids): an entry either
/// side removed is gone, an entry either side added is there, in a merged order.
pub fn texts(base: Option<&[String]>, ours: &[String], theirs: &[String]) -> Vec<String> {
    let base = occurrences(base.unwrap_or_default());
    let (ours, theirs) = (occurrences(ours), occurrences(theirs));
    let keep = |key: &(String, usize)| {
        let (o, t) = (ours.contains(key), theirs.contains(key));
        if base.contains(key) { o && t } else { o || t }
    };
    let (merged, _) = order::merge(&base, &ours, &theirs, keep);
    merged.into_iter().map(|(text, _)| text).collect()
}

/// Merges unknown fields key by key (a conflict's key is [`UNKNOWN`], `prefix` and the
/// field's name). The object's `conflicts` field is left out: [`Found`] carries it.
pub fn extras(
    found: &mut Found,
    prefix: &str,
    base: Option<&Extras>,
    ours: &Extras,
    theirs: &Extras,
) -> Extras {
    let get = |extras: Option<&Extras>, key: &str| {
        extras
            .and_then(|e| e.0.iter().find(|f| f.key == key))
            .map(|f| f.value.clone())
    };
    let mut merged = Extras::default();
    let fields = ours
        .0
        .iter()
        .chain(theirs.0.iter().filter(|f| get(Some(ours), &f.key).is_none()));
    for field in fields.filter(|f| f.key != conflict::CONFLICTS) {
        let key = format!("{UNKNOWN}{prefix}{}", field.key);
        let value = pick(
            found,
            &key,
            Some(&get(base, &field.key)),
            &get(Some(ours), &field.key),
            &get(Some(theirs), &field.key),
            |v| v.clone().unwrap_or(Value::Null),
        );
        if let Some(value) = value {
            merged.0.push(crate::model::ExtraField {
                value,
                ..field.clone()
            });
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_field_changed_on_one_side_takes_the_change() {
        let mut found = Found::default();
        let json = |v: &u8| Value::from(*v);
        assert_eq!(pick(&mut found, "severity", Some(&2), &2, &3, json), 3);
        assert_eq!(pick(&mut found, "severity", Some(&2), &3, &2, json), 3);
        assert_eq!(pick(&mut found, "severity", Some(&2), &3, &3, json), 3);
        assert!(found.0.is_empty());
        assert_eq!(
            pick(&mut found, "severity", Some(&2), &3, &1, json),
            3,
            "ours stays"
        );
        assert_eq!(
            found.0["severity"],
            serde_json::json!({"base": 2, "ours": 3, "theirs": 1})
        );
    }

    #[test]
    fn votes_cast_on_both_sides_add_up() {
        assert_eq!(votes(Some(2), 5, 3), 6);
        assert_eq!(votes(Some(2), 0, 2), 0);
        assert_eq!(votes(Some(3), 0, 0), 0, "never below zero");
        assert_eq!(votes(None, 2, 3), 3);
    }

    #[test]
    fn text_lists_keep_additions_and_removals_of_both_sides() {
        let base = list(&["Web", "App"]);
        let merged = texts(
            Some(&base),
            &list(&["Web", "App", "Store"]),
            &list(&["App", "Mail"]),
        );
        assert_eq!(merged, ["App", "Store", "Mail"]);
    }
}
