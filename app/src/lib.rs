//! The citizen-facing guide: Leptos 0.8 components rendered in the browser (client-side only).
//!
//! `main.rs` only installs the panic hook and mounts; components and the thin browser bridges live here so
//! native tests (pure modules) and browser tests can reach them. The app decides nothing about the law: it
//! shows what `rules::guide` returns (ARCHITECTURE.md, invariants).

#![forbid(unsafe_code)]

pub mod components;
pub mod contacts;
pub mod embed;
pub mod flow;
pub mod i18n;
pub mod ics;
pub mod nav;
pub mod pages;
pub mod present;
pub mod profile;
pub mod reader_bridge;
pub mod reader_module;
pub mod reader_view;
pub mod state;
pub mod storage;
pub mod today;
#[cfg(target_arch = "wasm32")]
pub mod usb;

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::flow::route::Page;
use crate::i18n::{Locale, Msg};
use crate::pages::{check::CheckPage, question::QuestionPage, result::ResultPage, start::StartPage};
use crate::state::{AppState, Arrival};

#[cfg(target_arch = "wasm32")]
/// The element of `index.html` the app mounts into; it holds the static fallback until then.
const ROOT_ID: &str = "myna-root";
#[cfg(target_arch = "wasm32")]
/// The static trilingual 「問題が発生しました」 block of `index.html`, hidden until a panic.
const ERROR_ID: &str = "myna-error";

/// The language asked for by `?lang=` (the embed script's `data-lang`), else Japanese.
fn initial_locale() -> Locale {
    let search = window().location().search().unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Locale::from_id)
        .unwrap_or_default()
}

fn page_view(page: Page) -> AnyView {
    match page {
        Page::Start => view! { <StartPage /> }.into_any(),
        Page::Question(journey, question) => view! { <QuestionPage journey=journey question=question /> }.into_any(),
        Page::Check(journey) => view! { <CheckPage journey=journey /> }.into_any(),
        Page::Result(journey) => view! { <ResultPage journey=journey /> }.into_any(),
        Page::Password => pages::password::password_page(),
        Page::Accessibility => pages::accessibility::accessibility_page(),
        Page::Reader => pages::reader::reader_page(),
    }
}

