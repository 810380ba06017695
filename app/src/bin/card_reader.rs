//! The card-reader module: a second, small wasm that the reader page loads when it opens (Trunk builds it
//! as a `data-type="worker"` binary with `--target web` and a loader; scripts/post-build gives its files
//! hashed names). It holds the `reader` crate, the WebUSB bridge (`app::usb`) and the page's content
//! (`app::reader_view`), so that none of them is in the first view's wasm (docs/design.md §7): a citizen who
//! never opens the reader page never downloads them.
//!
//! When it starts, it puts `window.mynaCardReader = { mount, settle, draw, unmount }` and fires the window
//! event `myna-card-reader` (the first wasm cannot reach a module's exports without `import()`, which would
//! need a wasm-bindgen snippet file in the first view). The app's reader page calls `mount` (with the citizen's
//! language) once its `#reader-root` is there, `settle` with the municipality profile's switches once the
//! profile has arrived or failed (Read is offered from then on), `draw` with the new language when the citizen
//! changes it, and `unmount` when it closes: `app::reader_bridge::ToModule`, typed on both sides. The module
//! draws its content with Leptos (a runtime of its own, in its own wasm) into `#reader-root`, in texts it
//! fetches from the app's locale files; the journeys stay with the app (`window.mynaGuide`,
//! `app::pages::reader`, `reader_bridge::ToApp`).

/// The same allocator as the app (src/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Puts the module's functions on `window.mynaCardReader` and tells the page it is there.
#[cfg(target_arch = "wasm32")]
fn register() {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    use app::reader_bridge::{from_js, ToModule, MODULE};

    let api = Object::new();
    for name in ToModule::NAMES {
        let handle = move |args: JsValue| {
            if let Some(call) = ToModule::decode(name, &from_js(&args)) {
                app::reader_view::handle(call);
            }
        };
        let _ = Reflect::set(&api, &name.into(), &Closure::<dyn Fn(JsValue)>::new(handle).into_js_value());
    }
    let Some(window) = web_sys::window() else { return };
    let _ = Reflect::set(&window, &MODULE.into(), &api);
    if let Ok(event) = web_sys::Event::new("myna-card-reader") {
        let _ = window.dispatch_event(&event);
    }
}

fn main() {
    // A panic in the module shows the static 「問題が発生しました」 block and hides the app, as a panic in
    // the app does (`app::install_panic_hook`, docs/design.md §1.1 invariant 6); without it a panic would only
    // trap, leaving a half-drawn page. The module and the app share one document.
    app::install_panic_hook();
    // e2e only (the feature `test-panic`, never in the release build): `?panic=reader` panics here.
    #[cfg(all(target_arch = "wasm32", feature = "test-panic"))]
    app::panic_if_asked("reader");
    #[cfg(target_arch = "wasm32")]
    register();
}
