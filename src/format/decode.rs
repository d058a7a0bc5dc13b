//! Reads a file straight into a [`JourneyMap`] in one pass: each object of the format is
//! a [`Record`] (their keys are in `records.rs`) that decodes its known keys as they come and keeps the others, in place,
//! as [`Extras`]. Wrong values become problems placed at their line and column, and the
//! item keeps its default, so one reading tells every problem.

use std::io::Read;

use super::diagnostic::{Diagnostic, Level};
use super::json::{Json, Key, Syntax};
use super::places::Places;
use super::source::Pos;
use crate::model::{ExtraField, Extras, FORMAT_VERSION, JourneyMap};

/// What reading found besides the map: problems in file order and where the ids and
/// references are, for the cross-checks.
pub struct Decoded {
    pub map: JourneyMap,
    pub problems: Vec<Diagnostic>,
    pub places: Places,
}

/// Reads the whole document. A syntax error stops the reading; any other problem is kept
/// and the reading goes on.
pub fn decode<R: Read>(json: &mut Json<R>, review: bool) -> Result<Decoded, Syntax> {
    let mut d = Decoder {
        json,
        problems: Vec::new(),
        places: Places {
            review,
            ..Places::default()
        },
        version: Version::Missing,
        score_at: None,
    };
    let (mut map, at) = d.record::<JourneyMap>()?;
    d.json.end()?;
    let refusal = match d.version {
        Version::Missing => Some(Diagnostic::at(
            at,
            Level::Error,
            format!("not a cxmap journey map: the \"cxmap\": {FORMAT_VERSION} version field is missing"),
        )),
        Version::Newer(refusal) => Some(refusal),
        Version::Read => None,
    };
    let mut problems = d.problems;
    let places = d.places;
    if let Some(refusal) = refusal {
        // A file that is not format 1 is not read further: only why is told.
        problems = vec![refusal];
        map = JourneyMap::default();
    }
    Ok(Decoded {
        map,
        problems,
        places,
    })
}

/// Whether the format version was read.
pub(super) enum Version {
    Missing,
    Read,
    /// A newer format: the refusal; nothing else is decoded.
    Newer(Diagnostic),
}

pub struct Decoder<'j, R> {
    pub(super) json: &'j mut Json<R>,
    problems: Vec<Diagnostic>,
    pub(super) places: Places,
    pub(super) version: Version,
    /// Where the stage being read has its emotion score (for `Places::scores`).
    pub(super) score_at: Option<Pos>,
}

/// The most known keys an object of the format has (records.rs checks it at compile time).
pub(super) const MAX_KEYS: usize = 8;

/// Where each known key's value is in one object (`None`: the key is absent).
pub(super) type Seen = [Option<Pos>; MAX_KEYS];

/// One object of the format.
pub(super) trait Record: Default {
    /// Its known keys in the order a save writes them.
    const KEYS: &'static [&'static str];
    /// What it is, for "expected a stage (an object), found …".
    const WHAT: &'static str;

    /// Decodes the value of `KEYS[key]`. False when an optional field turned out to be
    /// absent, so unknown fields after it stay with the known key before it.
    fn field<R: Read>(&mut self, d: &mut Decoder<R>, key: usize) -> Result<bool, Syntax>;

    fn extras(&mut self) -> &mut Extras;

    /// Checks once every key is read; `at` is the object's position.
    fn finish<R: Read>(&mut self, _d: &mut Decoder<R>, _at: Pos, _seen: &Seen) {}

    fn not_an_object(found: &str) -> String {
        format!("expected {} (an object), found {found}", Self::WHAT)
    }
}

