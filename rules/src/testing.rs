//! What the unit tests of every module share.

use chrono::NaiveDate;

/// A date written as the cases write it (`2025-07-07`).
pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}
