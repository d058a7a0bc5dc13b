//! Documents written from inside the program: the friction memo's preview (its options
//! and its text, laid out once per change) and a file waiting to be written.

use std::path::PathBuf;

use crate::export::memo::{EvidenceFiles, Memo, MemoFormat, MemoOptions};
use crate::model::JourneyMap;

/// A document to write for the user: an export or the memo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub path: PathBuf,
    pub text: String,
    /// What it is, for the status bar ("friction memo", "CSV export").
    pub what: String,
    /// Replace a file already there (the user said yes).
    pub replace: bool,
}

/// The memo preview screen: what the memo says with these options, as text lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoPreview {
    pub options: MemoOptions,
    pub lines: Vec<String>,
    pub scroll: usize,
    /// Whether the map's shadow notes say who walked the journey and when.
    pub notes_say_who: bool,
    /// Who walked it and when, as the memo says now (the details form starts from these).
    pub observers: Vec<String>,
    pub when: Option<String>,
}

impl MemoPreview {
    /// The preview of `map` with no options.
    pub fn open(map: &JourneyMap) -> Self {
        let mut preview = Self {
            options: MemoOptions::default(),
            lines: Vec::new(),
            scroll: 0,
            notes_say_who: false,
            observers: Vec::new(),
            when: None,
        };
        preview.refresh(map);
        preview
    }

    /// Lays the memo out again after its options changed.
    pub fn refresh(&mut self, map: &JourneyMap) {
        let memo = Memo::build(map, &self.options);
        let facts = Memo::build(map, &MemoOptions::default());
        self.notes_say_who = !facts.observers.is_empty() && facts.when.is_some();
        let text = MemoFormat::Text.render(&memo, &EvidenceFiles::not_looked_up());
        self.lines = String::from_utf8_lossy(&text)
            .lines()
            .map(str::to_owned)
            .collect();
        self.observers.clone_from(&memo.observers);
        self.when.clone_from(&memo.when);
    }

    /// The first line shown when `rows` lines fit: never so far down that the page is
    /// not full.
    pub fn top(&self, rows: usize) -> usize {
        self.scroll.min(self.lines.len().saturating_sub(rows))
    }

    /// The memo in `format`, as it would be written.
    pub fn document(&self, map: &JourneyMap, format: MemoFormat) -> String {
        let bytes = format.render(&Memo::build(map, &self.options), &EvidenceFiles::not_looked_up());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}
