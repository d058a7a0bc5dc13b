//! Fuzzing the loader and checker with proptest, for a bounded number of cases so CI
//! time stays fixed: arbitrary bytes, arbitrary JSON shapes built from the format's own
//! keys, and mutations of a real map. Nothing may panic, and whatever is accepted must
//! save and load back as the same map.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::format;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const KEYS: &[&str] = &[
    "cxmap",
    "title",
    "persona",
    "stages",
    "shadow",
    "id",
    "name",
    "goal",
    "touchpoints",
    "emotion",
    "score",
    "note",
    "frictions",
    "opportunities",
    "metrics",
    "csat",
    "nps",
    "ces",
    "text",
    "severity",
    "channel",
    "votes",
    "owner",
    "status",
    "evidence",
    "addresses",
    "channels",
    "notes",
    "plan",
    "at",
    "observer",
    "stage",
    "friction",
    "x-unknown",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..5).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("open".to_owned()),
            Just("st-aaaa".to_owned()),
            Just("fr-bbbb".to_owned()),
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ]
}

fn json_shape() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..7).prop_map(|entries| {
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A map-like document: a version field and arbitrary content under the real keys.
fn map_shape() -> impl Strategy<Value = Value> {
    (
        json_shape(),
        proptest::collection::vec((proptest::sample::select(KEYS), json_shape()), 0..6),
    )
        .prop_map(|(stages, fields)| {
            let mut object = Map::new();
            object.insert("cxmap".to_owned(), json!(1));
            object.insert("stages".to_owned(), json!([stages]));
            for (key, value) in fields {
                if key != "cxmap" {
                    object.insert(key.to_owned(), value);
                }
            }
            Value::Object(object)
        })
}

/// Whatever the loader accepts, it writes back and reads as the same map.
fn round_trips(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(parsed) = format::parse_bytes(bytes) {
        let saved = format::encode(&parsed.map);
        let again = format::parse_bytes(&saved).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert_eq!(again.map, parsed.map);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        round_trips(&bytes)?;
    }

    #[test]
    fn arbitrary_json_shapes_never_panic(value in map_shape()) {
        round_trips(value.to_string().as_bytes())?;
        round_trips(serde_json::to_string_pretty(&value).unwrap().as_bytes())?;
    }

    #[test]
    fn mutated_maps_never_panic(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let mut bytes = include_bytes!("../assets/examples/online-store.json").to_vec();
        for (at, byte, kind) in edits {
            let at = at.index(bytes.len());
            match kind {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        round_trips(&bytes)?;
    }
}
