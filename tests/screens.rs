//! Screen snapshots: the real view rendered into ratatui's TestBackend at 80×24 and
//! 200×50, for every screen and overlay. Review changes with `cargo insta review`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, SystemTime};

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::keymap::Mode;
use cxmap::app::outcome::Outcome;
use cxmap::app::start::StartScreen;
use cxmap::app::update::outcome::report;
use cxmap::app::update::update;
use cxmap::assets::{EXAMPLES, TEMPLATES};
use cxmap::model::IdGen;
use cxmap::session::load_error_lines;
use cxmap::store::{LoadError, MapSummary};
use cxmap::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn example(index: usize) -> App {
    let map = EXAMPLES[index].map().unwrap();
    let mut app = App::with_document(
        Document::opened(map, format!("{}.json", EXAMPLES[index].name).into()),
        IdGen::seeded(1),
    );
    app.time_zone = jiff::tz::TimeZone::UTC;
    // The map's folder holds none of the example's evidence: the screens mark it missing.
    app.folder = cxmap::app::folder::FolderListing::holding(&[]);
    app
}

/// Each action, then the memo's layout the loop would make off the input thread.
fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
        app.lay_out_memo();
    }
}

fn snapshot_each_size(name: &str, mut app: App) {
    for (width, height) in SIZES {
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn grid_of_the_coffee_shop() {
    snapshot_each_size("grid_coffee", example(0));
}

#[test]
fn grid_scrolled_to_a_friction_point_in_the_online_store() {
    let mut app = example(1);
    app.resize(80, 24);
    act(&mut app, [Action::MoveRight, Action::MoveRight, Action::MoveDown]);
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 8));
    snapshot_each_size("grid_store_friction", app);
}

#[test]
fn a_two_row_cell_shows_the_selected_item_rather_than_both_more_lines() {
    let mut app = example(0);
    app.resize(80, 24);
    // The third of the first stage's four touchpoints, in a cell two rows high.
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 3));
    let selected = app.doc().unwrap().map.stages[0].touchpoints[2].clone();
    let shown = screen(&mut app, 80, 24);
    let grid_rows: Vec<&str> = shown.lines().skip(2).take(17).collect();
    assert!(
        grid_rows.iter().any(|row| row.contains(&selected[..10])),
        "the selected touchpoint {selected:?} is not in the grid:\n{shown}"
    );
}

#[test]
fn an_opened_example_names_its_file_before_a_long_folder_at_80_columns() {
    let map = EXAMPLES[0].map().unwrap();
    let path = "/home/consultant/.local/share/cxmap/workshops/2026/coffee-shop.json";
    let doc = Document::new_file(map, path.into());
    let mut app = start_app();
    report(
        &mut app,
        Outcome::ExampleOpened {
            doc: Box::new(doc),
            evidence: Ok(()),
        },
    );
    let shown = screen(&mut app, 80, 24);
    let status = shown.lines().last().unwrap();
    let save = app.key(&Action::Save);
    assert!(
        status.contains(&format!("{save} saves it as coffee-shop.json")),
        "{status}"
    );
}

#[test]
fn grid_with_unsaved_changes_and_a_message() {
    let mut app = example(0);
    act(&mut app, [Action::MoveRight, Action::SetScore(-2)]);
    snapshot_each_size("grid_unsaved", app);
}

#[test]
fn editor_in_the_detail_pane() {
    let mut app = example(0);
    act(
        &mut app,
        [
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::EditCell,
        ],
    );
    act(&mut app, " Seen twice.".chars().map(Action::Type));
    snapshot_each_size("editor", app);
}

#[test]
fn help_overlay() {
    let mut app = example(0);
    act(&mut app, [Action::ShowHelp]);
    let shown = screen(&mut app, 80, 24);
    let key = |action| app.keymap.key(Mode::Help, &action);
    let scroll = format!(
        "{}{} scroll",
        key(Action::SelectPrevious),
        key(Action::SelectNext)
    );
    let status = shown.lines().last().unwrap();
    assert!(status.contains(&scroll), "both ways, not ↑ alone: {status}");
    snapshot_each_size("help", app);
}