impl<R: Read> Decoder<'_, R> {
    pub(super) fn report(&mut self, at: Pos, level: Level, message: String) {
        self.problems.push(Diagnostic::at(at, level, message));
    }

    /// Reads one object as `T`, or reports what was there instead and gives the default.
    pub(super) fn record<T: Record>(&mut self) -> Result<(T, Pos), Syntax> {
        let (item, at, _) = self.record_seen::<T>()?;
        Ok((item, at))
    }

    pub(super) fn record_seen<T: Record>(&mut self) -> Result<(T, Pos, Seen), Syntax> {
        let (first, at) = self.json.peek_value()?;
        let mut seen: Seen = [None; MAX_KEYS];
        if first != b'{' {
            let found = self.json.skip()?;
            self.report(at, Level::Error, T::not_an_object(found));
            return Ok((T::default(), at, seen));
        }
        self.json.open()?;
        let mut item = T::default();
        // The known keys in file order, each with whether it anchors unknown fields.
        let mut known = [(0usize, false); MAX_KEYS];
        let mut known_count = 0;
        let mut unknown: Vec<(usize, ExtraField)> = Vec::new();
        let mut first = true;
        // Saved files have the known keys in order: the one after the last is tried first.
        let mut expected = 0;
        while let Some(key) = self.json.next_key(&mut first, T::KEYS, expected)? {
            match key {
                Key::Known(k) => {
                    expected = k + 1;
                    if seen[k].is_some() {
                        return Err(self.json.repeated_key(Some(T::KEYS[k])));
                    }
                    self.json.colon()?;
                    seen[k] = Some(self.json.peek_value()?.1);
                    let anchors = item.field(self, k)?;
                    known[known_count] = (k, anchors);
                    known_count += 1;
                }
                Key::Other => {
                    if unknown.iter().any(|(_, field)| field.key == self.json.key) {
                        return Err(self.json.repeated_key(None));
                    }
                    let key = self.json.key.clone();
                    self.json.colon()?;
                    let value = self.json.value()?;
                    let field = ExtraField {
                        after: None,
                        key,
                        value,
                    };
                    unknown.push((known_count, field));
                }
            }
        }
        item.finish(self, at, &seen);
        if !unknown.is_empty() {
            *item.extras() = anchored::<T>(&known[..known_count], unknown);
        }
        Ok((item, at, seen))
    }

    /// Like [`Decoder::record`] for an object that may be `null` (absent).
    pub(super) fn optional_record<T: Record>(&mut self) -> Result<Option<T>, Syntax> {
        if self.json.peek_value()?.0 == b'n' {
            self.json.null()?;
            return Ok(None);
        }
        Ok(Some(self.record::<T>()?.0))
    }

    pub(super) fn text(&mut self) -> Result<String, Syntax> {
        let (first, at) = self.json.peek_value()?;
        if first == b'"' {
            return self.json.string();
        }
        let found = self.json.skip()?;
        self.report(at, Level::Error, format!("expected text, found {found}"));
        Ok(String::new())
    }

    pub(super) fn list<T>(
        &mut self,
        what: &str,
        mut item: impl FnMut(&mut Self) -> Result<T, Syntax>,
    ) -> Result<Vec<T>, Syntax> {
        let (first, at) = self.json.peek_value()?;
        if first != b'[' {
            let found = self.json.skip()?;
            self.report(
                at,
                Level::Error,
                format!("expected a list of {what}, found {found}"),
            );
            return Ok(Vec::new());
        }
        self.json.open()?;
        let mut items = Vec::new();
        let mut first = true;
        while self.json.next_item(&mut first)? {
            items.push(item(self)?);
        }
        Ok(items)
    }

    pub(super) fn texts(&mut self, what: &str) -> Result<Vec<String>, Syntax> {
        self.list(what, Self::text)
    }

    /// Like [`Decoder::texts`], with each entry's position kept in `places` for review.
    pub(super) fn placed_texts(
        &mut self,
        what: &str,
        places: fn(&mut Places) -> &mut Vec<Pos>,
    ) -> Result<Vec<String>, Syntax> {
        if !self.places.review {
            return self.texts(what);
        }
        self.list(what, |d| {
            let at = d.json.peek_value()?.1;
            places(&mut d.places).push(at);
            d.text()
        })
    }

    /// A whole number; `rule` and what was found instead, when it is not one.
    pub(super) fn integer(&mut self, rule: &str) -> Result<Option<i64>, Syntax> {
        let (first, at) = self.json.peek_value()?;
        let found = match first {
            b'-' | b'0'..=b'9' => {
                let number = self.json.number()?;
                match number.as_i64() {
                    Some(value) => return Ok(Some(value)),
                    None => number.to_json().to_string(),
                }
            }
            b'"' => format!("the text \"{}\"", self.json.string()?),
            _ => self.json.skip()?.to_owned(),
        };
        self.report(at, Level::Error, format!("{rule}; found {found}"));
        Ok(None)
    }

    pub(super) fn votes(&mut self) -> Result<u32, Syntax> {
        const RULE: &str = "votes must be a whole number, 0 or more";
        let at = self.json.peek_value()?.1;
        Ok(match self.integer(RULE)? {
            Some(v) => u32::try_from(v).unwrap_or_else(|_| {
                self.report(at, Level::Error, format!("{RULE}; found {v}"));
                0
            }),
            None => 0,
        })
    }

    /// A number, or `null` for none.
    pub(super) fn number(&mut self) -> Result<Option<f64>, Syntax> {
        let (first, at) = self.json.peek_value()?;
        match first {
            b'-' | b'0'..=b'9' => Ok(Some(self.json.number()?.as_f64())),
            b'n' => {
                self.json.null()?;
                Ok(None)
            }
            _ => {
                let found = self.json.skip()?;
                self.report(at, Level::Error, format!("expected a number, found {found}"));
                Ok(None)
            }
        }
    }

    /// A stage metric, which must lie within its scale.
    pub(super) fn measure(
        &mut self,
        name: &str,
        range: std::ops::RangeInclusive<f64>,
    ) -> Result<Option<f64>, Syntax> {
        let at = self.json.peek_value()?.1;
        let value = self.number()?;
        if let Some(value) = value
            && !range.contains(&value)
        {
            self.report(
                at,
                Level::Error,
                format!(
                    "{name} must be a number from {} to {}; found {}",
                    range.start(),
                    range.end(),
                    short_number(value)
                ),
            );
        }
        Ok(value)
    }

    pub(super) fn id(&mut self, prefix: &str) -> Result<String, Syntax> {
        let at = self.json.peek_value()?.1;
        let id = self.text()?;
        if id.chars().any(char::is_whitespace) {
            self.report(
                at,
                Level::Error,
                format!("the id \"{id}\" contains spaces; ids are short words like \"{prefix}3k9x\""),
            );
        }
        Ok(id)
    }

    /// Warns about an item without an id, at its empty id or at the item.
    pub(super) fn missing_id(&mut self, id: &str, prefix: &str, at: Pos, seen: &Seen) {
        if id.is_empty() {
            self.report(
                seen[0].unwrap_or(at),
                Level::Warning,
                format!("this item has no id; cxmap gives it a new \"{prefix}…\" id when it saves"),
            );
        }
    }
}

