//! Themes and colour: each theme's screen with its styles (insta snapshots), and with
//! colours off (`NO_COLOR`, `--color never`) the selection, search hits and focus still
//! marked, in the TestBackend's buffer and in the real binary's bytes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::look::{Look, ThemeName};
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::IdGen;
use cxmap::ui;
use portable_pty::CommandBuilder;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::{Sandbox, keys};

/// The online store with a search for "delivery" on, the selection moved to its second
/// hit, so the screen holds a selection, hits that are not selected, severities and votes.
fn searched_store(look: Look) -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(
        Document::opened(map, "online-store.json".into()),
        IdGen::seeded(1),
    );
    app.time_zone = jiff::tz::TimeZone::UTC;
    app.look = look;
    let typed = "delivery".chars().map(Action::Type);
    for action in [Action::Search]
        .into_iter()
        .chain(typed)
        .chain([Action::Commit, Action::NextHit])
    {
        update(&mut app, action);
    }
    app
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The text of the body's cells (not the title and status bars) that carry `modifier`.
fn marked(buffer: &Buffer, modifier: Modifier) -> String {
    let area = buffer.area;
    (area.top() + 1..area.bottom() - 1)
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&position| buffer[position].modifier.contains(modifier))
        .map(|position| buffer[position].symbol())
        .collect()
}

#[test]
fn each_theme_draws_the_searched_grid_in_its_own_styles() {
    for name in ThemeName::ALL {
        let mut app = searched_store(Look {
            theme: name,
            colour: true,
        });
        insta::assert_debug_snapshot!(format!("theme_{name}_80x24"), draw(&mut app, 80, 24));
    }
}

/// The screen without colour, as `NO_COLOR` draws it: the snapshot keeps each cell's
/// modifiers, so a mark that rode on colour alone would show as a plain cell here.
#[test]
fn without_colour_the_screen_keeps_its_marks() {
    let mut app = searched_store(Look {
        theme: ThemeName::default(),
        colour: false,
    });
    insta::assert_debug_snapshot!("no_color_80x24", draw(&mut app, 80, 24));
}

#[test]
fn without_colour_the_selection_hits_and_focus_are_still_marked() {
    for name in ThemeName::ALL {
        let mut app = searched_store(Look {
            theme: name,
            colour: false,
        });
        let buffer = draw(&mut app, 200, 50);
        let coloured: Vec<_> = buffer
            .content
            .iter()
            .filter(|cell| {
                (cell.fg, cell.bg, cell.underline_color) != (Color::Reset, Color::Reset, Color::Reset)
            })
            .collect();
        assert!(
            coloured.is_empty(),
            "{name}: a colour was drawn: {:?}",
            coloured.first()
        );
        let selected = marked(&buffer, Modifier::REVERSED);
        assert!(selected.contains("delivery"), "{name}: selection: {selected:?}");
        let hits = marked(&buffer, Modifier::UNDERLINED).to_lowercase();
        assert!(hits.matches("deliver").count() >= 2, "{name}: hits: {hits:?}");
        assert!(
            buffer.content.iter().any(|cell| cell.symbol() == "┃"),
            "{name}: the selected cell's thick edge"
        );

        update(&mut app, Action::ToggleNotes);
        let buffer = draw(&mut app, 200, 50);
        let corners: String = buffer
            .content
            .iter()
            .map(|cell| cell.symbol())
            .filter(|s| *s == "┏")
            .collect();
        assert_eq!(corners, "┏", "{name}: the focused notes pane has a thick border");
        update(&mut app, Action::FocusNotes);
        let buffer = draw(&mut app, 200, 50);
        assert!(
            !buffer.content.iter().any(|cell| cell.symbol() == "┏"),
            "{name}: without the focus the pane's border is thin"
        );
    }
}

fn spawn_store(sandbox: &Sandbox, env: &[(&str, &str)], args: &[&str]) -> support::Tui {
    let map = sandbox.example("online-store");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
    command.arg(&map);
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let mut tui = sandbox.spawn_command(command, 120, 40);
    tui.wait_for("Awareness");
    tui.send("/");
    tui.type_text("delivery");
    tui.send(keys::ENTER);
    tui.wait_for("/delivery hit");
    tui
}

