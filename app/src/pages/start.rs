//! The start page (design.md §3.1): what the guide does, what to have at hand, the privacy
//! promise, then the tasks.

use leptos::prelude::*;

use super::keep_title;
use crate::components::text::t;
use crate::flow::route::Page;
use crate::flow::Journey;
use crate::i18n::Msg;
use crate::state::use_state;

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
        <p class="myna-lead">{t(Msg::StartLead)}</p>
        <p>{t(Msg::StartNeed)}</p>
        <p class="myna-privacy">{t(Msg::FooterPrivacy)}</p>
        <h2>{t(Msg::StartTasksHeading)}</h2>
        <ul class="myna-tasks">{tasks}</ul>
    }
}
