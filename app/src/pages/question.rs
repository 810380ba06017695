//! A question page (docs/design.md §3.2): back link, error summary, the question in the `<legend>`'s
//! `<h1>`, hint, the field, and 「次へ進む」. Validated on Continue: the form of a date by
//! `rules::parse_era_date`, dates against other answers by the engine itself.

use leptos::prelude::*;
use rules::{DateInputError, DatePart, InputErrorCode};

use super::keep_title;
use crate::components::errors::{error_summary, FieldError};
use crate::components::fields::{box_id, date_field, radios, DateSignals, Invalid};
use crate::components::layout::stop_card_notice;
use crate::components::markup::{back_link, el};
use crate::flow::route::Page;
use crate::flow::{certificates, Alternative, Answer, AnswerForm, DateText, Journey, Next, Question};
use crate::i18n::format::era_year;
use crate::i18n::rich::Arg;
use crate::i18n::Msg;
use crate::nav::go;
use crate::state::{use_state, AppState};

/// The problem with a typed date, as the message and the boxes at fault (docs/design.md §3.3 order).
fn date_problem(question: Question, alternative: Option<Alternative>, e: DateInputError) -> (FieldError, Invalid) {
    let field = ("field", Arg::Msg(question.spec().label));
    let all = Invalid { year: true, month: true, day: true };
    let (target, msg, args, invalid) = match e {
        DateInputError::Missing => match alternative {
            Some(alt) => {
                let alt_msg = match alt {
                    Alternative::Unknown => Msg::DateUnknown,
                    Alternative::NotYet => Msg::DateNotYet,
                };
                (
                    "answer-year",
                    Msg::ErrorDateMissingOrAlternative,
                    vec![field, ("alternative", Arg::Msg(alt_msg))],
                    all,
                )
            }
            None => ("answer-year", Msg::ErrorDateMissing, vec![field], all),
        },
        DateInputError::Incomplete(part, second) => {
            use DatePart::{Day, Month, Year};
            let msg = match (part, second) {
                (Year, None) => Msg::ErrorDateIncompleteYear,
                (Month, None) => Msg::ErrorDateIncompleteMonth,
                (Day, None) => Msg::ErrorDateIncompleteDay,
                (Year, Some(Month)) => Msg::ErrorDateIncompleteYearMonth,
                (Year, Some(_)) => Msg::ErrorDateIncompleteYearDay,
                (_, Some(_)) => Msg::ErrorDateIncompleteMonthDay,
            };
            let invalid = second.map_or(Invalid::only(part), |second| Invalid::only(part).with(second));
            (box_id(part), msg, vec![field], invalid)
        }
        DateInputError::NotANumber(part) => (box_id(part), Msg::ErrorDateNotANumber, vec![field], Invalid::only(part)),
        DateInputError::EraYearOutOfRange { era, last_year: Some(last) } => (
            "answer-year",
            Msg::ErrorDateEraYear,
            vec![("era", Arg::Msg(crate::i18n::words::era(era))), ("last", Arg::Text(last.to_string()))],
            Invalid::only(DatePart::Year),
        ),
        DateInputError::EraYearOutOfRange { last_year: None, .. } => {
            ("answer-year", Msg::ErrorDateEraYearZero, vec![], Invalid::only(DatePart::Year))
        }
        DateInputError::Impossible { month, day } => (
            "answer-day",
            Msg::ErrorDateImpossible,
            vec![("month", Arg::Text(month.to_string())), ("day", Arg::Text(day.to_string()))],
            Invalid { year: false, month: true, day: true },
        ),
        DateInputError::OutsideEra { suggestion: (era, year, month, day) } => {
            let text = format!("{}{month}月{day}日", era_year(era, year));
            (
                "answer-era",
                Msg::ErrorDateOutsideEra,
                vec![("suggestion", Arg::Japanese(text))],
                Invalid::only(DatePart::Year),
            )
        }
        DateInputError::OutOfRange => {
            ("answer-year", Msg::ErrorDateOutOfRange, vec![field], Invalid::only(DatePart::Year))
        }
    };
    (FieldError { target: target.to_owned(), msg, args }, invalid)
}

/// The engine's objection to an answer, worded for the page of the question at fault.
pub fn engine_problem(question: Question, code: InputErrorCode) -> FieldError {
    let field = ("field", Arg::Msg(question.spec().label));
    let (msg, args) = match code {
        InputErrorCode::BirthAfterToday => (Msg::ErrorEngineBirthAfterToday, vec![]),
        InputErrorCode::DateBeforeBirth => (Msg::ErrorEngineDateBeforeBirth, vec![field]),
        InputErrorCode::DatesOutOfOrder => (Msg::ErrorEngineDatesOutOfOrder, vec![field]),
        InputErrorCode::SignatureCertificateUnder15 => (Msg::ErrorEngineSignatureUnder15, vec![]),
        InputErrorCode::InvalidDate
        | InputErrorCode::InvalidJson
        | InputErrorCode::UnknownField
        | InputErrorCode::MissingField => (Msg::ErrorEngineInvalidDate, vec![field]),
    };
    let target = match question.spec().form {
        AnswerForm::Date { .. } => "answer-year",
        AnswerForm::Choice(choices) => choices.first().map_or("answer", |c| c.id()),
    };
    let target = if target.starts_with("answer") { target.to_owned() } else { format!("answer-{target}") };
    FieldError { target, msg, args }
}