#[test]
fn delete_stage_question() {
    let mut app = example(0);
    act(&mut app, [Action::DeleteStage]);
    let shown = screen(&mut app, 80, 24);
    let status = shown.lines().last().unwrap();
    let delete = format!("{} delete", app.keymap.key(Mode::Confirm, &Action::Yes));
    assert!(
        status.contains(&delete) && !status.contains(" yes "),
        "the bar offers the question's own answers: {status}"
    );
    snapshot_each_size("question_delete_stage", app);
}

#[test]
fn empty_map_from_the_blank_template() {
    let map = TEMPLATES
        .iter()
        .find(|t| t.name == "blank")
        .unwrap()
        .instantiate("Blank", &mut IdGen::seeded(4))
        .unwrap();
    let app = App::with_document(Document::new_file(map, "blank.json".into()), IdGen::seeded(5));
    snapshot_each_size("empty_map", app);
}

fn start_app() -> App {
    let at = |secs| Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs));
    let start = StartScreen {
        folder: Some("/home/ana/.local/share/cxmap".into()),
        maps: vec![
            MapSummary {
                path: "/home/ana/.local/share/cxmap/checkout-review.json".into(),
                modified: at(1_795_000_000),
                content: Ok(("Checkout review — returning shoppers".into(), 7)),
                claims_map: true,
            },
            MapSummary {
                path: "/home/ana/walks/day-one.json".into(),
                modified: at(1_794_500_000),
                content: Ok(("Day one — kitchenware walk".into(), 7)),
                claims_map: true,
            },
            MapSummary {
                path: "/home/ana/.local/share/cxmap/broken.json".into(),
                modified: at(1_794_000_000),
                content: Err("line 3: expected `,` or `}`; is a comma missing?".into()),
                claims_map: true,
            },
        ],
        new_maps_in: "/home/ana/walks".into(),
        ..StartScreen::default()
    };
    let mut app = App::at_start(start, IdGen::seeded(6));
    app.time_zone = jiff::tz::TimeZone::UTC;
    app
}

#[test]
fn start_screen() {
    snapshot_each_size("start", start_app());
}

#[test]
fn the_start_screen_at_its_smallest_cuts_nothing_mid_phrase() {
    let mut app = start_app();
    let shown = screen(&mut app, 60, 18);
    let lines: Vec<&str> = shown.lines().collect();
    let footer = &lines[lines.len() - 3..lines.len() - 1];
    assert_eq!(
        footer[0].trim_matches(['"', ' ']),
        "New maps go to /home/ana/walks"
    );
    assert_eq!(
        footer[1].trim_matches(['"', ' ']),
        "Your maps are kept in /home/ana/.local/share/cxmap"
    );
    act(&mut app, [Action::NewMap]);
    let shown = screen(&mut app, 60, 18);
    let digital = shown.lines().find(|l| l.contains("digital ")).unwrap();
    assert!(
        digital.contains("…"),
        "the summary stops at the border: {digital}"
    );
}

#[test]
fn start_screen_choosing_a_template() {
    let mut app = start_app();
    act(&mut app, [Action::NewMap, Action::SelectNext]);
    let shown = screen(&mut app, 80, 24);
    let new_map = format!("{} new map", app.keymap.key(Mode::Start, &Action::NewMap));
    assert!(!shown.contains(&new_map), "already choosing one:\n{shown}");
    snapshot_each_size("start_templates", app);
}

#[test]
fn error_notice_for_a_broken_file() {
    let mut app = start_app();
    let path = std::path::PathBuf::from("/maps/broken.json");
    let error = match cxmap::format::parse(
        "{\n  \"cxmap\": 1,\n  \"stages\": [{\"id\": \"st-a\", \"emotion\": {\"score\": 5}}]\n}",
    ) {
        Err(diagnostics) => LoadError::Invalid { path, diagnostics },
        Ok(_) => panic!("the file should be refused"),
    };
    app.notice("Cannot open broken.json", load_error_lines(&error));
    snapshot_each_size("notice_broken_file", app);
}

