//! The export menu and the memo preview inside the program: what they write, where, and
//! what they ask, driven by actions without a terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::keymap::Mode;
use cxmap::app::update::{delivered, update};
use cxmap::app::{App, Effect};
use cxmap::assets::EXAMPLES;
use cxmap::export::ExportFormat;
use cxmap::export::memo::{MemoFormat, MemoOptions};
use cxmap::model::{IdGen, JourneyMap};
use cxmap::store::OutputError;

/// The memo in a text format, evidence not looked up.
fn memo(map: &JourneyMap, options: &MemoOptions, format: MemoFormat) -> String {
    String::from_utf8(cxmap::export::memo::memo(map, options, format)).unwrap()
}

fn app_with(map: JourneyMap) -> App {
    App::with_document(
        Document::opened(map, PathBuf::from("maps/store.json")),
        IdGen::seeded(1),
    )
}

/// Each action, then the memo's layout the loop would make off the input thread.
fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Effect {
    let mut last = Effect::Nothing;
    for action in actions {
        last = update(app, action);
        app.lay_out_memo();
    }
    last
}

/// What a delivery would write, its memo's evidence not looked up.
fn text(delivery: &cxmap::app::documents::Delivery) -> String {
    String::from_utf8(delivery.content.plain()).unwrap()
}

fn delivery(effect: Effect) -> cxmap::app::documents::Delivery {
    match effect {
        Effect::Deliver(delivery) => *delivery,
        other => panic!("expected a file to write, got {other:?}"),
    }
}

#[test]
fn the_export_menu_writes_the_chosen_format_beside_the_map() {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = app_with(map.clone());
    act(&mut app, [Action::ShowExport]);
    assert_eq!(app.mode(), Mode::Form);
    let wrote = delivery(act(&mut app, [Action::CursorRight, Action::Commit]));
    assert_eq!(
        wrote.path,
        PathBuf::from("maps/store.csv"),
        "the file follows the format"
    );
    assert_eq!(text(&wrote), ExportFormat::Csv.build(&map));
    assert!(!wrote.replace);
    act(&mut app, [Action::ShowExport, Action::CursorLeft]);
    let wrote = delivery(act(&mut app, [Action::Commit]));
    assert_eq!(wrote.path, PathBuf::from("maps/store.mmd"));
    assert_eq!(text(&wrote), ExportFormat::Mermaid.build(&map));
}

#[test]
fn a_typed_file_name_is_kept_when_the_format_changes() {
    let mut app = app_with(EXAMPLES[0].map().unwrap());
    act(&mut app, [Action::ShowExport, Action::NextField, Action::TextEnd]);
    act(&mut app, std::iter::repeat_n(Action::DeleteBack, 40));
    act(&mut app, "out/grid.txt".chars().map(Action::Type));
    act(&mut app, [Action::PreviousField, Action::CursorRight]);
    let wrote = delivery(act(&mut app, [Action::Commit]));
    assert_eq!(wrote.path, PathBuf::from("out/grid.txt"));
    assert!(
        text(&wrote).starts_with("stage,stage id,lane"),
        "csv was chosen after typing"
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let mut app = app_with(EXAMPLES[0].map().unwrap());
    let wrote = delivery(act(&mut app, [Action::ShowExport, Action::Commit]));
    delivered(
        &mut app,
        wrote.clone(),
        Err(OutputError::Exists(wrote.path.clone())),
        0,
    );
    assert_eq!(app.mode(), Mode::Confirm);
    let again = delivery(act(&mut app, [Action::Yes]));
    assert!(again.replace, "yes replaces");
    assert_eq!(text(&again), text(&wrote));
    delivered(&mut app, again, Ok(()), 0);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Wrote the Markdown export to maps/store.md"
    );
    let wrote = delivery(act(&mut app, [Action::ShowExport, Action::Commit]));
    delivered(
        &mut app,
        wrote.clone(),
        Err(OutputError::Exists(wrote.path.clone())),
        0,
    );
    assert_eq!(act(&mut app, [Action::No]), Effect::Nothing, "no writes nothing");
    assert!(app.message.as_ref().unwrap().text.starts_with("Nothing written"));
}

