//! The reader refuses exactly what serde_json refuses, with the same words at the same
//! line and character column: serde_json (with keys written twice refused, as cxmap has
//! always done) is the oracle, on mutated maps and on random token soup, read whole and in
//! pieces of every small size.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Read};

use proptest::prelude::*;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::json::{Json, Syntax};
use super::source::{Pos, Source};
use super::{decode, syntax_message};

/// What serde_json says about `text`: its error's message and place, or `None`.
fn oracle(text: &str) -> Option<(String, Pos)> {
    let error = serde_json::from_str::<Strict>(text).err()?;
    let full = error.to_string();
    let message = full.rfind(" at line ").map_or(full.as_str(), |cut| &full[..cut]);
    let line = error.line().max(1);
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let mut end = error.column().saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let column = line_text[..end].chars().count() + 1;
    let at = Pos {
        line: line as u32,
        column: column as u32,
    };
    Some((message.to_owned(), at))
}

/// Any JSON value, with a key written twice in one object refused.
struct Strict;

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_str<E>(self, _: &str) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        while seq.next_element::<Strict>()?.is_some() {}
        Ok(Strict)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format_args!(
                    "the key \"{key}\" appears twice in one object"
                )));
            }
            map.next_value::<Strict>()?;
        }
        Ok(Strict)
    }
}

/// A reader that hands out at most `piece` bytes at a time.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// The grammar alone: any value, then nothing.
fn grammar(text: &str, piece: usize) -> Option<(String, Pos)> {
    let mut json = Json::new(Source::new(Trickle(text.as_bytes(), piece)));
    let read = json.value().and_then(|_| json.end());
    read.err().map(|Syntax { message, at }| (message, at))
}

/// The whole decoder: its syntax error, if any.
fn decoder(text: &str, piece: usize) -> Option<(String, Pos)> {
    let mut json = Json::new(Source::new(Trickle(text.as_bytes(), piece)));
    decode::decode(&mut json, false)
        .err()
        .map(|Syntax { message, at }| (message, at))
}

fn agree(text: &str) -> Result<(), TestCaseError> {
    let expected = oracle(text);
    for piece in [usize::MAX, 1, 2, 3, 7] {
        prop_assert_eq!(
            &grammar(text, piece),
            &expected,
            "grammar, pieces of {}: {:?}",
            piece,
            text
        );
        prop_assert_eq!(
            &decoder(text, piece),
            &expected,
            "decoder, pieces of {}: {:?}",
            piece,
            text
        );
    }
    if let Some((message, at)) = expected
        && !text.bytes().all(|b| b.is_ascii_whitespace())
    {
        let refused = super::parse(text).expect_err("refused");
        prop_assert_eq!(refused.len(), 1);
        prop_assert_eq!(&refused[0].message, &syntax_message(&message));
        prop_assert_eq!(
            (refused[0].line, refused[0].column),
            (at.line as usize, at.column as usize)
        );
    }
    Ok(())
}

const CANONICAL: &str = include_str!("../../tests/fixtures/canonical.json");

/// Bytes that matter to JSON's grammar, and some that do not.
fn piece_of_json() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\n",
            " ",
            "\t",
            "\r",
            "0",
            "1",
            "9",
            "-",
            "+",
            ".",
            "e",
            "E",
            "n",
            "u",
            "l",
            "t",
            "r",
            "f",
            "a",
            "s",
            "\\u",
            "\\ud83d",
            "\\ude00",
            "\\n",
            "\\x",
            "null",
            "true",
            "false",
            "é",
            "€",
            "😀",
            "\u{1}",
            "1e400",
            "1e99999999999",
            "0e99999999999",
            "-0",
            "18446744073709551616",
            "-9223372036854775809",
            "\"id\"",
            "\"id\": 1",
            "\"cxmap\"",
            "\"stages\"",
            "\"frictions\"",
            "\"title\"",
            "1.",
            "01",
            "-a",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9 ]{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_maps_are_refused_as_serde_json_refuses_them(
        edits in prop::collection::vec((any::<prop::sample::Index>(), piece_of_json(), 0u8..3), 1..4)
    ) {
        let mut text = CANONICAL.to_owned();
        for (at, piece, how) in edits {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match how {
                0 => text.insert_str(at, &piece),
                1 => {
                    let mut end = (at + piece.len()).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, &piece);
                }
                _ => {
                    let mut end = (at + 1 + piece.len() % 4).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, "");
                }
            }
        }
        agree(&text)?;
    }

    #[test]
    fn token_soup_is_refused_as_serde_json_refuses_it(
        pieces in prop::collection::vec(piece_of_json(), 0..24)
    ) {
        agree(&pieces.concat())?;
    }
}

#[test]
fn known_corners_agree() {
    let cases = [
        "{\"a\": 1,\n\"a\": 2}",
        "{\"a\" \n : 1, \"a\"  : 2}",
        "[1, 2,]",
        "{\"a\": 1,}",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\ude00\"",
        "\"\\u12\"",
        "\"\\u12",
        "\"ab\ncd\"",
        "1e400",
        "-1e99999999999",
        "1e-99999999999",
        "[-]",
        "[1.]",
        "[1.e5]",
        "[01]",
        "nul",
        "nulx",
        "[1 2]",
        "{1: 2}",
        "{\"a\" 1}",
        "{\"cxmap\": 1, \"stages\": [{\"frictions\": [{\"id\": \"a\", \"id\": \"b\"}]}]}",
        "{\"cxmap\": 1, \"stages\": [{\"name\": \"x\" \"goal\": \"y\"}]}",
        "{\"cxmap\": 1} x",
        "{\"cxmap\": 1}\n\n",
        "\"é\u{1}\"",
    ];
    for case in cases {
        agree(case).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    }
    let deep = format!("{{\"cxmap\": 1, \"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
    agree(&deep).unwrap();
    let just_deep_enough = format!("{}{}", "[".repeat(127), "]".repeat(127));
    agree(&just_deep_enough).unwrap();
}
