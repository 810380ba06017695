//! カードをなくした・盗まれた・見つかった (docs/design.md §3.1). The page before the first question already
//! shows the 24-hour number to stop the card.

use chrono::NaiveDate;
use rules::{Event, Situation};

use super::{base_situation, card_dates_unknown, Answers, Choice, Next, Question};

pub fn next(question: Question) -> Next {
    use Question as Q;
    let ask = Next::Question;
    match question {
        Q::BirthDate => ask(Q::LostOn),
        Q::LostOn => ask(Q::LostPlace),
        Q::LostPlace => ask(Q::Stolen),
        Q::Stolen => ask(Q::Suspended),
        Q::Suspended => ask(Q::Reported),
        Q::Reported => ask(Q::Found),
        Q::Found => ask(Q::Certificates),
        _ => Next::Check,
    }
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    card_dates_unknown(&mut s, answers);
    let (suspended_on, reported_on, found_on) =
        (answers.date(Q::Suspended), answers.date(Q::Reported), answers.date(Q::Found));
    // The day of the loss only orders the other dates (found after lost). When the citizen does
    // not know it, the earliest date they gave (or today) stands in, so nothing is refused for it.
    let lost_on = answers
        .date(Q::LostOn)
        .or_else(|| [suspended_on, reported_on, found_on].into_iter().flatten().min())
        .unwrap_or(today);
    if let Some(Choice::Place(place)) = answers.choice(Q::LostPlace) {
        s.events.push(Event::CardLost {
            lost_on,
            place,
            stolen: answers.is(Q::Stolen, Choice::Yes),
            suspended_on,
            reported_on,
            found_on,
        });
    }
    s
}
