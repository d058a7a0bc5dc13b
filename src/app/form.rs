//! Forms: several fields edited together and checked before they are kept (a friction
//! point's severity, channel, owner…). What each form is for lives in `forms/`; this
//! module knows fields, not purposes.

use std::ops::RangeInclusive;

use std::borrow::Cow;

use super::choices::Choices;
use super::completion::{self, Completed, Completion, Cycle};
use crate::text::input::TextInput;

/// What a field holds and how it is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// Free text; one line or several.
    Text(TextInput),
    /// A number typed as text, checked against a range when the form is kept.
    Number {
        input: TextInput,
        range: RangeInclusive<f64>,
        whole: bool,
        optional: bool,
    },
    /// One of a few options, changed with ← and → or by typing its first letter.
    Choice {
        options: Choices,
        selected: usize,
        original: usize,
    },
}

/// One labelled field of a form, found by its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// What the form's code calls it (`"severity"`), unique in its form.
    pub name: &'static str,
    /// What the screen calls it.
    pub label: &'static str,
    pub value: FieldValue,
    /// What Tab completes in a text field.
    pub completion: Completion,
    /// The text is a suggestion (a default, the name already there): the first character
    /// typed or pasted replaces it, and it is drawn selected until then.
    pub suggestion: bool,
    /// What the field takes, shown dim after a one-line value when there is room ("" for
    /// none).
    pub hint: &'static str,
    cycle: Cycle,
}

