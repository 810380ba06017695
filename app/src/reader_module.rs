//! Loads the card-reader module (`src/bin/card_reader.rs`) when the reader page opens: inserts a clone of
//! `<template id="myna-card-reader"><script type="module" src="card_reader_loader-<hash>.js">` (written into
//! `index.html` by scripts/post-build) and waits for the module's `myna-card-reader` event. A script element
//! the parser wrote runs when its clone is inserted, and no string ever becomes a script URL, which the CSP's
//! Trusted Types refuse (docs/design.md §6.4). The module holds the `reader` crate, the WebUSB bridge and the page's
//! content, so the first view's wasm holds none of them (docs/design.md §7). A bridge: the script goes into
//! `<head>`, outside any view; the module then draws its part of the reader page with Leptos (`reader_view`).

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::time::Duration;

    use js_sys::{Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::HtmlTemplateElement;

    use crate::reader_bridge::{self, ToModule, MODULE};

    /// Loading that takes longer than this is given up (`unknown_error`, code `module`).
    const LOAD_LIMIT: Duration = Duration::from_secs(30);

    /// `window.mynaCardReader`, once the module has started.
    fn api() -> Option<JsValue> {
        let api = Reflect::get(&leptos::prelude::window(), &MODULE.into()).ok()?;
        (!api.is_undefined()).then_some(api)
    }

    /// The module's API, loading it the first time. `None` when it cannot be had (a first visit offline,
    /// a blocked script).
    pub async fn load() -> Option<JsValue> {
        if let Some(api) = api() {
            return Some(api);
        }
        let document = leptos::prelude::document();
        let template = document.get_element_by_id("myna-card-reader")?.dyn_into::<HtmlTemplateElement>().ok()?;
        let script = document.import_node_with_deep(&template.content(), true).ok()?;
        let ready = Promise::new(&mut |resolve, reject| {
            let window = leptos::prelude::window();
            let _ = window.add_event_listener_with_callback("myna-card-reader", &resolve);
            let ms = i32::try_from(LOAD_LIMIT.as_millis()).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, ms);
            if let (Some(element), Some(head)) = (script.first_child(), document.head()) {
                let _ = element.add_event_listener_with_callback("error", &reject);
                let _ = head.append_child(&element);
            }
        });
        JsFuture::from(ready).await.ok()?;
        api()
    }

    /// Asks the module, if it is loaded.
    pub fn call(call: ToModule) {
        let (name, args) = call.encode();
        reader_bridge::call(MODULE, name, &args);
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{call, load};

// A bridge: the `<script type="module">` it adds to `<head>` and the window event it waits for are how a page
// loads a second wasm; nothing of it is a view (the module draws with Leptos, `reader_view`).