#[test]
fn every_lane_keeps_a_row_at_the_minimum_size() {
    use cxmap::app::geometry::{MIN_HEIGHT, MIN_WIDTH};
    let mut app = example(1);
    let text = screen(&mut app, MIN_WIDTH, MIN_HEIGHT);
    for lane in [
        "Customer goal",
        "Touchpoints",
        "Emotion",
        "Friction",
        "Opportunity",
    ] {
        assert!(
            text.contains(lane),
            "{lane} is missing at the minimum size:\n{text}"
        );
    }
}

#[test]
fn a_terminal_below_the_minimum_says_so() {
    let mut app = example(0);
    insta::assert_snapshot!("too_small", screen(&mut app, 50, 12));
}

#[test]
fn friction_point_form() {
    let mut app = example(1);
    act(&mut app, [Action::MoveRight, Action::MoveRight]);
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 9));
    act(
        &mut app,
        [
            Action::EditCell,
            Action::NextField,
            Action::NextField,
            Action::NextField,
        ],
    );
    act(
        &mut app,
        [Action::DeleteToLineStart, Action::Type('x'), Action::Commit],
    );
    snapshot_each_size("form_friction", app);
}

#[test]
fn friction_board() {
    let mut app = example(1);
    act(&mut app, [Action::ShowBoard, Action::SelectNext]);
    let shown = screen(&mut app, 60, 18);
    let back = format!("{} map", app.keymap.key(Mode::Board, &Action::Back));
    let status = shown.lines().last().unwrap();
    assert!(
        status.contains(&back),
        "the way back is on the bar at 60 columns: {status}"
    );
    snapshot_each_size("board", app);
}

#[test]
fn council_view() {
    let mut app = example(1);
    act(&mut app, [Action::ShowCouncil]);
    snapshot_each_size("council", app);
}

#[test]
fn friction_bullets_show_severity_and_votes() {
    let mut app = example(1);
    act(&mut app, [Action::MoveRight, Action::MoveRight, Action::MoveDown]);
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 7));
    // An open round (not blind): its votes count on screen as they are cast.
    act(
        &mut app,
        [
            Action::VotingRound,
            Action::NextField,
            Action::NextField,
            Action::CursorRight,
            Action::Commit,
            Action::Vote,
        ],
    );
    snapshot_each_size("grid_votes", app);
}

fn shadowing(index: usize) -> App {
    let mut app = example(index);
    app.shadow.observer = Some("Ana".into());
    app.shadow.clock = Some("2026-11-23T09:30:00Z".parse().unwrap());
    app
}

#[test]
fn shadow_notes_pane() {
    let mut app = shadowing(1);
    act(
        &mut app,
        [Action::ToggleNotes, Action::SelectNext, Action::SelectNext],
    );
    snapshot_each_size("notes_pane", app);
}

#[test]
fn shadow_notes_pane_beside_the_grid_without_focus() {
    let mut app = shadowing(0);
    act(
        &mut app,
        [Action::ToggleNotes, Action::MakeFriction, Action::FocusNotes],
    );
    insta::assert_snapshot!("notes_pane_unfocused_160x45", screen(&mut app, 160, 45));
}

#[test]
fn shadow_note_form() {
    let mut app = shadowing(1);
    act(&mut app, [Action::MoveRight, Action::MoveRight, Action::AddNote]);
    act(
        &mut app,
        "Delivery fee appears only on the last step"
            .chars()
            .map(Action::Type),
    );
    act(&mut app, [Action::NextField]);
    snapshot_each_size("form_note", app);
}

#[test]
fn coverage_view() {
    let mut app = shadowing(1);
    act(
        &mut app,
        [
            Action::ShowCoverage,
            Action::MoveRight,
            Action::MoveRight,
            Action::MoveDown,
            Action::PlanVote,
        ],
    );
    snapshot_each_size("coverage", app);
}

