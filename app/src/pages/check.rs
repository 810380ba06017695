//! 「回答の確認」 (docs/design.md §3.4): every answer in the citizen's own terms, each with a change link
//! that names its question; then 「結果を見る」, which asks the engine.

use leptos::prelude::*;

use super::keep_title;
use crate::components::markup::{back_link, draw_all, el, follow, page_heading, Node};
use crate::components::text::{dynamic, rich_view, t};
use crate::flow::route::Page;
use crate::flow::{Answer, Journey, Question};
use crate::i18n::{format, Locale, Msg};
use crate::nav::go;
use crate::state::{use_state, PendingError};
use crate::storage::{self, Saving};

/// An answer as the citizen reads it (a date with its era in Japanese: 「1985年（昭和60年）10月10日（木）」).
fn answer_text(locale: Locale, answer: &Answer) -> String {
    match answer {
        Answer::Date(text) => text.parse().map(|d| format::date(locale, d)).unwrap_or_default(),
        Answer::Choice(c) => locale.raw(c.label()).to_owned(),
        Answer::Unknown => locale.raw(Msg::DateUnknown).to_owned(),
        Answer::NotYet => locale.raw(Msg::DateNotYet).to_owned(),
    }
}

/// 「この端末に保存する」 (docs/design.md §3.7): off by default; ticking it writes the answers, unticking
/// deletes them. Where the browser refuses storage it becomes 「このページでは保存できません」 (for good: only
/// this box changes whether the answers are kept, so the box is drawn once, keeps the focus, and is replaced
/// only by that notice). The outcome is said in a status region.
fn save_on_device() -> Node {
    let state = use_state();
    let said = RwSignal::new(None::<Msg>);
    let blocked = RwSignal::new(state.saving.get_untracked() == Saving::Blocked);
    let on_change = move |ev: web_sys::Event| {
        if event_target_checked(&ev) {
            storage::opt_in(state);
        } else {
            storage::forget(state);
        }
        said.set(match state.saving.get_untracked() {
            Saving::On => Some(Msg::StorageSaved),
            Saving::Off => Some(Msg::StorageRemoved),
            Saving::Blocked => {
                blocked.set(true);
                None
            }
        });
    };
    let field = follow(move || {
        if blocked.get() {
            return vec![
                el("p", "myna-label").msg(Msg::StorageBlocked),
                el("p", "myna-hint").msg(Msg::StorageBlockedHint),
            ];
        }
        let mut input = el("input", "myna-checkbox__input")
            .attrs(&[("type", "checkbox"), ("id", "save-on-device"), ("aria-describedby", "save-on-device-hint")])
            .on("change", on_change);
        if state.saving.get_untracked() == Saving::On {
            input = input.attr("checked", "");
        }
        let label = el("label", "myna-checkbox__label").attr("for", "save-on-device").msg(Msg::StorageOptIn);
        vec![
            el("div", "myna-checkbox").child(input).child(label),
            el("p", "myna-hint").attr("id", "save-on-device-hint").msg(Msg::StorageHint),
        ]
    });
    let status = follow(move || said.get().map(|m| vec![el("p", "").msg(m)]).unwrap_or_default());
    el("div", "myna-field myna-save").view(field).child(el("div", "myna-status").attr("role", "status").view(status))
}

/// One answer: its question's label, the answer in the citizen's terms (following the language), and a
/// change link that names the question.
fn answer_row(journey: Journey, question: Question) -> Node {
    let state = use_state();
    let label = question.spec().label;
    let answer = dynamic(move || {
        let locale = state.locale.get();
        let text = state.answers.with(|a| a.get(question).map(|x| answer_text(locale, x))).unwrap_or_default();
        rich_view(locale, &text, &[])
    });
    let change = el("a", "")
        .attr_owned("href", Page::Question(journey, question).hash())
        .msg(Msg::CommonChange)
        .child(el("span", "myna-vh").raw(" ".to_owned()).view(t(label).into_any()))
        .on("click", move |_| state.changing.set(true));
    el("div", "myna-summary__row")
        .child(el("dt", "myna-summary__key").msg(label))
        .child(el("dd", "myna-summary__value").view(answer.into_any()))
        .child(el("dd", "myna-summary__actions").child(change))
}

pub fn check_page(journey: Journey) -> AnyView {
    let state = use_state();
    keep_title(state, Msg::CheckTitle, Signal::derive(|| false));
    let questions: Vec<Question> = state.answers.with_untracked(|a| journey.path(a, state.today).questions);
    let last = questions.last().copied().unwrap_or(journey.first());
    let rows = questions.into_iter().map(|q| answer_row(journey, q));
    let see_result = move |_: web_sys::Event| {
        let situation = state.answers.with_untracked(|a| journey.situation(a, state.today));
        match rules::guide(&situation) {
            Ok(_) => go(state, Page::Result(journey)),
            Err(error) => {
                let question = state
                    .answers
                    .with_untracked(|a| journey.question_for(&error.field, a, state.today))
                    .unwrap_or(journey.first());
                state.pending_error.set(Some(PendingError { question, error }));
                state.changing.set(true);
                go(state, Page::Question(journey, question));
            }
        }
    };
    draw_all(vec![
        back_link(Page::Question(journey, last).hash()),
        page_heading().msg(Msg::CheckTitle),
        el("p", "").msg(Msg::CheckLead),
        el("dl", "myna-summary").children(rows),
        save_on_device(),
        el("button", "myna-button").attr("type", "button").msg(Msg::CheckSubmit).on("click", see_result),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::DateText;

    #[test]
    fn dates_show_both_calendars_in_japanese() {
        let answer = Answer::Date(DateText::from_date("1985-10-10".parse().unwrap()));
        assert_eq!(answer_text(Locale::Ja, &answer), "1985年（昭和60年）10月10日（木）");
        assert_eq!(answer_text(Locale::En, &answer), "Thursday 10 October 1985");
    }
}
