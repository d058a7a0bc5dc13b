//! The JSON Schema of format 1 (docs/cxmap.schema.json): `cxmap schema` prints it, every
//! bundled map, template, fixture and golden export's map passes it, and it refuses
//! exactly what cxmap refuses, value for value.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod json_schema;

use std::path::{Path, PathBuf};

use cxmap::format;
use cxmap::model::IdGen;
use proptest::prelude::*;
use serde_json::{Value, json};

const SCHEMA_FILE: &str = include_str!("../docs/cxmap.schema.json");
const CANONICAL: &str = include_str!("fixtures/canonical.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA_FILE).unwrap()
}

fn problems(document: &Value) -> Vec<String> {
    json_schema::validate(&schema(), document)
}

fn files(folder: &str, extension: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

#[test]
fn the_command_prints_the_copy_in_docs() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), SCHEMA_FILE);
}

#[test]
fn every_bundled_map_and_golden_file_passes_the_schema() {
    let mut checked = Vec::new();
    let mut check = |name: String, document: Value| {
        let found = problems(&document);
        assert!(found.is_empty(), "{name}: {found:#?}");
        checked.push(name);
    };
    for folder in [
        "assets/examples",
        "assets/templates",
        "tests/fixtures",
        "tests/golden",
    ] {
        for path in files(folder, "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            check(path.display().to_string(), serde_json::from_str(&text).unwrap());
        }
    }
    // The golden CSV exports are whole maps: read back, they must pass as well.
    for path in files("tests/golden", "csv") {
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = cxmap::import::import(&text, "golden", None, false, &mut IdGen::seeded(1)).unwrap();
        let encoded = format::encode(&imported.map);
        check(
            path.display().to_string(),
            serde_json::from_slice(&encoded).unwrap(),
        );
    }
    for template in cxmap::assets::TEMPLATES {
        let map = template.instantiate("New map", &mut IdGen::seeded(3)).unwrap();
        check(
            format!("new map from {}", template.name),
            serde_json::from_slice(&format::encode(&map)).unwrap(),
        );
    }
    let generated = cxmap::generate::map(&cxmap::generate::Spec::sized(7));
    check(
        "generated map".to_owned(),
        serde_json::from_slice(&format::encode(&generated)).unwrap(),
    );
    // 2 examples, 4 templates, the fixture, 2 golden CSVs, 4 new maps and a generated one.
    assert!(
        checked.len() >= 14,
        "only {} files checked: {checked:?}",
        checked.len()
    );
}

#[test]
fn the_schema_refuses_what_cxmap_refuses() {
    let canonical: Value = serde_json::from_str(CANONICAL).unwrap();
    let cases: [(&str, Value); 13] = [
        ("/cxmap", json!(2)),
        ("/title", Value::Null),
        ("/stages", Value::Null),
        ("/shadow/notes/0/stage", Value::Null),
        ("/stages/0/emotion/score", json!(3)),
        ("/stages/0/frictions/0/severity", json!(0)),
        ("/stages/0/frictions/0/votes", json!(-1)),
        ("/stages/0/frictions/0/status", json!("closed")),
        ("/stages/0/frictions/0/text", json!(5)),
        ("/stages/0/metrics/csat", json!(101)),
        ("/stages/0/metrics/ces", json!(0.5)),
        ("/shadow/notes/0/evidence", json!("photo.jpg")),
        ("/stages/1", json!("Order ahead")),
    ];
    for (pointer, value) in cases {
        let mut document = canonical.clone();
        *document.pointer_mut(pointer).unwrap() = value.clone();
        assert!(
            !problems(&document).is_empty(),
            "the schema accepts {pointer} = {value}"
        );
        assert!(
            format::parse(&document.to_string()).is_err(),
            "cxmap accepts {pointer} = {value}"
        );
    }
    let mut unversioned = canonical.clone();
    unversioned.as_object_mut().unwrap().remove("cxmap");
    assert_eq!(problems(&unversioned), [": \"cxmap\" is missing"]);
}

#[test]
fn the_schema_accepts_what_cxmap_reads() {
    let lean = json!({"cxmap": 1, "stages": [{"name": "Discover", "emotion": {"score": null},
        "frictions": [{"text": "x", "x-jira": "CX-1"}], "metrics": null}],
        "shadow": {"notes": []}, "x-tool": {"anything": [1, 2]}});
    assert_eq!(problems(&lean), Vec::<String>::new());
    assert!(format::parse(&lean.to_string()).is_ok());
    let conflicted = json!({"cxmap": 1, "stages": [{"id": "st-a", "name": "A",
        "conflicts": {"name": {"base": "A", "ours": "A", "theirs": "B"}}}]});
    assert_eq!(problems(&conflicted), Vec::<String>::new());
    let broken_conflict = json!({"cxmap": 1, "conflicts": {"title": "ours"}});
    assert_eq!(
        problems(&broken_conflict),
        ["/conflicts/title: expected object, found \"ours\""]
    );
}

/// Every place in a JSON document: pointers to each value below the root.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                let here = format!("{at}/{key}");
                out.push(here.clone());
                pointers(child, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let here = format!("{at}/{i}");
                out.push(here.clone());
                pointers(child, &here, out);
            }
        }
        _ => {}
    }
}

/// Values to put anywhere. No text with spaces, no existing id and no whole number
/// written with a decimal point: those are the rules a schema cannot state (spaces in
/// ids, unique ids) or states differently (JSON Schema counts 2.0 as an integer).
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..=8).prop_map(Value::from),
        prop_oneof![Just(100i64), Just(101), Just(-101), Just(4_294_967_296)].prop_map(Value::from),
        prop_oneof![Just(2.5f64), Just(-0.5)].prop_map(Value::from),
        prop_oneof![Just(""), Just("x"), Just("open"), Just("wont-fix")].prop_map(Value::from),
        Just(json!([])),
        Just(json!(["x"])),
        Just(json!([1])),
        Just(json!({})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any one value of a valid map replaced by any other: the schema and cxmap agree on
    /// whether the file is still a map.
    #[test]
    fn the_schema_and_cxmap_agree_value_for_value(place in any::<prop::sample::Index>(), value in any_value()) {
        let mut document: Value = serde_json::from_str(CANONICAL).unwrap();
        let mut all = Vec::new();
        pointers(&document, "", &mut all);
        let pointer = place.get(&all).clone();
        *document.pointer_mut(&pointer).unwrap() = value.clone();
        let schema_says = problems(&document);
        let cxmap_says = format::parse(&document.to_string()).map(|_| ()).map_err(|d| d[0].message.clone());
        prop_assert_eq!(schema_says.is_empty(), cxmap_says.is_ok(), "{} = {}: schema {:?}, cxmap {:?}", pointer, value, schema_says, cxmap_says);
    }
}

#[test]
fn a_map_with_merge_conflicts_passes_the_schema() {
    let base = format::parse(CANONICAL).unwrap().map;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.stages[0].name = "Find".into();
    theirs.stages[0].name = "Search".into();
    ours.stages[0].frictions[0].text = "Menu as PDF".into();
    theirs.stages[0].frictions.clear();
    let merged = cxmap::model::merge::merge(&base, &ours, &theirs);
    assert_eq!(cxmap::model::conflict::all(&merged).len(), 2);
    let document: Value = serde_json::from_slice(&format::encode(&merged)).unwrap();
    assert_eq!(problems(&document), Vec::<String>::new());
}
