//! The journeys as data (design.md §3.1, §3.2): which questions exist, what each asks, the order in
//! which a journey asks them, and how answers become the engine's `Situation`. Pure: no view, no
//! browser, so a native test walks every path. No rule lives here: where the path depends on the law
//! (a signature certificate under 15, the application date that decides a card's term) the journey
//! asks the engine.

pub mod answers;
pub mod certificates;
pub mod choices;
pub mod destroyed;
pub mod details;
pub mod expiry;
pub mod lost;
pub mod moving;
pub mod pin;
pub mod route;

use chrono::NaiveDate;
use rules::contract::{Card, Cause, Certificate, Detail, Nationality, Pin, Place, Situation};

use crate::i18n::Msg;
pub use answers::{Answer, Answers, DateText};
pub use choices::{Choice, MoveKind, OnCard};

/// The tasks of the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Journey {
    Expiry,
    Move,
    Details,
    Lost,
    Destroyed,
    Pin,
}

impl Journey {
    pub const ALL: [Journey; 6] =
        [Journey::Expiry, Journey::Move, Journey::Details, Journey::Lost, Journey::Destroyed, Journey::Pin];

    /// The first path segment of the journey's pages (`#/expiry/...`).
    pub fn slug(self) -> &'static str {
        match self {
            Journey::Expiry => "expiry",
            Journey::Move => "move",
            Journey::Details => "details",
            Journey::Lost => "lost",
            Journey::Destroyed => "destroyed",
            Journey::Pin => "pin",
        }
    }

    /// The link text of the task on the start page, also the journey's name on its pages.
    pub fn title(self) -> Msg {
        match self {
            Journey::Expiry => Msg::TaskExpiry,
            Journey::Move => Msg::TaskMove,
            Journey::Details => Msg::TaskDetails,
            Journey::Lost => Msg::TaskLost,
            Journey::Destroyed => Msg::TaskDestroyed,
            Journey::Pin => Msg::TaskPin,
        }
    }

    /// The question each journey starts with.
    pub fn first(self) -> Question {
        Question::BirthDate
    }

    /// The page after `question` given the answers so far.
    pub fn next(self, question: Question, answers: &Answers, today: NaiveDate) -> Next {
        match self {
            Journey::Expiry => expiry::next(question, answers, today),
            Journey::Move => moving::next(question, answers),
            Journey::Details => details::next(question),
            Journey::Lost => lost::next(question),
            Journey::Destroyed => destroyed::next(question),
            Journey::Pin => pin::next(question, answers, today),
        }
    }

    /// The situation the answers describe, for the engine. Only the answers on the journey's
    /// current path count: an answer left behind on a branch the citizen later left (by changing an
    /// earlier answer) is ignored.
    pub fn situation(self, answers: &Answers, today: NaiveDate) -> Situation {
        let answers = &answers.only(&self.path(answers, today).questions);
        match self {
            Journey::Expiry => expiry::situation(answers, today),
            Journey::Move => moving::situation(answers, today),
            Journey::Details => details::situation(answers, today),
            Journey::Lost => lost::situation(answers, today),
            Journey::Destroyed => destroyed::situation(answers, today),
            Journey::Pin => pin::situation(answers, today),
        }
    }

    /// The questions this journey asks with these answers, in order, up to the first one not yet
    /// answered (included). `complete` is true when every question on the path is answered.
    pub fn path(self, answers: &Answers, today: NaiveDate) -> Path {
        let mut questions = Vec::new();
        let mut question = self.first();
        // A journey has at most a few dozen questions; the bound keeps a cycle from hanging the page.
        for _ in 0..64 {
            questions.push(question);
            if !answered(question, answers, today) {
                return Path { questions, complete: false };
            }
            match self.next(question, answers, today) {
                Next::Question(q) => question = q,
                Next::Check => return Path { questions, complete: true },
            }
        }
        Path { questions, complete: false }
    }

    /// The question of this journey's path that asked for a field the engine names in an error (else the
    /// first that could have).
    pub fn question_for(self, field: &str, answers: &Answers, today: NaiveDate) -> Option<Question> {
        let candidates = Question::for_field(field);
        let path = self.path(answers, today).questions;
        candidates.iter().copied().find(|q| path.contains(q)).or(candidates.first().copied())
    }
}

