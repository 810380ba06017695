//! The conformance cases of `docs/contract.md`: every case file runs through the library and through
//! the built `myna-rules` binary, and must give output that *contains* its `expect`.
//!
//! Case files are read from `rules/tests/cases/` (a copy of the spec's `cases/`, which the spec
//! regenerates: add nothing there), from the spec folder itself when this checkout sits beside it
//! (`../shared/spec/cases`, which then wins for a file of the same name), from
//! `rules/tests/cases-extra/` (the project's own cases, in the spec's format, for what the spec's cases
//! leave out) and from every folder in `MYNA_CASES` (colon-separated): the city can add its own cases
//! without touching the code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

/// Cases the engine does not answer yet, by file name. Empty: every rule of the spec is in.
const PENDING: &[&str] = &[];

fn case_dirs() -> Vec<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        manifest.join("tests/cases"),
        manifest.join("../../shared/spec/cases"),
        manifest.join("tests/cases-extra"),
    ];
    if let Ok(extra) = std::env::var("MYNA_CASES") {
        dirs.extend(extra.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
    }
    dirs
}

/// Every case by file name; a later folder wins over an earlier one.
fn cases() -> BTreeMap<String, Value> {
    let mut cases = BTreeMap::new();
    for dir in case_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                cases.insert(path.file_name().unwrap().to_string_lossy().into_owned(), case);
            }
        }
    }
    cases
}

