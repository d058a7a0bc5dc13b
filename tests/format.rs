//! The file-format contract: canonical round trips, unknown fields kept in place,
//! one-line diffs, and every refusal placed at a line and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::format::{self, Diagnostic, Level};
use cxmap::model::{Edit, StageText};

const CANONICAL: &str = include_str!("fixtures/canonical.json");

fn errors(text: &str) -> Vec<Diagnostic> {
    match format::parse(text) {
        Ok(_) => panic!("expected the file to be refused"),
        Err(diagnostics) => diagnostics,
    }
}

fn only_error(text: &str) -> Diagnostic {
    let all = errors(text);
    let errors: Vec<_> = all.into_iter().filter(|d| d.level == Level::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn canonical_file_round_trips_byte_for_byte() {
    let parsed = format::parse(CANONICAL).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(String::from_utf8(format::encode(&parsed.map)).unwrap(), CANONICAL);
}

#[test]
fn a_one_cell_edit_is_a_one_line_diff() {
    let mut map = format::parse(CANONICAL).unwrap().map;
    Edit::SetStageText {
        stage: 0,
        field: StageText::Goal,
        text: "Find coffee\nbefore church".into(),
    }
    .apply(&mut map)
    .unwrap();
    let saved = String::from_utf8(format::encode(&map)).unwrap();
    let changed: Vec<(&str, &str)> = CANONICAL
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(CANONICAL.lines().count(), saved.lines().count());
    assert_eq!(
        changed,
        [(
            r#"      "goal": "Find a coffee shop open on Sunday morning near me","#,
            r#"      "goal": "Find coffee\nbefore church","#
        )]
    );
}

#[test]
fn unknown_fields_survive_in_place() {
    let text = CANONICAL
        .replacen(
            "  \"title\": \"Sunday coffee - regulars\",\n",
            "  \"title\": \"Sunday coffee - regulars\",\n  \"workshop\": {\n    \"room\": \"B2\"\n  },\n",
            1,
        )
        .replacen(
            "          \"votes\": 2,\n",
            "          \"votes\": 2,\n          \"x-jira\": \"CX-12\",\n",
            1,
        )
        .replacen(
            "{\n  \"cxmap\": 1,",
            "{\n  \"generator\": \"other-tool\",\n  \"cxmap\": 1,",
            1,
        );
    let parsed = format::parse(&text).unwrap();
    assert_eq!(String::from_utf8(format::encode(&parsed.map)).unwrap(), text);
}

/// Adds `"x-NAME": {…}` as the last key of `object`.
fn add_unknown(object: &mut serde_json::Value, name: &str) {
    let unknown = serde_json::json!({ "kept": name, "nested": [1, { "deep": [true, null] }] });
    object
        .as_object_mut()
        .unwrap()
        .insert(format!("x-{name}"), unknown);
}

/// The first element of `list` (an array in `parent`) that has `key`, or the first one.
fn first_with<'a>(parent: &'a mut serde_json::Value, list: &str, key: &str) -> &'a mut serde_json::Value {
    let items = parent[list].as_array_mut().unwrap();
    let at = items.iter().position(|item| item.get(key).is_some()).unwrap_or(0);
    &mut items[at]
}

#[test]
fn unknown_fields_are_kept_in_place_at_every_level() {
    let example = cxmap::assets::EXAMPLES[0].text;
    let mut value: serde_json::Value = serde_json::from_str(example).unwrap();
    add_unknown(&mut value, "map");
    {
        let stage = first_with(&mut value, "stages", "metrics");
        add_unknown(&mut stage["emotion"], "emotion");
        add_unknown(&mut stage["metrics"], "metrics");
        add_unknown(first_with(stage, "frictions", "id"), "friction");
        add_unknown(first_with(stage, "opportunities", "id"), "opportunity");
        add_unknown(stage, "stage");
    }
    {
        let shadow = &mut value["shadow"];
        add_unknown(first_with(shadow, "notes", "id"), "note");
        add_unknown(first_with(shadow, "plan", "stage"), "plan");
        add_unknown(shadow, "shadow");
    }
    // One more in the middle of the map's keys: it stays after the key it followed.
    let mut with_middle = serde_json::Map::new();
    for (key, field) in value.as_object().unwrap() {
        with_middle.insert(key.clone(), field.clone());
        if key == "title" {
            with_middle.insert("x-after-title".to_owned(), serde_json::json!("here"));
        }
    }
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(with_middle)).unwrap();
    let saved = format::encode(&format::parse(&text).unwrap().map);
    let again: serde_json::Value = serde_json::from_slice(&saved).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_string(&again).unwrap(),
        serde_json::to_string(&original).unwrap(),
        "every unknown field, at every level, is written back where it was"
    );
    let saved = String::from_utf8(saved).unwrap();
    for level in [
        "map",
        "stage",
        "emotion",
        "metrics",
        "friction",
        "opportunity",
        "shadow",
        "note",
        "plan",
    ] {
        assert!(saved.contains(&format!("\"x-{level}\"")), "{level} kept");
    }
}

