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
pub mod shell;
pub mod state;
pub mod storage;
pub mod today;
#[cfg(target_arch = "wasm32")]
pub mod usb;

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::components::markup::el;
use crate::components::parts::Pending;
use crate::flow::route::Page;
use crate::i18n::{Locale, Msg};
use crate::pages::result::ResultPage;
use crate::state::{AppState, Arrival};

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
        Page::Start => pages::start::start_page(),
        Page::Question(journey, question) => pages::question::question_page(journey, question),
        Page::Check(journey) => pages::check::check_page(journey),
        Page::Result(journey) => view! { <ResultPage journey=journey /> }.into_any(),
        Page::Password => pages::password::password_page(),
        Page::Accessibility => pages::accessibility::accessibility_page(),
        Page::Reader => pages::reader::reader_page(),
    }
}

/// Moves the focus to the new page's `<h1>` and the view to the top (docs/design.md §5), after the
/// page has been drawn.
fn focus_new_page(state: AppState) {
    request_animation_frame(move || {
        focus_heading(state);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}

/// Focuses the page's `<h1>` (drawn by `markup::page_heading`, which lends it to `state.heading`).
pub fn focus_heading(state: AppState) {
    if let Some(heading) = state.heading.get_untracked() {
        let _ = heading.focus();
    }
}

/// Everything the guide does before it draws: the state, the fetches of the profile and the texts, the
/// answers saved on this device, the route, and the effects that follow them. `None` without a usable clock.
pub fn start() -> Option<AppState> {
    let Some(today) = today::today_jst() else {
        // No usable clock: the guide cannot date anything; say so rather than guess.
        #[cfg(target_arch = "wasm32")]
        shell::reveal_error_block();
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
    Effect::new(move |_| shell::set_lang(state.locale.get().lang()));
    // A page opened before its texts had arrived gets its heading only then: the focus goes to it then.
    Effect::new(move |previous: Option<Arrival>| {
        let texts = state.texts.get();
        if previous == Some(Arrival::Loading) && texts == Arrival::Ready && state.page.get_untracked() != Page::Start {
            focus_new_page(state);
        }
        texts
    });
    Effect::new(move |previous: Option<Page>| {
        let page = state.page.get();
        if previous.is_some_and(|p| p != page) {
            focus_new_page(state);
            embed::page_changed();
        }
        page
    });
    Some(state)
}

/// The whole guide, drawn from the state `start` set up (nothing without one). `<main>` carries
/// `myna-pending` while a page drawn in parts has parts to come (`components::parts`).
pub fn app_view() -> AnyView {
    let Some(state) = use_context::<AppState>() else { return ().into_any() };
    let pending = Pending::provide();
    let page = components::text::dynamic(move || match state.page.get() {
        // The start page does not read `texts`: the texts arriving after it is up must not draw it again (a
        // second long task at start, docs/design.md §7).
        page @ Page::Start => page_view(page),
        page => match state.texts.get() {
            Arrival::Ready => page_view(page),
            Arrival::Loading => el("p", "myna-notice myna-loading").attr("role", "status").msg(Msg::AppLoading).draw(),
            Arrival::Failed => components::layout::texts_failed(true),
        },
    });
    let main = el("main", "").attr("id", "main").reactive_attr("class", move || pending.main_class());
    view! {
        <Header />
        {main.view(page.into_any()).draw()}
        <Footer />
    }
    .into_any()
}

/// Starts the guide, then draws it into `#myna-root` in place of the static fallback (`shell::root`) with
/// Leptos's own `mount_to`, in two tasks after the one that instantiated the wasm: the set-up (`start`), then
/// the drawing. In one task the two were a long task on a cheap phone (16–22 ms of CPU on the test machine,
/// 64–86 ms at Lighthouse's 4× slowdown, against 50 ms; e2e/tests/start-tasks.spec.ts measures them), which
/// adds to the total blocking time (docs/design.md §7).
#[cfg(target_arch = "wasm32")]
pub fn run() {
    // Drives effects and tasks, which `start` makes before anything is drawn; an error only means it was
    // already set up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    set_timeout(
        || {
            let setup = Owner::new();
            let Some(state) = setup.with(start) else { return };
            set_timeout(move || draw_guide(setup, state), std::time::Duration::ZERO);
        },
        std::time::Duration::ZERO,
    );
}

/// Draws the guide set up under `setup`, for good.
#[cfg(target_arch = "wasm32")]
fn draw_guide(setup: Owner, state: AppState) {
    let Some(parent) = shell::root() else { return }; // not a page: nothing to draw on
    let guide = leptos::mount::mount_to(parent, move || {
        provide_context(state);
        // What `start` set going (its effects, the fetches' signals) lives as long as the view.
        on_cleanup(move || drop(setup));
        app_view()
    });
    // The guide lives as long as the page: Leptos's way of keeping a root mounted for good.
    guide.forget();
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

/// Shows the static 「問題が発生しました」 block of `index.html` (`shell::reveal_error_block`) when anything
/// panics, instead of leaving a blank or half-drawn frame. Deliberately formats nothing: no panic message
/// reaches the page or the console (it could hold an answer, and formatting code costs wasm size).
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|_| shell::reveal_error_block()));
}

/// Native builds (unit tests of the pure modules) have no browser to mount into.
#[cfg(not(target_arch = "wasm32"))]
pub fn run() {}

/// Native builds keep Rust's default panic hook.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_panic_hook() {}
