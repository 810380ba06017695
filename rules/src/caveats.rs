//! The caveats found while a situation is evaluated, kept unique and in the order of the output
//! (`docs/rules.md` §14.3).

use crate::contract::{Caveat, CaveatId};

/// The caveats found so far: unique, kept sorted by id (`docs/rules.md` §14.3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caveats(Vec<CaveatId>);

impl Caveats {
    pub fn add(&mut self, id: CaveatId) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    /// The ids, sorted (for the tests of the modules that add them).
    #[cfg(test)]
    pub fn ids(&self) -> Vec<CaveatId> {
        self.0.clone()
    }

    pub fn into_output(self) -> Vec<Caveat> {
        self.0.into_iter().map(|id| Caveat { id, rule: id.rule() }).collect()
    }
}
