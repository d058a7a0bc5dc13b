//! The order of a merged list: ours' order, with what theirs added or moved placed after
//! the item it follows in theirs, so independent moves and additions on both sides all
//! land. An item both sides moved to different places keeps ours' place and is reported.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::model::diff::lists::moved;

/// An item both sides moved to different places: the item it follows in ours and in
/// theirs (`None`: first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved<K> {
    pub key: K,
    pub ours: Option<K>,
    pub theirs: Option<K>,
}

/// The keys of `side` that it moved relative to `base` (the fewest moves that explain
/// its order).
fn moved_keys<K: Eq + Hash + Clone>(base: &[K], side: &[K]) -> HashSet<K> {
    let at: HashMap<&K, usize> = base.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let common: Vec<(&K, usize)> = side.iter().filter_map(|k| at.get(k).map(|&p| (k, p))).collect();
    let positions: Vec<usize> = common.iter().map(|(_, p)| *p).collect();
    common
        .iter()
        .zip(moved(&positions))
        .filter(|(_, moved)| *moved)
        .map(|((k, _), _)| (*k).clone())
        .collect()
}

/// The nearest key before `key` in `list` for which `placed` holds.
fn predecessor<'a, K: Eq>(list: &'a [K], key: &K, placed: impl Fn(&K) -> bool) -> Option<&'a K> {
    let at = list.iter().position(|k| k == key)?;
    list[..at].iter().rev().find(|k| placed(k))
}

/// Merges the order of three versions of a list of unique keys. `keep` says which keys
/// the merged list holds; each is placed exactly once.
pub fn merge<K: Eq + Hash + Clone>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    keep: impl Fn(&K) -> bool,
) -> (Vec<K>, Vec<Moved<K>>) {
    let moved_ours = moved_keys(base, ours);
    let moved_theirs = moved_keys(base, theirs);
    let in_theirs: HashSet<&K> = theirs.iter().collect();
    let mut merged: Vec<K> = Vec::new();
    let mut placed: HashSet<K> = HashSet::new();
    for key in ours.iter().filter(|k| keep(k)) {
        if placed.insert(key.clone()) {
            merged.push(key.clone());
        }
    }
    for key in theirs.iter().filter(|k| keep(k)) {
        if placed.contains(key) {
            if !moved_theirs.contains(key) || moved_ours.contains(key) {
                continue;
            }
            merged.retain(|k| k != key);
            placed.remove(key);
        }
        let after = predecessor(theirs, key, |k| placed.contains(k));
        let mut at = after
            .and_then(|p| merged.iter().position(|k| k == p))
            .map_or(0, |p| p + 1);
        // Past what only ours has there, so ours' additions come before theirs'.
        while at < merged.len() && !in_theirs.contains(&merged[at]) {
            at += 1;
        }
        merged.insert(at, key.clone());
        placed.insert(key.clone());
    }
    // Kept keys that neither side lists any more go at the end, in base order.
    for key in base.iter().filter(|k| keep(k)) {
        if placed.insert(key.clone()) {
            merged.push(key.clone());
        }
    }
    let conflicts = moved_ours
        .intersection(&moved_theirs)
        .filter(|k| keep(k))
        .filter_map(|key| {
            let ours_after = predecessor(ours, key, |k| placed.contains(k)).cloned();
            let theirs_after = predecessor(theirs, key, |k| placed.contains(k)).cloned();
            (ours_after != theirs_after).then(|| Moved {
                key: key.clone(),
                ours: ours_after,
                theirs: theirs_after,
            })
        })
        .collect();
    (merged, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &str, ours: &str, theirs: &str) -> (String, usize) {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let keep: HashSet<char> = ours.chars().chain(theirs.chars()).collect();
        let (merged, conflicts) = merge(&chars(base), &chars(ours), &chars(theirs), |k| keep.contains(k));
        (merged.into_iter().collect(), conflicts.len())
    }

    #[test]
    fn additions_on_both_sides_are_kept_ours_first() {
        assert_eq!(run("abc", "abcX", "abcY"), ("abcXY".to_owned(), 0));
        assert_eq!(run("abc", "aXbc", "abYc"), ("aXbYc".to_owned(), 0));
    }

    #[test]
    fn independent_moves_both_land() {
        // Ours moves a to the end; theirs moves d to the front.
        assert_eq!(run("abcd", "bcda", "dabc"), ("dbca".to_owned(), 0));
        assert_eq!(run("abc", "abc", "cab"), ("cab".to_owned(), 0));
        assert_eq!(run("abc", "cab", "abc"), ("cab".to_owned(), 0));
    }

    #[test]
    fn the_same_item_moved_to_two_places_keeps_ours_and_is_reported() {
        let (merged, conflicts) = run("abcd", "bcad", "bcda");
        assert_eq!((merged.as_str(), conflicts), ("bcad", 1));
        assert_eq!(
            run("abcd", "bcad", "bcad"),
            ("bcad".to_owned(), 0),
            "the same move is no conflict"
        );
    }
}
