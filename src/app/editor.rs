//! Text entry: what is being edited and the line editor holding the text; for a friction
//! point, the quick-capture tags it may end in and their completion.

use super::completion::{Completed, Cycle, TagNames, complete_tag, tag_matches};
use crate::model::capture::OpenTag;
use crate::model::{FrictionId, JourneyMap, Lane, ListLane, StageText};
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
    /// Where to save the new map whose title the start screen holds.
    NewMapFile {
        template: usize,
    },
    SaveAs,
    /// The search prompt: the text is the query.
    Search,
}

impl EditTarget {
    /// Whether the text may end in quick-capture tags (`!3 #store @Ana`): a friction
    /// point's.
    pub fn takes_tags(self) -> bool {
        matches!(
            self,
            EditTarget::Item {
                lane: ListLane::Friction,
                ..
            } | EditTarget::NewItem {
                lane: ListLane::Friction,
                ..
            }
        )
    }

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
            | EditTarget::NewMapFile { .. }
            | EditTarget::SaveAs
            | EditTarget::Search => false,
        }
    }

    /// The text the target holds in `map` now: empty for something new, and for the
    /// search and the file name, which are not in the map.
    pub fn text_in(self, map: &JourneyMap) -> String {
        let stage = |stage: usize| map.stages.get(stage);
        let text = match self {
            EditTarget::Title => Some(map.title.as_str()),
            EditTarget::Persona => Some(map.persona.as_str()),
            EditTarget::StageName { stage: s } => stage(s).map(|s| s.name.as_str()),
            EditTarget::StageText { stage: s, field } => stage(s).map(|s| match field {
                StageText::Name => s.name.as_str(),
                StageText::Goal => s.goal.as_str(),
                StageText::EmotionNote => s.emotion.note.as_str(),
            }),
            EditTarget::Item { stage: s, lane, at } => stage(s).and_then(|s| s.item_text(lane, at)),
            EditTarget::NewStage { .. }
            | EditTarget::NewItem { .. }
            | EditTarget::NewMapTitle { .. }
            | EditTarget::NewMapFile { .. }
            | EditTarget::SaveAs
            | EditTarget::Search => None,
        };
        text.unwrap_or_default().to_owned()
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
            EditTarget::NewMapFile { .. } => {
                "Save the new map as (a .json file: keep this name or type another)".to_owned()
            }
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
    /// What the tags complete to, when the text takes tags.
    pub tags: Option<TagNames>,
    /// The friction point a new opportunity addresses once kept (`A` on that point).
    pub addressing: Option<FrictionId>,
    /// Items kept so far in this run of adding, said when an empty `Enter` ends it.
    pub added: usize,
    cycle: Cycle,
}

impl Editor {
    /// An editor for `target` starting with `text`.
    pub fn new(target: EditTarget, text: &str) -> Self {
        Self {
            target,
            input: TextInput::new(text, target.multiline()),
            tags: None,
            addressing: None,
            added: 0,
            cycle: Cycle::default(),
        }
    }

    /// The same editor, its tags completing to `names`.
    pub fn with_tags(mut self, names: TagNames) -> Self {
        self.tags = Some(names);
        self
    }

    /// The `#` or `@` tag the cursor is at the end of, and the names it may complete to,
    /// best first.
    pub fn tag_matches(&self) -> Option<(OpenTag<'_>, Vec<&str>)> {
        tag_matches(&self.input, self.tags.as_ref()?)
    }

    /// Completes the tag being typed to the first name that matches it; Tab again takes
    /// the next one, round the matches.
    pub fn complete_tag(&mut self) -> Completed {
        match &self.tags {
            Some(names) => complete_tag(&mut self.input, names, &mut self.cycle),
            None => Completed::NoTag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::capture::TagKind;

    fn editor(text: &str) -> Editor {
        let target = EditTarget::NewItem {
            stage: 0,
            lane: ListLane::Friction,
            at: 0,
        };
        Editor::new(target, text).with_tags(TagNames {
            channels: vec![
                "Website".into(),
                "E-mail".into(),
                "Contact-centre call".into(),
                "Email list".into(),
            ],
            owners: vec!["Ana Silva".into(), "Ben".into()],
        })
    }

    #[test]
    fn tab_completes_the_tag_and_again_takes_the_next_match() {
        let mut editor = editor("Hours differ #em");
        assert_eq!(
            editor.complete_tag(),
            Completed::Name {
                name: "E-mail".into(),
                others: 1
            }
        );
        assert_eq!(editor.input.text(), "Hours differ #E-mail");
        editor.complete_tag();
        assert_eq!(editor.input.text(), "Hours differ #Email_list");
        editor.complete_tag();
        assert_eq!(editor.input.text(), "Hours differ #E-mail", "round the matches");
        editor.input.insert_char(' ');
        assert_eq!(editor.complete_tag(), Completed::NoTag);
    }

    #[test]
    fn owners_complete_from_any_word_and_unknown_names_are_new() {
        let mut editor = editor("Queue !3 @sil");
        assert!(matches!(editor.complete_tag(), Completed::Name { .. }));
        assert_eq!(editor.input.text(), "Queue !3 @Ana_Silva");
        let mut unknown = self::editor("Queue #kiosk");
        assert_eq!(
            unknown.complete_tag(),
            Completed::New {
                kind: TagKind::Channel,
                typed: "kiosk".into()
            }
        );
        let contact = self::editor("x #contact_c");
        let (tag, matches) = contact.tag_matches().unwrap();
        assert_eq!(
            (tag.kind, matches),
            (TagKind::Channel, vec!["Contact-centre call"])
        );
    }

    #[test]
    fn only_friction_points_take_tags() {
        let plain = Editor::new(EditTarget::Title, "#x");
        assert_eq!(plain.clone().tag_matches(), None);
        let mut plain = plain;
        assert_eq!(plain.complete_tag(), Completed::NoTag);
        assert!(
            !EditTarget::NewItem {
                stage: 0,
                lane: ListLane::Opportunity,
                at: 0
            }
            .takes_tags()
        );
    }
}