#[test]
fn the_memo_preview_writes_what_it_shows() {
    let map = EXAMPLES[0].map().unwrap();
    let mut app = app_with(map.clone());
    act(&mut app, [Action::ShowMemo]);
    assert_eq!(app.mode(), Mode::Memo);
    let layout = app.memo().unwrap().layout.as_ref().unwrap();
    assert_eq!(
        layout.text_from(layout.memo_start),
        memo(&map, &MemoOptions::default(), MemoFormat::Text),
        "under the checks, the memo itself"
    );
    let checks: Vec<&str> = layout.lines().take(layout.memo_start).collect();
    assert!(
        checks
            .iter()
            .any(|l| l.starts_with("✓ the printed memo (HTML, PDF) fits one A4 page")),
        "{checks:#?}"
    );
    act(&mut app, [Action::MemoOpenOnly]);
    let wrote = delivery(act(&mut app, [Action::WriteMemo, Action::Commit]));
    assert_eq!(
        wrote.path,
        PathBuf::from("maps/store-memo.html"),
        "the page a manager opens comes first"
    );
    let open_only = MemoOptions {
        open_only: true,
        ..MemoOptions::default()
    };
    assert_eq!(text(&wrote), memo(&map, &open_only, MemoFormat::Html));
    let wrote = delivery(act(
        &mut app,
        [
            Action::WriteMemo,
            Action::CursorRight,
            Action::CursorRight,
            Action::Commit,
        ],
    ));
    assert_eq!(wrote.path, PathBuf::from("maps/store-memo.md"));
    assert_eq!(text(&wrote), memo(&map, &open_only, MemoFormat::Markdown));
    let wrote = delivery(act(
        &mut app,
        [Action::WriteMemo, Action::CursorLeft, Action::Commit],
    ));
    assert_eq!(wrote.path, PathBuf::from("maps/store-memo.txt"));
    let wrote = delivery(act(
        &mut app,
        [Action::WriteMemo, Action::CursorRight, Action::Commit],
    ));
    assert_eq!(
        wrote.path,
        PathBuf::from("maps/store-memo.pdf"),
        "PDF too, from the program"
    );
    assert!(wrote.content.plain().starts_with(b"%PDF-"));
    act(&mut app, [Action::Back]);
    assert_eq!(app.mode(), Mode::Grid);
    assert!(app.memo().is_none());
}

#[test]
fn the_preview_shows_its_last_layout_until_the_one_for_the_map_as_it_is_comes() {
    let mut app = app_with(EXAMPLES[1].map().unwrap());
    update(&mut app, Action::ShowMemo);
    assert!(
        app.memo().unwrap().layout.is_none(),
        "laid out by whoever runs the app"
    );
    assert_eq!(app.message, None, "nothing to say before the checks are made");
    let every_point = app.memo_layout_wanted().expect("the preview waits for a layout");
    update(&mut app, Action::MemoOpenOnly);
    let open_only = app.memo_layout_wanted().unwrap();

    app.memo_laid_out(every_point.lay_out());
    let shown = app.memo().unwrap().line_count();
    assert!(shown > 0, "an earlier layout shows meanwhile");
    assert!(
        app.memo_layout_wanted().is_some(),
        "it was made before fixed points were left out"
    );
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        said.ends_with("to look at before sending it, listed on top"),
        "{said:?}"
    );

    app.memo_laid_out(open_only.lay_out());
    assert!(
        app.memo().unwrap().line_count() < shown,
        "fixed and won't-fix points left out"
    );
    assert!(app.memo_layout_wanted().is_none(), "up to date");
}

