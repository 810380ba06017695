//! The rules engine of the My Number Card guide: a citizen's situation in, guidance out.
//!
//! `guide` implements `rules.md` through the types of `contract.md` (module [`contract`]). It is
//! pure: no clock (`today` is an input), no I/O, no panics. Each outcome carries the rule that
//! decided it and its source. The order of evaluation is `rules.md` §14.1.
//!
//! ```
//! use rules::{guide, contract::{Situation, Card, Certificate, Status}, dates::ymd};
//! let situation = Situation {
//!     today: ymd(2026, 11, 24),
//!     birth_date: ymd(1985, 10, 10),
//!     nationality: Default::default(),
//!     stay_expires_on: None,
//!     card: Some(Card { issued_on: Some(ymd(2020, 5, 15)), ..Default::default() }),
//!     user_certificate: Some(Certificate { issued_on: Some(ymd(2020, 5, 15)), ..Default::default() }),
//!     signature_certificate: None,
//!     events: vec![],
//! };
//! let guidance = guide(&situation).unwrap();
//! let card = guidance.card.unwrap();
//! assert_eq!(card.expires_on, Some(ymd(2029, 10, 10)));
//! assert_eq!(card.status, Status::Valid);
//! assert_eq!(guidance.user_certificate.unwrap().status, Status::Expired);
//! ```

#![forbid(unsafe_code)]

pub mod actions;
pub mod calendar;
pub mod card;
mod caveats;
pub mod certificates;
pub mod contract;
pub mod dates;
pub mod destroyed;
pub mod details;
pub mod era;
pub mod error;
mod evaluate;
pub mod events;
pub mod explain;
pub mod field;
pub mod figures;
pub mod insurance;
pub mod iso;
#[cfg(feature = "cli")]
pub mod json;
pub mod loss;
pub mod moves;
pub mod params;
pub mod password;
pub mod pin;
pub mod validate;

use crate::contract::{Guidance, Situation};
use crate::dates::DateError;
use crate::error::{ErrorCode, InputError};

pub use crate::caveats::Caveats;
pub use crate::field::{CardField, CertificateField, EventField, FieldPath, Object, SituationField};
pub use crate::password::check_password;

/// Evaluates a situation (`contract.md`): the guidance, or the input error that prevents it.
pub fn guide(s: &Situation) -> Result<Guidance, InputError> {
    validate::check(s)?;
    // Unreachable for dates in 0000–9999 (property-tested); reported rather than panicking.
    evaluate::evaluate(s).map_err(|_: DateError| InputError::new(ErrorCode::InvalidDate, FieldPath::Document))
}
