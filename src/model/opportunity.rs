//! Opportunities: specific changes that would remove friction points.

use super::extras::Extras;
use super::ids::{FrictionId, OpportunityId};

/// A specific change, with the friction points it addresses.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub text: String,
    pub addresses: Vec<FrictionId>,
    pub votes: u32,
    pub extras: Extras,
}

impl Opportunity {
    /// A new opportunity that addresses nothing yet.
    pub fn new(id: OpportunityId, text: String) -> Self {
        Self {
            id,
            text,
            ..Self::default()
        }
    }
}
