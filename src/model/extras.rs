//! Fields a newer tool wrote that this version does not know: kept, in place, so they
//! survive an edit made here (the format's "unknown fields are kept" rule).

use serde_json::Value;

/// One unknown field and the known key it followed in the file (`None`: it came first).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraField {
    pub after: Option<&'static str>,
    pub key: String,
    pub value: Value,
}

/// The unknown fields of one object, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extras(pub Vec<ExtraField>);

impl Extras {
    /// True when the object had no unknown fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The unknown fields that followed `known` (or came first, for `None`).
    pub fn after(&self, known: Option<&'static str>) -> impl Iterator<Item = &ExtraField> {
        self.0.iter().filter(move |field| field.after == known)
    }
}
