//! The friction memo as a manager gets it, from the real binary: a 30-point day-one walk
//! with photos prints on one A4 page as HTML (Chromium) and as PDF (no browser), with
//! its pictures inside; a bigger one says how many pages; a bundle's links resolve; and
//! the command line's own path from notes to a memo.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod print;

use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};

use cxmap::model::{
    Friction, FrictionId, IdGen, JourneyMap, MemoFacts, NoteId, Severity, ShadowNote, Status,
};

/// (stage, channel, what the point says, what the note on the spot said).
const WALK: [(usize, &str, &str, &str); 30] = [
    (
        0,
        "Website",
        "The search ad promises free delivery without the R500 minimum",
        "Ad on Google: 'Free delivery on all cookware'",
    ),
    (
        0,
        "E-mail",
        "The welcome e-mail arrived 40 minutes after sign-up, with a code that had already expired",
        "Code WELCOME10 said 'expired' at checkout",
    ),
    (
        0,
        "Phone",
        "The Instagram link opens the home page, not the pan in the post",
        "Tapped the link in bio twice, both times the home page",
    ),
    (
        0,
        "Store",
        "The shop window shows a sale that the website does not have",
        "Window poster: 30% off Le Creuset, site shows full price",
    ),
    (
        1,
        "Website",
        "The size filter lists pans in inches only",
        "Had to look up 28 cm in inches",
    ),
    (
        1,
        "Website",
        "Reviews cannot be sorted by newest, and the top five are from 2019",
        "Oldest reviews first, no sort menu",
    ),
    (
        1,
        "Phone",
        "The product page jumps while images load, so the Add button moves under my thumb",
        "Tapped a bundle offer by mistake twice",
    ),
    (
        1,
        "Store",
        "The 28 cm pan is listed as 'in stock' online but the store had none",
        "Staff checked the back: 'online stock is the warehouse'",
    ),
    (
        1,
        "E-mail",
        "The price-drop alert linked to a product that was sold out",
        "Alert came at 07:10, sold out when I opened it at 07:15",
    ),
    (
        2,
        "Website",
        "The cart is at R450 and the banner says free shipping over R500; the cheapest add-on is R129",
        "Searched for anything under R50: nothing",
    ),
    (
        2,
        "Website",
        "The delivery fee appears only on the last step, after the address",
        "R95 appeared on step 4 of 4",
    ),
    (
        2,
        "Phone",
        "Switching to the banking app for 3-D Secure emptied the cart",
        "Came back to an empty cart and had to search again",
    ),
    (
        2,
        "Phone",
        "The discount-code field is hidden behind 'Have a voucher?' below the total",
        "Scrolled past it three times",
    ),
    (
        2,
        "Store",
        "The card machine at the till declined tap-to-pay twice and worked with the PIN",
        "Cashier: 'it does that, just insert'",
    ),
    (
        2,
        "Website",
        "Checkout asks for a phone number and will not go on without one",
        "No reason given for the number",
    ),
    (
        3,
        "E-mail",
        "The order confirmation took 22 minutes and went to spam",
        "Found it in spam after searching",
    ),
    (
        3,
        "Phone",
        "Tracking shows 'label created' for three days after the dispatch e-mail",
        "Checked each morning, no movement",
    ),
    (
        3,
        "Phone",
        "The courier SMS offers a four-hour window and no way to pick a time",
        "Window 08:00 to 12:00 on a weekday",
    ),
    (
        3,
        "Store",
        "Click-and-collect had no sign; two counters each sent me to the other",
        "Waited 12 minutes between the two counters",
    ),
    (
        3,
        "Website",
        "The parcel came in a box three times its size, padded with air pillows",
        "Box 60 cm for one 28 cm pan",
    ),
    (
        4,
        "Website",
        "The care guide link on the box opens a page not found",
        "QR code on the box: 404",
    ),
    (
        4,
        "Store",
        "The care label says do not tumble-dry; the website says tumble-dry on low",
        "Same tea towel, two answers",
    ),
    (
        4,
        "E-mail",
        "The how-to-season e-mail arrived two weeks after the pan",
        "Had already used it for a week",
    ),
    (
        5,
        "Phone",
        "The call waited 14 minutes in the queue before an agent answered",
        "Hold music looped the same 20 seconds",
    ),
    (
        5,
        "Website",
        "The returns page explains refunds but not exchanges",
        "Searched 'exchange': no results",
    ),
    (
        5,
        "E-mail",
        "The return label e-mail charges a R95 collection fee the agent said was free",
        "Agent on the phone: 'collection for an exchange is free'",
    ),
    (
        5,
        "Store",
        "The store would not take back an online order without the original box",
        "Staff: 'we need the box, policy'",
    ),
    (
        6,
        "E-mail",
        "The review request arrived two days after delivery, before the pan was used",
        "Asked to rate a pan still in its box",
    ),
    (
        6,
        "Website",
        "Loyalty points were not credited because a discount code was used",
        "Points balance stayed at 0",
    ),
    (
        6,
        "Store",
        "The paper loyalty card in the store is not linked to the online account",
        "Staff: 'the card is store only'",
    ),
];

