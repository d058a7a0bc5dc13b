//! Where the ids and references of a map are in its file, recorded while it is read, so
//! the cross-checks that need the whole map (unique ids, references that resolve) can
//! place what they find.

use super::source::Pos;

/// Positions in file order, one per item: every stage's, then friction point by friction
/// point stage by stage, and so on. An item without the key has the item's position.
#[derive(Debug, Default)]
pub struct Places {
    pub stage_ids: Vec<Pos>,
    pub friction_ids: Vec<Pos>,
    pub opportunity_ids: Vec<Pos>,
    /// Each opportunity's `addresses` entries, opportunity by opportunity.
    pub addresses: Vec<Pos>,
    pub note_ids: Vec<Pos>,
    pub note_stages: Vec<Pos>,
    pub note_frictions: Vec<Pos>,
    pub plan_stages: Vec<Pos>,
}

impl Places {
    /// The position at `index` of `list`, or the file's start when it was not recorded
    /// (a map built otherwise than by reading a file).
    pub fn get(list: &[Pos], index: usize) -> Pos {
        list.get(index).copied().unwrap_or(Pos { line: 1, column: 1 })
    }
}