#[test]
fn the_coverage_and_channels_bars_show_the_way_back_at_60_columns() {
    let mut app = shadowing(1);
    for (action, mode, word) in [
        (Action::ShowCoverage, Mode::Coverage, "map"),
        (Action::ShowChannels, Mode::Channels, "back"),
    ] {
        act(&mut app, [action]);
        let shown = screen(&mut app, 60, 18);
        let status = shown.lines().last().unwrap();
        let back = format!("{} {word}", app.keymap.key(mode, &Action::Back));
        assert!(status.contains(&back), "{mode:?}: {status}");
    }
}

#[test]
fn channels_screen() {
    let mut app = shadowing(1);
    act(
        &mut app,
        [Action::ShowCoverage, Action::ShowChannels, Action::SelectNext],
    );
    snapshot_each_size("channels", app);
}

fn buffer(app: &mut App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The text of every row's cells drawn in `bg`, row by row (empty rows left out).
fn rows_in(buffer: &ratatui::buffer::Buffer, bg: ratatui::style::Color) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .filter(|&x| buffer[(x, y)].bg == bg)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .filter(|row| !row.trim().is_empty())
        .collect()
}

#[test]
fn search_highlights_its_hits_in_the_grid() {
    let mut app = example(1);
    act(&mut app, [Action::Search]);
    act(&mut app, "delivery".chars().map(Action::Type));
    let typing = screen(&mut app, 80, 24);
    let own_editor = app.keymap.key(Mode::Edit, &Action::EditInEditor);
    let finds = format!("{} finds", app.keymap.key(Mode::Edit, &Action::Commit));
    assert!(
        !typing.contains(&own_editor.to_string()) && typing.contains(&finds),
        "a search is typed in place, not in your editor ({own_editor}):\n{typing}"
    );
    act(&mut app, [Action::Commit]);
    for (width, height) in SIZES {
        let highlighted = rows_in(&buffer(&mut app, width, height), ratatui::style::Color::Yellow);
        let text = highlighted.join(" ").to_lowercase();
        assert!(text.contains("deliver"), "{width}x{height}: {highlighted:?}");
    }
    act(&mut app, [Action::NextHit]);
    let shown = screen(&mut app, 80, 24);
    let status = shown.lines().last().unwrap();
    let leave = format!("{} ends the search", app.key(&Action::LeaveSearch));
    assert!(status.contains(&leave), "cut at 80 columns: {status}");
    assert_eq!(
        status.matches(" hit ").count(),
        1,
        "the hit counted twice: {status}"
    );
    snapshot_each_size("search_hits", app.clone());
    act(&mut app, [Action::LeaveSearch]);
    let highlighted = rows_in(&buffer(&mut app, 200, 50), ratatui::style::Color::Yellow);
    assert!(highlighted.is_empty(), "{highlighted:?}");
}

#[test]
fn friction_memo_preview() {
    let mut app = example(1);
    act(&mut app, [Action::ShowMemo, Action::SelectNext]);
    snapshot_each_size("memo_preview", app);
}

#[test]
fn friction_memo_preview_before_its_first_layout_says_it_is_coming() {
    let mut app = example(1);
    update(&mut app, Action::ShowMemo);
    insta::assert_snapshot!("memo_preview_laying_out_80x24", screen(&mut app, 80, 24));
}

#[test]
fn friction_memo_preview_at_its_end_without_fixed_points() {
    let mut app = example(1);
    act(
        &mut app,
        [Action::ShowMemo, Action::MemoOpenOnly, Action::SelectLast],
    );
    app.message = None;
    snapshot_each_size("memo_preview_end", app);
}

#[test]
fn export_menu() {
    let mut app = example(0);
    act(&mut app, [Action::ShowExport, Action::CursorRight]);
    snapshot_each_size("export_menu", app);
}

