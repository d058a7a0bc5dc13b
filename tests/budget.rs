//! The keystroke budget of a live workshop, replayed key by key through the keymap and
//! the update function, as a facilitator presses them while the room calls things out.
//! Words typed (an item's text, a filter) are counted apart from the keys around them;
//! docs/workshop.md lists the counts these tests assert.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cxmap::app::App;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, JourneyMap, Lane, Severity};

/// An app and the keys pressed on it so far: keys, and characters typed as words.
struct Replay {
    app: App,
    keys: usize,
    typed: usize,
}

impl Replay {
    fn store() -> Self {
        let map = EXAMPLES[1].map().unwrap();
        let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
        app.resize(120, 40);
        app.shadow.observer = Some("Amy".to_owned());
        Self {
            app,
            keys: 0,
            typed: 0,
        }
    }

    fn send(&mut self, code: KeyCode) {
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = self.app.keymap.resolve(self.app.mode(), &event) {
            update(&mut self.app, action);
        }
    }

    /// Presses the keys named, one each: a character, or Enter, Esc, Tab, Space, Down.
    fn press(&mut self, keys: &[&str]) -> &mut Self {
        for key in keys {
            let code = match *key {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "Space" => KeyCode::Char(' '),
                "Down" => KeyCode::Down,
                one => KeyCode::Char(one.chars().next().unwrap()),
            };
            self.send(code);
            self.keys += 1;
        }
        self
    }

    /// Types words, character by character.
    fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.send(KeyCode::Char(c));
            self.typed += 1;
        }
        self
    }

    /// Moves the selection down to `lane` before the count starts.
    fn select_lane(&mut self, lane: Lane) -> &mut Self {
        while self.app.cursor.lane != lane {
            self.send(KeyCode::Char('j'));
        }
        self
    }

    fn map(&self) -> &JourneyMap {
        &self.app.doc().unwrap().map
    }
}

#[test]
fn a_friction_point_with_severity_channel_and_owner_takes_three_keys_beyond_its_words() {
    let mut room = Replay::store();
    room.select_lane(Lane::Friction);
    room.press(&["a"])
        .type_text("Queue of nine at the till !3 #e-mail @naledi")
        .press(&["Enter", "Enter"]);
    assert!(room.keys <= 3, "{} keys", room.keys);
    let point = room.map().stages[0]
        .frictions
        .iter()
        .find(|f| f.text == "Queue of nine at the till")
        .unwrap();
    assert_eq!(
        (point.severity, point.channel.as_str(), point.owner.as_str()),
        (Severity::Severe, "E-mail", "Naledi")
    );
    // Each further point the room calls out in the same run costs one key.
    let before = room.keys;
    room.press(&["a"])
        .type_text("Card reader asleep !2 #courier")
        .press(&["Enter"])
        .type_text("Receipt printer jams !1 #courier @logistics")
        .press(&["Enter", "Enter"]);
    assert_eq!(room.keys - before, 4, "a, Enter per point, Enter to stop");
    let frictions = &room.map().stages[0].frictions;
    let jams = frictions
        .iter()
        .find(|f| f.text == "Receipt printer jams")
        .unwrap();
    assert_eq!(
        (jams.channel.as_str(), jams.owner.as_str()),
        ("Courier", "Logistics")
    );
}

#[test]
fn an_opportunity_linked_to_a_point_in_another_stage_takes_five_keys() {
    let mut room = Replay::store();
    room.select_lane(Lane::Opportunity);
    // "Put the R500 minimum in the ad" (stage 1) addresses the delivery fee of stage 3.
    room.press(&["A"]).type_text("fee").press(&["Enter"]);
    assert!(
        room.keys + room.typed <= 5,
        "{} keys and {} letters",
        room.keys,
        room.typed
    );
    let map = room.map();
    let fee = map.stages[2]
        .frictions
        .iter()
        .find(|f| f.text.starts_with("The delivery fee"))
        .unwrap();
    assert!(map.stages[0].opportunities[0].addresses.contains(&fee.id));
}

