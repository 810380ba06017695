//! A virtual clock shared by the simulated readers and the test host: waits advance it instead of
//! sleeping, so a 20 s wait for a card takes no real time (docs/reader.md §8.2).

use core::cell::Cell;
use core::time::Duration;
use std::rc::Rc;

use crate::transport::Clock;

/// A clock that moves only when told. Clones share the same time.
#[derive(Clone, Debug, Default)]
pub struct SimClock {
    now: Rc<Cell<Duration>>,
}

impl SimClock {
    /// A clock at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.now.set(self.now.get().saturating_add(by));
    }
}

impl Clock for SimClock {
    fn now(&self) -> Duration {
        self.now.get()
    }
}
