//! Which electronic certificates are on the card, as the visit knows them (issue 13, item 5). The shorter
//! journeys ask it once, as one question (`Question::Certificates`); the expiry journey asks it per
//! certificate, with dates (`UserHeld`, `SignatureHeld`). The visit keeps the two in step, so a citizen who
//! answered one finds the other already answered (WCAG 3.3.7), and nothing is assumed: 「わからない」 counts
//! as held (docs/design.md §3.1), but never a signature certificate the engine says the citizen is too young for
//! (docs/rules.md §12): no age is computed here, the engine is asked.

use chrono::NaiveDate;
use rules::{Certificate, Pin, Situation, Status};

use super::{base_situation, Answer, Answers, Choice, OnCard, Question};

/// The choices of `Question::Certificates`.
pub const CHOICES: &[Choice] = &[
    Choice::Certificates(OnCard::Both),
    Choice::Certificates(OnCard::UserOnly),
    Choice::Certificates(OnCard::SignatureOnly),
    Choice::Certificates(OnCard::None),
    Choice::Unknown,
];
/// The same, without a signature certificate (under 15).
const CHOICES_WITHOUT_SIGNATURE: &[Choice] =
    &[Choice::Certificates(OnCard::UserOnly), Choice::Certificates(OnCard::None), Choice::Unknown];
/// The PINs of `Question::WhichPin` without the signature password (under 15).
const PINS_WITHOUT_SIGNATURE: &[Choice] =
    &[Choice::Pin(Pin::User), Choice::Pin(Pin::Residence), Choice::Pin(Pin::CardInfo)];

/// Whether the engine says the citizen is too young for a signature certificate today: then no journey
/// offers, asks about or assumes one (docs/design.md §1.1 invariant 2: the path asks the engine).
pub fn signature_not_eligible(answers: &Answers, today: NaiveDate) -> bool {
    let situation = base_situation(answers, today);
    rules::guide(&situation).ok().and_then(|g| g.signature_certificate).is_some_and(|s| s.status == Status::NotEligible)
}

/// The choices a question offers with these answers: its own, less those about a signature certificate
/// when the citizen cannot hold one.
pub fn offered(question: Question, answers: &Answers, today: NaiveDate) -> &'static [Choice] {
    let without_signature = match question {
        Question::Certificates => CHOICES_WITHOUT_SIGNATURE,
        Question::WhichPin => PINS_WITHOUT_SIGNATURE,
        _ => return question.choices(),
    };
    if signature_not_eligible(answers, today) {
        without_signature
    } else {
        question.choices()
    }
}

/// The card's certificates for the engine, from the answer to `Question::Certificates`: each held (dates
/// unknown) when named or 「わからない」, the signature certificate only when the engine allows one.
pub fn put_on_card(s: &mut Situation, answers: &Answers) {
    let (user, signature) =
        answers.choice(Question::Certificates).and_then(per_certificate).unwrap_or((Choice::No, Choice::No));
    let held = |c: Choice| matches!(c, Choice::Yes | Choice::Unknown).then(Certificate::default);
    s.user_certificate = held(user);
    s.signature_certificate = held(signature).filter(|_| !signature_not_eligible(answers, s.today));
}

/// The expiry journey's answers (user, signature) that a `Certificates` choice gives.
fn per_certificate(choice: Choice) -> Option<(Choice, Choice)> {
    Some(match choice {
        Choice::Certificates(OnCard::Both) => (Choice::Yes, Choice::Yes),
        Choice::Certificates(OnCard::UserOnly) => (Choice::Yes, Choice::No),
        Choice::Certificates(OnCard::SignatureOnly) => (Choice::No, Choice::Yes),
        Choice::Certificates(OnCard::None) => (Choice::No, Choice::No),
        Choice::Unknown => (Choice::Unknown, Choice::Unknown),
        _ => return None,
    })
}

/// The `Certificates` choice the expiry journey's two answers give, where one does: 「わからない」 for one
/// and "held" for the other is 「わからない」 (held either way); 「わからない」 beside "not held" is not one of
/// the choices, so the question is asked again.
fn combined(user: Choice, signature: Choice) -> Option<Choice> {
    match (user, signature) {
        (Choice::Yes | Choice::Unknown, Choice::Unknown) | (Choice::Unknown, Choice::Yes) => Some(Choice::Unknown),
        pair => CHOICES.iter().copied().find(|c| per_certificate(*c) == Some(pair)),
    }
}