#[test]
fn a_layout_made_for_a_preview_that_closed_is_not_taken_by_the_next() {
    let mut app = app_with(EXAMPLES[1].map().unwrap());
    act(&mut app, [Action::ShowMemo]);
    update(&mut app, Action::Back);
    update(&mut app, Action::ShowMemo);
    let wanted = app.memo_layout_wanted().unwrap();
    update(&mut app, Action::Back);
    app.memo_laid_out(wanted.clone().lay_out());
    assert!(app.memo().is_none(), "a layout opens no preview");
    update(&mut app, Action::ShowMemo);
    app.memo_laid_out(wanted.lay_out());
    assert!(
        app.memo().unwrap().layout.is_none(),
        "the same map and options, but another preview"
    );
}

#[test]
fn who_walked_the_journey_is_typed_in_the_preview_and_kept_in_the_map() {
    let mut map = EXAMPLES[0].map().unwrap();
    map.shadow.notes.clear();
    let mut app = app_with(map.clone());
    act(&mut app, [Action::ShowMemo]);
    let layout = app.memo().unwrap().layout.as_ref().unwrap();
    assert!(layout.lines().any(|l| l == "Walked by: not recorded"));
    assert!(
        layout
            .lines()
            .take(layout.warnings)
            .any(|l| l.contains("not recorded: who walked the journey, when and on which devices; e says it")),
        "{:#?}",
        layout.lines().collect::<Vec<_>>()
    );
    act(&mut app, [Action::MemoDetails]);
    act(&mut app, "Ana and Ben".chars().map(Action::Type));
    act(&mut app, [Action::NextField]);
    act(&mut app, "2026-11-20".chars().map(Action::Type));
    act(&mut app, [Action::NextField]);
    act(&mut app, "phone, laptop".chars().map(Action::Type));
    act(&mut app, [Action::Commit]);
    let lines: Vec<&str> = app.memo().unwrap().layout.as_ref().unwrap().lines().collect();
    assert!(lines.contains(&"Walked by: Ana, Ben"), "{lines:#?}");
    assert!(lines.contains(&"When:      2026-11-20"), "{lines:#?}");
    assert!(lines.contains(&"Devices:   phone, laptop"), "{lines:#?}");
    let doc = app.doc().unwrap();
    let facts = doc.map.memo.as_ref().expect("the map keeps the facts");
    assert_eq!(
        (
            facts.walked_by.as_str(),
            facts.when.as_str(),
            facts.devices.as_str()
        ),
        ("Ana and Ben", "2026-11-20", "phone, laptop")
    );
    assert!(doc.is_dirty(), "the map is unsaved now");
    for (action, key) in [(Action::Save, "Ctrl-S"), (Action::Undo, "u")] {
        assert_eq!(
            app.keymap.bound(Mode::Memo, &action).as_deref(),
            Some(key),
            "the preview saves and undoes where the facts are typed"
        );
    }
    act(&mut app, [Action::Undo]);
    assert_eq!(*app.doc().unwrap().map, map, "undo takes them back");
    assert!(
        app.memo()
            .unwrap()
            .layout
            .as_ref()
            .unwrap()
            .lines()
            .any(|l| l == "Walked by: not recorded")
    );
}

#[test]
fn every_export_is_named_in_words_when_written() {
    let mut app = app_with(EXAMPLES[0].map().unwrap());
    let mut said = Vec::new();
    for moves in 0..ExportFormat::ALL.len() {
        act(&mut app, [Action::ShowExport]);
        act(&mut app, std::iter::repeat_n(Action::CursorRight, moves));
        let wrote = delivery(act(&mut app, [Action::Commit]));
        delivered(&mut app, wrote, Ok(()), 0);
        said.push(app.message.as_ref().unwrap().text.clone());
    }
    assert_eq!(
        said,
        [
            "Wrote the Markdown export to maps/store.md",
            "Wrote the CSV export to maps/store.csv",
            "Wrote the HTML export to maps/store.html",
            "Wrote the Mermaid export to maps/store.mmd",
        ]
    );
}

