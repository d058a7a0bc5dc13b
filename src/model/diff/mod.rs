//! What changed between two versions of a map: every change by id, in words and as data
//! (`cxmap diff`, git), a one-fact-per-line listing for git's text conversion, and a short
//! summary per stage for taking back a recovery copy.

mod change;
mod facts;
pub(crate) mod lists;
mod summary;
mod walk;

pub use change::{Action, Change, Kind, StageRef};
pub use facts::facts;
pub use summary::summary;
pub use walk::changes;