const STAGES: [&str; 7] = [
    "Awareness",
    "Consideration",
    "Purchase",
    "Delivery",
    "Use",
    "Support",
    "Loyalty",
];

fn cxmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A photo as a phone sends it, smaller (640×480, or 450×800 standing, to keep the test
/// quick): a gradient with blocks of colour, as JPEG or PNG.
fn photo(seed: usize, jpeg: bool) -> Vec<u8> {
    let (w, h) = if seed % 4 == 3 { (450, 800) } else { (640, 480) };
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        let inside = (x / 80 + y / 80 + seed as u32).is_multiple_of(5);
        if inside {
            image::Rgb([200, (40 + seed * 7 % 200) as u8, 40])
        } else {
            image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 150])
        }
    });
    let format = if jpeg {
        image::ImageFormat::Jpeg
    } else {
        image::ImageFormat::Png
    };
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A day-one walk with `points` open friction points (the 30 above, repeated with a
/// number when more are asked for), each from a shadow note that holds its photo, and
/// every fifth with a receipt PDF of its own; written with its photos into `dir`.
fn walk(dir: &Path, points: usize) -> JourneyMap {
    let mut ids = IdGen::seeded(5);
    let mut map = JourneyMap::with_stages("Potjie & Pan, day-one walk", &STAGES, &mut ids);
    map.persona = "First-time buyer of a cast-iron pan, on a phone at night".to_owned();
    map.shadow.channels = ["Website", "Phone", "Store", "E-mail"].map(String::from).to_vec();
    map.memo = Some(MemoFacts {
        walked_by: "Thandi Mokoena".to_owned(),
        when: "20 to 22 November 2026".to_owned(),
        devices: "iPhone 13, work laptop".to_owned(),
        ..MemoFacts::default()
    });
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    for i in 0..points {
        let (stage, channel, text, note) = WALK[i % WALK.len()];
        let round = i / WALK.len();
        let text = if round == 0 {
            text.to_owned()
        } else {
            format!("{text} (visit {})", round + 1)
        };
        let id = FrictionId(format!("fr-{i:04}"));
        let mut friction = Friction::new(id.clone(), text);
        friction.channel = channel.to_owned();
        friction.severity = [Severity::Severe, Severity::Major, Severity::Minor][i % 3];
        friction.votes = (i % 4) as u32;
        friction.status = if i % 7 == 6 {
            Status::InProgress
        } else {
            Status::Open
        };
        if i.is_multiple_of(5) {
            let receipt = format!("docs/receipt-{i}.pdf");
            std::fs::write(dir.join(&receipt), b"%PDF-1.4 a receipt").unwrap();
            friction.evidence.push(receipt);
        }
        // Photos repeat after the first walk's 30: a long walk re-shoots the same places.
        let shot = i % WALK.len();
        let jpeg = shot.is_multiple_of(2);
        let photo_path = format!(
            "photos/IMG_{:04}.{}",
            4100 + shot,
            if jpeg { "jpg" } else { "png" }
        );
        if round == 0 {
            std::fs::write(dir.join(&photo_path), photo(shot, jpeg)).unwrap();
        }
        map.stages[stage].frictions.push(friction);
        map.shadow.notes.push(
            ShadowNote {
                id: NoteId(format!("sh-{i:04}")),
                at: format!("2026-11-{:02}T{:02}:15:00Z", 20 + i % 3, 8 + i % 10),
                observer: "Thandi".to_owned(),
                stage: map.stages[stage].id.clone(),
                channel: channel.to_owned(),
                text: note.to_owned(),
                evidence: vec![photo_path],
                friction: Some(id),
                ..ShadowNote::default()
            }
            .into(),
        );
    }
    std::fs::write(dir.join("walk.json"), cxmap::format::encode(&map)).unwrap();
    map
}

#[test]
fn a_thirty_point_walk_with_photos_prints_on_one_page_as_html_and_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 30);
    for out in ["memo.html", "memo.pdf"] {
        let output = cxmap(dir.path(), &["memo", "walk.json", "-o", out]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            !stderr(&output).contains("does not fit"),
            "{out}: {}",
            stderr(&output)
        );
    }
    let html = std::fs::read_to_string(dir.path().join("memo.html")).unwrap();
    assert!(
        html.matches("src=\"data:image/jpeg;base64,").count() >= 20,
        "the photos are inside the page"
    );
    assert!(html.len() < 3_000_000, "a few MB at most: {} bytes", html.len());
    assert!(html.contains("font-size: 9pt"), "body text is 9 pt");
    let pdf = std::fs::read(dir.path().join("memo.pdf")).unwrap();
    assert_eq!(print::pdf_pages(&pdf), 1, "the PDF is one page");
    assert!(
        pdf.windows(10).any(|w| w == b"/DCTDecode"),
        "the PDF holds the photos"
    );
    assert!(pdf.len() < 3_000_000, "{} bytes", pdf.len());
    let Some(chromium) = print::chromium_or_skip() else {
        return;
    };
    let pages = print::printed_pages(&chromium, &dir.path().join("memo.html"), dir.path());
    assert_eq!(pages, 1, "Chromium prints the HTML memo on {pages} pages");
}

