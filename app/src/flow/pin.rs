//! 暗証番号がロックされた・忘れた (docs/design.md §3.1); the password checker is a page of its own.

use chrono::NaiveDate;
use rules::{Event, Pin, Situation};

use super::certificates::signature_not_eligible;
use super::{base_situation, card_dates_unknown, Answers, Choice, Next, Question};

pub fn next(question: Question, answers: &Answers, today: NaiveDate) -> Next {
    use Question as Q;
    let ask = Next::Question;
    let certificate_pin = matches!(answers.choice(Q::WhichPin), Some(Choice::Pin(Pin::Signature | Pin::User)));
    match question {
        Q::BirthDate => ask(Q::WhichPin),
        // Only the two certificate PINs can be reset at a store, and only with the other one known; a child
        // has no signature certificate, so no other PIN to know (the engine says so).
        Q::WhichPin if certificate_pin && !signature_not_eligible(answers, today) => ask(Q::KnowsOtherPin),
        Q::WhichPin | Q::KnowsOtherPin => ask(Q::Certificates),
        _ => Next::Check,
    }
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    card_dates_unknown(&mut s, answers);
    if let Some(Choice::Pin(pin)) = answers.choice(Q::WhichPin) {
        s.events.push(Event::PinLocked { pin, knows_other_certificate_pin: answers.is(Q::KnowsOtherPin, Choice::Yes) });
    }
    s
}
