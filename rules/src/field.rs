//! Where in a situation an input error is: a typed path (`card.issued_on`, `events[2].found_on`) that
//! a channel matches on, and that is written as the contract's `field` string (`docs/rules.md` §16) in one
//! place, its `Display`.
//!
//! The field names are written here only: the JSON reader's schema (`json`), the validation passes
//! (`validate`) and the app's map from an error to the question that asked for the field all use these
//! types, so a renamed or added field is a compile error everywhere it matters.

use std::fmt;

use crate::contract::CertificateKind;

/// The key of a password check's one member.
pub(crate) const PASSWORD_KEY: &str = "password";

/// The path of the field at fault in an input error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPath {
    /// The whole document (`""`): not JSON, not an object, a repeated key.
    Document,
    /// A member of the situation itself (`birth_date`, or a whole `card` of the wrong type).
    Situation(SituationField),
    /// A member of `card`.
    Card(CardField),
    /// A member of `user_certificate` or `signature_certificate`.
    Certificate(CertificateKind, CertificateField),
    /// An event that is not an object (`events[0]`).
    Event(usize),
    /// A member of an event (`events[0].found_on`, `events[1].type`).
    EventField(usize, EventField),
    /// The one member of a password check's document (`password`).
    Password,
    /// A key the contract does not have, in the object where it was found (`card.colour`).
    Unknown(InputObject, String),
}

/// An object of the input that can hold a key the contract does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputObject {
    /// The top level of the document (a situation, or a password check).
    Top,
    Card,
    Certificate(CertificateKind),
    /// The event at this index of `events`.
    Event(usize),
}

/// The members of a situation, in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SituationField {
    Today,
    BirthDate,
    Nationality,
    StayExpiresOn,
    Card,
    UserCertificate,
    SignatureCertificate,
    Events,
}

/// The members of `card`, in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardField {
    IssuedOn,
    ApplicationReceivedOn,
    ExpiresOn,
    FaceAuth,
}

/// The members of a certificate, in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateField {
    IssuedOn,
    ExpiresOn,
    RenewedWithinWindow,
}

/// The members of the events, by event type in the contract's order, `type` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventField {
    Type,
    // move_within_city
    MovedOn,
    FiledOn,
    // move_to_other_municipality
    PlannedMoveOutOn,
    MovedInOn,
    MoveInFiledOn,
    CardPresentedOn,
    // move_abroad
    DepartureOn,
    ContinuedUseAppliedOn,
    // change_of_details
    What,
    ChangedOn,
    CardUpdatedOn,
    // card_lost
    LostOn,
    Place,
    Stolen,
    SuspendedOn,
    ReportedOn,
    FoundOn,
    // card_destroyed
    On,
    Cause,
    // pin_locked
    Pin,
    KnowsOtherCertificatePin,
}

impl SituationField {
    /// The member's key in the contract.
    pub fn name(self) -> &'static str {
        match self {
            SituationField::Today => "today",
            SituationField::BirthDate => "birth_date",
            SituationField::Nationality => "nationality",
            SituationField::StayExpiresOn => "stay_expires_on",
            SituationField::Card => "card",
            SituationField::UserCertificate => "user_certificate",
            SituationField::SignatureCertificate => "signature_certificate",
            SituationField::Events => "events",
        }
    }
}

impl CardField {
    /// The member's key in the contract.
    pub fn name(self) -> &'static str {
        match self {
            CardField::IssuedOn => "issued_on",
            CardField::ApplicationReceivedOn => "application_received_on",
            CardField::ExpiresOn => "expires_on",
            CardField::FaceAuth => "face_auth",
        }
    }
}

impl CertificateField {
    /// The member's key in the contract.
    pub fn name(self) -> &'static str {
        match self {
            CertificateField::IssuedOn => "issued_on",
            CertificateField::ExpiresOn => "expires_on",
            CertificateField::RenewedWithinWindow => "renewed_within_window",
        }
    }
}