#[test]
fn a_walk_too_big_for_one_page_says_how_many_pages_and_prints_on_that_many() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 140);
    let output = cxmap(dir.path(), &["memo", "walk.json", "-o", "memo.pdf"]);
    let said = stderr(&output);
    let pages = print::pdf_pages(&std::fs::read(dir.path().join("memo.pdf")).unwrap());
    assert!(pages > 1);
    assert!(
        said.contains(&format!("{pages} pages: 140 friction points")),
        "{said}"
    );
    let Some(chromium) = print::chromium_or_skip() else {
        return;
    };
    assert!(
        cxmap(dir.path(), &["memo", "walk.json", "-o", "memo.html"])
            .status
            .success()
    );
    assert_eq!(
        print::printed_pages(&chromium, &dir.path().join("memo.html"), dir.path()),
        pages,
        "the HTML prints on as many pages as said"
    );
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_command_line_path_from_notes_to_a_memo() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(cxmap(d, &["new", "walk.json"]).status.success());
    std::fs::create_dir(d.join("photos")).unwrap();
    std::fs::write(d.join("photos/queue.jpg"), photo(1, true)).unwrap();
    let noted = cxmap(
        d,
        &[
            "shadow",
            "add",
            "walk.json",
            "--stage",
            "Purchase",
            "--channel",
            "Store",
            "--observer",
            "Thandi",
            "--text",
            "One till open at 12:30, eleven people queueing",
            "--friction",
            "--severity",
            "3",
        ],
    );
    assert!(noted.status.success(), "{}", stderr(&noted));
    assert!(stdout(&noted).contains("friction point"), "{}", stdout(&noted));
    let second = cxmap(
        d,
        &[
            "shadow",
            "add",
            "walk.json",
            "--stage",
            "1",
            "--channel",
            "Website",
            "--observer",
            "Thandi",
            "--text",
            "The home page carousel hides the search box",
        ],
    );
    assert!(second.status.success());
    // The photo arrives later, on the note: the point picks it up through the link.
    let mut map = cxmap::format::parse(&std::fs::read_to_string(d.join("walk.json")).unwrap())
        .unwrap()
        .map;
    map.shadow.notes[0].evidence.push("photos/queue.jpg".to_owned());
    std::fs::write(d.join("walk.json"), cxmap::format::encode(&map)).unwrap();

    let output = cxmap(d, &["memo", "walk.json", "-f", "txt"]);
    assert!(output.status.success());
    let memo = stdout(&output);
    assert!(
        memo.contains("- One till open at 12:30, eleven people queueing\n  Store · severe\n  Evidence: photos/queue.jpg\n"),
        "{memo}"
    );
    assert!(
        !memo.contains("Shadow note"),
        "the note is the point's own text: said once"
    );
    assert!(memo.contains("Bottom line: 1 friction point, 1 severe"), "{memo}");
    assert!(
        stderr(&output).contains("1 shadow note is linked to no friction point"),
        "{}",
        stderr(&output)
    );
    let check = cxmap(d, &["check", "walk.json"]);
    assert!(
        !stdout(&check).contains("no evidence"),
        "the note's photo counts: {}",
        stdout(&check)
    );
}