/// The parameters of every "select graphic rendition" (`ESC [ … m`) in `bytes`.
fn select_graphic_renditions(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = bytes;
    while let Some(start) = rest.windows(2).position(|pair| pair == b"\x1b[") {
        rest = &rest[start + 2..];
        let Some(end) = rest.iter().position(|b| (0x40..=0x7e).contains(b)) else {
            break;
        };
        if rest[end] == b'm' {
            found.push(String::from_utf8_lossy(&rest[..end]).into_owned());
        }
        rest = &rest[end + 1..];
    }
    found
}

/// Whether SGR parameters set a foreground, background or underline colour (resets to
/// the default colours, 39, 49 and 59, do not count).
fn sets_a_colour(params: &str) -> bool {
    params.split(';').any(|param| {
        matches!(
            param.parse::<u16>(),
            Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
        )
    })
}

/// Replays the program's bytes into a terminal of the same size.
fn replay(bytes: &[u8]) -> vt100::Parser {
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(40), size(120), 0);
    parser.process(bytes);
    parser
}

fn cells_where(parser: &vt100::Parser, wanted: impl Fn(&vt100::Cell) -> bool) -> String {
    let screen = parser.screen();
    (1..39)
        .flat_map(|row| (0..120).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .filter(|cell| wanted(cell))
        .map(vt100::Cell::contents)
        .collect()
}

#[test]
fn no_color_sends_no_colour_codes_and_no_reset_that_wipes_the_selection() {
    let sandbox = Sandbox::new();
    let mut tui = spawn_store(&sandbox, &[("NO_COLOR", "1")], &[]);
    let bytes = tui.raw_output();
    let sgr = select_graphic_renditions(&bytes);
    assert!(!sgr.is_empty(), "the program drew no styles at all");
    assert!(
        !sgr.iter().any(|params| params == ";"),
        "an empty colour code (ESC[;m, a reset) was sent"
    );
    let colours: Vec<&String> = sgr.iter().filter(|params| sets_a_colour(params)).collect();
    assert!(
        colours.is_empty(),
        "colours were sent under NO_COLOR: {colours:?}"
    );
    let screen = replay(&bytes);
    let selected = cells_where(&screen, vt100::Cell::inverse);
    assert!(
        selected.to_lowercase().contains("deliver"),
        "selection: {selected:?}"
    );
    let hits = cells_where(&screen, vt100::Cell::underline).to_lowercase();
    assert!(hits.contains("deliver"), "hits: {hits:?}");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn color_always_draws_colours_even_under_no_color() {
    let sandbox = Sandbox::new();
    let mut tui = spawn_store(
        &sandbox,
        &[("NO_COLOR", "1")],
        &["--color", "always", "--theme", "light"],
    );
    let sgr = select_graphic_renditions(&tui.raw_output());
    assert!(
        sgr.iter().any(|params| sets_a_colour(params)),
        "no colour was drawn"
    );
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn an_unknown_theme_is_refused_with_the_list() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["--theme", "solarized"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("solarized"), "{stderr}");
    assert!(
        stderr.contains("dark, light, high-contrast, monochrome"),
        "{stderr}"
    );
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for name in ThemeName::ALL {
        assert!(
            help.contains(&format!("- {name}:")),
            "--help lists {name}: {help}"
        );
    }
}

#[test]
fn the_theme_in_settings_is_used_and_an_unknown_one_is_reported_on_screen() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path("config")).unwrap();
    let settings = sandbox.path("config").join("settings.json");
    std::fs::write(&settings, r#"{"theme": "blue"}"#).unwrap();
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 120, 40);
    tui.wait_for("settings.json: no theme called \"blue\", so dark is used; choose dark, light,");
    tui.send("q");
    assert!(tui.wait_exit());

    std::fs::write(&settings, r#"{"theme": "monochrome"}"#).unwrap();
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 120, 40);
    tui.wait_for("Check it");
    let sgr = select_graphic_renditions(&tui.raw_output());
    assert!(
        !sgr.iter().any(|params| sets_a_colour(params)),
        "monochrome draws no colour"
    );
    tui.send("q");
    assert!(tui.wait_exit());
}