/// Whether the question has an answer its page still offers (a choice about a signature certificate
/// is withdrawn when a corrected birth date makes the citizen too young for one: then it is asked again).
fn answered(question: Question, answers: &Answers, today: NaiveDate) -> bool {
    match answers.get(question) {
        None => false,
        Some(Answer::Choice(choice)) => certificates::offered(question, answers, today).contains(choice),
        Some(_) => true,
    }
}

/// The part of a situation every journey shares: today, the birth date, the nationality.
fn base_situation(answers: &Answers, today: NaiveDate) -> Situation {
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
fn certificate(answers: &Answers, [held, expiry, issued, renewed]: [Question; 4]) -> Option<Certificate> {
    matches!(answers.choice(held), Some(Choice::Yes | Choice::Unknown)).then(|| Certificate {
        issued_on: answers.date(issued),
        expires_on: answers.date(expiry),
        renewed_within_window: answers.is(renewed, Choice::Yes),
    })
}

/// The card of the journeys that do not ask its dates: held, dates unknown, with the certificates the
/// citizen says are on it (`certificates::put_on_card`).
fn card_dates_unknown(s: &mut Situation, answers: &Answers) {
    s.card = Some(Card::default());
    certificates::put_on_card(s, answers);
}

/// What comes after a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Question(Question),
    /// The "check your answers" page.
    Check,
}

/// The questions of a journey's current path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub questions: Vec<Question>,
    pub complete: bool,
}

/// Every question of every journey. Each is asked on its own page (one thing per page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    BirthDate,
    Nationality,
    StayEnd,
    HasCard,
    CardExpiry,
    CardIssued,
    /// The application date, asked only when the engine cannot tell the card's age class without it.
    ApplicationReceived,
    UserHeld,
    UserExpiry,
    UserIssued,
    UserRenewed,
    SignatureHeld,
    SignatureExpiry,
    SignatureIssued,
    SignatureRenewed,
    MoveKind,
    MovedOn,
    FiledOn,
    PlannedMoveOut,
    MovedIn,
    MoveInFiled,
    /// The move-in day once the 転入届 is filed: 「わからない」 instead of 「まだ」.
    MovedInDay,
    CardPresented,
    Departure,
    ContinuedUse,
    WhatChanged,
    ChangedOn,
    CardUpdated,
    LostOn,
    LostPlace,
    Stolen,
    Suspended,
    Reported,
    Found,
    /// Which certificates are on the card (`certificates.rs`).
    Certificates,
    Cause,
    DestroyedOn,
    WhichPin,
    KnowsOtherPin,
}

/// What a date question offers besides a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alternative {
    /// 「わからない」: the value is left out of the situation.
    Unknown,
    /// 「まだ」: the step has not happened yet.
    NotYet,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A date in 西暦 or 和暦; `birth` adds `autocomplete="bday-*"` and starts on the era the card prints.
    Date { birth: bool, alternative: Option<Alternative> },
    /// One of these choices.
    Choice(&'static [Choice]),
}

/// What a question page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The last path segment of the page (`birth-date`).
    pub slug: &'static str,
    /// The page's heading, inside the `<legend>` or `<label>`.
    pub title: Msg,
    /// Why we ask and where the value is printed.
    pub hint: Option<Msg>,
    /// A short name for errors and the check page (生年月日).
    pub label: Msg,
    pub kind: Kind,
}

const YES_NO: &[Choice] = &[Choice::Yes, Choice::No];
const YES_NO_UNKNOWN: &[Choice] = &[Choice::Yes, Choice::No, Choice::Unknown];

const fn date(alternative: Option<Alternative>) -> Kind {
    Kind::Date { birth: false, alternative }
}

impl Question {
    pub const ALL: [Question; 39] = [
        Question::BirthDate,
        Question::Nationality,
        Question::StayEnd,
        Question::HasCard,
        Question::CardExpiry,
        Question::CardIssued,
        Question::ApplicationReceived,
        Question::UserHeld,
        Question::UserExpiry,
        Question::UserIssued,
        Question::UserRenewed,
        Question::SignatureHeld,
        Question::SignatureExpiry,
        Question::SignatureIssued,
        Question::SignatureRenewed,
        Question::MoveKind,
        Question::MovedOn,
        Question::FiledOn,
        Question::PlannedMoveOut,
        Question::MovedIn,
        Question::MoveInFiled,
        Question::MovedInDay,
        Question::CardPresented,
        Question::Departure,
        Question::ContinuedUse,
        Question::WhatChanged,
        Question::ChangedOn,
        Question::CardUpdated,
        Question::LostOn,
        Question::LostPlace,
        Question::Stolen,
        Question::Suspended,
        Question::Reported,
        Question::Found,
        Question::Certificates,
        Question::Cause,
        Question::DestroyedOn,
        Question::WhichPin,
        Question::KnowsOtherPin,
    ];

