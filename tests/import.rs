//! Import: cxmap's own CSV round-trips every field, a hand-made grid sheet reads with
//! synonyms and scale words, and problems name their row and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::assets::EXAMPLES;
use cxmap::export::ExportFormat;
use cxmap::import::{SheetKind, import};
use cxmap::model::{IdGen, JourneyMap, Lane, Score, Severity, Status};

fn round_trip(map: &JourneyMap) -> JourneyMap {
    let csv = ExportFormat::Csv.build(map);
    let imported = import(&csv, "unused", None, false, &mut IdGen::seeded(1)).unwrap();
    assert_eq!(imported.kind, SheetKind::Rows);
    assert!(imported.skipped.is_empty());
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.assumed_severity, 0, "cxmap's CSV carries every severity");
    imported.map
}

#[test]
fn the_examples_round_trip_through_csv_field_for_field() {
    for example in EXAMPLES {
        let map = example.map().unwrap();
        assert_eq!(round_trip(&map), map, "{}", example.name);
        assert_eq!(
            cxmap::format::encode(&round_trip(&map)),
            cxmap::format::encode(&map),
            "{}: the same file, byte for byte",
            example.name
        );
    }
}

#[test]
fn awkward_text_round_trips() {
    let mut map = EXAMPLES[0].map().unwrap();
    let awkward = [
        "commas, and \"quotes\", and ''single''",
        "two\nlines\r\nand a CRLF",
        "Käse, 東京, Ελληνικά, עברית, 😀 emoji",
        " leading and trailing spaces ",
        "=SUM(A1:A2)",
        "",
    ];
    map.title = awkward[0].to_owned();
    map.persona = awkward[1].to_owned();
    let stage = &mut map.stages[0];
    stage.name = awkward[2].to_owned();
    stage.goal = awkward[3].to_owned();
    stage.touchpoints = vec![awkward[4].to_owned(), awkward[2].to_owned()];
    stage.emotion.note = awkward[1].to_owned();
    let friction = &mut stage.frictions[0];
    friction.text = awkward[1].to_owned();
    friction.channel = awkward[0].to_owned();
    friction.owner = awkward[2].to_owned();
    friction.evidence = vec![
        "photos/a, b.jpg".to_owned(),
        "https://example.com/?q=\"x\"".to_owned(),
    ];
    friction.status = Status::WontFix;
    friction.severity = Severity::Minor;
    stage.opportunities[0].text = awkward[0].to_owned();
    map.shadow.notes[0].text = awkward[1].to_owned();
    map.shadow.notes[0].observer = awkward[2].to_owned();
    map.shadow.channels.push(awkward[0].to_owned());
    map.memo = Some(cxmap::model::MemoFacts {
        walked_by: awkward[0].to_owned(),
        when: awkward[5].to_owned(),
        devices: awkward[1].to_owned(),
        ..Default::default()
    });
    assert_eq!(round_trip(&map), map);
}

#[test]
fn a_grid_sheet_reads_with_synonyms_and_scale_words() {
    let sheet = "Lane,Discover,Buy,Return\r\n\
        Pain points,\"Menu is a PDF; No hours online\",Cart total hidden,\r\n\
        customer goal,Find a café,Pay fast,\"Return, easily\"\r\n\
        Channels,\"• Maps\n• Instagram\",App,\r\n\
        feelings,-1: Frustrated: no hours,very positive,neutral\r\n\
        Ideas,Embed the menu,,\r\n\
        ,,,\r\n";
    let imported = import(sheet, "Coffee", None, false, &mut IdGen::seeded(3)).unwrap();
    assert_eq!(imported.kind, SheetKind::Grid);
    let map = imported.map;
    assert_eq!(map.title, "Coffee");
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Discover", "Buy", "Return"]);
    let discover = &map.stages[0];
    let frictions: Vec<&str> = discover.frictions.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(frictions, ["Menu is a PDF", "No hours online"]);
    assert_eq!(discover.touchpoints, ["Maps", "Instagram"]);
    assert_eq!(discover.emotion.score, Score::new(-1));
    assert_eq!(discover.emotion.note, "Frustrated: no hours");
    assert_eq!(discover.opportunities[0].text, "Embed the menu");
    assert_eq!(map.stages[1].emotion.score, Score::new(2));
    assert_eq!(map.stages[2].goal, "Return, easily");
    assert_eq!(map.stages[2].emotion.score, Score::new(0));
    assert!(map.stages[2].frictions.is_empty());
    let mut ids: Vec<&str> = map.ids().collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "every id unique");
    assert!(Lane::ALL.len() == 5);
}

#[test]
fn problems_name_row_and_column_and_strict_keeps_nothing() {
    let sheet = "x,Discover,Buy\n\
        friction,a,b\n\
        moments,c,d\n\
        emotion,frustrated,+1\n\
        goal,,,stray\n";
    let problems = import(sheet, "t", None, false, &mut IdGen::seeded(0)).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(
        shown[0].starts_with("row 3, column 1: \"moments\" is not a lane"),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].starts_with("row 4, column 2: the emotion \"frustrated\" is not a score"),
        "{}",
        shown[1]
    );
    assert_eq!(shown[2], "row 5, column 4: a cell beyond the last stage column");
    let lenient = import(sheet, "t", None, true, &mut IdGen::seeded(0)).unwrap();
    assert_eq!(lenient.skipped, problems);
    assert_eq!(lenient.map.stages[1].emotion.score, Score::new(1));
    assert_eq!(lenient.map.stages[0].emotion.score, None);
    assert_eq!(lenient.map.stages[0].frictions.len(), 1);
}

