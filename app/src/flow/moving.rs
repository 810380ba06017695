//! 引っ越しをした・する: a move within Kawasaki, into or out of it, or abroad (docs/design.md §3.1).
//! Moving into and out of Kawasaki are the same event for the engine; only the wording differs.

use chrono::NaiveDate;
use rules::{Card, Event, Nationality, Situation};

use super::{base_situation, certificates, Answers, Choice, MoveKind, Next, Question};

pub fn next(question: Question, answers: &Answers) -> Next {
    use Question as Q;
    let ask = Next::Question;
    match question {
        Q::BirthDate => ask(Q::MoveKind),
        Q::MoveKind => match answers.choice(Q::MoveKind) {
            Some(Choice::Move(MoveKind::WithinCity)) => ask(Q::MovedOn),
            Some(Choice::Move(MoveKind::Abroad)) => ask(Q::Nationality),
            _ => ask(Q::PlannedMoveOut),
        },
        Q::MovedOn => ask(Q::FiledOn),
        // The 転入届 first: once it is filed, the day of moving in may be forgotten (「わからない」: the engine
        // then counts from the planned move-out), whereas before it the day may still be to come (「まだ」).
        // One 「まだ」 for both would tell a citizen who filed but forgot the day that the card has lapsed.
        Q::PlannedMoveOut => ask(Q::MoveInFiled),
        Q::MoveInFiled if answers.date(Q::MoveInFiled).is_some() => ask(Q::MovedInDay),
        Q::MoveInFiled => ask(Q::MovedIn),
        Q::MovedInDay => ask(Q::CardPresented),
        Q::Nationality => ask(Q::Departure),
        Q::Departure if answers.is(Q::Nationality, Choice::Nationality(Nationality::Japanese)) => ask(Q::ContinuedUse),
        Q::FiledOn | Q::MovedIn | Q::CardPresented | Q::Departure | Q::ContinuedUse => ask(Q::HasCard),
        Q::HasCard if answers.is(Q::HasCard, Choice::Yes) => ask(Q::Certificates),
        Q::Certificates => ask(Q::CardExpiry),
        _ => Next::Check,
    }
}

/// The move as the engine's event, if its required date is answered.
fn event(answers: &Answers) -> Option<Event> {
    use Question as Q;
    let Choice::Move(kind) = answers.choice(Q::MoveKind)? else { return None };
    Some(match kind {
        MoveKind::WithinCity => {
            Event::MoveWithinCity { moved_on: answers.date(Q::MovedOn)?, filed_on: answers.date(Q::FiledOn) }
        }
        MoveKind::Abroad => Event::MoveAbroad {
            departure_on: answers.date(Q::Departure)?,
            continued_use_applied_on: answers.date(Q::ContinuedUse),
        },
        MoveKind::IntoCity | MoveKind::OutOfCity => Event::MoveToOtherMunicipality {
            planned_move_out_on: answers.date(Q::PlannedMoveOut)?,
            // At most one of the two is on the path (`Journey::situation` keeps only those).
            moved_in_on: answers.date(Q::MovedIn).or(answers.date(Q::MovedInDay)),
            move_in_filed_on: answers.date(Q::MoveInFiled),
            card_presented_on: answers.date(Q::CardPresented),
        },
    })
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    if answers.is(Q::HasCard, Choice::Yes) {
        s.card = Some(Card { expires_on: answers.date(Q::CardExpiry), ..Card::default() });
        certificates::put_on_card(&mut s, answers);
    }
    s.events.extend(event(answers));
    s
}
