//! The guide inside the city's page (docs/design.md §6.1). `public/embed.js` on the host page makes the
//! `<iframe>` with `?lang=…&host=<the host page's origin>`; from inside, the guide tells the host its
//! height (a `ResizeObserver`, at most once per animation frame) and asks it to scroll the frame's top into
//! view on each page change. Only two messages exist, `myna-guide:height` and `myna-guide:top`; nothing
//! else crosses the frame, never an answer. They go with `targetOrigin` = the `host` parameter, and only
//! when that origin is the guide's own or one the city allows in its profile (`embed.allowed_hosts`,
//! docs/design.md §6.2), so no other page learns even the height. No host is written in the code: any city can
//! embed the guide by listing its origin in its profile.
//! A bridge to the host page (`postMessage`, a `ResizeObserver` on the document): nothing of it is a view.

/// The message with the guide's height in CSS pixels, `{"type": "myna-guide:height", "height": 1234}`.
pub const HEIGHT: &str = "myna-guide:height";
/// The message asking the host to scroll the frame's top into view, `{"type": "myna-guide:top"}`.
pub const TOP: &str = "myna-guide:top";

/// Whether the messages may go to `host`: exactly the guide's own origin or one of `listed`. An empty
/// `host`, `null` (a `file:` or sandboxed page) and `*` never match.
pub fn host_allowed(host: &str, own_origin: &str, listed: &[String]) -> bool {
    let is_origin = host.starts_with("https://") || host.starts_with("http://");
    is_origin && (host == own_origin || listed.iter().any(|h| h == host))
}

/// Starts the bridge when the guide runs inside a frame with a `host` parameter; does nothing otherwise.
/// Called once the profile has settled (found or not, `profile::start`): which hosts are allowed is known
/// then, and the first height goes out at once.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    browser::start();
}

/// The page changed (not the first page): ask the host to bring the frame's top into view.
pub fn page_changed() {
    #[cfg(target_arch = "wasm32")]
    browser::post_top();
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};

    use js_sys::{Object, Reflect};
    use leptos::prelude::{document, window};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use super::{host_allowed, HEIGHT, TOP};

    /// The observer of the page's height and its callback.
    type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

    thread_local! {
        /// The `host` parameter, when framed; set once at start.
        static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
        /// Kept for the page's life.
        static OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
    }

    /// The `host` parameter, when the guide is framed.
    fn framed_host() -> Option<String> {
        let window = window();
        let parent = window.parent().ok().flatten()?;
        if parent == window {
            return None; // a top-level page is its own parent
        }
        let search = window.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search).ok()?.get("host")
    }

    /// Posts one message to the host page, if there is one and it is (still) allowed.
    fn post(kind: &str, height: Option<f64>) {
        let Some(host) = HOST.with(|h| h.borrow().clone()) else { return };
        let window = window();
        let own = window.location().origin().unwrap_or_default();
        if !host_allowed(&host, &own, crate::profile::current_untracked().allowed_hosts()) {
            return;
        }
        let message = Object::new();
        let mut ok = Reflect::set(&message, &"type".into(), &kind.into()).unwrap_or(false);
        if let Some(h) = height {
            ok = ok && Reflect::set(&message, &"height".into(), &h.into()).unwrap_or(false);
        }
        if let (true, Ok(Some(parent))) = (ok, window.parent()) {
            // Only fails if the host went away: nothing to tell then.
            let _ = parent.post_message(&message, &host);
        }
    }

    pub fn post_top() {
        post(TOP, None);
    }

    pub fn start() {
        let Some(host) = framed_host() else { return };
        HOST.with(|h| *h.borrow_mut() = Some(host));
        let Some(root) = document().document_element() else { return };
        // A ResizeObserver reports at most once per animation frame (it runs in the frame's rendering
        // steps); the height is the root element's box, which follows the content both ways (unlike
        // `scrollHeight`, which never drops below the frame's own height). Sent only when it changed.
        let last = Cell::new(-1.0_f64);
        let observed = root.clone();
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let height = observed.get_bounding_client_rect().height().ceil();
            if height != last.replace(height) {
                post(HEIGHT, Some(height));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
            OBSERVER.set(Some((observer, on_resize)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_guide_itself_and_listed_hosts_get_messages() {
        let own = "https://guide.example.lg.jp";
        let listed = vec!["https://www.city.kawasaki.jp".to_owned()];
        // (host parameter, allowed?, why)
        let cases = [
            ("https://guide.example.lg.jp", true, "the guide's own origin"),
            ("https://www.city.kawasaki.jp", true, "listed"),
            ("https://www.city.kawasaki.jp/", false, "an origin has no path: not exactly listed"),
            ("http://www.city.kawasaki.jp", false, "another scheme is another origin"),
            ("https://www.city.kawasaki.jp:8443", false, "another port is another origin"),
            ("https://evil.example", false, "not listed"),
            ("https://www.city.kawasaki.jp.evil.example", false, "a prefix is not the origin"),
            ("*", false, "never every origin"),
            ("null", false, "a file: or sandboxed page"),
            ("", false, "no host parameter"),
        ];
        for (host, allowed, why) in cases {
            assert_eq!(host_allowed(host, own, &listed), allowed, "{host}: {why}");
        }
        assert!(!host_allowed("https://www.city.kawasaki.jp", own, &[]), "no host is allowed in the code");
    }
}
