//! The export menu and the friction memo's preview: opening them, the preview's keys,
//! and what became of a document the loop wrote.

use super::super::documents::{Delivery, MemoPreview, PreviewKeys};
use super::super::keymap::Mode;
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

/// The keys the memo's checks name.
fn preview_keys(app: &App) -> PreviewKeys {
    PreviewKeys {
        move_to_opportunities: app.keymap.key(Mode::Grid, &Action::MoveToOpportunities),
        link_note: app.keymap.key(Mode::Shadow, &Action::LinkNote),
        details: app.keymap.key(Mode::Memo, &Action::MemoDetails),
    }
}

/// `M`: the memo's preview.
pub(super) fn open_memo(app: &mut App) {
    let keys = preview_keys(app);
    let Some(doc) = app.screen.doc() else { return };
    let preview = MemoPreview::open(&doc.map, doc.history.state(), &app.folder, &keys);
    let warnings = preview.concerns;
    app.screen.show(View::Memo(Box::new(preview)));
    if warnings > 0 {
        app.inform(format!(
            "{warnings} thing{} to look at before sending it, listed on top",
            if warnings == 1 { "" } else { "s" }
        ));
    }
}

/// Brings the preview up to date with the map and the folder listing (after every action).
pub(super) fn refresh(app: &mut App) {
    let keys = preview_keys(app);
    if let Screen::Map {
        doc,
        view: View::Memo(preview),
    } = &mut app.screen
    {
        preview.refresh(&doc.map, doc.history.state(), &app.folder, &keys);
    }
}

/// Keys on the memo's preview.
pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let page = app.geometry.memo_page();
    let keys = preview_keys(app);
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
            preview.invalidate();
            preview.refresh(&doc.map, doc.history.state(), &app.folder, &keys);
            preview.scroll = preview.top(page);
            let said = if preview.options.open_only {
                "The memo leaves out fixed and won't-fix points"
            } else {
                "The memo shows every friction point"
            };
            app.inform(said);
        }
        Action::MemoDetails => {
            let form = forms::memo_details_form(&doc.map, &preview.memo(&doc.map));
            app.open_form(form);
        }
        Action::WriteMemo => {
            let form = forms::memo_file_form(&doc.path, &app.keymap);
            app.open_form(form);
        }
        Action::Copy => return Handled::Done(super::copy::memo_preview(app)),
        Action::Back => app.screen.show(View::Grid),
        Action::Quit => return Handled::Pass(action),
        _ => return Handled::Pass(action),
    }
    Handled::Done(Effect::Nothing)
}

/// Takes what became of a document the loop wrote (and how many of its evidence files
/// were not found): said in the status bar, or a question when a file is already there.
pub fn delivered(
    app: &mut App,
    delivery: Delivery,
    result: Result<(), OutputError>,
    missing: usize,
) -> Effect {
    match result {
        Ok(()) if missing > 0 => app.warn(format!(
            "Wrote the {} to {}; {missing} evidence file{} not found, marked “(missing)”",
            delivery.what,
            delivery.path.display(),
            if missing == 1 { "" } else { "s" }
        )),
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