#[test]
fn the_output_file_names_the_format_and_a_clash_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 3);
    let d = dir.path();
    assert!(cxmap(d, &["memo", "walk.json", "-o", "m.html"]).status.success());
    assert!(
        std::fs::read_to_string(d.join("m.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    assert!(cxmap(d, &["memo", "walk.json", "-o", "m.txt"]).status.success());
    assert!(
        std::fs::read_to_string(d.join("m.txt"))
            .unwrap()
            .starts_with("Friction memo: ")
    );
    assert!(cxmap(d, &["memo", "walk.json", "-o", "m.pdf"]).status.success());
    assert!(std::fs::read(d.join("m.pdf")).unwrap().starts_with(b"%PDF-"));
    let clash = cxmap(d, &["memo", "walk.json", "-f", "md", "-o", "x.html"]);
    assert_eq!(clash.status.code(), Some(2));
    assert!(
        stderr(&clash).contains("-f md and -o x.html disagree"),
        "{}",
        stderr(&clash)
    );
    assert!(!d.join("x.html").exists());
    let unknown = cxmap(d, &["memo", "walk.json", "-o", "memo.doc"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("end it in .md, .txt, .html or .pdf"));
}

#[test]
fn missing_evidence_is_marked_and_listed_and_markdown_links_from_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 6);
    let d = dir.path();
    std::fs::remove_file(d.join("photos/IMG_4101.png")).unwrap();
    std::fs::create_dir(d.join("out")).unwrap();
    let output = cxmap(d, &["memo", "walk.json", "-o", "out/memo.md"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains(
            "1 evidence file is not there (marked \"(missing)\" in the memo):\n  photos/IMG_4101.png\n"
        ),
        "{}",
        stderr(&output)
    );
    let memo = std::fs::read_to_string(d.join("out/memo.md")).unwrap();
    assert!(memo.contains("photos/IMG\\_4101.png (missing)"), "{memo}");
    assert!(
        memo.contains("[photos/IMG\\_4100.jpg](../photos/IMG_4100.jpg)"),
        "{memo}"
    );
    assert!(
        memo.contains("[docs/receipt-0.pdf](../docs/receipt-0.pdf)"),
        "{memo}"
    );
    let html = std::fs::read_to_string({
        assert!(
            cxmap(d, &["memo", "walk.json", "-o", "out/memo.html"])
                .status
                .success()
        );
        d.join("out/memo.html")
    })
    .unwrap();
    assert!(
        html.contains("photos/IMG_4101.png<b class=\"m\"> (missing)</b>"),
        "{html}"
    );
}

#[test]
fn a_long_list_of_missing_evidence_names_the_first_twenty_and_points_to_check() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 30);
    let d = dir.path();
    std::fs::remove_dir_all(d.join("photos")).unwrap();
    let output = cxmap(d, &["memo", "walk.json", "-o", "memo.md"]);
    assert!(output.status.success());
    let said = stderr(&output);
    assert!(said.contains("30 evidence files are not there"), "{said}");
    let named = said.lines().filter(|l| l.starts_with("  photos/")).count();
    assert_eq!(named, 20, "{said}");
    assert!(
        said.contains("\n  and 10 more: cxmap check walk.json names each with its line\n"),
        "{said}"
    );
    let check = cxmap(d, &["check", "walk.json"]);
    let listed =
        stderr(&check).matches("is not there").count() + stdout(&check).matches("is not there").count();
    assert_eq!(listed, 30, "check names every one");
}

