//! A small JSON Schema (draft 2020-12) validator for the tests: exactly the keywords the
//! format-1 schema uses, with their meaning from the specification. A keyword it does
//! not know is a test failure, so the schema cannot lean on something left unchecked.

use serde_json::{Map, Value};

/// Keywords that only annotate; they never make a document invalid.
const ANNOTATIONS: [&str; 5] = ["$schema", "$id", "title", "description", "$comment"];

/// Checks `document` against `schema`; every problem as "JSON pointer: what is wrong".
pub fn validate(schema: &Value, document: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    Validator { root: schema }.check(schema, document, "", &mut problems);
    problems
}

struct Validator<'s> {
    root: &'s Value,
}

/// Whether `value` is of the JSON Schema type `name` ("integer": a number with no
/// fractional part, as the specification says, so 2.0 is an integer).
fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0),
        other => panic!("unknown type {other:?} in the schema"),
    }
}

impl<'s> Validator<'s> {
    fn resolve(&self, reference: &str) -> &'s Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references are supported: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("the schema has no {reference}"))
    }

    fn check(&self, schema: &'s Value, value: &Value, at: &str, problems: &mut Vec<String>) {
        let Some(keywords) = schema.as_object() else {
            if schema == &Value::Bool(false) {
                problems.push(format!("{at}: not allowed here"));
            }
            return;
        };
        for (keyword, rule) in keywords {
            self.keyword(keywords, keyword, rule, value, at, problems);
        }
    }

    fn keyword(
        &self,
        keywords: &'s Map<String, Value>,
        keyword: &str,
        rule: &'s Value,
        value: &Value,
        at: &str,
        problems: &mut Vec<String>,
    ) {
        let mut fail = |message: String| problems.push(format!("{at}: {message}"));
        match keyword {
            k if ANNOTATIONS.contains(&k) => {}
            "$defs" => {}
            "$ref" => self.check(
                self.resolve(rule.as_str().unwrap_or_default()),
                value,
                at,
                problems,
            ),
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::String(name) => vec![name.as_str()],
                    Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
                    other => panic!("bad type rule {other}"),
                };
                if !names.iter().any(|name| is_type(value, name)) {
                    fail(format!("expected {}, found {value}", names.join(" or ")));
                }
            }
            "const" if value != rule => fail(format!("expected {rule}, found {value}")),
            "enum" => {
                let allowed = rule.as_array().expect("enum is a list");
                if !allowed.contains(value) {
                    fail(format!("{value} is not one of {rule}"));
                }
            }
            "minimum" => {
                if let (Some(v), Some(min)) = (value.as_f64(), rule.as_f64())
                    && v < min
                {
                    fail(format!("{v} is below {min}"));
                }
            }
            "maximum" => {
                if let (Some(v), Some(max)) = (value.as_f64(), rule.as_f64())
                    && v > max
                {
                    fail(format!("{v} is above {max}"));
                }
            }
            "required" => {
                if let Some(object) = value.as_object() {
                    for key in rule
                        .as_array()
                        .expect("required is a list")
                        .iter()
                        .filter_map(Value::as_str)
                    {
                        if !object.contains_key(key) {
                            fail(format!("\"{key}\" is missing"));
                        }
                    }
                }
            }
            "properties" => {
                if let (Some(object), Some(properties)) = (value.as_object(), rule.as_object()) {
                    for (key, item) in object {
                        if let Some(schema) = properties.get(key) {
                            self.check(schema, item, &format!("{at}/{key}"), problems);
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(object) = value.as_object() {
                    let named = keywords.get("properties").and_then(Value::as_object);
                    for (key, item) in object {
                        if !named.is_some_and(|p| p.contains_key(key)) {
                            self.check(rule, item, &format!("{at}/{key}"), problems);
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        self.check(rule, item, &format!("{at}/{i}"), problems);
                    }
                }
            }
            "const" => {}
            unknown => panic!("the test validator does not know the keyword {unknown:?}"),
        }
    }
}
