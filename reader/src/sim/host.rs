//! A test host: the virtual clock, a Cancel button pressed after a given time, and a record of
//! the progress states announced.

use core::cell::RefCell;
use core::time::Duration;

use super::clock::SimClock;
use crate::session::Host;
use crate::state::State;
use crate::transport::Clock;

/// The host of a simulated read.
#[derive(Debug, Default)]
pub struct SimHost {
    /// The clock shared with the simulated reader.
    pub clock: SimClock,
    /// Cancel counts as pressed from this time on.
    pub cancel_at: Option<Duration>,
    progress: RefCell<Vec<State>>,
}

impl SimHost {
    /// A host on `clock`.
    pub fn new(clock: SimClock) -> Self {
        Self { clock, cancel_at: None, progress: RefCell::new(Vec::new()) }
    }

    /// The progress states announced so far.
    pub fn progress_states(&self) -> Vec<State> {
        self.progress.borrow().clone()
    }
}

impl Clock for SimHost {
    fn now(&self) -> Duration {
        self.clock.now()
    }
}

impl Host for SimHost {
    fn cancelled(&self) -> bool {
        self.cancel_at.is_some_and(|at| self.clock.now() >= at)
    }

    async fn pause(&self, duration: Duration) {
        self.clock.advance(duration);
    }

    fn progress(&self, state: State) {
        self.progress.borrow_mut().push(state);
    }
}
