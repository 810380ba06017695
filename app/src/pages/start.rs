//! The start page (docs/design.md §3.1): what the guide does, what to have at hand, the privacy
//! promise, then the tasks.

use leptos::prelude::*;

use super::keep_title;
use crate::components::markup::{draw_all, el, follow, page_heading, ElementRef, Node};
use crate::flow::route::Page;
use crate::flow::{Answers, Journey};
use crate::i18n::Msg;
use crate::state::use_state;
use crate::storage::{self, Saving};

/// Answers saved on this device by an earlier opt-in (docs/design.md §3.7): said so, with 「保存した内容を消す」,
/// which deletes them from the device and from memory. The outcome is announced in a status region, which
/// takes the focus from the button that goes.
fn saved_answers() -> [Node; 2] {
    let state = use_state();
    let said = RwSignal::new(None::<Msg>);
    let region = ElementRef::new();
    let clear = move |_: web_sys::Event| {
        storage::forget(state);
        state.answers.set(Answers::default());
        said.set(Some(Msg::StartSavedCleared));
        // The button is gone: the focus goes to the message that replaces it.
        if let Some(status) = region.get_untracked() {
            let _ = status.focus();
        }
    };
    let notice = el("div", "").view(follow(move || {
        if state.saving.get() != Saving::On {
            return Vec::new();
        }
        let button = el("button", "myna-button myna-button--secondary")
            .attr("type", "button")
            .msg(Msg::StartSavedClear)
            .on("click", clear);
        vec![el("div", "myna-notice").child(el("p", "").msg(Msg::StartSaved)).child(button)]
    }));
    let status = el("div", "myna-status")
        .attrs(&[("role", "status"), ("tabindex", "-1")])
        .node_ref(region)
        .view(follow(move || said.get().map(|m| vec![el("p", "").msg(m)]).unwrap_or_default()));
    [notice, status]
}

/// A task of the list: a link to its first page.
fn task(page: Page, title: Msg) -> Node {
    el("li", "myna-tasks__item").child(el("a", "myna-tasks__link").attr_owned("href", page.hash()).msg(title))
}

pub fn start_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::AppName, Signal::derive(|| false));
    let journeys = Journey::ALL.into_iter().map(|journey| {
        let first = state.answers.with_untracked(|a| journey.path(a, state.today));
        let page = Page::Question(journey, first.questions.first().copied().unwrap_or(journey.first()));
        // A journey begun here is not a change of answers on the check page.
        let link = el("a", "myna-tasks__link")
            .attr_owned("href", page.hash())
            .msg(journey.title())
            .on("click", move |_| state.changing.set(false));
        el("li", "myna-tasks__item").child(link)
    });
    let tasks = el("ul", "myna-tasks")
        .children(journeys)
        .child(task(Page::Password, Msg::TaskPassword))
        .child(task(Page::Reader, Msg::TaskReader));
    let note = state.note.get_untracked();
    state.note.set(None);
    let mut nodes = vec![page_heading().msg(Msg::AppName)];
    nodes.extend(note.map(|n| el("p", "myna-notice").attr("role", "status").msg(n)));
    nodes.extend(saved_answers());
    nodes.extend([
        el("p", "myna-lead").msg(Msg::StartLead),
        el("p", "").msg(Msg::StartNeed),
        el("p", "myna-privacy").msg(Msg::FooterPrivacy),
        el("h2", "").msg(Msg::StartTasksHeading),
        tasks,
    ]);
    draw_all(nodes)
}
