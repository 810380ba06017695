//! Simulators for tests without hardware (docs/reader.md §8): a JPKI card, the card's ISO-DEP side, the
//! RC-S380 and RC-S300 at the USB-frame level, a virtual clock and a test host (the executor is
//! `crate::exec`). Feature `sim` only; never in the app.
//!
//! The card records every APDU it receives and models what the crate must never do (VERIFY with
//! data lowers or resets a counter; EF `0001` without verification answers `69 82`), so that the
//! tests can prove it never happens.

pub mod card;
pub mod clock;
pub mod host;
pub mod picc;
pub mod rcs300;
pub mod rcs380;
pub mod usb;
