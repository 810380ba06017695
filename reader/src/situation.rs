//! What a read offers to the citizen's situation (docs/reader.md §4.3), as plain dates and PIN ids.
//!
//! Everything here is a suggestion: the app shows it, the citizen confirms or edits it, and only
//! then does it enter the situation (`docs/contract.md`). The reader fills no `card.*` and no
//! `signature_certificate.*` field, and nothing about `renewed_within_window`. The crate does not
//! depend on `rules` (docs/design.md §1.1 invariant 1): the app turns these into the contract's types.

use chrono::NaiveDate;

use crate::apdu::Pin;
use crate::reading::{CardReading, PinCounters};

/// The offer for `user_certificate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserCertificateOffer {
    /// Prefill `user_certificate.issued_on` and `.expires_on` (JST dates of notBefore/notAfter).
    Dates {
        /// `user_certificate.issued_on`.
        issued_on: NaiveDate,
        /// `user_certificate.expires_on`.
        expires_on: NaiveDate,
    },
    /// Offer `user_certificate: null`: the card holds no user-authentication certificate.
    NotOnCard,
}

/// Everything a read offers (docs/reader.md §4.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The user certificate's dates, or that there is none.
    pub user_certificate: UserCertificateOffer,
    /// One `{"type":"pin_locked","pin":…}` event to offer per PIN (use [`Pin::id`]). The app still
    /// asks `knows_other_certificate_pin`.
    pub pin_locked: Vec<Pin>,
}

/// The offer of a finished read.
pub fn offer(reading: &CardReading) -> Offer {
    let user_certificate = match reading.user_certificate {
        Some(cert) => UserCertificateOffer::Dates { issued_on: cert.issued_on, expires_on: cert.expires_on },
        None => UserCertificateOffer::NotOnCard,
    };
    Offer { user_certificate, pin_locked: locked_pin_events(&reading.pins) }
}

/// The `pin_locked` events to offer from counters alone: after `card_removed`, the counters
/// already read are the only thing offered (docs/reader.md §6).
pub fn locked_pin_events(pins: &PinCounters) -> Vec<Pin> {
    pins.locked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::{Issuer, Tries, UserCertificate};
    use crate::token::TokenKind;

    #[test]
    fn dates_and_locked_pins() {
        let mut pins = PinCounters::default();
        pins.set(Pin::Signature, Tries::Locked);
        pins.set(Pin::User, Tries::Left(1));
        pins.set(Pin::Residence, Tries::Locked);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let reading = CardReading {
            token: TokenKind::MyNumberCard,
            user_certificate: Some(UserCertificate {
                issued_on: d(2024, 5, 15),
                expires_on: d(2029, 10, 10),
                issuer: Issuer::Jlis,
            }),
            ca_certificate: None,
            pins,
            residence_application: None,
            notes: vec![],
        };
        let offer = offer(&reading);
        assert_eq!(
            offer.user_certificate,
            UserCertificateOffer::Dates { issued_on: d(2024, 5, 15), expires_on: d(2029, 10, 10) }
        );
        assert_eq!(offer.pin_locked, vec![Pin::Signature, Pin::Residence]);
        assert_eq!(offer.pin_locked.iter().map(|p| p.id()).collect::<Vec<_>>(), ["signature", "residence"]);

        let none = CardReading { user_certificate: None, pins: PinCounters::default(), ..reading };
        assert_eq!(
            super::offer(&none),
            Offer { user_certificate: UserCertificateOffer::NotOnCard, pin_locked: vec![] }
        );
    }
}
