//! The documents on the bundled examples: golden files for every format (regenerate with
//! `CXMAP_BLESS=1 cargo test --test export`), HTML that parses and needs no network, a
//! memo without any opportunity, and the printed memo on one A4 page (with Chromium).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod html_check;
mod print;

use std::path::{Path, PathBuf};

use cxmap::assets::EXAMPLES;
use cxmap::export::ExportFormat;
use cxmap::export::memo::{Memo, MemoFormat, MemoOptions};
use cxmap::model::JourneyMap;

/// The memo in a text format (Markdown, text or HTML), evidence not looked up.
fn memo(map: &JourneyMap, options: &MemoOptions, format: MemoFormat) -> String {
    String::from_utf8(cxmap::export::memo::memo(map, options, format)).unwrap()
}

/// The formats that are text, and so have golden files.
const TEXT_MEMOS: [MemoFormat; 3] = [MemoFormat::Markdown, MemoFormat::Text, MemoFormat::Html];

fn examples() -> Vec<(&'static str, JourneyMap)> {
    EXAMPLES.iter().map(|e| (e.name, e.map().unwrap())).collect()
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// The first lines where `expected` and `actual` differ, with a little context.
fn diff(expected: &str, actual: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let first = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let mut out = format!("first difference at line {}:\n", first + 1);
    for line in old.iter().skip(first.saturating_sub(2)).take(8) {
        out.push_str(&format!("- {line}\n"));
    }
    for line in new.iter().skip(first.saturating_sub(2)).take(8) {
        out.push_str(&format!("+ {line}\n"));
    }
    out
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var("CXMAP_BLESS").is_ok_and(|bless| bless == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run CXMAP_BLESS=1 cargo test --test export",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its golden file (CXMAP_BLESS=1 regenerates it):\n{}",
        diff(&expected, actual)
    );
}

#[test]
fn every_export_matches_its_golden_file() {
    for (name, map) in examples() {
        for format in ExportFormat::ALL {
            check_golden(&format!("{name}.{}", format.extension()), &format.build(&map));
        }
    }
}

#[test]
fn every_memo_matches_its_golden_file() {
    for (name, map) in examples() {
        for format in TEXT_MEMOS {
            let text = memo(&map, &MemoOptions::default(), format);
            check_golden(&format!("{name}-memo.{}", format.name()), &text);
        }
        let open = memo(
            &map,
            &MemoOptions {
                open_only: true,
                ..MemoOptions::default()
            },
            MemoFormat::Markdown,
        );
        check_golden(&format!("{name}-memo-open-only.md"), &open);
    }
}

#[test]
fn the_memo_header_names_the_channels_walked_on_and_never_contradicts_its_end() {
    for (name, map) in examples() {
        let built = Memo::build(&map, &MemoOptions::default());
        let mut walked: Vec<&str> = map.shadow.notes.iter().map(|n| n.channel.trim()).collect();
        walked.sort_unstable();
        walked.dedup();
        let mut header: Vec<&str> = built.channels.iter().map(String::as_str).collect();
        header.sort_unstable();
        assert_eq!(header, walked, "{name}: the channels of the shadow notes");
        assert!(
            !built.unobserved_channels.is_empty(),
            "{name}: the check below can fail"
        );
        let text = memo(&map, &MemoOptions::default(), MemoFormat::Markdown);
        let channels_line = text.lines().find(|l| l.starts_with("**Channels:**")).unwrap();
        for unobserved in &built.unobserved_channels {
            assert!(
                !channels_line.contains(unobserved.as_str()),
                "{name}: {channels_line:?} names {unobserved:?}, which has no shadow notes"
            );
        }
    }
}

#[test]
fn names_not_yet_observed_stand_apart_even_with_commas() {
    let mut map = examples().remove(0).1;
    map.stages[1].name = "Buy, then pay".to_owned();
    map.shadow.notes.retain(|n| n.stage != map.stages[1].id);
    map.shadow.channels.push("Phone, landline".to_owned());
    let markdown = memo(&map, &MemoOptions::default(), MemoFormat::Markdown);
    let end = &markdown[markdown.find("## Not yet observed").unwrap()..];
    assert!(end.contains("\n  - Buy, then pay\n"), "{end}");
    assert!(end.contains("\n  - Phone, landline\n"), "{end}");
    let text = memo(&map, &MemoOptions::default(), MemoFormat::Text);
    let end = &text[text.find("Not yet observed").unwrap()..];
    assert!(end.contains("\n  - Buy, then pay\n"), "{end}");
    assert!(end.contains("\n  - Phone, landline\n"), "{end}");
    let html = memo(&map, &MemoOptions::default(), MemoFormat::Html);
    assert!(html.contains("</b> Buy, then pay</p>"), "{html}");
    assert!(html.contains("Phone, landline"), "{html}");
    html_check::well_formed(&html).unwrap();
}

/// A short walk: three stages noted, two points of equal weight, four stages not walked.
fn short_walk() -> JourneyMap {
    let mut map = examples().remove(1).1;
    let walked: Vec<_> = map.stages[..3].iter().map(|s| s.id.clone()).collect();
    map.shadow.notes.retain(|n| walked.contains(&n.stage));
    for stage in &mut map.stages {
        stage.frictions.clear();
    }
    for (at, text) in [(0, "The ad promises free delivery"), (1, "Sizes in US only")] {
        let mut point =
            cxmap::model::Friction::new(cxmap::model::FrictionId(format!("fr-short{at}")), text.to_owned());
        point.severity = cxmap::model::Severity::Major;
        map.stages[at].frictions.push(point);
    }
    map
}

#[test]
fn a_short_walk_says_nothing_empty_and_each_unwalked_stage_once() {
    let map = short_walk();
    let text = memo(&map, &MemoOptions::default(), MemoFormat::Text);
    assert!(
        text.contains("Bottom line: 2 friction points.\n"),
        "no \"0 severe\", no \"the most in\" a stage of one: {text}"
    );
    let third = format!("3. {}\n", map.stages[2].name);
    let third_at = text.find(&third).expect("a walked stage keeps its heading");
    assert!(
        text[third_at..].contains("No friction points recorded."),
        "{text}"
    );
    for stage in &map.stages[3..] {
        let heading = format!(
            "{}. {}",
            map.stages.iter().position(|s| s.id == stage.id).unwrap() + 1,
            stage.name
        );
        assert!(
            !text.contains(&heading),
            "{heading} is said under Not yet observed: {text}"
        );
        assert!(text.contains(&format!("  - {}\n", stage.name)), "{text}");
    }
    let mut tied = map.clone();
    let mut more = cxmap::model::Friction::new(
        cxmap::model::FrictionId("fr-short2".to_owned()),
        "The size chart opens in a new tab".to_owned(),
    );
    more.severity = cxmap::model::Severity::Severe;
    tied.stages[1].frictions.push(more.clone());
    more.id = cxmap::model::FrictionId("fr-short3".to_owned());
    tied.stages[0].frictions.push(more);
    let text = memo(&tied, &MemoOptions::default(), MemoFormat::Markdown);
    assert!(
        text.contains(&format!(
            "4 friction points, 2 severe; the most in {} and {} (2 each).",
            tied.stages[0].name, tied.stages[1].name
        )),
        "{text}"
    );
}

#[test]
fn the_text_memo_breaks_a_top_points_place_only_between_its_parts() {
    let map = examples().remove(1).1;
    let text = memo(&map, &MemoOptions::default(), MemoFormat::Text);
    let lines: Vec<&str> = text.lines().collect();
    for pair in lines.windows(2) {
        let (last, next) = (pair[0].trim_end(), pair[1].trim_start());
        let cut_number = last.rsplit(' ').next().is_some_and(|word| {
            word.starts_with('(') && word.ends_with('.') && word[1..word.len() - 1].parse::<u32>().is_ok()
        });
        let cut_votes = next.starts_with("votes") || next.starts_with("vote)");
        assert!(!cut_number && !cut_votes, "{last:?} / {next:?} in:\n{text}");
    }
    assert!(
        text.contains("\n   4 votes)\n"),
        "the place breaks at a dot: {text}"
    );
}

#[test]
fn documents_are_the_same_every_time() {
    for (_, map) in examples() {
        for format in ExportFormat::ALL {
            assert_eq!(format.build(&map), format.build(&map.clone()));
        }
        for format in MemoFormat::ALL {
            assert_eq!(
                cxmap::export::memo::memo(&map, &MemoOptions::default(), format),
                cxmap::export::memo::memo(&map, &MemoOptions::default(), format)
            );
        }
    }
}

#[test]
fn the_memo_never_holds_an_opportunity() {
    for (name, map) in examples() {
        let opportunities: Vec<&str> = map
            .stages
            .iter()
            .flat_map(|s| &s.opportunities)
            .map(|o| o.text.as_str())
            .collect();
        assert!(!opportunities.is_empty(), "{name} has opportunities to test with");
        for format in TEXT_MEMOS {
            let text = memo(&map, &MemoOptions::default(), format);
            // The text memo wraps lines, so compare with line breaks as spaces.
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for opportunity in &opportunities {
                let words = opportunity.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    !flat.contains(&words) && !flat.contains(&html_check::escape_text(&words)),
                    "the {} memo of {name} holds the opportunity {opportunity:?}",
                    format.name()
                );
            }
        }
        let export = ExportFormat::Markdown.build(&map);
        assert!(
            export.contains(opportunities[0]),
            "the check above can fail: exports do hold them"
        );
    }
}