/// Records an answer, and brings the answers that say the same thing in step with it.
pub fn answer(answers: &mut Answers, question: Question, given: Answer, today: NaiveDate) {
    answers.set(question, given);
    match question {
        Question::Certificates => {
            if let Some((user, signature)) = answers.choice(question).and_then(per_certificate) {
                answers.set(Question::UserHeld, Answer::Choice(user));
                answers.set(Question::SignatureHeld, Answer::Choice(signature));
            }
        }
        Question::UserHeld | Question::SignatureHeld => {
            let Some(user) = answers.choice(Question::UserHeld) else { return };
            // Under 15 the expiry journey does not ask about a signature certificate: there is none.
            let signature = if signature_not_eligible(answers, today) {
                Some(Choice::No)
            } else {
                answers.choice(Question::SignatureHeld)
            };
            let Some(signature) = signature else { return };
            match combined(user, signature) {
                Some(c) => answers.set(Question::Certificates, Answer::Choice(c)),
                None => answers.remove(Question::Certificates),
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::DateText;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn born(birth: &str) -> Answers {
        let mut answers = Answers::default();
        answers.set(Question::BirthDate, Answer::Date(DateText::from_date(d(birth))));
        answers
    }

    const TODAY: &str = "2025-06-01";

    #[test]
    fn one_answer_brings_the_others_in_step() {
        use Choice::{No, Unknown, Yes};
        let [both, user_only, signature_only, neither] =
            [OnCard::Both, OnCard::UserOnly, OnCard::SignatureOnly, OnCard::None].map(Choice::Certificates);
        // (the expiry journey's user and signature answers, the `Certificates` answer they give)
        let cases = [
            (Yes, Yes, Some(both)),
            (Yes, No, Some(user_only)),
            (No, Yes, Some(signature_only)),
            (No, No, Some(neither)),
            (Unknown, Unknown, Some(Unknown)),
            (Yes, Unknown, Some(Unknown)),
            (Unknown, Yes, Some(Unknown)),
            (Unknown, No, None),
            (No, Unknown, None),
        ];
        for (user, signature, want) in cases {
            let mut answers = born("1985-10-10");
            answers.set(Question::Certificates, Answer::Choice(both)); // an earlier journey's answer
            answer(&mut answers, Question::UserHeld, Answer::Choice(user), d(TODAY));
            answer(&mut answers, Question::SignatureHeld, Answer::Choice(signature), d(TODAY));
            assert_eq!(answers.choice(Question::Certificates), want, "{user:?} {signature:?}");
        }
        for choice in CHOICES {
            let mut answers = born("1985-10-10");
            answer(&mut answers, Question::Certificates, Answer::Choice(*choice), d(TODAY));
            let (user, signature) = per_certificate(*choice).unwrap();
            assert_eq!(answers.choice(Question::UserHeld), Some(user));
            assert_eq!(answers.choice(Question::SignatureHeld), Some(signature));
            // ...and back again: the expiry journey's answers give the same choice.
            answer(&mut answers, Question::SignatureHeld, Answer::Choice(signature), d(TODAY));
            assert_eq!(answers.choice(Question::Certificates), Some(*choice));
        }
    }

    #[test]
    fn a_child_is_never_offered_nor_given_a_signature_certificate() {
        let today = d(TODAY);
        let child = born("2015-04-02");
        assert_eq!(offered(Question::Certificates, &child, today), CHOICES_WITHOUT_SIGNATURE);
        assert_eq!(offered(Question::WhichPin, &child, today), PINS_WITHOUT_SIGNATURE);
        assert_eq!(offered(Question::Certificates, &born("1985-10-10"), today), CHOICES);
        // 「わからない」 (or an answer left from before the birth date was corrected) holds the user certificate only.
        for choice in [Choice::Unknown, Choice::Certificates(OnCard::Both)] {
            let mut answers = child.clone();
            answers.set(Question::Certificates, Answer::Choice(choice));
            let mut s = base_situation(&answers, today);
            put_on_card(&mut s, &answers);
            assert_eq!((s.user_certificate.is_some(), s.signature_certificate.is_some()), (true, false), "{choice:?}");
        }
        // The expiry journey, which does not ask a child about a signature certificate, gives the question's answer.
        let mut answers = child;
        answer(&mut answers, Question::UserHeld, Answer::Choice(Choice::Yes), today);
        assert_eq!(answers.choice(Question::Certificates), Some(Choice::Certificates(OnCard::UserOnly)));
    }
}