#[test]
fn replace_an_existing_export() {
    let mut app = example(0);
    let effect = {
        act(&mut app, [Action::ShowExport]);
        update(&mut app, Action::Commit)
    };
    let cxmap::app::Effect::Deliver(delivery) = effect else {
        panic!("the export menu writes a file: {effect:?}")
    };
    let exists = cxmap::store::OutputError::Exists(delivery.path.clone());
    cxmap::app::update::delivered(&mut app, *delivery, Err(exists), 0);
    snapshot_each_size("export_replace_question", app);
}

#[test]
fn comparing_a_recovery_copy_says_what_it_changes() {
    use cxmap::app::modal::RecoveryOffer;
    use cxmap::app::screen::View;
    use cxmap::model::diff::summary;
    let mut app = example(0);
    let on_disk = (*app.doc().unwrap().map).clone();
    let mut copy = on_disk.clone();
    copy.stages[1]
        .touchpoints
        .push("Chalkboard by the door".to_owned());
    copy.title.push_str(" (workshop)");
    app.screen.show(View::Compare(Box::new(RecoveryOffer {
        changes: summary(&on_disk, &copy),
        map: Box::new(copy),
        written: "2026-11-22T10:15:00Z".to_owned(),
    })));
    let text = screen(&mut app, 200, 50);
    assert!(text.contains("What the copy changes: Title:"), "{text}");
    assert!(text.contains("Choose: 1 touchpoint added"), "{text}");
    snapshot_each_size("compare_recovery", app);
}

#[test]
fn emotion_curve_with_a_gap_and_both_extremes() {
    let mut app = example(1);
    act(
        &mut app,
        [
            Action::SetScore(2),
            Action::MoveRight,
            Action::DeleteItem,
            Action::MoveRight,
            Action::SetScore(-2),
            Action::MoveRight,
            Action::SetScore(1),
            Action::FirstStage,
        ],
    );
    let score = |app: &App, s: usize| app.doc().unwrap().map.stages[s].emotion.score;
    assert_eq!(
        score(&app, 1),
        None,
        "Enter-less d on the emotion lane clears the score"
    );
    let wide = screen(&mut app, 200, 50);
    assert!(wide.contains("Emotion curve"));
    assert!(wide.contains("● +2") && wide.contains("● -2"), "{wide}");
    assert!(wide.contains("no score"), "the unscored stage is a gap, said so");
    assert!(!wide.contains("● 0"), "no stage is drawn at zero: {wide}");
    snapshot_each_size("curve", app.clone());
    insta::assert_snapshot!("curve_160x45", screen(&mut app, 160, 45));
    act(&mut app, [Action::ToggleCurve]);
    assert!(!screen(&mut app, 200, 50).contains("Emotion curve─"));
}

#[test]
fn a_form_title_too_long_for_a_narrow_screen_ends_in_an_ellipsis() {
    let mut app = example(1);
    act(&mut app, [Action::EditMetrics]);
    let shown = screen(&mut app, 60, 18);
    let title = shown.lines().find(|l| l.contains("Metrics ·")).unwrap();
    assert!(title.contains("… ┐"), "cut mid-phrase at the corner: {title}");
}

#[test]
fn metrics_form_with_the_calculator() {
    let mut app = example(1);
    act(
        &mut app,
        [
            Action::MoveRight,
            Action::MoveRight,
            Action::EditMetrics,
            Action::NextField,
            Action::NextField,
            Action::NextField,
        ],
    );
    act(&mut app, "40".chars().map(Action::Type));
    act(&mut app, [Action::NextField]);
    act(&mut app, "35".chars().map(Action::Type));
    act(&mut app, [Action::NextField]);
    act(&mut app, "25".chars().map(Action::Type));
    snapshot_each_size("form_metrics", app);
}

#[test]
fn link_picker_over_the_grid() {
    let mut app = example(1);
    act(&mut app, [Action::MoveRight, Action::MoveRight]);
    while app.cursor.lane != cxmap::model::Lane::Opportunity {
        act(&mut app, [Action::MoveDown]);
    }
    act(
        &mut app,
        [Action::LinkFrictions, Action::SelectNext, Action::ToggleLink],
    );
    snapshot_each_size("link_picker", app);
}