    /// What the page of this question shows and accepts.
    pub fn spec(self) -> Spec {
        use Alternative::{NotYet, Unknown};
        let (slug, title, hint, label, kind) = match self {
            Question::BirthDate => (
                "birth-date",
                Msg::QBirthDateTitle,
                Some(Msg::QBirthDateHint),
                Msg::QBirthDateLabel,
                Kind::Date { birth: true, alternative: None },
            ),
            Question::Nationality => (
                "nationality",
                Msg::QNationalityTitle,
                Some(Msg::QNationalityHint),
                Msg::QNationalityLabel,
                Kind::Choice(&[Choice::Nationality(Nationality::Japanese), Choice::Nationality(Nationality::Foreign)]),
            ),
            Question::StayEnd => {
                ("stay-end", Msg::QStayEndTitle, Some(Msg::QStayEndHint), Msg::QStayEndLabel, date(Some(Unknown)))
            }
            Question::HasCard => ("has-card", Msg::QHasCardTitle, None, Msg::QHasCardLabel, Kind::Choice(YES_NO)),
            Question::CardExpiry => (
                "card-expiry",
                Msg::QCardExpiryTitle,
                Some(Msg::QCardExpiryHint),
                Msg::QCardExpiryLabel,
                date(Some(Unknown)),
            ),
            Question::CardIssued => (
                "card-issued",
                Msg::QCardIssuedTitle,
                Some(Msg::QCardIssuedHint),
                Msg::QCardIssuedLabel,
                date(Some(Unknown)),
            ),
            Question::ApplicationReceived => (
                "card-applied",
                Msg::QApplicationReceivedTitle,
                Some(Msg::QApplicationReceivedHint),
                Msg::QApplicationReceivedLabel,
                date(Some(Unknown)),
            ),
            Question::UserHeld => (
                "user-certificate",
                Msg::QUserHeldTitle,
                Some(Msg::QUserHeldHint),
                Msg::QUserHeldLabel,
                Kind::Choice(YES_NO_UNKNOWN),
            ),
            Question::UserExpiry => (
                "user-certificate-expiry",
                Msg::QUserExpiryTitle,
                Some(Msg::QCertificateExpiryHint),
                Msg::QUserExpiryLabel,
                date(Some(Unknown)),
            ),
            Question::UserIssued => (
                "user-certificate-issued",
                Msg::QUserIssuedTitle,
                Some(Msg::QCertificateIssuedHint),
                Msg::QUserIssuedLabel,
                date(Some(Unknown)),
            ),
            Question::UserRenewed => (
                "user-certificate-renewed",
                Msg::QUserRenewedTitle,
                Some(Msg::QCertificateRenewedHint),
                Msg::QUserRenewedLabel,
                Kind::Choice(YES_NO_UNKNOWN),
            ),
            Question::SignatureHeld => (
                "signature-certificate",
                Msg::QSignatureHeldTitle,
                Some(Msg::QSignatureHeldHint),
                Msg::QSignatureHeldLabel,
                Kind::Choice(YES_NO_UNKNOWN),
            ),
            Question::SignatureExpiry => (
                "signature-certificate-expiry",
                Msg::QSignatureExpiryTitle,
                Some(Msg::QCertificateExpiryHint),
                Msg::QSignatureExpiryLabel,
                date(Some(Unknown)),
            ),
            Question::SignatureIssued => (
                "signature-certificate-issued",
                Msg::QSignatureIssuedTitle,
                Some(Msg::QCertificateIssuedHint),
                Msg::QSignatureIssuedLabel,
                date(Some(Unknown)),
            ),
            Question::SignatureRenewed => (
                "signature-certificate-renewed",
                Msg::QSignatureRenewedTitle,
                Some(Msg::QCertificateRenewedHint),
                Msg::QSignatureRenewedLabel,
                Kind::Choice(YES_NO_UNKNOWN),
            ),
            Question::MoveKind => (
                "kind",
                Msg::QMoveKindTitle,
                Some(Msg::QMoveKindHint),
                Msg::QMoveKindLabel,
                Kind::Choice(&[
                    Choice::Move(MoveKind::WithinCity),
                    Choice::Move(MoveKind::IntoCity),
                    Choice::Move(MoveKind::OutOfCity),
                    Choice::Move(MoveKind::Abroad),
                ]),
            ),
            Question::MovedOn => ("moved-on", Msg::QMovedOnTitle, None, Msg::QMovedOnLabel, date(None)),
            Question::FiledOn => {
                ("filed-on", Msg::QFiledOnTitle, Some(Msg::QFiledOnHint), Msg::QFiledOnLabel, date(Some(NotYet)))
            }
            Question::PlannedMoveOut => (
                "move-out",
                Msg::QPlannedMoveOutTitle,
                Some(Msg::QPlannedMoveOutHint),
                Msg::QPlannedMoveOutLabel,
                date(None),
            ),
            Question::MovedIn => {
                ("moved-in", Msg::QMovedInTitle, Some(Msg::QMovedInHint), Msg::QMovedInLabel, date(Some(NotYet)))
            }
            Question::MoveInFiled => (
                "move-in-filed",
                Msg::QMoveInFiledTitle,
                Some(Msg::QMoveInFiledHint),
                Msg::QMoveInFiledLabel,
                date(Some(NotYet)),
            ),
            Question::MovedInDay => (
                "moved-in-day",
                Msg::QMovedInDayTitle,
                Some(Msg::QMovedInDayHint),
                Msg::QMovedInDayLabel,
                date(Some(Unknown)),
            ),
            Question::CardPresented => (
                "card-presented",
                Msg::QCardPresentedTitle,
                Some(Msg::QCardPresentedHint),
                Msg::QCardPresentedLabel,
                date(Some(NotYet)),
            ),
            Question::Departure => {
                ("departure", Msg::QDepartureTitle, Some(Msg::QDepartureHint), Msg::QDepartureLabel, date(None))
            }
            Question::ContinuedUse => (
                "continued-use",
                Msg::QContinuedUseTitle,
                Some(Msg::QContinuedUseHint),
                Msg::QContinuedUseLabel,
                date(Some(NotYet)),
            ),
            Question::WhatChanged => (
                "what",
                Msg::QWhatChangedTitle,
                Some(Msg::QWhatChangedHint),
                Msg::QWhatChangedLabel,
                Kind::Choice(&[
                    Choice::Detail(Detail::Name),
                    Choice::Detail(Detail::BirthDate),
                    Choice::Detail(Detail::Sex),
                    Choice::Detail(Detail::FormerSurname),
                ]),
            ),
            Question::ChangedOn => {
                ("changed-on", Msg::QChangedOnTitle, Some(Msg::QChangedOnHint), Msg::QChangedOnLabel, date(None))
            }
            Question::CardUpdated => (
                "card-updated",
                Msg::QCardUpdatedTitle,
                Some(Msg::QCardUpdatedHint),
                Msg::QCardUpdatedLabel,
                date(Some(NotYet)),
            ),
            Question::LostOn => {
                ("lost-on", Msg::QLostOnTitle, Some(Msg::QLostOnHint), Msg::QLostOnLabel, date(Some(Unknown)))
            }
            Question::LostPlace => (
                "place",
                Msg::QLostPlaceTitle,
                Some(Msg::QLostPlaceHint),
                Msg::QLostPlaceLabel,
                Kind::Choice(&[Choice::Place(Place::Outside), Choice::Place(Place::Home)]),
            ),
            Question::Stolen => ("stolen", Msg::QStolenTitle, None, Msg::QStolenLabel, Kind::Choice(YES_NO)),
            Question::Suspended => {
                ("stopped", Msg::QSuspendedTitle, Some(Msg::QSuspendedHint), Msg::QSuspendedLabel, date(Some(NotYet)))
            }
            Question::Reported => {
                ("reported", Msg::QReportedTitle, Some(Msg::QReportedHint), Msg::QReportedLabel, date(Some(NotYet)))
            }
            Question::Found => ("found", Msg::QFoundTitle, Some(Msg::QFoundHint), Msg::QFoundLabel, date(Some(NotYet))),
            Question::Certificates => (
                "which-certificates",
                Msg::QCertificatesTitle,
                Some(Msg::QCertificatesHint),
                Msg::QCertificatesLabel,
                Kind::Choice(certificates::CHOICES),
            ),
            Question::Cause => (
                "cause",
                Msg::QCauseTitle,
                None,
                Msg::QCauseLabel,
                Kind::Choice(&[
                    Choice::Cause(Cause::Disaster),
                    Choice::Cause(Cause::Damage),
                    Choice::Cause(Cause::Defect),
                    Choice::Cause(Cause::CardFull),
                ]),
            ),
            Question::DestroyedOn => {
                ("on", Msg::QDestroyedOnTitle, Some(Msg::QDestroyedOnHint), Msg::QDestroyedOnLabel, date(None))
            }
            Question::WhichPin => (
                "which",
                Msg::QWhichPinTitle,
                Some(Msg::QWhichPinHint),
                Msg::QWhichPinLabel,
                Kind::Choice(&[
                    Choice::Pin(Pin::Signature),
                    Choice::Pin(Pin::User),
                    Choice::Pin(Pin::Residence),
                    Choice::Pin(Pin::CardInfo),
                ]),
            ),
            Question::KnowsOtherPin => (
                "other-pin",
                Msg::QKnowsOtherPinTitle,
                Some(Msg::QKnowsOtherPinHint),
                Msg::QKnowsOtherPinLabel,
                Kind::Choice(YES_NO),
            ),
        };
        Spec { slug, title, hint, label, kind }
    }

