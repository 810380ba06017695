//! 有効期限と更新の時期を調べる: the card's and each certificate's dates (docs/design.md §3.1).

use chrono::NaiveDate;
use rules::{Card, CaveatId, Nationality, Situation};

use super::certificates::signature_not_eligible;
use super::{base_situation, certificate, Answers, Choice, Next, Question};

/// The card as answered so far, without its application date.
fn card(answers: &Answers) -> Card {
    Card {
        issued_on: answers.date(Question::CardIssued),
        expires_on: answers.date(Question::CardExpiry),
        ..Card::default()
    }
}

/// Whether the engine, told the card's issue date, cannot tell whether the card was applied for as an
/// adult or a minor (its caveat `age_decision_date_unknown`, docs/rules.md §4): then the application date
/// decides the card's term, and the journey asks for it. The age class is the engine's alone.
fn application_date_decides(answers: &Answers, today: NaiveDate) -> bool {
    let mut situation = base_situation(answers, today);
    situation.card = Some(card(answers));
    rules::guide(&situation).is_ok_and(|g| g.caveats.iter().any(|c| c.id == CaveatId::AgeDecisionDateUnknown))
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
        Q::Nationality if answers.is(Q::Nationality, Choice::Nationality(Nationality::Foreign)) => ask(Q::StayEnd),
        Q::Nationality | Q::StayEnd => ask(Q::HasCard),
        Q::HasCard if answers.is(Q::HasCard, Choice::Yes) => ask(Q::CardExpiry),
        Q::HasCard => Next::Check,
        Q::CardExpiry if answers.date(Q::CardExpiry).is_none() => ask(Q::CardIssued),
        Q::CardIssued if application_date_decides(answers, today) => ask(Q::ApplicationReceived),
        Q::CardExpiry | Q::CardIssued | Q::ApplicationReceived => ask(Q::UserHeld),
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
        // The 申請日 the citizen can read (交付通知書, the online application's mail) stands for the 申請受付日 of
        // docs/rules.md §4. It is the same day or a little earlier, so the class it gives is the same or the
        // minor's, whose card ends sooner: the safer reading when they differ.
        s.card = Some(Card { application_received_on: answers.date(Q::ApplicationReceived), ..card(answers) });
    }
    s.user_certificate = certificate(answers, [Q::UserHeld, Q::UserExpiry, Q::UserIssued, Q::UserRenewed]);
    s.signature_certificate =
        certificate(answers, [Q::SignatureHeld, Q::SignatureExpiry, Q::SignatureIssued, Q::SignatureRenewed]);
    s
}