/// Checks that `actual` contains `expect` (`docs/contract.md`, "Conformance"); returns the differences.
fn contains(expect: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let here = format!("{path}.{key}");
                let Some(av) = a.get(key) else {
                    out.push(format!("{here}: missing, expected {ev}"));
                    continue;
                };
                match key.as_str() {
                    "actions" | "caveats" => by_id(ev, av, &here, out),
                    "documents" | "certificates" => as_set(ev, av, &here, out),
                    _ => contains(ev, av, &here, out),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                contains(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        _ if expect == actual => {}
        _ => out.push(format!("{path}: expected {expect}, got {actual}")),
    }
}

fn by_id(expect: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    let ids = |v: &Value| -> Vec<Value> {
        v.as_array().map(|a| a.iter().map(|x| x["id"].clone()).collect()).unwrap_or_default()
    };
    if ids(expect) != ids(actual) {
        out.push(format!("{path}: expected ids {:?}, got {:?}", ids(expect), ids(actual)));
        return;
    }
    for (i, (ev, av)) in expect.as_array().unwrap().iter().zip(actual.as_array().unwrap()).enumerate() {
        contains(ev, av, &format!("{path}[{i}]"), out);
    }
}

fn as_set(expect: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    let sorted = |v: &Value| -> Option<Vec<String>> {
        let mut items: Vec<String> = v.as_array()?.iter().map(|x| x.to_string()).collect();
        items.sort();
        Some(items)
    };
    if sorted(expect).is_none() || sorted(expect) != sorted(actual) {
        out.push(format!("{path}: expected the set {expect}, got {actual}"));
    }
}

/// The engine's answer as the contract's JSON: (exit code, document), through the library.
fn through_library(case: &Value) -> (i32, Value) {
    if let Some(password) = case.get("password") {
        let input = serde_json::to_vec(&json!({ "password": password })).unwrap();
        let password = rules::read_password(&input).unwrap();
        return (0, serde_json::to_value(rules::check_password(&password)).unwrap());
    }
    let input = serde_json::to_vec(&case["situation"]).unwrap();
    match rules::read_situation(&input).and_then(|s| rules::guide(&s)) {
        Ok(guidance) => (0, serde_json::to_value(guidance).unwrap()),
        Err(error) => (2, serde_json::to_value(error.to_document()).unwrap()),
    }
}

/// The command and the input document of a case.
fn command_and_input(case: &Value) -> (&'static str, Vec<u8>) {
    let (command, input) = match case.get("password") {
        Some(password) => ("password", json!({ "password": password })),
        None => ("guide", case["situation"].clone()),
    };
    (command, serde_json::to_vec(&input).unwrap())
}

/// The same through the built binary, over stdin.
fn through_binary(case: &Value) -> (i32, Value) {
    let (command, input) = command_and_input(case);
    let mut child = Command::new(env!("CARGO_BIN_EXE_myna-rules"))
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    (output.status.code().unwrap_or(-1), serde_json::from_slice(&output.stdout).unwrap())
}

/// The same through the built binary, reading the input from a FILE argument (stdin closed).
fn through_binary_file(name: &str, case: &Value) -> (i32, Value) {
    let (command, input) = command_and_input(case);
    let path = std::env::temp_dir().join(format!("myna-rules-{}-{name}", std::process::id()));
    std::fs::write(&path, input).unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_myna-rules")).arg(command).arg(&path).stdin(Stdio::null()).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    (output.status.code().unwrap_or(-1), serde_json::from_slice(&output.stdout).unwrap())
}

fn check(case: &Value, (code, actual): (i32, Value)) -> Vec<String> {
    let expect = &case["expect"];
    let mut out = Vec::new();
    let want_code = if expect.get("error").is_some() { 2 } else { 0 };
    if code != want_code {
        out.push(format!("exit code {code}, expected {want_code}"));
    }
    contains(expect, &actual, "", &mut out);
    out
}

#[test]
fn every_case_passes_through_the_library_and_the_binary() {
    let cases = cases();
    assert!(cases.len() >= 40, "the spec's cases were not found ({} read)", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let problems: Vec<String> = check(case, through_library(case))
            .into_iter()
            .map(|p| format!("library: {p}"))
            .chain(check(case, through_binary(case)).into_iter().map(|p| format!("binary: {p}")))
            .chain(check(case, through_binary_file(name, case)).into_iter().map(|p| format!("binary FILE: {p}")))
            .collect();
        let pending = PENDING.contains(&name.as_str());
        match (problems.is_empty(), pending) {
            (false, false) => failures.push(format!("{name}:\n    {}", problems.join("\n    "))),
            (true, true) => failures.push(format!("{name}: passes now; take it off the pending list")),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{} case(s) fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_comparison_can_fail() {
    // The checker itself: a wrong date, a missing action, an extra caveat and a wrong set all count.
    let actual = json!({"card": {"expires_on": "2029-10-10"}, "actions": [{"id": "renew_card", "documents": ["card", "renewal_notice"]}], "caveats": [{"id": "feb29_birthday"}]});
    let mut out = Vec::new();
    contains(&json!({"card": {"expires_on": "2029-10-11"}}), &actual, "", &mut out);
    contains(&json!({"actions": []}), &actual, "", &mut out);
    contains(&json!({"caveats": []}), &actual, "", &mut out);
    contains(&json!({"actions": [{"id": "renew_card", "documents": ["card"]}]}), &actual, "", &mut out);
    assert_eq!(out.len(), 4, "{out:?}");
    let mut out = Vec::new();
    contains(
        &json!({"actions": [{"id": "renew_card", "documents": ["renewal_notice", "card"]}]}),
        &actual,
        "",
        &mut out,
    );
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn every_case_answers_on_every_boundary_of_the_parameter_table() {
    // docs/rules.md §15: sweeping `today` across every effective date ±1 day never meets a gap.
    let mut days = vec![];
    for b in rules::parameter_boundaries() {
        for delta in [-1i64, 0, 1] {
            days.push(rules::plus_days(b, delta).unwrap());
        }
    }
    use rules::InputErrorCode;
    let mut answered = 0;
    for (name, case) in cases() {
        let Some(situation) = case.get("situation") else { continue };
        let Ok(situation) = rules::read_situation(&serde_json::to_vec(situation).unwrap()) else { continue };
        // The case's own error, if it expects one: moving `today` changes only whether the birth date is
        // after it (pass 5); every other check of docs/rules.md §16 reads no `today`.
        let expected: Option<InputErrorCode> =
            case["expect"].get("error").map(|e| serde_json::from_value(e["code"].clone()).unwrap());
        for today in &days {
            let moved = rules::Situation { today: *today, ..situation.clone() };
            let want = match expected {
                _ if situation.birth_date > *today => Some(InputErrorCode::BirthAfterToday),
                Some(InputErrorCode::BirthAfterToday) => None,
                other => other,
            };
            match rules::guide(&moved) {
                Ok(g) => {
                    assert_eq!(want, None, "{name} on {today}: answered, expected {want:?}");
                    assert_eq!(g.as_of, *today, "{name}");
                    answered += 1;
                }
                Err(e) => assert_eq!(Some(e.code), want, "{name} on {today}: {e:?}"),
            }
        }
    }
    assert!(answered > 0, "no case was answered on a boundary");
}