#[test]
fn the_memo_preview_scrolls_no_further_than_a_full_page() {
    let mut app = app_with(EXAMPLES[1].map().unwrap());
    let page = app.geometry.memo_page();
    act(&mut app, [Action::ShowMemo]);
    let lines = app.memo().unwrap().line_count();
    assert!(lines > 2 * page, "the example memo is longer than two pages");
    let last = lines - page;
    act(&mut app, [Action::SelectLast]);
    assert_eq!(app.memo().unwrap().scroll, last, "G shows the last full page");
    act(&mut app, [Action::SelectNext, Action::PageDown]);
    assert_eq!(app.memo().unwrap().scroll, last, "nothing below the end");
    act(&mut app, [Action::SelectPrevious]);
    assert_eq!(
        app.memo().unwrap().scroll,
        last - 1,
        "one line up from the end moves at once"
    );
    act(&mut app, [Action::SelectFirst]);
    act(&mut app, std::iter::repeat_n(Action::PageDown, 50));
    assert_eq!(app.memo().unwrap().scroll, last);
    act(&mut app, [Action::MemoOpenOnly]);
    let preview = app.memo().unwrap();
    assert!(
        preview.line_count() < lines,
        "fixed and won't-fix points left out"
    );
    assert_eq!(
        preview.scroll,
        preview.line_count() - page,
        "a shorter memo still fills the page"
    );
}

#[test]
fn the_preview_says_when_the_printed_memo_needs_more_than_one_page() {
    let mut map = EXAMPLES[0].map().unwrap();
    let stages = map.stages.len();
    for i in 0..150 {
        let mut point = cxmap::model::Friction::new(
            cxmap::model::FrictionId(format!("fr-many{i}")),
            format!("Point {i}: the delivery date shown at checkout moved by two days after payment"),
        );
        point.severity = cxmap::model::Severity::Severe;
        map.stages[i % stages].frictions.push(point);
    }
    let total: usize = map.stages.iter().map(|s| s.frictions.len()).sum();
    let mut app = app_with(map);
    act(&mut app, [Action::ShowMemo]);
    let layout = app.memo().unwrap().layout.as_ref().unwrap();
    let checks: Vec<&str> = layout.lines().take(layout.memo_start).collect();
    let said = checks.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    assert!(
        said.contains(&format!(
            "does not fit one page even at its most compact: 4 pages: {total} friction points"
        )),
        "{said}"
    );
    assert!(!checks.iter().any(|l| l.contains("fits one A4 page")));
}

#[test]
fn the_facts_form_suggests_the_same_before_the_memo_is_laid_out_as_after() {
    let map = EXAMPLES[1].map().unwrap();
    let mut before = app_with(map.clone());
    update(&mut before, Action::ShowMemo);
    update(&mut before, Action::MemoDetails);
    let mut after = app_with(map);
    act(&mut after, [Action::ShowMemo, Action::MemoDetails]);
    assert!(after.memo().unwrap().layout.is_some());
    let form = before.form().unwrap();
    assert_eq!(form.text("walked_by"), "Amy, Naledi, Kagiso");
    assert_eq!(Some(form), after.form());
}

#[test]
fn facts_read_from_the_notes_are_suggestions_that_typing_replaces() {
    let map = EXAMPLES[1].map().unwrap();
    assert!(map.memo.is_none());
    let mut app = app_with(map);
    act(&mut app, [Action::ShowMemo, Action::MemoDetails]);
    act(&mut app, [Action::NextField]);
    act(&mut app, "Saturday morning".chars().map(Action::Type));
    act(&mut app, [Action::Commit]);
    let facts = app.doc().unwrap().map.memo.clone().unwrap();
    assert_eq!(facts.when, "Saturday morning", "not the notes' dates with it");
    assert_eq!(
        facts.walked_by, "Amy, Naledi, Kagiso",
        "a suggestion kept as it is"
    );
    // Once kept, the facts are the user's own text: typing adds to them.
    act(&mut app, [Action::MemoDetails, Action::NextField]);
    act(&mut app, [Action::TextEnd]);
    act(&mut app, ", 08:00".chars().map(Action::Type));
    act(&mut app, [Action::Commit]);
    assert_eq!(
        app.doc().unwrap().map.memo.as_ref().unwrap().when,
        "Saturday morning, 08:00"
    );
}