    /// The choices of a choice question (none for a date); `certificates::offered` says which a page shows.
    pub fn choices(self) -> &'static [Choice] {
        match self.spec().kind {
            Kind::Choice(choices) => choices,
            Kind::Date { .. } => &[],
        }
    }

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

#[cfg(test)]
mod walk_tests {
    use super::*;
    use rules::contract::{ActionId, CaveatId, Guidance, Status, Validity};
    use std::collections::BTreeSet;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn date_answer(s: &str) -> Answer {
        Answer::Date(DateText::from_date(d(s)))
    }

    /// The answers a question can get in the walk: each choice its page offers, a date, and its alternative.
    fn possible_answers(question: Question, answers: &Answers, birth: &str, today: NaiveDate) -> Vec<Answer> {
        match question.spec().kind {
            Kind::Choice(_) => {
                certificates::offered(question, answers, today).iter().map(|c| Answer::Choice(*c)).collect()
            }
            Kind::Date { alternative, .. } => {
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
                &[
                    Q::BirthDate,
                    Q::LostOn,
                    Q::LostPlace,
                    Q::Stolen,
                    Q::Suspended,
                    Q::Reported,
                    Q::Found,
                    Q::Certificates,
                ],
            ),
            (Journey::Destroyed, &[Q::BirthDate, Q::Cause, Q::DestroyedOn, Q::Certificates]),
            (Journey::Pin, &[Q::BirthDate, Q::WhichPin, Q::KnowsOtherPin, Q::Certificates]),
        ];
        for (journey, questions) in expected {
            let want: BTreeSet<Question> = questions.iter().copied().collect();
            assert_eq!(reached(journey, "1985-10-10", &|_, _| {}), want, "{journey:?}: the questions reached");
        }
    }

    #[test]
    fn a_child_under_15_is_never_asked_about_nor_given_a_signature_certificate() {
        // Whatever a child's answers, the engine hears of no signature certificate, and says from when one
        // can be issued (rules.md §12).
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
        // to be shown at the new office by its day (rules.md §7.2), not replaced.
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
        assert_eq!(Question::MovedIn.spec().kind, Kind::Date { birth: false, alternative: Some(Alternative::NotYet) });
        assert_eq!(
            Question::MovedInDay.spec().kind,
            Kind::Date { birth: false, alternative: Some(Alternative::Unknown) }
        );
    }

    #[test]
    fn the_application_date_is_asked_when_the_engine_needs_it_and_decides_the_term() {
        // Born 2006-11-20, the card issued on 2024-12-10, after the 18th birthday: the engine cannot tell from
        // the issue date whether the application was made as a minor (rules.md §4).
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
}
