//! JSON's grammar over a [`Source`], for the decoder to walk value by value. It refuses
//! what serde_json refuses, with serde_json's words at serde_json's positions (the tests
//! hold it to that), and also a key written twice in one object and nesting deeper than
//! 127 levels, which would otherwise lose data or the stack.

use std::io::Read;

use serde_json::{Map, Number, Value};

use super::source::{Pos, Source};

/// A syntax error: serde_json's message, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    pub message: String,
    pub at: Pos,
}

/// One level deeper than this many nested lists and objects is refused.
const MAX_DEPTH: u32 = 128;

/// A JSON number as serde_json reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Num {
    pub fn to_json(self) -> Number {
        match self {
            Num::Unsigned(n) => n.into(),
            Num::Signed(n) => n.into(),
            // Finite: an infinite number is refused while it is read.
            Num::Float(f) => Number::from_f64(f).unwrap_or_else(|| 0.into()),
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Num::Unsigned(n) => i64::try_from(n).ok(),
            Num::Signed(n) => Some(n),
            Num::Float(_) => None,
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Num::Unsigned(n) => n as f64,
            Num::Signed(n) => n as f64,
            Num::Float(f) => f,
        }
    }
}

/// An object's key: one of those the reader knows (by index), or another, kept in
/// [`Json::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Known(usize),
    Other,
}

/// The JSON type a value starting with `first` has, for "expected …, found …".
pub fn kind(first: u8) -> &'static str {
    match first {
        b'n' => "null",
        b't' | b'f' => "true/false",
        b'"' => "text",
        b'[' => "a list",
        b'{' => "an object",
        _ => "a number",
    }
}

/// Where `key` is in `known`, trying `known[expected]` first.
fn match_key(known: &[&str], expected: usize, key: &str) -> Option<usize> {
    if known.get(expected) == Some(&key) {
        return Some(expected);
    }
    known.iter().position(|k| *k == key)
}

pub struct Json<R> {
    pub source: Source<R>,
    depth: u32,
    /// The last object key read.
    pub key: String,
    digits: String,
}

impl<R: Read> Json<R> {
    pub fn new(source: Source<R>) -> Self {
        Self {
            source,
            depth: 0,
            key: String::new(),
            digits: String::new(),
        }
    }

    fn peek_error(&mut self, message: &str) -> Syntax {
        Syntax {
            message: message.to_owned(),
            at: self.source.peek_position(),
        }
    }

    fn error(&self, message: &str) -> Syntax {
        Syntax {
            message: message.to_owned(),
            at: self.source.position(),
        }
    }

    /// The first byte of the next value and where it is.
    #[inline]
    pub fn peek_value(&mut self) -> Result<(u8, Pos), Syntax> {
        match self.source.skip_whitespace() {
            Some(b) => Ok((b, self.source.here())),
            None => Err(self.peek_error("EOF while parsing a value")),
        }
    }

    /// After the whole document: nothing but whitespace may follow.
    pub fn end(&mut self) -> Result<(), Syntax> {
        match self.source.skip_whitespace() {
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Ok(()),
        }
    }

    /// Reads the text value that comes next (its opening quote not yet consumed).
    pub fn string(&mut self) -> Result<String, Syntax> {
        let mut out = String::new();
        self.source.bump();
        self.string_into(&mut out)?;
        Ok(out)
    }

    /// Reads a key into `self.key` (its opening quote not yet consumed).
    fn read_key(&mut self) -> Result<(), Syntax> {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        self.source.bump();
        let read = self.string_into(&mut key);
        self.key = key;
        read
    }

