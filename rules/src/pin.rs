//! Locked PINs (`pin.reset`, leaflet ３③, `docs/rules.md` §11.2).

use crate::contract::{Action, ActionId, Document, Pin, Where};
use crate::events::EventOutcome;
use crate::explain::RuleId;

/// Where a locked PIN is reset, free: a certificate PIN (signature password or user PIN) at a
/// convenience-store kiosk when the holder knows the other certificate's PIN (reserved in the
/// JPKI暗証番号リセット app, used within 24 hours); otherwise at the ward office with photo ID.
///
/// Leaflet ３③ only names the signature password for the kiosk; the user PIN followed in 2024 on a
/// day no source gives, so both are offered whatever the date (`docs/rules.md` §11.2, §17).
pub fn locked(pin: Pin, knows_other_certificate_pin: bool) -> EventOutcome {
    let certificate_pin = match pin {
        Pin::Signature | Pin::User => true,
        Pin::Residence | Pin::CardInfo => false,
    };
    let reset = if certificate_pin && knows_other_certificate_pin {
        Action::new(ActionId::ResetPin, RuleId::PinReset, Where::ConvenienceStore).documents(&[Document::Card])
    } else {
        Action::new(ActionId::ResetPin, RuleId::PinReset, Where::WardOffice)
            .documents(&[Document::Card, Document::PhotoId])
    };
    EventOutcome { actions: vec![reset.fee(0)], ..EventOutcome::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_each_pin_is_reset() {
        let place = |pin, knows| locked(pin, knows).actions.first().map(|a| a.place);
        assert_eq!(place(Pin::Signature, true), Some(Where::ConvenienceStore));
        assert_eq!(place(Pin::User, true), Some(Where::ConvenienceStore));
        assert_eq!(place(Pin::Signature, false), Some(Where::WardOffice));
        assert_eq!(place(Pin::User, false), Some(Where::WardOffice));
        assert_eq!(place(Pin::Residence, true), Some(Where::WardOffice));
        assert_eq!(place(Pin::CardInfo, true), Some(Where::WardOffice));
        assert_eq!(locked(Pin::CardInfo, true).actions[0].fee_yen, Some(0));
    }
}
