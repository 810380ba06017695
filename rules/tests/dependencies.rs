//! Invariant 1 of docs/design.md §1.1 and the privacy promise: the rules engine depends on no web, I/O,
//! network or clock crate, so it can only compute. Read from `cargo metadata`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../../tests/dependency_walk.rs"]
mod dependency_walk;

use dependency_walk::{assert_chrono_without_clock, metadata, normal_dependencies};

/// Crates that must never be in the engine's normal dependency tree.
const FORBIDDEN: &[&str] = &[
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo",
    "reader",
    "app",
    "reqwest",
    "hyper",
    "ureq",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "curl",
    "getrandom",
    "iana-time-zone",
    "chrono-tz",
    "time",
];

#[test]
fn the_engine_depends_on_no_web_io_or_clock_crate() {
    let metadata = metadata(env!("CARGO_MANIFEST_DIR"));
    let deps = normal_dependencies(&metadata, "rules");
    assert!(deps.contains("chrono") && deps.contains("serde"), "the walk found the engine's own deps: {deps:?}");
    let bad: Vec<&String> = deps.iter().filter(|d| FORBIDDEN.contains(&d.as_str())).collect();
    assert!(bad.is_empty(), "forbidden dependencies of rules: {bad:?}");

    assert_chrono_without_clock(&metadata);
}