impl EventField {
    /// The member's key in the contract.
    pub fn name(self) -> &'static str {
        match self {
            EventField::Type => "type",
            EventField::MovedOn => "moved_on",
            EventField::FiledOn => "filed_on",
            EventField::PlannedMoveOutOn => "planned_move_out_on",
            EventField::MovedInOn => "moved_in_on",
            EventField::MoveInFiledOn => "move_in_filed_on",
            EventField::CardPresentedOn => "card_presented_on",
            EventField::DepartureOn => "departure_on",
            EventField::ContinuedUseAppliedOn => "continued_use_applied_on",
            EventField::What => "what",
            EventField::ChangedOn => "changed_on",
            EventField::CardUpdatedOn => "card_updated_on",
            EventField::LostOn => "lost_on",
            EventField::Place => "place",
            EventField::Stolen => "stolen",
            EventField::SuspendedOn => "suspended_on",
            EventField::ReportedOn => "reported_on",
            EventField::FoundOn => "found_on",
            EventField::On => "on",
            EventField::Cause => "cause",
            EventField::Pin => "pin",
            EventField::KnowsOtherCertificatePin => "knows_other_certificate_pin",
        }
    }
}

/// The situation's member that holds a certificate.
fn certificate_member(kind: CertificateKind) -> SituationField {
    match kind {
        CertificateKind::User => SituationField::UserCertificate,
        CertificateKind::Signature => SituationField::SignatureCertificate,
    }
}

/// The object's path: `""`, `card`, `user_certificate`, `events[2]`.
impl fmt::Display for InputObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputObject::Top => Ok(()),
            InputObject::Card => f.write_str(SituationField::Card.name()),
            InputObject::Certificate(kind) => f.write_str(certificate_member(*kind).name()),
            InputObject::Event(index) => write!(f, "{}[{index}]", SituationField::Events.name()),
        }
    }
}

/// `within` + `name`, joined by a dot unless `within` is the top level.
fn member(f: &mut fmt::Formatter<'_>, within: InputObject, name: &str) -> fmt::Result {
    match within {
        InputObject::Top => f.write_str(name),
        InputObject::Card | InputObject::Certificate(_) | InputObject::Event(_) => write!(f, "{within}.{name}"),
    }
}

/// The contract's `field` string (`docs/rules.md` §16): `card.issued_on`, `events[2].found_on`, `""` for
/// the whole document.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Document => Ok(()),
            FieldPath::Situation(field) => f.write_str(field.name()),
            FieldPath::Card(field) => member(f, InputObject::Card, field.name()),
            FieldPath::Certificate(kind, field) => member(f, InputObject::Certificate(*kind), field.name()),
            FieldPath::Event(index) => InputObject::Event(*index).fmt(f),
            FieldPath::EventField(index, field) => member(f, InputObject::Event(*index), field.name()),
            FieldPath::Password => f.write_str(PASSWORD_KEY),
            FieldPath::Unknown(within, key) => member(f, *within, key),
        }
    }
}

impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_the_contract_writes_paths() {
        let cases = [
            (FieldPath::Document, ""),
            (FieldPath::Situation(SituationField::BirthDate), "birth_date"),
            (FieldPath::Situation(SituationField::Events), "events"),
            (FieldPath::Card(CardField::ApplicationReceivedOn), "card.application_received_on"),
            (FieldPath::Certificate(CertificateKind::User, CertificateField::IssuedOn), "user_certificate.issued_on"),
            (
                FieldPath::Certificate(CertificateKind::Signature, CertificateField::RenewedWithinWindow),
                "signature_certificate.renewed_within_window",
            ),
            (FieldPath::Event(3), "events[3]"),
            (FieldPath::EventField(0, EventField::FoundOn), "events[0].found_on"),
            (FieldPath::EventField(12, EventField::Type), "events[12].type"),
            (FieldPath::Password, "password"),
            (FieldPath::Unknown(InputObject::Top, "colour".into()), "colour"),
            (FieldPath::Unknown(InputObject::Certificate(CertificateKind::User), "x".into()), "user_certificate.x"),
            (FieldPath::Unknown(InputObject::Event(1), "x".into()), "events[1].x"),
        ];
        for (path, text) in cases {
            assert_eq!(path.to_string(), text);
            assert_eq!(serde_json::to_string(&path).unwrap(), format!("\"{text}\""));
        }
    }
}
