//! Generates the message table of the app from `locales/{ja,en,ja-easy}.json` (docs/design.md §4):
//! one `Msg` variant per key, one `&'static str` table per language. The build fails when a key or
//! a `{placeholder}` is missing from one of the files, so a misspelt key cannot compile and a
//! sentence cannot silently lose its date.
//!
//! It also writes the text of each value of an enum whose keys name its values ([`WORDS`]:
//! `status.<value>` for a `Status`, `why.<rule id>` for a `RuleId`): one `match` per enum, with one arm
//! per key, so that rustc checks both directions. A key without a value (`status.gone`) names a variant
//! that does not exist, and a value without a key leaves the `match` non-exhaustive: either fails the
//! build. No list of variants is kept here, and none has to be kept in step by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const LOCALES: [(&str, &str); 3] = [("ja", "JA"), ("en", "EN"), ("ja-easy", "JA_EASY")];

/// The Japanese texts of the first view (the start page and the frame), built into the wasm; every
/// other text is fetched once the start page is up (`i18n::loaded`, docs/design.md §7).
const BUILT_IN: [&str; 5] = ["app.", "nav.", "footer.", "start.", "task."];

/// An enum whose every value has a text: the keys `<prefix><value><suffix>`, `<value>` being the variant in
/// snake case (dots allowed: `why.card.validity` is `RuleId::CardValidity`).
struct Words {
    /// The generated function, `i18n::words::<function>(value) -> Msg`.
    function: &'static str,
    /// The enum's path, as the app's code names it.
    ty: &'static str,
    prefix: &'static str,
    suffix: &'static str,
    /// Also `<function>_id(value) -> &'static str`, the key's `<value>` with `-` for `_` (`card-info`): a radio's
    /// value and the stored form of a choice (`storage.rs`), and `<function>_from_id(&str)`, its inverse (what
    /// crosses to the card-reader module, `reader_bridge.rs`). The contract's enums are named in the keys as in
    /// the contract (snake case), so this is the contract's id in the page's spelling.
    ids: bool,
}

impl Words {
    const fn of(function: &'static str, ty: &'static str, prefix: &'static str, suffix: &'static str) -> Self {
        Words { function, ty, prefix, suffix, ids: false }
    }

    const fn ids(self) -> Self {
        Words { ids: true, ..self }
    }

    /// The value a key names, if the key is one of this enum's.
    fn value<'a>(&self, key: &'a str) -> Option<&'a str> {
        key.strip_prefix(self.prefix)?.strip_suffix(self.suffix).filter(|value| !value.is_empty())
    }
}

/// The enums whose values are worded by key (`i18n::words`).
const WORDS: [Words; 27] = [
    Words::of("status", "rules::Status", "status.", ""),
    Words::of("document", "rules::Document", "document.", ""),
    Words::of("caveat", "rules::CaveatId", "caveat.", ""),
    Words::of("place", "rules::Where", "where.", ""),
    Words::of("action_title", "rules::ActionId", "action.", ".title"),
    Words::of("action_body", "rules::ActionId", "action.", ".body"),
    Words::of("action_heading", "rules::ActionId", "result.heading.action.", ""),
    Words::of("why", "rules::RuleId", "why.", ""),
    Words::of("closed", "rules::Closed", "closed.", ""),
    Words::of("holiday", "rules::Holiday", "holiday.", ""),
    Words::of("password_problem", "rules::PasswordProblem", "password.problem.", ""),
    Words::of("era", "rules::Era", "format.era.", ""),
    Words::of("weekday", "chrono::Weekday", "format.weekday.", ""),
    Words::of("choice_nationality", "rules::Nationality", "choice.nationality.", "").ids(),
    Words::of("choice_move", "crate::flow::MoveKind", "choice.move.", "").ids(),
    Words::of("choice_detail", "rules::Detail", "choice.detail.", "").ids(),
    Words::of("choice_place", "rules::Place", "choice.place.", "").ids(),
    Words::of("choice_cause", "rules::Cause", "choice.cause.", "").ids(),
    Words::of("choice_pin", "rules::Pin", "choice.pin.", "").ids(),
    Words::of("choice_certificates", "crate::flow::OnCard", "choice.certificates.", "").ids(),
    Words::of("journey", "crate::flow::Journey", "task.journey.", ""),
    Words::of("ics_date", "crate::ics::ActionDate", "ics.date.", ""),
    Words::of("timeline_date", "crate::ics::ActionDate", "timeline.date.", ""),
    Words::of("question_title", "crate::flow::Question", "q.", ".title"),
    Words::of("question_label", "crate::flow::Question", "q.", ".label"),
    Words::of("reader_state", "reader::state::State", "reader.state.", ""),
    Words::of("reader_pin", "rules::Pin", "reader.pin.", ""),
];

