//! The parts of a `Situation` that every journey builds the same way.

use chrono::NaiveDate;
use rules::{Card, Certificate, Nationality, Situation};

use super::{certificates, Answers, Choice, Question};

/// The part of a situation every journey shares: today, the birth date, the nationality.
pub(super) fn base_situation(answers: &Answers, today: NaiveDate) -> Situation {
    Situation {
        today,
        birth_date: answers.date(Question::BirthDate).unwrap_or(today),
        nationality: match answers.choice(Question::Nationality) {
            Some(Choice::Nationality(nationality)) => nationality,
            _ => Nationality::default(),
        },
        stay_expires_on: answers.date(Question::StayEnd),
        card: None,
        user_certificate: None,
        signature_certificate: None,
        events: Vec::new(),
    }
}

/// A certificate from its four questions (held?, expiry, issue date, renewed in the window?):
/// held or 「わからない」 → held (with the dates given, else dates unknown); no → none.
pub(super) fn certificate(answers: &Answers, [held, expiry, issued, renewed]: [Question; 4]) -> Option<Certificate> {
    matches!(answers.choice(held), Some(Choice::Yes | Choice::Unknown)).then(|| Certificate {
        issued_on: answers.date(issued),
        expires_on: answers.date(expiry),
        renewed_within_window: answers.is(renewed, Choice::Yes),
    })
}

/// The card of the journeys that do not ask its dates: held, dates unknown, with the certificates the
/// citizen says are on it (`certificates::put_on_card`).
pub(super) fn card_dates_unknown(s: &mut Situation, answers: &Answers) {
    s.card = Some(Card::default());
    certificates::put_on_card(s, answers);
}
