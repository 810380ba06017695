//! The journeys as data (design.md §3.1, §3.2): which questions exist, what each asks, the order in
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

pub use answers::{Answer, Answers, DateText};
pub use catalogue::{Alternative, AnswerForm, Question, Spec};
pub use choices::{Choice, MoveKind, OnCard};
pub use journey::{Journey, Next, Path};
use situation::{base_situation, card_dates_unknown, certificate};

/// The engine's errors name a field of the situation; these find the question that asked for it.
impl Journey {
    /// The question of this journey's path that asked for a field the engine names in an error (else the
    /// first that could have).
    pub fn question_for(self, field: &str, answers: &Answers, today: NaiveDate) -> Option<Question> {
        let candidates = Question::for_field(field);
        let path = self.path(answers, today).questions;
        candidates.iter().copied().find(|q| path.contains(q)).or(candidates.first().copied())
    }
}

impl Question {
    /// The questions that may have asked for a field of the situation, for the engine's errors
    /// (`card.issued_on`, `events[0].found_on`): the move-in day has one question before the 転入届
    /// and one after; a journey's path holds at most one of them (`Journey::question_for`).
    pub fn for_field(field: &str) -> &'static [Question] {
        use Question as Q;
        let name = field.rsplit('.').next().unwrap_or(field);
        match (field.split('.').next().unwrap_or(""), name) {
            (_, "birth_date") if field == "birth_date" => &[Q::BirthDate],
            ("stay_expires_on", _) => &[Q::StayEnd],
            ("card", "expires_on") => &[Q::CardExpiry],
            ("card", "issued_on") => &[Q::CardIssued],
            ("card", "application_received_on") => &[Q::ApplicationReceived],
            ("user_certificate", "expires_on") => &[Q::UserExpiry],
            ("user_certificate", _) => &[Q::UserIssued],
            ("signature_certificate", "expires_on") => &[Q::SignatureExpiry],
            ("signature_certificate", _) => &[Q::SignatureIssued],
            (_, "moved_on") => &[Q::MovedOn],
            (_, "filed_on") => &[Q::FiledOn],
            (_, "planned_move_out_on") => &[Q::PlannedMoveOut],
            (_, "moved_in_on") => &[Q::MovedIn, Q::MovedInDay],
            (_, "move_in_filed_on") => &[Q::MoveInFiled],
            (_, "card_presented_on") => &[Q::CardPresented],
            (_, "departure_on") => &[Q::Departure],
            (_, "continued_use_applied_on") => &[Q::ContinuedUse],
            (_, "changed_on") => &[Q::ChangedOn],
            (_, "card_updated_on") => &[Q::CardUpdated],
            (_, "lost_on") => &[Q::LostOn],
            (_, "suspended_on") => &[Q::Suspended],
            (_, "reported_on") => &[Q::Reported],
            (_, "found_on") => &[Q::Found],
            (_, "on") => &[Q::DestroyedOn],
            _ => &[],
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
        assert_eq!(Question::for_field("card.issued_on"), [Question::CardIssued]);
        assert_eq!(Question::for_field("card.application_received_on"), [Question::ApplicationReceived]);
        assert_eq!(Question::for_field("events[0].found_on"), [Question::Found]);
        assert_eq!(Question::for_field("signature_certificate.issued_on"), [Question::SignatureIssued]);
        assert_eq!(Question::for_field("birth_date"), [Question::BirthDate]);
        assert_eq!(Question::for_field("today"), []);
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
        let field = "events[0].moved_in_on";
        assert_eq!(Journey::Move.question_for(field, &answers, today), Some(Question::MovedInDay));
        answers.set(Question::MoveInFiled, Answer::NotYet);
        assert_eq!(Journey::Move.question_for(field, &answers, today), Some(Question::MovedIn));
    }
}
