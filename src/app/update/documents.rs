//! The export menu and the friction memo's preview: opening them, the preview's keys,
//! and what became of a document the loop wrote.

use super::super::documents::{Delivery, MemoPreview};
use super::super::overlay::{AfterLeaving, Overlay, Question};
use super::super::view::View;
use super::super::{App, Effect, action::Action, forms};
use crate::store::OutputError;

/// `x`: the export menu, with the file beside the map.
pub(super) fn open_export(app: &mut App) {
    if let Some(doc) = &app.doc {
        app.form = Some(forms::export_form(&doc.path));
    }
}

/// `M`: the memo's preview.
pub(super) fn open_memo(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    let preview = MemoPreview::open(&doc.map);
    if !preview.notes_say_who {
        app.inform("Press e to say who walked the journey and when: no shadow notes do");
    }
    app.memo = Some(preview);
    app.view = View::Memo;
}

/// Keys on the memo's preview.
pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let page = app.geometry.memo_page();
    let (Some(doc), Some(preview)) = (&app.doc, app.memo.as_mut()) else {
        app.view = View::Grid;
        return Effect::Nothing;
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
        Action::MemoDetails => app.form = Some(forms::memo_details_form(preview)),
        Action::WriteMemo => app.form = Some(forms::memo_file_form(&doc.path)),
        Action::Back => {
            app.memo = None;
            app.view = View::Grid;
        }
        Action::Quit => return super::grid::leave(app, AfterLeaving::Quit),
        _ => {}
    }
    Effect::Nothing
}

/// The memo's header as typed in its form.
pub(super) fn details_given(
    app: &mut App,
    observers: Vec<String>,
    dates: Option<String>,
    devices: Vec<String>,
) {
    let (Some(doc), Some(preview)) = (&app.doc, app.memo.as_mut()) else {
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
        Err(OutputError::Exists(_)) => {
            app.overlay = Some(Overlay::Ask(Question::ReplaceFile(Box::new(delivery))));
        }
        Err(error) => app.warn(format!("Not written: {error}")),
    }
    Effect::Nothing
}