#[test]
fn known_keys_are_rewritten_in_contract_order() {
    let text = r#"{"title": "T", "cxmap": 1, "stages": [{"name": "A", "id": "st-aaaa"}]}"#;
    let parsed = format::parse(text).unwrap();
    let saved = String::from_utf8(format::encode(&parsed.map)).unwrap();
    let keys: Vec<&str> = saved
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert_eq!(
        &keys[..8],
        [
            "cxmap",
            "title",
            "persona",
            "stages",
            "id",
            "name",
            "goal",
            "touchpoints"
        ]
    );
    assert!(saved.ends_with("}\n") && !saved.ends_with("\n\n"));
}

#[test]
fn missing_optional_fields_read_as_empty() {
    let parsed =
        format::parse(r#"{"cxmap": 1, "stages": [{"id": "st-a1b2", "frictions": [{"id": "fr-c3d4"}]}]}"#)
            .unwrap();
    let friction = &parsed.map.stages[0].frictions[0];
    assert_eq!(friction.votes, 0);
    assert_eq!(friction.status, cxmap::model::Status::Open);
    assert_eq!(friction.severity, cxmap::model::Severity::Major);
    assert!(parsed.map.stages[0].emotion.score.is_none());
}

#[test]
fn a_newer_format_is_refused_with_its_version() {
    let error = only_error("{\n  \"cxmap\": 2,\n  \"stages\": \"whatever a newer cxmap writes\"\n}");
    assert_eq!((error.line, error.column), (2, 12));
    assert!(
        error.message.contains("format 2, newer than this cxmap reads"),
        "{}",
        error.message
    );
}

#[test]
fn a_score_outside_the_scale_is_refused_where_it_is() {
    let text = CANONICAL.replace("\"score\": -1", "\"score\": -3");
    let error = only_error(&text);
    assert_eq!((error.line, error.column), (15, 18));
    assert!(
        error.message.contains("from -2 to 2; found -3"),
        "{}",
        error.message
    );
}

#[test]
fn metrics_outside_their_scales_are_refused_each_where_it_is() {
    let text = CANONICAL
        .replace("\"csat\": 78.0", "\"csat\": 120.0")
        .replace("\"ces\": 3.4", "\"ces\": 0");
    let all = errors(&text);
    let messages: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(&"CSAT must be a number from 0 to 100; found 120"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"CES must be a number from 1 to 7; found 0"),
        "{messages:?}"
    );
    let nps = CANONICAL.replace("\"nps\": -12.0", "\"nps\": -150.0");
    assert!(
        only_error(&nps)
            .message
            .starts_with("NPS must be a number from -100 to 100")
    );
}

#[test]
fn duplicate_ids_are_refused_at_the_second_one() {
    let text = CANONICAL.replace("\"id\": \"op-1f0e\"", "\"id\": \"fr-8c2a\"");
    let error = only_error(&text);
    assert_eq!(error.line, 34);
    assert!(
        error.message.contains("\"fr-8c2a\" is used twice"),
        "{}",
        error.message
    );
}

#[test]
fn wrong_types_are_all_reported() {
    let text = CANONICAL
        .replace("\"votes\": 2", "\"votes\": \"two\"")
        .replace("\"severity\": 3", "\"severity\": 4")
        .replace("\"status\": \"open\"", "\"status\": \"closed\"")
        .replace("\"Maps app\"", "7");
    let all = errors(&text);
    let messages: Vec<String> = all
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(all.len(), 4, "{messages:#?}");
    assert!(
        messages[0].starts_with("12:9 expected text, found a number"),
        "{messages:#?}"
    );
    assert!(messages[1].starts_with("22:23 severity must be 1 (minor), 2 (major) or 3 (severe); found 4"));
    assert!(messages[2].starts_with("24:20 votes must be a whole number, 0 or more; found the text \"two\""));
    assert!(
        messages[3].starts_with("26:21 status must be one of"),
        "{messages:#?}"
    );
}

