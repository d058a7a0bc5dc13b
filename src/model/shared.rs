//! Copy-on-write sharing of one part of a map (a stage, a shadow note): copies of a map
//! share their parts, and changing a part through one copy copies that part alone.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value shared between copies of a map until one of them changes it: reading goes
/// straight through, and a mutable borrow takes a copy of its own first if another map
/// still holds it (so a save encoding the map at Ctrl-S never sees later edits, and an
/// edit meanwhile copies one stage, not the map).
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// A value held by one map so far.
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }
}

impl<T> Shared<T> {
    /// Whether two holders share one value (neither has copied it for a change).
    pub fn same_value(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Clone> Shared<T> {
    /// The value itself: taken out when this is its only holder, copied otherwise.
    pub fn into_inner(self) -> T {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_through_one_copy_copies_that_value_alone() {
        let first = vec![Shared::new(String::from("a")), Shared::new(String::from("b"))];
        let mut second = first.clone();
        second[1].push('!');
        assert_eq!(
            (first[0].as_str(), first[1].as_str()),
            ("a", "b"),
            "the first copy is untouched"
        );
        assert_eq!(second[1].as_str(), "b!");
        assert!(
            Shared::same_value(&first[0], &second[0]),
            "the unchanged value is still shared"
        );
        assert!(!Shared::same_value(&first[1], &second[1]));
        assert_eq!(second.remove(1).into_inner(), "b!");
    }
}
