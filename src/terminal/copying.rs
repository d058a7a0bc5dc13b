//! Copies made on a worker, in the order asked: neither the text (the memo of a
//! 2,800-stage map takes a fifth of a second) nor the desktop's clipboard program (up to
//! half a second) holds up the keys. The loop writes each copy's OSC 52 sequence as it comes.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use crate::app::App;
use crate::app::documents::Clipping;
use crate::app::update::copied;
use crate::store::describe_io;

/// Hands text to a clipboard program and says which took it.
type HandOver = fn(&str) -> Option<&'static str>;

/// A copy asked for: its name in the status bar and what to put on the clipboard.
type Asked = (String, Clipping);

/// A copy made: its name, its OSC 52 sequence and the clipboard program that took it.
struct Made {
    what: String,
    osc52: String,
    program: Option<&'static str>,
}

/// The copying worker, started at the first copy, and how many copies it has not sent
/// back yet.
pub(super) struct Copying {
    hand_over: HandOver,
    worker: Option<(Sender<Asked>, Receiver<Made>)>,
    under_way: usize,
}

impl Copying {
    /// Copies that go to the terminal and to the clipboard program `hand_over` finds.
    pub(super) fn new(hand_over: HandOver) -> Self {
        Self {
            hand_over,
            worker: None,
            under_way: 0,
        }
    }

    /// Whether a copy is being made.
    pub(super) fn busy(&self) -> bool {
        self.under_way > 0
    }

    /// Starts copying `text`; `what` names it in the status bar, which says it is under way.
    pub(super) fn ask(&mut self, app: &mut App, what: String, text: Clipping) {
        let hand_over = self.hand_over;
        let (asked, _) = self.worker.get_or_insert_with(|| start(hand_over));
        let under_way = format!("Copying {what}…");
        if let Err(mpsc::SendError((what, _))) = asked.send((what, text)) {
            self.worker = None;
            self.under_way = 0;
            let why = "copying stopped because of a bug in cxmap".to_owned();
            copied(app, &what, Err(why));
            return;
        }
        self.under_way += 1;
        app.inform(under_way);
    }

    /// Writes the copies made since the last call to `terminal` and says where each went;
    /// whether any came back.
    pub(super) fn collect(&mut self, app: &mut App, terminal: &mut impl Write) -> bool {
        let mut any = false;
        while self.under_way > 0 {
            let Some((_, made)) = &self.worker else {
                break;
            };
            match made.try_recv() {
                Ok(made) => {
                    self.under_way -= 1;
                    put(app, made, terminal);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.worker = None;
                    self.under_way = 0;
                    app.warn("Not copied: copying stopped because of a bug in cxmap");
                }
            }
            any = true;
        }
        any
    }

    /// Waits for every copy under way and writes it to `terminal` (as the program ends).
    pub(super) fn finish(&mut self, app: &mut App, terminal: &mut impl Write) {
        if let Some((asked, made)) = self.worker.take() {
            drop(asked);
            for made in made.iter().take(self.under_way) {
                put(app, made, terminal);
            }
        }
        self.under_way = 0;
    }
}

/// Starts the worker: it makes each copy's text in turn and hands it to the clipboard
/// program, so a later copy never lands before an earlier one.
fn start(hand_over: HandOver) -> (Sender<Asked>, Receiver<Made>) {
    let (asked, jobs) = mpsc::channel::<Asked>();
    let (done, made) = mpsc::channel();
    std::thread::spawn(move || {
        for (what, clipping) in jobs {
            let text = clipping.into_text();
            let made = Made {
                osc52: super::clipboard::osc52(&text),
                program: hand_over(&text),
                what,
            };
            if done.send(made).is_err() {
                break;
            }
        }
    });
    (asked, made)
}

