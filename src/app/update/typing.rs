//! What is typed but not kept yet (in the open editor or form), as the change keeping it
//! would make: recovery copies include it, so a crash or a closed terminal never loses
//! it. Worked out on copies; nothing here changes the app.

use super::super::App;
use super::super::editor::{EditTarget, Editor};
use super::super::form::Form;
use super::super::forms::{self, FormPurpose, Outcome};
use super::super::modal::Modal;
use super::super::names::Names;
use super::adding::new_item;
use crate::model::{Edit, Item, ListLane, MapText, Stage, StageText};

/// The change keeping what is typed would make to the map, if it would make one.
pub fn unconfirmed_edit(app: &App) -> Option<Edit> {
    match app.modal.base() {
        Modal::Editor(editor) => editor_edit(app, editor),
        Modal::Form { form, purpose } => form_edit(app, form, *purpose),
        _ => None,
    }
}

/// The editor's text as the edit it becomes, as typed (quick-capture tags stay in the
/// text: they are what the person typed).
fn editor_edit(app: &App, editor: &Editor) -> Option<Edit> {
    let map = &app.doc()?.map;
    let text = editor.input.text();
    let (modified, typed) = (editor.input.is_modified(), !text.trim().is_empty());
    let mut ids = app.ids.clone();
    match editor.target {
        EditTarget::Title | EditTarget::Persona if modified => Some(Edit::SetMapText {
            field: if editor.target == EditTarget::Title {
                MapText::Title
            } else {
                MapText::Persona
            },
            text: text.to_owned(),
        }),
        EditTarget::StageName { stage } if modified && typed => Some(Edit::SetStageText {
            stage,
            field: StageText::Name,
            text: text.trim().to_owned(),
        }),
        EditTarget::StageText { stage, field } if modified => Some(Edit::SetStageText {
            stage,
            field,
            text: text.to_owned(),
        }),
        EditTarget::NewStage { at } if typed => {
            let id = map.fresh_stage_id(&mut ids);
            let stage = Box::new(Stage::new(id, text.trim().to_owned()));
            Some(Edit::InsertStage { at, stage })
        }
        EditTarget::Item { stage, lane, at } if modified && typed => {
            let current = map.stages.get(stage)?;
            let item = match lane {
                ListLane::Touchpoints => Item::Touchpoint(text.to_owned()),
                ListLane::Friction => Item::Friction(current.frictions.get(at)?.clone()),
                ListLane::Opportunity => Item::Opportunity(current.opportunities.get(at)?.clone()),
            };
            let item = item.with_text(text.to_owned());
            Some(Edit::ReplaceItem { stage, at, item })
        }
        EditTarget::NewItem { stage, lane, at } if typed => {
            let mut item = new_item(&|id| map.has_id(id), lane, text.to_owned(), &mut ids, &[]);
            if let (Item::Opportunity(opportunity), Some(point)) = (&mut item, &editor.addressing) {
                opportunity.addresses = vec![point.clone()];
            }
            Some(Edit::InsertItem { stage, at, item })
        }
        _ => None,
    }
}

/// The change keeping `form` would make, worked out on copies of the form and the ids.
fn form_edit(app: &App, form: &Form, purpose: FormPurpose) -> Option<Edit> {
    let (mut form, mut ids) = (form.clone(), app.ids.clone());
    let doc = app.doc()?;
    // Worked out from the map itself: the app's tables may be behind it here.
    let mut names = Names::default();
    names.refresh(&doc.map, &doc.history);
    let context = forms::Context {
        map: Some(&doc.map),
        memo: app.memo(),
        coverage: &app.shadow.coverage,
        ids: &mut ids,
        taken: &|id| doc.map.has_id(id),
        names: &names,
        zone: &app.time_zone,
        folder: &app.folder,
    };
    match forms::outcome(&mut form, purpose, context).ok()? {
        Outcome::Edit(edit, _) | Outcome::Note { edit, .. } => Some(edit),
        _ => None,
    }
}
