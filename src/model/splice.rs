//! Taking many items out of a list, or putting many in, at sorted positions in one pass
//! over the list, instead of shifting the rest of the list once per item.

/// Takes the items at the positions `at` (sorted, each once, all in the list) out of
/// `list` and returns them in order; `None` (the list untouched) when `at` is not so.
pub fn take_out<T>(list: &mut Vec<T>, at: &[usize]) -> Option<Vec<T>> {
    let sorted = at.windows(2).all(|pair| pair[0] < pair[1]);
    if !sorted || at.last().is_some_and(|&last| last >= list.len()) {
        return None;
    }
    let Some(&first) = at.first() else {
        return Some(Vec::new());
    };
    // list[..kept] is final; the items taken so far wait, in order, right after it.
    let mut kept = first;
    for (taken, &gone) in at.iter().enumerate() {
        let end = at.get(taken + 1).copied().unwrap_or(list.len());
        list[kept..end].rotate_left(taken + 1);
        kept += end - gone - 1;
    }
    Some(list.split_off(kept))
}

/// Puts `items` into `list`, each at its position in the list as it ends up (sorted, each
/// once); gives `items` back (the list untouched) when some position cannot be.
pub fn put_in<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) -> Result<(), Vec<(usize, T)>> {
    let sorted = items.windows(2).all(|pair| pair[0].0 < pair[1].0);
    let end = list.len() + items.len();
    if !sorted || items.last().is_some_and(|&(last, _)| last >= end) {
        return Err(items);
    }
    let mut places = Vec::with_capacity(items.len());
    for (at, item) in items {
        places.push(at);
        list.push(item);
    }
    // From the last item back: list[..unsettled] holds the items not placed yet right
    // after the old items before them.
    let mut unsettled = end;
    for (placed, &at) in places.iter().enumerate().rev() {
        list[at - placed..unsettled].rotate_right(placed + 1);
        unsettled = at;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_out_and_in_agree_with_one_at_a_time() {
        for seed in 0..3000usize {
            let len = seed % 13;
            let list: Vec<usize> = (0..len).collect();
            let picked: Vec<usize> = (0..len).filter(|i| (seed >> (i % 11)) & 1 == 1).collect();
            let mut one_by_one = list.clone();
            for &at in picked.iter().rev() {
                one_by_one.remove(at);
            }
            let mut at_once = list.clone();
            let taken = take_out(&mut at_once, &picked);
            assert_eq!(at_once, one_by_one, "{picked:?}");
            assert_eq!(taken.as_deref(), Some(&picked[..]));
            let back: Vec<(usize, usize)> = picked.iter().map(|&at| (at, at)).collect();
            assert!(put_in(&mut at_once, back).is_ok());
            assert_eq!(at_once, list, "{picked:?}");
        }
        let mut list = vec![1, 2];
        assert_eq!(take_out(&mut list, &[1, 0]), None);
        assert_eq!(take_out(&mut list, &[2]), None);
        assert!(put_in(&mut list, vec![(3, 9)]).is_err());
        assert_eq!(list, [1, 2]);
    }
}
