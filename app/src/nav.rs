//! The hash router (docs/design.md §3.7): each step has its own `#/...`, so the browser's back and
//! forward buttons work, also inside the city's page. In-page links must not change the hash.

use leptos::prelude::*;

use crate::flow::route::Page;
use crate::i18n::Msg;
use crate::state::AppState;

/// The page the URL names now.
fn page_in_url() -> Page {
    Page::from_hash(&window().location().hash().unwrap_or_default())
}

/// Goes to a page with a new history entry, so "back" returns here.
pub fn go(state: AppState, page: Page) {
    // Setting the hash fires `hashchange`, which shows the page (see `listen`).
    if window().location().set_hash(&page.hash()).is_err() {
        state.page.set(page);
    }
}

/// Replaces the current history entry (a redirect) and shows the page.
fn replace(state: AppState, page: Page) {
    let url = page.hash();
    let replaced =
        window().history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    if replaced.is_err() {
        // Without history the hash still works; a second entry is the lesser evil.
        let _ = window().location().set_hash(&url);
    }
    state.page.set(page);
}

/// The page to show for `wanted`: a journey page the answers cannot reach yet (after a reload,
/// which keeps nothing, or a typed URL) becomes the first question still to answer.
pub fn reachable(state: AppState, wanted: Page) -> (Page, Option<Msg>) {
    let Some(journey) = wanted.journey() else { return (wanted, None) };
    let path = state.answers.with_untracked(|a| journey.path(a, state.today));
    let first_open = path.questions.last().copied().unwrap_or(journey.first());
    let nothing_kept = state.answers.with_untracked(|a| a.is_empty());
    let page = match wanted {
        Page::Question(_, q) if path.questions.contains(&q) => wanted,
        Page::Check(_) | Page::Result(_) if path.complete => wanted,
        _ => Page::Question(journey, first_open),
    };
    let note = (page != wanted && nothing_kept).then_some(Msg::CommonNotKept);
    (page, note)
}

/// Shows the page the URL names, redirecting where the answers cannot reach it.
pub fn settle(state: AppState) {
    let (page, note) = reachable(state, page_in_url());
    if page != page_in_url() {
        replace(state, page);
    } else {
        state.page.set(page);
    }
    if note.is_some() {
        state.note.set(note);
    }
}

/// Follows `hashchange` for the life of the app.
pub fn listen(state: AppState) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| settle(state));
    on_cleanup(move || handle.remove());
}
