//! Inputs big enough that work growing with the square of their size would take minutes
//! (issue 11's stalls): each test checks that the result is right and times nothing; a
//! quadratic step makes it hang instead of pass.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::fmt::Write;

use cxmap::format::{self, Level};
use cxmap::import::{SheetKind, import};
use cxmap::model::IdGen;
use cxmap::store;

/// 50,000 items without ids (allowed in hand-edited files) each get a fresh, unique id
/// when the map is opened.
#[test]
fn opening_fifty_thousand_items_without_ids_gives_each_a_fresh_id() {
    let mut text = String::from(r#"{"cxmap": 1, "stages": [{"name": "A", "frictions": ["#);
    for i in 0..10_000 {
        let _ = write!(text, r#"{}{{"text": "f{i}"}}"#, if i > 0 { "," } else { "" });
    }
    text.push_str(r#"]}], "shadow": {"notes": ["#);
    for i in 0..40_000 {
        let _ = write!(text, r#"{}{{"text": "n{i}"}}"#, if i > 0 { "," } else { "" });
    }
    text.push_str("]}}");
    let loaded =
        store::parse_loaded("hand-made.json".as_ref(), text.as_bytes(), &mut IdGen::seeded(1)).unwrap();
    let map = loaded.map;
    assert_eq!(loaded.warnings.len(), 50_001, "one 'has no id' warning per item");
    assert!(map.stages[0].id.as_str().starts_with("st-"));
    assert!(
        map.stages[0]
            .frictions
            .iter()
            .all(|f| f.id.as_str().starts_with("fr-"))
    );
    assert!(map.shadow.notes.iter().all(|n| n.id.as_str().starts_with("sh-")));
    let ids: HashSet<&str> = map.ids().collect();
    assert_eq!(ids.len(), 50_001, "every id is unique");
}

/// `cxmap check` of 100,000 stages on one line places each warning at its own column.
#[test]
fn checking_a_hundred_thousand_stages_on_one_line_places_every_warning() {
    let mut text = String::from(r#"{"cxmap": 1, "stages": ["#);
    let mut columns = Vec::new();
    // Characters before the end of `text`, counted as it grows: each "å" is one
    // character of two bytes.
    let mut chars = text.len();
    for i in 0..100_000 {
        let start = text.len();
        if i > 0 {
            text.push(',');
        }
        let _ = write!(text, r#"{{"id": "st-{i}", "name": "Ståge {i}", "emotion": {{"#);
        chars += text[start..].chars().count();
        // The emotion object has no score: the warning sits at the object.
        columns.push(chars);
        text.push_str("}}");
        chars += 2;
    }
    text.push_str("]}");
    let checked = format::parse_for_check(text.as_bytes()).unwrap();
    let warnings = format::review(&checked, |_| false);
    let missing_score: Vec<_> = warnings
        .iter()
        .filter(|d| d.message.contains("no emotion score"))
        .collect();
    assert_eq!(missing_score.len(), 100_000);
    assert!(
        missing_score
            .iter()
            .all(|d| d.line == 1 && d.level == Level::Warning)
    );
    let placed: Vec<usize> = missing_score.iter().map(|d| d.column).collect();
    assert_eq!(placed, columns);
}

/// A grid with 40,000 stage columns, and one with 40,000 friction points in one cell.
#[test]
fn importing_forty_thousand_columns_or_cells_keeps_every_one() {
    let mut header = String::new();
    let mut frictions = String::from("Friction");
    for i in 0..40_000 {
        let _ = write!(header, ",Stage {i}");
        let _ = write!(frictions, ",f{i}");
    }
    let sheet = format!("{header}\r\n{frictions}\r\n");
    let imported = import(&sheet, "wide", None, false, &mut IdGen::seeded(1)).unwrap();
    assert_eq!(imported.kind, SheetKind::Grid);
    assert_eq!(imported.map.stages.len(), 40_000);
    assert_eq!(imported.map.stages[39_999].name, "Stage 39999");
    assert_eq!(imported.map.stages[39_999].frictions[0].text, "f39999");
    let ids: HashSet<&str> = imported.map.ids().collect();
    assert_eq!(ids.len(), 80_000);

    let cell: Vec<String> = (0..40_000).map(|i| format!("f{i}")).collect();
    let sheet = format!(",Stage A\r\nFriction,\"{}\"\r\n", cell.join("\n"));
    let imported = import(&sheet, "tall", None, false, &mut IdGen::seeded(1)).unwrap();
    let texts: Vec<&str> = imported.map.stages[0]
        .frictions
        .iter()
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(texts, cell);
    assert_eq!(imported.map.ids().collect::<HashSet<_>>().len(), 40_001);
}

/// cxmap's own CSV with 40,000 stages, each named by a row of its own.
#[test]
fn importing_forty_thousand_stage_rows_of_cxmaps_own_csv() {
    let mut sheet = String::from("stage,stage id,lane,id,text\r\n");
    for i in 0..40_000 {
        let _ = write!(sheet, "S{i},,stage,,\r\nS{i},,friction,,f{i}\r\n");
    }
    let imported = import(&sheet, "rows", None, false, &mut IdGen::seeded(1)).unwrap();
    assert_eq!(imported.kind, SheetKind::Rows);
    assert_eq!(imported.map.stages.len(), 40_000);
    assert!(imported.map.stages.iter().all(|s| s.frictions.len() == 1));
    assert_eq!(imported.map.ids().collect::<HashSet<_>>().len(), 80_000);
}
