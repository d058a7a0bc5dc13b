//! Text entry: what is being edited and the line editor holding the text.

use crate::model::{JourneyMap, Lane, ListLane, StageText};
use crate::text::input::TextInput;

/// What the editor's text becomes when it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    Title,
    Persona,
    StageName {
        stage: usize,
    },
    NewStage {
        at: usize,
    },
    StageText {
        stage: usize,
        field: StageText,
    },
    Item {
        stage: usize,
        lane: ListLane,
        at: usize,
    },
    NewItem {
        stage: usize,
        lane: ListLane,
        at: usize,
    },
    NewMapTitle {
        template: usize,
    },
    SaveAs,
    /// The search prompt: the text is the query.
    Search,
}

impl EditTarget {
    /// Whether the text may hold line breaks.
    pub fn multiline(self) -> bool {
        match self {
            EditTarget::StageText { field, .. } => field != StageText::Name,
            EditTarget::Item { lane, .. } | EditTarget::NewItem { lane, .. } => lane.multiline(),
            EditTarget::Title
            | EditTarget::Persona
            | EditTarget::StageName { .. }
            | EditTarget::NewStage { .. }
            | EditTarget::NewMapTitle { .. }
            | EditTarget::SaveAs
            | EditTarget::Search => false,
        }
    }

    /// The editor's heading, e.g. "Touchpoint 2 · Discover".
    pub fn heading(self, map: Option<&JourneyMap>) -> String {
        let stage_name = |stage: usize| {
            map.and_then(|m| m.stages.get(stage))
                .map_or_else(String::new, |s| format!(" · {}", s.name))
        };
        match self {
            EditTarget::Title => "Map title".to_owned(),
            EditTarget::Persona => "Persona: the customer segment this map is for".to_owned(),
            EditTarget::StageName { stage } => format!("Rename stage{}", stage_name(stage)),
            EditTarget::NewStage { at } => format!("Name of the new stage {}", at + 1),
            EditTarget::StageText { stage, field } => {
                let lane = if field == StageText::Goal {
                    Lane::Goal
                } else {
                    Lane::Emotion
                };
                let what = if field == StageText::EmotionNote {
                    "Emotion note"
                } else {
                    lane.name()
                };
                format!("{what}{}", stage_name(stage))
            }
            EditTarget::Item { stage, lane, at } => {
                format!(
                    "{} {}{}",
                    capitalised(lane.item_noun()),
                    at + 1,
                    stage_name(stage)
                )
            }
            EditTarget::NewItem { stage, lane, .. } => {
                format!("New {}{}", lane.item_noun(), stage_name(stage))
            }
            EditTarget::NewMapTitle { .. } => "Title of the new map".to_owned(),
            EditTarget::SaveAs => "Save as: a new file name".to_owned(),
            EditTarget::Search => "Search every text of the map (any case)".to_owned(),
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An open editor.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub target: EditTarget,
    pub input: TextInput,
}

impl Editor {
    /// An editor for `target` starting with `text`.
    pub fn new(target: EditTarget, text: &str) -> Self {
        Self {
            target,
            input: TextInput::new(text, target.multiline()),
        }
    }
}
