//! 「回答の確認」 (docs/design.md §3.4): every answer in the citizen's own terms, each with a change link
//! that names its question; then 「結果を見る」, which asks the engine.

use leptos::prelude::*;

use super::keep_title;
use crate::components::layout::BackLink;
use crate::components::markup::{el, mount};
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
/// deletes them. Where the browser refuses storage it becomes 「このページでは保存できません」.
#[component]
fn SaveOnDevice() -> impl IntoView {
    let state = use_state();
    let said = RwSignal::new(None::<Msg>);
    let on_change = move |ev: web_sys::Event| {
        if event_target_checked(&ev) {
            storage::opt_in(state);
        } else {
            storage::forget(state);
        }
        said.set(match state.saving.get_untracked() {
            Saving::On => Some(Msg::StorageSaved),
            Saving::Off => Some(Msg::StorageRemoved),
            Saving::Blocked => None,
        });
    };
    // Redrawn when the state changes; the check box gets the focus back (same id).
    let field = move || match state.saving.get() {
        Saving::Blocked => {
            vec![el("p", "myna-label").msg(Msg::StorageBlocked), el("p", "myna-hint").msg(Msg::StorageBlockedHint)]
        }
        saving => {
            let mut input = el("input", "myna-checkbox__input")
                .attrs(&[("type", "checkbox"), ("id", "save-on-device"), ("aria-describedby", "save-on-device-hint")])
                .on("change", on_change);
            if saving == Saving::On {
                input = input.attr("checked", "");
            }
            let label = el("label", "myna-checkbox__label").attr("for", "save-on-device").msg(Msg::StorageOptIn);
            vec![
                el("div", "myna-checkbox").child(input).child(label),
                el("p", "myna-hint").attr("id", "save-on-device-hint").msg(Msg::StorageHint),
            ]
        }
    };
    let status = move || said.get().map(|m| vec![el("p", "").msg(m)]).unwrap_or_default();
    view! {
        <div class="myna-field myna-save">
            {mount(Box::new(field))}
            <div class="myna-status" role="status">{mount(Box::new(status))}</div>
        </div>
    }
}

#[component]
pub fn CheckPage(journey: Journey) -> impl IntoView {
    let state = use_state();
    keep_title(state, Msg::CheckTitle, Signal::derive(|| false));
    let questions: Vec<Question> = state.answers.with_untracked(|a| journey.path(a, state.today).questions);
    let last = questions.last().copied().unwrap_or(journey.first());
    let rows = questions
        .into_iter()
        .map(|q| {
            let label = q.spec().label;
            let answer = dynamic(move || {
                let locale = state.locale.get();
                let text = state.answers.with(|a| a.get(q).map(|x| answer_text(locale, x))).unwrap_or_default();
                rich_view(locale, &text, &[])
            });
            view! {
                <div class="myna-summary__row">
                    <dt class="myna-summary__key">{t(label)}</dt>
                    <dd class="myna-summary__value">{answer}</dd>
                    <dd class="myna-summary__actions">
                        <a href=Page::Question(journey, q).hash() on:click=move |_| state.changing.set(true)>
                            {t(Msg::CommonChange)}
                            <span class="myna-vh">" "{t(label)}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let see_result = move |_| {
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
    view! {
        <BackLink to=Page::Question(journey, last) />
        <h1 class="myna-heading" tabindex="-1">{t(Msg::CheckTitle)}</h1>
        <p>{t(Msg::CheckLead)}</p>
        <dl class="myna-summary">{rows}</dl>
        <SaveOnDevice />
        <button class="myna-button" type="button" on:click=see_result>{t(Msg::CheckSubmit)}</button>
    }
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
