//! Reading a My Number Card's JPKI application through a Sony PaSoRi, read-only (docs/reader.md).
//!
//! Pure Rust: no web crate, no clock, no I/O (docs/design.md §1.1). The app's WebUSB bridge implements
//! [`transport::UsbLink`] and lends a [`session::Host`] (clock, pause, Cancel flag, progress); then
//! [`session::read_with_rcs380`] (or, flagged, `rcs300::read_with_rcs300`) returns a
//! [`reading::CardReading`] — certificate dates in JST, the issuer, the four PIN retry counters —
//! or a [`state::ReadError`] whose [`state::State`] is an id of docs/reader.md §7. [`situation::offer`]
//! turns a reading into the dates and `pin_locked` events offered to the citizen (§4.3).
//!
//! The only card commands the crate can express are the rows of docs/reader.md §3 ([`apdu::Command`]):
//! never a PIN, never a write, nothing that could lower a retry counter.
//!
//! Where docs/reader.md leaves a choice open, the decision is written next to the code that takes it:
//! the error frame "alone" (`rcs380::frame`), `der`'s time types refusing years before 1970
//! (`asn1_time`), an empty EF `000A` answering `6B 00` (`plan`), E1–E3 only inside A1
//! (`order`), the S(WTX) answer's power bits (`rf`), the WTX timeout bounds (`iso_dep`), the 10 s
//! and 30 s limits measured on a clock the app lends (`transport::Clock`), IccPowerOff and the
//! CCID timeouts (`rcs300`), NUL padding in the token (`token`), "every 300 ms" as a period (`session`),
//! a failed SELECT of the 住基AP itself also trying its other identifier (`plan`).

#![forbid(unsafe_code)]

pub mod apdu;
pub mod asn1_time;
pub mod cert;
#[cfg(any(test, feature = "sim"))]
pub mod certgen;
#[cfg(any(test, feature = "sim"))]
pub mod exec;
pub mod iso_dep;
pub mod jst;
pub mod order;
pub mod plan;
#[cfg(feature = "rcs300")]
pub mod rcs300;
pub mod rcs380;
pub mod reading;
pub mod rf;
pub mod session;
#[cfg(feature = "sim")]
pub mod sim;
pub mod situation;
pub mod state;
pub mod token;
pub mod transfer_in;
pub mod transport;
pub mod type_b;