#[test]
fn a_participant_s_vote_takes_two_keys() {
    let mut room = Replay::store();
    room.press(&["b", "R"]);
    room.send(KeyCode::Enter);
    assert!(room.app.round.is_some());
    room.keys = 0;
    // P1 votes on the first row; the next vote, on the row below, is j v.
    room.press(&["v"]);
    assert_eq!(room.keys, 1);
    room.press(&["j", "v"]);
    assert_eq!(room.keys, 3, "two keys for the next vote");
    // Another person voting for the same point: ] shows them, v casts.
    room.keys = 0;
    room.press(&["]", "v"]);
    assert_eq!(room.keys, 2);
    let round = room.app.round.as_ref().unwrap();
    assert_eq!((round.cast_by(0), round.cast_by(1)), (2, 1));
}

#[test]
fn a_shadow_note_in_another_stage_and_channel_takes_three_keys() {
    let mut room = Replay::store();
    let notes = room.map().shadow.notes.len();
    room.press(&["l", "W"])
        .type_text("The courier's SMS window is four hours #courier")
        .press(&["Enter"]);
    assert!(room.keys <= 3, "{} keys", room.keys);
    let map = room.map();
    assert_eq!(map.shadow.notes.len(), notes + 1);
    let note = map.shadow.notes.last().unwrap();
    assert_eq!(note.text, "The courier's SMS window is four hours");
    assert_eq!(
        (note.stage.clone(), note.channel.as_str()),
        (map.stages[1].id.clone(), "Courier")
    );
    let said = &room.app.message.as_ref().unwrap().text;
    let place = format!("in 2 {} · Courier", map.stages[1].name);
    assert!(said.contains(&place), "the status bar says where it went: {said}");
}

#[test]
fn a_new_opportunity_linked_to_a_point_in_another_stage_takes_five_keys_beyond_its_words() {
    let mut room = Replay::store();
    room.select_lane(Lane::Opportunity);
    room.press(&["a"])
        .type_text("Put the delivery fee in the ad")
        .press(&["Enter", "Enter", "A"])
        .type_text("fee")
        .press(&["Enter"]);
    assert_eq!(room.keys, 5, "a, Enter, Enter to stop, A, Enter");
    let map = room.map();
    let fee = map.stages[2]
        .frictions
        .iter()
        .find(|f| f.text.starts_with("The delivery fee"))
        .unwrap();
    let added = map.stages[0]
        .opportunities
        .iter()
        .find(|o| o.text == "Put the delivery fee in the ad")
        .unwrap();
    assert_eq!(added.addresses, vec![fee.id.clone()]);
}

#[test]
fn an_opportunity_for_the_selected_friction_point_takes_two_keys_beyond_its_words() {
    let mut room = Replay::store();
    room.select_lane(Lane::Friction);
    let point = room.map().stages[0].frictions[0].id.clone();
    let before = room.map().stages[0].opportunities.len();
    room.press(&["A"])
        .type_text("Put the delivery minimum in the ad")
        .press(&["Enter"]);
    assert_eq!(room.keys, 2);
    assert!(room.app.editor().is_none(), "one opportunity, no run of them");
    let opportunities = &room.map().stages[0].opportunities;
    assert_eq!(opportunities.len(), before + 1);
    let added = &opportunities[before];
    assert_eq!(added.text, "Put the delivery minimum in the ad");
    assert_eq!(added.addresses, vec![point]);
    assert_eq!(
        (room.app.cursor.lane, room.app.cursor.item),
        (Lane::Opportunity, before),
        "the selection is on it"
    );
    room.press(&["u"]);
    assert_eq!(room.map().stages[0].opportunities.len(), before);
}

#[test]
fn an_owner_set_in_the_council_takes_two_keys_beyond_the_name() {
    let mut room = Replay::store();
    room.press(&["c"]);
    room.keys = 0;
    // The point already has an owner: the name typed replaces it, no Ctrl-U.
    room.press(&["o"]).type_text("Dee").press(&["Enter"]);
    assert_eq!(room.keys, 2);
    let (s, f) = room.app.board.council_shown[0];
    assert_eq!(room.map().stages[s].frictions[f].owner, "Dee");
}

#[test]
fn a_round_of_named_people_starts_in_two_keys_beyond_their_names() {
    let mut room = Replay::store();
    room.press(&["b"]);
    room.keys = 0;
    room.press(&["R"]).type_text("Ana, Ben, Cy").press(&["Enter"]);
    assert_eq!(room.keys, 2, "3 votes each and blind are the defaults");
    let round = room.app.round.as_ref().unwrap();
    assert_eq!(round.participants(), ["Ana", "Ben", "Cy"]);
    assert_eq!(round.votes_each(), 3);
    assert!(round.blind);
}
