//! Present mode, for the projector: one stage full screen with every lane in full text,
//! or one lane across every stage, stepped through with next and previous and scrolled
//! when it is longer than the screen.

use crate::model::Lane;

/// What present mode shows: a stage, or a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Stage,
    Lane,
}

/// Present mode's state: the stage and lane it is on, which of the two it shows, and how
/// far down it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presenting {
    pub stage: usize,
    pub lane: Lane,
    pub by: By,
    pub scroll: usize,
}

impl Presenting {
    /// Presenting stage `stage`, the grid's `lane` kept for switching to it.
    pub fn stage(stage: usize, lane: Lane) -> Self {
        Self {
            stage,
            lane,
            by: By::Stage,
            scroll: 0,
        }
    }

    /// The next (`forward`) or previous stage or lane, whichever shows; false at an end.
    pub fn step(&mut self, forward: bool, stages: usize) -> bool {
        let moved = match self.by {
            By::Stage => {
                let next = if forward {
                    Some(self.stage + 1).filter(|s| *s < stages)
                } else {
                    self.stage.checked_sub(1)
                };
                next.map(|s| self.stage = s).is_some()
            }
            By::Lane => {
                let next = if forward {
                    self.lane.below()
                } else {
                    self.lane.above()
                };
                next.map(|l| self.lane = l).is_some()
            }
        };
        if moved {
            self.scroll = 0;
        }
        moved
    }

    /// Shows the lane instead of the stage, or the stage instead of the lane.
    pub fn switch(&mut self) {
        self.by = match self.by {
            By::Stage => By::Lane,
            By::Lane => By::Stage,
        };
        self.scroll = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_through_stages_or_lanes_and_stops_at_the_ends() {
        let mut shown = Presenting::stage(0, Lane::Friction);
        assert!(!shown.step(false, 3));
        assert!(shown.step(true, 3) && shown.step(true, 3));
        assert!(!shown.step(true, 3), "three stages");
        assert_eq!(shown.stage, 2);
        shown.scroll = 5;
        shown.switch();
        assert_eq!((shown.by, shown.scroll), (By::Lane, 0));
        assert!(shown.step(true, 3));
        assert_eq!(shown.lane, Lane::Opportunity);
        assert!(!shown.step(true, 3));
        assert_eq!(shown.stage, 2, "the stage stays while lanes step");
    }
}