#[test]
fn help_moves_up_at_once_after_jumping_to_its_end() {
    let mut app = example(0);
    let (width, height) = (80, 24);
    app.resize(width, height);
    let clamp = |app: &mut App| {
        let max = ui::overlay_max_scroll(app, ratatui::layout::Rect::new(0, 0, width, height));
        app.clamp_overlay_scroll(max.unwrap());
    };
    act(&mut app, [Action::ShowHelp, Action::SelectLast]);
    clamp(&mut app);
    let at_end = screen(&mut app, width, height);
    act(&mut app, [Action::SelectPrevious]);
    clamp(&mut app);
    assert_ne!(
        screen(&mut app, width, height),
        at_end,
        "one line up shows at once"
    );
}

#[test]
fn the_link_picker_scrolls_to_keep_the_selected_point_in_view() {
    let mut app = example(1);
    while app.cursor.lane != cxmap::model::Lane::Opportunity {
        act(&mut app, [Action::MoveDown]);
    }
    act(&mut app, [Action::LinkFrictions]);
    let rows = app.links().unwrap().rows.len();
    act(&mut app, std::iter::repeat_n(Action::SelectNext, rows));
    let picker = app.links().unwrap();
    let last = &picker.rows[rows - 1];
    let map = &app.doc().unwrap().map;
    let stage = &map.stages[last.stage];
    let text = stage
        .frictions
        .iter()
        .find(|f| f.id == last.friction)
        .unwrap()
        .text
        .clone();
    let start: String = text.chars().take(20).collect();
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains(&start), "the last point is on screen:\n{shown}");
}

/// The default keymap with `u` turned into `z`, Enter into F5 and Esc into F6, in every
/// mode: what a user's key file might do.
fn rebound() -> cxmap::app::keymap::Keymap {
    use crossterm::event::{KeyCode, KeyModifiers};
    use cxmap::app::keymap::{Key, Keymap, default_bindings};
    let swap = |code: KeyCode| match code {
        KeyCode::Char('u') => KeyCode::Char('z'),
        KeyCode::Enter => KeyCode::F(5),
        KeyCode::Esc => KeyCode::F(6),
        other => other,
    };
    let bindings = default_bindings()
        .into_iter()
        .map(|mut binding| {
            if binding.key.modifiers == KeyModifiers::NONE {
                binding.key = Key {
                    code: swap(binding.key.code),
                    ..binding.key
                };
            }
            binding
        })
        .collect();
    Keymap::new(bindings)
}

#[test]
fn a_rebound_key_is_named_everywhere_the_screen_names_it() {
    let mut app = example(1);
    app.keymap = rebound();
    let mut seen = Vec::new();
    let mut look = |app: &mut App, what: &str| {
        let text = screen(app, 120, 40);
        seen.push((what.to_owned(), text));
    };
    act(&mut app, [Action::DeleteStage]);
    look(&mut app, "question");
    act(&mut app, [Action::Cancel, Action::MoveRight, Action::MoveRight]);
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 9));
    act(&mut app, [Action::EditCell]);
    look(&mut app, "friction form");
    act(
        &mut app,
        [Action::CancelEdit, Action::FirstStage, Action::EditCell],
    );
    look(&mut app, "editor");
    act(&mut app, [Action::CancelEdit, Action::ShowHelp]);
    look(&mut app, "help");
    act(&mut app, [Action::Back, Action::MoveDown, Action::DeleteItem]);
    look(&mut app, "message after a deletion");
    act(&mut app, [Action::Search]);
    act(&mut app, "delivery".chars().map(Action::Type));
    act(&mut app, [Action::Commit]);
    look(&mut app, "search");
    let mut start = start_app();
    start.keymap = rebound();
    act(&mut start, [Action::NewMap]);
    seen.push(("templates".to_owned(), screen(&mut start, 120, 40)));
    for (what, text) in &seen {
        for stale in [
            "u undoes",
            "Enter keeps",
            "Esc cancels",
            "Esc keep",
            "Esc closes",
            "Esc goes",
            "Esc ends",
            "empty Enter",
        ] {
            assert!(!text.contains(stale), "{what} still says “{stale}”:\n{text}");
        }
    }
    let said = |what: &str, expected: &str| {
        let (_, text) = seen.iter().find(|(w, _)| w == what).unwrap();
        assert!(text.contains(expected), "{what} should say “{expected}”:\n{text}");
    };
    said("question", "z undoes");
    said("question", "F6 keep it");
    said("friction form", "F5 keeps · F6 cancels");
    said("editor", "F5 keeps · F6 cancels");
    said("help", "F6 closes");
    said("help", "until an empty F5)");
    said("message after a deletion", "z undoes");
    said("search", "n next · N back · F6 ends the search");
    said("templates", "(F5), F6 goes back");
}

