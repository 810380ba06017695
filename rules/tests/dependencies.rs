//! Invariant 1 of docs/design.md §1.1 and the privacy promise: the rules engine depends on no web, I/O,
//! network or clock crate, so it can only compute. Read from `cargo metadata`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

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

/// The names of every package `rules` reaches through normal (non-dev) dependencies.
fn normal_dependencies(metadata: &Value, root: &str) -> BTreeSet<String> {
    let nodes = metadata["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| -> String {
        metadata["packages"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let root_id = metadata["packages"].as_array().unwrap().iter().find(|p| p["name"] == root).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut seen = BTreeSet::new();
    let mut stack = vec![root_id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let node = nodes.iter().find(|n| n["id"] == id.as_str()).unwrap();
        for dep in node["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap().to_owned());
            }
        }
    }
    seen.iter().map(|id| name_of(id)).collect()
}

#[test]
fn the_engine_depends_on_no_web_io_or_clock_crate() {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let deps = normal_dependencies(&metadata, "rules");
    assert!(deps.contains("chrono") && deps.contains("serde"), "the walk found the engine's own deps: {deps:?}");
    let bad: Vec<&String> = deps.iter().filter(|d| FORBIDDEN.contains(&d.as_str())).collect();
    assert!(bad.is_empty(), "forbidden dependencies of rules: {bad:?}");

    // chrono without its clock: `today` is always an input (docs/design.md §1.1, invariant 4).
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
