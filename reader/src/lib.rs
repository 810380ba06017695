//! Reading a My Number Card's JPKI application through a Sony PaSoRi, read-only (reader.md).
//!
//! Pure Rust: no web crate, no clock, no I/O (design.md §1.1). The app's WebUSB bridge implements
//! [`transport::UsbLink`]; this crate does the rest and returns dates, the issuer and PIN retry
//! counters, or one of the failure states of reader.md §7 as an id.
//!
//! The only card commands it can express are the rows of reader.md §3 ([`apdu::Command`]): never a
//! PIN, never a write, nothing that could lower a retry counter.

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
pub mod transport;
pub mod type_b;