#[test]
fn syntax_errors_name_line_and_character_column() {
    let error = only_error("{\n  \"cxmap\": 1,\n  \"title\": \"Café\" \"persona\": \"x\"\n}");
    assert_eq!(error.line, 3);
    assert_eq!(error.column, 19);
    assert!(error.message.contains("is a comma missing?"), "{}", error.message);
}

#[test]
fn hand_edit_slips_are_said_in_words_not_the_parser_s() {
    let cases = [
        ("not json at all", 1, 2, "true, false or null"),
        ("{\"cxmap\": 1, \"title\": nope}", 1, 24, "lower case"),
        ("{\"cxmap\": 1, title: \"x\"}", 1, 14, "\"double quotes\""),
        ("{\"cxmap\": 1, \"title\": \"x\"}\n}", 2, 1, "nothing after it"),
        (
            "{\"cxmap\": 1, \"title\": \"C:\\maps\"}",
            1,
            27,
            "write a backslash",
        ),
    ];
    for (text, line, column, expected) in cases {
        let error = only_error(text);
        assert!(error.message.contains(expected), "{text}: {}", error.message);
        assert_eq!(
            (error.line, error.column),
            (line, column),
            "{text}: {}",
            error.message
        );
    }
}

#[test]
fn duplicate_keys_are_refused() {
    let error = only_error("{\"cxmap\": 1,\n\"title\": \"a\",\n\"title\": \"b\"}");
    assert_eq!(error.line, 3);
    assert!(error.message.contains("\"title\" appears twice"));
}

