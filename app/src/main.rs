//! The wasm entry point: install the panic hook, then mount. Everything else lives in the library so tests
//! can reach it.

fn main() {
    app::install_panic_hook();
    app::mount();
}
