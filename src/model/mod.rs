//! The journey map as plain data, the edits that change it and the undo history.
//! Nothing here knows about files or terminals.

pub mod capture;
mod changed;
pub mod channel_names;
pub mod channels;
mod coach_words;
pub mod conflict;
pub mod council;
mod coverage;
pub mod diff;
mod edit;
mod evidence;
mod extras;
mod friction;
mod history;
mod ids;
mod lane;
mod map;
mod memo;
pub mod merge;
pub mod moves;
mod observation;
mod opportunity;
pub mod ops;
mod shadow;
mod shared;
mod splice;
mod stage;
pub mod voting;

pub use changed::{Changed, ListChanges};
pub use coverage::{Cell, Coverage, channel_index};
pub use edit::{Edit, EditError, Focus, Item, MapText, StageText};
pub use evidence::{
    EvidencePlace, NoteLinks, PointWords, evidence_of, evidence_place, friction_evidence, note_repeats_point,
};
pub use extras::{ExtraField, Extras};
pub use friction::{Friction, Severity, Status};
pub use history::History;
pub use ids::{FrictionId, IdGen, IdHashing, NoteId, OpportunityId, StageId, TakenIds};
pub use lane::{Lane, ListLane};
pub use map::{FORMAT_VERSION, JourneyMap};
pub use memo::MemoFacts;
pub use observation::{Advice, reads_like_solution};
pub use opportunity::Opportunity;
pub use shadow::{PlanEntry, Shadow, ShadowNote, is_url, note_time, written_day};
pub use shared::Shared;
pub use stage::{Emotion, Metrics, Score, Stage};
