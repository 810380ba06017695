//! 有効期限と更新の時期を調べる: the card's and each certificate's dates (design.md §3.1).

use chrono::NaiveDate;
use rules::contract::{Card, Situation, Status};

use super::{base_situation, certificate, Answers, Choice, Next, Question};

/// Whether the engine says the citizen is too young for a signature certificate today: then the
/// journey does not ask about one (design.md §1.1 invariant 2: the path asks the engine).
fn signature_not_eligible(answers: &Answers, today: NaiveDate) -> bool {
    let situation = base_situation(answers, today);
    rules::guide(&situation).ok().and_then(|g| g.signature_certificate).is_some_and(|s| s.status == Status::NotEligible)
}

fn after_user_certificate(answers: &Answers, today: NaiveDate) -> Next {
    if signature_not_eligible(answers, today) {
        Next::Check
    } else {
        Next::Question(Question::SignatureHeld)
    }
}

pub fn next(question: Question, answers: &Answers, today: NaiveDate) -> Next {
    use Question as Q;
    let ask = Next::Question;
    match question {
        Q::BirthDate => ask(Q::Nationality),
        Q::Nationality if answers.is(Q::Nationality, Choice::Foreign) => ask(Q::StayEnd),
        Q::Nationality | Q::StayEnd => ask(Q::HasCard),
        Q::HasCard if answers.is(Q::HasCard, Choice::Yes) => ask(Q::CardExpiry),
        Q::HasCard => Next::Check,
        Q::CardExpiry if answers.date(Q::CardExpiry).is_none() => ask(Q::CardIssued),
        Q::CardExpiry | Q::CardIssued => ask(Q::UserHeld),
        Q::UserHeld if answers.is(Q::UserHeld, Choice::Yes) => ask(Q::UserExpiry),
        Q::UserExpiry if answers.date(Q::UserExpiry).is_none() => ask(Q::UserIssued),
        Q::UserIssued if answers.date(Q::UserIssued).is_some() => ask(Q::UserRenewed),
        Q::UserHeld | Q::UserExpiry | Q::UserIssued | Q::UserRenewed => after_user_certificate(answers, today),
        Q::SignatureHeld if answers.is(Q::SignatureHeld, Choice::Yes) => ask(Q::SignatureExpiry),
        Q::SignatureExpiry if answers.date(Q::SignatureExpiry).is_none() => ask(Q::SignatureIssued),
        Q::SignatureIssued if answers.date(Q::SignatureIssued).is_some() => ask(Q::SignatureRenewed),
        _ => Next::Check,
    }
}

pub fn situation(answers: &Answers, today: NaiveDate) -> Situation {
    use Question as Q;
    let mut s = base_situation(answers, today);
    if answers.is(Q::HasCard, Choice::Yes) {
        s.card = Some(Card {
            issued_on: answers.date(Q::CardIssued),
            expires_on: answers.date(Q::CardExpiry),
            ..Card::default()
        });
    }
    s.user_certificate = certificate(answers, [Q::UserHeld, Q::UserExpiry, Q::UserIssued, Q::UserRenewed]);
    s.signature_certificate =
        certificate(answers, [Q::SignatureHeld, Q::SignatureExpiry, Q::SignatureIssued, Q::SignatureRenewed]);
    s
}
