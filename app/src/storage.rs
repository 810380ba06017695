//! 「この端末に保存する」 (docs/design.md §3.7): the citizen's answers in `localStorage`, only when they opt in
//! on the check page, off by default. One key, [`KEY`], holding
//! `{"v":1,"saved_on":"2026-11-24","answers":{"birth-date":{"era":"showa","year":"60",…},"nationality":"japanese"}}`:
//! a question's slug names each answer; a choice is its id, a date the boxes as typed, 「わからない」 /
//! 「まだ」 the strings `unknown` / `not-yet` (a date question has no choices, so nothing is ambiguous).
//!
//! Storage is reached through `window().local_storage()` (`Result<Option<Storage>>`), never gloo's
//! `LocalStorage`, which throws when storage is blocked (third-party frames, private modes): then the check
//! box becomes 「このページでは保存できません」 and everything else works (graceful absence). A record of
//! another version, or one that does not parse, is deleted and ignored. The JSON is built and read with
//! the browser's `JSON` and `Reflect` (no `serde_json` in the wasm); the mapping of an answer to its
//! stored value is pure and tested natively. A bridge to the browser's storage: it draws nothing (the check
//! box is `pages::check`'s).

use leptos::prelude::*;
use rules::Era;

use crate::flow::{Alternative, Answer, AnswerForm, DateText, Question};
use crate::state::AppState;

/// The one `localStorage` key of the guide.
pub const KEY: &str = "myna-guide/v1";
/// The record's `v`; any other value is deleted.
pub const VERSION: f64 = 1.0;

/// Whether the answers are kept on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Saving {
    /// Memory only (the default).
    #[default]
    Off,
    /// The citizen opted in: every change of the answers is written.
    On,
    /// The browser refuses storage here; the guide carries on without it.
    Blocked,
}

/// An answer as stored: a string (a choice's id, `unknown`, `not-yet`) or the four parts of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Date { era: String, year: String, month: String, day: String },
}

const UNKNOWN: &str = "unknown";
const NOT_YET: &str = "not-yet";

/// The stored form of an answer.
pub fn to_value(answer: &Answer) -> Value {
    match answer {
        Answer::Date(d) => {
            Value::Date { era: d.era.id().to_owned(), year: d.year.clone(), month: d.month.clone(), day: d.day.clone() }
        }
        Answer::Choice(c) => Value::Text(c.id().to_owned()),
        Answer::Unknown => Value::Text(UNKNOWN.to_owned()),
        Answer::NotYet => Value::Text(NOT_YET.to_owned()),
    }
}

/// The answer a stored value gives to `question`, if it is one the question's page could have stored:
/// a choice it offers, a date that parses, or the alternative it offers.
pub fn from_value(question: Question, value: Value) -> Option<Answer> {
    match (question.spec().form, value) {
        (AnswerForm::Choice(choices), Value::Text(id)) => {
            choices.iter().find(|c| c.id() == id).map(|c| Answer::Choice(*c))
        }
        (AnswerForm::Date { alternative, .. }, Value::Text(text)) => match (alternative, text.as_str()) {
            (Some(Alternative::Unknown), UNKNOWN) => Some(Answer::Unknown),
            (Some(Alternative::NotYet), NOT_YET) => Some(Answer::NotYet),
            _ => None,
        },
        (AnswerForm::Date { .. }, Value::Date { era, year, month, day }) => {
            let era = Era::from_id(&era)?;
            let text = DateText { era, year, month, day };
            text.parse().ok().map(|_| Answer::Date(text))
        }
        (AnswerForm::Choice(_), Value::Date { .. }) => None,
    }
}

/// Restores the answers saved on an earlier visit, before the first page is chosen (so a reload keeps
/// the step), and from then on writes the answers whenever they change while the citizen has opted in.
/// Emptied answers (「最初からやり直す」) remove the record and end the opt-in.
pub fn start(state: AppState) {
    browser::restore(state);
    // What was just restored is stored already: writing it again would cost the start of a restored page a
    // synchronous storage write (docs/design.md §7).
    let mut restored = true;
    Effect::new(move |_| {
        let just_restored = std::mem::take(&mut restored);
        if state.saving.get() != Saving::On {
            return;
        }
        if state.answers.with(|a| a.is_empty()) {
            forget(state);
        } else if !just_restored {
            write(state);
        }
    });
}