#[test]
fn files_that_are_not_maps_get_clear_messages() {
    let cases: [(&[u8], &str); 7] = [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b"\xEF\xBB\xBF{\"cxmap\": 1}", "byte-order mark"),
        (b"\x7FELF\x02\x01\x00\x00", "binary file"),
        (b"{\"cxmap\": 1, \"title\": \"caf\xE9\"}", "not UTF-8"),
        (b"[1, 2, 3]", "not a cxmap journey map"),
        (
            b"{\"title\": \"a map without a version\"}",
            "\"cxmap\": 1 version field is missing",
        ),
    ];
    for (bytes, expected) in cases {
        let diagnostics = format::parse_bytes(bytes).expect_err("should be refused");
        assert!(
            diagnostics[0].message.contains(expected),
            "{:?} gave {:?}",
            String::from_utf8_lossy(bytes),
            diagnostics[0].message
        );
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing() {
    let text = format!(
        "{{\"cxmap\": 1, \"x\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = only_error(&text);
    assert!(
        error.message.contains("nested more than 128 levels"),
        "{}",
        error.message
    );
}

#[test]
fn dangling_references_and_missing_ids_are_warnings() {
    let text = CANONICAL
        .replace(
            "\"stage\": \"st-3k9x\",\n        \"channel\": \"Website\"",
            "\"stage\": \"st-gone\",\n        \"channel\": \"Website\"",
        )
        .replace("\"fr-8c2a\"\n          ]", "\"fr-nope\"\n          ]")
        .replace("\"id\": \"st-q7m2\",\n", "");
    let parsed = format::parse(&text).unwrap();
    let messages: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(messages[0].contains("addresses \"fr-nope\""), "{messages:#?}");
    assert!(messages[1].contains("has no id"), "{messages:#?}");
    assert!(
        messages[2].contains("names the stage \"st-gone\""),
        "{messages:#?}"
    );
}

#[test]
fn the_example_in_the_format_docs_is_a_canonical_map() {
    let docs = include_str!("../docs/format.md");
    let start = docs.find("```json\n").expect("docs/format.md has a JSON example") + "```json\n".len();
    let end = start + docs[start..].find("```").unwrap();
    let example = &docs[start..end];
    let parsed = format::parse(example).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(String::from_utf8(format::encode(&parsed.map)).unwrap(), example);
}

#[test]
fn the_memo_facts_round_trip_and_stay_out_until_written() {
    let map = format::parse(CANONICAL).unwrap().map;
    assert_eq!(map.memo, None, "no \"memo\" object, no facts");
    let with_memo = CANONICAL
        .trim_end()
        .strip_suffix('}')
        .unwrap()
        .trim_end()
        .to_owned()
        + ",\n  \"memo\": {\n    \"walked_by\": \"Ana and Ben\",\n    \"x-team\": \"CX\",\n    \"when\": \"Sunday 22 November\",\n    \"devices\": \"iPhone 13, laptop\"\n  }\n}\n";
    let parsed = format::parse(&with_memo).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let facts = parsed.map.memo.clone().unwrap();
    assert_eq!(facts.people(), ["Ana", "Ben"]);
    assert_eq!(facts.when, "Sunday 22 November");
    assert_eq!(
        String::from_utf8(format::encode(&parsed.map)).unwrap(),
        with_memo,
        "byte for byte, the unknown field in place"
    );
    let mut cleared = parsed.map;
    Edit::SetMemoFacts(None).apply(&mut cleared).unwrap();
    assert_eq!(String::from_utf8(format::encode(&cleared)).unwrap(), CANONICAL);
    let wrong = only_error(r#"{"cxmap": 1, "memo": {"walked_by": 3}}"#);
    assert!(wrong.message.contains("expected text"), "{wrong}");
    assert_eq!(only_error(r#"{"cxmap": 1, "memo": []}"#).line, 1);
}

#[test]
fn null_is_a_wrong_type_for_text_and_lists_but_reads_as_absent_where_a_field_is_optional() {
    for (field, expected) in [
        ("\"title\": null", "expected text, found null"),
        ("\"stages\": null", "expected a list of stages, found null"),
        ("\"persona\": null", "expected text, found null"),
        (
            "\"shadow\": null",
            "expected the shadow part (an object), found null",
        ),
    ] {
        let error = only_error(&format!("{{\"cxmap\": 1, {field}}}"));
        assert_eq!(error.message, expected, "{field}");
        assert_eq!(
            (error.line, error.column),
            (1, 14 + field.find(':').unwrap() + 2),
            "{field}"
        );
    }
    let optional = r#"{"cxmap": 1, "stages": [{"id": "st-a", "emotion": {"score": null},
        "metrics": null}, {"id": "st-b", "metrics": {"csat": null}}],
        "shadow": {"notes": [{"id": "sh-a", "stage": "st-a", "friction": null}]}}"#;
    let parsed = format::parse(optional).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.map.stages[0].emotion.score, None);
    assert_eq!(parsed.map.stages[0].metrics, None);
    assert_eq!(parsed.map.stages[1].metrics.as_ref().unwrap().csat, None);
    assert_eq!(parsed.map.shadow.notes[0].friction, None);
}

#[test]
fn a_huge_or_tiny_number_is_told_in_a_few_characters() {
    let error = only_error(&CANONICAL.replace("\"csat\": 78.0", "\"csat\": 1e308"));
    assert_eq!(error.message, "CSAT must be a number from 0 to 100; found 1e308");
    let error = only_error(&CANONICAL.replace("\"nps\": -12.0", "\"nps\": -1.5e300"));
    assert_eq!(
        error.message,
        "NPS must be a number from -100 to 100; found -1.5e300"
    );
    let error = only_error(&CANONICAL.replace("\"ces\": 3.4", "\"ces\": 1e-300"));
    assert_eq!(error.message, "CES must be a number from 1 to 7; found 1e-300");
}

#[test]
fn unknown_fields_first_middle_and_last_keep_their_places_byte_for_byte() {
    // One unknown field first, one after a known key and one last, in every kind of
    // object the format has, with values of every JSON type.
    let text = r#"{
  "x-top": {
    "nested": [
      1,
      -2,
      2.5,
      true,
      null,
      "é"
    ]
  },
  "cxmap": 1,
  "title": "T",
  "x-after-title": "a",
  "persona": "",
  "stages": [
    {
      "x-first": 1,
      "id": "st-aaaa",
      "name": "A",
      "x-after-name": [],
      "goal": "",
      "touchpoints": [],
      "emotion": {
        "x-first": {},
        "score": 1,
        "x-after-score": false,
        "note": "",
        "x-last": null
      },
      "frictions": [
        {
          "id": "fr-aaaa",
          "x-after-id": "b",
          "text": "",
          "severity": 2,
          "channel": "",
          "votes": 0,
          "owner": "",
          "status": "open",
          "evidence": [],
          "x-last": 0
        }
      ],
      "opportunities": [
        {
          "x-first": true,
          "id": "op-aaaa",
          "text": "",
          "addresses": [
            "fr-aaaa"
          ],
          "x-after-addresses": 3,
          "votes": 0
        }
      ],
      "metrics": {
        "csat": 50.0,
        "x-after-csat": "c",
        "ces": 2.0,
        "x-last": [
          {
            "deep": {
              "deeper": [
                []
              ]
            }
          }
        ]
      },
      "x-last": "z"
    }
  ],
  "shadow": {
    "x-first": 0,
    "channels": [],
    "notes": [
      {
        "id": "sh-aaaa",
        "at": "",
        "observer": "",
        "stage": "st-aaaa",
        "x-after-stage": 1,
        "channel": "",
        "text": "",
        "evidence": [],
        "friction": "fr-aaaa",
        "x-last": 2
      }
    ],
    "plan": [
      {
        "stage": "st-aaaa",
        "channel": "",
        "x-after-channel": {
          "k": "v"
        },
        "votes": 1
      }
    ],
    "x-last": 3
  },
  "x-last": 4
}
"#;
    let parsed = format::parse(text).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(String::from_utf8(format::encode(&parsed.map)).unwrap(), text);
}

