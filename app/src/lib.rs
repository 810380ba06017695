//! The citizen-facing guide: Leptos 0.8 components rendered in the browser (client-side only).
//!
//! `main.rs` only installs the panic hook and mounts; components and the thin browser bridges live here so
//! native tests (pure modules) and browser tests can reach them. The app decides nothing about the law: it
//! shows what `rules::guide` returns (ARCHITECTURE.md, invariants).

#![forbid(unsafe_code)]

pub mod today;

use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
/// The element of `index.html` the app mounts into; it holds the static fallback until then.
const ROOT_ID: &str = "myna-root";
#[cfg(target_arch = "wasm32")]
/// The static trilingual 「問題が発生しました」 block of `index.html`, hidden until a panic.
const ERROR_ID: &str = "myna-error";

/// The whole guide.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="myna-main">
            <h1 tabindex="-1">"マイナンバーカードの手続きガイド"</h1>
        </main>
    }
}

/// Replaces the static fallback inside `#myna-root` with the app (or mounts on `<body>` if the page has no
/// such element, e.g. a test page).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use wasm_bindgen::JsCast;

    let root = leptos::web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ROOT_ID))
        .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_text_content(None); // drop the static fallback
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
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
pub fn mount() {}

/// Native builds keep Rust's default panic hook.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_panic_hook() {}