/// The check box was ticked: write now, and on every change after.
#[inline(never)]
pub fn opt_in(state: AppState) {
    state.saving.set(Saving::On);
    write(state);
}

/// Removes the record and ends the opt-in (the check box unticked, 「保存した内容を消す」, start again).
#[inline(never)]
pub fn forget(state: AppState) {
    let removed = browser::remove();
    state.saving.set(if removed { Saving::Off } else { Saving::Blocked });
}

#[inline(never)]
fn write(state: AppState) {
    let written = state.answers.with_untracked(|a| browser::write(a, state.today));
    if !written {
        // Quota, private mode, storage switched off since: say so, and leave nothing half-written.
        browser::remove();
        state.saving.set(Saving::Blocked);
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Object, Reflect, JSON};
    use leptos::prelude::*;
    use wasm_bindgen::JsValue;

    use super::{from_value, to_value, Saving, Value, KEY, VERSION};
    use crate::flow::{Answers, Question};
    use crate::state::AppState;

    fn storage() -> Option<web_sys::Storage> {
        leptos::prelude::window().local_storage().ok().flatten()
    }

    fn set(target: &Object, key: &str, value: &JsValue) -> bool {
        Reflect::set(target, &JsValue::from_str(key), value).unwrap_or(false)
    }

    fn get(source: &JsValue, key: &str) -> JsValue {
        Reflect::get(source, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    #[inline(never)]
    fn record(answers: &Answers, today: chrono::NaiveDate) -> Option<String> {
        let list = Object::new();
        for (question, answer) in answers.iter() {
            let value = match to_value(answer) {
                Value::Text(text) => JsValue::from_str(&text),
                Value::Date { era, year, month, day } => {
                    let date = Object::new();
                    let ok = set(&date, "era", &era.into())
                        && set(&date, "year", &year.into())
                        && set(&date, "month", &month.into())
                        && set(&date, "day", &day.into());
                    if !ok {
                        return None;
                    }
                    date.into()
                }
            };
            if !set(&list, question.spec().slug, &value) {
                return None;
            }
        }
        let record = Object::new();
        let ok = set(&record, "v", &VERSION.into())
            && set(&record, "saved_on", &rules::format_iso_date(today).into())
            && set(&record, "answers", &list);
        if !ok {
            return None;
        }
        JSON::stringify(&record).ok()?.as_string()
    }

    /// The answers of a record; `None` for another version or anything that does not parse.
    #[inline(never)]
    fn parse(text: &str) -> Option<Answers> {
        let record = JSON::parse(text).ok()?;
        if get(&record, "v").as_f64() != Some(VERSION) || get(&record, "saved_on").as_string().is_none() {
            return None;
        }
        let list = get(&record, "answers");
        if !list.is_object() {
            return None;
        }
        let mut answers = Answers::default();
        for question in Question::ALL {
            let stored = get(&list, question.spec().slug);
            if stored.is_undefined() {
                continue;
            }
            let value = match stored.as_string() {
                Some(text) => Value::Text(text),
                None if stored.is_object() => Value::Date {
                    era: get(&stored, "era").as_string()?,
                    year: get(&stored, "year").as_string()?,
                    month: get(&stored, "month").as_string()?,
                    day: get(&stored, "day").as_string()?,
                },
                None => return None,
            };
            answers.set(question, from_value(question, value)?);
        }
        Some(answers)
    }

    #[inline(never)]
    pub fn restore(state: AppState) {
        let Some(storage) = storage() else {
            state.saving.set(Saving::Blocked);
            return;
        };
        match storage.get_item(KEY) {
            Err(_) => state.saving.set(Saving::Blocked),
            Ok(None) => {}
            Ok(Some(text)) => match parse(&text) {
                Some(answers) if !answers.is_empty() => {
                    state.answers.set(answers);
                    state.saving.set(Saving::On);
                }
                _ => {
                    // Unknown version, unparsable or empty: deleted and ignored.
                    let _ = storage.remove_item(KEY);
                }
            },
        }
    }

    #[inline(never)]
    pub fn write(answers: &Answers, today: chrono::NaiveDate) -> bool {
        let (Some(storage), Some(text)) = (storage(), record(answers, today)) else { return false };
        storage.set_item(KEY, &text).is_ok()
    }

    /// `false` when storage cannot be reached at all.
    #[inline(never)]
    pub fn remove() -> bool {
        storage().is_some_and(|s| s.remove_item(KEY).is_ok())
    }
}

/// Native builds (tests) have no storage: nothing is restored, nothing can be written.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use crate::flow::Answers;
    use crate::state::AppState;

    pub fn restore(_: AppState) {}

    pub fn write(_: &Answers, _: chrono::NaiveDate) -> bool {
        false
    }

    pub fn remove() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Choice, OnCard};
    use rules::{Nationality, Pin};

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    fn date(era: &str, year: &str, month: &str, day: &str) -> Value {
        Value::Date { era: era.into(), year: year.into(), month: month.into(), day: day.into() }
    }

    #[test]
    fn every_answer_a_page_can_give_comes_back_the_same() {
        let birth = Answer::Date(DateText {
            era: Era::Showa,
            year: "６０".into(), // kept exactly as typed, full-width digits included
            month: "10".into(),
            day: "10".into(),
        });
        let cases = [
            (Question::BirthDate, birth),
            (Question::Nationality, Answer::Choice(Choice::Nationality(Nationality::Foreign))),
            (Question::WhichPin, Answer::Choice(Choice::Pin(Pin::Signature))),
            (Question::UserHeld, Answer::Choice(Choice::Unknown)),
            (Question::CardExpiry, Answer::Unknown),
            (Question::MovedIn, Answer::NotYet),
            (Question::MovedInDay, Answer::Unknown),
            (Question::ApplicationReceived, Answer::Unknown),
            (Question::Certificates, Answer::Choice(Choice::Certificates(OnCard::None))),
        ];
        for (question, answer) in cases {
            assert_eq!(from_value(question, to_value(&answer)), Some(answer.clone()), "{question:?}");
        }
    }

    #[test]
    fn values_a_page_could_not_have_stored_are_refused() {
        // (question, stored value, why it is refused)
        let cases = [
            (Question::Nationality, text("yes"), "a choice the question does not offer"),
            (Question::Nationality, text("unknown"), "「わからない」 on a question without it"),
            (Question::Nationality, date("seireki", "1985", "10", "10"), "a date for a choice"),
            (Question::BirthDate, text("japanese"), "a choice for a date"),
            (Question::BirthDate, text("unknown"), "the birth date has no 「わからない」"),
            (Question::CardExpiry, text("not-yet"), "「まだ」 where only 「わからない」 is offered"),
            (Question::MovedInDay, text("not-yet"), "「まだ」 once the 転入届 is filed"),
            (Question::Certificates, text("yes"), "a choice of the question it replaced"),
            (Question::BirthDate, date("meiji", "1", "1", "1"), "an era the guide does not have"),
            (Question::BirthDate, date("seireki", "2023", "2", "29"), "a date that does not exist"),
            (Question::BirthDate, date("heisei", "31", "5", "1"), "a date outside its era"),
            (Question::BirthDate, date("seireki", "", "", ""), "an empty date"),
        ];
        for (question, value, why) in cases {
            assert_eq!(from_value(question, value), None, "{why}");
        }
    }

    #[test]
    fn every_question_of_every_journey_can_be_stored() {
        // Each choice of each question comes back; a date question takes a real date.
        for question in Question::ALL {
            match question.spec().form {
                AnswerForm::Choice(choices) => {
                    for c in choices {
                        let answer = Answer::Choice(*c);
                        assert_eq!(from_value(question, to_value(&answer)), Some(answer), "{question:?}");
                    }
                }
                AnswerForm::Date { .. } => {
                    let answer = Answer::Date(DateText::from_date("2020-05-15".parse().unwrap()));
                    assert_eq!(from_value(question, to_value(&answer)), Some(answer), "{question:?}");
                }
            }
        }
    }
}
