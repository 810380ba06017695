//! Invariant 1 of docs/design.md §1.1 and docs/reader.md §6: the reader depends on `der` and `chrono` only —
//! no web, I/O, network, clock or runtime crate, and neither `rules` nor `app`. Read from
//! `cargo metadata`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

/// The names of every package `root` reaches through normal (non-dev) dependencies, all features on.
fn normal_dependencies(metadata: &Value, root: &str) -> BTreeSet<String> {
    let packages = metadata["packages"].as_array().unwrap();
    let nodes = metadata["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| packages.iter().find(|p| p["id"] == id).unwrap()["name"].as_str().unwrap().to_owned();
    let root_id = packages.iter().find(|p| p["name"] == root).unwrap()["id"].as_str().unwrap().to_owned();
    let mut seen = BTreeSet::new();
    let mut stack = vec![root_id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let node = nodes.iter().find(|n| n["id"] == id.as_str()).unwrap();
        for dep in node["deps"].as_array().unwrap() {
            if dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null()) {
                stack.push(dep["pkg"].as_str().unwrap().to_owned());
            }
        }
    }
    seen.remove(&seen.iter().find(|id| name_of(id) == root).unwrap().clone());
    seen.iter().map(|id| name_of(id)).collect()
}

#[test]
fn the_reader_depends_on_der_and_chrono_only() {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline", "--locked", "--all-features"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
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
    let chrono = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"].as_str().unwrap().contains("chrono"))
        .unwrap();
    let features: Vec<&str> = chrono["features"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    for clock in ["clock", "now", "wasmbind"] {
        assert!(!features.contains(&clock), "chrono has the `{clock}` feature: {features:?}");
    }
}