#[test]
fn a_bundle_holds_the_memo_and_its_evidence_and_every_link_resolves() {
    let dir = tempfile::tempdir().unwrap();
    walk(dir.path(), 6);
    let d = dir.path();
    let output = cxmap(d, &["memo", "walk.json", "--bundle", "send"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("and 8 evidence files to send/evidence"),
        "{}",
        stdout(&output)
    );
    let html = std::fs::read_to_string(d.join("send/walk-memo.html")).unwrap();
    let links: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(links.len(), 8, "{links:?}");
    for link in links {
        assert!(link.starts_with("evidence/"), "{link}");
        assert!(d.join("send").join(link).is_file(), "{link} resolves");
    }
    let again = cxmap(d, &["memo", "walk.json", "--bundle", "send"]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "a folder with things in it needs --force"
    );
    assert!(
        cxmap(
            d,
            &["memo", "walk.json", "--bundle", "send", "--force", "-f", "md"]
        )
        .status
        .success()
    );
    let md = std::fs::read_to_string(d.join("send/walk-memo.md")).unwrap();
    assert!(md.contains("](evidence/IMG_4100.jpg)"), "{md}");
}

#[test]
fn memo_warns_about_solutions_and_still_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = walk(dir.path(), 3);
    map.stages[0].frictions[0].text = "We should add live chat to the returns page".to_owned();
    map.stages[0].frictions[1].text = "The sign says returns must go by courier".to_owned();
    std::fs::write(dir.path().join("walk.json"), cxmap::format::encode(&map)).unwrap();
    let output = cxmap(dir.path(), &["memo", "walk.json", "-o", "m.md"]);
    assert!(output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains(
            "warning: 1. Awareness: \"We should add live chat to the returns page\" reads like a solution"
        ),
        "{said}"
    );
    assert!(
        !said.contains("courier"),
        "a quoted sign is an observation: {said}"
    );
    assert!(dir.path().join("m.md").exists());
}

