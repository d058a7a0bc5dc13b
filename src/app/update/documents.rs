//! The export menu and the friction memo's preview: opening them, the preview's keys,
//! and what became of a document the loop wrote.

use super::super::documents::{Delivery, MemoPreview};
use super::super::modal::Question;
use super::super::screen::{Screen, View};
use super::super::{App, Effect, action::Action, forms};
use super::Handled;
use crate::store::OutputError;

/// `x`: the export menu, with the file beside the map.
pub(super) fn open_export(app: &mut App) {
    if let Some(doc) = app.screen.doc() {
        let form = forms::export_form(&doc.path, &app.keymap);
        app.open_form(form);
    }
}

/// `M`: the memo's preview.
pub(super) fn open_memo(app: &mut App) {
    let Some(doc) = app.screen.doc() else { return };
    let preview = MemoPreview::open(&doc.map);
    let notes_say_who = preview.notes_say_who;
    app.screen.show(View::Memo(Box::new(preview)));
    if !notes_say_who {
        let key = app.key(&Action::MemoDetails);
        app.inform(format!(
            "Press {key} to say who walked the journey and when: no shadow notes do"
        ));
    }
}

/// Keys on the memo's preview.
pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let page = app.geometry.memo_page();
    let Screen::Map {
        doc,
        view: View::Memo(preview),
    } = &mut app.screen
    else {
        return Handled::Done(Effect::Nothing);
    };
    preview.scroll = preview.top(page);
    let last = preview.lines.len().saturating_sub(page);
    match action {
        Action::SelectPrevious => preview.scroll = preview.scroll.saturating_sub(1),
        Action::SelectNext => preview.scroll = (preview.scroll + 1).min(last),
        Action::PageUp => preview.scroll = preview.scroll.saturating_sub(page),
        Action::PageDown => preview.scroll = (preview.scroll + page).min(last),
        Action::SelectFirst => preview.scroll = 0,
        Action::SelectLast => preview.scroll = last,
        Action::MemoOpenOnly => {
            preview.options.open_only = !preview.options.open_only;
            preview.refresh(&doc.map);
            preview.scroll = preview.top(page);
            let said = if preview.options.open_only {
                "The memo leaves out fixed and won't-fix points"
            } else {
                "The memo shows every friction point"
            };
            app.inform(said);
        }
        Action::MemoDetails => {
            let form = forms::memo_details_form(preview);
            app.open_form(form);
        }
        Action::WriteMemo => {
            let form = forms::memo_file_form(&doc.path, &app.keymap);
            app.open_form(form);
        }
        Action::Back => app.screen.show(View::Grid),
        Action::Quit => return Handled::Pass(action),
        _ => {}
    }
    Handled::Done(Effect::Nothing)
}

/// The memo's header as typed in its form.
pub(super) fn details_given(
    app: &mut App,
    observers: Vec<String>,
    dates: Option<String>,
    devices: Vec<String>,
) {
    let Screen::Map {
        doc,
        view: View::Memo(preview),
    } = &mut app.screen
    else {
        return;
    };
    preview.options.observers = observers;
    preview.options.dates = dates;
    preview.options.devices = devices;
    preview.refresh(&doc.map);
    preview.scroll = preview.top(app.geometry.memo_page());
}

/// Takes what became of a document the loop wrote: said in the status bar, or a question
/// when a file is already there.
pub fn delivered(app: &mut App, delivery: Delivery, result: Result<(), OutputError>) -> Effect {
    match result {
        Ok(()) => app.inform(format!(
            "Wrote the {} to {}",
            delivery.what,
            delivery.path.display()
        )),
        Err(OutputError::Exists(_)) => app.ask(Question::ReplaceFile(Box::new(delivery))),
        Err(error) => app.warn(format!("Not written: {error}")),
    }
    Effect::Nothing
}
