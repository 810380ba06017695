//! What `rules/tests/dependencies.rs` and `reader/tests/dependencies.rs` both read from `cargo metadata`
//! (invariant 1 of docs/design.md §1.1: the pure crates cannot reach the web, I/O or a clock). One file,
//! included by each with `#[path]`: the workspace has no package of its own to hold shared test code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, dead_code)]

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

/// `cargo metadata` of the workspace around `manifest_dir`, with every feature on.
pub fn metadata(manifest_dir: &str) -> Value {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline", "--locked", "--all-features"])
        .current_dir(manifest_dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The names of every package `root` reaches through normal (non-dev, non-build) dependencies, `root` left out.
pub fn normal_dependencies(metadata: &Value, root: &str) -> BTreeSet<String> {
    let packages = metadata["packages"].as_array().unwrap();
    let nodes = metadata["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| packages.iter().find(|p| p["id"] == id).unwrap()["name"].as_str().unwrap().to_owned();
    let root_id = packages.iter().find(|p| p["name"] == root).unwrap()["id"].as_str().unwrap().to_owned();
    let mut seen = BTreeSet::new();
    let mut stack = vec![root_id.clone()];
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
    seen.remove(&root_id);
    seen.iter().map(|id| name_of(id)).collect()
}

/// Fails when chrono was built with a feature that reads the clock: `today` is always an input
/// (docs/design.md §1.1, invariant 4).
pub fn assert_chrono_without_clock(metadata: &Value) {
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
