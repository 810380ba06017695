//! Walks every path of every journey with the answers its pages can give (docs/design.md §3.1): every question
//! is reached, every path ends, and what the engine is given follows the citizen's answers.

use super::*;
use rules::{ActionId, CaveatId, Guidance, Nationality, Situation, Status, Validity};
use std::collections::BTreeSet;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn date_answer(s: &str) -> Answer {
    Answer::Date(DateText::from_date(d(s)))
}

/// The answers a question can get in the walk: each choice its page offers, a date, and its alternative.
fn possible_answers(question: Question, answers: &Answers, birth: &str, today: NaiveDate) -> Vec<Answer> {
    match question.spec().form {
        AnswerForm::Choice(_) => {
            certificates::offered(question, answers, today).iter().map(|c| Answer::Choice(*c)).collect()
        }
        AnswerForm::Date { alternative, .. } => {
            let date = match question {
                Question::BirthDate => birth,
                Question::CardExpiry | Question::StayEnd => "2030-10-10",
                _ => "2025-05-10",
            };
            let mut answers = vec![date_answer(date)];
            answers.extend(alternative.map(|alt| match alt {
                Alternative::Unknown => Answer::Unknown,
                Alternative::NotYet => Answer::NotYet,
            }));
            answers
        }
    }
}

/// Walks every combination of answers, each given as its page gives it; returns the questions reached
/// and the number of complete paths, checking that each ends at the check page and the engine answers
/// it; `check` sees every complete path's situation and guidance.
fn walk(
    journey: Journey,
    answers: Answers,
    birth: &str,
    today: NaiveDate,
    reached: &mut BTreeSet<Question>,
    check: &dyn Fn(&Situation, &Guidance),
) -> usize {
    let path = journey.path(&answers, today);
    assert!(path.questions.len() < 64, "{journey:?}: a path that does not end");
    if path.complete {
        let situation = journey.situation(&answers, today);
        let guidance = rules::guide(&situation);
        assert!(guidance.is_ok(), "{journey:?}: the engine refuses {situation:?}: {guidance:?}");
        if let Ok(guidance) = guidance {
            check(&situation, &guidance);
        }
        return 1;
    }
    let Some(&question) = path.questions.last() else { return 0 };
    reached.insert(question);
    possible_answers(question, &answers, birth, today)
        .into_iter()
        .map(|answer| {
            let mut next = answers.clone();
            certificates::answer(&mut next, question, answer, today);
            walk(journey, next, birth, today, reached, check)
        })
        .sum()
}

/// The questions a journey reaches for someone born on `birth`, every path checked by `check`.
fn reached(journey: Journey, birth: &str, check: &dyn Fn(&Situation, &Guidance)) -> BTreeSet<Question> {
    let mut reached = BTreeSet::new();
    let paths = walk(journey, Answers::default(), birth, d("2025-06-01"), &mut reached, check);
    assert!(paths > 0, "{journey:?} has no complete path");
    reached
}

#[test]
fn every_question_of_every_journey_is_reachable_and_every_path_ends() {
    use Question as Q;
    let expected: [(Journey, &[Question]); 6] = [
        (
            Journey::Expiry,
            &[
                Q::BirthDate,
                Q::Nationality,
                Q::StayEnd,
                Q::HasCard,
                Q::CardExpiry,
                Q::CardIssued,
                Q::UserHeld,
                Q::UserExpiry,
                Q::UserIssued,
                Q::UserRenewed,
                Q::SignatureHeld,
                Q::SignatureExpiry,
                Q::SignatureIssued,
                Q::SignatureRenewed,
            ],
        ),
        (
            Journey::Move,
            &[
                Q::BirthDate,
                Q::MoveKind,
                Q::MovedOn,
                Q::FiledOn,
                Q::PlannedMoveOut,
                Q::MoveInFiled,
                Q::MovedIn,
                Q::MovedInDay,
                Q::CardPresented,
                Q::Nationality,
                Q::Departure,
                Q::ContinuedUse,
                Q::HasCard,
                Q::Certificates,
                Q::CardExpiry,
            ],
        ),
        (Journey::Details, &[Q::BirthDate, Q::WhatChanged, Q::ChangedOn, Q::CardUpdated, Q::Certificates]),
        (
            Journey::Lost,
            &[Q::BirthDate, Q::LostOn, Q::LostPlace, Q::Stolen, Q::Suspended, Q::Reported, Q::Found, Q::Certificates],
        ),
        (Journey::Destroyed, &[Q::BirthDate, Q::Cause, Q::DestroyedOn, Q::Certificates]),
        (Journey::Pin, &[Q::BirthDate, Q::WhichPin, Q::KnowsOtherPin, Q::Certificates]),
    ];
    for (journey, questions) in expected {
        let want: BTreeSet<Question> = questions.iter().copied().collect();
        assert_eq!(reached(journey, "1985-10-10", &|_, _| {}), want, "{journey:?}: the questions reached");
    }
    // The catalogue holds exactly the questions the journeys ask: none without its row, none unasked (the
    // application date is asked only for the cards the engine needs it for, see below).
    let mut asked: BTreeSet<Question> = expected.iter().flat_map(|(_, questions)| questions.iter().copied()).collect();
    asked.insert(Question::ApplicationReceived);
    assert_eq!(asked, Question::ALL.into_iter().collect());
}