/// Moves the focus to the new page's `<h1>` and the view to the top (docs/design.md §5), after the
/// page has been drawn.
fn focus_heading() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let heading = document()
            .query_selector("#myna-root h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<leptos::web_sys::HtmlElement>().ok());
        if let Some(h) = heading {
            let _ = h.focus();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}

/// Everything the guide does before it draws: the state, the fetches of the profile and the texts, the
/// answers saved on this device, the route, and the effects that follow them. `None` without a usable clock.
pub fn start() -> Option<AppState> {
    let Some(today) = today::today_jst() else {
        // No usable clock: the guide cannot date anything; say so rather than guess.
        #[cfg(target_arch = "wasm32")]
        reveal_error_block();
        return None;
    };
    let state = AppState::new(today, Locale::Ja, Page::Start);
    provide_context(state);
    // The figures the texts name are those in force today (the fees, day counts, ages of the table).
    i18n::figures::set_today(today);
    // The municipality profile, fetched once (preloaded by index.html); the guide runs without it. Inside the
    // city's page, the frame's height and "scroll to my top" go to the host (embed.js) once it has settled:
    // the profile says which hosts may have them.
    profile::start(embed::start);
    // The texts beyond the first view, then the language asked for by `?lang=`.
    i18n::load::texts(state, Locale::Ja, false);
    let wanted = initial_locale();
    if wanted != Locale::Ja {
        i18n::load::switch_language(state, wanted);
    }
    // Answers saved on this device by an earlier opt-in, before the page is chosen (a reload keeps it).
    storage::start(state);
    nav::settle(state);
    nav::listen(state);
    Effect::new(move |_| {
        let lang = state.locale.get().lang();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    });
    // A page opened before its texts had arrived gets its heading only then: the focus goes to it then.
    Effect::new(move |previous: Option<Arrival>| {
        let texts = state.texts.get();
        if previous == Some(Arrival::Loading) && texts == Arrival::Ready && state.page.get_untracked() != Page::Start {
            focus_heading();
        }
        texts
    });
    Effect::new(move |previous: Option<Page>| {
        let page = state.page.get();
        if previous.is_some_and(|p| p != page) {
            focus_heading();
            embed::page_changed();
        }
        page
    });
    Some(state)
}

/// The whole guide, drawn from the state `start` set up (nothing without one).
pub fn app_view() -> AnyView {
    let Some(state) = use_context::<AppState>() else { return ().into_any() };
    view! {
        <Header />
        <main class="myna-main" id="main">
            {components::text::dynamic(move || match state.page.get() {
                // The start page does not read `texts`: the texts arriving after it is up must not draw it
                // again (a second long task at start, docs/design.md §7).
                page @ Page::Start => page_view(page),
                page => match state.texts.get() {
                    Arrival::Ready => page_view(page),
                    Arrival::Loading => {
                    view! { <p class="myna-notice myna-loading" role="status">{components::text::t(Msg::AppLoading)}</p> }
                        .into_any()
                }
                    Arrival::Failed => components::layout::texts_failed(true).into_any(),
                },
            })}
        </main>
        <Footer />
    }
    .into_any()
}

/// Starts the guide, then replaces the static fallback inside `#myna-root` with it (or draws on `<body>` if the
/// page has no such element, e.g. a test page). What `leptos::mount::mount_to` does, spread over three tasks:
/// the one that instantiated the wasm ends here, the next sets the guide up, the one after draws it; none is a
/// long task on a cheap phone (total blocking time, docs/design.md §7). All run under one root owner that lives as
/// long as the page.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    // Drives effects and tasks; an error only means it was already set up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    next_task(move || {
        if owner.with(start).is_some() {
            next_task(move || draw_guide(owner));
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn next_task(then: impl FnOnce() + 'static) {
    set_timeout(then, std::time::Duration::ZERO);
}

/// Draws the guide into the page, for good: `owner` and the drawn view live as long as the page.
#[cfg(target_arch = "wasm32")]
fn draw_guide(owner: Owner) {
    use leptos::tachys::view::{Mountable, Render};
    use wasm_bindgen::JsCast;

    let document = document();
    let parent = match document.get_element_by_id(ROOT_ID) {
        Some(root) => {
            root.set_text_content(None); // drop the static fallback
            root.unchecked_into::<leptos::web_sys::HtmlElement>()
        }
        None => match document.body() {
            Some(body) => body,
            None => return, // not a page: nothing to draw on
        },
    };
    owner.with(|| {
        let mut drawn = app_view().build();
        drawn.mount(&parent, None);
        std::mem::forget(drawn);
    });
    std::mem::forget(owner);
    #[cfg(feature = "test-panic")]
    panic_if_asked("app");
}

/// e2e only (the cargo feature `test-panic`, which the release build never has): panics when the page's
/// query asks it to (`?panic=app` here, after the guide has been drawn; `?panic=reader` in the card-reader
/// module), so that e2e sees what a citizen would: the static error block, and never the panic's message,
/// which holds a made-up answer for the test to look for.
#[cfg(all(target_arch = "wasm32", feature = "test-panic"))]
#[allow(clippy::panic)]
pub fn panic_if_asked(module: &str) {
    let search = window().location().search().unwrap_or_default();
    if search.trim_start_matches('?').split('&').any(|pair| pair.strip_prefix("panic=") == Some(module)) {
        panic!("test-panic in {module}: born 1985-10-10 (this text must never be shown)");
    }
}

/// Shows the static 「問題が発生しました」 block of `index.html` and hides the app when anything panics, instead of
/// leaving a blank or half-drawn frame. Deliberately formats nothing: no panic message reaches the page or the
/// console (it could hold an answer, and formatting code costs wasm size).
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|_| reveal_error_block()));
}

#[cfg(target_arch = "wasm32")]
fn reveal_error_block() {
    // A fixed text, never the panic message; e2e fails on any console error.
    leptos::web_sys::console::error_1(&"myna-guide: internal error (panic)".into());
    let Some(document) = leptos::web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        // Nothing more can be done if this fails; the error block below is still revealed.
        root.set_attribute("hidden", "").ok();
    }
    if let Some(block) = document.get_element_by_id(ERROR_ID) {
        block.remove_attribute("hidden").ok();
    }
}

/// Native builds (unit tests of the pure modules) have no browser to mount into.
#[cfg(not(target_arch = "wasm32"))]
pub fn run() {}

/// Native builds keep Rust's default panic hook.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_panic_hook() {}
