//! 壊れた・追記欄がいっぱい・災害でなくなった (docs/design.md §3.1).

use chrono::NaiveDate;
use rules::{Event, Situation};

use super::{base_situation, card_dates_unknown, Answers, Choice, Next, Question};

pub fn next(question: Question) -> Next {
    use Question as Q;
    let ask = Next::Question;
    match question {
        Q::BirthDate => ask(Q::Cause),
        Q::Cause => ask(Q::DestroyedOn),
        Q::DestroyedOn => ask(Q::Certificates),
        _ => Next::Check,
    }
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    card_dates_unknown(&mut s, answers);
    if let (Some(Choice::Cause(cause)), Some(on)) = (answers.choice(Q::Cause), answers.date(Q::DestroyedOn)) {
        s.events.push(Event::CardDestroyed { on, cause });
    }
    s
}
