//! Which items survive a merge. An item deleted on one side is gone when the other side
//! left it as it was, and kept with a `deleted` conflict when the other side changed it;
//! an item deleted only because its stage was deleted stays when that stage stays.

use std::collections::HashMap;

use super::index::Index;

/// What happens to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// On both sides (or new): merge the versions there are.
    Merge,
    /// Deleted.
    Deleted,
    /// Deleted in theirs but changed in ours: ours is kept, marked.
    KeptOurs,
    /// Deleted in ours but changed in theirs: theirs is kept, marked.
    KeptTheirs,
}

impl Fate {
    /// Whether the item is in the merged map.
    pub fn kept(self) -> bool {
        self != Fate::Deleted
    }
}

/// The fate of an item from whether it is on each side and whether a side that has it
/// changed it from the base.
pub fn fate(base: bool, ours: bool, theirs: bool, ours_changed: bool, theirs_changed: bool) -> Fate {
    match (base, ours, theirs) {
        (true, true, false) if ours_changed => Fate::KeptOurs,
        (true, false, true) if theirs_changed => Fate::KeptTheirs,
        (true, true, false) | (true, false, true) | (true, false, false) => Fate::Deleted,
        _ => Fate::Merge,
    }
}

/// The fate of every stage id on any side.
pub fn stages(base: &Index, ours: &Index, theirs: &Index) -> HashMap<String, Fate> {
    let changed =
        |side: &Index, id: &str| side.stage_with_surroundings(id) != base.stage_with_surroundings(id);
    let mut fates = HashMap::new();
    for index in [base, ours, theirs] {
        for stage in &index.map.stages {
            let id = stage.id.as_str();
            if !fates.contains_key(id) {
                let has = |side: &Index| side.stages.contains_key(id);
                let fate = fate(
                    has(base),
                    has(ours),
                    has(theirs),
                    changed(ours, id),
                    changed(theirs, id),
                );
                fates.insert(id.to_owned(), fate);
            }
        }
    }
    fates
}
