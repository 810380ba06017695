//! The journeys as data (docs/design.md §3.1, §3.2): which questions exist, what each asks, the order in
//! which a journey asks them, and how answers become the engine's `Situation`. Pure: no view, no
//! browser, so a native test walks every path. No rule lives here: where the path depends on the law
//! (a signature certificate under 15, the application date that decides a card's term) the journey
//! asks the engine.
//!
//! By job: `catalogue` (every question, one row each), `choices` (the answers of the radio questions),
//! `journey` (the tasks and their paths), one module a journey (`expiry`, `moving`, `details`, `lost`,
//! `destroyed`, `pin`) with `situation` (what they build alike) and `certificates` (the certificates on the
//! card, asked two ways), `answers` and `route`; here, the map from a field the engine names in an error to
//! the question that asked for it.

pub mod answers;
pub mod catalogue;
pub mod certificates;
pub mod choices;
pub mod destroyed;
pub mod details;
pub mod expiry;
pub mod journey;
pub mod lost;
pub mod moving;
pub mod pin;
pub mod route;
mod situation;
#[cfg(test)]
mod walk_tests;

use chrono::NaiveDate;
use rules::FieldPath;

pub use answers::{Answer, Answers, DateText};
pub use catalogue::{Alternative, AnswerForm, Question, Spec};
pub use choices::{Choice, MoveKind, OnCard};
pub use journey::{Journey, Next, Path};
use situation::{base_situation, card_dates_unknown, certificate};

/// The engine's errors name a field of the situation; these find the question that asked for it.
impl Journey {
    /// The question of this journey's path that asked for a field the engine names in an error (else the
    /// first that could have).
    pub fn question_for(self, field: &FieldPath, answers: &Answers, today: NaiveDate) -> Option<Question> {
        let candidates = Question::for_field(field);
        let path = self.path(answers, today).questions;
        candidates.iter().copied().find(|q| path.contains(q)).or(candidates.first().copied())
    }
}

impl Question {
    /// The questions that may have asked for a field of the situation, for the engine's errors
    /// (`card.issued_on`, `events[0].found_on`): the move-in day has one question before the 転入届
    /// and one after; a journey's path holds at most one of them (`Journey::question_for`). Exhaustive:
    /// a field the engine adds is a compile error here until it is given its question (or none).
    pub fn for_field(field: &FieldPath) -> &'static [Question] {
        use rules::CertificateKind::{Signature, User};
        use rules::{CardField as C, CertificateField as F, EventField as E, SituationField as S};
        use Question as Q;
        match field {
            FieldPath::Situation(S::BirthDate) => &[Q::BirthDate],
            FieldPath::Situation(S::StayExpiresOn) => &[Q::StayEnd],
            FieldPath::Situation(S::UserCertificate) => &[Q::UserIssued],
            FieldPath::Situation(S::SignatureCertificate) => &[Q::SignatureIssued],
            FieldPath::Situation(S::Today | S::Nationality | S::Card | S::Events) => &[],
            FieldPath::Card(C::ExpiresOn) => &[Q::CardExpiry],
            FieldPath::Card(C::IssuedOn) => &[Q::CardIssued],
            FieldPath::Card(C::ApplicationReceivedOn) => &[Q::ApplicationReceived],
            FieldPath::Card(C::FaceAuth) => &[],
            FieldPath::Certificate(User, F::ExpiresOn) => &[Q::UserExpiry],
            FieldPath::Certificate(User, F::IssuedOn | F::RenewedWithinWindow) => &[Q::UserIssued],
            FieldPath::Certificate(Signature, F::ExpiresOn) => &[Q::SignatureExpiry],
            FieldPath::Certificate(Signature, F::IssuedOn | F::RenewedWithinWindow) => &[Q::SignatureIssued],
            FieldPath::EventField(_, field) => match field {
                E::MovedOn => &[Q::MovedOn],
                E::FiledOn => &[Q::FiledOn],
                E::PlannedMoveOutOn => &[Q::PlannedMoveOut],
                E::MovedInOn => &[Q::MovedIn, Q::MovedInDay],
                E::MoveInFiledOn => &[Q::MoveInFiled],
                E::CardPresentedOn => &[Q::CardPresented],
                E::DepartureOn => &[Q::Departure],
                E::ContinuedUseAppliedOn => &[Q::ContinuedUse],
                E::ChangedOn => &[Q::ChangedOn],
                E::CardUpdatedOn => &[Q::CardUpdated],
                E::LostOn => &[Q::LostOn],
                E::SuspendedOn => &[Q::Suspended],
                E::ReportedOn => &[Q::Reported],
                E::FoundOn => &[Q::Found],
                E::On => &[Q::DestroyedOn],
                E::Type | E::What | E::Place | E::Stolen | E::Cause | E::Pin | E::KnowsOtherCertificatePin => &[],
            },
            FieldPath::Document | FieldPath::Event(_) | FieldPath::Password | FieldPath::Unknown(..) => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn slugs_are_unique_and_fields_map_to_questions() {
        let slugs: HashSet<&str> = Question::ALL.iter().map(|q| q.spec().slug).collect();
        assert_eq!(slugs.len(), Question::ALL.len());
        use rules::CertificateKind::Signature;
        use rules::{CardField, CertificateField, EventField, SituationField};
        assert_eq!(Question::for_field(&FieldPath::Card(CardField::IssuedOn)), [Question::CardIssued]);
        assert_eq!(
            Question::for_field(&FieldPath::Card(CardField::ApplicationReceivedOn)),
            [Question::ApplicationReceived]
        );
        assert_eq!(Question::for_field(&FieldPath::EventField(0, EventField::FoundOn)), [Question::Found]);
        assert_eq!(
            Question::for_field(&FieldPath::Certificate(Signature, CertificateField::IssuedOn)),
            [Question::SignatureIssued]
        );
        assert_eq!(Question::for_field(&FieldPath::Situation(SituationField::BirthDate)), [Question::BirthDate]);
        assert_eq!(Question::for_field(&FieldPath::Situation(SituationField::Today)), []);
        // The move-in day: the question the journey's path holds.
        let today = "2025-06-01".parse().unwrap();
        let mut answers = Answers::default();
        for (question, answer) in [
            (Question::BirthDate, Answer::Date(DateText::from_date("1980-01-01".parse().unwrap()))),
            (Question::MoveKind, Answer::Choice(Choice::Move(MoveKind::OutOfCity))),
            (Question::PlannedMoveOut, Answer::Date(DateText::from_date("2025-05-01".parse().unwrap()))),
            (Question::MoveInFiled, Answer::Date(DateText::from_date("2025-05-10".parse().unwrap()))),
        ] {
            answers.set(question, answer);
        }
        let field = FieldPath::EventField(0, EventField::MovedInOn);
        assert_eq!(Journey::Move.question_for(&field, &answers, today), Some(Question::MovedInDay));
        answers.set(Question::MoveInFiled, Answer::NotYet);
        assert_eq!(Journey::Move.question_for(&field, &answers, today), Some(Question::MovedIn));
    }
}