#[test]
fn a_child_under_15_is_never_asked_about_nor_given_a_signature_certificate() {
    // Whatever a child's answers, the engine hears of no signature certificate, and says from when one
    // can be issued (docs/rules.md §12).
    let no_signature = |s: &Situation, g: &Guidance| {
        assert_eq!(s.signature_certificate, None, "{s:?}");
        let signature = g.signature_certificate.as_ref().expect("the not_eligible object");
        assert_eq!((signature.status, signature.eligible_from), (Status::NotEligible, Some(d("2030-04-01"))));
    };
    for journey in Journey::ALL {
        let reached = reached(journey, "2015-04-02", &no_signature);
        for question in [Question::SignatureHeld, Question::KnowsOtherPin] {
            assert!(!reached.contains(&question), "{journey:?} asks a child {question:?}");
        }
    }
    assert!(reached(Journey::Expiry, "2015-04-02", &|_, _| {}).contains(&Question::UserHeld));
    assert!(reached(Journey::Lost, "2015-04-02", &|_, _| {}).contains(&Question::Certificates));
}

#[test]
fn certificates_are_held_only_when_the_citizen_says_so() {
    // Nothing assumed: every journey's situation holds a certificate only when the answer names it or
    // is 「わからない」.
    let today = d("2025-06-01");
    for journey in [Journey::Move, Journey::Details, Journey::Lost, Journey::Destroyed, Journey::Pin] {
        for (choice, user, signature) in [
            (Choice::Certificates(OnCard::None), false, false),
            (Choice::Certificates(OnCard::UserOnly), true, false),
            (Choice::Certificates(OnCard::SignatureOnly), false, true),
            (Choice::Certificates(OnCard::Both), true, true),
            (Choice::Unknown, true, true),
        ] {
            let mut answers = Answers::default();
            let mut question = journey.first();
            // Each question answered with its first offer (a date, a choice), the certificates with `choice`.
            loop {
                let answer = if question == Question::Certificates {
                    Answer::Choice(choice)
                } else if question == Question::HasCard {
                    Answer::Choice(Choice::Yes)
                } else {
                    possible_answers(question, &answers, "1985-10-10", today).remove(0)
                };
                certificates::answer(&mut answers, question, answer, today);
                match journey.next(question, &answers, today) {
                    Next::Question(q) => question = q,
                    Next::Check => break,
                }
            }
            let s = journey.situation(&answers, today);
            let held = (s.user_certificate.is_some(), s.signature_certificate.is_some());
            assert_eq!(held, (user, signature), "{journey:?} {choice:?}");
        }
    }
}

