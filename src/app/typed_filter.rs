//! A list narrowed as the user types, shared by the pickers: the words typed, the rows
//! holding every one of them (in any case), and the selection among those rows.

use super::action::Action;

/// The filter over a picker's rows, which it knows only by their positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedFilter {
    /// What each row is matched against, in lower case.
    haystacks: Vec<String>,
    /// What was typed.
    pub query: String,
    /// The rows that match the query, as positions in the picker's rows.
    pub shown: Vec<usize>,
    /// The selected row, as a position in `shown`.
    pub selected: usize,
}

impl TypedFilter {
    /// Every row shown, the first selected; `haystacks` holds one text per row.
    pub fn new(haystacks: Vec<String>) -> Self {
        Self {
            shown: (0..haystacks.len()).collect(),
            haystacks: haystacks.into_iter().map(|h| h.to_lowercase()).collect(),
            query: String::new(),
            selected: 0,
        }
    }

    /// Takes the keys every picker shares (moving, typing, erasing); false for others.
    pub fn take(&mut self, action: &Action) -> bool {
        match action {
            Action::SelectPrevious => self.select_previous(),
            Action::SelectNext => self.select_next(),
            Action::Type(c) => self.type_char(*c),
            Action::DeleteBack => self.erase(),
            _ => return false,
        }
        true
    }

    /// The selected row (a position in the picker's rows), if any row matches.
    pub fn selected_row(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    /// Selects the matching row before the selected one, if there is one.
    pub fn select_previous(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    /// Selects the matching row after the selected one, if there is one.
    pub fn select_next(&mut self) {
        self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1));
    }

    /// Types `c` into the filter.
    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.refilter();
    }

    /// Takes the last character off the filter.
    pub fn erase(&mut self) {
        self.query.pop();
        self.refilter();
    }

    /// Shows the rows holding every word of the query, the first selected.
    fn refilter(&mut self) {
        let query = self.query.to_lowercase();
        let words: Vec<&str> = query.split_whitespace().collect();
        self.shown = (0..self.haystacks.len())
            .filter(|&i| words.iter().all(|w| self.haystacks[i].contains(w)))
            .collect();
        self.selected = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_typed_must_be_in_a_row_in_any_case_and_erasing_widens_again() {
        let mut filter = TypedFilter::new(vec![
            "3 Checkout Card declined".into(),
            "1 Search no results".into(),
        ]);
        let typed = "DECL che";
        typed.chars().for_each(|c| filter.type_char(c));
        assert_eq!(filter.shown, vec![0]);
        filter.type_char('x');
        assert!(filter.shown.is_empty() && filter.selected_row().is_none());
        (0..=typed.len()).for_each(|_| filter.erase());
        assert_eq!(filter.shown, vec![0, 1]);
        assert_eq!(filter.selected_row(), Some(0));
    }
}
