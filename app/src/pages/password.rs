//! The signature password checker (docs/design.md §3.8): a password box with show/hide, checked by
//! `rules::check_password` after a short pause, the problems in words in an `aria-live="polite"` region.
//! The password lives in this component only — not in the answers, not in storage, not in the URL or
//! title — and is cleared when the page is left (also when the browser keeps the page in its back-forward
//! cache). The form the card reads (half-width capitals) is shown only while the password is shown, so a
//! hidden password is never written out beside its box nor read aloud.

use std::time::Duration;

use leptos::prelude::*;
use rules::PasswordCheck;
use wasm_bindgen::JsValue;

use super::keep_title;
use crate::components::markup::{el, live_region, page, summary_row, Node};
use crate::i18n::{words, Msg};
use crate::state::use_state;

/// How long typing must pause before the password is checked.
const PAUSE: Duration = Duration::from_millis(400);

/// What the region under the box says about a checked password.
fn result_nodes(check: PasswordCheck, shown: bool) -> Vec<Node> {
    let verdict = if check.valid { Msg::PasswordValid } else { Msg::PasswordInvalid };
    let mut nodes = vec![el("p", "myna-password__verdict").msg(verdict)];
    if !check.problems.is_empty() {
        let items = check.problems.iter().map(|p| el("li", "").msg(words::password_problem(*p)));
        nodes.push(el("ul", "myna-password__problems").children(items));
    }
    nodes.push(if shown {
        // Raw text: never read as markup, whatever was typed.
        let value = el("code", "myna-password__normalized").attr("lang", "en").raw(check.normalized);
        el("dl", "myna-summary")
            .child(summary_row(Msg::PasswordNormalized, el("dd", "myna-summary__value").child(value)))
    } else {
        el("p", "myna-hint").msg(Msg::PasswordNormalizedHidden)
    });
    nodes
}

/// `"true"` or `"false"`, for an attribute that follows a signal.
fn flag(on: bool) -> Option<String> {
    Some(if on { "true" } else { "false" }.to_owned())
}

/// The page: the box and its toggle are drawn once and follow the signals in place (the type, `aria-pressed`,
/// what the box holds), so the focus stays where the citizen put it; only the region under them is drawn again.
pub fn password_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::PasswordTitle, Signal::derive(|| false));
    // The password and its check: this page's own, dropped with it.
    let value = RwSignal::new(String::new());
    let check = RwSignal::new(None::<PasswordCheck>);
    let shown = RwSignal::new(false);
    let on_input = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        let empty = text.is_empty();
        value.set(text.clone());
        if empty {
            check.set(None);
            return;
        }
        // Checked once typing has paused: only if the box still holds the same text by then.
        set_timeout(
            move || {
                if value.try_get_untracked().as_deref() == Some(text.as_str()) {
                    check.try_set(Some(rules::check_password(&text)));
                }
            },
            PAUSE,
        );
    };
    // Leaving the page for another site keeps it in the back-forward cache: empty the box first. The listener
    // goes with the page.
    let pagehide = window_event_listener_untyped("pagehide", move |_| {
        value.try_set(String::new());
        check.try_set(None);
        shown.try_set(false);
    });
    on_cleanup(move || pagehide.remove());

    let input = el("input", "myna-input myna-password__input")
        .attrs(&[
            ("id", "password"),
            ("name", "password"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("autocapitalize", "off"),
            ("autocorrect", "off"),
            ("aria-describedby", "password-hint"),
        ])
        .reactive_attr("type", move || Some(if shown.get() { "text" } else { "password" }.to_owned()))
        .prop("value", move || JsValue::from_str(&value.get()))
        .on("input", on_input);
    // A toggle button: one name, its state in aria-pressed.
    let toggle = el("button", "myna-button myna-button--secondary")
        .attrs(&[("type", "button"), ("id", "password-toggle"), ("aria-controls", "password")])
        .reactive_attr("aria-pressed", move || flag(shown.get()))
        .msg(Msg::PasswordShow)
        .on("click", move |_| shown.update(|s| *s = !*s));
    let result = move || check.get().map(|c| result_nodes(c, shown.get())).unwrap_or_default();
    page(
        Msg::PasswordTitle,
        true,
        vec![
            el("p", "myna-lead").msg(Msg::PasswordLead),
            el("p", "myna-privacy").msg(Msg::PasswordPrivacy),
            el("div", "myna-field")
                .child(el("label", "myna-label").attr("for", "password").msg(Msg::PasswordLabel))
                .child(el("p", "myna-hint").attr("id", "password-hint").msg(Msg::PasswordRule))
                .child(el("div", "myna-password").child(input).child(toggle)),
            live_region("password-result", result),
        ],
    )
}