/// Writes `made`'s OSC 52 sequence to `terminal` and says where the copy went.
fn put(app: &mut App, made: Made, terminal: &mut impl Write) {
    let written = terminal
        .write_all(made.osc52.as_bytes())
        .and_then(|()| terminal.flush());
    let places: Vec<String> = written
        .iter()
        .map(|()| "OSC 52")
        .chain(made.program)
        .map(str::to_owned)
        .collect();
    let outcome = match written {
        Err(error) if places.is_empty() => Err(describe_io(&error)),
        _ => Ok(places),
    };
    copied(app, &made.what, outcome);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::app::document::Document;
    use crate::app::documents::Content;
    use crate::assets::EXAMPLES;
    use crate::export::memo::{MemoFormat, MemoOptions};
    use crate::model::IdGen;

    fn taken_by_a_desktop(_: &str) -> Option<&'static str> {
        Some("wl-copy")
    }

    fn no_desktop(_: &str) -> Option<&'static str> {
        None
    }

    fn store() -> App {
        let map = EXAMPLES[0].map().unwrap();
        App::with_document(
            Document::opened(map, "/nowhere/coffee.json".into()),
            IdGen::seeded(1),
        )
    }

    fn message(app: &App) -> String {
        app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
    }

    /// Collects until every copy asked for has come back.
    fn collect_all(copying: &mut Copying, app: &mut App, terminal: &mut Vec<u8>) {
        let start = Instant::now();
        while copying.busy() {
            assert!(start.elapsed() < Duration::from_secs(10), "no copy came back");
            copying.collect(app, terminal);
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn copies_come_back_in_the_order_asked_and_say_where_they_went() {
        let mut app = store();
        let map = Arc::clone(&app.doc().unwrap().map);
        let mut copying = Copying::new(taken_by_a_desktop);
        let memo = Content::Memo {
            map,
            options: MemoOptions::default(),
            format: MemoFormat::Markdown,
        };
        let expected_memo = String::from_utf8(memo.plain()).unwrap();
        copying.ask(&mut app, "the friction memo".to_owned(), Clipping::Document(memo));
        assert_eq!(message(&app), "Copying the friction memo…");
        copying.ask(
            &mut app,
            "stage 1".to_owned(),
            Clipping::Text("## 1. Awareness".to_owned()),
        );
        let mut terminal = Vec::new();
        collect_all(&mut copying, &mut app, &mut terminal);
        let expected = super::super::clipboard::osc52(&expected_memo)
            + &super::super::clipboard::osc52("## 1. Awareness");
        assert_eq!(String::from_utf8(terminal).unwrap(), expected);
        assert_eq!(message(&app), "Copied stage 1 (OSC 52, wl-copy)");
    }

    #[test]
    fn a_copy_asked_for_as_the_program_ends_still_lands() {
        let mut app = store();
        let mut copying = Copying::new(no_desktop);
        copying.ask(
            &mut app,
            "stage 2".to_owned(),
            Clipping::Text("## 2. Consideration".to_owned()),
        );
        let mut terminal = Vec::new();
        copying.finish(&mut app, &mut terminal);
        assert!(!copying.busy());
        assert_eq!(
            String::from_utf8(terminal).unwrap(),
            super::super::clipboard::osc52("## 2. Consideration")
        );
        assert_eq!(message(&app), "Copied stage 2 (OSC 52)");
    }

    /// A terminal that takes nothing.
    struct Gone;

    impl Write for Gone {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_copy_the_terminal_refuses_says_why_unless_a_program_took_it() {
        let mut app = store();
        let mut copying = Copying::new(no_desktop);
        copying.ask(&mut app, "stage 3".to_owned(), Clipping::Text("x".to_owned()));
        copying.finish(&mut app, &mut Gone);
        assert!(
            message(&app).starts_with("Could not copy stage 3: "),
            "{}",
            message(&app)
        );
        let mut copying = Copying::new(taken_by_a_desktop);
        copying.ask(&mut app, "stage 3".to_owned(), Clipping::Text("x".to_owned()));
        copying.finish(&mut app, &mut Gone);
        assert_eq!(message(&app), "Copied stage 3 (wl-copy)");
    }
}