#[test]
fn bad_csv_and_bad_fields_of_the_own_format_are_placed() {
    let error = import("a,b\n\"open,c\n", "t", None, true, &mut IdGen::seeded(0)).unwrap_err();
    assert_eq!(
        error[0].to_string(),
        "row 2, column 1: this cell's opening quote is never closed"
    );
    let csv = ExportFormat::Csv.build(&EXAMPLES[1].map().unwrap());
    let broken = csv.replacen(
        ",2,Website,3,Performance marketing,open,",
        ",7,Website,3,Performance marketing,open,",
        1,
    );
    assert_ne!(broken, csv);
    let problems = import(&broken, "t", None, false, &mut IdGen::seeded(0)).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("row 11, column 6: severity must be 1, 2 or 3; found \"7\""),
        "{}",
        problems[0]
    );
}

#[test]
fn a_title_given_wins() {
    let csv = ExportFormat::Csv.build(&EXAMPLES[0].map().unwrap());
    let imported = import(&csv, "from file", Some("Given"), false, &mut IdGen::seeded(0)).unwrap();
    assert_eq!(imported.map.title, "Given");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_survives_export_and_import(
        title in proptest::prelude::any::<String>(),
        text in proptest::prelude::any::<String>(),
        owner in "[ \\t\\r\\n,;\"'a-zé東😀]{0,12}",
        note in proptest::prelude::any::<String>(),
    ) {
        let mut map = EXAMPLES[1].map().unwrap();
        map.title = title;
        map.stages[2].frictions[0].text = text;
        map.stages[2].frictions[0].owner = owner.clone();
        map.stages[2].emotion.note = note;
        map.stages[0].touchpoints[0] = owner;
        proptest::prop_assert_eq!(round_trip(&map), map);
    }
}

#[test]
fn a_sheet_without_stages_says_why() {
    let problems = import(
        "Lane;Discover;Buy\nfriction;a;b\n",
        "t",
        None,
        true,
        &mut IdGen::seeded(0),
    )
    .unwrap_err();
    assert!(
        problems[0].to_string().contains("separated by semicolons"),
        "{}",
        problems[0]
    );
    let problems = import("lane\nfriction\n", "t", None, true, &mut IdGen::seeded(0)).unwrap_err();
    assert!(
        problems[0].to_string().starts_with("row 1, column 2: no stages"),
        "{}",
        problems[0]
    );
}

#[test]
fn severities_round_trip_exactly_and_a_missing_one_is_counted() {
    let mut map = EXAMPLES[1].map().unwrap();
    let severities = [Severity::Minor, Severity::Major, Severity::Severe];
    for (i, friction) in map.stages.iter_mut().flat_map(|s| &mut s.frictions).enumerate() {
        friction.severity = severities[i % 3];
    }
    let again = round_trip(&map);
    let read: Vec<Severity> = again
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.severity)
        .collect();
    let written: Vec<Severity> = map
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.severity)
        .collect();
    assert_eq!(read, written);
    let csv = ExportFormat::Csv.build(&map);
    let blanked = csv.replacen(",1,Website,", ",,Website,", 1);
    assert_ne!(blanked, csv);
    let imported = import(&blanked, "t", None, false, &mut IdGen::seeded(0)).unwrap();
    assert_eq!(imported.assumed_severity, 1);
    let grid = import(
        "Lane,Discover,Buy\nfriction,\"a; b\",c\n",
        "t",
        None,
        false,
        &mut IdGen::seeded(0),
    )
    .unwrap();
    assert_eq!(grid.assumed_severity, 3, "a grid has no severities");
}

#[test]
fn a_unicode_minus_is_a_minus() {
    let grid = import(
        "Lane,Discover,Buy\nemotion,\u{2212}1: lost,\u{2212}2 very negative\n",
        "t",
        None,
        false,
        &mut IdGen::seeded(0),
    )
    .unwrap();
    assert_eq!(grid.map.stages[0].emotion.score, Score::new(-1));
    assert_eq!(grid.map.stages[1].emotion.score, Score::new(-2));
    let mut map = EXAMPLES[0].map().unwrap();
    map.stages[0].emotion.score = Score::new(-2);
    let csv = ExportFormat::Csv.build(&map).replacen(",-2,", ",\u{2212}2,", 1);
    assert!(csv.contains('\u{2212}'));
    let imported = import(&csv, "t", None, false, &mut IdGen::seeded(1)).unwrap();
    assert_eq!(imported.map, map);
}

#[test]
fn an_empty_sheet_is_called_empty() {
    for sheet in ["", "\r\n", ",,\r\n,\r\n"] {
        let problems = import(sheet, "t", None, true, &mut IdGen::seeded(0)).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("row 1, column 1: the sheet is empty"),
            "{sheet:?}: {}",
            problems[0]
        );
    }
}

#[test]
fn a_stage_name_used_twice_is_kept_and_warned_about() {
    let imported = import(
        "Lane,Discover,discover,Buy\nfriction,a,b,c\n",
        "t",
        None,
        false,
        &mut IdGen::seeded(0),
    )
    .unwrap();
    assert_eq!(imported.map.stages.len(), 3, "both kept");
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        imported.warnings[0].to_string(),
        "row 1, column 3: rename one of the two stages named \"discover\" (columns 2 and 3); both were kept"
    );
}

#[test]
fn a_transposed_sheet_is_recognised() {
    let sheet = "Stage,Goal,Pain points\nDiscover,Find a cafe,PDF menu\nBuy,Pay,Hidden fee\n";
    for lenient in [false, true] {
        let problems = import(sheet, "t", None, lenient, &mut IdGen::seeded(0)).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "row 1, column 2: the sheet seems transposed (\"Goal\" is a lane): stages go across the first row, lanes down the first column"
        );
    }
}
