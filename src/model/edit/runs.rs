//! Runs of shadow-note removals or inserts in a batch (a stage deleted with its notes, or
//! its undo) applied in one pass over the notes, not one shift of every later note per
//! note; each gives the inverses the edits one by one would.

use std::iter::Peekable;

use super::Edit;
use crate::model::splice;
use crate::model::{JourneyMap, ShadowNote, Shared};

/// Edits a batch applies together.
pub(super) enum Run {
    /// Notes removed from the last position back (each position as the list was).
    Removals(Vec<usize>),
    /// Notes inserted from the first position on (each where it ends up).
    Inserts(Vec<(usize, Box<ShadowNote>)>),
}

/// The run that starts with `edit` and goes on with the next edits, when it is a run of
/// two or more that surely applies to `map`; else `edit` back (boxed: edits are large).
pub(super) fn gather(
    edit: Edit,
    rest: &mut Peekable<impl Iterator<Item = Edit>>,
    map: &JourneyMap,
) -> Result<Run, Box<Edit>> {
    let notes = map.shadow.notes.len();
    match edit {
        Edit::RemoveNote { at } if at < notes && removal_below(rest.peek(), at) => {
            let mut run = vec![at];
            let mut last = at;
            while removal_below(rest.peek(), last) {
                let Some(Edit::RemoveNote { at }) = rest.next() else {
                    break;
                };
                run.push(at);
                last = at;
            }
            Ok(Run::Removals(run))
        }
        Edit::InsertNote { at, note } if at <= notes && insert_after(rest.peek(), at, notes + 1) => {
            let mut run = vec![(at, note)];
            let mut last = at;
            while insert_after(rest.peek(), last, notes + run.len()) {
                let Some(Edit::InsertNote { at, note }) = rest.next() else {
                    break;
                };
                run.push((at, note));
                last = at;
            }
            Ok(Run::Inserts(run))
        }
        edit => Err(Box::new(edit)),
    }
}

/// Whether `next` removes a note before position `last`.
fn removal_below(next: Option<&Edit>, last: usize) -> bool {
    matches!(next, Some(Edit::RemoveNote { at }) if *at < last)
}

/// Whether `next` inserts a note after position `last` in a list then `len` long.
fn insert_after(next: Option<&Edit>, last: usize, len: usize) -> bool {
    matches!(next, Some(Edit::InsertNote { at, .. }) if *at > last && *at <= len)
}

/// Applies `run` to `map`, pushing the inverse of each of its edits onto `inverses` in
/// the order the edits come.
pub(super) fn apply(run: Run, map: &mut JourneyMap, inverses: &mut Vec<Edit>) {
    match run {
        Run::Removals(descending) => {
            let ascending: Vec<usize> = descending.iter().rev().copied().collect();
            let taken = splice::take_out(&mut map.shadow.notes, &ascending).unwrap_or_default();
            for (at, note) in ascending.into_iter().zip(taken).rev() {
                inverses.push(Edit::InsertNote {
                    at,
                    note: Box::new(note.into_inner()),
                });
            }
        }
        Run::Inserts(run) => {
            let mut items = Vec::with_capacity(run.len());
            for (at, note) in run {
                items.push((at, Shared::new(*note)));
                inverses.push(Edit::RemoveNote { at });
            }
            // `gather` checked every position, so this always fits.
            let _ = splice::put_in(&mut map.shadow.notes, items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(text: String) -> Edit {
        let note = ShadowNote {
            text,
            ..ShadowNote::default()
        };
        Edit::InsertNote {
            at: 0,
            note: Box::new(note),
        }
    }

    /// Applies `edits` one at a time, as a batch would without runs.
    fn one_by_one(map: &mut JourneyMap, edits: Vec<Edit>) -> Vec<Edit> {
        let mut inverses: Vec<Edit> = edits.into_iter().map(|edit| edit.apply(map).unwrap()).collect();
        inverses.reverse();
        inverses
    }

    #[test]
    fn a_batch_of_removals_or_inserts_does_what_the_edits_one_by_one_do() {
        for seed in 0..400usize {
            let mut map = JourneyMap::default();
            one_by_one(&mut map, (0..12).map(|n| note(format!("n{n}"))).collect());
            // Removals from the back, some out of order or missing, and an edit between.
            let mut edits: Vec<Edit> = (0..14)
                .rev()
                .filter(|n| (seed >> (n % 9)) & 1 == 1)
                .map(|at| Edit::RemoveNote { at })
                .collect();
            if seed % 5 == 0 {
                edits.insert(edits.len() / 2, note("between".into()));
            }
            if seed % 7 == 0 {
                edits.push(Edit::RemoveNote { at: 3 });
            }
            let (mut batched, mut single) = (map.clone(), map.clone());
            let inverse = Edit::Batch(edits.clone()).apply(&mut batched);
            let mut applied = Vec::new();
            let mut failed = false;
            for edit in edits {
                match edit.apply(&mut single) {
                    Ok(inverse) => applied.push(inverse),
                    Err(_) => failed = true,
                }
            }
            if failed {
                assert!(inverse.is_err(), "seed {seed}");
                assert_eq!(batched, map, "seed {seed}: a failed batch leaves the map");
                continue;
            }
            applied.reverse();
            let Ok(inverse) = inverse else {
                panic!("seed {seed}")
            };
            assert_eq!(batched, single, "seed {seed}");
            assert_eq!(
                format!("{inverse:?}"),
                format!("{:?}", Edit::Batch(applied)),
                "seed {seed}"
            );
            inverse.apply(&mut batched).unwrap();
            assert_eq!(batched, map, "seed {seed}: undone");
        }
    }
}
