//! A JSON tree that keeps object keys in file order and refuses duplicate keys, which
//! `serde_json::Value` would silently collapse (a hand-merged file must not lose data).

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

/// A parsed JSON value; objects are key-ordered lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(Key, Node)>),
}

/// An object key: the format's own keys are shared, not allocated for every object.
pub type Key = Cow<'static, str>;

/// Every key format 1 defines, the most frequent first; any other key is kept as read.
const KNOWN_KEYS: [&str; 33] = [
    "id",
    "text",
    "channel",
    "evidence",
    "at",
    "observer",
    "stage",
    "friction",
    "severity",
    "votes",
    "owner",
    "status",
    "addresses",
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
    "cxmap",
    "title",
    "persona",
    "stages",
    "shadow",
    "channels",
    "notes",
    "plan",
];

/// Reads a key, sharing the known ones.
struct KeySeed;

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(match KNOWN_KEYS.iter().find(|known| **known == v) {
            Some(known) => Cow::Borrowed(*known),
            None => Cow::Owned(v.to_owned()),
        })
    }
}

impl Node {
    /// The JSON type's name, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "true/false",
            Node::Number(_) => "a number",
            Node::String(_) => "text",
            Node::Array(_) => "a list",
            Node::Object(_) => "an object",
        }
    }
}

impl From<Node> for Value {
    fn from(node: Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n),
            Node::String(s) => Value::String(s),
            Node::Array(items) => Value::Array(items.into_iter().map(Value::from).collect()),
            Node::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key.into_owned(), Value::from(value)))
                    .collect(),
            ),
        }
    }
}

/// Above this many keys an object checks duplicates with a hash set instead of a scan.
const LINEAR_KEY_CHECK: usize = 16;

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Number::from_f64(v)
            .map(Node::Number)
            .ok_or_else(|| E::custom("a number too large to represent"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(Key, Node)> = Vec::new();
        let mut seen: Option<HashSet<Key>> = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let duplicate = match &mut seen {
                Some(set) => !set.insert(key.clone()),
                None => {
                    let duplicate = entries.iter().any(|(existing, _)| *existing == key);
                    if entries.len() >= LINEAR_KEY_CHECK {
                        let mut set: HashSet<Key> = entries.iter().map(|(k, _)| k.clone()).collect();
                        set.insert(key.clone());
                        seen = Some(set);
                    }
                    duplicate
                }
            };
            if duplicate {
                return Err(de::Error::custom(format_args!(
                    "the key \"{key}\" appears twice in one object"
                )));
            }
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Node::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order() {
        let node: Node = serde_json::from_str(r#"{"b": 1, "a": [true, null, "x"]}"#).unwrap();
        let Node::Object(entries) = node else {
            panic!("expected an object")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["b", "a"]);
    }

    #[test]
    fn refuses_duplicate_keys_with_position() {
        let err = serde_json::from_str::<Node>("{\n  \"a\": 1,\n  \"a\": 2\n}").unwrap_err();
        assert!(err.to_string().contains("\"a\" appears twice"), "{err}");
        assert_eq!(err.line(), 3);
    }

    #[test]
    fn refuses_duplicates_in_large_objects() {
        let mut text = String::from("{");
        for i in 0..40 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        text.push_str("\"k3\": 0}");
        let err = serde_json::from_str::<Node>(&text).unwrap_err();
        assert!(err.to_string().contains("\"k3\" appears twice"), "{err}");
    }
}
