//! The start screen: pick a map, an example, or a template for a new map.

use super::super::editor::{EditTarget, Editor};
use super::super::start::StartEntry;
use super::super::{App, Effect, action::Action};

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let position = app.start.position();
    match action {
        Action::SelectPrevious => app.start.select(position.saturating_sub(1)),
        Action::SelectNext => app.start.select(position + 1),
        Action::SelectFirst => app.start.select(0),
        Action::SelectLast => app.start.select(usize::MAX),
        Action::NewMap => {
            app.start.template = Some(0);
        }
        Action::Back => app.start.template = None,
        Action::Quit => return Effect::Quit,
        Action::Open => {
            if let Some(template) = app.start.template {
                app.editor = Some(Editor::new(EditTarget::NewMapTitle { template }, ""));
                return Effect::Nothing;
            }
            match app.start.selected_entry() {
                Some(StartEntry::NewMap) => app.start.template = Some(0),
                Some(StartEntry::Example(index)) => return Effect::OpenExample(index),
                Some(StartEntry::Map(index)) => {
                    if let Some(map) = app.start.maps.get(index) {
                        return Effect::Open(map.path.clone());
                    }
                }
                Some(StartEntry::Recovered(index)) => {
                    if let Some(entry) = app.start.recoveries.get(index) {
                        return Effect::Open(entry.map_path.clone());
                    }
                }
                None => {}
            }
        }
        _ => {}
    }
    Effect::Nothing
}
