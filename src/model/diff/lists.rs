//! Comparing lists: which entries of a text list came and went, and which items of an id
//! list moved (the fewest moves that explain the new order).

use std::collections::HashMap;

/// How a list of texts changed: entries removed, entries added (as multisets), and
/// whether the entries on both sides now stand in another order.
pub struct TextListChange<'a> {
    pub removed: Vec<&'a String>,
    pub added: Vec<&'a String>,
    pub reordered: bool,
}

/// Compares two lists of texts, duplicates counted.
pub fn text_list<'a>(old: &'a [String], new: &'a [String]) -> TextListChange<'a> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for entry in old {
        *left.entry(entry.as_str()).or_default() += 1;
    }
    let mut added = Vec::new();
    let mut kept_new = Vec::new();
    for entry in new {
        match left.get_mut(entry.as_str()) {
            Some(count) if *count > 0 => {
                *count -= 1;
                kept_new.push(entry);
            }
            _ => added.push(entry),
        }
    }
    let mut spare: HashMap<&str, usize> = HashMap::new();
    for entry in &kept_new {
        *spare.entry(entry.as_str()).or_default() += 1;
    }
    let mut removed = Vec::new();
    let mut kept_old = Vec::new();
    for entry in old {
        match spare.get_mut(entry.as_str()) {
            Some(count) if *count > 0 => {
                *count -= 1;
                kept_old.push(entry);
            }
            _ => removed.push(entry),
        }
    }
    TextListChange {
        removed,
        added,
        reordered: kept_old != kept_new,
    }
}

/// For items present on both sides, given each one's old position in new order: which
/// of them moved. The items on a longest increasing run of old positions stayed; every
/// other one is reported as moved, so one item dragged elsewhere is one move.
pub fn moved(old_positions: &[usize]) -> Vec<bool> {
    // Patience sorting: tails[k] is the index (into old_positions) ending the best run of
    // length k + 1; back links rebuild the run.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; old_positions.len()];
    for (i, &position) in old_positions.iter().enumerate() {
        let k = tails.partition_point(|&t| old_positions[t] < position);
        back[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut moved = vec![true; old_positions.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        moved[i] = false;
        at = back[i];
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn text_lists_count_duplicates_and_notice_new_order() {
        let old = texts(&["Web", "App", "Web", "Store"]);
        let new = texts(&["Store", "Web", "Mail"]);
        let change = text_list(&old, &new);
        assert_eq!(change.removed, ["App", "Web"]);
        assert_eq!(change.added, ["Mail"]);
        assert!(change.reordered, "Store now comes before Web");
        let same = text_list(&old, &old);
        assert!(same.added.is_empty() && same.removed.is_empty() && !same.reordered);
    }

    #[test]
    fn one_item_dragged_elsewhere_is_one_move() {
        // Old order a b c d e; new order b c d a e: only "a" moved.
        assert_eq!(moved(&[1, 2, 3, 0, 4]), [false, false, false, true, false]);
        assert_eq!(moved(&[0, 1, 2]), [false, false, false]);
        assert_eq!(moved(&[]), Vec::<bool>::new());
        assert_eq!(moved(&[1, 0]).iter().filter(|m| **m).count(), 1);
    }
}