/// The page after a question answered: the next one, or back to the check page when changing an
/// answer and nothing new is to be asked.
fn after(state: AppState, journey: Journey, question: Question) -> Page {
    let (path, next) =
        state.answers.with_untracked(|a| (journey.path(a, state.today), journey.next(question, a, state.today)));
    if state.changing.get_untracked() && path.complete {
        return Page::Check(journey);
    }
    match next {
        Next::Question(q) => Page::Question(journey, q),
        Next::Check => Page::Check(journey),
    }
}

/// Where the back link goes: the question before this one, or the start page.
fn back(state: AppState, journey: Journey, question: Question) -> Page {
    let path = state.answers.with_untracked(|a| journey.path(a, state.today));
    match path.questions.iter().position(|q| *q == question) {
        Some(i) if i > 0 => path.questions.get(i - 1).map_or(Page::Start, |q| Page::Question(journey, *q)),
        _ => Page::Start,
    }
}

pub fn question_page(journey: Journey, question: Question) -> AnyView {
    let state = use_state();
    let spec = question.spec();
    let stored = state.answers.with_untracked(|a| a.get(question).cloned());
    // The choices this citizen is offered (none about a signature certificate under 15).
    let kind = match spec.form {
        AnswerForm::Choice(_) => {
            AnswerForm::Choice(state.answers.with_untracked(|a| certificates::offered(question, a, state.today)))
        }
        date => date,
    };

    // The field's own state, from the stored answer so that going back shows it.
    let date_text = match &stored {
        Some(Answer::Date(text)) => text.clone(),
        _ => DateText::default(),
    };
    let date = DateSignals {
        era: RwSignal::new(date_text.era),
        year: RwSignal::new(date_text.year),
        month: RwSignal::new(date_text.month),
        day: RwSignal::new(date_text.day),
        alternative: RwSignal::new(matches!(stored, Some(Answer::Unknown | Answer::NotYet))),
    };
    // A choice no longer offered (a corrected birth date) is not kept: it would be sent again unseen.
    let choice = RwSignal::new(match (&stored, kind) {
        (Some(Answer::Choice(c)), AnswerForm::Choice(offered)) if offered.contains(c) => Some(*c),
        _ => None,
    });
    let error = RwSignal::new(None::<FieldError>);
    let invalid = RwSignal::new(Invalid::default());

    // An error the check page found on this question.
    if let Some(pending) = state.pending_error.get_untracked().filter(|p| p.question == question) {
        error.set(Some(engine_problem(question, pending.error.code)));
        state.pending_error.set(None);
    }
    keep_title(state, spec.title, Signal::derive(move || error.get().is_some()));

    let submit = move |ev: web_sys::Event| {
        ev.prevent_default();
        let answer = match kind {
            AnswerForm::Date { alternative, .. } => {
                if date.alternative.get_untracked() {
                    Ok(match alternative {
                        Some(Alternative::NotYet) => Answer::NotYet,
                        _ => Answer::Unknown,
                    })
                } else {
                    let text = DateText {
                        era: date.era.get_untracked(),
                        year: date.year.get_untracked(),
                        month: date.month.get_untracked(),
                        day: date.day.get_untracked(),
                    };
                    text.parse().map(|_| Answer::Date(text)).map_err(|e| date_problem(question, alternative, e))
                }
            }
            AnswerForm::Choice(choices) => choice.get_untracked().map(Answer::Choice).ok_or_else(|| {
                let target = choices.first().map_or("answer".to_owned(), |c| format!("answer-{}", c.id()));
                (FieldError { target, msg: Msg::ErrorChoice, args: vec![] }, Invalid::default())
            }),
        };
        let answer = match answer {
            Ok(answer) => answer,
            Err((problem, boxes)) => {
                invalid.set(boxes);
                error.set(Some(problem));
                return;
            }
        };
        // The engine checks the answer against the others (a date before the birth date, ...) before it is kept.
        let mut answers = state.answers.get_untracked();
        certificates::answer(&mut answers, question, answer, state.today);
        if let Err(e) = rules::guide(&journey.situation(&answers, state.today)) {
            if Question::for_field(&e.field).contains(&question) {
                invalid.set(Invalid { year: true, month: true, day: true });
                error.set(Some(engine_problem(question, e.code)));
                return;
            }
        }
        state.answers.set(answers);
        invalid.set(Invalid::default());
        error.set(None);
        go(state, after(state, journey, question));
    };

    let error_signal = Signal::derive(move || error.get());
    let errors = Signal::derive(move || error.get().into_iter().collect::<Vec<_>>());
    let field = match kind {
        AnswerForm::Date { birth, alternative } => date_field(
            spec.title,
            spec.hint,
            birth,
            alternative,
            date,
            error_signal,
            Signal::derive(move || invalid.get()),
        ),
        AnswerForm::Choice(choices) => radios(spec.title, spec.hint, choices, choice, error_signal),
    };
    let back_to = if state.changing.get_untracked() { Page::Check(journey) } else { back(state, journey, question) };
    let note = state.note.get_untracked();
    state.note.set(None);
    // An answer the card reader filled in, not changed since: said so (docs/design.md §3.8).
    let note = note.or(super::reader::read_from_card(question, stored.as_ref()).then_some(Msg::ReaderPrefilled));
    let mut page = vec![back_link(back_to.hash()).draw()];
    if journey == Journey::Lost {
        page.push(stop_card_notice().draw());
    }
    page.extend(note.map(|n| el("p", "myna-notice").attr("role", "status").msg(n).draw()));
    page.push(error_summary(errors));
    let form = el("form", "myna-form")
        .attr("novalidate", "")
        .child(field)
        .child(el("button", "myna-button").attr("type", "submit").msg(Msg::CommonContinue))
        .on("submit", submit);
    page.push(form.draw());
    page.into_any()
}
