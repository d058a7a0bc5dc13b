//! The export menu and the friction memo's preview: opening them, the preview's keys,
//! and what became of a document the loop wrote.

use super::super::documents::{Delivery, LayoutRequest, MemoLayout, MemoPreview, PreviewKeys};
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

/// `M`: the memo's preview, laid out by whoever runs the app (see [`App::memo_layout_wanted`]).
pub(super) fn open_memo(app: &mut App) {
    let Some(doc) = app.screen.doc() else { return };
    let preview = MemoPreview::open(doc.history.state(), &app.folder);
    app.screen.show(View::Memo(Box::new(preview)));
}

/// Keeps the preview following the map and the folder listing (after every action).
pub(super) fn refresh(app: &mut App) {
    if let Screen::Map {
        doc,
        view: View::Memo(preview),
    } = &mut app.screen
    {
        preview.refresh(doc.history.state(), &app.folder);
    }
}

/// The layout the open preview waits for, if it waits for one.
pub(in crate::app) fn layout_wanted(app: &App) -> Option<LayoutRequest> {
    let (Some(doc), Some(preview)) = (app.screen.doc(), app.memo()) else {
        return None;
    };
    preview.request(&doc.map, &app.folder, preview_keys(app))
}

/// Takes in a layout: shown if it was made for the open preview, which then scrolls no
/// further than a full page; the first one says what to look at before sending.
pub(in crate::app) fn laid_out(app: &mut App, layout: MemoLayout) {
    let page = app.geometry.memo_page();
    let Screen::Map {
        view: View::Memo(preview),
        ..
    } = &mut app.screen
    else {
        return;
    };
    let concerns = layout.concerns;
    let Some(first) = preview.take(layout) else {
        return;
    };
    preview.scroll = preview.top(page);
    if first && concerns > 0 {
        app.inform(format!(
            "{concerns} thing{} to look at before sending it, listed on top",
            if concerns == 1 { "" } else { "s" }
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
    let last = preview.line_count().saturating_sub(page);
    match action {
        Action::SelectPrevious => preview.scroll = preview.scroll.saturating_sub(1),
        Action::SelectNext => preview.scroll = (preview.scroll + 1).min(last),
        Action::PageUp => preview.scroll = preview.scroll.saturating_sub(page),
        Action::PageDown => preview.scroll = (preview.scroll + page).min(last),
        Action::SelectFirst => preview.scroll = 0,
        Action::SelectLast => preview.scroll = last,
        Action::MemoOpenOnly => {
            preview.options.open_only = !preview.options.open_only;
            preview.refresh(doc.history.state(), &app.folder);
            let said = if preview.options.open_only {
                "The memo leaves out fixed and won't-fix points"
            } else {
                "The memo shows every friction point"
            };
            app.inform(said);
        }
        Action::MemoDetails => {
            let form = forms::memo_details_form(&doc.map, &preview.walked(&doc.map));
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