#[test]
fn the_memo_names_every_friction_point_once_in_journey_order() {
    for (_, map) in examples() {
        for format in [MemoFormat::Markdown, MemoFormat::Text] {
            let text = memo(&map, &MemoOptions::default(), format);
            let stages = text
                .find("1. Check")
                .or_else(|| text.find("1. Awareness"))
                .unwrap();
            let (top_three, journey) = text.split_at(stages);
            let mut from = 0;
            for friction in map.stages.iter().flat_map(|s| &s.frictions) {
                let said = friction.text.replace('*', "\\*");
                let words: String = said.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
                assert_eq!(
                    text.matches(&words).count(),
                    1,
                    "{format:?}: {:?} said more than once",
                    friction.text
                );
                // A point of the top three stands in its stage as "Top N".
                let in_journey = match top_three.lines().find(|line| line.contains(&words)) {
                    Some(line) => format!("Top {} ", &line[..1]),
                    None => words,
                };
                let at = journey[from..].find(&in_journey).map(|i| i + from);
                from = at.unwrap_or_else(|| panic!("{:?} is missing or out of order", friction.text));
            }
        }
    }
}

#[test]
fn the_text_memo_fits_in_78_columns() {
    for (_, map) in examples() {
        let text = memo(&map, &MemoOptions::default(), MemoFormat::Text);
        for line in text.lines() {
            assert!(cxmap::text::display::width(line) <= 78, "too wide: {line:?}");
        }
    }
    let mut wide = examples().remove(0).1;
    wide.stages[0].frictions[0].text = "東京の店舗では、モバイルアプリの注文が受け取りカウンターに届くまでに二十分以上かかり、スタッフも状況を確認できなかった".repeat(2);
    let text = memo(&wide, &MemoOptions::default(), MemoFormat::Text);
    for line in text.lines() {
        assert!(cxmap::text::display::width(line) <= 78, "too wide: {line:?}");
    }
}

