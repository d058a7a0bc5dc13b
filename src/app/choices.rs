//! The options of a form's choice field: labels given whole, or the map's stages,
//! labelled ("12 Checkout") only when drawn or read, since a big map has thousands.

use std::borrow::Cow;

use crate::model::{Shared, Stage};

/// What a choice field offers, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Choices {
    /// Each option's label, as offered.
    Labels(Vec<String>),
    /// `first` (such as "any") when there is one, then the stages in journey order,
    /// each labelled with its number and name. The stages are shared with the map, so
    /// opening a form copies no names.
    Stages {
        first: Option<&'static str>,
        stages: Vec<Shared<Stage>>,
    },
}

impl Choices {
    /// The stages of a map in journey order, after `first` when there is one.
    pub fn stages(first: Option<&'static str>, stages: &[Shared<Stage>]) -> Self {
        Self::Stages {
            first,
            stages: stages.to_vec(),
        }
    }

    /// How many options there are.
    pub fn count(&self) -> usize {
        match self {
            Self::Labels(labels) => labels.len(),
            Self::Stages { first, stages } => usize::from(first.is_some()) + stages.len(),
        }
    }

    /// The stage option `at` stands for, with its number: `None` for `first`.
    fn stage(&self, at: usize) -> Option<(usize, &Stage)> {
        let Self::Stages { first, stages } = self else {
            return None;
        };
        let s = at.checked_sub(usize::from(first.is_some()))?;
        stages.get(s).map(|stage| (s + 1, &**stage))
    }

    /// Option `at`'s label, as offered.
    pub fn label(&self, at: usize) -> Option<Cow<'_, str>> {
        match self {
            Self::Labels(labels) => labels.get(at).map(|label| Cow::Borrowed(label.as_str())),
            Self::Stages {
                first: Some(first), ..
            } if at == 0 => Some(Cow::Borrowed(*first)),
            Self::Stages { .. } => {
                let (number, stage) = self.stage(at)?;
                Some(Cow::Owned(format!("{number} {}", stage.name)))
            }
        }
    }

    /// Whether typing `c` may jump to option `at`: its label starts with it, without
    /// regard to case, or for a stage ("12 Checkout") its number or its name does.
    pub fn answers_to(&self, at: usize, c: char) -> bool {
        let starts = |text: &str| {
            text.chars()
                .next()
                .is_some_and(|first| first.to_lowercase().eq(c.to_lowercase()))
        };
        match self.stage(at) {
            Some((number, stage)) => {
                let mut lead = number;
                while lead >= 10 {
                    lead /= 10;
                }
                char::from_digit(u32::try_from(lead).unwrap_or(0), 10) == Some(c) || starts(stage.name.trim())
            }
            None => self.label(at).is_some_and(|label| starts(&label)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(name: &str) -> Shared<Stage> {
        Stage {
            name: name.to_owned(),
            ..Stage::default()
        }
        .into()
    }

    #[test]
    fn stages_are_numbered_in_journey_order_after_the_first_option() {
        let stages = [stage("Awareness"), stage("Checkout")];
        let any = Choices::stages(Some("any"), &stages);
        assert_eq!(any.count(), 3);
        let labels: Vec<_> = (0..4).map(|i| any.label(i).map(Cow::into_owned)).collect();
        assert_eq!(
            labels,
            [
                Some("any".to_owned()),
                Some("1 Awareness".to_owned()),
                Some("2 Checkout".to_owned()),
                None
            ]
        );
        let answering = |c| (0..3).filter(|&i| any.answers_to(i, c)).collect::<Vec<_>>();
        assert_eq!(answering('a'), [0, 1], "\"any\" and 1 Awareness by its name");
        assert_eq!(answering('A'), [0, 1]);
        assert_eq!(answering('c'), [2]);
        assert_eq!(answering('2'), [2], "a stage by its number");
        assert_eq!(answering('x'), Vec::<usize>::new());
        let plain = Choices::stages(None, &stages);
        assert_eq!(plain.count(), 2);
        assert_eq!(plain.label(1).as_deref(), Some("2 Checkout"));
    }

    #[test]
    fn labels_are_offered_as_given() {
        let choices = Choices::Labels(vec!["open".into(), "fixed".into()]);
        assert_eq!(choices.count(), 2);
        assert_eq!(choices.label(1).as_deref(), Some("fixed"));
        assert!(choices.answers_to(0, 'O') && !choices.answers_to(1, 'o'));
        assert_eq!(choices.label(2), None);
    }
}
