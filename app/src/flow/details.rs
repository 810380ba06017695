//! 氏名・生年月日・性別・旧氏が変わった (docs/design.md §3.1).

use chrono::NaiveDate;
use rules::{Event, Situation};

use super::{base_situation, card_dates_unknown, Answers, Choice, Next, Question};

pub fn next(question: Question) -> Next {
    use Question as Q;
    let ask = Next::Question;
    match question {
        Q::BirthDate => ask(Q::WhatChanged),
        Q::WhatChanged => ask(Q::ChangedOn),
        Q::ChangedOn => ask(Q::CardUpdated),
        Q::CardUpdated => ask(Q::Certificates),
        _ => Next::Check,
    }
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    card_dates_unknown(&mut s, answers);
    if let (Some(Choice::Detail(what)), Some(changed_on)) = (answers.choice(Q::WhatChanged), answers.date(Q::ChangedOn))
    {
        s.events.push(Event::ChangeOfDetails { what, changed_on, card_updated_on: answers.date(Q::CardUpdated) });
    }
    s
}
