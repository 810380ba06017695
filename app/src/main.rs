//! The wasm entry point: install the panic hook, then mount. Everything else lives in the library so tests
//! can reach it.

/// Talc instead of Rust's default dlmalloc: smaller and faster in the browser (docs/design.md §7).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    app::install_panic_hook();
    app::run();
}