#[test]
fn friction_tags_on_the_command_line_set_severity_and_owner() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(cxmap(d, &["new", "walk.json"]).status.success());
    let add = |extra: &[&str]| {
        let mut args = vec![
            "shadow",
            "add",
            "walk.json",
            "--stage",
            "Support",
            "--observer",
            "Thandi",
            "--text",
            "On hold 14 minutes !3 @Ana #contact_centre_call",
        ];
        args.extend_from_slice(extra);
        cxmap(d, &args)
    };
    let refused = add(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("add --friction"),
        "{}",
        stderr(&refused)
    );
    let clash = add(&["--friction", "--severity", "2"]);
    assert!(
        stderr(&clash).contains("--severity says 2 and the text's tag says !3"),
        "{}",
        stderr(&clash)
    );
    let added = add(&["--friction"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let map = cxmap::format::parse(&std::fs::read_to_string(d.join("walk.json")).unwrap())
        .unwrap()
        .map;
    let support = map.stages.iter().find(|s| s.name == "Support").unwrap();
    let point = &support.frictions[0];
    assert_eq!(point.text, "On hold 14 minutes");
    assert_eq!((point.severity, point.owner.as_str()), (Severity::Severe, "Ana"));
    assert_eq!(map.shadow.notes[0].friction.as_ref(), Some(&point.id));
}

#[test]
fn a_friction_point_added_on_the_command_line_is_coached_and_still_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(cxmap(d, &["new", "walk.json"]).status.success());
    let add = |text: &str| {
        cxmap(
            d,
            &[
                "shadow",
                "add",
                "walk.json",
                "--stage",
                "Purchase",
                "--channel",
                "Website",
                "--observer",
                "Thandi",
                "--text",
                text,
                "--friction",
            ],
        )
    };
    let proposal = add("Let's add Apple Pay at checkout");
    assert!(proposal.status.success(), "{}", stderr(&proposal));
    assert!(
        stderr(&proposal).contains(
            "cxmap: warning: the friction point reads like a solution (\"Let's\" proposes what to do)"
        ),
        "{}",
        stderr(&proposal)
    );
    let sign = add("The sign says returns must go by courier");
    assert!(sign.status.success());
    assert_eq!(stderr(&sign), "", "a quoted sign is an observation");
    let map = cxmap::format::parse(&std::fs::read_to_string(d.join("walk.json")).unwrap())
        .unwrap()
        .map;
    let purchase = map.stages.iter().find(|s| s.name == "Purchase").unwrap();
    assert_eq!(purchase.frictions.len(), 2, "kept, as the memo keeps it");
}

#[test]
fn thirty_long_observations_with_photos_still_print_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = walk(dir.path(), 30);
    // A junior writes long: each point runs to two or three lines in a column.
    for stage in &mut map.stages {
        for point in &mut stage.frictions {
            point
                .text
                .push_str(", and it was the same on the second visit a day later");
        }
    }
    std::fs::write(dir.path().join("walk.json"), cxmap::format::encode(&map)).unwrap();
    for out in ["memo.html", "memo.pdf"] {
        let output = cxmap(dir.path(), &["memo", "walk.json", "-o", out]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            !stderr(&output).contains("does not fit"),
            "{out}: {}",
            stderr(&output)
        );
    }
    let html = std::fs::read_to_string(dir.path().join("memo.html")).unwrap();
    assert!(html.contains("…"), "minor points are cut to one line");
    assert!(
        html.contains("src=\"data:image/"),
        "the severe points keep a photo"
    );
    let pdf = std::fs::read(dir.path().join("memo.pdf")).unwrap();
    assert_eq!(print::pdf_pages(&pdf), 1, "the PDF is one page");
    let Some(chromium) = print::chromium_or_skip() else {
        return;
    };
    let pages = print::printed_pages(&chromium, &dir.path().join("memo.html"), dir.path());
    assert_eq!(pages, 1, "Chromium prints the HTML memo on {pages} pages");
}

#[test]
fn a_bundle_too_big_for_e_mail_says_so_and_how_to_send_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = walk(dir.path(), 3);
    let d = dir.path();
    let small = cxmap(d, &["memo", "walk.json", "--bundle", "small"]);
    assert!(small.status.success());
    assert!(!stderr(&small).contains("e-mail"), "{}", stderr(&small));
    // A screen recording of the checkout, as phones make them: 21 MB.
    std::fs::write(d.join("docs/checkout.mp4"), vec![7u8; 21_000_000]).unwrap();
    map.stages[0].frictions[0]
        .evidence
        .push("docs/checkout.mp4".to_owned());
    std::fs::write(d.join("walk.json"), cxmap::format::encode(&map)).unwrap();
    let big = cxmap(d, &["memo", "walk.json", "--bundle", "big"]);
    assert!(big.status.success(), "{}", stderr(&big));
    assert!(
        stderr(&big).contains(
            "big holds 21 MB, more than most e-mail takes (about 20 MB): share the folder \
             as a link, or send the memo on its own (its photos are inside)"
        ),
        "{}",
        stderr(&big)
    );
}