#[test]
fn html_documents_parse_and_need_no_network() {
    for (name, map) in examples() {
        let evidence: Vec<&str> = map
            .stages
            .iter()
            .flat_map(|s| s.frictions.iter().flat_map(|f| &f.evidence))
            .chain(map.shadow.notes.iter().flat_map(|n| &n.evidence))
            .map(String::as_str)
            .collect();
        let pages = [
            ("export", ExportFormat::Html.build(&map)),
            ("memo", memo(&map, &MemoOptions::default(), MemoFormat::Html)),
        ];
        for (what, page) in pages {
            html_check::well_formed(&page).unwrap_or_else(|e| panic!("{name} {what}: {e}"));
            html_check::self_contained(&page, &evidence).unwrap_or_else(|e| panic!("{name} {what}: {e}"));
        }
    }
}

#[test]
fn hostile_text_stays_text_in_html() {
    let mut map = examples().remove(0).1;
    map.title = "<script>alert(1)</script> & \"quotes\"".to_owned();
    map.stages[0].name = "<img src=x onerror=alert(1)>".to_owned();
    map.stages[0].frictions[0].evidence = vec!["javascript:alert(1)".to_owned(), "\"><b>".to_owned()];
    map.stages[0].frictions[0].text = "line one\nline two\u{1b}[31m".to_owned();
    for page in [
        ExportFormat::Html.build(&map),
        memo(&map, &MemoOptions::default(), MemoFormat::Html),
    ] {
        html_check::well_formed(&page).unwrap();
        let evidence: Vec<&str> = map.evidence().collect();
        html_check::self_contained(&page, &evidence).unwrap();
        assert!(!page.contains("<script"), "no script element");
        assert!(!page.contains("<img"), "no image element");
        assert!(!page.contains("href=\"javascript"), "no script link");
        assert!(!page.contains('\u{1b}'), "no escape character");
    }
}

