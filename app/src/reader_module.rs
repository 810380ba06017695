//! Loads the card-reader module (`src/bin/card_reader.rs`) when the reader page opens: adds
//! `<script type="module" src="card_reader_loader-<hash>.js">` (its name is in `<meta name="myna-card-reader">`,
//! written by scripts/post-build) and waits for the module's `myna-card-reader` event. The module holds the
//! `reader` crate, the WebUSB bridge and the page's content, so the first view's wasm holds none of them
//! (design.md §7).

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::time::Duration;

    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Loading that takes longer than this is given up (`unknown_error`, code `module`).
    const LOAD_LIMIT: Duration = Duration::from_secs(30);

    /// `window.mynaCardReader`, once the module has started.
    fn api() -> Option<JsValue> {
        let api = Reflect::get(&leptos::prelude::window(), &"mynaCardReader".into()).ok()?;
        (!api.is_undefined()).then_some(api)
    }

    /// The module's API, loading it the first time. `None` when it cannot be had (a first visit offline,
    /// a blocked script).
    pub async fn load() -> Option<JsValue> {
        if let Some(api) = api() {
            return Some(api);
        }
        let document = leptos::prelude::document();
        let src = document.query_selector("meta[name=myna-card-reader]").ok()??.get_attribute("content")?;
        let ready = Promise::new(&mut |resolve, reject| {
            let window = leptos::prelude::window();
            let _ = window.add_event_listener_with_callback("myna-card-reader", &resolve);
            let ms = i32::try_from(LOAD_LIMIT.as_millis()).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, ms);
            if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
                let _ = script.set_attribute("type", "module");
                let _ = script.set_attribute("src", &src);
                let _ = script.add_event_listener_with_callback("error", &reject);
                let _ = head.append_child(&script);
            }
        });
        JsFuture::from(ready).await.ok()?;
        api()
    }

    /// Calls one of the module's functions, if it is loaded.
    pub fn call(name: &str, args: &Array) {
        if let Some(api) = api() {
            if let Some(function) = Reflect::get(&api, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
                let _ = function.apply(&api, args);
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{call, load};

// A bridge: the `<script type="module">` it adds to `<head>` and the window event it waits for are how a page
// loads a second wasm; nothing of it is a view (the module draws with Leptos, `reader_view`).