/// Down from the goal of the online store's purchase stage to its first friction point.
fn purchase_friction() -> App {
    let mut app = example(1);
    act(&mut app, [Action::MoveRight, Action::MoveRight]);
    act(&mut app, std::iter::repeat_n(Action::MoveDown, 7));
    app
}

/// Present mode on the online store's purchase stage, its selection on the first
/// friction point: every lane, full text, the rest of the stage under a "more" line.
#[test]
fn present_mode_one_stage() {
    let mut app = purchase_friction();
    act(&mut app, [Action::Present]);
    snapshot_each_size("present_stage", app);
}

/// The purchase stage turned to its second page at 80×24 (the whole stage fits at 200×50).
#[test]
fn present_mode_one_stage_second_page() {
    let mut app = example(1);
    app.resize(80, 24);
    act(
        &mut app,
        [
            Action::MoveRight,
            Action::MoveRight,
            Action::Present,
            Action::PresentNext,
        ],
    );
    insta::assert_snapshot!("present_stage_turned_80x24", screen(&mut app, 80, 24));
}

/// Present mode showing the friction lane across every stage, from the selected point.
#[test]
fn present_mode_one_lane() {
    let mut app = purchase_friction();
    act(&mut app, [Action::Present, Action::PresentSwitch]);
    snapshot_each_size("present_lane", app);
}

#[test]
fn the_editors_hints_are_whole_or_left_out() {
    let mut app = example(1);
    // The customer goal is several lines, so its editor has the most hints.
    act(&mut app, [Action::EditCell]);
    let narrow = screen(&mut app, 80, 24);
    let hints = narrow.lines().find(|l| l.contains("keeps ·")).unwrap();
    assert!(
        hints.contains("│Enter keeps · Esc cancels · Alt-Enter or Ctrl-J: new line  "),
        "{hints}"
    );
    assert!(!hints.contains("your edito"), "no hint cut in half: {hints}");
    let wide = screen(&mut app, 200, 50);
    let hints = wide.lines().find(|l| l.contains("keeps ·")).unwrap();
    assert!(hints.contains("new line · Ctrl-G: your editor "), "{hints}");
}

/// The status bar's last line at 80×24, with its message: the room reads it whole.
fn status_line_at_80(app: &mut App) -> String {
    let text = screen(app, 80, 24);
    text.lines().last().unwrap().to_owned()
}

#[test]
fn workshop_messages_fit_the_status_bar_at_80_columns() {
    let mut app = example(1);
    app.resize(80, 24);
    while app.cursor.lane != cxmap::model::Lane::Friction {
        act(&mut app, [Action::MoveDown]);
    }
    act(&mut app, [Action::AddItem]);
    act(
        &mut app,
        "Queue of nine at the till !3 #till @Ana"
            .chars()
            .map(Action::Type),
    );
    act(&mut app, [Action::Commit]);
    let line = status_line_at_80(&mut app);
    assert!(
        line.contains("Added (severity 3, new channel “Till”, @Ana)"),
        "{line}"
    );
    act(
        &mut app,
        [Action::CancelEdit, Action::ShowBoard, Action::VotingRound],
    );
    act(&mut app, "Ana, Ben, Cy".chars().map(Action::Type));
    act(&mut app, [Action::Commit]);
    let line = status_line_at_80(&mut app);
    assert!(
        line.contains("Round on: v casts for Ana, ] next person, R ends"),
        "{line}"
    );
    act(
        &mut app,
        [
            Action::Vote,
            Action::Vote,
            Action::Vote,
            Action::PreviousParticipant,
            Action::Vote,
        ],
    );
    let line = status_line_at_80(&mut app);
    assert!(line.contains("Ana has cast all 3 votes: ] next person"), "{line}");
    act(&mut app, [Action::Undo]);
    let line = status_line_at_80(&mut app);
    assert!(line.contains("Undid Ana's vote on “"), "{line}");
    assert!(line.contains("”: 1 left"), "{line}");
}

