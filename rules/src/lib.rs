//! The rules engine of the My Number Card guide: a citizen's situation in, guidance out.
//!
//! [`guide`] implements `docs/rules.md` through the types of `docs/contract.md`: a [`Situation`] (the dates a
//! citizen knows, `today` among them) becomes a [`Guidance`]: the card's and the certificates' expiry
//! and status, the [`Action`]s to take in the order a citizen can follow them, and the [`Caveat`]s where
//! the sources leave a doubt. It is pure: no clock (`today` is an input), no I/O, no panics. Every
//! outcome carries the rule that decided it ([`RuleId`]) and its source, taken from the row of the
//! parameter table in force on the day it was judged on. A situation the contract refuses is an
//! [`InputError`]: its [`InputErrorCode`] and the [`FieldPath`] at fault.
//!
//! ```
//! use rules::{guide, ymd, ActionId, Card, Certificate, Situation, Status};
//!
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
//! let guidance = guide(&situation)?;
//!
//! let card = guidance.card.as_ref().ok_or("a card is held")?;
//! assert_eq!(card.expires_on, Some(ymd(2029, 10, 10)));
//! assert_eq!(card.status, Status::Valid);
//! assert_eq!(guidance.user_certificate.as_ref().map(|c| c.status), Some(Status::Expired));
//!
//! // The first action is the first thing to do: renew the expired user certificate, at the ward office.
//! let first = guidance.actions.first().ok_or("an action")?;
//! assert_eq!(first.id, ActionId::RenewCertificates);
//! assert_eq!(first.by, None);
//! println!("{:?} ({}): {}", first.id, first.rule.as_str(), first.source);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Besides [`guide`]: [`check_password`] (the signature certificate's password rules), the calendar of
//! the days a ward office is closed ([`closed`], [`holiday`], [`open_day_before`]), dates as a citizen
//! types them, in a Japanese era or not ([`parse_era_date`], [`to_era`]) and as the contract writes
//! them ([`parse_iso_date`], [`format_iso_date`]), and the figures a text names ([`figures`]). With the
//! feature `cli` (on by default), [`read_situation`] and [`read_password`] read the contract's JSON with
//! its validation passes, as the `myna-rules` command does.

#![forbid(unsafe_code)]

mod actions;
mod calendar;
mod card;
mod caveats;
mod certificates;
mod contract;
mod dates;
mod destroyed;
mod details;
mod era;
mod error;
mod evaluate;
mod events;
mod explain;
mod field;
mod figures;
mod insurance;
mod iso;
#[cfg(feature = "cli")]
mod json;
mod loss;
mod moves;
mod params;
mod password;
mod pin;
#[cfg(test)]
mod testing;
mod validate;

use crate::dates::DateError;

pub use crate::actions::stable_sort_by_key;
pub use crate::calendar::{closed, holiday, open_day_before, Closed, Holiday, HOLIDAY_YEARS};
pub use crate::contract::{
    Action, ActionId, Card, CardGuidance, Cause, Caveat, CaveatId, Certificate, CertificateGuidance, CertificateKind,
    Detail, Document, Event, Guidance, Nationality, PasswordCheck, PasswordProblem, Pin, Place, Situation, Status,
    Validity, Where,
};
pub use crate::dates::{plus_days, ymd};
pub use crate::era::{parse_era_date, to_era, DateInputError, DatePart, Era};
pub use crate::error::{ErrorBody, ErrorDocument, InputError, InputErrorCode, Message};
pub use crate::explain::{Explanation, RuleId};
pub use crate::field::{CardField, CertificateField, EventField, FieldPath, InputObject, SituationField};
pub use crate::figures::{figures, Figure};
pub use crate::iso::{format_iso_date, parse_iso_date};
#[cfg(feature = "cli")]
pub use crate::json::{read_password, read_situation};
pub use crate::params::{parameter_boundaries, rules_version};
pub use crate::password::check_password;

/// Evaluates a situation (`docs/contract.md`): the guidance, or the input error that prevents it.
pub fn guide(s: &Situation) -> Result<Guidance, InputError> {
    validate::check(s)?;
    // Unreachable for dates in 0000–9999 (property-tested); reported rather than panicking.
    evaluate::evaluate(s).map_err(|_: DateError| InputError::new(InputErrorCode::InvalidDate, FieldPath::Document))
}
