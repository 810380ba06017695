//! The start page (docs/design.md §3.1): what the guide does, what to have at hand, the privacy
//! promise, then the tasks.

use leptos::prelude::*;

use super::keep_title;
use crate::components::errors::focus_id;
use crate::components::markup::{el, mount};
use crate::components::text::t;
use crate::flow::route::Page;
use crate::flow::{Answers, Journey};
use crate::i18n::Msg;
use crate::state::use_state;
use crate::storage::{self, Saving};

/// Answers saved on this device by an earlier opt-in (docs/design.md §3.7): said so, with 「保存した内容を消す」,
/// which deletes them from the device and from memory. The outcome is announced in a status region.
#[component]
fn SavedAnswers() -> impl IntoView {
    let state = use_state();
    let said = RwSignal::new(None::<Msg>);
    let clear = move |_: web_sys::Event| {
        storage::forget(state);
        state.answers.set(Answers::default());
        said.set(Some(Msg::StartSavedCleared));
        // The button is gone: the focus goes to the message that replaces it.
        focus_id("saved-status");
    };
    let notice = move || {
        if state.saving.get() != Saving::On {
            return Vec::new();
        }
        let button = el("button", "myna-button myna-button--secondary")
            .attr("type", "button")
            .msg(Msg::StartSavedClear)
            .on("click", clear);
        vec![el("div", "myna-notice").child(el("p", "").msg(Msg::StartSaved)).child(button)]
    };
    let status = move || said.get().map(|m| vec![el("p", "").msg(m)]).unwrap_or_default();
    view! {
        {mount(Box::new(notice))}
        <div class="myna-status" id="saved-status" role="status" tabindex="-1">{mount(Box::new(status))}</div>
    }
}

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_state();
    keep_title(state, Msg::AppName, Signal::derive(|| false));
    let tasks = Journey::ALL
        .into_iter()
        .map(|journey| {
            let first = state.answers.with_untracked(|a| journey.path(a, state.today));
            let page = Page::Question(journey, first.questions.first().copied().unwrap_or(journey.first()));
            view! {
                <li class="myna-tasks__item">
                    <a class="myna-tasks__link" href=page.hash() on:click=move |_| state.changing.set(false)>
                        {t(journey.title())}
                    </a>
                </li>
            }
        })
        .collect_view();
    let note = state.note.get_untracked();
    state.note.set(None);
    view! {
        <h1 class="myna-heading" tabindex="-1">{t(Msg::AppName)}</h1>
        {note.map(|n| view! { <p class="myna-notice" role="status">{t(n)}</p> })}
        <SavedAnswers />
        <p class="myna-lead">{t(Msg::StartLead)}</p>
        <p>{t(Msg::StartNeed)}</p>
        <p class="myna-privacy">{t(Msg::FooterPrivacy)}</p>
        <h2>{t(Msg::StartTasksHeading)}</h2>
        <ul class="myna-tasks">
            {tasks}
            <li class="myna-tasks__item">
                <a class="myna-tasks__link" href=Page::Password.hash()>{t(Msg::TaskPassword)}</a>
            </li>
            <li class="myna-tasks__item">
                <a class="myna-tasks__link" href=Page::Reader.hash()>{t(Msg::TaskReader)}</a>
            </li>
        </ul>
    }
}
