//! Registers the service worker (`sw.js`, design.md §7 "Offline") once the page has loaded. A
//! failure — no support, storage blocked in a third-party frame, a file:// page — changes nothing:
//! the guide works without it (design.md §1.1 invariant 10), and nothing is logged as an error. A bridge to the
//! browser's service worker API: it draws nothing.

use leptos::prelude::*;

fn register() {
    let promise = window().navigator().service_worker().register("sw.js");
    leptos::task::spawn_local(async move {
        // The outcome does not matter to the page; awaiting it keeps a rejection from being reported
        // as an unhandled error.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Registers after `load`, so that the worker's own downloads never compete with the first view.
pub fn register_after_load() {
    let supported = js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false);
    if !supported {
        return;
    }
    if document().ready_state() == "complete" {
        register();
    } else {
        // Registered once per page: the listener stays for the page's life (Leptos's handle removes it only
        // when asked to, with `remove`).
        let _stays = window_event_listener(leptos::ev::load, move |_| register());
    }
}