#[test]
fn an_unknown_field_after_an_absent_optional_one_stays_with_the_known_key_before() {
    let text = r#"{"cxmap": 1, "stages": [{"id": "st-a", "emotion": {"note": "n", "score": null, "x": 1}}]}"#;
    let parsed = format::parse(text).unwrap();
    let extras = &parsed.map.stages[0].emotion.extras.0;
    assert_eq!(extras.len(), 1);
    assert_eq!(extras[0].after, Some("note"));
}

#[test]
fn a_nul_or_a_byte_that_is_not_utf8_outranks_a_syntax_error_wherever_it_is() {
    let cases: [(&[u8], &str, (usize, usize)); 5] = [
        (b"{\"cxmap\": 1, \"title\": \"a\0b\"}", "binary file", (1, 1)),
        (b"{\"cxmap\": 1} \0", "binary file", (1, 1)),
        (b"{\"cxmap\": 1,, \"title\": \"\0\"}", "binary file", (1, 1)),
        (b"{\"cxmap\": 1,,\n \"title\": \"\xE9\"}", "not UTF-8", (2, 12)),
        (
            b"{\"cxmap\": 1,,\n \"title\": \"\xE9\0\"}",
            "binary file",
            (2, 12),
        ),
    ];
    for (bytes, expected, at) in cases {
        let diagnostics = format::parse_bytes(bytes).expect_err("refused");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.contains(expected), "{diagnostics:?}");
        assert_eq!(
            (diagnostics[0].line, diagnostics[0].column),
            at,
            "{diagnostics:?}"
        );
    }
}

#[test]
fn memo_warnings_sit_at_their_values_or_at_the_items_that_leave_them_out() {
    let text = r#"{
  "cxmap": 1,
  "stages": [
    {"id": "st-a", "name": "A", "emotion": {"score": null},
     "frictions": [{"id": "fr-a", "text": "We should add a chat", "evidence": ["gone.png", "here.png"],
       "channel": "E-mail"}]},
    {"id": "st-b", "name": "B", "emotion": {"note": "n"},
     "frictions": [{"id": "fr-b"}]},
    {"id": "st-c", "name": "C"}
  ],
  "shadow": {
    "channels": ["Email"],
    "notes": [{"id": "sh-a", "stage": "st-b", "friction": "fr-a", "evidence": ["gone.png"]}]
  }
}"#;
    let checked = format::parse_for_check(text.as_bytes()).unwrap();
    let warnings: Vec<String> = format::review(&checked, |entry| entry == "gone.png")
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    let at = |prefix: &str| {
        warnings
            .iter()
            .filter(|w| w.contains(prefix))
            .map(|w| w.split(' ').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // The score's null; an emotion without a score; a stage without an emotion.
    assert_eq!(at("no emotion score"), ["4:54", "7:44", "9:5"], "{warnings:#?}");
    assert_eq!(at("friction text"), ["5:43"], "{warnings:#?}");
    assert_eq!(
        at("\"gone.png\" is not there"),
        ["5:80", "13:80"],
        "{warnings:#?}"
    );
    // A friction point without an evidence list.
    assert_eq!(at("has no evidence"), ["8:20"], "{warnings:#?}");
    assert_eq!(at("in another stage"), ["13:59"], "{warnings:#?}");
    assert_eq!(at("twin"), ["6:19"], "{warnings:#?}");
}