/// A number as a form shows it: no ".0" on whole numbers.
pub fn number_text(value: Option<f64>) -> String {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

impl Field {
    /// A text field.
    pub fn text(name: &'static str, label: &'static str, text: &str, multiline: bool) -> Self {
        Self {
            name,
            label,
            value: FieldValue::Text(TextInput::new(text, multiline)),
            completion: Completion::Nothing,
            suggestion: false,
            hint: "",
            cycle: Cycle::default(),
        }
    }

    /// A number field; `optional` fields may be left empty.
    pub fn number(
        name: &'static str,
        label: &'static str,
        value: Option<f64>,
        range: RangeInclusive<f64>,
        whole: bool,
        optional: bool,
    ) -> Self {
        Self {
            name,
            label,
            value: FieldValue::Number {
                input: TextInput::new(&number_text(value), false),
                range,
                whole,
                optional,
            },
            completion: Completion::Nothing,
            suggestion: false,
            hint: "",
            cycle: Cycle::default(),
        }
    }

    /// A choice among `options`, starting at `selected`.
    pub fn choice(name: &'static str, label: &'static str, options: Vec<String>, selected: usize) -> Self {
        Self::choice_among(name, label, Choices::Labels(options), selected)
    }

    /// A choice among `options` (labels, or a map's stages), starting at `selected`.
    pub fn choice_among(name: &'static str, label: &'static str, options: Choices, selected: usize) -> Self {
        let selected = selected.min(options.count().saturating_sub(1));
        Self {
            name,
            label,
            value: FieldValue::Choice {
                options,
                selected,
                original: selected,
            },
            completion: Completion::Nothing,
            suggestion: false,
            hint: "",
            cycle: Cycle::default(),
        }
    }

    /// The same field, its text a suggestion that typing replaces.
    pub fn suggested(mut self) -> Self {
        self.suggestion = true;
        self
    }

    /// The same field, `hint` saying what it takes.
    pub fn hinted(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    /// The same field, Tab completing what it says.
    pub fn completing(mut self, completion: Completion) -> Self {
        self.completion = completion;
        self
    }

    /// Tab in this field: completes the name or tag being typed. `None` when there was
    /// nothing to complete (Tab then moves to the next field).
    pub fn complete(&mut self) -> Option<Completed> {
        let done = self.completions().is_empty();
        let FieldValue::Text(input) = &mut self.value else {
            return None;
        };
        match &self.completion {
            Completion::Nothing => None,
            Completion::Names(names) => {
                let matches = completion::name_matches(input, names);
                let name = (*matches.first()?).to_owned();
                input.set_text(&name);
                Some(Completed::Name {
                    name,
                    others: matches.len() - 1,
                })
            }
            Completion::Tags(names) => {
                if done {
                    return None;
                }
                Some(completion::complete_tag(input, names, &mut self.cycle))
            }
        }
    }

    /// What Tab would complete to here, first the name it takes: for the form's hint.
    pub fn completions(&self) -> Vec<&str> {
        let FieldValue::Text(input) = &self.value else {
            return Vec::new();
        };
        match &self.completion {
            Completion::Nothing => Vec::new(),
            Completion::Names(names) => completion::name_matches(input, names),
            // A tag already spelled as the map spells it is done: Tab moves on.
            Completion::Tags(names) => match completion::tag_matches(input, names) {
                Some((tag, matches))
                    if matches.first().is_some_and(|m| *m != tag.typed.replace('_', " ")) =>
                {
                    matches
                }
                _ => Vec::new(),
            },
        }
    }

    /// What Tab completes here now, for the hints ("#store", or the field's name as
    /// "owner"); `None` when Tab moves to the next field.
    pub fn tab_completes(&self) -> Option<String> {
        let FieldValue::Text(input) = &self.value else {
            return None;
        };
        if self.completions().is_empty() {
            return None;
        }
        Some(match &self.completion {
            Completion::Tags(_) => {
                let before = &input.text()[..input.cursor()];
                let tag = crate::model::capture::open_tag(before)?;
                before[tag.start..].to_owned()
            }
            _ => self.label.to_lowercase(),
        })
    }

    /// Whether the field differs from what it started with.
    pub fn is_modified(&self) -> bool {
        match &self.value {
            FieldValue::Text(input) | FieldValue::Number { input, .. } => input.is_modified(),
            FieldValue::Choice {
                selected, original, ..
            } => selected != original,
        }
    }

    /// The field's line editor, for text and number fields.
    pub fn input_mut(&mut self) -> Option<&mut TextInput> {
        match &mut self.value {
            FieldValue::Text(input) | FieldValue::Number { input, .. } => Some(input),
            FieldValue::Choice { .. } => None,
        }
    }

    /// The number typed, checked: `Ok(None)` for an empty optional field.
    pub fn number_value(&self) -> Result<Option<f64>, String> {
        let FieldValue::Number {
            input,
            range,
            whole,
            optional,
        } = &self.value
        else {
            return Err(format!("{} is not a number field", self.label));
        };
        let text = input.text().trim();
        if text.is_empty() {
            return if *optional {
                Ok(None)
            } else {
                Err(format!("{} needs a number", self.label))
            };
        }
        let rule = || {
            let kind = if *whole { "a whole number" } else { "a number" };
            format!(
                "{} must be {kind} from {} to {}",
                self.label,
                range.start(),
                range.end()
            )
        };
        let value: f64 = text.replace(',', ".").parse().map_err(|_| rule())?;
        if !value.is_finite() || !range.contains(&value) || (*whole && value.fract() != 0.0) {
            return Err(rule());
        }
        Ok(Some(value))
    }
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the form was not kept, shown until the next change.
    pub error: Option<String>,
    /// Something to know about what the form shows (a missing evidence file), shown
    /// where the error goes when there is none.
    pub note: Option<String>,
}

impl Form {
    /// A form with its first field focused.
    pub fn new(title: String, fields: Vec<Field>) -> Self {
        Self {
            title,
            fields,
            focus: 0,
            error: None,
            note: None,
        }
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// The focused field, to edit.
    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// Focus on the next field, wrapping round.
    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    /// Focus on the previous field, wrapping round.
    pub fn previous_field(&mut self) {
        let count = self.fields.len().max(1);
        self.focus = (self.focus + count - 1) % count;
    }

    /// The fields changed, in words: "Channel and Owner".
    pub fn changed(&self) -> String {
        let labels: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| f.is_modified())
            .map(|f| f.label)
            .collect();
        if labels.is_empty() {
            return "nothing".to_owned();
        }
        crate::text::list::in_words(&labels)
    }

    /// Whether any field was changed.
    pub fn is_modified(&self) -> bool {
        self.fields.iter().any(Field::is_modified)
    }

    /// Where the field called `name` is in the form.
    fn index(&self, name: &str) -> Option<usize> {
        let index = self.fields.iter().position(|f| f.name == name);
        debug_assert!(index.is_some(), "the form has no field called {name}");
        index
    }

    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.get(self.index(name)?)
    }

    /// The field called `name`, to change.
    pub fn field_mut(&mut self, name: &str) -> Option<&mut Field> {
        let index = self.index(name)?;
        self.fields.get_mut(index)
    }

    /// The name of the focused field.
    pub fn focused_name(&self) -> Option<&'static str> {
        self.focused().map(|f| f.name)
    }

    /// Moves the focus to the field called `name`.
    pub fn focus_on(&mut self, name: &str) {
        if let Some(index) = self.index(name) {
            self.focus = index;
        }
    }

    /// The text of the field called `name` (empty for a choice).
    pub fn text(&self, name: &str) -> &str {
        match self.field(name).map(|f| &f.value) {
            Some(FieldValue::Text(input)) | Some(FieldValue::Number { input, .. }) => input.text(),
            _ => "",
        }
    }

    /// The selected option of the field called `name` (0 for other fields).
    pub fn choice(&self, name: &str) -> usize {
        match self.field(name).map(|f| &f.value) {
            Some(FieldValue::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    /// The option chosen in the choice field `name`, as offered.
    pub fn chosen(&self, name: &str) -> Option<Cow<'_, str>> {
        self.field(name).and_then(|f| match &f.value {
            FieldValue::Choice {
                options, selected, ..
            } => options.label(*selected),
            _ => None,
        })
    }

    /// The checked number of the field called `name`; an error moves the focus to it.
    pub fn number(&mut self, name: &str) -> Result<Option<f64>, String> {
        let result = self.field(name).map_or_else(
            || Err(format!("the form has no field called {name}")),
            Field::number_value,
        );
        if result.is_err() {
            self.focus_on(name);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_checked_against_their_range() {
        let votes = Field::number("votes", "Votes", Some(3.0), 0.0..=9999.0, true, false);
        assert_eq!(votes.number_value(), Ok(Some(3.0)));
        let mut typed = votes.clone();
        typed.input_mut().unwrap().paste("x");
        assert_eq!(
            typed.number_value(),
            Err("Votes must be a whole number from 0 to 9999".to_owned())
        );
        let csat = Field::number("csat", "CSAT", None, 0.0..=100.0, false, true);
        assert_eq!(csat.number_value(), Ok(None));
        let mut decimal = csat.clone();
        decimal.input_mut().unwrap().paste("78,5");
        assert_eq!(decimal.number_value(), Ok(Some(78.5)));
        let mut nan = csat;
        nan.input_mut().unwrap().paste("NaN");
        assert!(nan.number_value().is_err(), "not-a-number is not a number");
    }

    #[test]
    fn fields_are_found_by_name_and_a_bad_number_takes_the_focus() {
        let mut form = Form::new(
            "Round".to_owned(),
            vec![
                Field::text("who", "Who", "Ana", false),
                Field::number("votes", "Votes", None, 0.0..=9.0, true, false),
                Field::choice("when", "When", vec!["now".into(), "later".into()], 1),
            ],
        );
        assert_eq!(form.text("who"), "Ana");
        assert_eq!(form.choice("when"), 1);
        assert_eq!(form.focused_name(), Some("who"));
        assert!(form.number("votes").is_err());
        assert_eq!(form.focused_name(), Some("votes"));
        form.focus_on("when");
        assert_eq!(form.focus, 2);
    }

    #[test]
    fn whole_numbers_show_without_decimals() {
        assert_eq!(number_text(Some(78.0)), "78");
        assert_eq!(number_text(Some(3.4)), "3.4");
        assert_eq!(number_text(None), "");
    }

    #[test]
    fn tab_completes_a_name_once_then_moves_on() {
        let names = vec!["E-mail".to_owned(), "Email list".to_owned()];
        let mut field =
            Field::text("channel", "Channel", "email", false).completing(Completion::Names(names));
        assert_eq!(field.completions(), ["E-mail", "Email list"]);
        assert_eq!(
            field.complete(),
            Some(Completed::Name {
                name: "E-mail".into(),
                others: 1
            })
        );
        assert_eq!(
            field.complete(),
            None,
            "spelled as the map spells it: Tab moves on"
        );
        assert_eq!(Field::text("owner", "Owner", "Ana", false).complete(), None);
    }

    #[test]
    fn choices_know_when_they_changed() {
        let mut field = Field::choice("status", "Status", vec!["open".into(), "fixed".into()], 0);
        assert!(!field.is_modified());
        if let FieldValue::Choice { selected, .. } = &mut field.value {
            *selected = 1;
        }
        assert!(field.is_modified());
    }
}
