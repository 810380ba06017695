//! A bridge: the static shell of `index.html` around the guide, the only elements of the page the app touches
//! without Leptos. `#myna-root` holds a static fallback until the guide is drawn in its place; `<html lang>` is
//! outside the guide's root, so no view of the app can own it (nor `<html data-myna-texts>` and
//! `data-myna-profile`, e2e's signs that the texts have been taken in and the profile has settled, nor the
//! city's colours on `<html>`'s style); and the hidden 「問題が発生しました」 block `#myna-error` is revealed when
//! anything panics, when no view can be trusted to draw. Everything inside `#myna-root` is Leptos's.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

/// The element of `index.html` the app mounts into; it holds the static fallback until then.
const ROOT_ID: &str = "myna-root";
/// The static trilingual 「問題が発生しました」 block of `index.html`, hidden until a panic.
const ERROR_ID: &str = "myna-error";

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Where the guide is drawn: `#myna-root`, emptied of its static fallback, or `<body>` on a page without it
/// (a test page); `None` when there is no document to draw in.
pub fn root() -> Option<HtmlElement> {
    let document = document()?;
    match document.get_element_by_id(ROOT_ID) {
        Some(root) => {
            root.set_text_content(None); // drop the static fallback
            root.dyn_into::<HtmlElement>().ok()
        }
        None => document.body(),
    }
}

/// `<html lang>`: the language of the page as screen readers should read it.
pub fn set_lang(lang: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        // Nothing more can be done if this fails.
        let _ = html.set_attribute("lang", lang);
    }
}

/// `<html data-myna-texts>`: the texts beyond the first view have been taken in (`ready`) or could not be
/// (`failed`); e2e waits for it before saying that nothing was redrawn.
pub fn set_texts_taken_in(loaded: bool) {
    mark_html("data-myna-texts", if loaded { "ready" } else { "failed" });
}

/// `<html data-myna-profile>`: the municipality profile has arrived (`ready`) or could not be had (`missing`);
/// e2e waits for it before saying that something the profile would bring (the ward chooser, offices) is absent.
pub fn set_profile_settled(found: bool) {
    mark_html("data-myna-profile", if found { "ready" } else { "missing" });
}

/// A state of the guide on `<html>`, outside the root Leptos owns.
fn mark_html(name: &str, value: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        // Only a sign for tests and tools: nothing depends on it.
        let _ = html.set_attribute(name, value);
    }
}

/// The city's colours (`profile::theme`, each accepted by `theme::accept`) on the root element, where main.css
/// declares the tokens.
pub fn set_colours(theme: &[(&'static str, String)]) {
    let Some(root) = document().and_then(|d| d.document_element()) else { return };
    let style = root.unchecked_into::<HtmlElement>().style();
    for (token, colour) in theme {
        // Refused only for a malformed value, which `accept` has ruled out.
        let _ = style.set_property(token, colour);
    }
}

/// Hides the app and shows the static 「問題が発生しました」 block, instead of a blank or half-drawn frame.
/// Formats nothing: no panic message reaches the page or the console (it could hold an answer).
pub fn reveal_error_block() {
    // A fixed text, never the panic message; e2e fails on any console error.
    web_sys::console::error_1(&"myna-guide: internal error (panic)".into());
    let Some(document) = document() else { return };
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        // Nothing more can be done if this fails; the error block below is still revealed.
        root.set_attribute("hidden", "").ok();
    }
    if let Some(block) = document.get_element_by_id(ERROR_ID) {
        block.remove_attribute("hidden").ok();
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// The bridges, the only files that may touch the page's elements without Leptos: this shell, the host
    /// page (`embed`), WebUSB (`usb`), the card-reader module's script (`reader_module`) and the calendar
    /// download (`ics::download`).
    const BRIDGES: [&str; 5] = ["shell.rs", "embed.rs", "usb.rs", "reader_module.rs", "ics.rs"];

    /// What only a bridge may call: drawing, or listening, behind Leptos's back (issue 11). Split, so that
    /// this list is not a hit itself.
    const DOM_CALLS: [[&str; 2]; 6] = [
        ["append", "_child"],
        ["set_inner", "_html"],
        ["set_", "attribute"],
        ["remove_", "attribute"],
        ["add_event", "_listener"],
        ["insert", "_before"],
    ];

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn leptos_draws_every_element_outside_the_bridges() {
        let mut files = Vec::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        assert!(files.len() > 20, "the sources were found");
        let mut found = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let forget = ["mem::", "forget"].concat();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                let dom = DOM_CALLS.iter().any(|call| code.contains(&call.concat()));
                if (dom && !BRIDGES.contains(&name)) || code.contains(&forget) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(found.is_empty(), "DOM calls outside the bridges, or a value leaked on purpose:\n{}", found.join("\n"));
    }
}
