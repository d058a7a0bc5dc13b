//! The start screen: pick a map, an example, or a template for a new map.

use super::super::editor::EditTarget;
use super::super::screen::Screen;
use super::super::start::StartEntry;
use super::super::{App, Effect, action::Action};

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let Screen::Start(start) = &mut app.screen else {
        return Effect::Nothing;
    };
    let position = start.position();
    match action {
        Action::SelectPrevious => start.select(position.saturating_sub(1)),
        Action::SelectNext => start.select(position + 1),
        Action::SelectFirst => start.select(0),
        Action::SelectLast => start.select(usize::MAX),
        Action::NewMap => start.template = Some(0),
        Action::Back => start.template = None,
        Action::Quit => return Effect::Quit,
        Action::Open => {
            if let Some(template) = start.template {
                app.edit(EditTarget::NewMapTitle { template }, "");
                return Effect::Nothing;
            }
            match start.selected_entry() {
                Some(StartEntry::NewMap) => start.template = Some(0),
                Some(StartEntry::Example(index)) => return Effect::OpenExample(index),
                Some(StartEntry::Map(index)) => {
                    if let Some(map) = start.maps.get(index) {
                        return Effect::Open(map.path.clone());
                    }
                }
                Some(StartEntry::Recovered(index)) => {
                    if let Some(entry) = start.recoveries.get(index) {
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