    fn string_into(&mut self, out: &mut String) -> Result<(), Syntax> {
        loop {
            match self.source.string_run(out) {
                Some(b'"') => {
                    self.source.bump();
                    return Ok(());
                }
                Some(b'\\') => {
                    self.source.bump();
                    self.escape(out)?;
                }
                Some(_) => {
                    self.source.bump();
                    return Err(
                        self.error("control character (\\u0000-\\u001F) found while parsing a string")
                    );
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Syntax> {
        let Some(b) = self.source.next() else {
            return Err(self.error("EOF while parsing a string"));
        };
        let plain = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error("invalid escape")),
        };
        out.push(plain);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, Syntax> {
        let mut value = 0u16;
        let mut valid = true;
        for _ in 0..4 {
            let Some(b) = self.source.next() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match char::from(b).to_digit(16) {
                Some(digit) => value = value * 16 + digit as u16,
                None => valid = false,
            }
        }
        if valid {
            Ok(value)
        } else {
            Err(self.error("invalid escape"))
        }
    }

    /// After `\u`: one UTF-16 unit, or a surrogate pair written as two escapes.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), Syntax> {
        const LONE: &str = "lone leading surrogate in hex escape";
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(LONE));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            out.push(char::from_u32(u32::from(first)).unwrap_or(char::REPLACEMENT_CHARACTER));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.source.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => {
                    self.source.bump();
                    if b != expected {
                        return Err(self.error("unexpected end of hex escape"));
                    }
                }
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(LONE));
        }
        let code = 0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00));
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// Reads the number that comes next (a minus sign or a digit).
    pub fn number(&mut self) -> Result<Num, Syntax> {
        self.digits.clear();
        let positive = self.source.peek() != Some(b'-');
        if !positive {
            self.take_digit_or_sign();
        }
        match self.source.next() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'0') => {
                self.digits.push('0');
                if matches!(self.source.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error("invalid number"));
                }
            }
            Some(b @ b'1'..=b'9') => {
                self.digits.push(char::from(b));
                self.take_digits();
            }
            Some(_) => return Err(self.error("invalid number")),
        }
        let mut float = false;
        if self.source.peek() == Some(b'.') {
            float = true;
            self.take_digit_or_sign();
            if self.take_digits() == 0 {
                return Err(match self.source.peek() {
                    Some(_) => self.peek_error("invalid number"),
                    None => self.peek_error("EOF while parsing a value"),
                });
            }
        }
        if matches!(self.source.peek(), Some(b'e' | b'E')) {
            return self.exponent(positive);
        }
        if float {
            return self.float();
        }
        let magnitude = if positive {
            &self.digits[..]
        } else {
            &self.digits[1..]
        };
        let Ok(significand) = magnitude.parse::<u64>() else {
            return self.float();
        };
        Ok(if positive {
            Num::Unsigned(significand)
        } else {
            // As serde_json does: -0 and anything below i64::MIN become floats.
            let negative = (significand as i64).wrapping_neg();
            if negative >= 0 {
                Num::Float(-(significand as f64))
            } else {
                Num::Signed(negative)
            }
        })
    }

    fn take_digit_or_sign(&mut self) {
        if let Some(b) = self.source.next() {
            self.digits.push(char::from(b));
        }
    }

    fn take_digits(&mut self) -> usize {
        let mut count = 0;
        while let Some(b @ b'0'..=b'9') = self.source.peek() {
            self.source.bump();
            self.digits.push(char::from(b));
            count += 1;
        }
        count
    }

    /// After a number's digits, at `e` or `E`.
    fn exponent(&mut self, positive: bool) -> Result<Num, Syntax> {
        let zero = !self.digits.bytes().any(|b| matches!(b, b'1'..=b'9'));
        self.take_digit_or_sign();
        let mut positive_exponent = true;
        if let Some(sign @ (b'+' | b'-')) = self.source.peek() {
            positive_exponent = sign == b'+';
            self.take_digit_or_sign();
        }
        let mut exponent: i32 = match self.source.next() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b @ b'0'..=b'9') => {
                self.digits.push(char::from(b));
                i32::from(b - b'0')
            }
            Some(_) => return Err(self.error("invalid number")),
        };
        while let Some(b @ b'0'..=b'9') = self.source.peek() {
            self.source.bump();
            self.digits.push(char::from(b));
            let digit = i32::from(b - b'0');
            match exponent.checked_mul(10).and_then(|e| e.checked_add(digit)) {
                Some(next) => exponent = next,
                None if !zero && positive_exponent => return Err(self.error("number out of range")),
                None => {
                    // Too small to be anything but zero, as serde_json reads it.
                    while let Some(b'0'..=b'9') = self.source.peek() {
                        self.source.bump();
                    }
                    return Ok(Num::Float(if positive { 0.0 } else { -0.0 }));
                }
            }
        }
        self.float()
    }

    fn float(&mut self) -> Result<Num, Syntax> {
        match self.digits.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Num::Float(f)),
            _ => Err(self.error("number out of range")),
        }
    }

    /// Reads `null`, `true` or `false`, its first letter already seen.
    fn literal(&mut self, word: &[u8]) -> Result<(), Syntax> {
        for &expected in word {
            match self.source.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b != expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Reads `null` (the next value starts with `n`).
    pub fn null(&mut self) -> Result<(), Syntax> {
        self.literal(b"null")
    }

    /// Enters the list or object that comes next.
    pub fn open(&mut self) -> Result<(), Syntax> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_error("recursion limit exceeded"));
        }
        self.source.bump();
        Ok(())
    }

    /// Whether the list has another item (after its `]`, false).
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, Syntax> {
        let found = match self.source.skip_whitespace() {
            None => return Err(self.peek_error("EOF while parsing a list")),
            Some(b']') => false,
            Some(_) if *first => true,
            Some(b',') => {
                self.source.bump();
                match self.source.skip_whitespace() {
                    Some(b']') => return Err(self.peek_error("trailing comma")),
                    Some(_) => true,
                    None => return Err(self.peek_error("EOF while parsing a value")),
                }
            }
            Some(_) => return Err(self.peek_error("expected `,` or `]`")),
        };
        *first = false;
        if !found {
            self.close();
        }
        Ok(found)
    }

    /// Reads the object's next key (after its `}`, `None`): which of `known` it is, or
    /// `Key::Other` with the key in `self.key`.
    /// The next key of an object, matched against `known`, `known[expected]` first (the
    /// key a saved file has next).
    pub fn next_key(
        &mut self,
        first: &mut bool,
        known: &[&str],
        expected: usize,
    ) -> Result<Option<Key>, Syntax> {
        let found = match self.source.skip_whitespace() {
            None => return Err(self.peek_error("EOF while parsing an object")),
            Some(b'}') => false,
            Some(b'"') if *first => true,
            Some(_) if *first => return Err(self.peek_error("key must be a string")),
            Some(b',') => {
                self.source.bump();
                match self.source.skip_whitespace() {
                    Some(b'"') => true,
                    Some(b'}') => return Err(self.peek_error("trailing comma")),
                    Some(_) => return Err(self.peek_error("key must be a string")),
                    None => return Err(self.peek_error("EOF while parsing a value")),
                }
            }
            Some(_) => return Err(self.peek_error("expected `,` or `}`")),
        };
        *first = false;
        if !found {
            self.close();
            return Ok(None);
        }
        // Most keys are plain words within the text at hand: matched where they lie.
        if let Some(key) = self.source.plain_quoted() {
            let len = key.len();
            let matched = match_key(known, expected, key);
            if matched.is_none() {
                self.key.clear();
                self.key.push_str(key);
            }
            self.source.skip_quoted(len);
            return Ok(Some(matched.map_or(Key::Other, Key::Known)));
        }
        self.read_key()?;
        let matched = match_key(known, expected, &self.key);
        Ok(Some(matched.map_or(Key::Other, Key::Known)))
    }

    /// The colon after a key.
    pub fn colon(&mut self) -> Result<(), Syntax> {
        match self.source.skip_whitespace() {
            Some(b':') => {
                self.source.bump();
                Ok(())
            }
            Some(_) => Err(self.peek_error("expected `:`")),
            None => Err(self.peek_error("EOF while parsing an object")),
        }
    }

    /// The refusal of the key just read a second time in one object: `known`, or the
    /// one in `self.key`.
    pub fn repeated_key(&mut self, known: Option<&str>) -> Syntax {
        // Where serde_json placed it: after the key and the whitespace before its colon.
        self.source.skip_whitespace();
        Syntax {
            message: format!(
                "the key \"{}\" appears twice in one object",
                known.unwrap_or(&self.key)
            ),
            at: self.source.position(),
        }
    }

    fn close(&mut self) {
        self.source.bump();
        self.depth -= 1;
    }

    /// Reads any value whole (an unknown field's, kept as it is).
    pub fn value(&mut self) -> Result<Value, Syntax> {
        let (first, _) = self.peek_value()?;
        Ok(match first {
            b'n' => {
                self.null()?;
                Value::Null
            }
            b't' => {
                self.literal(b"true")?;
                Value::Bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                Value::Bool(false)
            }
            b'-' | b'0'..=b'9' => Value::Number(self.number()?.to_json()),
            b'"' => Value::String(self.string()?),
            b'[' => {
                self.open()?;
                let mut items = Vec::new();
                let mut first = true;
                while self.next_item(&mut first)? {
                    items.push(self.value()?);
                }
                Value::Array(items)
            }
            b'{' => {
                self.open()?;
                let mut entries = Map::new();
                let mut first = true;
                while self.next_key(&mut first, &[], 0)?.is_some() {
                    if entries.contains_key(&self.key) {
                        return Err(self.repeated_key(None));
                    }
                    let key = self.key.clone();
                    self.colon()?;
                    entries.insert(key, self.value()?);
                }
                Value::Object(entries)
            }
            _ => return Err(self.peek_error("expected value")),
        })
    }

    /// Reads the next value and forgets it; returns its JSON type's name.
    pub fn skip(&mut self) -> Result<&'static str, Syntax> {
        let (first, _) = self.peek_value()?;
        self.value()?;
        Ok(kind(first))
    }
}
