//! Invariant 1 of docs/design.md §1.1 and docs/reader.md §6: the reader depends on `der` and `chrono` only —
//! no web, I/O, network, clock or runtime crate, and neither `rules` nor `app`. Read from
//! `cargo metadata`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../../tests/dependency_walk.rs"]
mod dependency_walk;

use dependency_walk::{assert_chrono_without_clock, metadata, normal_dependencies};

#[test]
fn the_reader_depends_on_der_and_chrono_only() {
    let metadata = metadata(env!("CARGO_MANIFEST_DIR"));
    let deps = normal_dependencies(&metadata, "reader");
    // chrono's own dependencies on these targets are num-traits (and serde, through the workspace's
    // `serde` feature); nothing that reads a clock, does I/O or talks to the web.
    let allowed = [
        "der",
        "chrono",
        "num-traits",
        "autocfg",
        "serde",
        "serde_core",
        "serde_derive",
        "proc-macro2",
        "quote",
        "syn",
        "unicode-ident",
    ];
    let unexpected: Vec<&String> = deps.iter().filter(|d| !allowed.contains(&d.as_str())).collect();
    assert!(unexpected.is_empty(), "unexpected dependencies of reader: {unexpected:?} (all: {deps:?})");
    assert!(deps.contains("der") && deps.contains("chrono"), "{deps:?}");
    assert_chrono_without_clock(&metadata);
}