#[test]
fn once_the_move_in_is_filed_a_forgotten_move_in_day_still_gives_the_day_to_show_the_card() {
    // Out of Kawasaki on 1 April, the 転入届 filed on 20 April, the day of moving in forgotten: the card is
    // to be shown at the new office by its day (docs/rules.md §7.2), not replaced.
    let today = d("2025-05-01");
    let mut answers = Answers::default();
    for (question, answer) in [
        (Question::BirthDate, date_answer("1980-01-01")),
        (Question::MoveKind, Answer::Choice(Choice::Move(MoveKind::OutOfCity))),
        (Question::PlannedMoveOut, date_answer("2025-04-01")),
        (Question::MoveInFiled, date_answer("2025-04-20")),
        (Question::MovedInDay, Answer::Unknown),
        (Question::CardPresented, Answer::NotYet),
        (Question::HasCard, Answer::Choice(Choice::Yes)),
        (Question::Certificates, Answer::Choice(Choice::Certificates(OnCard::Both))),
        (Question::CardExpiry, Answer::Unknown),
    ] {
        certificates::answer(&mut answers, question, answer, today);
    }
    let path = Journey::Move.path(&answers, today);
    assert!(path.complete, "{path:?}");
    assert!(!path.questions.contains(&Question::MovedIn), "「まだ」 is not offered once the 転入届 is filed");
    let guidance = rules::guide(&Journey::Move.situation(&answers, today)).unwrap();
    let actions: Vec<ActionId> = guidance.actions.iter().map(|a| a.id).collect();
    assert!(actions.contains(&ActionId::PresentCardAfterMove), "{actions:?}");
    assert!(!actions.contains(&ActionId::ApplyNewCard), "{actions:?}");
    let card = guidance.card.unwrap();
    assert_ne!(card.status, Status::Lapsed);
    assert_eq!(card.lapses_on, Some(d("2025-07-20")), "the 転入届's day + 91");
    // Not filed yet: the move-in day may still be to come.
    answers.set(Question::MoveInFiled, Answer::NotYet);
    assert_eq!(Journey::Move.next(Question::MoveInFiled, &answers, today), Next::Question(Question::MovedIn));
    assert_eq!(
        Question::MovedIn.spec().form,
        AnswerForm::Date { birth: false, alternative: Some(Alternative::NotYet) }
    );
    assert_eq!(
        Question::MovedInDay.spec().form,
        AnswerForm::Date { birth: false, alternative: Some(Alternative::Unknown) }
    );
}

#[test]
fn the_application_date_is_asked_when_the_engine_needs_it_and_decides_the_term() {
    // Born 2006-11-20, the card issued on 2024-12-10, after the 18th birthday: the engine cannot tell from
    // the issue date whether the application was made as a minor (docs/rules.md §4).
    let today = d("2026-11-24");
    let answered = |birth: &str| {
        let mut answers = Answers::default();
        for (question, answer) in [
            (Question::BirthDate, date_answer(birth)),
            (Question::Nationality, Answer::Choice(Choice::Nationality(Nationality::Japanese))),
            (Question::HasCard, Answer::Choice(Choice::Yes)),
            (Question::CardExpiry, Answer::Unknown),
            (Question::CardIssued, date_answer("2024-12-10")),
        ] {
            answers.set(question, answer);
        }
        answers
    };
    let adult = answered("1985-10-10");
    assert_eq!(Journey::Expiry.next(Question::CardIssued, &adult, today), Next::Question(Question::UserHeld));
    let mut answers = answered("2006-11-20");
    let asked = Journey::Expiry.next(Question::CardIssued, &answers, today);
    assert_eq!(asked, Next::Question(Question::ApplicationReceived));
    for (question, answer) in
        [(Question::UserHeld, Answer::Choice(Choice::No)), (Question::SignatureHeld, Answer::Choice(Choice::No))]
    {
        answers.set(question, answer);
    }
    // (the application date, the card's last day, its term, whether the caveat stays)
    let cases = [
        (Answer::Unknown, "2034-11-20", Validity::TenBirthdays, true),
        (date_answer("2024-06-01"), "2029-11-20", Validity::FiveBirthdays, false),
        (date_answer("2024-11-19"), "2034-11-20", Validity::TenBirthdays, false),
    ];
    for (answer, expires, validity, caveat) in cases {
        answers.set(Question::ApplicationReceived, answer.clone());
        assert!(Journey::Expiry.path(&answers, today).complete);
        let g = rules::guide(&Journey::Expiry.situation(&answers, today)).unwrap();
        let card = g.card.unwrap();
        assert_eq!((card.expires_on, card.validity), (Some(d(expires)), Some(validity)), "{answer:?}");
        let has_caveat = g.caveats.iter().any(|c| c.id == CaveatId::AgeDecisionDateUnknown);
        assert_eq!(has_caveat, caveat, "{answer:?}");
    }
    assert!(reached(Journey::Expiry, "2007-02-01", &|_, _| {}).contains(&Question::ApplicationReceived));
}

#[test]
fn answers_off_the_path_are_ignored() {
    let today = d("2025-06-01");
    let mut answers = Answers::default();
    answers.set(Question::BirthDate, date_answer("1985-10-10"));
    answers.set(Question::Nationality, Answer::Choice(Choice::Nationality(Nationality::Japanese)));
    answers.set(Question::HasCard, Answer::Choice(Choice::No));
    // left behind from an earlier visit of the card pages
    answers.set(Question::CardExpiry, date_answer("2030-10-10"));
    let situation = Journey::Expiry.situation(&answers, today);
    assert_eq!(situation.card, None);
}
