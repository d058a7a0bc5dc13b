//! The friction memo's facts that only the writer knows and the map keeps: who walked the
//! journey, when, and on which devices (the file's optional top-level `"memo"` object).

use super::extras::Extras;

/// Who walked the journey, when and on what, in the writer's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MemoFacts {
    pub walked_by: String,
    pub when: String,
    pub devices: String,
    pub extras: Extras,
}

impl MemoFacts {
    /// True when no fact is written and nothing unknown rides along: the field can go.
    pub fn is_empty(&self) -> bool {
        [&self.walked_by, &self.when, &self.devices]
            .iter()
            .all(|fact| fact.trim().is_empty())
            && self.extras.is_empty()
    }

    /// The people, split at commas and " and ": "Ana, Ben and Cleo" gives three.
    pub fn people(&self) -> Vec<String> {
        split_list(&self.walked_by)
    }

    /// The devices, split like [`MemoFacts::people`].
    pub fn device_list(&self) -> Vec<String> {
        split_list(&self.devices)
    }
}

/// A list as people type it on one line: items between commas, semicolons and " and ".
fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_at_commas_semicolons_and_and() {
        let facts = MemoFacts {
            walked_by: "Ana, Ben and Cleo".into(),
            devices: " iPhone 13; laptop ,".into(),
            ..MemoFacts::default()
        };
        assert_eq!(facts.people(), ["Ana", "Ben", "Cleo"]);
        assert_eq!(facts.device_list(), ["iPhone 13", "laptop"]);
        assert!(!facts.is_empty());
        assert!(MemoFacts::default().is_empty());
    }
}