#[test]
fn the_detail_pane_shows_the_coach_above_a_long_text_at_80x24() {
    let mut map = EXAMPLES[1].map().unwrap();
    map.stages[0].frictions[0].text = "We should add the R500 minimum to the search ad, so that \
        shoppers know before they click that free delivery has a threshold, and show it again \
        on the product page and in the cart, where it matters most"
        .to_owned();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.folder = cxmap::app::folder::FolderListing::holding(&[]);
    let mut shown = screen(&mut app, 80, 24);
    for _ in 0..12 {
        if shown.contains("Friction 1/") {
            break;
        }
        act(&mut app, [Action::MoveDown]);
        shown = screen(&mut app, 80, 24);
    }
    assert!(shown.contains("Friction 1/"), "{shown}");
    assert!(shown.contains("⚠ reads like a solution"), "{shown}");
}

#[test]
fn the_board_on_a_projector_at_120_columns_names_stages_whole_and_shows_owners() {
    let mut app = example(1);
    act(&mut app, [Action::ShowBoard]);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("4 Delivery & Onboarding"), "{text}");
    let header = text.lines().find(|l| l.contains("Sev·Votes")).unwrap();
    assert!(header.contains("Owner") && header.contains("Channel"), "{header}");
}

#[test]
fn the_round_form_says_what_people_takes_while_there_is_room() {
    let mut app = example(0);
    act(&mut app, [Action::ShowBoard, Action::VotingRound]);
    let people_line = |app: &mut App| {
        screen(app, 80, 24)
            .lines()
            .find(|line| line.contains("People"))
            .unwrap()
            .to_owned()
    };
    assert!(
        people_line(&mut app).contains("3  names (Ana, Ben, Cy) or how many"),
        "{}",
        people_line(&mut app)
    );
    let names = "Ana, Ben, Cy, Dee, Eve, Fay, Gus, Hal, Ida, Jo";
    act(&mut app, names.chars().map(Action::Type));
    let line = people_line(&mut app);
    assert!(line.contains(names) && !line.contains("how many"), "{line}");
}

#[test]
fn a_round_result_wraps_each_point_under_its_own_text() {
    let mut app = example(1);
    while app.cursor.lane != cxmap::model::Lane::Friction {
        act(&mut app, [Action::MoveDown]);
    }
    act(&mut app, [Action::VotingRound]);
    act(&mut app, "Ana".chars().map(Action::Type));
    act(&mut app, [Action::Commit, Action::Vote, Action::VotingRound]);
    let text = screen(&mut app, 80, 24);
    let first = text
        .lines()
        .position(|l| l.contains("1  ●1"))
        .unwrap_or_else(|| panic!("{text}"));
    let (ranked, next) = (
        text.lines().nth(first).unwrap(),
        text.lines().nth(first + 1).unwrap(),
    );
    let column = |line: &str, what: &str| line.find(what).map(|at| line[..at].chars().count());
    let text_starts = column(ranked, "●1").unwrap() + "●1   ".chars().count();
    let wrapped_starts = next
        .chars()
        .position(|c| c.is_alphanumeric() || c == '(')
        .unwrap();
    assert_eq!(wrapped_starts, text_starts, "{ranked}\n{next}");
}