#[test]
fn the_printed_memo_is_one_a4_page() {
    let Some(chromium) = print::chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, map) in examples() {
        let html = dir.path().join(format!("{name}.html"));
        std::fs::write(&html, memo(&map, &MemoOptions::default(), MemoFormat::Html)).unwrap();
        let pages = print::printed_pages(&chromium, &html, dir.path());
        assert_eq!(pages, 1, "the {name} memo prints on {pages} pages");
    }
}

#[test]
fn the_html_checker_can_fail() {
    for broken in [
        "<!DOCTYPE html>\n<p><b>x</p></b>",
        "<!DOCTYPE html>\n<p>a & b</p>",
        "<!DOCTYPE html>\n<p class=x>a</p>",
        "<!DOCTYPE html>\n<meta charset=\"utf-8\">",
        "<p>no doctype</p>",
    ] {
        assert!(html_check::well_formed(broken).is_err(), "{broken}");
    }
    for loading in [
        "<img src=\"https://example.com/x.png\"/>",
        "<style>@import \"x.css\";</style>",
        "<style>body { background: url(x.png) }</style>",
        "<a href=\"https://example.com/\">x</a>",
        "<p onclick=\"x()\">x</p>",
    ] {
        assert!(html_check::self_contained(loading, &[]).is_err(), "{loading}");
    }
    assert!(
        html_check::self_contained("<a href=\"https://e.example/x\">x</a>", &["https://e.example/x"]).is_ok()
    );
}

#[test]
fn hostile_text_cannot_break_markdown_or_mermaid() {
    let mut map = examples().remove(0).1;
    map.title = "Title\n# injected heading".to_owned();
    map.stages[0].name = "Stage: one; #two\nsection Fake".to_owned();
    map.stages[0].goal = "goal: 5\nFake task: 5".to_owned();
    map.stages[0].frictions[0].text = "a | b\n- injected item".to_owned();
    let mermaid = ExportFormat::Mermaid.build(&map);
    let sections = mermaid
        .lines()
        .filter(|l| l.trim_start().starts_with("section "))
        .count();
    assert_eq!(sections, map.stages.len(), "{mermaid}");
    assert!(mermaid.lines().all(|l| l.matches(':').count() <= 1), "{mermaid}");
    assert!(!mermaid.contains("Fake task: 5"), "{mermaid}");
    let markdown = ExportFormat::Markdown.build(&map);
    assert!(
        !markdown.lines().any(|l| l.starts_with("# injected")),
        "{markdown}"
    );
    assert!(
        !markdown.lines().any(|l| l.starts_with("- injected")),
        "{markdown}"
    );
    let table_rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with("| **")).collect();
    let pipes = |l: &str| l.matches('|').count() - l.matches("\\|").count();
    assert!(
        table_rows.iter().all(|l| pipes(l) == map.stages.len() + 2),
        "{table_rows:#?}"
    );
    let memo_md = memo(&map, &MemoOptions::default(), MemoFormat::Markdown);
    assert!(
        !memo_md
            .lines()
            .any(|l| l.starts_with("# injected") || l.starts_with("- injected")),
        "{memo_md}"
    );
}