/// `i18n::words`: for each of [`WORDS`], the `match` from the enum's values to their messages.
fn words(keys: &[&String], problems: &mut Vec<String>) -> String {
    let mut out = String::new();
    for words in &WORDS {
        let values: Vec<(&str, &str)> = keys.iter().filter_map(|key| Some((key.as_str(), words.value(key)?))).collect();
        let Words { function, ty, prefix, suffix, .. } = words;
        if values.is_empty() {
            problems.push(format!("no key {prefix}<value>{suffix} for {ty}"));
        }
        let _ = writeln!(out, "/// `{prefix}<value>{suffix}`: the text of each `{ty}`.");
        let _ = writeln!(out, "pub fn {function}(value: {ty}) -> Msg {{");
        // rustc reports a value without a key here (non-exhaustive patterns), a key without a value at its arm.
        let _ =
            writeln!(out, "    match value {{ // every value needs a key {prefix}<value>{suffix} in locales/*.json");
        for (key, value) in &values {
            let _ = writeln!(out, "        {ty}::{} => Msg::{}, // {key}", variant(value), variant(key));
        }
        out.push_str("    }\n}\n\n");
        if words.ids {
            let _ = writeln!(out, "/// The id of each `{ty}`, from its key `{prefix}<id>{suffix}`.");
            let _ = writeln!(out, "pub fn {function}_id(value: {ty}) -> &'static str {{");
            out.push_str("    match value {\n");
            for (key, value) in &values {
                if value.contains('.') {
                    problems.push(format!("{key}: an id cannot hold a dot"));
                }
                let _ = writeln!(out, "        {ty}::{} => {:?},", variant(value), value.replace('_', "-"));
            }
            out.push_str("    }\n}\n\n");
            let _ = writeln!(out, "/// The `{ty}` of an id of `{function}_id`.");
            let _ = writeln!(out, "pub fn {function}_from_id(id: &str) -> Option<{ty}> {{");
            out.push_str("    Some(match id {\n");
            for (_, value) in &values {
                let _ = writeln!(out, "        {:?} => {ty}::{},", value.replace('_', "-"), variant(value));
            }
            out.push_str("        _ => return None,\n    })\n}\n\n");
        }
    }
    out
}

/// The `{name}` placeholders of a text (ruby groups `{漢字|かな}` are not placeholders).
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let inner = &after[..end];
        if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            out.insert(inner.to_owned());
        }
        rest = &after[end + 1..];
    }
    out
}

/// `result.card.valid_until` → `ResultCardValidUntil`.
fn variant(key: &str) -> String {
    key.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// FNV-1a (64 bit) of the keys, each followed by a newline, in lower-case hex. `scripts/post-build`
/// computes the same when it writes `locale-<id>.json`, so a stale file is never read with the wrong keys.
fn fingerprint<'a>(keys: impl Iterator<Item = &'a String>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        for byte in key.bytes().chain(std::iter::once(b'\n')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn read(dir: &Path, locale: &str) -> Result<BTreeMap<String, String>, String> {
    let path = dir.join(format!("{locale}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let tables: Vec<BTreeMap<String, String>> =
        LOCALES.iter().map(|(locale, _)| read(&dir, locale)).collect::<Result<_, _>>()?;
    let Some(reference) = tables.first() else { return Err("no locale".into()) };

    let mut problems = Vec::new();
    for ((locale, _), table) in LOCALES.iter().zip(&tables) {
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("{locale}.json lacks the key {key}"));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!("{locale}.json has the key {key}, which ja.json lacks"));
        }
        for (key, text) in table {
            if let Some(ja) = reference.get(key) {
                if placeholders(ja) != placeholders(text) {
                    problems.push(format!(
                        "{locale}.json {key}: placeholders {:?}, ja.json has {:?}",
                        placeholders(text),
                        placeholders(ja)
                    ));
                }
            }
        }
    }
    let mut variants = BTreeSet::new();
    for key in reference.keys() {
        if !variants.insert(variant(key)) {
            problems.push(format!("two keys give the variant {}", variant(key)));
        }
    }
    let words = words(&reference.keys().collect::<Vec<_>>(), &mut problems);
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }

    let mut out = String::new();
    out.push_str("/// A message of the locale files; generated by `build.rs` from the keys of `locales/ja.json`.\n");
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    /// `{key}`\n    {},", variant(key));
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "pub const COUNT: usize = {};\n", reference.len());
    out.push_str("/// Every message, in key order.\npub const ALL: [Msg; COUNT] = [\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    Msg::{},", variant(key));
    }
    out.push_str("];\n\n/// The keys, in the order of [`ALL`].\npub const KEYS: [&str; COUNT] = [\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "\n/// Identifies the key list; the first element of a fetched locale file must equal it.\n#[cfg(target_arch = \"wasm32\")]\npub const FINGERPRINT: &str = {:?};",
        fingerprint(reference.keys())
    );
    // Native builds (tests) have every text; the browser fetches all but the first view's.
    for ((_, name), table) in LOCALES.iter().zip(&tables) {
        let _ = writeln!(out, "\n#[cfg(not(target_arch = \"wasm32\"))]\npub static {name}: [&str; COUNT] = [");
        for text in table.values() {
            let _ = writeln!(out, "    {text:?},");
        }
        out.push_str("];\n");
    }
    out.push_str("\n/// The first view's Japanese texts; \"\" for the texts fetched later.\n");
    out.push_str("#[cfg(target_arch = \"wasm32\")]\npub static JA: [&str; COUNT] = [\n");
    for (key, text) in reference {
        let built_in = BUILT_IN.iter().any(|prefix| key.starts_with(prefix));
        let _ = writeln!(out, "    {:?},", if built_in { text.as_str() } else { "" });
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    for (name, text) in [("messages.rs", out), ("words.rs", words)] {
        let target = Path::new(&out_dir).join(name);
        std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}
