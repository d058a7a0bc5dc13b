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
    /// Whether the places below are recorded too: only `cxmap check`'s memo rules need them.
    pub review: bool,
    /// Each stage's emotion score, else its emotion, else the stage.
    pub scores: Vec<Pos>,
    pub friction_texts: Vec<Pos>,
    /// Each friction point's evidence list, else the friction point.
    pub friction_evidence: Vec<Pos>,
    /// Each friction point's evidence entries, friction point by friction point.
    pub friction_evidence_entries: Vec<Pos>,
    pub friction_channels: Vec<Pos>,
    pub note_evidence_entries: Vec<Pos>,
    pub note_channels: Vec<Pos>,
    /// The entries of the shadow's channel list.
    pub channels: Vec<Pos>,
    pub plan_channels: Vec<Pos>,
}

impl Places {
    /// The position at `index` of `list`, or the file's start when it was not recorded
    /// (a map built otherwise than by reading a file).
    pub fn get(list: &[Pos], index: usize) -> Pos {
        list.get(index).copied().unwrap_or(Pos { line: 1, column: 1 })
    }
}