/// Unknown fields, each after the known key before it in the file that anchors, in the
/// order a save writes them (by that key, then as in the file).
fn anchored<T: Record>(known: &[(usize, bool)], unknown: Vec<(usize, ExtraField)>) -> Extras {
    let mut fields: Vec<(usize, ExtraField)> = unknown
        .into_iter()
        .map(|(known_before, mut field)| {
            let anchor = known[..known_before].iter().rev().find(|(_, anchors)| *anchors);
            field.after = anchor.map(|&(k, _)| T::KEYS[k]);
            (anchor.map_or(0, |&(k, _)| k + 1), field)
        })
        .collect();
    fields.sort_by_key(|(rank, _)| *rank);
    Extras(fields.into_iter().map(|(_, field)| field).collect())
}

/// A number for a message: as written when short, else in exponent form (1e308, not 309
/// digits).
fn short_number(value: f64) -> String {
    let plain = value.to_string();
    if plain.len() <= 20 {
        plain
    } else {
        format!("{value:e}")
    }
}

impl Diagnostic {
    pub(super) fn at(at: Pos, level: Level, message: String) -> Self {
        Diagnostic {
            line: at.line as usize,
            column: at.column as usize,
            level,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_and_tiny_numbers_stay_short_in_messages() {
        assert_eq!(short_number(120.0), "120");
        assert_eq!(short_number(-0.5), "-0.5");
        assert_eq!(short_number(1e308), "1e308");
        assert_eq!(short_number(-2.5e-300), "-2.5e-300");
    }
}
